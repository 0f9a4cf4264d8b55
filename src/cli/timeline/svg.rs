//! A small SVG writer: elements, attributes and text, escaped for XML.
//!
//! The picture of `edaran timeline` needs rectangles, lines, paths and text, nothing more; a
//! library would bring a tree of its own to fill. What matters is the escaping: a circular's
//! number may hold `&`, `<` or quotes, and a name may hold a control character, which XML does
//! not allow at all (even escaped), so it is written as U+FFFD.

use std::fmt::Write as _;

/// An SVG document being written.
pub struct Svg {
    out: String,
    open: Vec<&'static str>,
}

/// One attribute: a name and its value (escaped when written).
pub type Attr<'a> = (&'a str, String);

impl Svg {
    /// A document of `width` by `height` pixels.
    pub fn new(width: f64, height: f64) -> Svg {
        let mut svg = Svg {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            open: Vec::new(),
        };
        svg.open(
            "svg",
            &[
                ("xmlns", "http://www.w3.org/2000/svg".into()),
                ("width", num(width)),
                ("height", num(height)),
                ("viewBox", format!("0 0 {} {}", num(width), num(height))),
            ],
        );
        svg
    }

    /// Opens an element (closed by [`Svg::close`]).
    pub fn open(&mut self, tag: &'static str, attrs: &[Attr<'_>]) {
        self.indent();
        self.start(tag, attrs);
        self.out.push_str(">\n");
        self.open.push(tag);
    }

    /// Closes the element opened last.
    pub fn close(&mut self) {
        if let Some(tag) = self.open.pop() {
            self.indent();
            let _ = writeln!(self.out, "</{tag}>");
        }
    }

    /// An element without content.
    pub fn empty(&mut self, tag: &'static str, attrs: &[Attr<'_>]) {
        self.indent();
        self.start(tag, attrs);
        self.out.push_str("/>\n");
    }

    /// An element holding text.
    pub fn text(&mut self, tag: &'static str, attrs: &[Attr<'_>], content: &str) {
        self.indent();
        self.start(tag, attrs);
        let _ = writeln!(self.out, ">{}</{tag}>", escape(content));
    }

    /// The document, with every element closed.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }

    fn start(&mut self, tag: &str, attrs: &[Attr<'_>]) {
        let _ = write!(self.out, "<{tag}");
        for (name, value) in attrs {
            let _ = write!(self.out, " {name}=\"{}\"", escape(value));
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }
}

/// Text safe inside an XML element or a quoted attribute: `&`, `<`, `>` and both quotes as
/// entities, and the characters XML 1.0 forbids (controls other than tab, line feed and carriage
/// return, lone surrogates cannot occur in a `str`, U+FFFE and U+FFFF) as U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{7f}' || c == '\u{fffe}' || c == '\u{ffff}' => {
                out.push('\u{fffd}');
            }
            c => out.push(c),
        }
    }
    out
}

/// A coordinate: at most two decimals, without trailing zeros (`12`, `12.5`, `0.33`).
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        return "0".into();
    }
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_forbidden_characters() {
        assert_eq!(
            escape(r#"A&B <x> "q" 'a'"#),
            "A&amp;B &lt;x&gt; &quot;q&quot; &apos;a&apos;"
        );
        assert_eq!(
            escape("a\u{1b}b\u{0}c\u{7f}"),
            "a\u{fffd}b\u{fffd}c\u{fffd}"
        );
        assert_eq!(escape("tab\tline\n"), "tab\tline\n");
        assert_eq!(escape("Pemprov Banten ü"), "Pemprov Banten ü");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(1.0 / 3.0), "0.33");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f64::NAN), "0");
    }

    #[test]
    fn writes_a_well_formed_document() {
        let mut svg = Svg::new(100.0, 50.0);
        svg.open("g", &[("class", "bars".into())]);
        svg.empty("rect", &[("x", num(1.5)), ("width", num(10.0))]);
        svg.text("text", &[("x", "2".into())], "800/1 & <2>");
        let doc = svg.finish();
        assert_eq!(
            doc,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\" viewBox=\"0 0 100 50\">\n\
             \x20 <g class=\"bars\">\n\
             \x20   <rect x=\"1.5\" width=\"10\"/>\n\
             \x20   <text x=\"2\">800/1 &amp; &lt;2&gt;</text>\n\
             \x20 </g>\n\
             </svg>\n"
        );
    }
}
