//! Plugin task blocks: `### Task 1.2: Title` followed by fields and lists.

use speckit_md::{NodeKind, SectionId, lex};
use speckit_text::{Span, Spanned};

use super::refs;
use super::{Criterion, DependencySource, Task, TaskStatus, push_dependency};
use crate::common::{self, ListEntry, MetaField, Text};
use crate::document::Document;

pub(crate) const STATUS_LABELS: &[&str] = &["Status", "ステータス", "状態", "状态"];
pub(crate) const PRIORITY_LABELS: &[&str] = &["Priority", "優先度", "优先级", "優先順位"];
pub(crate) const COMPLEXITY_LABELS: &[&str] = &["Complexity", "複雑度", "复杂度", "難易度"];
pub(crate) const EFFORT_LABELS: &[&str] = &[
    "Estimated Effort",
    "Effort",
    "Estimate",
    "見積工数",
    "見積もり",
    "工数",
    "预估工作量",
    "工作量",
];
pub(crate) const DEPENDENCY_LABELS: &[&str] = &[
    "Dependencies",
    "Depends On",
    "Dependency",
    "依存関係",
    "依存",
    "依赖",
    "依赖关系",
];

const ACCEPTANCE_LABELS: &[&str] = &[
    "Acceptance Criteria",
    "受入条件",
    "受け入れ条件",
    "受入基準",
    "验收标准",
];
const TESTING_LABELS: &[&str] = &[
    "Testing Requirements",
    "Testing",
    "Tests",
    "テスト要件",
    "测试要求",
];
const FILES_LABELS: &[&str] = &[
    "Files to Create/Modify",
    "Files to Create",
    "Files to Modify",
    "Files",
    "対象ファイル",
    "ファイル",
    "文件",
];
const NOTES_LABELS: &[&str] = &["Implementation Notes", "Notes", "実装メモ", "备注"];
const DESCRIPTION_LABELS: &[&str] = &["Description", "説明", "概要", "描述"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BlockLabel {
    Acceptance,
    Testing,
    Files,
    Notes,
    Description,
    Other,
}

fn classify(label: &str) -> BlockLabel {
    let is = |labels: &[&str]| labels.iter().any(|known| label.eq_ignore_ascii_case(known));
    if is(ACCEPTANCE_LABELS) {
        BlockLabel::Acceptance
    } else if is(TESTING_LABELS) {
        BlockLabel::Testing
    } else if is(FILES_LABELS) {
        BlockLabel::Files
    } else if is(NOTES_LABELS) {
        BlockLabel::Notes
    } else if is(DESCRIPTION_LABELS) {
        BlockLabel::Description
    } else {
        BlockLabel::Other
    }
}

/// Reads `Task 1.2: Title` (also `タスク 1.2：`, `Task 3 - Title`, `T001: Title`).
/// Returns the ID and the title.
pub(crate) fn split_task_heading(title: Text<'_>) -> Option<(Text<'_>, Text<'_>)> {
    let value = title.value.trim();
    // Every form starts with `T` (`T001`, `TASK-1`, `Task`) or with the
    // first byte of `タスク` (E3) or `任务`/`任務` (E4): other headings are
    // turned away on that byte.
    if !matches!(value.as_bytes().first(), Some(b'T' | 0xE3 | 0xE4)) {
        return None;
    }
    let (id_start, id_len) = if let Some(len) = refs::task_id_len(value) {
        (0, len)
    } else {
        let after_word = ["Task", "タスク", "任务", "任務"]
            .iter()
            .find_map(|word| value.strip_prefix(word))?;
        let after_space = after_word.trim_start_matches([' ', '\u{3000}']);
        let skipped = value.len() - after_space.len();
        let digits = after_space.bytes().take_while(u8::is_ascii_digit).count();
        let len = refs::dotted_id_len(after_space).unwrap_or(digits);
        if len == 0 {
            return None;
        }
        (skipped, len)
    };
    let after_id = value.get(id_start + id_len..)?;
    let separator_free = after_id.trim_start();
    let rest = [":", "：", "-", "–", "—", "."]
        .iter()
        .find_map(|sep| separator_free.strip_prefix(sep))
        .or_else(|| separator_free.is_empty().then_some(""))?;
    let name = rest.trim();
    let base = title.span.of_subslice(title.value, value);
    let id = Spanned::new(
        &value[id_start..id_start + id_len],
        base.subspan(id_start..id_start + id_len),
    );
    Some((id, Spanned::new(name, base.of_subslice(value, name))))
}

/// Every section (level 2 or deeper) whose heading names a task.
pub(crate) fn find_task_sections(doc: &Document) -> Vec<(SectionId, Text<'_>)> {
    let mut found = Vec::new();
    for (index, section) in doc.tree.sections().iter().enumerate().skip(1) {
        if section.level < 2 {
            continue;
        }
        let id = SectionId(u32::try_from(index).unwrap_or(0));
        if let Some((task_id, _)) = split_task_heading(doc.section_title(id)) {
            found.push((id, task_id));
        }
    }
    found
}

fn criterion<'a>(entry: &ListEntry<'a>) -> Criterion<'a> {
    Criterion {
        text: entry.text,
        checked: entry.checkbox.map(|check| check.checked),
        mark_span: entry.checkbox.map(|check| check.mark_span),
        span: entry.line.span,
    }
}

