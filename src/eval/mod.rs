//! The interpreter: the answer at one point (docs/language.md section 8), with its derivation.
//!
//! An [`Engine`] compiles every circular of a workspace into regions of the [region
//! algebra](crate::region) once; a point question is then a walk over the circulars that asks
//! the regions whether they hold the point. [`query`] splits questions with unspecified
//! dimensions or periods into cases, and [`expect`] runs `test` blocks.

pub mod expect;
pub mod names;
pub mod query;

use crate::model::{Circular, CircularId, GovScope, RuleId, Sel, SmallList, Workspace};
use crate::region::{self, Day, Dim, Point, Region, Universe};
use crate::syntax::ast::{Interval, Level, Pct};
use std::collections::HashMap;
use std::sync::Arc;

/// The status of an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Rules of applying circulars decide.
    Ruled,
    /// No rule applies, and a circular in force exempts the subject.
    Exempt,
    /// No rule applies: the workspace's baseline.
    Baseline,
    /// The rules contradict each other and no principle decides.
    Conflict,
}

impl Status {
    /// The word used in output and in `expect`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ruled => "ruled",
            Status::Exempt => "exempt",
            Status::Baseline => "baseline",
            Status::Conflict => "conflict",
        }
    }
}

/// A rule of a circular.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleRef {
    /// The circular.
    pub circular: CircularId,
    /// The rule in it.
    pub rule: RuleId,
}

/// The answer at one point.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Answer {
    /// How it was reached.
    pub status: Status,
    /// The WFO interval; `None` for a conflict.
    pub wfo: Option<Interval>,
    /// The WFH priority rank, if any.
    pub wfh_priority: Option<u32>,
    /// The rules that decided.
    pub decided_by: Vec<RuleRef>,
    /// What the user should know (principles applied, warnings).
    pub notes: Vec<String>,
}

/// Why a circular does or does not apply at a point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CircularOutcome {
    /// It applies.
    Applies,
    /// The date is outside its validity.
    OutsideValidity,
    /// A circular whose validity has started revokes it.
    RevokedBy(CircularId),
    /// The subject's government is not in its scope.
    OutOfScope,
    /// It exempts the subject.
    Exempt,
}

/// Why a rule does or does not decide at a point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleOutcome {
    /// It applies and decides (its interval is part of the circular's constraint).
    Decides,
    /// Its selector does not match the subject.
    NoMatch,
    /// Its `except` removes the subject.
    Excepted,
    /// The date is outside its `during` period.
    OutsideDuring,
    /// It applies, but these applicable rules override it.
    OverriddenBy(Vec<RuleId>),
    /// An `otherwise` rule, not needed: another rule of the circular applies.
    OtherwiseNotNeeded,
}

/// The derivation of one circular at a point.
#[derive(Clone, Debug)]
pub struct CircularTrace {
    /// The circular.
    pub circular: CircularId,
    /// Whether it applies.
    pub outcome: CircularOutcome,
    /// Each rule, when the circular applies.
    pub rules: Vec<(RuleId, RuleOutcome)>,
    /// The intersection of its deciding rules, when any decide (`None` inside: a conflict).
    pub constraint: Option<Option<Interval>>,
}

/// How much of the workspace an explanation lists one by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Detail {
    /// Every circular of the workspace.
    Every,
    /// The circulars that concern the point: those in force on its date whose scope holds its
    /// government (they apply, or exempt the subject, or are revoked), and of the others whose
    /// scope holds it, the last to stop before the date (ended or revoked) and the next to start
    /// after it. The rest are counted by [`LeftOut`] group.
    Concerning,
}

/// A group of circulars an explanation counts instead of listing them (they do not apply, for
/// one reason).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LeftOut {
    /// Their scope does not hold the subject's government.
    OtherGovernments,
    /// Their scope holds it, and their validity ended before the date.
    Ended,
    /// Their scope holds it, and they were revoked before the date (within their validity).
    Revoked,
    /// Their scope holds it, and their validity starts after the date.
    NotYetInForce,
}

impl LeftOut {
    /// Every group, in the order explanations give them.
    pub const ALL: [LeftOut; 4] = [
        LeftOut::OtherGovernments,
        LeftOut::Ended,
        LeftOut::Revoked,
        LeftOut::NotYetInForce,
    ];

