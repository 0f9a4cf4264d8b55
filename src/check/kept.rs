//! What each circular gave the last analysis of a [`super::Session`], kept so that the next one
//! computes it again only for the circulars that changed: how the engine compiled it, and what
//! the analysis found of it on its own.
//!
//! A compiled circular ([`crate::eval::CompiledCircular`]) reads the circular and the classes
//! of the workspace (its regions are made of them); the engine works out its revocation again
//! each time. So it is reused when the circular is at the same place ([`Place`], below) and the
//! classes are the same ([`Universe::same_classes`]: the same values in every dimension; the
//! session keeps its interner between checks, so that a name keeps its symbol).
//!
//! The analysis of one circular on its own ([`crate::analysis::of_circular`]: its pieces and
//! the findings within it, about two thirds of the analysis of a national corpus) reads the
//! circular, its compiled regions and the names of the whole workspace (the classes the
//! regions are made of, and the words of a witness). So what was kept for a circular is reused
//! only when all of this is the same:
//!
//! - the circular: the same text of the same file, under the same file number, at the same
//!   place in it ([`Place`]: the session gives a file a new generation each time its text
//!   changes);
//! - its validity as compiled, and the revocation that ends it (the day, and the number of the
//!   revoking circular, which a `dead-rule` names): another file can revoke it;
//! - the workspace's classes, as above. When they change (a new unit written anywhere),
//!   nothing kept is reused;
//! - the workspace's calendar: a finding is reported on working days only, and its witness
//!   names one, so a `holiday`, `workweek` or `calendar none` written anywhere changes what any
//!   circular gives; when the calendar changes, no finding kept is reused (the compiled
//!   circulars are: they do not read the calendar).
//!
//! A circular's number in the workspace may change (a circular added before it): its findings
//! are renumbered. Anything else the analysis of a circular comes to read must be added to the
//! key here, or the session would give findings of an earlier state: `tests/session.rs`
//! compares it with a full check after random edits.

use crate::analysis::{About, Finding, Pieces};
use crate::eval::{CompiledCircular, Engine};
use crate::model::{CircularId, Workspace};
use crate::region::{Day, Universe};
use crate::span::FileId;
use foldhash::HashMap;
use std::sync::Mutex;

/// Where a circular is written: the generation of its file's text, and its first byte.
pub(super) type Place = (u64, u32);

/// What a circular gave the analysis, and what it was computed from.
struct Entry {
    /// Its number in the workspace of that analysis.
    circular: CircularId,
    /// What besides its place it was computed from.
    inputs: Inputs,
    findings: Vec<Finding>,
    pieces: Pieces,
}

/// What the analysis of a circular reads besides its text and the workspace's names.
#[derive(PartialEq)]
struct Inputs {
    file: FileId,
    from: Day,
    to: Day,
    /// The day it is revoked from, and the number of the circular that revokes it.
    revoked: Option<(Day, String)>,
}

impl Inputs {
    fn of(engine: &Engine<'_>, c: CircularId) -> Inputs {
        let compiled = engine.compiled(c);
        Inputs {
            file: engine.circular(c).file,
            from: compiled.from,
            to: compiled.to,
            revoked: compiled
                .revoked
                .map(|(day, by)| (day, engine.circular(by).id.clone())),
        }
    }
}

/// What every circular gave the last analysis, by place.
#[derive(Default)]
pub(super) struct Kept {
    /// The classes of the workspace of that analysis.
    universe: Option<Universe>,
    /// The calendar of the workspace of that analysis.
    calendar: Option<crate::calendar::Calendar>,
    entries: HashMap<Place, Entry>,
    /// Each circular as that analysis's engine compiled it.
    compiled: HashMap<Place, CompiledCircular>,
    /// How many circulars the last analysis computed (the others were reused).
    pub(super) computed: usize,
    /// How many circulars the last analysis's engine compiled (the others were reused).
    pub(super) compiled_anew: usize,
}

