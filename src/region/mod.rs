//! The region algebra: sets of points, a point being a date and one class of each dimension of
//! [`crate::dim::TABLE`] (gov x unit x function x domicile x office today).
//!
//! **Architecture invariant:** this is the only implementation of "which subjects, on which
//! dates, does this selector cover". Queries, explanations and the conflict analysis all ask it;
//! none of them interprets a selector on its own.
//!
//! How it works. The values a workspace mentions split each dimension into finitely many
//! *classes*, as its [`Kind`] says: for a flat dimension (gov, function, domicile, office) each
//! mentioned value is a class, plus one class for every value never mentioned ("other"). For a
//! hierarchical one (units), a mentioned path `p` is the class of paths whose deepest mentioned
//! ancestor-or-self is `p`; paths below no mentioned path form the "other" class. The algebra
//! reads nothing else of a dimension: it iterates the table, and only the words of
//! descriptions and witnesses ask an entry's fields. Every selector is a union of classes in
//! each dimension, so a set of one dimension is a finite or co-finite [`ClassSet`], and a region
//! is a union of [`Block`]s: a closed date interval times one class set per dimension.
//! Intersection, difference, complement and emptiness are exact; a non-empty region yields a
//! concrete witness.

mod blocks;
mod classes;
mod flags;

pub use blocks::{Block, Point, Region, tighten, weekday};

pub use flags::{Flags, MAX_FLAGS};

pub use classes::ClassSet;

pub use crate::dim::{Dim, Kind};

pub use crate::calendar::Weekdays;

use crate::lang::Lang;
use crate::model::{Circular, GovScope, Interner, Sel, Sym};
use crate::syntax::keywords::word;
use chrono::{Datelike, NaiveDate};
use std::fmt::Write as _;

/// A date as a day number (days from the common era; see [`day`] and [`date`]).
pub type Day = i32;

/// The first day any region can hold.
pub const FIRST_DAY: Day = 0;
/// The last day any region can hold.
pub const LAST_DAY: Day = 10_000 * 366;

/// The day number of a date.
pub fn day(date: NaiveDate) -> Day {
    date.num_days_from_ce()
}

/// The date of a day number.
pub fn date(day: Day) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or(NaiveDate::MAX)
}

/// In [`Universe`]'s index: the string is no value of the dimension.
const NO_CLASS: u32 = u32::MAX;

/// The classes of every dimension of one workspace.
#[derive(Clone, Debug, Default)]
pub struct Universe {
    /// Per dimension: the value of each named class (class `i` is `values[i]`; class
    /// `values.len()` is "other").
    values: [Vec<Sym>; Dim::COUNT],
    /// Per dimension: the class of each interned string, by its number ([`NO_CLASS`] for a
    /// string the dimension does not name). Symbols are dense, so this is an array, not a hash
    /// map: compiling a national corpus looks classes up millions of times.
    index: [Vec<u32>; Dim::COUNT],
    /// Per hierarchical dimension, per class: the classes at or below it (sorted); empty for
    /// the flat dimensions.
    subtree: [Vec<Vec<u32>>; Dim::COUNT],
}

/// The parent path of a unit path (`A/B/C` to `A/B`), if any.
pub fn parent(path: &str) -> Option<&str> {
    path.rfind('/').map(|i| &path[..i])
}

impl Universe {
    /// The universe of a set of circulars: every value their selectors and scopes mention, and
    /// the governments of the workspace's named sets (`set_govs`), used or not.
    pub fn new(circulars: &[Circular], set_govs: &[Sym], interner: &Interner) -> Universe {
        let mut builder = UniverseBuilder::default();
        for c in circulars {
            builder.circular(c);
        }
        set_govs.iter().for_each(|&g| builder.add(Dim::Gov, g));
        builder.build(interner)
    }

    /// The universe of the values `values` (in any order, repeats allowed), as
    /// [`Universe::new`] of the circulars that name them ([`Circular::values`]): for a caller
    /// that keeps the values of each file (`check::Session`).
    pub fn of_values(
        values: impl IntoIterator<Item = (Dim, Sym)>,
        interner: &Interner,
    ) -> Universe {
        let mut builder = UniverseBuilder::default();
        values.into_iter().for_each(|(d, v)| builder.add(d, v));
        builder.build(interner)
    }

