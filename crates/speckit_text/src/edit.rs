//! Lossless edits: byte-range replacements spliced into the original text.

use std::fmt;

use crate::Span;

/// Replace the bytes of `span` with `replacement`. An empty span inserts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Self {
            span,
            replacement: replacement.into(),
        }
    }

    pub fn insert(at: u32, text: impl Into<String>) -> Self {
        Self {
            span: Span::empty(at),
            replacement: text.into(),
        }
    }

    pub fn delete(span: Span) -> Self {
        Self {
            span,
            replacement: String::new(),
        }
    }
}

/// Why a set of edits could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EditError {
    /// Two edits touch the same bytes (or insert at the same point).
    Overlap { first: Span, second: Span },
    /// An edit reaches past the end of the text or splits a UTF-8 character.
    OutOfBounds { span: Span, len: usize },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::Overlap { first, second } => write!(
                f,
                "edits overlap: {}..{} and {}..{}",
                first.start, first.end, second.start, second.end
            ),
            EditError::OutOfBounds { span, len } => write!(
                f,
                "edit {}..{} is outside the text ({len} bytes) or not on a character boundary",
                span.start, span.end
            ),
        }
    }
}

impl std::error::Error for EditError {}

/// Applies `edits` to `text` and returns the new text. Edits may come in any
/// order; they must not overlap. Two insertions at the same offset count as
/// overlapping because their order would be ambiguous.
pub fn apply_edits(text: &str, edits: &[Edit]) -> Result<String, EditError> {
    let mut order: Vec<&Edit> = edits.iter().collect();
    order.sort_by_key(|edit| (edit.span.start, edit.span.end));
    for edit in &order {
        let range = edit.span.range();
        if range.end > text.len()
            || !text.is_char_boundary(range.start)
            || !text.is_char_boundary(range.end)
        {
            return Err(EditError::OutOfBounds {
                span: edit.span,
                len: text.len(),
            });
        }
    }
    for pair in order.windows(2) {
        let [first, second] = pair else { continue };
        let touches_same_point = first.span.start == second.span.start;
        if first.span.end > second.span.start || touches_same_point {
            return Err(EditError::Overlap {
                first: first.span,
                second: second.span,
            });
        }
    }
    let added: usize = order.iter().map(|edit| edit.replacement.len()).sum();
    let mut out = String::with_capacity(text.len() + added);
    let mut cursor = 0;
    for edit in order {
        let range = edit.span.range();
        out.push_str(text.get(cursor..range.start).unwrap_or(""));
        out.push_str(&edit.replacement);
        cursor = range.end;
    }
    out.push_str(text.get(cursor..).unwrap_or(""));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, edits: &[Edit], expected: &str) {
        assert_eq!(apply_edits(text, edits).as_deref(), Ok(expected));
    }

    #[test]
    fn no_edits_is_identity() {
        check("a\r\nb \u{feff}", &[], "a\r\nb \u{feff}");
    }

    #[test]
    fn edits_apply_in_any_order() {
        let edits = [
            Edit::replace(Span::new(6, 7), "X"),
            Edit::replace(Span::new(3, 4), "x"),
        ];
        check("- [ ] T001", &edits, "- [x] X001");
    }

    #[test]
    fn insert_and_delete() {
        check(
            "ab",
            &[Edit::insert(0, "--"), Edit::delete(Span::new(1, 2))],
            "--a",
        );
    }

    #[test]
    fn overlapping_edits_are_rejected() {
        let edits = [
            Edit::replace(Span::new(0, 3), "x"),
            Edit::replace(Span::new(2, 4), "y"),
        ];
        assert!(matches!(
            apply_edits("abcdef", &edits),
            Err(EditError::Overlap { .. })
        ));
        let inserts = [Edit::insert(1, "x"), Edit::insert(1, "y")];
        assert!(matches!(
            apply_edits("ab", &inserts),
            Err(EditError::Overlap { .. })
        ));
    }

    #[test]
    fn adjacent_edits_are_fine() {
        let edits = [
            Edit::replace(Span::new(0, 1), "x"),
            Edit::replace(Span::new(1, 2), "y"),
        ];
        check("ab", &edits, "xy");
    }

    #[test]
    fn out_of_bounds_and_char_splits_are_rejected() {
        assert!(matches!(
            apply_edits("ab", &[Edit::delete(Span::new(1, 9))]),
            Err(EditError::OutOfBounds { .. })
        ));
        assert!(matches!(
            apply_edits("é", &[Edit::delete(Span::new(0, 1))]),
            Err(EditError::OutOfBounds { .. })
        ));
    }
}
