//! Steps 3 and 4 of how an answer is found (docs/language.md section 8): the constraints of the
//! applying circulars combine, circulars of one level by intersection or lex posterior (or an
//! antinomy), levels by lex superior. The principles themselves are in [`super::principles`];
//! this module folds them over the circulars of a point and words what they decided.

use super::principles::{self, Posterior};
use super::{Answer, Engine, Principle, RuleRef, Status, Step};
use crate::model::{CircularId, RuleId};
use crate::msg::Text;
use crate::syntax::ast::{Interval, Level, Pct, Remote};
use crate::text;

/// An applying circular with deciding rules at a point.
pub(super) struct Decided {
    /// The circular.
    pub circular: CircularId,
    /// The intersection of its deciding rules' shares; `None`: they conflict.
    pub constraint: Option<Interval>,
    /// Its deciding rules.
    pub rules: Vec<RuleId>,
}

impl Decided {
    /// Its deciding rules as references.
    fn refs(&self) -> Vec<RuleRef> {
        self.rules
            .iter()
            .map(|&rule| RuleRef {
                circular: self.circular,
                rule,
            })
            .collect()
    }
}

/// What the combination said on the way.
#[derive(Default)]
pub(super) struct Reasons {
    /// Where a principle had to decide (or could not): the answer's notes.
    pub decisive: Vec<Step>,
    /// Where circulars agreed: only in the explanation, before the decisive steps.
    pub agreements: Vec<Step>,
    /// Whether the agreements are wanted (an explanation): an answer alone shows only the
    /// decisive steps, and its agreements are not written.
    pub explaining: bool,
}

impl Reasons {
    /// The reasons of an answer, with its agreements when `explaining`.
    pub fn new(explaining: bool) -> Reasons {
        Reasons {
            explaining,
            ..Reasons::default()
        }
    }

    fn decide(&mut self, principle: Principle, text: Text) {
        self.decisive.push(Step { principle, text });
    }

    /// An agreement, written only when explaining.
    fn agree(&mut self, principle: Principle, text: impl FnOnce() -> Text) {
        if self.explaining {
            self.agreements.push(Step {
                principle,
                text: text(),
            });
        }
    }
}

/// The result of some circulars combined.
struct Settled {
    /// The share they leave; `None`: none (a conflict).
    wfo: Option<Interval>,
    /// The rules that decided it.
    by: Vec<RuleRef>,
    /// True when rules or circulars clashed and no principle decided.
    conflict: bool,
}

