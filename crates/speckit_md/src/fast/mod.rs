//! The fast path: a line-oriented block scanner that builds the same node
//! list as the pulldown-cmark pass in [`crate::build`], or declines.
//!
//! It mirrors pulldown-cmark 0.13.6's first pass (container spine, list
//! tightness, paragraph interruption, tables, fences, comment blocks) on the
//! subset of Markdown that spec documents use, and finds the few inline
//! constructs the tree stores. Everything else makes it return `None` — tabs,
//! indented code, setext headings, link reference and footnote
//! definitions, HTML blocks other than comments, declarations — and the
//! caller falls back to pulldown-cmark. The contract is strict: a `Some`
//! result equals what `build_nodes` would produce, node for node.
//!
//! This module must not change the tree format or decide anything the
//! pulldown path would decide differently; when in doubt it declines.

mod blocks;
mod html;
mod inline;
mod para;
mod scan;
mod search;

use speckit_text::Span;

use crate::tree::{Node, NodeKind};

use inline::{Found, FoundKind, InlineScanner};
use search::Finder;

/// Marks a node as having no inline content yet (as in `build`).
const NO_CONTENT: Span = Span {
    start: u32::MAX,
    end: 0,
};

/// Builds the node list for `body` (which starts at byte `offset` of the
/// document) below `root`, or returns `None` when the document uses syntax
/// the fast path does not mirror exactly.
pub(crate) fn scan_fast(body: &str, offset: usize, root: Node) -> Option<Vec<Node>> {
    let bytes = body.as_bytes();
    let base = u32::try_from(offset).ok()?;
    u32::try_from(offset.checked_add(bytes.len())?).ok()?;
    if !plain_bytes(bytes) {
        return None;
    }
    let mut scanner = Scanner {
        bytes,
        base,
        find: Finder::new(),
        // About one node (before tight paragraphs go) per 30 bytes of spec text.
        nodes: Vec::with_capacity(bytes.len() / 30 + 8),
        spine: Vec::with_capacity(8),
        last_line_blank: false,
        begin_list_item: None,
        inline: InlineScanner::default(),
        open_links: Vec::new(),
        pending: Vec::new(),
        next_line: None,
    };
    scanner.nodes.push(root);
    let mut ix = 0;
    while ix < bytes.len() {
        ix = scanner.parse_block(ix)?;
    }
    while !scanner.spine.is_empty() {
        scanner.pop(ix);
    }
    debug_assert!(scanner.pending.is_empty(), "paragraphs of closed lists");
    let end = scanner.nodes.len() as u32;
    if let Some(root) = scanner.nodes.first_mut() {
        root.subtree_end = end;
    }
    Some(scanner.nodes)
}

/// True when `bytes` avoids the characters whose block semantics the fast
/// path does not mirror: tabs (column arithmetic), NUL (replaced by the
/// parser), vertical tab and form feed (whitespace to the parser, not to the
/// span trimming), and carriage returns not followed by a line feed.
fn plain_bytes(bytes: &[u8]) -> bool {
    if memchr::memchr3(b'\t', 0, 0x0b, bytes).is_some() || memchr::memchr(0x0c, bytes).is_some() {
        return false;
    }
    memchr::memchr_iter(b'\r', bytes).all(|index| bytes.get(index + 1) == Some(&b'\n'))
}

/// An open container on the spine.
#[derive(Clone, Copy, Debug)]
enum Open {
    /// A list; `delimiter` is the bullet or the `.`/`)` after the number.
    List {
        node: u32,
        delimiter: u8,
        tight: bool,
    },
    /// A list item whose content is indented by `indent` columns.
    Item { node: u32, indent: usize },
    /// A block quote.
    Quote { node: u32 },
}

impl Open {
    fn node(self) -> u32 {
        match self {
            Open::List { node, .. } | Open::Item { node, .. } | Open::Quote { node } => node,
        }
    }
}

/// A paragraph directly in an item of a list that is tight so far.
///
/// pulldown-cmark drops such paragraphs when a tight list closes
/// (`surgerize_tight_list`): their children move up to the item and their
/// content joins the item's. Most lists stay tight, so the paragraph gets
/// no node in the first place and its children hang from the item at once;
/// this record is enough to merge its content when the list closes, or to
/// put the node back if the list turns loose.
#[derive(Clone, Copy, Debug)]
struct Pending {
    /// Where the node would be: its children are `at..children_end`.
    at: u32,
    children_end: u32,
    /// The item holding the paragraph.
    item: u32,
    span: Span,
    content: Span,
}

pub(super) struct Scanner<'a> {
    bytes: &'a [u8],
    /// Offset of the body in the document; node spans are document offsets.
    base: u32,
    find: Finder,
    nodes: Vec<Node>,
    spine: Vec<Open>,
    last_line_blank: bool,
    begin_list_item: Option<usize>,
    inline: InlineScanner,
    /// Links and images being emitted, with their ends (reused buffer).
    open_links: Vec<(u32, usize)>,
    /// Paragraphs directly in the items of the open tight lists, which get
    /// no node (see [`Pending`]); in document order.
    pending: Vec<Pending>,
    /// `scan_containers` of the line a paragraph or table stopped at, which
    /// the next `parse_block` would otherwise scan again: (line, matched, content).
    next_line: Option<(usize, usize, usize)>,
}

