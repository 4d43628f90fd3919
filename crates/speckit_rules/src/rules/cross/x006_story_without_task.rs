use speckit_model::TaskFormat;

use crate::analysis::trace::story_title;
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A user story of the spec with no task: no task carries its `[USn]`
    /// label, sits in a phase for the story (`Phase 3: User Story 1`, `…
    /// (US1)`), names it (`Story 4`, `US2`), or shares enough of the
    /// distinctive words of its title (its "I want" clause for plugin
    /// stories). Only features where some task is tied to a story by
    /// label, phase or reference are checked: without them, wording alone
    /// cannot tell a missing story.
    ///
    /// ## Why it matters
    /// Stories are the slices a feature is delivered in. A story without
    /// tasks will not be delivered, and the MVP boundary the priorities draw
    /// is meaningless.
    ///
    /// ## Example
    /// ```markdown
    /// ### User Story 3 - Swap a recipe in the plan (Priority: P2)
    /// ```
    /// with no `[US3]` task and no phase for story 3 in tasks.md. Use
    /// instead: a `## Phase 5: User Story 3 - Swap a recipe` phase with its
    /// tasks labelled `[US3]`.
    pub(crate) StoryWithoutTask {
        code: "X006",
        name: "story-without-task",
        summary: "A user story has no task",
        severity: Error,
        fix: Never,
        target: Feature,
    }
}

impl StoryWithoutTask {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let Some((spec_document, spec)) = feature.spec() else {
            return;
        };
        let trace = feature.trace();
        // Without story labels, story phases or `Story n` references in
        // the tasks, wording alone cannot tell a missing story.
        if !trace.cited.stories {
            return;
        }
        let mut evaluated = 0;
        for item in &trace.stories {
            let Some(tasks) = &item.tasks else {
                continue;
            };
            evaluated += 1;
            if tasks.is_empty() {
                let story = &spec.stories[item.index];
                let name = story_title(story);
                let labelled = feature
                    .tasks()
                    .is_some_and(|(_, tasks)| tasks.format == TaskFormat::Checklist);
                drop(
                    cx.report(
                        spec_document,
                        story.heading_span,
                        format!(
                            "no task traces to the story \"{}\": none is labelled with it, sits in its phase, names it or shares its wording",
                            name.trim()
                        ),
                    )
                    .help(match story.number.filter(|_| labelled) {
                        Some(number) => format!(
                            "add tasks labelled `[US{}]`, in a phase for this story",
                            number.value.trim()
                        ),
                        None => "add a task whose description names what this story asks for"
                            .to_string(),
                    }),
                );
            }
        }
        cx.evaluated(feature, evaluated);
    }
}
