//! One circular's clauses, resolved: the clauses it has once (with `duplicate-name` when given
//! twice), the required ones (`missing-clause`, the warning `no-rule`), its rules with their
//! modifiers, and its exemptions, priorities and duties. A circular with any error is left out.

use super::{Resolver, SetEntry};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;
use crate::msg::Text;
use crate::span::Spanned;
use crate::syntax::ast::{self, ClauseKind, Modifier, RuleSelector};
use crate::syntax::errors::closest;
use crate::text::normalize_name;
use foldhash::{HashMap, HashSet};
use std::sync::Arc;

/// The `level` part of an issuer clause; `None` inside when its word is unknown.
type LevelLit = Spanned<Option<Level>>;

/// The clauses a circular has at most once, as written (the first of each), and the sets it
/// defines.
struct Singles<'a> {
    issuer: Option<(&'a ast::Str, &'a Option<LevelLit>, Span)>,
    signed: Option<&'a ast::DateLit>,
    valid: Option<(&'a ast::Validity, Span)>,
    scope: Option<&'a ast::Scope>,
    local: HashMap<String, SetEntry>,
}

/// What a rule's modifiers resolve to: its `except`s, the rules it overrides, its `during` and
/// its `every`.
type Modifiers = (
    Vec<(Sel, Span)>,
    Vec<(RuleId, Span)>,
    Option<(Windows, Span)>,
    Option<(Weekdays, Span)>,
    Option<When>,
);

impl Resolver {
    /// Resolves one circular; `None` when it has an error (reported) or lacks what the model
    /// needs.
    pub(super) fn circular(
        &mut self,
        file: FileId,
        c: &ast::Circular,
        top: &HashMap<String, SetEntry>,
    ) -> Option<Circular> {
        let errors_before = self.diagnostics.len();
        let id = c.id.clone();
        let shown = c.shown_text();
        let mut singles = self.single_clauses(file, c, top, &shown);
        let mut sets = top.clone();
        sets.extend(std::mem::take(&mut singles.local));
        let level = self.required_clauses(file, c, &shown, &singles);
        let conditions = self.conditions(file, c);
        let (rules, written) = self.rules(file, c, &sets, &conditions);
        let (exempt, priorities, duties) = self.other_clauses(file, c, &sets);
        let Singles {
            signed,
            valid,
            scope,
            ..
        } = singles;

        let scope = match scope? {
            ast::Scope::All => GovScope::All,
            ast::Scope::Govs(govs) => GovScope::Govs(
                govs.iter()
                    .map(|g| self.interner.intern(&normalize_name(&g.node)))
                    .collect(),
            ),
        };
        // A circular with any error is left out of the model: its mistakes are reported, and
        // nothing computed from a half-understood circular is shown.
        let own_errors = self.diagnostics[errors_before..]
            .iter()
            .any(|d| d.is_error());
        let parse_errors = self
            .parse_errors
            .iter()
            .any(|s| s.start >= c.span.start && s.start <= c.span.end);
        if own_errors || parse_errors || rules.len() != written {
            return None;
        }
        let (valid, valid_span) = valid?;
        let (valid_from, valid_to, windows) = match valid {
            ast::Validity::Windows { windows, .. } => {
                let days = ast::Period::all_dates(windows)?;
                let runs = crate::model::windows(days);
                let (first, last) = (runs.first()?.0, runs.last()?.1);
                (first, Some(last), runs)
            }
            ast::Validity::From(from) => (from.node?, None, Windows::default()),
        };
        let id = id?;
        Some(Circular {
            file,
            span: c.span,
            id: id.node,
            id_span: id.span,
            level: level?,
            signed: signed?.node?,
            signed_span: signed?.span,
            valid_from,
            valid_to,
            windows,
            valid_span,
            scope,
            revokes: Vec::new(),
            exempt,
            rules,
            priorities,
            duties: duties.into(),
            conditions: conditions.into(),
        })
    }

    /// The `condition` clauses of a circular; a name declared twice is `duplicate-name`.
    fn conditions(&mut self, file: FileId, c: &ast::Circular) -> Vec<Condition> {
        let mut out: Vec<Condition> = Vec::new();
        let mut first: HashMap<&str, Span> = HashMap::default();
        for clause in &c.clauses {
            let ClauseKind::Condition { name, text } = &clause.node else {
                continue;
            };
            if let Some(&at) = first.get(name.node.as_str()) {
                self.duplicate(
                    file,
                    name.span,
                    crate::text!("the-named", kind = "condition", name = &name.node),
                    (file, at),
                );
                continue;
            }
            first.insert(&name.node, name.span);
            out.push(Condition {
                name: self.interner.intern(&name.node),
                text: text.node.as_str().into(),
                span: clause.span,
            });
        }
        out
    }

