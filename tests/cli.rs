//! End-to-end tests of the `edaran` binary: real invocations of `edaran check`, as a user or a CI
//! job runs them (docs/language.md sections 11 and 13), and what every command does with input it
//! cannot use: the JSON document of every exit-2 path, files that are not `.se`, the help.
//!
//! Fixtures live in `tests/fixtures/cli/`. Files that carry deliberate mistakes mark each one with
//! a trailing `// mistake: CODE` comment on the line where the diagnostic must point; the tests
//! read the markers instead of hard-coding line numbers.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

#[path = "support/bin.rs"]
mod bin;
use bin::{InEnglish, Run, root, run};

// -------------------------------------------------------------------------------------------------
// Helpers

/// The fixture directory, relative to the package root.
const FIXTURES: &str = "tests/fixtures/cli";

/// The example whose "1 month" claim disagrees with its dates.
const BANTEN_2023: &str = "examples/banten-2023-wfh-air-pollution.se";

/// `edaran`, run from the package root, with no colour preference inherited from the caller.
fn edaran() -> Command {
    let mut cmd = Command::cargo_bin("edaran").expect("the edaran binary is built");
    cmd.in_english()
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

/// `edaran check --format json ARGS`: the exit status and the document, checked against the
/// shape of docs/language.md section 13.
fn check_json(args: &[&str]) -> (i32, Value) {
    let r = run(edaran().arg("check").arg("--format").arg("json").args(args));
    let doc: Value = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", r.stdout));
    assert_json_shape(&doc);
    (r.code, doc)
}

/// Codes whose severity is `warning` in docs/language.md section 11; every other code is an error.
const WARNING_CODES: &[&str] = &[
    "implicit-revocation",
    "overlapping-sectors",
    "overlap",
    "dead-rule",
    "dead-exemption",
    "no-rule",
    "revokes-unknown",
    "retroactive",
    "period-mismatch",
    "near-duplicate-name",
    "invisible-character",
];

/// Every code of docs/language.md section 11.
const CODES: &[&str] = &[
    "syntax",
    "invalid-date",
    "invalid-percent",
    "empty-period",
    "missing-clause",
    "unknown-name",
    "duplicate-name",
    "override-cycle",
    "conflict",
    "antinomy",
    "violates-higher-norm",
    "implicit-revocation",
    "overlapping-sectors",
    "overlap",
    "dead-rule",
    "dead-exemption",
    "no-rule",
    "rule-outside-validity",
    "revokes-unknown",
    "retroactive",
    "period-mismatch",
    "near-duplicate-name",
    "invisible-character",
];

/// `{"diagnostics": [{"code", "severity", "message", "file", "line", "column", "help"?,
/// "witness"?}], "errors": N, "warnings": N}`, and nothing else.
fn assert_json_shape(doc: &Value) {
    let top = doc.as_object().expect("the document is an object");
    let keys: BTreeSet<&str> = top.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        BTreeSet::from(["diagnostics", "errors", "warnings"]),
        "top-level fields"
    );
    let diagnostics = top["diagnostics"]
        .as_array()
        .expect("diagnostics is a list");
    let required = ["code", "severity", "message", "file", "line", "column"];
    let optional = ["help", "witness"];
    let (mut errors, mut warnings) = (0, 0);
    for d in diagnostics {
        let d = d.as_object().expect("a diagnostic is an object");
        for key in d.keys() {
            assert!(
                required.contains(&key.as_str()) || optional.contains(&key.as_str()),
                "unexpected field `{key}` in {d:?}"
            );
        }
        for key in required {
            assert!(d.contains_key(key), "missing field `{key}` in {d:?}");
        }
        for key in ["code", "severity", "message", "file"] {
            let s = d[key]
                .as_str()
                .unwrap_or_else(|| panic!("`{key}` is a string"));
            assert!(!s.is_empty(), "`{key}` is empty in {d:?}");
            assert!(!s.contains('\x1b'), "ANSI escape in `{key}`: {d:?}");
        }
        for key in optional {
            if let Some(v) = d.get(key) {
                assert!(
                    v.as_str().is_some_and(|s| !s.is_empty()),
                    "`{key}` is a non-empty string in {d:?}"
                );
            }
        }
        for key in ["line", "column"] {
            let n = d[key]
                .as_u64()
                .unwrap_or_else(|| panic!("`{key}` is a number"));
            assert!(n >= 1, "`{key}` is 1-based in {d:?}");
        }
        let code = d["code"].as_str().unwrap();
        assert!(CODES.contains(&code), "`{code}` is not a code of section 8");
        let expected = if WARNING_CODES.contains(&code) {
            "warning"
        } else {
            "error"
        };
        assert_eq!(d["severity"], expected, "severity of `{code}`");
        match d["severity"].as_str().unwrap() {
            "error" => errors += 1,
            "warning" => warnings += 1,
            other => panic!("unknown severity `{other}`"),
        }
    }
    assert_eq!(top["errors"], errors, "errors counts the error diagnostics");
    assert_eq!(
        top["warnings"], warnings,
        "warnings counts the warning diagnostics"
    );
}

fn diagnostics(doc: &Value) -> &[Value] {
    doc["diagnostics"].as_array().unwrap()
}

/// `(code, line)` of every diagnostic, sorted.
fn found(doc: &Value) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = diagnostics(doc)
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// `(code, line)` of every `// mistake: CODE` marker of a file (lines 1-based), sorted.
fn markers(text: &str) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = text
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (_, code) = line.split_once("// mistake: ")?;
            let code = code.trim();
            let kebab =
                !code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '-');
            kebab.then(|| (code.to_string(), i as u64 + 1))
        })
        .collect();
    v.sort();
    v
}

/// The last line of the human output: the summary.
fn summary(stdout: &str) -> &str {
    stdout.lines().last().unwrap_or("")
}

/// `text` without whitespace and the report's gutter: what is left when wrapping is undone.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '│')
        .collect()
}

/// Asserts a clear failure with exit status 2: a message on stderr naming each of `needles`,
/// nothing on stdout.
fn assert_exit_2(r: &Run, needles: &[&str]) {
    assert_eq!(
        r.code, 2,
        "exit status 2 expected\nstdout:\n{}\nstderr:\n{}",
        r.stdout, r.stderr
    );
    assert!(r.stdout.is_empty(), "nothing on stdout, got:\n{}", r.stdout);
    assert!(!r.stderr.trim().is_empty(), "a message on stderr");
    for needle in needles {
        assert!(
            r.stderr.contains(needle),
            "stderr should contain `{needle}`:\n{}",
            r.stderr
        );
    }
}

