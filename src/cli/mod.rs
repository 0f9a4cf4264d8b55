//! The command line: argument parsing, reading files, rendering. The only layer that does I/O,
//! knows JSON and knows whether it talks to a terminal.

// The command line never panics on output: these shadow the standard macros in every module
// below, so that a closed pipe ends quietly, a failed write to stdout is one message on stderr,
// and a stderr that cannot be written is ignored ([`print`], [`eprint`]). Where a failed write
// must change the exit status, the command calls [`print`] itself.
macro_rules! print {
    ($($arg:tt)*) => {{
        let _ = $crate::cli::print(&format!($($arg)*));
    }};
}
macro_rules! println {
    ($($arg:tt)*) => {{
        let _ = $crate::cli::print(&format!("{}\n", format_args!($($arg)*)));
    }};
}
macro_rules! eprint {
    ($($arg:tt)*) => {
        $crate::cli::eprint(&format!($($arg)*))
    };
}
macro_rules! eprintln {
    ($($arg:tt)*) => {
        $crate::cli::eprint(&format!("{}\n", format_args!($($arg)*)))
    };
}

mod answer;
mod check;
mod files;
mod fmt;
mod holidays;
mod query;
mod repl;
mod test;
mod timeline;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Exit status: success.
pub const OK: i32 = 0;
/// Exit status: the input has errors (or warnings under `--deny warnings`).
pub const FINDINGS: i32 = 1;
/// Exit status: usage error, unreadable input.
pub const USAGE: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "edaran",
    version,
    about = "Check and query Indonesian government circulars (Surat Edaran) on work arrangements",
    long_about = None,
    after_help = "The language, the questions and every check: docs/language.md"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The largest file edaran reads (`64M`, `1G`, or bytes): a bigger one is refused by name
    /// (docs/robustness.md)
    #[arg(long, global = true, value_name = "SIZE", default_value = "256M",
          value_parser = files::parse_size)]
    max_file_size: u64,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse, resolve and lint `.se` files: every diagnostic of every file
    #[command(
        after_help = "Every check, with an example and the fix: docs/lints.md; the language: docs/language.md"
    )]
    Check(CheckArgs),
    /// Answer questions: `wfo "BPKAD" on 2023-09-01`, `explain ...`, `in force on DATE`, ...
    #[command(after_help = QUERY_HELP)]
    Query(QueryArgs),
    /// Run the `test` blocks of `.se` files
    #[command(after_help = "How to write `test` blocks and `expect` lines: docs/language.md")]
    Test(TestArgs),
    /// Ask questions interactively (reads plain lines from a pipe too)
    Repl(ReplArgs),
    /// Rewrite `.se` files in the canonical layout (comments kept; `-` for stdin to stdout)
    Fmt(FmtArgs),
    /// List the national holidays and cuti bersama of a year, with the decree that sets them
    #[command(after_help = HOLIDAYS_HELP)]
    Holidays(HolidaysArgs),
    /// Draw the circulars in force over time, by level, as an SVG picture (`-o FILE.svg`)
    Timeline(timeline::Args),
}

/// After `edaran holidays --help`.
const HOLIDAYS_HELP: &str =
    "The list edaran ships: libur nasional and cuti bersama as set by the SKB of the \
Minister of Religious Affairs, the Minister of Manpower and the Minister of PANRB, with its \
amendments, for 2020 to 2026.

Example:
  edaran holidays 2026 --format json";

#[derive(clap::Args, Debug)]
struct HolidaysArgs {
    /// The year, for example 2026
    year: i32,
    /// Output format
    #[arg(long, value_enum, default_value_t = HolidaysFormat::Human)]
    format: HolidaysFormat,
}

/// `holidays --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum HolidaysFormat {
    /// One line per day, by month, then the decrees and sources of the year
    Human,
    /// One JSON document on stdout: {"year", "source", "counts", "days": [{"date", "weekday",
    /// "kind", "name"}]}; for a year the calendar does not cover, {"input_errors": [...]}
    Json,
}

