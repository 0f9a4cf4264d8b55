//! The timeline of a workspace over a period: which circulars are in force, level by level,
//! with their windows and revocations, the days off of the calendar, and, for one subject, the
//! share of work from the office day by day.
//!
//! This is the data of `edaran timeline`'s picture; the command line draws it (as SVG), so
//! nothing here knows a picture, a file or a pixel. What is in force is decided as the engine
//! decides it ([`Engine::in_force`]): a circular is in force on the days of its validity
//! windows before the first valid day of a circular that revokes it. The shares are the answers
//! of `wfo SUBJECT from DATE to DATE` ([`Engine::cases_with`]), one per day.
//!
//! Answers do not know days off yet: the weekends and holidays of the calendar are left out of
//! the shares ([`Share::DayOff`]) rather than answered as if they were working days.

use super::query::{Focus, QueryError, Spec};
use super::{Engine, Status};
use crate::calendar::{Calendar, Holiday};
use crate::model::{CircularId, Windows};
use crate::region;
use crate::span::{Span, Spanned};
use crate::syntax::ast::{Level, Pct, Subject, Time};
use chrono::{Datelike, Days, Months, NaiveDate};

/// The longest period a timeline draws, in years (to the day before the same date five years
/// later): a longer picture has bars too thin to read, and a daily share of too many points.
pub const MAX_YEARS: u32 = 5;

/// How far a period reaches past an open-ended validity when none is asked: a year after the
/// latest first valid day.
const OPEN_END: Days = Days::new(365);

/// The days a timeline covers, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub to: NaiveDate,
    /// When the period asked for was longer than [`MAX_YEARS`]: the last day asked for (the
    /// period was cut to `to`).
    pub cut_from: Option<NaiveDate>,
}

/// Why no period can be drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// No date was given and the workspace has no circular to take one from.
    NoCirculars,
    /// The first day is after the last.
    Backwards {
        /// The first day given.
        from: NaiveDate,
        /// The last day given.
        to: NaiveDate,
    },
}

impl std::fmt::Display for PeriodError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PeriodError::NoCirculars => f.write_str(
                "there is no circular to draw the period from: give the period with --from and --to",
            ),
            PeriodError::Backwards { from, to } => write!(
                f,
                "the period ends before it starts: --from {from} is after --to {to}"
            ),
        }
    }
}

/// The circulars of one level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    /// The level.
    pub level: Level,
    /// Its circulars in force on some day of the period, by first day in force, then number.
    pub bars: Vec<Bar>,
}

/// One circular over the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// The circular.
    pub circular: CircularId,
    /// Its number, as written.
    pub id: String,
    /// The runs of days it is in force within the period: its validity windows, ended by a
    /// revocation, cut to the period (sorted, disjoint, never empty).
    pub windows: Vec<(NaiveDate, NaiveDate)>,
    /// The days within `windows` on which one of its rules has a `during` window.
    pub during: Vec<(NaiveDate, NaiveDate)>,
    /// Its validity starts before the period.
    pub before: bool,
    /// Its validity (before any revocation) goes on after the period, or has no end.
    pub after: bool,
    /// The revocation that ends it, when that falls within the period.
    pub revoked: Option<Revocation>,
}

/// Where a revocation ends a circular.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revocation {
    /// The first day it is no longer in force: the revoker's first valid day.
    pub on: NaiveDate,
    /// The revoking circular.
    pub by: CircularId,
    /// Its number.
    pub by_id: String,
}

/// The share of one subject on a run of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Share {
    /// A weekend or a holiday of the calendar: not answered.
    DayOff,
    /// The share of work from the office: one figure when `min == max`, a range otherwise
    /// (`at most 50%`, or the cases of a subject with left-out dimensions that differ).
    Wfo {
        /// How it is reached: `None` when the cases of the subject differ in status.
        status: Option<Status>,
        /// The lowest share allowed (over every case).
        min: Pct,
        /// The highest share allowed (over every case).
        max: Pct,
    },
    /// The rules contradict each other (in at least one case of the subject).
    Conflict,
}

/// A run of days with the same share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShareRun {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub to: NaiveDate,
    /// The share on each of its days.
    pub share: Share,
}

/// The timeline of a workspace over a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// The period drawn.
    pub period: Period,
    /// The levels, highest first: national, provincial, local (each present, perhaps empty).
    pub bands: Vec<Band>,
    /// The holidays of the calendar with a day in the period, by date.
    pub holidays: Vec<Holiday>,
    /// The runs of days in the period whose weekday is outside the working week.
    pub weekends: Vec<(NaiveDate, NaiveDate)>,
    /// The subject's share, day by day, in runs that cover the period; `None` without a
    /// subject.
    pub shares: Option<Vec<ShareRun>>,
}

