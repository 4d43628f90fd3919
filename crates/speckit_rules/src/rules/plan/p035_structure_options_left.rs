use speckit_model::Plan;
use speckit_text::Span;

use crate::rule::{RuleContext, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Template scaffolding left in a spec-kit plan's `## Project Structure`:
    /// the `Option 1: Single project`, `Option 2: Web application`,
    /// `Option 3: Mobile + API` labels and the `[REMOVE IF UNUSED]` markers.
    ///
    /// ## Why it matters
    /// The template offers three layouts so that the plan keeps the one that
    /// applies. With the labels still there, readers (and the tasks command,
    /// which takes file paths from this tree) cannot tell which layout the
    /// feature uses.
    ///
    /// ## Example
    /// ```text
    /// # [REMOVE IF UNUSED] Option 1: Single project (DEFAULT)
    /// src/
    /// ├── models/
    /// …
    /// # [REMOVE IF UNUSED] Option 2: Web application (when "frontend" + "backend" detected)
    /// backend/
    /// …
    /// ```
    /// Use instead: keep only the layout that applies, without the labels,
    /// and say why under `**Structure Decision**`.
    pub(crate) StructureOptionsLeft {
        code: "P035",
        name: "structure-options-left",
        summary: "Project Structure still has the template's Option labels",
        severity: Warning,
        fix: Never,
        target: Plan,
    }
}

impl StructureOptionsLeft {
    fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) {
        let Some(structure) = &plan.project_structure else {
            return;
        };
        let mut spans: Vec<(Span, &str)> = Vec::new();
        for marker in &structure.remove_markers {
            spans.push((*marker, "`[REMOVE IF UNUSED]` is left from the template"));
        }
        for line in &structure.option_labels {
            if structure
                .remove_markers
                .iter()
                .any(|marker| line.span.contains_span(*marker))
            {
                continue;
            }
            spans.push((line.span, "a template layout option label is left"));
        }
        spans.sort_by_key(|(span, _)| span.start);
        for (span, message) in spans {
            drop(
                cx.report(span, message)
                    .help("keep the one layout the feature uses, without the Option labels"),
            );
        }
    }
}
