//! The canonical layout of `.se` files (`edaran fmt`), documented in `docs/formatting.md`.
//!
//! The formatter prints the syntax tree, and puts back every comment the tree keeps
//! ([`ast::File::comments`]) next to the node it annotates: a comment on its own line goes before
//! the next node, a comment after a node on the same line stays at the end of that line, and a
//! comment inside a node goes on its own line before it. Literals (strings, dates) are printed as
//! written, so escapes survive. Nothing that carries meaning is dropped: a test checks that a file
//! and its formatted text give the same diagnostics and the same answers.
//!
//! A file with syntax errors is not formatted: [`format`] returns its diagnostics instead.

use crate::diagnostic::{Code, Diagnostic};
use crate::span::{FileId, Span, Spanned};
use crate::syntax::ast::*;
use std::fmt::Write as _;

/// The width lines are kept within where possible.
pub const WIDTH: usize = 100;
/// Indentation of one level.
const INDENT: &str = "  ";
/// Rules whose `rule NAME: SELECTOR` part is longer than this are not aligned with the others.
const ALIGN_LIMIT: usize = 56;

/// Formats one file. `Err` holds the syntax errors that prevent it.
pub fn format(text: &str) -> Result<String, Vec<Diagnostic>> {
    let (file, diagnostics) = crate::syntax::parse_file(FileId(0), text);
    let syntax: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| d.code == Code::Syntax)
        .collect();
    if !syntax.is_empty() {
        return Err(syntax);
    }
    let mut printer = Printer {
        text,
        comments: file.comments.clone(),
        next_comment: 0,
        out: String::new(),
        last_end: 0,
        block_start: 0,
    };
    printer.file(&file);
    Ok(printer.out)
}

struct Printer<'a> {
    text: &'a str,
    comments: Vec<Spanned<String>>,
    next_comment: usize,
    out: String,
    /// Where the last printed thing ended in the source.
    last_end: usize,
    /// The length of the output just after the last block's opening line: no blank line there.
    block_start: usize,
}

/// One line (or several, when wrapped) of a block, with what the layout needs to know.
struct Line {
    span: Span,
    /// The text before alignment: for rules and sets, the part before `=>` or `=`.
    head: String,
    /// The rest (after the aligned column), empty when not aligned.
    tail: String,
    kind: LineKind,
    blank_before: bool,
    /// The pieces the text is laid out from: for header clauses with a list value, its items (so
    /// the list can wrap under its column); for sets, the members; for rules, the arrangement and
    /// then the modifiers (laid out again when alignment pads the head).
    items: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LineKind {
    /// A header clause: `head` is the keyword, `tail` its value.
    Header,
    /// A set definition: `head` is `sector NAME`, `tail` is `= [...]`.
    Set,
    /// A rule: `head` is `rule NAME: SELECTOR`, `tail` is `=> ARRANGEMENT MODIFIERS`.
    Rule,
    /// Anything else: `head` is the whole text.
    Plain,
}

impl<'a> Printer<'a> {
    fn src(&self, span: Span) -> &'a str {
        span.text(self.text)
    }

    /// True when the source between the last printed thing and `start` has a blank line.
    fn blank_line_before(&self, start: usize) -> bool {
        blank_line_in(self.text.get(self.last_end..start).unwrap_or(""))
    }

    /// Prints the comments that start before `before`, each on its own line, at `indent`. A blank
    /// line between them, or between the last of them and `node` (where the next node starts),
    /// is kept when `keep_blank`. Comments from `node` on are inside the node: no blank line
    /// among them.
    fn leading(&mut self, before: usize, node: usize, indent: &str, keep_blank: bool) {
        let mut printed = false;
        let mut inside = false;
        while let Some(c) = self.comments.get(self.next_comment) {
            if c.span.start() >= before {
                break;
            }
            let c = c.clone();
            if c.span.start() >= node {
                // A comment inside the node (between its words): the blank lines of a clause are
                // not blank lines between clauses, only the one before the node counts.
                if !inside && printed && self.blank_line_before(node) {
                    self.blank();
                }
                inside = true;
            } else if (keep_blank || printed)
                && self.blank_line_before(c.span.start())
                && self.out.len() != self.block_start
            {
                self.blank();
            }
            self.comment_lines(&c.node, indent);
            self.last_end = self.last_end.max(c.span.end());
            self.next_comment += 1;
            printed = true;
        }
        if printed && !inside && node > self.last_end && self.blank_line_before(node) {
            self.blank();
        }
    }