/// The question forms, after `edaran query --help`.
const QUERY_HELP: &str = r#"Questions (one per `-e`, or one per line on standard input):
  wfo SUBJECT on DATE              the share of work from the office on that day
  wfo SUBJECT from DATE to DATE    the shares over a period, as a timeline
  explain SUBJECT on DATE          the answer and why: every rule, and why it applied or not
  wfh priority SUBJECT on DATE     the WFH priority rank, or none
  in force on DATE                 the circulars in force on that day
  in force from DATE to DATE       the circulars in force in that period, with their days
  conflicts                        every conflict and antinomy in the workspace

  SUBJECT := STRING [function IDENT] [domicile STRING] [office STRING] [gov STRING]

A SUBJECT is a unit in quotes ("Dinas Kesehatan", "Bapenda/UPTD Samsat Serang"), then any of
the other dimensions, each at most once, in any order; `on` or `from` may also come first.
A dimension left out splits the answer into cases, each saying when it holds.
Dates are written YYYY-MM-DD.

Examples:
  edaran query examples/ -e 'wfo "BPKAD" gov "Pemprov Banten" on 2023-09-01'
  edaran query examples/ -e 'explain "Dinas Kesehatan" gov "Pemprov Banten" on 2022-02-10'
  echo 'in force on 2022-02-10' | edaran query examples/ --format json

The full reference: docs/language.md"#;

#[derive(clap::Args, Debug)]
struct FmtArgs {
    /// Files and directories (searched recursively for `*.se`), or `-` for standard input;
    /// default: the current directory
    paths: Vec<PathBuf>,
    /// Change nothing; list the files that would change and exit 1 if any
    #[arg(long)]
    check: bool,
    /// When to use colour
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Write the keywords in this language (`en` English, `id` Bahasa Indonesia), converting
    /// the files; without it, each file stays in its own
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    lang: Option<edaran::Lang>,
}

/// `--lang en` or `--lang id`.
fn parse_lang(code: &str) -> Result<edaran::Lang, String> {
    edaran::Lang::from_code(code)
        .ok_or_else(|| format!("`{code}` is no language of edaran: write `en` or `id`"))
}

#[derive(clap::Args, Debug)]
struct QueryArgs {
    /// Files and directories (searched recursively for `*.se`); default: the current directory
    paths: Vec<PathBuf>,
    /// A question (repeatable); without any, one question per line is read from stdin
    #[arg(short = 'e', long = "expr", value_name = "QUERY")]
    exprs: Vec<String>,
    /// With `explain`: list every circular of the workspace, not only those that concern the
    /// subject and date (the others are otherwise counted in one line per group)
    #[arg(long)]
    all: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = QueryFormat::Human)]
    format: QueryFormat,
    /// When to use colour
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(clap::Args, Debug)]
struct TestArgs {
    /// Files and directories (searched recursively for `*.se`); default: the current directory
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = TestFormat::Human)]
    format: TestFormat,
    /// When to use colour
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(clap::Args, Debug)]
struct ReplArgs {
    /// Files and directories (searched recursively for `*.se`); default: the current directory
    paths: Vec<PathBuf>,
    /// Where to keep the history (default: `$HOME/.edaran_history`)
    #[arg(long)]
    history: Option<PathBuf>,
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// For people.
    Human,
    /// One JSON document on stdout.
    Json,
}

/// `check --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// Each diagnostic with the lines it points at, then a summary line
    Human,
    /// One JSON document on stdout: {"diagnostics": [...], "errors": N, "warnings": N}; when
    /// the files cannot be read, {"input_errors": [...]}
    Json,
}

/// `query --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum QueryFormat {
    /// Each question, then its answer beneath it (its cases, rules and notes); a bad question
    /// is shown with what is wrong on stderr
    Human,
    /// One JSON document on stdout: {"answers": [...]}, one entry per question in order, with
    /// its cases (or circulars, or conflicts); a bad question gets {"query", "errors"} in its
    /// place; when the workspace cannot be read or does not resolve, {"input_errors": [...]}
    Json,
}

