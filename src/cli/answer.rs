//! Rendering answers: human text and the JSON of docs/language.md section 13.

use edaran::eval::query::Case;
use edaran::eval::{
    Answer, CircularOutcome, Engine, Explanation, LeftOut, RuleOutcome, Status,
    render_case_condition,
};
use edaran::region::{self, describe_dates};
use edaran::syntax::ast::{Dimension, Subject};
use serde_json::{Map, Value, json};
use std::fmt::Write as _;

fn rules_text(engine: &Engine<'_>, answer: &Answer) -> String {
    let names: Vec<String> = answer
        .decided_by
        .iter()
        .map(|r| {
            let c = engine.circular(r.circular);
            format!(
                "rule `{}` of {}",
                engine.ws.rule_name(c, &c.rules[r.rule]),
                c.id
            )
        })
        .collect();
    names.join(", ")
}

/// One line for an answer: "WFO at most 25% (rule `essential` of 045.2103/VII/POSKO/2021)".
pub fn answer_line(engine: &Engine<'_>, answer: &Answer, priority_only: bool) -> String {
    if priority_only {
        return match answer.wfh_priority {
            Some(n) => format!("WFH priority {n}"),
            None => "no WFH priority".to_string(),
        };
    }
    let mut line = answer.summary();
    if !answer.decided_by.is_empty() {
        let _ = write!(line, " ({})", rules_text(engine, answer));
    }
    if let Some(n) = answer.wfh_priority {
        let _ = write!(line, "; WFH priority {n}");
    }
    line
}

fn range_text(case: &Case) -> String {
    describe_dates(case.from, case.to)
}

/// The human text of the cases of one question.
pub fn cases_text(engine: &Engine<'_>, cases: &[Case], priority_only: bool) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < cases.len() {
        // The cases of one date range.
        let (from, to) = (cases[i].from, cases[i].to);
        let j = cases[i..]
            .iter()
            .position(|c| (c.from, c.to) != (from, to))
            .map_or(cases.len(), |k| i + k);
        let group = &cases[i..j];
        let several_ranges =
            cases.first().map(|c| (c.from, c.to)) != cases.last().map(|c| (c.from, c.to));
        let indent = if several_ranges {
            let _ = writeln!(out, "  {}:", range_text(&group[0]));
            "    "
        } else {
            "  "
        };
        for (k, case) in group.iter().enumerate() {
            let condition = if group.len() == 1 {
                String::new()
            } else if k == group.len() - 1 {
                "otherwise: ".to_string()
            } else {
                format!("{}: ", render_case_condition(engine, case))
            };
            let _ = writeln!(
                out,
                "{indent}{condition}{}",
                answer_line(engine, &case.answer, priority_only)
            );
            for note in &case.answer.notes {
                let _ = writeln!(out, "{indent}  note: {note}");
            }
        }
        i = j;
    }
    out
}

/// The human text of an explanation.
pub fn explanation_text(engine: &Engine<'_>, e: &Explanation) -> String {
    let ws = engine.ws;
    let mut out = String::new();
    let _ = writeln!(out, "  answer: {}", answer_line(engine, &e.answer, false));
    // The notes that are not principles (those are given below, in their place): "no circular
    // names this government", which an explanation that lists no circular must not hide.
    for note in e
        .answer
        .notes
        .iter()
        .filter(|n| !e.principles.iter().any(|p| &p.text == *n))
    {
        let _ = writeln!(out, "  note: {note}");
    }
    for t in &e.circulars {
        let c = engine.circular(t.circular);
        let validity = match c.valid_to {
            Some(to) => format!("{} to {}", c.valid_from, to),
            None => format!("from {}", c.valid_from),
        };
        let why = match &t.outcome {
            CircularOutcome::Applies => "applies".to_string(),
            CircularOutcome::OutsideValidity if c.valid_to.is_none() => {
                format!("does not apply: not yet in force (valid {validity})")
            }
            CircularOutcome::OutsideValidity => {
                format!("does not apply: outside its validity ({validity})")
            }
            CircularOutcome::RevokedBy(by) => {
                let by = engine.circular(*by);
                format!(
                    "does not apply: revoked by {} from {}",
                    by.id, by.valid_from
                )
            }
            CircularOutcome::OutOfScope => {
                "does not apply: the government is out of its scope".into()
            }
            CircularOutcome::Exempt => "does not apply: the subject is exempt".into(),
        };
        let _ = writeln!(
            out,
            "  circular {} ({}, signed {}): {why}",
            c.id,
            c.level.as_str(),
            c.signed
        );
        // Every candidate rule is listed (docs/language.md section 9), also those of a circular that
        // does not apply: they drop out with it.
        let with_circular = match &t.outcome {
            CircularOutcome::Applies => None,
            CircularOutcome::OutsideValidity => Some("outside the circular's validity".to_string()),
            CircularOutcome::RevokedBy(by) => Some(format!(
                "the circular is revoked by {}",
                engine.circular(*by).id
            )),
            CircularOutcome::OutOfScope => {
                Some("the government is out of the circular's scope".into())
            }
            CircularOutcome::Exempt => Some("the circular exempts the subject".into()),
        };
        if let Some(reason) = with_circular {
            for rule in &c.rules {
                let _ = writeln!(
                    out,
                    "    rule `{}`: dropped: {reason}",
                    ws.rule_name(c, rule)
                );
            }
        }
        for (r, outcome) in &t.rules {
            let rule = &c.rules[*r];
            let text = match outcome {
                RuleOutcome::Decides => format!("decides: WFO {}", rule.wfo),
                RuleOutcome::NoMatch => "dropped: its selector does not match".into(),
                RuleOutcome::Excepted => "dropped: its `except` removes the subject".into(),
                RuleOutcome::OutsideDuring => "dropped: outside its `during` period".into(),
                RuleOutcome::OverriddenBy(by) => {
                    let names: Vec<String> = by
                        .iter()
                        .map(|b| format!("`{}`", ws.rule_name(c, &c.rules[*b])))
                        .collect();
                    format!(
                        "dropped: overridden by {} (lex specialis)",
                        names.join(", ")
                    )
                }
                RuleOutcome::OtherwiseNotNeeded => {
                    "dropped: `otherwise`, and another rule applies".into()
                }
            };
            let _ = writeln!(out, "    rule `{}`: {text}", ws.rule_name(c, rule));
        }
        match t.constraint {
            Some(Some(iv)) => {
                let _ = writeln!(out, "    the circular requires WFO {iv}");
            }
            Some(None) => {
                let _ = writeln!(
                    out,
                    "    conflict: its deciding rules require disjoint shares"
                );
            }
            None => {}
        }
    }
    if !e.left_out.is_empty() {
        let _ = writeln!(
            out,
            "  not listed (`edaran query --all` lists every circular):"
        );
        for &(group, n) in &e.left_out {
            let _ = writeln!(out, "    {}", left_out_text(group, n, e.day));
        }
    }
    for p in &e.principles {
        let _ = writeln!(out, "  {}", p.text);
    }
    if e.answer.decided_by.is_empty() {
        let what = match e.answer.status {
            Status::Exempt => "the subject is exempt and no rule applies",
            _ => "no rule applies",
        };
        let _ = writeln!(out, "  {what}: the baseline is WFO {}", ws.baseline);
    }
    for (c, duty) in &e.duties {
        let _ = writeln!(out, "  duty ({}): {duty}", engine.circular(*c).id);
    }
    out
}

