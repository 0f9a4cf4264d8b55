//! Names as people read them, and text that is safe to print.
//!
//! A name written in a circular or asked about in a question is compared in Unicode NFC, trimmed,
//! and without the invisible formatting characters a copy from a word processor or a web page
//! leaves behind (zero-width spaces and joiners, byte order marks, soft hyphens, marks of writing
//! direction): `"BPKAD"` spelt with a decomposed letter, or with a zero-width space at its end, is
//! the unit `BPKAD`. Control characters (a tab, an escape) are kept: they are not a spelling of
//! anything, and the warning `invisible-character` asks the drafter to delete them.
//!
//! Text from a file is shown to people with its control and invisible characters escaped
//! (`\u{1b}`), so that a file cannot move the cursor, change colours or reorder a line on a
//! terminal, and a zero-width space can be seen.
//!
//! Names are almost always ASCII: on that path nothing is allocated.

use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The plain-words name of an invisible or control character, `None` for any other character.
pub fn invisible(c: char) -> Option<&'static str> {
    Some(match c {
        '\t' => "tab",
        '\u{0}' => "null character",
        '\u{1b}' => "escape character",
        '\r' => "carriage return",
        '\u{7f}' => "delete character",
        '\u{0}'..='\u{1f}' | '\u{80}'..='\u{9f}' => "control character",
        '\u{ad}' => "soft hyphen",
        '\u{34f}' => "combining grapheme joiner",
        '\u{61c}' => "arabic letter mark",
        '\u{180e}' => "mongolian vowel separator",
        '\u{200b}' => "zero-width space",
        '\u{200c}' => "zero-width non-joiner",
        '\u{200d}' => "zero-width joiner",
        '\u{200e}' => "left-to-right mark",
        '\u{200f}' => "right-to-left mark",
        '\u{202a}' => "left-to-right embedding",
        '\u{202b}' => "right-to-left embedding",
        '\u{202c}' => "pop directional formatting",
        '\u{202d}' => "left-to-right override",
        '\u{202e}' => "right-to-left override",
        '\u{2060}' => "word joiner",
        '\u{2061}'..='\u{2064}' => "invisible operator",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{206a}'..='\u{206f}' => "formatting character",
        '\u{feff}' => "byte order mark",
        '\u{fff9}'..='\u{fffb}' => "annotation character",
        '\u{e0001}' | '\u{e0020}'..='\u{e007f}' => "tag character",
        _ => return None,
    })
}

/// True for the invisible characters left out when names are compared: every character
/// [`invisible`] names except the control characters (C0, DEL, C1).
pub fn is_ignorable(c: char) -> bool {
    !c.is_control() && invisible(c).is_some()
}

/// How a character is written in text shown to people: `U+200B`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// A name as edaran compares it: without ignorable characters ([`is_ignorable`]), trimmed, in
/// NFC. Borrowed (no allocation) when the name needs no more than trimming, as ASCII names
/// never do.
pub fn normalize_name(name: &str) -> Cow<'_, str> {
    let trimmed = name.trim();
    if trimmed.is_ascii() {
        return Cow::Borrowed(trimmed);
    }
    let ignorable = trimmed.chars().any(is_ignorable);
    if !ignorable && is_nfc_quick(trimmed.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(trimmed);
    }
    let kept: String = if ignorable {
        trimmed.chars().filter(|&c| !is_ignorable(c)).collect()
    } else {
        trimmed.to_string()
    };
    Cow::Owned(kept.trim().nfc().collect())
}

/// Normalises a unit path: each segment compared as a name (trimmed, in NFC, without
/// zero-width and formatting characters: [`normalize_name`]), empty segments dropped.
pub fn normalize_unit(path: &str) -> String {
    // Most paths are written normalised: copy them as they are.
    if path
        .split('/')
        .all(|s| !s.is_empty() && matches!(normalize_name(s), Cow::Borrowed(n) if n == s))
    {
        return path.to_string();
    }
    path.split('/')
        .map(normalize_name)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("/")
}

