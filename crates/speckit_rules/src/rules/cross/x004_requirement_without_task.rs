use speckit_model::spec::RequirementKind;

use crate::analysis::mention::IdKey;
use crate::analysis::trace::requirement_title;
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A functional requirement (`FR-…`) that no task mentions: no task cites
    /// its ID, and no single task shares enough of its distinctive words
    /// (60% of them, three for a long sentence, at least two; words found in
    /// most tasks do not count). Struck-through requirements are skipped.
    ///
    /// A requirement tasks.md cites outside its tasks (a phase checkpoint,
    /// a coverage map) counts as accounted for.
    ///
    /// Only features whose tasks cite at least half of the spec's
    /// requirements by ID are checked: without that habit, wording is the
    /// only evidence and it misses too many real matches. Requirements
    /// written in Chinese or Japanese, which the word matcher cannot split
    /// into words, are traced by ID only and never reported as missing.
    ///
    /// ## Why it matters
    /// Tasks are what gets built. A requirement without a task is silently
    /// dropped from the implementation, however well the spec and plan
    /// describe it.
    ///
    /// ## Example
    /// ```markdown
    /// - **FR-006**: System MUST let users export a week's shopping list
    /// ```
    /// with no export task in tasks.md. Use instead: add a task and cite the
    /// requirement: `- [ ] T031 [US3] Export the shopping list (FR-006) in
    /// src/export/list.ts`.
    pub(crate) RequirementWithoutTask {
        code: "X004",
        name: "requirement-without-task",
        summary: "A functional requirement has no task",
        severity: Error,
        fix: Never,
        target: Feature,
    }
}

impl RequirementWithoutTask {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        report_untasked(feature, cx, |kind, _| kind == RequirementKind::Functional);
    }
}

/// Reports each requirement accepted by `wanted` (kind and text) that no
/// task mentions.
pub(crate) fn report_untasked(
    feature: &AnalysisFeature<'_>,
    cx: &mut AnalysisContext<'_>,
    wanted: impl Fn(RequirementKind, &str) -> bool,
) {
    let Some((spec_document, spec)) = feature.spec() else {
        return;
    };
    let trace = feature.trace();
    // Tasks that never cite a requirement ID can only be matched by their
    // wording, which misses too many real matches to call a gap critical.
    if !trace.cited.requirements {
        return;
    }
    let mut evaluated = 0;
    for item in &trace.requirements {
        let requirement = &spec.requirements[item.index];
        let Some(tasks) = &item.tasks else {
            continue;
        };
        if !wanted(requirement.kind, requirement_title(requirement)) {
            continue;
        }
        evaluated += 1;
        // Cited outside the tasks (a checkpoint, a coverage map): the team
        // has accounted for it.
        let cited_elsewhere = IdKey::parse(requirement.id.value)
            .is_some_and(|key| trace.tasks_document_ids.contains(&key));
        if tasks.is_empty() && !cited_elsewhere {
            drop(
                cx.report(
                    spec_document,
                    requirement.id.span,
                    format!(
                        "no task traces to `{}`: none cites it or shares enough of its wording",
                        requirement.id.value
                    ),
                )
                .help(format!(
                    "add a task that cites `{}`, or strike the requirement through if it was dropped",
                    requirement.id.value
                )),
            );
        }
    }
    cx.evaluated(feature, evaluated);
}
