//! Findings in the user's words: a witness (one subject and the days on which a finding holds),
//! and the phrases that name rules ("rules `a` and `b` require").

use crate::calendar::with_weekday;
use crate::eval::Engine;
use crate::model::{Circular, RuleId, Workspace};
use crate::region::{self, Block, Day, Dim, Kind, LAST_DAY, Region, Weekdays, date};

/// A concrete witness of `region`, in the user's words: one subject and the days on which the
/// finding holds for it ("unit `Dishub`, function admin, from 2024-03-04 to 2024-03-22"). It is
/// taken from the block of the region that restricts the fewest dimensions; a dimension that
/// block does not restrict is left out, except the unit ("any unit"); so is the government when
/// the workspace names only one. Only working days are named: a region with none has no
/// witness, and a finding without a witness is not reported (no finding on a day off). The
/// traits the block requires or excludes follow the subject ("trait pregnant"), its conditions
/// the days ("on Friday 2026-04-10, when urgent").
pub(super) fn witness(engine: &Engine<'_>, region: &Region) -> Option<String> {
    let (block, (from, to)): (&Block, (Day, Day)) = region
        .blocks()
        .iter()
        .filter_map(|b| Some((b, engine.working_part(b)?)))
        .min_by_key(|(b, (from, _))| {
            let sets = b.sets.iter().filter(|s| !s.is_full()).count();
            let flags: u32 = b.flags.iter().map(|f| f.mentioned().count_ones()).sum();
            (sets + flags as usize, *from)
        })?;
    let u = &engine.universe;
    let interner = &engine.ws.interner;
    let mut parts = Vec::new();
    for dim in Dim::subject_first() {
        let set = &block.sets[dim.index()];
        if set.is_full() {
            if dim.info().required {
                parts.push(format!("any {}", dim.keyword()));
            }
            continue;
        }
        let class = set.pick(u.named(dim))?;
        if dim.kind() == Kind::Closed && u.named(dim) == 1 && class == 0 {
            continue;
        }
        let value = u.witness_value(dim, class, interner);
        parts.push(match u.value(dim, class) {
            Some(_) => format!("{} {value}", dim.keyword()),
            None => value, // "a function no circular names"
        });
    }
    // A witness is one member of staff: with the traits named and no others, so a trait the
    // block excludes goes without saying. A condition that must not hold is said.
    let flags = |dim: Dim| u.describe_flags(dim, block.flags[dim.flag_index()], interner);
    let traits = block.flags[Dim::Trait.flag_index()];
    parts.extend(u.describe_flags(Dim::Trait, region::Flags { no: 0, ..traits }, interner));
    parts.push(days(from, to, block.days));
    parts.extend(flags(Dim::Condition));
    Some(parts.join(", "))
}

/// "on Monday 2024-03-04", "from Monday 2024-03-04 to Friday 2024-03-22", "from Monday
/// 2024-03-04 onwards"; on some weekdays only, "on Fridays from 2026-04-10 to 2026-06-26".
pub(super) fn days(from: Day, to: Day, weekdays: Weekdays) -> String {
    let shown = |d: Day| with_weekday(date(d));
    if from == to {
        format!("on {}", shown(from))
    } else if !weekdays.is_all() && to >= LAST_DAY {
        format!("on {} from {} onwards", weekdays.plural(), date(from))
    } else if !weekdays.is_all() {
        format!(
            "on {} from {} to {}",
            weekdays.plural(),
            date(from),
            date(to)
        )
    } else if to >= LAST_DAY {
        format!("from {} onwards", shown(from))
    } else {
        format!("from {} to {}", shown(from), shown(to))
    }
}

/// "`a`", "`a` and `b`", "`a`, `b` and `c`".
pub(super) fn and_list<S: AsRef<str>>(names: &[S]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{}`", n.as_ref())).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// "rule `a` requires" or "rules `a` and `b` require", for rules of one circular; with `of`,
/// "rule `a` of `C` requires".
pub(super) fn rules_require(
    ws: &Workspace,
    circular: &Circular,
    rules: &[RuleId],
    of: bool,
) -> String {
    let names: Vec<&str> = rules
        .iter()
        .map(|&r| ws.rule_name(circular, &circular.rules[r]))
        .collect();
    let (noun, verb) = if names.len() == 1 {
        ("rule", "requires")
    } else {
        ("rules", "require")
    };
    let of = if of {
        format!(" of `{}`", circular.id)
    } else {
        String::new()
    };
    format!("{noun} {}{of} {verb}", and_list(&names))
}

/// "rule `a` contradicts" or "rules `a` and `b` contradict".
pub(super) fn rules_contradict(ws: &Workspace, circular: &Circular, rules: &[RuleId]) -> String {
    let names: Vec<&str> = rules
        .iter()
        .map(|&r| ws.rule_name(circular, &circular.rules[r]))
        .collect();
    if names.len() == 1 {
        format!("rule {} contradicts", and_list(&names))
    } else {
        format!("rules {} contradict", and_list(&names))
    }
}
