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

/// The diagnostic for a part of a file (from byte `base`) that pest could not read at all.
fn whole_file_error(
    file: FileId,
    text: &str,
    base: usize,
    error: pest::error::Error<Rule>,
) -> Diagnostic {
    let message = match error.variant {
        pest::error::ErrorVariant::CustomError { message } if message.contains("call limit") => {
            crate::text!("file-too-much-work")
        }
        _ => crate::text!("file-unreadable"),
    };
    // The first character, whole (a span never splits one).
    let first = text[base..].chars().next().map_or(0, char::len_utf8);
    Diagnostic::of(Code::Syntax, file, Span::new(base, base + first), message)
        .with_help_text(crate::text!("split-the-file"))
}

/// The size past which a file is parsed in parts: pest keeps a token for every step of a
/// parse until it ends (about forty bytes for each byte of a file), so a national corpus
/// written as one 10 MB file took 400 MB at once; in parts, it takes that of a part, and the
/// parts are parsed on every core.
pub const PART_LEN: usize = 64 * 1024;

/// Parses one `.se` file. Never fails: returns what could be read plus every diagnostic.
///
/// A file longer than [`PART_LEN`] is cut before circulars (`scan::item_starts`) and the parts
/// are parsed on every core, each by pest on its own; the tree and the diagnostics are those
/// of the whole file read at once (`tests/parts.rs`).
pub fn parse_file(file: FileId, text: &str) -> (ast::File, Vec<Diagnostic>) {
    parse_in_parts(file, text, PART_LEN)
}

/// [`parse_file`] with parts of at least `part_len` bytes (`usize::MAX`: the whole file at
/// once), for the tests that the parts change nothing.
#[doc(hidden)]
pub fn parse_in_parts(file: FileId, text: &str, part_len: usize) -> (ast::File, Vec<Diagnostic>) {
    init_limits(text.len());
    let (scan, readable) = scan::scan(text);
    let mut diagnostics = scan_diagnostics(file, &scan);
    let starts = if text.len() >= part_len.saturating_mul(2) || part_len <= 1 {
        scan::item_starts(&readable, part_len)
    } else {
        vec![0]
    };
    let range = |k: usize| starts[k]..starts.get(k + 1).copied().unwrap_or(readable.len());
    // The file's language is that of its first word of one: the parts are read in turn until
    // one has such a word, then the rest on every core with the language known.
    let mut words = lower::Words::default();
    let mut parts = Vec::new();
    while parts.len() < starts.len() && words.first.is_none() {
        let part = parse_part(file, text, &readable, range(parts.len()), None);
        words = words.then(part.words);
        parts.push(part);
    }
    let lang = words.lang();
    // Parts without a word of a language were lowered in English: their catch-all lines list
    // the keywords of the file's language, so they are read again in it.
    if lang != crate::Lang::En {
        for k in 0..parts.len().saturating_sub(1) {
            parts[k] = parse_part(file, text, &readable, range(k), Some(lang));
        }
    }
    let done = parts.len();
    parts.extend(crate::par::map(starts.len() - done, |k| {
        parse_part(file, text, &readable, range(done + k), Some(lang))
    }));
    let mut items = Vec::new();
    for (k, part) in parts.into_iter().enumerate() {
        items.extend(part.items);
        diagnostics.extend(part.diagnostics);
        if k >= done {
            words = words.then(part.words);
        }
    }
    let mut lowerer = lower::Lowerer::at(file, &readable, 0, lang);
    lowerer.report_mixing(&words, "file");
    let tree = ast::File {
        items,
        comments: scan.comments,
        lang,
    };
    lowerer.check_periods(&tree);
    diagnostics.append(&mut lowerer.diagnostics);
    crate::diagnostic::sort(&mut diagnostics);
    (tree, diagnostics)
}

/// A large file made ready to be parsed part by part, each part on any thread, so that a
/// caller can resolve the parts as they come and drop each tree at once (`check::load`): the
/// memory of a national corpus written as one file then follows its largest part, not the file.
///
/// A part's tree holds the part's items; its diagnostics are those the whole file's parse gives
/// within it, but for `mixed-language`, which only the whole file reports: a part says whether
/// it has a word of the other language ([`Parsed::mixed`]).
pub struct Parts<'t> {
    text: &'t str,
    readable: std::borrow::Cow<'t, str>,
    starts: Vec<usize>,
    lang: crate::Lang,
    /// What the scanner found wrong (an unclosed comment, too deep a nesting), reported with the
    /// part it is in.
    scanned: Vec<Diagnostic>,
    /// The first part, read to learn the file's language.
    first: std::sync::Mutex<Option<Part>>,
    /// The sets the first part defines at the top.
    sets: Vec<ast::SetDef>,
}

/// One part of a file, parsed ([`Parts::parse`]).
pub struct Parsed {
    /// The part's items, with the file's language.
    pub tree: ast::File,
    /// Its diagnostics, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether it has a word of the other language than the file's.
    pub mixed: bool,
}