/// What a task block's walk has collected so far.
#[derive(Default)]
struct BlockParts<'a> {
    fields: Vec<MetaField<'a>>,
    description: Option<Text<'a>>,
    acceptance_criteria: Vec<Criterion<'a>>,
    testing_requirements: Vec<Criterion<'a>>,
    work_items: Vec<Criterion<'a>>,
    files: Vec<Text<'a>>,
    /// The label (`**Acceptance Criteria:**`, …) the next list belongs to.
    current: Option<BlockLabel>,
}

impl<'a> BlockParts<'a> {
    fn read_paragraph(&mut self, doc: &'a Document, paragraph: Span) {
        let mut first_plain_line = None;
        for line in lex::lines(&doc.text, paragraph) {
            match common::field(line) {
                Some(field) if field.value.value.is_empty() => {
                    self.current = Some(classify(field.label.value));
                }
                Some(field) => {
                    if classify(field.label.value) == BlockLabel::Description {
                        self.description = Some(field.value);
                    }
                    self.fields.push(field.into());
                    self.current = None;
                }
                None => {
                    first_plain_line.get_or_insert(line.span.start);
                }
            }
        }
        if let Some(start) = first_plain_line
            && self.current == Some(BlockLabel::Description)
            && self.description.is_none()
        {
            self.description =
                Some(Spanned::slice(&doc.text, Span::new(start, paragraph.end)).trim());
        }
    }

    fn read_list(&mut self, doc: &'a Document, list: speckit_md::NodeId) {
        for item in doc.tree.list_items(list) {
            let entry = doc.list_entry(item);
            match self.current {
                None => {
                    if let Some(field) = common::field(entry.text) {
                        self.fields.push(field.into());
                    } else if entry.checkbox.is_some() {
                        self.work_items.push(criterion(&entry));
                    }
                }
                Some(BlockLabel::Acceptance) => self.acceptance_criteria.push(criterion(&entry)),
                Some(BlockLabel::Testing) => self.testing_requirements.push(criterion(&entry)),
                Some(BlockLabel::Files) => self.files.extend(file_of_entry(entry.text)),
                Some(BlockLabel::Other) if entry.checkbox.is_some() => {
                    self.work_items.push(criterion(&entry));
                }
                Some(BlockLabel::Other | BlockLabel::Notes | BlockLabel::Description) => {}
            }
        }
    }
}

