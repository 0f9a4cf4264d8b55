//! Step two: pest pairs to the typed syntax tree.
//!
//! This file holds the lowerer and what every part shares (spans, catch-all nodes, the file's
//! items); the parts are [`clauses`] (a circular's clauses, rules and arrangements),
//! [`selectors`], [`questions`] (`test` blocks, `expect` and questions) and [`literals`]
//! (strings, names, numbers, dates and percentages, validated).
//!
//! **Architecture invariant:** the lowering never stops at the first error. A bad line is a
//! catch-all node in the pest tree; here it becomes a diagnostic (the line is reparsed with the
//! strict rule to say what was expected) and the lowering goes on with the next clause. Values
//! that fail validation are kept as `None` beside their span.

mod clauses;
mod lang;
mod literals;
mod questions;
mod selectors;

pub(crate) use lang::Words;
pub(crate) use literals::last_day_of_month;

use super::ast::*;
use super::errors::{self, Context};
use super::keywords::{CLAUSE_KEYWORDS, MODIFIER_KEYWORDS};
use super::parser::{EdaranParser, Rule};
use crate::diagnostic::{Code, Diagnostic};
use crate::span::{FileId, Span, Spanned};
use pest::Parser;
use pest::iterators::Pair;

type P<'a> = Pair<'a, Rule>;

pub(crate) struct Lowerer<'a> {
    pub file: FileId,
    pub diagnostics: Vec<Diagnostic>,
    /// The text pest read: comments, tabs, carriage returns and byte order marks outside
    /// strings are spaces in it (`syntax::scan`). The whole file, also when pest read only a
    /// part of it (`syntax::parse_file` parses a large file in parts).
    text: &'a str,
    /// Where in `text` the part pest read starts: pest counts from there, spans from the start
    /// of the file.
    base: usize,
    /// The language of the file or question (English until its keywords say otherwise).
    pub lang: crate::Lang,
}

/// The children that carry meaning: no comments, no punctuation.
fn kids<'a>(pair: P<'a>) -> impl Iterator<Item = P<'a>> {
    pair.into_inner().filter(|p| {
        !matches!(
            p.as_rule(),
            Rule::arrow
                | Rule::dots
                | Rule::colon
                | Rule::lbrace
                | Rule::rbrace
                | Rule::lbracket
                | Rule::rbracket
                | Rule::comma
                | Rule::lparen
                | Rule::rparen
                | Rule::equals
        )
    })
}

/// Whether `rule` is a keyword's (`kw_*`): a `match`, as it runs for every pair.
pub(crate) fn is_keyword(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::kw_circular
            | Rule::kw_condition
            | Rule::kw_when
            | Rule::kw_trait
            | Rule::kw_title
            | Rule::kw_issuer
            | Rule::kw_level
            | Rule::kw_signed
            | Rule::kw_by
            | Rule::kw_valid
            | Rule::kw_from
            | Rule::kw_to
            | Rule::kw_basis
            | Rule::kw_scope
            | Rule::kw_revokes
            | Rule::kw_sector
            | Rule::kw_region
            | Rule::kw_govs
            | Rule::kw_exempt
            | Rule::kw_rule
            | Rule::kw_wfo
            | Rule::kw_wfh
            | Rule::kw_wfa
            | Rule::kw_priority
            | Rule::kw_duty
            | Rule::kw_at
            | Rule::kw_most
            | Rule::kw_least
            | Rule::kw_except
            | Rule::kw_overrides
            | Rule::kw_during
            | Rule::kw_all
            | Rule::kw_otherwise
            | Rule::kw_and
            | Rule::kw_or
            | Rule::kw_not
            | Rule::kw_in
            | Rule::kw_unit
            | Rule::kw_function
            | Rule::kw_domicile
            | Rule::kw_office
            | Rule::kw_gov
            | Rule::kw_baseline
            | Rule::kw_test
            | Rule::kw_given
            | Rule::kw_expect
            | Rule::kw_on
            | Rule::kw_explain
            | Rule::kw_force
            | Rule::kw_conflicts
            | Rule::kw_conflict
            | Rule::kw_none
            | Rule::kw_every
            | Rule::kw_workweek
            | Rule::kw_holiday
            | Rule::kw_calendar
    )
}

/// Unescapes the inside of a string literal (`\"` and `\\`).
pub fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

