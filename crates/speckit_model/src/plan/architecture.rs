//! `## Architecture Overview`: design principles and decision records.
//!
//! Two decision shapes are accepted (FORMATS.md §C.1):
//!
//! - the template's: `#### Decision 1: Title` followed by bullet fields
//!   `- **Context**: …`, `- **Options Considered**:` with a nested numbered
//!   list `1. Option A: …`, `- **Decision**: …`, `- **Rationale**: …`,
//!   `- **Consequences**: …`;
//! - the plan command's example: `#### Decision: Title` with paragraph fields,
//!   `**Options Considered:**` followed by `1. Name - description`, and
//!   fields such as `**Rationale**:` followed by bullet lists.
//!
//! Mixtures of the two read the same way.

use schemars::JsonSchema;
use serde::Serialize;

use super::content::{Bullet, Field, ItemList, find_field, item_list, read_content};
use super::layout::{Layout, SectionRef};
use super::scan;
use crate::common::Text;

const CONTEXT: &[&str] = &["Context", "Background", "Problem"];
const OPTIONS: &[&str] = &[
    "Options Considered",
    "Options",
    "Alternatives Considered",
    "Alternatives",
];
const DECISION: &[&str] = &["Decision", "Chosen Option", "Choice"];
const RATIONALE: &[&str] = &["Rationale", "Reason", "Why"];
const CONSEQUENCES: &[&str] = &["Consequences", "Trade-offs", "Tradeoffs", "Implications"];

/// `## Architecture Overview`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Architecture<'a> {
    pub section: SectionRef<'a>,
    /// `### Design Principles` bullets.
    pub design_principles: Option<ItemList<'a>>,
    /// The `### Architectural Decisions` heading.
    pub decisions_section: Option<SectionRef<'a>>,
    /// Every `Decision …` heading below the section, in order.
    pub decisions: Vec<Decision<'a>>,
}

/// How a decision record is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionShape {
    /// `- **Context**: …` bullet fields (the template).
    Bullets,
    /// `**Context**: …` paragraph fields (the plan command's example).
    Paragraphs,
}

/// One decision record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Decision<'a> {
    pub section: SectionRef<'a>,
    /// `1` of `Decision 1: …`; `None` for `Decision: …`.
    pub number: Option<Text<'a>>,
    /// The title after the number.
    pub title: Text<'a>,
    pub shape: DecisionShape,
    /// Every field in order (Context, Options Considered, Decision, …).
    pub fields: Vec<Field<'a>>,
    /// The items of `Options Considered`.
    pub options: Vec<DecisionOption<'a>>,
}

/// One option of a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DecisionOption<'a> {
    /// The item's number (`1.`).
    pub number: Option<u64>,
    /// `A` of `Option A: …`.
    pub label: Option<Text<'a>>,
    /// Everything after `Option A:` (or the whole item).
    pub text: Text<'a>,
    /// The option's name: the part before ` - ` / `: `, or a leading
    /// `**bold**` name; the whole text otherwise.
    pub name: Text<'a>,
    /// The part after the name, when there is one.
    pub description: Option<Text<'a>>,
    /// The item's first line.
    pub line: speckit_text::Span,
}

impl<'a> Decision<'a> {
    /// The first field named like one of `labels`.
    pub fn field(&self, labels: &[&str]) -> Option<&Field<'a>> {
        find_field(&self.fields, labels)
    }

    pub fn context(&self) -> Option<&Field<'a>> {
        self.field(CONTEXT)
    }

    pub fn options_field(&self) -> Option<&Field<'a>> {
        self.field(OPTIONS)
    }

    /// The `Decision` field: the chosen option.
    pub fn decision(&self) -> Option<&Field<'a>> {
        self.field(DECISION)
    }

    pub fn rationale(&self) -> Option<&Field<'a>> {
        self.field(RATIONALE)
    }

    pub fn consequences(&self) -> Option<&Field<'a>> {
        self.field(CONSEQUENCES)
    }

    /// Index of the option the `Decision` field names, by `Option X` label
    /// or by the option's name (ASCII case-insensitive).
    pub fn chosen_option(&self) -> Option<usize> {
        let chosen = self.decision()?.value.value;
        if chosen.is_empty() {
            return None;
        }
        let by_label = self.options.iter().position(|option| {
            option
                .label
                .is_some_and(|label| names_option_label(chosen, label.value))
        });
        by_label.or_else(|| {
            self.options.iter().position(|option| {
                !option.name.value.is_empty()
                    && contains_ignore_ascii_case(chosen, option.name.value)
            })
        })
    }
}

/// True if `text` says `Option X` for this label.
fn names_option_label(text: &str, label: &str) -> bool {
    let mut rest = text;
    while let Some(at) = find_ignore_ascii_case(rest, "option") {
        let after = scan::trim_start_str(rest.get(at + 6..).unwrap_or(""));
        if after.starts_with(label)
            && after
                .get(label.len()..)
                .is_none_or(|tail| !tail.starts_with(char::is_alphanumeric))
        {
            return true;
        }
        rest = rest.get(at + 6..).unwrap_or("");
    }
    false
}

