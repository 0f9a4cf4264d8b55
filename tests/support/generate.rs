//! A proptest generator of random `.se` workspaces, produced as TEXT so that every property
//! exercises the whole pipeline from parsing on.
//!
//! The workspaces are small on purpose (few values per dimension, dates within 2024-01-01 to
//! 2024-03-31) so that an exhaustive oracle can enumerate every elementary cell, and so that
//! clashes are frequent: shares come from {0, 25, 50, 75, 100}, validity windows and signing days
//! come from small sets (overlapping windows, circulars signed the same day), sectors share units
//! and may hold a unit and its sub-unit.
//!
//! Every generated workspace is well formed: [`GenWorkspace::load`] asserts that loading reports
//! no error of the codes a generator bug would cause (syntax, invalid-*, empty-period,
//! missing-clause, unknown-name, duplicate-name, override-cycle, rule-outside-validity).

use chrono::{Days, NaiveDate};
use edaran::Code;
use edaran::check::load;
use edaran::model::{Source, Workspace};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::fmt::Write as _;

/// The configuration of a property: `cases` cases, or `PROPTEST_CASES` when set (to hunt with
/// many more, e.g. `PROPTEST_CASES=20000 cargo test --release --test properties`). Failures are
/// reproduced from the printed text and kept as hand-written regressions, not in a file.
pub fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// The governments a workspace may name: scopes name the first 2 or 3 of them (`n_gov`), `gov`
/// selectors one more (a government only a selector names, under `scope all`), `govs` sets one
/// more again (a government only a set names).
pub const GOVS: [&str; 5] = ["Pemprov A", "Pemprov B", "Pemkot C", "Pemkot D", "Pemkab E"];
/// The unit strings selectors and sectors may name. `" A / B "` is `"A/B"` after normalisation.
pub const UNITS: [&str; 6] = ["A", "A/B", "C", "D", " A / B ", "A/B/D"];
/// The functions; two differ by one letter, and are two functions.
pub const FUNCTIONS: [&str; 3] = ["service", "servce", "field"];
/// The places (domicile and office).
pub const PLACES: [&str; 3] = ["X", "Y", "Z"];
/// The personal traits selectors may name.
pub const TRAITS: [&str; 2] = ["pregnant", "echelon_2"];
/// The condition a circular may declare and its rules name with `when`.
pub const CONDITIONS: [&str; 1] = ["urgent"];
/// The shares arrangements use.
pub const PCTS: [u8; 5] = [0, 25, 50, 75, 100];
/// Signing days (offsets from [`base`]): few, so that some circulars are signed the same day.
pub const SIGNED: [u64; 5] = [0, 2, 9, 14, 30];
/// First valid days (offsets from [`base`]).
pub const FROM: [u64; 7] = [0, 4, 9, 14, 21, 30, 45];
/// Validity lengths minus one (`None` in [`GenCircular::len`]: open-ended).
pub const LEN: [u64; 5] = [0, 6, 13, 20, 34];
/// The span `during` periods of an open-ended circular are drawn from.
pub const OPEN_SPAN: u64 = 40;

/// The first day of the generated range.
pub fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).expect("a date")
}

/// `base() + offset` days.
pub fn day_at(offset: u64) -> NaiveDate {
    base() + Days::new(offset)
}

/// A selector, before rendering (indices are taken modulo what the circular defines).
#[derive(Clone, Debug)]
pub enum GenSel {
    /// `all`
    All,
    /// a sector name
    Sector(u8),
    /// `unit in SECTOR`
    UnitSector(u8),
    /// `unit "U"`
    Unit(u8),
    /// `unit in ["U", ...]`
    UnitList(Vec<u8>),
    /// `function f`
    Function(u8),
    /// `function in [f, ...]`
    FunctionList(Vec<u8>),
    /// `domicile "X"`
    Domicile(u8),
    /// `domicile in ["X", ...]`
    DomicileList(Vec<u8>),
    /// `domicile in REGION` (a list when the circular has no region)
    DomicileRegion,
    /// `office "X"`
    Office(u8),
    /// `office in ["X", ...]`
    OfficeList(Vec<u8>),
    /// `office in REGION`
    OfficeRegion,
    /// `gov "G"`
    Gov(u8),
    /// `gov in ["G", ...]`
    GovList(Vec<u8>),
    /// `gov in SET` (a list when the circular has no `govs` set)
    GovSet,
    /// `trait t`
    Trait(u8),
    /// `trait in [t, ...]`
    TraitList(Vec<u8>),
    /// `a and b ...`
    And(Vec<GenSel>),
    /// `a or b ...`
    Or(Vec<GenSel>),
    /// `not a`
    Not(Box<GenSel>),
    /// `(a)`
    Paren(Box<GenSel>),
}

