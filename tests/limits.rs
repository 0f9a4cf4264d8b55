//! The limits on what edaran prints and holds (docs/robustness.md): the cap on the diagnostics
//! printed (`--max-diagnostics`) and the answers of `query`, each written as its question is
//! read. Each reproducer of issue 17 on these is a test here.
//!
//! The runs that a regression would make take gigabytes run under a memory limit (`ulimit -v`),
//! with a time-out only as a guard against a hang: the work is bounded, the seconds are not
//! measured.
#![cfg(unix)]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

#[path = "support/bin.rs"]
mod bin;
use bin::{InEnglish, Run, root, run};

/// The memory limit of the runs of many questions, in kilobytes.
const LIMIT_QUESTIONS: u64 = 400_000;

/// The opening of a circular; its rules follow.
const HEADER: &str = "circular \"C\" {\n  issuer \"I\" level national\n  signed 2024-01-01\n  valid 2024-01-01 to 2024-01-31\n  scope all\n";

/// One circular of `n` rules about the same unit, rule `rI` requiring `I mod 101` percent: every
/// two rules with different shares clash, and they are one finding.
fn clashing(n: usize) -> String {
    let mut text = HEADER.to_string();
    for i in 0..n {
        text.push_str(&format!("  rule r{i}: unit \"U\" => wfo {}%\n", i % 101));
    }
    text + "}\n"
}

/// How many pairs of the rules of [`clashing`] clash: every pair, less those that require the
/// same share.
fn clashes(n: usize) -> usize {
    let pairs = |k: usize| k * k.saturating_sub(1) / 2;
    let same: usize = (0..101)
        .map(|p| pairs((0..n).filter(|i| i % 101 == p).count()))
        .sum();
    pairs(n) - same
}

/// One circular of `n` pairs of rules that clash, each pair about its own unit: `n` conflicts,
/// none with a common cause.
fn clashing_pairs(n: usize) -> String {
    let mut text = HEADER.to_string();
    for i in 0..n {
        text.push_str(&format!(
            "  rule a{i}: unit \"U{i}\" => wfo 25%\n  rule b{i}: unit \"U{i}\" => wfo 75%\n"
        ));
    }
    text + "}\n"
}

/// A folder holding `name` with `text`.
fn workspace(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    dir
}

/// `edaran ARGS` from the package root, under a memory limit of `kb` kilobytes of address space
/// (with at most two malloc arenas, so that the limit does not depend on the number of cores),
/// with `stdin` on its standard input, killed after ten minutes: a guard against a hang, far
/// above what a run takes.
fn bounded(kb: u64, args: &[&dyn AsRef<std::ffi::OsStr>], stdin: Option<&Path>) -> Run {
    let mut cmd = assert_cmd::Command::new("sh");
    cmd.in_english()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("MALLOC_ARENA_MAX", "2")
        .arg("-c")
        .arg(format!("ulimit -v {kb}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_edaran"))
        .timeout(Duration::from_secs(600));
    if let Some(path) = stdin {
        cmd.pipe_stdin(path).unwrap();
    }
    for a in args {
        cmd.arg(a);
    }
    run(&mut cmd)
}

fn edaran(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_edaran"));
    cmd.in_english().current_dir(root()).env("NO_COLOR", "1");
    for a in args {
        cmd.arg(a);
    }
    run(&mut cmd)
}

/// The diagnostics printed by a human run: each starts with its code alone on a line.
fn printed(stdout: &str, code: &str) -> usize {
    stdout.lines().filter(|l| *l == code).count()
}

fn json(stdout: &str) -> serde_json::Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}"))
}

// -------------------------------------------------------------------------------------------------
// The cap on the diagnostics printed

