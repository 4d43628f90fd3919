//! Helpers the plan rules share: which template a plan follows, reading
//! table cells and field values, the allowed-value sets of the seed template
//! and its unchosen alternatives.
//!
//! Nothing here reports: rules decide what is a finding.

use speckit_model::{Generation, Plan, Text, strip_markup};
use speckit_text::Spanned;

use crate::rules::common::{clean_value, placeholders};

/// True for a plan written from the seed template (plugin layout).
pub(crate) fn is_seed(plan: &Plan<'_>) -> bool {
    plan.generation == Generation::Plugin
}

/// True for a plan written from a spec-kit template (any era).
pub(crate) fn is_spec_kit(plan: &Plan<'_>) -> bool {
    matches!(
        plan.generation,
        Generation::SpecKit | Generation::SpecKitLegacy
    )
}

/// A cell or field value without emphasis and back-ticks, trimmed, with
/// its span.
pub(crate) fn plain(text: Text<'_>) -> Text<'_> {
    let inner = strip_markup(text.value);
    Spanned::new(inner, text.span.of_subslice(text.value, inner))
}

/// The allowed values of `Complexity` and `Impact`.
pub(crate) const LEVELS: &[&str] = &["Low", "Med", "Medium", "High"];
/// Level names with the one-letter forms, as offered by `H/M/L`; only for
/// recognising unchosen alternatives.
pub(crate) const LEVEL_CHOICES: &[&str] = &["Low", "Med", "Medium", "High", "L", "M", "H"];
pub(crate) const YES_NO: &[&str] = &["Yes", "No"];
pub(crate) const ON_OFF: &[&str] = &["ON", "OFF"];
pub(crate) const RISK_STATUSES: &[&str] = &["Not Started", "In Progress", "Complete"];
pub(crate) const HTTP_METHODS: &[&str] = &["GET", "POST", "PUT", "DELETE", "PATCH"];

/// Every value set whose members the template offers as alternatives.
pub(crate) const TEMPLATE_SETS: &[&[&str]] =
    &[LEVEL_CHOICES, YES_NO, ON_OFF, RISK_STATUSES, HTTP_METHODS];

/// A value reduced to the choice it names: emphasis, back-ticks, a leading
/// emoji and a trailing `(…)` note removed (`**OFF** (ON in staging)` →
/// `OFF`).
pub(crate) fn choice(value: &str) -> &str {
    let value = strip_markup(value)
        .trim_start_matches(|c: char| {
            !c.is_alphanumeric() && !c.is_whitespace() && !matches!(c, '*' | '_' | '`')
        })
        .trim();
    let value = match speckit_text::find_str(value, " (") {
        Some(at) => value.get(..at).unwrap_or(value),
        None => value,
    };
    strip_markup(value)
}

/// True when `value` names one of `allowed` (ASCII case-insensitive).
pub(crate) fn is_choice(value: &str, allowed: &[&str]) -> bool {
    let value = choice(value);
    allowed
        .iter()
        .any(|candidate| value.eq_ignore_ascii_case(candidate))
}

/// True when `value` is the template's list of alternatives left as written:
/// two or more members of `allowed` joined by `/` or `|` (`Low/Med/High`,
/// `Yes | No`, `⬜ Not Started | 🟡 In Progress | ✅ Complete`).
pub(crate) fn is_unchosen(value: &str, allowed: &[&str]) -> bool {
    let value = strip_markup(value);
    let separator = if value.contains('|') {
        '|'
    } else if value.contains('/') {
        '/'
    } else {
        return false;
    };
    let mut members = 0;
    for member in value.split(separator) {
        let member = clean_value(member);
        if !allowed
            .iter()
            .any(|candidate| member.eq_ignore_ascii_case(candidate))
        {
            return false;
        }
        members += 1;
    }
    members >= 2
}

/// True when `value` is unchosen alternatives of any template set.
pub(crate) fn is_any_unchosen(value: &str) -> bool {
    TEMPLATE_SETS.iter().any(|set| is_unchosen(value, set))
}

/// True when the whole value is a template placeholder (`{Chosen option}`,
/// `[DATE]`, `YYYY-MM-DD`): rule P007 reports those, other rules skip them.
pub(crate) fn is_placeholder(value: Text<'_>) -> bool {
    let value = value.trim();
    if value.value.is_empty() {
        return false;
    }
    if strip_markup(value.value) == "YYYY-MM-DD" {
        return true;
    }
    let found = placeholders(value);
    found.len() == 1
        && found
            .first()
            .is_some_and(|slot| slot.text.span == value.span)
}

/// True when a value says "nothing here": empty, a dash, `TBD`, `TODO`, `N/A`.
pub(crate) fn is_blank_value(value: &str) -> bool {
    let value = strip_markup(value);
    value.is_empty()
        || matches!(value, "-" | "—" | "–" | "?" | "...")
        || ["TBD", "TODO", "N/A", "NA", "none"]
            .iter()
            .any(|word| value.eq_ignore_ascii_case(word))
}

/// `A`, `A and B`, `A, B and C` (or with `or`).
pub(crate) fn join_words(words: &[&str], conjunction: &str) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [head @ .., last] => format!("{} {conjunction} {last}", head.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchosen_alternatives() {
        assert!(is_unchosen("Low/Med/High", LEVELS));
        assert!(is_unchosen("`Yes | No`", YES_NO));
        assert!(is_unchosen(
            "⬜ Not Started | 🟡 In Progress | ✅ Complete",
            RISK_STATUSES
        ));
        assert!(is_unchosen(
            "GET | POST | PUT | DELETE | PATCH",
            HTTP_METHODS
        ));
        assert!(is_any_unchosen("H/M/L"));
        assert!(!is_unchosen("High", LEVELS));
        assert!(!is_unchosen("Low/Medium risk", LEVELS));
        assert!(!is_any_unchosen("OFF (ON in staging)"));
    }

    #[test]
    fn choices() {
        assert_eq!(choice("**OFF** (ON in staging)"), "OFF");
        assert_eq!(choice("🟡 **In Progress**"), "In Progress");
        assert!(is_choice("`yes`", YES_NO));
        assert!(!is_choice("Yes/No", YES_NO));
    }

    #[test]
    fn lists() {
        assert_eq!(join_words(&["A"], "and"), "A");
        assert_eq!(join_words(&["A", "B", "C"], "or"), "A, B or C");
    }
}