/// Asserts the document of a `--format json` run that stops with exit status 2:
/// `{"input_errors": [{"code", "severity", "message", "file"?, "line"?, "column"?, "help"?}]}`,
/// one entry per `(code, file)` expected, in that order. Returns the document.
fn assert_json_exit_2(r: &Run, expected: &[(&str, &str)]) -> Value {
    assert_eq!(
        r.code, 2,
        "exit status 2 expected\nstdout:\n{}\nstderr:\n{}",
        r.stdout, r.stderr
    );
    let doc: Value = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("stdout is one JSON document ({e}):\n{}", r.stdout));
    assert_input_errors_shape(&doc);
    let got: Vec<(&str, &str)> = doc["input_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["code"].as_str().unwrap(),
                e.get("file").and_then(Value::as_str).unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(got, expected, "{doc:#}");
    assert!(!r.stderr.trim().is_empty(), "the message is on stderr too");
    doc
}

/// The shape of `{"input_errors": [...]}` and nothing else.
fn assert_input_errors_shape(doc: &Value) {
    let top = doc.as_object().expect("the document is an object");
    assert_eq!(
        top.keys().map(String::as_str).collect::<Vec<_>>(),
        ["input_errors"],
        "{doc:#}"
    );
    let entries = top["input_errors"].as_array().expect("a list");
    assert!(!entries.is_empty(), "at least one reason: {doc:#}");
    for e in entries {
        let e = e.as_object().expect("an entry is an object");
        for key in e.keys() {
            assert!(
                [
                    "code", "severity", "message", "file", "line", "column", "help"
                ]
                .contains(&key.as_str()),
                "unexpected field `{key}` in {e:?}"
            );
        }
        for key in ["code", "message"] {
            assert!(
                e[key].as_str().is_some_and(|s| !s.is_empty()),
                "`{key}` is a non-empty string in {e:?}"
            );
        }
        assert_eq!(e["severity"], "error", "{e:?}");
        assert_eq!(
            e.contains_key("line"),
            e.contains_key("column"),
            "line and column come together: {e:?}"
        );
        for key in ["line", "column"] {
            if let Some(n) = e.get(key) {
                assert!(n.as_u64().is_some_and(|n| n >= 1), "1-based {key}: {e:?}");
            }
        }
    }
}

fn copy_fixture(name: &str, to: &Path) {
    std::fs::copy(root().join(fixture(name)), to)
        .unwrap_or_else(|e| panic!("copy {name} to {}: {e}", to.display()));
}

// -------------------------------------------------------------------------------------------------
// The examples

#[test]
fn examples_pass_with_the_one_deliberate_warning() {
    let r = run(edaran().args(["check", "examples/"]));
    assert_eq!(r.code, 0, "warnings only: exit 0\n{}", r.stdout);
    let last = summary(&r.stdout);
    assert!(
        last.starts_with("checked ") && last.ends_with(" files: 0 errors, 1 warning"),
        "summary line: {last:?}"
    );
    assert!(r.stdout.contains("period-mismatch"), "{}", r.stdout);
    assert!(r.stdout.contains("banten-2023-wfh-air-pollution.se"));
    assert!(r.stderr.is_empty(), "stderr: {}", r.stderr);
}

#[test]
fn deny_warnings_makes_the_examples_fail() {
    edaran()
        .args(["check", "examples/", "--deny", "warnings"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("0 errors, 1 warning"))
        .stderr(predicate::str::contains("panicked").not());
    let (code, doc) = check_json(&["--deny", "warnings", "examples/"]);
    assert_eq!(code, 1);
    assert_eq!(doc["warnings"], 1);
}

#[test]
fn deny_warnings_passes_a_clean_file() {
    edaran()
        .args(["check", "--deny", "warnings", &fixture("good.se")])
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with(
            "checked 1 file: no problems found\n",
        ));
}

#[test]
fn examples_as_json_report_the_period_mismatch_where_it_is() {
    let (code, doc) = check_json(&["examples/"]);
    assert_eq!(code, 0);
    assert_eq!(doc["errors"], 0);
    assert_eq!(doc["warnings"], 1);
    let [d] = diagnostics(&doc) else {
        panic!("exactly one diagnostic: {doc:#}");
    };
    assert_eq!(d["code"], "period-mismatch");
    assert_eq!(d["severity"], "warning");
    let file = d["file"].as_str().unwrap();
    assert!(
        Path::new(file).ends_with(BANTEN_2023),
        "file is the Banten 2023 example: {file}"
    );
    let message = d["message"].as_str().unwrap();
    assert!(message.contains("1 month"), "{message}");

    // Where `(1 month)` is written, counted from 1, the column in characters.
    let text = read(BANTEN_2023);
    let (line, column) = text
        .lines()
        .enumerate()
        .find_map(|(i, l)| {
            let at = l.find("(1 month)")?;
            (!l.trim_start().starts_with("//")).then(|| (i + 1, l[..at].chars().count() + 1))
        })
        .expect("the example claims `(1 month)`");
    assert_eq!(d["line"], line as u64, "line of `(1 month)`");
    assert_eq!(d["column"], column as u64, "column of `(1 month)`");
    assert!(d.get("help").is_some(), "the fix is known: a help");
    assert!(d.get("witness").is_some(), "a witness: the day in question");
}

#[test]
fn a_file_named_twice_is_checked_once() {
    // Named on its own and inside a named directory, or the directory under two spellings: one
    // workspace file, not a circular "defined twice".
    let (_, once) = check_json(&["examples/"]);
    for args in [
        vec!["examples/", BANTEN_2023],
        vec!["examples", "./examples"],
        vec![BANTEN_2023, BANTEN_2023],
    ] {
        let (code, doc) = check_json(&args);
        assert_eq!(code, 0, "{args:?}: {doc:#}");
        assert_eq!(found(&doc), found(&once), "{args:?}: {doc:#}");
    }
}

// -------------------------------------------------------------------------------------------------
// Files with errors, human output

