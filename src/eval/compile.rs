//! Compiling circulars into regions, once per workspace: every circular's validity,
//! revocation, scope, exemptions, priorities and rules become regions of the [region
//! algebra](crate::region), and what circulars repeat is compiled once and shared.

use crate::model::{Circular, CircularId, GovScope, Sel, SmallList};
use crate::region::{self, Block, Day, Dim, Flags, Region, Universe, Weekdays};
use foldhash::HashMap;
use std::sync::Arc;

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
    /// The weekdays of its `every` ([`Weekdays::ALL`] without one).
    pub days: Weekdays,
    /// What its `when` requires of the conditions ([`Flags::FULL`] without one).
    pub when: Flags,
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
    /// The regions of its rules, exemptions and priorities that mention flags (conditions,
    /// traits), with the flags each mentions: what a question that leaves a flag out may
    /// depend on ([`super::Engine::cases`]). Empty for nearly every circular.
    pub flagged: Vec<([u64; Dim::FLAGS], Region)>,
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
pub(super) fn in_windows(windows: &[(Day, Day)], day: Day) -> bool {
    match windows {
        [(a, b)] => *a <= day && day <= *b,
        _ => windows.iter().any(|&(a, b)| a <= day && day <= b),
    }
}

impl CompiledRule {
    /// Where the rule's own conditions hold (selector minus except, within `during`), ignoring
    /// the circular and the other rules. For `otherwise`, the selector is everyone.
    pub fn own(&self) -> Region {
        let mut r = self.matched().with_weekdays(self.days);
        if !self.when.is_full() {
            let mut when = Block::full();
            when.flags[Dim::Condition.flag_index()] = self.when;
            r = r.intersect(&Region::from_block(when));
        }
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

/// The regions circulars repeat, each compiled once: scopes, exemptions and priorities (the
/// circulars of one government share them from one circular to the next), and the empty region
/// of a rule without `except`.
pub(super) struct Shared<'w> {
    scopes: HashMap<&'w GovScope, Arc<Region>>,
    /// Per circular to compile, what its `exempt` clauses remove.
    exempts: Vec<Option<Arc<Region>>>,
    priorities: HashMap<&'w Sel, Arc<Region>>,
    /// The selectors that several rules share (`unit "X" and function service`, written in
    /// circular after circular), by address: resolution gives equal selectors one address.
    selectors: HashMap<usize, Arc<Region>>,
    nothing: Arc<Region>,
}

impl<'w> Shared<'w> {
    /// What the circulars `todo` (numbers in `circulars`, in order) repeat, for compiling them.
    pub(super) fn new(
        circulars: &'w [Circular],
        todo: &[CircularId],
        universe: &Universe,
    ) -> Shared<'w> {
        let mut shared = Shared {
            scopes: HashMap::default(),
            exempts: vec![None; circulars.len()],
            priorities: HashMap::default(),
            selectors: HashMap::default(),
            nothing: Arc::new(Region::empty()),
        };
        let todo = || todo.iter().map(|&i| (i, &circulars[i]));
        for sel in todo()
            .flat_map(|(_, c)| &c.rules)
            .filter_map(|r| r.selector.as_ref())
            .filter(|sel| Arc::strong_count(sel) > 1)
        {
            shared
                .selectors
                .entry(Arc::as_ptr(sel) as usize)
                .or_insert_with(|| Arc::new(universe.region(sel).compact()));
        }
        let mut exempts: HashMap<Vec<&Sel>, Arc<Region>> = HashMap::default();
        for (i, c) in todo() {
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
            shared.exempts[i] = Some(exempt.clone());
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

pub(super) fn compile(
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
                days: r.every.map_or(Weekdays::ALL, |(days, _)| days),
                when: r.when.map_or(Flags::FULL, |w| {
                    match universe.class_of(Dim::Condition, w.name) {
                        Some(flag) if w.holds => Flags::has(flag),
                        Some(flag) => Flags::lacks(flag),
                        // Past the flags a workspace can have (reported): a condition that
                        // cannot be told never holds.
                        None if w.holds => Flags { yes: 1, no: 1 },
                        None => Flags::FULL,
                    }
                }),
            }
        })
        .collect::<Vec<CompiledRule>>();
    let mut flagged = Vec::new();
    for r in &rules {
        // `own` holds the selector's and `when`'s flags; an `except` of a flag may leave no
        // trace in it (`all except trait t` is the blocks without `t`, which do mention it,
        // but `unit "A" except trait t and unit "B"` need not).
        let own = r.own();
        let mut mask = mentioned(&own);
        for (m, e) in mask.iter_mut().zip(mentioned(&r.except)) {
            *m |= e;
        }
        if mask.iter().any(|&m| m != 0) {
            flagged.push((mask, own));
        }
    }
    let exempt = shared.exempts[i]
        .clone()
        .unwrap_or_else(|| shared.nothing.clone());
    let priorities: Vec<(u32, Arc<Region>)> = c
        .priorities
        .iter()
        .map(|p| (p.rank, shared.priorities[&p.selector].clone()))
        .collect();
    for region in std::iter::once(&exempt).chain(priorities.iter().map(|(_, r)| r)) {
        let mask = mentioned(region);
        if mask.iter().any(|&m| m != 0) {
            flagged.push((mask, (**region).clone()));
        }
    }
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
        exempt,
        rules,
        priorities,
        flagged,
    }
}

/// The flags of each yes/no dimension a region's blocks mention.
fn mentioned(region: &Region) -> [u64; Dim::FLAGS] {
    let mut mask = [0u64; Dim::FLAGS];
    for b in region.blocks() {
        for (m, f) in mask.iter_mut().zip(&b.flags) {
            *m |= f.mentioned();
        }
    }
    mask
}
