//! Writes a synthetic national corpus of `.se` files into a directory.
//!
//! ```sh
//! cargo run --release --example corpus -- /tmp/corpus 80000
//! edaran check /tmp/corpus
//! cargo run --release --example corpus -- /tmp/dense 80000 1 13   # 13 more exceptions a circular
//! ```

use edaran::corpus::{Size, generate};
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), rules) = (args.next(), args.next()) else {
        eprintln!("usage: corpus DIR [RULES] [SEED] [EXCEPTIONS]");
        std::process::exit(2);
    };
    let rules: usize = rules.and_then(|r| r.parse().ok()).unwrap_or(10_000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let exceptions: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let dir = PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("error: cannot create `{}`: {e}", dir.display());
        std::process::exit(2);
    }
    let sources = generate(Size::rules(rules).with_exceptions(exceptions), seed);
    let mut bytes = 0;
    for s in &sources {
        bytes += s.text.len();
        if let Err(e) = std::fs::write(dir.join(&s.name), &s.text) {
            eprintln!("error: cannot write `{}`: {e}", s.name);
            std::process::exit(2);
        }
    }
    println!(
        "wrote {} files, {} bytes, about {rules} rules, into {}",
        sources.len(),
        bytes,
        dir.display()
    );
}
