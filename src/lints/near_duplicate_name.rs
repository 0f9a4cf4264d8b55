//! `near-duplicate-name` (warning)
//!
//! **What it finds:** two unit, place, government or function names of the workspace that are
//! equal but for case, spacing or punctuation (for a function, underscores), or that differ by one
//! letter (names of 8 or more letters, underscores not counted) or two letters (12 or more); two
//! letters swapped count as one. Shorter names are left alone: Indonesian agency acronyms such as
//! `RSUD`/`RSJ` or `Bapenda`/`Bappeda` are often a letter apart and name different agencies. So
//! are numbered siblings (`UPTD Wilayah I`/`UPTD Wilayah II`, `shift_1`/`shift_2`). Each spelling
//! is reported once, at its first occurrence, against the earliest spelling close to it.
//!
//! **Why it matters:** edaran compares names exactly: `Dinas Kesehatan` and `Dinas  kesehatan` are
//! two units, and `direct_service` and `direct_servce` two functions, so a rule written for one
//! silently misses the other.
//!
//! **Example:** `sector critical = ["Dinas Kesehatan"]` and `unit "Dinas Kesehatn"`.
//!
//! **Fix:** spell the same unit the same way everywhere.

use crate::diagnostic::{Code, Diagnostic};
use crate::span::{FileId, Span};
use crate::syntax::ast;
use crate::syntax::ast::{
    ClauseKind, Dimension, Item, QueryKind, Scope, Selector, SelectorKind, SetKind, Values,
};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    Unit,
    Place,
    Gov,
    Function,
    Condition,
    Trait,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Unit => "unit",
            Kind::Place => "place",
            Kind::Gov => "government",
            Kind::Function => "function",
            Kind::Condition => "condition",
            Kind::Trait => "trait",
        }
    }

    /// How two names of this kind that are equal once normalised differ: by `underscores`, or
    /// by `case`, spacing or punctuation (the message's words).
    fn same_letters(self) -> &'static str {
        match self {
            // An identifier has no case, spaces or punctuation but its underscores.
            Kind::Function | Kind::Condition | Kind::Trait => "underscores",
            _ => "case",
        }
    }
}

/// Every occurrence of a name: the first place each distinct spelling is written.
/// The names written in some files, each with where it is first written.
#[derive(Clone, Debug, Default)]
pub(super) struct Names {
    /// Keyed by the name as edaran compares it: unit paths normalised, other names trimmed.
    first: BTreeMap<(Kind, String), (FileId, Span)>,
}

impl Names {
    /// Adds the names of another set of files.
    pub(super) fn merge(&mut self, other: Names) {
        for (key, at) in other.first {
            let entry = self.first.entry(key).or_insert(at);
            if at < *entry {
                *entry = at;
            }
        }
    }

    fn add(&mut self, kind: Kind, name: &str, file: FileId, span: Span) {
        let name = match kind {
            Kind::Unit => crate::text::normalize_unit(name),
            _ => crate::text::normalize_name(name).into_owned(),
        };
        let entry = self.first.entry((kind, name)).or_insert((file, span));
        if (file, span) < *entry {
            *entry = (file, span);
        }
    }

    fn values(&mut self, kind: Kind, v: &Values, file: FileId) {
        match v {
            Values::One(s) => self.add(kind, &s.node, file, s.span),
            Values::List(list) => list
                .iter()
                .for_each(|s| self.add(kind, &s.node, file, s.span)),
            Values::Named(_) => {}
        }
    }

    fn selector(&mut self, s: &Selector, file: FileId) {
        match &s.node {
            SelectorKind::Or(parts) | SelectorKind::And(parts) => {
                parts.iter().for_each(|p| self.selector(p, file))
            }
            SelectorKind::Not(inner) => self.selector(inner, file),
            SelectorKind::Unit(v) => self.values(Kind::Unit, v, file),
            SelectorKind::Domicile(v) | SelectorKind::Office(v) => {
                self.values(Kind::Place, v, file)
            }
            SelectorKind::Gov(v) => self.values(Kind::Gov, v, file),
            SelectorKind::Function(names) => names
                .iter()
                .for_each(|f| self.add(Kind::Function, &f.node, file, f.span)),
            SelectorKind::Trait(names) => names
                .iter()
                .for_each(|t| self.add(Kind::Trait, &t.node, file, t.span)),
            SelectorKind::All | SelectorKind::Sector(_) => {}
        }
    }