impl Engine<'_> {
    /// Steps 3 and 4 of section 8: same level by lex posterior (or antinomy), then across levels
    /// by lex superior. `None` when no circular decides.
    pub(super) fn combine(&self, decided: &[Decided], reasons: &mut Reasons) -> Option<Answer> {
        if decided.is_empty() {
            return None;
        }
        let ws = self.ws;
        let mut levels: Vec<Level> = decided
            .iter()
            .map(|d| ws.circulars[d.circular].level)
            .collect();
        levels.sort_unstable_by(|a, b| principles::lex_superior(*a, *b));
        levels.dedup();
        let mut result: Option<Settled> = None;
        for level in levels {
            let mut same: Vec<&Decided> = decided
                .iter()
                .filter(|d| ws.circulars[d.circular].level == level)
                .collect();
            same.sort_by(|x, y| principles::signed_order(ws, x.circular, y.circular));
            let this = self.same_level(&same, reasons);
            result = Some(match result {
                None => this,
                Some(higher) => self.within_higher(higher, this, level, reasons),
            });
        }
        let settled = result?;
        let status = if settled.conflict || settled.wfo.is_none() {
            Status::Conflict
        } else {
            Status::Ruled
        };
        Some(Answer {
            status,
            wfo: if status == Status::Conflict {
                None
            } else {
                settled.wfo
            },
            wfh_priority: None,
            decided_by: settled.by,
            notes: Vec::new(),
            day_off: None,
        })
    }

    /// Lex superior: the result of one level (`lower`) within the result of the levels above
    /// it (`higher`): together where they agree, the higher where they clash.
    fn within_higher(
        &self,
        higher: Settled,
        lower: Settled,
        level: Level,
        reasons: &mut Reasons,
    ) -> Settled {
        let conflict = higher.conflict || lower.conflict;
        let together = |higher_by: Vec<RuleRef>, by: Vec<RuleRef>| {
            let mut all = higher_by;
            all.extend(by);
            all
        };
        let (wfo, by) = match (higher.wfo, lower.wfo) {
            (Some(h), Some(l)) => match h.intersect(l) {
                Some(both) => {
                    reasons.agree(Principle::LexSuperior, || {
                        text!(
                            "lex-superior-agree",
                            level = level.as_str(),
                            lower = l.arg(),
                            higher = h.arg(),
                            both = both.arg()
                        )
                    });
                    (Some(both), together(higher.by, lower.by))
                }
                None => {
                    reasons.decide(
                        Principle::LexSuperior,
                        text!(
                            "lex-superior-prevails",
                            level = level.as_str(),
                            n = lower.by.len(),
                            rules = self.rule_list(&lower.by),
                            lower = l.arg(),
                            higher = h.arg()
                        ),
                    );
                    (Some(h), higher.by)
                }
            },
            (h, l) => (h.and(l), together(higher.by, lower.by)),
        };
        Settled { wfo, by, conflict }
    }

    /// Circulars of one level, oldest signature first: intersected; where disjoint, lex
    /// posterior decides ([`principles::lex_posterior`]): the later prevails unless signed the
    /// same day or the earlier is the more special (antinomy).
    fn same_level(&self, circulars: &[&Decided], reasons: &mut Reasons) -> Settled {
        let ws = self.ws;
        let mut current: Option<Interval> = circulars[0].constraint;
        let mut by = circulars[0].refs();
        let mut conflict = current.is_none();
        if current.is_none() {
            reasons.decide(Principle::Conflict, self.conflict_text(circulars[0]));
        }
        for (k, d) in circulars.iter().enumerate().skip(1) {
            let Some(next) = d.constraint else {
                conflict = true;
                reasons.decide(Principle::Conflict, self.conflict_text(d));
                continue;
            };
            let Some(cur) = current else {
                current = Some(next);
                by = d.refs();
                continue;
            };
            if let Some(both) = cur.intersect(next) {
                reasons.agree(Principle::Agreement, || {
                    text!(
                        "agreement",
                        circular = &ws.circulars[d.circular].id,
                        next = next.arg(),
                        current = cur.arg(),
                        both = both.arg()
                    )
                });
                current = Some(both);
                by.extend(d.refs());
                continue;
            }
            // Lex posterior is weighed against the earlier circulars this one clashes with
            // (disjoint shares), not against those it agrees with (section 5.3).
            let clashing = circulars[..k]
                .iter()
                .filter(|e| e.constraint.is_some_and(|ke| ke.intersect(next).is_none()));
            let why = match self.posterior(clashing, d) {
                Posterior::LaterPrevails => {
                    let later = &ws.circulars[d.circular];
                    reasons.decide(
                        Principle::LexPosterior,
                        text!(
                            "lex-posterior",
                            later = &later.id,
                            signed = later.signed.to_string(),
                            rules = self.rule_list(&by),
                            current = cur.arg()
                        ),
                    );
                    current = Some(next);
                    by = d.refs();
                    continue;
                }
                Posterior::SignedSameDay => "same-day",
                Posterior::EarlierMoreSpecial => "special",
            };
            conflict = true;
            reasons.decide(
                Principle::Antinomy,
                text!(
                    "antinomy-note",
                    earlier = self.rule_list(&by),
                    current = cur.arg(),
                    later = self.rule_list(&d.refs()),
                    next = next.arg(),
                    why = why
                ),
            );
            current = None;
        }
        Settled {
            wfo: current,
            by,
            conflict,
        }
    }

    /// Lex posterior between a later circular and the earlier ones of its level it clashes
    /// with: an antinomy when it was signed the same day as any of them, or when any of them is
    /// the more special; otherwise the later prevails.
    fn posterior<'d>(
        &self,
        clashing: impl Iterator<Item = &'d &'d Decided>,
        later: &Decided,
    ) -> Posterior {
        let mut verdict = Posterior::LaterPrevails;
        for e in clashing {
            match principles::lex_posterior(
                self,
                (e.circular, &e.rules),
                (later.circular, &later.rules),
            ) {
                Posterior::SignedSameDay => return Posterior::SignedSameDay,
                Posterior::EarlierMoreSpecial => verdict = Posterior::EarlierMoreSpecial,
                Posterior::LaterPrevails => {}
            }
        }
        verdict
    }

    /// Where the others work, and by which rules (docs/language.md section 6): a step of the
    /// explanation where a deciding rule lets them work from anywhere (`wfa`). `None` where
    /// every deciding rule says home (the place goes without saying) or none decides.
    pub(super) fn place_step(&self, answer: &Answer) -> Option<Step> {
        let iv = answer.wfo.filter(|_| answer.status == Status::Ruled)?;
        let remote = |r: &RuleRef| self.ws.circulars[r.circular].rules[r.rule].wfo.remote;
        let (anywhere, home): (Vec<RuleRef>, Vec<RuleRef>) = answer
            .decided_by
            .iter()
            .partition(|r| remote(r) == Remote::Anywhere);
        if anywhere.is_empty() {
            return None;
        }
        let rules =
            |refs: &[RuleRef]| text!("rules-named", n = refs.len(), rules = self.rule_list(refs));
        let text = match iv.remote {
            Remote::Anywhere => text!("place-anywhere", rules = rules(&anywhere)),
            Remote::Home if !home.is_empty() => text!(
                "place-home-within",
                home = rules(&home),
                anywhere = rules(&anywhere)
            ),
            Remote::Home => {
                debug_assert_eq!(iv.min, Pct::FULL);
                text!("place-full", anywhere = rules(&anywhere))
            }
        };
        Some(Step {
            principle: Principle::Place,
            text,
        })
    }

    /// "conflict: the rules ... require disjoint shares", of one circular's deciding rules.
    fn conflict_text(&self, d: &Decided) -> Text {
        text!("conflict-note", rules = self.rule_list(&d.refs()))
    }
}
