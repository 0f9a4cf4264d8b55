//! The two languages of the keywords (docs/language.md, "English and Bahasa Indonesia").
//!
//! - Every example and fixture that formats converts to Indonesian and back to its formatted
//!   English text (`fmt::format_as`), and the Indonesian text is stable in its own language.
//! - The converted file means the same: the same diagnostics (codes, and the text under each
//!   span, messages, helps and witnesses, with the keywords read in one language), the same
//!   `test` outcomes and the same answers to the questions of its `expect`s.
//! - `examples/id/` is the Indonesian edition of `examples/`, in step with it.
//! - Random workspaces of the generator, converted, mean the same (a property).
//! - A file that mixes the languages is one `mixed-language` error, in either direction.

#[path = "support/bin.rs"]
mod bin;
#[allow(dead_code)]
#[path = "support/generate.rs"]
mod generate;
#[path = "support/meaning.rs"]
mod meaning;

use edaran::Lang;
use edaran::check::load;
use edaran::eval::Engine;
use edaran::model::{Source, Workspace};
use edaran::syntax::keywords;
use edaran::{Code, FileId};
use generate::config;
use meaning::{outcomes, questions, se_files};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> Source {
    Source {
        name: path
            .strip_prefix(root())
            .unwrap_or(path)
            .display()
            .to_string(),
        text: std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    }
}

/// The English examples (one workspace) and every fixture (one workspace each).
fn workspaces() -> Vec<Vec<Source>> {
    let examples: Vec<Source> = std::fs::read_dir(root().join("examples"))
        .expect("examples/")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "se"))
        .map(|p| read(&p))
        .collect();
    let mut out = vec![examples];
    for path in se_files(&root().join("tests/fixtures")) {
        out.push(vec![read(&path)]);
    }
    out
}

/// `text` formatted in `lang`; `None` when it has syntax errors.
fn convert(text: &str, lang: Lang) -> Option<String> {
    edaran::fmt::format_as(text, Some(lang)).ok()
}

/// A text with the keywords of both languages read in one: each English keyword, weekday,
/// level and duration word becomes its Indonesian word, and spaces are squeezed. Applied to both
/// sides of a comparison, so the words of messages that are keywords (`rule`, `on`) are the same
/// on both.
fn canonical(text: &str) -> String {
    let text = text
        .replace("in force", "berlaku")
        .replace("wfh priority", "prioritas wfh")
        .replace("working days", "hari kerja")
        .replace("working day", "hari kerja")
        .replace("day-off", "libur");
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        let w = word.as_str();
        let mapped = keywords::translate(w, Lang::Id)
            .filter(|_| keywords::language_of(w) == Some(Lang::En))
            .map(str::to_string)
            .or_else(|| {
                edaran::calendar::parse_weekday_in(w)
                    .map(|(d, _)| edaran::calendar::weekday_word(d, Lang::Id).to_string())
            })
            .or_else(|| {
                edaran::syntax::ast::Level::from_name(w).map(|l| l.word(Lang::Id).to_string())
            })
            .unwrap_or_else(|| w.to_string());
        out.push_str(&mapped);
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A diagnostic without positions, its words canonical: file, code, the text under its span,
/// message, label, help, witness, and the text under each secondary label with its message.
type Key = (
    u32,
    Code,
    String,
    String,
    String,
    String,
    String,
    Vec<String>,
);

fn diagnostics(ws: &Workspace) -> Vec<Key> {
    let text =
        |file: FileId, span: edaran::Span| canonical(span.text(&ws.sources[file.0 as usize].text));
    let mut out: Vec<Key> = ws
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.file.0,
                d.code,
                text(d.file, d.span),
                canonical(&d.message),
                canonical(d.label.as_deref().unwrap_or("")),
                canonical(d.help.as_deref().unwrap_or("")),
                canonical(d.witness.as_deref().unwrap_or("")),
                d.labels
                    .iter()
                    .map(|l| format!("{} | {}", text(l.file, l.span), canonical(&l.message)))
                    .collect(),
            )
        })
        .collect();
    out.sort();
    out
}

/// The English and the Indonesian workspace mean the same.
fn assert_same_meaning(name: &str, english: Vec<Source>, indonesian: Vec<Source>) {
    let context = || {
        let texts: Vec<String> = indonesian
            .iter()
            .map(|s| format!("----- {}\n{}", s.name, s.text))
            .collect();
        format!("{name}:\n{}", texts.join("\n"))
    };
    let (en, id) = (load(english), load(indonesian.clone()));
    assert_eq!(
        diagnostics(&en),
        diagnostics(&id),
        "diagnostics differ in {}",
        context()
    );
    assert_eq!(en.circulars.len(), id.circulars.len(), "{}", context());
    let (e_en, e_id) = (Engine::new(&en), Engine::new(&id));
    assert_eq!(
        outcomes(&e_en, canonical),
        outcomes(&e_id, canonical),
        "tests differ in {}",
        context()
    );
    let specs = questions(&en);
    assert_eq!(specs, questions(&id), "questions differ in {}", context());
    for spec in &specs {
        assert_eq!(
            e_en.cases(spec),
            e_id.cases(spec),
            "the answers to {spec:?} differ in {}",
            context()
        );
    }
}

