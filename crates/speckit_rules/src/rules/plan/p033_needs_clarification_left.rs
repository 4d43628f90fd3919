use speckit_model::Plan;
use speckit_model::plan::TechField;
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};

const MARKER: &str = "NEEDS CLARIFICATION";

declare_rule! {
    /// ## What it checks
    /// A field of `## Technical Context` (spec-kit plans) whose value, or a
    /// bullet under it, still says `NEEDS CLARIFICATION`. The template's own
    /// `[e.g., … or NEEDS CLARIFICATION]` examples are left to P007.
    ///
    /// ## Why it matters
    /// The plan command marks unknowns this way so that Phase 0 research
    /// resolves them; the template's gate says none may remain after
    /// research. Tasks generated from an unresolved context pick a language,
    /// store or test tool by guesswork.
    ///
    /// ## Example
    /// ```markdown
    /// **Storage**: NEEDS CLARIFICATION
    /// ```
    /// Use instead (after recording the decision in research.md):
    /// ```markdown
    /// **Storage**: SQLite 3.45, one database file per household
    /// ```
    pub(crate) NeedsClarificationLeft {
        code: "P033",
        name: "needs-clarification-left",
        summary: "A Technical Context field still says NEEDS CLARIFICATION",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl NeedsClarificationLeft {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        let Some(context) = &plan.technical_context else {
            return;
        };
        for field in context
            .fields
            .iter()
            .filter(|field| field.needs_clarification)
        {
            let Some(span) = marker_span(field) else {
                continue;
            };
            drop(
                cx.report(
                    span,
                    format!("`{}` still needs clarification", field.label.value),
                )
                .help("resolve it in Phase 0 research (research.md) and write the answer here"),
            );
        }
    }
}

/// The first marker of the field that is not inside a template example
/// `[e.g., …]`.
fn marker_span(field: &TechField<'_>) -> Option<Span> {
    let texts = std::iter::once(field.value).chain(field.items.iter().map(|item| item.text));
    for text in texts {
        let value = text.value;
        let mut from = 0;
        while let Some(offset) = value.get(from..).and_then(|rest| rest.find(MARKER)) {
            let at = from + offset;
            let head = value.get(..at).unwrap_or("");
            let in_example = head.rfind('[').is_some_and(|open| {
                head.get(open..)
                    .is_some_and(|slot| slot.starts_with("[e.g.") && !slot.contains(']'))
            });
            if !in_example {
                return Some(text.span.subspan(at..at + MARKER.len()));
            }
            from = at + MARKER.len();
        }
    }
    None
}
