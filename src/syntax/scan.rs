//! Step zero: one lexical pass over the text before pest sees it.
//!
//! It finds what is cheaper to find here than in the grammar:
//!
//! - every comment, with its span (the grammar skips comments silently, so that they cost pest
//!   no token each);
//! - a block comment that is never closed;
//! - parentheses nested deeper than [`MAX_NESTING`]: pest descends once per level, so a file of
//!   a hundred thousand `(` would overflow the stack. Those parentheses are blanked out of the
//!   text pest reads and reported here.
//!
//! Comments, tabs, carriage returns and byte order marks outside strings are blanked out too:
//! the grammar's whitespace is then only a space or a line feed, and it has no comment rule.
//! pest tries the whitespace rule between every two tokens, and each alternative it tries there
//! is a string comparison: this took a fifth of parsing. Blanking writes spaces over whole
//! characters (line feeds are kept), so the text keeps its length and every span stays right.
//!
//! The pass knows exactly as much of the lexical structure as it needs: strings (which may hold
//! `//` and parentheses), line comments and block comments. A brace ends every open parenthesis:
//! no selector spans two blocks, so one bad rule cannot change how a later one is read.

use crate::span::{Span, Spanned};
use std::borrow::Cow;

/// The deepest nesting of parentheses that is read.
pub const MAX_NESTING: usize = 64;

/// What the lexical pass found.
#[derive(Debug, Default)]
pub struct Scan {
    /// Every comment in source order, without a carriage return before its line feed.
    pub comments: Vec<Spanned<String>>,
    /// The `/*` of a block comment that runs to the end of the file.
    pub unclosed_comment: Option<Span>,
    /// The first parenthesis of each run that nests too deeply.
    pub too_deep: Vec<Span>,
}

