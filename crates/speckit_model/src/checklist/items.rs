//! Reading one checklist item: `CHK001 - Is X defined? [Clarity, Spec §FR-1]`,
//! with the ID optional (the built-in requirements checklist and the
//! plugin's quality checklist have none) and a trailing note allowed after
//! the tags (`[Gap] — deferred to v2`).

use speckit_text::Spanned;

use crate::common::{Text, find_byte2, is_space, sub_text};

/// The parts of an item's text after its checkbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ItemParts<'a> {
    pub(crate) id: Option<Text<'a>>,
    pub(crate) text: Text<'a>,
    pub(crate) tags: Vec<Text<'a>>,
    pub(crate) note: Option<Text<'a>>,
}

/// Splits `text` (everything after the checkbox) into ID, text, tags, note.
pub(crate) fn split_item(text: Text<'_>) -> ItemParts<'_> {
    let (id, rest) = match split_id(text) {
        Some((id, rest)) => (Some(id), rest),
        None => (None, text),
    };
    let (body, tags, note) = split_tags(rest);
    ItemParts {
        id,
        text: body,
        tags,
        note,
    }
}

/// `CHK001`, `**CHK001**`, followed by an optional `-`, `–`, `—` or `:`.
fn split_id(text: Text<'_>) -> Option<(Text<'_>, Text<'_>)> {
    let value = text.value;
    let (bold, unbolded) = match value.strip_prefix("**") {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    let digits = unbolded.strip_prefix("CHK")?;
    let digit_len = digits.bytes().take_while(u8::is_ascii_digit).count();
    if digit_len == 0
        || digits
            .as_bytes()
            .get(digit_len)
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        return None;
    }
    let id = unbolded.get(..3 + digit_len)?;
    let mut after = unbolded.get(3 + digit_len..)?;
    if bold {
        after = after.strip_prefix("**")?;
    }
    let after = after.trim_start();
    let after = ["-", "–", "—", ":", "："]
        .iter()
        .find_map(|separator| after.strip_prefix(separator))
        .unwrap_or(after)
        .trim_start();
    let rest = if after.is_empty() {
        Spanned::new(after, text.span.subspan(value.len()..value.len()))
    } else {
        sub_text(text, after)
    };
    Some((sub_text(text, id), rest))
}

/// The top-level `[…]` groups of `text` outside back-ticks, from byte
/// `from` on (where the scan may start: nothing before it is a bracket or a
/// back-tick), as byte ranges passed to `group` one by one.
fn bracket_groups(text: &str, from: usize, mut group: impl FnMut(usize, usize)) {
    let mut depth = 0usize;
    let mut open = 0;
    let mut in_code = false;
    for (index, &byte) in text.as_bytes().iter().enumerate().skip(from) {
        match byte {
            b'`' => in_code = !in_code,
            b'[' if !in_code => {
                if depth == 0 {
                    open = index;
                }
                depth += 1;
            }
            b']' if !in_code && depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    group(open, index + 1);
                }
            }
            _ => {}
        }
    }
}

/// Nothing but whitespace and commas: what may separate the tag groups of a run.
fn only_separators(text: &str) -> bool {
    if text.is_ascii() {
        text.bytes().all(|byte| is_space(byte) || byte == b',')
    } else {
        text.chars().all(|c| c.is_whitespace() || c == ',')
    }
}

