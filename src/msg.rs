//! The texts of diagnostics in English and Indonesian: Fluent messages of `locales/en/*.ftl` and
//! `locales/id/*.ftl` (one file per layer that reports: `syntax.ftl`, `model.ftl`, ...), built
//! into the library.
//!
//! A diagnostic written with a [`Text`] keeps its message id and arguments beside the English
//! text it carries (`Diagnostic::texts`), so that the command line can show it in Indonesian
//! (`Diagnostic::in_language`) while JSON and the tests read the English. The core does no I/O:
//! the files are in the binary. A test checks that both languages hold the same ids, that every
//! id the code names exists, and that each message formats with the arguments the code passes.

use crate::lang::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The message files, per language, in the order they are added to the bundle.
pub const FILES: [(Lang, &[(&str, &str)]); 2] = [
    (
        Lang::En,
        &[
            ("syntax.ftl", include_str!("../locales/en/syntax.ftl")),
            ("model.ftl", include_str!("../locales/en/model.ftl")),
            ("lints.ftl", include_str!("../locales/en/lints.ftl")),
            ("region.ftl", include_str!("../locales/en/region.ftl")),
            ("analysis.ftl", include_str!("../locales/en/analysis.ftl")),
            ("eval.ftl", include_str!("../locales/en/eval.ftl")),
        ],
    ),
    (
        Lang::Id,
        &[
            ("syntax.ftl", include_str!("../locales/id/syntax.ftl")),
            ("model.ftl", include_str!("../locales/id/model.ftl")),
            ("lints.ftl", include_str!("../locales/id/lints.ftl")),
            ("region.ftl", include_str!("../locales/id/region.ftl")),
            ("analysis.ftl", include_str!("../locales/id/analysis.ftl")),
            ("eval.ftl", include_str!("../locales/id/eval.ftl")),
        ],
    ),
];

/// An argument of a message: a number (for the plurals of English) or a text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Arg {
    /// A count.
    Number(i64),
    /// Anything else, as it is shown.
    Text(String),
    /// Another message, shown in the same language.
    Message(Box<Text>),
    /// A phrase composed by code in each language (a region's description, an interval of
    /// shares), indexed by [`Lang`]: its words come from the files too.
    Each(Box<[String; 2]>),
    /// Messages joined by commas: "a, b, c".
    List(Vec<Text>),
    /// Messages joined as "a, b or c" in the language shown; with `short`, more than three are
    /// "a, b, c or ...".
    OneOf {
        /// The items.
        items: Vec<Text>,
        /// Whether to show three at most.
        short: bool,
    },
    /// Messages joined as "a, b and c" in the language shown (no comma before "and"; one item
    /// alone, none an empty text).
    AllOf(Vec<Text>),
}

impl Arg {
    /// The phrase `f` writes in each language.
    pub fn each(f: impl Fn(Lang) -> String) -> Arg {
        Arg::Each(Box::new(Lang::ALL.map(f)))
    }

    /// The argument alone, as a message shows it in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            // A number as Fluent formats it.
            Arg::Number(_) => crate::text!("arg", arg = self.clone()).render(lang),
            Arg::Text(s) => s.clone(),
            Arg::Message(t) => t.render(lang),
            Arg::List(items) => {
                let shown: Vec<String> = items.iter().map(|t| t.render(lang)).collect();
                shown.join(", ")
            }
            Arg::Each(each) => each[lang as usize].clone(),
            Arg::OneOf { items, short } => {
                let shown: Vec<String> = items.iter().map(|t| t.render(lang)).collect();
                if *short && shown.len() > 3 {
                    let or = crate::text!("or").render(lang);
                    format!("{} {or} ...", shown[..3].join(", "))
                } else {
                    one_of(&shown, lang)
                }
            }
            Arg::AllOf(items) => {
                let shown: Vec<String> = items.iter().map(|t| t.render(lang)).collect();
                all_of(&shown, lang)
            }
        }
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Arg {
        Arg::Message(Box::new(t))
    }
}

/// "a, b or c" of rendered items, with the language's word for "or" (`or` in `locales/`).
fn one_of(items: &[String], lang: Lang) -> String {
    let or = crate::text!("or").render(lang);
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
    }
}

/// "a, b and c" of rendered items, with the language's word for "and" (`and` in `locales/`):
/// "a and b" of two, the item of one, nothing of none. What [`Arg::AllOf`] shows, for a caller
/// whose items are already in `lang`.
pub fn all_of(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let and = crate::text!("and").render(lang);
            format!("{} {and} {last}", init.join(", "))
        }
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_arg!(usize, u32, u64, i32, i64);

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

/// A message of the files: its id and its arguments, shown in either language.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Text {
    /// The id in `locales/*/*.ftl`.
    pub id: &'static str,
    /// The arguments, by name.
    pub args: Vec<(&'static str, Arg)>,
}

/// `text!("unknown-level", word = w)`: a [`Text`] with its arguments named as in the files.
#[macro_export]
#[doc(hidden)]
macro_rules! text {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::msg::Text {
            id: $id,
            args: vec![$((stringify!($name), $crate::msg::Arg::from($value))),*],
        }
    };
}

impl Text {
    /// The text in `lang`. A message missing from the files (the tests rule it out) is its id.
    pub fn render(&self, lang: Lang) -> String {
        // `arg` is `{ $arg }` in both languages (a test checks it): a phrase shown alone is
        // itself, without formatting.
        match (self.id, self.args.as_slice()) {
            ("arg", [(_, Arg::Text(s))]) => return s.clone(),
            ("arg", [(_, Arg::Each(each))]) => return each[lang as usize].clone(),
            _ => {}
        }
        let bundle = bundle(lang);
        let Some(pattern) = bundle.get_message(self.id).and_then(|m| m.value()) else {
            return self.id.to_string();
        };
        let mut args = FluentArgs::with_capacity(self.args.len());
        for (name, value) in &self.args {
            match value {
                Arg::Number(n) => args.set(*name, FluentValue::from(*n)),
                Arg::Text(s) => args.set(*name, FluentValue::from(s.as_str())),
                Arg::Each(each) => args.set(*name, FluentValue::from(each[lang as usize].as_str())),
                other => args.set(*name, FluentValue::from(other.render(lang))),
            }
        }
        let mut errors = Vec::new();
        let out = bundle.format_pattern(pattern, Some(&args), &mut errors);
        debug_assert!(errors.is_empty(), "message `{}`: {errors:?}", self.id);
        out.into_owned()
    }
}

/// The bundle of one language, parsed at its first use.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    let index = lang as usize;
    BUNDLES[index].get_or_init(|| {
        let (lang, files) = FILES[index];
        let tag = lang.code();
        let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().expect("a language tag")]);
        // No Unicode isolation marks around arguments: invisible characters on a terminal.
        bundle.set_use_isolating(false);
        for (name, text) in files {
            let resource = FluentResource::try_new(text.to_string())
                .unwrap_or_else(|(_, e)| panic!("locales/{tag}/{name}: {e:?}"));
            bundle
                .add_resource(resource)
                .unwrap_or_else(|e| panic!("locales/{tag}/{name}: {e:?}"));
        }
        bundle
    })
}

#[cfg(test)]
mod tests;