    /// The comments on the same line as `end`, after it, appended to the current line.
    fn trailing(&mut self, end: usize) -> String {
        let line_end = self.text[end..]
            .find('\n')
            .map_or(self.text.len(), |i| end + i);
        let mut tail = String::new();
        while let Some(c) = self.comments.get(self.next_comment) {
            if c.span.start() < end || c.span.start() >= line_end {
                break;
            }
            let _ = write!(tail, " {}", c.node.trim_end());
            self.last_end = self.last_end.max(c.span.end());
            self.next_comment += 1;
        }
        tail
    }

    /// Where the comments on the same line as `end`, after it, end (`end` when there are none).
    /// Only the comments from index `from` on are looked at.
    fn trailing_end(&self, from: usize, end: usize) -> usize {
        let line_end = self.text[end..]
            .find('\n')
            .map_or(self.text.len(), |i| end + i);
        self.comments[from.min(self.comments.len())..]
            .iter()
            .take_while(|c| c.span.start() < line_end)
            .filter(|c| c.span.start() >= end)
            .map(|c| c.span.end())
            .fold(end, usize::max)
    }

    fn comment_lines(&mut self, comment: &str, indent: &str) {
        let mut lines = comment.trim_end().lines();
        if let Some(first) = lines.next() {
            let _ = writeln!(self.out, "{indent}{}", first.trim_end());
        }
        // Block comments keep their inner lines as written.
        for line in lines {
            let _ = writeln!(self.out, "{}", line.trim_end());
        }
    }

    fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn file(&mut self, file: &File) {
        let mut k = 0;
        while k < file.items.len() {
            if k > 0 {
                self.blank();
            }
            match &file.items[k] {
                Item::Circular(c) => {
                    self.circular(c);
                    k += 1;
                }
                Item::Test(t) => {
                    self.test(t);
                    k += 1;
                }
                Item::Set(_) | Item::Baseline(_) => {
                    // A run of one-line items: printed like the lines of a block, aligned.
                    let mut lines = Vec::new();
                    while let Some(item @ (Item::Set(_) | Item::Baseline(_))) = file.items.get(k) {
                        lines.push(match item {
                            Item::Set(def) => self.set_line(def, 0),
                            Item::Baseline(b) => Line {
                                span: b.span,
                                head: format!("baseline wfo {}", pct_text(self, &b.node)),
                                tail: String::new(),
                                kind: LineKind::Plain,
                                blank_before: false,
                                items: Vec::new(),
                            },
                            _ => unreachable!("matched above"),
                        });
                        k += 1;
                    }
                    let end = lines.last().map_or(0, |l| l.span.end());
                    self.leading(lines[0].span.start(), lines[0].span.start(), "", true);
                    self.lines(lines, "", end);
                }
            }
        }
        self.leading(usize::MAX, usize::MAX, "", true);
        while self.out.ends_with("\n\n") {
            self.out.pop();
        }
    }

    /// Prints a line with its trailing comments.
    fn end_line(&mut self, text: &str, indent: &str, end: usize) {
        let tail = self.trailing(end);
        let _ = writeln!(self.out, "{indent}{text}{tail}");
        self.last_end = self.last_end.max(end);
    }

    /// The end of a block header: the `{` after `from`.
    /// Only comments and whitespace stand between `from` and the `{`, and a comment may hold a `{`.
    fn brace_after(&self, from: usize) -> usize {
        let rest = skip_trivia(&self.text[from..]);
        if rest.starts_with('{') {
            self.text.len() - rest.len() + 1
        } else {
            from
        }
    }

