//! The checklist model (FORMATS.md §B.7, §C.4): spec-kit's generated
//! domain checklists (`# UX Checklist: feature` with `- [ ] CHK001 … [Tags]`),
//! its built-in `requirements.md` ("Specification Quality Checklist", no IDs),
//! and the plugin's quality checklist (`# Quality Checklist:` with H2/H3
//! groups and a `## Sign-off` block of `**Role**: ____ Date: ____` lines).
//!
//! Items are every checkbox outside code, at any depth, in order; each knows
//! the headings it sits under. Unticked, empty and oddly marked boxes are
//! all kept.

mod items;

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeKind, SectionId, lex};
use speckit_text::{Span, Spanned};

use crate::common::{MetaField, Outline, Text, sub_text};
use crate::document::Document;
use crate::kind::Generation;

/// Which kind of checklist a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ChecklistKind {
    /// spec-kit's generated checklist with `CHK###` items.
    Custom,
    /// spec-kit's `requirements.md` (Specification Quality Checklist).
    Requirements,
    /// The plugin's quality checklist with a sign-off block.
    Quality,
    Other,
}

/// A checklist document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Checklist<'a> {
    pub generation: Generation,
    pub kind: ChecklistKind,
    pub title: Option<Text<'a>>,
    /// `UX` of `UX Checklist: feature`, `Specification Quality`, `Quality`.
    pub checklist_type: Option<Text<'a>>,
    /// The part of the title after the colon.
    pub feature_name: Option<Text<'a>>,
    /// Header fields (`Purpose`, `Created`, `Feature`, `Date`, `Reviewed By`, …).
    pub metadata: Vec<MetaField<'a>>,
    pub front_matter: Option<Span>,
    pub items: Vec<ChecklistItem<'a>>,
    pub sign_off: Vec<SignOff<'a>>,
    /// Bullets of the `## Notes` section.
    pub notes: Vec<Text<'a>>,
    /// The `## Notes` section, if present.
    pub notes_span: Option<Span>,
    pub outline: Outline<'a>,
}

/// One checkbox item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ChecklistItem<'a> {
    /// `CHK001`, if the item has one.
    pub id: Option<Text<'a>>,
    pub checked: bool,
    /// The character in the box: `' '`, `x`, `X`, `~`, …
    pub mark: char,
    /// Bytes of the mark character (what a toggle rewrites).
    pub mark_span: Span,
    /// The item's wording, without ID, tags or note.
    pub text: Text<'a>,
    /// Trailing `[…]` groups, each without its brackets
    /// (`Completeness, Spec §FR-001`).
    pub tags: Vec<Text<'a>>,
    /// Text after the tags (`— Resolved: …`).
    pub note: Option<Text<'a>>,
    /// Titles of the enclosing headings below the H1, outermost first
    /// (H2 category, then H3 group).
    pub category: Vec<Text<'a>>,
    /// The item's first line.
    pub span: Span,
}

impl<'a> ChecklistItem<'a> {
    /// Each comma-separated tag of every group, trimmed.
    pub fn tag_values(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.tags
            .iter()
            .flat_map(|group| group.value.split(','))
            .map(str::trim)
            .filter(|tag| !tag.is_empty())
    }
}

/// A `**Role**: name Date: date` line of the sign-off block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SignOff<'a> {
    pub role: Text<'a>,
    /// What stands where the name goes (underscores when unfilled).
    pub name: Text<'a>,
    pub date: Option<Text<'a>>,
    /// Name (and date, when there is a date slot) written in.
    pub filled: bool,
    pub span: Span,
}

const SIGN_OFF: &[&str] = &[
    "Sign-off",
    "Sign off",
    "Signoff",
    "Sign-Off",
    "Approvals",
    "Approval",
    "承認",
    "签核",
];
const NOTES: &[&str] = &["Notes", "Note", "備考", "メモ", "备注"];

