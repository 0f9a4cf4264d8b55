//! A reference interpreter of docs/language.md section 8, written straight from the text and
//! independent of the region algebra: selectors are evaluated on one point by string
//! comparison of the values of its classes (a unit path matches a selector value equal to it or
//! below it), and the steps are followed literally.
//!
//! It checks the traces of [`Engine::explain`] that the exhaustive oracle of the conflict
//! analysis reads, so that the oracle does not inherit a mistake of the evaluator.

use edaran::eval::{CircularOutcome, CircularTrace, Engine, Explanation, RuleOutcome, Status};
use edaran::model::{CircularId, GovScope, RuleId, Sel};
use edaran::region::{self, Dim, Kind, Point};
use edaran::syntax::ast::{Interval, Level, Pct, Remote};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;

/// Two requirements together, read from docs/language.md sections 6 and 8 rather than from
/// `Interval::intersect`: the shares both allow (`None`: none), and the place both allow, from
/// home when either says home (home is within anywhere) or when nobody is out of the office.
pub fn meet(a: Interval, b: Interval) -> Option<Interval> {
    let (min, max) = (a.min.max(b.min), a.max.min(b.max));
    if min > max {
        return None;
    }
    let home = a.remote == Remote::Home || b.remote == Remote::Home || min == Pct(10000);
    Some(Interval {
        min,
        max,
        remote: if home { Remote::Home } else { Remote::Anywhere },
    })
}

/// The subjects some rules of a circular cover.
type Cover = Rc<HashSet<Point>>;

/// The reference interpreter of one engine's workspace.
pub struct Reference<'e, 'w> {
    engine: &'e Engine<'w>,
    /// Per circular, per rule: every rule it overrides, directly or through others.
    overrides: Vec<Vec<BTreeSet<RuleId>>>,
    /// The covers computed so far: every cell asks again for the same rules.
    covers: RefCell<HashMap<(CircularId, Vec<RuleId>), Cover>>,
}

/// What the reference finds for one circular at a point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefTrace {
    /// Whether it applies.
    pub outcome: CircularOutcome,
    /// Each rule's outcome, when it applies.
    pub rules: Vec<RuleOutcome>,
    /// The intersection of its deciding rules, when any decide (`None` inside: a conflict).
    pub constraint: Option<Option<Interval>>,
}

impl<'e, 'w> Reference<'e, 'w> {
    /// The reference of an engine's workspace.
    pub fn new(engine: &'e Engine<'w>) -> Self {
        let overrides = engine
            .ws
            .circulars
            .iter()
            .map(|c| {
                (0..c.rules.len())
                    .map(|r| {
                        let mut seen = BTreeSet::new();
                        let mut stack: Vec<RuleId> =
                            c.rules[r].overrides.iter().map(|&(t, _)| t).collect();
                        while let Some(t) = stack.pop() {
                            if seen.insert(t) {
                                stack.extend(c.rules[t].overrides.iter().map(|&(u, _)| u));
                            }
                        }
                        seen
                    })
                    .collect()
            })
            .collect();
        Reference {
            engine,
            overrides,
            covers: RefCell::default(),
        }
    }

    fn value(&self, dim: Dim, class: u32) -> Option<&str> {
        let sym = self.engine.universe.value(dim, class)?;
        Some(self.engine.ws.interner.resolve(sym))
    }

    /// The names of the flags of a yes/no dimension that hold at a point.
    fn flag_names(&self, dim: Dim, p: &Point) -> Vec<&str> {
        let bits = p.flags[dim.flag_index()];
        (0..64)
            .filter(|b| bits & (1u64 << b) != 0)
            .filter_map(|b| self.value(dim, b))
            .collect()
    }

