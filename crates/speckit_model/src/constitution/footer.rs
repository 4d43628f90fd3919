//! The version footer and deferred fields of a constitution.
//!
//! spec-kit writes `**Version**: x.y.z | **Ratified**: … | **Last Amended**: …`
//! on one line; the plugin writes `**Last Updated**: …` and `**Version**: 1.0`
//! on two. Either may sit anywhere (real files put it before appendices,
//! or glue it to a list so that it becomes part of the last item).

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeId, NodeKind, lex};
use speckit_text::{Span, Spanned};

use crate::common::{MetaField, Text, sub_text};
use crate::document::Document;

/// The version footer. spec-kit writes one pipe-packed line; the plugin
/// writes `**Last Updated**` and `**Version**` on two lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct VersionLine<'a> {
    /// The line(s) holding the fields.
    pub span: Span,
    pub pipe_packed: bool,
    pub version: Option<Text<'a>>,
    pub ratified: Option<Text<'a>>,
    pub last_amended: Option<Text<'a>>,
    pub last_updated: Option<Text<'a>>,
    /// All fields read, in order.
    pub fields: Vec<MetaField<'a>>,
}

/// A `TODO(RATIFICATION_DATE): original date unknown` deferral.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DeferredField<'a> {
    /// `RATIFICATION_DATE`.
    pub name: Text<'a>,
    /// The text after `):`, if any.
    pub note: Option<Text<'a>>,
    pub span: Span,
    /// Inside an HTML comment (such as the Sync Impact Report's follow-ups).
    pub in_comment: bool,
}

const VERSION_LABELS: &[&str] = &["Version", "Constitution Version", "バージョン", "版本"];
const RATIFIED_LABELS: &[&str] = &["Ratified", "Ratification Date", "批准日", "制定日"];
const AMENDED_LABELS: &[&str] = &[
    "Last Amended",
    "Amended",
    "最終改訂",
    "最終改訂日",
    "最后修订",
];
const UPDATED_LABELS: &[&str] = &["Last Updated", "最終更新", "最終更新日", "最后更新"];

/// A version-ish field line: which top-level block it is in, the line, and its fields.
struct FooterLine<'a> {
    block: usize,
    line: Span,
    fields: Vec<MetaField<'a>>,
    pipe_packed: bool,
}

fn is_label(field: &MetaField<'_>, labels: &[&str]) -> bool {
    labels
        .iter()
        .any(|label| field.label.value.eq_ignore_ascii_case(label))
}

fn footer_label(field: &MetaField<'_>) -> bool {
    [
        VERSION_LABELS,
        RATIFIED_LABELS,
        AMENDED_LABELS,
        UPDATED_LABELS,
    ]
    .iter()
    .any(|labels| is_label(field, labels))
}

/// Finds the version footer: the first pipe-packed line naming a version,
/// else the last `**Version**:` line with the footer fields next to it.
pub(crate) fn read_version(doc: &Document) -> Option<VersionLine<'_>> {
    let lines = footer_lines(doc);
    choose_footer(&lines)
}

/// Every footer-like field line: top-level paragraphs first, then, when no
/// packed version line is among them, lines glued to list items.
fn footer_lines(doc: &Document) -> Vec<FooterLine<'_>> {
    let mut lines: Vec<FooterLine<'_>> = Vec::new();
    let blocks: Vec<NodeId> = doc
        .tree
        .section_all_blocks(speckit_md::SectionId::DOCUMENT)
        .collect();
    for (block_index, &block) in blocks.iter().enumerate() {
        if doc.tree.kind(block) != NodeKind::Paragraph {
            continue;
        }
        for line in lex::lines(&doc.text, doc.tree.span(block)) {
            let packed = if memchr::memchr(b'|', line.value.as_bytes()).is_some() {
                lex::pipe_fields(line)
            } else {
                Vec::new()
            };
            let (fields, pipe_packed): (Vec<MetaField<'_>>, bool) = if packed.len() > 1 {
                (packed.into_iter().map(MetaField::from).collect(), true)
            } else {
                (
                    lex::field(line).map(MetaField::from).into_iter().collect(),
                    false,
                )
            };
            if fields.iter().any(footer_label) {
                lines.push(FooterLine {
                    block: block_index,
                    line: line.trim().span,
                    fields,
                    pipe_packed,
                });
            }
        }
    }
    let has_version = |line: &FooterLine<'_>| {
        line.fields
            .iter()
            .any(|field| is_label(field, VERSION_LABELS))
    };
    if !lines
        .iter()
        .any(|line| line.pipe_packed && has_version(line))
    {
        // A footer line right under a list item, with no blank line between,
        // is a lazy continuation of the item's paragraph in CommonMark.
        for (index, node) in doc.tree.nodes().iter().enumerate() {
            let id = NodeId(u32::try_from(index).unwrap_or(0));
            // Tight list items hold their text without a paragraph node.
            let span = match node.kind {
                NodeKind::Paragraph if doc.tree.parent(id) != Some(NodeId::ROOT) => node.span,
                NodeKind::Item => doc.item_text(id).span,
                _ => continue,
            };
            for line in lex::lines(&doc.text, span) {
                let packed = if memchr::memchr(b'|', line.value.as_bytes()).is_some() {
                    lex::pipe_fields(line)
                } else {
                    Vec::new()
                };
                if packed.len() > 1
                    && packed
                        .iter()
                        .any(|field| is_label(&MetaField::from(*field), VERSION_LABELS))
                {
                    let fields = packed.into_iter().map(MetaField::from).collect();
                    lines.push(FooterLine {
                        block: usize::MAX,
                        line: line.trim().span,
                        fields,
                        pipe_packed: true,
                    });
                }
            }
        }
    }
    lines
}