    /// The group's name in output (JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            LeftOut::OtherGovernments => "other_governments",
            LeftOut::Ended => "ended",
            LeftOut::Revoked => "revoked",
            LeftOut::NotYetInForce => "not_yet_in_force",
        }
    }
}

/// An answer with its derivation.
#[derive(Clone, Debug)]
pub struct Explanation {
    /// The answer.
    pub answer: Answer,
    /// The date of the point explained.
    pub day: Day,
    /// The circulars listed one by one, in workspace order: every circular with
    /// [`Detail::Every`], those that concern the point with [`Detail::Concerning`].
    pub circulars: Vec<CircularTrace>,
    /// How many circulars of each group are not listed, in the order of [`LeftOut::ALL`],
    /// groups of none left out; empty with [`Detail::Every`]. With the listed ones, they are
    /// every circular of the workspace.
    pub left_out: Vec<(LeftOut, usize)>,
    /// The principles applied, in order (lex posterior, lex superior, antinomies).
    pub principles: Vec<String>,
    /// The duties of the circulars whose rules decided.
    pub duties: Vec<(CircularId, String)>,
}

/// A rule compiled to regions.
#[derive(Clone, Debug)]
pub struct CompiledRule {
    /// What its selector covers (every date); `None` for `otherwise`. Shared with the rules of
    /// other circulars that have the same selector.
    pub selector: Option<Arc<Region>>,
    /// What its `except` modifiers remove (nearly always nothing: shared).
    pub except: Arc<Region>,
    /// Its `during` windows (sorted, disjoint).
    pub during: Option<SmallList<(Day, Day)>>,
}

/// A circular compiled to regions.
#[derive(Clone, Debug)]
pub struct CompiledCircular {
    /// First valid day.
    pub from: Day,
    /// Last valid day ([`region::LAST_DAY`] when open-ended).
    pub to: Day,
    /// The windows of the validity from `from` to `to` (sorted, disjoint; one for a single
    /// window or an open-ended validity).
    pub windows: SmallList<(Day, Day)>,
    /// From which day, and by which circular, it is revoked.
    pub revoked: Option<(Day, CircularId)>,
    /// Its scope's governments. Shared with the circulars of the same scope, like the next two
    /// fields: a national corpus repeats them thousands of times.
    pub scope: Arc<Region>,
    /// What its `exempt` clauses remove.
    pub exempt: Arc<Region>,
    /// Its rules.
    pub rules: Vec<CompiledRule>,
    /// Its WFH priorities.
    pub priorities: Vec<(u32, Arc<Region>)>,
}

impl CompiledCircular {
    /// Where the circular applies (step 1 of section 5): its valid days before any revocation,
    /// its scope, minus its exemptions.
    pub fn applies(&self) -> Region {
        let last = self.revoked.map_or(self.to, |(d, _)| self.to.min(d - 1));
        let mut days = Region::empty();
        for &(a, b) in &self.windows {
            if a <= last.min(b) {
                days = days.union(&Region::dates(a, last.min(b)));
            }
        }
        days.intersect(&self.scope).subtract(&self.exempt)
    }

    /// True when `day` is within the validity (before any revocation).
    pub fn valid_on(&self, day: Day) -> bool {
        // One window (the usual case) is `from..=to` itself.
        self.from <= day
            && day <= self.to
            && (matches!(self.windows, SmallList::One(_)) || in_windows(&self.windows, day))
    }
}

/// True when `day` lies in one of the (sorted, disjoint) windows.
fn in_windows(windows: &[(Day, Day)], day: Day) -> bool {
    match windows {
        [(a, b)] => *a <= day && day <= *b,
        _ => windows.iter().any(|&(a, b)| a <= day && day <= b),
    }
}

impl CompiledRule {
    /// Where the rule's own conditions hold (selector minus except, within `during`), ignoring
    /// the circular and the other rules. For `otherwise`, the selector is everyone.
    pub fn own(&self) -> Region {
        let r = self.matched();
        match &self.during {
            Some(windows) => match windows.as_ref() {
                [(a, b)] => r.with_dates(*a, *b),
                many => many.iter().fold(Region::empty(), |acc, &(a, b)| {
                    acc.union(&r.with_dates(a, b))
                }),
            },
            None => r,
        }
    }

