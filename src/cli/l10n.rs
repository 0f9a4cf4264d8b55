//! The command line's own texts, in English or Indonesian: the Fluent messages of
//! `locales/en/cli.ftl` and `locales/id/cli.ftl`, built into the binary.
//!
//! Code asks for a message by its id with `tr!` (in the language of the run, chosen once by
//! [`set_lang`]) or `tr_in!` (in a language given: English for the messages of JSON documents,
//! a machine interface). A test checks that every id the code asks for is in both files, that both files
//! hold the same ids, and that each message formats with the arguments the code gives it.

use super::lang::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// The messages of each language, as written in the repository.
const FTL: [(Lang, &str, &str); 2] = [
    (Lang::En, "en", include_str!("../../locales/en/cli.ftl")),
    (Lang::Id, "id", include_str!("../../locales/id/cli.ftl")),
];

/// Whether this run speaks Indonesian (set once, before any text is made).
static INDONESIAN: AtomicBool = AtomicBool::new(false);

/// Sets the language of the rest of the run.
pub fn set_lang(lang: Lang) {
    INDONESIAN.store(lang == Lang::Id, Ordering::Relaxed);
}

/// The language of this run.
pub fn lang() -> Lang {
    if INDONESIAN.load(Ordering::Relaxed) {
        Lang::Id
    } else {
        Lang::En
    }
}

/// The bundle of one language, parsed at its first use.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    let index = lang as usize;
    BUNDLES[index].get_or_init(|| {
        let (_, tag, text) = FTL[index];
        let resource = FluentResource::try_new(text.to_string())
            .unwrap_or_else(|(_, errors)| panic!("locales/{tag}/cli.ftl: {errors:?}"));
        let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().expect("a language tag")]);
        // No Unicode isolation marks around arguments: they would be invisible characters on a
        // terminal and in files.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("locales/{tag}/cli.ftl: {errors:?}"));
        bundle
    })
}

/// The message `id` in `lang`, with its arguments. A message missing from the files (which the
/// tests rule out) is its id, not a panic. The arguments are borrowed, not copied.
pub fn text_in<'a, const N: usize>(
    lang: Lang,
    id: &str,
    args: [(&'static str, FluentValue<'a>); N],
) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let fluent_args = (N > 0).then(|| {
        let mut fluent_args = FluentArgs::with_capacity(N);
        for (name, value) in args {
            fluent_args.set(name, value);
        }
        fluent_args
    });
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
    debug_assert!(errors.is_empty(), "message `{id}`: {errors:?}");
    text.into_owned()
}

/// A message argument: numbers are numbers (for plurals in English), anything else its text.
pub trait Arg {
    fn value(&self) -> FluentValue<'_>;
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn value(&self) -> FluentValue<'_> {
                FluentValue::from(*self)
            }
        }
    )*};
}
number_arg!(usize, u32, u64, i32);

impl Arg for str {
    fn value(&self) -> FluentValue<'_> {
        FluentValue::from(self)
    }
}

impl Arg for String {
    fn value(&self) -> FluentValue<'_> {
        self.as_str().value()
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn value(&self) -> FluentValue<'_> {
        (**self).value()
    }
}

/// The message `id` in `lang`: `tr_in!(Lang::En, "read-not-se", path = p)` (English: for the
/// messages of JSON documents, a machine interface).
macro_rules! tr_in {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::cli::l10n::text_in(
            $lang,
            $id,
            [$((stringify!($name), $crate::cli::l10n::Arg::value(&$value))),*],
        )
    };
}

/// The message `id` in the language of the run: `tr!("check-summary", files = n)`.
macro_rules! tr {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        tr_in!($crate::cli::l10n::lang(), $id $(, $name = $value)*)
    };
}

/// `error: MESSAGE`, in the language of the run.
pub fn error(message: impl std::fmt::Display) -> String {
    tr!("error", message = message.to_string())
}

/// A date with its weekday, in the language of the run: "Monday 2023-08-28", "Senin 2023-08-28".
pub fn with_weekday(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let weekday = tr!("weekday", day = date.weekday().number_from_monday());
    format!("{weekday} {date}")
}

/// `warning: MESSAGE`, in the language of the run.
pub fn warning(message: impl std::fmt::Display) -> String {
    tr!("warning", message = message.to_string())
}

#[cfg(test)]
mod tests;
