//! The REPL on a real terminal: `edaran repl` runs on a pseudo-terminal, and the test types and
//! pastes into it as a terminal emulator would.
#![cfg(unix)]

#[path = "support/bin.rs"]
mod bin;
use bin::InEnglish;
use nix::pty::{Winsize, openpty};
use std::fs::File;
use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long the REPL may take to show something: a loaded machine is slow.
const PATIENCE: Duration = Duration::from_secs(30);

/// `edaran repl examples/` on a pseudo-terminal, with what it has written so far.
struct Terminal {
    child: Child,
    input: File,
    output: Arc<Mutex<Vec<u8>>>,
    _home: tempfile::TempDir,
}

impl Terminal {
    fn start() -> Terminal {
        let size = Winsize {
            ws_row: 50,
            ws_col: 200,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        let pty = openpty(Some(&size), None).expect("a pseudo-terminal");
        let home = tempfile::tempdir().unwrap();
        let slave = File::from(pty.slave);
        let child = Command::new(env!("CARGO_BIN_EXE_edaran"))
            .in_english()
            .arg("repl")
            .arg("examples/")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("HOME", home.path())
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave))
            .spawn()
            .expect("edaran starts");
        // The child holds the terminal's other end now: the copies of this process are gone, so
        // reading ends when the child does.
        let mut master = File::from(pty.master);
        let input = master.try_clone().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = master.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Terminal {
            child,
            input,
            output,
            _home: home,
        }
    }

    /// What the REPL has written, without the terminal's carriage returns.
    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).replace('\r', "")
    }

    /// Waits until the screen, from byte `from`, holds `text`; the screen from `from` on.
    fn wait_for(&self, from: usize, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.get(from..).is_some_and(|s| s.contains(text)) {
                return screen[from..].to_string();
            }
            if start.elapsed() > PATIENCE {
                panic!("{text:?} not shown after byte {from}:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends `bytes` in one write, as a paste does; the length of the screen before it.
    fn send(&mut self, bytes: &str) -> usize {
        let at = self.screen().len();
        self.input.write_all(bytes.as_bytes()).unwrap();
        self.input.flush().unwrap();
        at
    }

    fn quit(mut self) {
        let at = self.send(":quit\r");
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "{status}\n{}", self.screen());
                return;
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("`:quit` did not end the REPL:\n{}", &self.screen()[at..]);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

const QUESTIONS: [(&str, &str); 3] = [
    (
        "wfo \"BPKAD\" gov \"Pemprov Lampung\" function admin on 2021-07-15",
        "  note: no circular names function `admin`: it is answered like any other\n  WFO at most 25% (rule `essential_cap` of 045.2103/VII/POSKO/2021)\n",
    ),
    (
        "in force on 2020-03-20",
        "  BANTEN-2020-KONSEP-WFH (provincial, valid 2020-03-17 to 2020-03-30)\n",
    ),
    (
        "wfo \"BPKAD\" gov \"Pemprov Banten\" function admin on 2023-09-01",
        "  note: no circular names function `admin`: it is answered like any other\n  WFO 50% (rule `national_hybrid` of Inmendagri 2/2023, rule `hybrid_50` of 800/2928-BKD/2023)\n",
    ),
];

/// The pieces, in this order, in `text`.
fn in_order(text: &str, pieces: &[String]) {
    let mut at = 0;
    for piece in pieces {
        let found = text[at..].find(piece.as_str()).unwrap_or_else(|| {
            panic!("{piece:?} missing (or out of order) after byte {at}:\n{text}")
        });
        at += found + piece.len();
    }
}

/// Three lines sent in one write (a paste on a terminal without bracketed paste) are three
/// questions, answered in order; the answers do not repeat the questions, already on screen.
#[test]
fn lines_pasted_at_once_are_each_answered_in_order() {
    let mut t = Terminal::start();
    t.wait_for(0, "edaran> ");
    let paste: String = QUESTIONS.iter().map(|(q, _)| format!("{q}\r")).collect();
    let at = t.send(&paste);
    let shown = t.wait_for(at, QUESTIONS[2].1);
    in_order(
        &shown,
        &QUESTIONS
            .iter()
            .flat_map(|(q, a)| [q.to_string(), a.to_string()])
            .collect::<Vec<_>>(),
    );
    for (q, a) in QUESTIONS {
        assert_eq!(shown.matches(a).count(), 1, "{shown}");
        assert_eq!(shown.matches(q).count(), 1, "{q} is echoed:\n{shown}");
    }
    assert!(!shown.contains("error"), "{shown}");
    t.quit();
}

/// A bracketed paste of three lines (what terminals send for a paste) is one input of three
/// lines: on Enter, each is answered in order, headed by its question.
#[test]
fn a_bracketed_paste_of_three_lines_answers_each_in_order() {
    let mut t = Terminal::start();
    t.wait_for(0, "edaran> ");
    let lines: Vec<&str> = QUESTIONS.iter().map(|(q, _)| *q).collect();
    let at = t.send(&format!("\x1b[200~{}\r\x1b[201~", lines.join("\r")));
    // The paste waits for Enter, as in a shell.
    t.wait_for(at, QUESTIONS[2].0);
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        !t.screen()[at..].contains(QUESTIONS[0].1),
        "answered before Enter"
    );
    let enter = t.send("\r");
    let shown = t.wait_for(enter, QUESTIONS[2].1);
    in_order(
        &shown,
        &QUESTIONS
            .iter()
            .flat_map(|(q, a)| [format!("{q}\n{a}")])
            .collect::<Vec<_>>(),
    );
    assert!(!shown.contains("error"), "{shown}");
    // The next prompt comes after the last answer, and the REPL still answers.
    let last = enter + shown.find(QUESTIONS[2].1).unwrap() + QUESTIONS[2].1.len();
    t.wait_for(last, "edaran> ");
    let at = t.send("in force on 2020-03-20\r");
    t.wait_for(at, QUESTIONS[1].1);
    t.quit();
}

/// `:given` and `:given clear` on a terminal.
#[test]
fn given_is_shown_and_cleared() {
    let mut t = Terminal::start();
    t.wait_for(0, "edaran> ");
    let at = t.send(":given\r");
    t.wait_for(at, "given: none");
    let at = t.send(":given gov \"Pemprov Banten\"\r");
    t.wait_for(at, "given: gov \"Pemprov Banten\"\n");
    let at = t.send(":given\r");
    t.wait_for(at, "given: gov \"Pemprov Banten\"\n");
    let at = t.send("wfo \"BPKAD\" function admin on 2023-09-01\r");
    t.wait_for(at, QUESTIONS[2].1);
    let at = t.send(":given clear\r");
    t.wait_for(at, "given: cleared\n");
    let at = t.send(":given\r");
    t.wait_for(at, "given: none");
    // In Indonesian words, for Indonesian questions: `dengan instansi ...`, not mixed.
    let at = t.send(":given instansi \"Pemprov Banten\"\r");
    t.wait_for(at, "given: instansi \"Pemprov Banten\"\n");
    let at = t.send("wfo \"BPKAD\" fungsi admin pada 2023-09-01\r");
    t.wait_for(at, QUESTIONS[2].1);
    t.quit();
}

/// Tab lists the names that can come next when there are several, and completes one.
#[test]
fn tab_lists_the_names_that_fit() {
    let mut t = Terminal::start();
    t.wait_for(0, "edaran> ");
    let at = t.send("wfo \"BPKAD\" gov \"Pemprov \t\t");
    let shown = t.wait_for(at, "\"Pemprov Lampung\"");
    assert!(shown.contains("\"Pemprov Banten\""), "{shown}");
    assert!(
        !shown.contains("Dinas Kesehatan"),
        "units are not governments:\n{shown}"
    );
    // One name fits: Tab writes it, and the question can be asked.
    let at = t.send("\x15wfo \"BPKAD\" gov \"Pemprov La\tfunction admin on 2021-07-15\r");
    t.wait_for(at, QUESTIONS[0].1);
    t.quit();
}
