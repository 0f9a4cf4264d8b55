//! The interpreter: the walk over the circulars at one point (docs/language.md section 8) and
//! how their constraints combine (rules of a circular, circulars of one level, levels).

use super::compile::{CompiledRule, in_windows};
use super::{
    Answer, CircularOutcome, CircularTrace, Detail, Engine, Explanation, LeftOut, RuleOutcome,
    RuleRef, Status,
};
use crate::model::{CircularId, RuleId};
use crate::region::{Day, Dim, Point, Region};
use crate::syntax::ast::{Interval, Level};

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
}