fn find_ignore_ascii_case(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    let needle = needle.as_bytes();
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    find_ignore_ascii_case(haystack, needle).is_some()
}

pub(crate) fn read_architecture<'a>(layout: &Layout<'a>, section: usize) -> Architecture<'a> {
    let decisions_section = layout.child_named(
        section,
        &[
            "Architectural Decisions",
            "Architecture Decisions",
            "Decisions",
        ],
    );
    let decisions = layout
        .numbered_descendants(section, &["Decision"])
        .into_iter()
        .map(|(child, numbered)| read_decision(layout, child, numbered.number, numbered.name))
        .collect();
    Architecture {
        section: layout.section_ref(section),
        design_principles: item_list(layout, section, &["Design Principles", "Principles"]),
        decisions_section: decisions_section.map(|child| layout.section_ref(child)),
        decisions,
    }
}

fn read_decision<'a>(
    layout: &Layout<'a>,
    section: usize,
    number: Option<Text<'a>>,
    title: Text<'a>,
) -> Decision<'a> {
    let content = read_content(layout.doc, layout.own_blocks(section));
    let shape = if content.fields.iter().any(|field| field.bullet) {
        DecisionShape::Bullets
    } else {
        DecisionShape::Paragraphs
    };
    let options = find_field(&content.fields, OPTIONS).map_or_else(
        // Without a label, a numbered list in the record is its options.
        || {
            content
                .items
                .iter()
                .filter(|item| item.number.is_some())
                .map(read_option)
                .collect()
        },
        |field| field.items.iter().map(read_option).collect(),
    );
    Decision {
        section: layout.section_ref(section),
        number,
        title,
        shape,
        fields: content.fields,
        options,
    }
}

/// `Option A: text`, `Name - description`, `**Name**: description`, `text`.
fn read_option<'a>(item: &Bullet<'a>) -> DecisionOption<'a> {
    let whole = item.text;
    let (label, text) = split_option_label(whole);
    let (name, description) = split_name(text);
    DecisionOption {
        number: item.number,
        label,
        text,
        name,
        description,
        line: item.line,
    }
}

fn split_option_label(text: Text<'_>) -> (Option<Text<'_>>, Text<'_>) {
    let value = text.value;
    let Some(after_word) = value
        .strip_prefix("Option ")
        .or_else(|| value.strip_prefix("option "))
    else {
        return (None, text);
    };
    let after_word = scan::trim_start_str(after_word);
    let label_len = after_word
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(after_word.len());
    let label = after_word.get(..label_len).unwrap_or("");
    let Some(rest) = after_word.get(label_len..).map(scan::trim_start_str) else {
        return (None, text);
    };
    let rest = match rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix(" -"))
        .or_else(|| rest.strip_prefix('-'))
    {
        Some(rest) => scan::trim_str(rest),
        None if rest.is_empty() => rest,
        None => return (None, text),
    };
    if label.is_empty() || label.chars().count() > 2 {
        return (None, text);
    }
    (Some(scan::sub(text, label)), scan::sub(text, rest))
}

/// The first ` - `, ` – `, ` — ` or `: ` in `value`, with its length. No two
/// of them can start at the same byte, so the first candidate found wins.
fn find_separator(value: &str) -> Option<(usize, usize)> {
    const SEPARATORS: [&str; 4] = [" - ", " – ", " — ", ": "];
    let bytes = value.as_bytes();
    memchr::memchr2_iter(b' ', b':', bytes).find_map(|at| {
        let rest = bytes.get(at..).unwrap_or(&[]);
        SEPARATORS
            .iter()
            .find(|separator| rest.starts_with(separator.as_bytes()))
            .map(|separator| (at, separator.len()))
    })
}

fn split_name(text: Text<'_>) -> (Text<'_>, Option<Text<'_>>) {
    let value = text.value;
    let bold = value
        .strip_prefix("**")
        .and_then(|inner| scan::find_pair(inner, b'*').map(|close| (inner, close)));
    let (name, after) = if let Some((inner, close)) = bold {
        (
            inner.get(..close).unwrap_or(""),
            inner.get(close + 2..).unwrap_or(""),
        )
    } else {
        let separator = find_separator(value);
        match separator {
            Some((at, len)) => (
                value.get(..at).unwrap_or(""),
                value.get(at + len..).unwrap_or(""),
            ),
            None => return (text, None),
        }
    };
    let name = scan::trim_end_str(scan::trim_str(name).trim_end_matches(':'));
    let description = scan::trim_str(after.trim_start_matches([':', ' ', '-', '–', '—']));
    let name = scan::sub(text, name);
    let description = (!description.is_empty()).then(|| scan::sub(text, description));
    (name, description)
}
