//! A synthetic national corpus of circulars, for benchmarks and scale tests.
//!
//! It writes what a realistic corpus holds: every regional government with its agencies (OPD) and
//! their sub-units, circulars over the years with sectors, sub-unit exceptions by `overrides`,
//! `otherwise`, exemptions by function, WFH priorities, duties, revocations of the previous
//! circular, and a few national frames above them. It is deterministic (a seeded generator) and
//! clean: the circulars agree with each other, so `check` finds nothing but the work it has to do.

use crate::model::Source;
use std::fmt::Write as _;

const AGENCIES: &[&str] = &[
    "Dinas Kesehatan",
    "RSUD",
    "Dinas Perhubungan",
    "Satpol PP",
    "BPBD",
    "Dinas Sosial",
    "BPKAD",
    "Bapenda",
    "Diskominfo",
    "Disdukcapil",
    "DPMPTSP",
    "Dinas Pendidikan",
    "Bappeda",
    "Inspektorat",
    "BKD",
    "Dinas Pariwisata",
    "Dinas Pertanian",
    "Dinas PUPR",
    "Dinas Perkim",
    "Dinas Lingkungan Hidup",
    "Dinas Koperasi",
    "Dinas Perindustrian",
    "Dinas Tenaga Kerja",
    "Dinas Perikanan",
    "Dinas Kehutanan",
    "Biro Umum",
    "Biro Hukum",
    "Biro Organisasi",
    "Kesbangpol",
    "Dinas Arsip",
];

const PLACES: &[&str] = &[
    "Jakarta",
    "Bogor",
    "Depok",
    "Tangerang",
    "Bekasi",
    "Serang",
    "Bandung",
];

/// A small deterministic random source (SplitMix64), for generated corpora and tests.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// The size of a corpus.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    /// How many rules, about (the generator stops at the first circular that reaches it).
    pub rules: usize,
    /// How many regional governments share them.
    pub governments: usize,
    /// How many more sub-unit exceptions (`unit "X/UPTD Wilayah k" and function service => wfo
    /// 100% overrides crit`) each circular has beyond its one: more rules in the same bytes of
    /// boilerplate. With none, a rule takes about 190 bytes of source; with 13, about 125.
    pub exceptions: usize,
}

impl Size {
    /// About `rules` rules over a number of governments that grows with it (at most 550).
    pub fn rules(rules: usize) -> Size {
        Size {
            rules,
            governments: (rules / 20).clamp(1, 550),
            exceptions: 0,
        }
    }

    /// The same, with `exceptions` more sub-unit exceptions per circular.
    pub fn with_exceptions(self, exceptions: usize) -> Size {
        Size { exceptions, ..self }
    }
}

/// A corpus: one source per government, plus one for the national frames.
pub fn generate(size: Size, seed: u64) -> Vec<Source> {
    let mut rng = Rng(seed);
    let mut sources = Vec::new();
    let mut rules = 0;
    // National frames: one per year, scope all, a cap every regional rule below respects.
    let mut national = String::new();
    for year in 2020..2026 {
        let _ = write!(
            national,
            "circular \"INMENDAGRI/{year}\" {{\n  issuer \"Menteri Dalam Negeri\" level national\n  signed {year}-01-02\n  valid {year}-01-05 to {year}-12-31\n  scope all\n  exempt function in [direct_service, essential_service]\n  rule cap: all => wfo at least 25%\n}}\n\n"
        );
        rules += 1;
    }
    sources.push(Source {
        name: "national.se".into(),
        text: national,
    });
    let mut texts: Vec<String> = vec![String::new(); size.governments];
    let mut previous: Vec<Option<String>> = vec![None; size.governments];
    let mut number = 0usize;
    'outer: for year in 2020..2100 {
        for month in [1u32, 4, 7, 10] {
            for (g, text) in texts.iter_mut().enumerate() {
                if rules >= size.rules {
                    break 'outer;
                }
                number += 1;
                rules += circular(
                    &mut rng,
                    text,
                    (g, year, month, number),
                    size.exceptions,
                    &mut previous[g],
                );
            }
        }
    }
    for (g, text) in texts.into_iter().enumerate() {
        sources.push(Source {
            name: format!("gov-{g:03}.se"),
            text,
        });
    }
    sources
}

fn gov_name(g: usize) -> String {
    format!("Pemda {g:03}")
}

