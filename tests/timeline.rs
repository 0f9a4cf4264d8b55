//! `edaran timeline`: the data of the core (`eval::timeline`: bands, windows, revocations, days
//! off, daily shares), and the real binary drawing SVG pictures: rendered to pixels with
//! `resvg` (so the picture is one an SVG renderer reads, and the marks are where they belong),
//! one snapshot of a small fixture, and every refusal with its message and exit status.
//!
//! `EDARAN_TIMELINE_PNG=DIR cargo test --test timeline` also writes the rendered pictures to
//! DIR as PNG files, to look at them.

use chrono::NaiveDate;
use edaran::calendar::Calendar;
use edaran::eval::Engine;
use edaran::eval::Status;
use edaran::eval::timeline::{Period, PeriodError, Share, ShareRun, Timeline};
use edaran::model::Source;
use edaran::span::FileId;
use edaran::syntax::ast::{Level, Pct, QueryKind, Subject};
use std::path::{Path, PathBuf};

#[path = "support/bin.rs"]
mod bin;
use bin::{InEnglish, Run, root, run};

const FIXTURE: &str = "tests/fixtures/timeline/lebaran-2024.se";

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

fn workspace(paths: &[&str]) -> edaran::model::Workspace {
    let sources = paths
        .iter()
        .map(|p| Source {
            name: p.to_string(),
            text: std::fs::read_to_string(root().join(p)).expect("readable"),
        })
        .collect();
    let ws = edaran::check::load_for_questions(sources);
    assert!(
        ws.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        ws.diagnostics
    );
    ws
}

fn subject(text: &str) -> Subject {
    let (query, diagnostics) =
        edaran::syntax::parse_query(FileId(0), &format!("wfo {text} on 2000-01-01"));
    match query.map(|q| q.kind) {
        Some(QueryKind::Wfo(s)) => s,
        _ => panic!("{diagnostics:?}"),
    }
}

fn ids(timeline: &Timeline, level: Level) -> Vec<&str> {
    let band = timeline
        .bands
        .iter()
        .find(|b| b.level == level)
        .expect("band");
    band.bars.iter().map(|b| b.id.as_str()).collect()
}

// -------------------------------------------------------------------------------------------------
// The core

#[test]
fn the_default_period_runs_from_the_first_to_the_last_day_in_force() {
    let ws = workspace(&[
        "examples/banten-2020-wfh-concept.se",
        "examples/banten-2022-wfh-covid.se",
    ]);
    let engine = Engine::new(&ws);
    let p = Period::new(&engine, None, None).unwrap();
    assert_eq!(
        (p.from, p.to, p.cut_from),
        (date("2020-03-17"), date("2022-02-28"), None)
    );
    // One day given, the other from the circulars; or a year away when they lie on its wrong
    // side.
    let p = Period::new(&engine, Some(date("2021-01-01")), None).unwrap();
    assert_eq!((p.from, p.to), (date("2021-01-01"), date("2022-02-28")));
    let p = Period::new(&engine, Some(date("2023-01-01")), None).unwrap();
    assert_eq!((p.from, p.to), (date("2023-01-01"), date("2024-01-01")));
    let p = Period::new(&engine, None, Some(date("2019-06-30"))).unwrap();
    assert_eq!((p.from, p.to), (date("2018-06-30"), date("2019-06-30")));
    assert_eq!(
        Period::new(&engine, Some(date("2022-02-02")), Some(date("2022-02-01"))),
        Err(PeriodError::Backwards {
            from: date("2022-02-02"),
            to: date("2022-02-01")
        })
    );
}

#[test]
fn an_open_ended_validity_reaches_a_year_past_the_latest_start_and_a_revocation_ends_it() {
    let ws = workspace(&[FIXTURE]);
    let engine = Engine::new(&ws);
    let p = Period::new(&engine, None, None).unwrap();
    // PROV/2 starts on 2024-05-06 and has no end.
    assert_eq!((p.from, p.to), (date("2024-03-18"), date("2025-05-06")));
}

#[test]
fn a_long_period_is_cut_to_five_years() {
    let ws = workspace(&[FIXTURE]);
    let engine = Engine::new(&ws);
    let p = Period::new(&engine, Some(date("2020-01-01")), Some(date("2030-12-31"))).unwrap();
    assert_eq!(p.cut_from, Some(date("2030-12-31")));
    assert_eq!(p.to, date("2024-12-31"));
    assert_eq!(p.days(), 1827);
}

