//! The task list model: spec-kit checkbox lines and plugin `### Task N.M:` blocks.
//!
//! spec-kit format (FORMATS.md §B.6): one task per checkbox line
//! `- [ ] T001 [P] [US1] Description in path`, grouped under `## Phase N:`
//! headings. Tolerated variants: `**T001**`, `**T002 [P]**`, `T004a`,
//! `T012.1`, `TASK-001`, `Task 1.1`, `T001:`, `[US1][US2]`, other bracket
//! labels (`[SETUP]`), `[~]`/`[-]` marks, full-width brackets.
//!
//! Plugin format (FORMATS.md §C.3): one heading per task `### Task 1.2: Title`
//! with bullet fields (`- **Status**: ✅ Complete`, Priority, Complexity,
//! Estimated Effort, Dependencies, Assigned To) and labelled blocks
//! (`**Acceptance Criteria:**`, …). Japanese headings and labels seen in real
//! repositories (`#### タスク 1.1:`, `**依存関係**:`) are read the same way.

pub(crate) mod block;
mod line;
mod refs;
mod summary;

use std::ops::Range;

use rustc_hash::FxHashMap;

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::SectionId;
use speckit_md::lex;
use speckit_text::{Span, Spanned};

use crate::common::{CheckItem, MetaField, Outline, Text, find_bytes};
use crate::document::Document;
use crate::kind::Generation;

pub use block::status_from_items;
pub use summary::{LogDay, ProgressLog, SummaryRow, TaskSummary, TreeEntry};

/// How tasks are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TaskFormat {
    /// spec-kit: one checkbox line per task.
    Checklist,
    /// Plugin: one heading block per task.
    Blocks,
}

/// Where a task stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TaskStatus {
    Todo,
    InProgress,
    Blocked,
    Done,
    /// `[-]`: dropped or not applicable.
    Skipped,
    /// A status field that names no known status (e.g. the template's
    /// `⬜ Not Started | 🟡 In Progress | ✅ Complete`).
    Unknown,
}

impl TaskStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            TaskStatus::Todo => "todo",
            TaskStatus::InProgress => "in-progress",
            TaskStatus::Blocked => "blocked",
            TaskStatus::Done => "done",
            TaskStatus::Skipped => "skipped",
            TaskStatus::Unknown => "unknown",
        }
    }

    /// Done or skipped: nothing left to do.
    pub const fn is_closed(self) -> bool {
        matches!(self, TaskStatus::Done | TaskStatus::Skipped)
    }

    /// The status a checkbox mark stands for.
    pub fn from_mark(mark: char) -> TaskStatus {
        match mark {
            'x' | 'X' | '✓' | '✔' => TaskStatus::Done,
            '~' | '/' | '>' => TaskStatus::InProgress,
            '-' => TaskStatus::Skipped,
            '!' => TaskStatus::Blocked,
            ' ' | '\u{3000}' => TaskStatus::Todo,
            _ => TaskStatus::Unknown,
        }
    }

    /// Reads a plugin Status value: emoji, words, or both.
    pub fn from_field(value: &str) -> TaskStatus {
        let value = value.trim();
        let has = |needle: &[u8]| find_bytes(value.as_bytes(), needle).is_some();
        if has(b" | ") || has(b" / ") && has(b"Complete") && has(b"Not") {
            return TaskStatus::Unknown;
        }
        // ASCII case-insensitive matching: the value is lower-cased once (on
        // the stack when it fits, and values are short) rather than in every
        // search; the non-ASCII needles (emoji, Japanese, Chinese) have no
        // case.
        let mut on_stack = [0_u8; 64];
        let mut spilled = Vec::new();
        let lower = match on_stack.get_mut(..value.len()) {
            Some(lower) => lower,
            None => {
                spilled.resize(value.len(), 0);
                spilled.as_mut_slice()
            }
        };
        lower.copy_from_slice(value.as_bytes());
        lower.make_ascii_lowercase();
        let lower = &*lower;
        // Status values are a few words long: a plain pass over them finds a
        // needle sooner than a search call set up for each of some forty
        // needles.
        let has = |needles: &[&str]| {
            needles
                .iter()
                .any(|needle| contains_short(lower, needle.as_bytes()))
        };
        if has(&["✅", "complete", "done", "finished", "完了", "完成", "済"])
            && !has(&["not complete", "incomplete", "未完了"])
        {
            TaskStatus::Done
        } else if has(&[
            "🟡",
            "🚧",
            "in progress",
            "in-progress",
            "started",
            "wip",
            "進行中",
            "作業中",
            "进行中",
        ]) && !has(&["not started"])
        {
            TaskStatus::InProgress
        } else if has(&["🔴", "⛔", "block", "ブロック", "阻塞"]) {
            TaskStatus::Blocked
        } else if has(&[
            "⬜",
            "not started",
            "todo",
            "to do",
            "pending",
            "open",
            "未着手",
            "未开始",
            "未開始",
        ]) {
            TaskStatus::Todo
        } else if has(&["skip", "cancel", "n/a", "won't", "wontfix"]) {
            TaskStatus::Skipped
        } else {
            TaskStatus::Unknown
        }
    }
}

