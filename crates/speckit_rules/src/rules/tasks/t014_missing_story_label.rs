use speckit_model::TaskList;
use speckit_model::tasks::PhaseKind;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A task in a user-story phase (`## Phase 3: User Story 1 - …`) without a
    /// `[USn]` label. A qualified label of the author's own (`[US1-FIX]`) counts
    /// as a label.
    ///
    /// ## Why it matters
    /// spec-kit requires the label in story phases so each task traces to the
    /// story it delivers; reports, exports and `--story` filters rely on it.
    ///
    /// ## Example
    /// ```markdown
    /// ## Phase 3: User Story 1 - Sign in (Priority: P1)
    /// - [ ] T010 Add the login form in src/ui/login.tsx
    /// ```
    /// Use instead:
    /// ```markdown
    /// - [ ] T010 [US1] Add the login form in src/ui/login.tsx
    /// ```
    ///
    /// ## Fix
    /// Safe: inserts the phase's `[USn]` label after the ID (and after `[P]`).
    pub(crate) MissingStoryLabel {
        code: "T014",
        name: "missing-story-label",
        summary: "A task in a user-story phase has no [USn] label",
        severity: Info,
        fix: Always,
        target: Tasks,
    }
}

impl MissingStoryLabel {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for task in &tasks.tasks {
            let Some(phase) = task.phase.and_then(|index| tasks.phases.get(index)) else {
                continue;
            };
            let (PhaseKind::Story, Some(story)) = (phase.kind, phase.story) else {
                continue;
            };
            // `[US1-FIX]`: the author's own variant of the story label.
            let qualified_label = task.labels.iter().any(|label| {
                label
                    .value
                    .strip_prefix("US")
                    .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
            });
            if !task.stories.is_empty() || qualified_label || task.checkbox.is_none() {
                continue;
            }
            // Insert after the ID, or after an `[P]` marker that follows it.
            let line = cx.text(task.line);
            let after_id = (task.id.span.end - task.line.start) as usize;
            let rest = line.get(after_id..).unwrap_or("");
            let skip = if rest.starts_with(" [P]") {
                4
            } else if rest.starts_with("** [P]") {
                6
            } else if rest.starts_with("**") {
                2
            } else {
                0
            };
            let at = task.id.span.end + u32::try_from(skip).unwrap_or(0);
            drop(
                cx.report(
                    task.id.span,
                    format!(
                        "`{}` is in the phase of User Story {story} but has no `[US{story}]` label",
                        task.id.value
                    ),
                )
                .help(format!("add `[US{story}]` after the task ID"))
                .safe_fix(
                    format!("add `[US{story}]`"),
                    vec![speckit_text::Edit::insert(at, format!(" [US{story}]"))],
                ),
            );
        }
    }
}
