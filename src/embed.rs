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
                "parent_origin" => o.parent_origin = origin(v),
                "lang" => o.lang = Locale::from_tag(v),
                _ => {}
            }
        }
        o
    }

    /// Where messages go: the parent's origin when given, else `*` (then no scores are sent).
    pub fn target_origin(&self) -> &str {
        self.parent_origin.as_deref().unwrap_or("*")
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

/// `scheme://host[:port]` with http or https and nothing after it.
pub fn origin(v: &str) -> Option<String> {
    let (scheme, rest) = v.split_once("://")?;
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    ok.then(|| format!("{scheme}://{}", rest.to_ascii_lowercase()))
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
            ("parent_origin", "https://Example.org:8443"),
        ]);
        assert!(o.embed && !o.show_results && o.sends_scores());
        assert_eq!(o.perspective, Some(Perspective::Distributor));
        assert_eq!(o.sections, ["REL", "TRU"]);
        assert_eq!(o.accent.as_deref(), Some("#aa3300"));
        assert_eq!(o.font_scale, Some(2.0));
        assert_eq!(o.target_origin(), "https://example.org:8443");
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
        assert_eq!(bad.target_origin(), "*");
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
}
