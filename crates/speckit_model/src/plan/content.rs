//! Generic readers for what plan sections are made of: labelled fields,
//! bullets, code blocks and tables.
//!
//! A plan section is a run of blocks: paragraphs of `**Label**: value`
//! lines, lists, code blocks and tables. [`read_content`] walks such a run
//! once and ties each label that introduces a block (`**Request:**`,
//! `**Relationships**:`, `- **Options Considered**:`) to that block. The
//! section readers then pick what they need by label. Nothing here knows a
//! particular section.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeId, NodeKind, lex};
use speckit_text::{Span, Spanned};

use super::layout::{Layout, SectionRef, is_accidental_heading};
use super::scan::{self, read_field};
use crate::common::{CheckItem, MetaField, Text};
use crate::document::Document;

/// One list item (its first line), with its number, checkbox and bold field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Bullet<'a> {
    /// Text after the marker (and after the checkbox), trimmed. Empty for a
    /// bare `-` bullet.
    pub text: Text<'a>,
    /// The item's first line.
    pub line: Span,
    /// The whole item.
    pub span: Span,
    /// The number of an ordered item.
    pub number: Option<u64>,
    pub checkbox: Option<CheckItem<'a>>,
    /// `**Label**: value` written as the item's text.
    pub field: Option<MetaField<'a>>,
}

impl<'a> Bullet<'a> {
    /// Reads a list item. This is [`Document::list_entry`] made cheaper for
    /// the many items of a plan: the marker is read once, the box only when
    /// a bracket follows it, and the first line is found with `memchr`.
    fn from_item(doc: &'a Document, item: NodeId) -> Bullet<'a> {
        let span = doc.tree.span(item);
        let line = scan::first_line(scan::slice(&doc.text, span));
        let marker = scan::list_marker(line);
        let checkbox = marker
            .filter(|marker| marker.rest.value.starts_with(['[', '［']))
            .and_then(|marker| scan::checkbox(marker.rest));
        let text = match (&checkbox, &marker) {
            (Some(checkbox), _) => checkbox.text,
            (None, Some(marker)) => scan::trim(marker.rest),
            (None, None) => scan::trim(line),
        };
        Bullet {
            text,
            line: line.span,
            span,
            number: marker.and_then(|marker| marker.number),
            checkbox: checkbox.map(|checkbox| CheckItem {
                checked: checkbox.is_checked(),
                mark: checkbox.mark,
                mark_span: checkbox.mark_span,
                text: checkbox.text,
                span: line.span,
            }),
            field: read_field(text).map(MetaField::from),
        }
    }

    /// The empty bullet that became the underline of an accidental heading.
    fn from_underline(line: Text<'a>) -> Bullet<'a> {
        let trimmed = scan::trim(line);
        Bullet {
            text: Spanned::new("", Span::empty(trimmed.span.end)),
            line: line.span,
            span: line.span,
            number: None,
            checkbox: None,
            field: None,
        }
    }

    /// True for a bullet with no text (`-`) or an empty checkbox item.
    pub fn is_empty(&self) -> bool {
        self.text.value.is_empty()
    }
}

/// A fenced or indented code block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Code<'a> {
    pub span: Span,
    /// First word of the info string (`typescript`, `sql`, `json`); empty when
    /// there is none.
    pub language: Text<'a>,
    /// The code between the fences.
    pub content: Text<'a>,
}

impl<'a> Code<'a> {
    /// Reads a code block as `MdTree::code_block` does, from the node's
    /// fields directly (the tree's readers are calls into another crate, and
    /// a plan has dozens of code blocks).
    pub(crate) fn read(doc: &'a Document, block: NodeId) -> Option<Code<'a>> {
        let node = doc.tree.nodes().get(block.index())?;
        let NodeKind::CodeBlock { fenced } = node.kind else {
            return None;
        };
        let span = node.span;
        let source = scan::slice(&doc.text, span);
        let bytes = source.value.as_bytes();
        let first_line_len = memchr::memchr(b'\n', bytes).unwrap_or(bytes.len());
        // Without inline content the tree answers an empty span at the
        // block's start; the (empty) content then sits after the opening
        // line. A block's code never starts at the block's first byte.
        let recorded = doc.tree.content_span(block);
        let content = if recorded == Span::empty(span.start) {
            let after_line = u32::try_from(first_line_len + 1).unwrap_or(u32::MAX);
            Spanned::new(
                "",
                Span::empty(span.start.saturating_add(after_line).min(span.end)),
            )
        } else {
            scan::slice(&doc.text, recorded)
        };
        let info = if fenced {
            let first_line = source.value.get(..first_line_len).unwrap_or("");
            let first_line = first_line.strip_suffix('\r').unwrap_or(first_line);
            let after_indent = scan::trim_start_str(first_line);
            let fence_char = after_indent.chars().next().unwrap_or('`');
            scan::sub(
                source,
                scan::trim_str(after_indent.trim_start_matches(fence_char)),
            )
        } else {
            Spanned::new("", Span::empty(span.start))
        };
        let word_len = info
            .value
            .find(char::is_whitespace)
            .unwrap_or(info.value.len());
        Some(Code {
            span,
            language: scan::sub(info, info.value.get(..word_len).unwrap_or("")),
            content,
        })
    }

    /// ASCII case-insensitive language test.
    pub fn language_is(&self, names: &[&str]) -> bool {
        names
            .iter()
            .any(|name| self.language.value.eq_ignore_ascii_case(name))
    }
}

/// A `**Label**: value` field of a plan section, with the list or code block
/// it introduces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Field<'a> {
    pub label: Text<'a>,
    /// Trimmed value. When the value goes on over the following lines of the
    /// same paragraph or list item, it covers them too, as written.
    pub value: Text<'a>,
    /// The field's line(s).
    pub span: Span,
    /// Written as a bullet: `- **Label**: value`.
    pub bullet: bool,
    /// `**Label:**` rather than `**Label**:`.
    pub colon_inside: bool,
    /// Items of the list the field introduces (for a bullet field, its nested
    /// list).
    pub items: Vec<Bullet<'a>>,
    /// The code block the field introduces.
    pub code: Option<Code<'a>>,
}

impl<'a> Field<'a> {
    /// Label and value only.
    pub fn meta(&self) -> MetaField<'a> {
        MetaField {
            label: self.label,
            value: self.value,
        }
    }

