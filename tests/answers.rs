//! End-to-end tests of the answering side of `edaran`: `query`, `explain`, `test` and `repl`, run
//! as the real binary the way a user or a CI job runs them (docs/language.md sections 8, 9, 10 and 13).
//!
//! The facts pinned here are the ones the source articles state (see the `test` blocks and the
//! header comments of `examples/*.se`). Fixtures for what the examples do not show (a conflict
//! inside one circular, a revocation, lex posterior, lex superior, failing tests, a workspace that
//! does not resolve, a second workspace for the REPL's `:load`) live in `tests/fixtures/answers/`.
//!
//! Every command runs with `NO_COLOR=1` and a piped stdout, so the human output has no ANSI codes
//! and the snapshots are plain text.

use assert_cmd::Command;
use serde_json::{Value, json};
use std::collections::BTreeSet;

#[path = "support/bin.rs"]
mod bin;
use bin::{InEnglish, Run, root};

// -------------------------------------------------------------------------------------------------
// Helpers

const FIXTURES: &str = "tests/fixtures/answers";

/// The examples of 2020 to 2023, without the national circulars of 2026 that bind every
/// government (`scope all`, from 2026): the tests of what a question says of a government no
/// scope names, and of what an explanation lists around 2023, read these.
const EARLY: &str = "examples/banten-2020-wfh-concept.se examples/banten-2022-wfh-covid.se \
    examples/banten-2023-wfh-air-pollution.se examples/lampung-2021-ppkm-darurat.se \
    examples/tangerang-raya-2023-wfh.se";

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

/// `edaran`, run from the package root, without colour.
fn edaran() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_edaran"));
    cmd.in_english()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

fn run(cmd: &mut Command) -> Run {
    let run = bin::run(cmd);
    assert!(
        !run.stdout.contains('\u{1b}') && !run.stderr.contains('\u{1b}'),
        "ANSI escape codes despite NO_COLOR and a pipe:\n{}{}",
        run.stdout,
        run.stderr
    );
    run
}

/// `edaran query PATH -e Q -e Q ...`.
fn query(path: &str, questions: &[&str]) -> Run {
    let mut cmd = edaran();
    cmd.arg("query").args(path.split_whitespace());
    for q in questions {
        cmd.arg("-e").arg(q);
    }
    run(&mut cmd)
}

/// `edaran query PATH --format json -e Q ...`: the exit status and the document, whose shape is
/// checked against docs/language.md section 13.
fn query_json(path: &str, questions: &[&str]) -> (i32, Value) {
    let mut cmd = edaran();
    cmd.arg("query")
        .args(path.split_whitespace())
        .arg("--format")
        .arg("json");
    for q in questions {
        cmd.arg("-e").arg(q);
    }
    let r = run(&mut cmd);
    let doc: Value = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}\n{}", r.stdout, r.stderr));
    assert_query_shape(&doc);
    (r.code, doc)
}

/// The answer of a single question that has exactly one case: the line below the question.
fn one_answer(path: &str, question: &str) -> String {
    let r = query(path, &[question]);
    assert_eq!(r.code, 0, "{question}\n{}{}", r.stdout, r.stderr);
    assert_eq!(r.stderr, "", "{question}");
    // The question's own notes (values no circular names) stand under it, before its cases.
    let lines: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| !l.starts_with("  note: no circular names"))
        .collect();
    assert_eq!(
        lines.len(),
        2,
        "`{question}` should be one case:\n{}",
        r.stdout
    );
    assert_eq!(lines[0], question, "the answer repeats the question");
    lines[1].trim().to_string()
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect()
}

fn set(items: &[&'static str]) -> BTreeSet<&'static str> {
    items.iter().copied().collect()
}

const DIMENSIONS: &[&str] = &["unit", "function", "domicile", "office", "gov"];
const STATUSES: &[&str] = &["ruled", "exempt", "baseline", "conflict", "day_off"];
/// The groups of circulars `explain` counts instead of listing them.
const NOT_LISTED_GROUPS: &[&str] = &["other_governments", "ended", "revoked", "not_yet_in_force"];

fn is_date(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        chrono_like_date(s).is_some_and(|(y, m, d)| y > 1900 && m <= 12 && d <= 31)
    })
}

fn chrono_like_date(s: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            Some((y.parse().ok()?, m.parse().ok()?, d.parse().ok()?))
        }
        _ => None,
    }
}

/// The `when` of a case: each key a dimension, each value `{"in": [...]}` or `{"not_in": [...]}`.
fn assert_when_shape(when: &Value) {
    for (dim, cond) in when.as_object().expect("`when` is an object") {
        // A yes/no dimension: each name it splits on, held or not.
        if ["condition", "trait"].contains(&dim.as_str()) {
            let names = cond.as_object().expect("`when.trait` is an object");
            assert!(!names.is_empty(), "`when.{dim}` names something: {cond}");
            assert!(
                names.values().all(Value::is_boolean),
                "`when.{dim}`: {cond}"
            );
            continue;
        }
        assert!(
            DIMENSIONS.contains(&dim.as_str()),
            "unknown dimension {dim}"
        );
        let k = keys(cond);
        assert!(
            k == set(&["in"]) || k == set(&["not_in"]),
            "`when.{dim}` is {cond}"
        );
        let list = cond.as_object().unwrap().values().next().unwrap();
        assert!(
            list.as_array()
                .is_some_and(|a| a.iter().all(Value::is_string)),
            "`when.{dim}` lists strings: {cond}"
        );
    }
}

/// The shape of a `query --format json` document (docs/language.md section 13; `explain` adds
/// `explanation` and `duties`, a `wfh priority` question keeps `when`, `from`, `to` and
/// `wfh_priority` only, `conflicts` lists findings: docs/decisions.md).
fn assert_query_shape(doc: &Value) {
    assert_eq!(keys(doc), set(&["answers"]), "{doc}");
    for a in doc["answers"].as_array().expect("`answers` is an array") {
        assert!(a["query"].is_string(), "{a}");
        let k = keys(a);
        if k == set(&["query", "circulars"]) {
            for c in a["circulars"].as_array().unwrap() {
                assert_eq!(keys(c), set(&["id", "valid_from", "valid_to"]), "{c}");
                assert!(c["id"].is_string());
                assert!(is_date(&c["valid_from"]), "{c}");
                assert!(c["valid_to"].is_null() || is_date(&c["valid_to"]), "{c}");
            }
            continue;
        }
        if k == set(&["query", "conflicts"]) {
            assert!(a["conflicts"].is_array());
            continue;
        }
        // `notes`: the question's own, when it names a value no circular names.
        let k: BTreeSet<&str> = k.into_iter().filter(|&key| key != "notes").collect();
        assert!(
            a.get("notes")
                .is_none_or(|n| n.as_array().is_some_and(|n| !n.is_empty()))
        );
        assert_eq!(k, set(&["query", "cases"]), "{a}");
        let question = a["query"].as_str().unwrap();
        for c in a["cases"].as_array().unwrap() {
            // The calendar's keys, where they say something: a case's weekdays when it holds
            // on some only, and the reason of a day off.
            assert_eq!(
                c.get("day_off").is_some(),
                c.get("status").is_some_and(|s| s == "day_off"),
                "{c}"
            );
            let ck: BTreeSet<&str> = keys(c)
                .into_iter()
                .filter(|k| *k != "weekdays" && *k != "day_off")
                .collect();
            if question.starts_with("wfh priority") {
                assert_eq!(ck, set(&["when", "from", "to", "wfh_priority"]), "{c}");
            } else if question.starts_with("explain") {
                assert_eq!(
                    ck,
                    set(&[
                        "when",
                        "from",
                        "to",
                        "status",
                        "wfo",
                        "wfh_priority",
                        "decided_by",
                        "notes",
                        "explanation",
                        "duties",
                        "not_listed"
                    ]),
                    "{c}"
                );
            } else {
                assert_eq!(
                    ck,
                    set(&[
                        "when",
                        "from",
                        "to",
                        "status",
                        "wfo",
                        "wfh_priority",
                        "decided_by",
                        "notes"
                    ]),
                    "{c}"
                );
            }
            if ck.contains("not_listed") {
                for g in c["not_listed"]
                    .as_array()
                    .expect("`not_listed` is an array")
                {
                    assert_eq!(keys(g), set(&["group", "circulars"]), "{g}");
                    let group = g["group"].as_str().expect("a group name");
                    assert!(NOT_LISTED_GROUPS.contains(&group), "{g}");
                    assert!(g["circulars"].as_u64().is_some_and(|n| n > 0), "{g}");
                }
            }
            if ck.contains("explanation") {
                for step in c["explanation"]
                    .as_array()
                    .expect("`explanation` is an array")
                {
                    assert_explanation_step_shape(step);
                }
            }
            assert_when_shape(&c["when"]);
            assert!(is_date(&c["from"]) && is_date(&c["to"]), "{c}");
            assert!(c["from"].as_str() <= c["to"].as_str(), "{c}");
            assert!(
                c["wfh_priority"].is_null() || c["wfh_priority"].is_u64(),
                "{c}"
            );
            if ck.contains("status") {
                let status = c["status"].as_str().expect("status is a string");
                assert!(STATUSES.contains(&status), "{c}");
                if status == "conflict" || status == "day_off" {
                    assert!(
                        c["wfo"].is_null(),
                        "a conflict or a day off has no share: {c}"
                    );
                } else {
                    assert!(is_share(&c["wfo"]), "{c}");
                    let (min, max) = (
                        c["wfo"]["min"].as_f64().unwrap(),
                        c["wfo"]["max"].as_f64().unwrap(),
                    );
                    assert!((0.0..=max).contains(&min) && max <= 100.0, "{c}");
                }
                for d in c["decided_by"].as_array().unwrap() {
                    assert_eq!(keys(d), set(&["circular", "rule"]), "{d}");
                }
                assert!(c["notes"].as_array().unwrap().iter().all(Value::is_string));
            }
        }
    }
}

/// A range of shares and where the others work: `{"min", "max", "remote"}`.
fn is_share(v: &Value) -> bool {
    keys(v) == set(&["min", "max", "remote"])
        && ["home", "anywhere"].contains(&v["remote"].as_str().unwrap_or(""))
}

/// The shape of one step of a JSON `explanation` (docs/language.md section 13).
fn assert_explanation_step_shape(step: &Value) {
    let share = is_share;
    match step["step"].as_str().expect("a step says what it is") {
        "circular" => {
            assert_eq!(
                keys(step),
                set(&[
                    "step",
                    "circular",
                    "level",
                    "signed",
                    "valid_from",
                    "valid_to",
                    "outcome",
                    "reason",
                    "revoked_by",
                    "rules",
                    "requires",
                    "conflict"
                ]),
                "{step}"
            );
            let outcome = step["outcome"].as_str().unwrap();
            assert!(CIRCULAR_OUTCOMES.contains(&outcome), "{step}");
            assert_eq!(step["reason"].is_null(), outcome == "applies", "{step}");
            assert_eq!(
                step["revoked_by"].is_string(),
                outcome == "revoked",
                "{step}"
            );
            assert!(is_date(&step["signed"]) && is_date(&step["valid_from"]));
            assert!(
                step["requires"].is_null() || share(&step["requires"]),
                "{step}"
            );
            // A conflict leaves no share.
            assert!(
                step["conflict"] != true || step["requires"].is_null(),
                "{step}"
            );
            for r in step["rules"].as_array().unwrap() {
                assert_eq!(
                    keys(r),
                    set(&["rule", "outcome", "reason", "wfo", "overridden_by"]),
                    "{r}"
                );
                let outcome = r["outcome"].as_str().unwrap();
                assert!(RULE_OUTCOMES.contains(&outcome), "{r}");
                assert_eq!(r["reason"].is_null(), outcome == "decides", "{r}");
                assert!(share(&r["wfo"]), "{r}");
                let by = r["overridden_by"].as_array().unwrap();
                assert_eq!(!by.is_empty(), outcome == "overridden", "{r}");
            }
        }
        "not_listed" => {
            assert_eq!(keys(step), set(&["step", "group", "circulars"]), "{step}");
            assert!(NOT_LISTED_GROUPS.contains(&step["group"].as_str().unwrap()));
        }
        "principle" => {
            assert_eq!(keys(step), set(&["step", "principle", "text"]), "{step}");
            assert!(
                PRINCIPLES.contains(&step["principle"].as_str().unwrap()),
                "{step}"
            );
            assert!(step["text"].is_string(), "{step}");
        }
        "baseline" => {
            assert_eq!(keys(step), set(&["step", "status", "wfo"]), "{step}");
            assert!(["baseline", "exempt"].contains(&step["status"].as_str().unwrap()));
            assert!(share(&step["wfo"]), "{step}");
        }
        other => panic!("an unknown step `{other}`: {step}"),
    }
}

