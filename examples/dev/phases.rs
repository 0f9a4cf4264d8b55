//! Times the phases of `edaran check` on a directory of `.se` files (flat), for profiling.
//!
//! ```sh
//! cargo run --release --example corpus -- /tmp/corpus 80000
//! cargo run --release --example phases -- /tmp/corpus
//! PHASES_KEEP_TREES=1 cargo run --release --example phases -- /tmp/corpus   # the trees alone
//! PHASES_MODEL=1 cargo run --release --example phases -- /tmp/corpus        # the model, part by part
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts the bytes alive on the heap, and the most at any time, to say what each phase keeps.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        COUNT.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        COUNT.fetch_sub(1, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Live and peak heap in MB, and the resident memory the kernel reports, for the log.
fn heap() -> String {
    // VmRSS and VmHWM (the peak), where /proc exists.
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or("?".to_string(), |kb| format!("{:.1}", kb / 1e3))
    };
    format!(
        "heap {:.1} MB live in {} blocks, {:.1} MB peak; resident {} MB, {} MB peak",
        LIVE.load(Ordering::Relaxed) as f64 / 1e6,
        COUNT.load(Ordering::Relaxed),
        PEAK.load(Ordering::Relaxed) as f64 / 1e6,
        field("VmRSS:"),
        field("VmHWM:"),
    )
}

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
    println!("read {:.1} MB; {}", bytes as f64 / 1e6, heap());
    if std::env::var_os("PHASES_LOAD_ONLY").is_some() {
        let t = Instant::now();
        let ws = edaran::check::load(sources);
        println!("load: {:?}; {}", t.elapsed(), heap());
        drop(ws);
        return;
    }
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
            .map(|(i, s)| edaran::syntax::parse_file(edaran::FileId(i as u32), &s.text).0)
            .collect();
        println!("kept {} trees; {}", trees.len(), heap());
        let t = Instant::now();
        let mut diagnostics = Vec::new();
        let mut across = edaran::lints::AcrossFiles::default();
        for (i, tree) in trees.iter().enumerate() {
            across.add(edaran::lints::check_file(
                edaran::FileId(i as u32),
                tree,
                &mut diagnostics,
            ));
        }
        across.check(&edaran::calendar::Calendar::national(), &mut diagnostics);
        println!(
            "checks of the trees: {:?} ({} diagnostics)",
            t.elapsed(),
            diagnostics.len()
        );
        return;
    }
    let t = Instant::now();
    let ws = edaran::check::load(sources);
    println!(
        "load (parse, resolve, every check, analysis): {:?}; {}",
        t.elapsed(),
        heap()
    );
    if std::env::var_os("PHASES_MODEL").is_some() {
        let mut ws = ws;
        let rules: usize = ws.circulars.iter().map(|c| c.rules.len()).sum();
        println!(
            "{} circulars, {} rules; size_of Circular {} Rule {} Sel {}",
            ws.circulars.len(),
            rules,
            std::mem::size_of::<edaran::model::Circular>(),
            std::mem::size_of::<edaran::model::Rule>(),
            std::mem::size_of::<edaran::model::Sel>()
        );
        let before = LIVE.load(Ordering::Relaxed);
        let step = |what: &str, before: &mut usize| {
            let now = LIVE.load(Ordering::Relaxed);
            println!("  {what}: {:.1} MB", (*before - now) as f64 / 1e6);
            *before = now;
        };
        let mut b = before;
        drop(std::mem::take(&mut ws.diagnostics));
        step("diagnostics", &mut b);
        drop(std::mem::take(&mut ws.tests));
        step("tests", &mut b);
        drop(std::mem::take(&mut ws.names));
        step("names", &mut b);
        for c in &mut ws.circulars {
            c.duties = Box::default();
        }
        step("duties", &mut b);
        for c in &mut ws.circulars {
            for r in &mut c.rules {
                r.selector = None;
                r.except = Box::default();
            }
            c.exempt = Vec::new();
            c.priorities = Vec::new();
        }
        step("selectors", &mut b);
        for c in &mut ws.circulars {
            for r in &mut c.rules {
                r.overrides = Default::default();
                r.overrides_all = Default::default();
            }
        }
        step("overrides", &mut b);
        for c in &mut ws.circulars {
            c.rules = Vec::new();
        }
        step("rules", &mut b);
        drop(std::mem::take(&mut ws.circulars));
        step("circulars", &mut b);
        drop(std::mem::take(&mut ws.interner));
        step("interner", &mut b);
        drop(std::mem::take(&mut ws.sources));
        step("sources", &mut b);
        return;
    }
    if std::env::var_os("PHASES_UNIVERSE").is_some() {
        let u = edaran::region::Universe::new(&ws.circulars, &ws.set_govs, &ws.interner);
        println!("universe: {}", heap());
        drop(u);
    }
    let t = Instant::now();
    let engine = edaran::eval::Engine::new(&ws);
    println!("engine: {:?}; {}", t.elapsed(), heap());
    let t = Instant::now();
    let findings = edaran::analysis::findings(&engine);
    println!(
        "analysis: {:?} ({} findings); {}",
        t.elapsed(),
        findings.len(),
        heap()
    );
}
