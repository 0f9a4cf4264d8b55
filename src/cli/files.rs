//! Finding and reading the `.se` files of a workspace, and every other file edaran reads
//! (`.edaranignore`, the REPL's history).
//!
//! edaran is meant to run on folders nobody has read (in an editor, behind a local web page), so
//! reading is bounded (docs/robustness.md):
//!
//! - Only regular files are read. A named pipe would block forever, a device such as
//!   `/dev/zero` never ends: named on the command line they are refused, found by a search they
//!   are skipped with a warning. The one exception is a pipe the shell hands over already open
//!   (`/dev/stdin`, `<(...)`): it is read as it is, within the size limit.
//! - No file is read past the size limit (`--max-file-size`): the reader stops one byte past it,
//!   whatever the file system says of the file's size.
//! - A search never leaves the folders it was given: a link found inside them that leads outside
//!   every one is skipped with a warning (a file named on the command line is read as named).
//!   Links to folders are not followed at all, so a loop of links cannot make the search endless.
//! - Every problem is reported, not only the first: an unreadable folder does not hide an
//!   unreadable file beside it.

use super::lang::Lang;
use edaran::model::Source;
use serde_json::{Value, json};
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The default size limit per file: 256 MiB. The largest circular in the examples is a few
/// kilobytes and a whole national corpus of generated circulars is tens of megabytes, so no real
/// file comes near it; yet it bounds what one file can cost (its text, and its tree while it is
/// checked) to a size an ordinary office machine holds.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 << 20;

/// The size limit of this run (`--max-file-size`), set once by the command line before any
/// command runs: every command that reads files, and those added later, read under it.
static MAX_FILE_SIZE: AtomicU64 = AtomicU64::new(DEFAULT_MAX_FILE_SIZE);

/// Sets the size limit per file for the rest of the run.
pub fn set_max_file_size(limit: u64) {
    MAX_FILE_SIZE.store(limit, Ordering::Relaxed);
}

fn max_file_size() -> u64 {
    MAX_FILE_SIZE.load(Ordering::Relaxed)
}

/// Reads `SIZE` as `--max-file-size` takes it: a number of bytes, or a number followed by `K`,
/// `M` or `G` (1024, 1024² and 1024³ bytes; `KB`, `KiB`, ... and lowercase are the same).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let bad = || tr!("size-bad", text = text);
    let number: u64 = number.parse().map_err(|_| bad())?;
    let shift = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(bad()),
    };
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| tr!("size-too-large", text = text))
}

/// A size for people: `512 bytes`, `3.4 MiB (3565158 bytes)`.
pub fn show_size(lang: Lang, bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KiB", "MiB", "GiB"];
    if bytes < 1024 {
        return tr_in!(lang, "size-bytes", bytes = bytes);
    }
    // As text: a count of bytes may be past what a Fluent number (an `f64`) holds exactly.
    let count = bytes.to_string();
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let size = format!("{value:.1} {}", UNITS[unit]);
    tr_in!(lang, "size-large", size = size, bytes = count)
}

/// Why the workspace could not be read. Each names the file.
#[derive(Debug)]
pub enum ReadError {
    /// The path cannot be read.
    Io(PathBuf, std::io::Error),
    /// A directory holds no `.se` file.
    NoSources(PathBuf),
    /// A file is not UTF-8: the byte offset, line and column (1-based, in characters) of the
    /// first invalid byte.
    NotUtf8(PathBuf, usize, usize, usize),
    /// A file named on the command line is not a `.se` file.
    NotSe(PathBuf),
    /// A path named on the command line is not a regular file: what it is ([`what_it_is`]).
    NotAFile(PathBuf, &'static str),
    /// A file is over the size limit: its size (`None` when it cannot be known, a pipe) and the
    /// limit.
    TooLarge(PathBuf, Option<u64>, u64),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(super::l10n::lang()))
    }
}

