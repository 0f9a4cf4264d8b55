//! `edaran timeline`: the circulars in force over a period, drawn as an SVG picture.
//!
//! The core computes what to draw ([`edaran::eval::timeline::Timeline`]: the bands of levels,
//! each circular's windows and revocation, the days off, the daily share of a subject); this
//! module reads the command line, lays the picture out (`draw.rs`) and writes it (`svg.rs`)
//! to the file asked for, through a temporary file in the same folder renamed over it, so that
//! a failed run never leaves half a picture. It refuses to write over one of the files it read.

mod draw;
mod svg;

use super::l10n::error;
use super::{OK, USAGE};
use chrono::NaiveDate;
use edaran::calendar::Calendar;
use edaran::eval::Engine;
use edaran::eval::timeline::{Period, Timeline};
use edaran::model::Source;
use edaran::span::FileId;
use edaran::syntax::ast::{QueryKind, Subject};
use std::path::{Path, PathBuf};

/// `edaran timeline`'s arguments (their help: `locales/*/cli.ftl`).
#[derive(clap::Args, Debug)]
#[command(after_help = tr!("help-timeline-after"))]
pub struct Args {
    #[arg(help = tr!("help-paths"))]
    paths: Vec<PathBuf>,
    #[arg(long, value_name = "DATE", value_parser = parse_date, help = tr!("help-timeline-from"))]
    from: Option<NaiveDate>,
    #[arg(long, value_name = "DATE", value_parser = parse_date, help = tr!("help-timeline-to"))]
    to: Option<NaiveDate>,
    #[arg(long, value_name = "SUBJECT", help = tr!("help-timeline-subject"))]
    subject: Option<String>,
    #[arg(short = 'o', long = "output", value_name = "FILE.svg", required = true,
          help = tr!("help-timeline-output"))]
    output: PathBuf,
    #[arg(long, value_enum, default_value_t = super::Color::Auto,
          help = tr!("help-timeline-color"))]
    color: super::Color,
}

/// A date of the command line, written as the language writes dates.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err(tr!("date-shape"));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| tr!("date-not-a-day", text = text))
}

/// Runs `edaran timeline`.
pub fn run(args: Args) -> i32 {
    let color = args.color.enabled();
    if let Err(message) = check_output(&args.output) {
        eprintln!("{}", error(message));
        return USAGE;
    }
    let ws = match super::query::load_workspace(&args.paths, color, super::Format::Human) {
        Ok(ws) => ws,
        Err(status) => return status,
    };
    if let Some(source) = ws.sources.iter().find(|s| same_file(&args.output, &s.name)) {
        let output = args.output.display().to_string();
        let message = tr!(
            "timeline-output-is-read",
            output = output,
            source = source.name
        );
        eprintln!("{}", error(message));
        return USAGE;
    }
    let engine = Engine::new(&ws);
    let period = match Period::new(&engine, args.from, args.to) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", error(e));
            return USAGE;
        }
    };
    if let Some(asked) = period.cut_from {
        let (from, to, asked) = (
            period.from.to_string(),
            period.to.to_string(),
            asked.to_string(),
        );
        eprintln!(
            "{}",
            tr!("timeline-cut", from = from, to = to, asked = asked)
        );
    }
    let subject = match &args.subject {
        Some(text) => match parse_subject(text, period, color) {
            Ok(s) => Some((text.trim(), s)),
            Err(message) => {
                eprint!("{message}");
                return USAGE;
            }
        },
        None => None,
    };
    let calendar: &Calendar = &engine.ws.calendar;
    let timeline = match Timeline::new(&engine, calendar, period, subject.as_ref().map(|s| &s.1)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{}", error(format!("--subject: {e}")));
            return USAGE;
        }
    };
    let picture = draw::picture(&engine, &timeline, subject.map(|s| s.0));
    let output = args.output.display().to_string();
    if let Err(e) = write_atomically(&args.output, &picture) {
        let message = tr!("cannot-write", name = output, reason = e.to_string());
        eprintln!("{}", error(message));
        return USAGE;
    }
    let bars: usize = timeline.bands.iter().map(|b| b.bars.len()).sum();
    let (from, to) = (period.from.to_string(), period.to.to_string());
    println!(
        "{}",
        tr!(
            "timeline-wrote",
            output = output,
            circulars = bars,
            from = from,
            to = to
        )
    );
    OK
}

/// Refuses an output the picture must not go to: a `.se` name (the next run would read it as a
/// circular) or a directory.
fn check_output(output: &Path) -> Result<(), String> {
    let name = output.display().to_string();
    if output.extension().is_some_and(|e| e == "se") {
        return Err(tr!("timeline-output-se", output = name));
    }
    if output.is_dir() || output.file_name().is_none() {
        return Err(tr!("timeline-output-dir", output = name));
    }
    Ok(())
}

/// Whether `output` names the file read as `source`.
fn same_file(output: &Path, source: &str) -> bool {
    match (output.canonicalize(), Path::new(source).canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Reads `--subject` as the subject of `wfo SUBJECT from FROM to TO`; the error is the rendered
/// diagnostics with a line saying what a subject is.
fn parse_subject(text: &str, period: Period, color: bool) -> Result<Subject, String> {
    // A subject with a date of its own would be read as a question with two dates.
    if let (Some(query), _) = edaran::syntax::parse_query(FileId(0), &format!("wfo {text}")) {
        if let QueryKind::Wfo(Subject { time: Some(_), .. }) = query.kind {
            return Err(error(tr!("timeline-subject-date")) + "\n");
        }
    }
    let question = format!("wfo {} from {} to {}", text.trim(), period.from, period.to);
    let (query, diagnostics) = edaran::syntax::parse_query(FileId(0), &question);
    match query.map(|q| q.kind) {
        Some(QueryKind::Wfo(subject)) => Ok(subject),
        _ => {
            let source = [Source {
                name: "--subject".into(),
                text: question.clone(),
            }];
            let renderer = super::renderer(&source, color);
            let mut out: String = diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| renderer.render(d))
                .collect();
            out.push_str(&error(tr!("timeline-subject-bad")));
            out.push('\n');
            Err(out)
        }
    }
}

/// Writes `text` to `path` through a temporary file beside it, renamed over it once written: a
/// reader of `path` sees the old picture or the new one, never half of one.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "timeline".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&temp).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    let renamed = written.and_then(|()| std::fs::rename(&temp, path));
    if renamed.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    renamed
}
