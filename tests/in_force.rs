//! `in force from DATE to DATE`: the timeline of the circulars in force over a period, on the
//! command line (text and JSON), on standard input, in the REPL, in `test` blocks and through
//! the formatter; and a property on random workspaces: a circular listed for a period is `in
//! force on` each day of its listed runs and on no other day of the period, and a circular not
//! listed is in force on no day of it.

mod support;

use assert_cmd::Command;
use edaran::eval::ask::{Purpose, Reply};
use edaran::eval::{Engine, InForcePeriod};
use edaran::region::{self, Day};
use edaran::span::FileId;
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;
use support::generate::{self, config};

#[path = "support/bin.rs"]
mod bin;
use bin::{InEnglish, Run, root, run};

/// The fixture of a revocation: LAMA/2024 (1 to 31 March 2024) revoked by BARU/2024 from 15 March.
const REVOKED: &str = "tests/fixtures/answers/revoked/revokes.se";

fn edaran() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_edaran"));
    cmd.in_english()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

fn query(path: &str, questions: &[&str]) -> Run {
    let mut cmd = edaran();
    cmd.arg("query").arg(path);
    for q in questions {
        cmd.arg("-e").arg(q);
    }
    run(&mut cmd)
}

fn query_json(path: &str, question: &str) -> Value {
    let r = run(edaran()
        .args(["query", path, "--format", "json", "-e"])
        .arg(question));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    doc["answers"][0].clone()
}

// -------------------------------------------------------------------------------------------------
// The command line

