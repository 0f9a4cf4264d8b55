//! The canonical layout of `.se` files (`edaran fmt`), documented in `docs/formatting.md`.
//!
//! The formatter prints the syntax tree, and puts back every comment the tree keeps
//! ([`File::comments`]) next to the node it annotates: a comment on its own line goes before
//! the next node, a comment after a node on the same line stays at the end of that line, and a
//! comment inside a node goes on its own line before it. Literals (strings, dates) are printed as
//! written, so escapes survive. Nothing that carries meaning is dropped: a test checks that a file
//! and its formatted text give the same diagnostics and the same answers.
//!
//! A file with syntax errors is not formatted: [`format()`] returns its diagnostics instead.
//!
//! This file holds the printer and the blocks (the file, circulars, `test` blocks); `nodes.rs`
//! gives the text of each node, `layout.rs` lays out the lines of a block (blank lines,
//! alignment, wrapping) and `comments.rs` puts the comments back.

use crate::diagnostic::{Code, Diagnostic};
use crate::lang::Lang;
use crate::span::{FileId, Span, Spanned};
use crate::syntax::ast::*;
use std::fmt::Write as _;

mod comments;
mod layout;
mod nodes;

use comments::skip_trivia;
use layout::fill_words;
use nodes::pct_text;

/// The width lines are kept within where possible.
pub const WIDTH: usize = 100;
/// Indentation of one level.
const INDENT: &str = "  ";
/// Rules whose `rule NAME: SELECTOR` part is longer than this are not aligned with the others.
const ALIGN_LIMIT: usize = 56;

/// Formats one file, in the language it is written in. `Err` holds the syntax errors that
/// prevent it.
pub fn format(text: &str) -> Result<String, Vec<Diagnostic>> {
    format_as(text, None)
}

/// Formats one file with its keywords in `lang` (`edaran fmt --lang`), or in the language it is
/// written in (`None`; a file that mixes the two is written in the language of its first
/// keyword). Converting is lossless: comments, strings, names and meaning are kept, and
/// converting back gives the formatted file. `Err` holds the syntax errors that prevent it.
pub fn format_as(text: &str, lang: Option<Lang>) -> Result<String, Vec<Diagnostic>> {
    let (file, diagnostics) = crate::syntax::parse_file(FileId(0), text);
    let syntax: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| d.code == Code::Syntax)
        .collect();
    if !syntax.is_empty() {
        return Err(syntax);
    }
    let mut printer = Printer {
        lang: lang.unwrap_or(file.lang),
        text,
        comments: file.comments.clone(),
        next_comment: 0,
        out: String::new(),
        last_end: 0,
        block_start: 0,
    };
    printer.file(&file);
    Ok(printer.out)
}

struct Printer<'a> {
    /// The language the keywords are written in.
    lang: Lang,
    text: &'a str,
    comments: Vec<Spanned<String>>,
    next_comment: usize,
    out: String,
    /// Where the last printed thing ended in the source.
    last_end: usize,
    /// The length of the output just after the last block's opening line: no blank line there.
    block_start: usize,
}

/// One line (or several, when wrapped) of a block, with what the layout needs to know.
struct Line {
    span: Span,
    /// The text before alignment: for rules and sets, the part before `=>` or `=`.
    head: String,
    /// The rest (after the aligned column), empty when not aligned.
    tail: String,
    kind: LineKind,
    blank_before: bool,
    /// The pieces the text is laid out from: for header clauses with a list value, its items (so
    /// the list can wrap under its column); for sets, the members; for rules, the arrangement and
    /// then the modifiers (laid out again when alignment pads the head).
    items: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LineKind {
    /// A header clause: `head` is the keyword, `tail` its value.
    Header,
    /// A set definition: `head` is `sector NAME`, `tail` is `= [...]`.
    Set,
    /// A rule: `head` is `rule NAME: SELECTOR`, `tail` is `=> ARRANGEMENT MODIFIERS`.
    Rule,
    /// Anything else: `head` is the whole text.
    Plain,
}

impl<'a> Printer<'a> {
    fn src(&self, span: Span) -> &'a str {
        span.text(self.text)
    }

    /// `baseline wfo 50%`.
    fn baseline(&self, pct: &PctLit) -> String {
        format!("{} wfo {}", self.w("baseline"), pct_text(self, pct))
    }

