//! The container spine (lists and items) and the blocks that end on their own
//! line structure: ATX headings, fenced code, comment blocks, thematic breaks.
//!
//! Method names follow pulldown-cmark's `FirstPass` so the two can be read
//! side by side; deviations are declines, never different results.

use crate::tree::NodeKind;

use super::scan::{
    HtmlStart, at, atx_level, blank_line, closing_fence, code_fence, eol_len, hrule, html_start,
    is_eol, list_marker, spaces, task_marker,
};
use super::{Open, Scanner, inline};

/// What is left of a line once new containers are opened.
enum LineRest {
    /// Block content starts here.
    Content(usize),
    /// The line was consumed; the next one starts here.
    Done(usize),
}

/// A task list marker found right after a list marker.
#[derive(Clone, Copy)]
pub(super) struct TaskMarker {
    pub(super) checked: bool,
    pub(super) start: usize,
    pub(super) end: usize,
}

impl Scanner<'_> {
    /// `scan_containers`: how many open containers the line at `start`
    /// continues, and where its content starts after their indentation.
    pub(super) fn scan_containers(&self, start: usize) -> (usize, usize) {
        let mut pos = start;
        let mut matched = 0;
        for open in &self.spine {
            match *open {
                Open::Item { indent, .. } => {
                    let available = spaces(self.bytes, pos);
                    if available >= indent {
                        pos += indent;
                    } else if is_eol(self.bytes, pos + available) {
                        pos += available;
                    } else {
                        break;
                    }
                }
                Open::Quote { .. } => {
                    let marker = pos + spaces(self.bytes, pos).min(3);
                    if at(self.bytes, marker) != b'>' {
                        break;
                    }
                    pos = quote_content(self.bytes, marker);
                }
                Open::List { .. } => {}
            }
            matched += 1;
        }
        (matched, pos)
    }

    /// `parse_block`: one block starting at line `start_ix`; returns the
    /// start of the next unparsed line.
    pub(super) fn parse_block(&mut self, start_ix: usize) -> Option<usize> {
        let bytes = self.bytes;
        let (matched, pos) = match self.next_line.take() {
            Some((line, matched, pos)) if line == start_ix => (matched, pos),
            _ => self.scan_containers(start_ix),
        };
        while self.spine.len() > matched {
            self.pop(start_ix);
        }

        let pos = match self.open_containers(start_ix, pos)? {
            LineRest::Content(pos) => pos,
            LineRest::Done(next) => return Some(next),
        };

        let indent = spaces(bytes, pos);
        let ix = pos + indent;
        let first = at(bytes, ix);
        if let Some(n) = eol_len(bytes, ix) {
            match self.spine.last_mut() {
                // A blank line inside a quote does not loosen a list.
                Some(Open::Quote { .. }) => {}
                Some(Open::Item { indent, .. }) if self.begin_list_item.is_some() => {
                    // A blank item cannot nest anything, so its indentation
                    // no longer counts against later lines.
                    *indent = 0;
                    self.last_line_blank = true;
                }
                _ => self.last_line_blank = true,
            }
            return Some(ix + n);
        }
        if indent >= 4 {
            // Indented code.
            return None;
        }
        // Most lines start with a letter or a digit, which open no block
        // here: they are told apart first with one well-predicted test, and
        // only the other lines go through the dispatch on the first byte (a
        // jump through a table, which is mispredicted whenever the kind of
        // line changes).
        if first.is_ascii_alphanumeric() {
            return self.parse_paragraph(ix, None);
        }
        match first {
            b'<' => match html_start(bytes, ix) {
                HtmlStart::Comment => {
                    self.finish_list(start_ix);
                    return Some(self.parse_comment_block(ix));
                }
                HtmlStart::Interrupting | HtmlStart::Tag => return None,
                HtmlStart::None => {}
            },
            b'-' | b'*' | b'_' => {
                if let Some(size) = hrule(bytes, ix) {
                    self.finish_list(start_ix);
                    let parent = self.container();
                    self.push_node(NodeKind::ThematicBreak, ix, ix + size, parent);
                    self.extend_content(parent, ix, ix + size);
                    return Some(ix + size);
                }
            }
            b'#' => {
                if let Some(level) = atx_level(bytes, ix) {
                    self.finish_list(start_ix);
                    return self.parse_atx_heading(ix, level);
                }
            }
            b'`' | b'~' => {
                if let Some((n, fence)) = code_fence(bytes, ix) {
                    self.finish_list(start_ix);
                    return Some(self.parse_fenced_code(ix, indent, fence, n));
                }
            }
            // A link reference definition: pulldown-cmark decides.
            b'[' if self.may_be_definition(ix) => return None,
            _ => {}
        }
        self.parse_paragraph(ix, None)
    }

    /// Opens the list items and block quotes that start the line at
    /// `start_ix` (content after the continued containers begins at `pos`).
    fn open_containers(&mut self, start_ix: usize, mut pos: usize) -> Option<LineRest> {
        let bytes = self.bytes;
        loop {
            let outer_indent = spaces(bytes, pos);
            if outer_indent >= 4 {
                break;
            }
            let container_start = pos + outer_indent;
            if at(bytes, container_start) == b'[' && at(bytes, container_start + 1) == b'^' {
                // Footnote definitions are not mirrored.
                return None;
            }
            if at(bytes, container_start) == b'>' {
                self.finish_list(start_ix);
                let parent = self.container();
                let node = self.push_node(
                    NodeKind::BlockQuote,
                    container_start,
                    container_start,
                    parent,
                );
                self.spine.push(Open::Quote { node });
                pos = quote_content(bytes, container_start);
                continue;
            }
            let Some(marker) = list_marker(bytes, container_start, outer_indent) else {
                break;
            };
            self.continue_list(pos, marker.delimiter);
            let item = self.push_node(NodeKind::Item, pos, pos, self.container());
            self.spine.push(Open::Item {
                node: item,
                indent: marker.indent,
            });
            let after = marker.after;
            if let Some(n) = blank_line(bytes, after) {
                self.begin_list_item = Some(after + n);
                return Some(LineRest::Done(after + n));
            }
            if let Some((checked, marker_end)) = task_marker(bytes, after) {
                if let Some(n) = blank_line(bytes, marker_end) {
                    self.push_node(NodeKind::TaskMarker { checked }, after, marker_end, item);
                    self.extend_content(item, after, marker_end);
                    self.begin_list_item = Some(marker_end + n);
                    return Some(LineRest::Done(marker_end + n));
                }
                let text = marker_end + spaces(bytes, marker_end);
                let marker = TaskMarker {
                    checked,
                    start: after,
                    end: marker_end,
                };
                return self.parse_paragraph(text, Some(marker)).map(LineRest::Done);
            }
            pos = after;
        }

        Some(LineRest::Content(pos))
    }

    /// `continue_list`: joins the open list if its marker matches, else
    /// closes it and opens a new one at `start`.
    fn continue_list(&mut self, start: usize, delimiter: u8) {
        self.finish_empty_list_item();
        if let Some(top) = self.spine.last_mut() {
            if let Open::List {
                node,
                delimiter: existing,
                tight,
            } = top
                && *existing == delimiter
            {
                if self.last_line_blank {
                    let (list, was_tight) = (*node, std::mem::replace(tight, false));
                    self.last_line_blank = false;
                    if was_tight {
                        self.restore_paragraphs(list);
                    }
                }
                return;
            }
            self.finish_list(start);
        }
        let ordered = matches!(delimiter, b'.' | b')');
        let node = self.push_node(NodeKind::List { ordered }, start, start, self.container());
        self.spine.push(Open::List {
            node,
            delimiter,
            tight: true,
        });
        self.last_line_blank = false;
    }

    /// `finish_list`: a non-item block is starting at `ix`.
    pub(super) fn finish_list(&mut self, ix: usize) {
        self.finish_empty_list_item();
        if let Some(Open::List { .. }) = self.spine.last() {
            self.pop(ix);
        }
        if self.last_line_blank {
            let len = self.spine.len();
            if len >= 2
                && let Some(Open::List { node, tight, .. }) = self.spine.get_mut(len - 2)
                && std::mem::replace(tight, false)
            {
                let list = *node;
                self.restore_paragraphs(list);
            }
            self.last_line_blank = false;
        }
    }

    /// `finish_empty_list_item`: an item that began with a blank line and
    /// was followed by another one ends there.
    fn finish_empty_list_item(&mut self) {
        if let Some(begin) = self.begin_list_item
            && self.last_line_blank
            && let Some(Open::Item { .. }) = self.spine.last()
        {
            self.pop(begin);
        }
        self.begin_list_item = None;
    }

    /// `parse_atx_heading`.
    fn parse_atx_heading(&mut self, start: usize, level: usize) -> Option<usize> {
        let bytes = self.bytes;
        let kind = NodeKind::Heading {
            level: level as u8,
            setext: false,
        };
        let heading = self.push_node(kind, start, start, self.container());
        let mut ix = start + level;
        if let Some(n) = eol_len(bytes, ix) {
            self.close_node(heading, ix + n, true);
            return Some(ix + n);
        }
        ix += spaces(bytes, ix);
        let header_start = ix;
        let eol = self.line_end(ix);
        let after = eol + eol_len(bytes, eol).unwrap_or(0);
        let text_end = eol - trailing_spaces(bytes, header_start, eol);
        let limit = heading_text_limit(bytes.get(header_start..after).unwrap_or(&[]));
        if limit > 0 {
            self.inline
                .scan(&self.find, bytes, header_start, text_end, after, false)?;
            let first = inline::first_event(bytes, header_start, false);
            if first >= header_start + limit {
                return None;
            }
            self.extend_content(heading, first, header_start + limit);
            self.emit_inline(heading);
        }
        self.close_node(heading, after, true);
        Some(after)
    }

    /// `parse_fenced_code_block`.
    fn parse_fenced_code(&mut self, start: usize, indent: usize, fence: u8, n: usize) -> usize {
        let bytes = self.bytes;
        let kind = NodeKind::CodeBlock { fenced: true };
        let block = self.push_node(kind, start, start, self.container());
        let mut ix = self.next_line(start + n);
        loop {
            let (matched, pos) = self.scan_containers(ix);
            if matched < self.spine.len() {
                self.close_node(block, ix, false);
                return ix;
            }
            let available = spaces(bytes, pos);
            let stripped = available.min(indent);
            let line = pos + stripped;
            let rest = available - stripped;
            if rest < 4 - indent {
                let close = line + rest;
                if let Some(k) = closing_fence(bytes, close, fence, n) {
                    let end = close + k;
                    self.close_node(block, end, false);
                    return end + blank_line(bytes, end).unwrap_or(0);
                }
            }
            let next = self.next_line(line);
            self.split_crlf(line, next, |scanner, s, e| {
                if e > s {
                    scanner.extend_content(block, s, e);
                }
            });
            ix = next;
        }
    }

    /// `parse_html_block_type_1_to_5` for comments: lines until one holds `-->`.
    fn parse_comment_block(&mut self, start: usize) -> usize {
        let bytes = self.bytes;
        let block = self.push_node(NodeKind::HtmlBlock, start, start, self.container());
        let mut ix = start;
        let end = loop {
            let line = ix;
            ix = self.next_line(ix);
            self.split_crlf(line, ix, |scanner, s, e| scanner.html_item(block, s, e));
            let (matched, pos) = self.scan_containers(ix);
            if matched < self.spine.len() {
                break ix;
            }
            let text = bytes.get(line..ix).unwrap_or(&[]);
            if memchr::memmem::find(text, b"-->").is_some() {
                break ix;
            }
            if pos == bytes.len() {
                break pos;
            }
            ix = pos;
        };
        self.close_node(block, end, false);
        ix
    }

    /// Calls `item` for the line `start..end` the way pulldown-cmark appends
    /// code and HTML lines: a CRLF ending becomes two pieces around the `\r`.
    fn split_crlf(
        &mut self,
        start: usize,
        end: usize,
        mut item: impl FnMut(&mut Self, usize, usize),
    ) {
        if end >= start + 2 && at(self.bytes, end - 2) == b'\r' {
            item(self, start, end - 2);
            item(self, end - 1, end);
        } else {
            item(self, start, end);
        }
    }

    /// Whether a paragraph starting with `[` at `start` might hold a link
    /// reference definition: a `]:` before the next blank line. Conservative.
    fn may_be_definition(&self, start: usize) -> bool {
        let bytes = self.bytes;
        let mut line = start;
        loop {
            let end = self.line_end(line);
            if memchr::memmem::find(bytes.get(line..end).unwrap_or(&[]), b"]:").is_some() {
                return true;
            }
            let next = self.next_line(line);
            if next >= bytes.len() || blank_line(bytes, next).is_some() {
                return false;
            }
            line = next;
        }
    }

    /// One `Html` event inside an HTML block; `build` merges touching ones.
    fn html_item(&mut self, block: u32, start: usize, end: usize) {
        self.extend_content(block, start, end);
        let span = self.span(start, end);
        if let Some(last) = self.nodes.last_mut()
            && last.kind == NodeKind::Html
            && last.parent == block
            && last.span.end == span.start
        {
            last.span.end = span.end;
            return;
        }
        self.push_node(NodeKind::Html, start, end, block);
    }
}