impl<'a> Lowerer<'a> {
    pub(crate) fn new(file: FileId, text: &'a str) -> Lowerer<'a> {
        Lowerer::at(file, text, 0, crate::Lang::En)
    }

    /// A lowerer for the part of `text` that starts at byte `base`, in a file whose keywords
    /// are in `lang`.
    pub(crate) fn at(file: FileId, text: &'a str, base: usize, lang: crate::Lang) -> Lowerer<'a> {
        Lowerer {
            file,
            diagnostics: Vec::new(),
            text,
            base,
            lang,
        }
    }

    /// Where a position pest gives is in the file.
    pub(super) fn pos(&self, pest_pos: usize) -> usize {
        self.base + pest_pos
    }

    /// The span of a pair, without the whitespace (and so the comments, blanked in the text)
    /// pest leaves at its end when an optional or repeated last part is absent (`issuer "X"`
    /// followed by a comment on the next line). Trimmed backwards over the text.
    pub(super) fn span(&self, pair: &P<'_>) -> Span {
        let whole = pair.as_span();
        let (start, mut end) = (self.pos(whole.start()), self.pos(whole.end()));
        let bytes = self.text.as_bytes();
        // Outside strings only spaces and line feeds are left; an unclosed string keeps its
        // tabs, carriage returns and byte order marks, which are trimmed too.
        const BOM: &[u8] = "\u{FEFF}".as_bytes();
        loop {
            while end > start && matches!(bytes[end - 1], b' ' | b'\t' | b'\r' | b'\n') {
                end -= 1;
            }
            if end >= start + BOM.len() && &bytes[end - BOM.len()..end] == BOM {
                end -= BOM.len();
            } else {
                break;
            }
        }
        Span::new(start, end)
    }

    pub(super) fn error(
        &mut self,
        code: Code,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::new(code, self.file, span, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Reports a diagnostic whose message is written in `locales/`; its label and help are set
    /// on what it returns (`set_label_text`, `set_help_text`).
    pub(super) fn error_text(
        &mut self,
        code: Code,
        span: Span,
        text: crate::msg::Text,
    ) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::of(code, self.file, span, text));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Reports a catch-all node: reparses its text with the strict rule to say what was expected.
    pub(super) fn junk(&mut self, pair: P<'a>, strict: Rule, context: Context) {
        let text = pair.as_str();
        let offset = self.pos(pair.as_span().start());
        let diagnostic = match EdaranParser::parse(strict, text) {
            Err(error) => errors::from_pest(error, self.file, text, offset, context, self.lang),
            Ok(_) => Diagnostic::of(
                Code::Syntax,
                self.file,
                self.span(&pair),
                crate::text!("unexpected", text = text.trim()),
            ),
        };
        self.diagnostics.push(diagnostic);
    }

    /// Whether the bad text `junk` is the rest of the line of the clause read at `start`: the
    /// clause ended early (`wfo 50% on friday`, `(1 bulan)`, a `during` with a bad date) and the
    /// rest does not start a clause of its own.
    pub(super) fn continues(&self, start: usize, junk: &P<'a>) -> bool {
        let at = self.pos(junk.as_span().start());
        if self.text[start..at].contains('\n') {
            return false;
        }
        let text = junk.as_str();
        let word = &text[..text
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(text.len())];
        MODIFIER_KEYWORDS.contains(&word)
            || !(CLAUSE_KEYWORDS.contains(&word)
                || errors::closest(word, CLAUSE_KEYWORDS.iter().copied()).is_some())
    }

    /// Reports the bad rest of a line whose clause, read from `start`, ended early: the whole
    /// line is reparsed, so that the message says what may follow the clause.
    pub(super) fn junk_after(&mut self, start: usize, junk: P<'a>) {
        let end = self.pos(junk.as_span().end());
        match EdaranParser::parse(Rule::clause_only, &self.text[start..end]) {
            Err(error) => {
                let text = &self.text[start..end];
                let d =
                    errors::from_pest(error, self.file, text, start, Context::Clause, self.lang);
                self.diagnostics.push(d);
            }
            Ok(_) => self.junk(junk, Rule::clause_only, Context::Clause),
        }
    }

    // -----------------------------------------------------------------------------------------
    // Files

    /// The items of a file, or of a part of one (`pair` is pest's `file` rule either way).
    pub(crate) fn items(&mut self, pair: P<'a>) -> Vec<Item> {
        let mut items = Vec::new();
        for p in kids(pair) {
            match p.as_rule() {
                Rule::circular => items.push(Item::Circular(self.circular(p))),
                Rule::set_def => items.push(Item::Set(self.set_def(p))),
                Rule::baseline => {
                    let s = self.span(&p);
                    let pct = kids(p).find(|k| k.as_rule() == Rule::percent);
                    if let Some(pct) = pct {
                        let lit = self.percent(pct);
                        items.push(Item::Baseline(Spanned::new(lit, s)));
                    }
                }
                Rule::test_block => items.push(Item::Test(self.test_block(p))),
                Rule::holiday => {
                    if let Some(h) = self.holiday(p) {
                        items.push(Item::Holiday(h));
                    }
                }
                Rule::workweek => {
                    if let Some(w) = self.workweek(p) {
                        items.push(Item::Workweek(w));
                    }
                }
                Rule::calendar => items.push(Item::CalendarNone(self.span(&p))),
                Rule::bad_item => self.junk(p, Rule::item_only, Context::Item),
                _ => {}
            }
        }
        items
    }

    /// The header of a block: its name, and the diagnostics of a bad header or missing brace.
    /// `what` is `circular` or `test` (the message's words), `example` a header to copy.
    pub(super) fn header(&mut self, pair: &P<'a>, what: &str, example: &str) -> Option<Str> {
        let mut name = None;
        // The block's keyword, in either language (`circular`, `surat_edaran`).
        let keyword_len = kids(pair.clone())
            .next()
            .filter(|k| is_keyword(k.as_rule()))
            .map_or(0, |k| k.as_str().len());
        // The end of what precedes a missing `{`: it is reported there, not after the comments
        // and blank lines that follow.
        let mut last_end = self.span(pair).start();
        for p in kids(pair.clone()) {
            let rule = p.as_rule();
            let end = self.span(&p).start() + p.as_str().trim_end().len();
            match rule {
                Rule::string => name = Some(self.string(p)),
                Rule::bad_header => {
                    let s = self.span(&p);
                    let text = p.as_str().trim_end();
                    let help = if text.contains('"') {
                        crate::text!("write", text = example)
                    } else {
                        crate::text!("put-in-quotes", text = text)
                    };
                    let at = Span::new(s.start(), s.start() + text.len());
                    self.error_text(
                        Code::Syntax,
                        at,
                        crate::text!("header-unquoted", what = what),
                    )
                    .set_help_text(help);
                }
                Rule::missing_brace => {
                    let s = Span::new(last_end, last_end);
                    let message = crate::text!("missing-brace", what = what);
                    let d = self.error_text(Code::Syntax, s, message);
                    d.set_label_text(crate::text!("missing-brace-label"));
                }
                Rule::unclosed => {
                    let s = self.span(&p);
                    let keyword = self.span(pair);
                    let keyword = Span::new(keyword.start(), keyword.start() + keyword_len);
                    let file = self.file;
                    let d = self.error_text(Code::Syntax, s, crate::text!("unclosed-block"));
                    d.set_label_text(crate::text!("unclosed-block-label"));
                    d.push_secondary_text(file, keyword, crate::text!("unclosed-block-here"));
                }
                _ => {}
            }
            if !matches!(rule, Rule::missing_brace | Rule::unclosed) {
                last_end = end;
            }
        }
        name
    }

    /// Reports a form the grammar accepted but the lowering cannot read: never silent, never a
    /// default (a grammar and a lowering out of step).
    pub(super) fn unread(&mut self, span: Span, what: &str) {
        self.error(Code::Syntax, span, format!("edaran could not read {what}"))
            .help = Some("this is a bug in edaran: please report it with the line".into());
    }
}

/// The periods of a file (validity and `during`) are checked for order here, after lowering a
/// clause, so that every producer of a period reports `empty-period` the same way.
impl Lowerer<'_> {
    pub(crate) fn check_periods(&mut self, file: &File) {
        for item in &file.items {
            let Item::Circular(c) = item else { continue };
            for clause in &c.clauses {
                match &clause.node {
                    ClauseKind::Valid(Validity::Windows { windows, .. }) => {
                        for w in windows {
                            self.check_order(&w.node.from, &w.node.to, "validity");
                        }
                    }
                    ClauseKind::Rule(rule) => {
                        for m in &rule.modifiers {
                            if let Modifier::During(windows) = &m.node {
                                for w in windows {
                                    self.check_order(&w.node.from, &w.node.to, "during");
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}
