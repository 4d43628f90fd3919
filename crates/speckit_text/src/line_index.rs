//! Byte offset → line/column conversion, computed on demand.

/// A 1-based line and column. `column` counts Unicode scalar values;
/// `column_utf16` counts UTF-16 code units (what SARIF and LSP use).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
    pub column_utf16: u32,
}

impl LineCol {
    /// Line 1, column 1: the start of any text.
    pub const START: LineCol = LineCol {
        line: 1,
        column: 1,
        column_utf16: 1,
    };

    /// The position of byte `offset` of `text`, on 0-based line `line`,
    /// which starts at byte `line_start`. An offset inside a multi-byte
    /// character is rounded down to that character's start.
    pub fn on_line(text: &str, line: usize, line_start: usize, offset: usize) -> LineCol {
        let prefix = prefix_on_char_boundary(text, line_start, offset);
        let column = prefix.chars().count();
        let column_utf16 = prefix.encode_utf16().count();
        LineCol {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
            column_utf16: u32::try_from(column_utf16 + 1).unwrap_or(u32::MAX),
        }
    }
}

/// Counts the lines before offsets asked for in increasing order, going on
/// from the last offset (and starting over for an earlier one): one pass
/// over a text for offsets that come in order, where a [`LineIndex`] would
/// visit every line break.
#[derive(Clone, Debug)]
pub struct LineCounter<'t> {
    text: &'t str,
    at: usize,
    breaks: usize,
}

impl<'t> LineCounter<'t> {
    pub fn new(text: &'t str) -> Self {
        LineCounter {
            text,
            at: 0,
            breaks: 0,
        }
    }

    /// The 0-based line of byte `offset` (of the end of the text for an
    /// offset past it), as [`LineIndex::line_of`] gives it.
    pub fn line_of(&mut self, offset: u32) -> usize {
        let offset = (offset as usize).min(self.text.len());
        if offset < self.at {
            self.at = 0;
            self.breaks = 0;
        }
        let bytes = self.text.as_bytes();
        // memchr counts on wide registers rather than visiting each match.
        self.breaks += memchr::memchr_iter(b'\n', &bytes[self.at..offset]).count();
        self.at = offset;
        self.breaks
    }
}

/// The positions of some offsets of one text, computed in one forward pass
/// (a [`LineCounter`]): cheaper than a [`LineIndex`] when only a few offsets
/// of a long text are wanted, and exactly what [`LineIndex::line_col`] gives
/// for them.
#[derive(Clone, Debug, Default)]
pub struct OffsetPositions {
    /// Offset (clamped to the text's length) and its position, by offset.
    points: Vec<(u32, LineCol)>,
    len: u32,
}

impl OffsetPositions {
    pub fn new(text: &str, offsets: impl IntoIterator<Item = u32>) -> Self {
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
        let mut offsets: Vec<u32> = offsets.into_iter().map(|offset| offset.min(len)).collect();
        offsets.sort_unstable();
        offsets.dedup();
        let bytes = text.as_bytes();
        let mut lines = LineCounter::new(text);
        let points = offsets
            .into_iter()
            .map(|offset| {
                let at = offset as usize;
                let line = lines.line_of(offset);
                let line_start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |at| at + 1);
                (offset, LineCol::on_line(text, line, line_start, at))
            })
            .collect();
        OffsetPositions { points, len }
    }

    /// The position of `offset` (clamped to the text's length), if it was
    /// one of the offsets asked for.
    pub fn get(&self, offset: u32) -> Option<LineCol> {
        let offset = offset.min(self.len);
        let at = self
            .points
            .binary_search_by_key(&offset, |&(point, _)| point)
            .ok()?;
        self.points.get(at).map(|&(_, position)| position)
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}

