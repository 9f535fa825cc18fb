//! The welcome page, written into `dist/index.html` at build time, so that the page says what it
//! is before the wasm has started (its largest paint no longer waits for the wasm). It is built
//! from the same domain values and English catalogue as `src/ui/welcome.rs`, so the two say the
//! same; the app replaces it when it mounts (in the person's language, with the side choice).

use assessment::i18n::EN;
use assessment::{default_questionnaire, Scope};

/// The static welcome: title, lead, the three facts, and a loading line where the form goes.
pub fn html() -> Result<String, String> {
    let q = default_questionnaire().map_err(|e| format!("the bundled questionnaire: {e:?}"))?;
    let m = &EN;
    let text = |t: &assessment::Text| escape(t.get("en", &q.default_locale));
    let facts = assessment::explain::welcome_facts(&q, &Scope::all(&q), m);
    Ok(format!(
        "<div class=\"dra\" lang=\"en\">\n        \
         <section class=\"dra-page dra-welcome\" aria-labelledby=\"dra-heading\">\n          \
         <h1 id=\"dra-heading\">{}</h1>\n          \
         <p class=\"dra-lead\">{}</p>\n          \
         <ul class=\"dra-facts\"><li>{}</li><li>{}</li><li>{}</li></ul>\n          \
         <p class=\"dra-card dra-start\" role=\"status\">Loading the assessment&hellip;</p>\n        \
         </section>\n      </div>",
        text(&q.title),
        text(&q.description),
        escape(&facts),
        escape(m.welcome_saved),
        escape(m.welcome_private),
    ))
}

/// Puts the static welcome into the page's `<main id="app">`, in place of its loading message.
pub fn insert(page: &str, welcome: &str) -> Result<String, String> {
    const OPEN: &str = "<main id=\"app\" class=\"dra-root\">";
    let start = page
        .find(OPEN)
        .ok_or("index.html has no <main id=\"app\">")?
        + OPEN.len();
    let end = start
        + page[start..]
            .find("</main>")
            .ok_or("index.html's <main id=\"app\"> is not closed")?;
    Ok(format!(
        "{}\n      {welcome}\n    {}",
        &page[..start],
        &page[end..]
    ))
}

/// Text for HTML element content and attribute values.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_welcome_says_what_the_app_says_and_replaces_the_loading_message() {
        let welcome = html().unwrap();
        let q = default_questionnaire().unwrap();
        assert!(welcome.contains(&format!(
            "<h1 id=\"dra-heading\">{}</h1>",
            q.title.get("en", "en")
        )));
        assert!(welcome.contains(EN.welcome_private));
        assert!(welcome.contains("questions in 4 sections"));
        let page = "<body><main id=\"app\" class=\"dra-root\"><p>Loading</p></main></body>";
        let out = insert(page, &welcome).unwrap();
        assert!(!out.contains("<p>Loading</p>") && out.contains(&welcome));
        assert!(out.ends_with("</main></body>"));
        assert!(insert("<body></body>", &welcome).is_err());
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }
}