#[test]
fn errors_exit_1_and_name_code_and_message() {
    let r = run(edaran().args(["check", &fixture("bad.se")]));
    assert_eq!(r.code, 1);
    let (_, doc) = check_json(&[&fixture("bad.se")]);
    for d in diagnostics(&doc) {
        let code = d["code"].as_str().unwrap();
        let message = d["message"].as_str().unwrap();
        assert!(r.stdout.contains(code), "human output names `{code}`");
        // Long messages are wrapped to the width of the report: compare without the layout.
        assert!(
            squash(&r.stdout).contains(&squash(message)),
            "human output says `{message}`:\n{}",
            r.stdout
        );
    }
    assert!(
        r.stdout.contains(&fixture("bad.se")),
        "human output names the file"
    );
    assert_eq!(
        summary(&r.stdout),
        "checked 1 file: 2 errors, 1 warning",
        "{}",
        r.stdout
    );
}

#[test]
fn human_output_keeps_dates_whole() {
    // `retroactive` on bad.se says "... after its first valid day 2024-03-01": at width 100 the
    // renderer breaks it as "2024-03-" / "01".
    let r = run(edaran().args(["check", &fixture("bad.se")]));
    for line in r.stdout.lines() {
        let line = line.trim_end();
        let tail = line.rsplit(' ').next().unwrap_or("");
        let split_date = tail.ends_with('-')
            && tail.len() >= 5
            && tail
                .get(..4)
                .is_some_and(|y| y.chars().all(|c| c.is_ascii_digit()));
        assert!(
            !split_date,
            "a date split at the end of {line:?}:\n{}",
            r.stdout
        );
    }
}

#[test]
fn no_colour_when_not_a_terminal() {
    // stdout is a pipe here: `--color auto` (the default) must not colour it.
    for args in [vec![], vec!["--color", "auto"], vec!["--color", "never"]] {
        let r = run(edaran().arg("check").arg(fixture("bad.se")).args(&args));
        assert_eq!(r.code, 1);
        assert!(
            !r.stdout.contains("\x1b["),
            "{args:?}: ANSI escape in piped output:\n{}",
            r.stdout
        );
    }
}

#[test]
fn colour_when_asked_for() {
    let r = run(edaran().args(["check", "--color", "always", &fixture("bad.se")]));
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("\x1b["), "colour expected:\n{}", r.stdout);
    // `--color always` wins over NO_COLOR, which only informs `auto`.
    let r =
        run(edaran()
            .env("NO_COLOR", "1")
            .args(["check", "--color", "always", &fixture("bad.se")]));
    assert!(r.stdout.contains("\x1b["), "colour expected:\n{}", r.stdout);
}

#[test]
fn json_is_never_coloured() {
    let r = run(edaran().args([
        "check",
        "--format",
        "json",
        "--color",
        "always",
        &fixture("bad.se"),
    ]));
    assert_eq!(r.code, 1);
    assert!(!r.stdout.contains('\x1b'));
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_json_shape(&doc);
}

// -------------------------------------------------------------------------------------------------
// good.se and bad.se

#[test]
fn good_fixture_is_clean() {
    let (code, doc) = check_json(&[&fixture("good.se")]);
    assert_eq!(code, 0);
    assert_eq!(found(&doc), vec![], "{doc:#}");
    assert_eq!(doc["errors"], 0);
    assert_eq!(doc["warnings"], 0);
    edaran()
        .args(["check", &fixture("good.se")])
        .assert()
        .code(0)
        .stdout("checked 1 file: no problems found\n");
}

#[test]
fn bad_fixture_reports_its_marked_mistakes() {
    let (code, doc) = check_json(&[&fixture("bad.se")]);
    assert_eq!(code, 1);
    assert_eq!(found(&doc), markers(&read(&fixture("bad.se"))), "{doc:#}");
    assert!(
        diagnostics(&doc)
            .iter()
            .all(|d| d["file"] == fixture("bad.se"))
    );
}

#[test]
fn good_and_bad_together_report_only_the_bad_file() {
    let (code, doc) = check_json(&[&fixture("good.se"), &fixture("bad.se")]);
    assert_eq!(code, 1, "one bad file fails the workspace");
    assert_eq!(found(&doc), markers(&read(&fixture("bad.se"))), "{doc:#}");
    assert!(
        diagnostics(&doc)
            .iter()
            .all(|d| d["file"] == fixture("bad.se")),
        "{doc:#}"
    );
    let r = run(edaran().args(["check", &fixture("good.se"), &fixture("bad.se")]));
    assert_eq!(r.code, 1);
    assert_eq!(summary(&r.stdout), "checked 2 files: 2 errors, 1 warning");
    assert!(!r.stdout.contains("good.se"), "{}", r.stdout);
}

#[test]
fn every_diagnostic_of_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.se");
    let other_text = "\
circular \"800/300-BKD/2024\" { // mistake: missing-clause
  issuer \"Gubernur Banten\" level provincial
  signed 2024-05-01
  valid  2024-05-02 to 2024-05-31
  rule everyone: all => wfo 50%
}
";
    std::fs::write(&other, other_text).unwrap();
    let other = other.display().to_string();
    let (code, doc) = check_json(&[&fixture("bad.se"), &other]);
    assert_eq!(code, 1);
    let files: BTreeSet<&str> = diagnostics(&doc)
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        BTreeSet::from([fixture("bad.se").as_str(), other.as_str()]),
        "{doc:#}"
    );
    let mut expected = markers(&read(&fixture("bad.se")));
    expected.extend(markers(other_text));
    expected.sort();
    assert_eq!(found(&doc), expected, "{doc:#}");
}

// -------------------------------------------------------------------------------------------------
// Ten mistakes in one file

#[test]
fn ten_independent_mistakes_are_all_reported_and_nothing_else() {
    let path = fixture("ten_mistakes.se");
    let expected = markers(&read(&path));
    assert_eq!(expected.len(), 10, "the fixture marks ten mistakes");
    let kinds: BTreeSet<&str> = expected.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(kinds.len(), 10, "of ten different kinds: {kinds:?}");
    for kind in &kinds {
        assert!(CODES.contains(kind), "`{kind}` is a code of section 8");
    }

    let (code, doc) = check_json(&[&path]);
    assert_eq!(code, 1);
    assert_eq!(
        found(&doc),
        expected,
        "each marked mistake, on its line, and no other diagnostic:\n{doc:#}"
    );
    assert!(diagnostics(&doc).iter().all(|d| d["file"] == path));

    // The human output reports the same ten.
    let r = run(edaran().args(["check", &path]));
    assert_eq!(r.code, 1);
    let errors = doc["errors"].as_u64().unwrap();
    let warnings = doc["warnings"].as_u64().unwrap();
    assert_eq!(errors + warnings, 10);
    assert_eq!(
        summary(&r.stdout),
        format!(
            "checked 1 file: {errors} error{}, {warnings} warning{}",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        )
    );
    for kind in &kinds {
        assert!(r.stdout.contains(kind), "human output names `{kind}`");
    }
}