    /// True when the label is one of `labels` (ASCII case-insensitive).
    pub fn is(&self, labels: &[&str]) -> bool {
        labels
            .iter()
            .any(|label| self.label.value.eq_ignore_ascii_case(label))
    }
}

/// The first field labelled like one of `labels`.
pub(crate) fn find_field<'f, 'a>(
    fields: &'f [Field<'a>],
    labels: &[&str],
) -> Option<&'f Field<'a>> {
    fields.iter().find(|field| field.is(labels))
}

/// The first field labelled like one of `labels`, as a [`MetaField`].
pub(crate) fn meta_field<'a>(fields: &[Field<'a>], labels: &[&str]) -> Option<MetaField<'a>> {
    find_field(fields, labels).map(Field::meta)
}

/// A subsection read as a list: its heading and the items of its lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ItemList<'a> {
    pub section: SectionRef<'a>,
    /// Top-level items of every list in the section, empty bullets included.
    pub items: Vec<Bullet<'a>>,
}

/// What a run of blocks holds.
#[derive(Clone, Debug, Default)]
pub(crate) struct Content<'a> {
    pub(crate) fields: Vec<Field<'a>>,
    /// Items of lists that no field introduces.
    pub(crate) items: Vec<Bullet<'a>>,
    /// Code blocks that no field introduces.
    pub(crate) codes: Vec<Code<'a>>,
    /// Table nodes, read by whoever needs them.
    pub(crate) tables: Vec<NodeId>,
}

impl<'a> Content<'a> {
    /// The first code block, loose or introduced by a field.
    pub(crate) fn first_code(&self) -> Option<Code<'a>> {
        let loose = self.codes.first().copied();
        let labelled = self.fields.iter().find_map(|field| field.code);
        loose
            .into_iter()
            .chain(labelled)
            .min_by_key(|code| code.span.start)
    }

    /// Every code block, loose or introduced by a field, in document order.
    pub(crate) fn all_codes(&self) -> Vec<Code<'a>> {
        let mut codes = self.codes.clone();
        codes.extend(self.fields.iter().filter_map(|field| field.code));
        codes.sort_by_key(|code| code.span.start);
        codes
    }

    /// Checkbox items, loose or under a field, in document order.
    pub(crate) fn check_items(&self) -> Vec<CheckItem<'a>> {
        let mut items: Vec<CheckItem<'a>> =
            self.items.iter().filter_map(|item| item.checkbox).collect();
        for field in &self.fields {
            items.extend(field.items.iter().filter_map(|item| item.checkbox));
        }
        items.sort_by_key(|item| item.span.start);
        items
    }
}