    fn circular(&mut self, c: &Circular) {
        let id =
            c.id.as_ref()
                .map(|i| format!(" {}", self.src(i.span)))
                .unwrap_or_default();
        let header_end = self.brace_after(c.id.as_ref().map_or(c.keyword.end(), |i| i.span.end()));
        // The comments before the block, and those inside its header, go before it.
        self.leading(header_end, c.span.start(), "", true);
        self.end_line(&format!("circular{id} {{"), "", header_end);
        self.block_start = self.out.len();
        let mut lines = Vec::new();
        for clause in &c.clauses {
            lines.push(self.clause_line(clause));
        }
        self.block(lines, c.span.end());
        self.end_line("}", "", c.span.end());
    }

    /// Prints the lines of a block with their comments, aligned where it helps reading.
    fn block(&mut self, lines: Vec<Line>, end: usize) {
        self.lines(lines, INDENT, end);
    }

    /// Prints lines at `indent`, then the comments before `end`.
    fn lines(&mut self, mut lines: Vec<Line>, indent: &str, end: usize) {
        // Blank lines: kept (one) where the source has them, never first.
        let mut last = self.last_end;
        // The first comment not before `last` (comments are in source order).
        let mut from = self.next_comment;
        for (k, line) in lines.iter_mut().enumerate() {
            while self
                .comments
                .get(from)
                .is_some_and(|c| c.span.start() < last)
            {
                from += 1;
            }
            // Trailing comments of the line before do not count: only comments on lines of
            // their own, which `leading` prints with their own blank lines.
            let text = self.text;
            let first_comment = self.comments[from.min(self.comments.len())..]
                .iter()
                .take_while(|c| c.span.start() < line.span.start())
                .find(|c| {
                    let before = &text[..c.span.start()];
                    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                    before[line_start..].trim().is_empty()
                })
                .map(|c| c.span.start());
            let upto = first_comment.unwrap_or(line.span.start());
            let gap = self.text.get(last..upto).unwrap_or("");
            line.blank_before = k > 0 && blank_line_in(gap);
            // The line breaks inside a block comment at the end of the line are no blank line.
            last = self.trailing_end(from, line.span.end());
        }
        align(&mut lines, indent.len());
        for (k, line) in lines.iter().enumerate() {
            if line.blank_before && k > 0 {
                self.blank();
            }
            // Comments inside the line's span go before it.
            self.leading(line.span.end(), line.span.start(), indent, k > 0);
            let text = if line.tail.is_empty() {
                line.head.clone()
            } else {
                format!("{}{}", line.head, line.tail)
            };
            let tail = self.trailing(line.span.end());
            let text: String = text
                .split('\n')
                .map(str::trim_end)
                .collect::<Vec<_>>()
                .join("\n");
            let mut parts = text.split('\n');
            let first = parts.next().unwrap_or("");
            let rest: Vec<&str> = parts.collect();
            if rest.is_empty() {
                let _ = writeln!(self.out, "{indent}{first}{tail}");
            } else {
                let _ = writeln!(self.out, "{indent}{first}");
                for (i, r) in rest.iter().enumerate() {
                    let t = if i + 1 == rest.len() {
                        tail.as_str()
                    } else {
                        ""
                    };
                    let _ = writeln!(self.out, "{indent}{r}{t}");
                }
            }
            self.last_end = self.last_end.max(line.span.end());
        }
        // Comments before the closing brace, with no blank line after them (`usize::MAX`: no
        // node follows in the block).
        self.leading(end, usize::MAX, indent, true);
    }

