use speckit_model::Plan;
use speckit_model::plan::SectionKey;

use crate::rule::{RuleContext, declare_rule};
use crate::rules::plan::shared::is_seed;

declare_rule! {
    /// ## What it checks
    /// A plan written from the seed template (plugin layout) that lacks one of
    /// the template's twenty `##` sections: Architecture Overview, File
    /// Structure, Data Models, API Contracts, Component Hierarchy, State
    /// Management, Dependencies, Database Schema Changes, Integration Points,
    /// Error Handling, Testing Strategy, Security Considerations, Performance
    /// Considerations, Implementation Phases, Rollout Strategy, Monitoring and
    /// Observability, Documentation Needs, Risk Mitigation, Dependencies and
    /// Blockers, Open Questions.
    ///
    /// ## Why it matters
    /// The template defines no optional sections: the tasks, analyze and
    /// implement commands look for each of them by name. A section that does
    /// not apply should stay and say so ("No new tables."), so that a reader
    /// can tell "not needed" from "forgotten".
    ///
    /// ## Example
    /// ```markdown
    /// ## API Contracts
    /// …
    /// ## State Management
    /// ```
    /// Use instead:
    /// ```markdown
    /// ## API Contracts
    /// …
    /// ## Component Hierarchy
    ///
    /// No new components: the feature is server-only.
    ///
    /// ## State Management
    /// ```
    pub(crate) MissingSeedSection {
        code: "P001",
        name: "missing-seed-section",
        summary: "A section of the seed plan template is missing",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl MissingSeedSection {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        if !is_seed(plan) {
            return;
        }
        let fallback = plan
            .title
            .map_or(speckit_text::Span::empty(0), |title| title.span);
        for (position, key) in SectionKey::SEED.iter().enumerate() {
            if plan.section(*key).is_some() {
                continue;
            }
            // Point where the section belongs: at the next template section
            // that is present.
            let next = SectionKey::SEED
                .iter()
                .skip(position + 1)
                .find_map(|later| plan.section(*later));
            let (span, help) = match next {
                Some(next) => (
                    next.section.heading_span,
                    format!(
                        "add `## {}` before `## {}`; write why it does not apply if it does not",
                        key.title(),
                        next.key.title()
                    ),
                ),
                None => (
                    plan.sections
                        .last()
                        .map_or(fallback, |last| last.section.heading_span),
                    format!(
                        "add `## {}` after the sections above; write why it does not apply if it does not",
                        key.title()
                    ),
                ),
            };
            drop(
                cx.report(
                    span,
                    format!(
                        "the plan has no `## {}` section (section {} of the seed template)",
                        key.title(),
                        position + 1
                    ),
                )
                .help(help),
            );
        }
    }
}
