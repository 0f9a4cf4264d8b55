//! The search of the folders named on the command line for `*.se` files: what it reads, what it
//! passes over (with a warning) and what stops it (an error). See the module above for the rules.

use super::{ReadError, Skipped, read_text, what_it_is};
use std::path::{Path, PathBuf};

/// What a search found: the files to read, in a stable order, the problems that stop the
/// command, and the paths passed over.
pub struct Found {
    pub files: Vec<PathBuf>,
    pub errors: Vec<ReadError>,
    pub skipped: Vec<Skipped>,
}

/// One search: the folders it may read in (canonical), and what it found so far.
struct Search {
    roots: Vec<PathBuf>,
    found: Found,
}

impl Search {
    fn skip(&mut self, path: &Path, why: impl Into<String>) {
        self.found
            .skipped
            .push(Skipped(path.to_path_buf(), why.into()));
    }

    /// Where the link `path` leads, if it stays inside the folders searched; otherwise it is
    /// passed over with a warning (`None`).
    /// `hint` ends the warning: how to read it anyway, if there is a way.
    fn inside(&mut self, path: &Path, hint: &str) -> Option<PathBuf> {
        match std::fs::canonicalize(path) {
            Ok(target) if self.roots.iter().any(|r| target.starts_with(r)) => Some(target),
            Ok(target) => {
                let target = target.display().to_string();
                let why = tr!("skip-link-outside", target = target, hint = hint);
                self.skip(path, why);
                None
            }
            Err(e) => {
                self.found.errors.push(ReadError::Io(path.to_path_buf(), e));
                None
            }
        }
    }

    /// The names listed in a directory's `.edaranignore` (one per line; `#` starts a comment; a
    /// trailing `/` is allowed): entries of that directory skipped when it is searched. The file
    /// is read under the same rules as a circular (a regular file inside the folders searched,
    /// under the size limit); one that is not UTF-8 is an error, not a list silently ignored.
    fn ignored(&mut self, dir: &Path) -> Vec<String> {
        let path = dir.join(".edaranignore");
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            return Vec::new();
        };
        if meta.file_type().is_symlink()
            && self
                .inside(&path, &tr!("skip-hint-nothing-ignored"))
                .is_none()
        {
            return Vec::new();
        }
        let text = match read_text(&path) {
            Ok(text) => text,
            Err(ReadError::NotAFile(_, what)) => {
                let what = tr!("what-it-is", kind = what);
                self.skip(&path, tr!("skip-ignore-not-a-file", what = what));
                return Vec::new();
            }
            Err(e) => {
                self.found.errors.push(e);
                return Vec::new();
            }
        };
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
    }

    /// The entries of `dir`, sorted; a directory or an entry that cannot be read is an error,
    /// and the rest is still searched.
    fn entries(&mut self, dir: &Path) -> Vec<PathBuf> {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.found.errors.push(ReadError::Io(dir.to_path_buf(), e));
                return Vec::new();
            }
        };
        let mut paths = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => paths.push(entry.path()),
                Err(e) => self.found.errors.push(ReadError::Io(dir.to_path_buf(), e)),
            }
        }
        paths.sort();
        paths
    }

    fn walk(&mut self, dir: &Path) {
        let skip = self.ignored(dir);
        for path in self.entries(dir) {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if skip.iter().any(|s| s == name) {
                continue;
            }
            let meta = match std::fs::symlink_metadata(&path) {
                Ok(meta) => meta,
                Err(e) => {
                    self.found.errors.push(ReadError::Io(path.clone(), e));
                    continue;
                }
            };
            let se = path.extension().is_some_and(|e| e == "se");
            let kind = meta.file_type();
            if kind.is_dir() {
                if !name.starts_with('.') && name != "target" {
                    self.walk(&path);
                }
            } else if kind.is_symlink() {
                self.link(&path, se);
            } else if se && kind.is_file() {
                self.found.files.push(path);
            } else if se {
                let why = tr!(
                    "skip-not-a-file",
                    what = tr!("what-it-is", kind = what_it_is(kind))
                );
                self.skip(&path, why);
            }
        }
    }

    /// A link found by the search. Links to folders are not followed (a loop of links would make
    /// the search endless, and a folder inside is searched anyway); a `*.se` link is read if it
    /// leads to a regular file inside the folders searched.
    fn link(&mut self, path: &Path, se: bool) {
        let target_meta = std::fs::metadata(path);
        let to_dir = target_meta.as_ref().is_ok_and(|m| m.is_dir());
        if !se && !to_dir {
            return;
        }
        if se && target_meta.is_err() {
            // A broken link named `*.se`: a file of the workspace is missing.
            if let Err(e) = target_meta {
                self.found.errors.push(ReadError::Io(path.to_path_buf(), e));
            }
            return;
        }
        let hint = if to_dir {
            String::new()
        } else {
            tr!("skip-hint-name-it")
        };
        if self.inside(path, &hint).is_none() || to_dir {
            return;
        }
        match target_meta {
            Ok(meta) if meta.is_file() => self.found.files.push(path.to_path_buf()),
            Ok(meta) => {
                let what = tr!("what-it-is", kind = what_it_is(meta.file_type()));
                let why = tr!("skip-leads-to", what = what);
                self.skip(path, why);
            }
            Err(_) => {}
        }
    }
}

/// Whether `path`, or the file it leads to, is named `*.se`.
fn is_se(path: &Path) -> bool {
    let se = |p: &Path| p.extension().is_some_and(|e| e == "se");
    se(path) || std::fs::canonicalize(path).is_ok_and(|p| se(&p))
}

/// The `.se` files named by `paths` (directories searched recursively), in a stable order, with
/// every problem met and every path passed over.
pub fn find_all(paths: &[PathBuf]) -> Found {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let roots = paths
        .iter()
        .filter(|p| p.is_dir())
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let mut search = Search {
        roots,
        found: Found {
            files: Vec::new(),
            errors: Vec::new(),
            skipped: Vec::new(),
        },
    };
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => search.found.errors.push(ReadError::Io(path.clone(), e)),
            Ok(meta) if meta.is_dir() => {
                let before = search.found.files.len();
                let errors = search.found.errors.len();
                search.walk(path);
                if search.found.files.len() == before && search.found.errors.len() == errors {
                    search.found.errors.push(ReadError::NoSources(path.clone()));
                }
            }
            // A regular file must be a `.se` file, by its name or by the name of the file a
            // link leads to (`/dev/stdin < x.se`): `edaran check README.md` is a slip, not 102
            // syntax errors.
            Ok(meta) if meta.is_file() && !is_se(path) => {
                search.found.errors.push(ReadError::NotSe(path.clone()))
            }
            Ok(meta) if meta.is_file() || super::is_inherited_pipe(path) => {
                search.found.files.push(path.clone())
            }
            // A named pipe would block, a device never ends: not read.
            Ok(meta) => search.found.errors.push(ReadError::NotAFile(
                path.clone(),
                what_it_is(meta.file_type()),
            )),
        }
    }
    // The same file reached twice (named and inside a named directory, `d` and `./d`) is one
    // file of the workspace, not two: keep its first occurrence.
    let mut seen = foldhash::HashSet::default();
    search
        .found
        .files
        .retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    search.found
}
