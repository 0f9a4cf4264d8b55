//! Benchmarks on synthetic national corpora (`edaran::corpus`).
//!
//! ```sh
//! cargo bench --bench edaran                 # everything
//! cargo bench --bench edaran -- point_query  # one group
//! cargo bench --bench edaran -- question_batch  # 2,000 questions as `edaran query` asks them
//! cargo bench --bench edaran -- one_file_recheck  # a check kept open, after one file changed
//! cargo bench --bench edaran -- one_big_file  # the corpus as one file, beside it as many
//! ```

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use edaran::check;
use edaran::corpus::{Size, generate};
use edaran::eval::ask::Purpose;
use edaran::eval::query::Spec;
use edaran::eval::{Detail, Engine};
use edaran::model::Source;
use edaran::region::{self, Dim};
use edaran::span::FileId;
use std::hint::black_box;

fn corpus(rules: usize) -> Vec<Source> {
    generate(Size::rules(rules), 1)
}

fn bytes(sources: &[Source]) -> u64 {
    sources.iter().map(|s| s.text.len() as u64).sum()
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    for rules in [1_000, 10_000, 100_000] {
        let sources = corpus(rules);
        group.throughput(Throughput::Bytes(bytes(&sources)));
        group.bench_with_input(
            BenchmarkId::from_parameter(rules),
            &sources,
            |b, sources| {
                b.iter(|| {
                    for (i, s) in sources.iter().enumerate() {
                        black_box(edaran::syntax::parse_file(FileId(i as u32), &s.text));
                    }
                })
            },
        );
    }
    group.finish();
}

/// Parse, resolve and every check, including the conflict analysis: what `edaran check` does.
fn check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    for rules in [1_000, 10_000, 100_000] {
        let sources = corpus(rules);
        group.throughput(Throughput::Elements(rules as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(rules),
            &sources,
            |b, sources| b.iter(|| black_box(check::load(sources.clone()))),
        );
    }
    group.finish();
}

/// The conflict and overlap analysis alone, on a loaded workspace.
fn analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("analysis");
    group.sample_size(10);
    for rules in [10_000, 100_000] {
        let ws = check::load(corpus(rules));
        let engine = Engine::new(&ws);
        group.throughput(Throughput::Elements(rules as u64));
        group.bench_function(BenchmarkId::from_parameter(rules), |b| {
            b.iter(|| black_box(edaran::analysis::findings(&engine)))
        });
    }
    group.finish();
}

fn point_query(c: &mut Criterion) {
    let mut group = c.benchmark_group("point_query");
    for rules in [1_000, 10_000, 100_000] {
        let ws = check::load(corpus(rules));
        let engine = Engine::new(&ws);
        let govs: Vec<String> = (0..Size::rules(rules).governments)
            .map(|g| format!("Pemda {g:03}"))
            .collect();
        let day = region::day("2021-05-10".parse().expect("a date"));
        let points: Vec<_> = govs
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let unit = [
                    "Dinas Kesehatan",
                    "BPKAD",
                    "Bapenda/UPTD Wilayah 2",
                    "Dishub",
                ][i % 4];
                engine.point(
                    day,
                    [
                        Some(g),
                        Some(unit),
                        Some("admin"),
                        Some("Bekasi"),
                        Some("Serang"),
                    ],
                )
            })
            .collect();
        group.bench_function(BenchmarkId::from_parameter(rules), |b| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % points.len();
                black_box(engine.answer(&points[i]))
            })
        });
    }
    group.finish();
}

/// A question over a year with `function`, `domicile` and `office` left out.
fn period_query(c: &mut Criterion) {
    let mut group = c.benchmark_group("period_query");
    group.sample_size(20);
    for rules in [1_000, 10_000, 100_000] {
        let ws = check::load(corpus(rules));
        let engine = Engine::new(&ws);
        let mut values: [Option<String>; 5] = Default::default();
        values[Dim::Gov.index()] = Some("Pemda 001".into());
        values[Dim::Unit.index()] = Some("Dinas Kesehatan".into());
        let spec = Spec {
            values,
            flags: Vec::new(),
            from: region::day("2021-01-01".parse().expect("a date")),
            to: region::day("2021-12-31".parse().expect("a date")),
        };
        group.bench_function(BenchmarkId::from_parameter(rules), |b| {
            b.iter(|| black_box(engine.cases(&spec).expect("answers")))
        });
    }
    group.finish();
}