impl<'a> Checklist<'a> {
    pub fn parse(doc: &'a Document) -> Self {
        let sign_off_sections: Vec<SectionId> = sections_named(doc, SIGN_OFF);
        let notes_section = sections_named(doc, NOTES).into_iter().next();
        let items = read_items(doc);
        let title = doc.title();
        let metadata = doc.header_fields();
        let kind = kind_of(title, &items, !sign_off_sections.is_empty());
        let (checklist_type, feature_name) = title.map_or((None, None), split_title);
        Checklist {
            generation: generation_of(kind, &metadata, !items.is_empty()),
            kind,
            title,
            checklist_type,
            feature_name,
            metadata,
            front_matter: doc
                .tree
                .front_matter()
                .map(|front_matter| front_matter.span),
            items,
            sign_off: sign_off_sections
                .iter()
                .flat_map(|&id| read_sign_off(doc, id))
                .collect(),
            notes: notes_section
                .map(|id| doc.bullets_in(id))
                .unwrap_or_default(),
            notes_span: notes_section.map(|id| doc.tree.section(id).span),
            outline: doc.outline(&all_sections(doc)),
        }
    }

    /// Items with `[x]`/`[X]`.
    pub fn checked_count(&self) -> usize {
        self.items.iter().filter(|item| item.checked).count()
    }

    /// The item with `id` (`CHK007`).
    pub fn item(&self, id: &str) -> Option<&ChecklistItem<'a>> {
        self.items
            .iter()
            .find(|item| item.id.is_some_and(|found| found.value == id))
    }
}

/// Every heading below the H1 groups items, so all of them are understood.
fn all_sections(doc: &Document) -> Vec<SectionId> {
    (1..doc.tree.sections().len())
        .map(|index| SectionId(u32::try_from(index).unwrap_or(0)))
        .collect()
}

fn sections_named(doc: &Document, names: &[&str]) -> Vec<SectionId> {
    doc.tree
        .descendant_sections(SectionId::DOCUMENT)
        .filter(|&id| doc.tree.section(id).level >= 2)
        .filter(|&id| {
            let title = doc.section_title(id).value;
            // Item groups have long titles; the names here are short.
            title.len() <= 40 && {
                let title = lex::strip_leading_number(lex::strip_heading_decorations(title));
                names.iter().any(|name| title.eq_ignore_ascii_case(name))
            }
        })
        .collect()
}

fn read_items(doc: &Document) -> Vec<ChecklistItem<'_>> {
    let mut items = Vec::new();
    // Items come in runs under one heading: the last heading path is kept.
    let mut last_category: Option<(SectionId, Vec<Text<'_>>)> = None;
    for (index, node) in doc.tree.nodes().iter().enumerate() {
        if node.kind != NodeKind::Item {
            continue;
        }
        let id = speckit_md::NodeId(u32::try_from(index).unwrap_or(0));
        let Some(checkbox) = doc.item_checkbox(id) else {
            continue;
        };
        let parts = items::split_item(doc.item_text(id));
        let section = doc.tree.section_at(node.span.start);
        let category = match &last_category {
            Some((last, titles)) if *last == section => titles.clone(),
            _ => {
                let titles = category(doc, section);
                last_category = Some((section, titles.clone()));
                titles
            }
        };
        items.push(ChecklistItem {
            id: parts.id,
            checked: checkbox.checked,
            mark: checkbox.mark,
            mark_span: checkbox.mark_span,
            text: parts.text,
            tags: parts.tags,
            note: parts.note,
            category,
            span: checkbox.span,
        });
    }
    items
}

/// Titles of `section` and the sections around it, below the H1,
/// outermost first.
fn category(doc: &Document, mut section: SectionId) -> Vec<Text<'_>> {
    let mut titles = Vec::new();
    while section != SectionId::DOCUMENT && doc.tree.section(section).level > 1 {
        titles.push(doc.section_title(section));
        section = doc
            .tree
            .parent_section(section)
            .unwrap_or(SectionId::DOCUMENT);
    }
    titles.reverse();
    titles
}

/// Reads `**Role**: ____ Date: ____` lines from paragraphs and list items.
fn read_sign_off(doc: &Document, section: SectionId) -> Vec<SignOff<'_>> {
    let mut entries = Vec::new();
    for block in doc.tree.section_all_blocks(section) {
        let spans: Vec<Span> = match doc.tree.kind(block) {
            NodeKind::Paragraph => vec![doc.tree.span(block)],
            NodeKind::List { .. } => doc
                .tree
                .list_items(block)
                .map(|item| doc.item_text(item).span)
                .collect(),
            _ => continue,
        };
        for span in spans {
            for line in lex::lines(&doc.text, span) {
                if let Some(entry) = sign_off_line(line) {
                    entries.push(entry);
                }
            }
        }
    }
    entries
}

