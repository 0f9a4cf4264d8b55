//! The text of each node: clauses, sets, arrangements, modifiers, selectors and questions, with
//! literals printed from their spans.

use super::comments::skip_trivia;
use super::layout::{rule_tail, set_tail};
use super::{INDENT, Line, LineKind, Printer};
use crate::lang::Lang;
use crate::span::{Span, Spanned};
use crate::syntax::ast::*;
use crate::syntax::keywords;
use std::fmt::Write as _;

impl<'a> Printer<'a> {
    pub(super) fn clause_line(&self, clause: &Clause) -> Line {
        let header = |keyword: &str, value: String| Line {
            span: clause.span,
            head: keyword.to_string(),
            tail: value,
            kind: LineKind::Header,
            blank_before: false,
            items: Vec::new(),
        };
        let plain = |text: String| Line {
            span: clause.span,
            head: text,
            tail: String::new(),
            kind: LineKind::Plain,
            blank_before: false,
            items: Vec::new(),
        };
        match &clause.node {
            ClauseKind::Title(s) => header(self.w("title"), self.src(s.span).to_string()),
            ClauseKind::Issuer { name, level } => {
                let mut v = self.src(name.span).to_string();
                if let Some(l) = level {
                    let word = match l.node {
                        Some(level) => level.word(self.lang),
                        None => self.src(l.span),
                    };
                    let _ = write!(v, " {} {word}", self.w("level"));
                }
                header(self.w("issuer"), v)
            }
            ClauseKind::Signed { date, by } => {
                let mut v = self.src(date.span).to_string();
                if let Some(b) = by {
                    let _ = write!(v, " {} {}", self.w("by"), self.src(b.span));
                }
                header(self.w("signed"), v)
            }
            ClauseKind::Valid(v) => header(
                self.w("valid"),
                match v {
                    Validity::From(d) => format!("{} {}", self.w("from"), self.src(d.span)),
                    Validity::Windows { windows, claim } => {
                        let mut s = self.periods(windows);
                        if let Some(c) = claim {
                            let _ = write!(s, " ({})", duration(c, self.lang));
                        }
                        s
                    }
                },
            ),
            ClauseKind::Basis(list) => self.list_header(self.w("basis"), clause.span, list),
            ClauseKind::Scope(Scope::All) => header(self.w("scope"), self.w("all").into()),
            ClauseKind::Scope(Scope::Govs(list)) => {
                self.list_header(self.w("scope"), clause.span, list)
            }
            ClauseKind::Revokes(list) => self.list_header(self.w("revokes"), clause.span, list),
            ClauseKind::Set(def) => Line {
                span: clause.span,
                ..self.set_line(def, INDENT.len())
            },
            ClauseKind::Exempt(s) => plain(format!("{} {}", self.w("exempt"), self.selector(s, 0))),
            ClauseKind::Priority { rank, selector } => plain(format!(
                "{} {}: {}",
                self.wfh_priority(),
                rank.node,
                self.selector(selector, 0)
            )),
            ClauseKind::Duty(s) => plain(format!("{} {}", self.w("duty"), self.src(s.span))),
            ClauseKind::Condition { name, text } => plain(format!(
                "{} {} {}",
                self.w("condition"),
                name.node,
                self.src(text.span)
            )),
            ClauseKind::Rule(r) => {
                let selector = match &r.selector {
                    RuleSelector::Otherwise(_) => self.w("otherwise").to_string(),
                    RuleSelector::Selector(s) => self.selector(s, 0),
                };
                let arrangement = format!("=> {}", self.arrangement(&r.arrangement.node));
                let mut parts = vec![arrangement];
                parts.extend(r.modifiers.iter().map(|m| self.modifier(m)));
                let head = format!("{} {}: {selector} ", self.w("rule"), r.name.node);
                Line {
                    span: clause.span,
                    tail: rule_tail(INDENT.len(), head.len(), &parts),
                    head,
                    kind: LineKind::Rule,
                    blank_before: false,
                    items: parts,
                }
            }
        }
    }