impl<'t> Parts<'t> {
    /// `text` made ready to be parsed in parts; `None` when it is too small to be cut, or when
    /// its first part has no word of a language (its language would have to be looked for
    /// further: [`parse_file`] does).
    pub fn of(file: FileId, text: &'t str) -> Option<Parts<'t>> {
        Parts::with_len(file, text, PART_LEN)
    }

    /// [`Parts::of`] with parts of at least `part_len` bytes, for the tests (`1`: a part for
    /// every circular that may start one).
    #[doc(hidden)]
    pub fn with_len(file: FileId, text: &'t str, part_len: usize) -> Option<Parts<'t>> {
        if text.len() < part_len.saturating_mul(2) && part_len > 1 {
            return None;
        }
        init_limits(text.len());
        let (scan, readable) = scan::scan(text);
        let starts = scan::item_starts(&readable, part_len);
        if starts.len() < 2 {
            return None;
        }
        let mut parts = Parts {
            text,
            readable,
            starts,
            lang: crate::Lang::En,
            scanned: scan_diagnostics(file, &scan),
            first: std::sync::Mutex::new(None),
            sets: Vec::new(),
        };
        let first = parse_part(file, text, &parts.readable, parts.range(0), None);
        parts.lang = first.words.first?.0;
        parts.sets = first
            .items
            .iter()
            .filter_map(|item| match item {
                ast::Item::Set(set) => Some(set.clone()),
                _ => None,
            })
            .collect();
        parts.first = std::sync::Mutex::new(Some(first));
        Some(parts)
    }

    /// The sets the first part defines at the top, which every circular of the file reads.
    pub fn sets(&self) -> &[ast::SetDef] {
        &self.sets
    }

    /// How many parts there are.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Never: a file in parts has at least two.
    pub fn is_empty(&self) -> bool {
        false
    }

    fn range(&self, k: usize) -> std::ops::Range<usize> {
        self.starts[k]
            ..self
                .starts
                .get(k + 1)
                .copied()
                .unwrap_or(self.readable.len())
    }

    /// Parses part `k`.
    pub fn parse(&self, file: FileId, k: usize) -> Parsed {
        let kept = if k == 0 {
            self.first.lock().unwrap_or_else(|e| e.into_inner()).take()
        } else {
            None
        };
        let part = kept.unwrap_or_else(|| {
            parse_part(
                file,
                self.text,
                &self.readable,
                self.range(k),
                Some(self.lang),
            )
        });
        let mut diagnostics = part.diagnostics;
        // What the scanner found goes with the part it is in (an unclosed comment keeps the
        // circular it is in out of the model).
        let range = self.range(k);
        let last = k + 1 == self.len();
        diagnostics.extend(
            self.scanned
                .iter()
                .filter(|d| {
                    range.contains(&d.span.start()) || (last && d.span.start() >= range.end)
                })
                .cloned(),
        );
        let tree = ast::File {
            items: part.items,
            comments: Vec::new(),
            lang: self.lang,
        };
        let mut lowerer = lower::Lowerer::at(file, &self.readable, 0, self.lang);
        lowerer.check_periods(&tree);
        diagnostics.append(&mut lowerer.diagnostics);
        crate::diagnostic::sort(&mut diagnostics);
        Parsed {
            tree,
            diagnostics,
            mixed: part.words.strays > 0,
        }
    }
}

/// The diagnostics of what the scanner found.
fn scan_diagnostics(file: FileId, scan: &scan::Scan) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for &at in &scan.too_deep {
        diagnostics.push(
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
        diagnostics.push(
            Diagnostic::of(Code::Syntax, file, at, crate::text!("unclosed-comment"))
                .with_help_text(crate::text!("unclosed-comment-help")),
        );
    }
    diagnostics
}

/// What pest and the lowering made of one part of a file.
struct Part {
    items: Vec<ast::Item>,
    diagnostics: Vec<Diagnostic>,
    /// Its words of a language (with the file's language known, when it was).
    words: lower::Words,
}

/// Parses and lowers the part `range` of `readable` (the scanned `text`); `known` is the file's
/// language when an earlier part told it.
fn parse_part(
    file: FileId,
    text: &str,
    readable: &str,
    range: std::ops::Range<usize>,
    known: Option<crate::Lang>,
) -> Part {
    let base = range.start;
    let mut lowerer = lower::Lowerer::at(file, readable, base, known.unwrap_or_default());
    match EdaranParser::parse(Rule::file, &readable[range]) {
        Ok(mut pairs) => {
            let pair = pairs.next().expect("the file rule produces one pair");
            let words = lowerer.words(&pair, known);
            lowerer.lang = known.unwrap_or(words.lang());
            let items = lowerer.items(pair);
            Part {
                items,
                diagnostics: lowerer.diagnostics,
                words,
            }
        }
        Err(error) => Part {
            items: Vec::new(),
            diagnostics: vec![whole_file_error(file, text, base, error)],
            words: lower::Words::default(),
        },
    }
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