#[test]
fn banten_2023_under_the_national_instruction() {
    let r = query("examples/", &["in force from 2023-08-20 to 2023-10-05"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "in force from 2023-08-20 to 2023-10-05\n\
         \x20 Inmendagri 2/2023 (national): Tuesday 2023-08-22 to Thursday 2023-10-05, 45 days\n\
         \x20 800/2928-BKD/2023 (provincial): Monday 2023-08-28 to Thursday 2023-09-28, 32 days\n"
    );
}

#[test]
fn a_revocation_cuts_the_days_and_is_named() {
    let r = query(REVOKED, &["in force from 2024-02-15 to 2024-04-30"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("in_force_period_revoked", r.stdout);
    assert!(r.stdout.contains(
        "  LAMA/2024 (provincial): Friday 2024-03-01 to Thursday 2024-03-14, 14 days; \
         revoked by BARU/2024 from Friday 2024-03-15\n"
    ));
    // A revocation after the period is not part of it.
    let r = query(REVOKED, &["in force from 2024-03-01 to 2024-03-10"]);
    assert_eq!(
        r.stdout,
        "in force from 2024-03-01 to 2024-03-10\n\
         \x20 LAMA/2024 (provincial): Friday 2024-03-01 to Sunday 2024-03-10, 10 days\n"
    );
}

#[test]
fn one_day_and_no_circular() {
    let r = query(
        "examples/",
        &[
            "in force from 2021-07-20 to 2021-07-20",
            "in force from 2019-01-01 to 2019-12-31",
        ],
    );
    assert_eq!(
        r.stdout,
        "in force from 2021-07-20 to 2021-07-20\n\
         \x20 045.2103/VII/POSKO/2021 (provincial): Tuesday 2021-07-20, 1 day\n\
         in force from 2019-01-01 to 2019-12-31\n\
         \x20 no circular is in force in this period\n"
    );
}

#[test]
fn several_windows_are_listed_each() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(
        dir.path().join("lebaran.se"),
        r#"circular "SE 2/2026" {
  issuer "Menteri PANRB" level national
  signed 2026-02-10
  valid  2026-03-16 to 2026-03-17, 2026-03-25 to 2026-03-27
  scope  all
  rule flexible: all => wfo at most 50%
}
"#,
    )
    .expect("write");
    let r = run(edaran().current_dir(dir.path()).args([
        "query",
        "lebaran.se",
        "-e",
        "in force from 2026-03-01 to 2026-03-26",
    ]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "in force from 2026-03-01 to 2026-03-26\n\
         \x20 SE 2/2026 (national): Monday 2026-03-16 to Tuesday 2026-03-17 and \
         Wednesday 2026-03-25 to Thursday 2026-03-26, 4 days\n"
    );
    let r = run(edaran().current_dir(dir.path()).args([
        "query",
        "lebaran.se",
        "--format",
        "json",
        "-e",
        "in force from 2026-03-01 to 2026-03-31",
    ]));
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    let c = &doc["answers"][0]["circulars"][0];
    assert_eq!(
        c["windows"],
        serde_json::json!([
            {"from": "2026-03-16", "to": "2026-03-17", "days": 2},
            {"from": "2026-03-25", "to": "2026-03-27", "days": 3},
        ])
    );
    assert_eq!(c["days"], 5);
}

#[test]
fn the_json_entry_has_the_period_and_each_circular() {
    let entry = query_json(REVOKED, "in force from 2024-02-15 to 2024-04-30");
    assert_eq!(entry["query"], "in force from 2024-02-15 to 2024-04-30");
    assert_eq!(entry["from"], "2024-02-15");
    assert_eq!(entry["to"], "2024-04-30");
    let keys: BTreeSet<&str> = entry
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, BTreeSet::from(["query", "from", "to", "circulars"]));
    let circulars = entry["circulars"].as_array().expect("circulars");
    assert_eq!(circulars.len(), 2);
    let lama = &circulars[0];
    assert_eq!(
        *lama,
        serde_json::json!({
            "id": "LAMA/2024",
            "level": "provincial",
            "windows": [{"from": "2024-03-01", "to": "2024-03-14", "days": 14}],
            "days": 14,
            "revoked_by": "BARU/2024",
            "revoked_from": "2024-03-15",
        })
    );
    let baru = &circulars[1];
    assert_eq!(baru["id"], "BARU/2024");
    assert_eq!(baru["revoked_by"], Value::Null);
    assert_eq!(baru["revoked_from"], Value::Null);
    assert_eq!(baru["days"], 32);
}

#[test]
fn a_bad_period_is_reported_and_exits_2() {
    let r = query("examples/", &["in force from 2023-10-05 to 2023-08-20"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("empty-period"), "{}", r.stderr);
    let r = query("examples/", &["in force from 2023-02-30 to 2023-08-20"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("invalid-date"), "{}", r.stderr);
    let r = query("examples/", &["in force from 2023-08-20"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("`to`"), "{}", r.stderr);
    let r = run(edaran().args([
        "query",
        "examples/",
        "--format",
        "json",
        "-e",
        "in force from 2023-10-05 to 2023-08-20",
    ]));
    assert_eq!(r.code, 2);
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(doc["answers"][0]["errors"][0]["code"], "empty-period");
}

#[test]
fn on_standard_input_and_in_the_repl() {
    let r = run(edaran()
        .args(["query", "examples/"])
        .write_stdin("in force from 2021-07-19 to 2021-07-25\n"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "in force from 2021-07-19 to 2021-07-25\n\
         \x20 045.2103/VII/POSKO/2021 (provincial): Monday 2021-07-19 to Tuesday 2021-07-20, 2 days\n"
    );
    let r = run(edaran()
        .args(["repl", "examples/"])
        .write_stdin("in force from 2021-07-19 to 2021-07-25\n:help\n"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "in force from 2021-07-19 to 2021-07-25\n\
             \x20 045.2103/VII/POSKO/2021 (provincial): Monday 2021-07-19 to Tuesday 2021-07-20, 2 days\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("in force from DATE to DATE"),
        "{}",
        r.stdout
    );
}

/// A copy of the revocation fixture with a `test` block of period questions.
fn with_tests(expects: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let text = std::fs::read_to_string(root().join(REVOKED)).expect("the fixture");
    std::fs::write(
        dir.path().join("revokes.se"),
        format!("{text}\ntest \"the timeline\" {{\n{expects}}}\n"),
    )
    .expect("write");
    dir
}

#[test]
fn expect_in_force_from_compares_the_circulars_of_the_period() {
    let dir = with_tests(
        "  expect in force from 2024-03-01 to 2024-03-31 = [\"LAMA/2024\", \"BARU/2024\"]\n  \
         expect in force from 2024-03-20 to 2024-04-30 = [\"BARU/2024\"]\n  \
         expect in force from 2024-05-01 to 2024-05-31 = []\n",
    );
    let r = run(edaran()
        .current_dir(dir.path())
        .args(["test", "revokes.se"]));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("1 passed, 0 failed"), "{}", r.stdout);

    let dir = with_tests("  expect in force from 2024-03-20 to 2024-04-30 = [\"LAMA/2024\"]\n");
    let r = run(edaran()
        .current_dir(dir.path())
        .args(["test", "revokes.se", "--format", "json"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    let failure = doc["tests"][0]["failures"][0].as_str().expect("a failure");
    assert!(failure.contains("BARU/2024"), "{failure}");
}

#[test]
fn the_formatter_keeps_the_question() {
    let dir = with_tests(
        "  expect   in force  from 2024-03-01   to 2024-03-31 = [\"LAMA/2024\", \"BARU/2024\"]\n",
    );
    let text = std::fs::read_to_string(dir.path().join("revokes.se")).expect("read");
    let r = run(edaran().args(["fmt", "-"]).write_stdin(text));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "  expect in force from 2024-03-01 to 2024-03-31 = [\"LAMA/2024\", \"BARU/2024\"]\n"
        ),
        "{}",
        r.stdout
    );
}

// -------------------------------------------------------------------------------------------------
// The property

/// Asks `in force from A to B` as query text, through the parser and [`Engine::ask`].
fn ask_period(engine: &Engine<'_>, from: Day, to: Day) -> Result<InForcePeriod, String> {
    let text = format!(
        "in force from {} to {}",
        region::date(from),
        region::date(to)
    );
    let (query, diagnostics) = edaran::syntax::parse_query(FileId(0), &text);
    let query = query.ok_or_else(|| format!("{text}: {diagnostics:?}"))?;
    match engine.ask(&query.kind, &[], Purpose::Check) {
        Ok(Reply::InForcePeriod(p)) => Ok(p),
        other => Err(format!("{text}: {other:?}")),
    }
}

/// Every day of the period: a listed circular is in force exactly on its runs; one not listed
/// on none; the runs are sorted, apart and within the period; the list is by first day.
fn check_period(engine: &Engine<'_>, from: Day, to: Day) -> Result<(), String> {
    let period = ask_period(engine, from, to)?;
    let listed: BTreeSet<usize> = period.circulars.iter().map(|c| c.circular).collect();
    if listed.len() != period.circulars.len() {
        return Err("a circular is listed twice".into());
    }
    let firsts: Vec<Day> = period.circulars.iter().map(|c| c.first_day()).collect();
    if !firsts.is_sorted() {
        return Err(format!("not by first day: {firsts:?}"));
    }
    for span in &period.circulars {
        let w = &span.windows;
        if w.is_empty() || w.iter().any(|&(a, b)| a > b || a < from || b > to) {
            return Err(format!("runs outside the period: {span:?}"));
        }
        if w.windows(2).any(|p| p[1].0 <= p[0].1 + 1) {
            return Err(format!("runs not apart: {span:?}"));
        }
        let revoked = engine.compiled(span.circular).revoked;
        if span.revoked != revoked.filter(|&(d, _)| d <= to) {
            return Err(format!(
                "revocation {:?}, compiled {revoked:?}",
                span.revoked
            ));
        }
    }
    for day in from..=to {
        let on: BTreeSet<usize> = engine.in_force(day).into_iter().collect();
        let listed_on: BTreeSet<usize> = period
            .circulars
            .iter()
            .filter(|c| c.windows.iter().any(|&(a, b)| a <= day && day <= b))
            .map(|c| c.circular)
            .collect();
        if on != listed_on {
            return Err(format!(
                "on {}: in force {on:?}, listed {listed_on:?}",
                region::date(day)
            ));
        }
    }
    Ok(())
}

#[test]
fn the_timeline_agrees_with_in_force_on_the_examples() {
    let mut sources = Vec::new();
    for path in [
        "examples/banten-2022-wfh-covid.se",
        "examples/banten-2023-wfh-air-pollution.se",
        "examples/lampung-2021-ppkm-darurat.se",
        "examples/tangerang-raya-2023-wfh.se",
        REVOKED,
        "tests/fixtures/answers/revoked-chain/chain.se",
    ] {
        sources.push(edaran::model::Source {
            name: path.into(),
            text: std::fs::read_to_string(root().join(path)).expect("read"),
        });
    }
    let ws = edaran::check::load_for_questions(sources);
    let engine = Engine::new(&ws);
    let d = |y, m, day| region::day(chrono::NaiveDate::from_ymd_opt(y, m, day).expect("date"));
    for (from, to) in [
        (d(2021, 7, 1), d(2021, 7, 31)),
        (d(2022, 1, 1), d(2022, 3, 31)),
        (d(2023, 8, 1), d(2023, 10, 31)),
        (d(2024, 1, 1), d(2024, 5, 31)),
        (d(2024, 3, 14), d(2024, 3, 15)),
    ] {
        check_period(&engine, from, to).unwrap_or_else(|e| panic!("{e}"));
    }
}

proptest! {
    #![proptest_config(config(300))]

    /// Random workspaces (several windows, open-ended validities, revocations) and random
    /// periods within and around their dates: the timeline agrees with `in force on` every day.
    #[test]
    fn the_timeline_agrees_with_in_force_on_every_day(
        g in generate::workspace(4, 2),
        start in 0u64..100,
        len in 0u64..60,
    ) {
        let ws = g.load();
        let engine = Engine::new(&ws);
        // From a week before the generated range to past its end.
        let from = region::day(generate::day_at(start)) - 7;
        let to = from + len as Day;
        if let Err(e) = check_period(&engine, from, to) {
            return Err(TestCaseError::fail(format!("{e}\nworkspace:\n{}", g.text())));
        }
    }
}
