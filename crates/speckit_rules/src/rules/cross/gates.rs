//! What the constitution-alignment rules read from a spec-kit plan's
//! `## Constitution Check`: which principles it names, which gates it marks
//! as failed, and whether `## Complexity Tracking` justifies anything.
//!
//! Matching leans towards "mentioned" and "justified": a rule built on it
//! reports a skipped principle or an unjustified failure only when the plan
//! plainly lacks it.

use speckit_model::Plan;
use speckit_model::constitution::to_roman;
use speckit_model::constitution::{NormativeLevel, Principle};
use speckit_model::strip_markup;
use speckit_text::Span;

use crate::analysis::mention::{Token, token_set};

/// A principle binds the plan when it states a `MUST`/`MUST NOT` or is
/// marked `(NON-NEGOTIABLE)`.
pub(crate) fn is_binding(principle: &Principle<'_>) -> bool {
    principle.non_negotiable
        || principle.statements.iter().any(|statement| {
            matches!(
                statement.level,
                NormativeLevel::Must | NormativeLevel::MustNot
            )
        })
}

/// The text of a Constitution Check, prepared for asking whether it names
/// a principle.
pub(crate) struct CheckText<'t> {
    text: &'t str,
    lower: String,
    tokens: Vec<Token>,
}

impl<'t> CheckText<'t> {
    pub(crate) fn new(text: &'t str) -> CheckText<'t> {
        CheckText {
            text,
            lower: text.to_lowercase(),
            tokens: token_set(text),
        }
    }

    /// True when the text names `principle`: by its number (`III.`,
    /// `Principle 3`, `§III`), by its whole name, or by at least half of the
    /// significant words of its name.
    pub(crate) fn mentions(&self, principle: &Principle<'_>) -> bool {
        if principle
            .ordinal
            .is_some_and(|ordinal| self.has_ordinal(ordinal))
        {
            return true;
        }
        let name = strip_markup(principle.name.value);
        if name.is_empty() {
            return true;
        }
        if self.lower.contains(&name.to_lowercase()) {
            return true;
        }
        let name_tokens = token_set(name);
        if name_tokens.is_empty() {
            // Nothing to match by wording (a name of short words only).
            return true;
        }
        let shared = name_tokens
            .iter()
            .filter(|token| self.tokens.binary_search(token).is_ok())
            .count();
        shared * 2 >= name_tokens.len()
    }

    /// A reference to principle number `ordinal`: its roman numeral
    /// followed by `.`, `:`, `)` or a dash, or its roman or arabic number
    /// after `Principle`, `Article` or `§`. (An arabic number followed by a
    /// dot is list numbering more often than a principle.)
    fn has_ordinal(&self, ordinal: u32) -> bool {
        numeral_referenced(self.text, &to_roman(ordinal), true)
            || numeral_referenced(self.text, &ordinal.to_string(), false)
    }
}

fn numeral_referenced(text: &str, numeral: &str, by_mark_allowed: bool) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = text.get(from..).and_then(|rest| rest.find(numeral)) {
        let at = from + offset;
        let end = at + numeral.len();
        from = at + 1;
        let before_ok = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let after_ok = !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric);
        if !before_ok || !after_ok {
            continue;
        }
        // Emphasis around the numeral does not matter: `**II** - Name`.
        let head = text
            .get(..at)
            .unwrap_or("")
            .trim_end_matches(['*', '_', '`'])
            .trim_end();
        let tail = text
            .get(end..)
            .unwrap_or("")
            .trim_start_matches(['*', '_', '`']);
        let by_word = [
            "Principle",
            "principle",
            "Article",
            "article",
            "§",
            "原則",
            "原则",
        ]
        .iter()
        .any(|word| head.ends_with(word));
        let by_mark = by_mark_allowed
            && (tail.starts_with(['.', ':', ')', '：'])
                || tail.starts_with(" -")
                || tail.starts_with(" –")
                || tail.starts_with(" —"));
        if by_word || by_mark {
            return true;
        }
    }
    false
}

/// The Constitution Check of a filled spec-kit plan, with its text.
pub(crate) fn filled_check<'p>(plan: &Plan<'_>, text: &'p str) -> Option<(Span, &'p str)> {
    let check = plan.constitution_check.as_ref()?;
    // An empty or template check is P034's.
    if check.placeholder.is_some() || check.blank {
        return None;
    }
    let span = check.section.span;
    Some((check.section.heading_span, text.get(span.range())?))
}