/// The outcomes of a circular in a JSON explanation.
const CIRCULAR_OUTCOMES: &[&str] = &[
    "applies",
    "outside_validity",
    "revoked",
    "out_of_scope",
    "exempt",
];
/// The outcomes of a rule in a JSON explanation.
const RULE_OUTCOMES: &[&str] = &[
    "decides",
    "no_match",
    "excepted",
    "outside_during",
    "overridden",
    "otherwise_not_needed",
    "circular_does_not_apply",
];
/// The principles of a JSON explanation's steps.
const PRINCIPLES: &[&str] = &[
    "agreement",
    "conflict",
    "lex_posterior",
    "antinomy",
    "lex_superior",
    "place",
];

/// The rule names and circular ids of the `.se` files under a path (for "does explain list every
/// candidate rule of every circular").
fn rules_and_circulars(paths: &str) -> (Vec<String>, Vec<String>) {
    let mut files = Vec::new();
    for path in paths.split_whitespace() {
        let full = root().join(path);
        if full.is_dir() {
            for e in std::fs::read_dir(&full).unwrap() {
                let p = e.unwrap().path();
                if p.extension().is_some_and(|x| x == "se") {
                    files.push(p);
                }
            }
        } else {
            files.push(full);
        }
    }
    let (mut rules, mut circulars) = (Vec::new(), Vec::new());
    for f in files {
        for line in std::fs::read_to_string(f).unwrap().lines() {
            let t = line.trim_start();
            if let Some(rest) = t.strip_prefix("rule ") {
                if let Some((name, _)) = rest.split_once(':') {
                    rules.push(name.trim().to_string());
                }
            }
            if let Some(rest) = t.strip_prefix("circular \"") {
                circulars.push(rest.split('"').next().unwrap().to_string());
            }
        }
    }
    (rules, circulars)
}

/// `explain` on a fully specified subject: the human text, after checking that it is one case,
/// exits 0 and names or counts every circular. With `--all` it names every circular and every
/// rule of the workspace; without, the circulars it names and those it counts in its "not
/// listed" lines add up to every circular, and each of its other lines is a line of the full one.
fn explain(path: &str, question: &str) -> String {
    explain_both(path, question).0
}

/// [`explain`], and the same with `--all`.
fn explain_both(path: &str, question: &str) -> (String, String) {
    let mut cmd = edaran();
    cmd.arg("query")
        .args(path.split_whitespace())
        .arg("--all")
        .arg("-e")
        .arg(question);
    let full = run(&mut cmd);
    assert_eq!(full.code, 0, "{}{}", full.stdout, full.stderr);
    assert_eq!(full.stderr, "");
    assert!(
        !full.stdout.contains("case 1 of"),
        "a fully specified point is one case:\n{}",
        full.stdout
    );
    assert!(!full.stdout.contains("not listed"), "{}", full.stdout);
    let (rules, circulars) = rules_and_circulars(path);
    for c in &circulars {
        assert!(
            full.stdout.contains(&format!("  circular {c} (")),
            "explain --all does not say what became of circular {c}:\n{}",
            full.stdout
        );
    }
    for rule in &rules {
        assert!(
            full.stdout.contains(&format!("    rule `{rule}`: ")),
            "explain --all does not say what became of rule `{rule}`:\n{}",
            full.stdout
        );
    }
    let r = query(path, &[question]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stderr, "");
    assert!(
        r.stdout
            .lines()
            .skip(1)
            .find(|l| !l.starts_with("  note: "))
            .unwrap()
            .starts_with("  answer: ")
    );
    let (listed, counted) = listed_and_counted(&r.stdout);
    assert_eq!(
        listed + counted,
        circulars.len(),
        "explain neither lists nor counts some circulars:\n{}",
        r.stdout
    );
    let full_lines: BTreeSet<&str> = full.stdout.lines().collect();
    for line in r.stdout.lines() {
        assert!(
            full_lines.contains(line) || is_not_listed_line(line),
            "`{line}` is not in the full explanation:\n{}",
            full.stdout
        );
    }
    (r.stdout, full.stdout)
}

/// Whether a line of an explanation belongs to its "not listed" part.
fn is_not_listed_line(line: &str) -> bool {
    line.starts_with("  not listed (")
        || line
            .strip_prefix("    ")
            .is_some_and(|l| l.starts_with(|c: char| c.is_ascii_digit()))
}

/// How many circulars an explanation lists one by one, and how many its "not listed" lines
/// count.
fn listed_and_counted(text: &str) -> (usize, usize) {
    let listed = text
        .lines()
        .filter(|l| l.starts_with("  circular "))
        .count();
    let counted = text
        .lines()
        .filter(|l| is_not_listed_line(l) && l.starts_with("    "))
        .map(|l| {
            let n = l.trim_start().split(' ').next().unwrap();
            n.parse::<usize>()
                .unwrap_or_else(|_| panic!("a count: `{l}`"))
        })
        .sum();
    (listed, counted)
}

/// The 1-based line of the first line of a file containing `needle`.
fn line_of(path: &str, needle: &str) -> usize {
    read(path)
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} is not in {path}"))
        + 1
}

/// In a rendered diagnostic over a one-line source, the 0-based character column where the
/// underline (or the caret) starts, relative to the source text.
fn underline_column(rendered: &str) -> usize {
    let lines: Vec<&str> = rendered.lines().collect();
    let source = lines
        .iter()
        .position(|l| l.trim_start().starts_with("1 │"))
        .unwrap_or_else(|| panic!("no source line in:\n{rendered}"));
    let gutter = lines[source].chars().position(|c| c == '│').unwrap() + 2;
    let marks = lines[source + 1];
    assert!(
        marks.trim_start().starts_with('·'),
        "no underline below the source line:\n{rendered}"
    );
    marks
        .chars()
        .position(|c| c == '─' || c == '▲' || c == '┬')
        .unwrap_or_else(|| panic!("no underline in:\n{rendered}"))
        - gutter
}

// -------------------------------------------------------------------------------------------------
// query: point questions pin what the articles say

#[test]
fn point_questions_give_the_shares_the_articles_state() {
    let ex = "examples/";
    let cases: &[(&str, &str)] = &[
        // Banten 2020 concept: the non-service group works from home; teachers and service staff
        // are not regulated; outside the two weeks nothing applies.
        (
            r#"wfo "Biro Umum" function admin gov "Pemprov Banten" on 2020-03-17"#,
            "WFO 0% (rule `non_service` of BANTEN-2020-KONSEP-WFH)",
        ),
        (
            r#"wfo "Disdikbud" function teaching gov "Pemprov Banten" on 2020-03-20"#,
            "exempt, WFO 100%",
        ),
        (
            r#"wfo "RSUD" function service gov "Pemprov Banten" on 2020-03-20"#,
            "exempt, WFO 100%",
        ),
        (
            r#"wfo "Biro Umum" function admin gov "Pemprov Banten" on 2020-03-31"#,
            "baseline, WFO 100%",
        ),
        // Banten 2022: critical 100%, essential 50%, every other OPD 25%; sub-units follow.
        (
            r#"wfo "Dinas Kesehatan" gov "Pemprov Banten" on 2022-02-10"#,
            "WFO 100% (rule `kritikal_wfo` of 800/258-BKD/2022)",
        ),
        (
            r#"wfo "BPKAD" gov "Pemprov Banten" on 2022-02-10"#,
            "WFO 50% (rule `esensial_wfo` of 800/258-BKD/2022)",
        ),
        (
            r#"wfo "Bapenda/UPTD Samsat Serang" gov "Pemprov Banten" on 2022-02-10"#,
            "WFO 50% (rule `esensial_wfo` of 800/258-BKD/2022)",
        ),
        (
            r#"wfo "Dinas Pariwisata/UPT Pengelolaan Kawasan Wisata" gov "Pemprov Banten" on 2022-02-10"#,
            "WFO 25% (rule `lainnya` of 800/258-BKD/2022)",
        ),
        (
            r#"wfo "BPKAD" gov "Pemprov Banten" on 2022-03-01"#,
            "baseline, WFO 100%",
        ),
        // Banten 2023 under the national frame: 50% WFO, the end date inclusive.
        (
            r#"wfo "BPKAD" gov "Pemprov Banten" function admin on 2023-09-01"#,
            "WFO 50% (rule `national_hybrid` of Inmendagri 2/2023, rule `hybrid_50` of 800/2928-BKD/2023)",
        ),
        (
            r#"wfo "BPKAD" gov "Pemprov Banten" function admin on 2023-09-27"#,
            "WFO 50% (rule `national_hybrid` of Inmendagri 2/2023, rule `hybrid_50` of 800/2928-BKD/2023)",
        ),
        // Its last day is Maulid Nabi, a national holiday: nobody works (section 10.2).
        (
            r#"wfo "BPKAD" gov "Pemprov Banten" function admin on 2023-09-28"#,
            "day off (Maulid Nabi Muhammad SAW)",
        ),
        (
            r#"wfo "BPKAD" gov "Pemprov Banten" function admin on 2023-09-30"#,
            "day off (Saturday)",
        ),
        (
            r#"wfo "Dinas Kesehatan" function direct_service gov "Pemprov Banten" on 2023-09-01"#,
            "exempt, WFO 100%",
        ),
        (
            r#"wfo "BPKAD" gov "Pemprov Banten" function admin on 2023-08-21"#,
            "baseline, WFO 100%",
        ),
        // Lampung 2021 (PPKM Darurat): general WFH, sector ceilings and their exceptions.
        (
            r#"wfo "Dinas Pariwisata" function admin gov "Pemprov Lampung" on 2021-07-15"#,
            "WFO 0% (rule `general` of 045.2103/VII/POSKO/2021)",
        ),
        (
            r#"wfo "BPKAD" function admin gov "Pemprov Lampung" on 2021-07-15"#,
            "WFO at most 25% (rule `essential_cap` of 045.2103/VII/POSKO/2021)",
        ),
        (
            r#"wfo "Bapenda/UPTD/Wilayah Bandar Lampung" function service gov "Pemprov Lampung" on 2021-07-15"#,
            "WFO at most 50% (rule `uptd_service` of 045.2103/VII/POSKO/2021)",
        ),
        (
            r#"wfo "RSUD" function service gov "Pemprov Lampung" on 2021-07-15"#,
            "WFO 100% (rule `health_service` of 045.2103/VII/POSKO/2021)",
        ),
        (
            r#"wfo "RSUD" function admin gov "Pemprov Lampung" on 2021-07-15"#,
            "WFO at most 25% (rule `critical_cap` of 045.2103/VII/POSKO/2021)",
        ),
        (
            r#"wfo "Satpol PP" function field gov "Pemprov Lampung" when urgent on 2021-07-15"#,
            "WFO at most 100% (rule `field_duty` of 045.2103/VII/POSKO/2021)",
        ),
        (
            r#"wfo "Satpol PP" function field gov "Pemprov Lampung" when not urgent on 2021-07-15"#,
            "WFO at most 25% (rule `critical_cap` of 045.2103/VII/POSKO/2021)",
        ),
        (
            r#"wfo "Dinas Sosial" function service gov "Pemprov Lampung" on 2021-07-15"#,
            "WFO 50% (rule `panti_service` of 045.2103/VII/POSKO/2021)",
        ),
        (
            r#"wfo "RSUD" function service gov "Pemprov Lampung" on 2021-07-21"#,
            "baseline, WFO 100%",
        ),
        // The Lampung SE binds Pemprov Lampung only.
        (
            r#"wfo "BPKAD" function admin gov "Pemprov Banten" on 2021-07-15"#,
            "baseline, WFO 100%",
        ),
        // The national frame alone, before and after the Banten SE.
        (
            r#"wfo "BPKAD" gov "Pemprov Banten" function admin on 2023-08-25"#,
            "WFO at most 50% (rule `national_hybrid` of Inmendagri 2/2023)",
        ),
        (
            r#"wfo "Setda" gov "Pemerintah Kota Bekasi" function admin on 2023-12-01"#,
            "WFO at most 50% (rule `national_hybrid` of Inmendagri 2/2023)",
        ),
        // `on` may come before the dimensions.
        (
            r#"wfo "BPKAD" on 2023-09-01 function admin gov "Pemprov Banten""#,
            "WFO 50% (rule `national_hybrid` of Inmendagri 2/2023, rule `hybrid_50` of 800/2928-BKD/2023)",
        ),
        // WFH priority 1 for Jabodetabek domiciles and offices near Jakarta; none elsewhere.
        (
            r#"wfh priority "BPKAD" gov "Pemprov Banten" function admin domicile "Bekasi" office "Kota Serang" on 2023-09-01"#,
            "WFH priority 1",
        ),
        (
            r#"wfh priority "Badan Penghubung" gov "Pemprov Banten" function admin domicile "Kota Serang" office "Jakarta" on 2023-09-01"#,
            "WFH priority 1",
        ),
        (
            r#"wfh priority "BPKAD" gov "Pemprov Banten" function admin domicile "Kota Serang" office "Kota Serang" on 2023-09-01"#,
            "no WFH priority",
        ),
        (
            r#"wfh priority "BPKAD" gov "Pemprov Banten" function admin domicile "Bekasi" office "Kota Serang" on 2023-09-29"#,
            "no WFH priority",
        ),
    ];
    for (question, expected) in cases {
        assert_eq!(one_answer(ex, question), *expected, "{question}");
    }
}

