//! Rendering diagnostics for people, with miette's graphical handler.
//!
//! The core builds plain [`Diagnostic`]s; this module adapts them to miette. It formats to a
//! string and does no I/O: the binary decides where the text goes and whether it has colour.
//!
//! Text from a file never reaches the terminal raw: control and invisible characters in messages,
//! labels, helps and snippets are shown escaped (`\u{1b}`, [`crate::text::escape`]), and the
//! spans are moved to the escaped snippet.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Source;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode, SourceSpan,
};
use std::cell::OnceCell;
use std::fmt;
use std::sync::Arc;

/// Renders the diagnostics of one workspace.
pub struct Renderer<'s> {
    sources: &'s [Source],
    /// miette's copy of each file, made the first time a diagnostic points into it: a national
    /// corpus with a handful of findings should not be copied whole to print them.
    named: Vec<OnceCell<Named>>,
    handler: GraphicalReportHandler,
    /// The word before a finding's example (`witness: ...`).
    witness: String,
    /// The language of the texts of diagnostics written in `locales/`.
    lang: crate::Lang,
}

impl<'s> Renderer<'s> {
    /// A renderer over `sources`; `color` adds ANSI colours and Unicode art.
    pub fn new(sources: &'s [Source], color: bool) -> Renderer<'s> {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Renderer {
            sources,
            named: sources.iter().map(|_| OnceCell::new()).collect(),
            handler: GraphicalReportHandler::new_themed(theme)
                .with_width(100)
                .with_links(false)
                // Never break `2024-03-01` or `dead-rule` at a hyphen.
                .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
                // ... nor `800/2928-BKD/2023` at a slash: break at spaces only.
                .with_word_separator(textwrap::WordSeparator::AsciiSpace)
                .with_break_words(false),
            witness: "witness".to_string(),
            lang: crate::Lang::En,
        }
    }

    /// The same renderer, showing the texts of diagnostics in `lang` where `locales/` writes
    /// them (`Diagnostic::in_language`).
    pub fn in_language(mut self, lang: crate::Lang) -> Renderer<'s> {
        self.lang = lang;
        self
    }

    /// The same renderer, with `word` before a finding's example instead of `witness` (the
    /// command line's word in the language of the run).
    pub fn with_witness_label(mut self, word: String) -> Renderer<'s> {
        self.witness = word;
        self
    }

    /// miette's copy of a file.
    fn named(&self, file: crate::span::FileId) -> &Named {
        let i = file.0 as usize;
        self.named[i].get_or_init(|| {
            let s = &self.sources[i];
            let (text, shifts) = crate::text::escape_source(&s.text);
            // One space after the text, so that a position at the very end (where a missing
            // date or brace belongs) has a character to point at.
            Named {
                source: NamedSource::new(escape(&s.name), Arc::<str>::from(format!("{text} "))),
                shifts,
            }
        })
    }

    /// A failed `expect`, shown like a diagnostic: the message, and the expectation underlined.
    pub fn render_failure(
        &self,
        file: crate::span::FileId,
        span: crate::span::Span,
        message: &str,
        label: &str,
    ) -> String {
        let named = self.named(file);
        let adapter = Adapter {
            message: escape(message),
            code: Some("test-failure"),
            severity: miette::Severity::Error,
            help: None,
            source: &named.source,
            labels: vec![LabeledSpan::new_primary_with_span(
                Some(escape(label)),
                named.span(span),
            )],
            related: Vec::new(),
        };
        let mut out = String::new();
        if self.handler.render_report(&mut out, &adapter).is_err() {
            out = format!("test failure: {}\n", escape(message));
        }
        out
    }

    /// The text of one diagnostic, ending with a newline.
    ///
    /// It opens at the place at fault, as the JSON does: miette shows the labels of one file in
    /// one snippet, in the order of the text, so the labels on lines above the primary span's
    /// are shown in a second snippet, after the primary's.
    pub fn render(&self, diagnostic: &Diagnostic) -> String {
        let shown;
        let diagnostic = if self.lang == crate::Lang::En {
            diagnostic
        } else {
            shown = diagnostic.in_language(self.lang);
            &shown
        };
        let adapter = Adapter::new(diagnostic, self.sources, &self.witness, |file| {
            self.named(file)
        });
        let mut out = String::new();
        if self.handler.render_report(&mut out, &adapter).is_err() {
            return format!("{}: {}\n", diagnostic.code, escape(&diagnostic.message));
        }
        if let Some(snippet) = self.earlier_labels(diagnostic) {
            // After the primary's snippet, which ends with the first bottom corner.
            if let Some(at) = out.find(SNIPPET_END) {
                let at = out[at..].find('\n').map_or(out.len(), |i| at + i + 1);
                out.insert_str(at, &snippet);
            }
        }
        out
    }

    /// The snippet of the labels of `d` in its own file on lines above its primary span, or
    /// `None` when there are none.
    fn earlier_labels(&self, d: &Diagnostic) -> Option<String> {
        let line = primary_line_start(self.sources, d);
        let mut labels: Vec<LabeledSpan> = d
            .labels
            .iter()
            .filter(|l| l.file == d.file && l.span.start() < line)
            .map(|l| {
                LabeledSpan::new_with_span(
                    Some(escape(&l.message)),
                    self.named(d.file).span(l.span),
                )
            })
            .collect();
        if labels.is_empty() {
            return None;
        }
        let first = labels.remove(0);
        labels.insert(
            0,
            LabeledSpan::new_primary_with_span(first.label().map(String::from), *first.inner()),
        );
        let adapter = Adapter {
            message: String::new(),
            code: None,
            severity: miette::Severity::Advice,
            help: None,
            source: &self.named(d.file).source,
            labels,
            related: Vec::new(),
        };
        let mut text = String::new();
        self.handler.render_report(&mut text, &adapter).ok()?;
        let start = text.find(SNIPPET_START)?;
        let start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[start..].find(SNIPPET_END)? + start;
        let end = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
        Some(text[start..end].to_string())
    }
}

