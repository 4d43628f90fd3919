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
pub(crate) use x030_duplicate_feature_number::DuplicateFeatureNumber;
pub(crate) use x031_duplicate_feature_slug::DuplicateFeatureSlug;
pub(crate) use x032_file_created_by_two_features::FileCreatedByTwoFeatures;
pub(crate) use x033_data_model_clash::DataModelClash;
pub(crate) use x034_endpoint_clash::EndpointClash;
pub(crate) use x035_depends_on_later_feature::DependsOnLaterFeature;
