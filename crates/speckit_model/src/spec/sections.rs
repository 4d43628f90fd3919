//! Recognising the sections of a spec by their headings, in English and in
//! the Japanese and Chinese translations of the templates seen in real
//! repositories.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{SectionId, lex};
use speckit_text::{Span, Spanned};

use crate::common::Text;
use crate::document::Document;

/// A stable name for a section the spec model understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKey {
    Clarifications,
    /// A subsection of Clarifications (`### Session YYYY-MM-DD`).
    ClarificationSession,
    /// spec-kit `## User Scenarios & Testing`.
    UserScenarios,
    /// Plugin `## User Stories`.
    UserStories,
    PrimaryUsers,
    SecondaryUsers,
    /// One user story (`### User Story 1 - …`, `#### Story 1`).
    UserStory,
    /// Legacy `### Primary User Story`.
    PrimaryUserStory,
    /// Legacy `### Acceptance Scenarios`.
    AcceptanceScenarios,
    EdgeCases,
    Requirements,
    FunctionalRequirements,
    NonFunctionalRequirements,
    TechnicalRequirements,
    KeyEntities,
    SuccessCriteria,
    MeasurableOutcomes,
    Assumptions,
    Overview,
    ProblemStatement,
    ProposedSolution,
    Goals,
    NonGoals,
    UserInterface,
    DataRequirements,
    DataModels,
    /// One plugin `#### Model N: Name`.
    DataModel,
    IntegrationPoints,
    SecurityConsiderations,
    SuccessMetrics,
    Risks,
    OpenQuestions,
    OutOfScope,
    InScope,
    Dependencies,
    References,
    /// Legacy `## Execution Flow (main)`.
    ExecutionFlow,
    /// Legacy `## ⚡ Quick Guidelines`.
    QuickGuidelines,
    /// Legacy `## Review & Acceptance Checklist`.
    ReviewChecklist,
    /// Legacy `## Execution Status`.
    ExecutionStatus,
}

/// A recognised section of the spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SpecSection<'a> {
    pub key: SectionKey,
    /// The heading text as written (annotations included).
    pub title: Text<'a>,
    pub level: u8,
    pub heading_span: Span,
    /// From the heading to the next heading of the same or a higher level.
    pub span: Span,
    /// Nothing but comments, whitespace and empty bullets below the heading.
    pub blank: bool,
}

/// Heading names per key. Compared after stripping annotations, leading
/// numbering and leading emoji, ASCII case-insensitively.
const NAMES: &[(SectionKey, &[&str])] = &[
    (
        SectionKey::Clarifications,
        &["Clarifications", "明確化", "澄清", "釐清", "澄清事項"],
    ),
    (
        SectionKey::UserScenarios,
        &[
            "User Scenarios & Testing",
            "User Scenarios and Testing",
            "User Scenarios",
            "Scenarios",
            "ユーザーシナリオとテスト",
            "ユーザーシナリオ",
            "用户场景与测试",
            "使用者情境與測試",
            "使用者場景與測試",
        ],
    ),
    (
        SectionKey::UserStories,
        &[
            "User Stories",
            "ユーザーストーリー",
            "用户故事",
            "使用者故事",
        ],
    ),
    (SectionKey::PrimaryUsers, &["Primary Users"]),
    (SectionKey::SecondaryUsers, &["Secondary Users"]),
    (
        SectionKey::PrimaryUserStory,
        &["Primary User Story", "主要ユーザーストーリー"],
    ),
    (
        SectionKey::AcceptanceScenarios,
        &[
            "Acceptance Scenarios",
            "受け入れシナリオ",
            "验收场景",
            "驗收情境",
        ],
    ),
    (
        SectionKey::EdgeCases,
        &[
            "Edge Cases",
            "エッジケース",
            "边界情况",
            "邊界情況",
            "邊界案例",
        ],
    ),
    (SectionKey::Requirements, &["Requirements", "要件", "需求"]),
    (
        SectionKey::FunctionalRequirements,
        &[
            "Functional Requirements",
            "機能要件",
            "功能需求",
            "功能要求",
        ],
    ),
    (
        SectionKey::NonFunctionalRequirements,
        &[
            "Non-Functional Requirements",
            "Nonfunctional Requirements",
            "Non Functional Requirements",
            "非機能要件",
            "非功能需求",
        ],
    ),
    (
        SectionKey::TechnicalRequirements,
        &["Technical Requirements", "技術要件", "技术需求"],
    ),
    (
        SectionKey::KeyEntities,
        &["Key Entities", "主要エンティティ", "关键实体", "關鍵實體"],
    ),
    (
        SectionKey::SuccessCriteria,
        &[
            "Success Criteria",
            "成功基準",
            "成功指標",
            "成功标准",
            "成功標準",
        ],
    ),
    (
        SectionKey::MeasurableOutcomes,
        &[
            "Measurable Outcomes",
            "測定可能な成果",
            "可衡量成果",
            "可衡量的成果",
            "可量測成果",
        ],
    ),
    (
        SectionKey::Assumptions,
        &["Assumptions", "前提条件", "前提", "假设", "假設"],
    ),
    (SectionKey::Overview, &["Overview", "概要", "概述"]),
    (SectionKey::ProblemStatement, &["Problem Statement"]),
    (SectionKey::ProposedSolution, &["Proposed Solution"]),
    (SectionKey::Goals, &["Goals", "目標", "目标"]),
    (
        SectionKey::NonGoals,
        &["Non-Goals", "Non Goals", "Nongoals"],
    ),
    (SectionKey::UserInterface, &["User Interface"]),
    (SectionKey::DataRequirements, &["Data Requirements"]),
    (SectionKey::DataModels, &["Data Models"]),
    (SectionKey::IntegrationPoints, &["Integration Points"]),
    (
        SectionKey::SecurityConsiderations,
        &["Security Considerations"],
    ),
    (SectionKey::SuccessMetrics, &["Success Metrics"]),
    (
        SectionKey::Risks,
        &[
            "Risks and Mitigation",
            "Risks and Mitigations",
            "Risks & Mitigation",
            "Risks & Mitigations",
            "Risks",
        ],
    ),
    (
        SectionKey::OpenQuestions,
        &[
            "Open Questions",
            "未解決の質問",
            "未解決事項",
            "待解决问题",
            "待釐清問題",
        ],
    ),
    (
        SectionKey::OutOfScope,
        &[
            "Out of Scope",
            "スコープ外",
            "范围外",
            "範圍外",
            "不在范围内",
        ],
    ),
    (
        SectionKey::InScope,
        &["In Scope", "スコープ内", "范围内", "範圍內"],
    ),
    (
        SectionKey::Dependencies,
        &["Dependencies", "依存関係", "依赖", "依賴"],
    ),
    (
        SectionKey::References,
        &["References", "参考資料", "参考", "参考资料", "參考資料"],
    ),
    (
        SectionKey::ExecutionFlow,
        &["Execution Flow (main)", "Execution Flow"],
    ),
    (SectionKey::QuickGuidelines, &["Quick Guidelines"]),
    (
        SectionKey::ReviewChecklist,
        &[
            "Review & Acceptance Checklist",
            "Review and Acceptance Checklist",
        ],
    ),
    (SectionKey::ExecutionStatus, &["Execution Status"]),
];