#[test]
fn no_circular_and_no_date_is_no_period() {
    let ws = edaran::check::load_for_questions(Vec::new());
    let engine = Engine::new(&ws);
    let e = Period::new(&engine, None, None).unwrap_err();
    assert_eq!(e, PeriodError::NoCirculars);
    assert!(e.to_string().contains("--from and --to"), "{e}");
}

#[test]
fn bars_follow_windows_revocations_and_during() {
    let ws = workspace(&[FIXTURE]);
    let engine = Engine::new(&ws);
    let calendar = Calendar::national();
    let period = Period::new(&engine, Some(date("2024-03-11")), Some(date("2024-05-31"))).unwrap();
    let t = Timeline::new(&engine, &calendar, period, None).unwrap();
    let levels: Vec<Level> = t.bands.iter().map(|b| b.level).collect();
    assert_eq!(levels, Level::ALL);
    assert_eq!(ids(&t, Level::National), ["NAS-1/2024"]);
    assert_eq!(
        ids(&t, Level::Provincial),
        ["PROV/1 & <\"Banten\">", "PROV/2"]
    );
    assert_eq!(ids(&t, Level::Local), ["KAB/1"]);
    let bar = |level: Level, i: usize| &t.bands.iter().find(|b| b.level == level).unwrap().bars[i];
    // Two windows.
    assert_eq!(
        bar(Level::National, 0).windows,
        [
            (date("2024-03-25"), date("2024-03-28")),
            (date("2024-04-16"), date("2024-04-19"))
        ]
    );
    // Revoked from PROV/2's first day: in force up to the day before, the mark on that day.
    let prov1 = bar(Level::Provincial, 0);
    assert_eq!(prov1.windows, [(date("2024-03-18"), date("2024-05-05"))]);
    let r = prov1.revoked.as_ref().expect("revoked");
    assert_eq!((r.on, r.by_id.as_str()), (date("2024-05-06"), "PROV/2"));
    assert_eq!(prov1.during, [(date("2024-04-22"), date("2024-04-26"))]);
    assert!(!prov1.before && !prov1.after);
    // Open-ended: it goes on after the period.
    let prov2 = bar(Level::Provincial, 1);
    assert_eq!(prov2.windows, [(date("2024-05-06"), date("2024-05-31"))]);
    assert!(prov2.after && prov2.revoked.is_none());
    // Every day of a bar is a day the engine has the circular in force, and only those.
    for band in &t.bands {
        for b in &band.bars {
            for d in period.from.iter_days().take_while(|&d| d <= period.to) {
                let in_bar = b.windows.iter().any(|&(x, y)| x <= d && d <= y);
                let in_force = engine
                    .in_force(edaran::region::day(d))
                    .contains(&b.circular);
                assert_eq!(in_bar, in_force, "{} on {d}", b.id);
            }
        }
    }
}

#[test]
fn holidays_and_weekends_of_the_period_are_listed() {
    let ws = workspace(&[FIXTURE]);
    let engine = Engine::new(&ws);
    let period = Period::new(&engine, Some(date("2024-04-06")), Some(date("2024-04-14"))).unwrap();
    let t = Timeline::new(&engine, &Calendar::national(), period, None).unwrap();
    let names: Vec<(NaiveDate, &str)> = t
        .holidays
        .iter()
        .map(|h| (h.from, h.name.as_str()))
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(
        names.iter().all(|(_, n)| n.contains("Idul Fitri")),
        "{names:?}"
    );
    assert_eq!(
        t.weekends,
        [
            (date("2024-04-06"), date("2024-04-07")),
            (date("2024-04-13"), date("2024-04-14"))
        ]
    );
}

fn runs(from: &str, to: &str, subject_text: &str) -> Vec<ShareRun> {
    let ws = workspace(&[FIXTURE]);
    let engine = Engine::new(&ws);
    let period = Period::new(&engine, Some(date(from)), Some(date(to))).unwrap();
    let s = subject(subject_text);
    let t = Timeline::new(&engine, &Calendar::national(), period, Some(&s)).unwrap();
    t.shares.expect("shares")
}