impl Period {
    /// The period of a timeline: the days given, or where they are left out, from the first to
    /// the last day any circular is in force (an open-ended one counted up to a year after the
    /// latest first valid day). One day given and the other on its wrong side: a year from the
    /// one given. Cut to [`MAX_YEARS`] (`cut_from` says so).
    pub fn new(
        engine: &Engine<'_>,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Period, PeriodError> {
        let extent = extent(engine);
        let (from, to) = match (from, to, extent) {
            (Some(a), Some(b), _) => (a, b),
            (None, None, None) => return Err(PeriodError::NoCirculars),
            (None, None, Some(e)) => e,
            (Some(a), None, e) => {
                let b = e.map(|e| e.1).filter(|&b| b >= a);
                (
                    a,
                    b.unwrap_or_else(|| a.checked_add_days(OPEN_END).unwrap_or(a)),
                )
            }
            (None, Some(b), e) => {
                let a = e.map(|e| e.0).filter(|&a| a <= b);
                (
                    a.unwrap_or_else(|| b.checked_sub_days(OPEN_END).unwrap_or(b)),
                    b,
                )
            }
        };
        if from > to {
            return Err(PeriodError::Backwards { from, to });
        }
        let last = from
            .checked_add_months(Months::new(12 * MAX_YEARS))
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX);
        Ok(if to > last {
            Period {
                from,
                to: last,
                cut_from: Some(to),
            }
        } else {
            Period {
                from,
                to,
                cut_from: None,
            }
        })
    }

    /// The number of days.
    pub fn days(&self) -> u64 {
        u64::try_from((self.to - self.from).num_days() + 1).unwrap_or(0)
    }
}

/// The first and last day any circular is in force, an open-ended validity reaching a year past
/// the latest first valid day; `None` without circulars.
fn extent(engine: &Engine<'_>) -> Option<(NaiveDate, NaiveDate)> {
    let circulars = &engine.ws.circulars;
    let first = circulars.iter().map(|c| c.valid_from).min()?;
    let latest = circulars.iter().map(|c| c.valid_from).max()?;
    let open = latest.checked_add_days(OPEN_END).unwrap_or(latest);
    let last = (0..circulars.len())
        .map(|i| {
            let c = &circulars[i];
            let end = c.valid_to.unwrap_or(open);
            match revoked_on(engine, i) {
                Some((on, _)) => end.min(on.pred_opt().unwrap_or(on)).max(c.valid_from),
                None => end,
            }
        })
        .max()?;
    Some((first, last.max(first)))
}

/// The day a circular stops being in force by revocation, and by which circular (as
/// [`Engine::in_force`] decides it).
fn revoked_on(engine: &Engine<'_>, id: CircularId) -> Option<(NaiveDate, CircularId)> {
    engine
        .compiled(id)
        .revoked
        .map(|(day, by)| (region::date(day), by))
}

impl Timeline {
    /// The timeline of `period`, with the days off of `calendar`, and with `subject` the share
    /// of work from the office day by day (the subject's own date, if any, is not read). Fails
    /// only when the subject leaves too much open ([`QueryError`]).
    pub fn new(
        engine: &Engine<'_>,
        calendar: &Calendar,
        period: Period,
        subject: Option<&Subject>,
    ) -> Result<Timeline, QueryError> {
        let shares = match subject {
            Some(s) => Some(shares(engine, calendar, s, period)?),
            None => None,
        };
        let bands = Level::ALL
            .into_iter()
            .map(|level| Band {
                level,
                bars: bars(engine, level, period),
            })
            .collect();
        Ok(Timeline {
            period,
            bands,
            holidays: holidays(calendar, period),
            weekends: weekends(calendar, period),
            shares,
        })
    }
}

/// The bars of the circulars of one level in force within the period.
fn bars(engine: &Engine<'_>, level: Level, period: Period) -> Vec<Bar> {
    let mut bars: Vec<Bar> = engine
        .ws
        .circulars
        .iter()
        .enumerate()
        .filter(|(_, c)| c.level == level)
        .filter_map(|(i, c)| {
            let valid: Vec<(NaiveDate, NaiveDate)> = if c.windows.is_empty() {
                vec![(c.valid_from, c.valid_to.unwrap_or(NaiveDate::MAX))]
            } else {
                c.windows.to_vec()
            };
            let last_valid = valid.last().map_or(c.valid_from, |w| w.1);
            let revocation = revoked_on(engine, i).filter(|&(on, _)| on <= last_valid);
            // The days in force within the period, as `in force from .. to ..` reads them.
            let span = engine.span_within(i, region::day(period.from), region::day(period.to))?;
            let windows: Vec<(NaiveDate, NaiveDate)> = span
                .windows
                .iter()
                .map(|&(a, b)| (region::date(a), region::date(b)))
                .collect();
            let during = model_windows(c.rules.iter().filter_map(|r| r.during.as_ref()));
            Some(Bar {
                circular: i,
                id: c.id.clone(),
                during: intersect(&during, &windows),
                windows,
                before: c.valid_from < period.from,
                after: last_valid > period.to,
                revoked: revocation
                    .filter(|&(on, _)| period.from <= on && on <= period.to)
                    .map(|(on, by)| Revocation {
                        on,
                        by,
                        by_id: engine.ws.circulars[by].id.clone(),
                    }),
            })
        })
        .collect();
    bars.sort_by(|a, b| (a.windows[0].0, &a.id).cmp(&(b.windows[0].0, &b.id)));
    bars
}

