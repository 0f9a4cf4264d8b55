//! The two languages of edaran: English and Bahasa Indonesia.
//!
//! A `.se` file is written in one of them (its keywords: `circular` or `surat_edaran`), and the
//! command line speaks one of them. The keywords of both are the two columns of one table
//! (`syntax::keywords::TABLE`); this module only names the languages. It imports nothing of the
//! crate, so every layer can use it.

use std::fmt;

/// A language of keywords and messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English: `circular`, `rule`, `valid ... to ...`.
    #[default]
    En,
    /// Bahasa Indonesia: `surat_edaran`, `aturan`, `berlaku ... sampai ...`.
    Id,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Id];

    /// The code: `en` or `id` (as `--lang` takes it).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
        }
    }

    /// The language of a code, `en` or `id` (any case).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// Its name in its own words: "English", "Bahasa Indonesia".
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Id => "Bahasa Indonesia",
        }
    }

    /// Its name in English, as an adjective of a word: "English", "Indonesian".
    pub fn adjective(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Id => "Indonesian",
        }
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Id,
            Lang::Id => Lang::En,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
