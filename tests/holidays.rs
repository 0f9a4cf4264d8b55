//! End-to-end tests of `edaran holidays YEAR`: the national calendar edaran ships, as text and
//! as JSON, and what it says about a year it does not cover or a year that is not a number.
//!
//! The dates checked one by one are ones any Indonesian calendar confirms (New Year's Day,
//! Christmas, Independence Day, the Idul Fitri of 2024 as the SKB 3 Menteri set it).

use assert_cmd::Command;
use serde_json::Value;

#[path = "support/bin.rs"]
mod bin;
use bin::{InEnglish, Run, root, run};

fn holidays(args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_edaran"));
    cmd.in_english()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .arg("holidays")
        .args(args);
    run(&mut cmd)
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let r = holidays(&all);
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", r.stdout))
}

#[test]
fn the_text_of_a_year_lists_each_day_by_month_then_its_decree() {
    let r = holidays(&["2026"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    insta::assert_snapshot!("holidays_2026", r.stdout);
}

#[test]
fn a_holiday_of_several_days_gives_one_line_per_day() {
    let r = holidays(&["2026"]);
    for line in [
        "  Saturday 2026-03-21   libur nasional  Idul Fitri 1447 Hijriah",
        "  Sunday 2026-03-22     libur nasional  Idul Fitri 1447 Hijriah",
        "  Friday 2026-03-20     cuti bersama    Idul Fitri 1447 Hijriah",
    ] {
        assert!(r.stdout.lines().any(|l| l == line), "{line}\n{}", r.stdout);
    }
}

#[test]
fn dates_everyone_knows_are_listed() {
    let listed = |year: &str, date: &str, kind: &str, name_part: &str| {
        let doc = json(&[year]);
        let days = doc["days"].as_array().expect("days");
        assert!(
            days.iter().any(|d| d["date"] == date
                && d["kind"] == kind
                && d["name"].as_str().is_some_and(|n| n.contains(name_part))),
            "{date} {name_part} is not in {year}"
        );
    };
    listed("2026", "2026-01-01", "libur_nasional", "Tahun Baru");
    listed("2024", "2024-04-10", "libur_nasional", "Idul Fitri");
    listed("2024", "2024-04-11", "libur_nasional", "Idul Fitri");
    listed(
        "2025",
        "2025-12-25",
        "libur_nasional",
        "Kelahiran Yesus Kristus",
    );
    listed("2023", "2023-08-17", "libur_nasional", "Kemerdekaan");
    listed("2020", "2020-01-01", "libur_nasional", "Tahun Baru");
}

#[test]
fn the_json_document_has_the_year_its_sources_and_every_day() {
    let doc = json(&["2024"]);
    assert_eq!(doc["year"], 2024);
    let source = &doc["source"];
    for key in ["decree", "amendments", "keppres", "sources", "notes"] {
        assert!(source[key].is_array(), "{key}: {source}");
    }
    assert!(
        source["decree"][0]
            .as_str()
            .is_some_and(|d| d.starts_with("SKB Menteri Agama") && d.contains("Tahun 2024")),
        "{source}"
    );
    assert!(!source["sources"].as_array().expect("sources").is_empty());
    let days = doc["days"].as_array().expect("days");
    // The SKB of 2024 and the Keppres of the election day: 19 days of libur nasional (17 and
    // the two election days), 10 of cuti bersama.
    assert_eq!(doc["counts"]["libur_nasional"], 19);
    assert_eq!(doc["counts"]["cuti_bersama"], 10);
    assert_eq!(days.len(), 29);
    let mut previous = String::new();
    for d in days {
        let obj = d.as_object().expect("a day is an object");
        let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 4, "{d}");
        for key in ["date", "weekday", "kind", "name"] {
            assert!(obj[key].is_string(), "{key}: {d}");
        }
        let date = d["date"].as_str().expect("date");
        assert!(date.starts_with("2024-"), "{d}");
        assert!(date >= previous.as_str(), "sorted: {d}");
        previous = date.to_string();
        assert!(
            ["libur_nasional", "cuti_bersama"].contains(&d["kind"].as_str().expect("kind")),
            "{d}"
        );
    }
    // The weekday is the date's: 2024-04-10 was a Wednesday.
    let idul_fitri = days
        .iter()
        .find(|d| d["date"] == "2024-04-10")
        .expect("10 April");
    assert_eq!(idul_fitri["weekday"], "Wednesday");
}

#[test]
fn a_year_the_calendar_does_not_cover_says_which_it_covers() {
    for year in ["2019", "2031"] {
        let r = holidays(&[year]);
        assert_eq!(r.code, 2, "{year}");
        assert_eq!(r.stdout, "");
        assert_eq!(
            r.stderr,
            format!(
                "error: the national calendar has no list for {year}: it covers 2020 to 2026\n"
            )
        );
    }
    let r = holidays(&["2019", "--format", "json"]);
    assert_eq!(r.code, 2);
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(doc["input_errors"][0]["code"], "year-not-covered");
    assert_eq!(doc["input_errors"][0]["severity"], "error");
    assert!(
        doc["input_errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("2020 to 2026"))
    );
}

#[test]
fn a_year_that_is_not_a_number_is_a_usage_error() {
    for bad in ["twenty", "2026-01-01", ""] {
        let r = holidays(&[bad]);
        assert_eq!(r.code, 2, "{bad}");
        assert!(r.stderr.contains("invalid value"), "{bad}: {}", r.stderr);
        assert_eq!(r.stdout, "");
    }
    let r = holidays(&[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("<YEAR>"), "{}", r.stderr);
}

#[test]
fn the_help_says_what_it_lists() {
    let r = holidays(&["--help"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("cuti bersama"), "{}", r.stdout);
    assert!(r.stdout.contains("--format"), "{}", r.stdout);
}