/// Where content starts after the `>` at `marker` (one optional space).
fn quote_content(bytes: &[u8], marker: usize) -> usize {
    marker + 1 + usize::from(at(bytes, marker + 1) == b' ')
}

/// Spaces before `end`, not reaching back past `start`.
pub(super) fn trailing_spaces(bytes: &[u8], start: usize, end: usize) -> usize {
    // A byte loop, like `spaces`: most lines end without blanks.
    let mut n = 0;
    while end > start + n && at(bytes, end - n - 1) == b' ' {
        n += 1;
    }
    n
}

/// `parse_atx_heading`'s closing-sequence removal: the length of the heading
/// text once trailing blanks and a closing `#` run are dropped.
fn heading_text_limit(text: &[u8]) -> usize {
    let limit = text
        .iter()
        .rposition(|&b| !matches!(b, b'\n' | b'\r' | b' '))
        .map_or(0, |i| i + 1);
    let body = text.get(..limit).unwrap_or(&[]);
    let closer = body.iter().rposition(|&b| b != b'#').map_or(0, |i| i + 1);
    if closer == 0 {
        return 0;
    }
    let before_closer = body.get(..closer).unwrap_or(&[]);
    let spaces = before_closer
        .iter()
        .rev()
        .take_while(|&&b| b == b' ')
        .count();
    if spaces > 0 { closer - spaces } else { limit }
}
