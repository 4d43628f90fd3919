//! The constitution model: spec-kit's `constitution.md` (FORMATS.md §B.8)
//! and the plugin's (§C.5).
//!
//! spec-kit: `# Project Constitution`, numbered principles under
//! `## Core Principles` (`### I. Library-First (NON-NEGOTIABLE)`), further
//! H2 sections, `## Governance`, and one pipe-packed footer
//! `**Version**: x.y.z | **Ratified**: … | **Last Amended**: …`, often
//! preceded by a Sync Impact Report comment. Plugin: unnumbered principles
//! and a two-line footer `**Last Updated**: …` / `**Version**: 1.0`.
//! Real files also write `### Principle I: Name`, `(MUST)` after a name,
//! a footer without Last Amended, and the footer in the middle of the file.

mod normative;

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeId, NodeKind, SectionId, lex};
use speckit_text::{Span, Spanned};

use crate::common::{MetaField, Outline, Text, sub_text};
use crate::document::Document;
use crate::kind::Generation;

pub use normative::{NormativeLevel, NormativeStatement};

/// A project constitution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Constitution<'a> {
    pub generation: Generation,
    pub title: Option<Text<'a>>,
    /// `Acme` of `# Acme Constitution` or `# Project Constitution: Acme`.
    pub project_name: Option<Text<'a>>,
    pub metadata: Vec<MetaField<'a>>,
    pub front_matter: Option<Span>,
    /// The `<!-- Sync Impact Report … -->` comment, whole.
    pub sync_impact_report: Option<Text<'a>>,
    /// The `## Core Principles` section.
    pub core_principles: Option<ConstitutionSection<'a>>,
    pub principles: Vec<Principle<'a>>,
    /// Every other H2 section, Governance included, in order.
    pub sections: Vec<ConstitutionSection<'a>>,
    pub governance: Option<ConstitutionSection<'a>>,
    pub version: Option<VersionLine<'a>>,
    /// `TODO(NAME): …` deferrals anywhere outside code.
    pub deferred: Vec<DeferredField<'a>>,
    pub outline: Outline<'a>,
}

/// A section of the constitution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ConstitutionSection<'a> {
    pub title: Text<'a>,
    pub level: u8,
    pub heading_span: Span,
    pub span: Span,
    /// Nothing but comments, whitespace and empty bullets below the heading.
    pub blank: bool,
}

/// One principle (an H3 under Core Principles).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Principle<'a> {
    /// The whole heading text.
    pub heading: Text<'a>,
    /// `IV` of `IV. Name` (or `4` of `4. Name`).
    pub number: Option<Text<'a>>,
    /// The number's value (roman numerals read).
    pub ordinal: Option<u32>,
    /// The name without number and `(NON-NEGOTIABLE)`.
    pub name: Text<'a>,
    pub non_negotiable: bool,
    pub heading_span: Span,
    pub span: Span,
    /// Everything under the heading, trimmed.
    pub body: Text<'a>,
    /// `**Rationale**: …` and other field lines of the body.
    pub fields: Vec<MetaField<'a>>,
    pub statements: Vec<NormativeStatement<'a>>,
}

impl<'a> Principle<'a> {
    pub fn rationale(&self) -> Option<MetaField<'a>> {
        Document::field_named(&self.fields, &["Rationale", "理由", "根拠"])
    }
}

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

const CORE_PRINCIPLES: &[&str] = &[
    "Core Principles",
    "Principles",
    "基本原則",
    "コア原則",
    "核心原則",
    "核心原则",
    "原則",
    "原则",
];
const GOVERNANCE: &[&str] = &["Governance", "ガバナンス", "治理"];
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

