use speckit_model::TaskList;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A `[USn]` label on a task when the feature's `spec.md` has no
    /// `User Story n`. Skipped when the feature has no spec.
    ///
    /// ## Why it matters
    /// Story labels are how tasks trace back to what users asked for. A label
    /// that points at no story breaks that trace and usually means the spec
    /// was renumbered or a story was dropped after tasks were generated.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] T031 [US4] Add the tag filter chips
    /// ```
    /// when the spec has User Stories 1–3. Use instead: the story the task
    /// serves (`[US3]`), or add the story to the spec.
    pub(crate) UnknownStoryLabel {
        code: "T007",
        name: "unknown-story-label",
        summary: "A task's [USn] label names a story the spec does not have",
        severity: Error,
        fix: Never,
        target: Tasks,
    }
}

impl UnknownStoryLabel {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        let Some(spec) = cx.feature.spec() else {
            return;
        };
        let numbers: Vec<u32> = spec
            .stories
            .iter()
            .filter_map(|story| story.number.and_then(|number| number.value.parse().ok()))
            .collect();
        if numbers.is_empty() {
            return;
        }
        for task in &tasks.tasks {
            for label in &task.stories {
                let Some(number) = speckit_text::trim_prefix_repeated(label.value, "US")
                    .trim()
                    .parse::<u32>()
                    .ok()
                else {
                    continue;
                };
                if !numbers.contains(&number) {
                    let known: Vec<String> = numbers.iter().map(|n| format!("US{n}")).collect();
                    drop(
                        cx.report(label.span, format!("task `{}` is labelled `{}`, but the spec has no User Story {number}", task.id.value, label.value))
                            .help(format!("the spec's stories are {}", known.join(", "))),
                    );
                }
            }
        }
    }
}
