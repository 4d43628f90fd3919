//! Half-open byte ranges into one file's text.

use std::ops::Range;

use schemars::JsonSchema;
use serde::Serialize;

/// A half-open byte range `start..end` into the text of one file.
///
/// Offsets are `u32`: documents larger than 4 GiB are rejected when read.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub const fn new(start: u32, end: u32) -> Self {
        debug_assert!(start <= end);
        Self { start, end }
    }

    /// Builds a span from `usize` offsets, saturating at `u32::MAX`.
    pub fn from_range(range: Range<usize>) -> Self {
        let start = u32::try_from(range.start).unwrap_or(u32::MAX);
        let end = u32::try_from(range.end).unwrap_or(u32::MAX);
        Self {
            start,
            end: end.max(start),
        }
    }

    pub const fn empty(at: u32) -> Self {
        Self { start: at, end: at }
    }

    pub const fn len(self) -> u32 {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub const fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub const fn contains(self, offset: u32) -> bool {
        self.start <= offset && offset < self.end
    }

    pub const fn contains_span(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Shifts the span right by `delta` bytes.
    #[must_use]
    pub const fn shift(self, delta: u32) -> Span {
        Span {
            start: self.start + delta,
            end: self.end + delta,
        }
    }

    /// A sub-span given relative offsets inside this span.
    #[must_use]
    pub fn subspan(self, relative: Range<usize>) -> Span {
        let start = self
            .start
            .saturating_add(u32::try_from(relative.start).unwrap_or(u32::MAX));
        let end = self
            .start
            .saturating_add(u32::try_from(relative.end).unwrap_or(u32::MAX));
        Span {
            start: start.min(self.end),
            end: end.min(self.end).max(start.min(self.end)),
        }
    }

    /// The span of `part`, which must be a sub-slice of `whole`, where `whole`
    /// itself starts at `self.start`. Returns `self` if `part` is not inside.
    #[must_use]
    pub fn of_subslice(self, whole: &str, part: &str) -> Span {
        let whole_start = whole.as_ptr() as usize;
        let part_start = part.as_ptr() as usize;
        if part_start < whole_start || part_start + part.len() > whole_start + whole.len() {
            debug_assert!(false, "of_subslice called with a foreign slice");
            return self;
        }
        self.subspan(part_start - whole_start..part_start - whole_start + part.len())
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Self {
        Span::from_range(range)
    }
}

/// A value together with the span of source text it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub const fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Spanned<U> {
        Spanned {
            value: f(self.value),
            span: self.span,
        }
    }
}

impl<'a> Spanned<&'a str> {
    /// Takes `span` of `text` (which starts at byte 0 of the file).
    pub fn slice(text: &'a str, span: Span) -> Self {
        Spanned {
            value: text.get(span.range()).unwrap_or(""),
            span,
        }
    }

    /// Trims ASCII and Unicode whitespace, keeping the span exact.
    #[must_use]
    pub fn trim(self) -> Self {
        let trimmed = self.value.trim();
        Spanned {
            value: trimmed,
            span: self.span.of_subslice(self.value, trimmed),
        }
    }

    pub fn as_str(&self) -> &'a str {
        self.value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_clamps_to_parent() {
        let span = Span::new(10, 20);
        assert_eq!(span.subspan(2..5), Span::new(12, 15));
        assert_eq!(span.subspan(5..50), Span::new(15, 20));
        assert_eq!(span.subspan(40..50), Span::new(20, 20));
    }

    #[test]
    fn spanned_trim_keeps_exact_offsets() {
        let text = "ab   hello  ";
        let spanned = Spanned::slice(text, Span::new(2, 12)).trim();
        assert_eq!(spanned.value, "hello");
        assert_eq!(spanned.span, Span::new(5, 10));
    }

    #[test]
    fn cover_and_contains() {
        let a = Span::new(3, 5);
        let b = Span::new(8, 9);
        assert_eq!(a.cover(b), Span::new(3, 9));
        assert!(a.cover(b).contains_span(b));
        assert!(!a.contains(5));
    }
}
