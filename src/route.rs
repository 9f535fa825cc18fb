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
        let parts: Vec<&str> = f.trim_matches('/').split('/').collect();
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
            Route::Compare(a, b) => format!("#/compare/{a}/{b}"),
            Route::Workshops => "#/workshops".to_owned(),
            Route::Workshop(id) => format!("#/workshop/{id}"),
            Route::Present(id) => format!("#/workshop/{id}/present"),
            Route::Shared(p) => format!("#{FRAGMENT_PREFIX}{p}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

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
    fn anything_else_is_the_assessment() {
        assert_eq!(Route::parse(""), Route::Assessment);
        assert_eq!(Route::parse("#"), Route::Assessment);
        assert_eq!(Route::parse("#/nowhere"), Route::Assessment);
        assert_eq!(Route::parse("#/compare/a"), Route::History);
        assert_eq!(Route::parse("history"), Route::History);
        assert_eq!(Route::parse("#r="), Route::Shared(String::new()));
        assert_eq!(Route::parse("#/workshop/"), Route::Workshops);
    }
}
