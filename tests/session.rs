//! The check kept open ([`Session`]) against a full check ([`load`]): after every step of a
//! random sequence of edits, the session's diagnostics are those of loading its sources afresh,
//! in the same order and rendered the same, with the same circulars, names and tests.
//!
//! The workspaces come from [`support::generate`] (one or two files); an edit replaces a file's
//! text with a file of another generated workspace (whose circulars often have the same
//! numbers: duplicates across files), mutates it (cuts it short, deletes a stretch, inserts a
//! fragment: syntax errors, unknown names, invisible characters), adds a file (before, between or
//! after the others: the files after it are renumbered) or removes one.
//!
//! On failure the edits and every file are printed. To hunt with many more cases:
//! `PROPTEST_CASES=2000 cargo test --release --test session`.

mod support;

use edaran::check::{Session, load};
use edaran::model::Source;
use edaran::render::Renderer;
use proptest::collection::vec;
use proptest::prelude::*;
use support::generate::{self, GenWorkspace, config};

/// Fragments an edit inserts.
const FRAGMENTS: &[&str] = &[
    "}",
    "\n",
    "circular \"A/1\" {\n",
    "  rule extra: unit \"A\" => wfo 30%\n",
    "  rule r0: function nobody => wfo 10%\n",
    "// a comment\n",
    "\u{200B}",
    "revokes \"B/9\"\n",
    "sector S9 = [\"A\", \"Q\"]\n",
    "baseline wfo 50%\n",
    "test \"t\" { expect wfo \"A\" on 2024-01-05 = 50% }\n",
];

/// Names an added file may take: before, between and after the generator's `gen0.se` and
/// `gen1.se`.
const NAMES: &[&str] = &["a.se", "gen0.se", "gen05.se", "gen1.se", "z.se"];

/// One edit of a session. Indices are taken modulo what exists when the edit is made.
#[derive(Clone, Debug)]
enum Edit {
    /// The text of file `file` becomes file `other_file` of workspace `other` of the pool.
    Replace {
        file: usize,
        other: usize,
        other_file: usize,
    },
    /// File `file` is cut at fraction `at` (of 1,000) of its length.
    Cut { file: usize, at: u16 },
    /// A stretch of file `file`, from fraction `at` on, `len` bytes long, is deleted.
    Delete { file: usize, at: u16, len: u8 },
    /// A fragment is inserted into file `file` at fraction `at`.
    Insert {
        file: usize,
        at: u16,
        fragment: usize,
    },
    /// A file named `name` with file `other_file` of workspace `other` of the pool is added
    /// (or, when the name is taken, that file's text replaced).
    Add {
        name: usize,
        other: usize,
        other_file: usize,
    },
    /// File `file` is removed.
    Remove { file: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<usize>(), any::<usize>()).prop_map(|(file, other, other_file)| {
            Edit::Replace {
                file,
                other,
                other_file,
            }
        }),
        (any::<usize>(), 0u16..=1000).prop_map(|(file, at)| Edit::Cut { file, at }),
        (any::<usize>(), 0u16..=1000, 1u8..=60).prop_map(|(file, at, len)| Edit::Delete {
            file,
            at,
            len
        }),
        (any::<usize>(), 0u16..=1000, 0..FRAGMENTS.len())
            .prop_map(|(file, at, fragment)| { Edit::Insert { file, at, fragment } }),
        (0..NAMES.len(), any::<usize>(), any::<usize>()).prop_map(|(name, other, other_file)| {
            Edit::Add {
                name,
                other,
                other_file,
            }
        }),
        any::<usize>().prop_map(|file| Edit::Remove { file }),
    ]
}