    fn file(&mut self, file: &File) {
        let mut k = 0;
        while k < file.items.len() {
            if k > 0 {
                self.blank();
            }
            match &file.items[k] {
                Item::Circular(c) => {
                    self.circular(c);
                    k += 1;
                }
                Item::Test(t) => {
                    self.test(t);
                    k += 1;
                }
                Item::Set(_)
                | Item::Baseline(_)
                | Item::Holiday(_)
                | Item::Workweek(_)
                | Item::CalendarNone(_) => {
                    // A run of one-line items: printed like the lines of a block, aligned.
                    let mut lines = Vec::new();
                    while let Some(item) = file.items.get(k) {
                        let plain = |span: Span, head: String| Line {
                            span,
                            head,
                            tail: String::new(),
                            kind: LineKind::Plain,
                            blank_before: false,
                            items: Vec::new(),
                        };
                        lines.push(match item {
                            Item::Circular(_) | Item::Test(_) => break,
                            Item::Set(def) => self.set_line(def, 0),
                            Item::Baseline(b) => plain(b.span, self.baseline(&b.node)),
                            Item::Holiday(h) => {
                                plain(h.span, self.calendar_line(item).unwrap_or_default())
                            }
                            Item::Workweek(w) => {
                                plain(w.span, self.calendar_line(item).unwrap_or_default())
                            }
                            Item::CalendarNone(span) => {
                                plain(*span, self.calendar_line(item).unwrap_or_default())
                            }
                        });
                        k += 1;
                    }
                    let end = lines.last().map_or(0, |l| l.span.end());
                    self.leading(lines[0].span.start(), lines[0].span.start(), "", true);
                    self.lines(lines, "", end);
                }
            }
        }
        self.leading(usize::MAX, usize::MAX, "", true);
        while self.out.ends_with("\n\n") {
            self.out.pop();
        }
    }

    /// Prints a line with its trailing comments.
    fn end_line(&mut self, text: &str, indent: &str, end: usize) {
        let tail = self.trailing(end);
        let _ = writeln!(self.out, "{indent}{text}{tail}");
        self.last_end = self.last_end.max(end);
    }

    /// The end of a block header: the `{` after `from`.
    /// Only comments and whitespace stand between `from` and the `{`, and a comment may hold a `{`.
    fn brace_after(&self, from: usize) -> usize {
        let rest = skip_trivia(&self.text[from..]);
        if rest.starts_with('{') {
            self.text.len() - rest.len() + 1
        } else {
            from
        }
    }

    fn circular(&mut self, c: &Circular) {
        let id =
            c.id.as_ref()
                .map(|i| format!(" {}", self.src(i.span)))
                .unwrap_or_default();
        let header_end = self.brace_after(c.id.as_ref().map_or(c.keyword.end(), |i| i.span.end()));
        // The comments before the block, and those inside its header, go before it.
        self.leading(header_end, c.span.start(), "", true);
        let keyword = self.w("circular");
        self.end_line(&format!("{keyword}{id} {{"), "", header_end);
        self.block_start = self.out.len();
        let mut lines = Vec::new();
        for clause in &c.clauses {
            lines.push(self.clause_line(clause));
        }
        self.block(lines, c.span.end());
        self.end_line("}", "", c.span.end());
    }

    /// Prints the lines of a block with their comments, aligned where it helps reading.
    fn block(&mut self, lines: Vec<Line>, end: usize) {
        self.lines(lines, INDENT, end);
    }

    fn test(&mut self, t: &TestBlock) {
        let name = t
            .name
            .as_ref()
            .map(|n| format!(" {}", self.src(n.span)))
            .unwrap_or_default();
        let given = if t.given.is_empty() {
            String::new()
        } else {
            let dims: Vec<String> = t.given.iter().map(|d| self.dimension(d)).collect();
            format!(" {} {}", self.w("given"), dims.join(" "))
        };
        let from = t
            .given
            .last()
            .map(|d| d.span.end())
            .or(t.name.as_ref().map(|n| n.span.end()))
            .unwrap_or(t.keyword.end());
        let header_end = self.brace_after(from);
        // The comments before the block, and those inside its header, go before it.
        self.leading(header_end, t.span.start(), "", true);
        let test = self.w("test");
        let header = format!("{test}{name}{given} {{");
        let header = if header.len() > WIDTH && !given.is_empty() {
            let dims: Vec<String> = t.given.iter().map(|d| self.dimension(d)).collect();
            let given = self.w("given");
            let column = "    ".len() + given.len() + 1;
            format!(
                "{test}{name}\n    {given} {} {{",
                fill_words(&dims, column, WIDTH - 2)
            )
        } else {
            header
        };
        self.end_line(&header, "", header_end);
        self.block_start = self.out.len();
        let lines: Vec<Line> = t
            .expects
            .iter()
            .map(|e| Line {
                items: Vec::new(),
                span: e.span,
                head: format!(
                    "{} {} = {}",
                    self.w("expect"),
                    self.query(&e.query),
                    self.expected(&e.expected.node)
                ),
                tail: String::new(),
                kind: LineKind::Plain,
                blank_before: false,
            })
            .collect();
        self.block(lines, t.span.end());
        self.end_line("}", "", t.span.end());
    }
}