impl<'a> Constitution<'a> {
    pub fn parse(doc: &'a Document) -> Self {
        let top = doc.top();
        let h2s: Vec<SectionId> = doc
            .tree
            .child_sections(top)
            .filter(|&id| doc.tree.section(id).level >= 2)
            .collect();
        let core = h2s
            .iter()
            .copied()
            .find(|&id| heading_in(doc, id, CORE_PRINCIPLES));
        let governance = h2s
            .iter()
            .copied()
            .find(|&id| heading_in(doc, id, GOVERNANCE));
        let principles: Vec<Principle<'a>> = core
            .map(|core| {
                doc.tree
                    .child_sections(core)
                    .map(|id| read_principle(doc, id))
                    .collect()
            })
            .unwrap_or_default();
        let mut known: Vec<SectionId> = h2s.clone();
        if let Some(core) = core {
            known.extend(doc.tree.child_sections(core));
        }
        let title = doc.title();
        let version = read_version(doc);
        Constitution {
            generation: detect_with(doc, version.as_ref(), &principles),
            title,
            project_name: title.and_then(project_name),
            metadata: doc.header_fields(),
            front_matter: doc
                .tree
                .front_matter()
                .map(|front_matter| front_matter.span),
            sync_impact_report: sync_impact_report(doc),
            core_principles: core.map(|id| section(doc, id)),
            principles,
            sections: h2s
                .iter()
                .filter(|&&id| Some(id) != core)
                .map(|&id| section(doc, id))
                .collect(),
            governance: governance.map(|id| section(doc, id)),
            version,
            deferred: deferred_fields(doc),
            outline: doc.outline(&known),
        }
    }

    /// The principle whose number or name is `key` (`II`, `2`, `Test-First`).
    pub fn principle(&self, key: &str) -> Option<&Principle<'a>> {
        let ordinal = key.parse::<u32>().ok().or_else(|| roman_value(key));
        self.principles.iter().find(|principle| {
            principle.name.value.eq_ignore_ascii_case(key)
                || (ordinal.is_some() && principle.ordinal == ordinal)
        })
    }
}

fn heading_in(doc: &Document, id: SectionId, names: &[&str]) -> bool {
    names
        .iter()
        .any(|name| lex::heading_is(doc.section_title(id).value, name))
}

fn section(doc: &Document, id: SectionId) -> ConstitutionSection<'_> {
    let section = doc.tree.section(id);
    ConstitutionSection {
        title: doc.section_title(id),
        level: section.level,
        heading_span: doc.section_heading_span(id),
        span: section.span,
        blank: doc.is_section_blank(id),
    }
}

/// `Acme Constitution` → `Acme`; `Project Constitution: Acme` → `Acme`.
fn project_name(title: Text<'_>) -> Option<Text<'_>> {
    let value = title.value.trim();
    let name = if let Some(at) = value.find([':', '：']) {
        value.get(at..)?.trim_start_matches([':', '：']).trim()
    } else {
        let without_word = ["Constitution", "constitution", "憲法", "宪法"]
            .iter()
            .find_map(|word| value.strip_suffix(word))
            .unwrap_or(value);
        without_word
            .trim_end()
            .trim_end_matches(['の', '-', '–', '—'])
            .trim_end()
    };
    let generic =
        name.is_empty() || name.eq_ignore_ascii_case("project") || name.eq_ignore_ascii_case("the");
    (!generic).then(|| sub_text(title, name))
}

/// Reads `IV. Name (NON-NEGOTIABLE)`, `Principle I: Name`, `4. Name`, `Name`.
fn read_principle(doc: &Document, id: SectionId) -> Principle<'_> {
    let heading = doc.section_title(id);
    let value = heading.value.trim();
    let after_word = ["Principle ", "principle ", "原則", "原则"]
        .iter()
        .find_map(|word| value.strip_prefix(word))
        .map_or(value, str::trim_start);
    let number_len = after_word
        .find(|c: char| !(c.is_ascii_digit() || "IVXLCDM".contains(c)))
        .unwrap_or(0);
    let (number, rest) = match (after_word.get(..number_len), after_word.get(number_len..)) {
        (Some(number), Some(rest))
            if !number.is_empty()
                && rest.starts_with(['.', ':', ')', '：'])
                && (number.parse::<u32>().is_ok() || roman_value(number).is_some()) =>
        {
            (
                Some(number),
                rest.get(1..)
                    .or(rest.get('：'.len_utf8()..))
                    .unwrap_or("")
                    .trim_start(),
            )
        }
        _ => (None, value),
    };
    let (name, non_negotiable) = strip_non_negotiable(rest);
    let name = lex::strip_heading_decorations(name);
    let number = number.map(|number| sub_text(heading, number));
    let section = doc.tree.section(id);
    let mut fields = Vec::new();
    for block in doc.tree.section_all_blocks(id) {
        if doc.tree.kind(block) == NodeKind::Paragraph {
            doc.push_paragraph_fields(block, &mut fields);
        }
    }
    Principle {
        heading,
        ordinal: number.and_then(|number| {
            number
                .value
                .parse()
                .ok()
                .or_else(|| roman_value(number.value))
        }),
        number,
        name: sub_text(heading, name),
        non_negotiable,
        heading_span: doc.section_heading_span(id),
        span: section.span,
        body: doc.section_body(id).trim(),
        fields,
        statements: normative::statements_in(doc, id),
    }
}

