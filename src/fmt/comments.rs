//! Comments put back by position: own-line comments before the next node, same-line comments
//! at the end of their line, comments inside a node before it; and the blank lines kept.

use super::Printer;
use std::fmt::Write as _;

impl<'a> Printer<'a> {
    /// True when the source between the last printed thing and `start` has a blank line.
    pub(super) fn blank_line_before(&self, start: usize) -> bool {
        blank_line_in(self.text.get(self.last_end..start).unwrap_or(""))
    }

    /// Prints the comments that start before `before`, each on its own line, at `indent`. A blank
    /// line between them, or between the last of them and `node` (where the next node starts),
    /// is kept when `keep_blank`. Comments from `node` on are inside the node: no blank line
    /// among them.
    pub(super) fn leading(&mut self, before: usize, node: usize, indent: &str, keep_blank: bool) {
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
    pub(super) fn trailing(&mut self, end: usize) -> String {
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
    pub(super) fn trailing_end(&self, from: usize, end: usize) -> usize {
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

    pub(super) fn comment_lines(&mut self, comment: &str, indent: &str) {
        let mut lines = comment.trim_end().lines();
        if let Some(first) = lines.next() {
            let _ = writeln!(self.out, "{indent}{}", first.trim_end());
        }
        // Block comments keep their inner lines as written.
        for line in lines {
            let _ = writeln!(self.out, "{}", line.trim_end());
        }
    }

    pub(super) fn blank(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }
}

/// True when `gap` (whitespace and comments) holds a blank line outside its comments.
pub(super) fn blank_line_in(gap: &str) -> bool {
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
pub(super) fn skip_trivia(mut text: &str) -> &str {
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