// -------------------------------------------------------------------------------------------------
// Exit status 2: the input cannot be read, or the command line is wrong

#[test]
fn a_path_that_does_not_exist() {
    let r = run(edaran().args(["check", "no/such/dir/circulars.se"]));
    assert_exit_2(&r, &["no/such/dir/circulars.se", "no such file"]);
    let r = run(edaran().args(["check", "--format", "json", "nowhere"]));
    assert_json_exit_2(&r, &[("cannot-read", "nowhere")]);
    assert!(r.stderr.contains("nowhere"), "{}", r.stderr);
}

#[test]
fn a_missing_path_among_good_ones_still_fails_clearly() {
    let r = run(edaran().args(["check", &fixture("good.se"), "missing.se"]));
    assert_exit_2(&r, &["missing.se"]);
}

#[test]
fn a_directory_without_se_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a circular").unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let shown = dir.path().display().to_string();
    let r = run(edaran().arg("check").arg(dir.path()));
    assert_exit_2(&r, &[&shown, ".se"]);
}

#[test]
fn a_file_that_is_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.se");
    // "Surat Edaran Nomor 1" in Latin-1 with an `é`: not UTF-8.
    std::fs::write(
        &path,
        b"circular \"800/1/2023\" {\n  title \"Penyesuaian Sist\xe9m Kerja\"\n}\n",
    )
    .unwrap();
    let shown = path.display().to_string();
    let r = run(edaran().arg("check").arg(&path));
    assert_exit_2(&r, &[&shown, "UTF-8"]);
    let r = run(edaran().args(["check", "--format", "json"]).arg(&path));
    let doc = assert_json_exit_2(&r, &[("not-utf8", &shown)]);
    assert!(r.stderr.contains("UTF-8"), "{}", r.stderr);
    // The first bad byte: line 2, after `  title "Penyesuaian Sist`.
    let entry = &doc["input_errors"][0];
    assert_eq!(entry["line"], 2, "{doc:#}");
    assert_eq!(
        entry["column"],
        "  title \"Penyesuaian Sist".chars().count() as u64 + 1,
        "{doc:#}"
    );
    assert!(entry["message"].as_str().unwrap().contains("UTF-8"));
}

#[test]
fn a_non_utf8_file_found_in_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("good.se", &dir.path().join("good.se"));
    std::fs::create_dir(dir.path().join("old")).unwrap();
    let path = dir.path().join("old").join("bad-bytes.se");
    std::fs::write(&path, [0x63, 0x69, 0xff, 0xfe, 0x0a]).unwrap();
    let r = run(edaran().arg("check").arg(dir.path()));
    assert_exit_2(&r, &[&path.display().to_string(), "UTF-8"]);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.se");
    copy_fixture("good.se", &path);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root (or with CAP_DAC_OVERRIDE): permissions do not stop reading.
        eprintln!("skipped: the test runs with privileges that read a mode 000 file");
        return;
    }
    let r = run(edaran().arg("check").arg(&path));
    assert_exit_2(&r, &[&path.display().to_string(), "permission denied"]);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn usage_errors() {
    let cases: &[(&[&str], &str)] = &[
        (&["check", "--frobnicate", "examples/"], "--frobnicate"),
        (&["frobnicate", "examples/"], "frobnicate"),
        (&["check", "--format", "xml", "examples/"], "xml"),
        (
            &["check", "--deny", "everything", "examples/"],
            "everything",
        ),
        (&["check", "--color", "sometimes", "examples/"], "sometimes"),
        (&[], "Usage"),
    ];
    for (args, needle) in cases {
        let r = run(edaran().args(*args));
        assert_eq!(r.code, 2, "{args:?}: exit 2\n{}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?}: stdout:\n{}", r.stdout);
        assert!(
            r.stderr.contains(needle),
            "{args:?}: stderr names `{needle}`:\n{}",
            r.stderr
        );
    }
}

#[test]
fn help_and_version_exit_0() {
    edaran()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("edaran"));
    edaran()
        .args(["check", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("--format"));
}

// -------------------------------------------------------------------------------------------------
// Finding the files

#[test]
fn paths_default_to_the_current_directory() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("good.se", &dir.path().join("good.se"));
    edaran()
        .current_dir(dir.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout("checked 1 file: no problems found\n");

    // A bad file next to it is found and reported with its path.
    copy_fixture("bad.se", &dir.path().join("bad.se"));
    let r = run(edaran()
        .current_dir(dir.path())
        .args(["check", "--format", "json"]));
    assert_eq!(r.code, 1);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_json_shape(&doc);
    assert_eq!(found(&doc), markers(&read(&fixture("bad.se"))));
    for d in diagnostics(&doc) {
        let file = d["file"].as_str().unwrap();
        assert_eq!(Path::new(file).file_name().unwrap(), "bad.se", "{file}");
    }
}

#[test]
fn an_empty_current_directory_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(edaran().current_dir(dir.path()).arg("check"));
    assert_exit_2(&r, &[".se"]);
}

#[test]
fn directories_are_searched_recursively() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("provinsi").join("banten").join("2024");
    std::fs::create_dir_all(&deep).unwrap();
    copy_fixture("good.se", &dir.path().join("top.se"));
    copy_fixture("bad.se", &deep.join("nested.se"));
    // Not `.se`: ignored, however wrong its contents.
    std::fs::write(deep.join("notes.txt"), "rule x: all => wfo 900%").unwrap();
    std::fs::write(dir.path().join("draft.se.bak"), "circular {").unwrap();
    let nested = deep.join("nested.se").display().to_string();

    let (code, doc) = check_json(&[&dir.path().display().to_string()]);
    assert_eq!(code, 1);
    assert_eq!(found(&doc), markers(&read(&fixture("bad.se"))), "{doc:#}");
    assert!(
        diagnostics(&doc).iter().all(|d| d["file"] == nested),
        "reported with the path of the nested file {nested}: {doc:#}"
    );

    let r = run(edaran().arg("check").arg(dir.path()));
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains(&nested), "{}", r.stdout);
    assert_eq!(summary(&r.stdout), "checked 2 files: 2 errors, 1 warning");
}