/// Converts each source, or `None` when one of them does not format.
fn converted(sources: &[Source], lang: Lang) -> Option<Vec<Source>> {
    sources
        .iter()
        .map(|s| {
            Some(Source {
                name: s.name.clone(),
                text: convert(&s.text, lang)?,
            })
        })
        .collect()
}

#[test]
fn every_example_and_fixture_converts_there_and_back() {
    let mut converted_files = 0;
    for sources in workspaces() {
        for s in &sources {
            let Ok(english) = edaran::fmt::format(&s.text) else {
                continue;
            };
            let id = convert(&s.text, Lang::Id).expect("a file that formats converts");
            assert_eq!(
                edaran::fmt::format(&id).as_deref(),
                Ok(id.as_str()),
                "{}: the Indonesian text is not stable",
                s.name
            );
            assert_eq!(
                convert(&id, Lang::En).as_deref(),
                Some(english.as_str()),
                "{}: back to English is not the formatted file",
                s.name
            );
            let (file, _) = edaran::syntax::parse_file(FileId(0), &id);
            let (before, _) = edaran::syntax::parse_file(FileId(0), &english);
            if !before.items.is_empty() {
                assert_eq!(file.lang, Lang::Id, "{}", s.name);
            }
            converted_files += 1;
        }
    }
    assert!(
        converted_files > 50,
        "only {converted_files} files converted"
    );
}

#[test]
fn every_example_and_fixture_means_the_same_in_indonesian() {
    let mut compared = 0;
    for sources in workspaces() {
        let name = sources.first().map_or(String::new(), |s| s.name.clone());
        let (Some(english), Some(indonesian)) =
            (converted(&sources, Lang::En), converted(&sources, Lang::Id))
        else {
            continue;
        };
        assert_same_meaning(&name, english, indonesian);
        compared += 1;
    }
    assert!(compared > 40, "only {compared} workspaces compared");
}

/// `examples/id/NAME.se` is `examples/NAME.se` converted: regenerate with
/// `edaran fmt --lang id - < examples/NAME.se > examples/id/NAME.se`.
#[test]
fn the_indonesian_examples_are_in_step() {
    let english: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .expect("examples/")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "se"))
        .collect();
    let indonesian = se_files(&root().join("examples/id"));
    assert_eq!(
        english.len(),
        indonesian.len(),
        "one Indonesian file per example"
    );
    for path in english {
        let name = path.file_name().expect("a name");
        let id = root().join("examples/id").join(name);
        let want = convert(&read(&path).text, Lang::Id).expect("an example formats");
        let have = read(&id).text;
        assert!(
            have == want,
            "{} is not in step with {}: regenerate it with `edaran fmt --lang id - < {} > {}`",
            id.display(),
            path.display(),
            path.display(),
            id.display()
        );
    }
}

/// Mixing is one error at the first stray word, with the word to write, in both directions.
#[test]
fn mixing_is_one_error_at_the_first_stray_word() {
    let cases = [
        (
            "surat_edaran \"A\" {\n  judul \"x\"\n  rule r: semua => wfo 50%\n  aturan s: all => wfo 50%\n}\n",
            "rule",
            "write `aturan`",
            "(and 1 more English word)",
        ),
        (
            "circular \"A\" {\n  title \"x\"\n  aturan r: all => wfo 50% setiap friday\n}\n",
            "aturan",
            "write `rule`",
            "(and 1 more Indonesian word)",
        ),
        (
            "circular \"A\" {\n  rule r: all => wfo 50% every jumat\n}\n",
            "jumat",
            "write `friday`",
            "written in English",
        ),
        (
            "surat_edaran \"A\" {\n  penerbit \"x\" tingkat provincial\n}\n",
            "provincial",
            "write `provinsi`",
            "written in Indonesian",
        ),
    ];
    for (text, word, help, message) in cases {
        let (_, diagnostics) = edaran::syntax::parse_file(FileId(0), text);
        let mixed: Vec<_> = diagnostics
            .iter()
            .filter(|d| d.code == Code::MixedLanguage)
            .collect();
        assert_eq!(mixed.len(), 1, "{text}: {diagnostics:?}");
        let d = mixed[0];
        assert_eq!(d.span.text(text), word, "{text}");
        assert!(d.help.as_deref().unwrap_or("").contains(help), "{d:?}");
        assert!(d.message.contains(message), "{d:?}");
        assert_eq!(d.labels.len(), 1, "the word that set the language: {d:?}");
    }
    // Words both languages write alike set nothing: a file of them alone is English.
    let (file, diagnostics) = edaran::syntax::parse_file(FileId(0), "");
    assert_eq!((file.lang, diagnostics.len()), (Lang::En, 0));
}