fn choose_footer<'a>(lines: &[FooterLine<'a>]) -> Option<VersionLine<'a>> {
    let has_version = |line: &FooterLine<'_>| {
        line.fields
            .iter()
            .any(|field| is_label(field, VERSION_LABELS))
    };
    let chosen = lines
        .iter()
        .position(|line| line.pipe_packed && has_version(line))
        .or_else(|| lines.iter().rposition(has_version))?;
    let anchor = lines.get(chosen)?;
    let mut used: Vec<&FooterLine<'_>> = vec![anchor];
    if !anchor.pipe_packed {
        // The plugin's two-line footer may be one paragraph or two.
        used = lines
            .iter()
            .filter(|line| {
                !line.pipe_packed
                    && line.block.saturating_add(1) >= anchor.block
                    && line.block <= anchor.block.saturating_add(1)
            })
            .collect();
    }
    let fields: Vec<MetaField<'_>> = used
        .iter()
        .flat_map(|line| line.fields.iter().copied())
        .collect();
    let span = used
        .iter()
        .map(|line| line.line)
        .reduce(Span::cover)
        .unwrap_or(anchor.line);
    let value = |labels: &[&str]| Document::field_named(&fields, labels).map(|field| field.value);
    Some(VersionLine {
        span,
        pipe_packed: anchor.pipe_packed,
        version: value(VERSION_LABELS),
        ratified: value(RATIFIED_LABELS),
        last_amended: value(AMENDED_LABELS),
        last_updated: value(UPDATED_LABELS),
        fields,
    })
}

/// `TODO(NAME)` and `TODO(NAME): note`, outside code.
pub(crate) fn deferred_fields(doc: &Document) -> Vec<DeferredField<'_>> {
    let text = doc.text.as_str();
    let mut found = Vec::new();
    let mut skip: Option<Vec<(Span, bool)>> = None;
    let mut search = 0;
    while let Some(at) = text.get(search..).and_then(|rest| rest.find("TODO(")) {
        let start = search + at;
        let name_start = start + 5;
        search = name_start;
        let name_len = text.get(name_start..).map_or(0, |rest| {
            rest.find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
                .unwrap_or(rest.len())
        });
        let Some(name) = text
            .get(name_start..name_start + name_len)
            .filter(|name| !name.is_empty())
        else {
            continue;
        };
        if text.as_bytes().get(name_start + name_len) != Some(&b')') {
            continue;
        }
        let offset = u32::try_from(start).unwrap_or(u32::MAX);
        let skip = skip.get_or_insert_with(|| {
            doc.tree
                .nodes()
                .iter()
                .filter_map(|node| match node.kind {
                    NodeKind::CodeBlock { .. } | NodeKind::Code => Some((node.span, false)),
                    NodeKind::HtmlBlock | NodeKind::Html | NodeKind::InlineHtml => {
                        Some((node.span, true))
                    }
                    _ => None,
                })
                .collect()
        });
        let mut in_comment = false;
        let mut in_code = false;
        for &(span, comment) in skip.iter() {
            if span.contains(offset) {
                in_comment |= comment;
                in_code |= !comment;
            }
        }
        if in_code {
            continue;
        }
        let after = name_start + name_len + 1;
        let line_end = text
            .get(after..)
            .and_then(|rest| rest.find(['\n', '\r']))
            .map_or(text.len(), |at| after + at);
        let note = text
            .get(after..line_end)
            .and_then(|rest| rest.strip_prefix(':'))
            .map(|note| note.trim().trim_end_matches("-->").trim_end())
            .filter(|note| !note.is_empty());
        let whole = Spanned::new(text, Span::from_range(0..text.len()));
        let note = note.map(|note| sub_text(whole, note));
        let end = note.map_or(Span::from_range(0..after).end, |note| note.span.end);
        found.push(DeferredField {
            name: sub_text(whole, name),
            note,
            span: Span::new(offset, end),
            in_comment,
        });
        search = after;
    }
    found
}