// -------------------------------------------------------------------------------------------------
// `--format json` prints one document on every run, also on exit 2

/// A workspace that does not resolve: query and test refuse it.
const BROKEN: &str = "tests/fixtures/answers/broken";

/// `check`, `query -e ...` and `test` with `--format json` and `paths`.
fn each_command_as_json(paths: &[&str]) -> Vec<(&'static str, Run)> {
    let mut out = Vec::new();
    for (name, extra) in [
        ("check", &[][..]),
        ("query", &["-e", "in force on 2022-02-10"][..]),
        ("test", &[][..]),
    ] {
        let r = run(edaran()
            .arg(name)
            .args(["--format", "json"])
            .args(extra)
            .args(paths));
        out.push((name, r));
    }
    out
}

#[test]
fn unreadable_paths_give_a_json_document_on_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.se");
    std::fs::write(&latin1, b"circular \"1\" {\n  title \"Sist\xe9m\"\n}\n").unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("notes.txt"), "not a circular").unwrap();
    let latin1 = latin1.display().to_string();
    let empty = empty.display().to_string();
    // (paths, the expected `(code, file)` of each entry)
    type Case<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>);
    let cases: Vec<Case> = vec![
        (vec!["no/such.se"], vec![("cannot-read", "no/such.se")]),
        (vec![&latin1], vec![("not-utf8", &latin1)]),
        (vec![&empty], vec![("no-se-files", &empty)]),
        (vec!["README.md"], vec![("not-se-file", "README.md")]),
        // Every problem, not only the first, and a good path does not hide them.
        (
            vec!["examples/", "missing.se", "Cargo.toml"],
            vec![("cannot-read", "missing.se"), ("not-se-file", "Cargo.toml")],
        ),
    ];
    for (paths, expected) in &cases {
        for (command, r) in each_command_as_json(paths) {
            let doc = assert_json_exit_2(&r, expected);
            for (entry, (_, file)) in doc["input_errors"].as_array().unwrap().iter().zip(expected) {
                let message = entry["message"].as_str().unwrap();
                assert!(message.contains(file), "{command}: {message}");
                assert!(
                    r.stderr.contains(message),
                    "{command}: stderr says the same: {}",
                    r.stderr
                );
            }
        }
    }
}

#[test]
fn a_workspace_that_does_not_resolve_is_refused_with_a_json_document() {
    // The blocking errors, each as `check` reports it (code, message, file, line, column).
    let (code, checked) = check_json(&[BROKEN]);
    assert_eq!(code, 1);
    let as_check: Vec<&Value> = diagnostics(&checked)
        .iter()
        .filter(|d| ["empty-period", "unknown-name"].contains(&d["code"].as_str().unwrap()))
        .collect();
    assert_eq!(as_check.len(), 2, "{checked:#}");
    let file = format!("{BROKEN}/broken.se");
    for (command, args) in [
        (
            "query",
            &["-e", "in force on 2024-03-05", "-e", "conflicts"][..],
        ),
        ("test", &[][..]),
    ] {
        let r = run(edaran()
            .arg(command)
            .arg(BROKEN)
            .args(["--format", "json"])
            .args(args));
        let doc = assert_json_exit_2(&r, &[("empty-period", &file), ("unknown-name", &file)]);
        for (entry, d) in doc["input_errors"]
            .as_array()
            .unwrap()
            .iter()
            .zip(&as_check)
        {
            for key in ["code", "message", "file", "line", "column", "help"] {
                assert_eq!(entry[key], d[key], "{command}: `{key}` of {entry:#}");
            }
        }
        assert!(
            r.stderr.contains("does not parse and resolve"),
            "{command}: {}",
            r.stderr
        );
    }
    // Human output is unchanged: nothing on stdout.
    let r = run(edaran().args(["query", BROKEN, "-e", "conflicts"]));
    assert_exit_2(&r, &["unknown rule `nobody`"]);
}

#[test]
fn no_question_is_a_json_document_too() {
    let r = run(edaran()
        .args(["query", "examples/", "--format", "json"])
        .write_stdin("// only a comment\n\n"));
    let doc = assert_json_exit_2(&r, &[("no-question", "")]);
    assert!(
        doc["input_errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("-e QUERY")
    );
}

/// Good and bad questions, mixed: each good one with what the examples answer, each bad one
/// with the code and the column (1-based, in the question as shown) of its mistake.
const QUESTIONS: &[(&str, Option<(&str, u64)>)] = &[
    ("in force on 2022-02-10", None),
    ("wfo BPKAD on 2023-09-01", Some(("syntax", 5))),
    (
        r#"wfo "BPKAD" gov "Pemprov Banten" function admin on 2023-09-01"#,
        None,
    ),
    (
        r#"wfo "BPKAD" gov "Pemprov Banten" on 2023-02-30"#,
        Some(("invalid-date", 37)),
    ),
    ("conflicts", None),
    (r#"wfx "BPKAD" on 2023-09-01"#, Some(("syntax", 1))),
    (
        r#"wfh priority "BPKAD" gov "Pemprov Banten" on 2023-09-01"#,
        None,
    ),
    (
        r#"wfo "BPKAD" from 2023-09-10 to 2023-09-01"#,
        Some(("empty-period", 18)),
    ),
];

/// Asserts that `answers` lines up with `QUESTIONS` repeated `times` times.
fn assert_answers_line_up(doc: &Value, times: usize) {
    assert_eq!(
        doc.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["answers"]
    );
    let answers = doc["answers"].as_array().unwrap();
    assert_eq!(
        answers.len(),
        QUESTIONS.len() * times,
        "one answer per question: {doc:#}"
    );
    for (a, (q, bad)) in answers.iter().zip(QUESTIONS.iter().cycle()) {
        assert_eq!(a["query"], *q, "in the order asked: {a:#}");
        match bad {
            None => {
                assert!(a.get("errors").is_none(), "{a:#}");
                assert!(
                    ["cases", "circulars", "conflicts"]
                        .iter()
                        .any(|k| a.get(k).is_some()),
                    "{a:#}"
                );
            }
            Some((code, column)) => {
                let keys: BTreeSet<&str> =
                    a.as_object().unwrap().keys().map(String::as_str).collect();
                assert_eq!(keys, BTreeSet::from(["query", "errors"]), "{a:#}");
                let [e] = a["errors"].as_array().unwrap().as_slice() else {
                    panic!("one error: {a:#}");
                };
                assert_eq!(e["code"], *code, "{a:#}");
                assert_eq!(e["severity"], "error");
                assert_eq!(e["column"], *column, "{a:#}");
                assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()));
            }
        }
    }
}

