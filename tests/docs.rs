//! The user reference `docs/language.md` and its Indonesian edition `docs/id/language.md` run as
//! tests, and nothing in the repository points outside it.
//!
//! Every fenced block of either page is one of these (the first word of its info string):
//!
//! - ```` ```se ````: a `.se` example. It is loaded on its own and must report exactly the codes
//!   listed in `expect=CODE,CODE` (none when there is no `expect=`); when it holds `test` blocks,
//!   `edaran test` must pass them (or, with `failing`, fail them). With `file=NAME` it is also written to the directory the
//!   commands below run in, under that name.
//! - ```` ```console ````: commands and their output. A line `$ edaran ...` is run (with the
//!   binary this test was built with) in a directory holding a copy of the repository's
//!   `examples/` and the files named by `file=` so far; the lines up to the next `$ ` are what it
//!   prints (standard output, then standard error), compared exactly, or, with `partial`, as lines
//!   that appear in that order. Output that is a JSON document is compared as JSON: every field
//!   shown must be there with the value shown (a field left out of the page is not compared).
//!   `$ echo $?` prints the exit status of the command before it; without it, the status must be
//!   0 or 1 (2 is a usage error). `echo 'TEXT' |`, `printf 'TEXT' |` and `< FILE` give the
//!   command its standard input.
//! - ```` ```sh ```` and ```` ``` ```` (no info string): shapes and commands to type that are not
//!   run (installing, the grammar of a clause).
//!
//! A block whose info string also says `pending` shows a part of the language that is being
//! built: it is counted and tried, not required to pass. Once it passes, this test fails and
//! says to remove the marker, so a pending example cannot stay pending by accident.
//!
//! The Indonesian edition shows the same `.se` examples, converted with `edaran fmt --lang id`:
//! its ```` ```se ```` blocks come in the same order with the same info strings as the English
//! ones, are written in Indonesian, and mean the same (converted back to English, they are the
//! English block, comments aside). Its commands are ```` ```sh ```` blocks, not run.

#[path = "support/bin.rs"]
mod bin;
use bin::InEnglish;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// ---------------------------------------------------------------------------------------------
// The blocks of the page

#[derive(Debug)]
struct Block {
    /// 1-based line of the opening fence.
    line: usize,
    kind: String,
    pending: bool,
    partial: bool,
    /// A `.se` block whose `test` blocks are meant to fail (to show a failure).
    failing: bool,
    file: Option<String>,
    expect: BTreeSet<String>,
    text: String,
}

/// The fenced blocks of `page`, the text of the file `name` (for the messages).
fn blocks(name: &str, page: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<Block> = None;
    for (i, line) in page.lines().enumerate() {
        let fence = line.trim_start().strip_prefix("```");
        match (open.as_mut(), fence) {
            (None, Some(info)) => {
                let mut words = info.split_whitespace();
                let mut block = Block {
                    line: i + 1,
                    kind: words.next().unwrap_or("").to_string(),
                    pending: false,
                    partial: false,
                    failing: false,
                    file: None,
                    expect: BTreeSet::new(),
                    text: String::new(),
                };
                for word in words {
                    if word == "pending" {
                        block.pending = true;
                    } else if word == "partial" {
                        block.partial = true;
                    } else if word == "failing" {
                        block.failing = true;
                    } else if let Some(name) = word.strip_prefix("file=") {
                        block.file = Some(name.to_string());
                    } else if let Some(codes) = word.strip_prefix("expect=") {
                        block.expect = codes.split(',').map(str::to_string).collect();
                    } else {
                        panic!("{name}:{}: unknown word `{word}` in the info string", i + 1);
                    }
                }
                open = Some(block);
            }
            (Some(_), Some(_)) => out.push(open.take().expect("an open block")),
            (Some(block), None) => {
                block.text.push_str(line);
                block.text.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "{name}: a fenced block is not closed");
    out
}

// ---------------------------------------------------------------------------------------------
// Running them

/// A directory with a copy of `examples/` (the real circulars) for the commands of the page.
fn workspace_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    copy_dir(&root().join("examples"), &dir.path().join("examples"));
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create a directory");
    for entry in std::fs::read_dir(from).expect("read a directory") {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().expect("a file name");
        if path.is_dir() {
            if name != "dev" {
                copy_dir(&path, &to.join(name));
            }
        } else {
            std::fs::copy(&path, to.join(name)).expect("copy a file");
        }
    }
}

/// Splits a command line into words: single quotes keep everything, double quotes keep
/// everything but `\"` and `\\`, a backslash outside quotes escapes the next character.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            ' ' => {
                if let Some(w) = word.take() {
                    out.push(w);
                }
            }
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    w.push(c);
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.next() {
                            Some(n @ ('"' | '\\' | '$' | '`')) => w.push(n),
                            Some(n) => {
                                w.push('\\');
                                w.push(n);
                            }
                            None => w.push('\\'),
                        },
                        c => w.push(c),
                    }
                }
            }
            '\\' => {
                if let Some(n) = chars.next() {
                    word.get_or_insert_with(String::new).push(n);
                }
            }
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    out.extend(word);
    out
}

