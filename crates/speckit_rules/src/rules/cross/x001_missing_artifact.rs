use speckit_model::DocKind;

use crate::analysis::{AnalysisContext, AnalysisFeature, title_span};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A feature folder that lacks `spec.md`, `plan.md` or `tasks.md`, in one
    /// finding on the title of the first document the feature has. A folder
    /// with none of the three (a lone bug report, research notes) is not
    /// treated as a feature of the workflow and is not reported.
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
        let documents = [
            (DocKind::Spec, "spec.md", "new feature"),
            (DocKind::Plan, "plan.md", "new plan"),
            (DocKind::Tasks, "tasks.md", "new tasks"),
        ];
        let missing: Vec<_> = documents
            .iter()
            .filter(|(kind, _, _)| feature.document(*kind).is_none())
            .collect();
        // A folder with none of the three (a lone bug report, research
        // notes) is not a feature of the workflow.
        if missing.len() == documents.len() {
            return;
        }
        let Some(anchor) = feature.anchor() else {
            return;
        };
        cx.evaluated(feature, 1);
        let Some(&&(first, _, command)) = missing.first() else {
            return;
        };
        let names: Vec<&str> = missing.iter().map(|(_, file, _)| *file).collect();
        let help = if first == DocKind::Spec {
            "write the spec first: plan and tasks trace back to it".to_string()
        } else {
            format!("create it with `speckit {command} {}`", feature.info.number)
        };
        drop(
            cx.report(
                anchor,
                title_span(anchor),
                format!(
                    "feature `{}` has no {}",
                    feature.info.dir_name,
                    names.join(" and ")
                ),
            )
            .help(help),
        );
    }
}