    /// The universe of some selectors alone (for tests and tools).
    pub fn of_selectors<'a>(
        sels: impl IntoIterator<Item = &'a Sel>,
        interner: &Interner,
    ) -> Universe {
        let mut builder = UniverseBuilder::default();
        sels.into_iter().for_each(|s| builder.sel(s));
        builder.build(interner)
    }

    /// True when `other` has the same classes, each of the same value: what is compiled in the
    /// one holds in the other (the values are symbols of one interner).
    pub fn same_classes(&self, other: &Universe) -> bool {
        self.values == other.values
    }

    /// How many named classes `dim` has; this number is also the "other" class.
    pub fn named(&self, dim: Dim) -> u32 {
        self.values[dim.index()].len() as u32
    }

    /// The value of a class, `None` for "other".
    pub fn value(&self, dim: Dim, class: u32) -> Option<Sym> {
        self.values[dim.index()].get(class as usize).copied()
    }

    /// The class of a named value.
    pub fn class_of(&self, dim: Dim, sym: Sym) -> Option<u32> {
        self.index[dim.index()]
            .get(sym.0 as usize)
            .copied()
            .filter(|&c| c != NO_CLASS)
    }

    /// The class of any value, mentioned or not. A path belongs to the class of its deepest
    /// mentioned ancestor-or-self. Values are normalised as the circulars' own are (each name, or
    /// path segment, trimmed, in NFC, without zero-width characters), so `" Bekasi "` is
    /// `"Bekasi"`.
    pub fn classify(&self, dim: Dim, value: &str, interner: &Interner) -> u32 {
        let other = self.named(dim);
        if dim.kind() != Kind::Hierarchical {
            return interner
                .get(&crate::text::normalize_name(value))
                .and_then(|s| self.class_of(dim, s))
                .unwrap_or(other);
        }
        let normalized = crate::model::normalize_unit(value);
        let mut path = Some(normalized.as_str());
        while let Some(p) = path {
            if let Some(class) = interner.get(p).and_then(|s| self.class_of(dim, s)) {
                return class;
            }
            path = parent(p);
        }
        other
    }

    /// The class set a list of values of `dim` covers: for paths, every class at or below them.
    pub fn set_of(&self, dim: Dim, values: &[Sym]) -> ClassSet {
        let classes = values.iter().filter_map(|&v| self.class_of(dim, v));
        if dim.kind() == Kind::Hierarchical {
            // A path stands for its subtree: size the list once.
            let subtree = &self.subtree[dim.index()];
            let roots: Vec<u32> = classes.collect();
            let total = roots.iter().map(|&c| subtree[c as usize].len()).sum();
            ClassSet::of_at_most(
                total,
                roots
                    .iter()
                    .flat_map(|&c| subtree[c as usize].iter().copied()),
            )
        } else {
            ClassSet::of(classes)
        }
    }

    /// The region of the subjects with one of `values`, flags of a yes/no dimension: for
    /// `[a, b]`, those with `a`, and those without `a` but with `b`, so the blocks are
    /// disjoint. A name the universe has no flag for (past [`MAX_FLAGS`]) adds nothing.
    pub fn flags_region(&self, dim: Dim, values: &[Sym]) -> Region {
        let mut bits: Vec<u32> = values
            .iter()
            .filter_map(|&v| self.class_of(dim, v))
            .collect();
        bits.sort_unstable();
        bits.dedup();
        let mut region = Region::empty();
        let mut before = Flags::FULL;
        for bit in bits {
            let mut block = Block::full();
            block.flags[dim.flag_index()] = before.intersect(Flags::has(bit));
            region.push_disjoint(block);
            before = before.intersect(Flags::lacks(bit));
        }
        region
    }

    /// The region a selector covers, on every date.
    pub fn region(&self, sel: &Sel) -> Region {
        let atom = |dim: Dim, values: &[Sym]| {
            if dim.is_flag() {
                return self.flags_region(dim, values);
            }
            let mut block = Block::full();
            block.sets[dim.index()] = self.set_of(dim, values);
            Region::from_block(block)
        };
        match sel {
            Sel::All => Region::full(),
            Sel::In(dim, v) => atom(*dim, v),
            Sel::And(parts) => {
                let Some((first, rest)) = parts.split_first() else {
                    return Region::full();
                };
                let mut region = self.region(first);
                for p in rest {
                    if region.is_empty() {
                        break;
                    }
                    region = region.intersect(&self.region(p));
                }
                region
            }
            Sel::Or(parts) => {
                // The values of the terms that name one dimension are one class set, so that
                // `unit "A" or unit "B" or ...` of 40,000 terms is one block, not a union that
                // grows (and is subtracted from) term by term. Each dimension's block stands
                // where its first term stood; the other terms are added to the region in place.
                let mut values: [Option<Vec<Sym>>; Dim::COUNT] = Default::default();
                for p in parts.iter() {
                    if let Sel::In(dim, v) = p {
                        values[dim.index()].get_or_insert_default().extend(v.iter());
                    }
                }
                let mut region = Region::empty();
                for p in parts.iter() {
                    let part = match p {
                        Sel::In(dim, _) => match values[dim.index()].take() {
                            Some(all) => atom(*dim, &all),
                            None => continue,
                        },
                        _ => self.region(p),
                    };
                    region.add(&part);
                }
                region
            }
            Sel::Not(inner) => self.region(inner).complement(),
        }
    }

    /// The region of a circular's scope: its governments, every subject and date.
    pub fn scope_region(&self, scope: &GovScope) -> Region {
        match scope {
            GovScope::All => Region::full(),
            GovScope::Govs(govs) => {
                let mut block = Block::full();
                block.sets[Dim::Gov.index()] = self.set_of(Dim::Gov, govs);
                Region::from_block(block)
            }
        }
    }

    /// A readable name of a class.
    pub fn class_name(&self, dim: Dim, class: u32, interner: &Interner) -> String {
        match self.value(dim, class) {
            Some(sym) => interner.resolve(sym).to_string(),
            None => format!("any other {}", dim.keyword()),
        }
    }

    /// A representative value of a class, for witnesses: the class's own value, or a description
    /// of "other".
    pub fn witness_value(&self, dim: Dim, class: u32, interner: &Interner) -> String {
        self.witness_value_in(dim, class, interner, Lang::En)
    }

    /// [`Universe::witness_value`] in `lang`: "fungsi yang tidak disebut surat edaran mana pun".
    pub fn witness_value_in(
        &self,
        dim: Dim,
        class: u32,
        interner: &Interner,
        lang: Lang,
    ) -> String {
        match self.value(dim, class) {
            Some(sym) if !dim.info().string => interner.resolve(sym).to_string(),
            Some(sym) => format!("`{}`", interner.resolve(sym)),
            None => crate::text!("unnamed-value", dim = word(dim.keyword(), lang)).render(lang),
        }
    }

    /// The same set, written as a co-finite set when it holds the "other" class (so that it reads
    /// "not in [...]").
    pub fn normalize(&self, dim: Dim, set: &ClassSet) -> ClassSet {
        let other = self.named(dim);
        if set.is_negated() || !set.contains(other) {
            return set.clone();
        }
        ClassSet::all_but((0..other).filter(|c| !set.contains(*c)))
    }

    /// Describes a class set of one dimension in the user's terms ("any function", "unit in
    /// [`A`, `B`]", "any function except `service`"). `None` when it is full.
    pub fn describe_set(&self, dim: Dim, set: &ClassSet, interner: &Interner) -> Option<String> {
        self.describe_set_in(dim, set, interner, Lang::En)
    }

    /// [`Universe::describe_set`] in `lang`, in the words a question of that language writes
    /// ("fungsi bukan dalam [...]").
    pub fn describe_set_in(
        &self,
        dim: Dim,
        set: &ClassSet,
        interner: &Interner,
        lang: Lang,
    ) -> Option<String> {
        let set = &self.normalize(dim, set);
        if set.is_full() {
            return None;
        }
        let other = self.named(dim);
        let names: Vec<String> = set
            .items()
            .iter()
            .filter(|&&c| c != other)
            .map(|&c| self.quote(dim, c, interner))
            .collect();
        let k = word(dim.keyword(), lang);
        let one = names.len() == 1;
        let names = names.join(", ");
        Some(if set.is_negated() {
            format!("{k} {} {} [{names}]", word("not", lang), word("in", lang))
        } else if set.contains(other) {
            crate::text!("set-in-or-other", k = k, names = names).render(lang)
        } else if one {
            format!("{k} {names}")
        } else {
            format!("{k} {} [{names}]", word("in", lang))
        })
    }

    fn quote(&self, dim: Dim, class: u32, interner: &Interner) -> String {
        let name = self.class_name(dim, class, interner);
        if !dim.info().string {
            name
        } else {
            format!("\"{name}\"")
        }
    }

    /// A flag of a yes/no dimension as a question writes it: "when urgent", "when not
    /// urgent", "trait pregnant", "not trait pregnant".
    pub fn flag_words(&self, dim: Dim, flag: u32, holds: bool, interner: &Interner) -> String {
        self.flag_words_in(dim, flag, holds, interner, Lang::En)
    }

    /// [`Universe::flag_words`] as a question of `lang` writes it: "ketika mendesak".
    pub fn flag_words_in(
        &self,
        dim: Dim,
        flag: u32,
        holds: bool,
        interner: &Interner,
        lang: Lang,
    ) -> String {
        let name = self.value(dim, flag).map_or("?", |s| interner.resolve(s));
        let k = word(dim.keyword(), lang);
        let not = word("not", lang);
        match (holds, dim.info().not_first) {
            (true, _) => format!("{k} {name}"),
            (false, true) => format!("{not} {k} {name}"),
            (false, false) => format!("{k} {not} {name}"),
        }
    }

    /// What a block requires of a yes/no dimension, in words: each flag it requires, then each
    /// it excludes ("when urgent", "not trait pregnant"); empty when it requires nothing.
    pub fn describe_flags(&self, dim: Dim, flags: Flags, interner: &Interner) -> Vec<String> {
        self.describe_flags_in(dim, flags, interner, Lang::En)
    }

    /// [`Universe::describe_flags`] in `lang`.
    pub fn describe_flags_in(
        &self,
        dim: Dim,
        flags: Flags,
        interner: &Interner,
        lang: Lang,
    ) -> Vec<String> {
        let bits = |mask: u64| (0..64u32).filter(move |b| mask & (1 << b) != 0);
        let yes = bits(flags.yes).map(|b| self.flag_words_in(dim, b, true, interner, lang));
        let no = bits(flags.no).map(|b| self.flag_words_in(dim, b, false, interner, lang));
        yes.chain(no).collect()
    }

    /// Describes a block in the user's terms: "unit `Dishub`, function service, 2024-03-04 to
    /// 2024-03-22" (dimensions that are unrestricted are left out; dates always shown).
    pub fn describe_block(&self, block: &Block, interner: &Interner) -> String {
        let mut parts: Vec<String> = Dim::CLASSED
            .iter()
            .filter_map(|&d| self.describe_set(d, &block.sets[d.index()], interner))
            .collect();
        for d in Dim::FLAGGED {
            parts.extend(self.describe_flags(d, block.flags[d.flag_index()], interner));
        }
        parts.push(describe_days(block.from, block.to, block.days));
        parts.join(", ")
    }

    /// One concrete point of a block, in words: "unit `Dishub`, function service, domicile any
    /// domicile not named..., on 2024-03-11".
    pub fn witness(&self, block: &Block, interner: &Interner) -> Option<String> {
        let mut out = String::new();
        for dim in Dim::CLASSED {
            let set = &block.sets[dim.index()];
            let class = set.pick(self.named(dim))?;
            if set.is_full() && !dim.info().required {
                continue;
            }
            if !out.is_empty() {
                out.push_str(", ");
            }
            // "function service", or the value's own words for "other" ("a function no
            // circular names").
            let value = self.witness_value(dim, class, interner);
            if self.value(dim, class).is_some() {
                let _ = write!(out, "{} {value}", dim.keyword());
            } else {
                out.push_str(&value);
            }
        }
        if block.from > block.to {
            return None;
        }
        for dim in Dim::FLAGGED {
            for words in self.describe_flags(dim, block.flags[dim.flag_index()], interner) {
                if !out.is_empty() {
                    out.push_str(", ");
                }
                out.push_str(&words);
            }
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&describe_days(block.from, block.to, block.days));
        Some(out)
    }
}

