//! The identity of a finding: its code and the circulars, rules, `except`s or `exempt`s it is
//! about ([`Key`]). The oracle property test compares findings by key; the diagnostic is how a
//! finding is shown.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{CircularId, RuleId, Workspace};

/// What a finding is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum About {
    /// Rules of a circular (sorted).
    Rules(CircularId, Vec<RuleId>),
    /// The `except` number `k` (in source order) of a rule.
    Except(CircularId, RuleId, usize),
    /// The `exempt` clause number `k` of a circular.
    Exempt(CircularId, usize),
}

/// The identity of a finding: its code and what it is about (for two circulars: the earlier or
/// lower first).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// The code.
    pub code: Code,
    /// The first place.
    pub first: About,
    /// The second place, for findings across circulars.
    pub second: Option<About>,
}

impl Key {
    /// The pairs of rules a grouped `conflict` stands for, each as the key of its own finding
    /// (`conflict` about two rules); any other key stands for itself. A group of rules that
    /// decide together (`Rules(c, rules)` of more than two rules) stands for each of their pairs
    /// whose shares are disjoint; a rule against many (`Rules(c, [x])`, then `Rules(c, others)`)
    /// for `x` with each of the others. For tests: a group's pairs may be many.
    pub fn pairs(&self, ws: &Workspace) -> Vec<Key> {
        let pair = |c: CircularId, x: RuleId, y: RuleId| Key {
            code: Code::Conflict,
            first: About::Rules(c, vec![x.min(y), x.max(y)]),
            second: None,
        };
        match (self.code, &self.first, &self.second) {
            (Code::Conflict, About::Rules(c, rules), None) if rules.len() > 2 => {
                let rs = &ws.circulars[*c].rules;
                let mut out = Vec::new();
                for (k, &x) in rules.iter().enumerate() {
                    for &y in &rules[k + 1..] {
                        if rs[x].wfo.intersect(rs[y].wfo).is_none() {
                            out.push(pair(*c, x, y));
                        }
                    }
                }
                out
            }
            (Code::Conflict, About::Rules(c, x), Some(About::Rules(_, others))) => others
                .iter()
                .flat_map(|&y| x.iter().map(move |&x| pair(*c, x, y)))
                .collect(),
            _ => vec![self.clone()],
        }
    }
}

/// A finding: its identity and its diagnostic.
#[derive(Clone, Debug)]
pub struct Finding {
    /// What it is.
    pub key: Key,
    /// How it is reported.
    pub diagnostic: Diagnostic,
}

/// A finding of `diagnostic`'s code about `first` (and `second`).
pub(super) fn finding(first: About, second: Option<About>, diagnostic: Diagnostic) -> Finding {
    Finding {
        key: Key {
            code: diagnostic.code,
            first,
            second,
        },
        diagnostic,
    }
}