/// Writes circular `number` of government `g`, valid for three months from `month` of `year`,
/// with `exceptions` more sub-unit exceptions; returns how many rules it has.
fn circular(
    rng: &mut Rng,
    out: &mut String,
    (g, year, month, number): (usize, u32, u32, usize),
    exceptions: usize,
    previous: &mut Option<String>,
) -> usize {
    let gov = gov_name(g);
    let id = format!("{number:05}/BKD/{year}");
    let end_month = month + 2;
    let last = crate::syntax::lower::last_day_of_month(year as i32, end_month);
    let _ = writeln!(out, "// Surat Edaran {id} of {gov}");
    let _ = writeln!(out, "circular \"{id}\" {{");
    let _ = writeln!(
        out,
        "  title \"Penyesuaian Sistem Kerja ASN {year}-{month:02}\""
    );
    let _ = writeln!(
        out,
        "  issuer \"Sekretaris Daerah {g:03}\" level provincial"
    );
    let _ = writeln!(out, "  signed {year}-{month:02}-01 by \"Sekda {g:03}\"");
    let _ = writeln!(
        out,
        "  valid {year}-{month:02}-02 to {year}-{end_month:02}-{last:02}"
    );
    let _ = writeln!(out, "  basis \"Inmendagri\", \"SE MenPANRB\"");
    let _ = writeln!(out, "  scope \"{gov}\"");
    if let Some(prev) = previous.replace(id.clone()) {
        if rng.below(2) == 0 {
            let _ = writeln!(out, "  revokes \"{prev}\"");
        }
    }
    // Three disjoint sectors drawn from the agencies.
    let mut agencies: Vec<&str> = AGENCIES.to_vec();
    for i in (1..agencies.len()).rev() {
        agencies.swap(i, rng.below(i + 1));
    }
    let sizes = [4 + rng.below(3), 4 + rng.below(3), 3 + rng.below(3)];
    let mut at = 0;
    let mut sectors = Vec::new();
    for (k, n) in sizes.into_iter().enumerate() {
        let members: Vec<String> = agencies[at..at + n]
            .iter()
            .map(|a| format!("\"{a}\""))
            .collect();
        at += n;
        let name = ["critical", "essential", "support"][k];
        let _ = writeln!(out, "  sector {name} = [{}]", members.join(", "));
        sectors.push((name, agencies[at - n]));
    }
    let _ = writeln!(
        out,
        "  region commuters = [\"{}\", \"{}\"]",
        PLACES[rng.below(PLACES.len())],
        PLACES[rng.below(PLACES.len())]
    );
    let _ = writeln!(
        out,
        "  exempt function in [direct_service, essential_service]"
    );
    let shares = [(100, 75), (75, 50), (50, 25)];
    let (crit, ess) = shares[rng.below(shares.len())];
    let _ = writeln!(out, "  rule crit: critical => wfo {crit}%");
    let _ = writeln!(out, "  rule ess: essential => wfo at most {ess}%");
    let _ = writeln!(out, "  rule sup: support => wfo 25%..{ess}%");
    let _ = writeln!(
        out,
        "  rule crit_uptd: unit \"{}/UPTD Wilayah {}\" and function service => wfo 100% overrides crit",
        sectors[0].1,
        1 + rng.below(4)
    );
    // More exceptions name the other sub-units of critical agencies, each once.
    for k in 0..exceptions {
        let agency = sectors[0].1;
        let _ = writeln!(
            out,
            "  rule crit_uptd{}: unit \"{agency}/UPTD Wilayah {}\" and function field => wfo 100% overrides crit",
            k + 2,
            k + 5,
        );
    }
    let _ = writeln!(
        out,
        "  rule ess_field: unit \"{}\" and function field => wfo at most 100% overrides ess",
        sectors[1].1
    );
    let _ = writeln!(out, "  rule others: otherwise => wfo 25%");
    let _ = writeln!(out, "  wfh priority 1: domicile in commuters");
    let _ = writeln!(
        out,
        "  wfh priority 2: office \"{}\"",
        PLACES[rng.below(PLACES.len())]
    );
    let _ = writeln!(
        out,
        "  duty \"Memastikan pelayanan publik tidak terganggu\""
    );
    let _ = writeln!(out, "}}\n");
    6 + exceptions
}

