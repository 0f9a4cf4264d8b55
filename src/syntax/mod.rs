//! The front end: text to a typed syntax tree, in two named steps.
//!
//! - Step one, [`parser`]: pest turns text into a concrete tree of pairs, with catch-all nodes
//!   for lines it cannot read.
//! - Step two, [`lower`]: pairs become the typed tree of [`ast`], catch-all nodes become `syntax`
//!   diagnostics, and literals are validated (`invalid-date`, `invalid-percent`, `empty-period`).
//!
//! **Architecture invariant:** parsing never fails. [`parse_file`] always returns a tree (perhaps
//! empty) together with every diagnostic it found.

pub mod ast;
pub mod errors;
pub mod lower;
pub mod parser;

use crate::diagnostic::{Code, Diagnostic};
use crate::span::{FileId, Span};
use parser::{EdaranParser, Rule};
use pest::Parser;
use std::num::NonZeroUsize;
use std::sync::Once;

/// The most rule calls one parse may make: bounds the time spent on hostile input.
pub const CALL_LIMIT: usize = 50_000_000;

fn init_limits() {
    static INIT: Once = Once::new();
    INIT.call_once(|| pest::set_call_limit(NonZeroUsize::new(CALL_LIMIT)));
}

fn whole_file_error(file: FileId, text: &str, error: pest::error::Error<Rule>) -> Diagnostic {
    let message = match error.variant {
        pest::error::ErrorVariant::CustomError { message } => message,
        _ => "the file could not be read as `.se` source".to_string(),
    };
    Diagnostic::new(Code::Syntax, file, Span::new(0, text.len().min(1)), message).with_help(
        "the file is too large or too deeply nested to parse; split it into several files",
    )
}

/// Parses one `.se` file. Never fails: returns what could be read plus every diagnostic.
pub fn parse_file(file: FileId, text: &str) -> (ast::File, Vec<Diagnostic>) {
    init_limits();
    let mut lowerer = lower::Lowerer::new(file, text);
    let tree = match EdaranParser::parse(Rule::file, text) {
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
    crate::diagnostic::sort(&mut diagnostics);
    (tree, diagnostics)
}

/// Parses one question (LANGUAGE.md section 6). `None` when it cannot be read; the diagnostics
/// point into `text`.
pub fn parse_query(file: FileId, text: &str) -> (Option<ast::Query>, Vec<Diagnostic>) {
    init_limits();
    let mut lowerer = lower::Lowerer::new(file, text);
    let query = match EdaranParser::parse(Rule::query_line, text) {
        Ok(mut pairs) => {
            let line = pairs.next().expect("the query_line rule produces one pair");
            line.into_inner()
                .find(|p| p.as_rule() == Rule::query)
                .map(|q| lowerer.query(q))
        }
        Err(error) => {
            let d = errors::from_pest(error, file, text, 0, errors::Context::Query);
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
    init_limits();
    let mut lowerer = lower::Lowerer::new(file, text);
    let dims = match EdaranParser::parse(Rule::given_line, text) {
        Ok(mut pairs) => {
            let line = pairs.next().expect("the given_line rule produces one pair");
            match line.into_inner().find(|p| p.as_rule() == Rule::given) {
                Some(given) => lowerer.given(given).into_iter().map(|d| d.node).collect(),
                None => Vec::new(),
            }
        }
        Err(error) => {
            let d = errors::from_pest(error, file, text, 0, errors::Context::Query);
            lowerer.diagnostics.push(d);
            Vec::new()
        }
    };
    (dims, lowerer.diagnostics)
}
