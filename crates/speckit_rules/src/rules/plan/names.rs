//! Names compared across the data models, SQL tables and API bodies:
//! `ShoppingList`, `shopping_lists` and `"shoppingList"` are one name.

/// `ShoppingList` → `shopping_list`, `userID` → `user_id`, `URLPath` →
/// `url_path`. Already snake-cased names stay as they are.
pub(crate) fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let chars: Vec<char> = name.chars().collect();
    for (index, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let previous = index.checked_sub(1).and_then(|i| chars.get(i)).copied();
            let next = chars.get(index + 1).copied();
            let after_lower = previous.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit());
            let ends_acronym =
                previous.is_some_and(char::is_uppercase) && next.is_some_and(char::is_lowercase);
            if (after_lower || ends_acronym) && !out.ends_with('_') {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else if c == '-' || c == ' ' {
            out.push('_');
        } else {
            out.push(c);
        }
    }
    out
}

/// A name compared loosely: lower case without `_`, `-` and spaces.
pub(crate) fn loose(name: &str) -> String {
    if name.is_ascii() {
        // ASCII letters lower-case to one byte each: no `char` decoding.
        return name
            .bytes()
            .filter(|byte| !matches!(byte, b'_' | b'-' | b' '))
            .map(|byte| char::from(byte.to_ascii_lowercase()))
            .collect();
    }
    name.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(snake_case("ShoppingList"), "shopping_list");
        assert_eq!(snake_case("householdId"), "household_id");
        assert_eq!(snake_case("userID"), "user_id");
        assert_eq!(snake_case("URLPath"), "url_path");
        assert_eq!(snake_case("created_at"), "created_at");
        assert_eq!(snake_case("address2"), "address2");
        assert_eq!(loose("checked_by"), loose("checkedBy"));
    }

    #[test]
    fn loose_agrees_with_the_char_by_char_form() {
        let by_chars = |name: &str| -> String {
            name.chars()
                .filter(|c| !matches!(c, '_' | '-' | ' '))
                .flat_map(char::to_lowercase)
                .collect()
        };
        for name in [
            "",
            "checked_by",
            "checkedBy",
            "URL-Path 2",
            "__",
            "ÉtatCivil",
            "straße_Name",
            "İd",
            "a\tB",
        ] {
            assert_eq!(loose(name), by_chars(name), "{name}");
        }
    }
}