/// A gate the Constitution Check marks as not passed.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct FailedGate<'t> {
    /// The line (table row, field, checkbox) that records it.
    pub(crate) span: Span,
    /// What the gate is about: the row's first cell, the field's label or
    /// the item's text.
    pub(crate) label: &'t str,
}

/// Gates of a Constitution Check (the section's text, starting at byte
/// `base` of the plan) that are marked as failed: a table cell or field
/// value opening with `❌`, `FAIL`, `Violation`, `Deviation`,
/// `Non-compliant`; `No` in a pass column; an unchecked box among checked
/// ones of the same subsection.
pub(crate) fn failed_gates(text: &str, base: u32) -> Vec<FailedGate<'_>> {
    let mut failed = Vec::new();
    let mut header: Vec<&str> = Vec::new();
    let mut in_table = false;
    let mut fence = Fence::default();
    // Checkbox items of the current subsection: (span, text, checked).
    let mut boxes: Vec<(Span, &str, bool)> = Vec::new();
    let mut offset = 0usize;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        let span = Span::from_range(base as usize + start..base as usize + start + line.len());
        if fence.skips(trimmed) {
            continue;
        }
        if trimmed.starts_with('#') {
            flush_boxes(&mut boxes, &mut failed);
            in_table = false;
            let heading = trimmed.trim_start_matches('#').trim();
            if starts_with_fail_mark(heading) {
                failed.push(FailedGate {
                    span,
                    label: heading,
                });
            }
            continue;
        }
        if trimmed.starts_with('|') {
            let cells: Vec<&str> = split_row(trimmed);
            if !in_table {
                in_table = true;
                header = cells;
                continue;
            }
            if cells
                .iter()
                .all(|cell| cell.chars().all(|c| matches!(c, '-' | ':' | ' ')))
            {
                continue;
            }
            let verdict_columns = header.iter().any(|name| is_verdict_column(name));
            let verdict = cells.iter().enumerate().skip(1).any(|(index, cell)| {
                let column = header.get(index).copied().unwrap_or("");
                // Without a column for verdicts, only short cells are read as one.
                let is_verdict = if verdict_columns {
                    is_verdict_column(column)
                } else {
                    cell.len() <= 40
                };
                is_verdict && (fails(cell) || (says_no(cell) && is_pass_column(column)))
            });
            if verdict {
                let label = cells.first().map_or("", |cell| strip_markup(cell));
                failed.push(FailedGate { span, label });
            }
            continue;
        }
        in_table = false;
        let marker_free = strip_list_marker(trimmed);
        if let Some((mark, item)) = read_box(marker_free) {
            boxes.push((span, item, mark));
            continue;
        }
        if starts_with_fail_mark(marker_free) {
            failed.push(FailedGate {
                span,
                label: marker_free,
            });
            continue;
        }
        if let Some((bold, label, value)) = split_field(marker_free)
            && (bold || is_verdict_column(label))
            && (fails(value) || (says_no(value) && is_pass_column(label)))
        {
            failed.push(FailedGate { span, label });
        }
    }
    flush_boxes(&mut boxes, &mut failed);
    failed.sort_by_key(|gate| gate.span.start);
    failed
}

/// Unchecked boxes count as failed gates only next to checked ones: a list
/// with no box ticked is a check not yet done.
fn flush_boxes<'t>(boxes: &mut Vec<(Span, &'t str, bool)>, failed: &mut Vec<FailedGate<'t>>) {
    if boxes.iter().any(|(_, _, checked)| *checked) {
        failed.extend(
            boxes
                .iter()
                .filter(|(_, _, checked)| !checked)
                .map(|(span, label, _)| FailedGate { span: *span, label }),
        );
    }
    boxes.clear();
}

fn split_row(row: &str) -> Vec<&str> {
    let inner = row.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(str::trim).collect()
}

