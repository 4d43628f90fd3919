//! Building blocks shared by every typed model, and section look-ups on a
//! [`Document`].

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::lex::{self, Checkbox};
use speckit_md::{CodeBlock, Node, NodeId, NodeKind, Section, SectionId, Table};
use speckit_text::{Span, Spanned};
pub(crate) use speckit_text::{is_space, trim_str};

use crate::document::Document;

/// A slice of the document's text with its byte span.
pub type Text<'a> = Spanned<&'a str>;

/// A `**Label**: value` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MetaField<'a> {
    pub label: Text<'a>,
    pub value: Text<'a>,
}

impl<'a> From<lex::Field<'a>> for MetaField<'a> {
    fn from(field: lex::Field<'a>) -> Self {
        MetaField {
            label: field.label,
            value: field.value,
        }
    }
}

/// A checkbox item (`- [ ] text`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CheckItem<'a> {
    pub checked: bool,
    /// The character in the box: `' '`, `x`, `X`, `~`, …
    pub mark: char,
    pub mark_span: Span,
    pub text: Text<'a>,
    /// The whole first line of the item.
    pub span: Span,
}

impl<'a> CheckItem<'a> {
    pub(crate) fn from_checkbox(checkbox: &Checkbox<'a>, line: Span) -> Self {
        CheckItem {
            checked: checkbox.is_checked(),
            mark: checkbox.mark,
            mark_span: checkbox.mark_span,
            text: checkbox.text,
            span: line,
        }
    }
}

/// One list item's first line, with its marker and optional checkbox read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListEntry<'a> {
    pub node: NodeId,
    /// The whole item (all its lines).
    pub span: Span,
    /// The first line of the item.
    pub line: Text<'a>,
    /// Text after the marker (and after the checkbox, if any), trimmed.
    pub text: Text<'a>,
    pub number: Option<u64>,
    pub checkbox: Option<CheckItem<'a>>,
}

/// A heading of the document, and whether the typed model understood it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct OutlineEntry<'a> {
    pub level: u8,
    pub title: Text<'a>,
    pub span: Span,
    /// False for sections the model does not interpret; they are kept here
    /// so nothing is dropped.
    pub known: bool,
}

/// Every heading of a document in order.
pub type Outline<'a> = Vec<OutlineEntry<'a>>;

impl Document {
    /// The first level-1 section, if any.
    pub fn h1(&self) -> Option<SectionId> {
        self.tree
            .child_sections(SectionId::DOCUMENT)
            .find(|&id| self.tree.section(id).level == 1)
    }

    /// The section that holds the document's top-level structure: the H1
    /// section if there is one, else the whole document.
    pub fn top(&self) -> SectionId {
        self.h1().unwrap_or(SectionId::DOCUMENT)
    }

