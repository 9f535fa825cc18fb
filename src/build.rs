//! Build-time work on the bundled questionnaire, and the split release build's link flag.
//!
//! The questionnaire (`assessment/content/distributor.json`) is validated here, so a build with
//! a broken file fails with every problem listed, and written out once per language, with only
//! that language's texts, in the compact form the app reads without a parser
//! (`assessment::compact`). English goes into the main module; German and French
//! into chunks loaded when the person's language needs them (`src/lang.rs`).
//!
//! The split release build (`--features split`, see xtask) needs the linker's relocations to cut
//! the wasm into chunks; every other build links as usual.
use std::path::PathBuf;

use serde_json::Value;

const CONTENT: &str = "assessment/content/distributor.json";

fn main() {
    println!("cargo::rerun-if-changed=src/build.rs");
    println!("cargo::rerun-if-changed={CONTENT}");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    if split && wasm {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }

    let text = std::fs::read_to_string(CONTENT).unwrap_or_else(|e| panic!("{CONTENT}: {e}"));
    check(&text, CONTENT);
    let full: Value = serde_json::from_str(&text).expect("checked above");
    let locales: Vec<String> = full["locales"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|l| l.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for locale in ["en", "de", "fr"] {
        assert!(
            locales.iter().any(|l| l == locale),
            "{CONTENT} has no \"{locale}\" texts, which the app ships"
        );
        let one = only(&full, locale, &locales);
        let json = serde_json::to_string(&one).expect("a JSON value serialises");
        let name = format!("content-{locale}");
        let q = check(&json, &name);
        let compact = assessment::compact::encode(&q).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            assessment::compact::decode(&compact).as_ref() == Some(&q),
            "{name}: the compact form does not read back as written"
        );
        std::fs::write(out.join(format!("{name}.q")), compact)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// The questionnaire in `json`; fails the build with every problem the validator finds.
fn check(json: &str, name: &str) -> assessment::Questionnaire {
    assessment::parse_questionnaire(json).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.0.iter().map(|e| format!("  - {e}")).collect();
        panic!("{name} is not a valid questionnaire:\n{}", list.join("\n"));
    })
}

/// The questionnaire with only `locale`'s texts: every text object (an object whose keys are all
/// declared locales, each with a string) keeps that one key, and the file declares only that
/// locale, as its default.
fn only(value: &Value, locale: &str, locales: &[String]) -> Value {
    match value {
        Value::Object(map) => {
            let is_text = !map.is_empty()
                && map
                    .iter()
                    .all(|(k, v)| locales.contains(k) && v.is_string());
            if is_text {
                let mut one = serde_json::Map::new();
                if let Some(t) = map.get(locale) {
                    one.insert(locale.to_owned(), t.clone());
                }
                return Value::Object(one);
            }
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                let v = match k.as_str() {
                    "locales" => Value::Array(vec![Value::String(locale.to_owned())]),
                    "default_locale" => Value::String(locale.to_owned()),
                    _ => only(v, locale, locales),
                };
                out.insert(k.clone(), v);
            }
            Value::Object(out)
        }
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| only(v, locale, locales)).collect())
        }
        other => other.clone(),
    }
}
