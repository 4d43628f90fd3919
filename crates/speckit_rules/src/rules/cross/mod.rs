//! Cross-document rules (X codes), run by `speckit analyze`: traceability
//! from spec to plan to tasks, constitution alignment, consistency inside a
//! feature and across features. Shared matching lives in `crate::analysis`.

mod x001_missing_artifact;
mod x002_requirement_not_in_plan;
mod x003_quality_requirement_not_in_plan;
mod x004_requirement_without_task;
mod x005_criterion_without_task;
mod x006_story_without_task;

pub(crate) use x001_missing_artifact::MissingArtifact;
pub(crate) use x002_requirement_not_in_plan::RequirementNotInPlan;
pub(crate) use x003_quality_requirement_not_in_plan::QualityRequirementNotInPlan;
pub(crate) use x004_requirement_without_task::RequirementWithoutTask;
pub(crate) use x005_criterion_without_task::CriterionWithoutTask;
pub(crate) use x006_story_without_task::StoryWithoutTask;