    fn dimension(&mut self, d: &crate::span::Spanned<Dimension>, file: FileId) {
        match &d.node {
            Dimension::Domicile(p) | Dimension::Office(p) => self.add(Kind::Place, p, file, d.span),
            Dimension::Gov(g) => self.add(Kind::Gov, g, file, d.span),
            Dimension::Function(f) => self.add(Kind::Function, f, file, d.span),
            Dimension::Condition { name, .. } => self.add(Kind::Condition, name, file, d.span),
            Dimension::Trait { name, .. } => self.add(Kind::Trait, name, file, d.span),
        }
    }

    /// The names written in one file.
    pub(super) fn of(file: FileId, f: &ast::File) -> Names {
        let mut names = Names::default();
        for item in &f.items {
            match item {
                Item::Set(def) => set(&mut names, def, file),
                Item::Circular(c) => {
                    for clause in &c.clauses {
                        match &clause.node {
                            ClauseKind::Set(def) => set(&mut names, def, file),
                            ClauseKind::Scope(Scope::Govs(govs)) => govs
                                .iter()
                                .for_each(|g| names.add(Kind::Gov, &g.node, file, g.span)),
                            ClauseKind::Condition { name, .. } => {
                                names.add(Kind::Condition, &name.node, file, name.span)
                            }
                            other => other.selectors().for_each(|s| names.selector(s, file)),
                        }
                    }
                }
                Item::Test(t) => {
                    t.given.iter().for_each(|d| names.dimension(d, file));
                    for e in &t.expects {
                        if let QueryKind::Wfo(s) | QueryKind::Explain(s) | QueryKind::Priority(s) =
                            &e.query.kind
                        {
                            names.add(Kind::Unit, &s.unit.node, file, s.unit.span);
                            s.dims.iter().for_each(|d| names.dimension(d, file));
                        }
                    }
                }
                Item::Baseline(_)
                | Item::Holiday(_)
                | Item::Workweek(_)
                | Item::CalendarNone(_) => {}
            }
        }
        names
    }
}

fn set(names: &mut Names, def: &crate::syntax::ast::SetDef, file: FileId) {
    let kind = match def.kind {
        SetKind::Sector => Kind::Unit,
        SetKind::Region => Kind::Place,
        SetKind::Govs => Kind::Gov,
    };
    for m in &def.members {
        names.add(kind, &m.node, file, m.span);
    }
}

/// Lowercase, without spaces and punctuation other than the unit separator `/`.
fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_' | '.' | ','))
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many letters two normalised names of these lengths may differ by and still be reported.
fn allowed(len: usize) -> usize {
    match len {
        0..8 => 0,
        8..12 => 1,
        _ => 2,
    }
}

/// The numbers of a name: its words written in digits or in Roman numerals (`UPTD Wilayah II`,
/// `Puskesmas 2`). Names that differ in their numbers are numbered siblings, not misspellings.
/// A function, condition or trait name is an identifier: its words are separated by
/// underscores, its Roman numerals are lowercase (`eselon_ii`), and its digits may be glued to a
/// word (`shift2`).
fn numbering(kind: Kind, name: &str) -> Vec<&str> {
    if matches!(kind, Kind::Function | Kind::Condition | Kind::Trait) {
        let mut out = Vec::new();
        for w in name.split('_').filter(|w| !w.is_empty()) {
            if w.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) {
                out.push(w);
            } else {
                out.extend(
                    w.split(|c: char| !c.is_ascii_digit())
                        .filter(|d| !d.is_empty()),
                );
            }
        }
        return out;
    }
    name.split(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '.' | ',' | '(' | ')'))
        .filter(|w| {
            !w.is_empty()
                && (w.chars().all(|c| c.is_ascii_digit())
                    || w.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
        })
        .collect()
}

/// True when two different normalised names are one or two letters apart. Unit paths are
/// compared segment by segment: they must differ in one segment only, and that segment by the
/// allowance of its own length (`Bapenda/UPTD` and `Bappeda/UPTD` are different agencies).
fn near(kind: Kind, a: &str, b: &str) -> bool {
    let close = |x: &str, y: &str| {
        let (nx, ny) = (x.chars().count(), y.chars().count());
        let limit = allowed(nx.min(ny));
        // Lengths further apart than the limit need more edits than it allows: no need to
        // compute the distance.
        limit > 0 && nx.abs_diff(ny) <= limit && strsim::damerau_levenshtein(x, y) <= limit
    };
    if kind != Kind::Unit {
        return close(a, b);
    }
    let (sa, sb): (Vec<&str>, Vec<&str>) = (a.split('/').collect(), b.split('/').collect());
    if sa.len() != sb.len() {
        return false;
    }
    let differing: Vec<(&str, &str)> = sa.into_iter().zip(sb).filter(|(x, y)| x != y).collect();
    matches!(differing.as_slice(), [(x, y)] if close(x, y))
}

