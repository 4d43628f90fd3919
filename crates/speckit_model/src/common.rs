//! Building blocks shared by every typed model, and section look-ups on a
//! [`Document`].

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::lex::{self, Checkbox};
use speckit_md::{CodeBlock, NodeId, NodeKind, SectionId, Table};
use speckit_text::{Span, Spanned};

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
        Spanned::slice(&self.text, self.tree.section(id).title)
    }

    /// Heading span of a section (the whole section for the document).
    pub fn section_heading_span(&self, id: SectionId) -> Span {
        let section = self.tree.section(id);
        section
            .heading
            .map_or(section.span, |heading| self.tree.span(heading))
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
        for line in lex::lines(&self.text, self.tree.span(paragraph)) {
            // Splitting allocates; only lines with a pipe can be packed.
            let packed = if memchr::memchr(b'|', line.value.as_bytes()).is_some() {
                lex::pipe_fields(line)
            } else {
                Vec::new()
            };
            if packed.len() > 1 {
                fields.extend(packed.into_iter().map(MetaField::from));
            } else if let Some(field) = lex::field(line) {
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
        self.tree.child_sections(parent).find(|&id| {
            names
                .iter()
                .any(|name| lex::heading_is(self.section_title(id).value, name))
        })
    }

    /// Any section below `parent` (at any depth) whose title matches one of `names`.
    pub fn find_section(&self, parent: SectionId, names: &[&str]) -> Option<SectionId> {
        self.tree.descendant_sections(parent).find(|&id| {
            names
                .iter()
                .any(|name| lex::heading_is(self.section_title(id).value, name))
        })
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
        let line = self.tree.item_first_line(&self.text, item);
        let span = self.tree.span(item);
        let marker = lex::list_marker(line);
        // Read the box only where one can be: most items are plain bullets.
        let checkbox = marker.and_then(|marker| {
            if marker.rest.value.starts_with(['[', '［']) {
                lex::checkbox_after(marker)
            } else {
                None
            }
        });
        let text = match (&checkbox, &marker) {
            (Some(checkbox), _) => checkbox.text,
            (None, Some(marker)) => marker.rest.trim(),
            (None, None) => line.trim(),
        };
        ListEntry {
            node: item,
            span,
            line,
            text,
            number: marker.and_then(|marker| marker.number),
            checkbox: checkbox.map(|checkbox| CheckItem::from_checkbox(&checkbox, line.span)),
        }
    }

    /// The text of a list item itself: from after its marker (and checkbox)
    /// to the end of its last block that is not a nested list, trimmed. A
    /// wrapped item keeps all its lines; an empty bullet gives an empty text.
    pub fn item_text(&self, item: NodeId) -> Text<'_> {
        // The item's own inline content (tight items), widened by its
        // non-list blocks (paragraphs of loose items, code blocks).
        let content = self.tree.content_span(item);
        let mut range = (!content.is_empty()).then_some((content.start, content.end));
        let mut marker_end = None;
        for child in self.tree.children(item) {
            match self.tree.kind(child) {
                NodeKind::List { .. } => {}
                NodeKind::TaskMarker { .. } => marker_end = Some(self.tree.span(child).end),
                _ => {
                    let span = self.tree.span(child);
                    range = Some(range.map_or((span.start, span.end), |(start, end)| {
                        (start.min(span.start), end.max(span.end))
                    }));
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
        Spanned::slice(&self.text, Span::new(start, end.max(start))).trim()
    }

    /// A list item's whole first line (marker included).
    pub(crate) fn item_line(&self, item: NodeId) -> Text<'_> {
        let span = self.tree.span(item);
        let source = self.text.get(span.range()).unwrap_or("");
        let line_len = memchr::memchr2(b'\n', b'\r', source.as_bytes()).unwrap_or(source.len());
        Spanned::new(
            source.get(..line_len).unwrap_or(""),
            span.subspan(0..line_len),
        )
    }

    /// The start of a list item's first line: enough to read its marker and
    /// checkbox without scanning a long line to its end. Cut at the line end
    /// or after [`ITEM_HEAD_LEN`] bytes, whichever comes first.
    pub(crate) fn item_head(&self, item: NodeId) -> Text<'_> {
        let span = self.tree.span(item);
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
        Spanned::new(line, span.subspan(0..line.len()))
    }

    /// The source from where a list item's content begins (after its marker
    /// and checkbox) to the item's end, untrimmed: a cheap way to look at how
    /// an item starts before reading it properly. Empty for an empty item.
    pub(crate) fn item_peek(&self, item: NodeId) -> &str {
        let end = self.tree.span(item).end;
        let content = self.tree.content_span(item);
        // Inline content starts at the task marker when there is one; the
        // text proper starts after it.
        let start = match self.tree.children(item).next() {
            Some(child) if matches!(self.tree.kind(child), NodeKind::TaskMarker { .. }) => {
                let after = self.tree.span(child).end;
                let rest = self.text.get(after as usize..end as usize).unwrap_or("");
                after
                    + u32::try_from(rest.len() - rest.trim_start_matches([' ', '\t']).len())
                        .unwrap_or(0)
            }
            _ if content.is_empty() => self.paragraph_start(item).unwrap_or(end),
            _ => content.start,
        };
        self.text
            .get(start.min(end) as usize..end as usize)
            .unwrap_or("")
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
    pub(crate) fn paragraph_line_starts(
        &self,
        paragraph: NodeId,
    ) -> impl Iterator<Item = u32> + '_ {
        let span = self.tree.span(paragraph);
        let bytes = self.text.as_bytes().get(span.range()).unwrap_or(&[]);
        std::iter::once(span.start).chain(
            memchr::memchr_iter(b'\n', bytes)
                .filter(move |&at| at + 1 < bytes.len())
                .map(move |at| span.start + u32::try_from(at + 1).unwrap_or(0)),
        )
    }

    /// The checkbox of a list item, if it has one. Reads only the head of
    /// the line unless there is a box, so plain bullets stay cheap.
    pub(crate) fn item_checkbox(&self, item: NodeId) -> Option<CheckItem<'_>> {
        let task_marker = self
            .tree
            .children(item)
            .next()
            .is_some_and(|child| matches!(self.tree.kind(child), NodeKind::TaskMarker { .. }));
        // Marks GFM does not know (`[~]`, full-width boxes) stay plain text.
        if !task_marker && !self.item_peek(item).starts_with(['[', '［']) {
            return None;
        }
        let line = self.item_line(item);
        lex::checkbox(line).map(|checkbox| CheckItem::from_checkbox(&checkbox, line.span))
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
        Spanned::slice(&self.text, self.tree.section(section).body_span(&self.tree))
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

/// Position of a short `needle` in `haystack`: `memchr` for its first byte,
/// then a compare. Cheaper than building a `memmem` searcher per call.
pub(crate) fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut from = 0;
    while let Some(offset) = memchr::memchr(first, haystack.get(from..)?) {
        let at = from + offset;
        if haystack.get(at + 1..at + 1 + rest.len()) == Some(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Byte offset of the next `**` in `text`.
pub(crate) fn find_double_star(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = memchr::memchr(b'*', bytes.get(from..)?) {
        let at = from + offset;
        if bytes.get(at + 1) == Some(&b'*') {
            return Some(at);
        }
        from = at + 1;
    }
    None
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

/// `part`, a sub-slice of `whole`'s value, with its exact span.
pub(crate) fn sub_text<'a>(whole: Text<'a>, part: &'a str) -> Text<'a> {
    Spanned::new(part, whole.span.of_subslice(whole.value, part))
}

/// Reads a plain `Label: value` line (no bold), as in the plugin's
/// requirement sub-bullets (`- Priority: High`). The label must be short
/// plain words: at most four, no markup, no URL.
pub fn plain_field(text: Text<'_>) -> Option<MetaField<'_>> {
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
#[allow(
    clippy::print_stdout,
    reason = "by-hand corpus checks report to the console"
)]
pub(crate) fn corpus_documents(wanted: impl Fn(&std::path::Path) -> bool) -> Option<Vec<Document>> {
    let Some(files) = corpus_files(wanted) else {
        println!("corpus not found; skipped");
        return None;
    };
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

/// Test support: the shared corpus of real documents, if it is present.
/// `SPECKIT_CORPUS` overrides the location.
#[cfg(test)]
pub(crate) fn corpus_files(
    wanted: impl Fn(&std::path::Path) -> bool,
) -> Option<Vec<std::path::PathBuf>> {
    fn walk(
        dir: &std::path::Path,
        wanted: &dyn Fn(&std::path::Path) -> bool,
        out: &mut Vec<std::path::PathBuf>,
    ) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, wanted, out);
            } else if wanted(&path) {
                out.push(path);
            }
        }
    }
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        std::env::var_os("SPECKIT_CORPUS").map(std::path::PathBuf::from),
        Some(manifest.join("../../../shared/corpus")),
        Some(manifest.join("../../../../shared/corpus")),
    ];
    let root = candidates
        .into_iter()
        .flatten()
        .find(|path| path.is_dir())?;
    let mut out = Vec::new();
    walk(&root, &wanted, &mut out);
    Some(out)
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
    fn markup_stripping() {
        assert_eq!(strip_markup(" **`x`** "), "x");
        assert_eq!(strip_markup("plain"), "plain");
    }

    fn spanned(text: &str) -> Text<'_> {
        Spanned::new(text, Span::new(0, u32::try_from(text.len()).unwrap()))
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
