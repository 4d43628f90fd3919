//! Document-level task structures: the plugin's Task Summary table,
//! dependency tree and Progress Log, and spec-kit's legacy ordering bullets.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::{SectionId, lex};
use speckit_text::{Span, Spanned};

use super::refs::{self, RawDependency};
use super::{DependencySource, Task, TaskRef, push_dependency};
use crate::common::{Text, find_bytes, strip_markup};
use crate::document::Document;

/// The plugin's `## Task Summary` table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TaskSummary<'a> {
    pub section_span: Span,
    pub table_span: Span,
    pub rows: Vec<SummaryRow<'a>>,
}

/// One row of the summary table. Numbers carry the span of their digits so
/// that a status change can rewrite them in place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SummaryRow<'a> {
    pub span: Span,
    pub label: Text<'a>,
    /// `N` of a `Phase N` label.
    pub phase: Option<&'a str>,
    pub is_total: bool,
    pub total: Option<Spanned<u32>>,
    pub completed: Option<Spanned<u32>>,
    pub remaining: Option<Spanned<u32>>,
}

/// A line of the plugin's `## Task Dependencies` tree:
/// `├─ Task 1.2 (core) → depends on 1.1`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TreeEntry<'a> {
    pub span: Span,
    pub id: Text<'a>,
    pub category: Option<Text<'a>>,
    pub depends_on: Vec<Text<'a>>,
}

/// The plugin's `## Progress Log`: one `### YYYY-MM-DD` subsection per day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ProgressLog<'a> {
    pub heading_span: Span,
    pub span: Span,
    pub days: Vec<LogDay<'a>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct LogDay<'a> {
    pub date: Text<'a>,
    pub heading_span: Span,
    pub span: Span,
    pub entries: Vec<Text<'a>>,
}

fn parse_number(cell: Text<'_>) -> Option<Spanned<u32>> {
    let inner = strip_markup(cell.value);
    let digits_len = inner.bytes().take_while(u8::is_ascii_digit).count();
    if digits_len == 0 || digits_len != inner.len() {
        return None;
    }
    let digits = inner.get(..digits_len)?;
    Some(Spanned::new(
        digits.parse().ok()?,
        cell.span.of_subslice(cell.value, digits),
    ))
}

pub(crate) fn read_summary(doc: &Document) -> Option<TaskSummary<'_>> {
    let section = doc.find_section(
        SectionId::DOCUMENT,
        &["Task Summary", "Task Count Summary", "Summary"],
    )?;
    let table = doc.tables_in(section).into_iter().find(|table| {
        table
            .column_any(&["Total Tasks", "Total", "Tasks"])
            .is_some()
            && table.column_any(&["Completed", "Done"]).is_some()
    })?;
    let label_column = table.column_any(&["Phase", "Category"]).unwrap_or(0);
    let total_column = table.column_any(&["Total Tasks", "Total", "Tasks"]);
    let completed_column = table.column_any(&["Completed", "Done"]);
    let remaining_column = table.column_any(&["Remaining", "Left", "Open"]);
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let label = row
                .cells
                .get(label_column)
                .copied()
                .unwrap_or(Spanned::new("", row.span));
            let plain = strip_markup(label.value);
            let phase = plain
                .strip_prefix("Phase")
                .map(|rest| rest.trim().split([':', ' ']).next().unwrap_or("").trim())
                .filter(|number| !number.is_empty());
            SummaryRow {
                span: row.span,
                label,
                phase,
                is_total: plain.eq_ignore_ascii_case("total")
                    || plain.eq_ignore_ascii_case("totals"),
                total: cell_at(row, total_column).and_then(parse_number),
                completed: cell_at(row, completed_column).and_then(parse_number),
                remaining: cell_at(row, remaining_column).and_then(parse_number),
            }
        })
        .collect();
    Some(TaskSummary {
        section_span: doc.tree.section(section).span,
        table_span: table.span,
        rows,
    })
}

fn cell_at<'a>(row: &speckit_md::TableRow<'a>, column: Option<usize>) -> Option<Text<'a>> {
    column.and_then(|column| row.cells.get(column).copied())
}

pub(crate) fn read_dependency_tree(doc: &Document) -> Vec<TreeEntry<'_>> {
    let Some(section) = doc.find_section(
        SectionId::DOCUMENT,
        &[
            "Task Dependencies",
            "Dependency Graph",
            "Task Dependency Graph",
            "Dependency Tree",
        ],
    ) else {
        return Vec::new();
    };
    let mut entries = Vec::new();
    for block in doc.code_blocks_in(section) {
        for line in lex::lines(&doc.text, block.content.span) {
            if let Some(entry) = tree_entry(line) {
                entries.push(entry);
            }
        }
    }
    entries
}

