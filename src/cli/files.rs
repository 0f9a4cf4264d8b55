//! Finding and reading the `.se` files of a workspace.

use edaran::model::Source;
use serde_json::{Value, json};
use std::fmt;
use std::path::{Path, PathBuf};

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
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(path, e) => {
                let reason = match e.kind() {
                    std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
                    std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    _ => e.to_string(),
                };
                write!(f, "cannot read `{}`: {reason}", path.display())
            }
            ReadError::NoSources(path) => {
                write!(f, "no `.se` files in `{}`", path.display())
            }
            ReadError::NotUtf8(path, offset, ..) => write!(
                f,
                "`{}` is not UTF-8 text (invalid byte at offset {offset}); save it as UTF-8",
                path.display()
            ),
            ReadError::NotSe(path) => write!(
                f,
                "`{}` is not a `.se` file: edaran reads circulars written in `.se` files; name \
                 those files, or a directory that holds them",
                path.display()
            ),
        }
    }
}

impl ReadError {
    /// The code of the problem in JSON output.
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::Io(..) => "cannot-read",
            ReadError::NoSources(_) => "no-se-files",
            ReadError::NotUtf8(..) => "not-utf8",
            ReadError::NotSe(_) => "not-se-file",
        }
    }

    /// The entry of `input_errors` (docs/language.md, the command line): the fields of a `check`
    /// diagnostic, with `line` and `column` only where the problem has a place in the file.
    pub fn to_json(&self) -> Value {
        let path = match self {
            ReadError::Io(p, _)
            | ReadError::NoSources(p)
            | ReadError::NotUtf8(p, ..)
            | ReadError::NotSe(p) => p,
        };
        let mut v = json!({
            "code": self.code(),
            "severity": "error",
            "message": self.to_string(),
            "file": path.display().to_string(),
        });
        if let ReadError::NotUtf8(_, _, line, column) = self {
            v["line"] = json!(line);
            v["column"] = json!(column);
        }
        v
    }
}

/// The names listed in a directory's `.edaranignore` (one per line; `#` starts a comment; a
/// trailing `/` is allowed): entries of that directory skipped when it is searched. A path named
/// on the command line is never skipped.
fn ignored(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join(".edaranignore"))
        .map(|text| {
            text.lines()
                .map(|l| {
                    l.split('#')
                        .next()
                        .unwrap_or("")
                        .trim()
                        .trim_end_matches('/')
                })
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), ReadError> {
    let skip = ignored(dir);
    let entries = std::fs::read_dir(dir).map_err(|e| ReadError::Io(dir.to_path_buf(), e))?;
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| ReadError::Io(dir.to_path_buf(), e))?;
        paths.push(entry.path());
    }
    paths.sort();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if skip.iter().any(|s| s == name) {
            continue;
        }
        // Symlinked directories are not followed: no loops.
        let meta = std::fs::symlink_metadata(&path).map_err(|e| ReadError::Io(path.clone(), e))?;
        if meta.is_dir() {
            if !name.starts_with('.') && name != "target" {
                walk(&path, out)?;
            }
        } else if path.extension().is_some_and(|e| e == "se") {
            out.push(path);
        }
    }
    Ok(())
}

/// Whether `path`, or the file it leads to, is named `*.se`.
fn is_se(path: &Path) -> bool {
    let se = |p: &Path| p.extension().is_some_and(|e| e == "se");
    se(path) || std::fs::canonicalize(path).is_ok_and(|p| se(&p))
}

/// The `.se` files named by `paths` (directories searched recursively), in a stable order.
pub fn find(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Vec<ReadError>> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => errors.push(ReadError::Io(path.clone(), e)),
            Ok(meta) if meta.is_dir() => {
                let before = files.len();
                if let Err(e) = walk(path, &mut files) {
                    errors.push(e);
                } else if files.len() == before {
                    errors.push(ReadError::NoSources(path.clone()));
                }
            }
            // A regular file must be a `.se` file, by its name or by the name of the file a
            // link leads to (`/dev/stdin < x.se`): `edaran check README.md` is a slip, not 102
            // syntax errors. What is not a regular file (a pipe, `<(...)`) is read as it is.
            Ok(meta) if meta.is_file() && !is_se(path) => {
                errors.push(ReadError::NotSe(path.clone()))
            }
            Ok(_) => files.push(path.clone()),
        }
    }
    // The same file reached twice (named and inside a named directory, `d` and `./d`) is one
    // file of the workspace, not two: keep its first occurrence.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// Reads every file as UTF-8.
pub fn read(files: &[PathBuf]) -> Result<Vec<Source>, Vec<ReadError>> {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in files {
        match std::fs::read(path) {
            Err(e) => errors.push(ReadError::Io(path.clone(), e)),
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => sources.push(Source {
                    name: path.display().to_string(),
                    text,
                }),
                Err(e) => {
                    let offset = e.utf8_error().valid_up_to();
                    let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or("");
                    let line = valid.matches('\n').count() + 1;
                    let column = valid.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                    errors.push(ReadError::NotUtf8(path.clone(), offset, line, column))
                }
            },
        }
    }
    if errors.is_empty() {
        Ok(sources)
    } else {
        Err(errors)
    }
}

/// Finds and reads the workspace, printing every problem on stderr; `Err` means exit 2.
pub fn load(paths: &[PathBuf]) -> Result<Vec<Source>, Vec<ReadError>> {
    let result = find(paths).and_then(|files| read(&files));
    if let Err(errors) = &result {
        for e in errors {
            eprintln!("error: {e}");
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
