//! Property tests of the region algebra against a direct reading of selectors on concrete
//! subjects: for random selectors and random subjects (including values no selector mentions),
//! membership in the region agrees with the selector, and the operations agree with membership.
//! The values are one table per dimension (`NAMED`, `PROBES`), read by kind, so a new dimension
//! is one entry in each.

use super::*;
use crate::model::{Interner, Sel};
use proptest::prelude::*;

/// Per dimension (in index order): the values selectors name.
const NAMED: [&[&str]; Dim::COUNT] = [
    &["Banten", "Lampung"],
    &["A", "A/B", "A/B/C", "D", "E/F"],
    &["service", "admin", "field"],
    &["Bekasi", "Bogor"],
    &["Bekasi", "Bogor"],
    &["urgent", "flood"],
    &["pregnant", "echelon_2"],
];

/// Per dimension: the values subjects take, some named by no selector (and, for units, paths
/// below or beside named ones).
const PROBES: [&[&str]; Dim::COUNT] = [
    &["Banten", "Lampung", "Jambi"],
    &[
        "A", "A/B", "A/B/C", "A/X", "A/B/C/Y", "D", "D/Z", "E", "E/F", "Q",
    ],
    &["service", "admin", "field", "teaching"],
    &["Bekasi", "Bogor", "Serang"],
    &["Bekasi", "Bogor", "Serang"],
    // A yes/no dimension's value is the set of flags that hold, joined by `+` (every set of
    // the named ones, so that emptiness can be told exactly), and one named by no selector.
    &["", "urgent", "flood", "flood+urgent", "riot"],
    &["", "pregnant", "echelon_2", "echelon_2+pregnant"],
];

/// A selector over symbolic indices; interned into a real `Sel` by `build`.
#[derive(Clone, Debug)]
enum S {
    All,
    /// Indices into `NAMED` of the dimension.
    In(Dim, Vec<usize>),
    And(Vec<S>),
    Or(Vec<S>),
    Not(Box<S>),
}

fn selector() -> impl Strategy<Value = S> {
    let atom = proptest::sample::select(Dim::ALL.to_vec()).prop_flat_map(|dim| {
        proptest::collection::vec(0..NAMED[dim.index()].len(), 1..3)
            .prop_map(move |ids| S::In(dim, ids))
    });
    let leaf = prop_oneof![1 => Just(S::All), Dim::COUNT as u32 => atom];
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 1..3).prop_map(S::And),
            proptest::collection::vec(inner.clone(), 1..3).prop_map(S::Or),
            inner.prop_map(|s| S::Not(Box::new(s))),
        ]
    })
}

fn build(s: &S, i: &mut Interner) -> Sel {
    match s {
        S::All => Sel::All,
        S::In(dim, ids) => Sel::In(
            *dim,
            ids.iter()
                .map(|&x| i.intern(NAMED[dim.index()][x]))
                .collect(),
        ),
        S::And(p) => Sel::And(p.iter().map(|x| build(x, i)).collect()),
        S::Or(p) => Sel::Or(p.iter().map(|x| build(x, i)).collect()),
        S::Not(x) => Sel::Not(Box::new(build(x, i))),
    }
}

