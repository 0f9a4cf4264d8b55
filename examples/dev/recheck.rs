//! Times `check::Session::update` on the corpus of `corpus.rs` (in memory): one share of the
//! middle file changed, then changed back, over and over, with each update's time on stderr.
//! For profiling the updates alone (`perf record`), where the criterion benchmark
//! `one_file_recheck` also builds the corpus and checks it in full.
//!
//! ```sh
//! cargo run --release --example recheck -- 52000 40   # rules, updates
//! ```

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut number = |default: usize| {
        args.next()
            .map_or(Ok(default), |a| a.parse::<usize>())
            .unwrap_or_else(|e| {
                eprintln!("recheck: a number was expected: {e}");
                std::process::exit(2)
            })
    };
    let (rules, updates) = (number(52_000), number(10));
    let sources = edaran::corpus::generate(edaran::corpus::Size::rules(rules), 1);
    let k = sources.len() / 2;
    let name = sources[k].name.clone();
    let original = sources[k].text.clone();
    let edited = original.replacen("support => wfo 25%", "support => wfo 20%", 1);
    if edited == original {
        eprintln!("recheck: the middle file has no share to change");
        std::process::exit(1);
    }
    let start = Instant::now();
    let mut session = edaran::check::Session::new(sources);
    eprintln!("session: {:.1?}", start.elapsed());
    for i in 0..updates {
        let text = if i % 2 == 0 { &edited } else { &original };
        let start = Instant::now();
        let diagnostics = session.update(&name, text.as_str()).len();
        eprintln!(
            "update {i}: {:.1?} ({diagnostics} diagnostics)",
            start.elapsed()
        );
    }
}