/// One line for a group of circulars an explanation does not list: "12 earlier circulars for
/// this government, ended before 2021-05-01".
fn left_out_text(group: LeftOut, n: usize, day: region::Day) -> String {
    let one = n == 1;
    let circulars = if one { "circular" } else { "circulars" };
    let date = region::date(day);
    match group {
        LeftOut::OtherGovernments if one => {
            "1 circular of another government: the government is out of its scope".to_string()
        }
        LeftOut::OtherGovernments => {
            format!("{n} circulars of other governments: the government is out of their scope")
        }
        LeftOut::Ended => {
            format!("{n} earlier {circulars} for this government: ended before {date}")
        }
        LeftOut::Revoked => {
            format!("{n} earlier {circulars} for this government: revoked before {date}")
        }
        LeftOut::NotYetInForce => {
            format!("{n} later {circulars} for this government: not yet in force on {date}")
        }
    }
}

/// Human text for a terminal: the control and invisible characters of names and texts from the
/// files (or the question) escaped (`\u{1b}`). JSON is left exact.
pub fn for_terminal(text: String) -> String {
    match edaran::text::escape(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(escaped) => escaped,
    }
}

/// The notes of a question whose names hold invisible characters: the answer is given for the
/// name without the zero-width ones, and says so.
pub fn question_notes(subject: &Subject, given: &[Dimension]) -> Vec<String> {
    let mut notes: Vec<String> = edaran::lints::question_note("unit", &subject.unit.node)
        .into_iter()
        .collect();
    for d in given.iter().chain(subject.dims.iter().map(|d| &d.node)) {
        let (what, value) = match d {
            Dimension::Domicile(v) => ("domicile", v),
            Dimension::Office(v) => ("office", v),
            Dimension::Gov(v) => ("government", v),
            Dimension::Function(_) => continue,
        };
        notes.extend(edaran::lints::question_note(what, value));
    }
    notes
}

/// The JSON of one case.
pub fn case_json(engine: &Engine<'_>, case: &Case, explanation: Option<&Explanation>) -> Value {
    let ws = engine.ws;
    let mut when = Map::new();
    for (dim, set) in &case.when {
        let set = engine.universe.normalize(*dim, set);
        let names: Vec<String> = set
            .items()
            .iter()
            .filter(|&&c| c != engine.universe.named(*dim))
            .map(|&c| engine.universe.class_name(*dim, c, &ws.interner))
            .collect();
        let key = if set.is_negated() { "not_in" } else { "in" };
        when.insert(dim.keyword().to_string(), json!({ key: names }));
    }
    let a = &case.answer;
    let mut v = json!({
        "when": when,
        "from": region::date(case.from).to_string(),
        "to": region::date(case.to).to_string(),
        "status": a.status.as_str(),
        "wfo": a.wfo.map(|iv| json!({"min": pct(iv.min), "max": pct(iv.max)})),
        "wfh_priority": a.wfh_priority,
        "decided_by": a.decided_by.iter().map(|r| {
            let c = engine.circular(r.circular);
            json!({"circular": c.id, "rule": ws.rule_name(c, &c.rules[r.rule])})
        }).collect::<Vec<_>>(),
        "notes": a.notes,
    });
    if let Some(e) = explanation {
        v["explanation"] = json!(
            explanation_text(engine, e)
                .lines()
                .map(str::trim)
                .collect::<Vec<_>>()
        );
        v["duties"] = json!(e.duties.iter().map(|(_, d)| d).collect::<Vec<_>>());
        v["not_listed"] = json!(
            e.left_out
                .iter()
                .map(|&(group, n)| json!({"group": group.as_str(), "circulars": n}))
                .collect::<Vec<_>>()
        );
    }
    v
}

/// A share as a JSON number: whole percentages as integers, others with their decimals.
pub fn pct(p: edaran::syntax::ast::Pct) -> Value {
    if p.0 % 100 == 0 {
        json!(p.0 / 100)
    } else {
        json!(p.0 as f64 / 100.0)
    }
}
