//! The evaluator's words: conditions of cases and lists of rules, as the notes and renderers
//! show them.

use super::{Engine, RuleRef, query};

impl Engine<'_> {
    /// What a case may split on, as a question gives it: the dimension's keyword (`function`),
    /// or a flag with its keyword (`when urgent`, `trait pregnant`).
    pub fn axis_name(&self, axis: query::Axis) -> String {
        match axis {
            query::Axis::Classes(d) => d.keyword().to_string(),
            query::Axis::Flag(d, flag) => {
                self.universe.flag_words(d, flag, true, &self.ws.interner)
            }
        }
    }

    /// The rules as notes name them: "`a` of X, `b` of Y".
    pub(super) fn rule_list(&self, rules: &[RuleRef]) -> String {
        let names: Vec<String> = rules
            .iter()
            .map(|r| {
                let c = &self.ws.circulars[r.circular];
                format!("`{}` of {}", self.ws.rule_name(c, &c.rules[r.rule]), c.id)
            })
            .collect();
        names.join(", ")
    }
}

/// The condition of a case in words: "function in [service, field]" and so on, joined by "and";
/// "always" when it has none.
pub fn render_case_condition(engine: &Engine<'_>, case: &query::Case) -> String {
    if case.when.is_empty() {
        return "always".to_string();
    }
    case.when
        .iter()
        .filter_map(|(axis, s)| axis_words(engine, *axis, s))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// One part of a case's condition in words: a set of classes ("function in [service,
/// field]"), or a flag ("when urgent", "not trait pregnant"); `None` when it says nothing.
pub fn axis_words(
    engine: &Engine<'_>,
    axis: query::Axis,
    set: &crate::region::ClassSet,
) -> Option<String> {
    let interner = &engine.ws.interner;
    match axis {
        query::Axis::Classes(d) => engine.universe.describe_set(d, set, interner),
        query::Axis::Flag(d, flag) => {
            let holds = set.contains(1);
            (holds != set.contains(0)).then(|| engine.universe.flag_words(d, flag, holds, interner))
        }
    }
}
