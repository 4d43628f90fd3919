//! A lossless Markdown tree.
//!
//! [`MdTree::parse`] runs one pulldown-cmark pass (CommonMark + GFM tables, task
//! lists, strikethrough, footnotes) over a text and records every block and
//! inline construct as a flat, pre-ordered node list with exact byte spans.
//! Headings are then grouped into a section tree. A line-oriented fast
//! scanner builds the same node list for the common subset of Markdown and
//! hands everything else to pulldown-cmark. The text itself is never
//! copied or changed: a tree is a view, so writing the original text back is
//! byte-identical by construction.
//!
//! Also here: YAML front matter detection, BOM handling, and line-level lexical
//! helpers shared by both document layouts (`**Label**: value` fields, checkbox
//! items, heading annotations).
//!
//! This crate must not know document kinds (spec, plan, …), rules or files.

mod blocks;
mod build;
mod fast;
pub mod lex;
mod sections;
mod tree;

pub use blocks::{CodeBlock, Table, TableRow};
pub use build::{Builder, parser_options};
pub use sections::{Section, SectionId};
pub use tree::{Children, FrontMatter, MdTree, Node, NodeId, NodeKind};

/// Byte length of a UTF-8 byte order mark at the start of `text` (0 or 3).
pub fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') { 3 } else { 0 }
}
