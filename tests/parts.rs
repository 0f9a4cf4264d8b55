//! A large file is parsed in parts (`syntax::parse_file`, cut before circulars): the tree and
//! the diagnostics are those of the whole file read by pest at once.
//!
//! Each text is parsed with the smallest parts (a cut before every circular) and whole, and the
//! two results compared: every fixture and example alone, all of them as one file, and random
//! workspaces made into one file and mutated (cut, stretches deleted, fragments inserted:
//! blocks left open, stray braces, strings left open, words of the other language).
//!
//! To hunt with many more cases: `PROPTEST_CASES=2000 cargo test --release --test parts`.

#[path = "support/meaning.rs"]
#[allow(dead_code)]
mod meaning;
mod support;

use edaran::span::FileId;
use edaran::syntax::parse_in_parts;
use proptest::collection::vec;
use proptest::prelude::*;
use support::generate::{self, config};

/// Asserts that `text` gives the same tree and diagnostics cut before every circular as whole.
fn same_in_parts(text: &str) -> Result<(), TestCaseError> {
    let (whole, whole_diagnostics) = parse_in_parts(FileId(0), text, usize::MAX);
    let (parts, part_diagnostics) = parse_in_parts(FileId(0), text, 1);
    prop_assert_eq!(
        format!("{whole:#?}"),
        format!("{parts:#?}"),
        "the tree of:\n{}",
        text
    );
    prop_assert_eq!(
        whole_diagnostics,
        part_diagnostics,
        "the diagnostics of:\n{}",
        text
    );
    Ok(())
}

fn every_se_file() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    ["tests/fixtures", "examples"]
        .iter()
        .flat_map(|dir| meaning::se_files(&root.join(dir)))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a fixture");
            (path.display().to_string(), text)
        })
        .collect()
}

#[test]
fn every_fixture_and_example_alone_and_as_one_file() {
    let files = every_se_file();
    assert!(files.len() > 50, "{} files", files.len());
    let mut cut = 0;
    for (name, text) in &files {
        if let Err(e) = same_in_parts(text) {
            panic!("{name}: {e}");
        }
        cut += usize::from(text.contains("\ncircular") || text.contains("\nsurat_edaran"));
    }
    assert!(cut > 20, "only {cut} files have a circular to cut before");
    let all: String = files.iter().map(|(_, t)| format!("{t}\n")).collect();
    same_in_parts(&all).unwrap();
}

/// The default size of a part cuts a large file, and the result is the same.
#[test]
fn a_large_file_is_cut_at_the_default_size() {
    let one = "circular \"A/1\" {\n  title \"T\"\n  issuer \"Pemda X\" level local\n  \
               valid 2024-01-01 to 2024-12-31\n  rule r: unit \"A\" => wfo 50%\n}\n";
    let text = one.repeat(3 * edaran::syntax::PART_LEN / one.len());
    let (whole, d1) = parse_in_parts(FileId(0), &text, usize::MAX);
    let (parts, d2) = edaran::syntax::parse_file(FileId(0), &text);
    assert_eq!(format!("{whole:?}"), format!("{parts:?}"));
    assert_eq!(d1, d2);
    // Every circular is there, with a span into the file, not into its part.
    let last = parts.items.last().expect("items");
    let edaran::syntax::ast::Item::Circular(c) = last else {
        panic!("{last:?}")
    };
    assert_eq!(c.span.end(), text.len() - 1);
}

/// Fragments a mutation inserts.
const FRAGMENTS: &[&str] = &[
    "}",
    "{",
    "\"",
    "\n",
    "\ncircular \"A/1\" {\n",
    "\n  circular \"A/2\"\n",
    "\nsurat_edaran \"B/1\" {\n  judul \"x\"\n",
    "\ncircular_x \"C\" {\n",
    "\n  rule extra: unit \"A\" or\n",
    "/* a comment\n",
    "\n// circular \"D\" {\n",
    "\ntest \"t\" {\n",
    "  aturan r: unit \"A\" => wfo 30%\n",
    "sector S9 = [\"A\",\n",
    "\nsector sec_1 = [\"A\", \"D\"]\n",
    "\nregion reg = [\"X\"]\n",
    "\n  valid 2024-03-10 to 2024-03-01\n",
    "\u{FEFF}",
    "\t",
];

