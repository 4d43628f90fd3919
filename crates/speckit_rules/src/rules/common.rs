//! Helpers shared by rule families: template placeholders, vague words,
//! allowed-value checks and dates. Kept here so that every family detects
//! these the same way.

use speckit_model::Text;
use speckit_text::Spanned;

/// A template placeholder found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Placeholder<'a> {
    pub(crate) text: Text<'a>,
    pub(crate) kind: PlaceholderKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PlaceholderKind {
    /// `{Feature Name}`, `{Your Name}` (plugin templates).
    Curly,
    /// `[FEATURE NAME]`, `[DATE]`, `[PROJECT_NAME]` (spec-kit templates).
    Bracket,
    /// `YYYY-MM-DD`.
    Date,
    /// `$ARGUMENTS`, `TXXX`, `[###-feature-name]`.
    Token,
}

/// Placeholders left in `text` (outside inline code), in order.
///
/// Curly slots need an upper-case letter or a space inside (`{id}` path
/// parameters and `{}` are not placeholders); bracket slots are ALL-CAPS
/// words (`[P]`, `[US1]`, `[X]`, `[NEEDS CLARIFICATION…]` are not).
pub(crate) fn placeholders(text: Text<'_>) -> Vec<Placeholder<'_>> {
    let value = text.value;
    let bytes = value.as_bytes();
    let mut found = Vec::new();
    let mut in_code = false;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes.get(index).copied().unwrap_or(0);
        match byte {
            b'`' => in_code = !in_code,
            b'{' if !in_code => {
                if let Some(len) = curly_slot(value.get(index..).unwrap_or("")) {
                    found.push(slot(text, index, len, PlaceholderKind::Curly));
                    index += len;
                    continue;
                }
            }
            b'[' if !in_code => {
                if let Some(len) = bracket_slot(value.get(index..).unwrap_or("")) {
                    found.push(slot(text, index, len, PlaceholderKind::Bracket));
                    index += len;
                    continue;
                }
            }
            b'Y' if !in_code
                && value
                    .get(index..)
                    .is_some_and(|rest| rest.starts_with("YYYY-MM-DD")) =>
            {
                found.push(slot(text, index, 10, PlaceholderKind::Date));
                index += 10;
                continue;
            }
            b'$' if !in_code
                && value
                    .get(index..)
                    .is_some_and(|rest| rest.starts_with("$ARGUMENTS")) =>
            {
                found.push(slot(text, index, 10, PlaceholderKind::Token));
                index += 10;
                continue;
            }
            b'T' if !in_code
                && value
                    .get(index..)
                    .is_some_and(|rest| rest.starts_with("TXXX"))
                && (index == 0 || !bytes.get(index - 1).is_some_and(u8::is_ascii_alphanumeric)) =>
            {
                found.push(slot(text, index, 4, PlaceholderKind::Token));
                index += 4;
                continue;
            }
            _ => {}
        }
        index += 1;
    }
    found
}