/// A concrete subject: one value per dimension.
type Subject = [&'static str; Dim::COUNT];

/// Every combination of the probe values.
fn subjects() -> Vec<Subject> {
    let mut out = vec![[""; Dim::COUNT]];
    for dim in Dim::ALL {
        out = out
            .into_iter()
            .flat_map(|x| {
                PROBES[dim.index()].iter().map(move |&v| {
                    let mut x = x;
                    x[dim.index()] = v;
                    x
                })
            })
            .collect();
    }
    out
}

/// The slow, direct reading of a selector on a concrete subject (the oracle).
fn matches(s: &S, x: &Subject) -> bool {
    let within = |path: &str, of: &str| path == of || path.starts_with(&format!("{of}/"));
    match s {
        S::All => true,
        S::In(dim, ids) => ids.iter().any(|&i| {
            let (value, named) = (x[dim.index()], NAMED[dim.index()][i]);
            match dim.kind() {
                Kind::Hierarchical => within(value, named),
                Kind::Open | Kind::Closed => value == named,
                Kind::YesNo => value.split('+').any(|v| v == named),
            }
        }),
        S::And(p) => p.iter().all(|y| matches(y, x)),
        S::Or(p) => p.iter().any(|y| matches(y, x)),
        S::Not(y) => !matches(y, x),
    }
}

fn point(u: &Universe, i: &Interner, x: &Subject, day: Day) -> Point {
    let mut p = Point::new(
        day,
        std::array::from_fn(|d| u.classify(Dim::CLASSED[d], x[d], i)),
    );
    for dim in Dim::FLAGGED {
        for name in x[dim.index()].split('+').filter(|n| !n.is_empty()) {
            let flag = u.classify(dim, name, i);
            if flag < u.named(dim) {
                p.flags[dim.flag_index()] |= 1 << flag;
            }
        }
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A selector's region holds exactly the subjects the selector matches.
    #[test]
    fn region_membership_agrees_with_the_selector(s in selector(), t in selector()) {
        let mut interner = Interner::default();
        let (a, b) = (build(&s, &mut interner), build(&t, &mut interner));
        let u = Universe::of_selectors([&a, &b], &interner);
        let (ra, rb) = (u.region(&a), u.region(&b));
        let both = ra.intersect(&rb);
        let either = ra.union(&rb);
        let minus = ra.subtract(&rb);
        for x in subjects() {
            let p = point(&u, &interner, &x, 1000);
            let (ma, mb) = (matches(&s, &x), matches(&t, &x));
            prop_assert_eq!(ra.contains(&p), ma, "{:?} on {:?}", s, x);
            prop_assert_eq!(both.contains(&p), ma && mb);
            prop_assert_eq!(either.contains(&p), ma || mb);
            prop_assert_eq!(minus.contains(&p), ma && !mb);
        }
        // Emptiness is exact: an empty region matches no subject, and a non-empty one has a
        // witness block whose chosen classes are members.
        let any = subjects().iter().any(|x| matches(&s, x) && !matches(&t, x));
        prop_assert_eq!(!minus.is_empty(), any);
        for block in minus.blocks() {
            prop_assert!(u.witness(block, &interner).is_some());
        }
    }

    /// Dates: restricting and subtracting date ranges agrees with membership by day.
    #[test]
    fn overlap_tests_agree_with_the_intersection(s in selector(), t in selector()) {
        let mut interner = Interner::default();
        let (a, b) = (build(&s, &mut interner), build(&t, &mut interner));
        let u = Universe::of_selectors([&a, &b], &interner);
        let (ra, rb) = (u.region(&a), u.region(&b));
        prop_assert_eq!(ra.overlaps(&rb), !ra.intersect(&rb).is_empty());
        for x in ra.blocks() {
            for y in rb.blocks() {
                prop_assert_eq!(x.meets(y), x.intersect(y).is_some());
                for (p, q) in x.sets.iter().zip(&y.sets) {
                    prop_assert_eq!(p.meets(q), !p.intersect(q).is_empty());
                    prop_assert_eq!(p.meets(&q.complement()), !p.difference(q).is_empty());
                }
            }
        }
    }

    #[test]
    fn date_ranges_agree_with_membership(a in 0i32..30, b in 0i32..30, c in 0i32..30, d in 0i32..30) {
        let r1 = Region::dates(a.min(b), a.max(b));
        let r2 = Region::dates(c.min(d), c.max(d));
        let minus = r1.subtract(&r2);
        for day in -1..32 {
            let p = Point::new(day, [0; Dim::CLASSES]);
            let in1 = (a.min(b)..=a.max(b)).contains(&day);
            let in2 = (c.min(d)..=c.max(d)).contains(&day);
            prop_assert_eq!(minus.contains(&p), in1 && !in2);
            prop_assert_eq!(r1.union(&r2).contains(&p), in1 || in2);
        }
    }
}

#[test]
fn a_unit_belongs_to_its_deepest_mentioned_ancestor() {
    let mut i = Interner::default();
    let sel = Sel::Or(Box::new([
        Sel::In(Dim::Unit, vec![i.intern("Bapenda")].into()),
        Sel::In(Dim::Unit, vec![i.intern("Bapenda/UPTD")].into()),
    ]));
    let u = Universe::of_selectors([&sel], &i);
    let bapenda = u.classify(Dim::Unit, "Bapenda", &i);
    let uptd = u.classify(Dim::Unit, "Bapenda/UPTD", &i);
    assert_eq!(u.classify(Dim::Unit, "Bapenda/UPTD/Wilayah I", &i), uptd);
    assert_eq!(u.classify(Dim::Unit, "Bapenda/Sekretariat", &i), bapenda);
    assert_eq!(u.classify(Dim::Unit, "Dishub", &i), u.named(Dim::Unit));
    // `unit "Bapenda"` covers its sub-unit's class too.
    let only_bapenda = u.region(&Sel::In(Dim::Unit, vec![i.intern("Bapenda")].into()));
    let mut classes = [0; Dim::CLASSES];
    classes[Dim::Unit.index()] = uptd;
    let p = Point::new(0, classes);
    assert!(only_bapenda.contains(&p));
}

#[test]
fn witnesses_and_descriptions_use_the_users_words() {
    let mut i = Interner::default();
    let sel = Sel::And(Box::new([
        Sel::In(Dim::Unit, vec![i.intern("Dishub")].into()),
        Sel::Not(Box::new(Sel::In(
            Dim::Function,
            vec![i.intern("service")].into(),
        ))),
    ]));
    let u = Universe::of_selectors([&sel], &i);
    let r = u.region(&sel).with_dates(
        day("2024-03-04".parse().unwrap()),
        day("2024-03-22".parse().unwrap()),
    );
    let block = &r.blocks()[0];
    assert_eq!(
        u.describe_block(block, &i),
        "unit \"Dishub\", function not in [service], Monday 2024-03-04 to Friday 2024-03-22"
    );
    assert_eq!(
        u.witness(block, &i).unwrap(),
        "unit `Dishub`, a function no circular names, Monday 2024-03-04 to Friday 2024-03-22"
    );
    let fridays = r.with_weekdays(crate::region::Weekdays::of(chrono::Weekday::Fri));
    assert_eq!(
        u.describe_block(&fridays.blocks()[0], &i),
        "unit \"Dishub\", function not in [service], Fridays from 2024-03-08 to 2024-03-22"
    );
}

#[test]
fn flags_are_named_as_a_question_writes_them() {
    let mut i = Interner::default();
    let sel = Sel::And(Box::new([
        Sel::In(Dim::Trait, vec![i.intern("pregnant")].into()),
        Sel::Not(Box::new(Sel::In(
            Dim::Condition,
            vec![i.intern("urgent")].into(),
        ))),
    ]));
    let u = Universe::of_selectors([&sel], &i);
    let r = u.region(&sel).with_dates(
        day("2024-03-04".parse().unwrap()),
        day("2024-03-08".parse().unwrap()),
    );
    assert_eq!(
        u.describe_block(&r.blocks()[0], &i),
        "when not urgent, trait pregnant, Monday 2024-03-04 to Friday 2024-03-08"
    );
    // `trait in [a, b]` is two disjoint blocks: those with `a`, those with `b` but not `a`.
    let either = Sel::In(
        Dim::Trait,
        vec![i.intern("echelon_2"), i.intern("echelon_3")].into(),
    );
    let u = Universe::of_selectors([&either], &i);
    assert_eq!(u.region(&either).blocks().len(), 2);
}

/// Issue 17: an `or` of 44,690 terms took 32.8 s, each term a union with (and a subtraction
/// from) all the terms before it. The terms that name one dimension are one class set: the
/// region of terms of two dimensions is two blocks, whatever their number.
#[test]
fn a_long_or_is_one_block_per_dimension() {
    let mut i = Interner::default();
    let terms: Vec<Sel> = (0..44_690)
        .map(|k| match k % 2 {
            0 => Sel::In(Dim::Unit, vec![i.intern(&format!("U{k}"))].into()),
            _ => Sel::In(Dim::Function, vec![i.intern(&format!("f{k}"))].into()),
        })
        .collect();
    let sel = Sel::Or(terms.into_boxed_slice());
    let u = Universe::of_selectors([&sel], &i);
    let region = u.region(&sel);
    assert_eq!(region.blocks().len(), 2);
    let unit = u.classify(Dim::Unit, "U44688", &i);
    let mut classes = [0; Dim::CLASSES];
    classes[Dim::Unit.index()] = unit;
    assert!(region.contains(&Point::new(0, classes)));
}