/// Reads fields, lists, code blocks and tables from `blocks`.
pub(crate) fn read_content(doc: &Document, blocks: impl Iterator<Item = NodeId>) -> Content<'_> {
    let tree = &doc.tree;
    let mut content = Content::default();
    // The field that the next list or code block belongs to, if any.
    let mut open_label: Option<usize> = None;
    for block in blocks {
        match tree.kind(block) {
            NodeKind::Paragraph => {
                open_label = read_paragraph_fields(doc, tree.span(block), &mut content.fields);
            }
            NodeKind::Heading {
                setext: true,
                level: 2,
            } if is_accidental_heading(doc, block) => {
                open_label = read_accidental_heading(doc, block, &mut content);
            }
            NodeKind::List { .. } => read_list(doc, block, open_label.take(), &mut content),
            NodeKind::CodeBlock { .. } => {
                let Some(code) = Code::read(doc, block) else {
                    continue;
                };
                match open_label
                    .take()
                    .and_then(|index| content.fields.get_mut(index))
                {
                    Some(field) if field.code.is_none() => field.code = Some(code),
                    _ => content.codes.push(code),
                }
            }
            NodeKind::Table { .. } => {
                open_label = None;
                content.tables.push(block);
            }
            // Guidance comments may sit between a label and its block.
            NodeKind::HtmlBlock => {}
            _ => open_label = None,
        }
    }
    content
}

/// Reads the fields of a paragraph, one per line; a line that is not a field
/// continues the value of the field above it. Returns the index of a field
/// that introduces the next block: one with no value that is written
/// `**Label:**` or stands alone in its paragraph.
fn read_paragraph_fields<'a>(
    doc: &'a Document,
    span: Span,
    fields: &mut Vec<Field<'a>>,
) -> Option<usize> {
    let first_new = fields.len();
    let mut current: Option<usize> = None;
    for line in lex::lines(&doc.text, span) {
        if let Some(field) = read_field(line) {
            fields.push(Field {
                label: field.label,
                value: field.value,
                span: scan::trim(line).span,
                bullet: false,
                colon_inside: field.colon_inside,
                items: Vec::new(),
                code: None,
            });
            current = Some(fields.len() - 1);
        } else if let Some(field) = current.and_then(|index| fields.get_mut(index)) {
            extend_value(doc, field, line);
        }
    }
    let last = fields
        .len()
        .checked_sub(1)
        .filter(|&last| last >= first_new)?;
    let field = fields.get(last)?;
    let alone = last == first_new;
    (field.value.value.is_empty() && (field.colon_inside || alone)).then_some(last)
}

/// Extends a field's value over a continuation line.
fn extend_value<'a>(doc: &'a Document, field: &mut Field<'a>, line: Text<'a>) {
    let line = scan::trim(line);
    if line.value.is_empty() {
        return;
    }
    let start = if field.value.value.is_empty() {
        line.span.start
    } else {
        field.value.span.start
    };
    let span = Span::new(start, line.span.end.max(start));
    field.value = scan::slice(&doc.text, span);
    field.span = field.span.cover(line.span);
}

/// An accidental setext heading: its text lines are read like a paragraph and
/// a one-dash underline is the empty bullet the author wrote.
fn read_accidental_heading<'a>(
    doc: &'a Document,
    block: NodeId,
    content: &mut Content<'a>,
) -> Option<usize> {
    let span = doc.tree.span(block);
    let mut underline: Option<Text<'a>> = None;
    let mut text_end = span.start;
    for line in lex::lines(&doc.text, span) {
        if let Some(previous) = underline.replace(line) {
            text_end = previous.span.end;
        }
    }
    let underline = underline?;
    let first_new = content.fields.len();
    read_paragraph_fields(
        doc,
        Span::new(span.start, text_end.max(span.start)),
        &mut content.fields,
    );
    let bullet =
        (scan::trim_str(underline.value) == "-").then(|| Bullet::from_underline(underline));
    // A label over the underline introduces it and the list after it.
    let label = content
        .fields
        .len()
        .checked_sub(1)
        .filter(|&last| last >= first_new);
    match (
        label.and_then(|index| content.fields.get_mut(index)),
        bullet,
    ) {
        (Some(field), Some(bullet)) if field.value.value.is_empty() => field.items.push(bullet),
        (_, Some(bullet)) => content.items.push(bullet),
        _ => {}
    }
    label.filter(|&index| {
        content
            .fields
            .get(index)
            .is_some_and(|field| field.value.value.is_empty())
    })
}

/// A list: all its items belong to the field at `target` (the label that
/// introduced the list), if any; otherwise items written `- **Label**: value`
/// become fields and the others stay loose.
fn read_list<'a>(
    doc: &'a Document,
    list: NodeId,
    target: Option<usize>,
    content: &mut Content<'a>,
) {
    let tree = &doc.tree;
    // Under a label, every item is that label's, even `- **Name**: …` ones.
    if let Some(field) = target.and_then(|index| content.fields.get_mut(index)) {
        field.items.extend(
            tree.list_items(list)
                .map(|item| Bullet::from_item(doc, item)),
        );
        return;
    }
    for item in tree.list_items(list) {
        let bullet = Bullet::from_item(doc, item);
        match bullet_field(doc, item, &bullet) {
            Some(field) => content.fields.push(field),
            None => content.items.push(bullet),
        }
    }
}

