//! The keyword table against the grammar, the lowering, the tree and the docs.

use super::*;
use std::collections::BTreeSet;

const GRAMMAR: &str = include_str!("../../../grammar/edaran.pest");

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
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter(|l| l.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect()
}

#[test]
fn the_table_is_the_grammars_words() {
    let mut grammar = words(&grammar_code());
    // The names of the levels and the weekdays are read by the lowering, not keywords.
    for level in crate::syntax::ast::Level::ALL {
        grammar.remove(level.word(Lang::Id));
    }
    let english: BTreeSet<&str> = TABLE.iter().map(|k| k.text).collect();
    assert_eq!(
        english.len(),
        TABLE.len(),
        "a keyword is in the table twice"
    );
    let table: BTreeSet<String> = TABLE
        .iter()
        .flat_map(|k| [k.text.to_string(), k.id.to_string()])
        .collect();
    let missing: Vec<_> = grammar.difference(&table).collect();
    assert!(
        missing.is_empty(),
        "in the grammar, not the table: {missing:?}"
    );
    let extra: Vec<_> = table.difference(&grammar).collect();
    assert!(extra.is_empty(), "in the table, not the grammar: {extra:?}");
}

#[test]
fn each_keyword_has_its_rule_and_the_atom_keywords_start_selectors() {
    let code = grammar_code();
    let squeezed: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
    for k in TABLE.iter().filter(|k| !k.at(Duration)) {
        let rule = if k.text == k.id {
            format!("kw_{0} = @{{ \"{0}\" ~ !ident_char }}", k.text)
        } else {
            format!(
                "kw_{0} = @{{ (\"{0}\" | \"{1}\") ~ !ident_char }}",
                k.text, k.id
            )
        };
        assert!(squeezed.contains(&rule), "no `{rule}` in the grammar");
    }
    for k in TABLE.iter().filter(|k| k.at(Duration)) {
        assert!(!k.reserved && !k.offered, "`{}`", k.text);
    }
    let start = squeezed
        .find("atom_keyword = @{")
        .expect("the atom_keyword rule");
    let body = &squeezed[start..];
    let body = &body[..body.find('}').expect("the rule's end")];
    // The keywords that start a selector's atom and can fail there (`unit` without a string).
    let starts: BTreeSet<&str> = ["unit", "function", "domicile", "office", "gov", "trait"]
        .iter()
        .flat_map(|w| {
            let k = by_english(w).expect("a keyword");
            [k.text, k.id]
        })
        .collect();
    let rule = words(body);
    assert_eq!(
        rule.iter().map(String::as_str).collect::<BTreeSet<_>>(),
        starts
    );
    assert!(starts.iter().all(|w| is_reserved(w)));
    assert_eq!(
        TABLE.iter().filter(|k| k.reserved).count(),
        29,
        "docs/decisions.md counts them"
    );
    assert_eq!(
        RESERVED.len(),
        29 + 25,
        "4 are written alike in both languages"
    );
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
            crate::syntax::lower::is_keyword(*rule),
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
    let page = include_str!("../../../docs/decisions.md");
    let at = page
        .find("**Keywords are reserved**")
        .expect("the decision");
    let rest = &page[at..];
    let mut lists = rest.split('`').skip(1).step_by(2);
    let english = lists.next().expect("the English list in backticks");
    let indonesian = lists.next().expect("the Indonesian list in backticks");
    let documented: BTreeSet<&str> = english
        .split_whitespace()
        .chain(indonesian.split_whitespace())
        .collect();
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
            "circular", "sector", "region", "baseline", "test", "holiday", "workweek", "calendar"
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

/// A spelling belongs to one language, or to both for the same keyword; two keywords share
/// an Indonesian spelling only where they never meet.
#[test]
fn each_spelling_has_one_language() {
    for k in TABLE {
        for o in TABLE {
            assert!(
                k.text != o.id || k.text == k.id && o.text == k.text,
                "`{}` is English for `{}` and Indonesian for `{}`",
                k.text,
                k.text,
                o.text
            );
        }
        assert!(!k.id.is_empty() && k.id.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
    }
    let shared: BTreeSet<&str> = TABLE
        .iter()
        .filter(|k| TABLE.iter().any(|o| o.text != k.text && o.id == k.id))
        .map(|k| k.id)
        .collect();
    assert_eq!(
        shared,
        BTreeSet::from(["berlaku", "bulan", "hari", "minggu"])
    );
    assert_eq!(language_of("aturan"), Some(Lang::Id));
    assert_eq!(language_of("rule"), Some(Lang::En));
    assert_eq!(language_of("unit"), None);
    assert_eq!(word("rule", Lang::Id), "aturan");
    assert_eq!(translate("aturan", Lang::En), Some("rule"));
    assert!(is_reserved("dan") && is_reserved("and") && !is_reserved("aturan"));
}

/// The rows of a keyword table: the first two cells of every table row whose first two cells are
/// both a keyword in backticks.
fn keyword_rows(page: &str) -> Vec<(String, String)> {
    page.lines()
        .filter_map(|l| {
            let mut cells = l.strip_prefix("| `")?.split(" | ");
            let first = cells.next()?.strip_suffix('`')?;
            let second = cells.next()?.strip_prefix('`')?.strip_suffix('`')?;
            Some((first.to_string(), second.to_string()))
        })
        .collect()
}

/// docs/language.md lists every keyword with its Indonesian spelling, in table order.
#[test]
fn the_reference_lists_both_spellings() {
    let page = include_str!("../../../docs/language.md");
    let table: Vec<(String, String)> = TABLE
        .iter()
        .map(|k| (k.text.to_string(), k.id.to_string()))
        .collect();
    assert_eq!(keyword_rows(page), table);
}

/// Its Indonesian edition, docs/id/language.md, lists them too, the Indonesian word first.
#[test]
fn the_indonesian_reference_lists_both_spellings() {
    let page = include_str!("../../../docs/id/language.md");
    let table: Vec<(String, String)> = TABLE
        .iter()
        .map(|k| (k.id.to_string(), k.text.to_string()))
        .collect();
    assert_eq!(keyword_rows(page), table);
}
