//! Embedding in someone else's page (`?embed=1`): the options a host may set by URL parameter,
//! and the messages the frame sends to the host with `postMessage`.
//!
//! Parameters: `embed=1`; `perspective=brand_owner|distributor` (fixed, not asked);
//! `sections=REL,TRU` (a subset); `accent=#rrggbb` (or `#rgb`); `font_scale=0.75..2`;
//! `results=0` (thank the respondent instead of showing results); `share_scores=1` (put scores
//! in the `completed` message; only honoured with `parent_origin`); `parent_origin=https://host`
//! (the only origin messages are sent to and accepted from); `lang=de` (the language: `en`, `de`
//! or `fr`; this one also works outside embed mode).
//!
//! Messages to the host, all `{"source": "distributor-assessment", "version": 1, "type": ...}`:
//! `ready`; `resize` with `height` (CSS pixels); `page` with `index` (0 the welcome page, then one
//! per section page, then the results) and `count`; `completed`, with `scores` only when opted in
//! (overall and per section: percentage and band; never answers). The host may send
//! `{"source": "distributor-assessment-host", "version": 1, "type": "get-size"}`; anything else,
//! or anything from another origin, is ignored.

use assessment::i18n::Locale;
use assessment::scoring::TrustGate;
use assessment::{Perspective, Questionnaire, Report};
use serde_json::{json, Value};

pub const SOURCE: &str = "distributor-assessment";

/// Every URL parameter [`EmbedOptions::from_params`] reads.
pub const PARAMETERS: [&str; 9] = [
    "lang",
    "embed",
    "perspective",
    "sections",
    "accent",
    "font_scale",
    "results",
    "share_scores",
    "parent_origin",
];
pub const HOST_SOURCE: &str = "distributor-assessment-host";
pub const VERSION: u64 = 1;

/// What the host page asked for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EmbedOptions {
    pub embed: bool,
    pub perspective: Option<Perspective>,
    pub sections: Vec<String>,
    pub accent: Option<String>,
    pub font_scale: Option<f64>,
    pub show_results: bool,
    pub share_scores: bool,
    pub parent_origin: Option<String>,
    /// A `parent_origin` was given but is not an origin: then nothing is sent at all (failing
    /// closed), rather than to any origin.
    pub parent_origin_invalid: bool,
    /// The language asked for with `lang` (also outside embed mode).
    pub lang: Option<Locale>,
}

impl EmbedOptions {
    /// Reads the options from URL parameters (already percent-decoded) as (name, value) pairs.
    /// Invalid values are ignored, never fatal.
    pub fn from_params<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut o = Self {
            show_results: true,
            ..Self::default()
        };
        for (k, v) in params {
            match k {
                "embed" => o.embed = v == "1" || v == "true",
                "perspective" => o.perspective = Perspective::from_code(v),
                "sections" => {
                    o.sections = v
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty() && s.len() <= 32)
                        .map(str::to_owned)
                        .collect();
                }
                "accent" => o.accent = colour(v),
                "font_scale" => o.font_scale = font_scale(v),
                "results" => o.show_results = v != "0" && v != "false",
                "share_scores" => o.share_scores = v == "1" || v == "true",
                "parent_origin" => {
                    o.parent_origin = origin(v);
                    o.parent_origin_invalid = o.parent_origin.is_none();
                }
                "lang" => o.lang = Locale::from_tag(v),
                _ => {}
            }
        }
        o
    }

    /// Where messages go: the parent's origin when given, else `*` (then no scores are sent);
    /// `None` -- send nothing -- when the `parent_origin` given is not a valid origin.
    pub fn target_origin(&self) -> Option<&str> {
        if self.parent_origin_invalid {
            None
        } else {
            Some(self.parent_origin.as_deref().unwrap_or("*"))
        }
    }

    /// Whether the `completed` message may carry scores.
    pub fn sends_scores(&self) -> bool {
        self.share_scores && self.parent_origin.is_some()
    }
}

