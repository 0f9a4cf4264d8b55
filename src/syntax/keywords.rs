//! The keywords of the language, in one table.
//!
//! Every list of keywords the front end, the messages and the REPL use is read from [`TABLE`]:
//! the keywords that start a top-level item, a clause or a rule modifier, the dimensions of a
//! question, the words that cannot be names. A test ties the table to `grammar/edaran.pest`:
//! every quoted word of the grammar is in the table, every entry is in the grammar, and the
//! reserved entries are the grammar's `keyword` rule.
//!
//! The table has two columns: the English spelling ([`Keyword::text`]) and the Indonesian one
//! ([`Keyword::id`]). The grammar's keyword rules accept both (`kw_rule = @{ ("rule" |
//! "aturan") ~ !ident_char }`: one grammar, a test ties its words to both columns), the lowering
//! tells a file's language from the spellings it meets ([`language_of`]) and reports a file that
//! mixes them, and the formatter writes each keyword in the language asked ([`word`]).
//!
//! The order of the table is the order of the lists built from it, and so of the messages that
//! list keywords ("a clause starts with one of `title`, `issuer`, ...").

use crate::lang::Lang;
use foldhash::HashMap;
use std::sync::LazyLock;

/// Where a keyword may appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// It starts a top-level item of a file.
    Item,
    /// It starts a clause of a circular.
    Clause,
    /// It starts a modifier of a rule, after its arrangement.
    Modifier,
    /// It is part of an arrangement (`wfo at most 25%`).
    Arrangement,
    /// It is part of a selector.
    Selector,
    /// It starts a question (see [`QUESTIONS`] for the words that follow).
    Question,
    /// It names a dimension of a question (`function admin`, `gov "Pemprov Banten"`).
    Dimension,
    /// It starts the time of a question (`on DATE`, `from DATE to DATE`).
    Time,
    /// It starts a part of a `test` block.
    Test,
    /// It is an expected answer of an `expect`.
    Answer,
    /// It is the unit of a duration claim (`(1 month)`).
    Duration,
    /// It is a word inside a clause or a question that starts nothing of its own (`by`,
    /// `level`, `priority`).
    Part,
}

/// One keyword.
#[derive(Clone, Copy, Debug)]
pub struct Keyword {
    /// How it is written in English, as the grammar writes it.
    pub text: &'static str,
    /// How it is written in Indonesian (the same as [`Keyword::text`] for `unit`, `wfo`, `wfh`
    /// and `wfa`). Two keywords of different places may share it: `berlaku` is `valid` and, in
    /// a question, `in force`; `hari` is `day` and `days`.
    pub id: &'static str,
    /// Where it may appear.
    pub places: &'static [Place],
    /// Whether it cannot name a rule, a set or a function (the grammar's `keyword` rule).
    pub reserved: bool,
    /// Whether messages offer it: in the lists of what may start a line, for "did you mean",
    /// and as a word that is not a misspelt name. Only `govs` and the units of a duration are
    /// not offered (the lists these come from never held them).
    pub offered: bool,
    /// What it does, in a few words.
    pub about: &'static str,
}

use Place::*;

const fn kw(
    text: &'static str,
    id: &'static str,
    places: &'static [Place],
    reserved: bool,
    about: &'static str,
) -> Keyword {
    Keyword {
        text,
        id,
        places,
        reserved,
        offered: true,
        about,
    }
}

/// A keyword that messages do not offer (see [`Keyword::offered`]).
const fn quiet(
    text: &'static str,
    id: &'static str,
    places: &'static [Place],
    about: &'static str,
) -> Keyword {
    Keyword {
        text,
        id,
        places,
        reserved: false,
        offered: false,
        about,
    }
}

