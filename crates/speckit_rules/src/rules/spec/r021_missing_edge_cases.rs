use speckit_model::Spec;
use speckit_model::spec::SectionKey;
use speckit_text::Span;

use super::is_speckit;
use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A spec-kit spec without an `### Edge Cases` section, or with one that
    /// holds nothing but template comments and empty bullets.
    ///
    /// ## Why it matters
    /// Edge cases are where the boundary conditions and error scenarios of a
    /// feature are decided: what happens on a timeout, an empty list, two
    /// people editing at once. Without them, the implementer decides, one
    /// case at a time, and nobody reviews the decisions.
    ///
    /// ## Example
    /// A spec whose `## User Scenarios & Testing` holds stories only.
    ///
    /// Use instead:
    /// ```markdown
    /// ### Edge Cases
    ///
    /// - What happens when the page is larger than 5 MB? The import stops and says why.
    /// ```
    pub(crate) MissingEdgeCases {
        code: "R021",
        name: "missing-edge-cases",
        summary: "The spec has no edge cases",
        severity: Warning,
        fix: Never,
        target: Spec,
    }
}

impl MissingEdgeCases {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        if !is_speckit(spec) {
            return;
        }
        match spec.section(SectionKey::EdgeCases) {
            Some(section) if section.blank => drop(
                cx.report(section.heading_span, "`Edge Cases` is empty")
                    .help("list the boundary conditions and error scenarios, with what should happen in each"),
            ),
            Some(_) => {}
            None => {
                let span = spec
                    .section(SectionKey::UserScenarios)
                    .map(|section| section.heading_span)
                    .or(spec.title.map(|title| title.span))
                    .unwrap_or(Span::empty(0));
                drop(
                    cx.report(span, "the spec has no `Edge Cases` section")
                        .help("add `### Edge Cases` under User Scenarios & Testing, listing boundary conditions and error scenarios"),
                );
            }
        }
    }
}
