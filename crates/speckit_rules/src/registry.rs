//! Every rule, one line each, sorted by code.

use std::sync::LazyLock;

use crate::rule::Rule;
use crate::rules::{any, tasks};

static RULES: &[&dyn Rule] = &[
    &any::InvalidUtf8,
    &any::UnknownRuleCode,
    &any::EmptyDocument,
    &any::MissingTitle,
    &any::UnclosedCodeFence,
    &any::BrokenRelativeLink,
    &any::DuplicateHeading,
    &any::UnclosedComment,
    &tasks::DuplicateTaskId,
    &tasks::DependencyNotFound,
    &tasks::SelfDependency,
    &tasks::DependencyCycle,
];

/// All rules, sorted by code.
pub fn all() -> &'static [&'static dyn Rule] {
    RULES
}

static CODES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| RULES.iter().map(|rule| rule.meta().code).collect());

/// Registry index of `code` (exact, case-insensitive).
pub fn index_of(code: &str) -> Option<usize> {
    CODES
        .iter()
        .position(|known| known.eq_ignore_ascii_case(code))
}

/// The rule with `code`, or with kebab-case name `code`.
pub fn find(code: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|rule| {
        rule.meta().code.eq_ignore_ascii_case(code) || rule.meta().name.eq_ignore_ascii_case(code)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Target;

    #[test]
    fn codes_are_sorted_unique_and_prefixed_by_target() {
        let codes: Vec<&str> = RULES.iter().map(|rule| rule.meta().code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            codes, sorted,
            "registry must be sorted by code without duplicates"
        );
        for rule in RULES {
            let meta = rule.meta();
            let expected = match meta.target {
                Target::Any => 'S',
                Target::Constitution => 'C',
                Target::Spec => 'R',
                Target::Plan => 'P',
                Target::Tasks => 'T',
                Target::Checklist => 'K',
            };
            assert!(
                meta.code.starts_with(expected),
                "{} should start with {expected}",
                meta.code
            );
            assert_eq!(meta.code.len(), 4, "{}", meta.code);
        }
    }

    #[test]
    fn names_are_unique_kebab_case() {
        let mut names: Vec<&str> = RULES.iter().map(|rule| rule.meta().name).collect();
        for name in &names {
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !name.starts_with('-'),
                "{name} is not kebab-case"
            );
        }
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count, "duplicate rule names");
    }

    #[test]
    fn docs_have_the_three_sections() {
        for rule in RULES {
            let meta = rule.meta();
            let docs = meta.docs_markdown();
            for section in ["## What it checks", "## Why it matters", "## Example"] {
                assert!(
                    docs.contains(section),
                    "{} docs lack `{section}`",
                    meta.code
                );
            }
            assert!(
                !meta.summary.ends_with('.'),
                "{}: summaries end without a period",
                meta.code
            );
            if meta.fix != crate::rule::FixAvailability::Never {
                assert!(
                    docs.contains("## Fix"),
                    "{} has a fix but no `## Fix` section",
                    meta.code
                );
            }
        }
    }
}