/// The bytes that start something the scanner acts on: a string, a comment, a parenthesis, a
/// brace, a tab, a carriage return, a byte order mark.
static SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = [b'"', b'/', b'(', b')', b'{', b'}', b'\t', b'\r', 0xEF];
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// Scans `text`; returns what it found and the text pest should read: the same text, with
/// comments, tabs, carriage returns and byte order marks outside strings, and parentheses that
/// nest too deeply, replaced by spaces (copied only when there is one).
///
/// The bytes the loop acts on are those of [`SPECIAL`]; runs of others are skipped in a tight
/// loop, and the inside of a string with `memchr`.
pub fn scan(text: &str) -> (Scan, Cow<'_, str>) {
    let bytes = text.as_bytes();
    let mut out = Scan::default();
    let mut blank: Vec<Span> = Vec::new();
    let mut depth = 0usize;
    let mut reported = false;
    let mut i = 0;
    while i < bytes.len() {
        // Runs of bytes that mean nothing here (names, keywords, spaces) are skipped at once.
        while i < bytes.len() && !SPECIAL[usize::from(bytes[i])] {
            i += 1;
        }
        let Some(&byte) = bytes.get(i) else { break };
        match byte {
            b'"' => {
                i += 1;
                // The end of the string, the end of its line, or an escape.
                loop {
                    let Some(n) = memchr::memchr3(b'"', b'\n', b'\\', &bytes[i..]) else {
                        i = bytes.len();
                        break;
                    };
                    i += n;
                    match bytes[i] {
                        b'"' => {
                            i += 1;
                            break;
                        }
                        b'\n' => break,
                        _ if i + 1 < bytes.len() && bytes[i + 1] != b'\n' => i += 2,
                        _ => i += 1,
                    }
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                let stop = if end > i + 2 && bytes[end - 1] == b'\r' {
                    end - 1
                } else {
                    end
                };
                out.comments
                    .push(Spanned::new(text[i..stop].to_string(), Span::new(i, stop)));
                blank.push(Span::new(i, end));
                i = end;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = match text[i + 2..].find("*/") {
                    Some(n) => i + 2 + n + 2,
                    None => {
                        out.unclosed_comment = Some(Span::new(i, i + 2));
                        bytes.len()
                    }
                };
                out.comments
                    .push(Spanned::new(text[i..end].to_string(), Span::new(i, end)));
                blank.push(Span::new(i, end));
                i = end;
            }
            b'(' => {
                depth += 1;
                if depth > MAX_NESTING {
                    if !reported {
                        out.too_deep.push(Span::new(i, i + 1));
                        reported = true;
                    }
                    blank.push(Span::new(i, i + 1));
                }
                i += 1;
            }
            b')' => {
                if depth > MAX_NESTING {
                    blank.push(Span::new(i, i + 1));
                }
                depth = depth.saturating_sub(1);
                if depth <= MAX_NESTING {
                    reported = false;
                }
                i += 1;
            }
            b'{' | b'}' => {
                depth = 0;
                reported = false;
                i += 1;
            }
            b'\t' | b'\r' => {
                blank.push(Span::new(i, i + 1));
                i += 1;
            }
            0xEF if bytes[i..].starts_with("\u{FEFF}".as_bytes()) => {
                blank.push(Span::new(i, i + 3));
                i += 3;
            }
            _ => i += 1,
        }
    }
    if blank.is_empty() {
        return (out, Cow::Borrowed(text));
    }
    let mut masked = bytes.to_vec();
    for span in blank {
        for b in &mut masked[span.start()..span.end()] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Whole characters were replaced by ASCII spaces.
    let masked = String::from_utf8(masked).expect("still UTF-8");
    (out, Cow::Owned(masked))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comments(text: &str) -> Vec<String> {
        scan(text).0.comments.into_iter().map(|c| c.node).collect()
    }

    #[test]
    fn finds_line_and_block_comments_but_not_inside_strings() {
        let text = "a // one\r\nb \"// not\" /* two\n */ c \"\\\"// still not\" // three";
        assert_eq!(
            comments(text),
            ["// one", "/* two\n */", "// three"].map(String::from)
        );
    }

    #[test]
    fn an_unclosed_string_ends_at_the_line() {
        assert_eq!(comments("\"abc\n// yes"), ["// yes".to_string()]);
    }

    #[test]
    fn an_unclosed_block_comment_is_reported() {
        let (scan, _) = scan("x /* never");
        assert_eq!(scan.unclosed_comment, Some(Span::new(2, 4)));
        assert_eq!(scan.comments[0].node, "/* never");
    }

    #[test]
    fn deep_parentheses_are_blanked_and_reported_once_per_run() {
        let text = format!("{}x{}", "(".repeat(70), ")".repeat(70));
        let (scan, masked) = scan(&text);
        assert_eq!(scan.too_deep, vec![Span::new(64, 65)]);
        assert_eq!(masked.len(), text.len());
        assert_eq!(masked.matches('(').count(), 64);
        assert_eq!(masked.matches(')').count(), 64);
    }

    #[test]
    fn a_brace_ends_open_parentheses() {
        let text = format!("{{ {} }}\n{{ ((x)) }}", "(".repeat(100));
        let (scan, masked) = scan(&text);
        assert_eq!(scan.too_deep.len(), 1);
        assert!(masked.ends_with("{ ((x)) }"));
    }

    #[test]
    fn parentheses_in_strings_and_comments_do_not_count() {
        let text = format!("\"{}\" // {}", "(".repeat(100), "(".repeat(100));
        let (scan, masked) = scan(&text);
        assert!(scan.too_deep.is_empty());
        assert_eq!(
            masked,
            format!("\"{}\" {}", "(".repeat(100), " ".repeat(103))
        );
    }

    #[test]
    fn comments_tabs_carriage_returns_and_byte_order_marks_become_spaces_outside_strings() {
        let text = "\u{FEFF}a\t// c\r\nb /* x\ny */ \"\t\r\u{FEFF}/* s */\"\r\n";
        let (_, masked) = scan(text);
        assert_eq!(
            masked,
            "   a      \nb     \n     \"\t\r\u{FEFF}/* s */\" \n"
        );
        assert_eq!(masked.len(), text.len());
        // Text with none of them is not copied.
        assert!(matches!(scan("a b\n").1, Cow::Borrowed(_)));
    }
}

/// Where `text` (as the scanner left it) may be cut into parts that pest can read one by one:
/// `0`, then the start of each line whose first word is `circular` or `surat_edaran` and whose
/// last line that is not blank ends with `}`, at least `min_len` bytes after the last cut.
///
/// Such a word starts an item in the whole file's parse: a `}` at the end of a line closes a
/// block or ends a catch-all line (`bad_clause` stops before one, `bad_item` at the end of the
/// line), and no string or comment spans two lines (comments are blanked here). Without the
/// `}`, the line before could go on over the line feed and read `circular` as a name
/// (`overrides` at the end of a line). The cut is at the keyword itself, so that the end of a
/// part is where the whole file's `unclosed` would stand.
pub fn item_starts(text: &str, min_len: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut line = 0;
    // The last byte of the last line that is not blank.
    let mut last = None;
    while line < bytes.len() {
        let word = line + bytes[line..].iter().take_while(|&&b| b == b' ').count();
        if last == Some(b'}')
            && word - starts[starts.len() - 1] >= min_len.max(1)
            && starts_an_item(&bytes[word..])
        {
            starts.push(word);
        }
        let end = match memchr::memchr(b'\n', &bytes[word..]) {
            Some(at) => word + at,
            None => bytes.len(),
        };
        if let Some(&b) = bytes[word..end].iter().rev().find(|&&b| b != b' ') {
            last = Some(b);
        }
        line = end + 1;
    }
    starts
}

/// Whether `rest` starts with the keyword of a circular, in either language.
fn starts_an_item(rest: &[u8]) -> bool {
    ["circular", "surat_edaran"].iter().any(|keyword| {
        rest.starts_with(keyword.as_bytes())
            && rest
                .get(keyword.len())
                .is_none_or(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
    })
}

#[cfg(test)]
mod cuts {
    use super::item_starts;

    #[test]
    fn a_file_is_cut_before_a_circular_after_a_closed_block() {
        let text = "circular \"A\" {\n}\n\n  circular \"B\" {\n}\nsurat_edaran \"C\" {\n}\n";
        assert_eq!(item_starts(text, 1), [0, 20, 37]);
        // At least `min_len` bytes apart.
        assert_eq!(item_starts(text, 30), [0, 37]);
        // Not after a line that may go on (`overrides` then a name), not inside a word, not in
        // the middle of a line, not before a name that starts like the keyword.
        let text = "circular \"A\" {\n  rule r: all => wfo 5% overrides\ncircular \"B\" {\n}\n\
                    x circular \"C\" {}\ncircular_d \"D\" {}\n";
        assert_eq!(item_starts(text, 1), [0]);
    }
}
