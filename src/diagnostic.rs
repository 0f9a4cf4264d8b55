//! Diagnostics: what the checks find, as plain data.
//!
//! The core builds [`Diagnostic`]s and never prints them: rendering (miette, JSON) belongs to the
//! outer layer. Messages follow the house style: lowercase, no final period, user input in
//! backticks, detail in the help and the labels.

use crate::lang::Lang;
use crate::msg::Text;
use crate::span::{FileId, Span};
use std::fmt;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Must be fixed: `edaran check` exits 1.
    Error,
    /// Likely a mistake: `edaran check` exits 0 unless `--deny warnings`.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! codes {
    ($($variant:ident => $name:literal, $severity:ident, $summary:literal;)*) => {
        /// The stable code of a diagnostic (docs/language.md section 11).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $(#[doc = $summary] $variant,)*
        }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The kebab-case name, as printed and as used in `docs/lints.md`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity a diagnostic of this code has.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// One line on what the code finds.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }

            /// True for the codes found while reading and resolving (`syntax` to
            /// `too-many-names`): a workspace with one does not parse and resolve, and questions
            /// are refused until it is fixed.
            pub fn is_resolution_error(self) -> bool {
                matches!(
                    self,
                    Code::Syntax
                        | Code::InvalidDate
                        | Code::InvalidPercent
                        | Code::EmptyPeriod
                        | Code::MissingClause
                        | Code::UnknownName
                        | Code::DuplicateName
                        | Code::TooManyNames
                )
            }

            /// The code with this name.
            pub fn from_name(name: &str) -> Option<Code> {
                match name { $($name => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    Syntax => "syntax", Error, "the text does not follow the grammar";
    MixedLanguage => "mixed-language", Error, "a file or question that mixes English and Indonesian keywords";
    InvalidDate => "invalid-date", Error, "a date that does not exist";
    InvalidPercent => "invalid-percent", Error, "a percentage above 100% or with more than two decimals";
    EmptyPeriod => "empty-period", Error, "a period that ends before it starts";
    MissingClause => "missing-clause", Error, "a circular without a required clause";
    UnknownName => "unknown-name", Error, "a set or rule name that is not defined";
    DuplicateName => "duplicate-name", Error, "a set, rule, circular or test name defined twice";
    TooManyNames => "too-many-names", Error, "more than 64 conditions, or 64 traits, in one workspace";
    OverrideCycle => "override-cycle", Error, "rules that override each other in a cycle";
    Conflict => "conflict", Error, "two rules of one circular that require disjoint shares";
    Antinomy => "antinomy", Error, "two circulars of one level that contradict each other with no principle to decide";
    ViolatesHigherNorm => "violates-higher-norm", Error, "a rule that contradicts a circular of a higher level";
    ImplicitRevocation => "implicit-revocation", Warning, "a later circular contradicts an earlier one without revoking it";
    OverlappingSectors => "overlapping-sectors", Warning, "one unit in two sectors of the same circular";
    Overlap => "overlap", Warning, "two rules that apply together with different but compatible shares";
    DeadRule => "dead-rule", Warning, "a rule that never decides anything";
    DeadExemption => "dead-exemption", Warning, "an exemption that removes nothing";
    TooManyCombinations => "too-many-combinations", Warning, "a circular whose rules combine in too many ways to be checked";
    NoRule => "no-rule", Warning, "a circular without rules: it sets no share";
    RuleOutsideValidity => "rule-outside-validity", Error, "a `during` period outside the circular's validity";
    RevokesUnknown => "revokes-unknown", Warning, "a revoked circular that is not in the workspace";
    Retroactive => "retroactive", Warning, "a circular signed after its first valid day";
    PeriodMismatch => "period-mismatch", Warning, "a stated duration that disagrees with the dates";
    RuleOnDaysOff => "rule-on-days-off", Warning, "a validity, rule or `during` window that covers no working day";
    EveryOutsideValidity => "every-outside-validity", Warning, "`every WEEKDAY` on dates that hold no such weekday";
    NearDuplicateName => "near-duplicate-name", Warning, "two names that differ only by case, spacing or a letter or two";
    InvisibleCharacter => "invisible-character", Warning, "a name holding an invisible or control character";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary place a diagnostic points at, possibly in another file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// The file.
    pub file: FileId,
    /// The place.
    pub span: Span,
    /// What is there.
    pub message: String,
    /// The same as a message of `locales/`, where it is written there.
    pub text: Option<Text>,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code.
    pub code: Code,
    /// Severity (the code's own).
    pub severity: Severity,
    /// Lowercase, no final period, user input in backticks.
    pub message: String,
    /// The file of the primary span.
    pub file: FileId,
    /// The primary span.
    pub span: Span,
    /// Text shown under the primary span.
    pub label: Option<String>,
    /// Other places involved.
    pub labels: Vec<Label>,
    /// How to fix it, where that is known.
    pub help: Option<String>,
    /// A concrete point where the finding holds.
    pub witness: Option<String>,
    /// The message, label, help and witness as messages of `locales/` (each where it is written
    /// there): what [`Diagnostic::in_language`] shows in another language. The strings above are
    /// their English.
    pub texts: Option<Box<Texts>>,
}

/// The texts of a diagnostic as messages of `locales/`, each where it is written there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Texts {
    /// The message.
    pub message: Option<Text>,
    /// The label under the primary span.
    pub label: Option<Text>,
    /// The help.
    pub help: Option<Text>,
    /// The witness.
    pub witness: Option<Text>,
}

impl Diagnostic {
    /// A diagnostic of `code` (with the code's severity) at `span` of `file`.
    pub fn new(code: Code, file: FileId, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            file,
            span,
            label: None,
            labels: Vec::new(),
            help: None,
            witness: None,
            texts: None,
        }
    }

    /// A diagnostic whose message is `text` (its English in [`Diagnostic::message`]).
    pub fn of(code: Code, file: FileId, span: Span, text: Text) -> Diagnostic {
        let mut d = Diagnostic::new(code, file, span, text.render(Lang::En));
        d.texts_mut().message = Some(text);
        d
    }

    fn texts_mut(&mut self) -> &mut Texts {
        self.texts.get_or_insert_with(Default::default)
    }

    /// With a label under the primary span, written in `locales/`.
    pub fn with_label_text(mut self, text: Text) -> Diagnostic {
        self.set_label_text(text);
        self
    }

    /// Sets the label under the primary span, written in `locales/`.
    pub fn set_label_text(&mut self, text: Text) {
        self.label = Some(text.render(Lang::En));
        self.texts_mut().label = Some(text);
    }

    /// With a help written in `locales/`.
    pub fn with_help_text(mut self, text: Text) -> Diagnostic {
        self.set_help_text(text);
        self
    }

    /// Sets the help, written in `locales/`.
    pub fn set_help_text(&mut self, text: Text) {
        self.help = Some(text.render(Lang::En));
        self.texts_mut().help = Some(text);
    }

    /// Adds a secondary place whose message is written in `locales/`.
    pub fn push_secondary_text(&mut self, file: FileId, span: Span, text: Text) {
        self.labels.push(Label {
            file,
            span,
            message: text.render(Lang::En),
            text: Some(text),
        });
    }

    /// With a witness written in `locales/`.
    pub fn with_witness_text(mut self, text: Text) -> Diagnostic {
        self.witness = Some(text.render(Lang::En));
        self.texts_mut().witness = Some(text);
        self
    }

    /// With a secondary place whose message is written in `locales/`.
    pub fn with_secondary_text(mut self, file: FileId, span: Span, text: Text) -> Diagnostic {
        self.push_secondary_text(file, span, text);
        self
    }

    /// The diagnostic as shown in `lang`: each text written in `locales/` in that language, the
    /// others as they are (in English).
    pub fn in_language(&self, lang: Lang) -> Diagnostic {
        let mut d = self.clone();
        if lang == Lang::En {
            return d;
        }
        for label in &mut d.labels {
            if let Some(t) = &label.text {
                label.message = t.render(lang);
            }
        }
        if let Some(texts) = &self.texts {
            let show = |t: &Option<Text>, s: &mut Option<String>| {
                if let Some(t) = t {
                    *s = Some(t.render(lang));
                }
            };
            if let Some(t) = &texts.message {
                d.message = t.render(lang);
            }
            show(&texts.label, &mut d.label);
            show(&texts.help, &mut d.help);
            show(&texts.witness, &mut d.witness);
        }
        d
    }

    /// With a label under the primary span.
    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    /// With a secondary place.
    pub fn with_secondary(mut self, file: FileId, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
            text: None,
        });
        self
    }

    /// With a help.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// With a witness.
    pub fn with_witness(mut self, witness: impl Into<String>) -> Diagnostic {
        self.witness = Some(witness.into());
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics by file, then position, then code, so output is stable.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.file, a.span.start, a.span.end, a.code, &a.message).cmp(&(
            b.file,
            b.span.start,
            b.span.end,
            b.code,
            &b.message,
        ))
    });
}
