//! What a question says about itself: the values it names that no circular names ("no circular
//! names function `direct_servce`: did you mean `direct_service`?"), and why no rule applied at
//! a point where the answer is the baseline or an exemption. Both are read from the engine's
//! universe and its walk of the circulars, never from a second reading of the selectors.

use super::query::Spec;
use super::{CircularOutcome, Engine, Status};
use crate::model::CircularId;
use crate::msg::{Arg, Text};
use crate::region::{self, Dim, Kind, Point};
use crate::text;

/// What messages call a value of a dimension.
fn noun(dim: Dim) -> &'static str {
    dim.info().noun
}

/// Lowercase, without spaces and punctuation: `Pemprov Jawa-Tengah` reads as `pemprovjawatengah`.
fn folded(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric() || *c == '/')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The value a person probably meant: equal but for case, spacing and punctuation, or a few
/// letters apart (two, or a quarter of the longer name: `Pemprov Jawa Tengah` and `Pemprov
/// Jateng` are four apart in seventeen).
pub fn did_you_mean<'a>(
    written: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let spellings: Vec<Spelling<'a>> = candidates.into_iter().map(Spelling::of).collect();
    closest(written, &spellings)
}

/// A name as [`did_you_mean`] compares it: folded once, not once per question.
pub(super) struct Spelling<'a> {
    written: &'a str,
    folded: String,
    chars: usize,
}

impl<'a> Spelling<'a> {
    fn of(written: &'a str) -> Spelling<'a> {
        let folded = folded(written);
        let chars = folded.chars().count();
        Spelling {
            written,
            folded,
            chars,
        }
    }
}

/// [`did_you_mean`] among names already folded. Two names are at least as far apart as their
/// lengths differ, so a name too long or too short to be close is passed without measuring.
fn closest<'a>(written: &str, candidates: &[Spelling<'a>]) -> Option<&'a str> {
    let w = folded(written);
    let w_chars = w.chars().count();
    let close = |d: usize, len: usize| d <= 2.max(len / 4) && d < len;
    candidates
        .iter()
        .filter(|c| c.written != written)
        .filter(|c| {
            let len = c.chars.max(w_chars);
            close(c.chars.abs_diff(w_chars), len)
        })
        .map(|c| {
            let d = strsim::damerau_levenshtein(&w, &c.folded);
            (d, c.written, c.chars.max(w_chars))
        })
        .filter(|&(d, _, len)| close(d, len))
        .min_by_key(|&(d, c, _)| (d, c))
        .map(|(_, c, _)| c)
}

impl<'w> Engine<'w> {
    /// The values (of a yes/no dimension: the names) every circular names for a dimension, as
    /// written, folded for [`did_you_mean`]: computed on the first question that needs them.
    fn named_values(&self, dim: Dim) -> &[Spelling<'w>] {
        let all = self.spellings.get_or_init(|| {
            Dim::ALL
                .map(|dim| {
                    let ws: &'w crate::model::Workspace = self.ws;
                    (0..self.universe.named(dim))
                        .filter_map(|c| self.universe.value(dim, c))
                        .map(|s| Spelling::of(ws.interner.resolve(s)))
                        .collect()
                })
                .into()
        });
        &all[dim.index()]
    }
}