    fn clause_line(&self, clause: &Clause) -> Line {
        let header = |keyword: &str, value: String| Line {
            span: clause.span,
            head: keyword.to_string(),
            tail: value,
            kind: LineKind::Header,
            blank_before: false,
            items: Vec::new(),
        };
        let plain = |text: String| Line {
            span: clause.span,
            head: text,
            tail: String::new(),
            kind: LineKind::Plain,
            blank_before: false,
            items: Vec::new(),
        };
        match &clause.node {
            ClauseKind::Title(s) => header("title", self.src(s.span).to_string()),
            ClauseKind::Issuer { name, level } => {
                let mut v = self.src(name.span).to_string();
                if let Some(l) = level {
                    let _ = write!(v, " level {}", self.src(l.span));
                }
                header("issuer", v)
            }
            ClauseKind::Signed { date, by } => {
                let mut v = self.src(date.span).to_string();
                if let Some(b) = by {
                    let _ = write!(v, " by {}", self.src(b.span));
                }
                header("signed", v)
            }
            ClauseKind::Valid(v) => header(
                "valid",
                match v {
                    Validity::From(d) => format!("from {}", self.src(d.span)),
                    Validity::Windows { windows, claim } => {
                        let mut s = self.periods(windows);
                        if let Some(c) = claim {
                            let unit = match c.unit {
                                DurationUnit::Day => "day",
                                DurationUnit::Week => "week",
                                DurationUnit::Month => "month",
                            };
                            let plural = if c.count == 1 { "" } else { "s" };
                            let _ = write!(s, " ({} {unit}{plural})", c.count);
                        }
                        s
                    }
                },
            ),
            ClauseKind::Basis(list) => self.list_header("basis", clause.span, list),
            ClauseKind::Scope(Scope::All) => header("scope", "all".into()),
            ClauseKind::Scope(Scope::Govs(list)) => self.list_header("scope", clause.span, list),
            ClauseKind::Revokes(list) => self.list_header("revokes", clause.span, list),
            ClauseKind::Set(def) => Line {
                span: clause.span,
                ..self.set_line(def, INDENT.len())
            },
            ClauseKind::Exempt(s) => plain(format!("exempt {}", self.selector(s, 0))),
            ClauseKind::Priority { rank, selector } => plain(format!(
                "wfh priority {}: {}",
                rank.node,
                self.selector(selector, 0)
            )),
            ClauseKind::Duty(s) => plain(format!("duty {}", self.src(s.span))),
            ClauseKind::Rule(r) => {
                let selector = match &r.selector {
                    RuleSelector::Otherwise(_) => "otherwise".to_string(),
                    RuleSelector::Selector(s) => self.selector(s, 0),
                };
                let arrangement = format!("=> {}", self.arrangement(&r.arrangement.node));
                let mut parts = vec![arrangement];
                parts.extend(r.modifiers.iter().map(|m| self.modifier(m)));
                let head = format!("rule {}: {selector} ", r.name.node);
                Line {
                    span: clause.span,
                    tail: rule_tail(INDENT.len(), head.len(), &parts),
                    head,
                    kind: LineKind::Rule,
                    blank_before: false,
                    items: parts,
                }
            }
        }
    }

    fn list_header(&self, keyword: &str, span: Span, list: &[Str]) -> Line {
        Line {
            span,
            head: keyword.to_string(),
            tail: self.strings(list),
            kind: LineKind::Header,
            blank_before: false,
            items: list.iter().map(|s| self.src(s.span).to_string()).collect(),
        }
    }

    /// A set definition at `indent` columns.
    fn set_line(&self, def: &SetDef, indent: usize) -> Line {
        let members: Vec<String> = def
            .members
            .iter()
            .map(|m| self.src(m.span).to_string())
            .collect();
        let head = format!("{} {} ", def.kind.as_str(), def.name.node);
        Line {
            span: def.span,
            tail: set_tail(indent, head.len(), &members),
            head,
            kind: LineKind::Set,
            blank_before: false,
            items: members,
        }
    }

