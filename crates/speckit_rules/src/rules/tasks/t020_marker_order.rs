use speckit_model::TaskList;
use speckit_text::{Edit, Span};

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A spec-kit task line whose markers are not in the order the format
    /// defines: ID, then `[P]`, then `[USn]` (`T012 [US1] [P] …`).
    ///
    /// ## Why it matters
    /// Tools that read the strict grammar (spec-kit's own scripts, issue
    /// exporters, other linters) miss `[P]` when it comes after the story
    /// label and treat the task as sequential.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] T012 [US1] [P] Create the User model in src/models/user.py
    /// ```
    /// Use instead:
    /// ```markdown
    /// - [ ] T012 [P] [US1] Create the User model in src/models/user.py
    /// ```
    ///
    /// ## Fix
    /// Safe: swaps the two markers; nothing else on the line changes.
    pub(crate) MarkerOrder {
        code: "T020",
        name: "marker-order",
        summary: "[P] comes after the [USn] label on a task line",
        severity: Info,
        fix: Always,
        target: Tasks,
    }
}

impl MarkerOrder {
    fn run(&self, tasks: &TaskList<'_>, cx: &mut RuleContext<'_>) {
        for task in &tasks.tasks {
            let (Some(story), true) = (task.stories.first(), task.parallel) else {
                continue;
            };
            // The `[P]` marker sits between the story label and the description.
            let between = Span::new(story.span.end, task.title.span.start);
            let text = cx.text(between);
            let Some(at) = speckit_text::find_str(text, "[P]") else {
                continue;
            };
            let p_start = between.start + u32::try_from(at).unwrap_or(0);
            let story_box = Span::new(story.span.start.saturating_sub(1), story.span.end + 1);
            let p_box = Span::new(p_start, p_start + 3);
            let story_text = cx.text(story_box).to_string();
            drop(
                cx.report(
                    p_box,
                    format!(
                        "`{}`: `[P]` should come before `{}`",
                        task.id.value, story.value
                    ),
                )
                .help("write the ID, then [P], then the story label")
                .safe_fix(
                    "put `[P]` first",
                    vec![
                        Edit::replace(story_box, "[P]"),
                        Edit::replace(p_box, story_text),
                    ],
                ),
            );
        }
    }
}