impl Kept {
    /// The findings of the analysis of `ws` (as [`crate::analysis::findings`] of its engine
    /// gives them), reusing what was kept for the circulars that did not change: how the
    /// engine compiled them, and their pieces and findings; `places[c]` is where circular `c`
    /// is written. Keeps what every circular gave, for the next analysis.
    /// `universe` is that of `ws`.
    pub(super) fn findings(
        &mut self,
        ws: &Workspace,
        universe: Universe,
        places: &[Place],
    ) -> Vec<Finding> {
        if !self
            .universe
            .as_ref()
            .is_some_and(|u| u.same_classes(&universe))
        {
            self.entries.clear();
            self.compiled.clear();
        }
        if self.calendar.as_ref() != Some(&ws.calendar) {
            self.entries.clear();
            self.calendar = Some(ws.calendar.clone());
        }
        let previous: Vec<Option<CompiledCircular>> =
            places.iter().map(|p| self.compiled.remove(p)).collect();
        self.compiled_anew = previous.iter().filter(|c| c.is_none()).count();
        let engine = Engine::reusing(ws, universe, previous);
        let found = self.reuse(&engine, places);
        let (universe, compiled) = engine.into_parts();
        self.universe = Some(universe);
        self.compiled = places.iter().copied().zip(compiled).collect();
        found
    }

    /// The findings of `engine`'s analysis, with the pieces and findings kept of the circulars
    /// that did not change; keeps those of every circular.
    fn reuse(&mut self, engine: &Engine<'_>, places: &[Place]) -> Vec<Finding> {
        let entries = &self.entries;
        let computed: Mutex<Vec<Entry>> = Mutex::new(Vec::new());
        let own = |c: CircularId| {
            let inputs = Inputs::of(engine, c);
            if let Some(entry) = entries.get(&places[c])
                && entry.inputs == inputs
            {
                let findings = entry
                    .findings
                    .iter()
                    .map(|f| renumbered(f, entry.circular, c))
                    .collect();
                return (findings, entry.pieces.clone());
            }
            let (findings, pieces) = crate::analysis::of_circular(engine, c);
            // Only findings about this circular alone can be renumbered when it moves.
            if findings.iter().all(|f| only_about(f, c)) {
                let entry = Entry {
                    circular: c,
                    inputs,
                    findings: findings.clone(),
                    pieces: pieces.clone(),
                };
                computed
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(entry);
            }
            (findings, pieces)
        };
        let given = crate::par::map(places.len(), own);
        let found = crate::analysis::findings_given(engine, given);
        let computed = computed.into_inner().unwrap_or_else(|e| e.into_inner());
        self.computed = computed.len();
        let mut previous = std::mem::take(&mut self.entries);
        let mut entries: HashMap<Place, Entry> =
            HashMap::with_capacity_and_hasher(places.len(), Default::default());
        for entry in computed {
            entries.insert(places[entry.circular], entry);
        }
        for (c, place) in places.iter().enumerate() {
            if !entries.contains_key(place)
                && let Some(mut entry) = previous.remove(place)
            {
                entry.findings = entry
                    .findings
                    .iter()
                    .map(|f| renumbered(f, entry.circular, c))
                    .collect();
                entry.circular = c;
                entries.insert(*place, entry);
            }
        }
        self.entries = entries;
        found
    }
}

/// True when every place `f` is about is in circular `c`.
fn only_about(f: &Finding, c: CircularId) -> bool {
    std::iter::once(&f.key.first)
        .chain(&f.key.second)
        .all(|about| circular_of(about) == c)
}

fn circular_of(about: &About) -> CircularId {
    match about {
        About::Rules(c, _) | About::Except(c, _, _) | About::Exempt(c, _) => *c,
    }
}

/// `f`, about circular `to` where it was about circular `from`.
fn renumbered(f: &Finding, from: CircularId, to: CircularId) -> Finding {
    let mut f = f.clone();
    if from != to {
        for about in std::iter::once(&mut f.key.first).chain(&mut f.key.second) {
            match about {
                About::Rules(c, _) | About::Except(c, _, _) | About::Exempt(c, _) => {
                    debug_assert_eq!(*c, from);
                    *c = to;
                }
            }
        }
    }
    f
}
