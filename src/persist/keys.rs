//! Every key the app stores under:
//!
//! | key | holds |
//! |---|---|
//! | `dra.record.<id>` | one assessment (the domain crate's stored record) |
//! | `dra.current` | the id of the assessment in progress |
//! | `dra.corrupt.<id>[.<n>]` | the raw text of a record that could not be read, moved aside |
//! | `dra.workshop.<id>` | one workshop |
//! | `dra.theme`, `dra.lang` | the colour scheme and language chosen with the switches |

pub const CURRENT_KEY: &str = "dra.current";
pub const RECORD_PREFIX: &str = "dra.record.";
pub const CORRUPT_PREFIX: &str = "dra.corrupt.";
pub const WORKSHOP_PREFIX: &str = "dra.workshop.";
pub const THEME_KEY: &str = "dra.theme";
pub const LOCALE_KEY: &str = "dra.lang";

pub fn record_key(id: &str) -> String {
    format!("{RECORD_PREFIX}{id}")
}

pub fn corrupt_key(id: &str) -> String {
    format!("{CORRUPT_PREFIX}{id}")
}

pub fn workshop_key(id: &str) -> String {
    format!("{WORKSHOP_PREFIX}{id}")
}

/// Where a moved-aside copy goes: `dra.corrupt.<id>`, then `.2`, `.3`, ... never over an
/// earlier one. `taken` says whether a key is in use; `None` when storage cannot say (it fails)
/// or after 100 tries, so that a failing store cannot keep this looping.
pub fn free_corrupt_key(id: &str, taken: impl Fn(&str) -> Option<bool>) -> Option<String> {
    std::iter::once(corrupt_key(id))
        .chain((2..=100).map(|n| format!("{}.{n}", corrupt_key(id))))
        .map(|k| taken(&k).map(|t| (k, t)))
        .take_while(Option::is_some)
        .flatten()
        .find(|(_, taken)| !taken)
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_key_is_never_taken_and_the_search_ends() {
        assert_eq!(
            free_corrupt_key("x", |k| Some(k == "dra.corrupt.x")).as_deref(),
            Some("dra.corrupt.x.2")
        );
        assert_eq!(free_corrupt_key("x", |_| None), None, "storage fails");
        assert_eq!(free_corrupt_key("x", |_| Some(true)), None, "all taken");
    }
}