    /// Title text of the first H1.
    pub fn title(&self) -> Option<Text<'_>> {
        self.h1().map(|id| self.section_title(id))
    }

    pub fn section_title(&self, id: SectionId) -> Text<'_> {
        slice(&self.text, self.section(id).title)
    }

    /// Heading span of a section (the whole section for the document).
    pub fn section_heading_span(&self, id: SectionId) -> Span {
        let section = self.section(id);
        section
            .heading
            .map_or(section.span, |heading| self.node(heading).span)
    }

    /// The node with `id`, read off the node list: the tree's own accessors
    /// are calls into another crate, and the models read nodes constantly.
    pub(crate) fn node(&self, id: NodeId) -> &Node {
        match self.tree.nodes().get(id.index()) {
            Some(node) => node,
            None => self.tree.node(id),
        }
    }

    /// The section with `id`, read off the section list (see [`Document::node`]).
    pub(crate) fn section(&self, id: SectionId) -> &Section {
        match self.tree.sections().get(id.index()) {
            Some(section) => section,
            None => self.tree.section(id),
        }
    }

    /// Header metadata: fields in the paragraphs right under the H1 (or at the
    /// top of the document when there is no H1), pipe-packed lines included.
    pub fn header_fields(&self) -> Vec<MetaField<'_>> {
        let mut fields = self.fields_in(self.top());
        if fields.is_empty() && self.h1().is_some() {
            fields = self.fields_in(SectionId::DOCUMENT);
        }
        fields
    }

    /// Fields in the paragraphs that belong to `section` itself.
    pub fn fields_in(&self, section: SectionId) -> Vec<MetaField<'_>> {
        let mut fields = Vec::new();
        for block in self.tree.section_blocks(section) {
            if self.tree.kind(block) == NodeKind::Paragraph {
                self.push_paragraph_fields(block, &mut fields);
            }
        }
        fields
    }

    pub(crate) fn push_paragraph_fields<'a>(
        &'a self,
        paragraph: NodeId,
        fields: &mut Vec<MetaField<'a>>,
    ) {
        for line in lex::lines(&self.text, self.node(paragraph).span) {
            // Splitting allocates; only lines with a pipe can be packed.
            let packed = if memchr::memchr(b'|', line.value.as_bytes()).is_some() {
                lex::pipe_fields(line)
            } else {
                Vec::new()
            };
            if packed.len() > 1 {
                fields.extend(packed.into_iter().map(MetaField::from));
            } else if let Some(field) = field(line) {
                fields.push(field.into());
            }
        }
    }

    /// The first field named like one of `labels` (ASCII case-insensitive).
    pub fn field_named<'a>(fields: &[MetaField<'a>], labels: &[&str]) -> Option<MetaField<'a>> {
        fields.iter().copied().find(|field| {
            labels
                .iter()
                .any(|label| field.label.value.eq_ignore_ascii_case(label))
        })
    }

    /// Direct child section of `parent` whose title matches `name`
    /// (see [`speckit_md::lex::heading_is`]).
    pub fn child_section(&self, parent: SectionId, name: &str) -> Option<SectionId> {
        self.tree
            .child_sections(parent)
            .find(|&id| lex::heading_is(self.section_title(id).value, name))
    }

    /// Like [`Document::child_section`] with several accepted names.
    pub fn child_section_any(&self, parent: SectionId, names: &[&str]) -> Option<SectionId> {
        self.tree
            .child_sections(parent)
            .find(|&id| lex::heading_is_any(self.section_title(id).value, names))
    }

    /// Any section below `parent` (at any depth) whose title matches one of `names`.
    pub fn find_section(&self, parent: SectionId, names: &[&str]) -> Option<SectionId> {
        self.tree
            .descendant_sections(parent)
            .find(|&id| lex::heading_is_any(self.section_title(id).value, names))
    }

    /// Child sections of `parent` whose titles start with `prefix`.
    pub fn child_sections_starting(&self, parent: SectionId, prefix: &str) -> Vec<SectionId> {
        self.tree
            .child_sections(parent)
            .filter(|&id| lex::heading_starts_with(self.section_title(id).value, prefix))
            .collect()
    }

    /// First-line entries of the items of every list that belongs to `section`
    /// itself (top-level lists only; nested items are not included).
    pub fn list_entries(&self, section: SectionId) -> Vec<ListEntry<'_>> {
        let mut entries = Vec::new();
        for block in self.tree.section_blocks(section) {
            if matches!(self.tree.kind(block), NodeKind::List { .. }) {
                self.push_list_entries(block, &mut entries);
            }
        }
        entries
    }

    /// First-line entries of the items of `list`.
    pub fn push_list_entries<'a>(&'a self, list: NodeId, entries: &mut Vec<ListEntry<'a>>) {
        for item in self.tree.list_items(list) {
            entries.push(self.list_entry(item));
        }
    }

    /// Reads one list item.
    pub fn list_entry(&self, item: NodeId) -> ListEntry<'_> {
        let line = self.item_line(item);
        let marker = lex::list_marker_at(line.value.as_bytes());
        // Read the box only where one can be: most items are plain bullets.
        let checkbox = marker
            .filter(|marker| {
                line.value
                    .get(marker.rest..)
                    .is_some_and(|rest| rest.starts_with(['[', '［']))
            })
            .and_then(|_| checkbox(line));
        let text = match (&checkbox, &marker) {
            (Some(checkbox), _) => checkbox.text,
            (None, Some(marker)) => trim(Spanned::new(
                line.value.get(marker.rest..).unwrap_or(""),
                subspan(line.span, marker.rest, line.value.len()),
            )),
            (None, None) => trim(line),
        };
        ListEntry {
            node: item,
            span: self.node(item).span,
            line,
            text,
            number: marker.and_then(|marker| marker.number),
            checkbox,
        }
    }

    /// The text of a list item itself: from after its marker (and checkbox)
    /// to the end of its last block that is not a nested list, trimmed. A
    /// wrapped item keeps all its lines; an empty bullet gives an empty text.
    pub fn item_text(&self, item: NodeId) -> Text<'_> {
        // The item's own inline content (tight items), widened by its
        // non-list blocks (paragraphs of loose items, code blocks).
        let content = self.tree.content_span(item);
        let mut descendants = self.tree.descendants(item);
        let first = descendants.next();
        let lone_child = first.filter(|_| descendants.next().is_none());
        // The usual case, a one-paragraph tight item with nothing nested
        // and no box: its content, trimmed.
        if first.is_none()
            && !content.is_empty()
            && !self
                .text
                .as_bytes()
                .get(content.start as usize)
                .is_some_and(|&byte| byte == b'[' || byte >= 0x80 || is_space(byte))
        {
            return trim(slice(&self.text, content));
        }
        let mut range = (!content.is_empty()).then_some((content.start, content.end));
        let mut marker_end = None;
        let mut take_child = |kind: NodeKind, span: Span| match kind {
            NodeKind::List { .. } => {}
            NodeKind::TaskMarker { .. } => marker_end = Some(span.end),
            _ => {
                range = Some(range.map_or((span.start, span.end), |(start, end)| {
                    (start.min(span.start), end.max(span.end))
                }));
            }
        };
        match (first, lone_child) {
            (None, _) => {}
            // A lone descendant is a child: read it off the node list.
            (Some(_), Some(child)) => {
                let node = self.node(child);
                take_child(node.kind, node.span);
            }
            (Some(_), None) => {
                for child in self.tree.children(item) {
                    take_child(self.tree.kind(child), self.tree.span(child));
                }
            }
        }
        let Some((mut start, end)) = range
            .filter(|&(start, end)| marker_end.is_none_or(|marker| end > marker) && end > start)
        else {
            // Nothing but a marker (and maybe a box): an empty text after them.
            let line = self.item_head(item);
            let start = match (lex::checkbox(line), lex::list_marker(line)) {
                (Some(checkbox), _) => checkbox.text.span.start,
                (None, Some(marker)) => marker.rest.span.start,
                (None, None) => line.span.start,
            };
            return Spanned::new("", Span::empty(start));
        };
        if let Some(marker) = marker_end {
            start = start.max(marker);
        }
        // A mark GFM does not know (`[~]`, full-width boxes) is plain text
        // at the start of the content: step over it as `lex::checkbox` does.
        if self
            .text
            .get(start as usize..)
            .is_some_and(|rest| rest.trim_start().starts_with(['[', '［']))
        {
            let line = self.item_head(item);
            if let Some(checkbox) = lex::checkbox(line) {
                start = checkbox.text.span.start.max(start);
            }
        }
        trim(slice(&self.text, Span::new(start, end.max(start))))
    }

    /// A list item's whole first line (marker included).
    pub(crate) fn item_line(&self, item: NodeId) -> Text<'_> {
        let span = self.node(item).span;
        let source = self.text.get(span.range()).unwrap_or("");
        let line_len = line_length(source.as_bytes());
        Spanned::new(
            source.get(..line_len).unwrap_or(""),
            subspan(span, 0, line_len),
        )
    }

    /// The start of a list item's first line: enough to read its marker and
    /// checkbox without scanning a long line to its end. Cut at the line end
    /// or after [`ITEM_HEAD_LEN`] bytes, whichever comes first.
    pub(crate) fn item_head(&self, item: NodeId) -> Text<'_> {
        let span = self.node(item).span;
        let start = span.start as usize;
        let window_end = start.saturating_add(ITEM_HEAD_LEN).min(span.end as usize);
        let window = self.text.as_bytes().get(start..window_end).unwrap_or(&[]);
        let mut end = match memchr::memchr2(b'\n', b'\r', window) {
            Some(line_len) => start + line_len,
            None => window_end,
        };
        while end > start && !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let line = self.text.get(start..end).unwrap_or("");
        Spanned::new(line, subspan(span, 0, line.len()))
    }

    /// The source from where a list item's content begins (after its marker
    /// and checkbox) to the item's end, untrimmed: a cheap way to look at how
    /// an item starts before reading it properly. Empty for an empty item.
    pub(crate) fn item_peek(&self, item: NodeId) -> &str {
        let end = self.node(item).span.end;
        // Inline content starts at the task marker when there is one; the
        // text proper starts after it.
        let start = match self.task_marker_end(item) {
            Some(after) => {
                let rest = self.text.as_bytes().get(after as usize..end as usize);
                let spaces = rest.map_or(0, |rest| {
                    rest.iter()
                        .take_while(|&&byte| byte == b' ' || byte == b'\t')
                        .count()
                });
                after + u32::try_from(spaces).unwrap_or(0)
            }
            None => {
                let content = self.tree.content_span(item);
                if content.is_empty() {
                    self.paragraph_start(item).unwrap_or(end)
                } else {
                    content.start
                }
            }
        };
        self.text
            .get(start.min(end) as usize..end as usize)
            .unwrap_or("")
    }

    /// The end of the task marker (`[ ]`) that is an item's first child, if
    /// it has one. Read from the node list: nodes are in document order
    /// with parents first, and a task marker only ever opens an item or its
    /// paragraph, so a marker right after an item is that item's first child.
    pub(crate) fn task_marker_end(&self, item: NodeId) -> Option<u32> {
        let nodes = self.tree.nodes();
        if item.index() >= nodes.len() {
            // Not a node of this tree; ask the tree (which falls back to the root).
            return self
                .tree
                .children(item)
                .next()
                .filter(|&child| matches!(self.tree.kind(child), NodeKind::TaskMarker { .. }))
                .map(|child| self.tree.span(child).end);
        }
        nodes
            .get(item.index() + 1)
            .filter(|next| matches!(next.kind, NodeKind::TaskMarker { .. }))
            .map(|marker| marker.span.end)
    }

    /// Where the first paragraph of a (loose) list item starts.
    fn paragraph_start(&self, item: NodeId) -> Option<u32> {
        self.tree
            .children(item)
            .find(|&child| self.tree.kind(child) == NodeKind::Paragraph)
            .map(|p| self.tree.span(p).start)
    }

    /// Offsets where the physical lines of a paragraph begin: its start and
    /// the byte after each line break inside it.
    pub(crate) fn paragraph_line_starts(&self, paragraph: NodeId) -> LineStarts<'_> {
        let span = self.node(paragraph).span;
        LineStarts {
            bytes: self.text.as_bytes().get(span.range()).unwrap_or(&[]),
            base: span.start,
            next: Some(0),
        }
    }

    /// The checkbox of a list item, if it has one. Reads only the head of
    /// the line unless there is a box, so plain bullets stay cheap.
    pub(crate) fn item_checkbox(&self, item: NodeId) -> Option<CheckItem<'_>> {
        let task_marker = self.task_marker_end(item).is_some();
        // Marks GFM does not know (`[~]`, full-width boxes) stay plain text.
        if !task_marker && !self.item_peek(item).starts_with(['[', '［']) {
            return None;
        }
        checkbox(self.item_line(item))
    }

    /// [`Document::item_checkbox`] for an item whose [`Document::item_peek`]
    /// is at hand: the same answer without peeking twice.
    pub(crate) fn item_checkbox_peeked(&self, item: NodeId, peek: &str) -> Option<CheckItem<'_>> {
        if !peek.starts_with(['[', '［']) && self.task_marker_end(item).is_none() {
            return None;
        }
        checkbox(self.item_line(item))
    }

    /// Every list item below `block` (nested ones too), in document order.
    /// Kinds are read off the node list, without a call per node.
    pub(crate) fn items_below(&self, block: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let nodes = self.tree.nodes();
        self.tree.descendants(block).filter(move |node| {
            nodes
                .get(node.index())
                .is_some_and(|node| node.kind == NodeKind::Item)
        })
    }

    /// Every list item inside the blocks of `section` (subsections
    /// included), nested items too, in document order.
    pub fn items_in(&self, section: SectionId) -> Vec<NodeId> {
        let mut items = Vec::new();
        for block in self.tree.section_all_blocks(section) {
            if matches!(self.tree.kind(block), NodeKind::List { .. }) {
                items.extend(
                    self.tree
                        .descendants(block)
                        .filter(|&node| self.tree.kind(node) == NodeKind::Item),
                );
            }
        }
        items
    }

    /// The texts of the top-level items of every list in `section`
    /// (subsections included). Empty bullets are kept as empty texts.
    pub fn bullets_in(&self, section: SectionId) -> Vec<Text<'_>> {
        let mut bullets = Vec::new();
        for block in self.tree.section_all_blocks(section) {
            if matches!(self.tree.kind(block), NodeKind::List { .. }) {
                bullets.extend(self.tree.list_items(block).map(|item| self.item_text(item)));
            }
        }
        bullets
    }

    /// Checkbox items in the lists of `section` (top level of each list).
    pub fn check_items(&self, section: SectionId) -> Vec<CheckItem<'_>> {
        self.list_entries(section)
            .into_iter()
            .filter_map(|entry| entry.checkbox)
            .collect()
    }

    /// Tables that belong to `section` itself.
    pub fn tables_in(&self, section: SectionId) -> Vec<Table<'_>> {
        self.tree
            .section_blocks(section)
            .filter_map(|block| self.tree.table(&self.text, block))
            .collect()
    }

    /// Code blocks that belong to `section` itself.
    pub fn code_blocks_in(&self, section: SectionId) -> Vec<CodeBlock<'_>> {
        self.tree
            .section_blocks(section)
            .filter_map(|block| self.tree.code_block(&self.text, block))
            .collect()
    }

    /// The text of `section` after its heading (subsections included).
    pub fn section_body(&self, section: SectionId) -> Text<'_> {
        slice(&self.text, self.section(section).body_span(&self.tree))
    }

    /// True when the section holds nothing but comments, whitespace and empty bullets.
    pub fn is_section_blank(&self, section: SectionId) -> bool {
        is_blank_text(self.section_body(section).value)
    }

    /// Every heading, marking those whose sections are in `known`.
    pub fn outline(&self, known: &[SectionId]) -> Outline<'_> {
        let sections = self.tree.sections();
        // A flag per section: `known` can be as long as the outline, so
        // searching it for every heading would be quadratic.
        let mut is_known = vec![false; sections.len()];
        for id in known {
            if let Some(flag) = is_known.get_mut(id.index()) {
                *flag = true;
            }
        }
        sections
            .iter()
            .zip(is_known)
            .skip(1)
            .map(|(section, known)| OutlineEntry {
                level: section.level,
                title: Spanned::slice(&self.text, section.title),
                span: section.span,
                known: section.level == 1 || known,
            })
            .collect()
    }
}

