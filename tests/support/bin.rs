//! Running the real `edaran` binary in integration tests.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Output;

/// A command that can be run: `std::process::Command` or `assert_cmd::Command`.
pub trait Runnable {
    /// Runs it to completion.
    fn output(&mut self) -> std::io::Result<Output>;
}

impl Runnable for std::process::Command {
    fn output(&mut self) -> std::io::Result<Output> {
        std::process::Command::output(self)
    }
}

impl Runnable for assert_cmd::Command {
    fn output(&mut self) -> std::io::Result<Output> {
        assert_cmd::Command::output(self)
    }
}

/// The package root: examples and fixtures are named relative to it.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The output of one run, with its exit status.
pub struct Run {
    /// The exit status.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs `cmd` to completion; fails the test if it panicked or wrote something that is not UTF-8.
pub fn run(cmd: &mut impl Runnable) -> Run {
    let out = cmd.output().expect("edaran runs");
    let run = Run {
        code: out.status.code().expect("edaran exits with a status"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "edaran panicked:\n{}",
        run.stderr
    );
    run
}

/// The variables of the environment that choose the language of edaran's messages, in the
/// order it reads them (`src/cli/lang.rs`).
pub const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// A command whose locale can be cleared: the tests read edaran's English, so a machine whose
/// `LANG` is `id_ID.UTF-8` must not make them read Indonesian.
pub trait InEnglish {
    /// The command with `LC_ALL`, `LC_MESSAGES` and `LANG` removed from its environment.
    fn in_english(&mut self) -> &mut Self;
}

impl InEnglish for std::process::Command {
    fn in_english(&mut self) -> &mut Self {
        for var in LOCALE_VARS {
            self.env_remove(var);
        }
        self
    }
}

impl InEnglish for assert_cmd::Command {
    fn in_english(&mut self) -> &mut Self {
        for var in LOCALE_VARS {
            self.env_remove(var);
        }
        self
    }
}
