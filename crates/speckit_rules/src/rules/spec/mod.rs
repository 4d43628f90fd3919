//! Rules for feature specifications (R codes): spec-kit's `spec.md`
//! (current and legacy templates) and the plugin's.
//!
//! The helpers below hold the judgements several rules share, so that two
//! rules never disagree about what a definition or a measurable value is.

mod r001_missing_header_field;
mod r002_invalid_spec_date;
mod r003_updated_before_created;
mod r004_unknown_spec_status;
mod r005_missing_mandatory_section;
mod r006_story_without_acceptance;
mod r007_story_without_priority;
mod r008_duplicate_requirement_id;
mod r009_requirement_ids_out_of_sequence;
mod r010_requirement_without_normative_verb;
mod r011_nfr_without_measurable_target;
mod r012_unresolved_clarification;
mod r013_too_many_clarification_markers;
mod r014_vague_requirement;
mod r015_spec_placeholder;
mod r016_empty_optional_section;
mod r017_unmeasurable_success_criterion;
mod r018_implementation_detail;
mod r019_duplicate_story_number;
mod r020_malformed_scenario;
mod r021_missing_edge_cases;
mod r022_malformed_clarification;

pub(crate) use r001_missing_header_field::MissingHeaderField;
pub(crate) use r002_invalid_spec_date::InvalidSpecDate;
pub(crate) use r003_updated_before_created::UpdatedBeforeCreated;
pub(crate) use r004_unknown_spec_status::UnknownSpecStatus;
pub(crate) use r004_unknown_spec_status::{PAST_DRAFT, leading_status};
pub(crate) use r005_missing_mandatory_section::MissingMandatorySection;
pub(crate) use r006_story_without_acceptance::StoryWithoutAcceptance;
pub(crate) use r007_story_without_priority::StoryWithoutPriority;
pub(crate) use r008_duplicate_requirement_id::DuplicateRequirementId;
pub(crate) use r009_requirement_ids_out_of_sequence::RequirementIdsOutOfSequence;
pub(crate) use r010_requirement_without_normative_verb::RequirementWithoutNormativeVerb;
pub(crate) use r011_nfr_without_measurable_target::NfrWithoutMeasurableTarget;
pub(crate) use r012_unresolved_clarification::UnresolvedClarification;
pub(crate) use r013_too_many_clarification_markers::TooManyClarificationMarkers;
pub(crate) use r014_vague_requirement::VagueRequirement;
pub(crate) use r015_spec_placeholder::SpecPlaceholder;
pub(crate) use r016_empty_optional_section::EmptyOptionalSection;
pub(crate) use r017_unmeasurable_success_criterion::UnmeasurableSuccessCriterion;
pub(crate) use r018_implementation_detail::ImplementationDetail;
pub(crate) use r019_duplicate_story_number::DuplicateStoryNumber;
pub(crate) use r020_malformed_scenario::MalformedScenario;
pub(crate) use r021_missing_edge_cases::MissingEdgeCases;
pub(crate) use r022_malformed_clarification::MalformedClarification;

use speckit_model::spec::{
    ClarificationMarker, Requirement, RequirementKind, SectionKey, SuccessMetric, UserStory,
};
use speckit_model::{Generation, MetaField, Spec};
use speckit_text::ascii_lowercase_in;

use crate::rules::common::{has_cjk, placeholders, vague_words};

/// Sections where requirements and criteria are defined (rather than
/// quoted in a status report or a retrospective).
const DEFINING_SECTIONS: [SectionKey; 7] = [
    SectionKey::Requirements,
    SectionKey::FunctionalRequirements,
    SectionKey::NonFunctionalRequirements,
    SectionKey::TechnicalRequirements,
    SectionKey::SuccessCriteria,
    SectionKey::MeasurableOutcomes,
    SectionKey::SuccessMetrics,
];

/// The requirements a spec defines: those in a requirements or success
/// criteria section. A spec that writes them somewhere else entirely keeps
/// them all, so that nothing goes unchecked.
pub(super) fn definitions<'s, 'a>(spec: &'s Spec<'a>) -> impl Iterator<Item = &'s Requirement<'a>> {
    let any_in_section = spec.requirements.iter().any(in_defining_section);
    spec.requirements
        .iter()
        .filter(move |requirement| !any_in_section || in_defining_section(requirement))
}