/// An arrangement: `wfo`/`wfh`/`wfa`, and exact, at most, at least or a range.
#[derive(Clone, Debug)]
pub struct GenArr {
    /// 0 `wfo`, 1 `wfh`, 2 `wfa` (from anywhere: the place meets `wfo`'s and `wfh`'s home).
    pub mode: u8,
    /// 0 exact, 1 at most, 2 at least, 3 range.
    pub kind: u8,
    /// Index into [`PCTS`].
    pub p: u8,
    /// Index into [`PCTS`] (the other end of a range).
    pub q: u8,
}

/// A rule.
#[derive(Clone, Debug)]
pub struct GenRule {
    /// `None`: `otherwise`.
    pub sel: Option<GenSel>,
    /// The arrangement.
    pub arr: GenArr,
    /// `except` modifiers.
    pub except: Vec<GenSel>,
    /// `overrides`: indices taken modulo the rule's own index (only earlier rules).
    pub overrides: Vec<u8>,
    /// `during`: two offsets inside a window of the validity (sorted when rendered), and
    /// sometimes a second such window (`during A to B, C to D`).
    pub during: Option<(u8, u8)>,
    /// The second window of `during`: which validity window, and two offsets inside it.
    pub during2: Option<(u8, u8, u8)>,
    /// `every`: a bit pattern of weekdays (bit 0 Monday; 0 is read as Friday alone).
    pub every: Option<u8>,
    /// `when urgent` (true) or `when not urgent` (false).
    pub when: Option<bool>,
    /// Modifier order: rotate by this.
    pub rotate: u8,
}

/// A circular.
#[derive(Clone, Debug)]
pub struct GenCircular {
    /// 0 national, 1 provincial, 2 local.
    pub level: u8,
    /// Index into [`SIGNED`].
    pub signed: u8,
    /// Index into [`FROM`].
    pub from: u8,
    /// Index into [`LEN`]; `None`: `valid from`.
    pub len: Option<u8>,
    /// A gap that splits the validity into two windows (`valid A to B, C to D`): where it
    /// starts and how long it is.
    pub gap: Option<(u8, u8)>,
    /// A `govs gs = [...]` set: government indices.
    pub govs: Option<Vec<u8>>,
    /// `None`: `scope all`; else government indices.
    pub scope: Option<Vec<u8>>,
    /// A circular it revokes (index modulo the count; itself: none).
    pub revokes: Option<u8>,
    /// Sectors: unit indices.
    pub sectors: Vec<Vec<u8>>,
    /// A region: place indices.
    pub region: Option<Vec<u8>>,
    /// `exempt` clause.
    pub exempt: Option<GenSel>,
    /// Rules.
    pub rules: Vec<GenRule>,
    /// `wfh priority N: SEL`.
    pub priorities: Vec<(u8, GenSel)>,
}

/// A workspace.
#[derive(Clone, Debug)]
pub struct GenWorkspace {
    /// How many governments of [`GOVS`] it uses (2 or 3).
    pub n_gov: u8,
    /// Its circulars.
    pub circulars: Vec<GenCircular>,
    /// `baseline wfo N%` (index into [`PCTS`]).
    pub baseline: Option<u8>,
    /// How many files the circulars are spread over (1 or 2).
    pub files: u8,
    /// How many traits of [`TRAITS`] its selectors may name (1 or 2), and whether its rules
    /// may say `when`; `None` (most workspaces): no trait and no condition, where trait atoms
    /// are written `all` (each flag doubles the cells of the exhaustive oracle).
    pub flags: Option<u8>,
    /// The calendar: `holiday`s (offset from [`base`] and extra days), `calendar none`, and a
    /// `workweek` (0: Monday to Saturday, 1: Sunday to Thursday, 2: Tuesday to Friday).
    pub calendar: GenCalendar,
}

