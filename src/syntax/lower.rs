//! Step two: pest pairs to the typed syntax tree.
//!
//! **Architecture invariant:** the lowering never stops at the first error. A bad line is a
//! catch-all node in the pest tree; here it becomes a diagnostic (the line is reparsed with the
//! strict rule to say what was expected) and the lowering goes on with the next clause. Values
//! that fail validation are kept as `None` beside their span.

use super::ast::*;
use super::errors::{self, Context};
use super::keywords::{CLAUSE_KEYWORDS, MODIFIER_KEYWORDS, RESERVED};
use super::parser::{EdaranParser, Rule};
use crate::diagnostic::{Code, Diagnostic};
use crate::span::{FileId, Span, Spanned};
use chrono::NaiveDate;
use pest::Parser;
use pest::iterators::Pair;

type P<'a> = Pair<'a, Rule>;

/// Deepest selector nesting (parentheses and `not`) the lowering follows; deeper is a syntax
/// error, never a stack overflow.
use super::scan::MAX_NESTING;

pub(crate) struct Lowerer<'a> {
    pub file: FileId,
    pub diagnostics: Vec<Diagnostic>,
    /// The text pest read: comments, tabs, carriage returns and byte order marks outside
    /// strings are spaces in it (`syntax::scan`).
    text: &'a str,
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
pub(super) fn is_keyword(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::kw_circular
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
    pub fn new(file: FileId, text: &'a str) -> Lowerer<'a> {
        Lowerer {
            file,
            diagnostics: Vec::new(),
            text,
        }
    }

    /// The span of a pair, without the whitespace (and so the comments, blanked in the text)
    /// pest leaves at its end when an optional or repeated last part is absent (`issuer "X"`
    /// followed by a comment on the next line). Trimmed backwards over the text.
    fn span(&self, pair: &P<'_>) -> Span {
        let whole = Span::of(pair.as_span());
        let (start, mut end) = (whole.start(), whole.end());
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

    fn error(&mut self, code: Code, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::new(code, self.file, span, message));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Reports a catch-all node: reparses its text with the strict rule to say what was expected.
    fn junk(&mut self, pair: P<'a>, strict: Rule, context: Context) {
        let text = pair.as_str();
        let offset = pair.as_span().start();
        let diagnostic = match EdaranParser::parse(strict, text) {
            Err(error) => errors::from_pest(error, self.file, text, offset, context),
            Ok(_) => Diagnostic::new(
                Code::Syntax,
                self.file,
                self.span(&pair),
                format!("unexpected `{}`", text.trim()),
            ),
        };
        self.diagnostics.push(diagnostic);
    }

    /// Whether the bad text `junk` is the rest of the line of the clause read at `start`: the
    /// clause ended early (`wfo 50% on friday`, `(1 bulan)`, a `during` with a bad date) and the
    /// rest does not start a clause of its own.
    fn continues(&self, start: usize, junk: &P<'a>) -> bool {
        let at = junk.as_span().start();
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
    fn junk_after(&mut self, start: usize, junk: P<'a>) {
        let end = junk.as_span().end();
        match EdaranParser::parse(Rule::clause_only, &self.text[start..end]) {
            Err(error) => {
                let text = &self.text[start..end];
                let d = errors::from_pest(error, self.file, text, start, Context::Clause);
                self.diagnostics.push(d);
            }
            Ok(_) => self.junk(junk, Rule::clause_only, Context::Clause),
        }
    }

    // -----------------------------------------------------------------------------------------
    // Files

    pub fn file(&mut self, pair: P<'a>) -> File {
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
                Rule::bad_item => self.junk(p, Rule::item_only, Context::Item),
                _ => {}
            }
        }
        File {
            items,
            comments: Vec::new(),
        }
    }

    /// The header of a block: its name, and the diagnostics of a bad header or missing brace.
    fn header(&mut self, pair: &P<'a>, what: &str, example: &str) -> Option<Str> {
        let mut name = None;
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
                        format!("write `{example}`")
                    } else {
                        format!("put it in quotes: `\"{text}\"`")
                    };
                    self.error(
                        Code::Syntax,
                        Span::new(s.start(), s.start() + text.len()),
                        format!("the {what} must be a quoted string"),
                    )
                    .help = Some(help);
                }
                Rule::missing_brace => {
                    let s = Span::new(last_end, last_end);
                    let d = self.error(Code::Syntax, s, format!("expected `{{` after the {what}"));
                    d.label = Some("expected `{`".into());
                }
                Rule::unclosed => {
                    let s = self.span(&p);
                    let keyword = self.span(pair);
                    let keyword = Span::new(keyword.start(), keyword.start() + what.len().min(8));
                    let file = self.file;
                    let d = self.error(Code::Syntax, s, "expected `}` to close the block");
                    d.label = Some("the block should be closed before this point".into());
                    d.labels.push(crate::diagnostic::Label {
                        file,
                        span: keyword,
                        message: "this block is not closed".into(),
                    });
                }
                _ => {}
            }
            if !matches!(rule, Rule::missing_brace | Rule::unclosed) {
                last_end = end;
            }
        }
        name
    }

    fn circular(&mut self, pair: P<'a>) -> Circular {
        let whole = self.span(&pair);
        let id = self.header(
            &pair,
            "circular's number",
            "circular \"800/2928-BKD/2023\" {",
        );
        let mut keyword = whole;
        let mut clauses = Vec::new();
        // The start of the last clause read, when the rest of its line may follow it.
        let mut last: Option<usize> = None;
        for p in kids(pair) {
            let s = self.span(&p);
            let kind = match p.as_rule() {
                Rule::kw_circular => {
                    keyword = s;
                    None
                }
                Rule::bad_clause => {
                    match last.filter(|&start| self.continues(start, &p)) {
                        Some(start) => self.junk_after(start, p),
                        None => self.junk(p, Rule::clause_only, Context::Clause),
                    }
                    last = None;
                    None
                }
                Rule::string | Rule::bad_header | Rule::missing_brace | Rule::unclosed => None,
                Rule::set_def => Some(ClauseKind::Set(self.set_def(p))),
                _ => {
                    let before = self.diagnostics.len();
                    let kind = self.clause(p);
                    if kind.is_none() && self.diagnostics.len() == before {
                        self.unread(s, "this clause");
                    }
                    kind
                }
            };
            if let Some(kind) = kind {
                last = Some(s.start());
                clauses.push(Spanned::new(kind, s));
            }
        }
        Circular {
            span: whole,
            keyword,
            id,
            clauses,
        }
    }

    fn clause(&mut self, pair: P<'a>) -> Option<ClauseKind> {
        let rule = pair.as_rule();
        let mut it = kids(pair).filter(|p| !is_keyword(p.as_rule()));
        Some(match rule {
            Rule::title => ClauseKind::Title(self.string(it.next()?)),
            Rule::issuer => {
                let name = self.string(it.next()?);
                let level = it.next().map(|l| self.level(l));
                ClauseKind::Issuer { name, level }
            }
            Rule::signed => {
                let date = self.date(it.next()?);
                let by = it.next().map(|s| self.string(s));
                ClauseKind::Signed { date, by }
            }
            Rule::valid => {
                let inner = it.next()?;
                match inner.as_rule() {
                    Rule::valid_from => {
                        let d = kids(inner).find(|p| p.as_rule() == Rule::date)?;
                        ClauseKind::Valid(Validity::From(self.date(d)))
                    }
                    _ => {
                        let mut windows = Vec::new();
                        let mut claim = None;
                        for part in kids(inner) {
                            match part.as_rule() {
                                Rule::period => windows.push(self.period(part)?),
                                Rule::duration => claim = self.duration(part),
                                _ => {}
                            }
                        }
                        if windows.is_empty() {
                            return None;
                        }
                        ClauseKind::Valid(Validity::Windows { windows, claim })
                    }
                }
            }
            Rule::basis => ClauseKind::Basis(it.map(|s| self.string(s)).collect()),
            Rule::scope => {
                let first = it.next()?;
                if first.as_rule() == Rule::scope_all {
                    ClauseKind::Scope(Scope::All)
                } else {
                    let mut govs = vec![self.string(first)];
                    govs.extend(it.map(|s| self.string(s)));
                    ClauseKind::Scope(Scope::Govs(govs))
                }
            }
            Rule::revokes => ClauseKind::Revokes(it.map(|s| self.string(s)).collect()),
            Rule::exempt => ClauseKind::Exempt(self.selector(it.next()?, 0)),
            Rule::rule_def => return self.rule_def(it).map(|r| ClauseKind::Rule(Box::new(r))),
            Rule::priority => {
                let n = it.next()?;
                let rank = self.integer(&n)?;
                let selector = self.selector(it.next()?, 0);
                ClauseKind::Priority { rank, selector }
            }
            Rule::duty => ClauseKind::Duty(self.string(it.next()?)),
            _ => return None,
        })
    }

    fn set_def(&mut self, pair: P<'a>) -> SetDef {
        let whole = self.span(&pair);
        let mut kind = SetKind::Sector;
        let mut name = Spanned::new(String::new(), whole);
        let mut members = Vec::new();
        for p in kids(pair) {
            match p.as_rule() {
                Rule::set_kind => {
                    kind = match kids(p).next().map(|k| k.as_rule()) {
                        Some(Rule::kw_region) => SetKind::Region,
                        Some(Rule::kw_govs) => SetKind::Govs,
                        _ => SetKind::Sector,
                    }
                }
                Rule::ident => name = self.ident(p),
                Rule::string_list => members = self.string_list(p),
                _ => {}
            }
        }
        SetDef {
            span: whole,
            kind,
            name,
            members,
        }
    }

    fn rule_def(&mut self, mut it: impl Iterator<Item = P<'a>>) -> Option<RuleDef> {
        let name = self.ident(it.next()?);
        let sel = it.next()?;
        let selector = if sel.as_rule() == Rule::otherwise {
            RuleSelector::Otherwise(self.span(&sel))
        } else {
            RuleSelector::Selector(self.selector(sel, 0))
        };
        let arrangement = self.arrangement(it.next()?)?;
        let mut modifiers = Vec::new();
        for m in it {
            let s = self.span(&m);
            let rule = m.as_rule();
            let mut parts = kids(m).filter(|p| !is_keyword(p.as_rule()));
            let modifier = match rule {
                Rule::except_mod => match parts.next() {
                    Some(p) => Modifier::Except(self.selector(p, 0)),
                    None => {
                        self.unread(s, "this `except`");
                        continue;
                    }
                },
                Rule::overrides_mod => Modifier::Overrides(parts.map(|p| self.ident(p)).collect()),
                Rule::during_mod => {
                    let windows: Option<Vec<_>> = parts.map(|p| self.period(p)).collect();
                    match windows {
                        Some(windows) if !windows.is_empty() => Modifier::During(windows),
                        _ => {
                            self.unread(s, "this `during` period");
                            continue;
                        }
                    }
                }
                _ => {
                    self.unread(s, "this modifier");
                    continue;
                }
            };
            modifiers.push(Spanned::new(modifier, s));
        }
        Some(RuleDef {
            name,
            selector,
            arrangement,
            modifiers,
        })
    }

    fn arrangement(&mut self, pair: P<'a>) -> Option<Spanned<Arrangement>> {
        let whole = self.span(&pair);
        let mut it = kids(pair);
        let mode = match kids(it.next()?).next()?.as_rule() {
            Rule::kw_wfh => Mode::Wfh,
            Rule::kw_wfo => Mode::Wfo,
            _ => {
                self.unread(whole, "this arrangement");
                return None;
            }
        };
        let amount = self.amount(it.next()?)?;
        Some(Spanned::new(Arrangement { mode, amount }, whole))
    }

    fn amount(&mut self, pair: P<'a>) -> Option<Amount> {
        let rule = pair.as_rule();
        let whole = self.span(&pair);
        let mut pcts = kids(pair).filter(|p| p.as_rule() == Rule::percent);
        let amount = match rule {
            Rule::exact => Amount::Exact(self.percent(pcts.next()?)),
            Rule::at_most => Amount::AtMost(self.percent(pcts.next()?)),
            Rule::at_least => Amount::AtLeast(self.percent(pcts.next()?)),
            Rule::range => {
                let a = self.percent(pcts.next()?);
                let b = self.percent(pcts.next()?);
                if let (Some(x), Some(y)) = (a.node, b.node) {
                    if x > y {
                        self.error(
                            Code::InvalidPercent,
                            whole,
                            format!("the range `{x}..{y}` is empty: it starts above its end"),
                        )
                        .help = Some(format!("write `{y}..{x}`"));
                    }
                }
                Amount::Range(a, b)
            }
            _ => return None,
        };
        Some(amount)
    }

    // -----------------------------------------------------------------------------------------
    // Selectors

    fn selector(&mut self, pair: P<'a>, depth: usize) -> Selector {
        // Most selectors are one atom under the levels of the grammar (`selector`, `sel_and`,
        // `sel_not`): pass through those without a span or a list.
        let mut pair = pair;
        while matches!(
            pair.as_rule(),
            Rule::selector | Rule::sel_and | Rule::sel_not
        ) {
            let mut inner =
                kids(pair.clone()).filter(|p| !matches!(p.as_rule(), Rule::kw_or | Rule::kw_and));
            match (inner.next(), inner.next()) {
                (Some(only), None) if only.as_rule() != Rule::selector => pair = only,
                _ => break,
            }
        }
        let whole = self.span(&pair);
        if depth > MAX_NESTING {
            self.error(
                Code::Syntax,
                whole,
                format!("selector nested more than {MAX_NESTING} levels deep"),
            )
            .help = Some("split the selector into named sectors or several rules".into());
            return Spanned::new(SelectorKind::All, whole);
        }
        let rule = pair.as_rule();
        let mut parts: Vec<P<'a>> = kids(pair)
            .filter(|p| !matches!(p.as_rule(), Rule::kw_or | Rule::kw_and))
            .collect();
        match rule {
            // `depth` counts what nests: parentheses and `not`s, not the levels of the grammar.
            Rule::selector | Rule::sel_and => {
                if parts.len() == 1 {
                    return self.selector(parts.pop().expect("one part"), depth);
                }
                let lowered: Vec<Selector> =
                    parts.into_iter().map(|p| self.selector(p, depth)).collect();
                let kind = if rule == Rule::selector {
                    SelectorKind::Or(lowered)
                } else {
                    SelectorKind::And(lowered)
                };
                Spanned::new(kind, whole)
            }
            Rule::sel_not => {
                let atom = parts.pop().expect("an atom");
                let nots: Vec<Span> = parts.iter().map(|p| self.span(p)).collect();
                if depth + nots.len() > MAX_NESTING {
                    self.error(
                        Code::Syntax,
                        whole,
                        format!("selector nested more than {MAX_NESTING} levels deep"),
                    )
                    .help = Some(format!("{} `not`s in a row: keep one or none", nots.len()));
                    return Spanned::new(SelectorKind::All, whole);
                }
                let inner = depth + nots.len() + usize::from(atom.as_rule() == Rule::selector);
                let mut sel = self.selector(atom, inner);
                for not in nots.into_iter().rev() {
                    let s = not.to(sel.span);
                    sel = Spanned::new(SelectorKind::Not(Box::new(sel)), s);
                }
                sel
            }
            Rule::sel_all => Spanned::new(SelectorKind::All, whole),
            Rule::sel_sector => {
                let name = self.ident(parts.pop().expect("a name"));
                Spanned::new(SelectorKind::Sector(name), whole)
            }
            Rule::sel_unit | Rule::sel_domicile | Rule::sel_office | Rule::sel_gov => {
                let values = self.values(parts, whole);
                let kind = match rule {
                    Rule::sel_unit => SelectorKind::Unit(values),
                    Rule::sel_domicile => SelectorKind::Domicile(values),
                    Rule::sel_office => SelectorKind::Office(values),
                    _ => SelectorKind::Gov(values),
                };
                Spanned::new(kind, whole)
            }
            Rule::sel_function => {
                let mut names = Vec::new();
                for p in parts {
                    match p.as_rule() {
                        Rule::ident => names.push(self.ident(p)),
                        Rule::ident_list => {
                            names.extend(kids(p).map(|i| self.ident(i)));
                        }
                        _ => {}
                    }
                }
                Spanned::new(SelectorKind::Function(names), whole)
            }
            _ => {
                // Unreachable with the grammar; never read an unknown form as `all`.
                self.unread(whole, "this selector");
                Spanned::new(SelectorKind::All, whole)
            }
        }
    }

    /// A `DATE to DATE` window.
    fn period(&mut self, pair: P<'a>) -> Option<Spanned<Period>> {
        let s = self.span(&pair);
        let mut dates = kids(pair).filter(|p| p.as_rule() == Rule::date);
        let (Some(a), Some(b)) = (dates.next(), dates.next()) else {
            self.unread(s, "this period");
            return None;
        };
        let period = Period {
            from: self.date(a),
            to: self.date(b),
        };
        Some(Spanned::new(period, s))
    }

    /// Reports a form the grammar accepted but the lowering cannot read: never silent, never a
    /// default (a grammar and a lowering out of step).
    fn unread(&mut self, span: Span, what: &str) {
        self.error(Code::Syntax, span, format!("edaran could not read {what}"))
            .help = Some("this is a bug in edaran: please report it with the line".into());
    }

    fn values(&mut self, parts: Vec<P<'a>>, whole: Span) -> Values {
        for p in parts {
            match p.as_rule() {
                Rule::string => return Values::One(self.string(p)),
                Rule::string_list => return Values::List(self.string_list(p)),
                Rule::set_name => {
                    let ident = kids(p).next().map(|i| self.ident(i));
                    if let Some(ident) = ident {
                        return Values::Named(ident);
                    }
                }
                _ => {}
            }
        }
        self.unread(whole, "the values of this selector");
        Values::List(Vec::new())
    }

    // -----------------------------------------------------------------------------------------
    // Tests and queries

    fn test_block(&mut self, pair: P<'a>) -> TestBlock {
        let whole = self.span(&pair);
        let name = self.header(&pair, "test's name", "test \"what it shows\" {");
        let mut keyword = whole;
        let mut given = Vec::new();
        let mut expects = Vec::new();
        for p in kids(pair) {
            match p.as_rule() {
                Rule::kw_test => keyword = self.span(&p),
                Rule::given => {
                    given.extend(self.given(p));
                }
                Rule::expect => {
                    if let Some(e) = self.expect(p) {
                        expects.push(e);
                    }
                }
                Rule::bad_clause => self.junk(p, Rule::test_item_only, Context::TestItem),
                _ => {}
            }
        }
        TestBlock {
            span: whole,
            keyword,
            name,
            given,
            expects,
        }
    }

    /// The dimensions of a `given` clause, each at most once.
    pub fn given(&mut self, pair: P<'a>) -> Vec<Spanned<Dimension>> {
        let mut given = Vec::new();
        let dims: Vec<P<'a>> = kids(pair).filter(|d| !is_keyword(d.as_rule())).collect();
        for d in dims {
            let dim = self.dimension(d);
            self.push_dimension(&mut given, dim);
        }
        given
    }

    fn expect(&mut self, pair: P<'a>) -> Option<Expect> {
        let whole = self.span(&pair);
        let mut it = kids(pair).filter(|p| p.as_rule() != Rule::kw_expect);
        let query = self.query(it.next()?);
        let expected_pair = it.next()?;
        let es = self.span(&expected_pair);
        let inner = kids(expected_pair).next()?;
        let expected = match inner.as_rule() {
            Rule::string_list => Expected::Circulars(self.string_list(inner)),
            Rule::kw_baseline => Expected::Baseline,
            Rule::kw_exempt => Expected::Exempt,
            Rule::kw_conflict => Expected::Conflict,
            Rule::kw_none => Expected::NoPriority,
            Rule::integer => Expected::Rank(self.integer(&inner)?.node),
            _ => Expected::Amount(self.amount(inner)?),
        };
        Some(Expect {
            span: whole,
            query,
            expected: Spanned::new(expected, es),
        })
    }

    /// Lowers a `query` pair.
    pub fn query(&mut self, pair: P<'a>) -> Query {
        let whole = self.span(&pair);
        let inner = kids(pair).next().expect("a query has one kind");
        let rule = inner.as_rule();
        let kind = match rule {
            Rule::q_in_force => {
                let d = kids(inner)
                    .find(|p| p.as_rule() == Rule::date)
                    .map(|d| self.date(d))
                    .unwrap_or_else(|| Spanned::new(None, whole));
                QueryKind::InForce(d)
            }
            Rule::q_conflicts => QueryKind::Conflicts,
            _ => {
                let subject = kids(inner)
                    .find(|p| p.as_rule() == Rule::subject)
                    .expect("a subject");
                let subject = self.subject(subject);
                match rule {
                    Rule::q_priority => QueryKind::Priority(subject),
                    Rule::q_explain => QueryKind::Explain(subject),
                    _ => QueryKind::Wfo(subject),
                }
            }
        };
        Query { span: whole, kind }
    }

    fn subject(&mut self, pair: P<'a>) -> Subject {
        let whole = self.span(&pair);
        let mut unit = None;
        let mut dims = Vec::new();
        let mut time: Option<Spanned<Time>> = None;
        for p in kids(pair) {
            let s = self.span(&p);
            match p.as_rule() {
                Rule::string => unit = Some(self.string(p)),
                Rule::time_on | Rule::time_period => {
                    let dates: Vec<DateLit> = kids(p)
                        .filter(|d| d.as_rule() == Rule::date)
                        .map(|d| self.date(d))
                        .collect();
                    let t = match dates.as_slice() {
                        [d] => Time::On(d.clone()),
                        [a, b] => {
                            self.check_order(a, b, "the period");
                            Time::Period(a.clone(), b.clone())
                        }
                        _ => continue,
                    };
                    if let Some(prev) = &time {
                        let file = self.file;
                        let prev = prev.span;
                        let d = self.error(Code::Syntax, s, "a question has one date or period");
                        d.label = Some("second date".into());
                        d.labels.push(crate::diagnostic::Label {
                            file,
                            span: prev,
                            message: "first date".into(),
                        });
                        d.help = Some("ask two questions, or use `from DATE to DATE`".into());
                    } else {
                        time = Some(Spanned::new(t, s));
                    }
                }
                _ => {
                    let dim = self.dimension(p);
                    self.push_dimension(&mut dims, dim);
                }
            }
        }
        if time.is_none() {
            self.error(
                Code::Syntax,
                Span::new(whole.end(), whole.end()),
                "a question needs a date",
            );
            let d = self.diagnostics.last_mut().expect("just pushed");
            d.label = Some("expected `on DATE` here".into());
            d.help = Some("add `on YYYY-MM-DD`, or `from YYYY-MM-DD to YYYY-MM-DD`".into());
        }
        Subject {
            unit: unit.unwrap_or_else(|| Spanned::new(String::new(), whole)),
            dims,
            time,
        }
    }

    fn dimension(&mut self, pair: P<'a>) -> Spanned<Dimension> {
        let s = self.span(&pair);
        let rule = pair.as_rule();
        let value = kids(pair)
            .find(|p| !is_keyword(p.as_rule()))
            .map(|p| match p.as_rule() {
                Rule::string => self.string(p).node,
                _ => p.as_str().to_string(),
            })
            .unwrap_or_default();
        let dim = match rule {
            Rule::dim_function => Dimension::Function(value),
            Rule::dim_domicile => Dimension::Domicile(value),
            Rule::dim_office => Dimension::Office(value),
            _ => Dimension::Gov(value),
        };
        Spanned::new(dim, s)
    }

    fn push_dimension(&mut self, dims: &mut Vec<Spanned<Dimension>>, dim: Spanned<Dimension>) {
        if let Some(prev) = dims.iter().find(|d| d.keyword() == dim.keyword()) {
            let (file, prev) = (self.file, prev.span);
            let d = self.error(
                Code::Syntax,
                dim.span,
                format!("`{}` is given twice", dim.keyword()),
            );
            d.label = Some("second time".into());
            d.labels.push(crate::diagnostic::Label {
                file,
                span: prev,
                message: "first time".into(),
            });
            d.help = Some("each dimension is given at most once".into());
            return;
        }
        dims.push(dim);
    }

    // -----------------------------------------------------------------------------------------
    // Literals

    fn string(&mut self, pair: P<'a>) -> Str {
        let s = self.span(&pair);
        let inner = kids(pair).next().map(|p| p.as_str()).unwrap_or("");
        if let Some(at) = inner.find('\r') {
            let at = s.start() + 1 + at;
            self.error(
                Code::Syntax,
                Span::new(at, at + 1),
                "a string cannot hold a line break",
            )
            .help = Some("close the string on the line where it opens".into());
        }
        Spanned::new(unescape(inner), s)
    }

    fn string_list(&mut self, pair: P<'a>) -> Vec<Str> {
        kids(pair)
            .filter(|p| p.as_rule() == Rule::string)
            .map(|p| self.string(p))
            .collect()
    }

    fn ident(&mut self, pair: P<'a>) -> Ident {
        let s = self.span(&pair);
        let word = pair.as_str();
        if RESERVED.contains(&word) {
            self.diagnostics.push(
                Diagnostic::new(
                    Code::Syntax,
                    self.file,
                    s,
                    format!("expected a name, found `{word}`"),
                )
                .with_label("expected a name")
                .with_help(format!(
                    "`{word}` is a keyword and cannot be a name: choose another name"
                )),
            );
        }
        Spanned::new(word.to_string(), s)
    }

    fn integer(&mut self, pair: &P<'a>) -> Option<Spanned<u32>> {
        let s = self.span(pair);
        match pair.as_str().parse::<u32>() {
            Ok(n) => Some(Spanned::new(n, s)),
            Err(_) => {
                self.error(
                    Code::Syntax,
                    s,
                    format!("the number `{}` is too large", pair.as_str()),
                );
                None
            }
        }
    }

    fn level(&mut self, pair: P<'a>) -> Spanned<Option<Level>> {
        let s = self.span(&pair);
        let word = pair.as_str();
        let level = Level::from_name(word);
        if level.is_none() {
            let names = Level::ALL.iter().map(|l| l.as_str());
            let help = match errors::closest(word, names) {
                Some(k) => format!("did you mean `{k}`?"),
                None => "a level is `national`, `provincial` or `local`".to_string(),
            };
            self.error(Code::Syntax, s, format!("unknown level `{word}`"))
                .help = Some(help);
        }
        Spanned::new(level, s)
    }

    fn duration(&mut self, pair: P<'a>) -> Option<Spanned<Duration>> {
        let s = self.span(&pair);
        let mut it = kids(pair);
        let count = self.integer(&it.next()?)?.node;
        let unit = match it.next()?.as_str().trim_end_matches('s') {
            "day" => DurationUnit::Day,
            "week" => DurationUnit::Week,
            _ => DurationUnit::Month,
        };
        Some(Spanned::new(Duration { count, unit }, s))
    }

    /// Validates a date literal (`invalid-date`).
    pub fn date(&mut self, pair: P<'a>) -> DateLit {
        let s = self.span(&pair);
        let text = pair.as_str();
        let parts: Vec<u32> = text.split('-').filter_map(|p| p.parse().ok()).collect();
        let [y, m, d] = parts[..] else {
            self.error(Code::InvalidDate, s, format!("`{text}` is not a date"));
            return Spanned::new(None, s);
        };
        match NaiveDate::from_ymd_opt(y as i32, m, d) {
            Some(date) if !YEARS.contains(&y) => {
                let year = &text[..4];
                let help = if y < 100 {
                    format!(
                        "edaran accepts the years {} to {}, and `{year}` looks like a typo: write the year in full, such as `{}`",
                        YEARS.start(),
                        YEARS.end(),
                        NaiveDate::from_ymd_opt(2000 + y as i32, m, d)
                            .unwrap_or(date)
                            .format("%Y-%m-%d")
                    )
                } else {
                    format!(
                        "edaran accepts the years {} to {}: check the year",
                        YEARS.start(),
                        YEARS.end()
                    )
                };
                self.error(
                    Code::InvalidDate,
                    s,
                    format!("`{text}` is not a plausible date: the year `{year}` is out of range"),
                )
                .help = Some(help);
                Spanned::new(None, s)
            }
            Some(date) => {
                if text.len() != 10 {
                    self.error(
                        Code::InvalidDate,
                        s,
                        format!("dates are written `YYYY-MM-DD`, not `{text}`"),
                    )
                    .help = Some(format!("write `{}`", date.format("%Y-%m-%d")));
                }
                Spanned::new(Some(date), s)
            }
            None => {
                let help = if (1..=12).contains(&m) {
                    let last = last_day_of_month(y as i32, m);
                    format!(
                        "{} has {last} days",
                        NaiveDate::from_ymd_opt(y as i32, m, 1)
                            .map(|f| f.format("%B %Y").to_string())
                            .unwrap_or_default()
                    )
                } else {
                    format!("there is no month {m}: months go from 01 to 12")
                };
                self.error(Code::InvalidDate, s, format!("`{text}` is not a date"))
                    .help = Some(help);
                Spanned::new(None, s)
            }
        }
    }

    fn check_order(&mut self, from: &DateLit, to: &DateLit, what: &str) {
        if let (Some(a), Some(b)) = (from.node, to.node) {
            if b < a {
                let file = self.file;
                let d = self.error(
                    Code::EmptyPeriod,
                    from.span,
                    format!("{what} ends on {b} before it starts on {a}"),
                );
                d.label = Some(format!("starts on {a}"));
                d.labels.push(crate::diagnostic::Label {
                    file,
                    span: to.span,
                    message: format!("ends on {b}"),
                });
                d.help = Some("swap the two dates".into());
            }
        }
    }

    /// Validates a percentage literal (`invalid-percent`).
    fn percent(&mut self, pair: P<'a>) -> PctLit {
        let s = self.span(&pair);
        let text = pair.as_str().trim_end_matches('%');
        let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
        if frac.len() > 2 {
            let rounded: f64 = text.parse().unwrap_or(0.0);
            self.error(
                Code::InvalidPercent,
                s,
                format!("`{text}%` has more than two decimals"),
            )
            .help = Some(format!("write `{:.2}%`", rounded));
            return Spanned::new(None, s);
        }
        let whole: u64 = whole.parse().unwrap_or(u64::MAX);
        let frac: u64 = format!("{frac:0<2}").parse().unwrap_or(0);
        let hundredths = whole.saturating_mul(100).saturating_add(frac);
        if hundredths > 10000 {
            self.error(
                Code::InvalidPercent,
                s,
                format!("`{text}%` is more than 100%"),
            )
            .help = Some("a share of staff is between 0% and 100%".into());
            return Spanned::new(None, s);
        }
        Spanned::new(Some(Pct(hundredths as u16)), s)
    }
}

/// The years a date may have: an earlier or later one is a typo (`0023` for `2023`), and the
/// region algebra's days start well before the first.
pub const YEARS: std::ops::RangeInclusive<u32> = 1900..=2199;

/// The number of days of month `m` of year `y`.
pub fn last_day_of_month(y: i32, m: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(y, m, d).is_some())
        .unwrap_or(28)
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
                            self.check_order(&w.node.from, &w.node.to, "the validity");
                        }
                    }
                    ClauseKind::Rule(rule) => {
                        for m in &rule.modifiers {
                            if let Modifier::During(windows) = &m.node {
                                for w in windows {
                                    self.check_order(
                                        &w.node.from,
                                        &w.node.to,
                                        "the `during` period",
                                    );
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