fn strip_list_marker(line: &str) -> &str {
    let line = line.trim_start();
    if let Some(rest) = line.strip_prefix(['-', '*', '+'])
        && rest.starts_with(' ')
    {
        return rest.trim_start();
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0
        && let Some(rest) = line
            .get(digits..)
            .and_then(|rest| rest.strip_prefix(['.', ')']))
        && rest.starts_with(' ')
    {
        return rest.trim_start();
    }
    line
}

/// `[ ] text` / `[x] text` → (checked, text).
fn read_box(item: &str) -> Option<(bool, &str)> {
    let rest = item.strip_prefix('[')?;
    let mut chars = rest.chars();
    let mark = chars.next()?;
    let text = chars.as_str().strip_prefix(']')?;
    let checked = match mark {
        'x' | 'X' | '✓' | '✔' => true,
        ' ' => false,
        _ => return None,
    };
    Some((checked, text.trim()))
}

/// `**Label**: value`, `**Label:** value`, `Label: value` (a short label);
/// the first value says whether the label was bold.
fn split_field(line: &str) -> Option<(bool, &str, &str)> {
    if let Some(rest) = line.strip_prefix("**") {
        let close = rest.find("**")?;
        let label = rest.get(..close)?;
        let after = rest.get(close + 2..)?;
        let (label, value) = match after.strip_prefix(':') {
            Some(value) => (label, value),
            None if label.ends_with(':') => (label.trim_end_matches(':'), after),
            None => {
                let value = after.trim_start().strip_prefix(['—', '–', '-'])?;
                (label, value)
            }
        };
        return Some((true, label.trim(), value.trim()));
    }
    let colon = line.find(':')?;
    let label = line.get(..colon)?;
    (label.len() <= 24 && !label.contains('`')).then(|| {
        (
            false,
            label.trim(),
            line.get(colon + 1..).unwrap_or("").trim(),
        )
    })
}

fn starts_with_fail_mark(text: &str) -> bool {
    text.trim_start_matches(['*', '_', '`', ' '])
        .starts_with(['❌', '✗', '✘', '⛔', '🚫'])
}

/// A verdict that says the gate is not passed.
fn fails(value: &str) -> bool {
    if starts_with_fail_mark(value) {
        return true;
    }
    // Skip emphasis and symbols such as `⚠️` before the first word.
    let word_start = value.trim_start_matches(|c: char| !c.is_alphanumeric());
    let word_len = word_start
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(word_start.len());
    let word = word_start
        .get(..word_len)
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        word.as_str(),
        "fail"
            | "failed"
            | "violation"
            | "violations"
            | "violated"
            | "deviation"
            | "non-compliant"
            | "noncompliant"
    )
}

/// A bare `No` (possibly with a reason after a dash or parenthesis).
fn says_no(value: &str) -> bool {
    let plain = strip_markup(value);
    let Some(rest) = plain
        .strip_prefix("No")
        .or_else(|| plain.strip_prefix("NO"))
    else {
        return false;
    };
    rest.is_empty()
        || rest.starts_with([' ', '(', '—', '–', '-', ',', '.'])
            && !rest
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("violation")
            && !rest
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("deviation")
            && !rest.trim_start().to_ascii_lowercase().starts_with("issue")
            && !rest
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("conflict")
            && !rest.trim_start().to_ascii_lowercase().starts_with("change")
}