/// Whether `needle` (not empty) occurs in `haystack`, by a plain pass: for
/// short haystacks, cheaper than [`find_bytes`].
fn contains_short(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return false;
    };
    haystack
        .iter()
        .enumerate()
        .any(|(at, &byte)| byte == first && haystack.get(at + 1..at + 1 + rest.len()) == Some(rest))
}

/// What a phase is for, judged from its title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PhaseKind {
    Setup,
    Foundational,
    Story,
    Polish,
    Convergence,
    Other,
}

/// A `## Phase N: Name` section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Phase<'a> {
    /// `1`, `3.1`, `A`, `N`; `None` for an unnumbered phase.
    pub number: Option<Text<'a>>,
    /// The name after the number.
    pub name: Text<'a>,
    /// The whole heading text.
    pub title: Text<'a>,
    pub heading_span: Span,
    pub span: Span,
    pub level: u8,
    pub kind: PhaseKind,
    /// `n` of `User Story n` in the title.
    pub story: Option<u32>,
    /// `Pn` of `(Priority: Pn)` in the title.
    pub priority: Option<Text<'a>>,
    /// `**Goal**`, `**Purpose**`, `**Independent Test**`, `**Checkpoint**`, …
    pub fields: Vec<MetaField<'a>>,
    /// Indices into [`TaskList::tasks`].
    pub tasks: Range<usize>,
}

impl<'a> Phase<'a> {
    pub fn field(&self, labels: &[&str]) -> Option<MetaField<'a>> {
        Document::field_named(&self.fields, labels)
    }
}

/// How a dependency was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DependencySource {
    /// `- **Dependencies**: Task 1.1` (plugin field).
    Field,
    /// `(depends on T012)` inside the task's text.
    Inline,
    /// `- T008 blocks T009` in a Dependencies section.
    Blocks,
    /// `Tests (T004-T007) before implementation (T008-T014)`.
    Range,
    /// `├─ Task 1.2 → depends on 1.1` in the plugin's dependency tree.
    Tree,
}

/// A reference from a task to a task it depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TaskRef<'a> {
    /// The ID as it should be looked up (`T012`, `1.2`).
    pub id: &'a str,
    /// Where the reference is written (for a range, the whole range).
    pub span: Span,
    pub source: DependencySource,
}

/// An item of a labelled list in a task block (acceptance criteria, testing
/// requirements, work items). `checked` is `None` for plain bullets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Criterion<'a> {
    pub text: Text<'a>,
    pub checked: Option<bool>,
    pub mark_span: Option<Span>,
    pub span: Span,
}