impl ReadError {
    /// The problem in words, in `lang` (English in JSON documents).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ReadError::Io(path, e) => {
                let reason = match e.kind() {
                    std::io::ErrorKind::NotFound => tr_in!(lang, "io-not-found"),
                    std::io::ErrorKind::PermissionDenied => tr_in!(lang, "io-permission-denied"),
                    _ => e.to_string(),
                };
                tr_in!(lang, "read-cannot", path = shown(path), reason = reason)
            }
            ReadError::NoSources(path) => tr_in!(lang, "read-no-sources", path = shown(path)),
            ReadError::NotUtf8(path, offset, ..) => {
                tr_in!(
                    lang,
                    "read-not-utf8",
                    path = shown(path),
                    offset = offset.to_string()
                )
            }
            ReadError::NotSe(path) => tr_in!(lang, "read-not-se", path = shown(path)),
            ReadError::NotAFile(path, what) => {
                let what = tr_in!(lang, "what-it-is", kind = *what);
                tr_in!(lang, "read-not-a-file", path = shown(path), what = what)
            }
            ReadError::TooLarge(path, size, limit) => {
                let limit = show_size(lang, *limit);
                match size {
                    Some(size) => tr_in!(
                        lang,
                        "read-too-large",
                        path = shown(path),
                        size = show_size(lang, *size),
                        limit = limit
                    ),
                    None => tr_in!(
                        lang,
                        "read-too-large-unknown",
                        path = shown(path),
                        limit = limit
                    ),
                }
            }
        }
    }

    /// The code of the problem in JSON output.
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::Io(..) => "cannot-read",
            ReadError::NoSources(_) => "no-se-files",
            ReadError::NotUtf8(..) => "not-utf8",
            ReadError::NotSe(_) => "not-se-file",
            ReadError::NotAFile(..) => "not-a-file",
            ReadError::TooLarge(..) => "file-too-large",
        }
    }

    fn path(&self) -> &Path {
        match self {
            ReadError::Io(p, _)
            | ReadError::NoSources(p)
            | ReadError::NotUtf8(p, ..)
            | ReadError::NotSe(p)
            | ReadError::NotAFile(p, _)
            | ReadError::TooLarge(p, ..) => p,
        }
    }

    /// The entry of `input_errors` (docs/language.md, the command line): the fields of a `check`
    /// diagnostic, with `line` and `column` only where the problem has a place in the file.
    pub fn to_json(&self) -> Value {
        let mut v = json!({
            "code": self.code(),
            "severity": "error",
            "message": self.message(Lang::En),
            "file": self.path().display().to_string(),
        });
        if let ReadError::NotUtf8(_, _, line, column) = self {
            v["line"] = json!(line);
            v["column"] = json!(column);
        }
        v
    }
}

/// A path a search passed over, and why: printed as a warning, it does not stop the command.
#[derive(Debug)]
pub struct Skipped(pub PathBuf, pub String);

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&tr!("skipped", path = shown(&self.0), why = self.1))
    }
}

/// What a file type is, when it is not a regular file or a directory: the key of the message
/// `what-it-is` that says it in words ("a named pipe").
fn what_it_is(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "pipe";
        }
        if kind.is_socket() {
            return "socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "device";
        }
    }
    if kind.is_dir() { "directory" } else { "other" }
}

