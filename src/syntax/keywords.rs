//! The keywords of the language, in one table.
//!
//! Every list of keywords the front end, the messages and the REPL use is read from [`TABLE`]:
//! the keywords that start a top-level item, a clause or a rule modifier, the dimensions of a
//! question, the words that cannot be names. A test ties the table to `grammar/edaran.pest`:
//! every quoted word of the grammar is in the table, every entry is in the grammar, and the
//! reserved entries are the grammar's `keyword` rule.
//!
//! The table is in English. A second spelling of the keywords (Indonesian) is a second column
//! beside [`Keyword::text`]; because the lists below are built from the table, they gain its
//! words with it.
//!
//! The order of the table is the order of the lists built from it, and so of the messages that
//! list keywords ("a clause starts with one of `title`, `issuer`, ...").

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
    /// How it is written, as the grammar writes it.
    pub text: &'static str,
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
    places: &'static [Place],
    reserved: bool,
    about: &'static str,
) -> Keyword {
    Keyword {
        text,
        places,
        reserved,
        offered: true,
        about,
    }
}

/// A keyword that messages do not offer (see [`Keyword::offered`]).
const fn quiet(text: &'static str, places: &'static [Place], about: &'static str) -> Keyword {
    Keyword {
        text,
        places,
        reserved: false,
        offered: false,
        about,
    }
}