    pub(super) fn list_header(&self, keyword: &str, span: Span, list: &[Str]) -> Line {
        Line {
            span,
            head: keyword.to_string(),
            tail: self.strings(list),
            kind: LineKind::Header,
            blank_before: false,
            items: list.iter().map(|s| self.src(s.span).to_string()).collect(),
        }
    }

    /// A set definition at `indent` columns.
    pub(super) fn set_line(&self, def: &SetDef, indent: usize) -> Line {
        let members: Vec<String> = def
            .members
            .iter()
            .map(|m| self.src(m.span).to_string())
            .collect();
        let head = format!("{} {} ", self.w(def.kind.as_str()), def.name.node);
        Line {
            span: def.span,
            tail: set_tail(indent, head.len(), &members),
            head,
            kind: LineKind::Set,
            blank_before: false,
            items: members,
        }
    }

    pub(super) fn strings(&self, list: &[Str]) -> String {
        list.iter()
            .map(|s| self.src(s.span))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub(super) fn arrangement(&self, a: &Arrangement) -> String {
        let mode = a.mode.as_str();
        let p = |x: &PctLit| pct_text(self, x);
        let amount = match &a.amount {
            Amount::Exact(x) => p(x),
            Amount::AtMost(x) => format!("{} {} {}", self.w("at"), self.w("most"), p(x)),
            Amount::AtLeast(x) => format!("{} {} {}", self.w("at"), self.w("least"), p(x)),
            Amount::Range(x, y) => format!("{}..{}", p(x), p(y)),
        };
        format!("{mode} {amount}")
    }

    pub(super) fn modifier(&self, m: &Spanned<Modifier>) -> String {
        match &m.node {
            Modifier::Except(s) => format!("{} {}", self.w("except"), self.selector(s, 0)),
            Modifier::Overrides(names) => format!(
                "{} {}",
                self.w("overrides"),
                names
                    .iter()
                    .map(|n| n.node.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Modifier::During(windows) => {
                format!("{} {}", self.w("during"), self.periods(windows))
            }
            Modifier::Every(days) => match &days[..] {
                [one] => format!("{} {}", self.w("every"), self.weekday(one)),
                many => format!("{} [{}]", self.w("every"), self.weekday_list(many)),
            },
            Modifier::When { holds: true, name } => format!("{} {}", self.w("when"), name.node),
            Modifier::When { holds: false, name } => {
                format!("{} {} {}", self.w("when"), self.w("not"), name.node)
            }
        }
    }

    /// A weekday in the language of the output, in lower case: `friday`, `jumat`.
    fn weekday(&self, day: &WeekdayLit) -> String {
        match day.node {
            Some(d) => crate::calendar::weekday_word(d, self.lang).to_string(),
            None => self.src(day.span).to_string(),
        }
    }

    /// `wednesday, friday`.
    fn weekday_list(&self, days: &[WeekdayLit]) -> String {
        let names: Vec<String> = days.iter().map(|d| self.weekday(d)).collect();
        names.join(", ")
    }

    /// `wfh priority`, `prioritas wfh`.
    fn wfh_priority(&self) -> String {
        match self.lang {
            Lang::En => format!("wfh {}", self.w("priority")),
            Lang::Id => format!("{} wfh", self.w("priority")),
        }
    }

    /// A top-level line of the calendar: `holiday ...`, `workweek ...`, `calendar none`.
    pub(super) fn calendar_line(&self, item: &Item) -> Option<String> {
        Some(match item {
            Item::Holiday(h) => {
                let mut s = format!("{} {}", self.w("holiday"), self.src(h.node.from.span));
                if let Some(to) = &h.node.to {
                    let _ = write!(s, " {} {}", self.w("to"), self.src(to.span));
                }
                let _ = write!(s, " {}", self.src(h.node.name.span));
                s
            }
            Item::Workweek(w) => format!(
                "{} {} {} {}",
                self.w("workweek"),
                self.weekday(&w.node.first),
                self.w("to"),
                self.weekday(&w.node.last)
            ),
            Item::CalendarNone(_) => format!("{} {}", self.w("calendar"), self.w("none")),
            _ => return None,
        })
    }

    /// `DATE to DATE, DATE to DATE`, the dates as written.
    pub(super) fn periods(&self, windows: &[Spanned<Period>]) -> String {
        let shown: Vec<String> = windows
            .iter()
            .map(|w| {
                format!(
                    "{} {} {}",
                    self.src(w.node.from.span),
                    self.w("to"),
                    self.src(w.node.to.span)
                )
            })
            .collect();
        shown.join(", ")
    }

    /// True when the source wrote parentheses around this span.
    pub(super) fn parenthesized(&self, span: Span) -> bool {
        let before = self.text[..span.start()].trim_end();
        let after = self.text[span.end()..].trim_start();
        before.ends_with('(') && after.starts_with(')')
    }

    /// Prints a selector; `context` is the binding strength around it (0 none, 1 inside `or`, 2
    /// inside `and`, 3 inside `not`). Parentheses are printed where precedence needs them and
    /// where the source had them.
    pub(super) fn selector(&self, s: &Selector, context: u8) -> String {
        let strength = match &s.node {
            SelectorKind::Or(_) => 1,
            SelectorKind::And(_) => 2,
            SelectorKind::Not(_) => 3,
            _ => 4,
        };
        let text = match &s.node {
            SelectorKind::All => self.w("all").to_string(),
            SelectorKind::Or(parts) => parts
                .iter()
                .map(|p| self.selector(p, 1))
                .collect::<Vec<_>>()
                .join(&format!(" {} ", self.w("or"))),
            SelectorKind::And(parts) => parts
                .iter()
                .map(|p| self.selector(p, 2))
                .collect::<Vec<_>>()
                .join(&format!(" {} ", self.w("and"))),
            SelectorKind::Not(inner) => format!("{} {}", self.w("not"), self.selector(inner, 3)),
            SelectorKind::Sector(name) => name.node.clone(),
            SelectorKind::Unit(v) => self.values("unit", v),
            SelectorKind::Domicile(v) => self.values("domicile", v),
            SelectorKind::Office(v) => self.values("office", v),
            SelectorKind::Gov(v) => self.values("gov", v),
            SelectorKind::Function(names) => self.idents("function", names),
            SelectorKind::Trait(names) => self.idents("trait", names),
        };
        let needed = strength < 4 && strength <= context && !(strength == 3 && context == 3);
        if needed || (context > 0 && self.parenthesized(s.span)) {
            format!("({text})")
        } else {
            text
        }
    }

    pub(super) fn values(&self, keyword: &'static str, v: &Values) -> String {
        let (keyword, within) = (self.w(keyword), self.w("in"));
        match v {
            Values::One(s) => format!("{keyword} {}", self.src(s.span)),
            Values::List(list) => format!("{keyword} {within} [{}]", self.strings(list)),
            Values::Named(n) => format!("{keyword} {within} {}", n.node),
        }
    }

    /// `function service` or `function in [service, field]`; the same for `trait`.
    fn idents(&self, keyword: &'static str, names: &[crate::syntax::ast::Ident]) -> String {
        let keyword = self.w(keyword);
        match names {
            [one] => format!("{keyword} {}", one.node),
            many => format!(
                "{keyword} {} [{}]",
                self.w("in"),
                many.iter()
                    .map(|n| n.node.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    pub(super) fn dimension(&self, d: &Spanned<Dimension>) -> String {
        // A condition or a trait is a name: printed as read, `not` in its place.
        match &d.node {
            Dimension::Condition { name, holds } => {
                return match holds {
                    true => format!("{} {name}", self.w("when")),
                    false => format!("{} {} {name}", self.w("when"), self.w("not")),
                };
            }
            Dimension::Trait { name, holds } => {
                return match holds {
                    true => format!("{} {name}", self.w("trait")),
                    false => format!("{} {} {name}", self.w("not"), self.w("trait")),
                };
            }
            _ => {}
        }
        // The value as written (escapes kept): the span minus the keyword, in either language.
        // Comments between the keyword and the value are printed before the line, not here.
        let raw = self.src(d.span);
        let keyword = raw.len()
            - raw
                .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_')
                .len();
        let value = skip_trivia(&raw[keyword..]).trim_end();
        format!("{} {value}", self.w(d.keyword()))
    }

    pub(super) fn query(&self, q: &Query) -> String {
        match &q.kind {
            QueryKind::InForce(d) => {
                format!("{} {} {}", self.in_force(), self.w("on"), self.src(d.span))
            }
            QueryKind::InForcePeriod(a, b) => format!(
                "{} {} {} {} {}",
                self.in_force(),
                self.w("from"),
                self.src(a.span),
                self.w("to"),
                self.src(b.span)
            ),
            QueryKind::Conflicts => self.w("conflicts").into(),
            QueryKind::Wfo(s) => format!("wfo {}", self.subject(s)),
            QueryKind::Explain(s) => format!("{} {}", self.w("explain"), self.subject(s)),
            QueryKind::Priority(s) => format!("{} {}", self.wfh_priority(), self.subject(s)),
        }
    }

    pub(super) fn subject(&self, s: &Subject) -> String {
        let mut out = self.src(s.unit.span).to_string();
        for d in &s.dims {
            let _ = write!(out, " {}", self.dimension(d));
        }
        if let Some(t) = &s.time {
            match &t.node {
                Time::On(d) => {
                    let _ = write!(out, " {} {}", self.w("on"), self.src(d.span));
                }
                Time::Period(a, b) => {
                    let (from, to) = (self.w("from"), self.w("to"));
                    let (a, b) = (self.src(a.span), self.src(b.span));
                    let _ = write!(out, " {from} {a} {to} {b}");
                }
            }
        }
        out
    }

    pub(super) fn expected(&self, e: &Expected) -> String {
        match e {
            Expected::Amount { mode, amount } => {
                // The amount alone, as in `= at most 25%`, or with its mode, as written.
                let text = self.arrangement(&Arrangement {
                    mode: mode.unwrap_or(Mode::Wfo),
                    amount: amount.clone(),
                });
                match mode {
                    Some(_) => text,
                    None => text["wfo ".len()..].to_string(),
                }
            }
            Expected::Baseline => self.w("baseline").into(),
            Expected::Exempt => self.w("exempt").into(),
            Expected::Conflict => self.w("conflict").into(),
            Expected::DayOff => match self.lang {
                Lang::En => "day-off".into(),
                Lang::Id => "libur".into(),
            },
            Expected::NoPriority => self.w("none").into(),
            Expected::Rank(n) => n.to_string(),
            Expected::Circulars(list) => format!("[{}]", self.strings(list)),
        }
    }
}

pub(super) fn pct_text(p: &Printer<'_>, x: &PctLit) -> String {
    match x.node {
        Some(v) => v.to_string(),
        None => p.src(x.span).to_string(),
    }
}

/// A duration claim without its parentheses: `1 month`, `5 working days`, `3 bulan`.
fn duration(c: &Duration, lang: Lang) -> String {
    let n = c.count;
    match lang {
        Lang::En => {
            let unit = match c.unit {
                DurationUnit::Day => "day",
                DurationUnit::Week => "week",
                DurationUnit::Month => "month",
                DurationUnit::WorkingDay => "working day",
            };
            let plural = if n == 1 { "" } else { "s" };
            format!("{n} {unit}{plural}")
        }
        // Indonesian has no plural: `1 bulan`, `3 bulan`.
        Lang::Id => {
            let unit = match c.unit {
                DurationUnit::Day => "hari",
                DurationUnit::Week => "minggu",
                DurationUnit::Month => "bulan",
                DurationUnit::WorkingDay => "hari kerja",
            };
            format!("{n} {unit}")
        }
    }
}

impl Printer<'_> {
    /// The keyword written `english` in English, in the language of the output.
    pub(super) fn w(&self, english: &'static str) -> &'static str {
        keywords::word(english, self.lang)
    }

    /// `in force`, `berlaku` (a question's words).
    fn in_force(&self) -> String {
        match self.lang {
            Lang::En => format!("{} {}", self.w("in"), self.w("force")),
            Lang::Id => self.w("force").to_string(),
        }
    }
}