/// Every keyword of the language.
pub const TABLE: &[Keyword] = &[
    // Items and the clauses of a circular.
    kw(
        "circular",
        "surat_edaran",
        &[Item],
        false,
        "a circular (Surat Edaran)",
    ),
    kw("title", "judul", &[Clause], false, "the circular's title"),
    kw("issuer", "penerbit", &[Clause], false, "who issued it"),
    kw("level", "tingkat", &[Part], true, "the issuer's rank"),
    kw(
        "signed",
        "ditandatangani",
        &[Clause],
        false,
        "the signing date",
    ),
    kw("by", "oleh", &[Part], true, "the signatory"),
    kw("valid", "berlaku", &[Clause], false, "when it is in force"),
    kw("basis", "dasar", &[Clause], false, "its legal basis"),
    kw(
        "scope",
        "cakupan",
        &[Clause],
        false,
        "the governments it binds",
    ),
    kw(
        "revokes",
        "mencabut",
        &[Clause],
        false,
        "the circulars it revokes",
    ),
    kw(
        "sector",
        "sektor",
        &[Item, Clause],
        false,
        "a named set of units",
    ),
    kw(
        "region",
        "wilayah",
        &[Item, Clause],
        false,
        "a named set of places",
    ),
    quiet(
        "govs",
        "daftar_instansi",
        &[Item, Clause],
        "a named set of governments",
    ),
    kw(
        "exempt",
        "dikecualikan",
        &[Clause, Answer],
        false,
        "who is exempt",
    ),
    kw(
        "rule",
        "aturan",
        &[Clause],
        false,
        "a rule: selector and arrangement",
    ),
    kw(
        "wfh",
        "wfh",
        &[Clause, Arrangement, Question],
        true,
        "working from home",
    ),
    kw(
        "priority",
        "prioritas",
        &[Part],
        true,
        "a rank of WFH priority",
    ),
    kw("duty", "kewajiban", &[Clause], false, "a duty of the staff"),
    kw(
        "condition",
        "kondisi",
        &[Clause],
        false,
        "a situation the circular foresees",
    ),
    kw(
        "baseline",
        "bawaan",
        &[Item, Answer],
        false,
        "the share where no rule decides",
    ),
    kw("test", "uji", &[Item], false, "a block of expectations"),
    kw(
        "holiday",
        "libur",
        &[Item],
        false,
        "a holiday of the workspace",
    ),
    kw(
        "workweek",
        "hari_kerja",
        &[Item],
        false,
        "the working weekdays",
    ),
    kw(
        "calendar",
        "kalender",
        &[Item],
        false,
        "`calendar none`: no national holidays",
    ),
    kw(
        "given",
        "dengan",
        &[Test],
        true,
        "dimensions a test fills in",
    ),
    kw("expect", "harapkan", &[Test], true, "an expected answer"),
    // Arrangements and modifiers.
    kw(
        "wfo",
        "wfo",
        &[Arrangement, Question],
        true,
        "working from the office",
    ),
    kw(
        "wfa",
        "wfa",
        &[Arrangement],
        true,
        "working from anywhere, home included",
    ),
    kw(
        "at",
        "paling",
        &[Arrangement],
        true,
        "`at most`, `at least`",
    ),
    kw("most", "banyak", &[Arrangement], true, "an upper bound"),
    kw("least", "sedikit", &[Arrangement], true, "a lower bound"),
    kw(
        "except",
        "kecuali",
        &[Modifier],
        true,
        "who the rule leaves out",
    ),
    kw(
        "overrides",
        "mengesampingkan",
        &[Modifier],
        true,
        "the rules it sets aside",
    ),
    kw(
        "during",
        "selama",
        &[Modifier],
        true,
        "when the rule applies",
    ),
    kw(
        "every",
        "setiap",
        &[Modifier],
        false,
        "the weekdays the rule applies on",
    ),
    // Selectors.
    kw(
        "otherwise",
        "selain_itu",
        &[Selector],
        true,
        "where no other rule applies",
    ),
    kw("all", "semua", &[Selector, Part], true, "everyone"),
    kw("not", "bukan", &[Selector], true, "the complement"),
    kw("and", "dan", &[Selector], true, "both"),
    kw("or", "atau", &[Selector], true, "either"),
    kw(
        "in",
        "dalam",
        &[Selector, Question],
        true,
        "a member of a set",
    ),
    kw(
        "unit",
        "unit",
        &[Selector],
        true,
        "a unit and its sub-units",
    ),
    kw(
        "function",
        "fungsi",
        &[Selector, Dimension],
        true,
        "a staff function",
    ),
    kw(
        "domicile",
        "domisili",
        &[Selector, Dimension],
        true,
        "where the staff live",
    ),
    kw(
        "office",
        "kantor",
        &[Selector, Dimension],
        true,
        "where the office is",
    ),
    kw(
        "gov",
        "instansi",
        &[Selector, Dimension],
        true,
        "a government",
    ),
    kw(
        "when",
        "ketika",
        &[Modifier, Dimension],
        false,
        "while a condition holds",
    ),
    kw(
        "trait",
        "keadaan",
        &[Selector, Dimension],
        true,
        "a personal circumstance of staff",
    ),
    // Questions.
    kw("on", "pada", &[Time, Part], true, "a day"),
    kw("from", "mulai", &[Time, Part], true, "the first day"),
    kw("to", "sampai", &[Part], true, "the last day"),
    kw(
        "explain",
        "jelaskan",
        &[Question],
        false,
        "how an answer is found",
    ),
    kw(
        "force",
        "berlaku",
        &[Part],
        false,
        "`in force on`, `in force from`",
    ),
    kw(
        "conflicts",
        "konflik",
        &[Question],
        false,
        "the conflicts found",
    ),
    kw(
        "conflict",
        "bentrok",
        &[Answer],
        false,
        "the status of a conflict",
    ),
    kw(
        "none",
        "nihil",
        &[Answer, Part],
        false,
        "no WFH priority; `calendar none`",
    ),
    // The units of a duration claim.
    quiet("days", "hari", &[Duration], "days"),
    quiet("day", "hari", &[Duration], "one day"),
    quiet("weeks", "minggu", &[Duration], "weeks of seven days"),
    quiet("week", "minggu", &[Duration], "one week"),
    quiet("months", "bulan", &[Duration], "calendar months"),
    quiet("month", "bulan", &[Duration], "one calendar month"),
    quiet(
        "working",
        "kerja",
        &[Duration],
        "`working days`: days that are working days",
    ),
];

