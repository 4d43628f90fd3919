//! Requirements, success criteria, key entities, plugin data models and
//! plugin success metrics.
//!
//! spec-kit writes `- **FR-001**: System MUST …` and `- **SC-001**: …`;
//! the plugin writes `1. **FR-1**: Name` with plain sub-bullets
//! (`- Description: …`, `- Priority: High`) or the unnumbered paragraph form
//! `**FR-1**: Name`. Real files also strike requirements through
//! (`~~**FR-035**: …~~`) and drop the bold (`- SC-001: …`).

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeId, NodeKind, SectionId};
use speckit_text::{Span, Spanned};

use super::sections::{Known, SectionKey};
use crate::common::{
    MetaField, Text, field, find_colon, find_double_star, list_number, plain_field, sub_text,
    trim_str,
};
use crate::document::Document;

/// What a requirement ID's prefix says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RequirementKind {
    /// `FR-…`
    Functional,
    /// `NFR-…`
    NonFunctional,
    /// `TR-…`
    Technical,
    /// `SC-…`
    SuccessCriterion,
}

impl RequirementKind {
    fn of_id(id: &str) -> RequirementKind {
        if id.starts_with("NFR") {
            RequirementKind::NonFunctional
        } else if id.starts_with("TR") {
            RequirementKind::Technical
        } else if id.starts_with("SC") {
            RequirementKind::SuccessCriterion
        } else {
            RequirementKind::Functional
        }
    }
}

/// One requirement or success criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Requirement<'a> {
    /// `FR-001`, `FR-1`, `SC-004`, `NFR-2`, `FR-010a`.
    pub id: Text<'a>,
    pub kind: RequirementKind,
    /// Everything after `**ID**:` (all wrapped lines; for the plugin form,
    /// the requirement's name). Empty when nothing follows the ID.
    pub text: Text<'a>,
    /// The list item or paragraph line, sub-bullets included.
    pub span: Span,
    /// The first line.
    pub line: Span,
    /// The ordered-list number of the plugin form (`1.`).
    pub number: Option<u64>,
    /// Struck through with `~~`: withdrawn but kept for the record.
    pub struck: bool,
    /// The innermost recognised section holding the requirement.
    pub section: Option<SectionKey>,
    /// Sub-bullet fields: `Description`, `Priority`, `Dependencies`,
    /// `Metric`, `Target`, `Rationale`, or any other `Label: value`.
    pub fields: Vec<MetaField<'a>>,
}

impl<'a> Requirement<'a> {
    /// The first sub-field named like one of `labels`.
    pub fn field(&self, labels: &[&str]) -> Option<MetaField<'a>> {
        Document::field_named(&self.fields, labels)
    }

    pub fn description(&self) -> Option<MetaField<'a>> {
        self.field(&["Description"])
    }

    pub fn priority(&self) -> Option<MetaField<'a>> {
        self.field(&["Priority"])
    }

    pub fn dependencies(&self) -> Option<MetaField<'a>> {
        self.field(&["Dependencies", "Depends On"])
    }
}

/// A `- **Name**: description` bullet of Key Entities. A bullet without a
/// bold name keeps its whole text as the description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Entity<'a> {
    pub name: Option<Text<'a>>,
    pub description: Text<'a>,
    pub span: Span,
    /// Sub-bullets (attributes, relationships), as written.
    pub details: Vec<Text<'a>>,
}

/// A plugin `#### Model N: Name` with its code block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DataModel<'a> {
    pub number: Option<Text<'a>>,
    pub name: Text<'a>,
    pub heading_span: Span,
    pub span: Span,
    /// The first code block's content.
    pub code: Option<Text<'a>>,
}

/// A plugin `1. **Metric 1**: Name` item with `Definition`, `Target` and
/// `Timeline` sub-bullets. An item of another shape keeps its text as `name`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SuccessMetric<'a> {
    /// `Metric 1`.
    pub label: Option<Text<'a>>,
    pub name: Text<'a>,
    pub span: Span,
    pub fields: Vec<MetaField<'a>>,
}

impl<'a> SuccessMetric<'a> {
    pub fn field(&self, labels: &[&str]) -> Option<MetaField<'a>> {
        Document::field_named(&self.fields, labels)
    }
}