/// Every keyword of the language.
pub const TABLE: &[Keyword] = &[
    // Items and the clauses of a circular.
    kw("circular", &[Item], false, "a circular (Surat Edaran)"),
    kw("title", &[Clause], false, "the circular's title"),
    kw("issuer", &[Clause], false, "who issued it"),
    kw("level", &[Part], true, "the issuer's rank"),
    kw("signed", &[Clause], false, "the signing date"),
    kw("by", &[Part], true, "the signatory"),
    kw("valid", &[Clause], false, "when it is in force"),
    kw("basis", &[Clause], false, "its legal basis"),
    kw("scope", &[Clause], false, "the governments it binds"),
    kw("revokes", &[Clause], false, "the circulars it revokes"),
    kw("sector", &[Item, Clause], false, "a named set of units"),
    kw("region", &[Item, Clause], false, "a named set of places"),
    quiet("govs", &[Item, Clause], "a named set of governments"),
    kw("exempt", &[Clause, Answer], false, "who is exempt"),
    kw("rule", &[Clause], false, "a rule: selector and arrangement"),
    kw(
        "wfh",
        &[Clause, Arrangement, Question],
        true,
        "working from home",
    ),
    kw("priority", &[Part], true, "a rank of WFH priority"),
    kw("duty", &[Clause], false, "a duty of the staff"),
    kw(
        "condition",
        &[Clause],
        false,
        "a situation the circular foresees",
    ),
    kw(
        "baseline",
        &[Item, Answer],
        false,
        "the share where no rule decides",
    ),
    kw("test", &[Item], false, "a block of expectations"),
    kw("holiday", &[Item], false, "a holiday of the workspace"),
    kw("workweek", &[Item], false, "the working weekdays"),
    kw(
        "calendar",
        &[Item],
        false,
        "`calendar none`: no national holidays",
    ),
    kw("given", &[Test], true, "dimensions a test fills in"),
    kw("expect", &[Test], true, "an expected answer"),
    // Arrangements and modifiers.
    kw(
        "wfo",
        &[Arrangement, Question],
        true,
        "working from the office",
    ),
    kw(
        "wfa",
        &[Arrangement],
        true,
        "working from anywhere, home included",
    ),
    kw("at", &[Arrangement], true, "`at most`, `at least`"),
    kw("most", &[Arrangement], true, "an upper bound"),
    kw("least", &[Arrangement], true, "a lower bound"),
    kw("except", &[Modifier], true, "who the rule leaves out"),
    kw("overrides", &[Modifier], true, "the rules it sets aside"),
    kw("during", &[Modifier], true, "when the rule applies"),
    kw(
        "every",
        &[Modifier],
        false,
        "the weekdays the rule applies on",
    ),
    // Selectors.
    kw(
        "otherwise",
        &[Selector],
        true,
        "where no other rule applies",
    ),
    kw("all", &[Selector, Part], true, "everyone"),
    kw("not", &[Selector], true, "the complement"),
    kw("and", &[Selector], true, "both"),
    kw("or", &[Selector], true, "either"),
    kw("in", &[Selector, Question], true, "a member of a set"),
    kw("unit", &[Selector], true, "a unit and its sub-units"),
    kw("function", &[Selector, Dimension], true, "a staff function"),
    kw(
        "domicile",
        &[Selector, Dimension],
        true,
        "where the staff live",
    ),
    kw(
        "office",
        &[Selector, Dimension],
        true,
        "where the office is",
    ),
    kw("gov", &[Selector, Dimension], true, "a government"),
    kw(
        "when",
        &[Modifier, Dimension],
        false,
        "while a condition holds",
    ),
    kw(
        "trait",
        &[Selector, Dimension],
        true,
        "a personal circumstance of staff",
    ),
    // Questions.
    kw("on", &[Time, Part], true, "a day"),
    kw("from", &[Time, Part], true, "the first day"),
    kw("to", &[Part], true, "the last day"),
    kw("explain", &[Question], false, "how an answer is found"),
    kw("force", &[Part], false, "`in force on`, `in force from`"),
    kw("conflicts", &[Question], false, "the conflicts found"),
    kw("conflict", &[Answer], false, "the status of a conflict"),
    kw(
        "none",
        &[Answer, Part],
        false,
        "no WFH priority; `calendar none`",
    ),
    // The units of a duration claim.
    quiet("days", &[Duration], "days"),
    quiet("day", &[Duration], "one day"),
    quiet("weeks", &[Duration], "weeks of seven days"),
    quiet("week", &[Duration], "one week"),
    quiet("months", &[Duration], "calendar months"),
    quiet("month", &[Duration], "one calendar month"),
    quiet(
        "working",
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
}

/// The keywords messages offer at `place`, in table order.
pub fn offered(place: Place) -> impl Iterator<Item = &'static str> {
    TABLE
        .iter()
        .filter(move |k| k.offered && k.at(place))
        .map(|k| k.text)
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

/// The keywords that cannot name a rule, a set or a function (the grammar's `keyword` rule).
pub static RESERVED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    TABLE
        .iter()
        .filter(|k| k.reserved)
        .map(|k| k.text)
        .collect()
});

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
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const GRAMMAR: &str = include_str!("../../grammar/edaran.pest");

    /// The grammar without its comments.
    fn grammar_code() -> String {
        GRAMMAR
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The quoted literals of `code`, unescaped only as far as skipping `\"`.
    fn literals(code: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut chars = code.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                continue;
            }
            let mut lit = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        lit.push(c);
                        lit.extend(chars.next());
                    }
                    '"' => break,
                    _ => lit.push(c),
                }
            }
            out.push(lit);
        }
        out
    }

    fn words(code: &str) -> BTreeSet<String> {
        literals(code)
            .into_iter()
            .filter(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_lowercase()))
            .collect()
    }

    #[test]
    fn the_table_is_the_grammars_words() {
        let grammar = words(&grammar_code());
        let table: BTreeSet<String> = TABLE.iter().map(|k| k.text.to_string()).collect();
        assert_eq!(table.len(), TABLE.len(), "a keyword is in the table twice");
        let missing: Vec<_> = grammar.difference(&table).collect();
        assert!(
            missing.is_empty(),
            "in the grammar, not the table: {missing:?}"
        );
        let extra: Vec<_> = table.difference(&grammar).collect();
        assert!(extra.is_empty(), "in the table, not the grammar: {extra:?}");
    }

    #[test]
    fn each_keyword_has_its_rule_and_the_reserved_ones_are_the_keyword_rule() {
        let code = grammar_code();
        let squeezed: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
        for k in TABLE.iter().filter(|k| !k.at(Duration)) {
            let rule = format!("kw_{0} = @{{ \"{0}\" ~ !ident_char }}", k.text);
            assert!(squeezed.contains(&rule), "no `{rule}` in the grammar");
        }
        for k in TABLE.iter().filter(|k| k.at(Duration)) {
            assert!(!k.reserved && !k.offered, "`{}`", k.text);
        }
        let start = squeezed.find("keyword = @{").expect("the keyword rule");
        let body = &squeezed[start..];
        let body = &body[..body.find('}').expect("the rule's end")];
        let reserved: BTreeSet<&str> = RESERVED.iter().copied().collect();
        let rule = words(body);
        assert_eq!(
            rule.iter().map(String::as_str).collect::<BTreeSet<_>>(),
            reserved
        );
        assert_eq!(RESERVED.len(), 29, "docs/decisions.md counts them");
    }

    #[test]
    fn the_questions_are_made_of_keywords() {
        for q in QUESTIONS {
            for w in q.words {
                assert!(TABLE.iter().any(|k| k.text == *w), "`{w}`");
            }
            let first = TABLE.iter().find(|k| k.text == q.words[0]);
            assert!(first.is_some_and(|k| k.at(Question)), "{q:?}");
        }
        let firsts: BTreeSet<&str> = QUESTIONS.iter().map(|q| q.words[0]).collect();
        assert_eq!(firsts, all_at(Question).collect());
    }

    /// The words the syntax tree spells for its enums are keywords of the right place.
    #[test]
    fn the_trees_words_are_keywords() {
        use crate::syntax::ast::{Dimension, SetKind};
        let at = |word: &str, place: Place| TABLE.iter().any(|k| k.text == word && k.at(place));
        for kind in [SetKind::Sector, SetKind::Region, SetKind::Govs] {
            assert!(at(kind.as_str(), Item) && at(kind.as_str(), Clause));
        }
        for d in [
            Dimension::Function(String::new()),
            Dimension::Domicile(String::new()),
            Dimension::Office(String::new()),
            Dimension::Gov(String::new()),
            Dimension::Condition {
                name: String::new(),
                holds: true,
            },
            Dimension::Trait {
                name: String::new(),
                holds: true,
            },
        ] {
            assert!(at(d.keyword(), Dimension));
        }
        assert_eq!(
            all_at(Dimension).count(),
            6,
            "a new dimension needs its `Dimension`"
        );
    }

    /// The grammar has a `kw_*` rule for each keyword but the units of a duration, and the
    /// lowering knows each as a keyword.
    #[test]
    fn the_lowering_knows_every_keyword_rule() {
        use crate::syntax::parser::Rule;
        let mut rules = BTreeSet::new();
        for rule in Rule::all_rules() {
            let name = format!("{rule:?}");
            let keyword = name.strip_prefix("kw_");
            assert_eq!(
                super::super::lower::is_keyword(*rule),
                keyword.is_some(),
                "{name}"
            );
            rules.extend(keyword.map(str::to_string));
        }
        let table: BTreeSet<String> = TABLE
            .iter()
            .filter(|k| !k.at(Duration))
            .map(|k| k.text.to_string())
            .collect();
        assert_eq!(rules, table);
    }

    /// docs/decisions.md lists the reserved keywords.
    #[test]
    fn the_decisions_list_the_reserved_keywords() {
        let page = include_str!("../../docs/decisions.md");
        let at = page
            .find("**Keywords are reserved**")
            .expect("the decision");
        let rest = &page[at..];
        let list = rest.split('`').nth(1).expect("the list in backticks");
        let documented: BTreeSet<&str> = list.split_whitespace().collect();
        assert_eq!(documented, RESERVED.iter().copied().collect());
    }

    /// The lists kept before the table, word for word: the messages built from them must not
    /// change.
    #[test]
    fn the_lists_are_those_the_messages_were_written_with() {
        assert_eq!(
            *CLAUSE_KEYWORDS,
            [
                "title",
                "issuer",
                "signed",
                "valid",
                "basis",
                "scope",
                "revokes",
                "sector",
                "region",
                "exempt",
                "rule",
                "wfh",
                "duty",
                "condition",
            ]
        );
        // Version 2 added `every`, `when`, `condition` and the calendar's items (deliberately:
        // the messages that list them name the new words).
        assert_eq!(
            *MODIFIER_KEYWORDS,
            ["except", "overrides", "during", "every", "when"]
        );
        assert_eq!(
            *ITEM_KEYWORDS,
            [
                "circular", "sector", "region", "baseline", "test", "holiday", "workweek",
                "calendar"
            ]
        );
        assert_eq!(
            all_at(Dimension).collect::<Vec<_>>(),
            ["function", "domicile", "office", "gov", "when", "trait"]
        );
        assert_eq!(all_at(Time).collect::<Vec<_>>(), ["on", "from"]);
        let keywords: BTreeSet<&str> = KEYWORDS.iter().copied().collect();
        assert_eq!(keywords.len(), KEYWORDS.len());
        assert_eq!(
            keywords,
            BTreeSet::from([
                "all",
                "and",
                "at",
                "baseline",
                "basis",
                "by",
                "calendar",
                "circular",
                "condition",
                "conflict",
                "conflicts",
                "domicile",
                "duty",
                "during",
                "every",
                "except",
                "exempt",
                "expect",
                "explain",
                "force",
                "from",
                "function",
                "given",
                "gov",
                "holiday",
                "in",
                "issuer",
                "least",
                "level",
                "local",
                "most",
                "national",
                "none",
                "not",
                "office",
                "on",
                "or",
                "otherwise",
                "overrides",
                "priority",
                "provincial",
                "region",
                "revokes",
                "rule",
                "scope",
                "sector",
                "signed",
                "test",
                "title",
                "to",
                "trait",
                "unit",
                "valid",
                "wfa",
                "wfh",
                "wfo",
                "when",
                "workweek",
            ])
        );
    }
}
