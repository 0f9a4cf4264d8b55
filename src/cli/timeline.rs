//! `edaran timeline`: the circulars in force over a period, drawn as an SVG picture.
//!
//! The core computes what to draw ([`edaran::eval::timeline::Timeline`]: the bands of levels,
//! each circular's windows and revocation, the days off, the daily share of a subject); this
//! module reads the command line, lays the picture out (`draw.rs`) and writes it (`svg.rs`)
//! to the file asked for, through a temporary file in the same folder renamed over it, so that
//! a failed run never leaves half a picture. It refuses to write over one of the files it read.

mod draw;
mod svg;

use super::{OK, USAGE};
use chrono::NaiveDate;
use edaran::calendar::Calendar;
use edaran::eval::Engine;
use edaran::eval::timeline::{Period, Timeline};
use edaran::model::Source;
use edaran::render::Renderer;
use edaran::span::FileId;
use edaran::syntax::ast::{QueryKind, Subject};
use std::path::{Path, PathBuf};

/// `edaran timeline`'s arguments.
#[derive(clap::Args, Debug)]
#[command(after_help = HELP)]
pub struct Args {
    /// Files and directories (searched recursively for `*.se`); default: the current directory
    paths: Vec<PathBuf>,
    /// The first day drawn (YYYY-MM-DD); default: the first day any circular is valid
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    from: Option<NaiveDate>,
    /// The last day drawn (YYYY-MM-DD); default: the last day any circular is in force (a year
    /// after the latest start when a validity has no end)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    to: Option<NaiveDate>,
    /// Also draw the share of work from the office of this subject, day by day: a subject as
    /// in `wfo SUBJECT on DATE`, without the date, e.g. '"BPKAD" gov "Pemprov Banten"'
    #[arg(long, value_name = "SUBJECT")]
    subject: Option<String>,
    /// The SVG file to write
    #[arg(short = 'o', long = "output", value_name = "FILE.svg", required = true)]
    output: PathBuf,
    /// When to use colour in messages
    #[arg(long, value_enum, default_value_t = super::Color::Auto)]
    color: super::Color,
}

const HELP: &str = r#"The picture has three bands, national above provincial above local: each circular is a bar
over the days it is in force (several bars for a validity of several windows, a darker strip
where a rule has a `during` window), ended where a circular that revokes it takes effect (a red
mark with the revoking circular's number). Holidays of the national calendar are shaded, and
weekends lightly. With --subject, a chart beneath shows that subject's share of work from the
office each working day (a band between the lowest and highest share when the answer is a
range); weekends and holidays are left blank. The period is at most five years.

Examples:
  edaran timeline examples/ -o timeline.svg
  edaran timeline examples/ --from 2023-08-01 --to 2023-10-31 \
      --subject '"BPKAD" gov "Pemprov Banten" function admin' -o banten.svg

Exit status: 0 written; 2 bad arguments, unreadable files, files with errors, a subject that
cannot be read, or the file cannot be written. The full reference: docs/language.md"#;

/// A date of the command line, written as the language writes dates.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err("write a date as YYYY-MM-DD, for example 2023-09-01".into());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{text} is not a day of the calendar"))
}

/// Runs `edaran timeline`.
pub fn run(args: Args) -> i32 {
    let color = args.color.enabled();
    if let Err(message) = check_output(&args.output) {
        eprintln!("error: {message}");
        return USAGE;
    }
    let ws = match super::query::load_workspace(&args.paths, color, super::Format::Human) {
        Ok(ws) => ws,
        Err(status) => return status,
    };
    if let Some(source) = ws.sources.iter().find(|s| same_file(&args.output, &s.name)) {
        eprintln!(
            "error: `{}` is one of the files read (`{}`): name another file for the picture",
            args.output.display(),
            source.name
        );
        return USAGE;
    }
    let engine = Engine::new(&ws);
    let period = match Period::new(&engine, args.from, args.to) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return USAGE;
        }
    };
    if let Some(asked) = period.cut_from {
        eprintln!(
            "note: a timeline is at most five years: drawn from {} to {} (not to {asked}); give \
             --from and --to to draw another part",
            period.from, period.to
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
            eprintln!("error: --subject: {e}");
            return USAGE;
        }
    };
    let picture = draw::picture(&engine, &timeline, subject.map(|s| s.0));
    if let Err(e) = write_atomically(&args.output, &picture) {
        eprintln!("error: cannot write `{}`: {e}", args.output.display());
        return USAGE;
    }
    let bars: usize = timeline.bands.iter().map(|b| b.bars.len()).sum();
    println!(
        "wrote {}: {bars} circular{} in force from {} to {}",
        args.output.display(),
        if bars == 1 { "" } else { "s" },
        period.from,
        period.to
    );
    OK
}

/// Refuses an output the picture must not go to: a `.se` name (the next run would read it as a
/// circular) or a directory.
fn check_output(output: &Path) -> Result<(), String> {
    if output.extension().is_some_and(|e| e == "se") {
        return Err(format!(
            "`{}` is a name for circulars: the picture is SVG, name it FILE.svg",
            output.display()
        ));
    }
    if output.is_dir() || output.file_name().is_none() {
        return Err(format!(
            "`{}` is a directory: give the name of the SVG file to write",
            output.display()
        ));
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
            return Err(
                "error: --subject takes no date: the period drawn is --from and --to\n".into(),
            );
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
            let renderer = Renderer::new(&source, color);
            let mut out: String = diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| renderer.render(d))
                .collect();
            out.push_str(
                "error: --subject cannot be read: write a subject as in `wfo SUBJECT on DATE`, \
                 without the date: a unit in quotes, then any of function, domicile, office and \
                 gov (for example --subject '\"BPKAD\" gov \"Pemprov Banten\"')\n",
            );
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