/// What a question asks for after its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    /// A subject: a unit, dimensions and a time.
    Subject,
    /// A date.
    Date,
    /// Nothing.
    Nothing,
}

/// A question (docs/language.md section 9), by the keywords that start it.
#[derive(Clone, Copy, Debug)]
pub struct Question {
    /// Its keywords, in order; the first has the place [`Place::Question`].
    pub words: &'static [&'static str],
    /// What follows them.
    pub then: Then,
}

/// The questions, in the order help lists them.
pub const QUESTIONS: &[Question] = &[
    Question {
        words: &["wfo"],
        then: Then::Subject,
    },
    Question {
        words: &["explain"],
        then: Then::Subject,
    },
    Question {
        words: &["wfh", "priority"],
        then: Then::Subject,
    },
    Question {
        words: &["in", "force", "on"],
        then: Then::Date,
    },
    Question {
        words: &["conflicts"],
        then: Then::Nothing,
    },
];

impl Keyword {
    /// Whether it may appear at `place`.
    pub fn at(&self, place: Place) -> bool {
        self.places.contains(&place)
    }
}

impl Question {
    /// Its keywords joined by spaces: `wfh priority`.
    pub fn phrase(&self) -> String {
        self.words.join(" ")
    }

    /// Its keywords as `lang` writes them: `prioritas wfh`, `berlaku pada` (`in force` is one
    /// word in Indonesian, and `priority` comes first).
    pub fn phrase_in(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.phrase(),
            Lang::Id => {
                let mut words: Vec<&str> = self
                    .words
                    .iter()
                    .filter(|w| **w != "in")
                    .map(|w| word_of(w, lang))
                    .collect();
                if self.words == ["wfh", "priority"] {
                    words.reverse();
                }
                words.join(" ")
            }
        }
    }
}

/// `word` but for a word not in the table, which is given back.
fn word_of(english: &str, lang: Lang) -> &str {
    by_english(english).map_or(english, |k| k.spelling(lang))
}

/// The keywords messages offer at `place`, in table order.
pub fn offered(place: Place) -> impl Iterator<Item = &'static str> {
    TABLE
        .iter()
        .filter(move |k| k.offered && k.at(place))
        .map(|k| k.text)
}

/// The keywords messages offer at `place`, in table order, as `lang` writes them.
pub fn offered_in(place: Place, lang: Lang) -> impl Iterator<Item = &'static str> {
    TABLE
        .iter()
        .filter(move |k| k.offered && k.at(place))
        .map(move |k| k.spelling(lang))
}