fn wfo(status: Status, min: u16, max: u16) -> Share {
    Share::Wfo {
        status: Some(status),
        min: Pct(min * 100),
        max: Pct(max * 100),
    }
}

#[test]
fn the_daily_share_follows_the_answers_and_leaves_days_off_blank() {
    let got = runs(
        "2024-03-22",
        "2024-03-31",
        r#""BPKAD" gov "Pemprov Banten""#,
    );
    let run = |from: &str, to: &str, share: Share| ShareRun {
        from: date(from),
        to: date(to),
        share,
    };
    assert_eq!(
        got,
        [
            run("2024-03-22", "2024-03-22", wfo(Status::Ruled, 0, 75)),
            run("2024-03-23", "2024-03-24", Share::DayOff),
            // the national floor and the provincial cap together
            run("2024-03-25", "2024-03-28", wfo(Status::Ruled, 50, 75)),
            // Wafat Isa Almasih, then the weekend with Hari Paskah
            run("2024-03-29", "2024-03-31", Share::DayOff),
        ]
    );
    // The rule's own window.
    let got = runs(
        "2024-04-22",
        "2024-04-22",
        r#""BPKAD" gov "Pemprov Banten""#,
    );
    assert_eq!(got[0].share, wfo(Status::Ruled, 25, 25));
    // Another government: no circular of its own but the national one.
    let got = runs(
        "2024-03-22",
        "2024-03-22",
        r#""BPKAD" gov "Pemprov Lampung""#,
    );
    assert_eq!(got[0].share, wfo(Status::Baseline, 100, 100));
}

#[test]
fn left_out_dimensions_give_the_range_of_their_cases() {
    // KAB/1 exempts service staff of Pemkab Serang and sets 50% for the others.
    let got = runs("2024-04-02", "2024-04-02", r#""Setda" gov "Pemkab Serang""#);
    assert_eq!(
        got[0].share,
        Share::Wfo {
            status: None,
            min: Pct(5000),
            max: Pct(10000)
        }
    );
    let got = runs(
        "2024-04-02",
        "2024-04-02",
        r#""Setda" gov "Pemkab Serang" function service"#,
    );
    assert_eq!(got[0].share, wfo(Status::Exempt, 100, 100));
}

// -------------------------------------------------------------------------------------------------
// The command

fn edaran() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_edaran"));
    cmd.in_english()
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .arg("timeline");
    cmd
}

fn timeline(args: &[&str]) -> Run {
    run(edaran().args(args).arg("--color").arg("never"))
}

/// Draws with `args` into a fresh directory; the picture and the run.
fn draw(args: &[&str]) -> (String, Run) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let out = dir.path().join("picture.svg");
    let r = timeline(&[args, &["-o", out.to_str().expect("UTF-8 path")]].concat());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(&out).expect("the picture is written");
    // Nothing else is left in the directory (the temporary file was renamed).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    (svg, r)
}

/// The picture rendered to pixels; also written to `$EDARAN_TIMELINE_PNG/NAME.png` when set.
fn render(svg: &str, name: &str) -> resvg::tiny_skia::Pixmap {
    let mut options = resvg::usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    let tree = resvg::usvg::Tree::from_str(svg, &options).expect("the SVG parses");
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).expect("a size");
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    if let Some(dir) = std::env::var_os("EDARAN_TIMELINE_PNG") {
        let path = PathBuf::from(dir).join(format!("{name}.png"));
        pixmap.save_png(&path).expect("the PNG is written");
    }
    pixmap
}

/// The colour of a pixel, as `#rrggbb`.
fn pixel(p: &resvg::tiny_skia::Pixmap, x: u32, y: u32) -> String {
    let c = p.pixel(x, y).expect("inside").demultiply();
    format!("#{:02x}{:02x}{:02x}", c.red(), c.green(), c.blue())
}

