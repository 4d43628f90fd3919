//! Every rule, one line each, sorted by code.

use std::sync::LazyLock;

use crate::rule::{Rule, RuleMeta};
use crate::rules::{any, checklist, constitution, cross, plan, spec, tasks};

static RULES: &[&dyn Rule] = &[
    &constitution::MissingVersionLine,
    &constitution::InvalidConstitutionVersion,
    &constitution::InvalidConstitutionDate,
    &constitution::AmendedBeforeRatified,
    &constitution::PrincipleWithoutRule,
    &constitution::ConstitutionPlaceholder,
    &constitution::DeferredField,
    &constitution::MissingGovernance,
    &constitution::NoPrinciples,
    &constitution::DuplicatePrinciple,
    &checklist::DuplicateChecklistId,
    &checklist::ChecklistIdsOutOfSequence,
    &checklist::ItemWithoutId,
    &checklist::ChecklistPlaceholder,
    &checklist::TooManyItems,
    &checklist::ItemPhrasedAsTest,
    &checklist::MissingTraceability,
    &checklist::UnfilledSignOff,
    &checklist::InvalidChecklistDate,
    &plan::MissingSeedSection,
    &plan::SeedSectionOutOfOrder,
    &plan::MissingHeaderField,
    &plan::InvalidHeaderDate,
    &plan::LastUpdatedBeforeCreated,
    &plan::UnknownPlanStatus,
    &plan::TemplatePlaceholder,
    &plan::UnchosenAlternatives,
    &plan::EmptyBullet,
    &plan::BlankTableRow,
    &plan::DecisionMissingField,
    &plan::DecisionWithoutOptions,
    &plan::DecisionNotAnOption,
    &plan::TreeFileNotPlanned,
    &plan::PlannedFileNotInTree,
    &plan::ModifiedFileNotFound,
    &plan::InvalidFileComplexity,
    &plan::InvalidJson,
    &plan::InvalidSql,
    &plan::ModelFieldNotInTable,
    &plan::PayloadFieldNotInModel,
    &plan::ErrorWithoutRecovery,
    &plan::InvalidVersionRange,
    &plan::IncompleteBenchmark,
    &plan::PhaseWithoutGoal,
    &plan::InvalidFlagDefault,
    &plan::EmptyRollbackPlan,
    &plan::InvalidHttpMethod,
    &plan::InvalidEndpointPath,
    &plan::InvalidAuthRequired,
    &plan::InvalidRiskStatus,
    &plan::InvalidReversible,
    &plan::NeedsClarificationLeft,
    &plan::ConstitutionCheckUnfilled,
    &plan::StructureOptionsLeft,
    &plan::ComplexityWithoutJustification,
    &plan::MissingTechnicalContextField,
    &spec::MissingHeaderField,
    &spec::InvalidSpecDate,
    &spec::UpdatedBeforeCreated,
    &spec::UnknownSpecStatus,
    &spec::MissingMandatorySection,
    &spec::StoryWithoutAcceptance,
    &spec::StoryWithoutPriority,
    &spec::DuplicateRequirementId,
    &spec::RequirementIdsOutOfSequence,
    &spec::RequirementWithoutNormativeVerb,
    &spec::NfrWithoutMeasurableTarget,
    &spec::UnresolvedClarification,
    &spec::TooManyClarificationMarkers,
    &spec::VagueRequirement,
    &spec::SpecPlaceholder,
    &spec::EmptyOptionalSection,
    &spec::UnmeasurableSuccessCriterion,
    &spec::ImplementationDetail,
    &spec::DuplicateStoryNumber,
    &spec::MalformedScenario,
    &spec::MissingEdgeCases,
    &spec::MalformedClarification,
    &any::InvalidUtf8,
    &any::UnknownRuleCode,
    &any::EmptyDocument,
    &any::MissingTitle,
    &any::UnclosedCodeFence,
    &any::BrokenRelativeLink,
    &any::DuplicateHeading,
    &any::UnclosedComment,
    &tasks::DuplicateTaskId,
    &tasks::DependencyNotFound,
    &tasks::SelfDependency,
    &tasks::DependencyCycle,
    &tasks::InvalidTaskStatus,
    &tasks::SummaryCountMismatch,
    &tasks::UnknownStoryLabel,
    &tasks::ParallelSameFile,
    &tasks::InvalidEffort,
    &tasks::InvalidPriority,
    &tasks::InvalidComplexity,
    &tasks::CheckboxWithoutId,
    &tasks::StoryLabelOutsideStory,
    &tasks::MissingStoryLabel,
    &tasks::StoryLabelMismatch,
    &tasks::DoneBeforeDependency,
    &tasks::TaskTooLarge,
    &tasks::TaskWithoutAcceptance,
    &tasks::DependencyTreeMismatch,
    &tasks::MarkerOrder,
    &tasks::TaskPlaceholder,
    &tasks::InvalidLogDate,
    &tasks::TaskWithoutFile,
    &tasks::TaskIdsOutOfOrder,
    &tasks::DependencyOnLaterPhase,
    &tasks::EmptyPhase,
    &cross::MissingArtifact,
    &cross::RequirementNotInPlan,
    &cross::QualityRequirementNotInPlan,
    &cross::RequirementWithoutTask,
    &cross::CriterionWithoutTask,
    &cross::StoryWithoutTask,
    &cross::UnknownSpecReference,
    &cross::PlannedFileWithoutTask,
    &cross::PlanPhaseWithoutTasks,
    &cross::PlannedTestsWithoutTask,
    &cross::RolloutWithoutTask,
    &cross::EndpointWithoutTask,
    &cross::EntityNotInDataModel,
    &cross::NewStructureFileWithoutTask,
    &cross::StoryNotInPlan,
    &cross::PrincipleNotChecked,
    &cross::UnjustifiedGateFailure,
    &cross::OutdatedConstitutionVersion,
    &cross::FinishedWithOpenTasks,
    &cross::RiskWithoutMitigation,
    &cross::QuestionLeftAfterStart,
    &cross::PhaseListMismatch,
    &cross::DoneTaskWithOpenCriteria,
    &cross::DuplicateFeatureNumber,
    &cross::DuplicateFeatureSlug,
    &cross::FileCreatedByTwoFeatures,
    &cross::DataModelClash,
    &cross::EndpointClash,
    &cross::DependsOnLaterFeature,
];