/// Where the lines of a paragraph start (see [`Document::paragraph_line_starts`]).
pub(crate) struct LineStarts<'a> {
    bytes: &'a [u8],
    base: u32,
    /// The next line's offset in `bytes`, if there is one.
    next: Option<usize>,
}

impl Iterator for LineStarts<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let start = self.next?;
        // A line break at the very end opens no further line.
        self.next = memchr::memchr(b'\n', self.bytes.get(start..).unwrap_or(&[]))
            .map(|at| start + at + 1)
            .filter(|&after| after < self.bytes.len());
        Some(self.base + u32::try_from(start).unwrap_or(0))
    }
}

/// How many bytes of an item's first line [`Document::item_head`] reads:
/// room for deep indentation, an ordered marker and a checkbox.
pub(crate) const ITEM_HEAD_LEN: usize = 96;

/// Same answer as [`lex::is_blank_content`], without copying the text and
/// stopping at the first line with content: comments are skipped (their
/// surroundings join up), and a line is blank when it holds only
/// whitespace or a lone bullet marker.
pub(crate) fn is_blank_text(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut index = 0;
    let mut marker_seen = false;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'<' if bytes.get(index..index + 4) == Some(b"<!--") => {
                let body = index + 4;
                match find_bytes(bytes.get(body..).unwrap_or(&[]), b"-->") {
                    Some(close) => index = body + close + 3,
                    None => return true,
                }
                continue;
            }
            b'\n' => marker_seen = false,
            b'-' | b'*' | b'+' if !marker_seen => marker_seen = true,
            b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => {}
            _ if byte.is_ascii() => return false,
            _ => {
                // Unicode whitespace counts as blank, as `str::trim` does.
                let character = text.get(index..).and_then(|rest| rest.chars().next());
                match character {
                    Some(character) if character.is_whitespace() => {
                        index += character.len_utf8();
                        continue;
                    }
                    _ => return false,
                }
            }
        }
        index += 1;
    }
    true
}

