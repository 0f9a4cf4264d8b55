//! Writes a synthetic national corpus of `.se` files into a directory; or the same corpus as one
//! file, as JSON, and point questions about it.
//!
//! ```sh
//! cargo run --release --example corpus -- /tmp/corpus 80000
//! edaran check /tmp/corpus
//! cargo run --release --example corpus -- /tmp/dense 80000 1 13   # 13 more exceptions a circular
//! cargo run --release --example corpus -- --one-file /tmp/corpus.se 80000   # one file
//! cargo run --release --example corpus -- /tmp/corpus 80000 --json /tmp/corpus.json
//! cargo run --release --example corpus -- /tmp/corpus 80000 --questions /tmp/q.txt 2000
//! ```
//!
//! The default output (a directory of files) stays byte for byte what it was: the benchmarks
//! and the figures of docs/performance.md depend on it. `--one-file` writes the same sources
//! one after the other into the file named instead of the directory. `--json FILE` writes the
//! same circulars as a plain JSON array (one object a circular, its lines as fields), for a
//! comparison with a JSON reader of the same data. `--questions FILE N` writes N point
//! questions, one `wfo ... on DATE` line each (`edaran::corpus::questions`).

use edaran::corpus::{Size, generate, questions};
use edaran::model::Source;
use serde_json::{Map, Value, json};
use std::path::PathBuf;

const USAGE: &str =
    "usage: corpus [--one-file] DIR [RULES] [SEED] [EXCEPTIONS] [--json FILE] [--questions FILE N]";

fn fail(message: String) -> ! {
    eprintln!("error: {message}");
    std::process::exit(2);
}

fn write(path: &std::path::Path, text: &str) {
    if let Err(e) = std::fs::write(path, text) {
        fail(format!("cannot write `{}`: {e}", path.display()));
    }
}

fn main() {
    let mut positional = Vec::new();
    let (mut one_file, mut json_file, mut question_file) = (false, None, None);
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--one-file" => one_file = true,
            "--json" => json_file = Some(args.next().unwrap_or_else(|| fail(USAGE.into()))),
            "--questions" => {
                let (Some(file), Some(n)) = (args.next(), args.next()) else {
                    fail(USAGE.into());
                };
                let n: usize = n.parse().unwrap_or_else(|_| fail(USAGE.into()));
                question_file = Some((PathBuf::from(file), n));
            }
            _ => positional.push(a),
        }
    }
    let mut positional = positional.into_iter();
    let (Some(dir), rules) = (positional.next(), positional.next()) else {
        fail(USAGE.into());
    };
    let rules: usize = rules.and_then(|r| r.parse().ok()).unwrap_or(10_000);
    let seed: u64 = positional.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let exceptions: usize = positional.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let dir = PathBuf::from(dir);
    let sources = generate(Size::rules(rules).with_exceptions(exceptions), seed);
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    if one_file {
        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
            if let Err(e) = std::fs::create_dir_all(parent) {
                fail(format!("cannot create `{}`: {e}", parent.display()));
            }
        }
        let text: String = sources.iter().map(|s| s.text.as_str()).collect();
        write(&dir, &text);
        println!(
            "wrote 1 file, {bytes} bytes, about {rules} rules, into {}",
            dir.display()
        );
    } else {
        if let Err(e) = std::fs::create_dir_all(&dir) {
            fail(format!("cannot create `{}`: {e}", dir.display()));
        }
        for s in &sources {
            write(&dir.join(&s.name), &s.text);
        }
        println!(
            "wrote {} files, {} bytes, about {rules} rules, into {}",
            sources.len(),
            bytes,
            dir.display()
        );
    }
    if let Some(file) = json_file {
        let text = serde_json::to_string(&to_json(&sources)).expect("JSON") + "\n";
        write(std::path::Path::new(&file), &text);
        println!("wrote {} bytes of JSON into {file}", text.len());
    }
    if let Some((file, n)) = question_file {
        let mut text = questions(&sources, n, seed).join("\n");
        text.push('\n');
        write(&file, &text);
        println!("wrote {n} questions into {}", file.display());
    }
}

/// The circulars of the generated sources as JSON: one object a circular, its id, and each of
/// its lines as a field named by the line's first word (`"rule"`, `"sector"`, ... as arrays of
/// objects; the rest as strings), without the language's punctuation.
fn to_json(sources: &[Source]) -> Value {
    let mut circulars = Vec::new();
    for s in sources {
        let mut current: Option<Map<String, Value>> = None;
        for line in s.text.lines() {
            if let Some(id) = line.strip_prefix("circular ") {
                let id = id.trim_end_matches(" {").trim_matches('"');
                current = Some(Map::from_iter([("id".to_string(), json!(id))]));
            } else if line == "}" {
                circulars.extend(current.take().map(Value::Object));
            } else if let (Some(c), Some(body)) = (current.as_mut(), line.strip_prefix("  ")) {
                let (key, rest) = body.split_once(' ').unwrap_or((body, ""));
                field(c, key, rest);
            }
        }
    }
    Value::Array(circulars)
}

/// One line of a circular as a field.
fn field(c: &mut Map<String, Value>, key: &str, rest: &str) {
    let unquote = |s: &str| s.trim().trim_matches('"').to_string();
    let list = |s: &str| -> Vec<String> {
        s.trim_matches(|c| c == '[' || c == ']')
            .split(", ")
            .map(unquote)
            .collect()
    };
    let push = |c: &mut Map<String, Value>, key: &str, v: Value| {
        let entry = c.entry(key).or_insert_with(|| json!([]));
        if let Value::Array(a) = entry {
            a.push(v);
        }
    };
    match key {
        "sector" | "region" => {
            let (name, members) = rest.split_once(" = ").unwrap_or((rest, ""));
            push(c, key, json!({"name": name, "members": list(members)}));
        }
        "rule" => {
            let (name, body) = rest.split_once(": ").unwrap_or((rest, ""));
            let (when, then) = body.split_once(" => ").unwrap_or((body, ""));
            let (wfo, overrides) = match then.split_once(" overrides ") {
                Some((w, o)) => (w, Some(o)),
                None => (then, None),
            };
            let wfo = wfo.strip_prefix("wfo ").unwrap_or(wfo);
            push(
                c,
                "rules",
                json!({"name": name, "when": when, "wfo": wfo, "overrides": overrides}),
            );
        }
        "wfh" => {
            let rest = rest.strip_prefix("priority ").unwrap_or(rest);
            let (rank, when) = rest.split_once(": ").unwrap_or((rest, ""));
            push(c, "wfh_priority", json!({"rank": rank, "when": when}));
        }
        "duty" | "exempt" | "revokes" => push(c, key, json!(unquote(rest))),
        "basis" => {
            c.insert(key.into(), json!(list(rest)));
        }
        "issuer" => {
            let (name, level) = rest.split_once(" level ").unwrap_or((rest, ""));
            c.insert(key.into(), json!({"name": unquote(name), "level": level}));
        }
        "signed" => {
            let (date, by) = rest.split_once(" by ").unwrap_or((rest, ""));
            c.insert(key.into(), json!({"date": date, "by": unquote(by)}));
        }
        "valid" => {
            let (from, to) = rest.split_once(" to ").unwrap_or((rest, rest));
            c.insert(key.into(), json!({"from": from, "to": to}));
        }
        _ => {
            c.insert(key.into(), json!(unquote(rest)));
        }
    }
}