/// The keywords at `place`, in table order, offered or not.
pub fn all_at(place: Place) -> impl Iterator<Item = &'static str> {
    TABLE.iter().filter(move |k| k.at(place)).map(|k| k.text)
}

/// Keywords that start a clause of a circular.
pub static CLAUSE_KEYWORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| offered(Clause).collect());

/// Keywords of a rule's modifiers, after its arrangement.
pub static MODIFIER_KEYWORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| offered(Modifier).collect());

/// Keywords that start a top-level item.
pub static ITEM_KEYWORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| offered(Item).collect());

/// The keywords that cannot name a rule, a set or a function (the grammar's `keyword` rule), in
/// both languages, sorted: a name must stay a name when its file is converted to the other
/// language.
pub static RESERVED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = TABLE
        .iter()
        .filter(|k| k.reserved)
        .flat_map(|k| [k.text, k.id])
        .collect();
    words.sort_unstable();
    words.dedup();
    words
});

/// The longest reserved word (`mengesampingkan`).
const LONGEST_RESERVED: usize = 15;

/// Whether `word` is a reserved keyword of either language. The lowering asks it of every name:
/// the words are kept in buckets by length and first letter, so that most names are told apart
/// with no comparison at all.
pub fn is_reserved(word: &str) -> bool {
    fn bucket(word: &[u8]) -> Option<usize> {
        match word {
            [first @ b'a'..=b'z', ..] if word.len() <= LONGEST_RESERVED => {
                Some((word.len() - 1) * 26 + usize::from(first - b'a'))
            }
            _ => None,
        }
    }
    static BUCKETS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
        let mut buckets = vec![Vec::new(); LONGEST_RESERVED * 26];
        for w in RESERVED.iter() {
            let at = bucket(w.as_bytes()).expect("a reserved word is short and lowercase");
            buckets[at].push(*w);
        }
        buckets
    });
    bucket(word.as_bytes()).is_some_and(|at| BUCKETS[at].contains(&word))
}

impl Keyword {
    /// How it is written in `lang`.
    pub fn spelling(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.text,
            Lang::Id => self.id,
        }
    }
}

/// The keyword whose English spelling is `english`.
pub fn by_english(english: &str) -> Option<&'static Keyword> {
    static INDEX: LazyLock<HashMap<&'static str, &'static Keyword>> =
        LazyLock::new(|| TABLE.iter().map(|k| (k.text, k)).collect());
    INDEX.get(english).copied()
}

/// The keyword written `english` in English, as `lang` writes it (the formatter's words): `rule`
/// is `aturan` in Indonesian. A word that is not in the table is given back as it is (a test
/// checks that the formatter asks only for keywords).
pub fn word(english: &'static str, lang: Lang) -> &'static str {
    by_english(english).map_or(english, |k| k.spelling(lang))
}

/// The language a keyword's spelling belongs to: `None` for a word both languages write alike
/// (`unit`, `wfo`) and for a word that is no keyword.
pub fn language_of(spelling: &str) -> Option<Lang> {
    static INDEX: LazyLock<HashMap<&'static str, Option<Lang>>> = LazyLock::new(|| {
        let mut index = HashMap::default();
        for k in TABLE {
            if k.text == k.id {
                index.insert(k.text, None);
            } else {
                index.insert(k.text, Some(Lang::En));
                index.insert(k.id, Some(Lang::Id));
            }
        }
        index
    });
    INDEX.get(spelling).copied().flatten()
}

/// The keyword of `english` in the other spelling: the English word of an Indonesian keyword
/// (at `place`, when two share it) and the Indonesian word of an English one.
pub fn translate(spelling: &str, to: Lang) -> Option<&'static str> {
    TABLE.iter().find_map(|k| {
        if k.spelling(to.other()) == spelling {
            Some(k.spelling(to))
        } else {
            None
        }
    })
}

/// Every word messages take for a keyword rather than a misspelt name: the offered keywords and
/// the names of the levels (which the grammar reads as a word, not as keywords).
pub static KEYWORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let levels = super::ast::Level::ALL.iter().map(|l| l.as_str());
    TABLE
        .iter()
        .filter(|k| k.offered)
        .map(|k| k.text)
        .chain(levels)
        .collect()
});

#[cfg(test)]
mod tests;
