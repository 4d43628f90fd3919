//! spec-kit plan sections (FORMATS.md §B.5): Summary, Technical Context,
//! Constitution Check, Project Structure, Complexity Tracking, and the legacy
//! era's Progress Tracking. Headings and labels written in Chinese or
//! Japanese by translated templates are recognised too.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeKind, lex};
use speckit_text::{Span, Spanned, ascii_lowercase_in};

use super::content::{Bullet, Field, find_field, meta_field, read_content};
use super::design::first_table;
use super::layout::{Layout, SectionRef, is_blank_block};
use super::scan;
use super::table::{ComplexityRow, FreeTable, TableSection};
use super::tree::{FileTree, parse_tree};
use crate::common::{CheckItem, MetaField, Text};

/// `## Summary`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Summary<'a> {
    pub section: SectionRef<'a>,
    /// From the first to the last block that is not an HTML comment; empty
    /// at the end of the heading when there is none.
    pub text: Text<'a>,
}

/// The nine fields of Technical Context.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TechKey {
    LanguageVersion,
    PrimaryDependencies,
    Storage,
    Testing,
    TargetPlatform,
    ProjectType,
    PerformanceGoals,
    Constraints,
    ScaleScope,
}

impl TechKey {
    /// Template order.
    pub const ALL: [TechKey; 9] = [
        TechKey::LanguageVersion,
        TechKey::PrimaryDependencies,
        TechKey::Storage,
        TechKey::Testing,
        TechKey::TargetPlatform,
        TechKey::ProjectType,
        TechKey::PerformanceGoals,
        TechKey::Constraints,
        TechKey::ScaleScope,
    ];

    /// The English label.
    pub const fn label(self) -> &'static str {
        self.labels()[0]
    }

    /// Labels accepted for the field (English first).
    pub const fn labels(self) -> &'static [&'static str] {
        match self {
            TechKey::LanguageVersion => &[
                "Language/Version",
                "Language",
                "语言/版本",
                "言語/バージョン",
            ],
            TechKey::PrimaryDependencies => &[
                "Primary Dependencies",
                "Dependencies",
                "主要依赖",
                "主要な依存関係",
                "主要依存関係",
            ],
            TechKey::Storage => &["Storage", "存储", "ストレージ"],
            TechKey::Testing => &["Testing", "测试", "テスト"],
            TechKey::TargetPlatform => &[
                "Target Platform",
                "Platform",
                "目标平台",
                "ターゲットプラットフォーム",
            ],
            TechKey::ProjectType => &[
                "Project Type",
                "项目类型",
                "プロジェクトタイプ",
                "プロジェクト種別",
            ],
            TechKey::PerformanceGoals => &["Performance Goals", "性能目标", "パフォーマンス目標"],
            TechKey::Constraints => &["Constraints", "约束", "制約"],
            TechKey::ScaleScope => &["Scale/Scope", "Scale", "规模/范围", "規模/スコープ"],
        }
    }

    /// The key a label names (ASCII case-insensitive, spaces around `/` ignored).
    pub fn from_label(label: &str) -> Option<TechKey> {
        // Known labels have no spaces next to `/`, so a label of another
        // length can only match once such spaces are dropped.
        // A known label without a `/` has one part and cannot match a label
        // with one part by part, so only those with a `/` are split.
        let has_slash = label.contains('/');
        // Without a `/` only equal labels match, and an ASCII label can only
        // equal an English one: one lower-cased copy and a `match`.
        if !has_slash && label.is_ascii() {
            return TechKey::from_english(label);
        }
        TechKey::ALL.into_iter().find(|key| {
            key.labels().iter().any(|known| {
                if label.len() == known.len() {
                    label.eq_ignore_ascii_case(known)
                } else {
                    has_slash && known.contains('/') && same_label_spaced(label, known)
                }
            })
        })
    }
}

impl TechKey {
    /// The English labels of [`TechKey::labels`] that hold no `/`, ASCII
    /// case-insensitive.
    fn from_english(label: &str) -> Option<TechKey> {
        let mut buffer = [0u8; 24];
        let key = match ascii_lowercase_in(label, &mut buffer)? {
            b"language" => TechKey::LanguageVersion,
            b"primary dependencies" | b"dependencies" => TechKey::PrimaryDependencies,
            b"storage" => TechKey::Storage,
            b"testing" => TechKey::Testing,
            b"target platform" | b"platform" => TechKey::TargetPlatform,
            b"project type" => TechKey::ProjectType,
            b"performance goals" => TechKey::PerformanceGoals,
            b"constraints" => TechKey::Constraints,
            b"scale" => TechKey::ScaleScope,
            _ => return None,
        };
        Some(key)
    }
}