/// What one command printed, and its exit status.
struct Ran {
    output: String,
    code: i32,
}

/// Runs one `$ ` line of a console block in `dir`.
fn run_line(line: &str, dir: &Path) -> Result<Ran, String> {
    let mut stdin: Option<Vec<u8>> = None;
    let mut command = line;
    if let Some((left, right)) = line.split_once(" | ") {
        let left = words(left);
        let text = match left.first().map(String::as_str) {
            Some("echo") => format!("{}\n", left[1..].join(" ")),
            Some("printf") if left.len() == 2 => left[1].replace("\\n", "\n"),
            _ => {
                return Err(format!(
                    "only `echo` or `printf` may feed a command: {line}"
                ));
            }
        };
        stdin = Some(text.into_bytes());
        command = right;
    }
    let mut args = words(command);
    if let Some(at) = args.iter().position(|w| w == "<") {
        let file = args
            .get(at + 1)
            .ok_or_else(|| format!("`<` names no file: {line}"))?;
        stdin = Some(std::fs::read(dir.join(file)).map_err(|e| format!("{file}: {e}"))?);
        args.truncate(at);
    }
    if args.first().map(String::as_str) != Some("edaran") {
        return Err(format!("a command of the page runs `edaran`: {line}"));
    }
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_edaran"));
    cmd.in_english()
        .args(&args[1..])
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| format!("cannot run edaran: {e}"))?;
    if let Some(bytes) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("a piped stdin")
            .write_all(&bytes)
            .map_err(|e| format!("cannot write stdin: {e}"))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("edaran did not finish: {e}"))?;
    let stdout = String::from_utf8(out.stdout).map_err(|_| "stdout is not UTF-8".to_string())?;
    let stderr = String::from_utf8(out.stderr).map_err(|_| "stderr is not UTF-8".to_string())?;
    if stderr.contains("panicked") {
        return Err(format!("edaran panicked:\n{stderr}"));
    }
    Ok(Ran {
        output: stdout + &stderr,
        code: out.status.code().unwrap_or(-1),
    })
}

/// The lines of `text` without trailing spaces, and without blank lines at the ends.
fn tidy(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(|l| l.trim_end().to_string()).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    while lines.first().is_some_and(|l| l.is_empty()) {
        lines.remove(0);
    }
    lines
}

/// Whether `shown` is `actual` with some object fields left out.
fn json_within(shown: &Value, actual: &Value) -> bool {
    match (shown, actual) {
        (Value::Object(s), Value::Object(a)) => s
            .iter()
            .all(|(k, v)| a.get(k).is_some_and(|w| json_within(v, w))),
        (Value::Array(s), Value::Array(a)) => {
            s.len() == a.len() && s.iter().zip(a).all(|(v, w)| json_within(v, w))
        }
        _ => shown == actual,
    }
}

/// Compares what a command printed with what the page shows.
fn compare(shown: &str, actual: &str, partial: bool) -> Result<(), String> {
    let trimmed = shown.trim();
    if trimmed.starts_with('{') {
        let shown: Value =
            serde_json::from_str(trimmed).map_err(|e| format!("the page's JSON: {e}"))?;
        // The document is standard output; with `partial`, what follows it (standard error: the
        // rendered diagnostics of a bad question) is not compared.
        let mut stream = serde_json::Deserializer::from_str(actual.trim()).into_iter::<Value>();
        let first = stream.next();
        let rest = &actual.trim()[stream.byte_offset()..];
        let actual: Value = match first {
            Some(Ok(v)) if partial || rest.trim().is_empty() => v,
            Some(Err(e)) => {
                return Err(format!("edaran printed no JSON document ({e}):\n{actual}"));
            }
            _ => {
                return Err(format!(
                    "edaran printed more than one JSON document:\n{actual}"
                ));
            }
        };
        return if json_within(&shown, &actual) {
            Ok(())
        } else {
            Err(format!(
                "the JSON differs; edaran printed:\n{}",
                serde_json::to_string_pretty(&actual).unwrap_or_default()
            ))
        };
    }
    let want = tidy(shown);
    let got = tidy(actual);
    let ok = if partial {
        let mut rest = got.iter();
        want.iter().all(|w| rest.any(|g| g == w))
    } else {
        want == got
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "the output differs.\n--- the page shows:\n{}\n--- edaran printed:\n{}",
            want.join("\n"),
            got.join("\n")
        ))
    }
}