/// What a generated workspace says of the calendar.
#[derive(Clone, Debug, Default)]
pub struct GenCalendar {
    /// `holiday DATE [to DATE] "..."`: offset from [`base`] (modulo 70) and extra days (0 to 2).
    pub holidays: Vec<(u8, u8)>,
    /// `calendar none`.
    pub none: bool,
    /// `workweek`.
    pub workweek: Option<u8>,
}

/// The weekday keywords, from Monday.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn idx_list(n: u8, max: usize) -> impl Strategy<Value = Vec<u8>> {
    vec(0..n, 1..=max)
}

/// A selector of one atom.
pub fn atom() -> impl Strategy<Value = GenSel> {
    prop_oneof![
        2 => Just(GenSel::All),
        3 => (0u8..2).prop_map(GenSel::Sector),
        1 => (0u8..2).prop_map(GenSel::UnitSector),
        3 => (0u8..UNITS.len() as u8).prop_map(GenSel::Unit),
        1 => idx_list(UNITS.len() as u8, 2).prop_map(GenSel::UnitList),
        3 => (0u8..FUNCTIONS.len() as u8).prop_map(GenSel::Function),
        1 => idx_list(FUNCTIONS.len() as u8, 2).prop_map(GenSel::FunctionList),
        2 => (0u8..PLACES.len() as u8).prop_map(GenSel::Domicile),
        1 => idx_list(PLACES.len() as u8, 2).prop_map(GenSel::DomicileList),
        1 => Just(GenSel::DomicileRegion),
        2 => (0u8..PLACES.len() as u8).prop_map(GenSel::Office),
        1 => idx_list(PLACES.len() as u8, 2).prop_map(GenSel::OfficeList),
        1 => Just(GenSel::OfficeRegion),
        1 => (0u8..4).prop_map(GenSel::Gov),
        1 => idx_list(4, 2).prop_map(GenSel::GovList),
        1 => Just(GenSel::GovSet),
        1 => (0u8..TRAITS.len() as u8).prop_map(GenSel::Trait),
        1 => idx_list(TRAITS.len() as u8, 2).prop_map(GenSel::TraitList),
    ]
}

/// A selector: mostly one atom or a shallow combination, sometimes atoms nested under
/// and/or/not/parentheses (deep selectors are often empty, and their rules dead).
pub fn selector() -> impl Strategy<Value = GenSel> {
    prop_oneof![
        3 => atom(),
        2 => nested(1),
        1 => nested(3),
    ]
}

/// Atoms nested up to `depth` levels under and/or/not/parentheses.
pub fn nested(depth: u32) -> impl Strategy<Value = GenSel> {
    atom().prop_recursive(depth, 10, 3, |inner| {
        prop_oneof![
            3 => vec(inner.clone(), 2..=3).prop_map(GenSel::And),
            2 => vec(inner.clone(), 2..=3).prop_map(GenSel::Or),
            2 => inner.clone().prop_map(|s| GenSel::Not(Box::new(s))),
            1 => inner.prop_map(|s| GenSel::Paren(Box::new(s))),
        ]
    })
}

fn arrangement() -> impl Strategy<Value = GenArr> {
    (0u8..3, 0u8..4, 0u8..5, 0u8..5).prop_map(|(mode, kind, p, q)| GenArr { mode, kind, p, q })
}

fn rule() -> impl Strategy<Value = GenRule> {
    (
        option::weighted(0.85, selector()),
        arrangement(),
        vec(selector(), 0..=2),
        vec(any::<u8>(), 0..=2),
        option::weighted(0.25, (any::<u8>(), any::<u8>())),
        option::weighted(0.3, (any::<u8>(), any::<u8>(), any::<u8>())),
        any::<u8>(),
        option::weighted(0.25, any::<u8>()),
        option::weighted(0.15, any::<bool>()),
    )
        .prop_map(
            |(sel, arr, mut except, overrides, during, during2, rotate, every, when)| {
                // Mostly no `except`, sometimes one, rarely two.
                if rotate % 3 != 0 {
                    except.truncate(rotate as usize % 2);
                }
                GenRule {
                    sel,
                    arr,
                    except,
                    overrides,
                    during2: during.and(during2),
                    during,
                    every,
                    when,
                    rotate,
                }
            },
        )
}