#[derive(Clone, Debug)]
enum Mutation {
    Cut(u16),
    Delete(u16, u8),
    Insert(u16, usize),
}

fn at(text: &str, fraction: u16) -> usize {
    let mut i = text.len() * usize::from(fraction % 1001) / 1000;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(mut text: String, m: &Mutation) -> String {
    match *m {
        Mutation::Cut(f) => text.truncate(at(&text, f)),
        Mutation::Delete(f, len) => {
            let a = at(&text, f);
            let mut b = (a + usize::from(len)).min(text.len());
            while !text.is_char_boundary(b) {
                b += 1;
            }
            text.replace_range(a..b, "");
        }
        Mutation::Insert(f, k) => {
            let a = at(&text, f);
            text.insert_str(a, FRAGMENTS[k % FRAGMENTS.len()]);
        }
    }
    text
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => any::<u16>().prop_map(Mutation::Cut),
        3 => (any::<u16>(), any::<u8>()).prop_map(|(a, l)| Mutation::Delete(a, l)),
        6 => (any::<u16>(), any::<usize>()).prop_map(|(a, k)| Mutation::Insert(a, k)),
    ]
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn random_files_are_read_the_same_in_parts(
        ws in generate::workspace(6, 4),
        mutations in vec(mutation(), 0..6),
    ) {
        let text = mutations.iter().fold(ws.text(), mutate);
        same_in_parts(&text)?;
    }
}

/// Loads `sources` with every file in parts as small as they come and with every file whole,
/// and compares what the two give: diagnostics (rendered too), circulars, names and tests.
fn same_loaded_in_parts(sources: Vec<edaran::model::Source>) -> Result<(), TestCaseError> {
    use edaran::check::load_in_parts;
    let whole = load_in_parts(sources.clone(), usize::MAX);
    let parts = load_in_parts(sources, 1);
    let files = || {
        whole
            .sources
            .iter()
            .map(|s| format!("// ----- {}\n{}", s.name, s.text))
            .collect::<String>()
    };
    prop_assert_eq!(&whole.diagnostics, &parts.diagnostics, "{}", files());
    let renderer = edaran::render::Renderer::new(&whole.sources, false);
    let rendered = |ds: &[edaran::Diagnostic]| -> Vec<String> {
        ds.iter().map(|d| renderer.render(d)).collect()
    };
    prop_assert_eq!(rendered(&whole.diagnostics), rendered(&parts.diagnostics));
    prop_assert_eq!(
        format!("{:?}", whole.circulars),
        format!("{:?}", parts.circulars),
        "{}",
        files()
    );
    prop_assert_eq!(&whole.names, &parts.names);
    prop_assert_eq!(format!("{:?}", whole.tests), format!("{:?}", parts.tests));
    Ok(())
}

#[test]
fn the_fixtures_and_examples_load_the_same_in_parts() {
    let files = every_se_file();
    let sources = |texts: Vec<(String, String)>| {
        texts
            .into_iter()
            .map(|(name, text)| edaran::model::Source { name, text })
            .collect::<Vec<_>>()
    };
    same_loaded_in_parts(sources(files.clone())).unwrap();
    // The examples that read without a mistake, each as one file, and all as one: these are
    // resolved part by part, not refused for a syntax error.
    let examples: Vec<(String, String)> = files
        .into_iter()
        .filter(|(name, _)| name.contains("examples"))
        .collect();
    for example in &examples {
        same_loaded_in_parts(sources(vec![example.clone()])).unwrap();
    }
    let all: String = examples.iter().map(|(_, t)| format!("{t}\n")).collect();
    same_loaded_in_parts(sources(vec![("all.se".into(), all)])).unwrap();
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn random_workspaces_load_the_same_in_parts(
        ws in generate::workspace(8, 4),
        mutations in vec(mutation(), 0..3),
        one_file in any::<bool>(),
    ) {
        let mut sources = ws.sources();
        if one_file {
            let text = sources.iter().map(|s| s.text.as_str()).collect::<String>();
            sources = vec![edaran::model::Source { name: "all.se".into(), text }];
        }
        let last = sources.len() - 1;
        sources[last].text = mutations.iter().fold(std::mem::take(&mut sources[last].text), mutate);
        same_loaded_in_parts(sources)?;
    }
}