    /// Whether a selector matches the subject of a point (dates play no part).
    pub fn matches(&self, sel: &Sel, point: &Point) -> bool {
        let interner = &self.engine.ws.interner;
        let classes = &point.classes;
        match sel {
            Sel::All => true,
            Sel::And(parts) => parts.iter().all(|p| self.matches(p, point)),
            Sel::Or(parts) => parts.iter().any(|p| self.matches(p, point)),
            Sel::Not(inner) => !self.matches(inner, point),
            // A trait: the subject has one of these.
            Sel::In(dim, values) if dim.is_flag() => {
                let had = self.flag_names(*dim, point);
                values.iter().any(|&s| had.contains(&interner.resolve(s)))
            }
            Sel::In(dim, values) => {
                self.value(*dim, classes[dim.index()]).is_some_and(|value| {
                    values.iter().any(|&s| {
                        let v = interner.resolve(s);
                        match dim.kind() {
                            // A path matches a value equal to it or above it.
                            Kind::Hierarchical => value == v || value.starts_with(&format!("{v}/")),
                            Kind::Open | Kind::Closed | Kind::YesNo => value == v,
                        }
                    })
                })
            }
        }
    }

    /// Step 1: whether circular `c` applies at `p`, or the first reason it does not (validity,
    /// revocation, scope, exemption, in that order).
    pub fn circular_outcome(&self, c: CircularId, p: &Point) -> CircularOutcome {
        let ws = self.engine.ws;
        let circular = &ws.circulars[c];
        let date = region::date(p.day);
        if !circular.valid_on(date) {
            return CircularOutcome::OutsideValidity;
        }
        // Revoked from the first valid day of a revoking circular (the earliest one names it).
        let revoker = ws
            .circulars
            .iter()
            .enumerate()
            .filter(|(_, k)| k.revokes.contains(&c) && k.valid_from <= date)
            .min_by_key(|(i, k)| (k.valid_from, *i));
        if let Some((k, _)) = revoker {
            return CircularOutcome::RevokedBy(k);
        }
        let in_scope = match &circular.scope {
            GovScope::All => true,
            GovScope::Govs(govs) => self.matches(&Sel::In(Dim::Gov, govs.to_vec().into()), p),
        };
        if !in_scope {
            return CircularOutcome::OutOfScope;
        }
        if circular.exempt.iter().any(|e| self.matches(&e.selector, p)) {
            return CircularOutcome::Exempt;
        }
        CircularOutcome::Applies
    }

    /// Step 2: the outcome of every rule of an applying circular, and its constraint.
    pub fn trace(&self, c: CircularId, p: &Point) -> RefTrace {
        let outcome = self.circular_outcome(c, p);
        if outcome != CircularOutcome::Applies {
            return RefTrace {
                outcome,
                rules: Vec::new(),
                constraint: None,
            };
        }
        let circular = &self.engine.ws.circulars[c];
        let date = region::date(p.day);
        let mut rules: Vec<RuleOutcome> = circular
            .rules
            .iter()
            .map(|r| {
                if r.selector.as_ref().is_some_and(|s| !self.matches(s, p)) {
                    RuleOutcome::NoMatch
                } else if r.except.iter().any(|(s, _)| self.matches(s, p)) {
                    RuleOutcome::Excepted
                } else if r
                    .during
                    .as_ref()
                    .is_some_and(|(w, _)| !w.iter().any(|&(a, b)| a <= date && date <= b))
                {
                    RuleOutcome::OutsideDuring
                } else if r.every.is_some_and(|(days, _)| !days.holds(date)) {
                    RuleOutcome::OutsideEvery
                } else if r.when.is_some_and(|w| {
                    let name = self.engine.ws.interner.resolve(w.name);
                    self.flag_names(Dim::Condition, p).contains(&name) != w.holds
                }) {
                    RuleOutcome::OutsideWhen
                } else {
                    RuleOutcome::Decides
                }
            })
            .collect();
        // `otherwise`: applicable only when no other (ordinary) rule is.
        let ordinary = circular
            .rules
            .iter()
            .zip(&rules)
            .any(|(r, o)| !r.is_otherwise() && *o == RuleOutcome::Decides);
        if ordinary {
            for (r, o) in circular.rules.iter().zip(rules.iter_mut()) {
                if r.is_otherwise() && *o == RuleOutcome::Decides {
                    *o = RuleOutcome::OtherwiseNotNeeded;
                }
            }
        }
        let applicable: Vec<RuleId> = (0..rules.len())
            .filter(|&r| rules[r] == RuleOutcome::Decides)
            .collect();
        for &r in &applicable {
            let by: Vec<RuleId> = applicable
                .iter()
                .copied()
                .filter(|&s| self.overrides[c][s].contains(&r))
                .collect();
            if !by.is_empty() {
                rules[r] = RuleOutcome::OverriddenBy(by);
            }
        }
        let deciding: Vec<RuleId> = (0..rules.len())
            .filter(|&r| rules[r] == RuleOutcome::Decides)
            .collect();
        let constraint = (!deciding.is_empty()).then(|| {
            deciding
                .iter()
                .try_fold(Interval::ANY, |acc, &r| meet(acc, circular.rules[r].wfo))
        });
        RefTrace {
            outcome,
            rules,
            constraint,
        }
    }