impl Scanner<'_> {
    /// The position of the line end (`\r` or `\n`) at or after `index`, or
    /// the end of text.
    fn line_end(&self, index: usize) -> usize {
        let rest = scan::tail(self.bytes, index);
        match self.find.newline(rest) {
            Some(n) if n > 0 && rest.get(n - 1) == Some(&b'\r') => index + n - 1,
            Some(n) => index + n,
            None => index + rest.len(),
        }
    }

    /// `scan_nextline`: the start of the line after the one holding `index`.
    fn next_line(&self, index: usize) -> usize {
        let rest = scan::tail(self.bytes, index);
        self.find
            .newline(rest)
            .map_or(index + rest.len(), |n| index + n + 1)
    }

    /// The end of the line starting at `start` and its unescaped pipes (a
    /// `|` counts unless a backslash precedes it): how many and where the
    /// last one is. One search for the line a table may start on.
    fn line_end_and_pipes(&self, start: usize) -> (usize, usize, usize) {
        let bytes = self.bytes;
        let (mut pipes, mut last) = (0, start);
        let mut from = start;
        while let Some(offset) = self.find.newline_or_pipe(scan::tail(bytes, from)) {
            let found = from + offset;
            if scan::at(bytes, found) == b'\n' {
                let eol = if found > start && scan::at(bytes, found - 1) == b'\r' {
                    found - 1
                } else {
                    found
                };
                return (eol, pipes, last);
            }
            if found == 0 || scan::at(bytes, found - 1) != b'\\' {
                pipes += 1;
                last = found;
            }
            from = found + 1;
        }
        (bytes.len(), pipes, last)
    }

    /// The first unescaped `|` in `start..end`, or `end`.
    fn next_pipe(&self, start: usize, end: usize) -> usize {
        let mut from = start;
        while let Some(offset) = self
            .bytes
            .get(from..end)
            .and_then(|window| self.find.pipe(window))
        {
            let pipe = from + offset;
            if pipe == 0 || scan::at(self.bytes, pipe - 1) != b'\\' {
                return pipe;
            }
            from = pipe + 1;
        }
        end
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span {
            start: start as u32 + self.base,
            end: end as u32 + self.base,
        }
    }

    /// The node new blocks attach to.
    fn container(&self) -> u32 {
        self.spine.last().map_or(0, |open| open.node())
    }

    /// Appends a node under `parent`; its end is set when it closes.
    fn push_node(&mut self, kind: NodeKind, start: usize, end: usize, parent: u32) -> u32 {
        let id = self.nodes.len() as u32;
        let span = self.span(start, end);
        self.nodes.push(Node {
            kind,
            span,
            content: NO_CONTENT,
            subtree_end: id + 1,
            parent,
        });
        id
    }

    /// Closes node `id` at `end`; `trim` drops trailing whitespace from the
    /// span as `build` does for the tags it trims.
    fn close_node(&mut self, id: u32, end: usize, trim: bool) {
        let subtree_end = self.nodes.len() as u32;
        let mut end = end;
        let Some(node) = self.nodes.get(id as usize) else {
            debug_assert!(false, "closing a missing node");
            return;
        };
        if trim {
            let start = (node.span.start - self.base) as usize;
            while end > start
                && matches!(self.bytes.get(end - 1), Some(b' ' | b'\t' | b'\r' | b'\n'))
            {
                end -= 1;
            }
        }
        let span_end = end as u32 + self.base;
        if let Some(node) = self.nodes.get_mut(id as usize) {
            node.span.end = span_end;
            node.subtree_end = subtree_end;
        }
    }

    /// Widens the content of node `id` to cover `start..end` (`extend_content`).
    fn extend_content(&mut self, id: u32, start: usize, end: usize) {
        let span = self.span(start, end);
        if let Some(node) = self.nodes.get_mut(id as usize) {
            if node.content.start == u32::MAX {
                node.content = span;
            } else if span.end > node.content.end {
                node.content.end = span.end;
            }
        }
    }

    /// Closes the innermost container at `ix` (`FirstPass::pop`).
    fn pop(&mut self, ix: usize) {
        let Some(open) = self.spine.pop() else {
            debug_assert!(false, "pop on an empty spine");
            return;
        };
        self.close_node(open.node(), ix, true);
        if let Open::List {
            node, tight: true, ..
        } = open
        {
            self.merge_pending(node);
            self.begin_list_item = None;
        }
    }

    /// True when a paragraph starting now sits directly in an item of a
    /// list that is tight so far: it then gets no node (see [`Pending`]).
    pub(super) fn in_tight_item(&self) -> bool {
        matches!(
            self.spine.as_slice(),
            [.., Open::List { tight: true, .. }, Open::Item { .. }]
        )
    }

    /// A tight list closed: the content of the paragraphs its items held
    /// joins the items' content, in document order as pulldown-cmark merges it.
    fn merge_pending(&mut self, list: u32) {
        let first = self.pending_of(list);
        for index in first..self.pending.len() {
            let Some(&paragraph) = self.pending.get(index) else {
                break;
            };
            if let Some(item) = self.nodes.get_mut(paragraph.item as usize) {
                merge_content(item, paragraph.content);
            }
        }
        self.pending.truncate(first);
    }

    /// Index of the first pending paragraph of the open `list`: those of
    /// the innermost open lists come last.
    fn pending_of(&self, list: u32) -> usize {
        self.pending
            .iter()
            .rposition(|paragraph| paragraph.at <= list)
            .map_or(0, |index| index + 1)
    }

    /// The open `list` turned loose: the paragraphs its items held get their
    /// nodes back, as if they had been there all along. Every node after the
    /// list's moves up by the paragraphs before it; references are renumbered
    /// the same way, children of a restored paragraph hang from it again,
    /// and an item's subtree takes in a paragraph that ends it.
    pub(super) fn restore_paragraphs(&mut self, list: u32) {
        let first = self.pending_of(list);
        if first == self.pending.len() {
            return;
        }
        let restored = self.pending.split_off(first);
        // Paragraphs placed before the node at old index `old`.
        let before = |old: u32| restored.partition_point(|paragraph| paragraph.at <= old) as u32;
        let tail = self.nodes.split_off(list as usize + 1);
        let mut next = 0;
        // The restored paragraph whose children are being copied: its old
        // children end, its item and its new index.
        let mut owner: Option<(u32, u32, u32)> = None;
        for (old, node) in (list + 1..).zip(tail.iter().copied().map(Some).chain([None])) {
            while let Some(&paragraph) = restored.get(next)
                && paragraph.at == old
            {
                let id = self.nodes.len() as u32;
                self.nodes.push(Node {
                    kind: NodeKind::Paragraph,
                    span: paragraph.span,
                    content: paragraph.content,
                    subtree_end: id + 1 + (paragraph.children_end - paragraph.at),
                    parent: paragraph.item + before(paragraph.item),
                });
                owner = Some((paragraph.children_end, paragraph.item, id));
                next += 1;
            }
            let Some(node) = node else {
                break;
            };
            let parent = match owner {
                Some((children_end, item, id)) if old < children_end && node.parent == item => id,
                _ if node.parent <= list => node.parent,
                _ => node.parent + before(node.parent),
            };
            let end = node.subtree_end;
            let mut subtree_end = end + before(end - 1);
            let ending = restored
                .get(before(end - 1) as usize..before(end) as usize)
                .unwrap_or(&[]);
            if node.parent == list && ending.iter().any(|paragraph| paragraph.item == old) {
                // The item's last child was this paragraph.
                subtree_end += 1;
            }
            self.nodes.push(Node {
                subtree_end,
                parent,
                ..node
            });
        }
        for open in &mut self.spine {
            let (Open::List { node, .. } | Open::Item { node, .. } | Open::Quote { node }) = open;
            if *node > list {
                *node += before(*node);
            }
        }
    }

    /// Appends the inline constructs the last scan found, under `container`.
    fn emit_inline(&mut self, container: u32) {
        if self.inline.found.is_empty() {
            // Most blocks hold no stored inline construct.
            return;
        }
        let mut open = std::mem::take(&mut self.open_links);
        open.clear();
        for index in 0..self.inline.found.len() {
            let Some(&Found {
                kind,
                start,
                end,
                content,
            }) = self.inline.found.get(index)
            else {
                break;
            };
            while let Some(&(id, link_end)) = open.last() {
                if link_end > start {
                    break;
                }
                self.set_subtree_end(id);
                open.pop();
            }
            let parent = open.last().map_or(container, |&(id, _)| id);
            let node_kind = match kind {
                FoundKind::Code => NodeKind::Code,
                FoundKind::Link => NodeKind::Link,
                FoundKind::Image => NodeKind::Image,
                FoundKind::InlineHtml => NodeKind::InlineHtml,
            };
            let id = self.push_node(node_kind, start, end, parent);
            if let Some((content_start, content_end)) = content {
                self.extend_content(id, content_start, content_end);
            }
            if matches!(kind, FoundKind::Link | FoundKind::Image) {
                open.push((id, end));
            }
        }
        while let Some((id, _)) = open.pop() {
            self.set_subtree_end(id);
        }
        self.open_links = open;
    }

    fn set_subtree_end(&mut self, id: u32) {
        let end = self.nodes.len() as u32;
        if let Some(node) = self.nodes.get_mut(id as usize) {
            node.subtree_end = end;
        }
    }
}

/// Adds `content` to the content of `node`: the cover of both, since
/// events arrive in document order.
fn merge_content(node: &mut Node, content: Span) {
    if content.start == u32::MAX {
        return;
    }
    if node.content.start == u32::MAX {
        node.content = content;
    } else {
        node.content.start = node.content.start.min(content.start);
        node.content.end = node.content.end.max(content.end);
    }
}

#[cfg(test)]
mod tests;
