//! The interpreter: the walk over the circulars at one point (docs/language.md section 8) and
//! how their constraints combine (rules of a circular, circulars of one level, levels).

use super::combine::{Decided, Reasons};
use super::compile::{CompiledRule, in_windows};
use super::principles;
use super::{
    Answer, CircularOutcome, CircularTrace, Detail, Engine, Explanation, LeftOut, RuleOutcome,
    Status,
};
use crate::model::{CircularId, RuleId};
use crate::region::{self, Day, Dim, Point, Region};
use crate::syntax::ast::Interval;

impl Engine<'_> {
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
            } else if !r.days.is_all() && !r.days.contains(region::weekday(p.day)) {
                RuleOutcome::OutsideEvery
            } else if !r.when.contains(p.flags[Dim::Condition.flag_index()]) {
                RuleOutcome::OutsideWhen
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
                .filter(|&s| principles::overrides(&rules[s], r))
                .collect();
            if !by.is_empty() {
                outcomes[r] = RuleOutcome::OverriddenBy(by);
            }
        }
        outcomes
    }

    /// The circulars whose scope may bind government class `gov` (`None`: any government).
    pub(super) fn circulars_of(&self, gov: Option<u32>) -> &[CircularId] {
        match gov {
            Some(g) => self
                .by_gov
                .get(g as usize)
                .map_or(&self.everyone[..], Vec::as_slice),
            None => &self.everyone,
        }
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
        // No rule applies on a day off (docs/language.md, "The calendar"): no circular is
        // walked, and nothing is explained but the reason.
        if let Some(reason) = self.day_off(p.day) {
            return Explanation {
                answer: Answer::day_off(reason),
                day: p.day,
                circulars: Vec::new(),
                left_out: Vec::new(),
                principles: Vec::new(),
                duties: Vec::new(),
            };
        }
        // A plain answer, and an explanation of what concerns the point, need only the
        // circulars in scope; an explanation of everything lists every one.
        let circulars: &[CircularId] = if detail == Some(Detail::Every) {
            &self.everyone
        } else {
            self.circulars_of(Some(p.classes[Dim::Gov.index()]))
        };
        let mut walk = self.walk(p, circulars, detail.is_some());
        let mut reasons = Reasons::new(detail.is_some());
        let mut answer = self
            .combine(&walk.decided, &mut reasons)
            .unwrap_or_else(|| self.baseline_answer(walk.exempt_somewhere));
        answer.wfh_priority = walk.priority;
        // A government no circular names is still bound by the circulars with `scope all`
        // (section 10.1): the note is for a government no scope covers.
        if p.classes[Dim::Gov.index()] == self.universe.named(Dim::Gov)
            && !self.ws.circulars.is_empty()
            && !self.scoped_to_all
        {
            answer.notes.push(crate::text!("note-government-unscoped"));
        }
        answer
            .notes
            .extend(reasons.decisive.iter().map(|s| s.text.clone()));
        let duties = self.duties(&answer);
        // The explanation also says where circulars agreed, not only where a principle had to
        // decide (notes of the answer).
        let mut steps = reasons.agreements;
        steps.extend(reasons.decisive);
        if detail.is_some() {
            steps.extend(self.place_step(&answer));
        }
        let mut left_out = Vec::new();
        if detail == Some(Detail::Concerning) {
            let skipped = self.everyone.len() - circulars.len();
            left_out = self.keep_concerning(p, &mut walk.traces, skipped);
        }
        Explanation {
            answer,
            day: p.day,
            circulars: walk.traces,
            left_out,
            principles: steps,
            duties,
        }
    }

    /// Walks `circulars` at a point: which apply, their WFH priorities, and the constraint of
    /// each with deciding rules; with `trace`, the derivation of each.
    fn walk(&self, p: &Point, circulars: &[CircularId], trace: bool) -> Walk {
        let ws = self.ws;
        let mut walk = Walk::default();
        for &i in circulars {
            let outcome = self.circular_outcome(i, p);
            if outcome == CircularOutcome::Exempt {
                walk.exempt_somewhere = true;
            }
            if outcome != CircularOutcome::Applies {
                if trace {
                    walk.traces.push(CircularTrace {
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
                    walk.priority = Some(walk.priority.map_or(*rank, |q| q.min(*rank)));
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
                walk.decided.push(Decided {
                    circular: i,
                    constraint: c,
                    rules: deciding,
                });
            }
            if trace {
                walk.traces.push(CircularTrace {
                    circular: i,
                    outcome,
                    rules: outcomes.into_iter().enumerate().collect(),
                    constraint,
                });
            }
        }
        walk
    }

    /// The answer where no rule decides: the baseline, or an exemption.
    fn baseline_answer(&self, exempt: bool) -> Answer {
        Answer {
            status: if exempt {
                Status::Exempt
            } else {
                Status::Baseline
            },
            wfo: Some(Interval::home(self.ws.baseline, self.ws.baseline)),
            wfh_priority: None,
            decided_by: Vec::new(),
            notes: Vec::new(),
            day_off: None,
        }
    }

    /// The duties of the circulars whose rules decided, in the order of the deciding rules.
    fn duties(&self, answer: &Answer) -> Vec<(CircularId, String)> {
        let mut duties = Vec::new();
        let mut seen = Vec::new();
        for r in &answer.decided_by {
            if !seen.contains(&r.circular) {
                seen.push(r.circular);
                for d in &self.ws.circulars[r.circular].duties {
                    duties.push((r.circular, d.to_string()));
                }
            }
        }
        duties
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

    /// The set a circular's deciding rules cover (selector minus except, every date, ignoring
    /// scope and exemptions).
    pub fn cover(&self, circular: CircularId, rules: &[RuleId]) -> Region {
        let mut region = Region::empty();
        for &r in rules {
            region = region.union(&self.compiled[circular].rules[r].matched());
        }
        region
    }
}

/// What the walk over the circulars at a point found.
#[derive(Default)]
struct Walk {
    /// The derivation of each circular walked (when traced).
    traces: Vec<CircularTrace>,
    /// The applying circulars with deciding rules.
    decided: Vec<Decided>,
    /// True when a circular in force exempts the subject.
    exempt_somewhere: bool,
    /// The best (lowest) WFH priority rank of the applying circulars.
    priority: Option<u32>,
}