/// `#rgb` or `#rrggbb`, lower-cased; anything else is refused (it goes into CSS).
pub fn colour(v: &str) -> Option<String> {
    let hex = v.strip_prefix('#')?;
    ((hex.len() == 3 || hex.len() == 6) && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// A font scale between 0.75 and 2.
pub fn font_scale(v: &str) -> Option<f64> {
    v.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .map(|x| x.clamp(0.75, 2.0))
}

/// An origin exactly as the browser writes one (`MessageEvent.origin`): `http` or `https`,
/// `://`, a lower-case host, an optional `:port` of digits, and nothing after it -- no trailing
/// `/`, no path, no upper case. Anything else is refused, so that a mistyped origin is noticed
/// (nothing is sent) instead of never matching.
pub fn origin(v: &str) -> Option<String> {
    let (scheme, rest) = v.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let (host, port) = if let Some(end) = rest.strip_prefix('[').and_then(|r| r.find(']')) {
        // An IPv6 literal: [::1] or [::1]:8080.
        let (h, p) = rest.split_at(end + 2);
        let ok = h[1..h.len() - 1]
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase() || c == ':' || c == '.');
        (ok.then_some(h)?, p)
    } else {
        let (h, p) = rest.find(':').map_or((rest, ""), |i| rest.split_at(i));
        let ok = h.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && label
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
        (ok.then_some(h)?, p)
    };
    let port_ok = match port.strip_prefix(':') {
        None => port.is_empty(),
        Some(digits) => {
            (1..=5).contains(&digits.len())
                && !digits.starts_with('0')
                && digits.parse::<u16>().is_ok()
        }
    };
    port_ok.then(|| format!("{scheme}://{host}{port}"))
}

fn envelope(kind: &str) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("source".into(), SOURCE.into());
    m.insert("version".into(), VERSION.into());
    m.insert("type".into(), kind.into());
    m
}

pub fn ready() -> Value {
    Value::Object(envelope("ready"))
}

pub fn resize(height: f64) -> Value {
    let mut m = envelope("resize");
    m.insert("height".into(), json!(height.ceil().max(0.0) as u64));
    Value::Object(m)
}

pub fn page(index: usize, count: usize) -> Value {
    let mut m = envelope("page");
    m.insert("index".into(), index.into());
    m.insert("count".into(), count.into());
    Value::Object(m)
}

/// The `completed` message; with `report` (only when the host opted in) it carries the scores.
pub fn completed(q: &Questionnaire, report: Option<&Report>) -> Value {
    let mut m = envelope("completed");
    if let Some(r) = report {
        let band = |b: usize| q.scoring.bands[b].id.clone();
        m.insert(
            "scores".into(),
            json!({
                "overall": r.overall.score.map(|s| json!({
                    "percent": s.percent,
                    "band": band(s.band),
                    "at_risk": r.overall.trust == TrustGate::AtRisk,
                })),
                "sections": r.sections.iter().map(|s| json!({
                    "id": q.sections[s.section].id,
                    "percent": s.score.map(|x| x.percent),
                    "band": s.score.map(|x| band(x.band)),
                })).collect::<Vec<_>>(),
            }),
        );
    }
    Value::Object(m)
}