/// "on Monday 2024-03-11", "Monday 2024-03-04 to Friday 2024-03-22", "from Monday
/// 2024-03-04", "until Friday 2024-03-22", "any date": every date with its weekday.
pub fn describe_dates(from: Day, to: Day) -> String {
    describe_dates_in(from, to, Lang::En)
}

/// [`describe_dates`] in `lang`: "pada Jumat 2026-04-10", "Senin 2024-03-04 sampai ...".
pub fn describe_dates_in(from: Day, to: Day, lang: Lang) -> String {
    let shown = |d: Day| crate::calendar::with_weekday_in(date(d), lang);
    match (from <= FIRST_DAY, to >= LAST_DAY) {
        (true, true) => crate::text!("dates-any"),
        (true, false) => crate::text!("dates-until", to = shown(to)),
        (false, true) => crate::text!("dates-from", from = shown(from)),
        _ if from == to => crate::text!("dates-on", day = shown(from)),
        _ => crate::text!("dates-between", from = shown(from), to = shown(to)),
    }
    .render(lang)
}

/// The days of a block: [`describe_dates`] when it holds every weekday of its interval, else
/// "Fridays from 2026-04-10 to 2026-06-26" (the weekdays say which dates; a single date is
/// "on Friday 2026-04-10").
pub fn describe_days(from: Day, to: Day, days: Weekdays) -> String {
    describe_days_in(from, to, days, Lang::En)
}