    /// The set of subjects (one class per dimension, and their traits) the rules cover: selector minus except,
    /// ignoring dates, scope and exemptions.
    pub fn cover(&self, c: CircularId, rules: &[RuleId], subjects: &[Point]) -> Cover {
        let key = (c, rules.to_vec());
        if let Some(known) = self.covers.borrow().get(&key) {
            return known.clone();
        }
        let circular = &self.engine.ws.circulars[c];
        let cover: HashSet<Point> = subjects
            .iter()
            .filter(|classes| {
                rules.iter().any(|&r| {
                    let rule = &circular.rules[r];
                    rule.selector
                        .as_ref()
                        .is_none_or(|s| self.matches(s, classes))
                        && !rule.except.iter().any(|(s, _)| self.matches(s, classes))
                })
            })
            .copied()
            .collect();
        let cover = Rc::new(cover);
        self.covers.borrow_mut().insert(key, cover.clone());
        cover
    }

    /// Compares an explanation with the reference at its point: every circular's outcome, rule
    /// outcomes and constraint, the WFH priority, and the answer's status and WFO where section
    /// 5 determines them (no rule decides; or at most two deciding circulars per level).
    /// `subjects` is every subject of the workspace (for lex specialis). `Err` describes the
    /// first difference.
    pub fn check(
        &self,
        p: &Point,
        explanation: &Explanation,
        subjects: &[Point],
    ) -> Result<(), String> {
        let ws = self.engine.ws;
        let n = ws.circulars.len();
        // Section 10.2: on a day that is not a working day (its weekday is outside the working
        // week, or it is a holiday), no rule applies and nothing is walked.
        let date = region::date(p.day);
        let day_off = !ws
            .calendar
            .workweek()
            .contains(chrono::Datelike::weekday(&date))
            || !ws.calendar.holidays_on(date).is_empty();
        if day_off {
            return if explanation.answer.status == Status::DayOff
                && explanation.circulars.is_empty()
            {
                Ok(())
            } else {
                Err(format!(
                    "at {p:?} ({date}), a day off, the answer is {:?}",
                    explanation.answer
                ))
            };
        }
        if explanation.answer.status == Status::DayOff {
            return Err(format!(
                "at {p:?} ({date}), a working day, the answer is a day off"
            ));
        }
        if explanation.circulars.len() != n {
            return Err(format!(
                "explain lists {} circulars, not {n}",
                explanation.circulars.len()
            ));
        }
        let mut traces = Vec::with_capacity(n);
        for (c, t) in explanation.circulars.iter().enumerate() {
            let reference = self.trace(c, p);
            let CircularTrace {
                circular,
                outcome,
                rules,
                constraint,
            } = t;
            let rules: Vec<RuleOutcome> = rules
                .iter()
                .enumerate()
                .map(|(k, (r, o))| {
                    assert_eq!(k, *r, "rule outcomes in rule order");
                    o.clone()
                })
                .collect();
            let got = RefTrace {
                outcome: outcome.clone(),
                rules,
                constraint: *constraint,
            };
            if *circular != c || got != reference {
                return Err(format!(
                    "circular {c} ({}) at {p:?} ({}): explain says {got:?}, section 5 says {reference:?}",
                    ws.circulars[c].id,
                    region::date(p.day)
                ));
            }
            traces.push(reference);
        }
        let answer = &explanation.answer;
        // Step 6: the WFH priority.
        let priority = (0..n)
            .filter(|&c| traces[c].outcome == CircularOutcome::Applies)
            .flat_map(|c| &ws.circulars[c].priorities)
            .filter(|q| self.matches(&q.selector, p))
            .map(|q| q.rank)
            .min();
        if answer.wfh_priority != priority {
            return Err(format!(
                "at {p:?}: the WFH priority is {:?}, section 5 says {priority:?}",
                answer.wfh_priority
            ));
        }
        // Steps 3 to 5, where they determine the answer.
        let decided: Vec<(CircularId, Option<Interval>)> = (0..n)
            .filter_map(|c| traces[c].constraint.map(|k| (c, k)))
            .collect();
        let expected: Option<(Status, Option<Interval>)> = if decided.is_empty() {
            let exempt = traces.iter().any(|t| t.outcome == CircularOutcome::Exempt);
            let status = if exempt {
                Status::Exempt
            } else {
                Status::Baseline
            };
            let b = self.engine.baseline();
            Some((status, Some(Interval::home(b, b))))
        } else {
            self.combine(&decided, &traces, subjects)
        };
        if let Some((status, wfo)) = expected {
            if answer.status != status || answer.wfo != wfo {
                return Err(format!(
                    "at {p:?} ({}): the answer is {:?} {:?}, section 5 says {status:?} {wfo:?}",
                    region::date(p.day),
                    answer.status,
                    answer.wfo
                ));
            }
        }
        Ok(())
    }

