//! Laying out the lines of a block: blank lines kept from the source, alignment of runs of
//! header clauses, sets and rules, and wrapping at the width.

use super::comments::blank_line_in;
use super::{ALIGN_LIMIT, INDENT, Line, LineKind, Printer, WIDTH};
use std::fmt::Write as _;

impl<'a> Printer<'a> {
    /// Prints lines at `indent`, then the comments before `end`.
    pub(super) fn lines(&mut self, mut lines: Vec<Line>, indent: &str, end: usize) {
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
pub(super) fn rule_tail(indent: usize, head_len: usize, parts: &[String]) -> String {
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
pub(super) fn set_tail(indent: usize, head_len: usize, members: &[String]) -> String {
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

/// Words joined by spaces and wrapped like [`fill`], without commas.
pub(super) fn fill_words(words: &[String], column: usize, width: usize) -> String {
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

/// Aligns runs of header clauses (values in one column), sets (`=` in one column) and rules
/// (`=>` in one column). A run ends at a blank line or at a line of another kind.
pub(super) fn align(lines: &mut [Line], indent: usize) {
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
