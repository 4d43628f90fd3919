//! The spec model: spec-kit `spec.md` (current and legacy templates) and
//! the plugin's `spec.md` (FORMATS.md §B.4, §B.9, §B.10, §C.2).
//!
//! The generation is judged per document from its title, header fields and
//! headings, never from its folder. Sections are found by heading name
//! wherever they sit, so a spec that moved `## Edge Cases` up a level or
//! translated its headings is still read. Nothing is dropped: empty bullets
//! and blank table rows stay as empty values, and headings the model does
//! not know are kept in `outline`.
//!
//! This module reads; it never judges. Whether a section is missing or a
//! marker is left over is for the rules to say.

mod extras;
mod requirements;
mod scenarios;
mod sections;
mod stories;

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::SectionId;
use speckit_text::{Span, Spanned};

use crate::common::{CheckItem, MetaField, Outline, Text};
use crate::document::Document;
use crate::kind::Generation;

pub use extras::{
    Clarification, ClarificationMarker, ClarificationSession, OpenQuestion, Overview,
    QuestionPriority, Risk,
};
pub use requirements::{DataModel, Entity, Requirement, RequirementKind, SuccessMetric};
pub use scenarios::AcceptanceScenario;
use sections::Known;
pub use sections::{SectionKey, SpecSection};
pub use stories::UserStory;

/// A feature specification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Spec<'a> {
    pub generation: Generation,
    /// The H1 text.
    pub title: Option<Text<'a>>,
    /// The part of the title after `Feature Specification:` (or any
    /// `…:` prefix, such as `機能仕様:`).
    pub feature_name: Option<Text<'a>>,
    /// Header fields under the H1 (pipe-packed lines split).
    pub metadata: Vec<MetaField<'a>>,
    pub front_matter: Option<Span>,
    /// Recognised sections, in document order.
    pub sections: Vec<SpecSection<'a>>,
    pub stories: Vec<UserStory<'a>>,
    /// Legacy `### Primary User Story` text.
    pub primary_story: Option<Text<'a>>,
    /// Scenarios outside numbered stories (legacy `### Acceptance Scenarios`).
    pub scenarios: Vec<AcceptanceScenario<'a>>,
    pub edge_cases: Vec<Text<'a>>,
    /// Requirements and success criteria wherever they are written.
    pub requirements: Vec<Requirement<'a>>,
    pub entities: Vec<Entity<'a>>,
    pub data_models: Vec<DataModel<'a>>,
    pub clarifications: Vec<ClarificationSession<'a>>,
    pub markers: Vec<ClarificationMarker<'a>>,
    pub assumptions: Vec<Text<'a>>,
    pub overview: Option<Overview<'a>>,
    pub success_metrics: Vec<SuccessMetric<'a>>,
    pub risks: Vec<Risk<'a>>,
    pub open_questions: Vec<OpenQuestion<'a>>,
    pub out_of_scope: Vec<Text<'a>>,
    pub references: Vec<Text<'a>>,
    /// Legacy `## Review & Acceptance Checklist` boxes.
    pub review_checklist: Vec<CheckItem<'a>>,
    /// Legacy `## Execution Status` boxes.
    pub execution_status: Vec<CheckItem<'a>>,
    pub outline: Outline<'a>,
}

const BRANCH_LABELS: &[&str] = &[
    "Feature Branch",
    "Branch",
    "機能ブランチ",
    "ブランチ",
    "功能分支",
    "分支",
];
const CREATED_LABELS: &[&str] = &["Created", "作成日", "创建日期", "建立日期", "創建日期"];
const STATUS_LABELS: &[&str] = &["Status", "ステータス", "状态", "狀態"];
const INPUT_LABELS: &[&str] = &["Input", "入力", "输入", "輸入"];
const AUTHOR_LABELS: &[&str] = &["Author", "作成者", "作者"];
const UPDATED_LABELS: &[&str] = &[
    "Last Updated",
    "最終更新",
    "最終更新日",
    "最后更新",
    "最後更新",
];

