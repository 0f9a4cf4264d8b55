//! The evaluator's words: conditions of cases and lists of rules, as the notes and renderers
//! show them.

use super::{Engine, RuleRef, query};
use crate::lang::Lang;
use crate::syntax::keywords::word;

impl Engine<'_> {
    /// What a case may split on, as a question gives it: the dimension's keyword (`function`),
    /// or a flag with its keyword (`when urgent`, `trait pregnant`).
    pub fn axis_name(&self, axis: query::Axis) -> String {
        self.axis_name_in(axis, Lang::En)
    }

    /// [`Engine::axis_name`] as a question of `lang` gives it: `fungsi`, `ketika mendesak`.
    pub fn axis_name_in(&self, axis: query::Axis, lang: Lang) -> String {
        match axis {
            query::Axis::Classes(d) => word(d.keyword(), lang).to_string(),
            query::Axis::Flag(d, flag) => {
                self.universe
                    .flag_words_in(d, flag, true, &self.ws.interner, lang)
            }
        }
    }

    /// The rules as notes name them: "`a` of X, `b` of Y".
    pub(super) fn rule_list(&self, rules: &[RuleRef]) -> crate::msg::Arg {
        let names = rules
            .iter()
            .map(|r| {
                let c = &self.ws.circulars[r.circular];
                let rule = self.ws.rule_name(c, &c.rules[r.rule]);
                crate::text!("rule-of", rule = rule, circular = &c.id)
            })
            .collect();
        crate::msg::Arg::List(names)
    }
}

/// The condition of a case in words: "function in [service, field]" and so on, joined by "and";
/// "always" when it has none.
pub fn render_case_condition(engine: &Engine<'_>, case: &query::Case) -> String {
    render_case_condition_in(engine, case, Lang::En)
}

/// [`render_case_condition`] in the words of `lang`: "fungsi dalam [service, field]".
pub fn render_case_condition_in(engine: &Engine<'_>, case: &query::Case, lang: Lang) -> String {
    if case.when.is_empty() {
        return crate::text!("condition-always").render(lang);
    }
    case.when
        .iter()
        .filter_map(|(axis, s)| axis_words_in(engine, *axis, s, lang))
        .collect::<Vec<_>>()
        .join(&format!(" {} ", word("and", lang)))
}

/// One part of a case's condition in words: a set of classes ("function in [service,
/// field]"), or a flag ("when urgent", "not trait pregnant"); `None` when it says nothing.
pub fn axis_words_in(
    engine: &Engine<'_>,
    axis: query::Axis,
    set: &crate::region::ClassSet,
    lang: Lang,
) -> Option<String> {
    let interner = &engine.ws.interner;
    let u = &engine.universe;
    match axis {
        query::Axis::Classes(d) => u.describe_set_in(d, set, interner, lang),
        query::Axis::Flag(d, flag) => {
            let holds = set.contains(1);
            (holds != set.contains(0)).then(|| u.flag_words_in(d, flag, holds, interner, lang))
        }
    }
}

/// The conditions of the cases of one date range as a text lists them, the last case reading
/// as "otherwise": each line is a condition and the case whose answer it shows. Where cases with
/// one answer differ only in the flags of one yes/no dimension and together say "has one of
/// these" (`trait echelon_2`, then `not trait echelon_2 and trait echelon_3`: the disjoint
/// blocks of `trait in [echelon_2, echelon_3]`), they are one line, "trait in [echelon_2,
/// echelon_3]", at the place of the first. The cases themselves stay a partition.
pub fn case_lines(engine: &Engine<'_>, cases: &[&query::Case]) -> Vec<(String, usize)> {
    case_lines_in(engine, cases, Lang::En)
}

