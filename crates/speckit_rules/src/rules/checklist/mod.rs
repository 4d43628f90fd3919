//! Rules for checklists (K codes): spec-kit's generated domain checklists
//! (`CHK###` items), its built-in `requirements.md`, and the plugin's
//! quality checklist with its sign-off block.

mod k001_duplicate_checklist_id;
mod k002_checklist_ids_out_of_sequence;
mod k003_item_without_id;
mod k004_checklist_placeholder;
mod k005_too_many_items;
mod k006_item_phrased_as_test;
mod k007_missing_traceability;
mod k008_unfilled_sign_off;
mod k009_invalid_checklist_date;

pub(crate) use k001_duplicate_checklist_id::DuplicateChecklistId;
pub(crate) use k002_checklist_ids_out_of_sequence::ChecklistIdsOutOfSequence;
pub(crate) use k003_item_without_id::ItemWithoutId;
pub(crate) use k004_checklist_placeholder::ChecklistPlaceholder;
pub(crate) use k005_too_many_items::TooManyItems;
pub(crate) use k006_item_phrased_as_test::ItemPhrasedAsTest;
pub(crate) use k007_missing_traceability::MissingTraceability;
pub(crate) use k008_unfilled_sign_off::UnfilledSignOff;
pub(crate) use k009_invalid_checklist_date::InvalidChecklistDate;

/// `CHK012` → 12.
pub(super) fn chk_number(id: &str) -> Option<u32> {
    id.strip_prefix("CHK")?.parse().ok()
}
