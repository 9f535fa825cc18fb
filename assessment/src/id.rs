//! What an id may be made of. Questionnaire, section, item, band and action ids, a stored
//! record's id and a workshop's id all end up in URL fragments (`#/compare/<id>/<id>`,
//! `#/workshop/<id>`), storage keys (`dra.record.<id>`) and element ids (`dra-item-<id>`), so
//! they are restricted to characters that need no escaping in any of them.

/// The longest id accepted, in characters (all ASCII, so also in bytes).
pub const MAX_ID_LEN: usize = 64;

/// Whether `id` is a well-formed id: 1 to [`MAX_ID_LEN`] ASCII letters, digits, `-` or `_`.
///
/// An id with `/`, `%`, `.`, a space, anything outside ASCII, or nothing at all is refused.
pub fn valid_id(id: &str) -> bool {
    (1..=MAX_ID_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_letters_digits_dashes_and_underscores() {
        for good in ["a", "REL1", "v1-ws-5b1e", "TRU4_B", &"x".repeat(MAX_ID_LEN)] {
            assert!(valid_id(good), "{good}");
        }
        let too_long = "x".repeat(MAX_ID_LEN + 1);
        for bad in [
            "", "a/b", "a%2Fb", "a b", "a.b", "é", "a\u{0}", "ａ", "a\n", &too_long,
        ] {
            assert!(!valid_id(bad), "{bad:?}");
        }
    }
}