/// Removes a `(NON-NEGOTIABLE)` group (any case, full-width parentheses too).
fn strip_non_negotiable(text: &str) -> (&str, bool) {
    let upper_at = text.to_ascii_uppercase().find("NON-NEGOTIABLE");
    let Some(at) = upper_at else {
        return (text.trim(), false);
    };
    let before = text.get(..at).unwrap_or("").trim_end();
    let before = before
        .strip_suffix(['(', '（'])
        .unwrap_or(before)
        .trim_end();
    (before, true)
}

/// The value of a roman numeral up to 3999 (`IV` → 4), strictly formed.
fn roman_value(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 15 {
        return None;
    }
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let values: Vec<u32> = text.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (index, &value) in values.iter().enumerate() {
        match values.get(index + 1) {
            Some(&next) if next > value => total -= i64::from(value),
            _ => total += i64::from(value),
        }
    }
    let total = u32::try_from(total).ok().filter(|&total| total > 0)?;
    (to_roman(total) == text).then_some(total)
}

fn to_roman(mut value: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (step, letters) in TABLE {
        while value >= step {
            out.push_str(letters);
            value -= step;
        }
    }
    out
}

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
fn read_version(doc: &Document) -> Option<VersionLine<'_>> {
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
            let packed = lex::pipe_fields(line);
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
                let packed = lex::pipe_fields(line);
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

/// The first HTML comment that calls itself a Sync Impact Report.
fn sync_impact_report(doc: &Document) -> Option<Text<'_>> {
    doc.tree
        .nodes()
        .iter()
        .filter(|node| matches!(node.kind, NodeKind::HtmlBlock))
        .map(|node| Spanned::slice(&doc.text, node.span).trim())
        .find(|html| {
            let head = html
                .value
                .get(..html.value.len().min(400))
                .unwrap_or(html.value);
            head.starts_with("<!--") && head.to_ascii_lowercase().contains("sync impact report")
        })
}

/// `TODO(NAME)` and `TODO(NAME): note`, outside code.
fn deferred_fields(doc: &Document) -> Vec<DeferredField<'_>> {
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

pub(crate) fn detect_generation(doc: &Document) -> Generation {
    let constitution = Constitution::parse(doc);
    constitution.generation
}

fn detect_with(
    doc: &Document,
    version: Option<&VersionLine<'_>>,
    principles: &[Principle<'_>],
) -> Generation {
    let title = doc.title().map_or("", |title| title.value.trim());
    let plugin_title = title
        .get(.."Project Constitution".len())
        .is_some_and(|head| head.eq_ignore_ascii_case("Project Constitution"));
    let plugin_footer = version.is_some_and(|line| {
        !line.pipe_packed && line.last_updated.is_some() && line.ratified.is_none()
    });
    let speckit_footer = version.is_some_and(|line| line.pipe_packed || line.ratified.is_some());
    let numbered = principles
        .iter()
        .any(|principle| principle.number.is_some());
    let vision = doc
        .tree
        .child_sections(doc.top())
        .any(|id| lex::heading_is(doc.section_title(id).value, "Project Vision"));
    if speckit_footer || numbered || sync_impact_report(doc).is_some() {
        Generation::SpecKit
    } else if plugin_footer || plugin_title || vision {
        Generation::Plugin
    } else if !principles.is_empty() {
        Generation::SpecKit
    } else {
        Generation::Unknown
    }
}

#[cfg(test)]
mod tests;