#[test]
fn a_bad_question_keeps_its_place_in_the_answers() {
    // As `-e`, six times over (48 questions): 48 answers, 18 of them errors.
    let mut cmd = edaran();
    cmd.args(["query", "examples/", "--format", "json"]);
    for _ in 0..6 {
        for (q, _) in QUESTIONS {
            cmd.args(["-e", q]);
        }
    }
    let r = run(&mut cmd);
    assert_eq!(r.code, 2, "a bad question: exit 2\n{}", r.stderr);
    let doc: Value = serde_json::from_str(&r.stdout).expect("one JSON document");
    assert_answers_line_up(&doc, 6);
    // The good answers are the ones asked alone.
    let alone = run(edaran().args([
        "query",
        "examples/",
        "--format",
        "json",
        "-e",
        QUESTIONS[2].0,
    ]));
    assert_eq!(alone.code, 0);
    let alone: Value = serde_json::from_str(&alone.stdout).unwrap();
    assert_eq!(doc["answers"][2], alone["answers"][0]);
    assert_eq!(doc["answers"][10], alone["answers"][0]);
    // The diagnostics of the bad ones are still on stderr.
    assert!(
        r.stderr.contains("expected a quoted string"),
        "{}",
        r.stderr
    );

    // On stdin, with blank lines and comments between them, and leading spaces.
    let text: String = QUESTIONS
        .iter()
        .map(|(q, _)| format!("\n// next\n   {q}\n"))
        .collect();
    let r = run(edaran()
        .args(["query", "examples/", "--format", "json"])
        .write_stdin(text));
    assert_eq!(r.code, 2);
    let doc: Value = serde_json::from_str(&r.stdout).expect("one JSON document");
    assert_answers_line_up(&doc, 1);

    // Human output: the good answers only, as before.
    let mut cmd = edaran();
    cmd.args(["query", "examples/"]);
    for (q, _) in QUESTIONS {
        cmd.args(["-e", q]);
    }
    let r = run(&mut cmd);
    assert_eq!(r.code, 2);
    assert!(r.stdout.starts_with("in force on 2022-02-10\n"));
    assert!(!r.stdout.contains("wfx"), "{}", r.stdout);
    assert!(!r.stdout.contains("errors"), "{}", r.stdout);
}

#[test]
fn only_good_questions_exit_0_with_no_errors_entry() {
    let mut cmd = edaran();
    cmd.args(["query", "examples/", "--format", "json"]);
    let good: Vec<&str> = QUESTIONS
        .iter()
        .filter(|(_, bad)| bad.is_none())
        .map(|(q, _)| *q)
        .collect();
    for q in &good {
        cmd.args(["-e", q]);
    }
    let r = run(&mut cmd);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let answers = doc["answers"].as_array().unwrap();
    assert_eq!(answers.len(), good.len());
    assert!(answers.iter().all(|a| a.get("errors").is_none()), "{doc:#}");
}

// -------------------------------------------------------------------------------------------------
// Help

fn help(args: &[&str]) -> String {
    let r = run(edaran().args(args));
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
}

#[test]
fn query_help_lists_the_question_forms_with_examples() {
    for flag in ["--help", "-h"] {
        let text = help(&["query", flag]);
        for form in [
            "wfo SUBJECT on DATE",
            "wfo SUBJECT from DATE to DATE",
            "explain SUBJECT on DATE",
            "wfh priority SUBJECT on DATE",
            "in force on DATE",
            "conflicts",
            "SUBJECT := STRING [function IDENT] [domicile STRING] [office STRING] [gov STRING]",
            "docs/language.md",
        ] {
            assert!(text.contains(form), "{flag}: `{form}` missing:\n{text}");
        }
        // The examples work as written (run from the repository root, as the help says).
        let examples: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("edaran query ") || l.contains("| edaran query "))
            .collect();
        assert!(examples.len() >= 2, "{flag}: examples:\n{text}");
        for example in examples {
            let (stdin, command) = match example.split_once(" | ") {
                Some((echo, command)) => (
                    Some(
                        echo.trim_start_matches("echo ")
                            .trim_matches('\'')
                            .to_string()
                            + "\n",
                    ),
                    command,
                ),
                None => (None, example),
            };
            // `edaran query PATH [-e 'Q'] [--format json]`: split on the quotes.
            let mut args: Vec<String> = Vec::new();
            for (i, part) in command.split('\'').enumerate() {
                if i % 2 == 1 {
                    args.push(part.to_string());
                } else {
                    args.extend(part.split_whitespace().map(str::to_string));
                }
            }
            assert_eq!(args[0], "edaran", "{example}");
            let mut cmd = edaran();
            cmd.args(&args[1..]);
            if let Some(stdin) = stdin {
                cmd.write_stdin(stdin);
            }
            let r = run(&mut cmd);
            assert_eq!(r.code, 0, "`{example}` fails:\n{}{}", r.stdout, r.stderr);
            assert!(!r.stdout.is_empty(), "`{example}` answers");
        }
    }
}