/// [`case_lines`] in the words of `lang`.
pub fn case_lines_in(
    engine: &Engine<'_>,
    cases: &[&query::Case],
    lang: Lang,
) -> Vec<(String, usize)> {
    let and = format!(" {} ", word("and", lang));
    let n = cases.len();
    let Some(last) = n.checked_sub(1) else {
        return Vec::new();
    };
    let mut merged: Vec<Option<String>> = vec![None; n];
    let mut taken = vec![false; n];
    // The cases that may join, by answer (each answer's cases once: linear in the cases). A
    // case's answer names the rules that decide, so cases of one answer are few; past a
    // screenful they are not joined (the answer is unreadable anyway).
    let mut by_answer: foldhash::HashMap<&super::Answer, Vec<usize>> = foldhash::HashMap::default();
    for (k, c) in cases[..last].iter().enumerate() {
        by_answer.entry(&c.answer).or_default().push(k);
    }
    let split = |c: &query::Case, dim: crate::dim::Dim| {
        let (flags, rest): (Vec<_>, Vec<_>) = c
            .when
            .iter()
            .cloned()
            .partition(|(a, _)| matches!(a, query::Axis::Flag(d, _) if *d == dim));
        (flags, rest)
    };
    for i in 0..last {
        let same = &by_answer[&cases[i].answer];
        if taken[i] || same.len() < 2 || same.len() > 64 {
            continue;
        }
        for dim in crate::dim::Dim::FLAGGED {
            let (flags, rest) = split(cases[i], dim);
            if flags.is_empty() {
                continue;
            }
            let mut members = vec![(i, flags)];
            for &j in same.iter().filter(|&&j| j > i && !taken[j]) {
                let (f, r) = split(cases[j], dim);
                if !f.is_empty() && r == rest {
                    members.push((j, f));
                }
            }
            let Some(words) = one_of(engine, dim, &members, lang) else {
                continue;
            };
            let mut parts: Vec<String> = rest
                .iter()
                .filter_map(|(axis, s)| axis_words_in(engine, *axis, s, lang))
                .collect();
            parts.push(words);
            merged[i] = Some(parts.join(&and));
            members.iter().for_each(|&(j, _)| taken[j] = true);
            break;
        }
    }
    merged
        .into_iter()
        .enumerate()
        .filter(|(k, m)| *k == last || !taken[*k] || m.is_some())
        .map(|(k, m)| {
            (
                m.unwrap_or_else(|| render_case_condition_in(engine, cases[k], lang)),
                k,
            )
        })
        .collect()
}

/// The parts on the flags of `dim` of several cases, when together they hold exactly when one
/// of the flags they require holds: that condition in words ("trait in [a, b]", "when a or
/// when b"). Checked on every assignment of the flags they name (a few).
fn one_of(
    engine: &Engine<'_>,
    dim: crate::dim::Dim,
    members: &[(usize, Vec<(query::Axis, crate::region::ClassSet)>)],
    lang: Lang,
) -> Option<String> {
    if members.len() < 2 {
        return None;
    }
    let bit = |a: &query::Axis| match a {
        query::Axis::Flag(_, b) => *b,
        query::Axis::Classes(_) => unreachable!("only flags are kept"),
    };
    let mut named: Vec<u32> = members
        .iter()
        .flat_map(|(_, f)| f.iter().map(|(a, _)| bit(a)))
        .collect();
    named.sort_unstable();
    named.dedup();
    if named.len() > 12 {
        return None;
    }
    // The flags some case requires to hold.
    let required: Vec<u32> = named
        .iter()
        .copied()
        .filter(|&b| {
            members.iter().any(|(_, f)| {
                f.iter()
                    .any(|(a, s)| bit(a) == b && s.contains(1) && !s.contains(0))
            })
        })
        .collect();
    let holds = |assignment: u32, b: u32| {
        assignment & (1 << named.iter().position(|&x| x == b).expect("named")) != 0
    };
    let agree = (0..1u32 << named.len()).all(|assignment| {
        let cases = members.iter().any(|(_, f)| {
            f.iter()
                .all(|(a, s)| s.contains(u32::from(holds(assignment, bit(a)))))
        });
        cases == required.iter().any(|&b| holds(assignment, b))
    });
    if !agree || required.len() < 2 {
        return None;
    }
    let interner = &engine.ws.interner;
    let name = |b: u32| {
        engine
            .universe
            .value(dim, b)
            .map_or("?", |s| interner.resolve(s))
    };
    Some(if dim.info().not_first {
        let names: Vec<&str> = required.iter().map(|&b| name(b)).collect();
        let (k, in_) = (word(dim.keyword(), lang), word("in", lang));
        format!("{k} {in_} [{}]", names.join(", "))
    } else {
        let words: Vec<String> = required
            .iter()
            .map(|&b| engine.universe.flag_words_in(dim, b, true, interner, lang))
            .collect();
        words.join(&format!(" {} ", word("or", lang)))
    })
}
