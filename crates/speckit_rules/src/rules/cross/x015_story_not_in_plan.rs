use speckit_model::Generation;

use crate::analysis::trace::story_title;
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A user story of the spec that the plan never addresses: no passage of
    /// the plan names it (`Story 2`, `User Story 2`) or shares enough of the
    /// distinctive words of what it asks for (its "I want" clause, or its
    /// title; 60%, three for long clauses, at least two — as X002 matches
    /// requirements). Checked for plans written on the seed plan template,
    /// which design the feature story by story; spec-kit plans are traced
    /// through their tasks instead (X006).
    ///
    /// ## Why it matters
    /// A story the plan does not address has no decisions, files or phase
    /// behind it. It reaches the task list as an afterthought, or not at
    /// all, and its acceptance criteria are met by chance.
    ///
    /// ## Example
    /// ```markdown
    /// #### Story 3
    /// **As a** household member
    /// **I want** to see who ticked an item
    /// **So that** we do not buy it twice
    /// ```
    /// while no decision, model, endpoint or phase of the plan speaks of who
    /// ticked an item. Use instead: design it — a `tickedBy` field, the
    /// event that carries it — and cite `Story 3` where you do.
    pub(crate) StoryNotInPlan {
        code: "X015",
        name: "story-not-in-plan",
        summary: "A user story is not addressed by the plan",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

impl StoryNotInPlan {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let (Some((spec_document, spec)), Some((plan_document, plan))) =
            (feature.spec(), feature.plan())
        else {
            return;
        };
        if plan.generation != Generation::Plugin {
            return;
        }
        // The stories the plan cites by number, read once a story needs them.
        let mut cited: Option<Vec<u32>> = None;
        let trace = feature.trace();
        let mut evaluated = 0;
        for item in &trace.stories {
            let Some(mention) = &item.plan else {
                continue;
            };
            let story = &spec.stories[item.index];
            evaluated += 1;
            if !mention.is_empty() {
                continue;
            }
            let by_number = story.number_value().is_some_and(|number| {
                cited
                    .get_or_insert_with(|| {
                        crate::analysis::mention::story_references(&plan_document.text)
                    })
                    .contains(&number)
            });
            if by_number {
                continue;
            }
            let heading = story.heading.value.trim();
            let title = story_title(story).trim();
            let name = if heading.contains(title) {
                format!("\"{heading}\"")
            } else {
                format!("\"{heading}\" ({title})")
            };
            drop(
                cx.report(
                    spec_document,
                    story.heading_span,
                    format!(
                        "the plan does not address the story {name}: it neither names the story nor shares its wording"
                    ),
                )
                .help("design the story in the plan (a decision, model, endpoint or phase item) and name it there"),
            );
        }
        cx.evaluated(feature, evaluated);
    }
}
