//! Rules for plans (P codes): the seed template of the plugin layout (the
//! template is the schema, FORMATS.md §C.1) and spec-kit plans (§B.5).
//!
//! Seed-only rules check `plan.generation` first; rules about things any plan
//! may hold (placeholders, code blocks, tables) run on every plan. Rules read
//! the plan model and never parse Markdown again; `shared`, `files`, `code`,
//! `names`, `sql` and `quick_sql` hold what several rules read the same way.

mod code;
pub(crate) mod files;
mod names;
mod quick_sql;
mod shared;
mod sql;

mod p001_missing_seed_section;
mod p002_seed_section_out_of_order;
mod p003_missing_header_field;
mod p004_invalid_header_date;
mod p005_last_updated_before_created;
mod p006_unknown_plan_status;
mod p007_template_placeholder;
mod p008_unchosen_alternatives;
mod p009_empty_bullet;
mod p010_blank_table_row;
mod p011_decision_missing_field;
mod p012_decision_without_options;
mod p013_decision_not_an_option;
mod p014_tree_file_not_planned;
mod p015_planned_file_not_in_tree;
mod p016_modified_file_not_found;
mod p017_invalid_file_complexity;
mod p018_invalid_json;
mod p019_invalid_sql;
mod p020_model_field_not_in_table;
mod p021_payload_field_not_in_model;
mod p022_error_without_recovery;
mod p023_invalid_version_range;
mod p024_incomplete_benchmark;
mod p025_phase_without_goal;
mod p026_invalid_flag_default;
mod p027_empty_rollback_plan;
mod p028_invalid_http_method;
mod p029_invalid_endpoint_path;
mod p030_invalid_auth_required;
mod p031_invalid_risk_status;
mod p032_invalid_reversible;
mod p033_needs_clarification_left;
mod p034_constitution_check_unfilled;
mod p035_structure_options_left;
mod p036_complexity_without_justification;
mod p037_missing_technical_context_field;

pub(crate) use p001_missing_seed_section::MissingSeedSection;
pub(crate) use p002_seed_section_out_of_order::SeedSectionOutOfOrder;
pub(crate) use p003_missing_header_field::MissingHeaderField;
pub(crate) use p004_invalid_header_date::InvalidHeaderDate;
pub(crate) use p005_last_updated_before_created::LastUpdatedBeforeCreated;
pub(crate) use p006_unknown_plan_status::UnknownPlanStatus;
pub(crate) use p007_template_placeholder::TemplatePlaceholder;
pub(crate) use p008_unchosen_alternatives::UnchosenAlternatives;
pub(crate) use p009_empty_bullet::EmptyBullet;
pub(crate) use p010_blank_table_row::BlankTableRow;
pub(crate) use p011_decision_missing_field::DecisionMissingField;
pub(crate) use p012_decision_without_options::DecisionWithoutOptions;
pub(crate) use p013_decision_not_an_option::DecisionNotAnOption;
pub(crate) use p014_tree_file_not_planned::TreeFileNotPlanned;
pub(crate) use p015_planned_file_not_in_tree::PlannedFileNotInTree;
pub(crate) use p016_modified_file_not_found::ModifiedFileNotFound;
pub(crate) use p017_invalid_file_complexity::InvalidFileComplexity;
pub(crate) use p018_invalid_json::InvalidJson;
pub(crate) use p019_invalid_sql::InvalidSql;
pub(crate) use p020_model_field_not_in_table::ModelFieldNotInTable;
pub(crate) use p021_payload_field_not_in_model::PayloadFieldNotInModel;
pub(crate) use p022_error_without_recovery::ErrorWithoutRecovery;
pub(crate) use p023_invalid_version_range::InvalidVersionRange;
pub(crate) use p024_incomplete_benchmark::IncompleteBenchmark;
pub(crate) use p025_phase_without_goal::PhaseWithoutGoal;
pub(crate) use p026_invalid_flag_default::InvalidFlagDefault;
pub(crate) use p027_empty_rollback_plan::EmptyRollbackPlan;
pub(crate) use p028_invalid_http_method::InvalidHttpMethod;
pub(crate) use p029_invalid_endpoint_path::InvalidEndpointPath;
pub(crate) use p030_invalid_auth_required::InvalidAuthRequired;
pub(crate) use p031_invalid_risk_status::InvalidRiskStatus;
pub(crate) use p032_invalid_reversible::InvalidReversible;
pub(crate) use p033_needs_clarification_left::NeedsClarificationLeft;
pub(crate) use p034_constitution_check_unfilled::ConstitutionCheckUnfilled;
pub(crate) use p035_structure_options_left::StructureOptionsLeft;
pub(crate) use p036_complexity_without_justification::ComplexityWithoutJustification;
pub(crate) use p037_missing_technical_context_field::MissingTechnicalContextField;