/// One task.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Task<'a> {
    /// `T001`, `1.2`, `TASK-001`, as written (without bold or `Task`).
    pub id: Text<'a>,
    /// The whole task: the list item, or the block's section.
    pub span: Span,
    /// The first line: the task line, or the block's heading.
    pub line: Span,
    /// The description (line format) or heading title (block format).
    pub title: Text<'a>,
    pub status: TaskStatus,
    /// The task's own checkbox (line format).
    pub checkbox: Option<CheckItem<'a>>,
    /// `- **Status**: …` (block format).
    pub status_field: Option<MetaField<'a>>,
    /// Marked `[P]`: may run in parallel with other tasks.
    pub parallel: bool,
    /// `[USn]` labels.
    pub stories: Vec<Text<'a>>,
    /// Other bracket labels, such as `[SETUP]`.
    pub labels: Vec<Text<'a>>,
    /// Index into [`TaskList::phases`].
    pub phase: Option<usize>,
    pub dependencies: Vec<TaskRef<'a>>,
    /// File paths the task names.
    pub files: Vec<Text<'a>>,
    /// Requirement IDs the task names (`FR-001`, `SC-002`, `NFR-1`).
    pub requirements: Vec<Text<'a>>,
    /// Every bullet or paragraph field of a block (Priority, Complexity, …).
    pub fields: Vec<MetaField<'a>>,
    /// The `**Description:**` paragraph of a block.
    pub description: Option<Text<'a>>,
    pub acceptance_criteria: Vec<Criterion<'a>>,
    pub testing_requirements: Vec<Criterion<'a>>,
    /// Other checkbox lists in a block (implementation steps).
    pub work_items: Vec<Criterion<'a>>,
}

impl<'a> Task<'a> {
    pub fn field(&self, labels: &[&str]) -> Option<MetaField<'a>> {
        Document::field_named(&self.fields, labels)
    }

    pub fn priority(&self) -> Option<MetaField<'a>> {
        self.field(block::PRIORITY_LABELS)
    }

    pub fn complexity(&self) -> Option<MetaField<'a>> {
        self.field(block::COMPLEXITY_LABELS)
    }

    pub fn effort(&self) -> Option<MetaField<'a>> {
        self.field(block::EFFORT_LABELS)
    }

    pub fn dependencies_field(&self) -> Option<MetaField<'a>> {
        self.field(block::DEPENDENCY_LABELS)
    }
}

/// A tasks document.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct TaskList<'a> {
    pub generation: Generation,
    pub format: TaskFormat,
    pub title: Option<Text<'a>>,
    pub metadata: Vec<MetaField<'a>>,
    pub front_matter: Option<Span>,
    pub phases: Vec<Phase<'a>>,
    pub tasks: Vec<Task<'a>>,
    /// The plugin's `## Task Summary` table.
    pub summary: Option<TaskSummary<'a>>,
    /// Entries of the plugin's `## Task Dependencies` tree.
    pub dependency_tree: Vec<TreeEntry<'a>>,
    /// The plugin's `## Progress Log`.
    pub progress_log: Option<ProgressLog<'a>>,
    /// Checkbox items inside phases that carry no task ID (line format).
    pub loose_items: Vec<CheckItem<'a>>,
    pub outline: Outline<'a>,
    /// Index in `tasks` of the first task with each ID, for [`TaskList::task`].
    #[serde(skip)]
    #[schemars(skip)]
    first_by_id: FxHashMap<&'a str, usize>,
}