/// The strings obtained by deleting up to `k` characters (the symmetric-delete index: two strings
/// within edit distance `k` share one of them).
/// The hashes of every string `s` becomes when up to `k` (at most 2) of its characters are
/// deleted, sorted and without repeats: the keys of the symmetric-delete index. Two names within
/// `k` edits share a key. The variants are hashed, not built: a name of twenty letters has 211
/// of them. A collision only adds a candidate, which [`near`] then rejects.
fn deletions(s: &[char], k: usize, out: &mut Vec<u64>) {
    const NONE: usize = usize::MAX;
    // FNV-1a over the characters left.
    let hash = |skip: (usize, usize)| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for (p, &c) in s.iter().enumerate() {
            if p != skip.0 && p != skip.1 {
                h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        h
    };
    out.clear();
    out.push(hash((NONE, NONE)));
    if k >= 1 {
        for i in 0..s.len() {
            out.push(hash((i, NONE)));
            if k >= 2 {
                for j in i + 1..s.len() {
                    out.push(hash((i, j)));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// A spelling of a name and where it is first written.
type Spelling<'a> = (&'a str, (FileId, Span));

pub(super) fn check(names: &Names, out: &mut Vec<Diagnostic>) {
    // Group spellings by kind and normalised form.
    let mut by_norm: BTreeMap<(Kind, String), Vec<Spelling<'_>>> = BTreeMap::new();
    for ((kind, name), &at) in &names.first {
        let (kind, name) = (*kind, name.as_str());
        by_norm
            .entry((kind, normalize(name)))
            .or_default()
            .push((name, at));
    }
    // (kind, first spelling, later spelling, equal but for case and spacing)
    let mut pairs: Vec<(Kind, Spelling<'_>, Spelling<'_>, bool)> = Vec::new();
    for ((kind, _), spellings) in &by_norm {
        let mut spellings = spellings.clone();
        spellings.sort_by_key(|s| s.1);
        for other in &spellings[1..] {
            pairs.push((*kind, spellings[0], *other, true));
        }
    }
    // Names one or two letters apart: candidates from the symmetric-delete index.
    let keys: Vec<&(Kind, String)> = by_norm.keys().collect();
    // The index is a sorted list of (kind, variant, name), not a map of lists: most variants
    // belong to one name only, and a list each would be an allocation each.
    let mut index: Vec<(Kind, u64, usize)> = Vec::new();
    let mut dels = Vec::new();
    for (i, (kind, norm)) in keys.iter().enumerate() {
        let chars: Vec<char> = norm.chars().collect();
        let k = allowed(chars.len());
        if k == 0 {
            continue;
        }
        deletions(&chars, k, &mut dels);
        index.extend(dels.iter().map(|&d| (*kind, d, i)));
    }
    index.sort_unstable();
    // The first spelling of each name, and its numbers.
    let firsts: Vec<Spelling<'_>> = keys
        .iter()
        .map(|k| {
            *by_norm[*k]
                .iter()
                .min_by_key(|s| s.1)
                .expect("a name has a spelling")
        })
        .collect();
    let numbers: Vec<Vec<&str>> = keys
        .iter()
        .zip(&firsts)
        .map(|(k, s)| numbering(k.0, s.0))
        .collect();
    // Per name, the earliest name before it that is close to it: the one it is reported
    // against. Within the names sharing a variant, only those of the same numbers are compared
    // (numbered siblings, `Wilayah 1` and `Wilayah 2`, are not misspellings), earliest first,
    // and a name stops at the first close one: 200,000 names such as `Pemerintah Kabupaten G1`
    // share variants, and comparing every two of them was quadratic.
    let mut best: Vec<Option<usize>> = vec![None; keys.len()];
    let mut group: Vec<usize> = Vec::new();
    for run in index.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        group.clear();
        group.extend(run.iter().map(|&(_, _, i)| i));
        group
            .sort_unstable_by(|&a, &b| (&numbers[a], firsts[a].1).cmp(&(&numbers[b], firsts[b].1)));
        group.dedup();
        for same in group.chunk_by(|&a, &b| numbers[a] == numbers[b]) {
            for (j, &b) in same.iter().enumerate() {
                for &a in &same[..j] {
                    if best[b].is_some_and(|e| firsts[e].1 <= firsts[a].1) {
                        break;
                    }
                    if near(keys[a].0, &keys[a].1, &keys[b].1) {
                        best[b] = Some(a);
                        break;
                    }
                }
            }
        }
    }
    for (b, a) in best.iter().enumerate() {
        if let Some(a) = *a {
            pairs.push((keys[a].0, firsts[a], firsts[b], false));
        }
    }
    // One diagnostic per later spelling, against the earliest spelling close to it: two
    // misspellings of one name are not also reported against each other.
    pairs.sort_by_key(|&(kind, first, later, _)| (kind, later.1, later.0, first.1));
    pairs.dedup_by_key(|&mut (kind, _, later, _)| (kind, later.0));
    for (kind, (first, first_at), (later, later_at), same_letters) in pairs {
        let how = if same_letters {
            kind.same_letters()
        } else if strsim::damerau_levenshtein(&normalize(first), &normalize(later)) == 1 {
            "one"
        } else {
            "two"
        };
        let noun = kind.noun();
        out.push(
            Diagnostic::of(
                Code::NearDuplicateName,
                later_at.0,
                later_at.1,
                crate::text!(
                    "near-duplicate",
                    noun = noun,
                    later = later,
                    first = first,
                    how = how
                ),
            )
            .with_label_text(crate::text!("quoted-name", name = later))
            .with_secondary_text(
                first_at.0,
                first_at.1,
                crate::text!("near-duplicate-first", name = first),
            )
            .with_help_text(crate::text!("near-duplicate-help", noun = noun)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_acronyms_are_never_near_duplicates() {
        assert_eq!(allowed(normalize("RSUD").len()), 0);
        assert_eq!(allowed(normalize("Bappeda").len()), 0);
    }

    #[test]
    fn numbered_siblings_differ_in_their_numbers() {
        let unit = |name| numbering(Kind::Unit, name);
        assert_ne!(
            unit("Bapenda/UPTD Wilayah I"),
            unit("Bapenda/UPTD Wilayah II")
        );
        assert_ne!(unit("Puskesmas Serang 1"), unit("Puskesmas Serang 2"));
        assert_eq!(unit("Dinas Kesehatan"), unit("Dinas Kesehatn"));
    }

    #[test]
    fn numbered_functions_differ_in_their_numbers() {
        let function = |name| numbering(Kind::Function, name);
        assert_ne!(function("field_shift_1"), function("field_shift_2"));
        assert_ne!(function("field_shift1"), function("field_shift2"));
        assert_ne!(
            function("officials_eselon_ii"),
            function("officials_eselon_iii")
        );
        assert_eq!(function("direct_service"), function("direct_servce"));
        assert_eq!(function("direct_service"), Vec::<&str>::new());
    }

    #[test]
    fn function_names_are_compared_without_underscores() {
        assert_eq!(normalize("direct_service"), normalize("directservice"));
        // 12 letters once the underscore is left out: two letters allowed.
        assert_eq!(allowed(normalize("direct_servce").len()), 2);
        assert!(near(
            Kind::Function,
            &normalize("direct_servce"),
            &normalize("direct_service")
        ));
        // `field_duty` has 9 letters: one allowed, and `field_duties` is two away.
        assert!(!near(
            Kind::Function,
            &normalize("field_duty"),
            &normalize("field_duties")
        ));
    }

    #[test]
    fn deletions_find_a_transposition() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        deletions(&"kesehatan".chars().collect::<Vec<_>>(), 1, &mut a);
        deletions(&"kesehtaan".chars().collect::<Vec<_>>(), 1, &mut b);
        assert!(a.iter().any(|h| b.contains(h)));
    }

    /// The hashed variants are those of the strings: deleting up to `k` characters, compared
    /// with every such string built and hashed the same way.
    #[test]
    fn deletions_hash_every_variant_and_only_those() {
        let built = |s: &[char]| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for &c in s {
                h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
            }
            h
        };
        for word in ["dinas", "kesehatan", "aab", ""] {
            let s: Vec<char> = word.chars().collect();
            for k in 0..=2 {
                let mut expected = vec![built(&s)];
                for i in 0..s.len() {
                    let mut one = s.clone();
                    one.remove(i);
                    if k >= 1 {
                        expected.push(built(&one));
                    }
                    for j in i..one.len() {
                        let mut two = one.clone();
                        two.remove(j);
                        if k >= 2 {
                            expected.push(built(&two));
                        }
                    }
                }
                expected.sort_unstable();
                expected.dedup();
                let mut got = Vec::new();
                deletions(&s, k, &mut got);
                assert_eq!(got, expected, "{word} {k}");
            }
        }
    }
}
