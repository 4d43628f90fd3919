//! spec-kit task lines: `- [ ] T001 [P] [US1] Description in path`.

use speckit_md::{NodeId, NodeKind};
use speckit_text::{Span, Spanned};

use super::refs;
use super::{Criterion, DependencySource, Task, TaskStatus, push_dependency};
use crate::common::{self, CheckItem, Text, span_of, subspan, trim_start_str};
use crate::document::Document;

/// The parts of a task line after its checkbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LineTask<'a> {
    pub(crate) id: Text<'a>,
    pub(crate) parallel: bool,
    pub(crate) stories: Vec<Text<'a>>,
    pub(crate) labels: Vec<Text<'a>>,
    pub(crate) description: Text<'a>,
    /// `~~T012~~ Deleted`: the ID is struck through, the task withdrawn.
    pub(crate) struck: bool,
}

/// Parses the text after a checkbox. `None` when it does not start with a task ID.
pub(crate) fn parse_task_text(text: Text<'_>) -> Option<LineTask<'_>> {
    let value = text.value;
    // `**T001**` or `**T002 [P]**`: the bold part holds the ID and maybe
    // markers; `~~T012~~`: the ID is struck through.
    let wrapper = ["**", "~~"]
        .into_iter()
        .find(|wrapper| value.starts_with(wrapper));
    let (id_text, after_id) = if let Some(marks) = wrapper {
        let inner = &value[2..];
        let close = inner.find(marks)?;
        let id_part = Spanned::new(&inner[..close], subspan(text.span, 2, 2 + close));
        let after = Spanned::new(
            &inner[close + 2..],
            subspan(text.span, close + 4, value.len()),
        );
        (id_part, Some(after))
    } else {
        (text, None)
    };
    let id_value = trim_start_str(id_text.value);
    let lead = id_text.value.len() - id_value.len();
    // Where the ID starts, its length, and how many bytes after it belong
    // to it (the `]` of `[SETUP-001]`).
    let (id_start, id_len, closing) = if let Some(len) = refs::task_id_len(id_value) {
        // `T028'` (T028 prime), a task written to replace a reverted T028, is
        // a task of its own; `T028's` is T028.
        let bytes = id_value.as_bytes();
        let prime = bytes.get(len) == Some(&b'\'')
            && !bytes.get(len + 1).is_some_and(u8::is_ascii_alphanumeric);
        (0, len + usize::from(prime), 0)
    } else if let Some(len) = refs::phase_id_len(id_value) {
        // `[SETUP-001]`, `[US1-010]`: IDs numbered within their phase.
        (1, len, 1)
    } else {
        // `Task 1.1` / `タスク 1.1`.
        let after_word = id_value
            .strip_prefix("Task ")
            .or_else(|| id_value.strip_prefix("タスク"))
            .map(|rest| rest.trim_start_matches([' ', '\u{3000}']))?;
        let skipped = id_value.len() - after_word.len();
        (skipped, refs::dotted_id_len(after_word)?, 0)
    };
    let id_offset = lead + id_start;
    let id = Spanned::new(
        &id_text.value[id_offset..id_offset + id_len],
        subspan(id_text.span, id_offset, id_offset + id_len),
    );

    let mut task = LineTask {
        id,
        parallel: false,
        stories: Vec::new(),
        labels: Vec::new(),
        description: text,
        struck: wrapper == Some("~~"),
    };
    // `[US1-010]`: the ID's prefix names the story.
    if closing == 1
        && let Some((prefix, _)) = task.id.value.split_once('-')
        && refs::story_number(prefix).is_some()
    {
        let span = subspan(task.id.span, 0, prefix.len());
        task.stories.push(Spanned::new(prefix, span));
    }
    let rest_start = id_offset + id_len + closing;
    let rest_in_id = Spanned::new(
        &id_text.value[rest_start..],
        subspan(id_text.span, rest_start, id_text.value.len()),
    );
    let mut rest = peel_markers(skip_separator(rest_in_id), &mut task);
    if let Some(after) = after_id {
        rest = peel_markers(skip_separator(after), &mut task);
    }
    task.description = common::trim(strip_leading_separators(rest));
    Some(task)
}

fn skip_separator(text: Text<'_>) -> Text<'_> {
    let trimmed = text
        .value
        .strip_prefix([':', '.', '：'])
        .unwrap_or(text.value);
    Spanned::new(trimmed, span_of(text, trimmed))
}

fn strip_leading_separators(text: Text<'_>) -> Text<'_> {
    let trimmed = trim_start_str(text.value);
    let stripped = ["—", "–", "- ", ":", "："]
        .iter()
        .find_map(|sep| trimmed.strip_prefix(sep))
        .unwrap_or(trimmed);
    Spanned::new(stripped, span_of(text, stripped))
}

/// Peels `[P]`, `[US1]`, `[US1][US2]`, `[SETUP]` groups off the front.
fn peel_markers<'a>(mut text: Text<'a>, task: &mut LineTask<'a>) -> Text<'a> {
    loop {
        let trimmed = trim_start_str(text.value);
        let (open_len, after_open) = if let Some(rest) = trimmed.strip_prefix('[') {
            (1, rest)
        } else if let Some(rest) = trimmed.strip_prefix('［') {
            ('［'.len_utf8(), rest)
        } else {
            return text;
        };
        let Some((close, close_len)) = find_close_bracket(after_open, MAX_MARKER_LEN) else {
            return text;
        };
        let inner = &after_open[..close];
        let after = &after_open[close + close_len..];
        if inner.is_empty()
            || inner.contains(char::is_whitespace) && !inner.starts_with("US")
            || after.starts_with('(')
        {
            return text;
        }
        let base = span_of(text, trimmed);
        let inner_span = subspan(base, open_len, open_len + inner.len());
        let inner_text = Spanned::new(inner, inner_span);
        if inner == "P" || inner == "p" {
            task.parallel = true;
        } else if refs::story_number(inner).is_some() {
            task.stories.push(inner_text);
        } else if inner.contains(',') {
            // `[US1, US2]`
            for part in inner.split(',') {
                let part_trimmed = part.trim();
                if refs::story_number(part_trimmed).is_some() {
                    task.stories.push(Spanned::new(
                        part_trimmed,
                        span_of(inner_text, part_trimmed),
                    ));
                }
            }
        } else {
            task.labels.push(inner_text);
        }
        let consumed = open_len + close + close_len;
        text = Spanned::new(&trimmed[consumed..], subspan(base, consumed, trimmed.len()));
    }
}

/// How far into a marker its closing bracket may be: `[P]`, `[US12]` and
/// `[SETUP]` are short; a longer bracket is text.
const MAX_MARKER_LEN: usize = 24;

/// The first `]` or `］` of `text`, as its offset and length, when it
/// starts within the first `limit` bytes.
fn find_close_bracket(text: &str, limit: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    // Room for a `］` (three bytes) that starts at `limit`.
    let window = bytes.get(..bytes.len().min(limit + 3)).unwrap_or(bytes);
    // `find_ascii_or_fullwidth` by hand: the bracket is nearly always a few
    // bytes away (`P]`, `US1]`), closer than a search call pays off.
    for (at, &byte) in window.iter().enumerate() {
        let len = match byte {
            b']' => 1,
            // `］` is EF BC BD in UTF-8.
            0xEF if window.get(at + 1..at + 3) == Some(&[0xBC, 0xBD]) => 3,
            _ => continue,
        };
        return (at <= limit).then_some((at, len));
    }
    None
}

/// Finds every checkbox item that starts with a task ID, anywhere in the
/// document. Checkbox items without an ID inside a task become its work
/// items; elsewhere inside a phase they are `loose_items`.
pub(crate) fn collect_line_tasks<'a>(
    doc: &'a Document,
    loose_items: &mut Vec<CheckItem<'a>>,
) -> Vec<Task<'a>> {
    let tree = &doc.tree;
    // Nearly every item of a tasks file is a task: room for all of them up
    // front spares growing a vector of large entries.
    let n_items = tree
        .nodes()
        .iter()
        .filter(|node| node.kind == NodeKind::Item)
        .count();
    let mut candidates: Vec<(NodeId, Text<'a>, CheckItem<'a>, LineTask<'a>)> =
        Vec::with_capacity(n_items);
    let mut loose: Vec<(NodeId, CheckItem<'a>)> = Vec::new();
    for (index, node) in tree.nodes().iter().enumerate() {
        if node.kind != NodeKind::Item {
            continue;
        }
        let item = NodeId(u32::try_from(index).unwrap_or(0));
        let line = doc.item_line(item);
        let Some(checkbox) = common::checkbox(line) else {
            continue;
        };
        match parse_task_text(checkbox.text) {
            Some(parsed) => candidates.push((item, line, checkbox, parsed)),
            None => loose.push((item, checkbox)),
        }
    }
    let ids: Vec<&'a str> = candidates
        .iter()
        .map(|(_, _, _, parsed)| parsed.id.value)
        .collect();
    let task_spans: Vec<Span> = candidates
        .iter()
        .map(|(item, ..)| tree.span(*item))
        .collect();

    let mut tasks: Vec<Task<'a>> = candidates
        .into_iter()
        .enumerate()
        .map(|(index, (item, line, checkbox, parsed))| {
            let item_span = tree.span(item);
            // Detail lines belong to this task up to the first nested task.
            let detail_end = task_spans
                .get(index + 1)
                .filter(|next| item_span.contains_span(**next))
                .map_or(item_span.end, |next| next.start);
            let detail = Spanned::slice(
                &doc.text,
                Span::new(line.span.end.min(detail_end), detail_end),
            );
            build_task(&ids, line, checkbox, parsed, item_span, detail)
        })
        .collect();

    for (item, check) in loose {
        let span = tree.span(item);
        let owner = tasks
            .iter_mut()
            .rev()
            .find(|task| task.span.contains_span(span));
        if let Some(task) = owner {
            task.work_items.push(Criterion {
                text: check.text,
                checked: Some(check.checked),
                mark_span: Some(check.mark_span),
                span: check.span,
            });
        } else {
            let section = doc.tree.section_at(span.start);
            let title = doc.section_title(section).value;
            if !super::is_non_task_section(title)
                && !super::inside_non_task_section(doc, section)
                && in_phase(doc, section)
            {
                loose_items.push(check);
            }
        }
    }
    tasks
}

fn in_phase(doc: &Document, mut section: speckit_md::SectionId) -> bool {
    loop {
        if super::split_phase_title(doc.section_title(section).value).is_some() {
            return true;
        }
        match doc.tree.parent_section(section) {
            Some(parent) => section = parent,
            None => return false,
        }
    }
}

fn build_task<'a>(
    ids: &[&'a str],
    line: Text<'a>,
    checkbox: CheckItem<'a>,
    parsed: LineTask<'a>,
    span: Span,
    detail: Text<'a>,
) -> Task<'a> {
    let mut status = TaskStatus::from_mark(checkbox.mark);
    if parsed.struck {
        status = TaskStatus::Skipped;
    } else if parsed
        .labels
        .iter()
        .any(|label| label.value.eq_ignore_ascii_case("blocked"))
        && !status.is_closed()
    {
        status = TaskStatus::Blocked;
    }
    let mut dependencies = Vec::new();
    // A task naming itself is kept: a rule reports it.
    let mut add = |dependency| {
        push_dependency(ids, dependency, DependencySource::Inline, &mut dependencies);
    };
    refs::for_each_dependency(parsed.description, &mut add);
    let mut requirements = refs::find_requirement_ids(parsed.description);
    // Most tasks are one line: their detail is at most a line break.
    if !detail.value.trim_ascii_start().is_empty() {
        refs::for_each_dependency(detail, &mut add);
        requirements.extend(refs::find_requirement_ids(detail));
    }
    Task {
        id: parsed.id,
        span,
        line: line.span,
        title: parsed.description,
        status,
        checkbox: Some(checkbox),
        status_field: None,
        parallel: parsed.parallel,
        stories: parsed.stories,
        labels: parsed.labels,
        phase: None,
        dependencies,
        files: refs::find_files(parsed.description),
        requirements,
        fields: Vec::new(),
        description: None,
        acceptance_criteria: Vec::new(),
        testing_requirements: Vec::new(),
        work_items: Vec::new(),
    }
}