/// Compares labels part by part around `/`, ignoring ASCII case and the
/// spaces next to each `/`.
fn same_label_spaced(label: &str, known: &str) -> bool {
    let mut left = label.split('/').map(str::trim);
    let mut right = known.split('/').map(str::trim);
    loop {
        match (left.next(), right.next()) {
            (None, None) => return true,
            (Some(a), Some(b)) if a.eq_ignore_ascii_case(b) => {}
            _ => return false,
        }
    }
}

/// `## Technical Context`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TechnicalContext<'a> {
    pub section: SectionRef<'a>,
    /// Every field, in the order written.
    pub fields: Vec<TechField<'a>>,
}

impl<'a> TechnicalContext<'a> {
    /// The first field for `key`.
    pub fn get(&self, key: TechKey) -> Option<&TechField<'a>> {
        self.fields.iter().find(|field| field.key == Some(key))
    }
}

/// One `**Label**: value` of Technical Context.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TechField<'a> {
    /// `None` for a label that is not one of the nine.
    pub key: Option<TechKey>,
    pub label: Text<'a>,
    /// As written, continuation lines included.
    pub value: Text<'a>,
    pub span: Span,
    /// The value contains `NEEDS CLARIFICATION`.
    pub needs_clarification: bool,
    /// The value is `N/A` (possibly followed by an explanation).
    pub not_applicable: bool,
    /// A list under an empty value (`**Storage**:` then `- …`).
    pub items: Vec<Bullet<'a>>,
}

/// `## Constitution Check`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ConstitutionCheck<'a> {
    pub section: SectionRef<'a>,
    /// The emphasised `*GATE: …*` line, without its emphasis markers.
    pub gate: Option<Text<'a>>,
    /// Checkbox items anywhere in the section, nested ones included.
    pub items: Vec<CheckItem<'a>>,
    /// Fields (`**Simplicity**:`, `**I. Library-First**: ✅ PASS`, …).
    pub fields: Vec<Field<'a>>,
    pub tables: Vec<FreeTable<'a>>,
    /// The template's `[Gates determined based on constitution file]`.
    pub placeholder: Option<Span>,
    /// Nothing but the gate line and what [`SectionRef::blank`] ignores.
    pub blank: bool,
}

/// `## Project Structure`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ProjectStructure<'a> {
    pub section: SectionRef<'a>,
    /// `### Documentation (this feature)`.
    pub documentation: Option<StructureTrees<'a>>,
    /// `### Source Code (repository root)`.
    pub source_code: Option<StructureTrees<'a>>,
    /// Trees directly under the section (older layouts).
    pub trees: Vec<FileTree<'a>>,
    /// `**Structure Decision**: …`
    pub structure_decision: Option<MetaField<'a>>,
    /// Lines that still carry a template `Option N:` label.
    pub option_labels: Vec<Text<'a>>,
    /// Every `[REMOVE IF UNUSED]` marker left.
    pub remove_markers: Vec<Span>,
}

/// A Project Structure subsection and the trees in its code blocks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StructureTrees<'a> {
    pub section: SectionRef<'a>,
    pub trees: Vec<FileTree<'a>>,
}

/// `## Complexity Tracking`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ComplexityTracking<'a> {
    pub section: SectionRef<'a>,
    /// Rows of the `Violation | Why Needed | Simpler Alternative…` table.
    pub table: TableSection<'a, ComplexityRow<'a>>,
}

/// `## Progress Tracking` (spec-kit ≤ v0.0.56).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ProgressTracking<'a> {
    pub section: SectionRef<'a>,
    /// `**Phase Status**:` and its checkboxes.
    pub phase_status: Option<Field<'a>>,
    /// `**Gate Status**:` and its checkboxes.
    pub gate_status: Option<Field<'a>>,
    /// Every checkbox of the section.
    pub items: Vec<CheckItem<'a>>,
}

/// A `## Phase N: Name` heading of a spec-kit plan (`Phase 0: Outline &
/// Research`, `Phase 3+: Future Implementation`, `Phase 1 — Design`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct PhaseSection<'a> {
    pub section: SectionRef<'a>,
    /// `0`, `1`, `3+`, `-1`.
    pub number: Option<Text<'a>>,
    pub name: Text<'a>,
}