/// Start offsets of every line of one text. `\n` ends a line; a `\r` before it
/// belongs to the line it ends. A lone `\r` is not a line break (as in git).
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        line_starts.extend(
            memchr::memchr_iter(b'\n', text.as_bytes())
                .map(|newline| u32::try_from(newline + 1).unwrap_or(u32::MAX)),
        );
        Self {
            line_starts,
            len: u32::try_from(text.len()).unwrap_or(u32::MAX),
        }
    }

    /// Number of lines (a final line without `\n` counts; an empty text has one line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 0-based line number that contains `offset`.
    pub fn line_of(&self, offset: u32) -> usize {
        let offset = offset.min(self.len);
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// Byte offset where 0-based `line` starts, if it exists.
    pub fn line_start(&self, line: usize) -> Option<u32> {
        self.line_starts.get(line).copied()
    }

    /// Byte range of 0-based `line` without its line terminator.
    pub fn line_span(&self, text: &str, line: usize) -> Option<crate::Span> {
        let start = self.line_start(line)?;
        let mut end = self.line_start(line + 1).unwrap_or(self.len);
        let bytes = text.as_bytes();
        if end > start && bytes.get(end as usize - 1) == Some(&b'\n') {
            end -= 1;
            if end > start && bytes.get(end as usize - 1) == Some(&b'\r') {
                end -= 1;
            }
        }
        Some(crate::Span::new(start, end))
    }

    /// Converts a byte offset to a 1-based line and column. An offset inside a
    /// multi-byte character is rounded down to that character's start.
    pub fn line_col(&self, text: &str, offset: u32) -> LineCol {
        let offset = offset.min(self.len);
        let line = self.line_of(offset);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        LineCol::on_line(text, line, start as usize, offset as usize)
    }

    /// Converts a 0-based line and a UTF-16 column (as LSP sends) to a byte offset.
    pub fn offset_of_utf16(&self, text: &str, line: usize, column_utf16: u32) -> u32 {
        let Some(start) = self.line_start(line) else {
            return self.len;
        };
        let line_span = self
            .line_span(text, line)
            .unwrap_or(crate::Span::empty(start));
        let line_text = text.get(line_span.range()).unwrap_or("");
        let mut units = 0;
        for (byte, ch) in line_text.char_indices() {
            if units >= column_utf16 {
                return start + u32::try_from(byte).unwrap_or(0);
            }
            units += u32::try_from(ch.len_utf16()).unwrap_or(1);
        }
        line_span.end
    }
}

fn prefix_on_char_boundary(text: &str, start: usize, mut end: usize) -> &str {
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(start..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_positions_match_the_line_index() {
        let text = "# Title\n\nfirst line\r\nsecond é line\nthird\n\n- item\nlast";
        let len = u32::try_from(text.len()).unwrap();
        let offsets: Vec<u32> = (0..=len + 3).rev().collect();
        let positions = OffsetPositions::new(text, offsets.iter().copied());
        let index = LineIndex::new(text);
        for offset in offsets {
            assert_eq!(
                positions.get(offset),
                Some(index.line_col(text, offset)),
                "{offset}"
            );
        }
        let some = OffsetPositions::new(text, [3]);
        assert_eq!(some.get(4), None);
        assert!(OffsetPositions::new(text, []).is_empty());
    }

    #[test]
    fn counted_lines_match_the_index() {
        let text = "a\nb\r\n\nccc\nd";
        let index = LineIndex::new(text);
        let mut counter = LineCounter::new(text);
        for offset in [0, 1, 2, 2, 5, 3, 7, 11, 12, 40, 0, 6] {
            assert_eq!(counter.line_of(offset), index.line_of(offset), "{offset}");
        }
    }
    use crate::Span;

    fn check(text: &str, offset: u32, expected: (u32, u32, u32)) {
        let index = LineIndex::new(text);
        let got = index.line_col(text, offset);
        assert_eq!(
            (got.line, got.column, got.column_utf16),
            expected,
            "offset {offset} in {text:?}"
        );
    }

    #[test]
    fn ascii_lines() {
        check("ab\ncd\n", 0, (1, 1, 1));
        check("ab\ncd\n", 4, (2, 2, 2));
        check("ab\ncd\n", 6, (3, 1, 1));
    }

    #[test]
    fn crlf_belongs_to_previous_line() {
        let text = "ab\r\ncd";
        check(text, 2, (1, 3, 3));
        check(text, 4, (2, 1, 1));
        let index = LineIndex::new(text);
        assert_eq!(index.line_span(text, 0), Some(Span::new(0, 2)));
        assert_eq!(index.line_span(text, 1), Some(Span::new(4, 6)));
    }

    #[test]
    fn multibyte_columns_count_chars_and_utf16_units() {
        // "é" is 2 bytes, 1 char, 1 UTF-16 unit; "😀" is 4 bytes, 1 char, 2 units.
        let text = "é😀x";
        check(text, 6, (1, 3, 4));
        // An offset inside a character rounds down to its start.
        check(text, 1, (1, 1, 1));
    }

    #[test]
    fn utf16_column_round_trips() {
        let text = "line\n日本😀語\n";
        let index = LineIndex::new(text);
        let offset = index.offset_of_utf16(text, 1, 4);
        assert_eq!(text.get(offset as usize..), Some("語\n"));
    }

    #[test]
    fn no_final_newline_and_empty() {
        assert_eq!(LineIndex::new("").line_count(), 1);
        assert_eq!(LineIndex::new("a\nb").line_count(), 2);
        check("a\nb", 3, (2, 2, 2));
        check("", 10, (1, 1, 1));
    }
}
