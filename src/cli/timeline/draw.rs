//! The layout of the timeline picture: a title, a legend, a date axis with month ticks, the
//! three bands of levels (one row per circular, its number on the left), and with a subject
//! its daily share of work from the office beneath. Every size is in pixels; text widths are
//! estimated from the number of characters (the picture carries no font of its own).

use super::svg::{Attr, Svg, num};
use chrono::{Datelike, Months, NaiveDate};
use edaran::eval::timeline::{Bar, Share, ShareRun, Timeline};
use edaran::eval::{Engine, Status};
use edaran::syntax::ast::{Level, Pct};

const WIDTH: f64 = 1280.0;
const MARGIN: f64 = 16.0;
const FONT: f64 = 12.0;
const SMALL: f64 = 10.0;
/// The width of a character of sans-serif text, as a share of the font size (generous, so
/// that text estimated to fit does fit).
const CHAR: f64 = 0.62;
const ROW: f64 = 22.0;
const BAR: f64 = 14.0;
const BAND_HEAD: f64 = 22.0;
const CHART: f64 = 150.0;
const AXIS: f64 = 22.0;

const RED: &str = "#c0392b";
const GRID: &str = "#d0d0d0";
const HOLIDAY: &str = "#f7c6c6";
const WEEKEND: &str = "#efefef";

/// The colour of a level's bars.
fn level_colour(level: Level) -> &'static str {
    match level {
        Level::National => "#2b6cb0",
        Level::Provincial => "#2f855a",
        Level::Local => "#c05621",
    }
}

/// The colour and dash pattern of a share's line, by how it is reached.
fn status_style(status: Option<Status>) -> (&'static str, &'static str) {
    match status {
        Some(Status::Ruled) => ("#2b6cb0", "none"),
        Some(Status::Exempt) => ("#2f855a", "6 3"),
        Some(Status::Baseline) => ("#718096", "2 3"),
        Some(Status::Conflict) => (RED, "none"),
        Some(Status::DayOff) => ("#a0aec0", "1 3"),
        None => ("#805ad5", "none"),
    }
}

/// The estimated width of `text` at `size`.
fn width_of(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * CHAR
}