    /// The clauses given at most once, each reported when given again; and the sets the
    /// circular defines.
    fn single_clauses<'a>(
        &mut self,
        file: FileId,
        c: &'a ast::Circular,
        top: &HashMap<String, SetEntry>,
        shown: &Text,
    ) -> Singles<'a> {
        let mut seen: HashMap<&'static str, Span> = HashMap::default();
        let mut singles = Singles {
            issuer: None,
            signed: None,
            valid: None,
            scope: None,
            local: HashMap::default(),
        };
        for clause in &c.clauses {
            let key = match &clause.node {
                ClauseKind::Title(_) => "title",
                ClauseKind::Issuer { .. } => "issuer",
                ClauseKind::Signed { .. } => "signed",
                ClauseKind::Valid(_) => "valid",
                ClauseKind::Scope(_) => "scope",
                ClauseKind::Set(def) => {
                    self.define_set(file, def, &mut singles.local, top);
                    continue;
                }
                _ => continue,
            };
            if let Some(&first) = seen.get(key) {
                let help = given_twice_help(key, &clause.node, singles.valid);
                self.push(
                    Diagnostic::of(
                        Code::DuplicateName,
                        file,
                        clause.span,
                        crate::text!(
                            "clause-given-twice",
                            keyword = clause_keyword(key),
                            circular = shown.clone()
                        ),
                    )
                    .with_label_text(crate::text!("given-again-here"))
                    .with_secondary_text(file, first, crate::text!("first-given-here"))
                    .with_help_text(help),
                );
                continue;
            }
            seen.insert(key, clause.span);
            match &clause.node {
                ClauseKind::Issuer { name, level } => {
                    singles.issuer = Some((name, level, clause.span))
                }
                ClauseKind::Signed { date, .. } => singles.signed = Some(date),
                ClauseKind::Valid(v) => singles.valid = Some((v, clause.span)),
                ClauseKind::Scope(s) => singles.scope = Some(s),
                _ => {}
            }
        }
        singles
    }

    /// True when a clause `what` of `c` was written on a line that could not be read: it is
    /// reported as `syntax` already.
    fn unreadable_clause(&self, c: &ast::Circular, what: &str) -> bool {
        self.bad_lines.iter().any(|(at, word)| {
            (c.span.start()..c.span.end()).contains(at)
                && (word == what
                    || closest(word, crate::syntax::errors::CLAUSE_KEYWORDS.iter().copied())
                        == Some(what))
        })
    }

    /// Reports the required clauses that are absent (`missing-clause`) and a circular without
    /// rules (`no-rule`); the circular's level, if its issuer gives one.
    fn required_clauses(
        &mut self,
        file: FileId,
        c: &ast::Circular,
        shown: &Text,
        singles: &Singles<'_>,
    ) -> Option<Level> {
        // The required clauses that are absent, each with its form and what to fill in: the
        // placeholders, never a government, date or share the circular does not write.
        let mut absent: Vec<&str> = Vec::new();
        let mut missing_clauses = Vec::new();
        let level = match singles.issuer {
            None => {
                if !self.unreadable_clause(c, "issuer") {
                    absent.push("issuer");
                }
                None
            }
            Some((name, None, span)) => {
                missing_clauses.push(
                    Diagnostic::of(
                        Code::MissingClause,
                        file,
                        span,
                        crate::text!("issuer-no-level", circular = shown.clone()),
                    )
                    .with_label_text(crate::text!("issuer-no-level-label"))
                    .with_help_text(crate::text!("issuer-no-level-help", name = &name.node)),
                );
                None
            }
            Some((_, Some(level), _)) => level.node,
        };
        if singles.signed.is_none() && !self.unreadable_clause(c, "signed") {
            absent.push("signed");
        }
        if singles.valid.is_none() && !self.unreadable_clause(c, "valid") {
            absent.push("valid");
        }
        if singles.scope.is_none() && !self.unreadable_clause(c, "scope") {
            absent.push("scope");
        }
        missing_clauses.extend(absent_clauses(file, c, shown, &absent));
        self.diagnostics.extend(missing_clauses);
        self.no_rule(file, c, shown);
        level
    }

    /// The warning `no-rule`: a circular without rules (duties only, or only exemptions or
    /// priorities) is valid, but sets no share.
    fn no_rule(&mut self, file: FileId, c: &ast::Circular, shown: &Text) {
        let has_rule = c
            .clauses
            .iter()
            .any(|cl| matches!(cl.node, ClauseKind::Rule(_)));
        if has_rule || self.unreadable_clause(c, "rule") {
            return;
        }
        let exempts = c
            .clauses
            .iter()
            .any(|cl| matches!(cl.node, ClauseKind::Exempt(_)));
        self.push(
            Diagnostic::of(
                Code::NoRule,
                file,
                c.keyword,
                crate::text!("no-rule", circular = shown.clone()),
            )
            .with_label_text(crate::text!("no-rule-label"))
            .with_help_text(if exempts {
                crate::text!("no-rule-exempts-help")
            } else {
                crate::text!("no-rule-help")
            }),
        );
    }

    /// The circular's rules, names first so that `overrides` can point forward; and how many
    /// rules it writes (a rule whose arrangement did not read is left out).
    fn rules(
        &mut self,
        file: FileId,
        c: &ast::Circular,
        sets: &HashMap<String, SetEntry>,
        conditions: &[Condition],
    ) -> (Vec<Rule>, usize) {
        let rule_asts: Vec<(&ast::RuleDef, Span)> = c
            .clauses
            .iter()
            .filter_map(|cl| match &cl.node {
                ClauseKind::Rule(r) => Some((&**r, cl.span)),
                _ => None,
            })
            .collect();
        let mut rule_index: HashMap<&str, RuleId> = HashMap::default();
        for (i, (r, _)) in rule_asts.iter().enumerate() {
            if let Some(&first) = rule_index.get(r.name.node.as_str()) {
                let first_span = rule_asts[first].0.name.span;
                self.duplicate(
                    file,
                    r.name.span,
                    crate::text!("the-named", kind = "rule", name = &r.name.node),
                    (file, first_span),
                );
            } else {
                rule_index.insert(&r.name.node, i);
            }
        }
        let mut rules = Vec::new();
        for &(r, span) in &rule_asts {
            let selector = match &r.selector {
                RuleSelector::Otherwise(_) => None,
                RuleSelector::Selector(s) => {
                    let selector = self.selector(file, s, sets);
                    Some(self.share(selector))
                }
            };
            let (except, overrides, during, every, when) =
                self.modifiers(file, r, (&rule_index, conditions), sets);
            let Some(wfo) = r.arrangement.node.wfo_interval() else {
                continue;
            };
            rules.push(Rule {
                span,
                name_span: r.name.span,
                selector,
                except: except.into(),
                wfo,
                arrangement_span: r.arrangement.span,
                overrides: overrides.into(),
                overrides_all: SmallList::default(),
                during,
                every,
                when,
            });
        }
        close_overrides(&mut rules);
        (rules, rule_asts.len())
    }

    /// A rule's modifiers: `except` selectors resolved, `overrides` names to rule indices
    /// (`unknown-name`), one `during`, `every` and `when` (a second is `duplicate-name`), the
    /// condition of `when` one of the circular's (`unknown-name`).
    fn modifiers(
        &mut self,
        file: FileId,
        r: &ast::RuleDef,
        (rule_index, conditions): (&HashMap<&str, RuleId>, &[Condition]),
        sets: &HashMap<String, SetEntry>,
    ) -> Modifiers {
        let mut except = Vec::new();
        let mut overrides = Vec::new();
        let mut during = None;
        let mut every: Option<(Weekdays, Span)> = None;
        let mut when: Option<When> = None;
        for m in &r.modifiers {
            match &m.node {
                Modifier::Except(s) => except.push((self.selector(file, s, sets), m.span)),
                Modifier::Overrides(names) => {
                    for n in names {
                        match rule_index.get(n.node.as_str()) {
                            Some(&target) => overrides.push((target, n.span)),
                            None => {
                                let names = rule_index.keys().copied();
                                self.unknown(file, n, "rule", closest(&n.node, names))
                            }
                        }
                    }
                }
                Modifier::During(periods) => {
                    if let Some((_, first)) = &during {
                        let help = crate::text!(
                            "during-twice-help",
                            periods = list_form(r.modifiers.iter().filter_map(|m| match &m.node {
                                Modifier::During(p) => Some(p.as_slice()),
                                _ => None,
                            }))
                        );
                        self.second_modifier(file, r, "during", (*first, m.span), help);
                        continue;
                    }
                    // Invalid dates are reported by the lowering (and keep the circular out).
                    if let Some(days) = periods
                        .iter()
                        .map(|p| p.node.dates())
                        .collect::<Option<Vec<_>>>()
                    {
                        during = Some((crate::model::windows(days), m.span));
                    }
                }
                Modifier::Every(days) => {
                    if let Some((_, first)) = &every {
                        let help = crate::text!("every-twice-help");
                        self.second_modifier(file, r, "every", (*first, m.span), help);
                        continue;
                    }
                    // Unknown weekday names are reported by the lowering (and keep the circular
                    // out).
                    if let Some(days) = days.iter().map(|d| d.node).collect::<Option<Vec<_>>>() {
                        every = Some((Weekdays::from_days(days), m.span));
                    }
                }
                Modifier::When { holds, name } => {
                    if let Some(first) = &when {
                        let help = crate::text!("when-twice-help");
                        self.second_modifier(file, r, "when", (first.span, m.span), help);
                        continue;
                    }
                    let sym = self.interner.get(&name.node);
                    if !conditions.iter().any(|c| Some(c.name) == sym) {
                        let names: Vec<&str> = conditions
                            .iter()
                            .map(|c| self.interner.resolve(c.name))
                            .collect();
                        let suggestion = closest(&name.node, names.iter().copied());
                        let suggestion = suggestion.map(str::to_string);
                        self.unknown_condition(file, name, suggestion.as_deref(), names.is_empty());
                        continue;
                    }
                    when = Some(When {
                        name: self.interner.intern(&name.node),
                        holds: *holds,
                        span: m.span,
                    });
                }
            }
        }
        (except, overrides, during, every, when)
    }

    /// `unknown-name` for a `when` naming no condition of its circular.
    fn unknown_condition(
        &mut self,
        file: FileId,
        name: &ast::Ident,
        suggestion: Option<&str>,
        none_declared: bool,
    ) {
        let mut d = Diagnostic::of(
            Code::UnknownName,
            file,
            name.span,
            crate::text!("unknown-condition", name = &name.node),
        )
        .with_label_text(crate::text!("unknown-condition-label"));
        d = match suggestion {
            Some(s) => d.with_help_text(crate::text!("did-you-mean", word = s)),
            None if none_declared => {
                d.with_help_text(crate::text!("declare-condition-help", name = &name.node))
            }
            None => d.with_help_text(crate::text!(
                "declare-condition-also-help",
                name = &name.node
            )),
        };
        self.push(d);
    }

    /// `duplicate-name` for a second `during` or `every` of a rule (`at`: the first and the
    /// second), with the help that shows the list form.
    fn second_modifier(
        &mut self,
        file: FileId,
        r: &ast::RuleDef,
        word: &str,
        at: (Span, Span),
        help: Text,
    ) {
        self.push(
            Diagnostic::of(
                Code::DuplicateName,
                file,
                at.1,
                crate::text!(
                    "two-modifiers",
                    rule = &r.name.node,
                    keyword = modifier(word)
                ),
            )
            .with_label_text(crate::text!("second-modifier", keyword = modifier(word)))
            .with_secondary_text(
                file,
                at.0,
                crate::text!("first-modifier", keyword = modifier(word)),
            )
            .with_help_text(help),
        );
    }

    /// The exemptions, priorities and duties, in the order written (equal duty texts shared).
    fn other_clauses(
        &mut self,
        file: FileId,
        c: &ast::Circular,
        sets: &HashMap<String, SetEntry>,
    ) -> (Vec<Exemption>, Vec<Priority>, Vec<Arc<str>>) {
        let mut exempt = Vec::new();
        let mut priorities = Vec::new();
        let mut duties = Vec::new();
        for clause in &c.clauses {
            match &clause.node {
                ClauseKind::Exempt(s) => exempt.push(Exemption {
                    selector: self.selector(file, s, sets),
                    span: clause.span,
                }),
                ClauseKind::Priority { rank, selector } => priorities.push(Priority {
                    rank: rank.node,
                    selector: self.selector(file, selector, sets),
                    span: clause.span,
                }),
                ClauseKind::Duty(d) => {
                    let text = match self.duty_texts.get(d.node.as_str()) {
                        Some(t) => t.clone(),
                        None => {
                            let t: Arc<str> = d.node.as_str().into();
                            self.duty_texts.insert(t.clone());
                            t
                        }
                    };
                    duties.push(text);
                }
                _ => {}
            }
        }
        (exempt, priorities, duties)
    }
}

