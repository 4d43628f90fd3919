use memchr::memmem;
use speckit_model::plan::ItemList;
use speckit_model::{Generation, TaskList};
use speckit_text::Span;

use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;
use crate::rules::common::placeholders;

declare_rule! {
    /// ## What it checks
    /// Testing the plan asks for that no task takes on. For plans written
    /// on the seed plan template: each of `### Unit Tests`, `### Integration
    /// Tests` and `### E2E Tests` under `## Testing Strategy` that lists
    /// real items (not empty bullets or template placeholders), while no
    /// task mentions that level (`unit` — or any task with Testing
    /// Requirements; `integration`; `e2e`, `end-to-end`, `Playwright`,
    /// `Cypress`). For spec-kit plans: a plan that requires tests (`TDD`,
    /// `test-first`, `tests first`, `tests are required`) while no task
    /// mentions a test at all.
    ///
    /// ## Why it matters
    /// Tests the plan promised but nobody was asked to write are not
    /// written. The feature ships with the quality bar of the plan on paper
    /// only, and regressions in it surface in production.
    ///
    /// ## Example
    /// ```markdown
    /// ### E2E Tests
    /// - [ ] Two phones tick the same item while one is offline
    /// ```
    /// in the plan, with no end-to-end task in tasks.md. Use instead: a task
    /// such as `### Task 3.2: Add E2E tests for shared ticking`.
    pub(crate) PlannedTestsWithoutTask {
        code: "X010",
        name: "planned-tests-without-task",
        summary: "Testing the plan asks for has no task",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

/// Words by which a task takes on a level of testing.
const UNIT: &[&str] = &["unit"];
const INTEGRATION: &[&str] = &["integration"];
const E2E: &[&str] = &[
    "e2e",
    "end-to-end",
    "end to end",
    "playwright",
    "cypress",
    "browser test",
];
/// Words by which a spec-kit plan makes tests mandatory.
const REQUIRED: &[&str] = &[
    "tdd",
    "test-first",
    "test first",
    "tests first",
    "tests are required",
    "tests required",
    "tests are mandatory",
];

impl PlannedTestsWithoutTask {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let (Some((plan_document, plan)), Some((_, tasks))) = (feature.plan(), feature.tasks())
        else {
            return;
        };
        if tasks.tasks.is_empty() {
            return;
        }
        let mentions = |words: &[&str]| task_mentions(feature, tasks, words);
        let mut evaluated = 0;
        match plan.generation {
            Generation::Plugin => {
                let Some(testing) = &plan.testing else {
                    return;
                };
                for (level, words, list) in [
                    ("unit", UNIT, &testing.unit),
                    ("integration", INTEGRATION, &testing.integration),
                    ("end-to-end", E2E, &testing.e2e),
                ] {
                    let Some(list) = list.as_ref().filter(|list| has_real_items(list)) else {
                        continue;
                    };
                    evaluated += 1;
                    let covered = mentions(words)
                        || (level == "unit"
                            && tasks
                                .tasks
                                .iter()
                                .any(|task| !task.testing_requirements.is_empty()));
                    if !covered {
                        drop(
                            cx.report(
                                plan_document,
                                list.section.heading_span,
                                format!("the plan lists {level} tests, but no task mentions {level} testing"),
                            )
                            .help(format!("add a task (or Testing Requirements of a task) for the {level} tests")),
                        );
                    }
                }
            }
            Generation::SpecKit | Generation::SpecKitLegacy => {
                let Some(requirement) = required_tests(&plan_document.text, feature.plan_lower())
                else {
                    return;
                };
                evaluated += 1;
                if !mentions(&["test"]) {
                    drop(
                        cx.report(
                            plan_document,
                            requirement,
                            "the plan requires tests, but no task mentions a test",
                        )
                        .help("add test tasks before the implementation tasks of each story"),
                    );
                }
            }
            Generation::Unknown => {}
        }
        cx.evaluated(feature, evaluated);
    }
}

/// True when some task's text contains one of `words` (compared without
/// ASCII case).
pub(super) fn task_mentions(
    feature: &AnalysisFeature<'_>,
    tasks: &TaskList<'_>,
    words: &[&str],
) -> bool {
    let lower = feature.tasks_lower();
    let finders: Vec<memmem::Finder<'static>> = words
        .iter()
        .filter(|word| !word.is_empty())
        .map(|word| memmem::Finder::new(word.to_ascii_lowercase().as_bytes()).into_owned())
        .collect();
    tasks.tasks.iter().any(|task| {
        let text = lower.get(task.span.range()).unwrap_or("");
        finders
            .iter()
            .any(|finder| finder.find(text.as_bytes()).is_some())
    })
}

/// A list with at least one item that is neither empty nor a template slot.
pub(super) fn has_real_items(list: &ItemList<'_>) -> bool {
    list.items.iter().any(|item| {
        let text = item.text.value.trim();
        !text.is_empty() && placeholders(item.text).is_empty()
    })
}

/// Where a spec-kit plan (`text`; `lower` is it with ASCII letters
/// lower-cased) says tests are mandatory: the first line holding one of
/// [`REQUIRED`] as a word (so `tdd` in `stdout` does not count).
fn required_tests(text: &str, lower: &str) -> Option<Span> {
    // No word spans lines: the line of the first match anywhere is the
    // first line with a match.
    let first = REQUIRED
        .iter()
        .filter_map(|word| {
            memmem::find_iter(lower.as_bytes(), word.as_bytes()).find(|&at| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + word.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .min()?;
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', &bytes[..first]).map_or(0, |at| at + 1);
    let end = memchr::memchr(b'\n', &bytes[first..]).map_or(text.len(), |at| first + at + 1);
    let line = text.get(start..end).unwrap_or("");
    Some(Span::from_range(start..start + line.trim_end().len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Option<&str> {
        required_tests(text, &text.to_ascii_lowercase()).map(|span| &text[span.range()])
    }

    #[test]
    fn plans_requiring_tests_are_recognised() {
        assert_eq!(
            check("# Plan\n\n- Test-First: PASS, every task starts with a test\n"),
            Some("- Test-First: PASS, every task starts with a test")
        );
        assert_eq!(check("We follow TDD.\n"), Some("We follow TDD."));
        assert_eq!(check("print to stdout; tests optional\n"), None);
        assert_eq!(check("show the latest first\n"), None);
    }
}
