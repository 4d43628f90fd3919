use speckit_model::spec::RequirementKind;

use crate::analysis::mention::{IdKey, PassageIndex, token_set};
use crate::analysis::trace::{is_prohibition, requirement_title};
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
    /// a coverage map), or words as the goal, purpose, independent test or
    /// checkpoint of a phase that holds tasks, counts as accounted for.
    /// Prohibitions (`MUST NOT`, `does not`, `never`…) hold while nothing
    /// breaks them; they are traced by ID only and never reported.
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
    // Built on the first requirement no task mentions.
    let mut phase_notes: Option<PassageIndex> = None;
    for item in &trace.requirements {
        let requirement = &spec.requirements[item.index];
        let Some(tasks) = &item.tasks else {
            continue;
        };
        let title = requirement_title(requirement);
        // A prohibition is kept by not building something: tasks seldom
        // word it, so only a cited ID traces it.
        if !wanted(requirement.kind, title) || is_prohibition(title) {
            continue;
        }
        evaluated += 1;
        if !tasks.is_empty() {
            continue;
        }
        // Cited outside the tasks (a checkpoint, a coverage map): the team
        // has accounted for it.
        let cited_elsewhere = IdKey::parse(requirement.id.value)
            .is_some_and(|key| trace.tasks_document_ids.contains(&key));
        // Worded as the goal or checkpoint of a phase: that phase's tasks
        // build it together.
        let mut phase_goal = || {
            !phase_notes
                .get_or_insert_with(|| phase_fields(feature))
                .with_tokens(&token_set(title))
                .is_empty()
        };
        if !cited_elsewhere && !phase_goal() {
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

/// The fields of tasks.md's phases that hold tasks (`**Goal**`,
/// `**Purpose**`, `**Independent Test**`, `**Checkpoint**`), one passage
/// each.
fn phase_fields(feature: &AnalysisFeature<'_>) -> PassageIndex {
    let mut index = PassageIndex::default();
    if let Some((_, list)) = feature.tasks() {
        for phase in list.phases.iter().filter(|phase| !phase.tasks.is_empty()) {
            for field in &phase.fields {
                index.add(0, field.value.value, field.value.span);
            }
        }
    }
    index
}
