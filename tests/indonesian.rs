//! Every diagnostic the checks give is written in `locales/`, so that it can be shown in
//! Indonesian: its message, label, help, example and each secondary place. A text left in
//! English would show in English in an Indonesian run.

use edaran::Lang;
use edaran::check::load;
use edaran::model::Source;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `.se` files under `dir`, recursively, sorted.
fn se_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            se_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "se") {
            out.push(path);
        }
    }
}

fn source(path: &Path) -> Source {
    Source {
        name: path.display().to_string(),
        text: std::fs::read_to_string(path).expect("a readable file"),
    }
}

#[test]
fn nothing_is_left_in_english() {
    let mut files = Vec::new();
    se_files(&root().join("tests/fixtures"), &mut files);
    // Each fixture alone (as its test reads it), and the examples together.
    let mut workspaces: Vec<Vec<Source>> = files.iter().map(|p| vec![source(p)]).collect();
    let mut examples = Vec::new();
    se_files(&root().join("examples"), &mut examples);
    workspaces.push(examples.iter().map(|p| source(p)).collect());
    let mut problems = Vec::new();
    let mut seen = 0;
    for sources in workspaces {
        let ws = load(sources);
        for d in &ws.diagnostics {
            seen += 1;
            let file = &ws.sources[d.file.0 as usize].name;
            let mut missing = Vec::new();
            let texts = d.texts.as_deref();
            if texts.and_then(|t| t.message.as_ref()).is_none() {
                missing.push("message");
            }
            if d.label.is_some() && texts.and_then(|t| t.label.as_ref()).is_none() {
                missing.push("label");
            }
            if d.help.is_some() && texts.and_then(|t| t.help.as_ref()).is_none() {
                missing.push("help");
            }
            if d.witness.is_some() && texts.and_then(|t| t.witness.as_ref()).is_none() {
                missing.push("example");
            }
            if d.labels.iter().any(|l| l.text.is_none()) {
                missing.push("a secondary place");
            }
            if !missing.is_empty() {
                problems.push(format!(
                    "{file} [{}] {}: {} not in locales/",
                    d.code,
                    d.message,
                    missing.join(", ")
                ));
            }
            // And it shows in Indonesian without a message id in place of a text.
            let shown = d.in_language(Lang::Id);
            assert!(!shown.message.is_empty(), "{file}: {}", d.message);
        }
    }
    problems.sort();
    problems.dedup();
    assert!(seen > 100, "only {seen} diagnostics");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