/// The help of a clause given twice: two `valid` clauses of windows become one list.
fn given_twice_help(key: &str, clause: &ClauseKind, valid: Option<(&ast::Validity, Span)>) -> Text {
    match (clause, valid) {
        (ClauseKind::Valid(second), Some((first, _))) => {
            let periods = |v: &ast::Validity| -> Vec<Spanned<ast::Period>> {
                match v {
                    ast::Validity::Windows { windows, .. } => windows.clone(),
                    ast::Validity::From(_) => Vec::new(),
                }
            };
            let (first, second): (Vec<_>, Vec<_>) = (periods(first), periods(second));
            if first.is_empty() || second.is_empty() {
                crate::text!("one-clause-help", keyword = clause_keyword("valid"))
            } else {
                crate::text!(
                    "valid-twice-help",
                    periods = list_form([first.as_slice(), second.as_slice()])
                )
            }
        }
        _ => crate::text!("one-clause-help", keyword = clause_keyword(key)),
    }
}

/// One `missing-clause` diagnostic for the absent required clauses (`what`, its form, what to
/// fill in), however many they are.
fn absent_clauses(
    file: FileId,
    c: &ast::Circular,
    shown: &Text,
    absent: &[&str],
) -> Option<Diagnostic> {
    match absent {
        [] => None,
        [what] => Some(
            Diagnostic::of(
                Code::MissingClause,
                file,
                c.keyword,
                crate::text!(
                    "missing-clause",
                    keyword = clause_keyword(what),
                    circular = shown.clone()
                ),
            )
            .with_label_text(crate::text!(
                "missing-clause-label",
                keyword = clause_keyword(what)
            ))
            .with_help_text(crate::text!("missing-clause-help", key = *what)),
        ),
        [init @ .., last] => {
            let list = init
                .iter()
                .map(|w| clause_keyword(w))
                .reduce(|list, next| crate::text!("comma-list", list = list, next = next))
                .map(|list| {
                    let last = clause_keyword(last);
                    crate::text!("and-list", list = list, last = last)
                })?;
            let forms = absent
                .iter()
                .map(|w| crate::text!("clause-form-fill", key = *w))
                .reduce(|list, next| crate::text!("line-list", list = list, next = next))?;
            Some(
                Diagnostic::of(
                    Code::MissingClause,
                    file,
                    c.keyword,
                    crate::text!(
                        "missing-clauses",
                        list = list.clone(),
                        circular = shown.clone()
                    ),
                )
                .with_label_text(crate::text!("missing-clauses-label", list = list))
                .with_help_text(crate::text!("missing-clauses-help", forms = forms)),
            )
        }
    }
}