fn circular(max_rules: usize) -> impl Strategy<Value = GenCircular> {
    (
        (0u8..3, 0u8..SIGNED.len() as u8, 0u8..FROM.len() as u8),
        (
            option::weighted(0.9, 0u8..LEN.len() as u8),
            option::weighted(0.2, (any::<u8>(), any::<u8>())),
            option::weighted(0.2, idx_list(5, 3)),
        ),
        option::weighted(0.8, idx_list(3, 2)),
        option::weighted(0.2, any::<u8>()),
        vec(idx_list(UNITS.len() as u8, 2), 1..=2),
        option::weighted(0.5, idx_list(PLACES.len() as u8, 2)),
        option::weighted(0.25, prop_oneof![3 => atom(), 1 => nested(1)]),
        vec(rule(), 1..=max_rules),
        vec((1u8..=3, selector()), 0..=2),
    )
        .prop_map(
            |(
                (level, signed, from),
                (len, gap, govs),
                scope,
                revokes,
                sectors,
                region,
                exempt,
                rules,
                priorities,
            )| GenCircular {
                level,
                signed,
                from,
                len,
                gap,
                govs,
                scope,
                revokes,
                sectors,
                region,
                exempt,
                rules,
                priorities,
            },
        )
}

/// A workspace of 1 to `max_circulars` circulars of 1 to `max_rules` rules each.
pub fn workspace(max_circulars: usize, max_rules: usize) -> impl Strategy<Value = GenWorkspace> {
    (
        2u8..=3,
        vec(circular(max_rules), 1..=max_circulars),
        option::weighted(0.3, 0u8..5),
        1u8..=2,
        (
            vec((any::<u8>(), 0u8..3), 0..=2),
            proptest::bool::weighted(0.15),
            option::weighted(0.1, 0u8..3),
        ),
        option::weighted(0.15, 1u8..=2),
    )
        .prop_map(
            |(n_gov, circulars, baseline, files, (holidays, none, workweek), flags)| GenWorkspace {
                n_gov,
                circulars,
                baseline,
                files,
                flags,
                calendar: GenCalendar {
                    holidays,
                    none,
                    workweek,
                },
            },
        )
}

/// The codes a well-formed generated workspace never has.
pub const GENERATOR_BUGS: &[Code] = &[
    Code::Syntax,
    Code::InvalidDate,
    Code::InvalidPercent,
    Code::EmptyPeriod,
    Code::MissingClause,
    Code::UnknownName,
    Code::DuplicateName,
    Code::OverrideCycle,
    Code::RuleOutsideValidity,
];

fn quoted<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for i in items {
        if !seen.contains(&i) {
            seen.push(i);
        }
    }
    let parts: Vec<String> = seen.iter().map(|s| format!("\"{s}\"")).collect();
    format!("[{}]", parts.join(", "))
}

/// What a selector may refer to inside one circular.
struct Names<'a> {
    n_gov: u8,
    /// How many traits selectors may name (0: none, trait atoms are written `all`).
    traits: u8,
    sectors: usize,
    region: Option<&'a [u8]>,
    govs: bool,
}

