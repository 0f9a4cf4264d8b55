//! `in force from DATE to DATE`: the timeline of the circulars in force over a period.
//!
//! A circular is in force on a day when the day is in one of its validity windows and no
//! revocation has taken effect ([`Engine::in_force`], docs/language.md section 4, `revokes`).
//! Over a period, each circular in force on at least one of its days is listed with the runs of
//! days it is in force within the period: its windows cut to the period, and cut again the day
//! before its revocation takes effect (the revoker's first valid day). The answer is computed
//! from the same compiled windows and revocations as `in force on`, so the two cannot disagree:
//! a circular listed here is in force on each day of its runs and on no other day of the
//! period (a property test checks it).

use super::Engine;
use crate::model::CircularId;
use crate::region::Day;

/// One circular of a period's timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InForceSpan {
    /// The circular.
    pub circular: CircularId,
    /// The runs of days it is in force within the period: sorted, disjoint, not adjacent, never
    /// empty.
    pub windows: Vec<(Day, Day)>,
    /// The day from which a revocation takes effect and the revoking circular, when that day
    /// falls within the period (a revocation after the period's last day is not part of it).
    pub revoked: Option<(Day, CircularId)>,
}

impl InForceSpan {
    /// How many days of the period it is in force.
    pub fn days(&self) -> u32 {
        self.windows
            .iter()
            .map(|&(a, b)| u32::try_from(b - a + 1).unwrap_or(0))
            .sum()
    }

    /// Its first day in force within the period.
    pub fn first_day(&self) -> Day {
        self.windows.first().map_or(Day::MAX, |w| w.0)
    }
}

/// The answer to `in force from DATE to DATE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InForcePeriod {
    /// The first day of the period.
    pub from: Day,
    /// The last day of the period.
    pub to: Day,
    /// The circulars in force on some day of the period, by their first day in force there
    /// (then in workspace order).
    pub circulars: Vec<InForceSpan>,
}

impl Engine<'_> {
    /// The circulars in force on some day from `from` to `to` (both included), each with its
    /// days in force within the period. Empty when `to` is before `from`.
    pub fn in_force_during(&self, from: Day, to: Day) -> InForcePeriod {
        let mut circulars: Vec<InForceSpan> = (0..self.ws.circulars.len())
            .filter_map(|i| self.span_within(i, from, to))
            .collect();
        // Stable: circulars starting the same day keep the workspace's order.
        circulars.sort_by_key(InForceSpan::first_day);
        InForcePeriod {
            from,
            to,
            circulars,
        }
    }

    /// The days circular `i` is in force from `from` to `to`; `None` when there are none.
    pub(crate) fn span_within(&self, i: CircularId, from: Day, to: Day) -> Option<InForceSpan> {
        let c = self.compiled(i);
        // The last day before a revocation takes effect, within the period.
        let last = match c.revoked {
            Some((d, _)) => to.min(d.saturating_sub(1)),
            None => to,
        };
        let mut windows: Vec<(Day, Day)> = Vec::new();
        for &(a, b) in c.windows.iter() {
            let (a, b) = (a.max(from), b.min(last));
            if a > b {
                continue;
            }
            // The compiled windows are merged already; this keeps the runs merged whatever.
            match windows.last_mut() {
                Some(run) if a <= run.1.saturating_add(1) => run.1 = run.1.max(b),
                _ => windows.push((a, b)),
            }
        }
        if windows.is_empty() {
            return None;
        }
        Some(InForceSpan {
            circular: i,
            windows,
            revoked: c.revoked.filter(|&(d, _)| d <= to),
        })
    }
}
