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

mod footer;
mod normative;

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeKind, SectionId, lex};
use speckit_text::{Span, Spanned};

use crate::common::{MetaField, Outline, Text, sub_text};
use crate::document::Document;
use crate::kind::Generation;

pub use footer::{DeferredField, VersionLine};
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
        let version = footer::read_version(doc);
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
            deferred: footer::deferred_fields(doc),
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
    lex::heading_is_any(doc.section_title(id).value, names)
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

/// `value` in Roman numerals (`14` → `XIV`), as principles are numbered.
pub fn to_roman(mut value: u32) -> String {
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
