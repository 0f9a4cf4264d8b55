//! What edaran reads and writes (docs/robustness.md): only regular files, under a size limit,
//! never outside the folders it searches; `fmt` refuses read-only files and keeps permissions,
//! owner and hard links. Each reproducer of issue 17 is a test here.
//!
//! Every run that a regression could make hang or eat memory (a named pipe, `/dev/zero`) runs
//! under a memory limit (`ulimit -v`) and a time-out that kills it, so a regression fails the test
//! instead of hanging the machine.
#![cfg(unix)]

use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::time::Duration;

#[path = "support/bin.rs"]
mod bin;
use bin::{InEnglish, Run, root, run};

/// A circular, already in the standard layout.
const GOOD: &str = "tests/fixtures/cli/good.se";

/// A circular that `fmt` changes.
const MESSY: &str = "circular \"M\" {\n issuer \"I\" level national\n signed 2024-01-01\n valid 2024-01-01 to 2024-01-31\n scope all\n rule r: all=>wfo 50%\n}\n";

/// `edaran ARGS` from the package root, under a memory limit of 2 GB and killed after two
/// minutes: the upper bounds of a regression, far above what a normal run takes.
fn bounded(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Run {
    let mut cmd = assert_cmd::Command::new("sh");
    cmd.in_english()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .arg("-c")
        .arg("ulimit -v 2000000; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_edaran"))
        .timeout(Duration::from_secs(120));
    for a in args {
        cmd.arg(a);
    }
    run(&mut cmd)
}

fn good_text() -> String {
    std::fs::read_to_string(root().join(GOOD)).unwrap()
}

/// A folder holding `good.se`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.se"), good_text()).unwrap();
    dir
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// Whether the tests run as root, who may read any file and give a file to anyone: the owner of
/// a file just made is the effective user.
fn as_root() -> bool {
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("probe");
    std::fs::write(&probe, "").unwrap();
    std::fs::metadata(&probe).unwrap().uid() == 0
}

fn assert_exit_2(r: &Run, pieces: &[&str]) {
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    for piece in pieces {
        assert!(r.stderr.contains(piece), "{piece:?} missing:\n{}", r.stderr);
    }
}

// -------------------------------------------------------------------------------------------------
// Only regular files

#[test]
fn a_named_pipe_on_the_command_line_is_refused_without_opening_it() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("pipe.se");
    mkfifo(&pipe);
    for command in ["check", "query", "test", "fmt"] {
        let r = if command == "query" {
            bounded(&[&command, &pipe, &"-e", &"conflicts"])
        } else {
            bounded(&[&command, &pipe])
        };
        assert_exit_2(
            &r,
            &[&pipe.display().to_string(), "is a named pipe, not a file"],
        );
        assert_eq!(r.stderr.lines().count(), 1, "{command}: {}", r.stderr);
    }
    // The same in the JSON document.
    let r = bounded(&[&"check", &"--format", &"json", &pipe]);
    assert_eq!(r.code, 2);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["input_errors"][0]["code"], "not-a-file", "{doc:#}");
}

