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

#[macro_use]
mod l10n;
mod answer;
mod check;
mod files;
mod fmt;
mod help;
mod holidays;
mod lang;
mod query;
mod repl;
mod test;
mod timeline;

use clap::{CommandFactory, FromArgMatches, Subcommand, ValueEnum};
use edaran::model::Source;
use edaran::render::Renderer;
use lang::Lang;
use std::path::PathBuf;

/// Exit status: success.
pub const OK: i32 = 0;
/// Exit status: the input has errors (or warnings under `--deny warnings`).
pub const FINDINGS: i32 = 1;
/// Exit status: usage error, unreadable input.
pub const USAGE: i32 = 2;

// The help of every command, argument and value is a message of `locales/*/cli.ftl`, made when
// clap builds the command: after the language is chosen (see [`run`]).
#[derive(clap::Parser, Debug)]
#[command(
    name = "edaran",
    version,
    about = tr!("help-about"),
    long_about = None,
    after_help = tr!("help-after")
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[arg(long, global = true, value_name = "SIZE", default_value = "256M",
          value_parser = files::parse_size, help = tr!("help-max-file-size"))]
    max_file_size: u64,
    #[arg(long, global = true, value_enum, value_name = "LANG", help = tr!("help-lang"))]
    lang: Option<Lang>,
}

#[derive(Subcommand, Debug)]
enum Command {
    #[command(about = tr!("help-check"), after_help = tr!("help-check-after"))]
    Check(CheckArgs),
    #[command(about = tr!("help-query"), after_help = tr!("help-query-after"))]
    Query(QueryArgs),
    #[command(about = tr!("help-test"), after_help = tr!("help-test-after"))]
    Test(TestArgs),
    #[command(about = tr!("help-repl"))]
    Repl(ReplArgs),
    #[command(about = tr!("help-fmt"))]
    Fmt(FmtArgs),
    #[command(about = tr!("help-holidays"), after_help = tr!("help-holidays-after"))]
    Holidays(HolidaysArgs),
    #[command(about = tr!("help-timeline"))]
    Timeline(timeline::Args),
}

#[derive(clap::Args, Debug)]
struct HolidaysArgs {
    #[arg(help = tr!("help-holidays-year"))]
    year: i32,
    #[arg(long, value_enum, default_value_t = HolidaysFormat::Human, help = tr!("help-format"))]
    format: HolidaysFormat,
}

/// `holidays --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum HolidaysFormat {
    #[value(help = tr!("help-holidays-human"))]
    Human,
    #[value(help = tr!("help-holidays-json"))]
    Json,
}

#[derive(clap::Args, Debug)]
struct FmtArgs {
    #[arg(help = tr!("help-fmt-paths"))]
    paths: Vec<PathBuf>,
    #[arg(long, help = tr!("help-fmt-check"))]
    check: bool,
    #[arg(long, value_enum, default_value_t = Color::Auto, help = tr!("help-color"))]
    color: Color,
}

#[derive(clap::Args, Debug)]
struct QueryArgs {
    #[arg(help = tr!("help-paths"))]
    paths: Vec<PathBuf>,
    #[arg(short = 'e', long = "expr", value_name = "QUERY", help = tr!("help-query-expr"))]
    exprs: Vec<String>,
    #[arg(long, help = tr!("help-query-all"))]
    all: bool,
    #[arg(long, value_enum, default_value_t = QueryFormat::Human, help = tr!("help-format"))]
    format: QueryFormat,
    #[arg(long, value_enum, default_value_t = Color::Auto, help = tr!("help-color"))]
    color: Color,
}

#[derive(clap::Args, Debug)]
struct TestArgs {
    #[arg(help = tr!("help-paths"))]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = TestFormat::Human, help = tr!("help-format"))]
    format: TestFormat,
    #[arg(long, value_enum, default_value_t = Color::Auto, help = tr!("help-color"))]
    color: Color,
}

#[derive(clap::Args, Debug)]
struct ReplArgs {
    #[arg(help = tr!("help-paths"))]
    paths: Vec<PathBuf>,
    #[arg(long, help = tr!("help-repl-history"))]
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
    #[value(help = tr!("help-check-human"))]
    Human,
    #[value(help = tr!("help-check-json"))]
    Json,
}

/// `query --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum QueryFormat {
    #[value(help = tr!("help-query-human"))]
    Human,
    #[value(help = tr!("help-query-json"))]
    Json,
}

/// `test --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum TestFormat {
    #[value(help = tr!("help-test-human"))]
    Human,
    #[value(help = tr!("help-test-json"))]
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
    #[value(help = tr!("help-color-auto"))]
    Auto,
    #[value(help = tr!("help-color-always"))]
    Always,
    #[value(help = tr!("help-color-never"))]
    Never,
}

/// What `--deny` can turn into errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    #[value(help = tr!("help-deny-warnings"))]
    Warnings,
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    #[arg(help = tr!("help-paths"))]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Human, help = tr!("help-format"))]
    format: CheckFormat,
    #[arg(long, value_enum, help = tr!("help-check-deny"))]
    deny: Option<Deny>,
    #[arg(long, value_name = "N", default_value_t = check::DEFAULT_MAX_DIAGNOSTICS,
          help = tr!("help-check-max-diagnostics"))]
    max_diagnostics: usize,
    #[arg(long, value_enum, default_value_t = Color::Auto, help = tr!("help-color"))]
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

/// The renderer of diagnostics, with the words it adds in the language of the run.
pub fn renderer(sources: &[Source], color: bool) -> Renderer<'_> {
    Renderer::new(sources, color)
        .with_witness_label(tr!("witness"))
        .in_language(l10n::lang().keywords())
}

/// Writes `text` to stdout; false when that fails, which the commands turn into exit status 2.
/// A closed pipe (`edaran check | head -1`) ends the process quietly, as `ls | head` does: the
/// reader has what it wanted. Any other failure (a full disk, `> /dev/full`) is one line on
/// stderr. Never a panic.
pub fn print(text: &str) -> bool {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    written(
        stdout
            .write_all(text.as_bytes())
            .and_then(|_| stdout.flush()),
    )
}

/// The outcome of a write to stdout: true when written; a closed pipe ends the run (the
/// reader has what it wanted), another failure is reported and false.
pub fn written(result: std::io::Result<()>) -> bool {
    match result {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(OK),
        Err(e) => {
            eprint(&(l10n::error(tr!("cannot-write-output", reason = e.to_string())) + "\n"));
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
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Before clap builds the command: its help is in the language of the run.
    let lang = lang::choose(&args);
    l10n::set_lang(lang);
    let command = match lang {
        Lang::En => Cli::command(),
        Lang::Id => help::in_indonesian(Cli::command()),
    };
    let cli = match command
        .try_get_matches_from(args)
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches))
    {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { USAGE } else { OK };
        }
    };
    if let Some(lang) = cli.lang {
        l10n::set_lang(lang);
    }
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
        // `--lang` given to `fmt` (not the environment's locale) also converts the keywords.
        Command::Fmt(args) => fmt::run(
            &args.paths,
            args.check,
            args.color.enabled(),
            cli.lang.map(Lang::keywords),
        ),
        Command::Holidays(args) => holidays::run(args.year, args.format.into()),
        Command::Timeline(args) => timeline::run(args),
    }
}
