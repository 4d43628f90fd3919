use speckit_model::spec::SectionKey;
use speckit_model::{Generation, Spec};

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A spec section left empty (nothing but template comments, blank lines
    /// or empty bullets) or holding only `N/A`. Mandatory sections, Edge
    /// Cases, user stories and the legacy template's fixed blocks have rules
    /// of their own (R005, R021, R006) and are not reported here.
    ///
    /// ## Why it matters
    /// spec-kit says: "When a section doesn't apply, remove it entirely
    /// (don't leave N/A)". An empty heading makes readers wonder whether the
    /// section was forgotten or does not apply.
    ///
    /// ## Example
    /// ```markdown
    /// ### Key Entities *(include if feature involves data)*
    ///
    /// N/A
    /// ```
    /// Use instead: delete the section.
    pub(crate) EmptyOptionalSection {
        code: "R016",
        name: "empty-optional-section",
        summary: "An optional spec section is empty or says N/A",
        severity: Info,
        fix: Never,
        target: Spec,
    }
}

/// Sections other rules cover, or whose emptiness is the template's own.
const SKIPPED: [SectionKey; 16] = [
    SectionKey::UserScenarios,
    SectionKey::UserStories,
    SectionKey::UserStory,
    SectionKey::Requirements,
    SectionKey::FunctionalRequirements,
    SectionKey::SuccessCriteria,
    SectionKey::MeasurableOutcomes,
    SectionKey::Overview,
    SectionKey::SuccessMetrics,
    SectionKey::EdgeCases,
    SectionKey::ClarificationSession,
    SectionKey::ExecutionFlow,
    SectionKey::QuickGuidelines,
    SectionKey::ReviewChecklist,
    SectionKey::ExecutionStatus,
    SectionKey::PrimaryUserStory,
];

impl EmptyOptionalSection {
    fn run(&self, spec: &Spec<'_>, cx: &mut RuleContext<'_>) {
        if spec.generation == Generation::Unknown {
            return;
        }
        for section in &spec.sections {
            if SKIPPED.contains(&section.key) {
                continue;
            }
            let title = speckit_md::lex::strip_heading_decorations(section.title.value);
            if section.blank {
                drop(
                    cx.report(section.heading_span, format!("`{title}` is empty"))
                        .help("fill the section in, or delete it if it does not apply"),
                );
            } else if says_not_applicable(cx.text(speckit_text::Span::new(
                section.heading_span.end.min(section.span.end),
                section.span.end,
            ))) {
                drop(
                    cx.report(section.heading_span, format!("`{title}` only says N/A"))
                        .help("delete a section that does not apply instead of writing N/A"),
                );
            }
        }
    }
}

/// `N/A`, `- N/A.`, `*Not applicable*` and nothing else.
fn says_not_applicable(body: &str) -> bool {
    let body = body.trim();
    if body.len() > 40 {
        return false;
    }
    let body = ["- ", "* ", "+ "]
        .iter()
        .find_map(|marker| body.strip_prefix(marker))
        .unwrap_or(body)
        .trim();
    let body = speckit_model::strip_markup(body)
        .trim_end_matches('.')
        .trim();
    ["N/A", "NA", "Not applicable", "n/a", "None applicable"]
        .iter()
        .any(|form| body.eq_ignore_ascii_case(form))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_applicable_forms() {
        assert!(says_not_applicable("\nN/A\n"));
        assert!(says_not_applicable("- n/a."));
        assert!(says_not_applicable("*Not applicable*"));
        assert!(!says_not_applicable("None remain open."));
        assert!(!says_not_applicable(
            "N/A for now; see FR-003 for the import."
        ));
    }
}