    /// Whom the selector covers minus whom `except` removes, on every date.
    pub fn matched(&self) -> Region {
        match &self.selector {
            Some(sel) => sel.subtract(&self.except),
            None => Region::full().subtract(&self.except),
        }
    }
}

/// A workspace compiled for answering questions.
pub struct Engine<'w> {
    /// The workspace.
    pub ws: &'w Workspace,
    /// The classes of its values.
    pub universe: Universe,
    compiled: Vec<CompiledCircular>,
    /// Every circular, in workspace order (what `explain` walks).
    everyone: Vec<CircularId>,
    /// True when some circular binds every government (`scope all`): such a circular binds
    /// governments no circular names too. Computed once, not per question.
    pub(crate) scoped_to_all: bool,
    /// Per government class: the circulars whose scope holds it (what a plain answer walks, so
    /// that a national corpus costs a point question only its own government's circulars).
    by_gov: Vec<Vec<CircularId>>,
}

impl<'w> Engine<'w> {
    /// Compiles every circular of the workspace.
    pub fn new(ws: &'w Workspace) -> Engine<'w> {
        let universe = Universe::new(&ws.circulars, &ws.set_govs, &ws.interner);
        let shared = Shared::new(&ws.circulars, &universe);
        let mut compiled: Vec<CompiledCircular> = crate::par::map(ws.circulars.len(), |i| {
            compile(i, &ws.circulars[i], &universe, &shared)
        });
        // A revoked circular stops applying from the revoker's first valid day.
        for (i, c) in ws.circulars.iter().enumerate() {
            for &target in &c.revokes {
                let from = region::day(c.valid_from);
                let current = &mut compiled[target].revoked;
                if current.is_none_or(|(d, _)| from < d) {
                    *current = Some((from, i));
                }
            }
        }
        let govs = universe.named(Dim::Gov) as usize + 1;
        let mut by_gov: Vec<Vec<CircularId>> = vec![Vec::new(); govs];
        for (i, c) in ws.circulars.iter().enumerate() {
            match &c.scope {
                crate::model::GovScope::All => by_gov.iter_mut().for_each(|l| l.push(i)),
                crate::model::GovScope::Govs(syms) => {
                    for class in syms.iter().filter_map(|&g| universe.class_of(Dim::Gov, g)) {
                        by_gov[class as usize].push(i);
                    }
                }
            }
        }
        for list in &mut by_gov {
            list.sort_unstable();
            list.dedup();
        }
        Engine {
            ws,
            universe,
            compiled,
            everyone: (0..ws.circulars.len()).collect(),
            scoped_to_all: ws.circulars.iter().any(|c| c.scope == GovScope::All),
            by_gov,
        }
    }

    /// The point of a fully specified subject; `values` holds one value per [`Dim`] (`None`:
    /// the "other" class of that dimension).
    pub fn point(&self, day: Day, values: [Option<&str>; Dim::COUNT]) -> Point {
        Point {
            day,
            classes: std::array::from_fn(|d| match values[d] {
                Some(v) => self.universe.classify(Dim::ALL[d], v, &self.ws.interner),
                None => self.universe.named(Dim::ALL[d]),
            }),
        }
    }

    /// The circulars in force on a day: valid and not revoked.
    pub fn in_force(&self, day: Day) -> Vec<CircularId> {
        (0..self.compiled.len())
            .filter(|&i| self.in_force_on(i, day))
            .collect()
    }

    fn in_force_on(&self, i: CircularId, day: Day) -> bool {
        let c = &self.compiled[i];
        c.valid_on(day) && c.revoked.is_none_or(|(d, _)| day < d)
    }

    pub(crate) fn circular_outcome(&self, i: CircularId, p: &Point) -> CircularOutcome {
        let c = &self.compiled[i];
        if !c.valid_on(p.day) {
            CircularOutcome::OutsideValidity
        } else if let Some((_, by)) = c.revoked.filter(|&(d, _)| p.day >= d) {
            CircularOutcome::RevokedBy(by)
        } else if !c.scope.contains(p) {
            CircularOutcome::OutOfScope
        } else if c.exempt.contains(p) {
            CircularOutcome::Exempt
        } else {
            CircularOutcome::Applies
        }
    }

    /// The outcome of every rule of an applying circular at a point (step 2 of section 5).
    fn rule_outcomes(&self, i: CircularId, p: &Point) -> Vec<RuleOutcome> {
        let c = &self.compiled[i];
        let rules = &self.ws.circulars[i].rules;
        let matched = |r: &CompiledRule| -> RuleOutcome {
            if let Some(sel) = &r.selector {
                if !sel.contains(p) {
                    return RuleOutcome::NoMatch;
                }
            }
            if r.except.contains(p) {
                RuleOutcome::Excepted
            } else if r.during.as_ref().is_some_and(|w| !in_windows(w, p.day)) {
                RuleOutcome::OutsideDuring
            } else {
                RuleOutcome::Decides
            }
        };
        let mut outcomes: Vec<RuleOutcome> = c.rules.iter().map(matched).collect();
        let ordinary_applies = c
            .rules
            .iter()
            .zip(&outcomes)
            .any(|(r, o)| r.selector.is_some() && *o == RuleOutcome::Decides);
        if ordinary_applies {
            for (r, o) in c.rules.iter().zip(outcomes.iter_mut()) {
                if r.selector.is_none() && *o == RuleOutcome::Decides {
                    *o = RuleOutcome::OtherwiseNotNeeded;
                }
            }
        }
        // Overrides: an applicable rule drops out when another applicable rule overrides it,
        // directly or through others.
        let applicable: Vec<RuleId> = (0..outcomes.len())
            .filter(|&r| outcomes[r] == RuleOutcome::Decides)
            .collect();
        for &r in &applicable {
            let by: Vec<RuleId> = applicable
                .iter()
                .copied()
                .filter(|&s| rules[s].overrides_all.binary_search(&r).is_ok())
                .collect();
            if !by.is_empty() {
                outcomes[r] = RuleOutcome::OverriddenBy(by);
            }
        }
        outcomes
    }

    /// The answer at a point.
    pub fn answer(&self, p: &Point) -> Answer {
        self.evaluate(p, None).answer
    }

    /// The answer at a point with its derivation, listing every circular of the workspace.
    pub fn explain(&self, p: &Point) -> Explanation {
        self.evaluate(p, Some(Detail::Every))
    }

    /// The answer at a point with its derivation, listing the circulars `detail` says.
    pub fn explain_with(&self, p: &Point, detail: Detail) -> Explanation {
        self.evaluate(p, Some(detail))
    }

    fn evaluate(&self, p: &Point, detail: Option<Detail>) -> Explanation {
        let trace = detail.is_some();
        let ws = self.ws;
        let mut traces = Vec::new();
        // Per applying circular with deciding rules: (circular, constraint or conflict, deciding).
        let mut decided: Vec<(CircularId, Option<Interval>, Vec<RuleId>)> = Vec::new();
        let mut exempt_somewhere = false;
        let mut priority: Option<u32> = None;
        // A plain answer, and an explanation of what concerns the point, need only the
        // circulars in scope; an explanation of everything lists every one.
        let walk: &[CircularId] = if detail == Some(Detail::Every) {
            &self.everyone
        } else {
            self.by_gov
                .get(p.classes[Dim::Gov.index()] as usize)
                .map_or(&self.everyone[..], Vec::as_slice)
        };
        for &i in walk {
            let outcome = self.circular_outcome(i, p);
            if outcome == CircularOutcome::Exempt {
                exempt_somewhere = true;
            }
            if outcome != CircularOutcome::Applies {
                if trace {
                    traces.push(CircularTrace {
                        circular: i,
                        outcome,
                        rules: Vec::new(),
                        constraint: None,
                    });
                }
                continue;
            }
            for (rank, region) in &self.compiled[i].priorities {
                if region.contains(p) {
                    priority = Some(priority.map_or(*rank, |q| q.min(*rank)));
                }
            }
            let outcomes = self.rule_outcomes(i, p);
            let deciding: Vec<RuleId> = (0..outcomes.len())
                .filter(|&r| outcomes[r] == RuleOutcome::Decides)
                .collect();
            let constraint = (!deciding.is_empty()).then(|| {
                deciding.iter().try_fold(Interval::ANY, |acc, &r| {
                    acc.intersect(ws.circulars[i].rules[r].wfo)
                })
            });
            if let Some(c) = constraint {
                decided.push((i, c, deciding));
            }
            if trace {
                traces.push(CircularTrace {
                    circular: i,
                    outcome,
                    rules: outcomes.into_iter().enumerate().collect(),
                    constraint,
                });
            }
        }
        let mut principles = Vec::new();
        let mut steps = Vec::new();
        let mut answer = self.combine(&decided, &mut principles, &mut steps);
        if answer.is_none() {
            let status = if exempt_somewhere {
                Status::Exempt
            } else {
                Status::Baseline
            };
            answer = Some(Answer {
                status,
                wfo: Some(Interval {
                    min: ws.baseline,
                    max: ws.baseline,
                }),
                wfh_priority: None,
                decided_by: Vec::new(),
                notes: Vec::new(),
            });
        }
        let mut answer = answer.expect("set above");
        answer.wfh_priority = priority;
        // A government no circular names is still bound by the circulars with `scope all`
        // (section 10.1): the note is for a government no scope covers.
        if p.classes[Dim::Gov.index()] == self.universe.named(Dim::Gov)
            && !self.ws.circulars.is_empty()
            && !self.scoped_to_all
        {
            answer
                .notes
                .push("no circular names this government in its scope".into());
        }
        answer.notes.extend(principles.iter().cloned());
        let mut duties = Vec::new();
        let mut seen = Vec::new();
        for r in &answer.decided_by {
            if !seen.contains(&r.circular) {
                seen.push(r.circular);
                for d in &ws.circulars[r.circular].duties {
                    duties.push((r.circular, d.to_string()));
                }
            }
        }
        // The explanation also says where circulars agreed (steps), not only where a principle
        // had to decide (notes of the answer).
        steps.extend(principles);
        let mut left_out = Vec::new();
        if detail == Some(Detail::Concerning) {
            let skipped = self.everyone.len() - walk.len();
            left_out = self.keep_concerning(p, &mut traces, skipped);
        }
        Explanation {
            answer,
            day: p.day,
            circulars: traces,
            left_out,
            principles: steps,
            duties,
        }
    }

    /// Keeps the traces of the circulars that concern the point ([`Detail::Concerning`]) and
    /// counts the others by group; `skipped` circulars were not walked (their scope does not
    /// hold the point's government).
    fn keep_concerning(
        &self,
        p: &Point,
        traces: &mut Vec<CircularTrace>,
        skipped: usize,
    ) -> Vec<(LeftOut, usize)> {
        // Why a trace would be left out, and the day it stopped or starts applying.
        let group = |t: &CircularTrace| -> Option<(LeftOut, Day)> {
            let c = &self.compiled[t.circular];
            match t.outcome {
                CircularOutcome::OutOfScope => Some((LeftOut::OtherGovernments, p.day)),
                CircularOutcome::OutsideValidity if p.day < c.from => {
                    Some((LeftOut::NotYetInForce, c.from))
                }
                CircularOutcome::OutsideValidity => Some((LeftOut::Ended, c.to)),
                CircularOutcome::RevokedBy(_) => {
                    let from = c.revoked.map_or(p.day, |(d, _)| d);
                    Some((LeftOut::Revoked, from.saturating_sub(1)))
                }
                CircularOutcome::Applies | CircularOutcome::Exempt => None,
            }
        };
        // The last day any of them stopped applying before the date, and the first day any of
        // them starts after it: those circulars are listed, so that the explanation shows what
        // came just before and what comes next.
        let mut last_stop: Option<Day> = None;
        let mut next_start: Option<Day> = None;
        for t in traces.iter() {
            match group(t) {
                Some((LeftOut::Ended | LeftOut::Revoked, d)) => {
                    last_stop = last_stop.max(Some(d));
                }
                Some((LeftOut::NotYetInForce, d)) => {
                    next_start = Some(next_start.map_or(d, |n: Day| n.min(d)));
                }
                _ => {}
            }
        }
        // Counts by group, indexed by the group's place in `LeftOut::ALL` (its declaration order).
        let mut counts = [0usize; LeftOut::ALL.len()];
        counts[LeftOut::OtherGovernments as usize] = skipped;
        traces.retain(|t| match group(t) {
            None => true,
            Some((LeftOut::Ended | LeftOut::Revoked, d)) if Some(d) == last_stop => true,
            Some((LeftOut::NotYetInForce, d)) if Some(d) == next_start => true,
            Some((g, _)) => {
                counts[g as usize] += 1;
                false
            }
        });
        LeftOut::ALL
            .into_iter()
            .zip(counts)
            .filter(|&(_, n)| n > 0)
            .collect()
    }

    /// Steps 3 and 4 of section 5: same level by lex posterior (or antinomy), then across levels
    /// by lex superior. `None` when no circular decides.
    fn combine(
        &self,
        decided: &[(CircularId, Option<Interval>, Vec<RuleId>)],
        principles: &mut Vec<String>,
        steps: &mut Vec<String>,
    ) -> Option<Answer> {
        if decided.is_empty() {
            return None;
        }
        let ws = self.ws;
        let mut levels: Vec<Level> = decided.iter().map(|d| ws.circulars[d.0].level).collect();
        levels.sort_unstable_by(|a, b| b.cmp(a));
        levels.dedup();
        let mut result: Option<(Option<Interval>, Vec<RuleRef>)> = None;
        let mut conflict = false;
        for level in levels {
            let mut same: Vec<&(CircularId, Option<Interval>, Vec<RuleId>)> = decided
                .iter()
                .filter(|d| ws.circulars[d.0].level == level)
                .collect();
            same.sort_by_key(|d| (ws.circulars[d.0].signed, d.0));
            let (interval, by, level_conflict) = self.same_level(&same, principles, steps);
            conflict |= level_conflict;
            result = Some(match result {
                None => (interval, by),
                Some((higher, higher_by)) => match (higher, interval) {
                    (Some(h), Some(l)) => match h.intersect(l) {
                        Some(both) => {
                            steps.push(format!(
                                "lex superior: the {} result (WFO {l}) holds within the higher norm (WFO {h}): together WFO {both}",
                                level.as_str()
                            ));
                            let mut all = higher_by;
                            all.extend(by);
                            (Some(both), all)
                        }
                        None => {
                            principles.push(format!(
                                "lex superior: the {} rule{} {} (WFO {l}) contradict{} the higher norm (WFO {h}), which prevails",
                                level.as_str(),
                                if by.len() == 1 { "" } else { "s" },
                                self.rule_list(&by),
                                if by.len() == 1 { "s" } else { "" },
                            ));
                            (Some(h), higher_by)
                        }
                    },
                    (h, l) => {
                        let mut all = higher_by;
                        all.extend(by);
                        (h.and(l), all)
                    }
                },
            });
        }
        let (wfo, decided_by) = result?;
        let status = if conflict || wfo.is_none() {
            Status::Conflict
        } else {
            Status::Ruled
        };
        Some(Answer {
            status,
            wfo: if status == Status::Conflict {
                None
            } else {
                wfo
            },
            wfh_priority: None,
            decided_by,
            notes: Vec::new(),
        })
    }

    fn rule_list(&self, rules: &[RuleRef]) -> String {
        let names: Vec<String> = rules
            .iter()
            .map(|r| {
                let c = &self.ws.circulars[r.circular];
                format!("`{}` of {}", self.ws.rule_name(c, &c.rules[r.rule]), c.id)
            })
            .collect();
        names.join(", ")
    }

    /// Circulars of one level, oldest signature first: intersected; where disjoint, the later
    /// prevails (lex posterior) unless signed the same day or the earlier is the more special
    /// (antinomy).
    fn same_level(
        &self,
        circulars: &[&(CircularId, Option<Interval>, Vec<RuleId>)],
        principles: &mut Vec<String>,
        steps: &mut Vec<String>,
    ) -> (Option<Interval>, Vec<RuleRef>, bool) {
        let ws = self.ws;
        let refs = |d: &(CircularId, Option<Interval>, Vec<RuleId>)| -> Vec<RuleRef> {
            d.2.iter()
                .map(|&rule| RuleRef {
                    circular: d.0,
                    rule,
                })
                .collect()
        };
        let mut current: Option<Interval> = circulars[0].1;
        let mut by = refs(circulars[0]);
        let mut conflict = current.is_none();
        if let Some(first) = circulars.first() {
            if first.1.is_none() {
                principles.push(format!(
                    "conflict: the rules {} require disjoint shares",
                    self.rule_list(&refs(first)),
                ));
            }
        }
        for (k, d) in circulars.iter().enumerate().skip(1) {
            let Some(next) = d.1 else {
                conflict = true;
                principles.push(format!(
                    "conflict: the rules {} require disjoint shares",
                    self.rule_list(&refs(d)),
                ));
                continue;
            };
            let Some(cur) = current else {
                current = Some(next);
                by = refs(d);
                continue;
            };
            match cur.intersect(next) {
                Some(both) => {
                    steps.push(format!(
                        "{} agrees with the earlier circulars of its level (WFO {next} and WFO {cur}): together WFO {both}",
                        ws.circulars[d.0].id
                    ));
                    current = Some(both);
                    by.extend(refs(d));
                }
                None => {
                    let later = &ws.circulars[d.0];
                    // Lex posterior is weighed against the earlier circulars this one clashes
                    // with (disjoint shares), not against those it agrees with (section 5.3).
                    let clashing: Vec<_> = circulars[..k]
                        .iter()
                        .filter(|e| e.1.is_some_and(|ke| ke.intersect(next).is_none()))
                        .collect();
                    let same_day = clashing
                        .iter()
                        .any(|e| ws.circulars[e.0].signed == later.signed);
                    let earlier_special = clashing
                        .iter()
                        .any(|e| self.strictly_more_special(e.0, &e.2, d.0, &d.2));
                    if same_day || earlier_special {
                        conflict = true;
                        let why = if same_day {
                            "signed the same day, so lex posterior cannot decide"
                        } else {
                            "the earlier is the more special, so lex specialis and lex posterior disagree"
                        };
                        principles.push(format!(
                            "antinomy: {} (WFO {cur}) and {} (WFO {next}) contradict each other; {why}",
                            self.rule_list(&by),
                            self.rule_list(&refs(d)),
                        ));
                        current = None;
                    } else {
                        principles.push(format!(
                            "lex posterior: {} (signed {}) prevails over the earlier {} (WFO {cur})",
                            later.id,
                            later.signed,
                            self.rule_list(&by),
                        ));
                        current = Some(next);
                        by = refs(d);
                    }
                }
            }
        }
        (current, by, conflict)
    }

    /// The set a circular's deciding rules cover (selector minus except, every date, ignoring
    /// scope and exemptions).
    pub fn cover(&self, circular: CircularId, rules: &[RuleId]) -> Region {
        let mut region = Region::empty();
        for &r in rules {
            region = region.union(&self.compiled[circular].rules[r].matched());
        }
        region
    }

    fn strictly_more_special(
        &self,
        earlier: CircularId,
        earlier_rules: &[RuleId],
        later: CircularId,
        later_rules: &[RuleId],
    ) -> bool {
        let a = self.cover(earlier, earlier_rules);
        let b = self.cover(later, later_rules);
        a.is_subset(&b) && !b.is_subset(&a)
    }

    /// The days on which any answer can change: every first day of a validity, a revocation, a
    /// `during`, and every day after their last days.
    pub fn boundaries(&self) -> Vec<Day> {
        let mut days = Vec::new();
        for c in &self.compiled {
            for &(a, b) in &c.windows {
                days.push(a);
                days.push(b.saturating_add(1));
            }
            if let Some((d, _)) = c.revoked {
                days.push(d);
            }
            for r in &c.rules {
                for &(a, b) in r.during.iter().flatten() {
                    days.push(a);
                    days.push(b.saturating_add(1));
                }
            }
        }
        days.sort_unstable();
        days.dedup();
        days
    }

    /// The compiled form of a circular.
    pub fn compiled(&self, id: CircularId) -> &CompiledCircular {
        &self.compiled[id]
    }

    /// The circulars whose scope may share a government with `id`'s, sorted, with repeats:
    /// those scoped to one of its governments, and those scoped to all. Every circular for a
    /// circular scoped to all.
    pub fn same_scope_candidates(&self, id: CircularId) -> Vec<CircularId> {
        let crate::model::GovScope::Govs(govs) = &self.ws.circulars[id].scope else {
            return self.everyone.clone();
        };
        let mut out: Vec<CircularId> = govs
            .iter()
            .filter_map(|&g| self.universe.class_of(Dim::Gov, g))
            .filter_map(|class| self.by_gov.get(class as usize))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out
    }

    /// The circular record.
    pub fn circular(&self, id: CircularId) -> &Circular {
        &self.ws.circulars[id]
    }

    /// The baseline share.
    pub fn baseline(&self) -> Pct {
        self.ws.baseline
    }
}

/// The regions circulars repeat, each compiled once: scopes, exemptions and priorities (the
/// circulars of one government share them from one circular to the next), and the empty region
/// of a rule without `except`.
struct Shared<'w> {
    scopes: HashMap<&'w GovScope, Arc<Region>>,
    /// Per circular, what its `exempt` clauses remove.
    exempts: Vec<Arc<Region>>,
    priorities: HashMap<&'w Sel, Arc<Region>>,
    /// The selectors that several rules share (`unit "X" and function service`, written in
    /// circular after circular), by address: resolution gives equal selectors one address.
    selectors: HashMap<usize, Arc<Region>>,
    nothing: Arc<Region>,
}