/// A name used in one part and written on a line with a syntax error in another is not
/// reported unknown, whichever part comes first (the whole file is the unit of what could not
/// be read).
#[test]
fn a_name_on_a_bad_line_of_another_part() {
    let circular = |n: usize, body: &str| {
        format!(
            "circular \"SE-{n}\" {{\n  title \"T\"\n  issuer \"Pemda X\" level local\n  \
             signed 2024-01-01\n  valid 2024-01-01 to 2024-12-31\n  scope all\n{body}}}\n"
        )
    };
    let uses = "  rule r: unit in sec_q => wfo 50%\n";
    let ok = "  rule r: all => wfo 50%\n";
    let bad = "  sector sec_q = [\"A\" \"B\"]\n  rule r: all => wfo 50%\n";
    for order in [[uses, ok, bad], [bad, ok, uses]] {
        let text: String = order
            .iter()
            .enumerate()
            .map(|(n, body)| circular(n, body))
            .collect();
        let sources = vec![edaran::model::Source {
            name: "f.se".into(),
            text,
        }];
        let whole = edaran::check::load_in_parts(sources.clone(), usize::MAX);
        assert!(
            !whole
                .diagnostics
                .iter()
                .any(|d| d.code == edaran::diagnostic::Code::UnknownName),
            "{:?}",
            whole.diagnostics
        );
        same_loaded_in_parts(sources).unwrap();
    }
}

/// Sets defined at the top of a file are read by the circulars of every part: when they stand
/// in the first part (the parts are then resolved one by one) and when a later part defines
/// one (the file is then loaded whole). A unit in a shared sector and in a sector of its own
/// circular is `overlapping-sectors` in any part.
#[test]
fn sets_at_the_top_are_shared_by_every_part() {
    let circular = |n: usize| {
        format!(
            "circular \"SE-{n}\" {{\n  title \"T\"\n  issuer \"Pemda X\" level local\n  \
             signed 2024-01-01\n  valid 2024-01-01 to 2024-12-31\n  scope all\n  \
             sector own = [\"Dinas A\"]\n  rule r: shared => wfo 50%\n  \
             rule s: own => wfo 40%\n}}\n"
        )
    };
    let set = "sector shared = [\"Dinas A\", \"Dinas B\"]\n";
    for at in [0, 2] {
        let mut text = String::new();
        for n in 0..4 {
            if n == at {
                text.push_str(set);
            }
            text.push_str(&circular(n));
        }
        let sources = vec![edaran::model::Source {
            name: "f.se".into(),
            text,
        }];
        let whole = edaran::check::load_in_parts(sources.clone(), usize::MAX);
        let overlaps = whole
            .diagnostics
            .iter()
            .filter(|d| d.code == edaran::diagnostic::Code::OverlappingSectors)
            .count();
        // One for each circular, at the later of the two sectors (two at the shared one, for
        // the circulars written before it, are the same diagnostic).
        assert_eq!(
            overlaps,
            if at == 0 { 4 } else { 3 },
            "{:?}",
            whole.diagnostics
        );
        assert_eq!(whole.circulars.len(), 4, "{:?}", whole.diagnostics);
        same_loaded_in_parts(sources).unwrap();
    }
}