impl<'a> TaskList<'a> {
    pub fn parse(doc: &'a Document) -> TaskList<'a> {
        let phase_sections = find_phases(doc);
        let block_sections = block::find_task_sections(doc);
        let format = if block_sections.is_empty() {
            TaskFormat::Checklist
        } else {
            TaskFormat::Blocks
        };

        let mut phases: Vec<Phase<'a>> = phase_sections
            .iter()
            .map(|&id| read_phase(doc, id))
            .collect();
        let mut loose_items = Vec::new();
        let mut tasks = match format {
            TaskFormat::Blocks => {
                let ids: Vec<&str> = block_sections.iter().map(|(_, id)| id.value).collect();
                block_sections
                    .iter()
                    .map(|&(section, id)| block::read_task(doc, section, id, &ids))
                    .collect()
            }
            TaskFormat::Checklist => line::collect_line_tasks(doc, &mut loose_items),
        };
        assign_phases(&mut phases, &mut tasks);

        let summary = summary::read_summary(doc);
        let dependency_tree = summary::read_dependency_tree(doc);
        let progress_log = summary::read_progress_log(doc);
        summary::add_ordering_rules(doc, &mut tasks);
        if format == TaskFormat::Blocks {
            summary::add_tree_dependencies(&dependency_tree, &mut tasks);
        }

        let mut known: Vec<SectionId> = phase_sections;
        known.extend(block_sections.iter().map(|(section, _)| *section));
        let mut first_by_id =
            FxHashMap::with_capacity_and_hasher(tasks.len(), rustc_hash::FxBuildHasher);
        for (index, task) in tasks.iter().enumerate() {
            first_by_id.entry(task.id.value).or_insert(index);
        }
        TaskList {
            generation: generation_of(doc, format == TaskFormat::Blocks),
            format,
            title: doc.title(),
            metadata: doc.header_fields(),
            front_matter: doc.tree.front_matter().map(|fm| fm.span),
            phases,
            tasks,
            summary,
            dependency_tree,
            progress_log,
            loose_items,
            outline: doc.outline(&known),
            first_by_id,
        }
    }

    /// The first task with `id` (as written in the file: `T001`, `1.2`,
    /// `TASK-001`).
    pub fn task(&self, id: &str) -> Option<&Task<'a>> {
        self.index_of(id).and_then(|index| self.tasks.get(index))
    }

    /// Index in `tasks` of the first task with `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        // The index is checked against `tasks`, which callers may have
        // changed since parsing; any doubt falls back to a scan.
        self.first_by_id
            .get(id)
            .copied()
            .filter(|&index| {
                self.tasks
                    .get(index)
                    .is_some_and(|task| task.id.value == id)
            })
            .or_else(|| self.tasks.iter().position(|task| task.id.value == id))
    }

    pub fn count(&self, status: TaskStatus) -> usize {
        self.tasks
            .iter()
            .filter(|task| task.status == status)
            .count()
    }
}

/// Normalises a task ID typed by a user (`t1` stays as is; `Task 1.2` → `1.2`).
pub fn normalize_task_id(input: &str) -> String {
    let trimmed = input.trim().trim_matches('*');
    let without_word = trimmed
        .strip_prefix("Task ")
        .or_else(|| trimmed.strip_prefix("task "))
        .or_else(|| trimmed.strip_prefix("タスク"))
        .unwrap_or(trimmed)
        .trim();
    if without_word.starts_with(['t', 'T'])
        || without_word.to_ascii_uppercase().starts_with("TASK-")
    {
        without_word.to_ascii_uppercase()
    } else {
        without_word.to_string()
    }
}

pub(crate) fn detect_generation(doc: &Document) -> Generation {
    generation_of(doc, !block::find_task_sections(doc).is_empty())
}

/// The generation, once it is known whether the document has task blocks
/// (the parser has already looked for them).
fn generation_of(doc: &Document, has_task_blocks: bool) -> Generation {
    if has_task_blocks {
        return Generation::Plugin;
    }
    let legacy = doc.tree.sections().iter().any(|section| {
        let title = doc.text.get(section.title.range()).unwrap_or("");
        title.starts_with("Phase 3.") || lex::heading_is(title, "Execution Flow (main)")
    });
    if legacy {
        Generation::SpecKitLegacy
    } else {
        Generation::SpecKit
    }
}

/// Phase words in the languages seen in real repositories.
const PHASE_WORDS: [&str; 4] = ["Phase", "フェーズ", "阶段", "階段"];