impl Engine<'_> {
    /// The notes of a question about the values it gives that no circular names, each with the
    /// closest name a circular does use, if one is close (section 10.1). A unit below a named
    /// unit is named (it is in that unit's class). A government under a `scope all` circular is
    /// noted only when a close spelling exists: it is bound, so only a likely typo is worth a
    /// word.
    pub fn name_notes(&self, spec: &Spec) -> Vec<Text> {
        let mut notes = Vec::new();
        // The values with no close spelling, in one note: "no circular names unit `BPKAD` or
        // function `admin`: they are answered like any other".
        let mut plain: Vec<Text> = Vec::new();
        let given = Dim::CLASSED
            .into_iter()
            .filter_map(|d| Some((d, spec.values[d.index()].as_deref()?)));
        let flags = spec.flags.iter().map(|(d, name, _)| (*d, name.as_str()));
        for (dim, value) in given.chain(flags) {
            if self.universe.classify(dim, value, &self.ws.interner) != self.universe.named(dim) {
                continue;
            }
            let shown = value.trim();
            match closest(shown, self.named_values(dim)) {
                Some(s) => notes.push(text!(
                    "note-unnamed-did-you-mean",
                    noun = noun(dim),
                    value = shown,
                    meant = s
                )),
                // A closed dimension: the value is bound by a `scope all` circular, or (the
                // engine's own note) named by no scope.
                None if dim.kind() == Kind::Closed => {}
                None => {
                    let named = text!("note-named", noun = noun(dim), value = shown);
                    if !plain.contains(&named) {
                        plain.push(named);
                    }
                }
            }
        }
        match plain.as_slice() {
            [] => {}
            [one] => notes.push(text!("note-unnamed", value = one.clone())),
            many => notes.push(text!(
                "note-unnamed-many",
                values = Arg::OneOf {
                    items: many.to_vec(),
                    short: false
                }
            )),
        }
        notes
    }

    /// Why no rule decides at a point whose answer is the baseline or an exemption, in the
    /// drafter's words: "no circular is in force on 2023-01-01", "no circular names government
    /// `Pemprov Jawa Tengah` in its scope: did you mean `Pemprov Jateng`?", "`800/2928-BKD/2023`
    /// exempts this subject", "no rule of `X` covers this subject". `gov` is the government as
    /// the question wrote it.
    pub fn why_no_rule(&self, p: &Point, gov: Option<&str>) -> Text {
        let ws = self.ws;
        let on = region::date(p.day).to_string();
        let mut in_force: Vec<CircularId> = Vec::new();
        let mut revoked: Vec<(CircularId, CircularId)> = Vec::new();
        let mut exempting: Vec<CircularId> = Vec::new();
        let mut applying: Vec<CircularId> = Vec::new();
        for i in 0..ws.circulars.len() {
            match self.circular_outcome(i, p) {
                CircularOutcome::OutsideValidity => {}
                CircularOutcome::RevokedBy(by) => revoked.push((i, by)),
                CircularOutcome::OutOfScope => in_force.push(i),
                CircularOutcome::Exempt => {
                    in_force.push(i);
                    exempting.push(i);
                }
                CircularOutcome::Applies => {
                    in_force.push(i);
                    applying.push(i);
                }
            }
        }
        let ids = |list: &[CircularId]| -> String {
            let shown: Vec<String> = list
                .iter()
                .map(|&c| format!("`{}`", ws.circulars[c].id))
                .collect();
            shown.join(", ")
        };
        if !exempting.is_empty() && applying.iter().all(|c| exempting.contains(c)) {
            return text!("why-exempts", circulars = ids(&exempting), on = on);
        }
        if in_force.is_empty() {
            return match revoked.first() {
                Some((c, by)) => text!(
                    "why-none-in-force-revoked",
                    on = on,
                    circular = &ws.circulars[*c].id,
                    by = &ws.circulars[*by].id
                ),
                None => text!("why-none-in-force", on = on),
            };
        }
        if applying.is_empty() {
            let gov = gov.map(str::trim);
            let unnamed = p.classes[Dim::Gov.index()] == self.universe.named(Dim::Gov);
            return match gov {
                Some(g) if unnamed => match closest(g, self.named_values(Dim::Gov)) {
                    Some(s) => text!("why-unscoped-did-you-mean", gov = g, meant = s),
                    None => text!("why-unscoped", gov = g),
                },
                Some(g) => text!(
                    "why-not-bound",
                    on = on,
                    gov = g,
                    circulars = ids(&in_force)
                ),
                None => text!("why-this-not-bound", on = on, circulars = ids(&in_force)),
            };
        }
        text!("why-no-rule-covers", circulars = ids(&applying), on = on)
    }
}

/// True for an answer that no rule decided.
pub fn unruled(status: Status) -> bool {
    matches!(status, Status::Baseline | Status::Exempt)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn close_spellings_are_suggested_and_distant_ones_are_not() {
        let govs = ["Pemprov Jateng", "Pemprov Banten", "Pemkot Semarang"];
        assert_eq!(
            did_you_mean("Pemprov Jawa Tengah", govs),
            Some("Pemprov Jateng")
        );
        assert_eq!(did_you_mean("pemprov banten", govs), Some("Pemprov Banten"));
        assert_eq!(did_you_mean("Pemprov Papua", govs), None);
        let functions = ["direct_service", "admin"];
        assert_eq!(
            did_you_mean("direct_servce", functions),
            Some("direct_service")
        );
        assert_eq!(did_you_mean("field", functions), None);
    }
}