/// Bytes of the longest name in [`NAMES`] (checked by a test).
const LONGEST_NAME: usize = 40;

/// How many names [`NAMES`] holds in all.
const N_NAMES: usize = count_names();

/// [`NAMES`] flattened and ordered by byte length (stable, so names of one
/// length keep their order), with where each length starts: a title is only
/// compared with the names as long as itself. Built at compile time.
const BY_LENGTH: ([(SectionKey, &str); N_NAMES], [usize; LONGEST_NAME + 2]) = names_by_length();

const fn count_names() -> usize {
    let mut count = 0;
    let mut key_index = 0;
    while key_index < NAMES.len() {
        count += NAMES[key_index].1.len();
        key_index += 1;
    }
    count
}

const fn names_by_length() -> (
    [(SectionKey, &'static str); N_NAMES],
    [usize; LONGEST_NAME + 2],
) {
    let mut sorted = [(SectionKey::Clarifications, ""); N_NAMES];
    let mut starts = [0; LONGEST_NAME + 2];
    let mut filled = 0;
    let mut length = 0;
    while length <= LONGEST_NAME {
        starts[length] = filled;
        let mut key_index = 0;
        while key_index < NAMES.len() {
            let (key, names) = NAMES[key_index];
            let mut name_index = 0;
            while name_index < names.len() {
                if names[name_index].len() == length {
                    sorted[filled] = (key, names[name_index]);
                    filled += 1;
                }
                name_index += 1;
            }
            key_index += 1;
        }
        length += 1;
    }
    starts[LONGEST_NAME + 1] = filled;
    // Every name must have found its place (none longer than LONGEST_NAME).
    assert!(filled == N_NAMES);
    (sorted, starts)
}

/// A heading title reduced to what the names above are compared with.
pub(crate) fn normalize_title(title: &str) -> &str {
    let stripped = strip_decorations(title);
    let stripped = stripped.trim_start_matches(|c: char| !(c.is_alphanumeric() || c == '['));
    lex::strip_leading_number(stripped)
}

/// [`lex::strip_heading_decorations`], skipped when the title ends in a
/// letter or digit other than `MVP`: there is nothing to strip then but
/// surrounding whitespace.
pub(crate) fn strip_decorations(title: &str) -> &str {
    let trimmed = title.trim();
    match trimmed.as_bytes().last() {
        Some(last) if last.is_ascii_alphanumeric() && !trimmed.ends_with("MVP") => trimmed,
        _ => lex::strip_heading_decorations(trimmed),
    }
}

/// The key a heading names, if any (story and model headings excluded).
pub(crate) fn key_for_title(title: &str) -> Option<SectionKey> {
    // Long headings (scenario titles, prose) cannot be one of the names,
    // even with an annotation such as `*(include if …)*` around them.
    if title.len() > LONGEST_NAME + 64 {
        return None;
    }
    let title = normalize_title(title);
    let (sorted, starts) = &BY_LENGTH;
    let candidates = sorted.get(*starts.get(title.len())?..*starts.get(title.len() + 1)?)?;
    let first = title.as_bytes().first()?.to_ascii_lowercase();
    candidates
        .iter()
        .find(|(_, name)| {
            name.as_bytes().first().map(u8::to_ascii_lowercase) == Some(first)
                && title.eq_ignore_ascii_case(name)
        })
        .map(|&(key, _)| key)
}

/// Sections whose subsections only group their content (edge-case topics,
/// requirement areas, checklist groups): the model reads the content, so the
/// subsections count as understood in the outline.
pub(crate) const CONTAINERS: [SectionKey; 21] = [
    SectionKey::ClarificationSession,
    SectionKey::UserStory,
    SectionKey::PrimaryUserStory,
    SectionKey::AcceptanceScenarios,
    SectionKey::EdgeCases,
    SectionKey::FunctionalRequirements,
    SectionKey::NonFunctionalRequirements,
    SectionKey::TechnicalRequirements,
    SectionKey::KeyEntities,
    SectionKey::MeasurableOutcomes,
    SectionKey::Assumptions,
    SectionKey::DataModel,
    SectionKey::SuccessMetrics,
    SectionKey::Risks,
    SectionKey::OpenQuestions,
    SectionKey::OutOfScope,
    SectionKey::References,
    SectionKey::ExecutionFlow,
    SectionKey::QuickGuidelines,
    SectionKey::ReviewChecklist,
    SectionKey::ExecutionStatus,
];

/// A recognised section: its id, key and span (kept here so that look-ups
/// by offset need not go back to the tree).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Known {
    pub(crate) id: SectionId,
    pub(crate) key: SectionKey,
    pub(crate) span: Span,
}

/// Every recognised section below the H1, in document order. Each title is
/// classified once, and rejected on its first bytes where it can be.
pub(crate) fn find_sections(doc: &Document) -> Vec<Known> {
    let sections = doc.tree.sections();
    // Most headings of a spec are recognised: one allocation for all.
    let mut found: Vec<Known> = Vec::with_capacity(sections.len().saturating_sub(1));
    for (index, section) in sections.iter().enumerate().skip(1) {
        if section.level < 2 {
            continue;
        }
        let id = SectionId(u32::try_from(index).unwrap_or(0));
        let title = Spanned::slice(&doc.text, section.title);
        let parent_key = doc
            .tree
            .parent_section(id)
            .and_then(|parent| found.iter().rev().find(|known| known.id == parent))
            .map(|known| known.key);
        let key = if parent_key == Some(SectionKey::Clarifications) {
            Some(SectionKey::ClarificationSession)
        } else if super::stories::is_story_heading(title.value) {
            Some(SectionKey::UserStory)
        } else if super::requirements::split_model_heading(title).is_some() {
            Some(SectionKey::DataModel)
        } else {
            key_for_title(title.value)
        };
        if let Some(key) = key {
            found.push(Known {
                id,
                key,
                span: section.span,
            });
        }
    }
    found
}

pub(crate) fn spec_section(doc: &Document, known: Known) -> SpecSection<'_> {
    let section = doc.tree.section(known.id);
    SpecSection {
        key: known.key,
        title: Spanned::slice(&doc.text, section.title),
        level: section.level,
        heading_span: doc.section_heading_span(known.id),
        span: section.span,
        blank: doc.is_section_blank(known.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_name_bound_holds() {
        let longest = NAMES
            .iter()
            .flat_map(|(_, names)| names.iter())
            .map(|name| name.len())
            .max();
        assert!(longest.is_some_and(|longest| longest <= LONGEST_NAME));
    }

    #[test]
    fn every_name_is_found_through_the_length_index() {
        for (key, names) in NAMES {
            for name in *names {
                assert_eq!(key_for_title(name), Some(*key), "{name}");
                assert_eq!(
                    key_for_title(&name.to_ascii_uppercase()),
                    Some(*key),
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn titles_map_to_keys() {
        let cases = [
            (
                "User Scenarios & Testing *(mandatory)*",
                Some(SectionKey::UserScenarios),
            ),
            ("Requirements _(mandatory)_", Some(SectionKey::Requirements)),
            (
                "Key Entities *(include if feature involves data)*",
                Some(SectionKey::KeyEntities),
            ),
            ("⚡ Quick Guidelines", Some(SectionKey::QuickGuidelines)),
            ("Execution Flow (main)", Some(SectionKey::ExecutionFlow)),
            ("主要エンティティ", Some(SectionKey::KeyEntities)),
            ("9. Risks and Mitigation", Some(SectionKey::Risks)),
            ("ADDED Requirements", None),
            ("Verbatim Constraints", None),
        ];
        for (title, expected) in cases {
            assert_eq!(key_for_title(title), expected, "{title}");
        }
    }
}