fn slot(text: Text<'_>, start: usize, len: usize, kind: PlaceholderKind) -> Placeholder<'_> {
    let value = text.value.get(start..start + len).unwrap_or("");
    Placeholder {
        text: Spanned::new(value, text.span.subspan(start..start + len)),
        kind,
    }
}

/// `{Feature Name}` → its length; `{id}`, `{}` and nested braces are not slots.
fn curly_slot(rest: &str) -> Option<usize> {
    let close = rest.find('}')?;
    let inner = rest.get(1..close)?;
    if inner.is_empty() || inner.len() > 80 || inner.contains(['{', '\n', '"', ':', '=']) {
        return None;
    }
    let looks_like_slot = inner
        .chars()
        .any(|c| c.is_uppercase() || c == ' ' || c == '/');
    looks_like_slot.then_some(close + 1)
}

/// `[FEATURE NAME]`, `[DATE]`, `[PROJECT_NAME]`, `[###-feature-name]`.
fn bracket_slot(rest: &str) -> Option<usize> {
    let close = rest.find(']')?;
    let inner = rest.get(1..close)?;
    // A link `[text](url)` is not a slot.
    if rest
        .get(close + 1..)
        .is_some_and(|after| after.starts_with('('))
    {
        return None;
    }
    if inner.starts_with("###-") {
        return Some(close + 1);
    }
    let is_caps_word = |word: &str| {
        word.len() >= 2
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    };
    let words: Vec<&str> = inner.split(' ').collect();
    let all_caps = !words.is_empty() && words.iter().all(|word| is_caps_word(word));
    // `[P1]`, `[US2]`, `[SETUP]` labels and `[NEEDS CLARIFICATION …]` are content, not slots.
    let known_content = inner.starts_with("NEEDS CLARIFICATION")
        || (inner.len() <= 4 && inner.chars().any(|c| c.is_ascii_digit()))
        || matches!(inner, "P" | "X" | "GAP" | "TODO");
    let slot_shaped = inner.contains('_')
        || words.len() >= 2
        || matches!(inner, "DATE" | "FEATURE" | "LINK" | "NAME");
    (all_caps && !known_content && slot_shaped).then_some(close + 1)
}

/// Compares a value with an allowed set, ASCII case-insensitively, after
/// dropping emphasis and emoji.
pub(crate) fn is_one_of(value: &str, allowed: &[&str]) -> bool {
    let cleaned = clean_value(value);
    allowed
        .iter()
        .any(|candidate| cleaned.eq_ignore_ascii_case(candidate))
}

/// A value without `**`, backticks, leading emoji and a trailing `(…)` note.
pub(crate) fn clean_value(value: &str) -> &str {
    let value = speckit_model::strip_markup(value);
    let value = value
        .trim_start_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace())
        .trim();
    let value = match value.find(" (") {
        Some(at) => value.get(..at).unwrap_or(value),
        None => value,
    };
    value.trim()
}

#[cfg(test)]
mod tests {
    use speckit_text::Span;

    use super::*;

    fn text(value: &str) -> Text<'_> {
        Spanned::new(value, Span::new(0, u32::try_from(value.len()).unwrap()))
    }

    fn found(value: &str) -> Vec<&str> {
        placeholders(text(value))
            .iter()
            .map(|p| p.text.value)
            .collect()
    }

    #[test]
    fn placeholder_kinds() {
        assert_eq!(
            found("# Implementation Plan: {Feature Name}"),
            ["{Feature Name}"]
        );
        assert_eq!(
            found("**Created**: YYYY-MM-DD by {Your Name}"),
            ["YYYY-MM-DD", "{Your Name}"]
        );
        assert_eq!(
            found("# [PROJECT_NAME] Constitution, [DATE]"),
            ["[PROJECT_NAME]", "[DATE]"]
        );
        assert_eq!(
            found("`[###-feature-name]` and [###-feature]"),
            ["[###-feature]"]
        );
        assert_eq!(
            found("**Input**: User description: \"$ARGUMENTS\""),
            ["$ARGUMENTS"]
        );
        assert_eq!(found("- [ ] TXXX [P] [US1] thing"), ["TXXX"]);
    }

    #[test]
    fn not_placeholders() {
        assert!(found("GET /api/v1/items/{id} returns {}").is_empty());
        assert!(
            found("- [ ] T001 [P] [US1] [X] [P1] [NEEDS CLARIFICATION: who?] [SETUP]").is_empty()
        );
        assert!(found("see [the guide](./x.md) and `{Feature Name}` in code").is_empty());
        assert!(found("{ \"data\": {} }").is_empty());
    }

    #[test]
    fn allowed_values() {
        assert!(is_one_of("**Med**", &["Low", "Med", "High"]));
        assert!(is_one_of("🟡 In Progress", &["In Progress"]));
        assert!(is_one_of("M (1 day)", &["XS", "S", "M", "L", "XL"]));
        assert!(!is_one_of("Low/Med/High", &["Low", "Med", "High"]));
    }
}