/// Finds the last run of bracket groups. It counts as the item's tags when
/// it ends the text or is followed by a separator and a note; a bracket
/// inside the sentence (`No [NEEDS CLARIFICATION] markers remain`) does not.
fn split_tags(text: Text<'_>) -> (Text<'_>, Vec<Text<'_>>, Option<Text<'_>>) {
    let value = text.value;
    // Before the first bracket or back-tick there is nothing to scan.
    let Some(from) = find_byte2(value.as_bytes(), b'[', b'`') else {
        return (text, Vec::new(), None);
    };
    // The last run of groups separated by whitespace and commas only: where
    // it starts, how many groups it has, where it ends.
    let mut run: Option<(usize, usize)> = None;
    let mut last_end = 0;
    bracket_groups(value, from, |start, end| {
        run = match run {
            Some((run_start, n_groups))
                if only_separators(value.get(last_end..start).unwrap_or("x")) =>
            {
                Some((run_start, n_groups + 1))
            }
            _ => Some((start, 1)),
        };
        last_end = end;
    });
    let Some((run_start, n_groups)) = run else {
        return (text, Vec::new(), None);
    };
    let before = value.get(..run_start).unwrap_or("").trim_end();
    let after = value.get(last_end..).unwrap_or("").trim();
    let note = if after.is_empty() {
        None
    } else {
        let stripped = ["—", "–", "-", "→", "->", ":", "："]
            .iter()
            .find_map(|separator| after.strip_prefix(separator));
        match stripped {
            Some(note) => Some(note.trim()),
            None => return (text, Vec::new(), None),
        }
    };
    if before.is_empty() {
        return (text, Vec::new(), None);
    }
    // The run holds only its groups and separators, and the scan state at
    // its start is the initial one: scanning it alone finds the same groups.
    let mut tags = Vec::with_capacity(n_groups);
    if let Some(run_text) = value.get(..last_end) {
        bracket_groups(run_text, run_start, |start, end| {
            if let Some(inner) = value.get(start + 1..end - 1) {
                tags.push(sub_text(text, inner));
            }
        });
    }
    let note = note
        .filter(|note| !note.is_empty())
        .map(|note| sub_text(text, note));
    (sub_text(text, before), tags, note)
}

#[cfg(test)]
mod tests {
    use speckit_text::Span;

    use super::*;

    fn parts(value: &str) -> (Option<&str>, &str, Vec<&str>, Option<&str>) {
        let parts = split_item(Spanned::new(
            value,
            Span::new(0, u32::try_from(value.len()).unwrap()),
        ));
        for text in parts
            .id
            .iter()
            .chain([&parts.text])
            .chain(&parts.tags)
            .chain(&parts.note)
        {
            assert_eq!(&value[text.span.range()], text.value);
        }
        (
            parts.id.map(|id| id.value),
            parts.text.value,
            parts.tags.iter().map(|t| t.value).collect(),
            parts.note.map(|n| n.value),
        )
    }

    #[test]
    fn item_forms() {
        assert_eq!(
            parts("CHK001 - Is retry defined? [Completeness, Spec §FR-001]"),
            (
                Some("CHK001"),
                "Is retry defined?",
                vec!["Completeness, Spec §FR-001"],
                None
            )
        );
        assert_eq!(
            parts("CHK002 Are limits set? [Gap] [Clarity]"),
            (
                Some("CHK002"),
                "Are limits set?",
                vec!["Gap", "Clarity"],
                None
            )
        );
        assert_eq!(
            parts("CHK003 - Is X clear? [Clarity] — Deferred: later"),
            (
                Some("CHK003"),
                "Is X clear?",
                vec!["Clarity"],
                Some("Deferred: later")
            )
        );
        assert_eq!(
            parts("No [NEEDS CLARIFICATION] markers remain"),
            (
                None,
                "No [NEEDS CLARIFICATION] markers remain",
                vec![],
                None
            )
        );
        assert_eq!(
            parts("Are stories traced ([US1], [US2])? [Traceability]"),
            (
                None,
                "Are stories traced ([US1], [US2])?",
                vec!["Traceability"],
                None
            )
        );
        assert_eq!(
            parts("**CHK004**: Bold id"),
            (Some("CHK004"), "Bold id", vec![], None)
        );
        assert_eq!(parts("CHK005"), (Some("CHK005"), "", vec![], None));
        assert_eq!(parts("CHKLIST item"), (None, "CHKLIST item", vec![], None));
        assert_eq!(parts("[Gap]"), (None, "[Gap]", vec![], None));
        assert_eq!(
            parts("Uses `a[0]` safely"),
            (None, "Uses `a[0]` safely", vec![], None)
        );
        // Only the last run of groups is tags; a back-ticked `[` opens none.
        assert_eq!(
            parts("Is [A] set? `x[` [B], [C]\u{3000}[D]"),
            (None, "Is [A] set? `x[`", vec!["B", "C", "D"], None)
        );
        assert_eq!(
            parts("Is [A] set? [B] x [C]"),
            (None, "Is [A] set? [B] x", vec!["C"], None)
        );
    }
}
