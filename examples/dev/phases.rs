//! Times the phases of `edaran check` on a directory of `.se` files (flat), for profiling.
//!
//! ```sh
//! cargo run --release --example corpus -- /tmp/corpus 80000
//! cargo run --release --example phases -- /tmp/corpus
//! ```

use std::time::Instant;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: phases DIR");
        std::process::exit(2);
    };
    let mut sources = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("a directory")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "se"))
        .collect();
    entries.sort();
    for p in entries {
        let text = std::fs::read_to_string(&p).expect("UTF-8 text");
        sources.push(edaran::model::Source {
            name: p.display().to_string(),
            text,
        });
    }
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let t = Instant::now();
    for (i, s) in sources.iter().enumerate() {
        std::hint::black_box(edaran::syntax::parse_file(
            edaran::FileId(i as u32),
            &s.text,
        ));
    }
    let parse = t.elapsed();
    println!(
        "parse and lower: {parse:?} ({:.1} MB/s)",
        bytes as f64 / parse.as_secs_f64() / 1e6
    );
    if std::env::var_os("PHASES_PARSE_ONLY").is_some() {
        return;
    }
    if std::env::var_os("PHASES_KEEP_TREES").is_some() {
        let trees: Vec<_> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| edaran::syntax::parse_file(edaran::FileId(i as u32), &s.text))
            .collect();
        println!("kept {} trees", trees.len());
        return;
    }
    let t = Instant::now();
    let ws = edaran::model::load(sources);
    println!("load (parse, resolve, every check): {:?}", t.elapsed());
    let t = Instant::now();
    let engine = edaran::eval::Engine::new(&ws);
    println!("engine: {:?}", t.elapsed());
    let t = Instant::now();
    let findings = edaran::analysis::findings(&engine);
    println!("analysis: {:?} ({} findings)", t.elapsed(), findings.len());
    let t = Instant::now();
    let diagnostics = edaran::lints::check(&ws);
    println!(
        "lints (with the analysis): {:?} ({} diagnostics)",
        t.elapsed(),
        diagnostics.len()
    );
}
