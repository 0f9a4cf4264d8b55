//! What a rule requires: the share at the office and where the others may work
//! (docs/language.md section 6).

use super::{Pct, PctLit};

/// `wfo ...`, `wfh ...` or `wfa ...`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The share is of staff working from the office; the others work from home.
    Wfo,
    /// The share is of staff working from home.
    Wfh,
    /// The share is of staff working from anywhere (home included): not at the office.
    Wfa,
}

impl Mode {
    /// The keyword.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Wfo => "wfo",
            Mode::Wfh => "wfh",
            Mode::Wfa => "wfa",
        }
    }

    /// Where the staff who are not at the office work under this mode.
    pub fn remote(self) -> Remote {
        match self {
            Mode::Wfo | Mode::Wfh => Remote::Home,
            Mode::Wfa => Remote::Anywhere,
        }
    }
}

/// Where the staff who are not at the office may work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Remote {
    /// From home (`wfo`, `wfh`).
    Home,
    /// From anywhere, home included (`wfa`).
    Anywhere,
}

impl Remote {
    /// The word of the JSON documents: `home` or `anywhere`.
    pub fn as_str(self) -> &'static str {
        match self {
            Remote::Home => "home",
            Remote::Anywhere => "anywhere",
        }
    }

    /// The place both allow: home is within anywhere.
    pub fn narrower(self, other: Remote) -> Remote {
        self.min(other)
    }
}

impl std::fmt::Display for Remote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "from {}", self.as_str())
    }
}

/// The written form of an amount.
#[derive(Clone, Debug, PartialEq)]
pub enum Amount {
    /// `N%`
    Exact(PctLit),
    /// `at most N%`
    AtMost(PctLit),
    /// `at least N%`
    AtLeast(PctLit),
    /// `N%..M%`
    Range(PctLit, PctLit),
}

/// A closed interval of WFO shares, `min <= max`, and where the others may work.
///
/// Build it with [`Interval::new`]: an interval whose share is exactly 100% leaves nobody out of
/// the office, so its place is [`Remote::Home`] whatever was written, and equal meanings compare
/// equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Interval {
    /// Smallest allowed share.
    pub min: Pct,
    /// Largest allowed share.
    pub max: Pct,
    /// Where the staff who are not at the office may work.
    pub remote: Remote,
}

impl Interval {
    /// Every share, from anywhere: nothing is required (the neutral element of
    /// [`Interval::intersect`]).
    pub const ANY: Interval = Interval {
        min: Pct::ZERO,
        max: Pct::FULL,
        remote: Remote::Anywhere,
    };

    /// The interval `min..max` with the others working `remote` (normalised: see the type).
    pub fn new(min: Pct, max: Pct, remote: Remote) -> Interval {
        let remote = if min == Pct::FULL {
            Remote::Home
        } else {
            remote
        };
        Interval { min, max, remote }
    }

    /// The interval `min..max` with the others at home: what `wfo` and `wfh` say.
    pub fn home(min: Pct, max: Pct) -> Interval {
        Interval::new(min, max, Remote::Home)
    }

    /// The intersection, or `None` when the shares are disjoint: the shares both allow, and the
    /// narrower place (home when either says home). The place never makes it empty.
    pub fn intersect(self, other: Interval) -> Option<Interval> {
        let min = self.min.max(other.min);
        let max = self.max.min(other.max);
        (min <= max).then(|| Interval::new(min, max, self.remote.narrower(other.remote)))
    }

    /// Whether the two allow the same shares (wherever the others work).
    pub fn same_shares(self, other: Interval) -> bool {
        (self.min, self.max) == (other.min, other.max)
    }

    /// The shares alone, as in `at most 50%`.
    pub fn shares(self) -> impl std::fmt::Display {
        Shares(self)
    }

    /// The shares and the place, the place also when it is home: `at most 50%, the others from
    /// home` (where the default would not say enough, as when two places meet).
    pub fn with_place(self) -> impl std::fmt::Display {
        WithPlace(self)
    }
}

impl Interval {
    /// The shares alone in `lang`: `at most 50%`, `paling banyak 50%`.
    pub fn shares_in(self, lang: crate::Lang) -> String {
        self.shares_arg().render(lang)
    }

    /// The shares alone, for a message: `50%`, `at most 50%`, `25%..50%`.
    pub fn shares_arg(self) -> crate::msg::Arg {
        let Interval { min, max, .. } = self;
        if min == max {
            min.to_string().into()
        } else if min == Pct::ZERO {
            crate::text!("shares-at-most", max = max.to_string()).into()
        } else if max == Pct::FULL {
            crate::text!("shares-at-least", min = min.to_string()).into()
        } else {
            format!("{min}..{max}").into()
        }
    }

    /// The shares and the place in `lang`: `at most 50%, the others from home`.
    pub fn with_place_in(self, lang: crate::Lang) -> String {
        self.with_place_text().render(lang)
    }

    /// [`Interval::with_place_in`], for a message (formatted in the language shown).
    pub fn with_place_arg(self) -> crate::msg::Arg {
        self.with_place_text().into()
    }

    fn with_place_text(self) -> crate::msg::Text {
        crate::text!(
            "others-from",
            shares = self.shares_arg(),
            place = self.remote.as_str()
        )
    }

    /// The shares, and the place where it is not home, in `lang` (as [`Interval`]'s
    /// `Display` in English).
    pub fn shown_in(self, lang: crate::Lang) -> String {
        self.arg().render(lang)
    }

    /// [`Interval::shown_in`], for a message: formatted in the language it is shown in, and only
    /// then.
    pub fn arg(self) -> crate::msg::Arg {
        match self.remote {
            Remote::Home => self.shares_arg(),
            Remote::Anywhere => self.with_place_text().into(),
        }
    }
}

struct Shares(Interval);

impl std::fmt::Display for Shares {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.shares_in(crate::Lang::En))
    }
}

struct WithPlace(Interval);

impl std::fmt::Display for WithPlace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.with_place_in(crate::Lang::En))
    }
}

/// The shares, and the place where it is not home: `at most 50%`, `at least 50%, the others from
/// anywhere`.
impl std::fmt::Display for Interval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown_in(crate::Lang::En))
    }
}

impl Amount {
    /// The interval of shares as written (before `wfh` and `wfa` are turned into `wfo`); `None`
    /// when a percentage is invalid or a range is reversed.
    fn written(&self) -> Option<(Pct, Pct)> {
        let iv = |min: Pct, max: Pct| (min <= max).then_some((min, max));
        match self {
            Amount::Exact(p) => iv(p.node?, p.node?),
            Amount::AtMost(p) => iv(Pct::ZERO, p.node?),
            Amount::AtLeast(p) => iv(p.node?, Pct::FULL),
            Amount::Range(a, b) => iv(a.node?, b.node?),
        }
    }
}

/// `wfo 50%`, `wfh at least 50%`, `wfa at most 50%`, ...
#[derive(Clone, Debug, PartialEq)]
pub struct Arrangement {
    /// WFO, WFH or WFA.
    pub mode: Mode,
    /// The amount.
    pub amount: Amount,
}

impl Arrangement {
    /// The closed interval of WFO shares this arrangement allows, and where the others may work
    /// (docs/language.md section 6): a `wfh` or `wfa` amount is the share not at the office.
    pub fn wfo_interval(&self) -> Option<Interval> {
        let (min, max) = self.amount.written()?;
        let (min, max) = match self.mode {
            Mode::Wfo => (min, max),
            Mode::Wfh | Mode::Wfa => (max.complement(), min.complement()),
        };
        Some(Interval::new(min, max, self.mode.remote()))
    }
}