/// A batch of 2,000 point questions through the query front end, as `edaran query` takes each
/// line: parse the line, then `Engine::ask` (the rendering of the answer is the command line's).
/// Its time divided by 2,000 is the cost of one question once the workspace is loaded.
fn question_batch(c: &mut Criterion) {
    let mut group = c.benchmark_group("question_batch");
    group.sample_size(10);
    for rules in [10_000, 52_000] {
        let sources = corpus(rules);
        let lines = edaran::corpus::questions(&sources, 2_000, 1);
        let ws = check::load_for_questions(sources);
        let engine = Engine::new(&ws);
        let purpose = Purpose::Show {
            detail: Detail::Concerning,
            conflicts: edaran::analysis::conflicts,
        };
        group.throughput(Throughput::Elements(lines.len() as u64));
        group.bench_function(BenchmarkId::from_parameter(rules), |b| {
            b.iter(|| {
                for line in &lines {
                    let (query, _) = edaran::syntax::parse_query(FileId(0), line);
                    let query = query.expect("a question");
                    black_box(engine.ask(&query.kind, &[], purpose).expect("an answer"));
                }
            })
        });
    }
    group.finish();
}

/// A check kept open (`check::Session`) on the corpus of `examples/dev/corpus.rs` (551 files
/// for 52,000 rules), checked again after one file changed: each iteration changes one share in
/// the middle file, or changes it back, so that every iteration has a change to check. Beside
/// it, the full check of the same sources, for the ratio.
fn one_file_recheck(c: &mut Criterion) {
    let mut group = c.benchmark_group("one_file_recheck");
    group.sample_size(10);
    for rules in [10_000, 52_000] {
        let sources = corpus(rules);
        let k = sources.len() / 2;
        let name = sources[k].name.clone();
        let original = sources[k].text.clone();
        let edited = original.replacen("support => wfo 25%", "support => wfo 20%", 1);
        assert_ne!(original, edited, "the file has a share to change");
        let mut session = check::Session::new(sources.clone());
        // The same diagnostics as a full check, before and after the change.
        assert_eq!(
            session.diagnostics(),
            &check::load(sources.clone()).diagnostics[..]
        );
        let mut changed = sources.clone();
        changed[k].text = edited.clone();
        assert_eq!(
            session.update(&name, edited.as_str()),
            &check::load(changed).diagnostics[..]
        );
        let mut flip = true;
        group.bench_function(BenchmarkId::new("session", rules), |b| {
            b.iter(|| {
                flip = !flip;
                let text = if flip { &edited } else { &original };
                black_box(session.update(&name, text.as_str()).len())
            })
        });
        group.bench_function(BenchmarkId::new("full", rules), |b| {
            b.iter(|| black_box(check::load(sources.clone()).diagnostics.len()))
        });
    }
    group.finish();
}

/// `edaran check` of a national corpus written as one 10 MB file (read in parts, streamed),
/// beside the same corpus as its 551 files, in the same run.
fn one_big_file(c: &mut Criterion) {
    let mut group = c.benchmark_group("one_big_file");
    group.sample_size(10);
    let files = corpus(52_000);
    let one = vec![Source {
        name: "corpus.se".into(),
        text: files.iter().map(|s| s.text.as_str()).collect(),
    }];
    group.throughput(Throughput::Bytes(bytes(&one)));
    let expected = check::load(files.clone()).diagnostics.len();
    assert_eq!(check::load(one.clone()).diagnostics.len(), expected);
    group.bench_function("one_file", |b| {
        b.iter(|| black_box(check::load(one.clone())))
    });
    group.bench_function("551_files", |b| {
        b.iter(|| black_box(check::load(files.clone())))
    });
    group.finish();
}

criterion_group!(
    benches,
    parse,
    check,
    analysis,
    point_query,
    period_query,
    question_batch,
    one_file_recheck,
    one_big_file
);
criterion_main!(benches);