pub(crate) use speckit_text::find_bytes;

/// Byte offset of the next `**` in `text`.
pub(crate) fn find_double_star(text: &str) -> Option<usize> {
    find_doubled(text, b'*')
}

/// Byte offset of the next pair of `byte` (`**`, `__`) in `text`.
fn find_doubled(text: &str, byte: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = find_byte(bytes.get(from..)?, byte) {
        let at = from + offset;
        if bytes.get(at + 1) == Some(&byte) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// How far [`find_byte`] looks eight bytes at a time before handing over
/// to `memchr`, whose set-up costs more than a short search.
const NEAR: usize = 64;

/// Position of the first `needle` in `haystack`. Matches are usually near
/// (the end of a bold label, the next keyword), so the first bytes are
/// searched a word at a time and only the rest with `memchr`.
pub(crate) fn find_byte(haystack: &[u8], needle: u8) -> Option<usize> {
    let near = haystack.get(..NEAR).unwrap_or(haystack);
    if let Some(at) = find_byte_in_words(near, needle) {
        return Some(at);
    }
    let far = haystack.get(near.len()..)?;
    memchr::memchr(needle, far).map(|at| near.len() + at)
}

/// Position of the first `one` or `other` in `haystack`, searched like
/// [`find_byte`].
pub(crate) fn find_byte2(haystack: &[u8], one: u8, other: u8) -> Option<usize> {
    let near = haystack.get(..NEAR).unwrap_or(haystack);
    if let Some(at) = find_byte2_in_words(near, one, other) {
        return Some(at);
    }
    let far = haystack.get(near.len()..)?;
    memchr::memchr2(one, other, far).map(|at| near.len() + at)
}

/// [`find_byte2`] without the hand-over, as [`find_byte_in_words`] does it
/// for one byte: the lowest flagged byte of either test is a true match.
fn find_byte2_in_words(haystack: &[u8], one: u8, other: u8) -> Option<usize> {
    let mut chunks = haystack.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(word);
        let zeros = zero_bytes(word ^ (ONES * u64::from(one)))
            | zero_bytes(word ^ (ONES * u64::from(other)));
        if zeros != 0 {
            return Some(offset + (zeros.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&byte| byte == one || byte == other)
        .map(|at| offset + at)
}

/// `0x01` in every byte of a word: times a byte, that byte in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Non-zero exactly when `word` has a byte below `limit` (which must be at
/// most 0x80): the high bit of such bytes is set, and perhaps of bytes above
/// the lowest of them (the lowest flagged byte is always a true one).
pub(crate) fn byte_below(word: u64, limit: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGHS
}

/// The high bit of each zero byte of `word` set, as [`byte_below`] flags
/// them.
fn zero_bytes(word: u64) -> u64 {
    byte_below(word, 1)
}

/// [`find_byte`] without the hand-over: eight bytes per step, the rest one
/// by one.
fn find_byte_in_words(haystack: &[u8], needle: u8) -> Option<usize> {
    let pattern = ONES * u64::from(needle);
    let mut chunks = haystack.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        // Bytes equal to the needle become zero.
        let zeros = zero_bytes(u64::from_le_bytes(word) ^ pattern);
        if zeros != 0 {
            return Some(offset + (zeros.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&byte| byte == needle)
        .map(|at| offset + at)
}

/// The same as [`lex::field`], cheaper: a line that does not open with `*`
/// or `_` once ASCII whitespace is skipped is turned away on that byte
/// (a non-ASCII byte may be Unicode whitespace and goes the long way), and
/// the closing `**` is found with `memchr` rather than a substring searcher.
pub(crate) fn field(line: Text<'_>) -> Option<lex::Field<'_>> {
    // As `lex::field`: only spaces and tabs may come before the `**`
    // (counted off as bytes, which is what trimming those two characters
    // comes to).
    let lead = line
        .value
        .bytes()
        .take_while(|&byte| byte == b' ' || byte == b'\t')
        .count();
    let head = line.value.get(lead..).unwrap_or("");
    if !(head.starts_with("**") || head.starts_with("__")) {
        return None;
    }
    let trimmed = trim(line);
    let text = trimmed.value;
    let rest = text
        .strip_prefix("**")
        .or_else(|| text.strip_prefix("__"))?;
    let close = find_doubled(rest, b'*').or_else(|| find_doubled(rest, b'_'))?;
    let inner = rest.get(..close)?;
    // A label is a few bytes long: a plain loop beats a search call.
    if inner.is_empty() || inner.bytes().any(|byte| byte == b'*') {
        return None;
    }
    let after = rest.get(close + 2..)?;
    let (label, colon_inside, value) =
        if let Some(label) = inner.strip_suffix(':').or_else(|| inner.strip_suffix('：')) {
            (label, true, after)
        } else {
            let after_trimmed = after.trim_start();
            let value = after_trimmed
                .strip_prefix(':')
                .or_else(|| after_trimmed.strip_prefix('：'))?;
            (inner, false, value)
        };
    let label = sub_text(trimmed, trim_str(label));
    let value_trimmed = trim_str(value);
    let value_span = if value_trimmed.is_empty() {
        Span::empty(trimmed.span.end)
    } else {
        span_of(trimmed, value_trimmed)
    };
    Some(lex::Field {
        label,
        value: Spanned::new(value_trimmed, value_span),
        colon_inside,
    })
}

/// Parses an ISO date `YYYY-MM-DD` into (year, month, day), checking the
/// calendar (leap years included).
pub fn parse_iso_date(text: &str) -> Option<(u16, u8, u8)> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let year: u16 = text.get(0..4)?.parse().ok()?;
    let month: u8 = text.get(5..7)?.parse().ok()?;
    let day: u8 = text.get(8..10)?.parse().ok()?;
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month)
        .contains(&day)
        .then_some((year, month, day))
}

/// The number of an ordered list item's line (`3.` → 3), as
/// `lex::list_marker(line).and_then(|marker| marker.number)` gives it.
pub(crate) fn list_number(line: &str) -> Option<u64> {
    lex::list_marker_at(line.as_bytes())?.number
}

/// The marker of an ordered list item's line (`3.`, `6)`), as
/// [`lex::list_marker`] gives it; `None` for bullets.
pub(crate) fn ordered_marker(line: Text<'_>) -> Option<Text<'_>> {
    let marker = lex::list_marker_at(line.value.as_bytes())?;
    marker.number?;
    let value = line.value.get(marker.start..marker.end)?;
    Some(Spanned::new(
        value,
        subspan(line.span, marker.start, marker.end),
    ))
}

/// A checkbox line read as `lex::checkbox` reads it (list marker, `[ ]` or
/// `［ ］` with any one mark, whitespace or nothing after), without its
/// intermediate parts.
pub(crate) fn checkbox(line: Text<'_>) -> Option<CheckItem<'_>> {
    let value = line.value;
    let bytes = value.as_bytes();
    let open = lex::list_marker_at(bytes)?.rest;
    let open_len = match bytes.get(open) {
        Some(b'[') => 1,
        // `［` is EF BC BB in UTF-8.
        Some(0xEF) if bytes.get(open + 1..open + 3) == Some(&[0xBC, 0xBB]) => 3,
        _ => return None,
    };
    let mark_start = open + open_len;
    let mark = value.get(mark_start..)?.chars().next()?;
    let mark_end = mark_start + mark.len_utf8();
    let close_len = match bytes.get(mark_end) {
        Some(b']') => 1,
        // `］` is EF BC BD.
        Some(0xEF) if bytes.get(mark_end + 1..mark_end + 3) == Some(&[0xBC, 0xBD]) => 3,
        _ => return None,
    };
    if matches!(mark, ']' | '［' | '\t') {
        return None;
    }
    let box_end = mark_end + close_len;
    if !matches!(bytes.get(box_end), None | Some(b' ' | b'\t')) {
        return None;
    }
    let after_box = value.get(box_end..)?;
    Some(CheckItem {
        checked: matches!(mark, 'x' | 'X' | '✓' | '✔'),
        mark,
        mark_span: subspan(line.span, mark_start, mark_end),
        text: trim(Spanned::new(
            after_box,
            subspan(line.span, box_end, value.len()),
        )),
        span: line.span,
    })
}

/// [`Spanned::trim`], with a shortcut for text that begins and ends with a
/// visible ASCII character: there is nothing to trim then. (A non-empty
/// text's span is as long as its value.)
pub(crate) fn trim(text: Text<'_>) -> Text<'_> {
    let bytes = text.value.as_bytes();
    if bytes.last().is_some_and(u8::is_ascii_graphic) {
        if bytes.first().is_some_and(u8::is_ascii_graphic) {
            return text;
        }
        // The text after a list marker or a checkbox: one space, then a
        // visible character.
        if bytes.first() == Some(&b' ')
            && bytes.get(1).is_some_and(u8::is_ascii_graphic)
            && let Some(value) = text.value.get(1..)
        {
            return Spanned::new(value, subspan(text.span, 1, bytes.len()));
        }
    }
    // ASCII whitespace at the edges is counted off directly; anything else
    // goes through `trim_str` and the slice's position.
    let start = bytes
        .iter()
        .position(|&byte| !is_space(byte))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&byte| !is_space(byte))
        .map_or(start, |at| at + 1);
    let ascii_edges = start < end
        && bytes.get(start).is_some_and(u8::is_ascii)
        && bytes.get(end - 1).is_some_and(u8::is_ascii);
    match text.value.get(start..end) {
        Some(value) if ascii_edges => Spanned::new(value, subspan(text.span, start, end)),
        _ => sub_text(text, trim_str(text.value)),
    }
}

/// Bytes up to the first `\n` or `\r` (all of them if there is none).
pub(crate) fn line_length(bytes: &[u8]) -> usize {
    memchr::memchr2(b'\n', b'\r', bytes).unwrap_or(bytes.len())
}

/// `text.trim_start()`, ASCII first as in [`trim_str`].
#[inline]
pub(crate) fn trim_start_str(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut start = 0;
    while bytes.get(start).copied().is_some_and(is_space) {
        start += 1;
    }
    let rest = text.get(start..).unwrap_or("");
    if rest.as_bytes().first().is_some_and(|byte| !byte.is_ascii()) {
        rest.trim_start()
    } else {
        rest
    }
}

/// `part`, a sub-slice of `whole`'s value, with its exact span.
pub(crate) fn sub_text<'a>(whole: Text<'a>, part: &'a str) -> Text<'a> {
    Spanned::new(part, span_of(whole, part))
}

// The three helpers below do what `Spanned::slice`, `Span::subspan` and
// `Span::of_subslice` do. Those live in another crate and are not inlined
// there, and the models call them for nearly every value they read.

/// `span` of `text` (which starts at byte 0 of the file), as
/// [`Spanned::slice`] gives it.
pub(crate) fn slice(text: &str, span: Span) -> Text<'_> {
    Spanned::new(text.get(span.range()).unwrap_or(""), span)
}

/// `span.subspan(start..end)`: a part of `span` given by offsets relative
/// to its start, clamped to it.
pub(crate) fn subspan(span: Span, start: usize, end: usize) -> Span {
    let start = span
        .start
        .saturating_add(u32::try_from(start).unwrap_or(u32::MAX))
        .min(span.end);
    let end = span
        .start
        .saturating_add(u32::try_from(end).unwrap_or(u32::MAX))
        .min(span.end)
        .max(start);
    Span { start, end }
}

/// `whole.span.of_subslice(whole.value, part)`: the span of `part`, a
/// sub-slice of `whole`'s value (`whole`'s own span if it is not one).
pub(crate) fn span_of(whole: Text<'_>, part: &str) -> Span {
    let whole_start = whole.value.as_ptr() as usize;
    let part_start = part.as_ptr() as usize;
    if part_start < whole_start || part_start + part.len() > whole_start + whole.value.len() {
        debug_assert!(false, "span_of called with a foreign slice");
        return whole.span;
    }
    let offset = part_start - whole_start;
    subspan(whole.span, offset, offset + part.len())
}

/// Reads a plain `Label: value` line (no bold), as in the plugin's
/// requirement sub-bullets (`- Priority: High`). The label must be short
/// plain words: at most four, no markup, no URL.
pub fn plain_field(text: Text<'_>) -> Option<MetaField<'_>> {
    let value = text.value;
    let (label, rest) = match scan_label(value.as_bytes()) {
        LabelScan::NotPlain => return None,
        LabelScan::Plain { start, end, colon } => (value.get(start..end)?, value.get(colon + 1..)?),
        LabelScan::NotAscii => {
            let (colon, colon_len) = find_colon(value)?;
            let label = trim_str(value.get(..colon)?);
            let plain = !label.is_empty()
                && label.len() <= 40
                && !label.bytes().any(is_label_markup)
                && label.split_whitespace().count() <= 4;
            if !plain {
                return None;
            }
            (label, value.get(colon + colon_len..)?)
        }
    };
    if rest.starts_with("//") {
        return None;
    }
    let label = sub_text(text, label);
    let trimmed = trim_str(rest);
    let value_span = if trimmed.is_empty() {
        Span::empty(text.span.end)
    } else {
        span_of(text, trimmed)
    };
    Some(MetaField {
        label,
        value: Spanned::new(trimmed, value_span),
    })
}

/// What [`scan_label`] found before the first colon.
enum LabelScan {
    /// No colon, or a label that is empty, too long, too many words or
    /// holds markup.
    NotPlain,
    /// A plain label at `start..end` (trimmed) and the `:` at `colon`.
    Plain {
        start: usize,
        end: usize,
        colon: usize,
    },
    /// A non-ASCII byte (a full-width colon, Unicode whitespace, …) came
    /// first: judge the text the long way.
    NotAscii,
}

/// Reads the label of a plain field in one pass over its bytes, stopping
/// as soon as the label can no longer be plain.
fn scan_label(bytes: &[u8]) -> LabelScan {
    let mut start = None;
    let mut end = 0;
    let mut words = 0;
    let mut in_word = false;
    for (index, &byte) in bytes.iter().enumerate() {
        if byte == b':' {
            return match start {
                Some(start) => LabelScan::Plain {
                    start,
                    end,
                    colon: index,
                },
                None => LabelScan::NotPlain,
            };
        }
        if byte >= 0x80 {
            return LabelScan::NotAscii;
        }
        if is_space(byte) {
            in_word = false;
            continue;
        }
        let label_start = *start.get_or_insert(index);
        end = index + 1;
        if !in_word {
            words += 1;
            in_word = true;
        }
        if is_label_markup(byte) || words > 4 || end - label_start > 40 {
            return LabelScan::NotPlain;
        }
    }
    LabelScan::NotPlain
}

/// The first `:` or `：` in `text`: its offset and length.
pub(crate) fn find_colon(text: &str) -> Option<(usize, usize)> {
    find_ascii_or_fullwidth(text.as_bytes(), b':')
}

/// The first `ascii` (a printable ASCII byte other than space) or its
/// fullwidth form (`：` for `:`, `］` for `]`) in `bytes`: its offset and
/// length.
pub(crate) fn find_ascii_or_fullwidth(bytes: &[u8], ascii: u8) -> Option<(usize, usize)> {
    // The fullwidth forms U+FF01..=U+FF5E mirror ASCII `!`..=`~`; each takes
    // three UTF-8 bytes, the first of them EF.
    let fullwidth = char::from_u32(u32::from(ascii) + 0xFEE0)?;
    let mut encoded = [0; 3];
    fullwidth.encode_utf8(&mut encoded);
    let mut from = 0;
    while let Some(offset) = memchr::memchr2(ascii, encoded[0], bytes.get(from..)?) {
        let at = from + offset;
        if bytes.get(at) == Some(&ascii) {
            return Some((at, 1));
        }
        if bytes.get(at..at + 3) == Some(&encoded) {
            return Some((at, 3));
        }
        from = at + 1;
    }
    None
}

/// Bytes a plain field's label may not hold: markup and URL pieces.
fn is_label_markup(byte: u8) -> bool {
    matches!(
        byte,
        b'*' | b'`' | b'[' | b']' | b'(' | b')' | b'/' | b'<' | b'>' | b'|'
    )
}

/// Strips surrounding `**`, `` ` `` and whitespace from a cell or value.
pub fn strip_markup(text: &str) -> &str {
    let mut text = text.trim();
    loop {
        let before = text;
        for wrapper in ["**", "__", "`", "*", "_"] {
            if let Some(inner) = text
                .strip_prefix(wrapper)
                .and_then(|t| t.strip_suffix(wrapper))
            {
                text = inner.trim();
            }
        }
        if text == before {
            return text;
        }
    }
}

/// Test support: every `{value, span}` pair inside `model` (as serialised)
/// must slice back to its value from `text`.
#[cfg(test)]
pub(crate) fn assert_spans_slice_back<T: Serialize>(text: &str, model: &T) -> usize {
    fn walk(text: &str, value: &serde_json::Value, checked: &mut usize) {
        match value {
            serde_json::Value::Object(map) => {
                if let (Some(serde_json::Value::String(expected)), Some(span)) =
                    (map.get("value"), map.get("span"))
                {
                    let start = span["start"].as_u64().unwrap() as usize;
                    let end = span["end"].as_u64().unwrap() as usize;
                    assert_eq!(&text[start..end], expected, "span {start}..{end}");
                    *checked += 1;
                }
                for child in map.values() {
                    walk(text, child, checked);
                }
            }
            serde_json::Value::Array(items) => {
                for item in items {
                    walk(text, item, checked);
                }
            }
            _ => {}
        }
    }
    let json = serde_json::to_value(model).unwrap();
    let mut checked = 0;
    walk(text, &json, &mut checked);
    checked
}

/// Test support: every corpus file `wanted` accepts, parsed. `None` (after
/// saying so) when the corpus is absent.
#[cfg(test)]
pub(crate) fn corpus_documents(wanted: impl Fn(&std::path::Path) -> bool) -> Option<Vec<Document>> {
    let files = speckit_testkit::corpus_files(wanted)?;
    let documents = files
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).unwrap();
            Document::parse(
                speckit_diagnostics::FileId(0),
                path.display().to_string(),
                bytes,
            )
        })
        .collect();
    Some(documents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert_eq!(parse_iso_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_iso_date("2023-02-29"), None);
        assert_eq!(parse_iso_date("2025-13-01"), None);
        assert_eq!(parse_iso_date("YYYY-MM-DD"), None);
        assert_eq!(parse_iso_date("2025-1-01"), None);
    }

    #[test]
    fn ascii_or_fullwidth_forms() {
        assert_eq!(find_colon("Status: done"), Some((6, 1)));
        assert_eq!(find_colon("状態：完了"), Some((6, 3)));
        // Another fullwidth form (`，`, EF BC 8C) is stepped over.
        assert_eq!(find_colon("a，b：c"), Some((5, 3)));
        assert_eq!(
            find_ascii_or_fullwidth("P］x".as_bytes(), b']'),
            Some((1, 3))
        );
        assert_eq!(find_ascii_or_fullwidth(b"no close", b']'), None);
    }

    #[test]
    fn markup_stripping() {
        assert_eq!(strip_markup(" **`x`** "), "x");
        assert_eq!(strip_markup("plain"), "plain");
    }

    fn spanned(text: &str) -> Text<'_> {
        Spanned::new(text, Span::new(0, u32::try_from(text.len()).unwrap()))
    }

    #[test]
    fn bold_fields_start_after_spaces_and_tabs_only() {
        let label = |line| field(spanned(line)).map(|field| field.label.value);
        assert_eq!(label(" \t**Status**: done"), Some("Status"));
        assert_eq!(label("\u{3000}**Status**: done"), None);
        assert_eq!(label("\u{3000}**:**"), None);
    }

    #[test]
    fn plain_fields() {
        fn check(line: &str) -> Option<(&str, &str)> {
            plain_field(spanned(line)).map(|field| {
                assert_eq!(&line[field.label.span.range()], field.label.value);
                assert_eq!(&line[field.value.span.range()], field.value.value);
                (field.label.value, field.value.value)
            })
        }
        assert_eq!(check("Priority: High"), Some(("Priority", "High")));
        assert_eq!(check("Description:"), Some(("Description", "")));
        assert_eq!(check("優先度：高"), Some(("優先度", "高")));
        assert_eq!(check("see https://example.com"), None);
        assert_eq!(check("**Bold**: no"), None);
        assert_eq!(check("a sentence that has many words before: x"), None);
        assert_eq!(check("no colon"), None);
    }

    proptest::proptest! {
        #[test]
        fn blank_text_agrees_with_the_lexer(text in "([-*+ x\\n\\t]|<!--|-->|\\r)*") {
            proptest::prop_assert_eq!(is_blank_text(&text), lex::is_blank_content(&text));
        }

        /// The lean line readers give what `speckit_md::lex` gives.
        #[test]
        fn lean_line_readers_agree_with_the_lexer(pieces in proptest::collection::vec(
            proptest::sample::select(LINE_PIECES.to_vec()),
            0..10,
        )) {
            let line = pieces.concat();
            let text = Spanned::new(line.as_str(), Span::new(7, 7 + u32::try_from(line.len()).unwrap()));
            proptest::prop_assert_eq!(field(text), lex::field(text));
            let expected = lex::checkbox(text).map(|checkbox| CheckItem::from_checkbox(&checkbox, text.span));
            proptest::prop_assert_eq!(checkbox(text), expected);
            let marker = lex::list_marker(text);
            proptest::prop_assert_eq!(list_number(&line), marker.and_then(|marker| marker.number));
            proptest::prop_assert_eq!(
                ordered_marker(text),
                marker.and_then(|marker| marker.number.map(|_| marker.marker))
            );
            proptest::prop_assert_eq!(plain_field(text), plain_field_reference(text));
        }

        /// Trimming gives the very slice `str::trim` gives, span included.
        #[test]
        fn trims_agree_with_str_trim(value in "[ \t\n\r\u{b}\u{c}\u{3000}\u{a0}\u{85}a:é]{0,8}") {
            let trimmed = trim_str(&value);
            proptest::prop_assert_eq!(trimmed, value.trim());
            proptest::prop_assert_eq!(trimmed.as_ptr(), value.trim().as_ptr());
            let text = Spanned::new(value.as_str(), Span::new(3, 3 + u32::try_from(value.len()).unwrap()));
            proptest::prop_assert_eq!(trim(text), text.trim());
        }

        #[test]
        fn plain_fields_agree_with_the_plain_reading(
            value in "[ \t]?[A-Za-z *`/(\u{3000}é]{0,46}[:：]?[ /]{0,3}[a-z:]{0,4}"
        ) {
            let text = Spanned::new(value.as_str(), Span::new(2, 2 + u32::try_from(value.len()).unwrap()));
            proptest::prop_assert_eq!(plain_field(text), plain_field_reference(text));
        }

        #[test]
        fn byte_search_agrees_with_position(
            haystack in proptest::collection::vec(proptest::sample::select(vec![b'a', b'*', b'\n', 0xEF, 0]), 0..200),
            needle in proptest::sample::select(vec![b'*', b'\n', 0xEF, 0, b'a'])
        ) {
            let expected = haystack.iter().position(|&byte| byte == needle);
            proptest::prop_assert_eq!(find_byte(&haystack, needle), expected);
        }

        #[test]
        fn two_byte_search_agrees_with_position(
            haystack in proptest::collection::vec(proptest::sample::select(vec![b'a', b'[', b'`', 0xEF, 0]), 0..200),
            one in proptest::sample::select(vec![b'[', b'`', 0xEF, 0, b'a']),
            other in proptest::sample::select(vec![b'[', b'`', 0xEF, 0, b'a'])
        ) {
            let expected = haystack.iter().position(|&byte| byte == one || byte == other);
            proptest::prop_assert_eq!(find_byte2(&haystack, one, other), expected);
        }
    }

    /// What list, checkbox and field lines are made of.
    const LINE_PIECES: [&str; 28] = [
        " ",
        "\t",
        "\u{3000}",
        "\u{a0}",
        "-",
        "*",
        "+",
        "1.",
        "12)",
        "1234567890.",
        "[",
        "]",
        "［",
        "］",
        "x",
        "X",
        "~",
        "✓",
        "**",
        "__",
        ":",
        "：",
        "a",
        "Label",
        "é",
        "//",
        "(",
        "one two three four five",
    ];

    /// `plain_field` as first written, before it read labels in one pass.
    fn plain_field_reference(text: Text<'_>) -> Option<MetaField<'_>> {
        let value = text.value;
        let colon = value.find([':', '：'])?;
        let label = value.get(..colon)?.trim();
        let colon_len = if value.get(colon..)?.starts_with('：') {
            '：'.len_utf8()
        } else {
            1
        };
        let rest = value.get(colon + colon_len..)?;
        let plain = !label.is_empty()
            && label.len() <= 40
            && label.split_whitespace().count() <= 4
            && !label.contains(['*', '`', '[', ']', '(', ')', '/', '<', '>', '|'])
            && !rest.starts_with("//");
        if !plain {
            return None;
        }
        let label = Spanned::new(label, text.span.of_subslice(value, label));
        let trimmed = rest.trim();
        let value_span = if trimmed.is_empty() {
            Span::empty(text.span.end)
        } else {
            text.span.of_subslice(value, trimmed)
        };
        Some(MetaField {
            label,
            value: Spanned::new(trimmed, value_span),
        })
    }

    #[test]
    fn blank_text_cases() {
        for text in [
            "",
            "-\n* \n",
            "<!-- a -->\n-",
            "-<!-- c -->\n",
            "- <!-- c -->x",
            "- -",
            "text",
            "<!-- open",
            "+\r\n",
        ] {
            assert_eq!(is_blank_text(text), lex::is_blank_content(text), "{text:?}");
        }
    }

    #[test]
    fn item_text_spans_wrapped_lines_but_not_sublists() {
        let text = "- [ ] first line\n  wraps here\n  - nested\n-\n1. numbered\n";
        let doc = Document::parse_str("x.md", text);
        let items = doc.items_in(SectionId::DOCUMENT);
        let texts: Vec<&str> = items
            .iter()
            .map(|&item| doc.item_text(item).value)
            .collect();
        assert_eq!(
            texts,
            vec!["first line\n  wraps here", "nested", "", "numbered"]
        );
        for &item in &items {
            let item_text = doc.item_text(item);
            assert_eq!(&text[item_text.span.range()], item_text.value);
        }
        let bullets: Vec<&str> = doc
            .bullets_in(SectionId::DOCUMENT)
            .iter()
            .map(|b| b.value)
            .collect();
        assert_eq!(bullets, vec!["first line\n  wraps here", "", "numbered"]);
    }

    #[test]
    fn header_fields_per_line_in_all_generations() {
        let soft = "# T\n**A**: 1\n**B**: 2\n";
        let hard = "# T\n**A**: 1  \n**B**: 2  \n";
        let blank = "# T\n\n**A**: 1\n\n**B**: 2\n\n## Next\n**C**: 3\n";
        for text in [soft, hard, blank] {
            let doc = Document::parse_str("x.md", text);
            let labels: Vec<_> = doc
                .header_fields()
                .iter()
                .map(|f| (f.label.value, f.value.value))
                .collect();
            assert_eq!(labels, vec![("A", "1"), ("B", "2")], "{text:?}");
        }
    }
}