impl GenSel {
    /// Renders at a precedence: 0 where an `or` may stand, 1 where an `and` may, 2 for `not`
    /// operands and atoms.
    fn render(&self, names: &Names<'_>, prec: u8, out: &mut String) {
        let unit = |i: &u8| UNITS[*i as usize % UNITS.len()];
        let place = |i: &u8| PLACES[*i as usize % PLACES.len()];
        // Selectors may name one government no scope names.
        let gov = |i: &u8| GOVS[(*i % (names.n_gov + 1)) as usize];
        let sector = |i: &u8| format!("sec_{}", (*i as usize) % names.sectors);
        let region = |out: &mut String| match names.region {
            Some(_) => out.push_str("reg"),
            None => out.push_str(&quoted([PLACES[0], PLACES[1]])),
        };
        match self {
            GenSel::All => out.push_str("all"),
            GenSel::Sector(i) => out.push_str(&sector(i)),
            GenSel::UnitSector(i) => {
                let _ = write!(out, "unit in {}", sector(i));
            }
            GenSel::Unit(i) => {
                let _ = write!(out, "unit \"{}\"", unit(i));
            }
            GenSel::UnitList(l) => {
                let _ = write!(out, "unit in {}", quoted(l.iter().map(unit)));
            }
            GenSel::Function(i) => {
                let _ = write!(out, "function {}", FUNCTIONS[*i as usize % FUNCTIONS.len()]);
            }
            GenSel::FunctionList(l) => {
                let mut fs: Vec<&str> = l
                    .iter()
                    .map(|i| FUNCTIONS[*i as usize % FUNCTIONS.len()])
                    .collect();
                fs.dedup();
                let _ = write!(out, "function in [{}]", fs.join(", "));
            }
            GenSel::Domicile(i) => {
                let _ = write!(out, "domicile \"{}\"", place(i));
            }
            GenSel::DomicileList(l) => {
                let _ = write!(out, "domicile in {}", quoted(l.iter().map(place)));
            }
            GenSel::DomicileRegion => {
                out.push_str("domicile in ");
                region(out);
            }
            GenSel::Office(i) => {
                let _ = write!(out, "office \"{}\"", place(i));
            }
            GenSel::OfficeList(l) => {
                let _ = write!(out, "office in {}", quoted(l.iter().map(place)));
            }
            GenSel::OfficeRegion => {
                out.push_str("office in ");
                region(out);
            }
            GenSel::Gov(i) => {
                let _ = write!(out, "gov \"{}\"", gov(i));
            }
            GenSel::GovList(l) => {
                let _ = write!(out, "gov in {}", quoted(l.iter().map(gov)));
            }
            GenSel::GovSet if names.govs => out.push_str("gov in gs"),
            GenSel::GovSet => {
                let _ = write!(
                    out,
                    "gov in {}",
                    quoted([GOVS[0], GOVS[names.n_gov as usize]])
                );
            }
            GenSel::Trait(_) | GenSel::TraitList(_) if names.traits == 0 => out.push_str("all"),
            GenSel::Trait(i) => {
                let _ = write!(out, "trait {}", TRAITS[(*i % names.traits) as usize]);
            }
            GenSel::TraitList(l) => {
                let mut ts: Vec<&str> = l
                    .iter()
                    .map(|i| TRAITS[(*i % names.traits) as usize])
                    .collect();
                ts.dedup();
                let _ = write!(out, "trait in [{}]", ts.join(", "));
            }
            GenSel::Or(parts) => {
                let paren = prec > 0;
                if paren {
                    out.push('(');
                }
                for (k, p) in parts.iter().enumerate() {
                    if k > 0 {
                        out.push_str(" or ");
                    }
                    p.render(names, 1, out);
                }
                if paren {
                    out.push(')');
                }
            }
            GenSel::And(parts) => {
                let paren = prec > 1;
                if paren {
                    out.push('(');
                }
                for (k, p) in parts.iter().enumerate() {
                    if k > 0 {
                        out.push_str(" and ");
                    }
                    p.render(names, 2, out);
                }
                if paren {
                    out.push(')');
                }
            }
            GenSel::Not(inner) => {
                out.push_str("not ");
                inner.render(names, 2, out);
            }
            GenSel::Paren(inner) => {
                out.push('(');
                inner.render(names, 0, out);
                out.push(')');
            }
        }
    }

    fn text(&self, names: &Names<'_>) -> String {
        let mut out = String::new();
        self.render(names, 0, &mut out);
        out
    }
}

impl GenArr {
    fn text(&self) -> String {
        let mode = ["wfo", "wfh", "wfa"][self.mode as usize % 3];
        let p = PCTS[self.p as usize % PCTS.len()];
        let q = PCTS[self.q as usize % PCTS.len()];
        match self.kind % 4 {
            0 => format!("{mode} {p}%"),
            1 => format!("{mode} at most {p}%"),
            2 => format!("{mode} at least {p}%"),
            _ => format!("{mode} {}%..{}%", p.min(q), p.max(q)),
        }
    }
}

/// The circular number of the circular at `index`.
pub fn circular_id(index: usize) -> String {
    format!("SE-{}/2024", index + 1)
}