fn sign_off_line(line: Text<'_>) -> Option<SignOff<'_>> {
    let field = lex::field(line)?;
    let value = field.value;
    if field.colon_inside && value.value.is_empty() {
        // `**Reviewers:**` introduces the block; it is not a signature.
        return None;
    }
    let date_at = value
        .value
        .find("Date:")
        .or_else(|| value.value.find("date:"))
        .or_else(|| value.value.find("日付:"));
    let (name, date) = match date_at {
        Some(at) => {
            let name = value
                .value
                .get(..at)
                .unwrap_or("")
                .trim()
                .trim_end_matches(['|', ','])
                .trim_end();
            let after = value.value.get(at..).unwrap_or("");
            let date = after.split_once(':').map_or("", |(_, date)| date).trim();
            let date = if date.is_empty() {
                Spanned::new(date, Span::empty(value.span.end))
            } else {
                sub_text(value, date)
            };
            (sub_text(value, name), Some(date))
        }
        None => (value, None),
    };
    let filled = is_filled(name.value) && date.is_none_or(|date| is_filled(date.value));
    Some(SignOff {
        role: field.label,
        name,
        date,
        filled,
        span: line.trim().span,
    })
}

/// Not blank, not underscores, not a template slot.
fn is_filled(text: &str) -> bool {
    let text = text.trim();
    let slot = (text.starts_with('{') && text.ends_with('}'))
        || (text.starts_with('[') && text.ends_with(']'));
    !text.is_empty()
        && !text
            .chars()
            .all(|c| c == '_' || c == '-' || c.is_whitespace())
        && !slot
        && text != "YYYY-MM-DD"
}

/// `Requirements Quality Checklist: Login` → (`Requirements Quality`, `Login`).
fn split_title(title: Text<'_>) -> (Option<Text<'_>>, Option<Text<'_>>) {
    let value = title.value.trim();
    let (head, feature) = match value.find([':', '：']) {
        Some(at) => {
            let feature = value
                .get(at..)
                .unwrap_or("")
                .trim_start_matches([':', '：'])
                .trim();
            (
                value.get(..at).unwrap_or(""),
                (!feature.is_empty()).then_some(feature),
            )
        }
        None => (value, None),
    };
    let lower = head.to_ascii_lowercase();
    let kind_end = lower
        .rfind("checklist")
        .or_else(|| head.rfind("チェックリスト"));
    let checklist_type = kind_end
        .map(|end| head.get(..end).unwrap_or("").trim())
        .filter(|kind| !kind.is_empty());
    (
        checklist_type.map(|kind| sub_text(title, kind)),
        feature.map(|feature| sub_text(title, feature)),
    )
}

fn kind_of(
    title: Option<Text<'_>>,
    items: &[ChecklistItem<'_>],
    has_sign_off: bool,
) -> ChecklistKind {
    let title = title.map_or("", |title| title.value.trim());
    let starts = |prefix: &str| {
        title
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    if items.iter().any(|item| item.id.is_some()) {
        ChecklistKind::Custom
    } else if starts("Specification Quality Checklist") {
        ChecklistKind::Requirements
    } else if starts("Quality Checklist") || has_sign_off {
        ChecklistKind::Quality
    } else {
        ChecklistKind::Other
    }
}

/// Checklists that are neither of the three known forms but hold items are
/// taken for spec-kit's, whose generated checklists vary the most.
fn generation_of(kind: ChecklistKind, metadata: &[MetaField<'_>], has_items: bool) -> Generation {
    let has = |labels: &[&str]| Document::field_named(metadata, labels).is_some();
    match kind {
        ChecklistKind::Custom | ChecklistKind::Requirements => Generation::SpecKit,
        ChecklistKind::Quality => Generation::Plugin,
        ChecklistKind::Other if has(&["Reviewed By"]) => Generation::Plugin,
        ChecklistKind::Other if has_items || has(&["Purpose", "Feature", "Created"]) => {
            Generation::SpecKit
        }
        ChecklistKind::Other => Generation::Unknown,
    }
}

pub(crate) fn detect_generation(doc: &Document) -> Generation {
    let items = read_items(doc);
    let title = doc.title();
    let kind = kind_of(title, &items, !sections_named(doc, SIGN_OFF).is_empty());
    generation_of(kind, &doc.header_fields(), !items.is_empty())
}

#[cfg(test)]
mod tests;