/// A path as messages show it.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Whether `path` is a pipe this process already holds open (`/dev/stdin`, `/dev/fd/63` from
/// `<(...)`, `/proc/self/fd/0`): opening it again does not wait for a writer, and reading it is
/// what the user asked. A named pipe made with `mkfifo` is not one.
fn is_inherited_pipe(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if !std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo()) {
            return false;
        }
        let descriptor = |p: &Path| {
            p == Path::new("/dev/stdin")
                || p.starts_with("/dev/fd")
                || (p.starts_with("/proc") && p.components().any(|c| c.as_os_str() == "fd"))
        };
        // Follow the chain of links: a descriptor on the way, or the kernel's name of an
        // anonymous pipe (`pipe:[1234]`) at its end.
        let mut here = path.to_path_buf();
        for _ in 0..40 {
            if descriptor(&here) {
                return true;
            }
            match std::fs::read_link(&here) {
                Ok(next) if next.to_string_lossy().starts_with("pipe:") => return true,
                Ok(next) => here = here.parent().unwrap_or(Path::new("/")).join(next),
                Err(_) => return false,
            }
        }
        false
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Reads at most `limit` bytes of an open file: `Err(None)` when it holds more.
fn read_bounded(file: std::fs::File, limit: u64, hint: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::with_capacity(hint.min(limit).saturating_add(1) as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Reads a file edaran needs, under the size limit: a regular file, or a pipe handed over open.
/// Nothing else is opened (a named pipe would block the open itself).
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    let limit = max_file_size();
    let io = |e| ReadError::Io(path.to_path_buf(), e);
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() && !is_inherited_pipe(path) {
        return Err(ReadError::NotAFile(
            path.to_path_buf(),
            what_it_is(meta.file_type()),
        ));
    }
    let size = meta.is_file().then_some(meta.len());
    if size.is_some_and(|s| s > limit) {
        return Err(ReadError::TooLarge(path.to_path_buf(), size, limit));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    match read_bounded(file, limit, size.unwrap_or(0)).map_err(io)? {
        Some(bytes) => Ok(bytes),
        // The file grew while it was read, or is a pipe: its real size is unknown.
        None => Err(ReadError::TooLarge(path.to_path_buf(), None, limit)),
    }
}

/// Reads a file as UTF-8 text, under the size limit.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let bytes = read_limited(path)?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or("");
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        ReadError::NotUtf8(path.to_path_buf(), offset, line, column)
    })
}

/// Reads standard input as UTF-8 text, under the size limit (`fmt -`).
pub fn read_stdin() -> Result<String, String> {
    let limit = max_file_size();
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| tr!("stdin-cannot-read", reason = e.to_string()))?;
    if bytes.len() as u64 > limit {
        let limit = show_size(super::l10n::lang(), limit);
        return Err(tr!("stdin-too-large", limit = limit));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to().to_string();
        tr!("stdin-not-utf8", offset = offset)
    })
}

mod search;
use search::find_all;

/// Reads every file as UTF-8, under the size limit.
fn read(files: &[PathBuf]) -> Result<Vec<Source>, Vec<ReadError>> {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in files {
        match read_text(path) {
            Ok(text) => sources.push(Source {
                name: path.display().to_string(),
                text,
            }),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(errors)
    }
}

/// Finds and reads the workspace: its sources, or every problem of finding and reading, and the
/// paths the search passed over. A problem of finding does not stop the reading of the files
/// found, so that every problem is reported at once.
pub fn gather(paths: &[PathBuf]) -> (Result<Vec<Source>, Vec<ReadError>>, Vec<Skipped>) {
    let found = find_all(paths);
    let read = read(&found.files);
    let result = match (found.errors, read) {
        (errors, Ok(sources)) if errors.is_empty() => Ok(sources),
        (mut errors, read) => {
            errors.extend(read.err().unwrap_or_default());
            Err(errors)
        }
    };
    (result, found.skipped)
}

/// Finds and reads the workspace, printing every problem on stderr; `Err` means exit 2.
pub fn load(paths: &[PathBuf]) -> Result<Vec<Source>, Vec<ReadError>> {
    let (result, skipped) = gather(paths);
    for s in &skipped {
        eprintln!("{}", super::l10n::warning(s));
    }
    if let Err(errors) = &result {
        for e in errors {
            eprintln!("{}", super::l10n::error(e));
        }
    }
    result
}

/// [`load`], and under `--format json` the document of the problems on stdout.
pub fn load_as(paths: &[PathBuf], format: super::Format) -> Option<Vec<Source>> {
    match load(paths) {
        Ok(sources) => Some(sources),
        Err(errors) => {
            if format == super::Format::Json {
                super::print_input_errors(errors.iter().map(ReadError::to_json).collect());
            }
            None
        }
    }
}
