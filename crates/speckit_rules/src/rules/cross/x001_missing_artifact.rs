use speckit_model::DocKind;

use crate::analysis::{AnalysisContext, AnalysisFeature, title_span};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A feature folder that lacks `spec.md`, `plan.md` or `tasks.md`. The
    /// finding sits on the title of the first document the feature has.
    ///
    /// ## Why it matters
    /// Analysis compares the three documents with each other; without one of
    /// them every requirement, phase and task it should trace is unchecked,
    /// and an agent asked to implement the feature has nothing to follow.
    ///
    /// ## Example
    /// ```text
    /// specs/004-meal-export/
    ///   spec.md
    ///   plan.md
    /// ```
    /// Use instead: generate the missing document (`speckit new tasks 004`).
    pub(crate) MissingArtifact {
        code: "X001",
        name: "missing-artifact",
        summary: "A feature lacks its spec, plan or tasks",
        severity: Error,
        fix: Never,
        target: Feature,
    }
}

impl MissingArtifact {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let Some(anchor) = feature.anchor() else {
            return;
        };
        cx.evaluated(feature, 3);
        for (kind, file, command) in [
            (DocKind::Spec, "spec.md", "new feature"),
            (DocKind::Plan, "plan.md", "new plan"),
            (DocKind::Tasks, "tasks.md", "new tasks"),
        ] {
            if feature.document(kind).is_some() {
                continue;
            }
            let help = if kind == DocKind::Spec {
                "write the spec first: plan and tasks trace back to it".to_string()
            } else {
                format!("create it with `speckit {command} {}`", feature.number)
            };
            drop(
                cx.report(
                    anchor,
                    title_span(anchor),
                    format!("feature `{}` has no {file}", feature.dir_name),
                )
                .help(help),
            );
        }
    }
}
