//! Which screen is shown, kept in the URL fragment so that a reload stays on the same screen
//! and a share link opens the shared result. The fragment never reaches a server.
//!
//! | fragment | screen |
//! |---|---|
//! | (none), `#/` | the assessment (welcome, questions or results) |
//! | `#/history` | My assessments |
//! | `#/compare/<id>/<id>` | the comparison of two assessments |
//! | `#/workshops` | the list of workshops |
//! | `#/workshop/<id>` | one workshop |
//! | `#/workshop/<id>/present` | its presenter view |
//! | `#r=<payload>` | a shared result (see `assessment::share`) |

use assessment::share::FRAGMENT_PREFIX;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Assessment,
    History,
    Compare(String, String),
    Workshops,
    Workshop(String),
    Present(String),
    Shared(String),
}

impl Route {
    /// The route of a URL fragment (with or without its leading `#`).
    pub fn parse(fragment: &str) -> Self {
        let f = fragment.strip_prefix('#').unwrap_or(fragment);
        if let Some(payload) = f.strip_prefix(FRAGMENT_PREFIX) {
            return Route::Shared(payload.to_owned());
        }
        // The browser percent-encodes what it puts in `location.hash` (a space, non-ASCII):
        // each segment is decoded; one that does not decode to UTF-8 names nothing.
        let Some(decoded) = f
            .trim_matches('/')
            .split('/')
            .map(percent_decode)
            .collect::<Option<Vec<String>>>()
        else {
            return Route::Assessment;
        };
        let parts: Vec<&str> = decoded.iter().map(String::as_str).collect();
        match parts[..] {
            ["history"] => Route::History,
            ["compare", a, b] if !a.is_empty() && !b.is_empty() => {
                Route::Compare(a.to_owned(), b.to_owned())
            }
            ["compare", ..] => Route::History,
            ["workshops"] => Route::Workshops,
            ["workshop", id] if !id.is_empty() => Route::Workshop(id.to_owned()),
            ["workshop", id, "present"] if !id.is_empty() => Route::Present(id.to_owned()),
            ["workshop", ..] => Route::Workshops,
            _ => Route::Assessment,
        }
    }

    /// The fragment for this route, with its leading `#`.
    pub fn fragment(&self) -> String {
        match self {
            Route::Assessment => "#/".to_owned(),
            Route::History => "#/history".to_owned(),
            Route::Compare(a, b) => {
                format!("#/compare/{}/{}", percent_encode(a), percent_encode(b))
            }
            Route::Workshops => "#/workshops".to_owned(),
            Route::Workshop(id) => format!("#/workshop/{}", percent_encode(id)),
            Route::Present(id) => format!("#/workshop/{}/present", percent_encode(id)),
            Route::Shared(p) => format!("#{FRAGMENT_PREFIX}{p}"),
        }
    }
}

/// Decodes `%XX` escapes; `None` when an escape is malformed or the bytes are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Escapes everything but ASCII letters, digits, `-`, `_`, `.` and `~`, so that an id can
/// never add a segment (`/`) or end the fragment.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{percent_decode, percent_encode, Route};

    #[test]
    fn fragments_round_trip() {
        for route in [
            Route::Assessment,
            Route::History,
            Route::Compare("a1".into(), "b2".into()),
            Route::Workshops,
            Route::Workshop("w1".into()),
            Route::Present("w1".into()),
            Route::Shared("1.x.1.b.AAAA.BBBBBB".into()),
        ] {
            assert_eq!(Route::parse(&route.fragment()), route);
        }
    }

    #[test]
    fn ids_are_percent_decoded_and_encoded() {
        assert_eq!(
            Route::parse("#/workshop/a%20b"),
            Route::Workshop("a b".into())
        );
        assert_eq!(
            Route::parse("#/compare/%C3%A9t%C3%A9/x"),
            Route::Compare("\u{e9}t\u{e9}".into(), "x".into())
        );
        assert_eq!(Route::parse("#/workshop/%ZZ"), Route::Assessment);
        assert_eq!(Route::parse("#/workshop/%FF"), Route::Assessment);
        assert_eq!(Route::parse("#/workshop/%4"), Route::Assessment);
        let odd = Route::Compare("a/b c".into(), "%".into());
        assert_eq!(odd.fragment(), "#/compare/a%2Fb%20c/%25");
        assert_eq!(Route::parse(&odd.fragment()), odd);
        assert_eq!(
            percent_decode(&percent_encode("\u{202e}x")).as_deref(),
            Some("\u{202e}x")
        );
    }

    #[test]
    fn anything_else_is_the_assessment() {
        assert_eq!(Route::parse(""), Route::Assessment);
        assert_eq!(Route::parse("#"), Route::Assessment);
        assert_eq!(Route::parse("#/nowhere"), Route::Assessment);
        assert_eq!(Route::parse("#/compare/a"), Route::History);
        assert_eq!(Route::parse("history"), Route::History);
        assert_eq!(Route::parse("#r="), Route::Shared(String::new()));
        assert_eq!(Route::parse("#/workshop/"), Route::Workshops);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod fuzz {
        use proptest::prelude::*;

        use super::{percent_decode, percent_encode, Route};

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(20_000))]

            /// Any fragment names some screen, without a panic.
            #[test]
            fn any_fragment_parses(f in "\\PC{0,80}") {
                let _ = Route::parse(&f);
            }

            /// Fragments built from route-like pieces, with escapes, too.
            #[test]
            fn route_like_fragments_parse(
                head in prop::sample::select(vec!["#/", "#/workshop/", "#/compare/", "#r=", "#/history/", ""]),
                rest in "[a-z0-9%/ .A-F\\u{e9}\\u{202e}-]{0,40}",
            ) {
                let _ = Route::parse(&format!("{head}{rest}"));
            }

            /// Every id survives the trip through the fragment, whatever it holds.
            #[test]
            fn ids_round_trip(a in "\\PC{1,30}", b in "\\PC{1,30}") {
                for route in [Route::Compare(a.clone(), b.clone()), Route::Workshop(a.clone()), Route::Present(b.clone())] {
                    prop_assert_eq!(Route::parse(&route.fragment()), route);
                }
                prop_assert_eq!(percent_decode(&percent_encode(&a)), Some(a));
            }
        }
    }
}
