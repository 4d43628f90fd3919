use speckit_model::Spec;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Two user stories with the same number (`### User Story 2` twice, or
    /// the plugin's `#### Story 3` under both Primary and Secondary Users).
    ///
    /// ## Why it matters
    /// Tasks point at stories by number (`[US2]`), phases are named after
    /// them and analysis counts coverage per story. With two stories 2, one
    /// of them silently gets the other's tasks.
    ///
    /// ## Example
    /// ```markdown
    /// ### User Story 2 - Import a recipe (Priority: P2)
    /// …
    /// ### User Story 2 - Search recipes (Priority: P3)
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### User Story 2 - Import a recipe (Priority: P2)
    /// …
    /// ### User Story 3 - Search recipes (Priority: P3)
    /// ```
    pub(crate) DuplicateStoryNumber {
        code: "R019",
        name: "duplicate-story-number",
        summary: "Two user stories share a number",
        severity: Error,
        fix: Never,
        target: Spec,
    }
}

impl DuplicateStoryNumber {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        let mut numbered: Vec<_> = spec
            .stories
            .iter()
            .filter_map(|story| Some((story.number?, story)))
            .collect();
        // A stable sort keeps each number's first story first.
        numbered.sort_by_key(|(number, _)| number.value);
        let mut first_of_run: Option<(&str, speckit_text::Span)> = None;
        for (number, story) in numbered {
            match first_of_run {
                Some((first, first_span)) if first == number.value => drop(
                    cx.report(
                        story.heading_span,
                        format!("story number {} is already used", number.value),
                    )
                    .label(first_span, "first used here")
                    .help(
                        "give each story its own number; tasks labelled with it need checking too",
                    ),
                ),
                _ => first_of_run = Some((number.value, story.heading_span)),
            }
        }
    }
}
