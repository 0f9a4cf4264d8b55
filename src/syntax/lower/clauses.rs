//! The clauses of a circular: its header clauses, sets, rules, arrangements and periods.

use super::is_keyword;
use super::{Lowerer, P, kids};
use crate::diagnostic::Code;
use crate::span::Spanned;
use crate::syntax::ast::*;
use crate::syntax::errors::Context;
use crate::syntax::parser::Rule;

impl<'a> Lowerer<'a> {
    pub(super) fn circular(&mut self, pair: P<'a>) -> Circular {
        let whole = self.span(&pair);
        let example = format!(
            "{} \"800/2928-BKD/2023\" {{",
            crate::syntax::keywords::word("circular", self.lang)
        );
        let id = self.header(&pair, "circular", &example);
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

    pub(super) fn clause(&mut self, pair: P<'a>) -> Option<ClauseKind> {
        let rule = pair.as_rule();
        if rule == Rule::priority {
            self.priority_order(&pair);
        }
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
            Rule::condition => {
                let name = self.ident(it.next()?);
                let text = self.string(it.next()?);
                ClauseKind::Condition { name, text }
            }
            _ => return None,
        })
    }

    pub(super) fn set_def(&mut self, pair: P<'a>) -> SetDef {
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

    pub(super) fn rule_def(&mut self, mut it: impl Iterator<Item = P<'a>>) -> Option<RuleDef> {
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
                Rule::every_mod => {
                    let days = parts.next().map(|p| self.weekdays(p)).unwrap_or_default();
                    if days.is_empty() {
                        self.unread(s, "this `every`: name a weekday, such as `every friday`");
                        continue;
                    }
                    Modifier::Every(days)
                }
                Rule::when_mod => {
                    let mut holds = true;
                    let mut name = None;
                    for p in parts {
                        match p.as_rule() {
                            Rule::when_not => holds = false,
                            _ => name = Some(self.ident(p)),
                        }
                    }
                    let Some(name) = name else {
                        self.unread(s, "this `when`: name a condition, such as `when urgent`");
                        continue;
                    };
                    Modifier::When { holds, name }
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

    pub(super) fn arrangement(&mut self, pair: P<'a>) -> Option<Spanned<Arrangement>> {
        let whole = self.span(&pair);
        let mut it = kids(pair);
        let Some(mode) = mode(it.next()?) else {
            self.unread(whole, "this arrangement");
            return None;
        };
        let amount = self.amount(it.next()?)?;
        Some(Spanned::new(Arrangement { mode, amount }, whole))
    }

    pub(super) fn amount(&mut self, pair: P<'a>) -> Option<Amount> {
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
                        let (x, y) = (x.to_string(), y.to_string());
                        let swapped = format!("{y}..{x}");
                        let message = crate::text!("empty-range", from = x, to = y);
                        self.error_text(Code::InvalidPercent, whole, message)
                            .set_help_text(crate::text!("write", text = swapped));
                    }
                }
                Amount::Range(a, b)
            }
            _ => return None,
        };
        Some(amount)
    }

    /// A `DATE to DATE` window.
    pub(super) fn period(&mut self, pair: P<'a>) -> Option<Spanned<Period>> {
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
}

/// The mode of a `mode` pair; `None` for a form the lowering does not know.
pub(super) fn mode(pair: P<'_>) -> Option<Mode> {
    match kids(pair).next()?.as_rule() {
        Rule::kw_wfo => Some(Mode::Wfo),
        Rule::kw_wfh => Some(Mode::Wfh),
        Rule::kw_wfa => Some(Mode::Wfa),
        _ => None,
    }
}
