//! The app's own words in every shipped language: one message catalogue per locale, compiled
//! into the program, plus the few number rules each locale needs.
//!
//! The questionnaire's texts are not here: they are per-locale texts in the content file
//! ([`crate::Text`]). Everything else a person reads — buttons, headings, notices, reasons a
//! file was refused — is a message in [`Messages`].
//!
//! The English catalogue declares the keys ([`EN`] and the struct are generated from one list);
//! every other locale is a `Messages` struct literal, so a missing key is a compile error, and
//! the tests check that every translation keeps the English placeholders and plural forms.
//!
//! Message syntax, kept small on purpose:
//! - `{name}` is replaced by an argument ([`fill`]);
//! - a counted message has its plural forms separated by `|` (one|other for the shipped
//!   locales), chosen by [`Messages::count`]; `{n}` is the count, formatted for the locale.

mod de;
mod en;
mod fr;

pub use de::DE;
pub use en::{Messages, EN};
pub use fr::FR;

/// A language the app's own words exist in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    De,
    Fr,
}

impl Locale {
    /// Every shipped locale, in the order the language switch lists them.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::De, Locale::Fr];

    /// The BCP 47 tag, as used in `lang` attributes, URLs and the content file.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
            Locale::Fr => "fr",
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::De => "Deutsch",
            Locale::Fr => "Français",
        }
    }

    /// The writing direction, for `<html dir>`. Every shipped locale is left to right; the
    /// layout uses logical CSS properties, so a right-to-left locale needs only its catalogue.
    pub fn dir(self) -> &'static str {
        "ltr"
    }

    /// The locale for a language tag such as `de`, `de-AT` or `FR-ca` (matched on the primary
    /// language subtag, case-insensitively), if one is shipped.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Locale::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The first shipped locale among the user's preferred language tags, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        preferred
            .into_iter()
            .find_map(Locale::from_tag)
            .unwrap_or_default()
    }

    pub fn messages(self) -> &'static Messages {
        match self {
            Locale::En => &en::EN,
            Locale::De => &de::DE,
            Locale::Fr => &fr::FR,
        }
    }

    /// Which plural form a count takes: 0 for "one", 1 for "other" (CLDR cardinal rules for
    /// integers: French treats 0 as "one").
    pub fn plural_form(self, n: u64) -> usize {
        let one = match self {
            Locale::En | Locale::De => n == 1,
            Locale::Fr => n <= 1,
        };
        usize::from(!one)
    }
}

macro_rules! catalogue {
    ($($(#[doc = $doc:literal])* $key:ident: $text:literal,)*) => {
        /// Every message of the app in one language. The English catalogue is the source:
        /// each field's documentation says where the message is used.
        #[derive(Debug)]
        pub struct Messages {
            pub locale: Locale,
            $($(#[doc = $doc])* pub $key: &'static str,)*
        }

        impl Messages {
            /// Every key with its text, for the catalogue tests.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key),)*]
            }
        }

        /// The English catalogue.
        pub const EN: Messages = Messages { locale: Locale::En, $($key: $text,)* };
    };
}
pub(crate) use catalogue;

impl Messages {
    /// A whole number with the locale's digit grouping ("1,000", "1.000", "1 000").
    pub fn int(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + 4);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(self.group_separator);
            }
            out.push(c);
        }
        out
    }

    /// A number given in tenths with one decimal ("3.4", "3,4").
    pub fn tenths(&self, tenths: u32) -> String {
        format!(
            "{}{}{}",
            self.int(u64::from(tenths / 10)),
            self.decimal_separator,
            tenths % 10
        )
    }

    /// A file size in megabytes of 1,048,576 bytes (the unit of the import limit), to three
    /// significant digits and rounded down, so that a size is never overstated: "5.00 MB" for
    /// 5 MB and one byte, "5.01 MB", "12.7 MB", "123 MB". A message that says a file is too
    /// large says so in words too, since 5.00 MB reads as within a 5 MB limit.
    pub fn file_size(&self, bytes: u64) -> String {
        const MB: u128 = 1 << 20;
        let bytes = u128::from(bytes);
        let decimals: u32 = match bytes {
            b if b < 10 * MB => 2,
            b if b < 100 * MB => 1,
            _ => 0,
        };
        let unit = 10u128.pow(decimals);
        let scaled = bytes * unit / MB;
        let whole = self.int(u64::try_from(scaled / unit).unwrap_or(u64::MAX));
        let n = match decimals {
            0 => whole,
            d => format!(
                "{whole}{}{:0width$}",
                self.decimal_separator,
                scaled % unit,
                width = d as usize
            ),
        };
        fill(self.size_mb, &[("n", &n)])
    }

    /// A whole percentage ("72 %", "72 %" with a no-break space).
    pub fn percent(&self, p: u32) -> String {
        fill(self.percent_format, &[("n", &self.int(u64::from(p)))])
    }

    /// A counted message: picks the plural form for `n` and fills `{n}` and `args`.
    pub fn count(&self, message: &str, n: usize, args: &[(&str, &str)]) -> String {
        let n64 = n as u64;
        let form = self.locale.plural_form(n64);
        let forms: Vec<&str> = message.split('|').collect();
        let chosen = forms.get(form).or(forms.last()).copied().unwrap_or("");
        let number = self.int(n64);
        let mut all: Vec<(&str, &str)> = vec![("n", number.as_str())];
        all.extend_from_slice(args);
        fill(chosen, &all)
    }
}

/// Replaces each `{name}` in `template` with its argument. A name without an argument is left
/// as it is (the catalogue tests make sure that never happens in a shipped message).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = &after[..end];
        match args.iter().find(|(k, _)| *k == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[start..start + end + 2]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a message, sorted and without repeats.
pub fn placeholders(message: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = message;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        names.push(&after[..end]);
        rest = &after[end + 1..];
    }
    crate::lean::sort(&mut names);
    names.dedup();
    names
}

/// Implements `Display` (in English, for logs and tests) and `Error` for a type whose text comes
/// from the catalogue through a `message(&Messages)` method.
macro_rules! display_in_english {
    ($t:ty) => {
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.message(&$crate::i18n::EN))
            }
        }
        impl std::error::Error for $t {}
    };
}
pub(crate) use display_in_english;