/// Runs a console block: every command, compared with the output shown after it.
fn run_console(block: &Block, dir: &Path) -> Result<(), String> {
    let mut steps: Vec<(String, String)> = Vec::new();
    for line in block.text.lines() {
        if let Some(command) = line.strip_prefix("$ ") {
            steps.push((command.trim().to_string(), String::new()));
        } else if let Some((_, shown)) = steps.last_mut() {
            shown.push_str(line);
            shown.push('\n');
        } else if !line.trim().is_empty() {
            return Err(format!("output before the first command: {line}"));
        }
    }
    if steps.is_empty() {
        return Err("a console block runs at least one command".to_string());
    }
    let mut last: Option<Ran> = None;
    for (i, (command, shown)) in steps.iter().enumerate() {
        if command == "echo $?" {
            let ran = last
                .as_ref()
                .ok_or("`echo $?` follows no command".to_string())?;
            compare(shown, &ran.code.to_string(), false)
                .map_err(|e| format!("the exit status of the command before `echo $?`: {e}"))?;
            continue;
        }
        let ran = run_line(command, dir)?;
        compare(shown, &ran.output, block.partial).map_err(|e| format!("`{command}`: {e}"))?;
        let status_shown = steps.get(i + 1).is_some_and(|(c, _)| c == "echo $?");
        if !status_shown && ran.code > 1 {
            return Err(format!(
                "`{command}` exits {} (a usage error) and the page does not show it with `echo $?`",
                ran.code
            ));
        }
        last = Some(ran);
    }
    Ok(())
}

/// Checks a `.se` block: its codes, and its `test` blocks.
fn run_se(block: &Block, dir: &Path) -> Result<(), String> {
    let name = block
        .file
        .clone()
        .unwrap_or_else(|| format!("example-{}.se", block.line));
    let ws = edaran::check::load(vec![edaran::model::Source {
        name: name.clone(),
        text: block.text.clone(),
    }]);
    let codes: BTreeSet<String> = ws
        .diagnostics
        .iter()
        .map(|d| d.code.as_str().to_string())
        .collect();
    if codes != block.expect {
        let renderer = edaran::render::Renderer::new(&ws.sources, false);
        let shown: Vec<String> = ws.diagnostics.iter().map(|d| renderer.render(d)).collect();
        return Err(format!(
            "reports {codes:?}, the page says {:?}:\n{}",
            block.expect,
            shown.join("\n")
        ));
    }
    if block.text.lines().any(|l| {
        ["test \"", "uji \""]
            .iter()
            .any(|k| l.trim_start().starts_with(k))
    }) {
        let sub = dir.join(format!(".block-{}", block.line));
        std::fs::create_dir_all(&sub).map_err(|e| e.to_string())?;
        std::fs::write(sub.join(&name), &block.text).map_err(|e| e.to_string())?;
        let ran = run_line(&format!("edaran test {name}"), &sub)?;
        match (block.failing, ran.code) {
            (false, 0) | (true, 1) => {}
            (false, _) => return Err(format!("its tests fail:\n{}", ran.output)),
            (true, _) => {
                return Err(format!(
                    "its tests are marked `failing` but do not fail:\n{}",
                    ran.output
                ));
            }
        }
    }
    Ok(())
}

fn run_block(block: &Block, dir: &Path) -> Result<(), String> {
    match block.kind.as_str() {
        "se" => run_se(block, dir),
        "console" => run_console(block, dir),
        _ => Ok(()),
    }
}

fn is_example(block: &Block) -> bool {
    matches!(block.kind.as_str(), "se" | "console")
}

fn write_file(block: &Block, dir: &Path) {
    if let Some(name) = &block.file {
        std::fs::write(dir.join(name), &block.text).expect("write a file of the page");
    }
}