fn tree_entry(line: Text<'_>) -> Option<TreeEntry<'_>> {
    let value = line.value;
    let task_at = find_bytes(value.as_bytes(), b"Task ")?;
    let after_word = &value[task_at + 5..];
    let id_len = refs::dotted_id_len(after_word.trim_start())?;
    let id_start = task_at + 5 + (after_word.len() - after_word.trim_start().len());
    let id = Spanned::new(
        &value[id_start..id_start + id_len],
        line.span.subspan(id_start..id_start + id_len),
    );
    let rest = &value[id_start + id_len..];
    let rest_start = id_start + id_len;
    let category = rest.trim_start().strip_prefix('(').and_then(|inner| {
        let close = inner.find(')')?;
        let category = inner[..close].trim();
        let offset = rest_start + (rest.len() - rest.trim_start().len()) + 1;
        let lead = inner[..close].len() - inner[..close].trim_start().len();
        Some(Spanned::new(
            category,
            line.span
                .subspan(offset + lead..offset + lead + category.len()),
        ))
    });
    let depends_on = match find_bytes(rest.as_bytes(), b"depends on") {
        Some(at) => {
            let start = rest_start + at + "depends on".len();
            let clause = Spanned::new(&value[start..], line.span.subspan(start..value.len()));
            refs::find_task_ids(clause, true)
        }
        None => Vec::new(),
    };
    Some(TreeEntry {
        span: line.span,
        id,
        category,
        depends_on,
    })
}

pub(crate) fn read_progress_log(doc: &Document) -> Option<ProgressLog<'_>> {
    let section = doc.find_section(
        SectionId::DOCUMENT,
        &["Progress Log", "Progress", "Changelog"],
    )?;
    let days = doc
        .tree
        .child_sections(section)
        .map(|day| LogDay {
            date: doc.section_title(day),
            heading_span: doc.section_heading_span(day),
            span: doc.tree.section(day).span,
            entries: doc
                .list_entries(day)
                .into_iter()
                .map(|entry| entry.text)
                .collect(),
        })
        .collect();
    Some(ProgressLog {
        heading_span: doc.section_heading_span(section),
        span: doc.tree.section(section).span,
        days,
    })
}

/// spec-kit's legacy `## Dependencies` bullets: `T008 blocks T009, T015` and
/// `Tests (T004-T007) before implementation (T008-T014)`.
pub(crate) fn add_ordering_rules<'a>(doc: &'a Document, tasks: &mut [Task<'a>]) {
    let ids: Vec<&'a str> = tasks.iter().map(|task| task.id.value).collect();
    let sections: Vec<SectionId> = doc
        .tree
        .sections()
        .iter()
        .enumerate()
        .filter(|(_, section)| {
            let title = doc.text.get(section.title.range()).unwrap_or("");
            lex::heading_starts_with(title, "Dependencies")
                || lex::heading_is(title, "Task Dependencies")
        })
        .map(|(index, _)| SectionId(u32::try_from(index).unwrap_or(0)))
        .collect();
    for section in sections {
        for entry in doc.list_entries(section) {
            let text = entry.text;
            if let Some(at) = find_bytes(text.value.as_bytes(), b" blocks ") {
                let (before, after) = split_at(text, at, " blocks ".len());
                let sources = refs::find_task_ids(before, false);
                let Some(&source) = sources.first() else {
                    continue;
                };
                for target in resolve(&ids, after) {
                    add_dependency(
                        tasks,
                        target.id,
                        TaskRef {
                            id: source.value,
                            span: source.span,
                            source: DependencySource::Blocks,
                        },
                    );
                }
            } else if let Some(at) = find_bytes(text.value.as_bytes(), b" before ") {
                let (before, after) = split_at(text, at, " before ".len());
                let first = resolve(&ids, before);
                let then = resolve(&ids, after);
                if first.is_empty() || then.is_empty() {
                    continue;
                }
                for target in &then {
                    for source in &first {
                        add_dependency(
                            tasks,
                            target.id,
                            TaskRef {
                                id: source.id,
                                span: source.span,
                                source: DependencySource::Range,
                            },
                        );
                    }
                }
            }
        }
    }
}

fn split_at(text: Text<'_>, at: usize, len: usize) -> (Text<'_>, Text<'_>) {
    let before = Spanned::new(&text.value[..at], text.span.subspan(0..at));
    let after = Spanned::new(
        &text.value[at + len..],
        text.span.subspan(at + len..text.value.len()),
    );
    (before, after)
}

fn resolve<'a>(ids: &[&'a str], text: Text<'a>) -> Vec<TaskRef<'a>> {
    let mut raw: Vec<RawDependency<'a>> = Vec::new();
    refs::push_clause_ids(text, &mut raw);
    let mut out = Vec::new();
    for dependency in raw {
        push_dependency(ids, dependency, DependencySource::Range, &mut out);
    }
    out
}

fn add_dependency<'a>(tasks: &mut [Task<'a>], target: &str, dependency: TaskRef<'a>) {
    if let Some(task) = tasks.iter_mut().find(|task| task.id.value == target)
        && task.id.value != dependency.id
        && !task
            .dependencies
            .iter()
            .any(|existing| existing.id == dependency.id)
    {
        task.dependencies.push(dependency);
    }
}

pub(crate) fn add_tree_dependencies<'a>(entries: &[TreeEntry<'a>], tasks: &mut [Task<'a>]) {
    for entry in entries {
        for dependency in &entry.depends_on {
            add_dependency(
                tasks,
                entry.id.value,
                TaskRef {
                    id: dependency.value,
                    span: dependency.span,
                    source: DependencySource::Tree,
                },
            );
        }
    }
}
