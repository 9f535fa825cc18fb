//! The app's own words: every shipped locale has every message, with the same placeholders and
//! plural forms as the English source, and numbers follow each locale's rules.

use assessment::i18n::{fill, placeholders, Locale, EN};

#[test]
fn every_key_exists_in_every_locale_with_the_same_placeholders() {
    let english = EN.entries();
    assert!(english.len() > 200, "{} keys", english.len());
    for locale in Locale::ALL {
        let m = locale.messages();
        assert_eq!(m.locale, locale);
        // Every locale is a literal of the same struct, so the keys are the same by
        // construction (a missing one does not compile); what a translation can get wrong is
        // checked here.
        let entries = m.entries();
        for ((key, text), (_, source)) in entries.iter().zip(&english) {
            assert!(!text.is_empty(), "{}.{key} is empty", locale.code());
            assert_eq!(
                placeholders(text),
                placeholders(source),
                "{}.{key}: {text:?}",
                locale.code()
            );
            assert_eq!(
                text.matches('|').count(),
                source.matches('|').count(),
                "{}.{key}: plural forms in {text:?}",
                locale.code()
            );
            for form in text.split('|') {
                assert!(!form.is_empty(), "{}.{key}: empty form", locale.code());
            }
        }
    }
}

#[test]
fn translations_are_not_english_copies() {
    for locale in [Locale::De, Locale::Fr] {
        let same: Vec<&str> = locale
            .messages()
            .entries()
            .into_iter()
            .zip(EN.entries())
            // Messages that are only placeholders and punctuation may well be the same.
            .filter(|((_, t), (_, e))| t == e && e.contains(' ') && e.len() > 12)
            .filter(|(_, (_, e))| {
                let words = placeholders(e)
                    .into_iter()
                    .fold(e.to_string(), |s, p| s.replace(&format!("{{{p}}}"), ""));
                words.chars().any(char::is_alphabetic)
            })
            .map(|((k, _), _)| k)
            .collect();
        assert!(same.is_empty(), "{}: {same:?}", locale.code());
    }
}

#[test]
fn language_tags_are_matched_on_the_primary_subtag() {
    assert_eq!(Locale::from_tag("de"), Some(Locale::De));
    assert_eq!(Locale::from_tag("de-AT"), Some(Locale::De));
    assert_eq!(Locale::from_tag("FR_ca"), Some(Locale::Fr));
    assert_eq!(Locale::from_tag("en-GB"), Some(Locale::En));
    assert_eq!(Locale::from_tag("es"), None);
    assert_eq!(Locale::from_tag(""), None);
    assert_eq!(Locale::negotiate(["es-ES", "fr-FR", "de"]), Locale::Fr);
    assert_eq!(Locale::negotiate(["es", "pt-BR"]), Locale::En);
    assert_eq!(Locale::negotiate([]), Locale::En);
}

#[test]
fn numbers_follow_the_locale() {
    let (en, de, fr) = (
        Locale::En.messages(),
        Locale::De.messages(),
        Locale::Fr.messages(),
    );
    assert_eq!(en.int(1_234_567), "1,234,567");
    assert_eq!(de.int(1_234_567), "1.234.567");
    assert_eq!(fr.int(1_234_567), "1\u{202f}234\u{202f}567");
    assert_eq!(en.int(999), "999");
    assert_eq!(en.int(0), "0");
    assert_eq!(en.tenths(34), "3.4");
    assert_eq!(de.tenths(34), "3,4");
    assert_eq!(fr.tenths(5), "0,5");
    assert_eq!(en.percent(72), "72 %");
    assert_eq!(de.percent(72), "72\u{a0}%");
    assert_eq!(fr.percent(100), "100\u{a0}%");
}

#[test]
fn plural_forms_follow_each_locale() {
    let en = Locale::En.messages();
    assert_eq!(en.count(en.participants, 1, &[]), "1 participant");
    assert_eq!(en.count(en.participants, 0, &[]), "0 participants");
    assert_eq!(en.count(en.participants, 1200, &[]), "1,200 participants");
    // French uses the singular for 0 and 1; German only for 1.
    assert_eq!(Locale::Fr.plural_form(0), 0);
    assert_eq!(Locale::Fr.plural_form(1), 0);
    assert_eq!(Locale::Fr.plural_form(2), 1);
    assert_eq!(Locale::De.plural_form(0), 1);
    assert_eq!(Locale::De.plural_form(1), 0);
}

#[test]
fn fill_replaces_named_placeholders_only() {
    assert_eq!(
        fill("{a} of {b}, {a}", &[("a", "1"), ("b", "2")]),
        "1 of 2, 1"
    );
    assert_eq!(fill("{missing} stays", &[]), "{missing} stays");
    assert_eq!(fill("no } brace {", &[]), "no } brace {");
    assert_eq!(placeholders("{b} {a} {b}"), ["a", "b"]);
}

#[test]
fn domain_errors_speak_the_locale() {
    use assessment::share::ShareError;
    let e = ShareError::Truncated;
    assert_eq!(e.to_string(), e.message(&EN));
    assert_ne!(
        e.message(Locale::De.messages()),
        e.message(Locale::En.messages())
    );
    // The detail of a damaged record is worded in the locale too.
    let q = assessment::default_questionnaire().unwrap();
    let err = assessment::decode_record(r#"{"id": "x"}"#, &q).unwrap_err();
    assert_eq!(
        err.message(Locale::De.messages()),
        "Die gespeicherten Daten sind kein Bewertungsdatensatz (das Feld „schema“ fehlt)"
    );
    assert_eq!(
        err.to_string(),
        "the saved data is not an assessment record (no \"schema\" field)"
    );
}