    /// Steps 3 and 4 when each level has at most two deciding circulars (with more, the order
    /// in which lex posterior is applied is the implementation's choice). `None`: not determined.
    fn combine(
        &self,
        decided: &[(CircularId, Option<Interval>)],
        traces: &[RefTrace],
        subjects: &[Point],
    ) -> Option<(Status, Option<Interval>)> {
        let ws = self.engine.ws;
        let deciding = |c: CircularId| -> Vec<RuleId> {
            (0..traces[c].rules.len())
                .filter(|&r| traces[c].rules[r] == RuleOutcome::Decides)
                .collect()
        };
        let mut conflict = false;
        let mut result: Option<Interval> = None;
        for level in [Level::National, Level::Provincial, Level::Local] {
            let same: Vec<(CircularId, Option<Interval>)> = decided
                .iter()
                .copied()
                .filter(|&(c, _)| ws.circulars[c].level == level)
                .collect();
            let level_result = match same[..] {
                [] => continue,
                [(_, k)] => k,
                [(a, ka), (b, kb)] => match (ka, kb) {
                    (Some(ka), Some(kb)) => match meet(ka, kb) {
                        Some(both) => Some(both),
                        None => {
                            let (ca, cb) = (&ws.circulars[a], &ws.circulars[b]);
                            let ((e, _), (l, kl)) = if (ca.signed, a) <= (cb.signed, b) {
                                ((a, ka), (b, kb))
                            } else {
                                ((b, kb), (a, ka))
                            };
                            let same_day = ws.circulars[e].signed == ws.circulars[l].signed;
                            let cover_e = self.cover(e, &deciding(e), subjects);
                            let cover_l = self.cover(l, &deciding(l), subjects);
                            let special =
                                cover_e.len() < cover_l.len() && cover_e.is_subset(&cover_l);
                            if same_day || special { None } else { Some(kl) }
                        }
                    },
                    _ => None,
                },
                _ => return None,
            };
            let Some(k) = level_result else {
                conflict = true;
                continue;
            };
            result = Some(match result {
                None => k,
                Some(higher) => meet(higher, k).unwrap_or(higher),
            });
        }
        if conflict {
            Some((Status::Conflict, None))
        } else {
            Some((Status::Ruled, result))
        }
    }
}
