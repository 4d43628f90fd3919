//! Feature slugs and the names users may give.
//!
//! From a description, a slug keeps the meaningful words: lower-case ASCII,
//! stop words dropped, short words kept only when written as acronyms, at
//! most four words (three, or four when exactly four remain) — the same
//! shape spec-kit produces. An explicit `--name` is cleaned instead: lower
//! case, anything but `[a-z0-9]` becomes `-`, runs collapsed.

/// Words that say nothing about a feature.
const STOP_WORDS: &[&str] = &[
    "i", "a", "an", "the", "to", "for", "of", "in", "on", "at", "by", "with", "from", "is", "are",
    "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did", "will",
    "would", "should", "could", "can", "may", "might", "must", "shall", "this", "that", "these",
    "those", "my", "your", "our", "their", "want", "need", "add", "get", "set", "and", "or", "so",
    "as", "it", "we", "us", "let", "lets",
];

/// The longest slug, in bytes: a branch name (with its number and a
/// `spec-kit/` prefix) must stay under GitHub's 244-byte limit.
pub const MAX_SLUG_LEN: usize = 200;

/// Why a name was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NameError {
    #[error("the name `{0}` contains a path separator")]
    PathSeparator(String),
    #[error("the name `{0}` contains `..`")]
    ParentDirectory(String),
    #[error("the name `{0}` contains a control character")]
    ControlCharacter(String),
    #[error("the name `{0}` has no letters or digits to make a slug from")]
    Empty(String),
    #[error("the name `{0}` is longer than {MAX_SLUG_LEN} bytes")]
    TooLong(String),
}

/// Rejects names that could escape the specs folder or break a branch name.
pub fn validate_name(name: &str) -> Result<(), NameError> {
    if name.contains(['/', '\\']) {
        return Err(NameError::PathSeparator(name.to_string()));
    }
    if name.contains("..") {
        return Err(NameError::ParentDirectory(name.to_string()));
    }
    if name.chars().any(char::is_control) {
        return Err(NameError::ControlCharacter(escape(name)));
    }
    Ok(())
}

fn escape(text: &str) -> String {
    text.chars().flat_map(char::escape_default).collect()
}

/// Cleans an explicit name into a slug.
pub fn clean_slug(name: &str) -> Result<String, NameError> {
    validate_name(name)?;
    let mut slug = String::with_capacity(name.len());
    for c in name.to_ascii_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        return Err(NameError::Empty(name.to_string()));
    }
    if slug.len() > MAX_SLUG_LEN {
        return Err(NameError::TooLong(name.to_string()));
    }
    Ok(slug)
}

/// Derives a slug from a free-text description.
pub fn slug_from_description(description: &str) -> Result<String, NameError> {
    if description
        .chars()
        .any(|c| c.is_control() && !c.is_whitespace())
    {
        return Err(NameError::ControlCharacter(escape(description)));
    }
    let lowered: String = description
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    let original_words: Vec<&str> = description
        .split(|c: char| !c.is_ascii_alphanumeric())
        .collect();
    let kept: Vec<&str> = lowered
        .split_whitespace()
        .filter(|word| !STOP_WORDS.contains(word))
        .filter(|word| {
            word.len() >= 3
                || original_words
                    .iter()
                    .any(|original| original.eq_ignore_ascii_case(word) && is_acronym(original))
        })
        .collect();
    let take = if kept.len() == 4 { 4 } else { 3 };
    let slug = kept
        .iter()
        .take(take)
        .copied()
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        // Nothing meaningful left: fall back to the cleaned text's first words.
        let cleaned = clean_slug(description)?;
        return Ok(cleaned.split('-').take(3).collect::<Vec<_>>().join("-"));
    }
    Ok(slug.chars().take(MAX_SLUG_LEN).collect())
}

fn is_acronym(word: &str) -> bool {
    word.len() >= 2
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// A human title from a slug: `user-auth` → `User Auth`.
pub fn title_from_slug(slug: &str) -> String {
    slug.split('-')
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_from_descriptions() {
        let cases = [
            (
                "Add user authentication with email and password",
                "user-authentication-email-password",
            ),
            (
                "Add user authentication with email, password and SSO",
                "user-authentication-email",
            ),
            (
                "I want to export the weekly meal plan as a PDF",
                "export-weekly-meal",
            ),
            ("Go AI now", "ai-now"),
            ("go to the pub", "pub"),
            ("Café menu for the ÉTÉ season", "caf-menu-season"),
            ("Fix payment timeout", "fix-payment-timeout"),
        ];
        for (description, expected) in cases {
            assert_eq!(
                slug_from_description(description).as_deref(),
                Ok(expected),
                "{description}"
            );
        }
        assert_eq!(slug_from_description("a to of").as_deref(), Ok("a-to-of"));
        assert!(slug_from_description("!!!").is_err());
    }

    #[test]
    fn explicit_names() {
        assert_eq!(clean_slug("User Auth!").as_deref(), Ok("user-auth"));
        assert_eq!(clean_slug("foo_bar--baz").as_deref(), Ok("foo-bar-baz"));
        assert!(matches!(
            clean_slug("../etc"),
            Err(NameError::PathSeparator(_))
        ));
        assert!(matches!(
            clean_slug("a..b"),
            Err(NameError::ParentDirectory(_))
        ));
        assert!(matches!(
            clean_slug("a\u{7}b"),
            Err(NameError::ControlCharacter(_))
        ));
        assert!(matches!(
            clean_slug("a\\b"),
            Err(NameError::PathSeparator(_))
        ));
        assert!(matches!(clean_slug("---"), Err(NameError::Empty(_))));
        assert!(matches!(
            clean_slug(&"x".repeat(300)),
            Err(NameError::TooLong(_))
        ));
    }

    #[test]
    fn titles() {
        assert_eq!(title_from_slug("weekly-meal-plan"), "Weekly Meal Plan");
    }
}