fn in_defining_section(requirement: &Requirement<'_>) -> bool {
    requirement
        .section
        .is_some_and(|key| DEFINING_SECTIONS.contains(&key))
}

/// spec-kit specs, current or legacy (they share header and requirement grammar).
pub(super) fn is_speckit(spec: &Spec<'_>) -> bool {
    matches!(
        spec.generation,
        Generation::SpecKit | Generation::SpecKitLegacy
    )
}

/// Words that state an amount without a digit, or a yes/no check: `no data
/// leaves`, `every screen`, `exactly one definition`, `the suite passes`,
/// `verified by a test`. Sorted, lower case: looked up by binary search.
const QUANTITY_WORDS: &[&str] = &[
    "all",
    "always",
    "any",
    "both",
    "each",
    "eight",
    "every",
    "exactly",
    "fail",
    "fails",
    "five",
    "four",
    "half",
    "never",
    "nine",
    "no",
    "none",
    "nothing",
    "once",
    "one",
    "only",
    "pass",
    "passes",
    "passing",
    "percent",
    "seven",
    "single",
    "six",
    "ten",
    "test",
    "tested",
    "tests",
    "three",
    "twice",
    "two",
    "verifiable",
    "verified",
    "without",
    "zero",
];

/// Whether `text` states something countable: a digit, or a quantity word
/// (FORMATS.md §D.3 asks for "a number or unit"; `no data leaves the
/// server` and `every screen passes the audit` are measurable too).
pub(super) fn is_measurable(text: &str) -> bool {
    if text.bytes().any(|byte| byte.is_ascii_digit()) {
        return true;
    }
    words(text).any(is_quantity_word)
}

fn is_quantity_word(word: &str) -> bool {
    // The longest quantity word has ten letters.
    let mut buffer = [0_u8; 10];
    ascii_lowercase_in(word, &mut buffer).is_some_and(|lower| {
        QUANTITY_WORDS
            .binary_search_by(|known| known.as_bytes().cmp(lower))
            .is_ok()
    })
}

/// ASCII words of `text` (letters only), without allocating.
pub(super) fn words(text: &str) -> impl Iterator<Item = &str> {
    word_spans(text).map(|(_, word)| word)
}

/// ASCII words of `text` (letters only) with their byte offsets.
pub(super) fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut index = 0;
    std::iter::from_fn(move || {
        while bytes
            .get(index)
            .is_some_and(|byte| !byte.is_ascii_alphabetic())
        {
            index += 1;
        }
        let start = index;
        while bytes.get(index).is_some_and(u8::is_ascii_alphabetic) {
            index += 1;
        }
        (index > start).then(|| (start, text.get(start..index).unwrap_or("")))
    })
}

/// Why a non-functional requirement is not measurable, if it is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NfrProblem<'a> {
    /// The plugin's `Target:` sub-bullet has no number.
    VagueTarget(MetaField<'a>),
    /// The plugin form without a `Target:` sub-bullet.
    NoTarget,
    /// A one-line NFR with a vague word and no number at all.
    VagueText,
}

/// The measurability problem of an NFR, shared by R011 (which reports it)
/// and R014 (which then stays quiet about the same requirement).
pub(super) fn nfr_problem<'a>(
    spec: &Spec<'_>,
    requirement: &Requirement<'a>,
) -> Option<NfrProblem<'a>> {
    if requirement.kind != RequirementKind::NonFunctional || requirement.struck {
        return None;
    }
    if let Some(target) = requirement.field(&["Target"]) {
        let value = target.value.value;
        // A target still in template form is R015's finding.
        return (!has_cjk(value) && !is_measurable(value) && placeholders(target.value).is_empty())
            .then_some(NfrProblem::VagueTarget(target));
    }
    let plugin_form = spec.generation == Generation::Plugin || !requirement.fields.is_empty();
    if plugin_form {
        let measured = [requirement.text.value]
            .into_iter()
            .chain(requirement.fields.iter().map(|field| field.value.value))
            .any(|text| text.bytes().any(|byte| byte.is_ascii_digit()));
        return (!measured).then_some(NfrProblem::NoTarget);
    }
    let text = requirement.text.value;
    let vague = !has_cjk(text)
        && !text.bytes().any(|byte| byte.is_ascii_digit())
        && vague_words(text).next().is_some();
    vague.then_some(NfrProblem::VagueText)
}