/// Splits `Phase 3: Name` into (`3`, `Name`).
fn split_phase_title(title: &str) -> Option<(Option<&str>, &str)> {
    let title = lex::strip_leading_number(title.trim());
    let rest = PHASE_WORDS.iter().find_map(|word| {
        let head = title.get(..word.len())?;
        head.eq_ignore_ascii_case(word)
            .then(|| title.get(word.len()..))
            .flatten()
    })?;
    let rest = rest.trim_start_matches([' ', '\u{3000}']);
    let number_len = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '+'))
        .map_or(rest.len(), |(at, _)| at);
    let raw_number = rest.get(..number_len).unwrap_or("").trim_end_matches('.');
    let number_ok = !raw_number.is_empty()
        && (raw_number.bytes().any(|b| b.is_ascii_digit())
            || raw_number.len() == 1
            || raw_number == "N");
    let number = number_ok.then_some(raw_number);
    let after_number = if number_ok {
        rest.get(number_len..).unwrap_or("")
    } else {
        rest
    };
    // Only a separator may follow the number: `Phase 1: x`, `Phase 1 - x`, `Phase 1`.
    let trimmed = after_number.trim_start();
    let name = trimmed
        .trim_start_matches([':', '：', '-', '–', '—', '.'])
        .trim();
    if number.is_none() && !(trimmed.starts_with(':') || trimmed.starts_with('：')) {
        return None;
    }
    Some((number, name))
}

fn find_phases(doc: &Document) -> Vec<SectionId> {
    let mut phases = Vec::new();
    for (index, section) in doc.tree.sections().iter().enumerate().skip(1) {
        if section.level < 2 {
            continue;
        }
        let title = doc.text.get(section.title.range()).unwrap_or("");
        let id = SectionId(u32::try_from(index).unwrap_or(0));
        if split_phase_title(title).is_some() && !inside_non_task_section(doc, id) {
            // A phase nested inside another phase (rare) is treated as its own
            // phase only when its parent is not already one.
            let nested = doc
                .tree
                .parent_section(id)
                .is_some_and(|parent| phases.contains(&parent));
            if !nested {
                phases.push(id);
            }
        }
    }
    phases
}

fn read_phase(doc: &Document, id: SectionId) -> Phase<'_> {
    let section = doc.tree.section(id);
    let title = doc.section_title(id);
    let (number, name) = split_phase_title(title.value).unwrap_or((None, title.value));
    let number =
        number.map(|number| Spanned::new(number, title.span.of_subslice(title.value, number)));
    let name = Spanned::new(name, title.span.of_subslice(title.value, name));
    let story = story_in_title(name.value);
    let priority = priority_in_title(name);
    // ASCII case-insensitive tests find what tests on the lower-cased name
    // would: no character outside ASCII lower-cases to a letter of these
    // words but the Kelvin sign (to `k`, which none holds) and `İ` (to an
    // `i` with a combining dot, which none ends with).
    let has = |word: &str| lex::contains_ignore_ascii_case(name.value, word);
    let kind = if story.is_some() {
        PhaseKind::Story
    } else if has("setup") || has("セットアップ") {
        PhaseKind::Setup
    } else if has("foundation") || has("基盤") {
        PhaseKind::Foundational
    } else if has("polish") {
        PhaseKind::Polish
    } else if has("convergence") {
        PhaseKind::Convergence
    } else {
        PhaseKind::Other
    };
    let mut fields = doc.fields_in(id);
    // `**Checkpoint**` often closes the phase after its subsections; only
    // paragraphs that mention it are read.
    for child in doc.tree.descendant_sections(id) {
        for block in doc.tree.section_blocks(child) {
            // The kind first: the phase's task lists are most of its bytes.
            if doc.tree.kind(block) != speckit_md::NodeKind::Paragraph {
                continue;
            }
            let mentions = doc
                .text
                .get(doc.tree.span(block).range())
                .is_some_and(|text| find_bytes(text.as_bytes(), b"heckpoint").is_some());
            if mentions {
                let mut found = Vec::new();
                doc.push_paragraph_fields(block, &mut found);
                fields.extend(
                    found
                        .into_iter()
                        .filter(|field| field.label.value.eq_ignore_ascii_case("checkpoint")),
                );
            }
        }
    }
    Phase {
        number,
        name,
        title,
        heading_span: doc.section_heading_span(id),
        span: section.span,
        level: section.level,
        kind,
        story,
        priority,
        fields,
        tasks: 0..0,
    }
}

