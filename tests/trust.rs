//! Regressions of answers that were wrong without a word (docs/decisions.md, "Version 2"): each test
//! is the reproducer of one, in the library's terms, so that it fails on the old behaviour.

use edaran::Code;
use edaran::FileId;
use edaran::check::load;
use edaran::eval::query::Spec;
use edaran::eval::{Engine, Status, expect};
use edaran::model::{Source, Workspace};
use edaran::syntax::parse_query;

fn workspace(text: &str) -> Workspace {
    load(vec![Source {
        name: "t.se".into(),
        text: text.into(),
    }])
}

fn codes(ws: &Workspace) -> Vec<Code> {
    ws.diagnostics.iter().map(|d| d.code).collect()
}

/// The subject and period of a `wfo` question.
fn spec(question: &str) -> Spec {
    let (q, errors) = parse_query(FileId(0), question);
    assert!(errors.is_empty(), "{errors:?}");
    let q = q.expect("a query");
    let subject = match &q.kind {
        edaran::syntax::ast::QueryKind::Wfo(s) => s,
        other => panic!("not a wfo question: {other:?}"),
    };
    Spec::new(subject, &[]).expect("a spec")
}

/// The cases of a `wfo` question, each as "condition: status WFO".
fn cases(ws: &Workspace, question: &str) -> Vec<String> {
    let engine = Engine::new(ws);
    let spec = spec(question);
    engine
        .cases(&spec)
        .expect("answered")
        .iter()
        .map(|c| {
            format!(
                "{}: {}",
                edaran::eval::render_case_condition(&engine, c),
                c.answer.summary()
            )
        })
        .collect()
}

const SEMARANG: &str = r#"
circular "N/1" {
  issuer "Menteri PANRB" level national
  signed 2024-01-02
  valid  2024-01-08 to 2024-02-29
  scope  all
  rule everyone: all => wfo 50%
  rule semarang: gov "Pemkot Semarang" => wfo 25% overrides everyone
}
"#;

