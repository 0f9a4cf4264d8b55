//! The command line: argument parsing, reading files, rendering. The only layer that does I/O,
//! knows JSON and knows whether it talks to a terminal.

mod answer;
mod check;
mod files;
mod fmt;
mod query;
mod repl;
mod test;

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
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse, resolve and lint `.se` files: every diagnostic of every file
    Check(CheckArgs),
    /// Answer questions: `wfo "BPKAD" on 2023-09-01`, `explain ...`, `in force on DATE`, ...
    Query(QueryArgs),
    /// Run the `test` blocks of `.se` files
    Test(TestArgs),
    /// Ask questions interactively (reads plain lines from a pipe too)
    Repl(ReplArgs),
    /// Rewrite `.se` files in the canonical layout (comments kept; `-` for stdin to stdout)
    Fmt(FmtArgs),
}

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
}

#[derive(clap::Args, Debug)]
struct QueryArgs {
    /// Files and directories (searched recursively for `*.se`); default: the current directory
    paths: Vec<PathBuf>,
    /// A question (repeatable); without any, one question per line is read from stdin
    #[arg(short = 'e', long = "expr", value_name = "QUERY")]
    exprs: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to use colour
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(clap::Args, Debug)]
struct TestArgs {
    /// Files and directories (searched recursively for `*.se`); default: the current directory
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Diagnostics with source snippets
    Human,
    /// One JSON document on stdout
    Json,
}

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
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit 1 on warnings too
    #[arg(long, value_enum)]
    deny: Option<Deny>,
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

/// Writes `text` to stdout; false when that fails (a closed pipe, a full disk), which the
/// commands turn into exit status 2.
pub fn print(text: &str) -> bool {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
        .is_ok()
}

/// Prints the document of a `--format json` run that stops before its work (LANGUAGE.md section
/// 9 as corrected: unreadable input, a workspace that does not parse and resolve, no question):
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
    match cli.command {
        Command::Check(args) => check::run(
            &args.paths,
            args.format,
            args.deny.is_some(),
            args.color.enabled(),
        ),
        Command::Query(args) => {
            query::run(&args.paths, &args.exprs, args.format, args.color.enabled())
        }
        Command::Test(args) => test::run(&args.paths, args.format, args.color.enabled()),
        Command::Repl(args) => repl::run(&args.paths, args.history),
        Command::Fmt(args) => fmt::run(&args.paths, args.check, args.color.enabled()),
    }
}