/// Reads `**FR-001**: text`, `**FR-001:** text`, `~~**FR-1**: x~~` and
/// `SC-001: text`: the ID, whether it is struck through, and the text.
pub(crate) fn split_requirement(text: Text<'_>) -> Option<(Text<'_>, bool, Text<'_>)> {
    let value = trim_str(text.value);
    let (struck, value) = match value.strip_prefix("~~") {
        Some(rest) => (true, rest.trim_start()),
        None => (false, value),
    };
    let (id, after) = if let Some(inner) = value.strip_prefix("**") {
        let close = find_double_star(inner)?;
        let bold = inner.get(..close)?;
        let id = strip_trailing_colons(trim_str(bold));
        if !is_requirement_id(id) {
            return None;
        }
        let after = inner.get(close + 2..)?;
        let after = if ends_with_colon(bold.trim_end()) {
            after
        } else {
            strip_separator(skip_tag(after))?
        };
        (id, after)
    } else {
        let (end, _) = find_colon(value)?;
        let id = value.get(..end)?.trim_end();
        if !is_requirement_id(id) {
            return None;
        }
        (id, strip_separator(value.get(end..)?)?)
    };
    let id_text = sub_text(text, id);
    let mut rest = trim_str(after);
    if struck {
        rest = rest.strip_suffix("~~").unwrap_or(rest).trim_end();
    }
    let rest_text = if rest.is_empty() {
        Spanned::new(rest, Span::empty(text.span.end))
    } else {
        sub_text(text, rest)
    };
    Some((id_text, struck, rest_text))
}

fn ends_with_colon(text: &str) -> bool {
    text.ends_with([':', '：'])
}

/// `text.trim_end_matches([':', '：']).trim_end()`, quick when `text` ends
/// in neither.
fn strip_trailing_colons(text: &str) -> &str {
    match text.as_bytes().last() {
        Some(b':' | 0x9A) => text.trim_end_matches([':', '：']).trim_end(),
        _ => text,
    }
}

/// `text` after a bracketed tag between the ID and its separator:
/// `**FR-030** [OUT OF SCOPE - MVP]: …`.
fn skip_tag(text: &str) -> &str {
    let trimmed = text.trim_start();
    trimmed
        .strip_prefix('[')
        .and_then(|inner| inner.split_once(']'))
        .filter(|(tag, _)| !tag.is_empty() && !tag.contains(':'))
        .map_or(text, |(_, rest)| rest)
}

fn strip_separator(text: &str) -> Option<&str> {
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Some(trimmed);
    }
    [":", "：", "—", "–", "- "]
        .iter()
        .find_map(|separator| trimmed.strip_prefix(separator))
}

/// `FR-001`, `FR-010a`, `FR-1`, `NFR-2`, `TR-3`, `SC-004`: a known prefix,
/// digits, and at most one lower-case suffix letter (the ID grammar of
/// FORMATS.md §B.3, checked without allocating).
fn is_requirement_id(id: &str) -> bool {
    let rest = match id.as_bytes() {
        [b'F' | b'T', b'R', b'-', ..] | [b'S', b'C', b'-', ..] => id.get(3..),
        [b'N', b'F', b'R', b'-', ..] => id.get(4..),
        _ => None,
    };
    let Some(rest) = rest else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    match rest.as_bytes().get(digits..) {
        Some([]) => digits > 0,
        Some([suffix]) => digits > 0 && suffix.is_ascii_lowercase(),
        _ => false,
    }
}

/// Fields written as sub-bullets of `item`: `- Label: value` or
/// `- **Label**: value`.
fn sub_fields<'a>(doc: &'a Document, item: NodeId, fields: &mut Vec<MetaField<'a>>) {
    // Room for one field per sub-bullet up front: growing costs more than counting.
    let n_sub_items: usize = doc
        .tree
        .item_sublists(item)
        .map(|list| doc.tree.list_items(list).count())
        .sum();
    fields.reserve(n_sub_items);
    for list in doc.tree.item_sublists(item) {
        for sub_item in doc.tree.list_items(list) {
            let text = doc.item_text(sub_item);
            if let Some(field) = field(text) {
                fields.push(field.into());
            } else if let Some(field) = plain_field(text) {
                fields.push(field);
            }
        }
    }
}

fn list_fields<'a>(doc: &'a Document, list: NodeId, fields: &mut Vec<MetaField<'a>>) {
    for item in doc.tree.list_items(list) {
        let text = doc.item_text(item);
        if let Some(field) = plain_field(text) {
            fields.push(field);
        }
    }
}

