//! Cross-document rules (X codes), run by `speckit analyze`: traceability
//! from spec to plan to tasks, constitution alignment, consistency inside a
//! feature and across features. Shared matching lives in `crate::analysis`.

mod features;
mod x001_missing_artifact;
mod x002_requirement_not_in_plan;
mod x003_quality_requirement_not_in_plan;
mod x004_requirement_without_task;
mod x005_criterion_without_task;
mod x006_story_without_task;
mod x007_unknown_spec_reference;
mod x008_planned_file_without_task;
mod x009_plan_phase_without_tasks;
mod x010_planned_tests_without_task;
mod x011_rollout_without_task;
mod x012_endpoint_without_task;
mod x013_entity_not_in_data_model;
mod x014_new_structure_file_without_task;
mod x015_story_not_in_plan;
mod x019_principle_not_checked;
mod x020_unjustified_gate_failure;
mod x021_outdated_constitution_version;
mod x022_finished_with_open_tasks;
mod x023_risk_without_mitigation;
mod x024_question_left_after_start;
mod x025_phase_list_mismatch;
mod x026_done_task_with_open_criteria;

mod gates;
mod status;
mod x030_duplicate_feature_number;
mod x031_duplicate_feature_slug;
mod x032_file_created_by_two_features;
mod x033_data_model_clash;
mod x034_endpoint_clash;
mod x035_depends_on_later_feature;

pub(crate) use x001_missing_artifact::MissingArtifact;
pub(crate) use x002_requirement_not_in_plan::RequirementNotInPlan;
pub(crate) use x003_quality_requirement_not_in_plan::QualityRequirementNotInPlan;
pub(crate) use x004_requirement_without_task::RequirementWithoutTask;
pub(crate) use x005_criterion_without_task::CriterionWithoutTask;
pub(crate) use x006_story_without_task::StoryWithoutTask;
pub(crate) use x007_unknown_spec_reference::UnknownSpecReference;
pub(crate) use x008_planned_file_without_task::PlannedFileWithoutTask;
pub(crate) use x009_plan_phase_without_tasks::PlanPhaseWithoutTasks;
pub(crate) use x010_planned_tests_without_task::PlannedTestsWithoutTask;
pub(crate) use x011_rollout_without_task::RolloutWithoutTask;
pub(crate) use x012_endpoint_without_task::EndpointWithoutTask;
pub(crate) use x013_entity_not_in_data_model::EntityNotInDataModel;
pub(crate) use x014_new_structure_file_without_task::NewStructureFileWithoutTask;
pub(crate) use x015_story_not_in_plan::StoryNotInPlan;
pub(crate) use x019_principle_not_checked::PrincipleNotChecked;
pub(crate) use x020_unjustified_gate_failure::UnjustifiedGateFailure;
pub(crate) use x021_outdated_constitution_version::OutdatedConstitutionVersion;
pub(crate) use x022_finished_with_open_tasks::FinishedWithOpenTasks;
pub(crate) use x023_risk_without_mitigation::RiskWithoutMitigation;
pub(crate) use x024_question_left_after_start::QuestionLeftAfterStart;
pub(crate) use x025_phase_list_mismatch::PhaseListMismatch;
pub(crate) use x026_done_task_with_open_criteria::DoneTaskWithOpenCriteria;
pub(crate) use x030_duplicate_feature_number::DuplicateFeatureNumber;
pub(crate) use x031_duplicate_feature_slug::DuplicateFeatureSlug;
pub(crate) use x032_file_created_by_two_features::FileCreatedByTwoFeatures;
pub(crate) use x033_data_model_clash::DataModelClash;
pub(crate) use x034_endpoint_clash::EndpointClash;
pub(crate) use x035_depends_on_later_feature::DependsOnLaterFeature;
