//! The message files against each other and against the code.

use super::*;
use std::collections::BTreeMap;
use std::path::Path;

/// The ids of one file, with the variables each message uses.
fn ids(text: &str) -> BTreeMap<String, Vec<String>> {
    let resource = fluent_syntax::parser::parse(text).expect("a file Fluent reads");
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            let mut vars = Vec::new();
            if let Some(value) = &m.value {
                variables(value, &mut vars);
            }
            vars.sort();
            vars.dedup();
            out.insert(m.id.name.to_string(), vars);
        }
    }
    out
}

fn variables(pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    for element in &pattern.elements {
        let PatternElement::Placeable { expression } = element else {
            continue;
        };
        let mut inline = |e: &InlineExpression<&str>| {
            if let InlineExpression::VariableReference { id } = e {
                out.push(id.name.to_string());
            }
        };
        match expression {
            Expression::Inline(e) => inline(e),
            Expression::Select { selector, variants } => {
                inline(selector);
                for v in variants {
                    variables(&v.value, out);
                }
            }
        }
    }
}

/// Every `text!("id", name = ...)` of the library's source, with the names of its arguments.
fn uses() -> Vec<(String, String, Vec<String>)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String, Vec<String>)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("src")
            .map(|e| e.expect("an entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("msg/tests.rs") {
                continue;
            }
            let code = std::fs::read_to_string(&path).expect("a source file");
            for (at, _) in code.match_indices("text!(") {
                let Some(rest) = code[at + "text!(".len()..].trim_start().strip_prefix('"') else {
                    continue; // the macro's own definition
                };
                let id = &rest[..rest.find('"').expect("the id's end")];
                // The arguments up to the closing parenthesis of the macro (at depth 0).
                let mut depth = 0;
                let mut end = 0;
                for (i, c) in rest.char_indices() {
                    match c {
                        '(' | '[' | '{' => depth += 1,
                        ')' | ']' | '}' if depth == 0 => {
                            end = i;
                            break;
                        }
                        ')' | ']' | '}' => depth -= 1,
                        _ => {}
                    }
                }
                let args = &rest[id.len() + 1..end];
                let mut names = Vec::new();
                let mut depth = 0;
                for part in args.split_inclusive(',') {
                    if depth == 0
                        && let Some((name, _)) = part.trim().split_once(" = ")
                        && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    {
                        names.push(name.to_string());
                    }
                    depth += part.matches(['(', '[', '{']).count();
                    depth -= part.matches([')', ']', '}']).count().min(depth);
                }
                names.sort();
                let file = path.display().to_string();
                out.push((file, id.to_string(), names));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

#[test]
fn both_languages_hold_the_same_messages_with_the_same_variables() {
    for ((_, en), (_, id)) in FILES[0].1.iter().zip(FILES[1].1) {
        assert_eq!(ids(en), ids(id));
    }
    // Every message formats in both languages (the bundles parse, ids are unique).
    for lang in Lang::ALL {
        let _ = bundle(lang);
    }
}

#[test]
fn every_message_the_code_names_exists_with_its_arguments() {
    let mut known = BTreeMap::new();
    for (_, text) in FILES[0].1 {
        known.extend(ids(text));
    }
    let uses = uses();
    assert!(!uses.is_empty(), "the scan of the source found no `text!`");
    for (file, id, args) in &uses {
        let vars = known
            .get(id)
            .unwrap_or_else(|| panic!("{file}: `{id}` is in no file of locales/en"));
        assert_eq!(vars, args, "{file}: the arguments of `{id}`");
    }
    for id in known.keys() {
        assert!(
            uses.iter().any(|(_, used, _)| used == id),
            "`{id}` is in locales/ but no code uses it"
        );
    }
}

#[test]
fn a_message_renders_in_both_languages() {
    let t = crate::text!(
        "mixed-language",
        word = "aturan",
        other = "id",
        what = "file",
        lang = "en",
        more = 2
    );
    assert!(t.render(Lang::En).contains("`aturan`"));
    assert!(t.render(Lang::Id).contains("`aturan`"));
    assert_ne!(t.render(Lang::En), t.render(Lang::Id));
}

#[test]
fn arg_is_its_argument_in_both_languages() {
    // `Text::render` shows `arg` of a text or a phrase without Fluent: the files must agree.
    for (_, files) in FILES {
        let region = files
            .iter()
            .find(|(name, _)| *name == "region.ftl")
            .expect("region.ftl");
        assert!(region.1.lines().any(|l| l == "arg = { $arg }"));
    }
    let phrase = Arg::each(|lang| format!("{lang:?}"));
    assert_eq!(phrase.render(Lang::Id), "Id");
    assert_eq!(Arg::from("a `b`").render(Lang::En), "a `b`");
}
