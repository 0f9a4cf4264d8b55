//! `edaran fmt`: the canonical layout, in place, atomically.

use super::{FINDINGS, OK, USAGE};
use edaran::model::Source;
use edaran::render::Renderer;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Writes `text` to `path` through a temporary file in the same directory, renamed over the
/// original, with the original's permissions: an interrupted run leaves the old file or the new
/// one, never half of either.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    // A symbolic link is followed: the file it points to is rewritten and the link stays a link
    // (renaming over the link itself would replace it with a copy).
    let target = std::fs::canonicalize(path)?;
    let path = target.as_path();
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let permissions = std::fs::metadata(path)?.permissions();
    let mut attempt = 0u32;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(
            ".{name}.edaran-fmt-{}-{attempt}",
            std::process::id()
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1
            }
            Err(e) => return Err(e),
        }
    };
    let result = (|| {
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::set_permissions(&tmp, permissions)?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn syntax_errors(
    name: &str,
    text: &str,
    diagnostics: &[edaran::Diagnostic],
    color: bool,
) -> String {
    let source = [Source {
        name: name.to_string(),
        text: text.to_string(),
    }];
    let renderer = Renderer::new(&source, color);
    let mut out: String = diagnostics.iter().map(|d| renderer.render(d)).collect();
    out.push_str(&format!(
        "error: `{name}` has syntax errors and was not formatted\n"
    ));
    out
}

pub fn run(paths: &[PathBuf], check: bool, color: bool) -> i32 {
    if paths.len() == 1 && paths[0] == Path::new("-") {
        let mut text = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut text) {
            eprintln!("error: cannot read standard input: {e}");
            return USAGE;
        }
        return match edaran::fmt::format(&text) {
            Ok(formatted) => {
                if check {
                    if formatted != text {
                        println!("<stdin>");
                        return FINDINGS;
                    }
                    return OK;
                }
                if super::print(&formatted) { OK } else { USAGE }
            }
            Err(diagnostics) => {
                eprint!("{}", syntax_errors("<stdin>", &text, &diagnostics, color));
                FINDINGS
            }
        };
    }
    let Ok(sources) = super::files::load(paths) else {
        return USAGE;
    };
    let mut status = OK;
    let mut changed = 0;
    for source in &sources {
        match edaran::fmt::format(&source.text) {
            Err(diagnostics) => {
                eprint!(
                    "{}",
                    syntax_errors(&source.name, &source.text, &diagnostics, color)
                );
                status = FINDINGS;
            }
            Ok(formatted) if formatted == source.text => {}
            Ok(formatted) => {
                changed += 1;
                if check {
                    println!("{}", source.name);
                    status = FINDINGS;
                } else if let Err(e) = write_atomically(Path::new(&source.name), &formatted) {
                    eprintln!("error: cannot write `{}`: {e}", source.name);
                    return USAGE;
                }
            }
        }
    }
    if check {
        if changed > 0 {
            eprintln!(
                "{changed} file{} would be reformatted",
                if changed == 1 { "" } else { "s" }
            );
        }
    } else if changed > 0 {
        eprintln!(
            "formatted {changed} file{}",
            if changed == 1 { "" } else { "s" }
        );
    }
    status
}