/// The union of the `during` windows of some rules (sorted, disjoint).
fn model_windows<'a>(
    during: impl Iterator<Item = &'a (Windows, Span)>,
) -> Vec<(NaiveDate, NaiveDate)> {
    crate::model::windows(during.flat_map(|(w, _)| w.iter().copied())).to_vec()
}

/// The parts of sorted windows between `from` and `to`.
fn clip(
    windows: &[(NaiveDate, NaiveDate)],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(NaiveDate, NaiveDate)> {
    windows
        .iter()
        .map(|&(a, b)| (a.max(from), b.min(to)))
        .filter(|(a, b)| a <= b)
        .collect()
}

/// The days two lists of sorted, disjoint windows share.
fn intersect(
    a: &[(NaiveDate, NaiveDate)],
    b: &[(NaiveDate, NaiveDate)],
) -> Vec<(NaiveDate, NaiveDate)> {
    a.iter().flat_map(|&(x, y)| clip(b, x, y)).collect()
}

/// The holidays with a day in the period, by date, each once.
fn holidays(calendar: &Calendar, period: Period) -> Vec<Holiday> {
    let mut found: Vec<Holiday> = Vec::new();
    for year in period.from.year()..=period.to.year() {
        for h in calendar.holidays(year) {
            // A holiday across New Year is listed in both years.
            if h.to >= period.from && h.from <= period.to && !found.contains(&h) {
                found.push(h);
            }
        }
    }
    found
}

/// The runs of days in the period whose weekday is outside the working week.
fn weekends(calendar: &Calendar, period: Period) -> Vec<(NaiveDate, NaiveDate)> {
    let workweek = calendar.workweek();
    let mut runs: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for date in period.from.iter_days().take_while(|&d| d <= period.to) {
        if workweek.contains(date.weekday()) {
            continue;
        }
        match runs.last_mut() {
            Some(last) if last.1.succ_opt() == Some(date) => last.1 = date,
            _ => runs.push((date, date)),
        }
    }
    runs
}

/// The subject's share on every day of the period, in runs of equal days.
fn shares(
    engine: &Engine<'_>,
    calendar: &Calendar,
    subject: &Subject,
    period: Period,
) -> Result<Vec<ShareRun>, QueryError> {
    let mut subject = subject.clone();
    let date = |d| Spanned::new(Some(d), Span::default());
    subject.time = Some(Spanned::new(
        Time::Period(date(period.from), date(period.to)),
        Span::default(),
    ));
    // The subject has its period now, so it has a spec.
    let Some(spec) = Spec::new(&subject, &[]) else {
        return Ok(Vec::new());
    };
    let cases = engine.cases_with(&spec, Focus::Share)?;
    let start = region::day(period.from);
    let mut days: Vec<Option<Share>> = vec![None; usize::try_from(period.days()).unwrap_or(0)];
    for case in &cases {
        if case.answer.status == Status::DayOff {
            continue; // the days off are read off the calendar below
        }
        let share = match (case.answer.status, case.answer.wfo) {
            (Status::Conflict, _) | (_, None) => Share::Conflict,
            (status, Some(iv)) => Share::Wfo {
                status: Some(status),
                min: iv.min,
                max: iv.max,
            },
        };
        for day in case.from.max(start)..=case.to {
            if !case.days.contains(region::weekday(day)) {
                continue;
            }
            if let Some(slot) = usize::try_from(day - start)
                .ok()
                .and_then(|i| days.get_mut(i))
            {
                *slot = Some(slot.map_or(share, |s| combine(s, share)));
            }
        }
    }
    let mut runs: Vec<ShareRun> = Vec::new();
    for (date, share) in period.from.iter_days().zip(days) {
        let share = if calendar.day_off(date).is_some() {
            Share::DayOff
        } else {
            // Every day has a case; a missing one would be a conflict of nothing.
            share.unwrap_or(Share::Conflict)
        };
        match runs.last_mut() {
            Some(last) if last.share == share => last.to = date,
            _ => runs.push(ShareRun {
                from: date,
                to: date,
                share,
            }),
        }
    }
    Ok(runs)
}

/// Two cases of one day together: the range of both, a conflict when either is one.
fn combine(a: Share, b: Share) -> Share {
    match (a, b) {
        (
            Share::Wfo {
                status: s1,
                min: lo1,
                max: hi1,
            },
            Share::Wfo {
                status: s2,
                min: lo2,
                max: hi2,
            },
        ) => Share::Wfo {
            status: if s1 == s2 { s1 } else { None },
            min: lo1.min(lo2),
            max: hi1.max(hi2),
        },
        (Share::DayOff, other) | (other, Share::DayOff) => other,
        _ => Share::Conflict,
    }
}
