//! The plan's logical section tree.
//!
//! The Markdown tree turns every heading into a section, including the
//! accidental setext headings that plan templates produce: a line such as
//! `**Relationships**:` directly followed by an empty bullet `-` is, for
//! `CommonMark`, a level-2 heading underlined by `-`. Such a heading would end
//! the enclosing H2 and swallow the following subsections, so the plan model
//! works on its own view in which accidental headings are ordinary blocks of
//! the section they appear in.
//!
//! This module owns that view (built in one pass over the top-level blocks)
//! and the section-level facts derived from it: titles (normalised, and split
//! as `Word N: Name`), spans and blankness. It must not interpret section
//! content.

use std::cell::RefCell;

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{NodeId, NodeKind, SectionId, lex};
use speckit_text::{Span, Spanned};

use super::scan;
use crate::common::Text;
use crate::document::Document;

/// A section the model read: its heading and extent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SectionRef<'a> {
    /// The heading text, without `#` markers.
    pub title: Text<'a>,
    /// The heading line (for a setext heading, both lines).
    pub heading_span: Span,
    /// From the heading to the next heading of the same or a higher level.
    pub span: Span,
    /// Heading level (1–6).
    pub level: u8,
    /// True when the section and its subsections hold nothing but headings,
    /// HTML comments, whitespace, separators and empty bullets.
    pub blank: bool,
}

#[derive(Clone, Copy, Debug)]
struct Node<'a> {
    id: SectionId,
    level: u8,
    title: Text<'a>,
    /// The title without decorations and numbering, for matching by name.
    normalized: Text<'a>,
    /// Index of the heading in `Layout::blocks` (`None` for the document).
    heading: Option<usize>,
    /// The section's own blocks are `blocks[own_start..own_end]`.
    own_start: usize,
    own_end: usize,
    /// Blocks of the whole subtree end here.
    end: usize,
    /// Index in `Layout::nodes` one past the last descendant.
    subtree_end: usize,
    /// See [`SectionRef::blank`].
    blank: bool,
    /// See [`SectionRef::heading_span`] (empty at 0 for the document).
    heading_span: Span,
    /// See [`SectionRef::span`].
    span: Span,
}

impl Node<'_> {
    /// A section opened by the heading at `heading` (an index into the
    /// blocks); extents are filled in once all headings are known.
    fn open(
        id: SectionId,
        level: u8,
        title: Text<'_>,
        heading: Option<usize>,
        blocks: usize,
    ) -> Node<'_> {
        Node {
            id,
            level,
            title,
            normalized: normalized_text(title),
            heading,
            own_start: heading.map_or(0, |index| index + 1),
            own_end: blocks,
            end: blocks,
            subtree_end: 0,
            blank: true,
            heading_span: Span::empty(0),
            span: Span::empty(0),
        }
    }
}

/// What [`Layout::node`] gives for an index that is out of range.
const NO_NODE: Node<'static> = Node {
    id: SectionId::DOCUMENT,
    level: 0,
    title: Spanned::new("", Span::empty(0)),
    normalized: Spanned::new("", Span::empty(0)),
    heading: None,
    own_start: 0,
    own_end: 0,
    end: 0,
    subtree_end: 0,
    blank: true,
    heading_span: Span::empty(0),
    span: Span::empty(0),
};

/// Logical sections of a plan, in document order; index 0 is the document.
pub(crate) struct Layout<'a> {
    pub(crate) doc: &'a Document,
    blocks: Vec<NodeId>,
    nodes: Vec<Node<'a>>,
    /// Setext headings read as text.
    accidental: Vec<SectionId>,
    /// Sections handed out as [`SectionRef`]s, for the outline.
    known: RefCell<Vec<SectionId>>,
}