/// [`describe_days`] in `lang`: "setiap Jumat mulai 2026-04-10 sampai 2026-06-26".
pub fn describe_days_in(from: Day, to: Day, days: Weekdays, lang: Lang) -> String {
    if days.is_all() || from == to {
        return describe_dates_in(from, to, lang);
    }
    let weekdays = days.plural_in(lang);
    let shown = |d: Day| date(d).to_string();
    match (from <= FIRST_DAY, to >= LAST_DAY) {
        (true, true) => crate::text!("weekly", weekdays = weekdays),
        (true, false) => crate::text!("weekly-until", weekdays = weekdays, to = shown(to)),
        (false, true) => crate::text!("weekly-from", weekdays = weekdays, from = shown(from)),
        _ => crate::text!(
            "weekly-between",
            weekdays = weekdays,
            from = shown(from),
            to = shown(to)
        ),
    }
    .render(lang)
}

#[derive(Default)]
struct UniverseBuilder {
    seen: [Vec<Sym>; Dim::COUNT],
}

impl UniverseBuilder {
    fn add(&mut self, dim: Dim, sym: Sym) {
        self.seen[dim.index()].push(sym);
    }

    fn sel(&mut self, sel: &Sel) {
        sel.visit(&mut |d, v| self.add(d, v));
    }