#[test]
fn a_named_pipe_found_by_a_search_is_skipped_with_a_warning() {
    let dir = workspace();
    mkfifo(&dir.path().join("pipe.se"));
    let r = bounded(&[&"check", &dir.path()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "checked 1 file: no problems found\n");
    assert!(
        r.stderr.contains("warning: skipped") && r.stderr.contains("is a named pipe"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_link_to_dev_zero_in_a_searched_folder_is_skipped_not_read() {
    let dir = workspace();
    symlink("/dev/zero", dir.path().join("zero.se")).unwrap();
    for command in ["check", "fmt"] {
        let r = bounded(&[&command, &dir.path()]);
        assert_eq!(r.code, 0, "{command}: {}", r.stderr);
        assert!(
            r.stderr.contains("zero.se") && r.stderr.contains("/dev/zero"),
            "{command}: {}",
            r.stderr
        );
    }
    // Named, it is refused for what it is.
    let zero = dir.path().join("zero.se");
    let r = bounded(&[&"check", &zero]);
    assert_exit_2(&r, &["zero.se", "is a device, not a file"]);
}

#[test]
fn a_pipe_handed_over_open_is_still_read_within_the_limit() {
    let mut cmd = assert_cmd::Command::new("sh");
    cmd.in_english()
        .current_dir(root())
        .arg("-c")
        .arg("cat \"$1\" | \"$0\" check --max-file-size \"$2\" /dev/stdin")
        .arg(env!("CARGO_BIN_EXE_edaran"))
        .arg(GOOD)
        .timeout(Duration::from_secs(120));
    let r = run(cmd.arg("1M"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut cmd = assert_cmd::Command::new("sh");
    cmd.in_english()
        .current_dir(root())
        .arg("-c")
        .arg("cat \"$1\" | \"$0\" check --max-file-size 10 /dev/stdin")
        .arg(env!("CARGO_BIN_EXE_edaran"))
        .arg(GOOD)
        .timeout(Duration::from_secs(120));
    let r = run(&mut cmd);
    assert_exit_2(&r, &["/dev/stdin", "over the limit of 10 bytes"]);
}

// -------------------------------------------------------------------------------------------------
// The size limit

#[test]
fn a_file_over_the_size_limit_is_refused_by_name_with_its_size() {
    let dir = workspace();
    let good = dir.path().join("good.se");
    let size = std::fs::metadata(&good).unwrap().len();
    for command in ["check", "test", "fmt"] {
        let r = bounded(&[&command, &"--max-file-size", &"10", &good]);
        assert_exit_2(
            &r,
            &[
                &good.display().to_string(),
                &format!("is {size} bytes, over the limit of 10 bytes per file"),
                "--max-file-size",
            ],
        );
    }
    // Found by a search, the same (a file of the workspace cannot be left out silently).
    let r = bounded(&[&"check", &dir.path(), &"--max-file-size", &"10"]);
    assert_exit_2(&r, &["good.se", "over the limit"]);
    let r = bounded(&[
        &"check",
        &"--format",
        &"json",
        &"--max-file-size",
        &"10",
        &good,
    ]);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["input_errors"][0]["code"], "file-too-large", "{doc:#}");
    // Units, and the default, read it.
    for limit in ["1K", "64M", "1G", "2048", "1kib", "4MB"] {
        let r = bounded(&[&"check", &"--max-file-size", &limit, &good]);
        assert_eq!(r.code, 0, "{limit}: {}", r.stderr);
    }
    let r = bounded(&[&"check", &good]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for bad in ["10x", "M", "-1", "99999999999G"] {
        let r = bounded(&[&"check", &format!("--max-file-size={bad}"), &good]);
        assert_exit_2(&r, &["--max-file-size"]);
    }
    // `fmt -` reads standard input under the same limit.
    let mut cmd = assert_cmd::Command::cargo_bin("edaran").unwrap();
    cmd.in_english()
        .args(["fmt", "--max-file-size", "10", "-"])
        .write_stdin(good_text())
        .timeout(Duration::from_secs(120));
    assert_exit_2(&run(&mut cmd), &["standard input", "limit of 10 bytes"]);
}

#[test]
fn the_help_names_the_limit() {
    let mut cmd = assert_cmd::Command::cargo_bin("edaran").unwrap();
    let r = run(cmd.in_english().args(["check", "--help"]));
    assert!(r.stdout.contains("--max-file-size <SIZE>"), "{}", r.stdout);
    assert!(r.stdout.contains("[default: 256M]"), "{}", r.stdout);
}

// -------------------------------------------------------------------------------------------------
// Never outside the folders searched

#[test]
fn a_link_out_of_the_folder_is_skipped_never_read_nor_written() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.se");
    std::fs::write(&secret, "the first line of a secret\n").unwrap();
    let messy = outside.path().join("messy.se");
    std::fs::write(&messy, MESSY).unwrap();
    let dir = workspace();
    symlink(&secret, dir.path().join("leak.se")).unwrap();
    symlink(&messy, dir.path().join("messy.se")).unwrap();
    symlink(outside.path(), dir.path().join("elsewhere")).unwrap();

    let r = bounded(&[&"check", &dir.path()]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(!r.stdout.contains("secret"), "{}", r.stdout);
    for name in ["leak.se", "messy.se", "elsewhere"] {
        assert!(
            r.stderr.lines().any(|l| l.starts_with("warning: skipped")
                && l.contains(name)
                && l.contains("outside the folders searched")),
            "{name}: {}",
            r.stderr
        );
    }
    let r = bounded(&[&"fmt", &dir.path()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(&messy).unwrap(),
        MESSY,
        "not written"
    );

    // Named on the command line, a link is read (and formatted) as named.
    let link = dir.path().join("messy.se");
    let r = bounded(&[&"fmt", &link]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_ne!(std::fs::read_to_string(&messy).unwrap(), MESSY);
    // A link that stays inside is read.
    let inside = tempfile::tempdir().unwrap();
    std::fs::create_dir(inside.path().join("a")).unwrap();
    std::fs::write(inside.path().join("a/good.se"), good_text()).unwrap();
    symlink(
        inside.path().join("a/good.se"),
        inside.path().join("current.se"),
    )
    .unwrap();
    let r = bounded(&[&"check", &inside.path()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "", "no warning for a link inside");
}

#[test]
fn loops_of_folder_links_do_not_hang_the_search() {
    let dir = workspace();
    symlink(".", dir.path().join("self")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    symlink("..", dir.path().join("sub/up")).unwrap();
    symlink("b", dir.path().join("a")).unwrap();
    symlink("a", dir.path().join("b")).unwrap();
    let r = bounded(&[&"check", &dir.path()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "checked 1 file: no problems found\n");
}

// -------------------------------------------------------------------------------------------------
// `.edaranignore`

#[test]
fn an_edaranignore_that_is_not_utf8_is_an_error() {
    let dir = workspace();
    let ignore = dir.path().join(".edaranignore");
    std::fs::write(&ignore, b"drafts/\nold\xff/\n").unwrap();
    let r = bounded(&[&"check", &dir.path()]);
    assert_exit_2(&r, &[&ignore.display().to_string(), "is not UTF-8"]);
}

#[test]
fn an_edaranignore_that_is_not_a_file_is_skipped_not_read() {
    let dir = workspace();
    symlink("/dev/zero", dir.path().join(".edaranignore")).unwrap();
    let r = bounded(&[&"check", &dir.path()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains(".edaranignore"), "{}", r.stderr);

    let dir = workspace();
    mkfifo(&dir.path().join(".edaranignore"));
    let r = bounded(&[&"check", &dir.path()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("is a named pipe"), "{}", r.stderr);

    let dir = workspace();
    std::fs::write(dir.path().join(".edaranignore"), "x\n".repeat(100)).unwrap();
    let r = bounded(&[&"check", &dir.path(), &"--max-file-size", &"100"]);
    assert_exit_2(&r, &[".edaranignore", "over the limit of 100 bytes"]);
}

// -------------------------------------------------------------------------------------------------
// Unreadable folders

#[test]
fn an_unreadable_folder_does_not_hide_the_unreadable_file_beside_it() {
    if as_root() {
        eprintln!("skipped: root reads every folder");
        return;
    }
    let dir = workspace();
    let closed = dir.path().join("closed");
    std::fs::create_dir(&closed).unwrap();
    let locked = dir.path().join("a-locked.se");
    std::fs::write(&locked, good_text()).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).unwrap();
    let r = bounded(&[&"check", &dir.path()]);
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_exit_2(&r, &["closed", "a-locked.se", "permission denied"]);
    assert_eq!(r.stderr.lines().count(), 2, "{}", r.stderr);
}

// -------------------------------------------------------------------------------------------------
// `fmt` writes safely

/// A folder holding `messy.se`, which `fmt` changes, and its path.
fn messy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("messy.se");
    std::fs::write(&path, MESSY).unwrap();
    (dir, path)
}

#[test]
fn fmt_refuses_a_read_only_file_and_formats_the_others() {
    let (dir, path) = messy();
    let other = dir.path().join("other.se");
    std::fs::write(&other, MESSY).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let inode = std::fs::metadata(&path).unwrap().ino();
    let r = bounded(&[&"fmt", &dir.path()]);
    assert_exit_2(
        &r,
        &[
            &format!("`{}` is read-only and was not formatted", path.display()),
            "chmod u+w",
        ],
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        MESSY,
        "left as it was"
    );
    assert_eq!(
        std::fs::metadata(&path).unwrap().ino(),
        inode,
        "not replaced"
    );
    assert_ne!(
        std::fs::read_to_string(&other).unwrap(),
        MESSY,
        "the other is formatted"
    );
    // `--check` reads it and says it would change, as before.
    let r = bounded(&[&"fmt", &"--check", &path]);
    assert_eq!(r.code, 1, "{}", r.stderr);
}

#[test]
fn fmt_keeps_the_mode() {
    let (_dir, path) = messy();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o2751)).unwrap();
    let r = bounded(&[&"fmt", &path]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o2751);
}

#[test]
fn fmt_keeps_hard_links_by_writing_in_place() {
    let (dir, path) = messy();
    let twin = dir.path().join("twin.txt");
    std::fs::hard_link(&path, &twin).unwrap();
    let inode = std::fs::metadata(&path).unwrap().ino();
    let r = bounded(&[&"fmt", &path]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let formatted = std::fs::read_to_string(&path).unwrap();
    assert_ne!(formatted, MESSY);
    assert_eq!(
        std::fs::metadata(&path).unwrap().ino(),
        inode,
        "the same file"
    );
    assert_eq!(std::fs::metadata(&path).unwrap().nlink(), 2, "still linked");
    assert_eq!(std::fs::read_to_string(&twin).unwrap(), formatted);
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn fmt_keeps_the_owner_as_root() {
    if !as_root() {
        eprintln!("skipped: only root can give a file to another user");
        return;
    }
    let (_dir, path) = messy();
    std::os::unix::fs::chown(&path, Some(1234), Some(4321)).unwrap();
    let r = bounded(&[&"fmt", &path]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_ne!(std::fs::read_to_string(&path).unwrap(), MESSY);
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (1234, 4321));
}

// -------------------------------------------------------------------------------------------------
// The REPL's history

/// `edaran repl --history HISTORY examples/` on a terminal (`script`), typing `:quit`: what it
/// showed, or `None` when `script` (util-linux) is missing.
fn repl_with_history(history: &Path, extra: &str) -> Option<Run> {
    let script = std::process::Command::new("script")
        .arg("--version")
        .output();
    if !script.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return None;
    }
    let command = format!(
        "ulimit -v 2000000; NO_COLOR=1 '{}' repl {extra} --history '{}' examples/",
        env!("CARGO_BIN_EXE_edaran"),
        history.display()
    );
    let mut cmd = assert_cmd::Command::new("script");
    cmd.in_english()
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .current_dir(root())
        .write_stdin(":quit\n")
        .timeout(Duration::from_secs(120));
    Some(run(&mut cmd))
}

#[test]
fn a_history_that_is_not_a_file_is_a_warning_and_no_history() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("history");
    mkfifo(&pipe);
    for history in [Path::new("/dev/zero"), &pipe] {
        let Some(r) = repl_with_history(history, "") else {
            return;
        };
        assert_eq!(r.code, 0, "{}", r.stdout);
        assert!(r.stdout.contains("loaded 7 files"), "{}", r.stdout);
        assert!(
            r.stdout.contains("not a file") && r.stdout.contains("no history is kept"),
            "{}",
            r.stdout
        );
    }
    // Too long: the same.
    let long = dir.path().join("long");
    std::fs::write(&long, "in force on 2022-02-10\n".repeat(100)).unwrap();
    let Some(r) = repl_with_history(&long, "--max-file-size 1K") else {
        return;
    };
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("over the limit of 1.0 KiB"),
        "{}",
        r.stdout
    );
    assert_eq!(
        std::fs::metadata(&long).unwrap().len(),
        2300,
        "left as it was"
    );
}
