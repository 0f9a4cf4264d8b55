//! Why a circular or a rule of an explanation does not apply, in words: the same words in the
//! text (in the language of the run) and in the JSON (in English, a machine interface).

use crate::cli::lang::Lang;
use edaran::eval::{CircularOutcome, Engine, RuleOutcome};
use edaran::model::Circular;

/// Why a circular does not apply ("outside its validity (...)"); `None` when it applies.
pub(super) fn circular_reason(
    lang: Lang,
    engine: &Engine<'_>,
    c: &Circular,
    outcome: &CircularOutcome,
) -> Option<String> {
    let from = c.valid_from.to_string();
    let validity = || match c.valid_to {
        Some(to) => tr_in!(lang, "range", from = from, to = to.to_string()),
        None => tr_in!(lang, "valid-from", from = from),
    };
    Some(match outcome {
        CircularOutcome::Applies => return None,
        CircularOutcome::OutsideValidity if c.valid_to.is_none() => {
            tr_in!(lang, "reason-not-yet", validity = validity())
        }
        CircularOutcome::OutsideValidity => {
            tr_in!(lang, "reason-outside-validity", validity = validity())
        }
        CircularOutcome::RevokedBy(by) => {
            let by = engine.circular(*by);
            let from = by.valid_from.to_string();
            tr_in!(lang, "reason-revoked-by", by = by.id, from = from)
        }
        CircularOutcome::OutOfScope => tr_in!(lang, "reason-out-of-scope"),
        CircularOutcome::Exempt => tr_in!(lang, "reason-exempt"),
    })
}

/// Why every rule of a circular that does not apply drops out with it; `None` when it applies.
pub(super) fn dropped_with_circular(
    lang: Lang,
    engine: &Engine<'_>,
    outcome: &CircularOutcome,
) -> Option<String> {
    Some(match outcome {
        CircularOutcome::Applies => return None,
        CircularOutcome::OutsideValidity => tr_in!(lang, "dropped-outside-validity"),
        CircularOutcome::RevokedBy(by) => {
            tr_in!(lang, "dropped-revoked", by = engine.circular(*by).id)
        }
        CircularOutcome::OutOfScope => tr_in!(lang, "dropped-out-of-scope"),
        CircularOutcome::Exempt => tr_in!(lang, "dropped-exempt"),
    })
}

/// Why a rule of an applying circular drops out ("overridden by `a` (lex specialis)"); `None`
/// when it decides.
pub(super) fn rule_reason(
    lang: Lang,
    engine: &Engine<'_>,
    c: &Circular,
    rule: usize,
    outcome: &RuleOutcome,
) -> Option<String> {
    Some(match outcome {
        RuleOutcome::Decides => return None,
        RuleOutcome::NoMatch => tr_in!(lang, "rule-no-match"),
        RuleOutcome::Excepted => tr_in!(lang, "rule-excepted"),
        RuleOutcome::OutsideDuring => tr_in!(lang, "rule-outside-during"),
        RuleOutcome::OutsideEvery => tr_in!(lang, "rule-outside-every"),
        RuleOutcome::OutsideWhen => match &c.rules[rule].when {
            Some(w) => {
                let name = engine.ws.interner.resolve(w.name);
                if w.holds {
                    tr_in!(lang, "rule-when-holds", name = name)
                } else {
                    tr_in!(lang, "rule-when-not", name = name)
                }
            }
            None => tr_in!(lang, "rule-no-condition"),
        },
        RuleOutcome::OverriddenBy(by) => {
            let names: Vec<String> = by
                .iter()
                .map(|b| format!("`{}`", engine.ws.rule_name(c, &c.rules[*b])))
                .collect();
            tr_in!(lang, "rule-overridden", rules = names.join(", "))
        }
        RuleOutcome::OtherwiseNotNeeded => tr_in!(lang, "rule-otherwise"),
    })
}