#[test]
fn format_help_says_what_each_command_prints() {
    let query = help(&["query", "--help"]);
    let test = help(&["test", "--help"]);
    let check = help(&["check", "--help"]);
    assert!(query.contains(r#"{"answers": [...]}"#), "{query}");
    assert!(query.contains(r#"{"query", "errors"}"#), "{query}");
    assert!(test.contains(r#""passed": N, "failed": N"#), "{test}");
    assert!(check.contains(r#""errors": N, "warnings": N"#), "{check}");
    for text in [&query, &test, &check] {
        assert!(text.contains("input_errors"), "{text}");
        assert!(text.contains("docs/language.md"), "{text}");
    }
    // Each says what it prints, not what `check` prints.
    for text in [&query, &test] {
        assert!(!text.contains("Diagnostics with source snippets"), "{text}");
        assert!(!text.contains("diagnostics"), "{text}");
    }
    assert!(!check.contains("answers"), "{check}");
    assert!(help(&["--help"]).contains("docs/language.md"));
}

// -------------------------------------------------------------------------------------------------
// The repository root

#[test]
fn check_in_the_repository_root_reads_the_examples_only() {
    let r = run(edaran()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("check"));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let examples = run(edaran().args(["check", "examples/"]));
    assert_eq!(
        summary(&r.stdout),
        summary(&examples.stdout),
        "{}",
        r.stdout
    );
    assert!(summary(&r.stdout).ends_with("0 errors, 1 warning"));

    let r = run(edaran()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "json"]));
    assert_eq!(r.code, 0);
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_json_shape(&doc);
    let [d] = diagnostics(&doc) else {
        panic!("the one known warning: {doc:#}");
    };
    assert_eq!(d["code"], "period-mismatch");
    assert!(
        Path::new(d["file"].as_str().unwrap()).ends_with(BANTEN_2023),
        "{doc:#}"
    );

    // The root's `.edaranignore` skips the fixtures, but a fixture named is still read.
    let ignore = read(".edaranignore");
    assert!(ignore.lines().any(|l| l.trim() == "tests/"), "{ignore}");
    let r = run(edaran()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "tests/fixtures/cli/bad.se"]));
    assert_eq!(r.code, 1);
}

// -------------------------------------------------------------------------------------------------
// A file that is not `.se`

#[test]
fn a_file_that_is_not_se_is_refused_by_name() {
    for command in ["check", "query", "test", "fmt"] {
        let r = run(edaran().args([command, "README.md"]));
        assert_exit_2(&r, &["`README.md` is not a `.se` file", "`.se` files"]);
        assert_eq!(
            r.stderr.lines().count(),
            1,
            "{command}: one line:\n{}",
            r.stderr
        );
    }
    // Among good paths: still refused, and every one named.
    let r = run(edaran().args(["check", "examples/", "README.md", "Cargo.toml"]));
    assert_exit_2(&r, &["`README.md`", "`Cargo.toml`"]);
    assert_eq!(r.stderr.lines().count(), 2, "{}", r.stderr);
    // A directory is searched for `*.se` and its other files are passed over, as before.
    let dir = tempfile::tempdir().unwrap();
    copy_fixture("good.se", &dir.path().join("good.se"));
    std::fs::write(dir.path().join("notes.md"), "# notes").unwrap();
    let r = run(edaran().arg("check").arg(dir.path()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A named file without an extension is refused too, even if it holds a circular.
    let plain = dir.path().join("circular");
    copy_fixture("good.se", &plain);
    let r = run(edaran().arg("check").arg(&plain));
    assert_exit_2(&r, &[&plain.display().to_string(), ".se"]);
}

#[cfg(unix)]
#[test]
fn what_is_not_a_regular_file_is_read_as_it_is() {
    // A pipe (`/dev/stdin`, `<(...)`): read, whatever its name.
    let r = run(edaran()
        .args(["check", "/dev/stdin"])
        .write_stdin(read(&fixture("good.se"))));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "checked 1 file: no problems found\n");
    // A link named otherwise to a `.se` file is that file.
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("current");
    std::os::unix::fs::symlink(root().join(fixture("good.se")), &link).unwrap();
    let r = run(edaran().arg("check").arg(&link));
    assert_eq!(r.code, 0, "{}", r.stderr);
}

// -------------------------------------------------------------------------------------------------
// Questions from a terminal

/// The note `query` prints before it waits for questions on a terminal.
const READING: &str = "reading questions from standard input, one per line; end with Ctrl-D";

#[test]
fn questions_from_a_pipe_get_no_note() {
    let r = run(edaran()
        .args(["query", "examples/"])
        .write_stdin("in force on 2022-02-10\n"));
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, "", "no note when stdin is a pipe");
}

#[cfg(unix)]
#[test]
fn questions_from_a_terminal_get_a_note_on_stderr() {
    // `script` runs the command on a pseudo-terminal; without it, the test cannot see one.
    let script = std::process::Command::new("script")
        .arg("--version")
        .output();
    if !script.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let stderr = dir.path().join("stderr");
    let command = format!(
        "'{}' query examples/ 2>'{}'",
        env!("CARGO_BIN_EXE_edaran"),
        stderr.display()
    );
    let mut child = std::process::Command::new("script")
        .in_english()
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("script runs");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"in force on 2022-02-10\n").unwrap();
        // Dropped here: the end of input, which `script` passes on as Ctrl-D.
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("800/258-BKD/2022"), "answered: {stdout}");
    let note = std::fs::read_to_string(&stderr).unwrap();
    assert_eq!(
        note.lines().collect::<Vec<_>>(),
        [format!("{READING} (or give one with `-e QUERY`)")],
        "{note:?}"
    );
}

/// A workspace naming more conditions or traits than edaran tells apart is refused with
/// `too-many-names` by every command that would read it wrongly: `check` reports it (exit 1),
/// `query` and `test` do not answer (exit 2).
#[test]
fn too_many_names_refuses_questions_and_tests() {
    const FILE: &str = "tests/fixtures/lints/too-many-names.se";
    let r = run(edaran().args(["check", FILE]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("too-many-names"), "{}", r.stdout);
    assert!(!r.stdout.contains("conflict"), "no analysis: {}", r.stdout);
    let r = run(edaran().args(["query", FILE, "-e", "wfo \"Dinas\" on 2026-03-03"]));
    assert_exit_2(&r, &["too-many-names", "does not parse and resolve"]);
    let r = run(edaran().args(["test", FILE]));
    assert_exit_2(&r, &["too-many-names", "does not parse and resolve"]);
}

/// `wfa` beside `wfh` in one circular: an `overlap` that names both places, a warning (exit 0),
/// never a conflict; across circulars nothing.
#[test]
fn check_reports_the_places_of_wfa_and_wfh_as_an_overlap() {
    let (code, doc) = check_json(&["tests/fixtures/answers/wfa"]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(
        (doc["errors"].as_u64(), doc["warnings"].as_u64()),
        (Some(0), Some(1)),
        "{doc}"
    );
    let d = &diagnostics(&doc)[0];
    assert_eq!(d["code"], "overlap", "{d}");
    assert_eq!(
        d["message"],
        "where rules `flexible` and `field` both apply, their shares combine to WFO 50%..75%, the others from anywhere"
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("places.se");
    std::fs::write(
        &path,
        r#"circular "SE 1/2026" {
  issuer "Menteri PANRB" level national
  signed 2026-02-09
  valid  2026-03-16 to 2026-03-27
  scope  all
  rule flexible: all => wfa at most 50%
  rule admin: function admin => wfh at most 50%
}
"#,
    )
    .expect("write");
    let (code, doc) = check_json(&[path.to_str().unwrap()]);
    assert_eq!(code, 0, "{doc}");
    let d = &diagnostics(&doc)[0];
    assert_eq!(
        (d["code"].as_str(), d["severity"].as_str()),
        (Some("overlap"), Some("warning"))
    );
    assert_eq!(
        d["message"],
        "where rules `flexible` and `admin` both apply, `flexible` says the others work from anywhere and `admin` from home: together WFO at least 50%, the others from home"
    );
}

/// Rules that each select a trait of their own combine in every way (30 rules: 2^30
/// combinations). `check` stops and says so (`too-many-combinations`), and a question whose
/// answer would split on all of them is refused with the traits to give, instead of a hang.
#[test]
fn rules_of_many_traits_are_bounded_in_check_and_in_answers() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("traits.se");
    let mut text = String::from(
        "circular \"T\" {\n  issuer \"I\" level national\n  signed 2024-01-01\n  valid 2024-01-01 to 2024-01-31\n  scope all\n",
    );
    for k in 0..30 {
        text.push_str(&format!(
            "  rule r{k}: unit \"U\" and trait t{k:02} => wfo at least {}%\n",
            k + 1
        ));
    }
    text.push_str("}\n");
    std::fs::write(&path, text).expect("write");
    let file = path.to_str().unwrap();
    let r = run(edaran().args(["check", file]));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("too-many-combinations"), "{}", r.stdout);
    assert!(r.stdout.contains("0 errors, 1 warning"), "{}", r.stdout);
    let r = run(edaran().args(["query", file, "-e", "wfo \"U\" on 2024-01-02"]));
    assert!(
        r.stderr
            .contains("the answer depends on 30 conditions and traits the question leaves open"),
        "{}",
        r.stderr
    );
    assert_ne!(r.code, 0);
    // Given all but a few, it is answered.
    let given: Vec<String> = (0..27).map(|k| format!("not trait t{k:02}")).collect();
    let q = format!("wfo \"U\" {} on 2024-01-02", given.join(" "));
    let r = run(edaran().args(["query", file, "-e", &q]));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("trait t29"), "{}", r.stdout);
}

// The language of the messages

/// `--lang id`, and a locale of the environment whose language is `id`, give the command line's
/// own texts in Indonesian; `--lang en` wins over the environment; the JSON stays English.
#[test]
fn the_language_is_the_flag_or_the_locale() {
    let bad = "tests/fixtures/cli/bad.se";
    let r = run(edaran().args(["--lang", "id", "check", bad]));
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .ends_with("1 berkas diperiksa: 2 kesalahan, 1 peringatan\n"),
        "{}",
        r.stdout
    );
    let r = run(edaran()
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "id_ID.UTF-8")
        .args(["holidays", "2026"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with(
            "Kalender nasional Indonesia, 2026: 17 hari libur nasional, 8 hari cuti bersama\n\nJanuari\n  Kamis 2026-01-01"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("\nDitetapkan dengan:\n"), "{}", r.stdout);
    let r = run(edaran()
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "id_ID.UTF-8")
        .args(["check", bad]));
    assert!(
        r.stdout
            .ends_with("1 berkas diperiksa: 2 kesalahan, 1 peringatan\n"),
        "{}",
        r.stdout
    );
    // LC_ALL comes first, then LC_MESSAGES, then LANG.
    let r = run(edaran()
        .env("LC_ALL", "C")
        .env("LANG", "id_ID.UTF-8")
        .args(["check", bad]));
    assert!(
        r.stdout.ends_with("checked 1 file: 2 errors, 1 warning\n"),
        "{}",
        r.stdout
    );
    let r = run(edaran()
        .env("LC_MESSAGES", "id_ID")
        .args(["check", "nope.se"]));
    assert_eq!(
        r.stderr,
        "kesalahan: tidak dapat membaca `nope.se`: berkas atau folder tidak ada\n"
    );
    // The flag wins over the environment.
    let r = run(edaran()
        .env("LANG", "id_ID.UTF-8")
        .args(["check", bad, "--lang", "en"]));
    assert!(
        r.stdout.ends_with("checked 1 file: 2 errors, 1 warning\n"),
        "{}",
        r.stdout
    );
    let r = run(edaran()
        .args(["holidays", "2026", "--lang=en"])
        .env("LANG", "id_ID.UTF-8"));
    assert!(
        r.stdout
            .starts_with("The national calendar of Indonesia, 2026"),
        "{}",
        r.stdout
    );
    // A machine interface: JSON keys and messages stay English.
    let r = run(edaran().args(["--lang", "id", "check", "nope.se", "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(
        doc["input_errors"][0]["message"],
        "cannot read `nope.se`: no such file or directory"
    );
    assert!(r.stderr.starts_with("kesalahan: "), "{}", r.stderr);
}

/// The help is Indonesian too, with clap's headings; a bad `--lang` is a usage error.
#[test]
fn the_help_speaks_the_language() {
    let r = run(edaran().args(["--lang", "id", "check", "--help"]));
    assert_eq!(r.code, 0);
    assert!(
        r.stdout
            .starts_with("Mengurai, menyelesaikan, dan memeriksa berkas `.se`"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("Format keluaran"), "{}", r.stdout);
    // clap's own words.
    for words in [
        "Cara pakai: edaran check",
        "\nArgumen:\n",
        "\nOpsi:\n",
        "Tampilkan bantuan",
    ] {
        assert!(r.stdout.contains(words), "{words}: {}", r.stdout);
    }
    let r = run(edaran().args(["--lang", "id", "help"]));
    assert!(r.stdout.contains("\nPerintah:\n"), "{}", r.stdout);
    let r = run(edaran()
        .env("LANG", "id_ID.UTF-8")
        .args(["holidays", "--help"]));
    assert!(r.stdout.contains("Tahunnya, misalnya 2026"), "{}", r.stdout);
    let r = run(edaran().args(["--lang", "fr", "check"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("'fr'"), "{}", r.stderr);
}
