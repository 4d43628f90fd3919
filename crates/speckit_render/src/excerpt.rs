//! The lines of a file that findings point into.
//!
//! A large run finds something in most of its files; keeping every text
//! until the report is rendered costs as much memory as the workspace.
//! [`Excerpts`] keeps only whole lines around the spans renderers will
//! show, with their place in the file, so positions and source excerpts come
//! out exactly as they would from the whole text. Formats that show no
//! source (all but human) need even less: [`Excerpts::positions_of_findings`]
//! keeps only the line and column of each offset they ask for.

use speckit_diagnostics::{Diagnostic, FileId};
use speckit_text::{LineCol, LineIndex, OffsetPositions, Span};

/// What is kept of one file: whole lines, or only the positions of some
/// offsets.
#[derive(Clone, Debug, Default)]
pub struct Excerpts {
    kept: Kept,
}

#[derive(Clone, Debug)]
enum Kept {
    Lines {
        /// Length of the whole text (offsets past it are clamped to it).
        len: u32,
        /// Whole lines, in file order, none overlapping.
        parts: Vec<Part>,
    },
    Positions(OffsetPositions),
}

impl Default for Kept {
    /// Nothing kept: no lines, no positions.
    fn default() -> Self {
        Kept::Lines {
            len: 0,
            parts: Vec::new(),
        }
    }
}

/// Lines of a file from some line on.
#[derive(Clone, Debug)]
struct Part {
    /// Byte offset of the first line in the file.
    offset: u32,
    /// 0-based number of that line.
    line: u32,
    text: String,
    /// Lines of `text`.
    index: LineIndex,
}

/// Lines of one excerpt, as renderers see them.
#[derive(Clone, Copy, Debug)]
pub struct ExcerptLines<'a> {
    pub text: &'a str,
    /// Byte offset of `text` in the file.
    pub offset: u32,
    /// 1-based number of its first line.
    pub first_line: usize,
}

impl Excerpts {
    /// The lines of `text` that `groups` touch. Each group (say, a finding's
    /// span and its labels in the same file) lands whole in one excerpt,
    /// from the line of its first offset to the line of its last.
    pub fn cover(text: &str, groups: impl IntoIterator<Item = Span>) -> Excerpts {
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
        let bytes = text.as_bytes();
        let mut ranges: Vec<(usize, usize)> = groups
            .into_iter()
            .map(|group| {
                let start = (group.start.min(len) as usize).min(group.end.min(len) as usize);
                let end = group.end.min(len) as usize;
                let first = memchr::memrchr(b'\n', &bytes[..start]).map_or(0, |at| at + 1);
                let last =
                    memchr::memchr(b'\n', &bytes[end..]).map_or(bytes.len(), |at| end + at + 1);
                (first, last)
            })
            .collect();
        ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for (start, end) in ranges {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        let mut parts = Vec::with_capacity(merged.len());
        let mut line = 0;
        let mut counted = 0;
        for (start, end) in merged {
            line += memchr::memchr_iter(b'\n', &bytes[counted..start]).count();
            counted = start;
            let text = &text[start..end];
            parts.push(Part {
                offset: u32::try_from(start).unwrap_or(u32::MAX),
                line: u32::try_from(line).unwrap_or(u32::MAX),
                text: text.to_string(),
                index: LineIndex::new(text),
            });
        }
        Excerpts {
            kept: Kept::Lines { len, parts },
        }
    }

    /// Only the line and column of each of `offsets` in `text`: what every
    /// format but human needs. [`Excerpts::lines_at`] finds no lines in it.
    pub fn positions(text: &str, offsets: impl IntoIterator<Item = u32>) -> Excerpts {
        Excerpts {
            kept: Kept::Positions(OffsetPositions::new(text, offsets)),
        }
    }

    /// [`Excerpts::positions`] of the offsets renderers ask for about file
    /// `id`: where each finding in it and each label in it starts and ends.
    pub fn positions_of_findings(text: &str, id: FileId, diagnostics: &[Diagnostic]) -> Excerpts {
        let mut offsets = Vec::new();
        for diagnostic in diagnostics {
            if diagnostic.file == id {
                offsets.extend([diagnostic.span.start, diagnostic.span.end]);
            }
            for label in diagnostic.labels.iter().filter(|label| label.file == id) {
                offsets.extend([label.span.start, label.span.end]);
            }
        }
        Excerpts::positions(text, offsets)
    }

    /// The lines of file `id` (whose text is `text`) that renderers show for
    /// `diagnostics`: each finding in the file with its labels there, and
    /// labels that findings elsewhere put in it.
    pub fn of_findings(text: &str, id: FileId, diagnostics: &[Diagnostic]) -> Excerpts {
        let mut groups = Vec::new();
        for diagnostic in diagnostics {
            let here = diagnostic.labels.iter().filter(|label| label.file == id);
            if diagnostic.file == id {
                groups.push(here.fold(diagnostic.span, |hull, label| hull.cover(label.span)));
            } else {
                groups.extend(here.map(|label| label.span));
            }
        }
        Excerpts::cover(text, groups)
    }

    /// The excerpt holding `offset` (clamped to the text's length).
    pub fn lines_at(&self, offset: u32) -> Option<ExcerptLines<'_>> {
        let part = self.part_at(offset)?;
        Some(ExcerptLines {
            text: &part.text,
            offset: part.offset,
            first_line: part.line as usize + 1,
        })
    }

