//! `edaran fmt`: the canonical layout, written back safely (see [`write_back`]: read-only files
//! refused; permissions, owner and hard links kept).

use super::{FINDINGS, OK, USAGE};
use edaran::model::Source;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file was not written.
enum Refusal {
    /// The file is read-only: formatting it would overrule its owner's protection.
    ReadOnly,
    /// What the path leads to is not a regular file.
    NotAFile,
    /// Writing failed.
    Io(std::io::Error),
}

impl From<std::io::Error> for Refusal {
    fn from(e: std::io::Error) -> Refusal {
        Refusal::Io(e)
    }
}

/// Writes `text` over the file at `path`, keeping what makes it that file.
///
/// A symbolic link is followed: the file it leads to is rewritten and the link stays a link (the
/// search reads only links that stay inside the folders given, so no file outside them is
/// written). A read-only file is refused. The file is replaced atomically (a temporary file in
/// the same folder, renamed over it), with its permissions and, where the process may (as root),
/// its owner and group. When replacing would lose something, it is written in place instead, on
/// the same inode: a file with several hard links (a new file would split them) and a file whose
/// owner cannot be given to the new one. Writing in place is not atomic: a run interrupted at
/// that moment can leave the file half written.
fn write_back(path: &Path, text: &str) -> Result<(), Refusal> {
    let target = std::fs::canonicalize(path)?;
    let meta = std::fs::metadata(&target)?;
    if !meta.is_file() {
        return Err(Refusal::NotAFile);
    }
    if meta.permissions().readonly() {
        return Err(Refusal::ReadOnly);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Ok(write_in_place(&target, text)?);
        }
    }
    match write_atomically(&target, &meta, text) {
        Err(Replace::OwnerLost) => Ok(write_in_place(&target, text)?),
        Err(Replace::Io(e)) => Err(Refusal::Io(e)),
        Ok(()) => Ok(()),
    }
}

/// Writes `text` into the file itself: its inode, links, owner and permissions stay.
fn write_in_place(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    file.write_all(text.as_bytes())?;
    file.set_len(text.len() as u64)?;
    file.sync_all()
}

/// Why a file could not be replaced.
enum Replace {
    /// The new file could not be given the old one's owner or group.
    OwnerLost,
    Io(std::io::Error),
}

impl From<std::io::Error> for Replace {
    fn from(e: std::io::Error) -> Replace {
        Replace::Io(e)
    }
}

/// Writes `text` to `path` through a temporary file in the same directory, renamed over the
/// original, with the original's permissions and owner: an interrupted run leaves the old file
/// or the new one, never half of either.
fn write_atomically(path: &Path, meta: &std::fs::Metadata, text: &str) -> Result<(), Replace> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
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
            Err(e) => return Err(e.into()),
        }
    };
    let result = (|| {
        file.write_all(text.as_bytes())?;
        keep_owner(&file, meta)?;
        // After the owner: changing it clears the set-user-ID and set-group-ID bits.
        std::fs::set_permissions(&tmp, meta.permissions())?;
        file.sync_all()?;
        Ok(std::fs::rename(&tmp, path)?)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Gives the new file `file` the owner and group of the old one, when they differ.
fn keep_owner(file: &std::fs::File, old: &std::fs::Metadata) -> Result<(), Replace> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let new = file.metadata()?;
        if (new.uid(), new.gid()) != (old.uid(), old.gid())
            && std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err()
        {
            return Err(Replace::OwnerLost);
        }
    }
    #[cfg(not(unix))]
    let _ = (file, old);
    Ok(())
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
    let renderer = super::renderer(&source, color);
    let mut out: String = diagnostics.iter().map(|d| renderer.render(d)).collect();
    out.push_str(&super::l10n::error(tr!("fmt-syntax-errors", name = name)));
    out.push('\n');
    out
}

/// `lang`: the language to write the keywords in (`--lang`), or `None` for each file's own.
pub fn run(paths: &[PathBuf], check: bool, color: bool, lang: Option<edaran::Lang>) -> i32 {
    if paths.len() == 1 && paths[0] == Path::new("-") {
        let text = match super::files::read_stdin() {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{}", super::l10n::error(e));
                return USAGE;
            }
        };
        return match edaran::fmt::format_as(&text, lang) {
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
        match edaran::fmt::format_as(&source.text, lang) {
            Err(diagnostics) => {
                eprint!(
                    "{}",
                    syntax_errors(&source.name, &source.text, &diagnostics, color)
                );
                status = status.max(FINDINGS);
            }
            Ok(formatted) if formatted == source.text => {}
            Ok(formatted) => {
                changed += 1;
                if check {
                    println!("{}", source.name);
                    status = status.max(FINDINGS);
                } else if let Err(refusal) = write_back(Path::new(&source.name), &formatted) {
                    changed -= 1;
                    status = USAGE;
                    let name = &source.name;
                    let message = match refusal {
                        Refusal::ReadOnly => tr!("fmt-read-only", name = name),
                        Refusal::NotAFile => tr!("fmt-not-a-file", name = name),
                        Refusal::Io(e) => {
                            tr!("cannot-write", name = name, reason = e.to_string())
                        }
                    };
                    eprintln!("{}", super::l10n::error(message));
                }
            }
        }
    }
    if check {
        if changed > 0 {
            eprintln!("{}", tr!("fmt-would-reformat", files = changed));
        }
    } else if changed > 0 {
        eprintln!("{}", tr!("fmt-formatted", files = changed));
    }
    status
}