/// Every requirement in the document, in order. `known` maps sections to keys.
pub(crate) fn read_requirements<'a>(doc: &'a Document, known: &[Known]) -> Vec<Requirement<'a>> {
    let mut requirements: Vec<Requirement<'a>> = Vec::new();
    let tree = &doc.tree;
    let mut after_paragraph: Option<usize> = None;
    for block in tree.section_all_blocks(SectionId::DOCUMENT) {
        match tree.kind(block) {
            NodeKind::List { .. } => {
                if let Some(index) = after_paragraph.take()
                    && let Some(requirement) = requirements.get_mut(index)
                {
                    // `**FR-1**: Name` followed by a `- Description: …` list.
                    let before = requirement.fields.len();
                    list_fields(doc, block, &mut requirement.fields);
                    if requirement.fields.len() > before {
                        requirement.span = requirement.span.cover(tree.span(block));
                        continue;
                    }
                }
                let mut room_made = false;
                for item in doc.items_below(block) {
                    if !may_hold_requirement(doc.item_peek(item)) {
                        continue;
                    }
                    let text = doc.item_text(item);
                    let Some((id, struck, rest)) = split_requirement(text) else {
                        continue;
                    };
                    if !room_made {
                        // One requirement in a list: the rest likely are too.
                        room_made = true;
                        requirements.reserve(tree.list_items(block).count());
                    }
                    let line = doc.item_line(item);
                    let mut fields = Vec::new();
                    sub_fields(doc, item, &mut fields);
                    requirements.push(Requirement {
                        id,
                        kind: RequirementKind::of_id(id.value),
                        text: rest,
                        span: tree.span(item),
                        line: line.span,
                        number: list_number(line.value),
                        struck,
                        section: innermost_key(known, line.span.start),
                        fields,
                    });
                }
            }
            NodeKind::Paragraph => {
                after_paragraph = None;
                let span = tree.span(block);
                for start in doc.paragraph_line_starts(block) {
                    let Some(line) = requirement_line(doc, start, span.end) else {
                        continue;
                    };
                    if let Some((id, struck, rest)) = split_requirement(line) {
                        after_paragraph = Some(requirements.len());
                        requirements.push(Requirement {
                            id,
                            kind: RequirementKind::of_id(id.value),
                            text: rest,
                            span: line.span,
                            line: line.span,
                            number: None,
                            struck,
                            section: innermost_key(known, line.span.start),
                            fields: Vec::new(),
                        });
                    }
                }
            }
            _ => after_paragraph = None,
        }
    }
    requirements
}

/// The paragraph line starting at `start` (the paragraph ends at `end`),
/// trimmed, if it opens with a requirement prefix.
fn requirement_line(doc: &Document, start: u32, end: u32) -> Option<Text<'_>> {
    let rest = doc.text.get(start as usize..end as usize).unwrap_or("");
    if !may_hold_requirement(rest.trim_start_matches([' ', '\t'])) {
        return None;
    }
    let line_len = memchr::memchr2(b'\n', b'\r', rest.as_bytes()).unwrap_or(rest.len());
    let line = rest.get(..line_len).unwrap_or("");
    let line_start = Span::new(start.min(end), end);
    Some(Spanned::new(line, line_start.subspan(0..line.len())).trim())
}

/// A cheap test before the real parse: the item opens with a requirement
/// prefix, possibly struck through or bold.
fn may_hold_requirement(content: &str) -> bool {
    let content = content.strip_prefix("~~").unwrap_or(content);
    let content = content.strip_prefix("**").unwrap_or(content);
    matches!(
        content.as_bytes(),
        [b'F' | b'T', b'R', b'-', ..] | [b'S', b'C', b'-', ..] | [b'N', b'F', b'R', b'-', ..]
    )
}

/// The key of the innermost recognised section containing `offset`.
pub(crate) fn innermost_key(known: &[Known], offset: u32) -> Option<SectionKey> {
    known
        .iter()
        .rev()
        .find(|found| found.span.contains(offset))
        .map(|found| found.key)
}

/// Key Entities: `- **Name**: …` bullets, or one subsection per entity
/// (`#### Order` followed by attribute bullets).
pub(crate) fn read_entities<'a>(
    doc: &'a Document,
    section: SectionId,
    entities: &mut Vec<Entity<'a>>,
) {
    for child in doc.tree.child_sections(section) {
        let details = doc.bullets_in(child);
        let description = doc
            .tree
            .section_blocks(child)
            .find(|&block| doc.tree.kind(block) == NodeKind::Paragraph)
            .map(|block| Spanned::slice(&doc.text, doc.tree.span(block)).trim())
            .or_else(|| details.first().copied())
            .unwrap_or_else(|| Spanned::new("", Span::empty(doc.section_heading_span(child).end)));
        entities.push(Entity {
            name: Some(doc.section_title(child)),
            description,
            span: doc.tree.section(child).span,
            details,
        });
    }
    for block in doc.tree.section_blocks(section) {
        if !matches!(doc.tree.kind(block), NodeKind::List { .. }) {
            continue;
        }
        for item in doc.tree.list_items(block) {
            let text = doc.item_text(item);
            let (name, description) = match split_bold_name(text) {
                Some((name, description)) => (Some(name), description),
                None => (None, text),
            };
            let details = doc
                .tree
                .item_sublists(item)
                .flat_map(|list| doc.tree.list_items(list))
                .map(|sub| doc.item_text(sub))
                .collect();
            entities.push(Entity {
                name,
                description,
                span: doc.tree.span(item),
                details,
            });
        }
    }
}