    fn circular(&mut self, c: &Circular) {
        c.values(&mut |d, v| self.add(d, v));
    }

    fn build(mut self, interner: &Interner) -> Universe {
        let mut universe = Universe::default();
        for dim in Dim::ALL {
            let seen = &mut self.seen[dim.index()];
            // Every mention was pushed: drop the repeats by number first (cheap), then sort by
            // name, so that class numbers (and so output order) do not depend on the order of
            // files. One string is one symbol, so no two left have the same name.
            seen.sort_unstable();
            seen.dedup();
            seen.sort_by(|a, b| interner.resolve(*a).cmp(interner.resolve(*b)));
            // A yes/no dimension has a flag for each of its first `MAX_FLAGS` names only (the
            // resolver refuses a workspace that names more: `too-many-names`).
            if dim.is_flag() {
                seen.truncate(MAX_FLAGS);
            }
            let index = &mut universe.index[dim.index()];
            let len = seen.iter().map(|s| s.0 as usize + 1).max().unwrap_or(0);
            index.resize(len, NO_CLASS);
            for (i, &sym) in seen.iter().enumerate() {
                index[sym.0 as usize] = i as u32;
            }
            universe.values[dim.index()] = std::mem::take(seen);
        }
        for dim in Dim::ALL {
            if dim.kind() == Kind::Hierarchical {
                universe.subtree[dim.index()] = universe.subtrees(dim, interner);
            }
        }
        universe
    }
}

impl Universe {
    /// The subtrees of a hierarchical dimension: each class lists itself and every mentioned
    /// descendant.
    fn subtrees(&self, dim: Dim, interner: &Interner) -> Vec<Vec<u32>> {
        let paths = &self.values[dim.index()];
        let mut subtree: Vec<Vec<u32>> = (0..paths.len() as u32).map(|c| vec![c]).collect();
        for (c, &sym) in paths.iter().enumerate() {
            let mut path = parent(interner.resolve(sym));
            while let Some(p) = path {
                if let Some(anc) = interner.get(p).and_then(|s| self.class_of(dim, s)) {
                    subtree[anc as usize].push(c as u32);
                }
                path = parent(p);
            }
        }
        subtree.iter_mut().for_each(|s| s.sort_unstable());
        subtree
    }
}

#[cfg(test)]
mod tests;