/// Reads `- **Label**: value` (not a checkbox item) with its continuation
/// lines, nested list and nested code block.
fn bullet_field<'a>(doc: &'a Document, item: NodeId, bullet: &Bullet<'a>) -> Option<Field<'a>> {
    if bullet.checkbox.is_some() {
        return None;
    }
    let field = bullet.field?;
    // `**Label:**`: the colon comes right after the label, inside the bold.
    let after_label = doc.text.get(field.label.span.end as usize..).unwrap_or("");
    let colon_inside = after_label.starts_with(':') || after_label.starts_with('：');
    let tree = &doc.tree;
    let mut result = Field {
        label: field.label,
        value: field.value,
        span: Span::new(
            bullet.line.start,
            bullet.text.span.end.max(bullet.line.start),
        ),
        bullet: true,
        colon_inside,
        items: Vec::new(),
        code: None,
    };
    let line_end = bullet.line.end;
    for line in lex::lines(
        &doc.text,
        Span::new(line_end, item_lead_end(doc, item, line_end).max(line_end)),
    )
    .skip(1)
    {
        extend_value(doc, &mut result, line);
    }
    for child in tree.children(item) {
        match tree.kind(child) {
            NodeKind::List { .. } => {
                result.items.extend(
                    tree.list_items(child)
                        .map(|sub| Bullet::from_item(doc, sub)),
                );
            }
            NodeKind::CodeBlock { .. } if result.code.is_none() => {
                result.code = Code::read(doc, child);
            }
            _ => {}
        }
    }
    Some(result)
}

/// End of an item's leading text (its first line ends at `first_line_end`):
/// its first paragraph, or its inline content up to the first nested block.
fn item_lead_end(doc: &Document, item: NodeId, first_line_end: u32) -> u32 {
    let tree = &doc.tree;
    // A loose item holds its text in a paragraph; a tight one holds it
    // directly, and the tree records that inline content as the item's
    // content span (it ends before any nested block).
    for child in tree.children(item) {
        match tree.kind(child) {
            NodeKind::Paragraph => return tree.span(child).end.max(first_line_end),
            kind if kind.is_block() => break,
            _ => {}
        }
    }
    tree.content_span(item).end.max(first_line_end)
}

/// Items of every list among `blocks`, stopping at a `---` separator or at
/// the `**Next Steps:**` footer. Empty bullets are kept.
pub(crate) fn read_items(doc: &Document, blocks: impl Iterator<Item = NodeId>) -> Vec<Bullet<'_>> {
    let tree = &doc.tree;
    let mut items = Vec::new();
    for block in blocks {
        match tree.kind(block) {
            NodeKind::List { .. } => items.extend(
                tree.list_items(block)
                    .map(|item| Bullet::from_item(doc, item)),
            ),
            NodeKind::ThematicBreak => break,
            NodeKind::Paragraph if is_next_steps(doc, block) => break,
            NodeKind::Heading {
                setext: true,
                level: 2,
            } if is_accidental_heading(doc, block) => {
                let underline = lex::lines(&doc.text, tree.span(block)).last();
                if let Some(underline) = underline.filter(|line| scan::trim_str(line.value) == "-")
                {
                    items.push(Bullet::from_underline(underline));
                }
            }
            _ => {}
        }
    }
    items
}

/// The labels of the plan footer.
pub(crate) const NEXT_STEPS_LABELS: &[&str] = &["Next Steps", "Next steps"];

/// True for a paragraph that opens with the `**Next Steps:**` label.
pub(crate) fn is_next_steps(doc: &Document, paragraph: NodeId) -> bool {
    let Some(node) = doc.tree.nodes().get(paragraph.index()) else {
        return false;
    };
    if node.kind != NodeKind::Paragraph
        || !scan::may_open_field(doc.text.get(node.span.range()).unwrap_or(""))
    {
        return false;
    }
    lex::lines(&doc.text, node.span)
        .next()
        .and_then(scan::read_field)
        .is_some_and(|field| {
            NEXT_STEPS_LABELS
                .iter()
                .any(|label| field.label.value.eq_ignore_ascii_case(label))
        })
}

/// The child of `section` named like one of `names`, read as an [`ItemList`].
pub(crate) fn item_list<'a>(
    layout: &Layout<'a>,
    section: usize,
    names: &[&str],
) -> Option<ItemList<'a>> {
    let child = layout.child_named(section, names)?;
    Some(section_items(layout, child))
}

/// `section` read as an [`ItemList`].
pub(crate) fn section_items<'a>(layout: &Layout<'a>, section: usize) -> ItemList<'a> {
    ItemList {
        section: layout.section_ref(section),
        items: read_items(layout.doc, layout.own_blocks(section)),
    }
}