/// A column or label that holds verdicts.
fn is_verdict_column(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [
        "status",
        "result",
        "pass",
        "compli",
        "verdict",
        "outcome",
        "assessment",
        "evaluation",
        "state",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

/// A column or label that records whether a gate passed.
fn is_pass_column(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    ["pass", "compliant", "complies", "meets", "satisf", "ok"]
        .iter()
        .any(|word| lower.contains(word))
}

/// True when the plan records a justification for deviations: a Complexity
/// Tracking row naming one, or any other content under Complexity Tracking
/// (or a heading about complexity, justification or deviations) that does
/// not say there is nothing to justify.
pub(crate) fn has_justification(plan: &Plan<'_>, text: &str) -> bool {
    if let Some(tracking) = &plan.complexity_tracking {
        let rows = tracking
            .table
            .rows
            .iter()
            .filter(|row| !row.blank)
            .filter(|row| is_substantive(row.violation.value))
            .count();
        if rows > 0 {
            return true;
        }
        if tracking.table.table.is_none() {
            let body = text.get(tracking.section.span.range()).unwrap_or("");
            return prose_justifies(body);
        }
        return false;
    }
    // No Complexity Tracking: accept any other heading for deviations.
    text.lines().any(|line| {
        let trimmed = line.trim_start();
        trimmed.starts_with('#') && {
            let lower = trimmed.to_ascii_lowercase();
            ["complexity", "justification", "deviation", "exception"]
                .iter()
                .any(|word| lower.contains(word))
        }
    })
}

/// A Violation cell that names one.
fn is_substantive(cell: &str) -> bool {
    let plain = strip_markup(cell).trim();
    let lower = plain.to_ascii_lowercase();
    !(plain.is_empty()
        || matches!(
            lower.as_str(),
            "-" | "—" | "none" | "n/a" | "na" | "tbd" | "no violations" | "(none)"
        )
        || lower.starts_with("none")
        || lower.starts_with("no ")
        || lower.starts_with("n/a")
        || (plain.starts_with('[') && plain.ends_with(']')))
}

/// Prose under Complexity Tracking (no table) that records something,
/// rather than saying nothing needs recording.
fn prose_justifies(body: &str) -> bool {
    let mut content = String::new();
    let mut in_comment = false;
    for line in body.lines().skip(1) {
        let trimmed = line.trim();
        if in_comment {
            in_comment = !trimmed.contains("-->");
            continue;
        }
        if trimmed.starts_with("<!--") {
            in_comment = !trimmed.contains("-->");
            continue;
        }
        if trimmed.starts_with('>') || trimmed.starts_with('#') {
            continue;
        }
        content.push_str(trimmed);
        content.push(' ');
    }
    let lower = content.trim().to_lowercase();
    if lower.is_empty() {
        return false;
    }
    ![
        "no violation",
        "no deviation",
        "none",
        "n/a",
        "not required",
        "not needed",
        "not applicable",
        "nothing",
        "no complexity",
        "no entries",
        "omitted",
        "無",
        "无",
        "なし",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

/// Tracks fenced code blocks (```` ``` ```` or `~~~`) while a text is read
/// line by line.
#[derive(Default)]
pub(super) struct Fence {
    open: Option<&'static str>,
}

impl Fence {
    /// Whether the line (trimmed) opens, closes or sits inside a fence.
    pub(super) fn skips(&mut self, trimmed: &str) -> bool {
        if let Some(marker) = self.open {
            if trimmed.starts_with(marker) {
                self.open = None;
            }
            return true;
        }
        for marker in ["```", "~~~"] {
            if trimmed.starts_with(marker) {
                self.open = Some(marker);
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_need_a_mark_or_a_word() {
        assert!(numeral_referenced("| III. Small Box | PASS |", "III", true));
        assert!(numeral_referenced("Principle 3 holds", "3", false));
        assert!(!numeral_referenced("3. Simplicity: PASS", "3", false));
        assert!(numeral_referenced("see §IV", "IV", true));
        assert!(numeral_referenced("**II** - Test-First", "II", true));
        assert!(!numeral_referenced("III is fine", "III", true));
        assert!(!numeral_referenced("VIII. Other", "III", true));
        assert!(!numeral_referenced("I think so.", "I", true));
        assert_eq!(to_roman(14), "XIV");
    }

    fn failed(text: &str) -> Vec<&str> {
        failed_gates(text, 0)
            .into_iter()
            .map(|gate| gate.label)
            .collect()
    }

    #[test]
    fn failed_gates_in_tables() {
        let text = "| Principle | Status | Notes |\n|---|---|---|\n| I. Fail-Safe | ✅ PASS | ok |\n| II. Small Box | ❌ FAIL | worker |\n| III. Docs | ⚠️ Deviation | see below |\n| IV. Plain | PASS (justified deviation) | fine |\n";
        assert_eq!(failed(text), ["II. Small Box", "III. Docs"]);
        let text = "| Gate | Pass? |\n|---|---|\n| Tests first | No |\n| Docs | Yes |\n| Plain | No violations |\n";
        assert_eq!(failed(text), ["Tests first"]);
    }

    #[test]
    fn failed_gates_in_fields_and_boxes() {
        let text = "**I. Library-First**: ✅ PASS\n**II. Test-First**: FAIL - no tests\n- **III. Small**: Violation (worker)\n**Result**: All gates pass\n**Gate violations**: none\n\n- [x] Tests first\n- [ ] One process\n\n### Post-design\n- [ ] Re-check\n";
        assert_eq!(
            failed(text),
            ["II. Test-First", "III. Small", "One process"]
        );
        assert!(failed("**II. Fail-Safe Operation**:\n- Status: COMPLIANT\n").is_empty());
        assert_eq!(failed("- Status: NON-COMPLIANT\n"), ["Status"]);
    }

    #[test]
    fn justification_prose() {
        assert!(!prose_justifies(
            "## Complexity Tracking\n\n> Fill only if needed\n\nNo violations.\n"
        ));
        assert!(!prose_justifies(
            "## Complexity Tracking\n<!-- guidance -->\n"
        ));
        assert!(prose_justifies(
            "## Complexity Tracking\n\nThe worker process is needed because imports block.\n"
        ));
    }
}