impl<'a> Layout<'a> {
    pub(crate) fn new(doc: &'a Document) -> Layout<'a> {
        let tree = &doc.tree;
        // Node and section fields are read straight from the tree's slices:
        // its accessors are calls into another crate, and this looks at
        // every top-level block.
        let tree_nodes = tree.nodes();
        let sections = tree.sections();
        let kind_span = |id: NodeId| {
            tree_nodes
                .get(id.index())
                .map_or((NodeKind::Root, Span::empty(0)), |node| {
                    (node.kind, node.span)
                })
        };
        let blocks: Vec<NodeId> = tree.children(NodeId::ROOT).collect();
        let mut nodes = Vec::with_capacity(sections.len());
        nodes.push(Node::open(
            SectionId::DOCUMENT,
            0,
            Spanned::new("", Span::empty(0)),
            None,
            blocks.len(),
        ));
        let mut accidental = Vec::new();
        let mut heading_count = 0u32;
        for (block_index, &block) in blocks.iter().enumerate() {
            let (NodeKind::Heading { level, setext }, heading_span) = kind_span(block) else {
                continue;
            };
            // Every top-level heading opens the next section of the tree.
            heading_count += 1;
            let id = match sections.get(heading_count as usize) {
                Some(section) if section.heading == Some(block) => SectionId(heading_count),
                _ => section_of_heading(doc, block),
            };
            if setext && level == 2 && is_accidental_heading(doc, block) {
                accidental.push(id);
                continue;
            }
            if let Some(previous) = nodes.last_mut() {
                previous.own_end = block_index;
            }
            let title = sections
                .get(id.index())
                .map_or(Span::empty(0), |section| section.title);
            let mut node = Node::open(
                id,
                level,
                scan::slice(&doc.text, title),
                Some(block_index),
                blocks.len(),
            );
            node.heading_span = heading_span;
            nodes.push(node);
        }
        close_subtrees(&mut nodes);
        mark_blank(doc, &blocks, &mut nodes);
        let text_end = Span::from_range(0..doc.text.len()).end;
        for node in &mut nodes {
            let start = node.heading_span.start;
            let end = blocks
                .get(node.end)
                .map_or(text_end, |&block| kind_span(block).1.start);
            node.span = Span::new(start, end.max(start));
        }
        Layout {
            doc,
            blocks,
            nodes,
            accidental,
            known: RefCell::new(Vec::new()),
        }
    }

    fn node(&self, section: usize) -> &Node<'a> {
        self.nodes
            .get(section)
            .or_else(|| self.nodes.first())
            .unwrap_or(&NO_NODE)
    }

    /// The section holding the plan's H2s: the first H1, else the document.
    pub(crate) fn top(&self) -> usize {
        self.children(0)
            .find(|&section| self.node(section).level == 1)
            .unwrap_or(0)
    }

    /// The last section in document order (where the footer lives).
    pub(crate) fn last(&self) -> usize {
        self.nodes.len().saturating_sub(1)
    }

    /// Direct child sections of `section`.
    pub(crate) fn children(&self, section: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.node(section).subtree_end;
        let mut next = section + 1;
        std::iter::from_fn(move || {
            if next >= end {
                return None;
            }
            let current = next;
            next = self.node(current).subtree_end.max(current + 1);
            Some(current)
        })
    }

    /// All sections below `section`, in document order.
    pub(crate) fn descendants(&self, section: usize) -> std::ops::Range<usize> {
        section + 1..self.node(section).subtree_end.max(section + 1)
    }

    /// The first direct child whose title matches one of `names`
    /// (ignoring ASCII case, decorations and leading numbers).
    pub(crate) fn child_named(&self, section: usize, names: &[&str]) -> Option<usize> {
        self.children(section).find(|&child| {
            let title = self.node(child).normalized.value;
            names.iter().any(|name| title.eq_ignore_ascii_case(name))
        })
    }

    /// Top-level blocks of `section` itself (accidental headings included).
    pub(crate) fn own_blocks(&self, section: usize) -> impl Iterator<Item = NodeId> + '_ {
        let node = self.node(section);
        self.blocks_in(node.own_start..node.own_end)
    }

    /// Top-level blocks of `section` and all its subsections, subsection
    /// headings included.
    pub(crate) fn subtree_blocks(&self, section: usize) -> impl Iterator<Item = NodeId> + '_ {
        let node = self.node(section);
        self.blocks_in(node.own_start..node.end)
    }

    fn blocks_in(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = NodeId> + '_ {
        self.blocks.get(range).unwrap_or(&[]).iter().copied()
    }

    pub(crate) fn title(&self, section: usize) -> Text<'a> {
        self.node(section).title
    }

    /// The title without decorations and leading numbering.
    pub(crate) fn normalized_title(&self, section: usize) -> Text<'a> {
        self.node(section).normalized
    }

    /// The title split as `Word N: Name` for one of `words`.
    pub(crate) fn numbered_title(&self, section: usize, words: &[&str]) -> Option<Numbered<'a>> {
        split_numbered(self.node(section).normalized, words)
    }

    /// Every descendant of `section` titled `Word N: Name` for one of
    /// `words`, with its split title.
    pub(crate) fn numbered_descendants(
        &self,
        section: usize,
        words: &[&str],
    ) -> Vec<(usize, Numbered<'a>)> {
        self.descendants(section)
            .filter_map(|child| {
                self.numbered_title(child, words)
                    .map(|numbered| (child, numbered))
            })
            .collect()
    }

    pub(crate) fn heading_span(&self, section: usize) -> Span {
        self.node(section).heading_span
    }

    /// From the heading to the start of the next section that is not a
    /// descendant (or the end of the text).
    pub(crate) fn span(&self, section: usize) -> Span {
        self.node(section).span
    }

    /// The section as a [`SectionRef`]; marks it as understood for the outline.
    pub(crate) fn section_ref(&self, section: usize) -> SectionRef<'a> {
        let node = self.node(section);
        if let Ok(mut known) = self.known.try_borrow_mut() {
            known.push(node.id);
        }
        SectionRef {
            title: node.title,
            heading_span: node.heading_span,
            span: node.span,
            level: node.level,
            blank: node.blank,
        }
    }

    /// Sections that need no "unknown" mark in the outline: those read by the
    /// model, and accidental headings (which are not sections at all).
    pub(crate) fn known_sections(&self) -> Vec<SectionId> {
        let mut known = self
            .known
            .try_borrow()
            .map(|known| known.clone())
            .unwrap_or_default();
        known.extend_from_slice(&self.accidental);
        known
    }
}

