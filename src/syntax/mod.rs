//! The front end: text to a typed syntax tree.
//!
//! The public face is [`parse_file`], [`parse_query`] and [`parse_given`], the tree of [`ast`],
//! the keyword table of [`keywords`] and the wording of syntax errors in [`errors`]. Inside, the
//! text goes through three steps, each a private module:
//!
//! - `scan`: one lexical pass collects the comments (with their spans, for the formatter),
//!   reports an unclosed block comment, and blanks out comments, tabs, carriage returns, byte
//!   order marks and parentheses nested more than [`MAX_NESTING`] deep, so that pest reads
//!   only spaces and line feeds between tokens and never descends deeper. The text keeps its
//!   length, so every span stays right.
//! - `parser`: pest, derived from `grammar/edaran.pest`, turns the text into a tree of pairs,
//!   with catch-all nodes for lines it cannot read.
//! - `lower`: pairs become the typed tree of [`ast`]; catch-all nodes become `syntax`
//!   diagnostics (the line is reparsed with the strict rule, and [`errors`] words what was
//!   expected); literals are validated (`invalid-date`, `invalid-percent`, `empty-period`).
//!
//! **Architecture invariant:** parsing never fails. [`parse_file`] always returns a tree (perhaps
//! empty) together with every diagnostic it found.

pub mod ast;
pub mod errors;
pub mod keywords;
pub(crate) mod lower;
mod parser;
mod scan;

pub use scan::MAX_NESTING;

use crate::diagnostic::{Code, Diagnostic};
use crate::span::{FileId, Span};
use parser::{EdaranParser, Rule};
use pest::Parser;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The rule calls one parse may make per byte of input (and at least [`MIN_CALLS`]): bounds the
/// time spent on hostile input while letting a large, well-formed file through.
pub const CALLS_PER_BYTE: usize = 200;
/// The smallest call limit.
pub const MIN_CALLS: usize = 10_000_000;

/// Sets pest's call limit for an input of `len` bytes. The limit is process-wide: parses running
/// at the same time share the largest recent one, which only ever lets more through.
fn init_limits(len: usize) {
    static LIMIT: AtomicUsize = AtomicUsize::new(0);
    let want = len.saturating_mul(CALLS_PER_BYTE).max(MIN_CALLS);
    if LIMIT.fetch_max(want, Ordering::Relaxed) < want {
        pest::set_call_limit(NonZeroUsize::new(want));
    }
}

fn whole_file_error(file: FileId, text: &str, error: pest::error::Error<Rule>) -> Diagnostic {
    let message = match error.variant {
        pest::error::ErrorVariant::CustomError { message } if message.contains("call limit") => {
            crate::text!("file-too-much-work")
        }
        _ => crate::text!("file-unreadable"),
    };
    // The first character, whole (a span never splits one).
    let first = text.chars().next().map_or(0, char::len_utf8);
    Diagnostic::of(Code::Syntax, file, Span::new(0, first), message)
        .with_help_text(crate::text!("split-the-file"))
}

/// Parses one `.se` file. Never fails: returns what could be read plus every diagnostic.
pub fn parse_file(file: FileId, text: &str) -> (ast::File, Vec<Diagnostic>) {
    init_limits(text.len());
    let (scan, readable) = scan::scan(text);
    let mut lowerer = lower::Lowerer::new(file, &readable);
    for &at in &scan.too_deep {
        lowerer.diagnostics.push(
            Diagnostic::of(
                Code::Syntax,
                file,
                at,
                crate::text!("parentheses-too-deep", most = scan::MAX_NESTING),
            )
            .with_help_text(crate::text!("parentheses-too-deep-help")),
        );
    }
    if let Some(at) = scan.unclosed_comment {
        lowerer.diagnostics.push(
            Diagnostic::of(Code::Syntax, file, at, crate::text!("unclosed-comment"))
                .with_help_text(crate::text!("unclosed-comment-help")),
        );
    }
    let mut tree = match EdaranParser::parse(Rule::file, &readable) {
        Ok(mut pairs) => {
            let pair = pairs.next().expect("the file rule produces one pair");
            lowerer.file(pair)
        }
        Err(error) => {
            lowerer
                .diagnostics
                .push(whole_file_error(file, text, error));
            ast::File::default()
        }
    };
    lowerer.check_periods(&tree);
    let mut diagnostics = lowerer.diagnostics;
    tree.comments = scan.comments;
    crate::diagnostic::sort(&mut diagnostics);
    (tree, diagnostics)
}

/// The language of a question that could not be read, from its first word (`jelaskan`, `wfo`:
/// English when it tells nothing).
fn guess(text: &str) -> crate::Lang {
    let first = text.split_whitespace().next().unwrap_or("");
    keywords::language_of(first).unwrap_or_default()
}

/// Parses one question (docs/language.md section 9). `None` when it cannot be read; the diagnostics
/// point into `text`.
pub fn parse_query(file: FileId, text: &str) -> (Option<ast::Query>, Vec<Diagnostic>) {
    init_limits(text.len());
    let (_, readable) = scan::scan(text);
    let mut lowerer = lower::Lowerer::new(file, &readable);
    let query = match EdaranParser::parse(Rule::query_line, &readable) {
        Ok(mut pairs) => {
            let line = pairs.next().expect("the query_line rule produces one pair");
            line.into_inner()
                .find(|p| p.as_rule() == Rule::query)
                .map(|q| {
                    lowerer.lang = lowerer.language(&q, "question");
                    lowerer.query(q)
                })
        }
        Err(error) => {
            let d = errors::from_pest(error, file, text, 0, errors::Context::Query, guess(text));
            lowerer.diagnostics.push(d);
            None
        }
    };
    let diagnostics = lowerer.diagnostics;
    let query = if diagnostics.iter().any(Diagnostic::is_error) {
        None
    } else {
        query
    };
    (query, diagnostics)
}

/// Parses `given DIMENSIONS` (the REPL's `:given`). The diagnostics point into `text`.
pub fn parse_given(file: FileId, text: &str) -> (Vec<ast::Dimension>, Vec<Diagnostic>) {
    init_limits(text.len());
    let (_, readable) = scan::scan(text);
    let mut lowerer = lower::Lowerer::new(file, &readable);
    let dims = match EdaranParser::parse(Rule::given_line, &readable) {
        Ok(mut pairs) => {
            let line = pairs.next().expect("the given_line rule produces one pair");
            match line.into_inner().find(|p| p.as_rule() == Rule::given) {
                Some(given) => {
                    lowerer.lang = lowerer.language(&given, "question");
                    lowerer.given(given).into_iter().map(|d| d.node).collect()
                }
                None => Vec::new(),
            }
        }
        Err(error) => {
            let d = errors::from_pest(error, file, text, 0, errors::Context::Query, guess(text));
            lowerer.diagnostics.push(d);
            Vec::new()
        }
    };
    (dims, lowerer.diagnostics)
}