#[test]
fn a_thousand_clashing_rules_are_one_finding() {
    // Issue 17: this 28 KB file gave 495,045 conflicts, and took 600 MB even with the cap on
    // what is printed. The rules decide together: one finding, named by its first rules.
    let all = clashes(1000);
    assert_eq!(all, 495_045);
    let dir = workspace("clash.se", &clashing(1000));
    let r = bounded(LIMIT_QUESTIONS, &[&"check", &dir.path()], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(printed(&r.stdout, "conflict"), 1, "{}", r.stdout);
    assert!(
        r.stdout.contains(&format!(
            "1000 rules clash where they all apply: `r0`, `r1`, `r2` and 997 more; {all} pairs"
        )),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.ends_with("checked 1 file: 1 error, 0 warnings\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn five_thousand_clashing_pairs_print_the_first_200_and_count_the_rest() {
    // Conflicts without a common cause stay one finding each: the cap bounds what is printed.
    let all = 5000;
    let dir = workspace("clash.se", &clashing_pairs(all));
    let r = bounded(LIMIT_QUESTIONS, &[&"check", &dir.path()], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(printed(&r.stdout, "conflict"), 200);
    let more = all - 200;
    let tail: Vec<&str> = r.stdout.lines().rev().take(2).collect();
    assert_eq!(
        tail,
        [
            format!("checked 1 file: {all} errors, 0 warnings").as_str(),
            &format!(
                "and {more} more problems not shown ({more} errors, 0 warnings): add \
                 `--max-diagnostics 0` to see them all"
            ),
        ]
    );
}

#[test]
fn max_diagnostics_0_prints_every_diagnostic() {
    let dir = workspace("clash.se", &clashing_pairs(66));
    let all = 66;
    let r = edaran(&[&"check", &dir.path(), &"--max-diagnostics", &"0"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(printed(&r.stdout, "conflict"), all);
    assert!(
        !r.stdout.contains("more problems not shown"),
        "{}",
        r.stdout
    );
    // Under the default cap, a run with fewer prints exactly the same.
    let default = edaran(&[&"check", &dir.path()]);
    assert_eq!(default.stdout, r.stdout);
    assert_eq!(default.code, r.code);
}

#[test]
fn max_diagnostics_n_prints_the_first_n_in_order_then_the_count_of_the_rest() {
    let dir = workspace("clash.se", &clashing_pairs(66));
    let every = edaran(&[&"check", &dir.path(), &"--max-diagnostics", &"0"]);
    let r = edaran(&[&"check", &dir.path(), &"--max-diagnostics", &"5"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(printed(&r.stdout, "conflict"), 5);
    // The first five of the full list, as they are printed there.
    let sixth = every.stdout.match_indices("conflict\n").nth(5).unwrap().0;
    assert!(r.stdout.starts_with(&every.stdout[..sixth]), "{}", r.stdout);
    assert!(
        r.stdout.ends_with(
            "and 61 more problems not shown (61 errors, 0 warnings): add `--max-diagnostics 0` to see \
             them all\nchecked 1 file: 66 errors, 0 warnings\n"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn max_diagnostics_counts_warnings_apart() {
    // 45 pairs of rules that clash (45 errors), then a circular without rules (the warning
    // `no-rule`).
    let text = clashing_pairs(45) + &HEADER.replace("\"C\"", "\"D\"") + "}\n";
    let dir = workspace("clash.se", &text);
    let every = edaran(&[&"check", &dir.path(), &"--max-diagnostics", &"0"]);
    assert_eq!(printed(&every.stdout, "no-rule"), 1, "{}", every.stdout);
    let r = edaran(&[&"check", &dir.path(), &"--max-diagnostics", &"40"]);
    assert!(
        r.stdout.ends_with(
            "and 6 more problems not shown (5 errors, 1 warning): add `--max-diagnostics 0` to see them \
             all\nchecked 1 file: 45 errors, 1 warning\n"
        ),
        "{}",
        r.stdout
    );
    let r = edaran(&[&"check", &dir.path(), &"--max-diagnostics", &"45"]);
    assert!(
        r.stdout.contains(
            "\nand 1 more problem not shown (0 errors, 1 warning): add `--max-diagnostics 0` to \
             see them all\n"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn json_keeps_its_shape_and_says_how_many_were_omitted() {
    let dir = workspace("clash.se", &clashing_pairs(66));
    let every = json(&edaran(&[&"check", &dir.path(), &"--format", &"json"]).stdout);
    assert_eq!(every["diagnostics"].as_array().unwrap().len(), 66);
    assert_eq!(every["errors"], 66);
    assert!(every.get("omitted").is_none(), "{every}");
    let capped = json(
        &edaran(&[
            &"check",
            &dir.path(),
            &"--format",
            &"json",
            &"--max-diagnostics",
            &"5",
        ])
        .stdout,
    );
    let shown = capped["diagnostics"].as_array().unwrap();
    assert_eq!(shown[..], every["diagnostics"].as_array().unwrap()[..5]);
    assert_eq!(capped["errors"], 66);
    assert_eq!(capped["warnings"], 0);
    assert_eq!(capped["omitted"], 61);
}

#[test]
fn a_bad_max_diagnostics_is_a_usage_error() {
    let r = edaran(&[&"check", &"examples/", &"--max-diagnostics", &"many"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--max-diagnostics"), "{}", r.stderr);
}

/// A circular of `n` rules that each name a sector nobody defines: `n` errors of resolution,
/// which stop `query` and `test`.
fn unresolved(n: usize) -> String {
    let mut text = HEADER.to_string();
    for i in 0..n {
        text.push_str(&format!("  rule r{i}: nowhere{i} => wfo 50%\n"));
    }
    text + "}\n"
}

#[test]
fn query_and_test_print_the_first_200_errors_that_stop_them() {
    let dir = workspace("bad.se", &unresolved(250));
    let check = edaran(&[&"check", &dir.path(), &"--max-diagnostics", &"0"]);
    assert_eq!(
        printed(&check.stdout, "unknown-name"),
        250,
        "{}",
        check.stdout
    );
    for command in [vec!["query", "-e", "in force on 2024-01-10"], vec!["test"]] {
        let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = command
            .iter()
            .map(|a| a as &dyn AsRef<std::ffi::OsStr>)
            .collect();
        let path = dir.path();
        args.insert(1, &path);
        let r = edaran(&args);
        assert_eq!(r.code, 2, "{command:?}: {}", r.stderr);
        assert_eq!(printed(&r.stderr, "unknown-name"), 200, "{command:?}");
        assert!(
            r.stderr.contains(
                "and 50 more problems not shown (50 errors, 0 warnings): run `edaran check \
                 --max-diagnostics 0` to see them all\n"
            ),
            "{command:?}: {}",
            r.stderr
        );
        assert!(
            r.stderr.contains("(250 errors)"),
            "{command:?}: {}",
            r.stderr
        );
        args.push(&"--format");
        args.push(&"json");
        let doc = json(&edaran(&args).stdout);
        assert_eq!(
            doc["input_errors"].as_array().unwrap().len(),
            200,
            "{command:?}"
        );
        assert_eq!(doc["omitted"], 50, "{command:?}");
    }
}

// -------------------------------------------------------------------------------------------------
// Answers as the questions come

/// `edaran query examples/ ARGS` with pipes on its standard input and output.
fn query_on_pipes(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_edaran"))
        .in_english()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .arg("query")
        .arg("examples/")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("edaran runs")
}

/// The lines of `child`'s stdout, read on a thread as they come.
fn lines_of(child: &mut Child) -> mpsc::Receiver<String> {
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let mut line = String::new();
            match stdout.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {
                    if send.send(line).is_err() {
                        return;
                    }
                }
            }
        }
    });
    receive
}

/// The lines from `lines` up to the first for which `done` holds; `None` when it does not come
/// within two minutes (a guard: a streamed answer comes in a fraction of a second, and without
/// streaming it never comes while the input is open).
fn until(lines: &mpsc::Receiver<String>, done: fn(&str) -> bool) -> Option<String> {
    let mut got = String::new();
    loop {
        let line = lines.recv_timeout(Duration::from_secs(120)).ok()?;
        got.push_str(&line);
        if done(&line) {
            return Some(got);
        }
    }
}

#[test]
fn query_answers_each_question_before_the_input_ends() {
    let mut child = query_on_pipes(&[]);
    let mut stdin = child.stdin.take().unwrap();
    let lines = lines_of(&mut child);
    stdin.write_all(b"in force on 2021-07-15\n").unwrap();
    stdin.flush().unwrap();
    let got = until(&lines, |l| l.contains("045.2103/VII/POSKO/2021"));
    // Only now is the input closed.
    drop(stdin);
    let status = child.wait().unwrap();
    let got = got.expect("the answer comes while the input is still open");
    assert_eq!(
        got,
        "in force on 2021-07-15\n  045.2103/VII/POSKO/2021 (provincial, valid 2021-07-12 to \
         2021-07-20)\n"
    );
    assert!(status.success());
}

#[test]
fn query_json_writes_each_entry_before_the_input_ends() {
    let mut child = query_on_pipes(&["--format", "json"]);
    let mut stdin = child.stdin.take().unwrap();
    let lines = lines_of(&mut child);
    stdin.write_all(b"in force on 2021-07-15\n").unwrap();
    stdin.flush().unwrap();
    let first = until(&lines, |l| l.contains("\"query\""));
    // A second question: its entry follows, and the end of the input closes the document.
    let second = stdin.write_all(b"in force on 2021-07-16\n");
    drop(stdin);
    let status = child.wait().unwrap();
    let first = first.expect("the first entry comes while the input is still open");
    assert!(second.is_ok() && status.success());
    assert!(first.starts_with("{\n  \"answers\": [\n    {\n"), "{first}");
    let whole = first + &lines.iter().collect::<String>();
    // Byte for byte the document the same questions give with `-e`.
    let e = edaran(&[
        &"query",
        &"examples/",
        &"--format",
        &"json",
        &"-e",
        &"in force on 2021-07-15",
        &"-e",
        &"in force on 2021-07-16",
    ]);
    assert_eq!(whole, e.stdout);
    assert_eq!(json(&whole)["answers"].as_array().unwrap().len(), 2);
}

#[test]
fn twenty_thousand_questions_on_stdin_take_the_memory_of_one() {
    // Issue 17: 100,000 questions took 4.3 GB, every answer held until the end of input; these
    // 20,000 took more than 400 MB (about 56 KB an answer under `--format json`). Each answer is
    // now written as it comes, so the run holds one at a time.
    let dir = tempfile::tempdir().unwrap();
    let questions = dir.path().join("questions.txt");
    let question =
        "explain \"Dinas Kesehatan\" gov \"Pemprov Banten\" function admin on 2022-02-10";
    std::fs::write(&questions, format!("{question}\n").repeat(20_000)).unwrap();
    for format in ["human", "json"] {
        let r = bounded(
            LIMIT_QUESTIONS,
            &[&"query", &"examples/", &"--format", &format],
            Some(&questions),
        );
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        let one = edaran(&[
            &"query",
            &"examples/",
            &"--format",
            &format,
            &"-e",
            &question,
        ])
        .stdout;
        let expected = match format {
            "human" => one.repeat(20_000),
            _ => {
                // The one document, its entry 20,000 times (built from the text: parsing 90 MB
                // of JSON here would take more memory than the run under test).
                let (head, tail) = ("{\n  \"answers\": [\n", "\n  ]\n}\n");
                let entry = one.strip_prefix(head).and_then(|t| t.strip_suffix(tail));
                let entry = entry.unwrap_or_else(|| panic!("one document:\n{one}"));
                format!("{head}{}{tail}", vec![entry; 20_000].join(",\n"))
            }
        };
        assert!(r.stdout == expected, "{format}: the answers differ");
    }
}
