//! Names as people read them, plausible dates, and text that is safe to print (docs/decisions.md,
//! "Version 2"), run as the real binary.
//!
//! The circulars are written into a temporary directory by each test: they hold characters
//! (escapes, zero-width spaces, decomposed letters) that are better spelt as Rust escapes here
//! than hidden in a fixture file.

use assert_cmd::Command;
use serde_json::Value;

#[path = "support/bin.rs"]
mod bin;
use bin::{InEnglish, Run};

/// A workspace of one file, `a.se`, holding `text`.
fn workspace(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("a.se"), text).expect("write a.se");
    dir
}

/// `edaran ARGS...` in `dir`, without colour; stdout and stderr as bytes are checked for a raw
/// escape character before they are read as text.
fn edaran(dir: &tempfile::TempDir, args: &[&str]) -> (Run, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_edaran"))
        .in_english()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .args(args)
        .output()
        .expect("edaran runs");
    let raw_escape = out.stdout.contains(&0x1b) || out.stderr.contains(&0x1b);
    let run = Run {
        code: out.status.code().expect("an exit status"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    (run, raw_escape)
}

fn circular(id: &str, body: &str) -> String {
    format!(
        "circular \"{id}\" {{\n  issuer \"Gubernur Banten\" level provincial\n  signed 2023-09-01\n  \
         valid  2023-09-04 to 2023-09-29\n  scope  \"Pemprov Banten\"\n{body}\n}}\n"
    )
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", run.stdout, run.stderr))
}

/// The first case of the first answer of a JSON query document.
fn first_case(doc: &Value) -> &Value {
    &doc["answers"][0]["cases"][0]
}

// -------------------------------------------------------------------------------------------------
// Text from a file is never printed raw

/// A file whose unit name, place name, circular number and duty hold an escape sequence that
/// would colour a terminal red.
fn hostile() -> String {
    let red = "\u{1b}[31m";
    format!(
        "circular \"A/{red}1\" {{\n  issuer \"Gubernur Banten\" level provincial\n  signed 2023-09-01\n  \
         valid  2023-09-04 to 2023-09-29\n  scope  \"Pemprov Banten\"\n  \
         duty \"report{red} daily\"\n  \
         rule red: unit \"Dinas{red}Merah\" => wfo 25%\n  \
         rule blue: unit \"Dinas{red}Merah\" and domicile \"Kota{red}Serang\" => wfo 75%\n}}\n"
    )
}

#[test]
fn check_never_prints_a_raw_escape_from_a_file() {
    let dir = workspace(&hostile());
    let (run, raw) = edaran(&dir, &["check", "a.se"]);
    assert!(
        !raw,
        "a raw escape on stdout or stderr:\n{}{}",
        run.stdout, run.stderr
    );
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("invisible-character"), "{}", run.stdout);
    // The message, the snippet and the conflict's witness show it escaped.
    assert!(
        run.stdout
            .contains("the name `Dinas\\u{1b}[31mMerah` holds an escape character (U+001B)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("rule red: unit \"Dinas\\u{1b}[31mMerah\""),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("conflict"), "{}", run.stdout);
    assert!(
        run.stdout.contains("unit `Dinas\\u{1b}[31mMerah`"),
        "{}",
        run.stdout
    );

    // JSON stays exact: serde writes the escape as `\u001b`, which a terminal does not obey.
    let (run, raw) = edaran(&dir, &["check", "a.se", "--format", "json"]);
    assert!(!raw);
    let doc = json(&run);
    let messages: Vec<&str> = doc["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("Dinas\u{1b}[31mMerah")),
        "{messages:?}"
    );
}

#[test]
fn query_never_prints_a_raw_escape_from_a_file() {
    // Without the conflict, so that the workspace can be asked.
    let text = hostile().replace("=> wfo 25%", "=> wfo 75%");
    let dir = workspace(&text);
    let unit = "Dinas\u{1b}[31mMerah";
    let questions = [
        format!("wfo \"{unit}\" gov \"Pemprov Banten\" on 2023-09-05"),
        format!("explain \"{unit}\" gov \"Pemprov Banten\" domicile \"Kota Serang\" on 2023-09-05"),
        "in force on 2023-09-05".to_string(),
    ];
    let mut args = vec!["query", "a.se"];
    for q in &questions {
        args.extend(["-e", q.as_str()]);
    }
    let (run, raw) = edaran(&dir, &args);
    assert!(
        !raw,
        "a raw escape on stdout or stderr:\n{}{}",
        run.stdout, run.stderr
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    // The domicile split, the duty and the circular number are escaped; so is the question.
    for shown in [
        "domicile \"Kota\\u{1b}[31mSerang\": WFO 75%",
        "duty (A/\\u{1b}[31m1): report\\u{1b}[31m daily",
        "A/\\u{1b}[31m1 (provincial",
        "wfo \"Dinas\\u{1b}[31mMerah\"",
    ] {
        assert!(run.stdout.contains(shown), "`{shown}` in:\n{}", run.stdout);
    }
    // A note says the question's unit holds a control character.
    assert!(
        run.stdout.contains(
            "note: the unit `Dinas\\u{1b}[31mMerah` of the question holds an escape character (U+001B)"
        ),
        "{}",
        run.stdout
    );

    // A bad question that quotes the escape is escaped on stderr too.
    let bad = format!("wfo \"{unit}\" on 2023-02-30");
    let (run, raw) = edaran(&dir, &["query", "a.se", "-e", &bad]);
    assert!(!raw, "{}", run.stderr);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("Dinas\\u{1b}[31mMerah"),
        "{}",
        run.stderr
    );
}

// -------------------------------------------------------------------------------------------------
// Names are compared in NFC, trimmed, without zero-width characters

const NFC: &str = "Dinas Pariwisata Kh\u{e9}";
const NFD: &str = "Dinas Pariwisata Khe\u{301}";

#[test]
fn an_nfd_question_finds_the_nfc_unit_and_the_reverse() {
    let text = circular(
        "N/1",
        &format!(
            "  sector tourism = [\"{NFC}\"]\n  rule general: all => wfo 50% except tourism\n  \
             rule tourism: tourism => wfo 75%\n  \
             rule admin: unit \"{NFD}\" and function admin => wfo 100% overrides tourism"
        ),
    );
    let dir = workspace(&text);
    let (run, _) = edaran(&dir, &["check", "a.se"]);
    // The two spellings are one unit: no near-duplicate, and `admin` overrides `tourism` there
    // without a conflict.
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("no problems found"), "{}", run.stdout);

    for (unit, function, wfo, rule) in [
        (NFD, "service", 75, "tourism"),
        (NFC, "service", 75, "tourism"),
        (NFC, "admin", 100, "admin"),
        (NFD, "admin", 100, "admin"),
    ] {
        let q =
            format!("wfo \"  {unit} \" gov \"Pemprov Banten\" function {function} on 2023-09-05");
        let (run, _) = edaran(&dir, &["query", "a.se", "--format", "json", "-e", &q]);
        let doc = json(&run);
        let case = first_case(&doc);
        assert_eq!(case["wfo"]["min"], wfo, "{q}: {case}");
        assert_eq!(case["decided_by"][0]["rule"], rule, "{q}: {case}");
    }
}

#[test]
fn a_zero_width_space_is_warned_about_and_compared_without() {
    let text = circular(
        "Z/1",
        "  sector essential = [\"BPKAD\u{200b}\"]\n  \
         rule general: all => wfo 50% except essential\n  \
         rule essential: essential => wfo 75%",
    );
    let dir = workspace(&text);
    let (run, _) = edaran(&dir, &["check", "a.se"]);
    assert_eq!(run.code, 0, "a warning only:\n{}", run.stdout);
    assert!(
        run.stdout.contains(
            "the name `BPKAD\\u{200b}` holds a zero-width space (U+200B), which cannot be seen"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("edaran reads the name as `BPKAD`"));

    // The file's name with the zero-width space is BPKAD ...
    let q = "wfo \"BPKAD\" gov \"Pemprov Banten\" on 2023-09-05";
    let (run, _) = edaran(&dir, &["query", "a.se", "--format", "json", "-e", q]);
    let doc = json(&run);
    assert_eq!(first_case(&doc)["wfo"]["min"], 75, "{doc}");
    assert_eq!(first_case(&doc)["notes"], serde_json::json!([]));

    // ... and so is a question's, which the answer notes.
    let q = "wfo \"BPKAD\u{200b}\u{200b}\" gov \"Pemprov Banten\" on 2023-09-05";
    let (run, _) = edaran(&dir, &["query", "a.se", "--format", "json", "-e", q]);
    let doc = json(&run);
    let case = first_case(&doc);
    assert_eq!(case["wfo"]["min"], 75, "{doc}");
    assert_eq!(
        doc["answers"][0]["notes"][0],
        "the unit `BPKAD\u{200b}\u{200b}` of the question holds a zero-width space (U+200B) and 1 more invisible character: it is read as `BPKAD`"
    );
    let (run, _) = edaran(&dir, &["query", "a.se", "-e", q]);
    assert!(
        run.stdout.contains("WFO 75%")
            && run.stdout.contains(
                "note: the unit `BPKAD\\u{200b}\\u{200b}` of the question holds a zero-width space (U+200B)"
            ),
        "{}",
        run.stdout
    );
}

// -------------------------------------------------------------------------------------------------
// Plausible dates

#[test]
fn a_year_before_1900_is_invalid_and_the_workspace_is_not_asked() {
    let text = circular("D/1", "  rule everyone: all => wfo 50%")
        .replace("valid  2023-09-04", "valid  0000-01-01");
    let dir = workspace(&text);
    let (run, _) = edaran(&dir, &["check", "a.se"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("`0000-01-01` is not a plausible date: the year `0000` is out of range"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("edaran accepts the years 1900 to 2199"));
    // Year 0 was read as day -365, before the first day of the region algebra, so the answers
    // on it came out of a region that could not hold them; now the workspace is refused.
    let (run, _) = edaran(&dir, &["query", "a.se", "-e", "in force on 2023-09-05"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("invalid-date"), "{}", run.stderr);
}

#[test]
fn a_question_on_year_0_is_refused_and_the_edges_are_answered_exactly() {
    let text = circular("D/2", "  rule everyone: all => wfo 50%")
        .replace(
            "valid  2023-09-04 to 2023-09-29",
            "valid  1900-01-01 to 2199-12-31",
        )
        .replace("signed 2023-09-01", "signed 1900-01-01");
    let dir = workspace(&text);
    let (run, _) = edaran(&dir, &["check", "a.se"]);
    assert_eq!(run.code, 0, "{}", run.stdout);

    let q = "wfo \"Bapenda\" gov \"Pemprov Banten\" from 0000-12-30 to 0001-01-02";
    let (run, _) = edaran(&dir, &["query", "a.se", "-e", q]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("`0000-12-30` is not a plausible date"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("`0001-01-02` is not a plausible date"),
        "{}",
        run.stderr
    );

    // The first and last days edaran reads are answered, with their own dates.
    for (q, from, to) in [
        (
            "wfo \"Bapenda\" gov \"Pemprov Banten\" from 1900-01-01 to 1900-01-03",
            "1900-01-01",
            "1900-01-03",
        ),
        (
            "wfo \"Bapenda\" gov \"Pemprov Banten\" from 2199-12-29 to 2199-12-31",
            "2199-12-30",
            "2199-12-31",
        ),
    ] {
        let (run, _) = edaran(&dir, &["query", "a.se", "--format", "json", "-e", q]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let doc = json(&run);
        // The working days' case; 1900-01-01 is a Monday, 2199-12-29 a Sunday (a day off, the
        // case after it).
        let cases: Vec<&serde_json::Value> = doc["answers"][0]["cases"]
            .as_array()
            .expect("cases")
            .iter()
            .filter(|c| c["status"] != "day_off")
            .collect();
        assert_eq!(cases.len(), 1, "{doc}");
        assert_eq!(cases[0]["from"], from);
        assert_eq!(cases[0]["to"], to);
        assert_eq!(cases[0]["wfo"]["min"], 50);
        assert_eq!(cases[0]["status"], "ruled");
    }
}