    fn strings(&self, list: &[Str]) -> String {
        list.iter()
            .map(|s| self.src(s.span))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn arrangement(&self, a: &Arrangement) -> String {
        let mode = match a.mode {
            Mode::Wfo => "wfo",
            Mode::Wfh => "wfh",
        };
        let p = |x: &PctLit| pct_text(self, x);
        let amount = match &a.amount {
            Amount::Exact(x) => p(x),
            Amount::AtMost(x) => format!("at most {}", p(x)),
            Amount::AtLeast(x) => format!("at least {}", p(x)),
            Amount::Range(x, y) => format!("{}..{}", p(x), p(y)),
        };
        format!("{mode} {amount}")
    }

    fn modifier(&self, m: &Spanned<Modifier>) -> String {
        match &m.node {
            Modifier::Except(s) => format!("except {}", self.selector(s, 0)),
            Modifier::Overrides(names) => format!(
                "overrides {}",
                names
                    .iter()
                    .map(|n| n.node.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Modifier::During(windows) => format!("during {}", self.periods(windows)),
        }
    }

    /// `DATE to DATE, DATE to DATE`, the dates as written.
    fn periods(&self, windows: &[Spanned<Period>]) -> String {
        let shown: Vec<String> = windows
            .iter()
            .map(|w| {
                format!(
                    "{} to {}",
                    self.src(w.node.from.span),
                    self.src(w.node.to.span)
                )
            })
            .collect();
        shown.join(", ")
    }

    /// True when the source wrote parentheses around this span.
    fn parenthesized(&self, span: Span) -> bool {
        let before = self.text[..span.start()].trim_end();
        let after = self.text[span.end()..].trim_start();
        before.ends_with('(') && after.starts_with(')')
    }

    /// Prints a selector; `context` is the binding strength around it (0 none, 1 inside `or`, 2
    /// inside `and`, 3 inside `not`). Parentheses are printed where precedence needs them and
    /// where the source had them.
    fn selector(&self, s: &Selector, context: u8) -> String {
        let strength = match &s.node {
            SelectorKind::Or(_) => 1,
            SelectorKind::And(_) => 2,
            SelectorKind::Not(_) => 3,
            _ => 4,
        };
        let text = match &s.node {
            SelectorKind::All => "all".to_string(),
            SelectorKind::Or(parts) => parts
                .iter()
                .map(|p| self.selector(p, 1))
                .collect::<Vec<_>>()
                .join(" or "),
            SelectorKind::And(parts) => parts
                .iter()
                .map(|p| self.selector(p, 2))
                .collect::<Vec<_>>()
                .join(" and "),
            SelectorKind::Not(inner) => format!("not {}", self.selector(inner, 3)),
            SelectorKind::Sector(name) => name.node.clone(),
            SelectorKind::Unit(v) => self.values("unit", v),
            SelectorKind::Domicile(v) => self.values("domicile", v),
            SelectorKind::Office(v) => self.values("office", v),
            SelectorKind::Gov(v) => self.values("gov", v),
            SelectorKind::Function(names) => match names.as_slice() {
                [one] => format!("function {}", one.node),
                many => format!(
                    "function in [{}]",
                    many.iter()
                        .map(|n| n.node.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            },
        };
        let needed = strength < 4 && strength <= context && !(strength == 3 && context == 3);
        if needed || (context > 0 && self.parenthesized(s.span)) {
            format!("({text})")
        } else {
            text
        }
    }

    fn values(&self, keyword: &str, v: &Values) -> String {
        match v {
            Values::One(s) => format!("{keyword} {}", self.src(s.span)),
            Values::List(list) => format!("{keyword} in [{}]", self.strings(list)),
            Values::Named(n) => format!("{keyword} in {}", n.node),
        }
    }

    fn test(&mut self, t: &TestBlock) {
        let name = t
            .name
            .as_ref()
            .map(|n| format!(" {}", self.src(n.span)))
            .unwrap_or_default();
        let given = if t.given.is_empty() {
            String::new()
        } else {
            let dims: Vec<String> = t.given.iter().map(|d| self.dimension(d)).collect();
            format!(" given {}", dims.join(" "))
        };
        let from = t
            .given
            .last()
            .map(|d| d.span.end())
            .or(t.name.as_ref().map(|n| n.span.end()))
            .unwrap_or(t.keyword.end());
        let header_end = self.brace_after(from);
        // The comments before the block, and those inside its header, go before it.
        self.leading(header_end, t.span.start(), "", true);
        let header = format!("test{name}{given} {{");
        let header = if header.len() > WIDTH && !given.is_empty() {
            let dims: Vec<String> = t.given.iter().map(|d| self.dimension(d)).collect();
            let column = "    given ".len();
            format!(
                "test{name}\n    given {} {{",
                fill_words(&dims, column, WIDTH - 2)
            )
        } else {
            header
        };
        self.end_line(&header, "", header_end);
        self.block_start = self.out.len();
        let lines: Vec<Line> = t
            .expects
            .iter()
            .map(|e| Line {
                items: Vec::new(),
                span: e.span,
                head: format!(
                    "expect {} = {}",
                    self.query(&e.query),
                    self.expected(&e.expected.node)
                ),
                tail: String::new(),
                kind: LineKind::Plain,
                blank_before: false,
            })
            .collect();
        self.block(lines, t.span.end());
        self.end_line("}", "", t.span.end());
    }

    fn dimension(&self, d: &Spanned<Dimension>) -> String {
        // The value as written (escapes kept): the span minus the keyword.
        // Comments between the keyword and the value are printed before the line, not here.
        let raw = self.src(d.span);
        let value = skip_trivia(&raw[d.keyword().len()..]).trim_end();
        format!("{} {value}", d.keyword())
    }

    fn query(&self, q: &Query) -> String {
        match &q.kind {
            QueryKind::InForce(d) => format!("in force on {}", self.src(d.span)),
            QueryKind::Conflicts => "conflicts".into(),
            QueryKind::Wfo(s) => format!("wfo {}", self.subject(s)),
            QueryKind::Explain(s) => format!("explain {}", self.subject(s)),
            QueryKind::Priority(s) => format!("wfh priority {}", self.subject(s)),
        }
    }

    fn subject(&self, s: &Subject) -> String {
        let mut out = self.src(s.unit.span).to_string();
        for d in &s.dims {
            let _ = write!(out, " {}", self.dimension(d));
        }
        if let Some(t) = &s.time {
            match &t.node {
                Time::On(d) => {
                    let _ = write!(out, " on {}", self.src(d.span));
                }
                Time::Period(a, b) => {
                    let _ = write!(out, " from {} to {}", self.src(a.span), self.src(b.span));
                }
            }
        }
        out
    }

    fn expected(&self, e: &Expected) -> String {
        match e {
            Expected::Amount(a) => {
                // The amount alone, as in `= at most 25%`.
                let text = self.arrangement(&Arrangement {
                    mode: Mode::Wfo,
                    amount: a.clone(),
                });
                text["wfo ".len()..].to_string()
            }
            Expected::Baseline => "baseline".into(),
            Expected::Exempt => "exempt".into(),
            Expected::Conflict => "conflict".into(),
            Expected::NoPriority => "none".into(),
            Expected::Rank(n) => n.to_string(),
            Expected::Circulars(list) => format!("[{}]", self.strings(list)),
        }
    }
}

/// The items joined by `, ` and wrapped so that no line passes `width`; continuation lines are
/// indented to `column` (the text starts at `column` on the first line too).
fn fill(items: &[String], column: usize, width: usize) -> String {
    let pieces: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(k, item)| {
            if k + 1 < items.len() {
                format!("{item},")
            } else {
                item.clone()
            }
        })
        .collect();
    fill_words(&pieces, column, width)
}

/// The part of a rule after its head (`=> ARRANGEMENT MODIFIERS`, `parts` holding the arrangement
/// and then the modifiers) for a head of `head_len` columns at `indent`: one line if it fits;
/// else the modifiers on lines of their own; else the arrangement too.
fn rule_tail(indent: usize, head_len: usize, parts: &[String]) -> String {
    let one_line = parts.join(" ");
    if indent + head_len + one_line.len() <= WIDTH {
        return one_line;
    }
    let (arrangement, modifiers) = parts.split_first().expect("a rule has an arrangement");
    let mut t = if indent + head_len + arrangement.len() <= WIDTH {
        arrangement.clone()
    } else {
        format!("\n  {arrangement}")
    };
    for m in modifiers {
        let _ = write!(t, "\n  {m}");
    }
    t
}

/// The part of a set after its head (`= [...]`) for a head of `head_len` columns at `indent`: one
/// line if it fits; else the members filled up to the width, one level deeper, with a trailing
/// comma.
fn set_tail(indent: usize, head_len: usize, members: &[String]) -> String {
    let one_line = format!("= [{}]", members.join(", "));
    if indent + head_len + one_line.len() <= WIDTH {
        return one_line;
    }
    let mut s = String::from("= [");
    let mut line = String::new();
    for m in members {
        let item = format!("{m},");
        if !line.is_empty() && indent + INDENT.len() + line.len() + 1 + item.len() > WIDTH {
            let _ = write!(s, "\n  {line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&item);
    }
    if !line.is_empty() {
        let _ = write!(s, "\n  {line}");
    }
    s.push_str("\n]");
    s
}

/// True when `gap` (whitespace and comments) holds a blank line outside its comments.
fn blank_line_in(gap: &str) -> bool {
    let mut rest = gap;
    // Whether a line break was seen, and whether the current line holds anything.
    let (mut after_break, mut filled) = (false, false);
    while let Some(c) = rest.chars().next() {
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.find('\n').map_or("", |i| &r[i..]);
            filled = true;
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.find("*/").map_or("", |i| &r[i + 2..]);
            filled = true;
        } else {
            if c == '\n' {
                if after_break && !filled {
                    return true;
                }
                (after_break, filled) = (true, false);
            } else if !c.is_whitespace() {
                filled = true;
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    false
}

/// `text` without the whitespace and comments it starts with.
fn skip_trivia(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        if let Some(rest) = text.strip_prefix("//") {
            text = rest.find('\n').map_or("", |i| &rest[i..]);
        } else if let Some(rest) = text.strip_prefix("/*") {
            text = rest.find("*/").map_or("", |i| &rest[i + 2..]);
        } else {
            return text;
        }
    }
}

/// Words joined by spaces and wrapped like [`fill`], without commas.
fn fill_words(words: &[String], column: usize, width: usize) -> String {
    let mut out = String::new();
    let mut line_len = column;
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            if line_len + 1 + w.len() > width {
                out.push('\n');
                out.push_str(&" ".repeat(column));
                line_len = column;
            } else {
                out.push(' ');
                line_len += 1;
            }
        }
        out.push_str(w);
        line_len += w.len();
    }
    out
}

fn pct_text(p: &Printer<'_>, x: &PctLit) -> String {
    match x.node {
        Some(v) => v.to_string(),
        None => p.src(x.span).to_string(),
    }
}

/// Aligns runs of header clauses (values in one column), sets (`=` in one column) and rules
/// (`=>` in one column). A run ends at a blank line or at a line of another kind.
fn align(lines: &mut [Line], indent: usize) {
    let mut start = 0;
    while start < lines.len() {
        let kind = lines[start].kind;
        let mut end = start + 1;
        while end < lines.len() && lines[end].kind == kind && !lines[end].blank_before {
            end += 1;
        }
        let run = &mut lines[start..end];
        match kind {
            LineKind::Header => {
                let width = run.iter().map(|l| l.head.len()).max().unwrap_or(0) + 2;
                for l in run.iter_mut() {
                    l.head = format!("{:width$}", l.head);
                    if !l.items.is_empty() && indent + width + l.tail.len() > WIDTH {
                        l.tail = fill(&l.items, width, WIDTH - indent);
                    }
                }
            }
            LineKind::Set | LineKind::Rule => {
                let width = run
                    .iter()
                    .map(|l| l.head.len())
                    // The head ends with a space.
                    .filter(|&w| w <= ALIGN_LIMIT + 1)
                    .max()
                    .unwrap_or(0);
                for l in run.iter_mut() {
                    if l.head.len() < width {
                        l.head = format!("{:width$}", l.head);
                        // The padding may push the line past the width: lay it out again.
                        l.tail = match kind {
                            LineKind::Set => set_tail(indent, width, &l.items),
                            _ => rule_tail(indent, width, &l.items),
                        };
                    }
                }
            }
            LineKind::Plain => {}
        }
        start = end;
    }
}