/// Whether a success criterion states nothing countable (R017 reports it,
/// R014 then stays quiet about it).
pub(super) fn criterion_unmeasurable(requirement: &Requirement<'_>) -> bool {
    let text = requirement.text.value;
    requirement.kind == RequirementKind::SuccessCriterion
        && !requirement.struck
        && !text.is_empty()
        && !has_cjk(text)
        && !is_measurable(text)
}

/// Why a plugin success metric is not measurable, if it is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MetricProblem<'a> {
    /// Its `Target:` has no number.
    VagueTarget(MetaField<'a>),
    /// It has sub-bullets but no `Target:`.
    NoTarget,
}

/// The plugin success metric's problem (R017 reports it, R014 then stays
/// quiet about the metric).
pub(super) fn metric_problem<'a>(metric: &SuccessMetric<'a>) -> Option<MetricProblem<'a>> {
    match metric.field(&["Target"]) {
        Some(target) => {
            let value = target.value.value;
            (!has_cjk(value) && !is_measurable(value) && placeholders(target.value).is_empty())
                .then_some(MetricProblem::VagueTarget(target))
        }
        None => (!metric.fields.is_empty()).then_some(MetricProblem::NoTarget),
    }
}

/// A story kept only to say it was withdrawn: `User Story 16 - (removed: …)`.
pub(super) fn is_withdrawn(story: &UserStory<'_>) -> bool {
    let heading = story.heading.value.trim_start();
    let title = story.title.map_or("", |title| title.value.trim_start());
    heading.starts_with("~~") || title.starts_with(['(', '（', '[', '~'])
}

/// Markers that are open questions, not quotations of the marker syntax:
/// markers in the legacy template's guidance and review checklist, in the
/// Clarifications record, in withdrawn (struck) requirements, and bare
/// markers followed by the word "marker" (`No [NEEDS CLARIFICATION] markers remain`).
pub(super) fn open_markers<'s, 'a>(
    spec: &'s Spec<'a>,
    text: &'s str,
) -> impl Iterator<Item = &'s ClarificationMarker<'a>> {
    spec.markers.iter().filter(move |marker| {
        let guidance = marker.section.is_some_and(|key| {
            matches!(
                key,
                SectionKey::ReviewChecklist
                    | SectionKey::ExecutionFlow
                    | SectionKey::ExecutionStatus
                    | SectionKey::QuickGuidelines
                    | SectionKey::Clarifications
                    | SectionKey::ClarificationSession
            )
        });
        let mention = marker.question.is_none()
            && text
                .get(marker.span.end as usize..)
                .is_some_and(|after| after.trim_start().starts_with("marker"));
        let withdrawn = spec
            .requirements
            .iter()
            .any(|requirement| requirement.struck && requirement.span.contains(marker.span.start));
        !guidance && !mention && !withdrawn
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measurable_texts() {
        assert!(is_measurable("Search answers within 300 ms"));
        assert!(is_measurable("No data leaves the household server"));
        assert!(is_measurable("Every screen passes the axe audit"));
        assert!(!is_measurable("Users are happy with search"));
        assert!(!is_measurable("Should be fast"));
        assert!(!is_measurable("The nobody-knows case"));
        assert!(is_measurable("VERIFIABLE by anyone"));
        assert!(!is_measurable("unverifiable claims"));
    }

    #[test]
    fn quantity_words_are_sorted_lower_case_and_short() {
        assert!(QUANTITY_WORDS.windows(2).all(|pair| pair[0] < pair[1]));
        for word in QUANTITY_WORDS {
            assert_eq!(*word, word.to_ascii_lowercase());
            assert!(word.len() <= 10, "{word} is longer than the look-up buffer");
            assert!(is_quantity_word(word));
        }
    }
}