#[test]
fn a_wfo_answer_with_every_dimension_shows_the_priority_too() {
    // A `wfo` question is not split by the priority, but a single point shows it.
    assert_eq!(
        one_answer(
            "examples/",
            r#"wfo "BPKAD" gov "Pemprov Banten" function admin domicile "Bekasi" office "Kota Serang" on 2023-09-01"#
        ),
        "WFO 50% (rule `national_hybrid` of Inmendagri 2/2023, rule `hybrid_50` of 800/2928-BKD/2023); WFH priority 1"
    );
}

#[test]
fn a_government_no_scope_names_gets_the_baseline_with_a_note() {
    let r = query(
        EARLY,
        &[r#"wfo "BPKAD" gov "Pemprov Papua" function admin on 2023-09-01"#],
    );
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        "wfo \"BPKAD\" gov \"Pemprov Papua\" function admin on 2023-09-01\n  note: no circular names function `admin`: it is answered like any other\n  baseline, WFO 100%\n    note: no circular names this government in its scope\n"
    );
}

// -------------------------------------------------------------------------------------------------
// query: cases, periods, `in force on`, `conflicts`

#[test]
fn a_left_out_function_splits_the_answer_into_cases_ending_with_otherwise() {
    let r = query(
        "examples/",
        &[r#"wfo "BPKAD" gov "Pemprov Banten" on 2023-09-01"#],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "wfo \"BPKAD\" gov \"Pemprov Banten\" on 2023-09-01\n\
         \x20 function in [direct_service, essential_service]: exempt, WFO 100%\n\
         \x20 otherwise: WFO 50% (rule `national_hybrid` of Inmendagri 2/2023, rule `hybrid_50` of 800/2928-BKD/2023)\n"
    );

    // Lampung: the UPTD exception holds for service staff only.
    let r = query(
        "examples/",
        &[r#"wfo "Bapenda/UPTD" gov "Pemprov Lampung" on 2021-07-15"#],
    );
    assert_eq!(
        r.stdout,
        "wfo \"Bapenda/UPTD\" gov \"Pemprov Lampung\" on 2021-07-15\n\
         \x20 function service: WFO at most 50% (rule `uptd_service` of 045.2103/VII/POSKO/2021)\n\
         \x20 otherwise: WFO at most 25% (rule `essential_cap` of 045.2103/VII/POSKO/2021)\n"
    );

    // Banten 2022 decides by unit only: a left-out function does not split the answer.
    assert_eq!(
        one_answer(
            "examples/",
            r#"wfo "Dishub" gov "Pemprov Banten" on 2022-02-10"#
        ),
        "WFO 100% (rule `kritikal_wfo` of 800/258-BKD/2022)"
    );
}

#[test]
fn a_left_out_gov_ranges_over_the_governments_in_scopes() {
    let r = query(
        "examples/",
        &[r#"wfo "BPKAD" function admin on 2021-07-15"#],
    );
    assert_eq!(r.code, 0);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", r.stdout);
    assert_eq!(
        lines[1],
        "  note: no circular names function `admin`: it is answered like any other"
    );
    // Lampung is the only government with a rule on that day; every other one named in a scope
    // gets the baseline. The larger case (eleven governments) reads as "otherwise".
    assert_eq!(
        lines[2],
        "  gov \"Pemprov Lampung\": WFO at most 25% (rule `essential_cap` of 045.2103/VII/POSKO/2021)"
    );
    assert_eq!(lines[3], "  otherwise: baseline, WFO 100%");
}

#[test]
fn a_period_question_gives_merged_date_ranges() {
    let r = query(
        "examples/",
        &[r#"wfo "BPKAD" gov "Pemprov Banten" function admin from 2023-08-20 to 2023-10-05"#],
    );
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        "wfo \"BPKAD\" gov \"Pemprov Banten\" function admin from 2023-08-20 to 2023-10-05\n  note: no circular names function `admin`: it is answered like any other\n\
         \x20 on Monday 2023-08-21:\n\
         \x20   baseline, WFO 100%\n\
         \x20 Tuesday 2023-08-22 to Friday 2023-08-25:\n\
         \x20   WFO at most 50% (rule `national_hybrid` of Inmendagri 2/2023)\n\
         \x20 Monday 2023-08-28 to Wednesday 2023-09-27:\n\
         \x20   WFO 50% (rule `national_hybrid` of Inmendagri 2/2023, rule `hybrid_50` of 800/2928-BKD/2023)\n\
         \x20 Friday 2023-09-29 to Thursday 2023-10-05:\n\
         \x20   WFO at most 50% (rule `national_hybrid` of Inmendagri 2/2023)\n\
         \x20 days off: Saturdays and Sundays from 2023-08-20 to 2023-10-01, Thursday 2023-09-28 (Maulid Nabi Muhammad SAW)\n"
    );

    // Lampung's validity starts and ends inside this period, but nothing changes for Banten:
    // one range, one case.
    let (code, doc) = query_json(
        "examples/",
        &[r#"wfo "BPKAD" gov "Pemprov Banten" function admin from 2021-07-01 to 2021-08-31"#],
    );
    assert_eq!(code, 0);
    // One case of the working days (from the first to the last), then the days off.
    let cases = doc["answers"][0]["cases"].as_array().unwrap();
    let working: Vec<_> = cases.iter().filter(|c| c["status"] != "day_off").collect();
    assert_eq!(working.len(), 1, "{doc:#}");
    assert_eq!(working[0]["from"], "2021-07-01");
    assert_eq!(working[0]["to"], "2021-08-31");
    assert_eq!(working[0]["status"], "baseline");
    let off: Vec<&str> = cases
        .iter()
        .filter(|c| c["status"] == "day_off")
        .map(|c| c["day_off"].as_str().unwrap())
        .collect();
    assert_eq!(
        off,
        [
            "Saturdays and Sundays",
            "Hari Raya Idul Adha 1442 Hijriah",
            "Tahun Baru Islam 1443 Hijriah",
            "Hari Kemerdekaan Republik Indonesia"
        ],
        "{doc:#}"
    );

    // Ranges and cases together: each range lists its cases.
    let r = query(
        "examples/",
        &[r#"wfo "BPKAD" gov "Pemprov Banten" from 2023-08-25 to 2023-08-29"#],
    );
    assert_eq!(
        r.stdout,
        "wfo \"BPKAD\" gov \"Pemprov Banten\" from 2023-08-25 to 2023-08-29\n\
         \x20 on Friday 2023-08-25:\n\
         \x20   function in [direct_service, essential_service]: exempt, WFO 100%\n\
         \x20   otherwise: WFO at most 50% (rule `national_hybrid` of Inmendagri 2/2023)\n\
         \x20 Monday 2023-08-28 to Tuesday 2023-08-29:\n\
         \x20   function in [direct_service, essential_service]: exempt, WFO 100%\n\
         \x20   otherwise: WFO 50% (rule `national_hybrid` of Inmendagri 2/2023, rule `hybrid_50` of 800/2928-BKD/2023)\n\
         \x20 days off: Saturday 2023-08-26, Sunday 2023-08-27\n"
    );
}

#[test]
fn a_revoked_circular_stops_on_the_revokers_first_day() {
    let r = query(
        &fixture("revoked"),
        &[r#"wfo "BPKAD" gov "Pemprov Contoh" from 2024-03-01 to 2024-04-30"#],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "wfo \"BPKAD\" gov \"Pemprov Contoh\" from 2024-03-01 to 2024-04-30\n  note: no circular names unit `BPKAD`: it is answered like any other\n\
         \x20 Friday 2024-03-01 to Thursday 2024-03-14:\n\
         \x20   WFO 25% (rule `everyone` of LAMA/2024)\n\
         \x20 Friday 2024-03-15 to Friday 2024-04-05:\n\
         \x20   WFO 75% (rule `everyone` of BARU/2024)\n\
         \x20 Tuesday 2024-04-16 to Tuesday 2024-04-30:\n\
         \x20   baseline, WFO 100%\n\
         \x20 days off: Saturdays and Sundays from 2024-03-02 to 2024-04-28, \
         Monday 2024-03-11 (Hari Suci Nyepi Tahun Baru Saka 1946), \
         Tuesday 2024-03-12 (cuti bersama Hari Suci Nyepi Tahun Baru Saka 1946), \
         Friday 2024-03-29 (Wafat Isa Almasih), Sunday 2024-03-31 (Hari Paskah), \
         Monday 2024-04-08 to Tuesday 2024-04-09 (cuti bersama Hari Raya Idul Fitri 1445 Hijriah), \
         Wednesday 2024-04-10 to Thursday 2024-04-11 (Hari Raya Idul Fitri 1445 Hijriah), \
         Friday 2024-04-12 (cuti bersama Hari Raya Idul Fitri 1445 Hijriah), \
         Monday 2024-04-15 (cuti bersama Hari Raya Idul Fitri 1445 Hijriah)\n"
    );
    let r = query(&fixture("revoked"), &["in force on 2024-03-20"]);
    assert_eq!(
        r.stdout,
        "in force on 2024-03-20\n  BARU/2024 (provincial, valid 2024-03-15 to 2024-04-15)\n"
    );
}

#[test]
fn in_force_on_lists_the_circulars_valid_that_day() {
    let r = query(
        "examples/",
        &[
            "in force on 2023-09-01",
            "in force on 2023-10-02",
            "in force on 2019-01-01",
        ],
    );
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        "in force on 2023-09-01\n\
         \x20 800/2928-BKD/2023 (provincial, valid 2023-08-28 to 2023-09-28)\n\
         \x20 Inmendagri 2/2023 (national, valid 2023-08-22 to revocation)\n\
         in force on 2023-10-02\n\
         \x20 Inmendagri 2/2023 (national, valid 2023-08-22 to revocation)\n\
         in force on 2019-01-01\n\
         \x20 no circular is in force\n"
    );
}

#[test]
fn conflicts_on_the_examples_finds_none() {
    let r = query("examples/", &["conflicts"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stdout, "conflicts\n  no conflict\n");
    assert_eq!(r.stderr, "");
}

#[test]
fn conflicts_on_the_draft_lists_every_finding_and_exits_1() {
    let r = query("examples/drafts/", &["conflicts"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let out = &r.stdout;
    assert!(out.starts_with("conflicts\n"));
    for code in ["conflict", "antinomy", "violates-higher-norm"] {
        assert!(
            out.contains(&format!("examples/drafts/broken-draft.se [{code}] ")),
            "no `{code}` in:\n{out}"
        );
    }
    // Warnings are not conflicts.
    for code in [
        "implicit-revocation",
        "overlap",
        "dead-rule",
        "dead-exemption",
    ] {
        assert!(
            !out.contains(&format!("[{code}]")),
            "`{code}` listed:\n{out}"
        );
    }
    // The wording of the findings belongs to the checks (tests/lints.rs); here: what they are
    // about. The clash of `crit` (100%) and `ess` (50%) on Dishub, and the antinomy of 2024-B
    // and 2024-C on Satpol PP.
    let line_with = |code: &str, needles: &[&str]| {
        out.lines()
            .any(|l| l.contains(&format!("[{code}]")) && needles.iter().all(|n| l.contains(n)))
    };
    assert!(
        line_with("conflict", &["`crit`", "`ess`", "WFO 100%", "WFO 50%"]),
        "{out}"
    );
    assert!(
        line_with("antinomy", &["DRAFT/PROV/2024-B", "DRAFT/PROV/2024-C"]),
        "{out}"
    );
    assert!(
        line_with("violates-higher-norm", &["`crit`", "DRAFT/NAS/2024"]),
        "{out}"
    );
    // Every finding has a witness.
    let findings = out.lines().filter(|l| l.contains(".se [")).count();
    let witnesses = out
        .lines()
        .filter(|l| l.starts_with("    witness: "))
        .count();
    assert_eq!(findings, witnesses, "{out}");
    assert!(
        out.lines().any(|l| l.starts_with("    witness: ")
            && l.contains("unit `Dishub`, function admin")
            && l.contains("from Monday 2024-03-04 to Friday 2024-03-22")),
        "{out}"
    );

    let (code, doc) = query_json("examples/drafts/", &["conflicts"]);
    assert_eq!(code, 1);
    let list = doc["answers"][0]["conflicts"].as_array().unwrap();
    assert_eq!(list.len(), findings);
    let codes: BTreeSet<&str> = list.iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(
        codes,
        set(&["antinomy", "conflict", "violates-higher-norm"])
    );
    assert!(
        list.iter()
            .all(|f| f["file"] == "examples/drafts/broken-draft.se")
    );
}

#[test]
fn several_questions_are_answered_in_order() {
    let qs = [
        r#"wfo "BPKAD" gov "Pemprov Banten" function admin on 2023-09-01"#,
        "in force on 2021-07-15",
        r#"wfo "RSUD" function service gov "Pemprov Lampung" on 2021-07-15"#,
        "conflicts",
    ];
    let r = query("examples/", &qs);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "wfo \"BPKAD\" gov \"Pemprov Banten\" function admin on 2023-09-01\n  note: no circular names function `admin`: it is answered like any other\n\
         \x20 WFO 50% (rule `national_hybrid` of Inmendagri 2/2023, rule `hybrid_50` of 800/2928-BKD/2023)\n\
         in force on 2021-07-15\n\
         \x20 045.2103/VII/POSKO/2021 (provincial, valid 2021-07-12 to 2021-07-20)\n\
         wfo \"RSUD\" function service gov \"Pemprov Lampung\" on 2021-07-15\n\
         \x20 WFO 100% (rule `health_service` of 045.2103/VII/POSKO/2021)\n\
         conflicts\n\
         \x20 no conflict\n"
    );
    let (_, doc) = query_json("examples/", &qs);
    let asked: Vec<&str> = doc["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["query"].as_str().unwrap())
        .collect();
    assert_eq!(asked, qs);
}

#[test]
fn questions_on_stdin_one_per_line_skip_comments_and_blank_lines() {
    let input = "\
// the Banten 2023 SE
wfo \"BPKAD\" gov \"Pemprov Banten\" function admin on 2023-09-01

   // indented comment
in force on 2020-03-20
   \n\
  wfo \"Biro Umum\" function admin gov \"Pemprov Banten\" on 2020-03-17  
";
    let r = run(edaran().arg("query").arg("examples/").write_stdin(input));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    assert_eq!(
        r.stdout,
        "wfo \"BPKAD\" gov \"Pemprov Banten\" function admin on 2023-09-01\n  note: no circular names function `admin`: it is answered like any other\n\
         \x20 WFO 50% (rule `national_hybrid` of Inmendagri 2/2023, rule `hybrid_50` of 800/2928-BKD/2023)\n\
         in force on 2020-03-20\n\
         \x20 BANTEN-2020-KONSEP-WFH (provincial, valid 2020-03-17 to 2020-03-30)\n\
         wfo \"Biro Umum\" function admin gov \"Pemprov Banten\" on 2020-03-17\n  note: no circular names unit `Biro Umum` or function `admin`: they are answered like any other\n\
         \x20 WFO 0% (rule `non_service` of BANTEN-2020-KONSEP-WFH)\n"
    );

    // Stdin in JSON too.
    let r = run(edaran()
        .args(["query", "examples/", "--format", "json"])
        .write_stdin("// nothing\n\nin force on 2022-02-10\n"));
    assert_eq!(r.code, 0);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_query_shape(&doc);
    assert_eq!(
        doc,
        json!({"answers": [{"query": "in force on 2022-02-10", "circulars": [
            {"id": "800/258-BKD/2022", "valid_from": "2022-01-31", "valid_to": "2022-02-28"}
        ]}]})
    );

    // Only comments: no question, a usage error.
    let r = run(edaran()
        .arg("query")
        .arg("examples/")
        .write_stdin("// nothing here\n\n"));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no question"), "{}", r.stderr);
}

#[test]
fn an_answer_that_is_a_conflict_exits_1() {
    let dir = fixture("conflict");
    let r = query(
        &dir,
        &[r#"wfo "Dishub" gov "Pemprov Contoh" on 2024-03-20"#],
    );
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines[1],
        "  conflict (rule `crit` of KONFLIK/2024, rule `ess` of KONFLIK/2024)"
    );
    assert!(lines[2].starts_with("    note: conflict: the rules `crit`"));

    // The same workspace answers other subjects normally: a conflict is an answer, not a refusal.
    let r = query(&dir, &[r#"wfo "BPKAD" gov "Pemprov Contoh" on 2024-03-20"#]);
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        "wfo \"BPKAD\" gov \"Pemprov Contoh\" on 2024-03-20\n  WFO 50% (rule `ess` of KONFLIK/2024)\n"
    );

    // One conflicting answer among others is enough, wherever it comes.
    let r = query(
        &dir,
        &[
            r#"wfo "Dishub" gov "Pemprov Contoh" on 2024-03-20"#,
            r#"wfo "BPKAD" gov "Pemprov Contoh" on 2024-03-20"#,
        ],
    );
    assert_eq!(r.code, 1);

    // A question split into cases of which one is a conflict.
    let r = query(&dir, &[r#"wfo "Dishub" from 2024-03-01 to 2024-04-01"#]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("Monday 2024-03-04 to Thursday 2024-03-28:\n    conflict (rule `crit`")
    );

    // JSON: status conflict, wfo null, both rules deciding.
    let (code, doc) = query_json(
        &dir,
        &[r#"wfo "Dishub" gov "Pemprov Contoh" on 2024-03-20"#],
    );
    assert_eq!(code, 1);
    let case = &doc["answers"][0]["cases"][0];
    assert_eq!(case["status"], "conflict");
    assert!(case["wfo"].is_null());
    assert_eq!(
        case["decided_by"],
        json!([{"circular": "KONFLIK/2024", "rule": "crit"}, {"circular": "KONFLIK/2024", "rule": "ess"}])
    );
}

#[test]
fn a_bad_query_exits_2_with_a_diagnostic_pointing_into_the_query() {
    // An impossible date: underlined where it stands in the question.
    let q = r#"wfo "BPKAD" gov "Pemprov Banten" on 2023-02-30"#;
    let r = query("examples/", &[q]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("invalid-date"), "{}", r.stderr);
    assert!(r.stderr.contains("`2023-02-30` is not a date"));
    assert!(r.stderr.contains("February 2023 has 28 days"));
    let col = q.find("2023-02-30").unwrap();
    assert!(
        r.stderr.contains(&format!("[query:1:{}]", col + 1)),
        "{}",
        r.stderr
    );
    // (The renderer adds one space after the text, so that the end of a question can be pointed
    // at.)
    assert!(r.stderr.contains(&format!(" 1 │ {q} \n")));
    assert_eq!(underline_column(&r.stderr), col, "{}", r.stderr);

    // An unquoted unit: the label sits under it and says what was expected.
    let q = "wfo BPKAD on 2023-09-01";
    let r = query("examples/", &[q]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("syntax"));
    assert!(r.stderr.contains("expected a quoted string, found `BPKAD`"));
    assert!(r.stderr.contains("[query:1:5]"));
    assert_eq!(underline_column(&r.stderr), q.find("BPKAD").unwrap());
    assert!(r.stderr.contains("(`\"BPKAD\"`)"), "the help shows the fix");

    // A dimension given twice: both places are labelled.
    let q = r#"wfo "BPKAD" gov "A" function admin gov "B" on 2023-09-01"#;
    let r = query("examples/", &[q]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("`gov` is given twice"));
    assert!(r.stderr.contains("first time") && r.stderr.contains("second time"));
    assert_eq!(underline_column(&r.stderr), q.find("gov").unwrap());

    // A missing date.
    let q = r#"wfo "BPKAD" gov "Pemprov Banten""#;
    let r = query("examples/", &[q]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("a question needs a date"));
    assert!(r.stderr.contains("add `on YYYY-MM-DD`"));
    // The location is the end of the question (the caret itself: see the ignored test below).
    assert!(
        r.stderr.contains(&format!("[query:1:{}]", q.len() + 1)),
        "{}",
        r.stderr
    );

    // A period that ends before it starts.
    let q = r#"wfo "BPKAD" gov "Pemprov Banten" from 2023-09-10 to 2023-09-01"#;
    let r = query("examples/", &[q]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("empty-period"));
    assert!(
        r.stderr
            .contains("the period ends on 2023-09-01 before it starts on 2023-09-10")
    );
    assert_eq!(underline_column(&r.stderr), q.find("2023-09-10").unwrap());

    // An unknown question word.
    let r = query("examples/", &[r#"wfx "BPKAD" on 2023-09-01"#]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unexpected `wfx`"));
    assert_eq!(underline_column(&r.stderr), 0);

    // A bad question among good ones: the good ones are still answered, the status is 2.
    let r = query(
        "examples/",
        &[
            "in force on 2019-01-01",
            "wfo BPKAD on 2023-09-01",
            "in force on 2022-02-10",
        ],
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stdout,
        "in force on 2019-01-01\n  no circular is in force\nin force on 2022-02-10\n  800/258-BKD/2022 (provincial, valid 2022-01-31 to 2022-02-28)\n"
    );
    assert!(r.stderr.contains("expected a quoted string"));

    // A bad question beats a conflict: 2, not 1.
    let r = query(
        &fixture("conflict"),
        &[
            r#"wfo "Dishub" gov "Pemprov Contoh" on 2024-03-20"#,
            "in force on 2024-02-30",
        ],
    );
    assert_eq!(r.code, 2);
}

/// Known bug (src/render.rs): a diagnostic whose span is empty and sits at the very end of the
/// source (a question without a date, `on` with nothing after it, `:given gov`) is rendered with
/// its location in the header but with no caret and no label under the source line.
#[test]
fn a_caret_marks_the_end_of_a_question_that_stops_short() {
    for q in [r#"wfo "BPKAD" gov "Pemprov Banten""#, r#"wfo "BPKAD" on"#] {
        let r = query("examples/", &[q]);
        assert_eq!(r.code, 2);
        let col = underline_column(&r.stderr);
        assert!(col + 1 >= q.len(), "{}", r.stderr);
    }
}

#[test]
fn a_workspace_that_does_not_resolve_is_refused_with_exit_2() {
    let dir = fixture("broken");
    let r = query(&dir, &["in force on 2024-03-05"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stdout, "", "no answer from a half-understood workspace");
    let file = format!("{dir}/broken.se");
    let valid = line_of(&file, "valid ");
    let overrides = line_of(&file, "overrides nobody");
    for expected in [
        "empty-period".to_string(),
        "the validity ends on 2024-02-29 before it starts on 2024-03-04".to_string(),
        format!("{file}:{valid}:10"),
        "unknown-name".to_string(),
        "unknown rule `nobody`".to_string(),
        format!("{file}:{overrides}:"),
        "the workspace does not parse and resolve (2 errors)".to_string(),
    ] {
        assert!(
            r.stderr.contains(&expected),
            "stderr lacks {expected:?}:\n{}",
            r.stderr
        );
    }
    // The same for JSON and for `test`.
    let r = run(edaran().args(["query", &dir, "--format", "json", "-e", "conflicts"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown rule `nobody`"));
    let r = run(edaran().args(["test", &dir]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("empty-period"));

    // Warnings (the Banten 2023 period-mismatch) and findings (a conflict) do not block.
    assert_eq!(query("examples/", &["conflicts"]).code, 0);
    assert_eq!(
        query(&fixture("conflict"), &["in force on 2024-03-05"]).code,
        0
    );
}

// -------------------------------------------------------------------------------------------------
// query --format json: the shape of docs/language.md section 13, with the values

#[test]
fn json_cases_carry_when_dates_status_share_priority_rules_and_notes() {
    let (code, doc) = query_json(
        "examples/",
        &[r#"wfo "BPKAD" gov "Pemprov Banten" on 2023-09-01"#],
    );
    assert_eq!(code, 0);
    assert_eq!(
        doc,
        json!({"answers": [{
            "query": "wfo \"BPKAD\" gov \"Pemprov Banten\" on 2023-09-01",
            "cases": [
                {
                    "when": {"function": {"in": ["direct_service", "essential_service"]}},
                    "from": "2023-09-01", "to": "2023-09-01",
                    "status": "exempt",
                    "wfo": {"min": 100, "max": 100, "remote": "home"},
                    "wfh_priority": null,
                    "decided_by": [],
                    "notes": []
                },
                {
                    "when": {"function": {"not_in": ["direct_service", "essential_service"]}},
                    "from": "2023-09-01", "to": "2023-09-01",
                    "status": "ruled",
                    "wfo": {"min": 50, "max": 50, "remote": "home"},
                    "wfh_priority": null,
                    "decided_by": [
                        {"circular": "Inmendagri 2/2023", "rule": "national_hybrid"},
                        {"circular": "800/2928-BKD/2023", "rule": "hybrid_50"}
                    ],
                    "notes": []
                }
            ]
        }]})
    );
}

#[test]
fn json_values_for_ceilings_baselines_priorities_and_periods() {
    let (code, doc) = query_json(
        EARLY,
        &[
            r#"wfo "BPKAD" function admin gov "Pemprov Lampung" on 2021-07-15"#,
            r#"wfo "BPKAD" gov "Pemprov Banten" function admin domicile "Bekasi" office "Kota Serang" on 2023-09-01"#,
            r#"wfo "BPKAD" gov "Pemprov Papua" function admin domicile "Bekasi" office "Kota Serang" on 2023-09-01"#,
            r#"wfo "BPKAD" gov "Pemprov Banten" function admin from 2023-08-20 to 2023-10-05"#,
        ],
    );
    assert_eq!(code, 0);
    let a = doc["answers"].as_array().unwrap();
    // A ceiling: WFO [0, 25].
    assert_eq!(
        a[0]["cases"],
        json!([{
            "when": {}, "from": "2021-07-15", "to": "2021-07-15", "status": "ruled",
            "wfo": {"min": 0, "max": 25, "remote": "home"}, "wfh_priority": null,
            "decided_by": [{"circular": "045.2103/VII/POSKO/2021", "rule": "essential_cap"}],
            "notes": []
        }])
    );
    // A full point carries its WFH priority.
    assert_eq!(a[1]["cases"][0]["wfh_priority"], 1);
    assert_eq!(
        a[1]["cases"][0]["wfo"],
        json!({"min": 50, "max": 50, "remote": "home"})
    );
    // A government no scope names: baseline with the note.
    assert_eq!(
        a[2]["cases"],
        json!([{
            "when": {}, "from": "2023-09-01", "to": "2023-09-01", "status": "baseline",
            "wfo": {"min": 100, "max": 100, "remote": "home"}, "wfh_priority": null, "decided_by": [],
            "notes": ["no circular names this government in its scope"]
        }])
    );
    // A period: one case per merged range of working days, from its first working day to its
    // last, then the days off (the weekends, and Maulid Nabi on 2023-09-28).
    let ranges: Vec<(&str, &str, &str, Value)> = a[3]["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["from"].as_str().unwrap(),
                c["to"].as_str().unwrap(),
                c["status"].as_str().unwrap(),
                c["wfo"].clone(),
            )
        })
        .collect();
    let share = |min: u32, max: u32| json!({"min": min, "max": max, "remote": "home"});
    assert_eq!(
        ranges,
        vec![
            ("2023-08-21", "2023-08-21", "baseline", share(100, 100)),
            ("2023-08-22", "2023-08-25", "ruled", share(0, 50)),
            ("2023-08-28", "2023-09-27", "ruled", share(50, 50)),
            ("2023-09-29", "2023-10-05", "ruled", share(0, 50)),
            ("2023-08-20", "2023-10-01", "day_off", Value::Null),
            ("2023-09-28", "2023-09-28", "day_off", Value::Null),
        ]
    );
    assert_eq!(a[3]["cases"][4]["weekdays"], json!(["saturday", "sunday"]));
    assert_eq!(a[3]["cases"][4]["day_off"], "Saturdays and Sundays");
    assert_eq!(a[3]["cases"][5]["day_off"], "Maulid Nabi Muhammad SAW");
}

#[test]
fn json_for_in_force_and_wfh_priority() {
    let (code, doc) = query_json(
        "examples/",
        &[
            "in force on 2023-09-01",
            r#"wfh priority "BPKAD" gov "Pemprov Banten" function admin on 2023-09-01"#,
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(
        doc["answers"][0],
        json!({"query": "in force on 2023-09-01", "circulars": [
            {"id": "800/2928-BKD/2023", "valid_from": "2023-08-28", "valid_to": "2023-09-28"},
            {"id": "Inmendagri 2/2023", "valid_from": "2023-08-22", "valid_to": null}
        ]})
    );
    // The priority splits by domicile and office: offices near Jakarta (for staff living
    // elsewhere), Jabodetabek domiciles, then nobody ("otherwise").
    let cases = doc["answers"][1]["cases"].as_array().unwrap();
    let ranks: Vec<&Value> = cases.iter().map(|c| &c["wfh_priority"]).collect();
    assert_eq!(ranks, [&json!(1), &json!(1), &Value::Null]);
    assert_eq!(
        cases[1]["when"],
        json!({"domicile": {"in": ["Bekasi", "Bogor", "Depok", "Jakarta", "Tangerang"]}})
    );
    assert_eq!(
        cases[0]["when"]["office"],
        json!({"in": ["Jakarta", "Kota Tangerang", "Kota Tangerang Selatan"]})
    );
    assert_eq!(
        cases[2]["when"]["office"],
        json!({"not_in": ["Jakarta", "Kota Tangerang", "Kota Tangerang Selatan"]})
    );
    assert_eq!(
        cases[2]["when"]["domicile"],
        json!({"not_in": ["Bekasi", "Bogor", "Depok", "Jakarta", "Tangerang"]})
    );
}

#[test]
fn json_for_explain_adds_the_explanation_and_the_duties() {
    let (code, doc) = query_json(
        EARLY,
        &[
            r#"explain "Bapenda/UPTD" function service gov "Pemprov Lampung" domicile "Bandar Lampung" office "Bandar Lampung" on 2021-07-15"#,
        ],
    );
    assert_eq!(code, 0);
    let case = &doc["answers"][0]["cases"][0];
    assert_eq!(case["status"], "ruled");
    assert_eq!(case["wfo"], json!({"min": 0, "max": 50, "remote": "home"}));
    assert_eq!(
        case["decided_by"],
        json!([{"circular": "045.2103/VII/POSKO/2021", "rule": "uptd_service"}])
    );
    assert_eq!(case["duties"].as_array().unwrap().len(), 4);
    let steps = case["explanation"].as_array().unwrap();
    let circular = &steps[0];
    assert_eq!(circular["step"], "circular");
    assert_eq!(circular["circular"], "045.2103/VII/POSKO/2021");
    assert_eq!(circular["level"], "provincial");
    assert_eq!(circular["outcome"], "applies");
    assert_eq!(circular["reason"], Value::Null);
    assert_eq!(
        circular["requires"],
        json!({"min": 0, "max": 50, "remote": "home"})
    );
    assert_eq!(circular["conflict"], false);
    let rule = |name: &str| -> &Value {
        circular["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["rule"] == name)
            .unwrap_or_else(|| panic!("no rule `{name}` in {circular}"))
    };
    assert_eq!(
        rule("essential_cap"),
        &json!({
            "rule": "essential_cap",
            "outcome": "overridden",
            "reason": "overridden by `uptd_service` (lex specialis)",
            "wfo": {"min": 0, "max": 25, "remote": "home"},
            "overridden_by": ["uptd_service"],
        })
    );
    assert_eq!(rule("uptd_service")["outcome"], "decides");
    assert_eq!(rule("uptd_service")["reason"], Value::Null);
    assert_eq!(
        rule("uptd_service")["wfo"],
        json!({"min": 0, "max": 50, "remote": "home"})
    );
    assert_eq!(rule("general")["outcome"], "excepted");
    // The circulars of Banten are counted, not listed, in the steps and as data.
    assert!(
        steps
            .contains(&json!({"step": "not_listed", "group": "other_governments", "circulars": 4}))
    );
    assert_eq!(
        case["not_listed"],
        json!([{"group": "other_governments", "circulars": 4}])
    );
}

/// The JSON explanation holds what the human one says, step by step: each circular with its
/// outcome and reason, each rule, the groups not listed, the principles and the baseline.
#[test]
fn json_explanation_says_what_the_text_says() {
    let subject = r#""BPKAD" function admin gov "Pemprov Contoh" domicile "Serang" office "Serang" on 2024-03-20"#;
    let questions: Vec<(String, String)> = vec![
        ("examples/".into(), r#"explain "Bapenda/UPTD" function service gov "Pemprov Lampung" domicile "Bandar Lampung" office "Bandar Lampung" on 2021-07-15"#.into()),
        ("examples/".into(), r#"explain "RSUD" function direct_service gov "Pemprov Banten" domicile "Bekasi" office "Kota Serang" on 2023-09-01"#.into()),
        ("examples/".into(), r#"explain "BPKAD" function admin gov "Pemprov Banten" domicile "Bekasi" office "Kota Serang" on 2019-01-01"#.into()),
        ("examples/".into(), r#"explain "Bapenda/UPTD" gov "Pemprov Lampung" domicile "Bandar Lampung" office "Bandar Lampung" on 2021-07-15"#.into()),
        (fixture("revoked"), format!("explain {subject}")),
        (fixture("revoked-chain"), format!("explain {subject}")),
        (fixture("posterior"), format!("explain {subject}")),
        (fixture("superior"), format!("explain {subject}")),
        (fixture("conflict"), format!("explain {}", subject.replace("BPKAD", "Dishub"))),
    ];
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (path, question) in &questions {
        let text = query(path, &[question.as_str()]).stdout;
        let (_, doc) = query_json(path, &[question.as_str()]);
        let cases = doc["answers"][0]["cases"].as_array().unwrap();
        for case in cases {
            let steps = case["explanation"].as_array().unwrap();
            for step in steps {
                seen.insert(step["step"].as_str().unwrap().to_string());
                let line = match step["step"].as_str().unwrap() {
                    "circular" => {
                        let why = match step["reason"].as_str() {
                            None => "applies".to_string(),
                            Some(reason) => format!("does not apply: {reason}"),
                        };
                        for r in step["rules"].as_array().unwrap() {
                            let what = match r["reason"].as_str() {
                                None => "decides: ".to_string(),
                                Some(reason) => format!("dropped: {reason}\n"),
                            };
                            let line =
                                format!("    rule `{}`: {what}", r["rule"].as_str().unwrap());
                            assert!(text.contains(&line), "`{line}` is not in\n{text}");
                        }
                        if step["conflict"] == true {
                            assert!(text.contains(
                                "    conflict: its deciding rules require disjoint shares\n"
                            ));
                        }
                        if !step["requires"].is_null() {
                            assert!(text.contains("    the circular requires WFO "));
                        }
                        format!(
                            "  circular {} ({}, signed {}): {why}\n",
                            step["circular"].as_str().unwrap(),
                            step["level"].as_str().unwrap(),
                            step["signed"].as_str().unwrap()
                        )
                    }
                    "principle" => format!("  {}\n", step["text"].as_str().unwrap()),
                    "baseline" if step["status"] == "exempt" => {
                        "  the subject is exempt and no rule applies: the baseline is WFO ".into()
                    }
                    "baseline" => "  no rule applies: the baseline is WFO ".into(),
                    _ => continue,
                };
                assert!(text.contains(&line), "`{line}` is not in\n{text}");
            }
            let listed = steps.iter().filter(|s| s["step"] == "circular").count();
            let counted: u64 = steps
                .iter()
                .filter(|s| s["step"] == "not_listed")
                .map(|s| s["circulars"].as_u64().unwrap())
                .sum();
            if cases.len() == 1 {
                assert_eq!(
                    (listed, counted as usize),
                    listed_and_counted(&text),
                    "{text}"
                );
            }
        }
    }
    // Every kind of step is met.
    assert_eq!(
        seen,
        ["baseline", "circular", "not_listed", "principle"]
            .into_iter()
            .map(String::from)
            .collect()
    );
}

// -------------------------------------------------------------------------------------------------
// explain: snapshots of the derivation, reviewed as a user would read them

#[test]
fn explain_a_rule_overridden_by_a_more_special_one_in_lampung() {
    let out = explain(
        EARLY,
        r#"explain "Bapenda/UPTD" function service gov "Pemprov Lampung" domicile "Bandar Lampung" office "Bandar Lampung" on 2021-07-15"#,
    );
    assert!(
        out.contains("rule `essential_cap`: dropped: overridden by `uptd_service` (lex specialis)")
    );
    assert!(out.contains("rule `general`: dropped: its `except` removes the subject"));
    assert!(out.contains("rule `uptd_service`: decides: WFO at most 50%"));
    insta::assert_snapshot!("explain_lampung_overridden", out);
}

#[test]
fn explain_an_exempt_subject_in_banten_2023() {
    let out = explain(
        EARLY,
        r#"explain "RSUD" function direct_service gov "Pemprov Banten" domicile "Bekasi" office "Kota Serang" on 2023-09-01"#,
    );
    assert!(out.contains("  answer: exempt, WFO 100%\n"));
    assert!(
        out.contains("circular 800/2928-BKD/2023 (provincial, signed 2023-08-25): does not apply: the subject is exempt")
    );
    assert!(out.contains("the subject is exempt and no rule applies: the baseline is WFO 100%"));
    // No rule decides, so no duty is shown and no priority either.
    assert!(!out.contains("duty ("));
    assert!(!out.contains("priority"));
    insta::assert_snapshot!("explain_banten_2023_exempt", out);
}

#[test]
fn explain_the_national_frame_over_banten_2023() {
    let out = explain(
        EARLY,
        r#"explain "BPKAD" function admin gov "Pemprov Banten" domicile "Bekasi" office "Kota Serang" on 2023-09-01"#,
    );
    assert!(out.contains("rule `national_hybrid`: decides: WFO at most 50%"));
    assert!(out.contains("rule `hybrid_50`: decides: WFO 50%"));
    assert!(out.contains("; WFH priority 1"));
    // The five duties a-e of point 4 of the Banten SE; the national frame has none.
    assert_eq!(out.matches("  duty (800/2928-BKD/2023): ").count(), 5);
    insta::assert_snapshot!("explain_national_frame_over_banten_2023", out);
}

#[test]
fn explain_a_date_outside_every_validity() {
    let (out, all) = explain_both(
        EARLY,
        r#"explain "BPKAD" function admin gov "Pemprov Banten" domicile "Bekasi" office "Kota Serang" on 2019-01-01"#,
    );
    // Four circulars have ended or not begun; the open-ended national frame is not yet in force.
    assert_eq!(
        all.matches(": does not apply: outside its validity")
            .count(),
        4
    );
    assert_eq!(all.matches(": does not apply: not yet in force").count(), 1);
    // Of Banten's, only the first to start is listed; Lampung's is counted.
    assert_eq!(out.matches("  circular ").count(), 1);
    assert!(out.contains("  circular BANTEN-2020-KONSEP-WFH (provincial, signed 2020-03-16): does not apply: outside its validity (2020-03-17 to 2020-03-30)\n"));
    assert!(
        out.contains("    1 circular of another government: the government is out of its scope\n")
    );
    assert!(
        out.contains("    3 later circulars for this government: not yet in force on 2019-01-01\n")
    );
    assert!(out.contains("  no rule applies: the baseline is WFO 100%\n"));
    insta::assert_snapshot!("explain_outside_every_validity", out);
}

#[test]
fn explain_a_revoked_circular() {
    let out = explain(
        &fixture("revoked"),
        r#"explain "BPKAD" function admin gov "Pemprov Contoh" domicile "Serang" office "Serang" on 2024-03-20"#,
    );
    assert!(out.contains(
        "circular LAMA/2024 (provincial, signed 2024-02-26): does not apply: revoked by BARU/2024"
    ));
    assert!(out.contains("  duty (BARU/2024): "));
    assert!(
        !out.contains("  duty (LAMA/2024): "),
        "a revoked circular's duties are not shown"
    );
    insta::assert_snapshot!("explain_revoked", out);

    // Before the revoker starts, the old circular still decides.
    let before = explain(
        &fixture("revoked"),
        r#"explain "BPKAD" function admin gov "Pemprov Contoh" domicile "Serang" office "Serang" on 2024-03-14"#,
    );
    assert!(before.contains("  answer: WFO 25% (rule `everyone` of LAMA/2024)\n"));
    assert!(before.contains("circular BARU/2024 (provincial, signed 2024-03-12): does not apply: outside its validity (2024-03-15 to 2024-04-15)"));
}

#[test]
fn explain_lists_the_circular_revoked_last_and_counts_the_earlier_ones() {
    let (out, all) = explain_both(
        &fixture("revoked-chain"),
        r#"explain "BPKAD" function admin gov "Pemprov Contoh" domicile "Serang" office "Serang" on 2024-03-20"#,
    );
    assert!(out.contains(
        "  circular DUA/2024 (provincial, signed 2024-02-01): does not apply: revoked by TIGA/2024 from 2024-03-04\n"
    ));
    assert!(!out.contains("circular SATU/2024"));
    assert!(
        out.contains("    1 earlier circular for this government: revoked before 2024-03-20\n")
    );
    assert!(all.contains(
        "  circular SATU/2024 (provincial, signed 2024-01-01): does not apply: revoked by DUA/2024 from 2024-02-02\n"
    ));
    insta::assert_snapshot!("explain_revoked_chain", out);
}

#[test]
fn explain_of_a_government_no_circular_names_says_so() {
    let out = explain(
        EARLY,
        r#"explain "BPKAD" function admin gov "Pemprov Jateng" domicile "Bekasi" office "Kota Serang" on 2023-09-01"#,
    );
    // No circular concerns it, so none is listed: the note says why.
    assert!(!out.contains("  circular "), "{out}");
    assert!(out.contains("\n  note: no circular names this government in its scope\n"));
    assert!(
        out.contains(
            "    5 circulars of other governments: the government is out of their scope\n"
        )
    );
}

#[test]
fn explain_lex_posterior_between_circulars_of_one_level() {
    let out = explain(
        &fixture("posterior"),
        r#"explain "BPKAD" function admin gov "Pemprov Contoh" domicile "Serang" office "Serang" on 2024-03-20"#,
    );
    assert!(out.contains("  answer: WFO 50% (rule `hybrid` of PROV-B/2024)\n"));
    assert!(out.contains(
        "  lex posterior: PROV-B/2024 (signed 2024-03-08) prevails over the earlier `everyone` of PROV-A/2024 (WFO 100%)\n"
    ));
    insta::assert_snapshot!("explain_lex_posterior", out);
}

#[test]
fn explain_lex_superior_across_levels() {
    let out = explain(
        &fixture("superior"),
        r#"explain "BPKAD" function admin gov "Pemprov Contoh" domicile "Serang" office "Serang" on 2024-03-20"#,
    );
    assert!(out.contains("  answer: WFO at most 50% (rule `cap` of NAS/2024)\n"));
    assert!(out.contains("  lex superior: the provincial rule `everyone` of PROV/2024 (WFO 100%) contradicts the higher norm (WFO at most 50%), which prevails\n"));
    insta::assert_snapshot!("explain_lex_superior", out);
}

#[test]
fn explain_a_conflict_inside_one_circular() {
    let r = query(
        &fixture("conflict"),
        &[
            r#"explain "Dishub" function admin gov "Pemprov Contoh" domicile "Serang" office "Serang" on 2024-03-20"#,
        ],
    );
    assert_eq!(r.code, 1, "an explained conflict is still a conflict");
    assert!(
        r.stdout
            .contains("    conflict: its deciding rules require disjoint shares\n")
    );
    insta::assert_snapshot!("explain_conflict", r.stdout);
}

#[test]
fn explain_with_a_left_out_dimension_explains_each_case() {
    let r = query(
        "examples/",
        &[
            r#"explain "Bapenda/UPTD" gov "Pemprov Lampung" domicile "Bandar Lampung" office "Bandar Lampung" on 2021-07-15"#,
        ],
    );
    assert_eq!(r.code, 0);
    assert!(
        r.stdout
            .contains("  case 1 of 2: function service, on Thursday 2021-07-15\n")
    );
    assert!(
        r.stdout
            .contains("  case 2 of 2: function not in [service], on Thursday 2021-07-15\n")
    );
    assert_eq!(r.stdout.matches("  answer: ").count(), 2);
}

/// A national corpus in miniature: the generator's regional governments, each with a circular a
/// quarter, and a national frame a year.
#[test]
fn explain_on_a_corpus_lists_what_concerns_the_point_and_counts_the_rest() {
    use edaran::corpus::{Size, generate};
    let sources = generate(
        Size {
            rules: 400,
            governments: 4,
            exceptions: 0,
        },
        3,
    );
    let dir = tempfile::tempdir().unwrap();
    // (id, first day, last day, scope) of every circular, read off the generated text.
    let mut circulars: Vec<(String, String, String, String)> = Vec::new();
    for s in &sources {
        std::fs::write(dir.path().join(&s.name), &s.text).unwrap();
        for block in s.text.split("circular \"").skip(1) {
            let id = block.split('"').next().unwrap().to_string();
            let field = |key: &str| {
                block
                    .lines()
                    .find_map(|l| l.trim().strip_prefix(key))
                    .unwrap()
                    .to_string()
            };
            let valid = field("valid ");
            let (from, to) = valid.split_once(" to ").unwrap();
            circulars.push((id, from.into(), to.into(), field("scope ")));
        }
    }
    let (gov, day) = ("Pemda 001", "2022-05-10");
    // What the explanation should list and count, by a direct reading of the circulars (dates
    // as written compare as text). The corpus revokes only circulars that have ended.
    let ours: Vec<_> = circulars
        .iter()
        .filter(|c| c.3 == "all" || c.3 == format!("\"{gov}\""))
        .collect();
    let last_end = ours
        .iter()
        .map(|c| &c.2)
        .filter(|&t| t.as_str() < day)
        .max()
        .unwrap();
    let next_start = ours
        .iter()
        .map(|c| &c.1)
        .filter(|&f| f.as_str() > day)
        .min()
        .unwrap();
    let listed: BTreeSet<&str> = ours
        .iter()
        .filter(|c| {
            (c.1.as_str() <= day && day <= c.2.as_str()) || &c.2 == last_end || &c.1 == next_start
        })
        .map(|c| c.0.as_str())
        .collect();
    let ended = ours.iter().filter(|c| c.2.as_str() < day).count() - 1;
    let later = ours.iter().filter(|c| c.1.as_str() > day).count() - 1;
    let others = circulars.len() - ours.len();
    assert!(listed.len() == 4 && ended > 4 && later > 4 && others > 40);

    let path = dir.path().to_str().unwrap();
    let question = format!(
        r#"explain "Dinas Kesehatan" function admin gov "{gov}" domicile "Bogor" office "Bogor" on {day}"#
    );
    let r = query(path, &[&question]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let named: BTreeSet<&str> = r
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("  circular "))
        .map(|l| l.split(" (").next().unwrap())
        .collect();
    assert_eq!(named, listed, "{}", r.stdout);
    let expected = [
        format!("  not listed (`edaran query --all` lists every circular):\n    {others} circulars of other governments: the government is out of their scope\n"),
        format!("    {ended} earlier circulars for this government: ended before {day}\n"),
        format!("    {later} later circulars for this government: not yet in force on {day}\n"),
    ]
    .concat();
    assert!(r.stdout.contains(&expected), "{}", r.stdout);
    assert_eq!(listed_and_counted(&r.stdout), (4, circulars.len() - 4));
    assert!(r.stdout.lines().count() < 50, "{}", r.stdout);

    // `--all` lists every circular, and counts none.
    let mut cmd = edaran();
    cmd.arg("query")
        .args(path.split_whitespace())
        .arg("--all")
        .arg("-e")
        .arg(&question);
    let all = run(&mut cmd);
    assert_eq!(all.code, 0, "{}", all.stderr);
    assert_eq!(listed_and_counted(&all.stdout), (circulars.len(), 0));
    for c in &circulars {
        assert!(all.stdout.contains(&format!("  circular {} (", c.0)));
    }
    // Each listed circular reads the same in both.
    for line in r.stdout.lines().filter(|l| !is_not_listed_line(l)) {
        assert!(all.stdout.lines().any(|l| l == line), "`{line}`");
    }

    // The JSON carries the same counts, by group.
    let (code, doc) = query_json(path, &[&question]);
    assert_eq!(code, 0);
    assert_eq!(
        doc["answers"][0]["cases"][0]["not_listed"],
        json!([
            {"group": "other_governments", "circulars": others},
            {"group": "ended", "circulars": ended},
            {"group": "not_yet_in_force", "circulars": later},
        ])
    );
}

// -------------------------------------------------------------------------------------------------
// test

#[test]
fn the_examples_pass_every_test() {
    let r = run(edaran().arg("test").arg("examples/"));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let blocks: usize = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "se"))
        .map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .filter(|l| l.starts_with("test \""))
                .count()
        })
        .sum();
    assert!(blocks >= 10, "the examples hold their tests");
    assert_eq!(
        r.stdout.matches(") ... ok\n").count(),
        blocks,
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("FAILED"));
    assert_eq!(
        r.stdout.lines().last(),
        Some(format!("{blocks} passed, 0 failed").as_str())
    );
    assert!(r.stdout.contains(
        "test \"Banten 2022: critical 100%, essential 50%, the rest 25%\" (examples/banten-2022-wfh-covid.se) ... ok\n"
    ));
}

#[test]
fn failing_expectations_show_expected_and_actual_at_the_expect() {
    let file = fixture("failing/failing.se");
    let r = run(edaran().arg("test").arg(fixture("failing")));
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let out = &r.stdout;
    assert_eq!(out.lines().last(), Some("1 passed, 3 failed"));
    assert!(out.contains(&format!("test \"passes\" ({file}) ... ok\n")));
    assert!(out.contains(&format!("test \"wrong share\" ({file}) ... FAILED\n")));

    // Each failure points at its `expect`, by line and column, and quotes the line.
    let failures: &[(&str, &str)] = &[
        (
            "expect wfo \"BPKAD\" on 2024-03-05 = 50%",
            "expected WFO 50%, got WFO at most 25%",
        ),
        (
            "expect wfo \"BPKAD\" on 2024-04-05 = exempt",
            "expected exempt, got baseline, WFO 100%",
        ),
        (
            "expect wfh priority \"BPKAD\" on 2024-03-05 = 1",
            "expected 1, got none",
        ),
        (
            "expect in force on 2024-03-05 = [\"UJI/2023\"]",
            "expected [\"UJI/2023\"], got [\"UJI/2024\"]",
        ),
    ];
    for (line, message) in failures {
        let n = line_of(&file, line);
        assert!(out.contains(message), "no `{message}` in:\n{out}");
        assert!(
            out.contains(&format!("[{file}:{n}:3]")),
            "no pointer to line {n}:\n{out}"
        );
        let quoted = format!("{n:>3} │   {line}\n");
        // Searched after the failure's header: the line may also be the context of another.
        let header = out.find(&format!("[{file}:{n}:3]")).unwrap();
        let at = header
            + out[header..]
                .find(&quoted)
                .unwrap_or_else(|| panic!("line {n} not quoted:\n{out}"));
        // The underline below starts under `expect` and covers the whole expectation.
        let below = out[at + quoted.len()..].lines().next().unwrap();
        let gutter = quoted.chars().position(|c| c == '│').unwrap() + 2;
        assert_eq!(
            below.chars().position(|c| c == '─'),
            Some(gutter + 2),
            "{below}"
        );
        assert_eq!(
            below.chars().filter(|&c| c == '─' || c == '┬').count(),
            line.chars().count(),
            "{below}"
        );
    }
    // A passing expectation is not reported.
    let passing = line_of(&file, "expect wfo \"BPKAD\" on 2024-03-05 = at most 25%");
    assert!(!out.contains(&format!("[{file}:{passing}:3]")));
}

#[test]
fn an_expectation_split_into_cases_fails_and_says_on_what_it_depends() {
    let file = fixture("failing/failing.se");
    let r = run(edaran().arg("test").arg(&file));
    assert_eq!(r.code, 1);
    let n = line_of(&file, "expect wfo \"Bapenda\" on 2024-03-05 = 50%");
    assert!(r.stdout.contains(&format!(
        "test \"depends on function\" ({file}) ... FAILED\n"
    )));
    assert!(r.stdout.contains(&format!("[{file}:{n}:3]")));
    // The message is wrapped by the renderer: compare without the line breaks.
    let flat: String = r
        .stdout
        .lines()
        .map(|l| l.trim_start_matches([' ', '│', '×']).trim_end())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains(
            "expected WFO 50%, but the answer depends on function: function service: WFO 50%; function not in [service]: WFO at most 25%; give the dimension in the expectation or in `given`"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn test_json_lists_every_test_with_its_failures() {
    let file = fixture("failing/failing.se");
    let r = run(edaran()
        .args(["test", "--format", "json"])
        .arg(fixture("failing")));
    assert_eq!(r.code, 1);
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(keys(&doc), set(&["tests", "passed", "failed"]));
    for t in doc["tests"].as_array().unwrap() {
        assert_eq!(keys(t), set(&["name", "file", "passed", "failures"]));
    }
    let line = |needle: &str| line_of(&file, needle);
    assert_eq!(
        doc,
        json!({
            "tests": [
                {"name": "passes", "file": file, "passed": true, "failures": []},
                {"name": "wrong share", "file": file, "passed": false, "failures": [
                    format!("line {}: expected WFO 50%, got WFO at most 25%", line("= 50%")),
                    format!("line {}: expected exempt, got baseline, WFO 100%", line("= exempt")),
                ]},
                {"name": "depends on function", "file": file, "passed": false, "failures": [
                    format!("line {}: expected WFO 50%, but the answer depends on function: function service: WFO 50%; function not in [service]: WFO at most 25%; give the dimension in the expectation or in `given`", line("expect wfo \"Bapenda\"")),
                ]},
                {"name": "wrong priority and list", "file": file, "passed": false, "failures": [
                    format!("line {}: expected 1, got none", line("= 1")),
                    format!("line {}: expected [\"UJI/2023\"], got [\"UJI/2024\"]", line("UJI/2023")),
                ]},
            ],
            "passed": 1,
            "failed": 3
        })
    );

    // The examples in JSON: all pass, no failures.
    let r = run(edaran().args(["test", "--format", "json", "examples/"]));
    assert_eq!(r.code, 0);
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(doc["failed"], 0);
    let tests = doc["tests"].as_array().unwrap();
    assert_eq!(doc["passed"], tests.len());
    assert!(
        tests
            .iter()
            .all(|t| t["passed"] == true && t["failures"] == json!([]))
    );
    assert!(
        tests
            .iter()
            .all(|t| t["file"].as_str().unwrap().starts_with("examples/"))
    );
}

// -------------------------------------------------------------------------------------------------
// repl from a pipe

fn repl(paths: &[&str], input: &str) -> Run {
    let home = tempfile::tempdir().unwrap();
    let r = run(edaran()
        .arg("repl")
        .args(paths)
        .env("HOME", home.path())
        .write_stdin(input));
    assert!(
        std::fs::read_dir(home.path()).unwrap().next().is_none(),
        "a piped session keeps no history"
    );
    r
}

#[test]
fn a_piped_repl_session_answers_loads_checks_and_quits() {
    let input = format!(
        "\
wfo \"BPKAD\" gov \"Pemprov Lampung\" function admin on 2021-07-15
:given gov \"Pemprov Banten\"
wfo \"BPKAD\" function admin on 2023-09-01
// a comment, then a blank line

wfo BPKAD on 2023-09-01
in force on 2020-03-20
:check
:load {extra}
wfo \"Dinas Pariwisata\" gov \"Pemprov DKI Jakarta\" function admin on 2024-05-13
in force on 2024-05-13
:reload
:bogus
:help
:given
:given clear
:given
wfo \"BPKAD\" function admin on 2021-07-15
:quit
wfo \"BPKAD\" gov \"Pemprov Banten\" function admin on 2023-09-01
:help
",
        extra = fixture("extra")
    );
    let r = repl(&["examples/"], &input);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let out = &r.stdout;

    // Answers appear in the order asked; the given government fills the second question.
    let expected_in_order = [
        "wfo \"BPKAD\" gov \"Pemprov Lampung\" function admin on 2021-07-15\n  note: no circular names function `admin`: it is answered like any other\n  WFO at most 25% (rule `essential_cap` of 045.2103/VII/POSKO/2021)\n",
        "given: gov \"Pemprov Banten\"\n",
        "wfo \"BPKAD\" function admin on 2023-09-01\n  note: no circular names function `admin`: it is answered like any other\n  WFO 50% (rule `national_hybrid` of Inmendagri 2/2023, rule `hybrid_50` of 800/2928-BKD/2023)\n",
        "in force on 2020-03-20\n  BANTEN-2020-KONSEP-WFH (provincial, valid 2020-03-17 to 2020-03-30)\n",
        // :check shows the one warning of the examples
        "period-mismatch",
        "0 errors, 1 warning\n",
        // :load adds an eighth file
        "loaded 8 files, 9 circulars\n",
        "wfo \"Dinas Pariwisata\" gov \"Pemprov DKI Jakarta\" function admin on 2024-05-13\n  note: no circular names unit `Dinas Pariwisata` or function `admin`: they are answered like any other\n  WFO 40% (rule `national_hybrid` of Inmendagri 2/2023, rule `everyone` of JKT/2024)\n",
        "in force on 2024-05-13\n  Inmendagri 2/2023 (national, valid 2023-08-22 to revocation)\n  JKT/2024 (provincial, valid 2024-05-06 to 2024-05-31)\n",
        // :reload keeps the loaded path
        "loaded 8 files, 9 circulars\n",
        // :help
        "Commands:\n",
        ":load PATH",
        ":given DIMS",
        // :given alone shows what is given, `:given clear` clears: the gov is left out again
        // and the answer splits
        "given: gov \"Pemprov Banten\"\n",
        "given: cleared\n",
        "given: none",
        "wfo \"BPKAD\" function admin on 2021-07-15\n  note: no circular names function `admin`: it is answered like any other\n  gov \"Pemprov Lampung\": WFO at most 25%",
        "  otherwise: baseline, WFO 100%\n",
    ];
    let mut at = 0;
    for piece in expected_in_order {
        let found = out[at..].find(piece).unwrap_or_else(|| {
            panic!("{piece:?} missing (or out of order) after byte {at}:\n{out}")
        });
        at += found + piece.len();
    }
    // Nothing after `:quit` is read.
    assert_eq!(
        out.matches("Commands:\n").count(),
        1,
        "a line after :quit was read:\n{out}"
    );
    assert!(!out.contains("wfo \"BPKAD\" gov \"Pemprov Banten\" function admin on 2023-09-01"));
    // The bad line went to stderr with its diagnostic; the session went on.
    assert!(r.stderr.contains("expected a quoted string, found `BPKAD`"));
    assert!(r.stderr.contains(" 1 │ wfo BPKAD on 2023-09-01 \n"));
    assert!(
        r.stderr
            .contains("error: unknown command `:bogus` (`:help` lists them)")
    );
    assert!(!out.contains("expected a quoted string"));
    // :help points inside the repository.
    assert!(out.contains("docs/language.md"));
    assert!(!out.contains("LANGUAGE.md"));
    // No prompt and no banner from a pipe.
    assert!(!out.contains("edaran>"));
    assert!(!out.contains("Ctrl-D leaves"));
}

#[test]
fn a_piped_repl_reports_bad_commands_and_goes_on() {
    let r = repl(
        &["examples/"],
        ":load tests/fixtures/answers/does-not-exist\n:load\n:given gov\n:given function admin\nwfo \"BPKAD\" gov \"Pemprov Banten\" on 2023-09-01\n",
    );
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("does-not-exist"), "{}", r.stderr);
    assert!(r.stderr.contains("error: `:load` takes a path"));
    assert!(r.stderr.contains("[:given:1:"), "{}", r.stderr);
    assert!(r.stderr.contains("expected a quoted string"));
    // The failed :load left the workspace as it was, and the good :given holds.
    assert_eq!(
        r.stdout,
        "given: function admin\n\
         wfo \"BPKAD\" gov \"Pemprov Banten\" on 2023-09-01\n\
         \x20 note: no circular names function `admin`: it is answered like any other\n\
         \x20 WFO 50% (rule `national_hybrid` of Inmendagri 2/2023, rule `hybrid_50` of 800/2928-BKD/2023)\n"
    );
}

#[test]
fn a_piped_repl_does_not_answer_from_a_workspace_that_does_not_resolve() {
    // Loading a broken file: questions are refused (its circular would silently be missing)
    // until the workspace is fixed; commands still work and the session ends with 0.
    let input = format!(
        "wfo \"BPKAD\" gov \"Pemprov Banten\" function admin on 2023-09-01\n:load {}\nwfo \"BPKAD\" gov \"Pemprov Contoh\" on 2024-03-05\n:check\n",
        fixture("broken")
    );
    let r = repl(&["examples/"], &input);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout
            .contains("loaded 8 files, 8 circulars (2 errors: see `:check`)\n")
    );
    assert!(
        !r.stdout.contains("wfo \"BPKAD\" gov \"Pemprov Contoh\""),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr
            .contains("error: the workspace does not parse and resolve (2 errors)")
    );
    assert!(
        r.stdout.contains("unknown rule `nobody`"),
        ":check shows the errors"
    );
    assert!(r.stdout.contains("2 errors, 1 warning\n"));
}

/// Cases with one answer that together say "has one of these traits" read as one line, as the
/// circular wrote them; a trait with an answer of its own stays a line of its own, and the JSON
/// keeps the cases apart (they never overlap).
#[test]
fn cases_of_one_of_several_traits_are_one_line() {
    let path = fixture("traits");
    let text = query(&path, &[r#"wfo "Setda" on 2026-04-10"#]).stdout;
    assert!(
        text.contains("\n  trait in [echelon_2, echelon_3]: exempt, WFO 100%\n"),
        "{text}"
    );
    assert!(!text.contains("trait echelon_2: exempt"), "{text}");
    assert!(
        text.contains("and trait pregnant: WFO 0% (rule `pregnant` of TRAITS/1/2026)"),
        "{text}"
    );
    let (status, doc) = query_json(&path, &[r#"wfo "Setda" on 2026-04-10"#]);
    assert_eq!(status, 0);
    let exempt: Vec<&Value> = doc["answers"][0]["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "exempt")
        .collect();
    assert_eq!(exempt.len(), 2, "{doc:#}");
    // Told apart by the trait, one line still: a person with echelon_3 only is exempt too.
    let text = query(&path, &[r#"wfo "Setda" not trait echelon_2 on 2026-04-10"#]).stdout;
    assert!(
        text.contains("\n  trait echelon_3: exempt, WFO 100%\n"),
        "{text}"
    );
}

// -------------------------------------------------------------------------------------------------
// Where the others work: `wfa` (docs/language.md section 6)

#[test]
fn wfa_answers_say_where_the_others_work() {
    let path = fixture("wfa");
    let r = query(&path, &[r#"wfo "BPKAD" on 2026-03-16"#]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    for line in [
        "  gov \"Pemprov Jambi\" and function admin: WFO at least 75% (rule `admin` of SE PANRB/1/2026)",
        "  gov \"Pemprov Jambi\" and function field: WFO 50%..75%, the others from anywhere (rule `flexible` of SE PANRB/1/2026, rule `field` of SE PANRB/1/2026)",
        "  gov \"Pemprov Jambi\" and function not in [admin, field]: WFO at least 50%, the others from anywhere (rule `flexible` of SE PANRB/1/2026)",
        // The national frame's home within the province's anywhere: from home, said by default.
        "  otherwise: WFO at least 50% (rule `frame` of SE PANRB/1/2026, rule `anywhere` of MALUKU/1/2026)",
    ] {
        assert!(
            r.stdout.contains(&format!("{line}\n")),
            "no `{line}` in:\n{}",
            r.stdout
        );
    }
}

#[test]
fn wfa_explain_says_which_place_and_from_which_rule() {
    let path = fixture("wfa");
    let maluku = explain(
        &path,
        r#"explain "BPKAD" gov "Pemprov Maluku" on 2026-03-16"#,
    );
    for line in [
        "    rule `anywhere`: decides: WFO at least 25%, the others from anywhere",
        "  lex superior: the provincial result (WFO at least 25%, the others from anywhere) holds within the higher norm (WFO at least 50%): together WFO at least 50%",
        "  place: the others work from home (rule `frame` of SE PANRB/1/2026), within the \"from anywhere\" of rule `anywhere` of MALUKU/1/2026: home is within anywhere",
    ] {
        assert!(
            maluku.contains(&format!("{line}\n")),
            "no `{line}` in:\n{maluku}"
        );
    }
    let field = explain(
        &path,
        r#"explain "BPKAD" gov "Pemprov Jambi" function field on 2026-03-16"#,
    );
    assert!(
        field.contains("  place: the others may work from anywhere (rules `flexible` of SE PANRB/1/2026, `field` of SE PANRB/1/2026)\n"),
        "{field}"
    );
    // No rule says anywhere: no step of the place (the answers of wfo and wfh files stay as
    // they were).
    let admin = explain(
        &path,
        r#"explain "BPKAD" gov "Pemprov Jambi" function admin on 2026-03-16"#,
    );
    assert!(!admin.contains("place:"), "{admin}");
}

#[test]
fn wfa_json_says_remote_in_every_share() {
    let path = fixture("wfa");
    let (code, doc) = query_json(
        &path,
        &[
            r#"wfo "BPKAD" gov "Pemprov Jambi" function field on 2026-03-16"#,
            r#"explain "BPKAD" gov "Pemprov Maluku" on 2026-03-16"#,
        ],
    );
    assert_eq!(code, 0);
    let a = doc["answers"].as_array().unwrap();
    assert_eq!(
        a[0]["cases"][0]["wfo"],
        json!({"min": 50, "max": 75, "remote": "anywhere"})
    );
    let case = &a[1]["cases"][0];
    assert_eq!(
        case["wfo"],
        json!({"min": 50, "max": 100, "remote": "home"})
    );
    let steps = case["explanation"].as_array().unwrap();
    let provincial = steps
        .iter()
        .find(|s| s["circular"] == "MALUKU/1/2026")
        .expect("the provincial circular");
    assert_eq!(
        provincial["requires"],
        json!({"min": 25, "max": 100, "remote": "anywhere"})
    );
    let place = steps
        .iter()
        .find(|s| s["principle"] == "place")
        .expect("the step of the place");
    assert!(
        place["text"]
            .as_str()
            .unwrap()
            .starts_with("place: the others work from home (rule `frame`"),
        "{place}"
    );
}

#[test]
fn wfa_expectations_compare_the_place_and_wfo_ones_the_shares() {
    let r = run(edaran().arg("test").arg(fixture("wfa")));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stdout.lines().last(), Some("2 passed, 0 failed"));
    let r = run(edaran().arg("test").arg(fixture("wfa-failing")));
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let out = &r.stdout;
    assert_eq!(out.lines().last(), Some("1 passed, 2 failed"), "{out}");
    assert!(
        out.contains(
            "test \"the shares alone\" (tests/fixtures/answers/wfa-failing/wfa-failing.se) ... ok\n"
        ),
        "{out}"
    );
    // Messages wrap: compare them without the frame's line breaks.
    let flat: String = out
        .lines()
        .map(|l| l.trim_start_matches([' ', '│', '×']).trim_end())
        .collect::<Vec<_>>()
        .join(" ");
    for message in [
        "expected WFO at least 50%, the others from home, got WFO at least 50%, the others from anywhere",
        "expected WFO at least 75%, the others from anywhere, got WFO at least 75%, the others from home",
    ] {
        assert!(flat.contains(message), "no `{message}` in:\n{out}");
    }
}