/// How miette opens and closes a snippet (both themes draw them with these characters).
const SNIPPET_START: &str = "\u{256d}\u{2500}[";
const SNIPPET_END: &str = "\u{2570}\u{2500}\u{2500}\u{2500}\u{2500}";

/// Where the line of the primary span of `d` starts.
fn primary_line_start(sources: &[Source], d: &Diagnostic) -> usize {
    let text = sources
        .get(d.file.0 as usize)
        .map_or("", |s| s.text.as_str());
    let at = d.span.start().min(text.len());
    text.get(..at)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// miette's copy of a file, escaped, with the shifts that move spans into it.
struct Named {
    source: NamedSource<Arc<str>>,
    shifts: Vec<(usize, usize)>,
}

impl Named {
    /// A span of the file, in the escaped copy.
    fn span(&self, span: crate::span::Span) -> SourceSpan {
        if self.shifts.is_empty() {
            return SourceSpan::new(span.start().into(), span.len());
        }
        let start = crate::text::shift_offset(&self.shifts, span.start());
        let end = crate::text::shift_offset(&self.shifts, span.end());
        SourceSpan::new(start.into(), end - start)
    }
}

/// Text for a terminal: control and invisible characters escaped.
fn escape(text: &str) -> String {
    crate::text::escape(text).into_owned()
}

/// A diagnostic as miette sees it. Labels in other files become related diagnostics, each with
/// its own source.
struct Adapter<'a> {
    message: String,
    code: Option<&'static str>,
    severity: miette::Severity,
    help: Option<String>,
    source: &'a NamedSource<Arc<str>>,
    labels: Vec<LabeledSpan>,
    related: Vec<Adapter<'a>>,
}

impl<'a> Adapter<'a> {
    fn new(
        d: &Diagnostic,
        sources: &[Source],
        witness: &str,
        source_of: impl Fn(crate::span::FileId) -> &'a Named,
    ) -> Adapter<'a> {
        let named = source_of(d.file);
        let line = primary_line_start(sources, d);
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            d.label.as_deref().map(escape),
            named.span(d.span),
        )];
        let mut related = Vec::new();
        for l in &d.labels {
            if l.file == d.file && l.span.start() < line {
                // Shown after the primary's snippet: see `Renderer::render`.
                continue;
            }
            if l.file == d.file {
                labels.push(LabeledSpan::new_with_span(
                    Some(escape(&l.message)),
                    named.span(l.span),
                ));
            } else {
                let other = source_of(l.file);
                related.push(Adapter {
                    message: escape(&l.message),
                    code: None,
                    severity: miette::Severity::Advice,
                    help: None,
                    source: &other.source,
                    labels: vec![LabeledSpan::new_primary_with_span(
                        Some(escape(&l.message)),
                        other.span(l.span),
                    )],
                    related: Vec::new(),
                });
            }
        }
        let help = match (&d.help, &d.witness) {
            (Some(h), Some(w)) => Some(format!("{}\n{witness}: {}", escape(h), escape(w))),
            (Some(h), None) => Some(escape(h)),
            (None, Some(w)) => Some(format!("{witness}: {}", escape(w))),
            (None, None) => None,
        };
        Adapter {
            message: escape(&d.message),
            code: Some(d.code.as_str()),
            severity: match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
            },
            help,
            source: &named.source,
            labels,
            related,
        }
    }
}

impl fmt::Debug for Adapter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Adapter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Adapter<'_> {}

impl miette::Diagnostic for Adapter<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.code.map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn miette::Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|r| r as &dyn miette::Diagnostic),
        ))
    }
}