/// All rules, sorted by code.
pub fn all() -> &'static [&'static dyn Rule] {
    RULES
}

/// The metadata of [`all`], in the same order: read from a table when rules
/// are filtered for each document, rather than through a call per rule,
/// whose target changes at every rule and which the CPU mispredicts.
pub fn metas() -> &'static [&'static RuleMeta] {
    static METAS: LazyLock<Vec<&'static RuleMeta>> =
        LazyLock::new(|| RULES.iter().map(|rule| rule.meta()).collect());
    &METAS
}

static CODES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| metas().iter().map(|meta| meta.code).collect());

/// Registry index of `code` (exact, case-insensitive).
pub fn index_of(code: &str) -> Option<usize> {
    CODES
        .iter()
        .position(|known| known.eq_ignore_ascii_case(code))
}

/// The rule with `code`, or with kebab-case name `code`.
pub fn find(code: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|rule| {
        rule.meta().code.eq_ignore_ascii_case(code) || rule.meta().name.eq_ignore_ascii_case(code)
    })
}

/// The rule reference as one Markdown page (`docs/rules.md`).
pub fn reference_markdown(metas: &[&crate::rule::RuleMeta]) -> String {
    use std::fmt::Write as _;

    let mut out = String::from(
        "# speckit rules\n\n<!-- Generated by `speckit rule --all --format markdown`; do not edit. -->\n\n\
         | Code | Name | Severity | Fix | Summary |\n|------|------|----------|-----|---------|\n",
    );
    for meta in metas {
        let fix = if meta.fix == crate::rule::FixAvailability::Never {
            ""
        } else {
            "yes"
        };
        let _ = writeln!(
            out,
            "| [{}](#{}) | `{}` | {} | {fix} | {} |",
            meta.code,
            meta.code.to_ascii_lowercase(),
            meta.name,
            meta.severity,
            meta.summary
        );
    }
    for meta in metas {
        let docs = meta.docs_markdown().replace("\n## ", "\n### ");
        let docs = docs
            .strip_prefix("## ")
            .map_or(docs.clone(), |rest| format!("### {rest}"));
        let reported_by = if meta.target.is_cross() {
            " · reported by `speckit analyze`"
        } else {
            ""
        };
        let _ = write!(
            out,
            "\n## {}\n\n`{}` · default severity: {}{reported_by}\n\n{}\n",
            meta.code, meta.name, meta.severity, docs
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Target;

    #[test]
    fn codes_are_sorted_unique_and_prefixed_by_target() {
        let codes: Vec<&str> = RULES.iter().map(|rule| rule.meta().code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(
            codes, sorted,
            "registry must be sorted by code without duplicates"
        );
        for rule in RULES {
            let meta = rule.meta();
            let expected = match meta.target {
                Target::Any => 'S',
                Target::Constitution => 'C',
                Target::Spec => 'R',
                Target::Plan => 'P',
                Target::Tasks => 'T',
                Target::Checklist => 'K',
                Target::Feature | Target::Workspace => 'X',
            };
            assert!(
                meta.code.starts_with(expected),
                "{} should start with {expected}",
                meta.code
            );
            assert_eq!(meta.code.len(), 4, "{}", meta.code);
        }
    }

    #[test]
    fn names_are_unique_kebab_case() {
        let mut names: Vec<&str> = RULES.iter().map(|rule| rule.meta().name).collect();
        for name in &names {
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !name.starts_with('-'),
                "{name} is not kebab-case"
            );
        }
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count, "duplicate rule names");
    }

    /// `docs/rules.md` is generated; this fails when it is stale. Run
    /// `cargo run -p speckit_cli -- rule --all --format markdown > docs/rules.md`.
    #[test]
    fn docs_rules_md_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
        let metas: Vec<_> = RULES.iter().map(|rule| rule.meta()).collect();
        let expected = reference_markdown(&metas);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            current == expected,
            "docs/rules.md is stale; regenerate it with `cargo run -p speckit_cli -- rule --all --format markdown > docs/rules.md`"
        );
    }

    #[test]
    fn docs_have_the_three_sections() {
        for rule in RULES {
            let meta = rule.meta();
            let docs = meta.docs_markdown();
            for section in ["## What it checks", "## Why it matters", "## Example"] {
                assert!(
                    docs.contains(section),
                    "{} docs lack `{section}`",
                    meta.code
                );
            }
            assert!(
                !meta.summary.ends_with('.'),
                "{}: summaries end without a period",
                meta.code
            );
            if meta.fix != crate::rule::FixAvailability::Never {
                assert!(
                    docs.contains("## Fix"),
                    "{} has a fix but no `## Fix` section",
                    meta.code
                );
            }
        }
    }
}