/// True when `text` holds a character [`escape`] would change.
/// Whether some character of `text` is escaped: a byte scan for ASCII text, and a look at
/// each character only for the rest (an answer with a `—` in it need not be copied).
fn needs_escape(text: &str, keep_layout: bool) -> bool {
    if text.is_ascii() {
        // A block at a time, every byte of it tested without a branch, so that the test is
        // vectorised: an answer is mostly plain text.
        text.as_bytes().chunks(64).any(|block| {
            block
                .iter()
                .fold(false, |found, &b| found | escaped_byte(b, keep_layout))
        })
    } else {
        text.chars().any(|c| escaped_char(c, keep_layout))
    }
}

fn escaped_byte(b: u8, keep_layout: bool) -> bool {
    let layout = (b == b'\t') | (b == b'\r');
    ((b < 0x20) & (b != b'\n') & !(keep_layout & layout)) | (b == 0x7f)
}

fn escaped_char(c: char, keep_layout: bool) -> bool {
    match c {
        '\n' => false,
        '\t' | '\r' => !keep_layout,
        _ => invisible(c).is_some(),
    }
}

/// `text` with its control and invisible characters escaped (`\u{1b}`), for a terminal; line
/// feeds are kept. Borrowed when nothing needs escaping.
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_with(text, false).0
}

/// A file's text for a snippet: like [`escape`], but tabs, carriage returns and a byte order
/// mark at the start are kept (they are the file's layout, outside strings), and the byte
/// offset of each escaped character with the number of bytes its escape adds, to move spans.
pub fn escape_source(text: &str) -> (Cow<'_, str>, Vec<(usize, usize)>) {
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let (body, shifts) = escape_with(&text[bom..], true);
    if shifts.is_empty() {
        return (Cow::Borrowed(text), shifts);
    }
    let out = format!("{}{body}", &text[..bom]);
    let shifts = shifts.into_iter().map(|(at, n)| (at + bom, n)).collect();
    (Cow::Owned(out), shifts)
}

/// Moves a byte offset of a text to the same place in its [`escape_source`] copy.
pub fn shift_offset(shifts: &[(usize, usize)], offset: usize) -> usize {
    offset
        + shifts
            .iter()
            .take_while(|&&(at, _)| at < offset)
            .map(|&(_, n)| n)
            .sum::<usize>()
}