#[test]
fn the_examples_are_drawn_and_render() {
    // The examples of 2020 to 2023 (with those of 2026 the period is longer than five years).
    let (svg, r) = draw(&[
        "examples/banten-2020-wfh-concept.se",
        "examples/banten-2022-wfh-covid.se",
        "examples/banten-2023-wfh-air-pollution.se",
        "examples/lampung-2021-ppkm-darurat.se",
        "examples/tangerang-raya-2023-wfh.se",
    ]);
    assert!(r.stdout.starts_with("wrote "), "{}", r.stdout);
    assert!(
        r.stdout
            .ends_with("picture.svg: 5 circulars in force from 2020-03-17 to 2024-08-27\n"),
        "{}",
        r.stdout
    );
    for id in [
        "BANTEN-2020-KONSEP-WFH",
        "800/258-BKD/2022",
        "Inmendagri 2/2023",
    ] {
        assert!(svg.contains(&format!(">{id}<")), "{id} is labelled");
    }
    let pixmap = render(&svg, "examples");
    assert_eq!(pixmap.width(), 1280);
    // Something is drawn besides the white background.
    let coloured = pixmap.pixels().iter().filter(|c| c.red() < 200).count();
    assert!(coloured > 5000, "{coloured}");
}

#[test]
fn a_subject_adds_its_daily_share() {
    let (svg, _) = draw(&[
        "examples/",
        "--from",
        "2023-08-01",
        "--to",
        "2023-10-31",
        "--subject",
        r#""BPKAD" gov "Pemprov Banten" function admin"#,
    ]);
    assert!(svg.contains(r#"class="shares""#));
    assert!(svg.contains("of &quot;BPKAD&quot; gov &quot;Pemprov Banten&quot; function admin"));
    render(&svg, "banten-2023");
}

#[test]
fn the_marks_are_where_the_data_says() {
    let (svg, _) = draw(&[FIXTURE, "--from", "2024-03-11", "--to", "2024-05-31"]);
    let pixmap = render(&svg, "fixture");
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
    assert_eq!(tree.size().width(), 1280.0);
    // Find the bar of NAS-1/2024 by its label's row, then look at its pixels: blue on a day of
    // a window, not blue on a day between the windows.
    let row_y = |id: &str| -> f64 {
        let at = svg.find(&format!(">{id}</text>")).expect("label");
        let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
        let y = tag.split("y=\"").nth(1).unwrap().split('"').next().unwrap();
        y.parse::<f64>().unwrap() - 15.0 + 11.0
    };
    let x_of = |d: &str| -> u32 {
        // The plot spans from its left edge to 1264 over the 82 days of the period.
        let x0 = svg.split("class=\"axis\"").nth(1).unwrap();
        let x0: f64 = x0
            .split("x1=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let per_day = (1264.0 - x0) / 82.0;
        (x0 + ((date(d) - date("2024-03-11")).num_days() as f64 + 0.5) * per_day) as u32
    };
    let y = row_y("NAS-1/2024") as u32;
    // The national blue at 85% over white.
    assert_eq!(pixel(&pixmap, x_of("2024-03-26"), y), "#4b82bc");
    assert_eq!(pixel(&pixmap, x_of("2024-04-03"), y), "#ffffff");
    // The same for PROV/1 before and after its revocation (a weekday, unshaded, after it).
    let y = row_y("PROV/1 &amp; &lt;&quot;Banten&quot;&gt;") as u32;
    assert_ne!(pixel(&pixmap, x_of("2024-05-03"), y), "#ffffff");
    assert_eq!(pixel(&pixmap, x_of("2024-05-28"), y), "#ffffff");
    // The escaped number is drawn as written.
    assert!(svg.contains("PROV/1 &amp; &lt;&quot;Banten&quot;&gt;"));
    assert!(svg.contains("revoked by PROV/2"));
}

#[test]
fn the_picture_of_a_small_fixture() {
    let (svg, _) = draw(&[
        FIXTURE,
        "--from",
        "2024-03-11",
        "--to",
        "2024-05-31",
        "--subject",
        r#""BPKAD" gov "Pemprov Banten""#,
    ]);
    render(&svg, "fixture-subject");
    insta::assert_snapshot!(svg);
}

#[test]
fn refusals_have_a_message_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.svg");
    let out = out.to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["examples/"], "--output <FILE.svg>"),
        (
            &["examples/", "--from", "2023-13-01", "-o", out],
            "2023-13-01 is not a day of the calendar",
        ),
        (
            &["examples/", "--from", "1/9/2023", "-o", out],
            "write a date as YYYY-MM-DD",
        ),
        (
            &[
                "examples/",
                "--from",
                "2023-09-02",
                "--to",
                "2023-09-01",
                "-o",
                out,
            ],
            "error: the period ends before it starts: --from 2023-09-02 is after --to 2023-09-01",
        ),
        (
            &["examples/", "--subject", "BPKAD", "-o", out],
            "error: --subject cannot be read",
        ),
        (
            &[
                "examples/",
                "--subject",
                r#""BPKAD" on 2023-09-01"#,
                "-o",
                out,
            ],
            "error: --subject takes no date",
        ),
        (
            &["tests/fixtures/cli/bad.se", "-o", out],
            "the workspace does not parse and resolve",
        ),
        (
            &["examples/", "-o", "examples/out.se"],
            "the picture is SVG, name it FILE.svg",
        ),
        (&["examples/", "-o", FIXTURE], "the picture is SVG"),
        (&["examples/", "-o", "examples"], "is a directory"),
        (
            &["tests/fixtures/timeline/", "-o", "/nonexistent-dir/t.svg"],
            "error: cannot write `/nonexistent-dir/t.svg`",
        ),
        (&["no-such-dir/", "-o", out], "cannot read `no-such-dir/`"),
    ];
    for (args, message) in cases {
        let r = timeline(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(message), "{args:?}: {}", r.stderr);
        assert!(!Path::new(out).exists(), "{args:?} wrote nothing");
    }
}