pub(crate) fn read_task<'a>(
    doc: &'a Document,
    section: SectionId,
    id: Text<'a>,
    ids: &[&'a str],
) -> Task<'a> {
    let tree = &doc.tree;
    let heading_span = doc.section_heading_span(section);
    let title = split_task_heading(doc.section_title(section)).map_or(id, |(_, title)| title);
    let mut parts = BlockParts::default();
    for block in tree.section_all_blocks(section) {
        match tree.kind(block) {
            NodeKind::Paragraph => parts.read_paragraph(doc, tree.span(block)),
            NodeKind::List { .. } => parts.read_list(doc, block),
            NodeKind::Heading { .. } | NodeKind::ThematicBreak => parts.current = None,
            _ => {}
        }
    }

    let status_field = Document::field_named(&parts.fields, STATUS_LABELS);
    let status = match status_field {
        Some(field) => TaskStatus::from_field(field.value.value),
        None => status_from_items(&parts.work_items),
    };
    let mut dependencies = Vec::new();
    if let Some(field) = Document::field_named(&parts.fields, DEPENDENCY_LABELS) {
        let mut raw = Vec::new();
        refs::push_clause_ids(field.value, &mut raw);
        for dependency in raw {
            push_dependency(ids, dependency, DependencySource::Field, &mut dependencies);
        }
    }
    let section_span = tree.section(section).span;
    let body = Spanned::slice(
        &doc.text,
        Span::new(heading_span.end.min(section_span.end), section_span.end),
    );
    Task {
        id,
        span: section_span,
        line: heading_span,
        title,
        status,
        checkbox: None,
        status_field,
        parallel: false,
        stories: Vec::new(),
        labels: Vec::new(),
        phase: None,
        dependencies,
        files: parts.files,
        requirements: refs::find_requirement_ids(body),
        fields: parts.fields,
        description: parts.description,
        acceptance_criteria: parts.acceptance_criteria,
        testing_requirements: parts.testing_requirements,
        work_items: parts.work_items,
    }
}

/// Without a Status field, a block's own checkboxes tell its state.
pub fn status_from_items(items: &[Criterion<'_>]) -> TaskStatus {
    let checked = items
        .iter()
        .filter(|item| item.checked == Some(true))
        .count();
    let boxes = items.iter().filter(|item| item.checked.is_some()).count();
    if boxes > 0 && checked == boxes {
        TaskStatus::Done
    } else if checked > 0 {
        TaskStatus::InProgress
    } else {
        TaskStatus::Todo
    }
}

/// ``- `src/a.ts` - purpose`` → `src/a.ts`; otherwise any path in the text.
fn file_of_entry(text: Text<'_>) -> Vec<Text<'_>> {
    if let Some(inner) = text.value.strip_prefix('`')
        && let Some(close) = memchr::memchr(b'`', inner.as_bytes())
    {
        let path = &inner[..close];
        if !path.is_empty() {
            return vec![Spanned::new(path, text.span.subspan(1..1 + close))];
        }
    }
    refs::find_files(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(title: &str) -> Option<(&str, &str)> {
        let text = Spanned::new(title, Span::new(0, u32::try_from(title.len()).unwrap()));
        split_task_heading(text).map(|(id, name)| (id.value, name.value))
    }

    #[test]
    fn task_headings() {
        assert_eq!(
            split("Task 1.2: Build the API"),
            Some(("1.2", "Build the API"))
        );
        assert_eq!(
            split("タスク 1.2a: CloudFormation"),
            Some(("1.2a", "CloudFormation"))
        );
        assert_eq!(split("Task 3 - Launch"), Some(("3", "Launch")));
        assert_eq!(split("T001: Scaffold"), Some(("T001", "Scaffold")));
        assert_eq!(split("Task Summary"), None);
        assert_eq!(split("Tasks for User Story 1"), None);
        assert_eq!(split("Task 1.2 because"), None);
    }
}
