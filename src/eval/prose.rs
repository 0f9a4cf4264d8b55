//! The evaluator's words: conditions of cases and lists of rules, as the notes and renderers
//! show them.

use super::{Engine, RuleRef, query};

impl Engine<'_> {
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
        .filter_map(|(d, s)| engine.universe.describe_set(*d, s, &engine.ws.interner))
        .collect::<Vec<_>>()
        .join(" and ")
}