fn escape_with(text: &str, keep_layout: bool) -> (Cow<'_, str>, Vec<(usize, usize)>) {
    if !needs_escape(text, keep_layout) {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut shifts = Vec::new();
    for (at, c) in text.char_indices() {
        if escaped_char(c, keep_layout) {
            let escaped = c.escape_unicode().to_string();
            shifts.push((at, escaped.len() - c.len_utf8()));
            out.push_str(&escaped);
        } else {
            out.push(c);
        }
    }
    (Cow::Owned(out), shifts)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan that decides whether to copy agrees with the test of each character, for
    /// every ASCII character and some others, anywhere in a block of the scan, with the layout
    /// kept or not.
    #[test]
    fn the_scan_for_escapes_agrees_with_each_character() {
        let others = ['é', '—', '\u{200b}', '\u{85}', '\u{feff}', '\u{202e}', 'ß'];
        for c in (0u8..128).map(char::from).chain(others) {
            for keep in [false, true] {
                for at in [0, 1, 63, 64, 100] {
                    let text = format!("{}{c}{}", "a".repeat(at), "b".repeat(70));
                    assert_eq!(
                        needs_escape(&text, keep),
                        escaped_char(c, keep),
                        "{c:?} at {at}, layout kept: {keep}"
                    );
                }
            }
        }
    }

    /// The fast path (a path already normal is copied) agrees with the definition.
    #[test]
    fn normalize_unit_trims_segments_and_drops_empty_ones() {
        let slow = |p: &str| {
            p.split('/')
                .map(|s| {
                    let kept: String = s.chars().filter(|&c| !is_ignorable(c)).collect();
                    kept.trim().nfc().collect::<String>()
                })
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("/")
        };
        for p in [
            "",
            "/",
            "a",
            "a/b",
            " a/b",
            "a//b",
            "a/ b",
            "a/b/",
            "  ",
            "a /b",
            "Dinas X/UPTD 1",
            "\tBapenda",
            "Bapenda\u{a0}/x",
            "ä/ö",
            "a\u{308}/o\u{308} ",
            "BPKAD\u{200b}/UPTD",
            "\u{200b}/x",
            "a\u{1b}/b",
        ] {
            assert_eq!(normalize_unit(p), slow(p), "{p:?}");
        }
    }

    #[test]
    fn ascii_names_are_only_trimmed_and_borrowed() {
        assert!(matches!(normalize_name("BPKAD"), Cow::Borrowed("BPKAD")));
        assert!(matches!(
            normalize_name("  Dinas Kesehatan "),
            Cow::Borrowed("Dinas Kesehatan")
        ));
        // A control character is not removed: it is warned about.
        assert_eq!(normalize_name("BP\u{1b}KAD"), "BP\u{1b}KAD");
    }

    #[test]
    fn nfd_and_nfc_spellings_are_one_name() {
        let nfc = "Dinas Pariwisata Daerah Kh\u{e9}";
        let nfd = "Dinas Pariwisata Daerah Khe\u{301}";
        assert_ne!(nfc, nfd);
        assert_eq!(normalize_name(nfd), nfc);
        assert!(matches!(normalize_name(nfc), Cow::Borrowed(_)));
    }

    #[test]
    fn zero_width_and_format_characters_are_left_out() {
        assert_eq!(normalize_name("BPKAD\u{200b}"), "BPKAD");
        assert_eq!(normalize_name("\u{feff}BP\u{ad}KAD"), "BPKAD");
        assert_eq!(normalize_name("\u{202e}BPKAD\u{202c}"), "BPKAD");
        assert_eq!(normalize_name("Bapenda \u{200d}"), "Bapenda");
        // Removing one can leave a sequence to compose.
        assert_eq!(normalize_name("Kh e\u{200b}\u{301}"), "Kh \u{e9}");
    }

    #[test]
    fn invisible_characters_have_names() {
        assert_eq!(invisible('\u{200b}'), Some("zero-width space"));
        assert_eq!(invisible('\u{1b}'), Some("escape character"));
        assert_eq!(invisible('\u{85}'), Some("control character"));
        assert_eq!(invisible('\t'), Some("tab"));
        assert_eq!(invisible('a'), None);
        assert_eq!(invisible('\u{e9}'), None);
        assert_eq!(invisible(' '), None);
        assert_eq!(code_point('\u{200b}'), "U+200B");
        assert_eq!(code_point('\u{1b}'), "U+001B");
        assert!(!is_ignorable('\t') && !is_ignorable('\u{1b}') && is_ignorable('\u{200b}'));
    }

    #[test]
    fn escape_shows_control_and_invisible_characters() {
        assert!(matches!(escape("plain\ntext é"), Cow::Borrowed(_)));
        assert_eq!(escape("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(escape("a\u{202e}b\u{200b}"), "a\\u{202e}b\\u{200b}");
        assert_eq!(escape("a\tb\rc"), "a\\u{9}b\\u{d}c");
    }

    #[test]
    fn escaped_source_keeps_layout_and_moves_spans() {
        let text = "\u{feff}unit \"A\u{1b}B\"\r\n\tx";
        let (escaped, shifts) = escape_source(text);
        assert_eq!(escaped, "\u{feff}unit \"A\\u{1b}B\"\r\n\tx");
        let esc = text.find('\u{1b}').unwrap();
        let b = esc + 1;
        assert_eq!(&escaped[shift_offset(&shifts, esc)..][..1], "\\");
        assert_eq!(&escaped[shift_offset(&shifts, b)..][..1], "B");
        assert_eq!(shift_offset(&shifts, 3), 3);
        assert!(matches!(escape_source("a\tb\r\n").0, Cow::Borrowed(_)));
        assert!(matches!(escape_source("\u{feff}ab").0, Cow::Borrowed(_)));
    }
}