/// Runs every example of the page `name` (a path from the repository root), which must run at
/// least `at_least` of them.
fn run_page(name: &str, at_least: usize) {
    let page = std::fs::read_to_string(root().join(name)).expect("the page");
    let blocks = blocks(name, &page);
    for block in &blocks {
        assert!(
            matches!(block.kind.as_str(), "se" | "console" | "sh" | ""),
            "{name}:{}: a block is ```se, ```console, ```sh or ```, not ```{}",
            block.line,
            block.kind
        );
    }

    // The examples that must run, in a directory holding only their files.
    let ready = workspace_dir();
    let mut problems = Vec::new();
    let mut ran = 0;
    for block in blocks.iter().filter(|b| !b.pending) {
        write_file(block, ready.path());
        if is_example(block) {
            ran += 1;
            if let Err(e) = run_block(block, ready.path()) {
                problems.push(format!("{name}:{}: {e}", block.line));
            }
        }
    }

    // The pending ones, with every file of the page; one that passes must lose its marker.
    let all = workspace_dir();
    let mut pending = Vec::new();
    for block in &blocks {
        write_file(block, all.path());
        if block.pending && is_example(block) {
            pending.push(block.line);
            if run_block(block, all.path()).is_ok() {
                problems.push(format!(
                    "{name}:{}: this example is marked `pending` but passes: remove `pending` from its info string",
                    block.line
                ));
            }
        }
    }
    eprintln!(
        "{name}: {ran} examples run, {} pending (lines {pending:?})",
        pending.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    assert!(
        ran >= at_least,
        "{name}: only {ran} examples run; the page shows the language by running examples"
    );
}

#[test]
fn the_examples_of_the_language_reference_run() {
    run_page("docs/language.md", 20);
}

#[test]
fn the_examples_of_the_indonesian_reference_run() {
    run_page("docs/id/language.md", 20);
}

/// The info string of a block after its kind (`file=... expect=...`).
fn info(block: &Block) -> (bool, bool, bool, &Option<String>, &BTreeSet<String>) {
    (
        block.pending,
        block.partial,
        block.failing,
        &block.file,
        &block.expect,
    )
}

/// A formatted file without its comment lines: comments may be translated.
fn without_comments(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_indonesian_examples_are_the_english_ones_converted() {
    use edaran::Lang;
    use edaran::fmt::format_as;
    let page = |name: &str| -> Vec<Block> {
        let text = std::fs::read_to_string(root().join(name)).expect("the page");
        blocks(name, &text)
            .into_iter()
            .filter(|b| b.kind == "se")
            .collect()
    };
    let english = page("docs/language.md");
    let indonesian = page("docs/id/language.md");
    assert_eq!(
        english.len(),
        indonesian.len(),
        "docs/id/language.md shows every ```se example of docs/language.md, and no other"
    );
    let mut problems = Vec::new();
    for (en, id) in english.iter().zip(&indonesian) {
        let at = format!(
            "docs/id/language.md:{} (docs/language.md:{})",
            id.line, en.line
        );
        if info(en) != info(id) {
            problems.push(format!("{at}: the info strings differ"));
        }
        let as_id = format_as(&id.text, Some(Lang::Id));
        if let Ok(text) = &as_id
            && format_as(&id.text, None).ok().as_ref() != Some(text)
        {
            problems.push(format!(
                "{at}: the example is not in Indonesian; write it with `edaran fmt --lang id`:\n{text}"
            ));
        }
        let back = format_as(&id.text, Some(Lang::En)).map(|t| without_comments(&t));
        let original = format_as(&en.text, Some(Lang::En)).map(|t| without_comments(&t));
        match (back, original) {
            (Ok(back), Ok(original)) if back != original => problems.push(format!(
                "{at}: converted back to English, the example is not the English one:\n{back}\n--- the English one:\n{original}"
            )),
            (Ok(_), Err(_)) | (Err(_), Ok(_)) => problems.push(format!(
                "{at}: one of the two has syntax errors and the other has not"
            )),
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

// ---------------------------------------------------------------------------------------------
// Nothing points outside the repository

/// The files of the repository: `git ls-files`, or, without git, a walk that skips what is not
/// tracked (`target/`, `.git/`, the fuzzers' build and corpora).
fn tracked_files() -> Vec<PathBuf> {
    let root = root();
    if let Ok(out) = Command::new("git")
        .arg("ls-files")
        .arg("-z")
        .current_dir(&root)
        .output()
        && out.status.success()
        && !out.stdout.is_empty()
    {
        return String::from_utf8_lossy(&out.stdout)
            .split('\0')
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect();
    }
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(root.join(&dir)).expect("read a directory") {
            let entry = entry.expect("a directory entry");
            let rel = dir.join(entry.file_name());
            let skip = [
                "target",
                ".git",
                "fuzz/target",
                "fuzz/corpus",
                "fuzz/artifacts",
            ];
            if skip.iter().any(|s| rel == Path::new(s)) {
                continue;
            }
            if entry.path().is_dir() {
                stack.push(rel);
            } else {
                out.push(rel);
            }
        }
    }
    out
}

/// The paths that exist only on the machine the repository was written on. They are built here
/// so that this file does not name them itself.
fn foreign_paths() -> Vec<String> {
    let sep = '/';
    vec![
        format!("..{sep}shared"),
        format!("{sep}work{sep}"),
        format!("{sep}root{sep}"),
        format!("{sep}home{sep}"),
    ]
}

/// The targets of the inline links `[text](target)` of a markdown line.
fn link_targets(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let Some(end) = after.find(')') else { break };
        out.push(after[..end].trim());
        rest = &after[end..];
    }
    out
}

/// Where a relative link from `file` leads, as a path from the repository root; `None` when it
/// leaves the repository.
fn resolve_link(file: &Path, target: &str) -> Option<PathBuf> {
    let target = target.split('#').next().unwrap_or("");
    let mut path: Vec<Component> = file
        .parent()
        .map(|p| p.components().collect())
        .unwrap_or_default();
    for c in Path::new(target).components() {
        match c {
            Component::ParentDir => {
                path.pop()?;
            }
            Component::CurDir => {}
            Component::Normal(_) => path.push(c),
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(path.iter().collect())
}

#[test]
fn no_file_names_a_path_outside_the_repository() {
    let root = root();
    let foreign = foreign_paths();
    let mut problems = Vec::new();
    let files = tracked_files();
    assert!(
        files.iter().any(|f| f == Path::new("README.md")),
        "the walk finds the README"
    );
    for file in &files {
        let Ok(text) = std::fs::read_to_string(root.join(file)) else {
            continue; // not text
        };
        let markdown = file.extension().is_some_and(|e| e == "md");
        for (i, line) in text.lines().enumerate() {
            let at = format!("{}:{}", file.display(), i + 1);
            for bad in &foreign {
                if line.contains(bad.as_str()) {
                    problems.push(format!("{at}: names `{bad}`, outside the repository"));
                }
            }
            if !markdown {
                continue;
            }
            for target in link_targets(line) {
                if target.is_empty()
                    || target.starts_with('#')
                    || target.contains("://")
                    || target.starts_with("mailto:")
                {
                    continue;
                }
                match resolve_link(file, target) {
                    None => problems.push(format!(
                        "{at}: the link `{target}` leads outside the repository"
                    )),
                    Some(path) if !root.join(&path).exists() => problems.push(format!(
                        "{at}: the link `{target}` leads to `{}`, which does not exist",
                        path.display()
                    )),
                    Some(_) => {}
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn links_are_resolved_as_a_reader_follows_them() {
    let readme = Path::new("README.md");
    let nested = Path::new("docs/lints.md");
    assert_eq!(
        resolve_link(readme, "docs/language.md"),
        Some("docs/language.md".into())
    );
    assert_eq!(
        resolve_link(nested, "../README.md#install"),
        Some("README.md".into())
    );
    assert_eq!(
        resolve_link(nested, "language.md"),
        Some("docs/language.md".into())
    );
    assert_eq!(resolve_link(readme, "../elsewhere/LANGUAGE.md"), None);
    assert_eq!(resolve_link(nested, "../../x.md"), None);
    assert_eq!(resolve_link(nested, "/etc/passwd"), None);
    assert_eq!(
        link_targets("see [a](docs/a.md) and [`b`](../b.md#x), not [c]"),
        vec!["docs/a.md", "../b.md#x"]
    );
    assert_eq!(
        words(r#"query examples/ -e 'wfo "BPKAD" on 2023-09-01' -e "in force on \"x\"""#),
        vec![
            "query",
            "examples/",
            "-e",
            "wfo \"BPKAD\" on 2023-09-01",
            "-e",
            "in force on \"x\""
        ]
    );
}