#[test]
fn a_rule_for_one_government_under_scope_all_splits_a_question_that_leaves_gov_out() {
    let ws = workspace(SEMARANG);
    assert!(codes(&ws).is_empty(), "{:?}", ws.diagnostics);
    let cases = cases(&ws, r#"wfo "Setda" on 2024-01-10"#);
    assert_eq!(
        cases,
        [
            "gov \"Pemkot Semarang\": WFO 25%",
            "gov not in [\"Pemkot Semarang\"]: WFO 50%"
        ]
    );
}

#[test]
fn a_government_only_a_govs_set_names_is_a_value_of_the_gov_dimension() {
    let ws = workspace(
        r#"
govs ppkm_4 = ["Kota Bandar Lampung", "Kota Metro"]
circular "P/1" {
  issuer "Gubernur Lampung" level provincial
  signed 2021-07-09
  valid  2021-07-12 to 2021-07-20
  scope  "Kota Bandar Lampung", "Kabupaten Lampung Selatan"
  rule level_4: gov in ppkm_4 => wfh 100%
  rule others: otherwise => wfo 50%
}
"#,
    );
    assert!(codes(&ws).is_empty(), "{:?}", ws.diagnostics);
    let cases = cases(&ws, r#"wfo "BPKAD" on 2021-07-15"#);
    // Kota Metro is named only by the set (no scope holds it): its own case, the baseline.
    assert!(
        cases
            .iter()
            .any(|c| c.contains("Kota Metro") && c.contains("baseline")),
        "{cases:?}"
    );
    assert!(
        cases
            .iter()
            .any(|c| c.contains("Kota Bandar Lampung") && c.ends_with("WFO 0%")),
        "{cases:?}"
    );
}

#[test]
fn a_govs_set_used_as_a_unit_set_is_a_kind_error() {
    let ws = workspace(
        r#"
circular "P/1" {
  issuer "Gubernur Lampung" level provincial
  signed 2021-07-09
  valid  2021-07-12 to 2021-07-20
  scope  all
  govs ppkm_4 = ["Kota Metro"]
  rule r: unit in ppkm_4 => wfh 100%
}
"#,
    );
    let d = ws
        .diagnostics
        .iter()
        .find(|d| d.code == Code::UnknownName)
        .expect("unknown-name");
    assert_eq!(d.message, "`ppkm_4` is a set of governments, not a sector");
    assert!(d.help.as_deref().unwrap().contains("gov in ppkm_4"));
}

#[test]
fn scope_all_binds_a_government_no_circular_names_without_a_note() {
    let ws = workspace(SEMARANG);
    let engine = Engine::new(&ws);
    let spec = spec(r#"wfo "Setda" gov "Pemkab Demak" on 2024-01-10"#);
    let cases = engine.cases(&spec).unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].answer.status, Status::Ruled);
    assert!(
        cases[0].answer.notes.is_empty(),
        "{:?}",
        cases[0].answer.notes
    );
    assert_eq!(
        english(engine.name_notes(&spec)),
        ["no circular names unit `Setda`: it is answered like any other"]
    );
}

const TWO_DURINGS: &str = r#"
circular "SE 2/2026" {
  issuer "Menteri PANRB" level national
  signed 2026-03-06
  valid  2026-03-16 to 2026-03-27
  scope  all
  rule lebaran: all => wfh at least 50% during 2026-03-16 to 2026-03-17 during 2026-03-25 to 2026-03-27
}
"#;

#[test]
fn a_second_during_is_a_duplicate_with_the_list_form_as_help() {
    let ws = workspace(TWO_DURINGS);
    let d = ws
        .diagnostics
        .iter()
        .find(|d| d.code == Code::DuplicateName)
        .expect("duplicate-name");
    assert_eq!(d.message, "rule `lebaran` has two `during` modifiers");
    assert_eq!(
        d.help.as_deref(),
        Some(
            "a rule has one `during`; several periods go in one list: `during 2026-03-16 to 2026-03-17, 2026-03-25 to 2026-03-27`"
        )
    );
    assert!(
        ws.circulars.is_empty(),
        "a circular with an error is left out"
    );
}

#[test]
fn a_second_valid_is_a_duplicate_with_the_list_form_as_help() {
    let ws = workspace(
        r#"
circular "SE 2/2026" {
  issuer "Menteri PANRB" level national
  signed 2026-03-06
  valid  2026-03-16 to 2026-03-17
  valid  2026-03-25 to 2026-03-27
  scope  all
  rule lebaran: all => wfh at least 50%
}
"#,
    );
    let d = ws
        .diagnostics
        .iter()
        .find(|d| d.code == Code::DuplicateName)
        .expect("duplicate-name");
    assert!(
        d.help.as_deref().unwrap().ends_with(
            "several windows go in one list: `valid 2026-03-16 to 2026-03-17, 2026-03-25 to 2026-03-27`"
        ),
        "{:?}",
        d.help
    );
}

#[test]
fn every_window_of_a_during_list_counts_and_the_gap_does_not() {
    let listed = TWO_DURINGS.replace(
        "during 2026-03-16 to 2026-03-17 during 2026-03-25 to 2026-03-27",
        "during 2026-03-16 to 2026-03-17, 2026-03-25 to 2026-03-27",
    );
    // With the national calendar, every day of the gap is a day off (Nyepi, Idul Fitri 1447 H
    // and their cuti bersama, a weekend): the windows hold every working day of the period.
    let ws = workspace(&listed);
    assert!(codes(&ws).is_empty(), "{:?}", ws.diagnostics);
    let spec = spec(r#"wfo "Setda" from 2026-03-16 to 2026-03-27"#);
    let statuses: Vec<Status> = Engine::new(&ws)
        .cases(&spec)
        .unwrap()
        .iter()
        .map(|c| c.answer.status)
        .collect();
    assert_eq!(statuses[0], Status::Ruled, "{statuses:?}");
    assert!(
        statuses[1..].iter().all(|s| *s == Status::DayOff),
        "{statuses:?}"
    );
    // Without it, the gap's working days are answered by the baseline.
    let ws = workspace(&format!("calendar none\n{listed}"));
    assert!(codes(&ws).is_empty(), "{:?}", ws.diagnostics);
    let cases = cases(&ws, r#"wfo "Setda" from 2026-03-16 to 2026-03-27"#);
    assert_eq!(cases.len(), 4, "{cases:?}");
    let engine = Engine::new(&ws);
    let shown: Vec<(String, String, Status)> = engine
        .cases(&spec)
        .unwrap()
        .iter()
        .map(|c| {
            (
                edaran::region::date(c.from).to_string(),
                edaran::region::date(c.to).to_string(),
                c.answer.status,
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("2026-03-16", "2026-03-17", Status::Ruled),
            ("2026-03-18", "2026-03-24", Status::Baseline),
            ("2026-03-25", "2026-03-27", Status::Ruled),
            ("2026-03-21", "2026-03-22", Status::DayOff),
        ]
        .map(|(a, b, s)| (a.to_string(), b.to_string(), s))
    );
}

#[test]
fn a_validity_of_two_windows_is_not_in_force_between_them() {
    let ws = workspace(
        r#"
circular "SE 2/2026" {
  issuer "Menteri PANRB" level national
  signed 2026-03-06
  valid  2026-03-16 to 2026-03-17, 2026-03-25 to 2026-03-27 (5 days)
  scope  all
  rule lebaran: all => wfh at least 50%
}
"#,
    );
    assert!(codes(&ws).is_empty(), "{:?}", ws.diagnostics);
    let engine = Engine::new(&ws);
    let day = |d: &str| edaran::region::day(d.parse().unwrap());
    assert_eq!(engine.in_force(day("2026-03-17")), vec![0]);
    assert!(engine.in_force(day("2026-03-20")).is_empty());
    assert_eq!(engine.in_force(day("2026-03-25")), vec![0]);
}

#[test]
fn a_during_between_the_windows_of_the_validity_is_outside_it() {
    let ws = workspace(
        r#"
circular "SE 2/2026" {
  issuer "Menteri PANRB" level national
  signed 2026-03-06
  valid  2026-03-16 to 2026-03-17, 2026-03-25 to 2026-03-27
  scope  all
  rule lebaran: all => wfh at least 50% during 2026-03-16 to 2026-03-17, 2026-03-20 to 2026-03-21
}
"#,
    );
    let d = ws
        .diagnostics
        .iter()
        .find(|d| d.code == Code::RuleOutsideValidity)
        .expect("rule-outside-validity");
    assert_eq!(
        d.witness.as_deref(),
        Some("2026-03-20 is between the windows of the validity")
    );
}

const THREE_LEVELS: &str = r#"
circular "N/1" {
  issuer "Menteri PANRB" level national
  signed 2024-01-02
  valid  2024-01-08 to 2024-02-29
  scope  all
  rule cap: all => wfo at most 50%
}
circular "P/1" {
  issuer "Gubernur Banten" level provincial
  signed 2024-01-03
  valid  2024-01-08 to 2024-02-29
  scope  "Pemprov Banten", "Pemkot Serang"
  rule full: all => wfo 100%
}
circular "L/1" {
  issuer "Wali Kota Serang" level local
  signed 2024-01-04
  valid  2024-01-08 to 2024-02-29
  scope  "Pemkot Serang"
  rule half: all => wfo 50%
}
"#;

#[test]
fn a_provincial_rule_set_aside_by_the_national_level_is_no_measure_for_a_local_rule() {
    let ws = workspace(THREE_LEVELS);
    // The provincial 100% violates the national cap; the local 50% keeps to it, and the
    // provincial rule it contradicts does not stand: `check` says so once, as `query` answers.
    let violations: Vec<&str> = ws
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::ViolatesHigherNorm)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(violations.len(), 1, "{violations:?}");
    assert!(violations[0].contains("`N/1`"), "{violations:?}");
    let cases = cases(&ws, r#"wfo "Setda" gov "Pemkot Serang" on 2024-01-10"#);
    assert_eq!(cases, ["always: WFO 50%"]);
}

fn run_tests(text: &str) -> Vec<(String, Vec<String>)> {
    let ws = workspace(text);
    assert!(
        ws.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        ws.diagnostics
    );
    let engine = Engine::new(&ws);
    expect::run(&engine)
        .into_iter()
        .map(|t| (t.name, t.failures.iter().map(|f| f.message()).collect()))
        .collect()
}

#[test]
fn a_share_is_expected_only_of_a_rule_and_a_failure_says_why_none_applied() {
    let text = format!(
        r#"{SEMARANG}
circular "P/1" {{
  issuer "Gubernur Jawa Tengah" level provincial
  signed 2024-01-02
  valid  2024-01-08 to 2024-03-31
  scope  "Pemprov Jateng"
  exempt function direct_service
  rule half: all => wfo 50%
}}
baseline wfo 100%
test "baseline is no share" {{
  expect wfo "Setda" gov "Pemprov Jateng" on 2023-01-02 = 100%
  expect wfo "Setda" gov "Pemprov Jateng" on 2023-01-02 = baseline
  expect wfo "Setda" gov "Pemprov Jateng" function direct_service on 2024-03-13 = 100%
  expect wfo "Setda" gov "Pemprov Jawa Tengah" on 2024-03-13 = 100%
}}
"#
    );
    let results = run_tests(&text);
    let failures = &results[0].1;
    assert_eq!(
        failures,
        &[
            "expected WFO 100%, got baseline, WFO 100%: no rule applies (no circular is in force on 2023-01-02)",
            "expected WFO 100%, got exempt, WFO 100%: no rule applies (`P/1` exempts this subject on 2024-03-13)",
            "expected WFO 100%, got baseline, WFO 100%: no rule applies (no circular names government `Pemprov Jawa Tengah` in its scope: did you mean `Pemprov Jateng`?)",
        ]
        .map(String::from),
    );
}

#[test]
fn a_question_naming_a_function_no_circular_names_gets_a_did_you_mean() {
    let text = r#"
circular "B/1" {
  issuer "Pj Gubernur Banten" level provincial
  signed 2023-08-25
  valid  2023-08-28 to 2023-09-27
  scope  "Pemprov Banten"
  exempt function in [direct_service, essential_service]
  rule everyone: all => wfo 50%
}
"#;
    let ws = workspace(text);
    let engine = Engine::new(&ws);
    let spec = spec(r#"wfo "BPKAD" function direct_servce on 2023-09-01"#);
    assert_eq!(
        english(engine.name_notes(&spec)),
        [
            "no circular names function `direct_servce`: did you mean `direct_service`?",
            "no circular names unit `BPKAD`: it is answered like any other"
        ]
    );
}

#[test]
fn the_formatter_keeps_period_lists_and_govs_sets() {
    let text = r#"govs  ppkm_4 = ["Kota Metro",  "Kota Bandar Lampung"]
circular "SE 2/2026" {
  issuer "Menteri PANRB" level national
  signed 2026-03-06
  valid 2026-03-16 to 2026-03-17,2026-03-25 to 2026-03-27 (5 days)
  scope all
  rule lebaran: gov in ppkm_4 => wfh at least 50% during 2026-03-16 to 2026-03-17 ,  2026-03-25 to 2026-03-27
}
"#;
    let formatted = edaran::fmt::format(text).expect("formats");
    assert!(
        formatted.contains("govs ppkm_4 = [\"Kota Metro\", \"Kota Bandar Lampung\"]"),
        "{formatted}"
    );
    assert!(
        formatted.contains("valid   2026-03-16 to 2026-03-17, 2026-03-25 to 2026-03-27 (5 days)"),
        "{formatted}"
    );
    assert!(
        formatted.contains("during 2026-03-16 to 2026-03-17, 2026-03-25 to 2026-03-27"),
        "{formatted}"
    );
    assert_eq!(edaran::fmt::format(&formatted).expect("formats"), formatted);
}

/// Texts of the library, in English.
fn english(texts: Vec<edaran::msg::Text>) -> Vec<String> {
    texts
        .into_iter()
        .map(|t| t.render(edaran::Lang::En))
        .collect()
}