/// The byte at fraction `at` (of 1,000) of `text`, moved back to a character boundary.
fn offset(text: &str, at: u16) -> usize {
    let mut i = text.len() * usize::from(at) / 1000;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The text of file `file` of workspace `other` of the pool.
fn text_of(pool: &[Vec<Source>], other: usize, file: usize) -> String {
    let sources = &pool[other % pool.len()];
    sources[file % sources.len()].text.clone()
}

/// Makes `edit` on `session`.
fn apply(session: &mut Session, pool: &[Vec<Source>], edit: &Edit) {
    let sources = &session.workspace().sources;
    let name_of = |file: usize| sources[file % sources.len()].name.clone();
    let text_at = |file: usize| sources[file % sources.len()].text.clone();
    if sources.is_empty() && !matches!(edit, Edit::Add { .. }) {
        return;
    }
    match *edit {
        Edit::Replace {
            file,
            other,
            other_file,
        } => {
            let name = name_of(file);
            session.update(&name, text_of(pool, other, other_file));
        }
        Edit::Cut { file, at } => {
            let (name, mut text) = (name_of(file), text_at(file));
            text.truncate(offset(&text, at));
            session.update(&name, text);
        }
        Edit::Delete { file, at, len } => {
            let (name, mut text) = (name_of(file), text_at(file));
            let start = offset(&text, at);
            let mut end = (start + usize::from(len)).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(start..end, "");
            session.update(&name, text);
        }
        Edit::Insert { file, at, fragment } => {
            let (name, mut text) = (name_of(file), text_at(file));
            text.insert_str(offset(&text, at), FRAGMENTS[fragment]);
            session.update(&name, text);
        }
        Edit::Add {
            name,
            other,
            other_file,
        } => {
            let source = Source {
                name: NAMES[name].to_string(),
                text: text_of(pool, other, other_file),
            };
            if session
                .workspace()
                .sources
                .iter()
                .any(|s| s.name == source.name)
            {
                session.update(&source.name, source.text);
            } else {
                session.add(source);
            }
        }
        Edit::Remove { file } => {
            let name = name_of(file);
            assert!(session.remove(&name));
        }
    }
}

/// Every file of the session, for failure messages.
fn files(session: &Session) -> String {
    session
        .workspace()
        .sources
        .iter()
        .map(|s| format!("// ----- {}\n{}\n", s.name, s.text))
        .collect()
}

/// The session equals a full check of its sources: diagnostics (in order, and rendered), the
/// circulars, the names and the tests.
fn assert_same_as_full(session: &Session, step: &str) -> Result<(), TestCaseError> {
    let ws = session.workspace();
    let full = load(ws.sources.clone());
    prop_assert_eq!(
        session.diagnostics(),
        &full.diagnostics[..],
        "{}\n{}",
        step,
        files(session)
    );
    let renderer = Renderer::new(&ws.sources, false);
    let rendered = |ds: &[edaran::Diagnostic]| -> Vec<String> {
        ds.iter().map(|d| renderer.render(d)).collect()
    };
    prop_assert_eq!(rendered(session.diagnostics()), rendered(&full.diagnostics));
    prop_assert_eq!(&ws.names, &full.names);
    let ids = |w: &edaran::model::Workspace| -> Vec<(String, edaran::FileId, Vec<usize>)> {
        w.circulars
            .iter()
            .map(|c| (c.id.clone(), c.file, c.revokes.clone()))
            .collect()
    };
    prop_assert_eq!(ids(ws), ids(&full));
    let tests = |w: &edaran::model::Workspace| -> Vec<(edaran::FileId, edaran::Span)> {
        w.tests.iter().map(|(f, t)| (*f, t.span)).collect()
    };
    prop_assert_eq!(tests(ws), tests(&full));
    Ok(())
}

proptest! {
    #![proptest_config(config(48))]

    /// After each edit of a random sequence, the session is a full check of its sources.
    #[test]
    fn a_session_equals_a_full_check_after_every_edit(
        start in generate::workspace(4, 3),
        pool in vec(generate::workspace(4, 3), 1..=3),
        edits in vec(edit(), 1..=6),
    ) {
        let pool: Vec<Vec<Source>> = pool.iter().map(GenWorkspace::sources).collect();
        let mut session = Session::new(start.sources());
        assert_same_as_full(&session, "at the start")?;
        for (k, e) in edits.iter().enumerate() {
            apply(&mut session, &pool, e);
            assert_same_as_full(&session, &format!("after edit {k} of {edits:?}"))?;
        }
    }
}

/// A file that does not change is not read again, and the diagnostics stay.
#[test]
fn an_update_with_the_same_text_changes_nothing() {
    let sources = vec![Source {
        name: "conflict.se".into(),
        text: include_str!("fixtures/lints/conflict.se").into(),
    }];
    let mut session = Session::new(sources.clone());
    let before = session.diagnostics().to_vec();
    assert!(!before.is_empty());
    assert_eq!(
        session.update("conflict.se", sources[0].text.clone()),
        &before[..]
    );
    assert_eq!(before, load(sources).diagnostics);
}

/// Removing every file leaves an empty workspace with no diagnostics; an unknown name is not
/// removed; an update of an unknown name adds the file.
#[test]
fn removing_and_adding_files() {
    let text = include_str!("fixtures/lints/conflict.se");
    let mut session = Session::new(vec![Source {
        name: "b.se".into(),
        text: text.into(),
    }]);
    assert!(!session.remove("nothing.se"));
    session.update("a.se", text);
    let names: Vec<&str> = session
        .workspace()
        .sources
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["a.se", "b.se"]);
    assert!(
        session
            .diagnostics()
            .iter()
            .any(|d| d.code == edaran::Code::DuplicateName)
    );
    assert!(session.remove("a.se"));
    assert!(session.remove("b.se"));
    assert!(session.diagnostics().is_empty());
    assert!(session.workspace().circulars.is_empty());
}

/// Every fixture and example as one workspace, in name order: the session equals a full check
/// at the start, and after every third file in turn is cut in half, removed and added back.
#[test]
fn the_fixtures_and_examples_as_one_workspace() {
    let mut paths = Vec::new();
    let mut dirs = vec![
        std::path::PathBuf::from("tests/fixtures"),
        std::path::PathBuf::from("examples"),
    ];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("a folder of the repository") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "se") {
                paths.push(path);
            }
        }
    }
    paths.sort_by_key(|p| p.display().to_string());
    let sources: Vec<Source> = paths
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            Some(Source {
                name: p.display().to_string(),
                text,
            })
        })
        .collect();
    assert!(sources.len() > 20);
    let same = |session: &Session, what: &str| {
        let full = load(session.workspace().sources.clone());
        assert_eq!(session.diagnostics(), &full.diagnostics[..], "{what}");
    };
    let mut session = Session::new(sources.clone());
    same(&session, "at the start");
    for s in sources.iter().step_by(3) {
        let half = &s.text[..offset(&s.text, 500)];
        session.update(&s.name, half);
        same(&session, &format!("{} cut in half", s.name));
        assert!(session.remove(&s.name));
        same(&session, &format!("{} removed", s.name));
        session.add(s.clone());
        same(&session, &format!("{} added back", s.name));
    }
    assert_eq!(session.workspace().sources.len(), sources.len());
    assert_eq!(session.diagnostics(), &load(sources).diagnostics[..]);
}