/// `n` point questions about a corpus of [`generate`], one `wfo` line each: a fully specified
/// subject (unit, function, domicile, office and government) on a day within the validity of one
/// of its government's circulars. Deterministic: the same corpus and seed give the same lines.
pub fn questions(sources: &[Source], n: usize, seed: u64) -> Vec<String> {
    // Each government's validities, read back from the generated text.
    let mut govs: Vec<(String, Vec<(chrono::NaiveDate, chrono::NaiveDate)>)> = Vec::new();
    for s in sources {
        let mut gov = None;
        let mut valid = Vec::new();
        for line in s.text.lines() {
            if let Some(g) = line.strip_prefix("  scope \"") {
                gov = Some(g.trim_end_matches('"').to_string());
            } else if let Some(v) = line.strip_prefix("  valid ") {
                let mut days = v.split(" to ").filter_map(|d| d.parse().ok());
                if let (Some(a), Some(b)) = (days.next(), days.next()) {
                    valid.push((a, b));
                }
            }
        }
        if let Some(g) = gov.filter(|_| !valid.is_empty()) {
            govs.push((g, valid));
        }
    }
    if govs.is_empty() {
        return Vec::new();
    }
    let mut rng = Rng(seed);
    let functions = ["admin", "service", "field", "direct_service"];
    (0..n)
        .map(|_| {
            let (gov, valid) = &govs[rng.below(govs.len())];
            let (from, to) = valid[rng.below(valid.len())];
            let days = (to - from).num_days().max(0) as usize + 1;
            let day = from + chrono::Days::new(rng.below(days) as u64);
            let agency = AGENCIES[rng.below(AGENCIES.len())];
            let unit = match rng.below(3) {
                0 => format!("{agency}/UPTD Wilayah {}", 1 + rng.below(4)),
                _ => agency.to_string(),
            };
            let function = functions[rng.below(functions.len())];
            let domicile = PLACES[rng.below(PLACES.len())];
            let office = PLACES[rng.below(PLACES.len())];
            format!(
                "wfo \"{unit}\" gov \"{gov}\" function {function} domicile \"{domicile}\" office \"{office}\" on {day}"
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_corpus_checks_without_errors() {
        let sources = generate(Size::rules(300), 7);
        let ws = crate::check::load(sources);
        let errors: Vec<_> = ws.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let rules: usize = ws.circulars.iter().map(|c| c.rules.len()).sum();
        assert!((300..320).contains(&rules), "{rules} rules");
    }

    /// More exceptions a circular: more rules in fewer bytes, and still no finding at all.
    #[test]
    fn a_dense_corpus_has_more_rules_per_byte_and_no_findings() {
        let sparse = generate(Size::rules(600), 7);
        let dense = generate(Size::rules(600).with_exceptions(13), 7);
        let bytes = |s: &[Source]| s.iter().map(|s| s.text.len()).sum::<usize>();
        assert!(
            bytes(&dense) * 10 < bytes(&sparse) * 8,
            "dense is not denser"
        );
        let ws = crate::check::load(dense);
        assert!(ws.diagnostics.is_empty(), "{:#?}", ws.diagnostics);
        let rules: usize = ws.circulars.iter().map(|c| c.rules.len()).sum();
        assert!((600..640).contains(&rules), "{rules} rules");
        let regional: Vec<_> = ws
            .circulars
            .iter()
            .filter(|c| c.id.contains("/BKD/"))
            .collect();
        assert!(regional.len() > 20);
        assert!(regional.iter().all(|c| c.rules.len() == 19));
    }

    /// The questions are fully specified points on days some circular of their government is
    /// valid, the same for the same seed.
    #[test]
    fn generated_questions_are_points_within_a_validity() {
        let sources = generate(Size::rules(600), 7);
        let lines = questions(&sources, 50, 3);
        assert_eq!(lines.len(), 50);
        assert_eq!(lines, questions(&sources, 50, 3));
        let ws = crate::check::load(sources);
        let engine = crate::eval::Engine::new(&ws);
        for line in &lines {
            let (query, diagnostics) = crate::syntax::parse_query(crate::span::FileId(0), line);
            assert!(diagnostics.is_empty(), "{line}: {diagnostics:#?}");
            let query = query.expect("a question");
            let crate::syntax::ast::QueryKind::Wfo(subject) = &query.kind else {
                panic!("{line}: not a wfo question");
            };
            let spec = crate::eval::query::Spec::new(subject, &[]).expect("a day");
            assert!(spec.values.iter().all(Option::is_some), "{line}");
            assert_eq!(spec.from, spec.to);
            let gov = spec.values[crate::region::Dim::Gov.index()].as_deref();
            let gov = ws.interner.get(gov.expect("a government")).expect("named");
            let own = |c: &usize| match &ws.circulars[*c].scope {
                crate::model::GovScope::Govs(govs) => govs.contains(&gov),
                crate::model::GovScope::All => false,
            };
            assert!(
                engine.in_force(spec.from).iter().any(own),
                "{line}: no circular of its government in force"
            );
        }
    }
}