pub(crate) fn read_summary<'a>(layout: &Layout<'a>, section: usize) -> Summary<'a> {
    let tree = &layout.doc.tree;
    let mut span: Option<Span> = None;
    for block in layout.own_blocks(section) {
        if tree.kind(block) != NodeKind::HtmlBlock {
            let block_span = tree.span(block);
            span = Some(span.map_or(block_span, |span| span.cover(block_span)));
        }
    }
    let span = span.unwrap_or_else(|| Span::empty(layout.heading_span(section).end));
    Summary {
        section: layout.section_ref(section),
        text: scan::slice(&layout.doc.text, span),
    }
}

pub(crate) fn read_technical_context<'a>(
    layout: &Layout<'a>,
    section: usize,
) -> TechnicalContext<'a> {
    let content = read_content(layout.doc, layout.subtree_blocks(section));
    let fields = content
        .fields
        .into_iter()
        .map(|field| {
            let value = field.value.value;
            let plain = value.trim_start_matches(['*', '_', '`', '[']);
            TechField {
                key: TechKey::from_label(field.label.value),
                label: field.label,
                value: field.value,
                span: field.span,
                needs_clarification: value.contains("NEEDS CLARIFICATION")
                    || field
                        .items
                        .iter()
                        .any(|item| item.text.value.contains("NEEDS CLARIFICATION")),
                not_applicable: plain
                    .get(..3)
                    .is_some_and(|head| head.eq_ignore_ascii_case("n/a"))
                    || value.starts_with("不适用")
                    || value.starts_with("該当なし"),
                items: field.items,
            }
        })
        .collect();
    TechnicalContext {
        section: layout.section_ref(section),
        fields,
    }
}

const GATE_PLACEHOLDER: &str = "[Gates determined based on constitution file]";

pub(crate) fn read_constitution_check<'a>(
    layout: &Layout<'a>,
    section: usize,
) -> ConstitutionCheck<'a> {
    let doc = layout.doc;
    let tree = &doc.tree;
    let mut gate = None;
    let mut gate_block = None;
    if let Some(first) = layout
        .own_blocks(section)
        .find(|&block| tree.kind(block) != NodeKind::HtmlBlock)
        && tree.kind(first) == NodeKind::Paragraph
    {
        gate = gate_line(scan::slice(&doc.text, tree.span(first)));
        gate_block = gate.map(|_| first);
    }
    let content = read_content(doc, layout.subtree_blocks(section));
    let mut items = Vec::new();
    for block in layout.subtree_blocks(section) {
        if matches!(tree.kind(block), NodeKind::List { .. }) {
            items.extend(lex::lines(&doc.text, tree.span(block)).filter_map(|line| {
                lex::checkbox(line).map(|checkbox| CheckItem::from_checkbox(&checkbox, line.span))
            }));
        }
    }
    let body = layout.span(section);
    let placeholder = doc
        .text
        .get(body.range())
        .and_then(|text| find_all(text, GATE_PLACEHOLDER).next())
        .map(|at| {
            let start = body.start as usize + at;
            Span::from_range(start..start + GATE_PLACEHOLDER.len())
        });
    let blank = layout
        .subtree_blocks(section)
        .all(|block| Some(block) == gate_block || is_blank_block(doc, block));
    ConstitutionCheck {
        section: layout.section_ref(section),
        gate,
        items,
        tables: content
            .tables
            .iter()
            .map(|&table| FreeTable::read(doc, table))
            .collect(),
        fields: content.fields,
        placeholder,
        blank,
    }
}