/// Periods as one list, in the order written: `2026-03-16 to 2026-03-17, 2026-03-25 to
/// 2026-03-27` (the dates as read; an invalid one as `YYYY-MM-DD`).
fn list_form<'a>(lists: impl IntoIterator<Item = &'a [Spanned<ast::Period>]>) -> Text {
    let shown = |d: &ast::DateLit| d.node.map_or("YYYY-MM-DD".to_string(), |d| d.to_string());
    lists
        .into_iter()
        .flat_map(|list| list.iter())
        .map(|p| {
            crate::text!(
                "period-to",
                from = shown(&p.node.from),
                to = shown(&p.node.to)
            )
        })
        .reduce(|list, next| crate::text!("comma-list", list = list, next = next))
        .unwrap_or(crate::text!("comma-list-empty"))
}

/// Fills `overrides_all` with the transitive closure of `overrides`.
fn close_overrides(rules: &mut [Rule]) {
    let direct: Vec<Vec<RuleId>> = rules
        .iter()
        .map(|r| r.overrides.iter().map(|&(t, _)| t).collect())
        .collect();
    for (i, rule) in rules.iter_mut().enumerate() {
        let mut seen: HashSet<RuleId> = HashSet::default();
        let mut stack: Vec<RuleId> = direct[i].clone();
        while let Some(r) = stack.pop() {
            if r < direct.len() && seen.insert(r) {
                stack.extend(&direct[r]);
            }
        }
        let mut all: Vec<RuleId> = seen.into_iter().collect();
        all.sort_unstable();
        rule.overrides_all = all.into();
    }
}

/// The keyword of a clause (`title`, `issuer`, `signed`, `valid`, `scope`), in backticks, in the
/// language shown.
fn clause_keyword(key: &str) -> Text {
    crate::text!("clause-keyword", key = key)
}

/// The keyword of a rule's modifier (`during`, `every`, `when`), in backticks, in the language
/// shown.
fn modifier(key: &str) -> Text {
    crate::text!("modifier-keyword", key = key)
}