/// `text` cut to `chars` characters, with an ellipsis when cut.
fn truncate(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(chars.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// "2024-04-08 to 2024-04-09", or one date for one day.
fn days(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        from.to_string()
    } else {
        tr!("range", from = from.to_string(), to = to.to_string())
    }
}

/// The horizontal scale: days of the period to pixels.
struct Scale {
    from: NaiveDate,
    x0: f64,
    per_day: f64,
}

impl Scale {
    /// The left edge of a day.
    fn x(&self, date: NaiveDate) -> f64 {
        self.x0 + (date - self.from).num_days() as f64 * self.per_day
    }

    /// The left edge of `from` and the right edge of `to`.
    fn span(&self, from: NaiveDate, to: NaiveDate) -> (f64, f64) {
        (self.x(from), self.x(to) + self.per_day)
    }
}

fn attrs<const N: usize>(pairs: [(&'static str, String); N]) -> [Attr<'static>; N] {
    pairs
}

fn rect(svg: &mut Svg, x: f64, y: f64, w: f64, h: f64, fill: &str, extra: &[Attr<'_>]) {
    let mut a: Vec<Attr<'_>> = vec![
        ("x", num(x)),
        ("y", num(y)),
        ("width", num(w.max(0.5))),
        ("height", num(h)),
        ("fill", fill.to_string()),
    ];
    a.extend_from_slice(extra);
    svg.empty("rect", &a);
}

fn line(
    svg: &mut Svg,
    (x1, y1): (f64, f64),
    (x2, y2): (f64, f64),
    stroke: &str,
    extra: &[Attr<'_>],
) {
    let mut a: Vec<Attr<'_>> = vec![
        ("x1", num(x1)),
        ("y1", num(y1)),
        ("x2", num(x2)),
        ("y2", num(y2)),
        ("stroke", stroke.to_string()),
    ];
    a.extend_from_slice(extra);
    svg.empty("line", &a);
}

fn text(svg: &mut Svg, x: f64, y: f64, size: f64, anchor: &str, content: &str, extra: &[Attr<'_>]) {
    let mut a: Vec<Attr<'_>> = vec![
        ("x", num(x)),
        ("y", num(y)),
        ("font-size", num(size)),
        ("text-anchor", anchor.to_string()),
    ];
    a.extend_from_slice(extra);
    svg.text("text", &a, content);
}

/// The picture of a timeline; `subject` is the subject as the user wrote it, when its shares
/// are drawn.
pub fn picture(engine: &Engine<'_>, timeline: &Timeline, subject: Option<&str>) -> String {
    let longest = timeline
        .bands
        .iter()
        .flat_map(|b| &b.bars)
        .map(|b| b.id.chars().count())
        .max()
        .unwrap_or(0);
    let gutter = (longest as f64 * FONT * CHAR + 24.0).clamp(150.0, 340.0);
    let label_chars = ((gutter - 24.0) / (FONT * CHAR)) as usize;
    let (x0, x1) = (MARGIN + gutter, WIDTH - MARGIN);
    let period = timeline.period;
    let scale = Scale {
        from: period.from,
        x0,
        per_day: (x1 - x0) / period.days().max(1) as f64,
    };
    let top = 96.0;
    let rows: f64 = timeline
        .bands
        .iter()
        .map(|b| BAND_HEAD + ROW * b.bars.len().max(1) as f64)
        .sum();
    let chart = if timeline.shares.is_some() {
        CHART + 36.0
    } else {
        0.0
    };
    let plot_top = top + AXIS;
    let plot_bottom = plot_top + rows + chart;
    let height = plot_bottom + AXIS + MARGIN;

    let mut svg = Svg::new(WIDTH, height);
    svg.open(
        "g",
        &attrs([
            (
                "font-family",
                "DejaVu Sans, Verdana, Arial, sans-serif".into(),
            ),
            ("fill", "#1a202c".into()),
        ]),
    );
    rect(&mut svg, 0.0, 0.0, WIDTH, height, "#ffffff", &[]);
    let (from, to) = (period.from.to_string(), period.to.to_string());
    let title = tr!("timeline-title", from = from, to = to);
    text(
        &mut svg,
        MARGIN,
        28.0,
        16.0,
        "start",
        &title,
        &[("font-weight", "bold".into())],
    );
    if let Some(s) = subject {
        let line = tr!("timeline-share-of", subject = s);
        text(
            &mut svg,
            MARGIN,
            48.0,
            FONT,
            "start",
            &truncate(&line, 170),
            &[],
        );
    }
    legend(&mut svg, 72.0, subject.is_some());
    days_off(&mut svg, timeline, &scale, plot_top, plot_bottom);
    axis(
        &mut svg,
        &scale,
        period.from,
        period.to,
        plot_top,
        plot_bottom,
    );
    let mut y = plot_top;
    for band in &timeline.bands {
        y = draw_band(&mut svg, engine, band, &scale, y, label_chars);
    }
    if let Some(runs) = &timeline.shares {
        line(&mut svg, (MARGIN, y), (WIDTH - MARGIN, y), "#a0aec0", &[]);
        chart_of(&mut svg, runs, &scale, y + 32.0);
    }
    svg.finish()
}

/// The legend: one swatch and word per kind of mark (the levels by their keywords, the others
/// by the keys of the message `timeline-legend`).
fn legend(svg: &mut Svg, y: f64, shares: bool) {
    let word = |key: &str| tr!("timeline-legend", item = key);
    let mut items: Vec<(String, &str, &str)> = vec![
        ("national".into(), level_colour(Level::National), "bar"),
        ("provincial".into(), level_colour(Level::Provincial), "bar"),
        ("local".into(), level_colour(Level::Local), "bar"),
        (word("during"), "#1a202c", "strip"),
        (word("revoked"), RED, "mark"),
        (word("holiday"), HOLIDAY, "bar"),
        (word("weekend"), WEEKEND, "bar"),
    ];
    if shares {
        for (key, status) in [
            ("ruled", Some(Status::Ruled)),
            ("exempt", Some(Status::Exempt)),
            ("baseline", Some(Status::Baseline)),
            ("differ", None),
        ] {
            items.push((word(key), status_style(status).0, status_style(status).1));
        }
        items.push((word("conflict"), RED, "bar"));
    }
    svg.open("g", &attrs([("class", "legend".into())]));
    let mut x = MARGIN;
    for (name, colour, kind) in items {
        match kind {
            "bar" => rect(
                svg,
                x,
                y - 9.0,
                16.0,
                10.0,
                colour,
                &[("stroke", GRID.into())],
            ),
            "strip" => rect(
                svg,
                x,
                y - 2.0,
                16.0,
                3.0,
                colour,
                &[("fill-opacity", "0.5".into())],
            ),
            "mark" => text(
                svg,
                x + 8.0,
                y,
                FONT,
                "middle",
                "×",
                &[("fill", RED.into())],
            ),
            dash => line(
                svg,
                (x, y - 4.0),
                (x + 16.0, y - 4.0),
                colour,
                &[
                    ("stroke-width", "2.5".into()),
                    ("stroke-dasharray", dash.into()),
                ],
            ),
        }
        text(svg, x + 22.0, y, SMALL, "start", &name, &[]);
        x += 22.0 + width_of(&name, SMALL) + 18.0;
    }
    svg.close();
}

/// The holidays (with their names as tooltips) and, when a day is wide enough to see, the
/// weekends, shaded over the whole height of the plot.
fn days_off(svg: &mut Svg, timeline: &Timeline, scale: &Scale, top: f64, bottom: f64) {
    svg.open("g", &attrs([("class", "days-off".into())]));
    if scale.per_day >= 2.0 {
        for &(a, b) in &timeline.weekends {
            let (xa, xb) = scale.span(a, b);
            rect(svg, xa, top, xb - xa, bottom - top, WEEKEND, &[]);
        }
    }
    let (first, last) = (timeline.period.from, timeline.period.to);
    for h in &timeline.holidays {
        let (xa, xb) = scale.span(h.from.max(first), h.to.min(last));
        svg.open("g", &[]);
        let title = format!("{}: {} ({})", days(h.from, h.to), h.name, h.kind);
        svg.text("title", &[], &title);
        rect(
            svg,
            xa,
            top,
            xb - xa,
            bottom - top,
            HOLIDAY,
            &[("fill-opacity", "0.8".into())],
        );
        svg.close();
    }
    svg.close();
}

/// The date axis, above and below the plot: a tick each month (each Monday for a short
/// period), labels spaced so that they do not touch, and light grid lines at the labels.
fn axis(svg: &mut Svg, scale: &Scale, from: NaiveDate, to: NaiveDate, top: f64, bottom: f64) {
    svg.open("g", &attrs([("class", "axis".into())]));
    let mut ticks: Vec<(NaiveDate, Option<String>)> = Vec::new();
    if scale.per_day * 7.0 >= 44.0 {
        // Weeks: a tick each Monday, labelled with its day and month.
        for d in from.iter_days().take_while(|&d| d <= to) {
            if d.weekday() == chrono::Weekday::Mon || d == from {
                let month = tr!("month-short", month = d.month());
                ticks.push((d, Some(format!("{} {month}", d.day()))));
            }
        }
    } else {
        let month_px = scale.per_day * 30.44;
        let step = [1u32, 2, 3, 6, 12]
            .into_iter()
            .find(|&s| f64::from(s) * month_px >= 60.0)
            .unwrap_or(12);
        let mut m = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
        while m <= to {
            if m >= from {
                let label = (m.month0() % step == 0).then(|| match step {
                    12 => m.format("%Y").to_string(),
                    _ => format!("{} {}", tr!("month-short", month = m.month()), m.year()),
                });
                ticks.push((m, label));
            }
            let Some(next) = m.checked_add_months(Months::new(1)) else {
                break;
            };
            m = next;
        }
    }
    line(
        svg,
        (scale.x0, top),
        (scale.x(to) + scale.per_day, top),
        "#4a5568",
        &[],
    );
    line(
        svg,
        (scale.x0, bottom),
        (scale.x(to) + scale.per_day, bottom),
        "#4a5568",
        &[],
    );
    for (date, label) in ticks {
        let x = scale.x(date);
        let long = label.is_some();
        line(
            svg,
            (x, top - if long { 6.0 } else { 3.0 }),
            (x, top),
            "#4a5568",
            &[],
        );
        line(
            svg,
            (x, bottom),
            (x, bottom + if long { 6.0 } else { 3.0 }),
            "#4a5568",
            &[],
        );
        if let Some(label) = label {
            line(
                svg,
                (x, top),
                (x, bottom),
                GRID,
                &[("stroke-dasharray", "2 3".into())],
            );
            text(svg, x + 2.0, top - 8.0, SMALL, "start", &label, &[]);
            text(svg, x + 2.0, bottom + 17.0, SMALL, "start", &label, &[]);
        }
    }
    svg.close();
}

/// One band: its level's name, then a row per circular; returns the y below it.
fn draw_band(
    svg: &mut Svg,
    engine: &Engine<'_>,
    band: &edaran::eval::timeline::Band,
    scale: &Scale,
    y: f64,
    label_chars: usize,
) -> f64 {
    svg.open(
        "g",
        &attrs([("class", format!("band {}", band.level.as_str()))]),
    );
    line(svg, (MARGIN, y), (WIDTH - MARGIN, y), "#a0aec0", &[]);
    text(
        svg,
        MARGIN,
        y + 16.0,
        FONT,
        "start",
        band.level.as_str(),
        &[("font-weight", "bold".into())],
    );
    let mut row = y + BAND_HEAD;
    if band.bars.is_empty() {
        text(
            svg,
            scale.x0 + 4.0,
            row + 15.0,
            SMALL,
            "start",
            &tr!("timeline-none-in-force"),
            &[("fill", "#718096".into()), ("font-style", "italic".into())],
        );
        row += ROW;
    }
    for bar in &band.bars {
        draw_bar(svg, engine, bar, band.level, scale, row, label_chars);
        row += ROW;
    }
    svg.close();
    row
}

/// One circular's row: its number on the left, its windows, its `during` strips, arrows where
/// it goes on past the period, and its revocation.
fn draw_bar(
    svg: &mut Svg,
    engine: &Engine<'_>,
    bar: &Bar,
    level: Level,
    scale: &Scale,
    row: f64,
    label_chars: usize,
) {
    let colour = level_colour(level);
    let c = engine.circular(bar.circular);
    svg.open("g", &attrs([("class", "circular".into())]));
    let valid = match c.valid_to {
        _ if c.windows.len() > 1 => {
            let windows: Vec<String> = c.windows.iter().map(|&(a, b)| days(a, b)).collect();
            tr!("timeline-valid", days = windows.join(", "))
        }
        Some(to) => tr!("timeline-valid", days = days(c.valid_from, to)),
        None => tr!("timeline-valid-from", from = c.valid_from.to_string()),
    };
    svg.text(
        "title",
        &[],
        &format!("{} ({}, {valid})", bar.id, level.as_str()),
    );
    text(
        svg,
        scale.x0 - 8.0,
        row + 15.0,
        FONT,
        "end",
        &truncate(&bar.id, label_chars),
        &[],
    );
    let top = row + (ROW - BAR) / 2.0;
    for &(a, b) in &bar.windows {
        let (xa, xb) = scale.span(a, b);
        rect(
            svg,
            xa,
            top,
            xb - xa,
            BAR,
            colour,
            &[("fill-opacity", "0.85".into()), ("rx", "2".into())],
        );
    }
    for &(a, b) in &bar.during {
        let (xa, xb) = scale.span(a, b);
        rect(
            svg,
            xa,
            top + BAR - 4.0,
            xb - xa,
            4.0,
            "#1a202c",
            &[("fill-opacity", "0.5".into())],
        );
    }
    let mid = top + BAR / 2.0;
    if bar.before {
        let x = scale.x0;
        arrow(svg, x, mid, -1.0, colour);
    }
    if bar.after && bar.revoked.is_none() {
        let x = bar
            .windows
            .last()
            .map_or(scale.x0, |w| scale.span(w.0, w.1).1);
        arrow(svg, x, mid, 1.0, colour);
    }
    if let Some(r) = &bar.revoked {
        let x = scale.x(r.on);
        line(
            svg,
            (x, row + 2.0),
            (x, row + ROW - 2.0),
            RED,
            &[("stroke-width", "2".into())],
        );
        text(
            svg,
            x + 7.0,
            mid + 4.5,
            14.0,
            "middle",
            "×",
            &[("fill", RED.into()), ("font-weight", "bold".into())],
        );
        let words = tr!("timeline-revoked-by", by = r.by_id);
        let fits = x + 16.0 + width_of(&words, SMALL) <= WIDTH - MARGIN;
        let (tx, anchor) = if fits {
            (x + 16.0, "start")
        } else {
            (x - 6.0, "end")
        };
        text(
            svg,
            tx,
            mid + 3.5,
            SMALL,
            anchor,
            &words,
            &[("fill", RED.into())],
        );
    }
    svg.close();
}

/// A small triangle pointing left (`dir` -1) or right (1) at `x`: the validity goes on.
fn arrow(svg: &mut Svg, x: f64, y: f64, dir: f64, colour: &str) {
    let tip = x + dir * 7.0;
    let points = format!(
        "{},{} {},{} {},{}",
        num(x),
        num(y - 5.0),
        num(tip),
        num(y),
        num(x),
        num(y + 5.0)
    );
    svg.empty(
        "polygon",
        &attrs([("points", points), ("fill", colour.into())]),
    );
}

/// The daily share of the subject: a step line from 0% to 100%, a band where the share is a
/// range, a red block on a day of conflict, nothing on days off.
fn chart_of(svg: &mut Svg, runs: &[ShareRun], scale: &Scale, top: f64) {
    let y_of = |p: Pct| top + CHART * (1.0 - f64::from(p.0) / 10000.0);
    let right = WIDTH - MARGIN;
    svg.open("g", &attrs([("class", "shares".into())]));
    text(
        svg,
        MARGIN,
        top - 12.0,
        FONT,
        "start",
        &tr!("timeline-wfo-share"),
        &[("font-weight", "bold".into())],
    );
    for pct in [0u16, 25, 50, 75, 100] {
        let y = y_of(Pct(pct * 100));
        line(svg, (scale.x0, y), (right, y), GRID, &[]);
        text(
            svg,
            scale.x0 - 6.0,
            y + 3.5,
            SMALL,
            "end",
            &format!("{pct}%"),
            &[],
        );
    }
    let mut last: Option<(NaiveDate, f64, f64)> = None;
    for run in runs {
        let (xa, xb) = scale.span(run.from, run.to);
        match run.share {
            Share::DayOff => {
                last = None;
                continue;
            }
            Share::Conflict => {
                rect(
                    svg,
                    xa,
                    top,
                    xb - xa,
                    CHART,
                    RED,
                    &[("fill-opacity", "0.35".into())],
                );
                last = None;
                continue;
            }
            Share::Wfo { status, min, max } => {
                let (colour, dash) = status_style(status);
                let (ylo, yhi) = (y_of(min), y_of(max));
                let stroke = [
                    ("stroke-width", "2.5".into()),
                    ("stroke-dasharray", dash.into()),
                ];
                if min != max {
                    rect(
                        svg,
                        xa,
                        yhi,
                        xb - xa,
                        ylo - yhi,
                        colour,
                        &[("fill-opacity", "0.2".into())],
                    );
                    line(svg, (xa, yhi), (xb, yhi), colour, &stroke);
                }
                line(svg, (xa, ylo), (xb, ylo), colour, &stroke);
                // The step from the day before, when it was a share too.
                if let Some((to, prev_lo, prev_hi)) = last {
                    if to.succ_opt() == Some(run.from) {
                        let thin = [("stroke-width", "1.5".into())];
                        line(svg, (xa, prev_lo), (xa, ylo), colour, &thin);
                        if prev_hi != yhi {
                            line(svg, (xa, prev_hi), (xa, yhi), colour, &thin);
                        }
                    }
                }
                last = Some((run.to, ylo, yhi));
            }
        }
    }
    svg.close();
}
