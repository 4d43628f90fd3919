//! Rules for project constitutions (C codes): spec-kit's
//! `.specify/memory/constitution.md` and the plugin's
//! `memory/constitution.md`.

mod c001_missing_version_line;
mod c002_invalid_constitution_version;
mod c003_invalid_constitution_date;
mod c004_amended_before_ratified;
mod c005_principle_without_rule;
mod c006_constitution_placeholder;
mod c007_deferred_field;
mod c008_missing_governance;
mod c009_no_principles;
mod c010_duplicate_principle;

pub(crate) use c001_missing_version_line::MissingVersionLine;
pub(crate) use c002_invalid_constitution_version::InvalidConstitutionVersion;
pub(crate) use c003_invalid_constitution_date::InvalidConstitutionDate;
pub(crate) use c004_amended_before_ratified::AmendedBeforeRatified;
pub(crate) use c005_principle_without_rule::PrincipleWithoutRule;
pub(crate) use c006_constitution_placeholder::ConstitutionPlaceholder;
pub(crate) use c007_deferred_field::DeferredField;
pub(crate) use c008_missing_governance::MissingGovernance;
pub(crate) use c009_no_principles::NoPrinciples;
pub(crate) use c010_duplicate_principle::DuplicatePrinciple;