/// The tree section whose heading is `block`. Top-level headings and tree
/// sections correspond one to one in order, so the caller tries the next
/// section first; this look-up guards against any drift between the two.
fn section_of_heading(doc: &Document, block: NodeId) -> SectionId {
    debug_assert!(false, "section order differs from heading order");
    doc.tree
        .sections()
        .iter()
        .position(|section| section.heading == Some(block))
        .map_or(SectionId::DOCUMENT, |index| {
            SectionId(u32::try_from(index).unwrap_or(0))
        })
}

/// Sets each section's subtree end: the next section at the same or a
/// higher level closes it.
fn close_subtrees(nodes: &mut [Node<'_>]) {
    let count = nodes.len();
    let block_count = nodes.first().map_or(0, |document| document.end);
    let mut open: Vec<usize> = Vec::with_capacity(8);
    for index in 1..count {
        let Some(current) = nodes.get(index).copied() else {
            break;
        };
        while let Some(&top) = open.last() {
            let Some(open_node) = nodes.get_mut(top) else {
                break;
            };
            if open_node.level < current.level {
                break;
            }
            open_node.subtree_end = index;
            open_node.end = current.heading.unwrap_or(block_count);
            open.pop();
        }
        open.push(index);
    }
    for top in open {
        if let Some(open_node) = nodes.get_mut(top) {
            open_node.subtree_end = count;
            open_node.end = block_count;
        }
    }
    if let Some(document) = nodes.first_mut() {
        document.subtree_end = count;
    }
}

/// Marks each section blank when its own blocks and all its subsections'
/// are. One look at every block: a section's subtree is blank exactly when
/// no section from it to its subtree end has content of its own.
fn mark_blank(doc: &Document, blocks: &[NodeId], nodes: &mut [Node<'_>]) {
    let count = nodes.len();
    // Backwards, so that this is the first section at or after the current
    // one with content of its own (`count` for none).
    let mut next_content = count;
    for index in (0..count).rev() {
        let Some(node) = nodes.get_mut(index) else {
            continue;
        };
        let own = blocks.get(node.own_start..node.own_end).unwrap_or(&[]);
        if !own.iter().all(|&block| is_blank_block(doc, block)) {
            next_content = index;
        }
        node.blank = next_content >= node.subtree_end.max(index + 1);
    }
}

/// A setext H2 that an author did not mean: its text is a `**Label**:` field,
/// or its underline is one or two dashes (an empty bullet or a stray `--`).
pub(crate) fn is_accidental_heading(doc: &Document, block: NodeId) -> bool {
    let mut first = None;
    let mut last = None;
    for line in lex::lines(&doc.text, doc.tree.span(block)) {
        first.get_or_insert(line);
        last = Some(line);
    }
    let (Some(first), Some(last)) = (first, last) else {
        return false;
    };
    let underline = scan::trim_str(last.value);
    underline.len() <= 2 || scan::read_field(first).is_some()
}

/// [`normalize_title`] keeping the span.
fn normalized_text(title: Text<'_>) -> Text<'_> {
    scan::sub(title, normalize_title(title.value))
}

/// A title with decorations and leading numbering removed.
pub(crate) fn normalize_title(title: &str) -> &str {
    // Decorations end in a space, `)`, `*`, `_`, `MVP` or a non-ASCII
    // symbol; a title whose edges are other visible ASCII characters (most
    // are) has none to strip and no outer whitespace.
    let bytes = title.as_bytes();
    let visible = |byte: u8| byte > b' ' && byte.is_ascii();
    let plain_end = bytes
        .last()
        .is_some_and(|&last| visible(last) && !matches!(last, b')' | b'*' | b'_' | b'P'));
    let plain_start = bytes.first().is_some_and(|&first| visible(first));
    let undecorated = if plain_end && plain_start {
        title
    } else {
        lex::strip_heading_decorations(title)
    };
    lex::strip_leading_number(undecorated)
}

/// Whether a top-level block adds nothing a reader would call content.
pub(crate) fn is_blank_block(doc: &Document, block: NodeId) -> bool {
    let tree = &doc.tree;
    let nodes = tree.nodes();
    // An id from elsewhere reads as the root, as `MdTree` answers it.
    let Some(node) = nodes.get(block.index()) else {
        return false;
    };
    match node.kind {
        NodeKind::Heading { setext, .. } => !setext || !is_accidental_heading(doc, block),
        NodeKind::ThematicBreak => true,
        NodeKind::HtmlBlock => is_comment_only(doc.text.get(node.span.range()).unwrap_or("")),
        // An empty item is its marker alone (item spans end at the last
        // visible character, so nested content would show up here).
        NodeKind::List { .. } => {
            let item_blank = |item: NodeId| {
                let span = nodes
                    .get(item.index())
                    .map_or(Span::empty(0), |item| item.span);
                scan::list_marker(scan::slice(&doc.text, span))
                    .is_some_and(|marker| scan::trim_str(marker.rest.value).is_empty())
            };
            // A list's first item is the node right after it; it settles
            // most lists without walking the items.
            let first = NodeId(block.0 + 1);
            let first_is_item = nodes
                .get(first.index())
                .is_some_and(|node| node.kind == NodeKind::Item);
            if first_is_item && !item_blank(first) {
                return false;
            }
            tree.list_items(block).all(item_blank)
        }
        _ => false,
    }
}

/// True if `text` holds only HTML comments and whitespace.
fn is_comment_only(text: &str) -> bool {
    let mut rest = text;
    loop {
        let Some(open) = rest.find("<!--") else {
            return rest.trim().is_empty();
        };
        if !rest.get(..open).unwrap_or("").trim().is_empty() {
            return false;
        }
        let after_open = rest.get(open + 4..).unwrap_or("");
        match after_open.find("-->") {
            Some(close) => rest = after_open.get(close + 3..).unwrap_or(""),
            None => return true,
        }
    }
}

/// A heading of the form `Word N: Name` (`Decision 1: Storage`,
/// `Endpoint 2: List items`, `Phase 0 — Research`, `` Table: `users` ``).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Numbered<'a> {
    pub(crate) number: Option<Text<'a>>,
    pub(crate) name: Text<'a>,
}

/// Splits a numbered heading title (already normalised, see
/// [`Layout::normalized_title`]). A number is a run of digits, letters,
/// `.`, `+` and `-` that holds a digit (or is a single letter); without one,
/// the word must be followed by a colon. Returns `None` when the title does
/// not start with one of `words`.
pub(crate) fn split_numbered<'a>(title: Text<'a>, words: &[&str]) -> Option<Numbered<'a>> {
    let value = title.value;
    let rest = words.iter().find_map(|word| {
        let head = value.get(..word.len())?;
        let rest = value.get(word.len()..)?;
        let boundary = rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
        (head.eq_ignore_ascii_case(word) && boundary).then_some(rest)
    })?;
    let rest = rest.trim_start_matches([' ', '\t', '\u{3000}']);
    let number_len = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-')))
        .map_or(rest.len(), |(at, _)| at);
    let raw = rest.get(..number_len).unwrap_or("").trim_end_matches('.');
    let is_number = !raw.is_empty() && (raw.bytes().any(|b| b.is_ascii_digit()) || raw.len() == 1);
    let after = if is_number {
        rest.get(number_len..).unwrap_or("")
    } else {
        rest
    };
    let trimmed = scan::trim_start_str(after);
    if !(is_number || trimmed.starts_with(':') || trimmed.starts_with('：')) {
        return None;
    }
    let name = trimmed
        .trim_start_matches([':', '：', '-', '–', '—', '.'])
        .trim();
    let number = is_number.then(|| scan::sub(title, raw));
    Some(Numbered {
        number,
        name: scan::sub(title, name),
    })
}
