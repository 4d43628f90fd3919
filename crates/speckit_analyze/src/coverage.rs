//! The coverage matrix: each requirement and story of a feature's spec,
//! where the design documents mention it and which tasks implement it.

use std::cell::OnceCell;

use schemars::JsonSchema;
use serde::Serialize;
use speckit_model::spec::RequirementKind;
use speckit_rules::AnalysisFeature;
use speckit_rules::analysis::trace::{ItemTrace, requirement_title, story_title};
use speckit_text::LineIndex;

/// Coverage of one feature.
#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
pub struct Coverage {
    pub requirements: Vec<CoverageRow>,
    pub stories: Vec<CoverageRow>,
}

/// One line of the matrix.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct CoverageRow {
    /// `FR-001`, `SC-2`, `US1` (or `Story 2` for the plugin form).
    pub id: String,
    /// `functional`, `non-functional`, `technical`, `success-criterion`, `story`.
    pub kind: &'static str,
    /// The requirement's name or sentence, or the story's title (shortened).
    pub title: String,
    /// Line of the item in spec.md.
    pub line: u32,
    /// Where the plan (and research, data model, contracts) mention it;
    /// `null` when the feature has no design documents.
    pub plan: Option<Vec<Location>>,
    /// IDs of the tasks that mention it; `null` when there are no tasks or
    /// the status is `unknown`.
    pub tasks: Option<Vec<String>>,
    pub status: Status,
}

/// Whether an item has tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// At least one task.
    Covered,
    /// No task.
    Missing,
    /// The feature has no tasks yet.
    NoTasks,
    /// No task cites it, and its wording (Chinese or Japanese) cannot be
    /// matched by words.
    Unknown,
}

/// A file and 1-based line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Location {
    pub file: String,
    pub line: u32,
}

/// At most this many plan locations are listed per item.
const MAX_LOCATIONS: usize = 5;

/// The 1-based line of byte `offset` in the text `index` was built for.
fn line_of(index: &LineIndex, offset: u32) -> u32 {
    u32::try_from(index.line_of(offset) + 1).unwrap_or(u32::MAX)
}

fn shorten(text: &str) -> String {
    // Runs of whitespace become one space, as `split_whitespace` sees them.
    let mut joined = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    let trimmed = joined.trim_matches('*');
    // Over 80 characters: the first 77 and an ellipsis.
    if trimmed.chars().nth(80).is_some() {
        let cut = trimmed
            .char_indices()
            .nth(77)
            .map_or(trimmed.len(), |(at, _)| at);
        return format!("{}…", trimmed.get(..cut).unwrap_or(trimmed).trim_end());
    }
    if trimmed.len() == joined.len() {
        joined
    } else {
        trimmed.to_string()
    }
}

impl Coverage {
    pub fn of(feature: &AnalysisFeature<'_>) -> Coverage {
        let Some((spec_document, spec)) = feature.spec() else {
            return Coverage::default();
        };
        let trace = feature.trace();
        let tasks = feature.tasks();
        let spec_lines = LineIndex::new(&spec_document.text);
        // Line breaks of each document of the view, as rows point into them.
        let document_lines: Vec<OnceCell<LineIndex>> = feature
            .view
            .documents
            .iter()
            .map(|_| OnceCell::new())
            .collect();
        let row = |item: &ItemTrace, id: String, kind: &'static str, title: &str, at: u32| {
            let plan = item.plan.as_ref().map(|mention| {
                mention
                    .passages
                    .iter()
                    .take(MAX_LOCATIONS)
                    .filter_map(|&passage| {
                        let passage = trace.design.passages.get(passage as usize)?;
                        let (document, _) = feature.view.documents.get(passage.source as usize)?;
                        let lines = document_lines.get(passage.source as usize)?;
                        Some(Location {
                            file: document.path.clone(),
                            line: line_of(
                                lines.get_or_init(|| LineIndex::new(&document.text)),
                                passage.span.start,
                            ),
                        })
                    })
                    .collect()
            });
            let task_ids: Option<Vec<String>> = item.tasks.as_ref().map(|found| {
                found
                    .iter()
                    .filter_map(|&index| {
                        tasks
                            .and_then(|(_, list)| list.tasks.get(index))
                            .map(|task| task.id.value.to_string())
                    })
                    .collect()
            });
            let status = match &task_ids {
                None if item.unreadable && tasks.is_some() => Status::Unknown,
                None => Status::NoTasks,
                Some(ids) if ids.is_empty() => Status::Missing,
                Some(_) => Status::Covered,
            };
            CoverageRow {
                id,
                kind,
                title: shorten(title),
                line: line_of(&spec_lines, at),
                plan,
                tasks: task_ids,
                status,
            }
        };
        let requirements = trace
            .requirements
            .iter()
            .map(|item| {
                let requirement = &spec.requirements[item.index];
                let kind = match requirement.kind {
                    RequirementKind::Functional => "functional",
                    RequirementKind::NonFunctional => "non-functional",
                    RequirementKind::Technical => "technical",
                    RequirementKind::SuccessCriterion => "success-criterion",
                };
                row(
                    item,
                    requirement.id.value.to_string(),
                    kind,
                    requirement_title(requirement),
                    requirement.line.start,
                )
            })
            .collect();
        let stories = trace
            .stories
            .iter()
            .map(|item| {
                let story = &spec.stories[item.index];
                let id = story.number.map_or_else(
                    || format!("Story {}", item.index + 1),
                    |number| format!("US{}", number.value.trim()),
                );
                let title = story_title(story);
                row(item, id, "story", title, story.heading_span.start)
            })
            .collect();
        Coverage {
            requirements,
            stories,
        }
    }

    /// Requirements with at least one task, out of those that could have one.
    pub fn task_coverage(&self) -> Option<(usize, usize)> {
        let counted: Vec<&CoverageRow> = self
            .requirements
            .iter()
            .filter(|row| !matches!(row.status, Status::NoTasks | Status::Unknown))
            .collect();
        (!counted.is_empty()).then(|| {
            (
                counted
                    .iter()
                    .filter(|row| row.status == Status::Covered)
                    .count(),
                counted.len(),
            )
        })
    }
}