fn story_in_title(name: &str) -> Option<u32> {
    let bytes = name.as_bytes();
    let at = find_bytes(bytes, b"User Story").or_else(|| find_bytes(bytes, b"user story"))?;
    let rest = name.get(at + 10..)?.trim_start();
    let n_digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    rest.get(..n_digits)?.parse().ok()
}

fn priority_in_title(name: Text<'_>) -> Option<Text<'_>> {
    let at = find_bytes(name.value.as_bytes(), b"Priority:")?;
    let rest = name.value.get(at + 9..)?.trim_start();
    let len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let value = rest.get(..len)?;
    (!value.is_empty()).then(|| Spanned::new(value, name.span.of_subslice(name.value, value)))
}

/// Gives every task the innermost phase whose section contains it, and every
/// phase the (contiguous) range of its tasks.
fn assign_phases(phases: &mut [Phase<'_>], tasks: &mut [Task<'_>]) {
    for (task_index, task) in tasks.iter_mut().enumerate() {
        let phase_index = phases
            .iter()
            .enumerate()
            .rev()
            .find(|(_, phase)| phase.span.contains(task.line.start))
            .map(|(index, _)| index);
        task.phase = phase_index;
        if let Some(phase) = phase_index.and_then(|index| phases.get_mut(index)) {
            if phase.tasks.is_empty() {
                phase.tasks = task_index..task_index + 1;
            } else {
                phase.tasks.end = task_index + 1;
            }
        }
    }
}

/// Turns a written dependency into references. A range (`T002–T005`)
/// becomes one reference per task of the document in that range, in document
/// order; endpoints that name no task are kept as written so that they show
/// up as dangling.
pub(crate) fn push_dependency<'a>(
    ids: &[&'a str],
    raw: refs::RawDependency<'a>,
    source: DependencySource,
    out: &mut Vec<TaskRef<'a>>,
) {
    let Some(until) = raw.until else {
        out.push(TaskRef {
            id: raw.id.value,
            span: raw.id.span,
            source,
        });
        return;
    };
    let span = raw.id.span.cover(until.span);
    let start = ids.iter().position(|id| *id == raw.id.value);
    let end = ids.iter().position(|id| *id == until.value);
    match (start, end) {
        (Some(start), Some(end)) if start <= end => {
            for id in ids.get(start..=end).unwrap_or(&[]) {
                out.push(TaskRef { id, span, source });
            }
        }
        _ => {
            out.push(TaskRef {
                id: raw.id.value,
                span: raw.id.span,
                source,
            });
            out.push(TaskRef {
                id: until.value,
                span: until.span,
                source,
            });
        }
    }
}

/// True for sections whose checkboxes are not tasks even when the document
/// is a tasks file (review checklists, notes, legends).
fn is_non_task_section(title: &str) -> bool {
    let title = lex::strip_heading_decorations(title).to_ascii_lowercase();
    [
        "notes",
        "validation checklist",
        "format",
        "legend",
        "path conventions",
        "checklist",
    ]
    .iter()
    .any(|word| title.contains(word))
}

/// Whether `section` lies under a section that is not part of the task list
/// (a validation checklist, parallel-execution examples, dependency notes),
/// even when its own heading reads like a phase: `## Validation Checklist`
/// › `### Phase 3.1: Foundation` repeats the phases as a checklist.
pub(crate) fn inside_non_task_section(doc: &Document, section: SectionId) -> bool {
    let mut current = doc.tree.parent_section(section);
    while let Some(id) = current {
        let title = doc.section_title(id).value;
        if doc.tree.section(id).level >= 2
            && split_phase_title(title).is_none()
            && (is_non_task_section(title) || is_execution_notes(title))
        {
            return true;
        }
        current = doc.tree.parent_section(id);
    }
    false
}

/// The template's sections about running the phases, which restate them as
/// examples: `Parallel Execution Examples`, `Dependencies & Execution Order`.
fn is_execution_notes(title: &str) -> bool {
    let title = lex::strip_heading_decorations(title).to_ascii_lowercase();
    [
        "parallel",
        "dependencies",
        "execution order",
        "implementation strategy",
    ]
    .iter()
    .any(|word| title.contains(word))
}

#[cfg(test)]
mod tests;