/// The questions of the command line and the REPL, in Indonesian, are the English ones.
#[test]
fn indonesian_questions_are_the_english_ones() {
    let pairs = [
        (
            r#"wfo "BPKAD" fungsi admin pada 2023-09-01"#,
            r#"wfo "BPKAD" function admin on 2023-09-01"#,
        ),
        (
            r#"jelaskan "BPKAD" instansi "Pemprov Banten" mulai 2023-09-01 sampai 2023-09-30"#,
            r#"explain "BPKAD" gov "Pemprov Banten" from 2023-09-01 to 2023-09-30"#,
        ),
        (
            r#"prioritas wfh "Dinkes" ketika bukan mendesak keadaan hamil pada 2026-04-10"#,
            r#"wfh priority "Dinkes" when not mendesak trait hamil on 2026-04-10"#,
        ),
        ("berlaku pada 2026-04-10", "in force on 2026-04-10"),
        (
            "berlaku mulai 2026-04-01 sampai 2026-04-30",
            "in force from 2026-04-01 to 2026-04-30",
        ),
        ("konflik", "conflicts"),
    ];
    for (id, en) in pairs {
        let (q_id, d_id) = edaran::syntax::parse_query(FileId(0), id);
        let (q_en, d_en) = edaran::syntax::parse_query(FileId(0), en);
        assert!(
            d_id.is_empty() && d_en.is_empty(),
            "{id}: {d_id:?} {d_en:?}"
        );
        assert_eq!(q_id.map(|q| q.kind), q_en.map(|q| q.kind), "{id}");
    }
    // The word orders of the other language are refused, with the right one.
    for (text, help) in [
        (r#"wfh prioritas "X""#, "prioritas wfh"),
        (r#"priority wfh "X""#, "wfh priority"),
        ("dalam berlaku pada 2026-04-10", "berlaku pada DATE"),
        ("force on 2026-04-10", "in force on DATE"),
        (r#"jelaskan "X" on 2026-04-10"#, "write `pada`"),
    ] {
        let (q, d) = edaran::syntax::parse_query(FileId(0), text);
        assert!(
            q.is_none() || d.iter().any(|d| d.code == Code::MixedLanguage),
            "{text}"
        );
        assert!(
            d.iter()
                .any(|d| d.help.as_deref().unwrap_or("").contains(help)),
            "{text}: {d:?}"
        );
    }
}

proptest! {
    #![proptest_config(config(200))]

    /// Random workspaces of the generator (every construct it writes), converted to Indonesian,
    /// convert back to their formatted text and mean the same.
    #[test]
    fn generated_workspaces_mean_the_same_in_indonesian(g in generate::workspace(3, 4)) {
        let sources = g.sources();
        let english = converted(&sources, Lang::En).expect("the generator writes no syntax error");
        let indonesian = converted(&sources, Lang::Id).expect("a file that formats converts");
        for (en, id) in english.iter().zip(&indonesian) {
            let back = convert(&id.text, Lang::En);
            prop_assert_eq!(back.as_deref(), Some(en.text.as_str()));
        }
        assert_same_meaning("generated", english, indonesian);
    }
}

/// The classic mistakes of a draft written in Indonesian, shown in Indonesian: the words of the
/// file's language in the lists and in "did you mean", the messages of `locales/id`.
#[test]
fn classic_mistakes_in_indonesian() {
    let text = r#"surat_edaran "800/1/2026" {
  judl           "WFH Setiap Hari Jumat"
  penerbit       "Gubernur Banten" tingkat propinsi
  ditandatangani 01-04-2026
  berlaku        2026-04-06 sampai 2026-04-31
  cakupan        "Pemprov Banten"
  aturan umum: unit Bapenda => wfo 50
  aturan jumat: semua => wfh paling banyak 33,5% setiap jumat
  aturan sabtu: semua => wfo 100% rule umum
}
"#;
    let ws = load(vec![Source {
        name: "draf.se".into(),
        text: text.into(),
    }]);
    let renderer = edaran::render::Renderer::new(&ws.sources, false).in_language(Lang::Id);
    let shown: Vec<String> = ws.diagnostics.iter().map(|d| renderer.render(d)).collect();
    insta::assert_snapshot!("classic-mistakes-in-indonesian", shown.join("\n"));
}

/// `edaran`, from the package root, its locale cleared.
fn edaran() -> assert_cmd::Command {
    use bin::InEnglish;
    let mut cmd = assert_cmd::Command::cargo_bin("edaran").expect("the edaran binary is built");
    cmd.in_english().current_dir(root()).env_remove("NO_COLOR");
    cmd
}

/// `fmt --lang` on the command line: standard input, a file in place, `--check`; a locale alone
/// never converts a file; messages in Indonesian for an Indonesian file.
#[test]
fn the_command_line_converts_and_speaks_indonesian() {
    let english = read(&root().join("examples/national-2026-friday-wfh.se")).text;
    let indonesian = read(&root().join("examples/id/national-2026-friday-wfh.se")).text;
    let out = bin::run(
        edaran()
            .args(["fmt", "--lang", "id", "-"])
            .write_stdin(english.clone()),
    );
    assert_eq!((out.code, out.stdout.as_str()), (0, indonesian.as_str()));
    // The locale chooses the messages' language, never the keywords'.
    let out = bin::run(
        edaran()
            .args(["fmt", "-"])
            .env("LANG", "id_ID.UTF-8")
            .write_stdin(english.clone()),
    );
    assert_eq!((out.code, out.stdout.as_str()), (0, english.as_str()));
    // In place, and `--check` says which file would change.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("jumat.se");
    std::fs::write(&path, &indonesian).expect("written");
    let file = path.to_str().expect("a UTF-8 path");
    let out = bin::run(edaran().args(["fmt", "--check", "--lang", "en", file]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains("jumat.se"), "{}", out.stdout);
    let out = bin::run(edaran().args(["fmt", "--lang", "en", file]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), english);
    // A mixed Indonesian draft, checked in Indonesian.
    std::fs::write(
        &path,
        indonesian.replacen("aturan friday", "rule friday", 1),
    )
    .expect("w");
    let out = bin::run(edaran().args(["--lang", "id", "check", file]));
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains(
            "`rule` adalah kata bahasa Inggris, padahal berkas ini ditulis dalam bahasa Indonesia"
        ),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("tulis `aturan`"), "{}", out.stdout);
    // Indonesian questions on the command line.
    let out = bin::run(edaran().args([
        "query",
        "examples/id/",
        "-e",
        r#"wfo "Setda" instansi "Pemerintah Kota Cimahi" bukan keadaan echelon_2 bukan keadaan echelon_3 pada 2026-04-10"#,
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("WFO at least 25%"), "{}", out.stdout);
}

/// What the engine says, in Indonesian: answers with their cases, an explanation with its
/// principles, the reasons of a day off and of no rule, and the outcomes of a failing `uji`.
#[test]
fn answers_and_test_outcomes_in_indonesian() {
    let questions = [
        r#"wfo "BPKAD" pada 2023-09-01"#,
        r#"jelaskan "BPKAD" instansi "Pemprov Banten" fungsi admin domisili "Serang" kantor "Serang" pada 2023-09-01"#,
        r#"wfo "Dishub" instansi "Pemprov Lampung" pada 2021-07-14"#,
        r#"wfo "Dishub" pada 2026-04-11"#,
        r#"prioritas wfh "Setda" instansi "Pemerintah Kota Cimahi" keadaan hamil pada 2026-04-10"#,
    ];
    let mut args = vec!["--lang", "id", "query", "examples/id/"];
    for q in &questions {
        args.extend(["-e", q]);
    }
    let answers = bin::run(edaran().args(&args));
    assert_eq!(answers.code, 0, "{}", answers.stderr);
    let draft = r#"surat_edaran "UJI/1/2026" {
  penerbit       "Gubernur Contoh" tingkat provinsi
  ditandatangani 2026-01-05
  berlaku        2026-01-05 sampai 2026-02-05
  cakupan        "Pemprov Contoh"
  aturan umum: semua => wfo 50%
}

uji "harapan yang keliru" {
  harapkan wfo "BPKAD" pada 2026-01-06 = 75%
  harapkan wfo "BPKAD" pada 2026-01-10 = 50%
  harapkan wfo "BPKAD" instansi "Pemprov Contoh Lain" pada 2026-01-07 = 50%
  harapkan wfo "BPKAD" mulai 2026-01-05 sampai 2026-01-09 = bentrok
}
"#;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("uji.se");
    std::fs::write(&path, draft).expect("written");
    let file = path.to_str().expect("a UTF-8 path");
    let tests = bin::run(edaran().args(["--lang", "id", "test", file]));
    assert_eq!(tests.code, 1, "{}", tests.stderr);
    let tests = tests.stdout.replace(file, "uji.se");
    insta::assert_snapshot!(
        "answers-and-tests-in-indonesian",
        format!(
            "{}\n----- edaran --lang id test uji.se\n{tests}",
            answers.stdout
        )
    );
}
