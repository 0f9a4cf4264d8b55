//! The check kept open (`check::Session`) against a full check: the input's first 32 bytes seed
//! the generator of the property tests (`tests/support/generate.rs`: one or two files of
//! circulars), and the rest is a sequence of edits, three bytes each (what, which file, where),
//! each followed by a comparison of the session's diagnostics with those of `check::load` on
//! the same sources. The edits are those that move what a session keeps: a stretch deleted, a
//! fragment inserted (a new unit, a duplicate number, a holiday, a revocation, a syntax error),
//! a file added before, between or after the others, a file removed, a file's text given again.
#![no_main]

use edaran::check::{Session, load};
use edaran::model::Source;
use libfuzzer_sys::fuzz_target;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

#[path = "../../tests/support/mod.rs"]
mod support;

/// Fragments an edit inserts.
const FRAGMENTS: &[&str] = &[
    "}",
    "\n",
    "circular \"A/1\" {\n",
    "  rule extra: unit \"Q\" => wfo 30%\n",
    "  rule again: function field => wfo 10%\n",
    "revokes \"B/9\"\n",
    "holiday 2024-01-05 \"Libur\"\n",
    "workweek monday to saturday\n",
    "sector S9 = [\"A\", \"Q\"]\n",
    "baseline wfo 50%\n",
    "\u{200B}",
];

/// Names an added file takes: before, between and after the generator's `gen0.se`, `gen1.se`.
const NAMES: &[&str] = &["a.se", "gen05.se", "z.se"];

fuzz_target!(|data: &[u8]| {
    let mut seed = [0u8; 32];
    for (k, b) in data.iter().take(32).enumerate() {
        seed[k] = *b;
    }
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let Ok(tree) = support::generate::workspace(4, 4).new_tree(&mut runner) else {
        return;
    };
    let mut sources = tree.current().sources();
    let mut session = Session::new(sources.clone());
    for edit in data.get(32..).unwrap_or_default().chunks_exact(3).take(8) {
        let (what, file, at) = (edit[0], edit[1] as usize, edit[2] as usize);
        let i = file % sources.len().max(1);
        match what % 5 {
            0 | 1 if !sources.is_empty() => {
                let text = &sources[i].text;
                // A character boundary at fraction `at` of 256 of the text.
                let mut cut = text.len() * at / 256;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                let text = if what % 5 == 0 {
                    let mut end = (cut + 1 + file % 40).min(text.len());
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                    format!("{}{}", &text[..cut], &text[end..])
                } else {
                    let fragment = FRAGMENTS[file % FRAGMENTS.len()];
                    format!("{}{fragment}{}", &text[..cut], &text[cut..])
                };
                sources[i].text = text.clone();
                session.update(&sources[i].name.clone(), text);
            }
            2 => {
                let name = NAMES[at % NAMES.len()];
                let text = sources
                    .get(i)
                    .map_or_else(String::new, |s| s.text.replace("A/", "N/"));
                match sources.iter().position(|s| s.name == name) {
                    Some(k) => sources[k].text = text.clone(),
                    None => {
                        let k = sources.iter().position(|s| s.name.as_str() > name);
                        let k = k.unwrap_or(sources.len());
                        sources.insert(
                            k,
                            Source {
                                name: name.to_string(),
                                text: text.clone(),
                            },
                        );
                    }
                }
                session.update(name, text);
            }
            3 if !sources.is_empty() => {
                let name = sources.remove(i).name;
                assert!(session.remove(&name));
            }
            _ if !sources.is_empty() => {
                // The same text again: nothing changes.
                let s = sources[i].clone();
                session.update(&s.name, s.text);
            }
            _ => {}
        }
        let full = load(sources.clone());
        assert_eq!(
            session.diagnostics(),
            &full.diagnostics[..],
            "the session differs from a full check of:\n{sources:#?}"
        );
        assert_eq!(session.workspace().circulars.len(), full.circulars.len());
    }
});