    /// 1-based line and column of `offset`, as [`LineIndex::line_col`] gives
    /// them over the whole text; `None` if no excerpt holds it (or it is not
    /// one of the positions kept).
    pub fn line_col(&self, offset: u32) -> Option<LineCol> {
        let (part, offset) = match &self.kept {
            Kept::Positions(positions) => return positions.get(offset),
            Kept::Lines { len, .. } => (self.part_at(offset)?, offset.min(*len)),
        };
        let at = part.index.line_col(&part.text, offset - part.offset);
        Some(LineCol {
            line: at.line + part.line,
            ..at
        })
    }

    /// The part holding `offset` (clamped to the text's length); none when
    /// only positions are kept.
    fn part_at(&self, offset: u32) -> Option<&Part> {
        let Kept::Lines { len, parts } = &self.kept else {
            return None;
        };
        let offset = offset.min(*len);
        let index = parts
            .partition_point(|part| part.offset <= offset)
            .checked_sub(1)?;
        let part = &parts[index];
        (offset as usize - part.offset as usize <= part.text.len()).then_some(part)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# Title\n\nfirst line\r\nsecond é line\nthird\n\n- item\nlast";

    fn offset_of(needle: &str) -> u32 {
        u32::try_from(TEXT.find(needle).unwrap()).unwrap()
    }

    #[test]
    fn positions_match_the_whole_text() {
        let spans = [
            Span::new(offset_of("é"), offset_of(" line\nthird")),
            Span::new(offset_of("item"), offset_of("item") + 4),
            Span::empty(u32::try_from(TEXT.len()).unwrap()),
            Span::new(offset_of("Title"), offset_of("first")),
        ];
        let excerpts = Excerpts::cover(TEXT, spans);
        let index = LineIndex::new(TEXT);
        for span in spans {
            for offset in [span.start, span.end] {
                assert_eq!(
                    excerpts.line_col(offset),
                    Some(index.line_col(TEXT, offset)),
                    "offset {offset}"
                );
            }
        }
        // Past the end is clamped, as LineIndex does.
        assert_eq!(excerpts.line_col(9999), Some(index.line_col(TEXT, 9999)));
    }

    #[test]
    fn positions_alone_match_the_whole_text_and_keep_no_lines() {
        let offsets = [
            offset_of("é"),
            offset_of("é") + 1,
            offset_of("item"),
            0,
            u32::try_from(TEXT.len()).unwrap(),
            offset_of("line\r"),
        ];
        let positions = Excerpts::positions(TEXT, offsets);
        let index = LineIndex::new(TEXT);
        for offset in offsets {
            assert_eq!(
                positions.line_col(offset),
                Some(index.line_col(TEXT, offset)),
                "offset {offset}"
            );
            assert!(positions.lines_at(offset).is_none());
        }
        // Past the end is clamped, as LineIndex does; offsets not asked for
        // have no position.
        assert_eq!(positions.line_col(9999), Some(index.line_col(TEXT, 9999)));
        assert_eq!(positions.line_col(offset_of("third")), None);
    }

    #[test]
    fn keeps_whole_lines_and_merges_overlaps() {
        let spans = [
            Span::new(offset_of("first"), offset_of("first") + 2),
            Span::new(offset_of("line\r"), offset_of("second") + 3),
            Span::new(offset_of("item"), offset_of("item")),
        ];
        let excerpts = Excerpts::cover(TEXT, spans);
        let first = excerpts.lines_at(offset_of("first")).unwrap();
        assert_eq!(first.text, "first line\r\nsecond é line\n");
        assert_eq!(first.first_line, 3);
        let item = excerpts.lines_at(offset_of("item")).unwrap();
        assert_eq!(item.text, "- item\n");
        assert_eq!(item.first_line, 7);
        assert!(excerpts.lines_at(offset_of("third") + 1).is_none());
        assert!(excerpts.lines_at(0).is_none());
    }
}
