//! Which language the command line speaks: `--lang`, else the locale of the environment.
//!
//! The order is POSIX's: `LC_ALL`, then `LC_MESSAGES`, then `LANG`, the first that is set and
//! not empty deciding. A locale whose language is `id` (`id`, `id_ID.UTF-8`, `id_ID@euro`) gives
//! Indonesian; any other (`C`, `en_US.UTF-8`, `fr_FR`) gives English, the default.

use std::ffi::OsString;

/// A language of the command line's texts (`--lang`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    // English (no doc comments: clap would list them as the help of each value).
    En,
    // Bahasa Indonesia.
    Id,
}

/// The variables of the environment that choose the language, in the order they are read.
pub const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

impl Lang {
    /// The same language for the keywords of `.se` files (`edaran fmt --lang`).
    pub fn keywords(self) -> edaran::Lang {
        match self {
            Lang::En => edaran::Lang::En,
            Lang::Id => edaran::Lang::Id,
        }
    }

    /// The language of a locale name as the environment writes it: the part before the
    /// territory, codeset and modifier (`id` of `id_ID.UTF-8`).
    fn of_locale(locale: &str) -> Lang {
        let language = locale.split(['_', '-', '.', '@']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("id") {
            Lang::Id
        } else {
            Lang::En
        }
    }

    /// The value of `--lang` (as clap reads it).
    fn of_flag(value: &str) -> Option<Lang> {
        <Lang as clap::ValueEnum>::from_str(value, false).ok()
    }
}

/// The language the environment asks for: `vars` are the values of [`LOCALE_VARS`], in order.
pub fn from_env<S: AsRef<str>>(vars: [Option<S>; 3]) -> Lang {
    vars.iter()
        .flatten()
        .map(AsRef::as_ref)
        .find(|v| !v.is_empty())
        .map_or(Lang::En, Lang::of_locale)
}

/// The value of `--lang X` or `--lang=X` in the raw arguments, before clap reads them (the help
/// clap builds must already be in that language). Arguments after `--` are not options.
pub fn from_args(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    let mut found = None;
    while let Some(arg) = args.next() {
        match arg {
            "--" => break,
            "--lang" => found = args.next().and_then(Lang::of_flag).or(found),
            _ => {
                if let Some(value) = arg.strip_prefix("--lang=") {
                    found = Lang::of_flag(value).or(found);
                }
            }
        }
    }
    found
}

/// The language of this run: `--lang`, else the environment.
pub fn choose(args: &[OsString]) -> Lang {
    // `var_os`: a value that is not UTF-8 is still set, and decides (English).
    let var = |v| std::env::var_os(v).map(|s| s.to_string_lossy().into_owned());
    from_args(args).unwrap_or_else(|| from_env(LOCALE_VARS.map(var)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(all: Option<&str>, messages: Option<&str>, lang: Option<&str>) -> Lang {
        from_env([all, messages, lang])
    }

    #[test]
    fn the_first_set_and_non_empty_variable_decides() {
        assert_eq!(env(None, None, None), Lang::En);
        assert_eq!(env(None, None, Some("id_ID.UTF-8")), Lang::Id);
        assert_eq!(env(None, None, Some("id")), Lang::Id);
        assert_eq!(env(None, Some("id_ID"), Some("en_US.UTF-8")), Lang::Id);
        assert_eq!(env(Some("C"), Some("id_ID"), Some("id_ID")), Lang::En);
        assert_eq!(
            env(Some("id_ID.UTF-8"), None, Some("en_US.UTF-8")),
            Lang::Id
        );
        // An empty variable is as if unset.
        assert_eq!(env(Some(""), Some(""), Some("id_ID.UTF-8")), Lang::Id);
        assert_eq!(env(Some(""), Some("en_GB"), Some("id_ID.UTF-8")), Lang::En);
    }

    #[test]
    fn only_the_language_id_is_indonesian() {
        for locale in ["id", "id_ID", "id_ID.UTF-8", "id_ID@euro", "id-ID", "ID_id"] {
            assert_eq!(env(None, None, Some(locale)), Lang::Id, "{locale}");
        }
        for locale in [
            "C",
            "POSIX",
            "C.UTF-8",
            "en_US.UTF-8",
            "fr_FR",
            "ida",
            "ms_MY",
        ] {
            assert_eq!(env(None, None, Some(locale)), Lang::En, "{locale}");
        }
    }

    #[test]
    fn the_flag_is_read_from_the_raw_arguments() {
        let args = |a: &[&str]| -> Vec<OsString> {
            std::iter::once("edaran")
                .chain(a.iter().copied())
                .map(OsString::from)
                .collect()
        };
        assert_eq!(from_args(&args(&["check", "--lang", "id"])), Some(Lang::Id));
        assert_eq!(
            from_args(&args(&["--lang=en", "holidays", "2026"])),
            Some(Lang::En)
        );
        assert_eq!(
            from_args(&args(&["--lang", "id", "--lang", "en"])),
            Some(Lang::En)
        );
        assert_eq!(from_args(&args(&["check"])), None);
        // A bad value is clap's to refuse; the environment decides meanwhile.
        assert_eq!(from_args(&args(&["--lang", "fr"])), None);
        assert_eq!(from_args(&args(&["check", "--", "--lang=id"])), None);
    }
}