/// `test --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum TestFormat {
    /// One line per test (ok or FAILED), each failed `expect` with the line it is on, then the
    /// counts
    Human,
    /// One JSON document on stdout: {"tests": [{"name", "file", "passed", "failures"}],
    /// "passed": N, "failed": N}; when the workspace cannot be read or does not resolve,
    /// {"input_errors": [...]}
    Json,
}

macro_rules! into_format {
    ($($t:ty),*) => {$(
        impl From<$t> for Format {
            fn from(f: $t) -> Format {
                match f {
                    <$t>::Human => Format::Human,
                    <$t>::Json => Format::Json,
                }
            }
        }
    )*};
}
into_format!(CheckFormat, QueryFormat, TestFormat, HolidaysFormat);

/// When to colour human output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// When stdout is a terminal and NO_COLOR is not set
    Auto,
    /// Always
    Always,
    /// Never
    Never,
}

/// What `--deny` can turn into errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Exit 1 when there is any warning
    Warnings,
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Files and directories (searched recursively for `*.se`); default: the current directory
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Exit 1 on warnings too
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// Print at most N diagnostics, then how many more there are (0: all); the counts stay
    /// exact (docs/robustness.md)
    #[arg(long, value_name = "N", default_value_t = check::DEFAULT_MAX_DIAGNOSTICS)]
    max_diagnostics: usize,
    /// When to use colour
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

impl Color {
    fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        }
    }
}

/// Writes `text` to stdout; false when that fails, which the commands turn into exit status 2.
/// A closed pipe (`edaran check | head -1`) ends the process quietly, as `ls | head` does: the
/// reader has what it wanted. Any other failure (a full disk, `> /dev/full`) is one line on
/// stderr. Never a panic.
pub fn print(text: &str) -> bool {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(OK),
        Err(e) => {
            eprint(&format!("error: cannot write the output: {e}\n"));
            false
        }
    }
}

/// Writes `text` to stderr, ignoring a failure: a message that cannot be shown is no reason to
/// stop (and `eprint!` would panic).
pub fn eprint(text: &str) {
    use std::io::Write;
    let mut stderr = std::io::stderr().lock();
    let _ = stderr
        .write_all(text.as_bytes())
        .and_then(|_| stderr.flush());
}

/// Prints the document of a `--format json` run that stops before its work (docs/language.md
/// section 13: unreadable input, a workspace that does not parse and resolve, no question):
/// `{"input_errors": [{"code", "severity", "message", "file"?, "line"?, "column"?, "help"?}]}`.
/// The caller exits 2 whether or not the printing succeeds.
pub fn print_input_errors(entries: Vec<serde_json::Value>) {
    let doc = serde_json::json!({ "input_errors": entries });
    print(&(serde_json::to_string_pretty(&doc).expect("JSON") + "\n"));
}

/// Runs the command line and returns the exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { USAGE } else { OK };
        }
    };
    files::set_max_file_size(cli.max_file_size);
    match cli.command {
        Command::Check(args) => check::run(
            &args.paths,
            args.format.into(),
            args.deny.is_some(),
            args.color.enabled(),
            args.max_diagnostics,
        ),
        Command::Query(args) => query::run(
            &args.paths,
            &args.exprs,
            args.format.into(),
            args.color.enabled(),
            args.all,
        ),
        Command::Test(args) => test::run(&args.paths, args.format.into(), args.color.enabled()),
        Command::Repl(args) => repl::run(&args.paths, args.history),
        Command::Fmt(args) => fmt::run(&args.paths, args.check, args.color.enabled(), args.lang),
        Command::Holidays(args) => holidays::run(args.year, args.format.into()),
        Command::Timeline(args) => timeline::run(args),
    }
}