impl<'w> Shared<'w> {
    fn new(circulars: &'w [Circular], universe: &Universe) -> Shared<'w> {
        let mut shared = Shared {
            scopes: HashMap::new(),
            exempts: Vec::with_capacity(circulars.len()),
            priorities: HashMap::new(),
            selectors: HashMap::new(),
            nothing: Arc::new(Region::empty()),
        };
        for sel in circulars
            .iter()
            .flat_map(|c| &c.rules)
            .filter_map(|r| r.selector.as_ref())
            .filter(|sel| Arc::strong_count(sel) > 1)
        {
            shared
                .selectors
                .entry(Arc::as_ptr(sel) as usize)
                .or_insert_with(|| Arc::new(universe.region(sel).compact()));
        }
        let mut exempts: HashMap<Vec<&Sel>, Arc<Region>> = HashMap::new();
        for c in circulars {
            shared
                .scopes
                .entry(&c.scope)
                .or_insert_with(|| Arc::new(universe.scope_region(&c.scope).compact()));
            let exempt = exempts
                .entry(c.exempt.iter().map(|e| &e.selector).collect())
                .or_insert_with(|| {
                    let mut exempt = Region::empty();
                    for e in &c.exempt {
                        exempt = exempt.union(&universe.region(&e.selector));
                    }
                    Arc::new(exempt.compact())
                });
            shared.exempts.push(exempt.clone());
            for p in &c.priorities {
                shared
                    .priorities
                    .entry(&p.selector)
                    .or_insert_with(|| Arc::new(universe.region(&p.selector).compact()));
            }
        }
        shared
    }
}

fn compile(
    i: CircularId,
    c: &Circular,
    universe: &Universe,
    shared: &Shared<'_>,
) -> CompiledCircular {
    let rules = c
        .rules
        .iter()
        .map(|r| {
            let except = if r.except.is_empty() {
                shared.nothing.clone()
            } else {
                let mut except = Region::empty();
                for (s, _) in &r.except {
                    except = except.union(&universe.region(s));
                }
                Arc::new(except.compact())
            };
            CompiledRule {
                selector: r.selector.as_ref().map(|s| {
                    match shared.selectors.get(&(Arc::as_ptr(s) as usize)) {
                        Some(region) => region.clone(),
                        None => Arc::new(universe.region(s).compact()),
                    }
                }),
                except,
                during: r.during.as_ref().map(|(windows, _)| {
                    windows
                        .iter()
                        .map(|&(a, b)| (region::day(a), region::day(b)))
                        .collect()
                }),
            }
        })
        .collect();
    let (from, to) = (
        region::day(c.valid_from),
        c.valid_to.map_or(region::LAST_DAY, region::day),
    );
    CompiledCircular {
        from,
        to,
        windows: if c.windows.len() > 1 {
            c.windows
                .iter()
                .map(|&(a, b)| (region::day(a), region::day(b)))
                .collect()
        } else {
            SmallList::One((from, to))
        },
        revoked: None,
        scope: shared.scopes[&c.scope].clone(),
        exempt: shared.exempts[i].clone(),
        rules,
        priorities: c
            .priorities
            .iter()
            .map(|p| (p.rank, shared.priorities[&p.selector].clone()))
            .collect(),
    }
}

/// The condition of a case in words: "function in [service, field]" and so on, joined by "and";
/// "always" when it has none.
pub fn render_case_condition(engine: &Engine<'_>, case: &query::Case) -> String {
    if case.when.is_empty() {
        return "always".to_string();
    }
    case.when
        .iter()
        .filter_map(|(d, s)| engine.universe.describe_set(*d, s, &engine.ws.interner))
        .collect::<Vec<_>>()
        .join(" and ")
}
