use speckit_md::NodeKind;
use speckit_model::Spec;

use super::is_withdrawn;
use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A user story with no acceptance scenarios (spec-kit's numbered
    /// `**Given** …, **When** …, **Then** …` lines), no acceptance criteria
    /// (the plugin's checkbox list) and no list of any other shape. Stories
    /// marked as withdrawn (`User Story 4 - (removed: …)`) are skipped.
    ///
    /// ## Why it matters
    /// Acceptance scenarios are how a story is tested independently and how
    /// tasks and reviewers know it is done. A story without them is a wish.
    ///
    /// ## Example
    /// ```markdown
    /// ### User Story 2 - Import a recipe (Priority: P2)
    ///
    /// A member pastes a page address and gets a draft.
    /// ```
    /// Use instead:
    /// ```markdown
    /// ### User Story 2 - Import a recipe (Priority: P2)
    ///
    /// A member pastes a page address and gets a draft.
    ///
    /// **Acceptance Scenarios**:
    ///
    /// 1. **Given** a page with recipe markup, **When** a member imports it, **Then** a draft is shown
    /// ```
    pub(crate) StoryWithoutAcceptance {
        code: "R006",
        name: "story-without-acceptance",
        summary: "A user story has no acceptance scenarios or criteria",
        severity: Warning,
        fix: Never,
        target: Spec,
    }
}

impl StoryWithoutAcceptance {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        let tree = &cx.document.tree;
        for story in &spec.stories {
            if !story.scenarios.is_empty()
                || !story.acceptance_criteria.is_empty()
                || is_withdrawn(story)
            {
                continue;
            }
            // Acceptance written as plain bullets is acceptance all the same.
            let section = tree.section_at(story.heading_span.start);
            let has_list = tree
                .section_all_blocks(section)
                .any(|block| matches!(tree.kind(block), NodeKind::List { .. }));
            if has_list {
                continue;
            }
            drop(
                cx.report(
                    story.heading_span,
                    format!("`{}` has no acceptance scenarios", story.heading.value.trim()),
                )
                .help("add numbered `**Given** …, **When** …, **Then** …` scenarios (or the plugin's `**Acceptance Criteria:**` checkboxes)"),
            );
        }
    }
}