impl GenCircular {
    /// First and last valid day offsets (`None` last: open-ended).
    fn validity(&self) -> (u64, Option<u64>) {
        let from = FROM[self.from as usize % FROM.len()];
        (from, self.len.map(|l| from + LEN[l as usize % LEN.len()]))
    }

    /// The windows of the validity, as offsets: one, or two around a gap of one to three days
    /// when the validity has at least six days. The last of an open-ended one is
    /// `from + OPEN_SPAN` (for drawing `during` periods only).
    fn windows(&self) -> Vec<(u64, u64)> {
        let (from, to) = self.validity();
        let Some(to) = to else {
            return vec![(from, from + OPEN_SPAN)];
        };
        match self.gap {
            Some((at, len)) if to - from >= 5 => {
                let len = 1 + len as u64 % 3;
                let first_end = from + at as u64 % (to - from - len - 1).max(1);
                let second = (first_end + len + 1).min(to);
                vec![(from, first_end), (second, to)]
            }
            _ => vec![(from, to)],
        }
    }

    fn render(
        &self,
        index: usize,
        count: usize,
        (n_gov, flags): (u8, Option<u8>),
        out: &mut String,
    ) {
        let level = ["national", "provincial", "local"][self.level as usize % 3];
        let _ = writeln!(out, "circular \"{}\" {{", circular_id(index));
        let _ = writeln!(out, "  issuer \"Issuer {index}\" level {level}");
        let signed = day_at(SIGNED[self.signed as usize % SIGNED.len()]);
        let _ = writeln!(out, "  signed {signed}");
        let (from, to) = self.validity();
        let windows = self.windows();
        match to {
            Some(_) => {
                let shown: Vec<String> = windows
                    .iter()
                    .map(|&(a, b)| format!("{} to {}", day_at(a), day_at(b)))
                    .collect();
                let _ = writeln!(out, "  valid {}", shown.join(", "));
            }
            None => {
                let _ = writeln!(out, "  valid from {}", day_at(from));
            }
        }
        match &self.scope {
            None => out.push_str("  scope all\n"),
            Some(govs) => {
                let mut names: Vec<&str> = Vec::new();
                for g in govs {
                    let name = GOVS[(*g % n_gov) as usize];
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
                let list: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
                let _ = writeln!(out, "  scope {}", list.join(", "));
            }
        }
        if let Some(r) = self.revokes {
            let target = r as usize % count;
            if target != index {
                let _ = writeln!(out, "  revokes \"{}\"", circular_id(target));
            }
        }
        for (k, members) in self.sectors.iter().enumerate() {
            let units = members.iter().map(|i| UNITS[*i as usize % UNITS.len()]);
            let _ = writeln!(out, "  sector sec_{k} = {}", quoted(units));
        }
        if let Some(places) = &self.region {
            let places = places.iter().map(|i| PLACES[*i as usize % PLACES.len()]);
            let _ = writeln!(out, "  region reg = {}", quoted(places));
        }
        if let Some(govs) = &self.govs {
            let govs = govs.iter().map(|i| GOVS[(*i % (n_gov + 2)) as usize]);
            let _ = writeln!(out, "  govs gs = {}", quoted(govs));
        }
        let names = Names {
            n_gov,
            traits: flags.unwrap_or(0),
            sectors: self.sectors.len(),
            region: self.region.as_deref(),
            govs: self.govs.is_some(),
        };
        if let Some(e) = &self.exempt {
            let _ = writeln!(out, "  exempt {}", e.text(&names));
        }
        let when = flags.is_some();
        if when && self.rules.iter().any(|r| r.when.is_some()) {
            let _ = writeln!(
                out,
                "  condition {} \"dalam kondisi mendesak\"",
                CONDITIONS[0]
            );
        }
        let _ = from;
        for (i, r) in self.rules.iter().enumerate() {
            let sel = r
                .sel
                .as_ref()
                .map_or("otherwise".into(), |s| s.text(&names));
            let _ = write!(out, "  rule r{i}: {sel} => {}", r.arr.text());
            let mut mods: Vec<String> = Vec::new();
            for e in &r.except {
                mods.push(format!("except {}", e.text(&names)));
            }
            if i > 0 {
                let mut targets: Vec<usize> = r.overrides.iter().map(|t| *t as usize % i).collect();
                targets.sort_unstable();
                targets.dedup();
                if !targets.is_empty() {
                    let list: Vec<String> = targets.iter().map(|t| format!("r{t}")).collect();
                    mods.push(format!("overrides {}", list.join(", ")));
                }
            }
            if let Some((a, b)) = r.during {
                // Each period inside one window of the validity.
                let inside = |w: u8, a: u8, b: u8| {
                    let (start, end) = windows[w as usize % windows.len()];
                    let span = end - start;
                    let (a, b) = (a as u64 % (span + 1), b as u64 % (span + 1));
                    format!(
                        "{} to {}",
                        day_at(start + a.min(b)),
                        day_at(start + a.max(b))
                    )
                };
                let mut periods = vec![inside(0, a, b)];
                if let Some((w, c, d)) = r.during2 {
                    periods.push(inside(w, c, d));
                }
                mods.push(format!("during {}", periods.join(", ")));
            }
            if let Some(bits) = r.every {
                let bits = if bits & 0x7f == 0 {
                    1 << 4
                } else {
                    bits & 0x7f
                };
                let days: Vec<&str> = (0..7)
                    .filter(|k| bits & (1 << k) != 0)
                    .map(|k| WEEKDAYS[k])
                    .collect();
                mods.push(match days.as_slice() {
                    [one] => format!("every {one}"),
                    many => format!("every [{}]", many.join(", ")),
                });
            }
            match r.when.filter(|_| when) {
                Some(true) => mods.push(format!("when {}", CONDITIONS[0])),
                Some(false) => mods.push(format!("when not {}", CONDITIONS[0])),
                None => {}
            }
            if !mods.is_empty() {
                let k = r.rotate as usize % mods.len();
                mods.rotate_left(k);
            }
            for m in mods {
                let _ = write!(out, " {m}");
            }
            out.push('\n');
        }
        for (rank, sel) in &self.priorities {
            let _ = writeln!(out, "  wfh priority {rank}: {}", sel.text(&names));
        }
        out.push_str("}\n\n");
    }
}

impl GenWorkspace {
    /// The files of the workspace.
    pub fn sources(&self) -> Vec<Source> {
        let files = self.files.clamp(1, 2) as usize;
        let mut texts = vec![String::new(); files];
        if let Some(b) = self.baseline {
            let _ = writeln!(
                texts[0],
                "baseline wfo {}%\n",
                PCTS[b as usize % PCTS.len()]
            );
        }
        let cal = &self.calendar;
        if cal.none {
            texts[0].push_str(
                "calendar none

",
            );
        }
        if let Some(w) = cal.workweek {
            let (a, b) = [
                ("monday", "saturday"),
                ("sunday", "thursday"),
                ("tuesday", "friday"),
            ][w as usize % 3];
            let _ = writeln!(
                texts[files - 1],
                "workweek {a} to {b}
"
            );
        }
        for (k, &(at, extra)) in cal.holidays.iter().enumerate() {
            let from = day_at(u64::from(at % 70));
            let to = from + Days::new(u64::from(extra % 3));
            let range = if to == from {
                format!("{from}")
            } else {
                format!("{from} to {to}")
            };
            let _ = writeln!(texts[k % files], "holiday {range} \"Libur {k}\"\n");
        }
        let count = self.circulars.len();
        for (i, c) in self.circulars.iter().enumerate() {
            c.render(i, count, (self.n_gov, self.flags), &mut texts[i % files]);
        }
        texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| Source {
                name: format!("gen{i}.se"),
                text,
            })
            .collect()
    }

    /// Every file, one after the other, with its name (for failure messages).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for s in self.sources() {
            let _ = writeln!(out, "// ----- {}\n{}", s.name, s.text);
        }
        out
    }

    /// Loads the workspace, asserting that it is well formed (every circular resolved, no
    /// error a generator bug would cause).
    pub fn load(&self) -> Workspace {
        let ws = load(self.sources());
        let bad: Vec<String> = ws
            .diagnostics
            .iter()
            .filter(|d| GENERATOR_BUGS.contains(&d.code))
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect();
        assert!(bad.is_empty(), "generator bug: {bad:?} in\n{}", self.text());
        assert_eq!(
            ws.circulars.len(),
            self.circulars.len(),
            "generator bug: a circular did not resolve in\n{}",
            self.text()
        );
        ws
    }
}
