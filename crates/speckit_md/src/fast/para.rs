//! Paragraphs and GFM tables: where a paragraph ends (interruption, lazy
//! continuation), when its first line turns it into a table, and the rows
//! and cells of that table.

use crate::tree::NodeKind;

use super::blocks::{TaskMarker, trailing_spaces};
use super::scan::{
    HtmlStart, at, atx_level, code_fence, eol_len, header_columns, hrule, html_start, is_eol,
    is_setext_underline, list_item_interrupts, spaces, table_head,
};
use super::{Pending, Scanner, inline};

/// A parsed table row.
enum Row {
    /// The row ended; the next line starts here.
    Parsed(usize),
    /// The line had no cells, which ends the table.
    Empty,
}

/// pulldown-cmark stops filling in missing cells after this many per table.
const MAX_AUTOCOMPLETED_CELLS: usize = 1 << 18;

impl Scanner<'_> {
    /// `parse_paragraph`: a paragraph (or table) whose text starts at `start`.
    pub(super) fn parse_paragraph(
        &mut self,
        start: usize,
        marker: Option<TaskMarker>,
    ) -> Option<usize> {
        let bytes = self.bytes;
        self.finish_list(start);
        let container = self.container();
        // Directly in an item of a tight list the paragraph gets no node and
        // its children hang from the item (see `Pending`).
        let paragraph = if self.in_tight_item() {
            None
        } else {
            Some(self.push_node(NodeKind::Paragraph, start, start, container))
        };
        let at = self.nodes.len();
        let parent = paragraph.unwrap_or(container);
        if let Some(marker) = marker {
            let kind = NodeKind::TaskMarker {
                checked: marker.checked,
            };
            self.push_node(kind, marker.start, marker.end, parent);
        }
        let mut ix = start;
        let mut text_end;
        loop {
            let first_line = ix == start;
            let (eol, pipes) = if first_line {
                let (eol, pipes, last_pipe) = self.line_end_and_pipes(ix);
                (eol, (pipes > 0).then_some((pipes, last_pipe)))
            } else {
                (self.line_end(ix), None)
            };
            let next = eol + eol_len(bytes, eol).unwrap_or(0);
            if let Some((pipes, last_pipe)) = pipes
                && let Some((columns, body_start)) =
                    self.table_start(start, eol, next, pipes, last_pipe)
            {
                if marker.is_some() {
                    // The marker would silently vanish from the tree.
                    return None;
                }
                let columns = u16::try_from(columns).ok()?;
                let kind = NodeKind::Table { columns };
                // A table is never dropped; nothing was pushed after the
                // paragraph's place yet, so its node goes there.
                let table = match paragraph {
                    Some(id) => {
                        if let Some(node) = self.nodes.get_mut(id as usize) {
                            node.kind = kind;
                        }
                        id
                    }
                    None => self.push_node(kind, start, start, container),
                };
                return self.parse_table(table, usize::from(columns), start, body_start);
            }
            text_end = eol - trailing_spaces(bytes, ix, eol);
            ix = next;
            let (matched, pos) = self.scan_containers(ix);
            let current = matched == self.spine.len();
            let indent = spaces(bytes, pos);
            if indent < 4 {
                let line = pos + indent;
                if self.interrupts_paragraph(line, current)? {
                    self.next_line = Some((ix, matched, pos));
                    break;
                }
            }
            let content = pos + indent;
            if is_eol(bytes, content) {
                self.next_line = Some((ix, matched, pos));
                break;
            }
            ix = content;
        }
        self.inline
            .scan(&self.find, bytes, start, text_end, ix, false)?;
        let first = inline::first_event(bytes, start, false);
        if first >= text_end {
            return None;
        }
        // The cover of the task marker, if any, and the text.
        let content = self.span(marker.map_or(first, |marker| marker.start), text_end);
        self.emit_inline(parent);
        match paragraph {
            Some(id) => {
                if let Some(node) = self.nodes.get_mut(id as usize) {
                    node.content = content;
                }
                // Trimming `ix` back over blanks and line ends would stop at
                // `text_end`: the last line holds a visible byte, and only
                // spaces and its line end follow it.
                self.close_node(id, text_end, false);
            }
            None => self.pending.push(Pending {
                at: at as u32,
                children_end: self.nodes.len() as u32,
                item: container,
                span: self.span(start, text_end),
                content,
            }),
        }
        Some(ix)
    }

    /// `scan_paragraph_interrupt` for the line content at `line` (plus the
    /// setext check before it); `None` when the interrupting block is one the
    /// fast path does not handle.
    fn interrupts_paragraph(&self, line: usize, current_container: bool) -> Option<bool> {
        let bytes = self.bytes;
        let first = at(bytes, line);
        // Most continuation lines start with a letter and can interrupt
        // nothing: one well-predicted test, before the dispatch on the first
        // byte (a jump through a table) that the other lines need.
        if first.is_ascii_alphabetic() {
            return Some(false);
        }
        let interrupts = match first {
            0 | b'\n' | b'\r' | b'>' => true,
            b'=' | b'-' if current_container && is_setext_underline(bytes, line) => return None,
            b'-' | b'*' | b'_' | b'+' | b'0'..=b'9' => {
                (first != b'+' && !first.is_ascii_digit() && hrule(bytes, line).is_some())
                    || list_item_interrupts(bytes, line).is_some_and(|(bullet_or_one, empty)| {
                        !current_container || (bullet_or_one && !empty)
                    })
            }
            b'#' => atx_level(bytes, line).is_some(),
            b'`' | b'~' => code_fence(bytes, line).is_some(),
            b'[' if at(bytes, line + 1) == b'^' => return None,
            b'<' => match html_start(bytes, line) {
                HtmlStart::Comment => true,
                HtmlStart::Interrupting => return None,
                HtmlStart::Tag | HtmlStart::None => false,
            },
            b'|' => self.table_interrupts(line),
            _ => false,
        };
        Some(interrupts)
    }

    /// A line starting with `|` interrupts a paragraph if the next line is a
    /// delimiter row with as many columns.
    fn table_interrupts(&self, line: usize) -> bool {
        let bytes = self.bytes;
        let (eol, pipes, last_pipe) = self.line_end_and_pipes(line);
        let Some(n) = eol_len(bytes, eol).filter(|&n| n > 0) else {
            return false;
        };
        let (matched, pos) = self.scan_containers(eol + n);
        if matched != self.spine.len() {
            return false;
        }
        table_head(bytes, pos)
            .is_some_and(|(_, columns)| header_columns(bytes, pipes, line, last_pipe) == columns)
    }

    /// Whether the paragraph's first line (`start..eol`, with `pipes`
    /// unescaped pipes, the last at `last_pipe`) heads a table; returns the
    /// column count and where the body rows start.
    fn table_start(
        &self,
        start: usize,
        eol: usize,
        next: usize,
        pipes: usize,
        last_pipe: usize,
    ) -> Option<(usize, usize)> {
        let bytes = self.bytes;
        if eol >= bytes.len() {
            return None;
        }
        let backslashes = trailing_run(bytes, start, eol, b'\\');
        if backslashes % 2 == 1 && next < bytes.len() {
            // A hard line break, checked first by pulldown-cmark.
            return None;
        }
        let (matched, pos) = self.scan_containers(next);
        if matched != self.spine.len() {
            return None;
        }
        let (size, columns) = table_head(bytes, pos)?;
        (header_columns(bytes, pipes, start, last_pipe) == columns).then_some((columns, pos + size))
    }

    /// `parse_table`: the header row at `head_start`, then body rows.
    fn parse_table(
        &mut self,
        table: u32,
        columns: usize,
        head_start: usize,
        body_start: usize,
    ) -> Option<usize> {
        let bytes = self.bytes;
        let mut missing = 0;
        self.parse_row(table, head_start, columns, true, &mut missing)?;
        let mut ix = body_start;
        loop {
            let (matched, pos) = self.scan_containers(ix);
            if matched != self.spine.len() {
                self.next_line = Some((ix, matched, pos));
                break;
            }
            let row = pos + spaces(bytes, pos);
            if self.interrupts_table(row)? {
                self.next_line = Some((ix, matched, pos));
                break;
            }
            match self.parse_row(table, row, columns, false, &mut missing)? {
                Row::Parsed(next) => ix = next,
                Row::Empty => break,
            }
        }
        self.close_node(table, ix, true);
        Some(ix)
    }

    /// `scan_paragraph_interrupt_no_table` inside a table.
    fn interrupts_table(&self, line: usize) -> Option<bool> {
        let bytes = self.bytes;
        if eol_len(bytes, line).is_some()
            || hrule(bytes, line).is_some()
            || atx_level(bytes, line).is_some()
            || code_fence(bytes, line).is_some()
            || list_item_interrupts(bytes, line).is_some()
        {
            return Some(true);
        }
        match at(bytes, line) {
            b'>' => Some(true),
            b'[' if at(bytes, line + 1) == b'^' => None,
            b'<' => match html_start(bytes, line) {
                HtmlStart::Comment => Some(true),
                HtmlStart::Interrupting => None,
                HtmlStart::Tag | HtmlStart::None => Some(false),
            },
            _ => Some(false),
        }
    }

    /// `parse_table_row_inner`.
    fn parse_row(
        &mut self,
        table: u32,
        start: usize,
        columns: usize,
        head: bool,
        missing: &mut usize,
    ) -> Option<Row> {
        let bytes = self.bytes;
        let kind = if head {
            NodeKind::TableHead
        } else {
            NodeKind::TableRow
        };
        let row = self.push_node(kind, start, start, table);
        let row_end = self.line_end(start);
        // Most rows hold no backtick, `<` or `(`, without which no cell has
        // an inline construct to store (or to decline on): one search for
        // the row spares the inline scan of each cell.
        let plain = self
            .find
            .code_html_or_paren(bytes.get(start..row_end).unwrap_or(&[]))
            .is_none();
        let mut ix = start;
        let mut cells = 0;
        let mut keep = None;
        loop {
            if at(bytes, ix) == b'|' {
                ix += 1;
            }
            let cell_start = ix;
            ix += spaces(bytes, ix);
            if let Some(n) = eol_len(bytes, ix) {
                ix += n;
                break;
            }
            let cell_end = self.next_pipe(ix, row_end);
            let cell = self.push_node(NodeKind::TableCell, cell_start, cell_end, row);
            let text_end = cell_end - trailing_spaces(bytes, ix, cell_end);
            if ix < text_end {
                if !plain {
                    self.inline
                        .scan(&self.find, bytes, ix, text_end, cell_end, true)?;
                }
                let first = inline::first_event(bytes, ix, true);
                if first >= text_end {
                    return None;
                }
                self.extend_content(cell, first, text_end);
                if !plain {
                    self.emit_inline(cell);
                }
            }
            self.close_node(cell, cell_end, false);
            ix = cell_end;
            cells += 1;
            if cells == columns {
                keep = Some(self.nodes.len());
            }
        }
        if cells == 0 && !head {
            self.nodes.truncate(row as usize);
            return Some(Row::Empty);
        }
        for _ in cells..columns {
            *missing += 1;
            if *missing >= MAX_AUTOCOMPLETED_CELLS {
                return None;
            }
            self.push_node(NodeKind::TableCell, ix, ix, row);
        }
        if let Some(keep) = keep {
            // Cells past the column count are dropped with their content.
            self.nodes.truncate(keep);
        }
        self.close_node(row, ix, true);
        Some(Row::Parsed(ix))
    }
}

/// Length of the run of `byte` ending at `end`, not reaching back past `start`.
fn trailing_run(bytes: &[u8], start: usize, end: usize, byte: u8) -> usize {
    bytes.get(start..end).map_or(0, |line| {
        line.iter().rev().take_while(|&&b| b == byte).count()
    })
}
