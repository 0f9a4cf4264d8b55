//! Findings in the user's words: a witness (one subject and the days on which a finding holds),
//! and the phrases that name rules ("rules `a` and `b` require").

use crate::calendar::with_weekday_in;
use crate::eval::Engine;
use crate::lang::Lang;
use crate::model::{Circular, RuleId, Workspace};
use crate::msg::{Arg, Text};
use crate::region::{self, Block, Day, Dim, Kind, LAST_DAY, Region, Weekdays, date};
use crate::syntax::keywords::word;
use crate::text;

/// A concrete witness of `region`, in the user's words: one subject and the days on which the
/// finding holds for it ("unit `Dishub`, function admin, from 2024-03-04 to 2024-03-22"). It is
/// taken from the block of the region that restricts the fewest dimensions; a dimension that
/// block does not restrict is left out, except the unit ("any unit"); so is the government when
/// the workspace names only one. Only working days are named: a region with none has no
/// witness, and a finding without a witness is not reported (no finding on a day off). The
/// traits the block requires or excludes follow the subject ("trait pregnant"), its conditions
/// the days ("on Friday 2026-04-10, when urgent"). Written in each language, for a message.
pub(super) fn witness(engine: &Engine<'_>, region: &Region) -> Option<Arg> {
    let (block, (from, to)): (&Block, (Day, Day)) = region
        .blocks()
        .iter()
        .filter_map(|b| Some((b, engine.working_part(b)?)))
        .min_by_key(|(b, (from, _))| {
            let sets = b.sets.iter().filter(|s| !s.is_full()).count();
            let flags: u32 = b.flags.iter().map(|f| f.mentioned().count_ones()).sum();
            (sets + flags as usize, *from)
        })?;
    witness_parts(engine, block, (from, to)).map(Arg::List)
}

/// The parts of [`witness`], of the days `from` to `to` of `block`, each a message shown in the
/// language of the rest ("unit `Dishub`", "fungsi admin", "pada Jumat 2026-04-10"). Only words
/// and names are kept in both languages; the messages are formatted in the one shown, when shown.
fn witness_parts(engine: &Engine<'_>, block: &Block, (from, to): (Day, Day)) -> Option<Vec<Text>> {
    let u = &engine.universe;
    let interner = &engine.ws.interner;
    let keyword = |dim: Dim| Arg::each(|lang| word(dim.keyword(), lang).to_string());
    let mut parts = Vec::new();
    for dim in Dim::subject_first() {
        let set = &block.sets[dim.index()];
        if set.is_full() {
            if dim.info().required {
                parts.push(text!("any-value", dim = keyword(dim)));
            }
            continue;
        }
        let class = set.pick(u.named(dim))?;
        if dim.kind() == Kind::Closed && u.named(dim) == 1 && class == 0 {
            continue;
        }
        parts.push(match u.value(dim, class) {
            Some(_) => {
                // A named value is written alike in both languages.
                let value = u.witness_value_in(dim, class, interner, Lang::En);
                let shown = Arg::each(|lang| format!("{} {value}", word(dim.keyword(), lang)));
                text!("arg", arg = shown)
            }
            None => text!("unnamed-value", dim = keyword(dim)), // "a function no circular names"
        });
    }
    // A witness is one member of staff: with the traits named and no others, so a trait the
    // block excludes goes without saying. A condition that must not hold is said.
    let flags = |dim: Dim, flags: region::Flags| {
        let [en, id] = Lang::ALL.map(|lang| u.describe_flags_in(dim, flags, interner, lang));
        en.into_iter()
            .zip(id)
            .map(|(en, id)| text!("arg", arg = Arg::Each(Box::new([en, id]))))
            .collect::<Vec<_>>()
    };
    let traits = block.flags[Dim::Trait.flag_index()];
    parts.extend(flags(Dim::Trait, region::Flags { no: 0, ..traits }));
    parts.push(days(from, to, block.days));
    parts.extend(flags(
        Dim::Condition,
        block.flags[Dim::Condition.flag_index()],
    ));
    Some(parts)
}

/// "on Monday 2024-03-04", "from Monday 2024-03-04 to Friday 2024-03-22", "from Monday
/// 2024-03-04 onwards"; on some weekdays only, "on Fridays from 2026-04-10 to 2026-06-26".
pub(super) fn days(from: Day, to: Day, weekdays: Weekdays) -> Text {
    let shown = |d: Day| Arg::each(|lang| with_weekday_in(date(d), lang));
    let plural = || Arg::each(|lang| weekdays.plural_in(lang));
    let (first, last) = (date(from).to_string(), date(to).to_string());
    if from == to {
        text!("witness-on", day = shown(from))
    } else if !weekdays.is_all() && to >= LAST_DAY {
        text!("witness-weekly-onwards", weekdays = plural(), from = first)
    } else if !weekdays.is_all() {
        text!(
            "witness-weekly-between",
            weekdays = plural(),
            from = first,
            to = last
        )
    } else if to >= LAST_DAY {
        text!("witness-onwards", from = shown(from))
    } else {
        text!("witness-between", from = shown(from), to = shown(to))
    }
}

/// "`a`", "`a` and `b`", "`a`, `b` and `c`", in each language.
pub(super) fn and_list<S: AsRef<str>>(names: &[S]) -> Arg {
    Arg::AllOf(
        names
            .iter()
            .map(|n| text!("quoted-name", name = n.as_ref()))
            .collect(),
    )
}

/// "rule `a` requires" or "rules `a` and `b` require", for rules of one circular; with `of`,
/// "rule `a` of `C` requires".
pub(super) fn rules_require(
    ws: &Workspace,
    circular: &Circular,
    rules: &[RuleId],
    of: bool,
) -> Text {
    let names: Vec<&str> = rules
        .iter()
        .map(|&r| ws.rule_name(circular, &circular.rules[r]))
        .collect();
    let (n, names) = (names.len(), and_list(&names));
    if of {
        text!(
            "rules-of-require",
            n = n,
            names = names,
            circular = &circular.id
        )
    } else {
        text!("rules-require", n = n, names = names)
    }
}

/// "rule `a` contradicts" or "rules `a` and `b` contradict".
pub(super) fn rules_contradict(ws: &Workspace, circular: &Circular, rules: &[RuleId]) -> Text {
    let names: Vec<&str> = rules
        .iter()
        .map(|&r| ws.rule_name(circular, &circular.rules[r]))
        .collect();
    text!(
        "rules-contradict",
        n = names.len(),
        names = and_list(&names)
    )
}
