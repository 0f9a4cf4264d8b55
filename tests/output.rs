//! Output that cannot be written: a closed pipe ends quietly, as `ls | head` does; any other
//! failed write (a full disk) is one line on stderr and exit status 2; a standard error that
//! cannot be written is ignored. Never a panic (exit 101 and a backtrace).

#[path = "support/bin.rs"]
mod bin;
use bin::InEnglish;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn edaran() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_edaran"));
    cmd.in_english().current_dir(root()).env("NO_COLOR", "1");
    cmd
}

fn example() -> String {
    std::fs::read_to_string(root().join("examples/banten-2022-wfh-covid.se")).expect("an example")
}

#[test]
fn a_closed_pipe_ends_fmt_quietly() {
    let mut child = edaran()
        .args(["fmt", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("edaran starts");
    // The reader leaves before anything is written: the write meets a closed pipe.
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(example().as_bytes())
        .expect("the text is sent");
    drop(stdin);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr is read");
    let status = child.wait().expect("edaran ends");
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "", "a closed pipe is no error to report");
}

#[test]
fn a_closed_pipe_ends_check_and_query_quietly() {
    for args in [
        &["check", "examples/drafts/"][..],
        &["query", "examples/", "-e", "in force on 2023-09-01"][..],
    ] {
        let mut child = edaran()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("edaran starts");
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("edaran ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(output.status.code(), Some(101), "{args:?}: {stderr}");
    }
}

#[test]
fn a_full_disk_is_one_line_and_exit_2() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: this system has no /dev/full");
        return;
    };
    for args in [
        &["check", "examples/"][..],
        &["query", "examples/", "-e", "conflicts"][..],
        &["test", "examples/"][..],
        &["fmt", "examples/banten-2022-wfh-covid.se", "--check"][..],
    ] {
        let output = edaran()
            .args(args)
            .stdout(full.try_clone().expect("a second handle"))
            .output()
            .expect("edaran runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        if args[0] == "fmt" {
            // `fmt --check` of a formatted file prints nothing: nothing fails.
            assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
            continue;
        }
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(
            stderr
                .lines()
                .filter(|l| l.starts_with("error: cannot write the output"))
                .count(),
            1,
            "{args:?}: {stderr}"
        );
    }
    let output = edaran()
        .args(["fmt", "-"])
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(example().as_bytes())?;
            child.wait_with_output()
        })
        .expect("edaran runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("error: cannot write the output"));
}

#[test]
fn a_standard_error_that_cannot_be_written_is_ignored() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("skipped: this system has no /dev/full");
        return;
    };
    // A bad question: its error goes to a standard error that cannot be written.
    let output = edaran()
        .args(["query", "examples/", "-e", "wfo"])
        .stderr(full)
        .output()
        .expect("edaran runs");
    assert_eq!(
        output.status.code(),
        Some(2),
        "a bad question is still exit 2"
    );
}

/// `edaran query` reading a pipe answers each question before the next one is written: a
/// program that asks, waits for the answer and asks again gets it. (Answers of questions that
/// came together are written together; one that came alone is written at once.)
#[test]
fn a_question_written_alone_is_answered_before_the_next() {
    use std::io::BufRead;
    let mut child = edaran()
        .args(["query", "examples/"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("edaran starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (lines, answers) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            if lines.send(line.expect("a line")).is_err() {
                break;
            }
        }
    });
    let wait = std::time::Duration::from_secs(30);
    for date in ["2023-09-01", "2022-02-10"] {
        writeln!(stdin, "in force on {date}").expect("the question is sent");
        stdin.flush().expect("sent");
        // The answer starts with the question; lines before it end the previous answer.
        let question = format!("in force on {date}");
        while answers
            .recv_timeout(wait)
            .expect("the answer comes while the pipe is still open")
            != question
        {}
    }
    drop(stdin);
    let status = child.wait().expect("edaran ends");
    reader.join().expect("the reader ends");
    assert_eq!(status.code(), Some(0));
}
