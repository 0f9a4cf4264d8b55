//! `test` blocks, their `expect` lines, and questions (docs/language.md section 9).

use super::is_keyword;
use super::{Lowerer, P, kids};
use crate::diagnostic::Code;
use crate::span::{Span, Spanned};
use crate::syntax::ast::*;
use crate::syntax::errors::Context;
use crate::syntax::parser::Rule;

impl<'a> Lowerer<'a> {
    pub(super) fn test_block(&mut self, pair: P<'a>) -> TestBlock {
        let whole = self.span(&pair);
        let example = format!(
            "{} \"what it shows\" {{",
            crate::syntax::keywords::word("test", self.lang)
        );
        let name = self.header(&pair, "test", &example);
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
    pub(crate) fn given(&mut self, pair: P<'a>) -> Vec<Spanned<Dimension>> {
        let mut given = Vec::new();
        let dims: Vec<P<'a>> = kids(pair).filter(|d| !is_keyword(d.as_rule())).collect();
        for d in dims {
            let dim = self.dimension(d);
            self.push_dimension(&mut given, dim);
        }
        given
    }

    pub(super) fn expect(&mut self, pair: P<'a>) -> Option<Expect> {
        let whole = self.span(&pair);
        let mut it = kids(pair).filter(|p| p.as_rule() != Rule::kw_expect);
        let query = self.query(it.next()?);
        let expected_pair = it.next()?;
        let es = self.span(&expected_pair);
        let mut parts = kids(expected_pair);
        let inner = parts.next()?;
        let expected = match inner.as_rule() {
            Rule::string_list => Expected::Circulars(self.string_list(inner)),
            Rule::kw_baseline => Expected::Baseline,
            Rule::kw_exempt => Expected::Exempt,
            Rule::kw_conflict => Expected::Conflict,
            Rule::kw_none => Expected::NoPriority,
            Rule::day_off => Expected::DayOff,
            Rule::integer => Expected::Rank(self.integer(&inner)?.node),
            Rule::mode => {
                let Some(mode) = super::clauses::mode(inner) else {
                    self.unread(es, "this expected share");
                    return None;
                };
                let amount = self.amount(parts.next()?)?;
                Expected::Amount {
                    mode: Some(mode),
                    amount,
                }
            }
            _ => Expected::Amount {
                mode: None,
                amount: self.amount(inner)?,
            },
        };
        Some(Expect {
            span: whole,
            query,
            expected: Spanned::new(expected, es),
        })
    }

    /// Lowers a `query` pair.
    pub(crate) fn query(&mut self, pair: P<'a>) -> Query {
        let whole = self.span(&pair);
        let inner = kids(pair).next().expect("a query has one kind");
        let rule = inner.as_rule();
        match rule {
            Rule::q_priority => self.priority_order(&inner),
            Rule::q_in_force => self.in_force_words(&inner),
            _ => {}
        }
        let kind = match rule {
            Rule::q_in_force => {
                if let Some(period) =
                    kids(inner.clone()).find(|p| p.as_rule() == Rule::in_force_period)
                {
                    let mut dates = kids(period)
                        .filter(|p| p.as_rule() == Rule::date)
                        .map(|d| self.date(d));
                    let missing = || Spanned::new(None, whole);
                    let from = dates.next().unwrap_or_else(missing);
                    let to = dates.next().unwrap_or_else(missing);
                    self.check_order(&from, &to, "period");
                    QueryKind::InForcePeriod(from, to)
                } else {
                    let d = kids(inner)
                        .find(|p| p.as_rule() == Rule::date)
                        .map(|d| self.date(d))
                        .unwrap_or_else(|| Spanned::new(None, whole));
                    QueryKind::InForce(d)
                }
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

    pub(super) fn subject(&mut self, pair: P<'a>) -> Subject {
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
                            self.check_order(a, b, "period");
                            Time::Period(a.clone(), b.clone())
                        }
                        _ => continue,
                    };
                    if let Some(prev) = &time {
                        let file = self.file;
                        let prev = prev.span;
                        let w = |english| crate::syntax::keywords::word(english, self.lang);
                        let (from, to) = (w("from"), w("to"));
                        let d = self.error_text(Code::Syntax, s, crate::text!("two-dates"));
                        d.set_label_text(crate::text!("second-date"));
                        d.push_secondary_text(file, prev, crate::text!("first-date"));
                        d.set_help_text(crate::text!("two-dates-help", from = from, to = to));
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
            let lang = self.lang;
            let w = |english| crate::syntax::keywords::word(english, lang);
            let (on, from, to) = (w("on"), w("from"), w("to"));
            let end = Span::new(whole.end(), whole.end());
            let d = self.error_text(Code::Syntax, end, crate::text!("no-date"));
            d.set_label_text(crate::text!("no-date-label", on = on));
            d.set_help_text(crate::text!("no-date-help", on = on, from = from, to = to));
        }
        Subject {
            unit: unit.unwrap_or_else(|| Spanned::new(String::new(), whole)),
            dims,
            time,
        }
    }

    pub(super) fn dimension(&mut self, pair: P<'a>) -> Spanned<Dimension> {
        let s = self.span(&pair);
        let rule = pair.as_rule();
        let holds =
            !kids(pair.clone()).any(|p| matches!(p.as_rule(), Rule::when_not | Rule::trait_not));
        let value = kids(pair)
            .find(|p| {
                !is_keyword(p.as_rule()) && !matches!(p.as_rule(), Rule::when_not | Rule::trait_not)
            })
            .map(|p| match p.as_rule() {
                Rule::string => self.string(p).node,
                _ => p.as_str().to_string(),
            })
            .unwrap_or_default();
        let dim = match rule {
            Rule::dim_function => Dimension::Function(value),
            Rule::dim_domicile => Dimension::Domicile(value),
            Rule::dim_office => Dimension::Office(value),
            Rule::dim_when => Dimension::Condition { name: value, holds },
            Rule::dim_trait => Dimension::Trait { name: value, holds },
            _ => Dimension::Gov(value),
        };
        Spanned::new(dim, s)
    }

    pub(super) fn push_dimension(
        &mut self,
        dims: &mut Vec<Spanned<Dimension>>,
        dim: Spanned<Dimension>,
    ) {
        // A condition or a trait may be given several times, of different names.
        let same = |d: &Spanned<Dimension>| match (&d.node, &dim.node) {
            (Dimension::Condition { name: a, .. }, Dimension::Condition { name: b, .. })
            | (Dimension::Trait { name: a, .. }, Dimension::Trait { name: b, .. }) => a == b,
            (a, b) => a.keyword() == b.keyword(),
        };
        if let Some(prev) = dims.iter().find(|d| same(d)) {
            let (file, prev) = (self.file, prev.span);
            let word = crate::syntax::keywords::word(dim.keyword(), self.lang);
            let d = self.error_text(
                Code::Syntax,
                dim.span,
                crate::text!("given-twice", word = word),
            );
            d.set_label_text(crate::text!("second-time"));
            d.push_secondary_text(file, prev, crate::text!("first-time"));
            d.set_help_text(crate::text!("given-twice-help"));
            return;
        }
        dims.push(dim);
    }
}