impl<'a> Spec<'a> {
    pub fn parse(doc: &'a Document) -> Self {
        let known = sections::find_sections(doc);
        let known = known.as_slice();
        let of = |key: SectionKey| {
            known
                .iter()
                .filter(move |found| found.key == key)
                .map(|found| found.id)
        };
        let lists = |key: SectionKey| {
            let mut bullets = Vec::new();
            for id in outermost(known, &[key]) {
                if bullets.is_empty() {
                    bullets = doc.bullets_in(id);
                } else {
                    bullets.extend(doc.bullets_in(id));
                }
            }
            bullets
        };
        let boxes = |key: SectionKey| {
            outermost(known, &[key])
                .flat_map(|id| doc.items_in(id))
                .filter_map(|item| doc.item_checkbox(item))
                .collect::<Vec<_>>()
        };

        let stories: Vec<UserStory<'a>> = of(SectionKey::UserStory)
            .map(|id| stories::read_story(doc, id))
            .collect();
        let in_story = |offset: u32| stories.iter().any(|story| story.span.contains(offset));
        let mut scenarios = Vec::new();
        for id in outermost(
            known,
            &[
                SectionKey::AcceptanceScenarios,
                SectionKey::PrimaryUserStory,
            ],
        ) {
            for scenario in scenarios::read_scenarios(doc, id) {
                if !in_story(scenario.span.start) {
                    scenarios.push(scenario);
                }
            }
        }
        let primary_story = of(SectionKey::PrimaryUserStory)
            .next()
            .map(|id| doc.section_body(id).trim());

        let title = doc.title();
        let metadata = doc.header_fields();
        Spec {
            generation: detect_with(doc, known, &metadata),
            title,
            feature_name: title.and_then(feature_name),
            metadata,
            front_matter: doc
                .tree
                .front_matter()
                .map(|front_matter| front_matter.span),
            sections: known
                .iter()
                .map(|&found| sections::spec_section(doc, found))
                .collect(),
            primary_story,
            scenarios,
            edge_cases: lists(SectionKey::EdgeCases),
            requirements: requirements::read_requirements(doc, known),
            entities: collect_from(known, SectionKey::KeyEntities, |id, out| {
                requirements::read_entities(doc, id, out);
            }),
            data_models: of(SectionKey::DataModel)
                .map(|id| requirements::read_data_model(doc, id))
                .collect(),
            clarifications: collect_from(known, SectionKey::Clarifications, |id, out| {
                extras::read_clarifications(doc, id, out);
            }),
            markers: extras::find_markers(doc, known),
            assumptions: lists(SectionKey::Assumptions),
            overview: extras::read_overview(doc, known),
            success_metrics: collect_from(known, SectionKey::SuccessMetrics, |id, out| {
                requirements::read_metrics(doc, id, out);
            }),
            risks: collect_from(known, SectionKey::Risks, |id, out| {
                extras::read_risks(doc, id, out);
            }),
            open_questions: collect_from(known, SectionKey::OpenQuestions, |id, out| {
                extras::read_open_questions(doc, id, out);
            }),
            out_of_scope: lists(SectionKey::OutOfScope),
            references: lists(SectionKey::References),
            review_checklist: boxes(SectionKey::ReviewChecklist),
            execution_status: boxes(SectionKey::ExecutionStatus),
            outline: doc.outline(&understood(doc, known)),
            stories,
        }
    }

    /// The first header field named like one of `labels`.
    pub fn field(&self, labels: &[&str]) -> Option<MetaField<'a>> {
        Document::field_named(&self.metadata, labels)
    }

    /// spec-kit `**Feature Branch**`.
    pub fn branch(&self) -> Option<MetaField<'a>> {
        self.field(BRANCH_LABELS)
    }

    pub fn created(&self) -> Option<MetaField<'a>> {
        self.field(CREATED_LABELS)
    }

    pub fn status(&self) -> Option<MetaField<'a>> {
        self.field(STATUS_LABELS)
    }

    /// spec-kit `**Input**` (the user's description).
    pub fn input(&self) -> Option<MetaField<'a>> {
        self.field(INPUT_LABELS)
    }

    /// Plugin `**Author**`.
    pub fn author(&self) -> Option<MetaField<'a>> {
        self.field(AUTHOR_LABELS)
    }

    /// Plugin `**Last Updated**`.
    pub fn last_updated(&self) -> Option<MetaField<'a>> {
        self.field(UPDATED_LABELS)
    }

    /// The first recognised section with `key`.
    pub fn section(&self, key: SectionKey) -> Option<&SpecSection<'a>> {
        self.sections.iter().find(|section| section.key == key)
    }

    /// The requirement with `id` (as written: `FR-001`, `FR-1`).
    pub fn requirement(&self, id: &str) -> Option<&Requirement<'a>> {
        self.requirements
            .iter()
            .find(|requirement| requirement.id.value == id)
    }

    /// Requirements of one kind.
    pub fn requirements_of(&self, kind: RequirementKind) -> impl Iterator<Item = &Requirement<'a>> {
        self.requirements
            .iter()
            .filter(move |requirement| requirement.kind == kind)
    }
}