/// `**Name**: description`, `**Name** — description`, `**Name:** description`.
fn split_bold_name(text: Text<'_>) -> Option<(Text<'_>, Text<'_>)> {
    let inner = text.value.strip_prefix("**")?;
    let close = find_double_star(inner)?;
    let name = inner
        .get(..close)?
        .trim()
        .trim_end_matches([':', '：'])
        .trim_end();
    if name.is_empty() {
        return None;
    }
    let after = inner.get(close + 2..)?.trim_start();
    let description = after.trim_start_matches([':', '：', '—', '–', '-']).trim();
    let sub = |part| sub_text(text, part);
    let description = if description.is_empty() {
        Spanned::new(description, Span::empty(text.span.end))
    } else {
        sub(description)
    };
    Some((sub(name), description))
}

/// `Model 2: Orders` → (`2`, `Orders`).
pub(crate) fn split_model_heading(title: Text<'_>) -> Option<(Text<'_>, Text<'_>)> {
    let value = title.value.trim();
    let rest = value
        .strip_prefix("Model ")
        .or_else(|| value.strip_prefix("model "))?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let number = rest.get(..digits).filter(|number| !number.is_empty())?;
    let name = rest
        .get(digits..)?
        .trim_start()
        .strip_prefix([':', '：', '-', '—', '–'])?
        .trim();
    let sub = |part| sub_text(title, part);
    Some((sub(number), sub(name)))
}

pub(crate) fn read_data_model(doc: &Document, id: SectionId) -> DataModel<'_> {
    let title = doc.section_title(id);
    let (number, name) = match split_model_heading(title) {
        Some((number, name)) => (Some(number), name),
        None => (None, title),
    };
    let code = doc
        .tree
        .section_all_blocks(id)
        .find_map(|block| doc.tree.code_block(&doc.text, block))
        .map(|block| block.content);
    DataModel {
        number,
        name,
        heading_span: doc.section_heading_span(id),
        span: doc.tree.section(id).span,
        code,
    }
}

/// Items of the plugin's Success Metrics section.
pub(crate) fn read_metrics<'a>(
    doc: &'a Document,
    section: SectionId,
    metrics: &mut Vec<SuccessMetric<'a>>,
) {
    for block in doc.tree.section_all_blocks(section) {
        if !matches!(doc.tree.kind(block), NodeKind::List { .. }) {
            continue;
        }
        for item in doc.tree.list_items(block) {
            let text = doc.item_text(item);
            let mut fields = Vec::new();
            sub_fields(doc, item, &mut fields);
            let (label, name) = match field(text) {
                Some(field) => (Some(field.label), field.value),
                None => (None, text),
            };
            metrics.push(SuccessMetric {
                label,
                name,
                span: doc.tree.span(item),
                fields,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Text<'_> {
        Spanned::new(value, Span::new(0, u32::try_from(value.len()).unwrap()))
    }

    fn split(value: &str) -> Option<(&str, bool, &str)> {
        split_requirement(text(value)).map(|(id, struck, rest)| {
            assert_eq!(&value[id.span.range()], id.value);
            assert_eq!(&value[rest.span.range()], rest.value);
            (id.value, struck, rest.value)
        })
    }

    #[test]
    fn requirement_heads() {
        assert_eq!(
            split("**FR-001**: System MUST log in"),
            Some(("FR-001", false, "System MUST log in"))
        );
        assert_eq!(
            split("**FR-010a:** Users MAY export"),
            Some(("FR-010a", false, "Users MAY export"))
        );
        assert_eq!(
            split("~~**FR-035**: dropped~~"),
            Some(("FR-035", true, "dropped"))
        );
        assert_eq!(
            split("SC-001: 100% of runs pass"),
            Some(("SC-001", false, "100% of runs pass"))
        );
        assert_eq!(split("**NFR-2**: Fast"), Some(("NFR-2", false, "Fast")));
        assert_eq!(
            split("**FR-030** [OUT OF SCOPE - MVP]: System SHOULD suggest"),
            Some(("FR-030", false, "System SHOULD suggest"))
        );
        assert_eq!(split("**FR-1**:"), Some(("FR-1", false, "")));
        assert_eq!(split("**FR-120 series**: removed"), None);
        assert_eq!(split("**Entity**: thing"), None);
        assert_eq!(split("FR-001 is referenced here: no"), None);
    }

    #[test]
    fn model_headings() {
        let got =
            split_model_heading(text("Model 2: Orders")).map(|(n, name)| (n.value, name.value));
        assert_eq!(got, Some(("2", "Orders")));
        assert!(split_model_heading(text("Models")).is_none());
    }
}