/// The inner text of a paragraph written entirely in emphasis that names a
/// gate (`*GATE: Must pass before Phase 0 research.*`).
fn gate_line(paragraph: Text<'_>) -> Option<Text<'_>> {
    let value = scan::trim_str(paragraph.value);
    let inner = ["**", "*", "_"]
        .iter()
        .find_map(|marker| {
            value
                .strip_prefix(marker)
                .and_then(|rest| rest.strip_suffix(marker))
        })?
        .trim();
    let upper = inner
        .get(..4)
        .is_some_and(|head| head.eq_ignore_ascii_case("gate"));
    let translated = ["门禁", "ゲート", "關卡", "闸门"]
        .iter()
        .any(|word| inner.starts_with(word));
    (upper || translated).then(|| scan::sub(paragraph, inner))
}

const DOCUMENTATION_NAMES: &[&str] = &[
    "Documentation (this feature)",
    "Documentation",
    "文档 (此功能)",
    "文档",
    "ドキュメント（この機能）",
    "ドキュメント (この機能)",
    "ドキュメント",
];
const SOURCE_NAMES: &[&str] = &[
    "Source Code (repository root)",
    "Source Code",
    "源代码 (仓库根目录)",
    "源代码",
    "ソースコード (リポジトリルート)",
    "ソースコード（リポジトリルート）",
    "ソースコード",
];

pub(crate) fn read_project_structure<'a>(
    layout: &Layout<'a>,
    section: usize,
) -> ProjectStructure<'a> {
    let doc = layout.doc;
    let content = read_content(doc, layout.subtree_blocks(section));
    let mut trees: Vec<FileTree<'a>> = content
        .all_codes()
        .into_iter()
        .map(|code| parse_tree(doc, code))
        .collect();
    // Hand each subsection the trees inside it; the rest are the section's own.
    let mut take_trees = |child: usize| {
        let span = layout.span(child);
        let (inside, outside) = trees
            .drain(..)
            .partition(|tree| span.contains_span(tree.code.span));
        trees = outside;
        StructureTrees {
            section: layout.section_ref(child),
            trees: inside,
        }
    };
    let documentation = layout
        .child_named(section, DOCUMENTATION_NAMES)
        .map(&mut take_trees);
    let source_code = layout
        .child_named(section, SOURCE_NAMES)
        .map(&mut take_trees);
    let span = layout.span(section);
    let text = doc.text.get(span.range()).unwrap_or("");
    ProjectStructure {
        section: layout.section_ref(section),
        documentation,
        source_code,
        trees,
        structure_decision: meta_field(
            &content.fields,
            &["Structure Decision", "结构决策", "構造の決定"],
        ),
        option_labels: option_label_lines(Spanned::new(text, span)),
        remove_markers: find_all(text, REMOVE_MARKER)
            .map(|at| span.subspan(at..at + REMOVE_MARKER.len()))
            .collect(),
    }
}

const REMOVE_MARKER: &str = "[REMOVE IF UNUSED]";

/// Start offsets of every occurrence of `needle` in `text`. Jumps between
/// occurrences of the needle's first byte (a vector search that needs no
/// set-up, unlike a substring searcher), which suits the long sections this
/// scans for rare needles.
fn find_all<'t>(text: &'t str, needle: &'t str) -> impl Iterator<Item = usize> + 't {
    let bytes = text.as_bytes();
    let (first, rest) = needle.as_bytes().split_first().unwrap_or((&0, &[]));
    memchr::memchr_iter(*first, bytes)
        .filter(move |&at| bytes.get(at + 1..at + 1 + rest.len()) == Some(rest))
}

/// Lines of `section` with a template `Option <digit>:` label, trimmed, each
/// once.
fn option_label_lines(section: Text<'_>) -> Vec<Text<'_>> {
    let text = section.value;
    let mut lines: Vec<Text<'_>> = Vec::new();
    for at in find_all(text, "Option ") {
        let after = text.get(at + 7..).unwrap_or("");
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0
            || !after
                .get(digits..)
                .is_some_and(|tail| tail.starts_with(':'))
        {
            continue;
        }
        let line_start = text
            .get(..at)
            .and_then(|head| head.rfind('\n'))
            .map_or(0, |newline| newline + 1);
        let line_end = text
            .get(at..)
            .and_then(|tail| tail.find('\n'))
            .map_or(text.len(), |newline| at + newline);
        let line = text.get(line_start..line_end).unwrap_or("");
        let line = scan::trim(scan::sub(section, line));
        if lines.last().is_none_or(|last| last.span != line.span) {
            lines.push(line);
        }
    }
    lines
}

pub(crate) fn read_complexity_tracking<'a>(
    layout: &Layout<'a>,
    section: usize,
) -> ComplexityTracking<'a> {
    let section_ref = layout.section_ref(section);
    ComplexityTracking {
        section: section_ref,
        table: first_table(layout, section_ref, layout.subtree_blocks(section)),
    }
}

pub(crate) fn read_progress_tracking<'a>(
    layout: &Layout<'a>,
    section: usize,
) -> ProgressTracking<'a> {
    let content = read_content(layout.doc, layout.subtree_blocks(section));
    ProgressTracking {
        section: layout.section_ref(section),
        phase_status: find_field(
            &content.fields,
            &["Phase Status", "阶段状态", "フェーズステータス"],
        )
        .cloned(),
        gate_status: find_field(
            &content.fields,
            &["Gate Status", "门禁状态", "ゲートステータス"],
        )
        .cloned(),
        items: content.check_items(),
    }
}

/// Whether a normalised heading title names the Execution Flow section.
pub(crate) fn is_execution_flow(title: &str) -> bool {
    title
        .get(..14)
        .is_some_and(|head| head.eq_ignore_ascii_case("execution flow"))
        || title.starts_with("执行流程")
}