/// Sections the model reads: the recognised ones and everything inside a
/// container such as the legacy review checklist.
fn understood(doc: &Document, known: &[Known]) -> Vec<SectionId> {
    let mut ids: Vec<SectionId> = known.iter().map(|found| found.id).collect();
    for found in known {
        if sections::CONTAINERS.contains(&found.key) {
            ids.extend(doc.tree.descendant_sections(found.id));
        }
    }
    ids
}

/// Sections with one of `keys` (all of the first key, then all of the
/// next, …) that are not inside another section with one of `keys`, so that
/// a section nested in one of the same kind is not read twice.
fn outermost<'k>(
    known: &'k [Known],
    keys: &'k [SectionKey],
) -> impl Iterator<Item = SectionId> + 'k {
    keys.iter().flat_map(move |&key| {
        known
            .iter()
            .filter(move |found| found.key == key)
            .filter(move |found| {
                !known.iter().any(|outer| {
                    keys.contains(&outer.key)
                        && outer.span.contains_span(found.span)
                        && outer.span != found.span
                })
            })
            .map(|found| found.id)
    })
}

/// Runs `read` over the outermost sections with `key`, collecting into one
/// vector (no vector at all when there is no such section).
fn collect_from<T>(
    known: &[Known],
    key: SectionKey,
    mut read: impl FnMut(SectionId, &mut Vec<T>),
) -> Vec<T> {
    let mut out = Vec::new();
    for id in outermost(known, &[key]) {
        read(id, &mut out);
    }
    out
}

/// `Feature Specification: Login` → `Login`; titles without a colon have none.
fn feature_name(title: Text<'_>) -> Option<Text<'_>> {
    let at = title.value.find([':', '：'])?;
    let colon_len = if title.value.get(at..)?.starts_with('：') {
        '：'.len_utf8()
    } else {
        1
    };
    let name = title.value.get(at + colon_len..)?.trim();
    (!name.is_empty()).then(|| Spanned::new(name, title.span.of_subslice(title.value, name)))
}

pub(crate) fn detect_generation(doc: &Document) -> Generation {
    detect_with(doc, &sections::find_sections(doc), &doc.header_fields())
}

fn detect_with(doc: &Document, known: &[Known], fields: &[MetaField<'_>]) -> Generation {
    let has = |key: SectionKey| known.iter().any(|found| found.key == key);
    let title = doc.title().map_or("", |title| title.value.trim());
    let field = |labels: &[&str]| Document::field_named(fields, labels).is_some();
    let plugin_title = title
        .get(.."Specification:".len())
        .is_some_and(|head| head.eq_ignore_ascii_case("Specification:"));
    let plugin_story = known.iter().any(|found| {
        found.key == SectionKey::UserStory
            && doc
                .section_title(found.id)
                .value
                .trim_start()
                .starts_with("Story")
    });
    if plugin_title || field(AUTHOR_LABELS) || has(SectionKey::PrimaryUsers) || plugin_story {
        return Generation::Plugin;
    }
    let numbered_stories = has(SectionKey::UserStory);
    if has(SectionKey::ExecutionFlow)
        || has(SectionKey::ExecutionStatus)
        || (!numbered_stories
            && (has(SectionKey::PrimaryUserStory) || has(SectionKey::ReviewChecklist)))
    {
        return Generation::SpecKitLegacy;
    }
    let speckit_title = title
        .get(.."Feature Specification".len())
        .is_some_and(|head| head.eq_ignore_ascii_case("Feature Specification"));
    // A bare `## Scenarios` is common outside spec-kit (a short `# Spec: …`
    // with Summary / Requirements / Scenarios); `User Scenarios` is spec-kit's.
    let user_scenarios = known.iter().any(|found| {
        found.key == SectionKey::UserScenarios
            && !speckit_md::lex::heading_is(doc.section_title(found.id).value, "Scenarios")
    });
    if speckit_title || field(BRANCH_LABELS) || numbered_stories || user_scenarios {
        return Generation::SpecKit;
    }
    Generation::Unknown
}

#[cfg(test)]
mod tests;
