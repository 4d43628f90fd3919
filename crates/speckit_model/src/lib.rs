//! Typed views over the lossless Markdown tree.
//!
//! A [`Document`] owns a file's text and its [`speckit_md::MdTree`]; the typed
//! models ([`Spec`], [`Plan`], [`TaskList`], [`Constitution`], [`Checklist`])
//! borrow from it, so every value is a `&str` slice of the original text with
//! its exact byte span. Building a model never fails on content: a missing
//! section is `None` or an empty list, and odd input is kept as-is.
//!
//! Invariants: no IO and no `Result` for content problems; nothing here knows
//! about rules, rendering, the file system or the CLI.

pub mod checklist;
pub mod common;
pub mod constitution;
mod document;
mod kind;
pub mod plan;
pub mod spec;
pub mod tasks;

pub use checklist::{Checklist, ChecklistItem};
pub use common::{
    CheckItem, ListEntry, MetaField, Outline, OutlineEntry, Text, parse_iso_date, strip_markup,
};
pub use constitution::{Constitution, Principle, VersionLine};
pub use document::{Document, INVALID_UTF8, Model, PARSER_FAILURE};
pub use kind::{DocKind, Generation};
pub use plan::Plan;
pub use spec::Spec;
pub use tasks::{Task, TaskFormat, TaskList, TaskStatus};