/// Whether a message from the host is one the frame answers (`get-size`), checked strictly.
pub fn is_size_request(data: &Value) -> bool {
    data.get("source").and_then(Value::as_str) == Some(HOST_SOURCE)
        && data.get("version").and_then(Value::as_u64) == Some(VERSION)
        && data.get("type").and_then(Value::as_str) == Some("get-size")
        && data.as_object().is_some_and(|o| o.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use assessment::{default_questionnaire, score, Answer, Answers, Level, Scope};

    #[test]
    fn options_are_read_and_bad_values_ignored() {
        let o = EmbedOptions::from_params([
            ("embed", "1"),
            ("perspective", "distributor"),
            ("sections", "REL, TRU,,"),
            ("accent", "#AA3300"),
            ("font_scale", "9"),
            ("results", "0"),
            ("share_scores", "1"),
            ("parent_origin", "https://example.org:8443"),
        ]);
        assert!(o.embed && !o.show_results && o.sends_scores());
        assert_eq!(o.perspective, Some(Perspective::Distributor));
        assert_eq!(o.sections, ["REL", "TRU"]);
        assert_eq!(o.accent.as_deref(), Some("#aa3300"));
        assert_eq!(o.font_scale, Some(2.0));
        assert_eq!(o.target_origin(), Some("https://example.org:8443"));
        let bad = EmbedOptions::from_params([
            ("accent", "red;background:url(x)"),
            ("parent_origin", "javascript://x"),
            ("font_scale", "NaN"),
            ("perspective", "partner"),
            ("share_scores", "1"),
        ]);
        assert_eq!(
            (
                &bad.accent,
                &bad.parent_origin,
                bad.font_scale,
                bad.perspective
            ),
            (&None, &None, None, None)
        );
        assert!(bad.show_results);
        assert!(!bad.sends_scores(), "no scores without a parent origin");
        assert_eq!(bad.target_origin(), None, "an invalid origin sends nothing");
        let none = EmbedOptions::from_params([("embed", "1")]);
        assert_eq!(none.target_origin(), Some("*"));
    }

    #[test]
    fn origins_have_no_path() {
        assert_eq!(
            origin("http://127.0.0.1:8097").as_deref(),
            Some("http://127.0.0.1:8097")
        );
        assert_eq!(origin("https://a.example/path"), None);
        assert_eq!(origin("https://"), None);
        assert_eq!(origin("data:text/html"), None);
        for bad in [
            "https://a.example/",
            "https://A.example",
            "HTTPS://a.example",
            "https://a.example:",
            "https://a.example:08080",
            "https://a.example:99999",
            "https://a..example",
            "https://a.example?x",
            "https://user@a.example",
            "https://[::1",
        ] {
            assert_eq!(origin(bad), None, "{bad}");
        }
        assert_eq!(
            origin("http://[::1]:8080").as_deref(),
            Some("http://[::1]:8080")
        );
        assert_eq!(
            origin("https://a-b.example").as_deref(),
            Some("https://a-b.example")
        );
    }

    #[test]
    fn completed_carries_scores_only_when_given_and_never_answers() {
        let q = default_questionnaire().unwrap();
        let answers: Answers = q
            .item_ids()
            .map(|id| (id, Answer::Level(Level::new(3).unwrap())))
            .collect();
        let report = score(&q, &answers, &Scope::all(&q));
        let plain = completed(&q, None);
        assert_eq!(
            plain,
            json!({"source": "distributor-assessment", "version": 1, "type": "completed"})
        );
        let with = completed(&q, Some(&report));
        assert_eq!(
            with["scores"]["overall"],
            json!({"percent": 50, "band": "developing", "at_risk": false})
        );
        assert_eq!(
            with["scores"]["sections"][3],
            json!({"id": "TRU", "percent": 50, "band": "developing"})
        );
        assert!(
            !with.to_string().contains("REL1"),
            "no item ids, so no answers"
        );
    }

    #[test]
    fn only_a_well_formed_size_request_is_answered() {
        assert!(is_size_request(
            &json!({"source": HOST_SOURCE, "version": 1, "type": "get-size"})
        ));
        for bad in [
            json!({"source": HOST_SOURCE, "version": 2, "type": "get-size"}),
            json!({"source": "evil", "version": 1, "type": "get-size"}),
            json!({"source": HOST_SOURCE, "version": 1, "type": "get-size", "then": "clear-storage"}),
            json!("get-size"),
            json!(null),
        ] {
            assert!(!is_size_request(&bad), "{bad}");
        }
        assert_eq!(
            page(2, 6),
            json!({"source": SOURCE, "version": 1, "type": "page", "index": 2, "count": 6})
        );
        assert_eq!(resize(401.2)["height"], json!(402));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod fuzz {
        use proptest::prelude::*;

        use super::*;

        fn key() -> impl Strategy<Value = String> {
            prop_oneof![
                prop::sample::select(PARAMETERS.to_vec()).prop_map(str::to_owned),
                "\\PC{0,12}",
            ]
        }

        fn value() -> impl Strategy<Value = String> {
            prop_oneof![
                "\\PC{0,40}",
                "(https?|HTTPS|data|javascript)://[a-zA-Z0-9.:\\[\\]/@?#-]{0,24}",
                "#[0-9a-fA-FxX;]{0,8}",
                "-?[0-9.eE+]{0,8}|NaN|inf",
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(20_000))]

            /// Whatever a host page puts in the URL, the options are safe to use: an accent that
            /// is a colour, a font scale in range, an origin the browser would write (or
            /// nothing sent at all), and scores only with an origin.
            #[test]
            fn any_parameters_give_safe_options(pairs in prop::collection::vec((key(), value()), 0..8)) {
                let o = EmbedOptions::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
                if let Some(a) = &o.accent {
                    prop_assert!(a.starts_with('#') && (a.len() == 4 || a.len() == 7));
                    prop_assert!(a[1..].chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
                }
                if let Some(s) = o.font_scale {
                    prop_assert!((0.75..=2.0).contains(&s));
                }
                match o.target_origin() {
                    None => prop_assert!(o.parent_origin.is_none()),
                    Some("*") => prop_assert!(o.parent_origin.is_none() && !o.sends_scores()),
                    Some(o) => {
                        let again = origin(o);
                        prop_assert_eq!(again.as_deref(), Some(o));
                    }
                }
                prop_assert!(o.sections.iter().all(|s| s.len() <= 32 && !s.is_empty()));
            }

            /// An accepted origin is already in the browser's form.
            #[test]
            fn accepted_origins_are_canonical(v in value()) {
                if let Some(o) = origin(&v) {
                    prop_assert_eq!(&o, &v);
                    prop_assert!(!o.ends_with('/') && o.to_ascii_lowercase() == o);
                }
            }
        }
    }
}