#[cfg(unix)]
#[test]
fn an_input_file_is_never_overwritten() {
    // The output named through a link to one of the files read.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("c.se");
    std::fs::copy(root().join(FIXTURE), &input).unwrap();
    let link = dir.path().join("picture.svg");
    std::os::unix::fs::symlink(&input, &link).unwrap();
    let r = timeline(&[input.to_str().unwrap(), "-o", link.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("is one of the files read"),
        "{}",
        r.stderr
    );
    let text = std::fs::read_to_string(&input).unwrap();
    assert!(text.starts_with("// Invented circulars"));
}

#[test]
fn a_cut_period_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.svg");
    let r = timeline(&[
        "examples/",
        "--from",
        "2015-01-01",
        "--to",
        "2024-12-31",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("note: a timeline is at most five years: drawn from 2015-01-01 to 2019-12-31 (not to 2024-12-31)"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_subject_with_left_out_dimensions_is_drawn() {
    let (svg, _) = draw(&[
        "examples/",
        "--from",
        "2023-08-01",
        "--to",
        "2023-09-30",
        "--subject",
        r#""BPKAD""#,
    ]);
    assert!(svg.contains(r#"class="shares""#));
}

#[test]
fn a_day_of_conflict_is_a_conflict() {
    // Two provincial circulars signed the same day that contradict each other: an antinomy.
    let text = r#"
circular "A/2024" {
  issuer "Gubernur Banten" level provincial
  signed 2024-03-01
  valid  2024-03-04 to 2024-03-08
  scope  "Pemprov Banten"
  rule all_in: all => wfo 100%
}
circular "B/2024" {
  issuer "Gubernur Banten" level provincial
  signed 2024-03-01
  valid  2024-03-06 to 2024-03-08
  scope  "Pemprov Banten"
  rule all_out: all => wfo 0%
}
"#;
    let ws = edaran::check::load_for_questions(vec![Source {
        name: "conflict.se".into(),
        text: text.into(),
    }]);
    let engine = Engine::new(&ws);
    let period = Period::new(&engine, None, None).unwrap();
    let s = subject(r#""BPKAD" gov "Pemprov Banten""#);
    let t = Timeline::new(&engine, &Calendar::national(), period, Some(&s)).unwrap();
    let shares = t.shares.unwrap();
    assert_eq!(shares.len(), 2, "{shares:?}");
    assert_eq!(shares[0].share, wfo(Status::Ruled, 100, 100));
    assert_eq!(
        (shares[1].from, shares[1].to, shares[1].share),
        (date("2024-03-06"), date("2024-03-08"), Share::Conflict)
    );
    // Drawn as a red block.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("conflict.se");
    std::fs::write(&input, text).unwrap();
    let (svg, _) = draw(&[
        input.to_str().unwrap(),
        "--subject",
        r#""BPKAD" gov "Pemprov Banten""#,
    ]);
    assert!(svg.contains(r##"fill="#c0392b" fill-opacity="0.35""##));
}
