//! The coverage matrix: each requirement and story of a feature's spec,
//! where the design documents mention it and which tasks implement it.

use std::cell::RefCell;

use schemars::JsonSchema;
use serde::Serialize;
use speckit_model::spec::RequirementKind;
use speckit_rules::AnalysisFeature;
use speckit_rules::analysis::trace::{ItemTrace, Trace, requirement_title, story_title};
use speckit_text::{LineCounter, is_space};

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

/// The 1-based line of byte `offset`, counted on from the last offset.
fn line_number(counter: &mut LineCounter<'_>, offset: u32) -> u32 {
    u32::try_from(counter.line_of(offset) + 1).unwrap_or(u32::MAX)
}

/// Whether ASCII `bytes` are words joined by single spaces already: no
/// other whitespace, none at either end, no two spaces in a row.
fn is_joined(bytes: &[u8]) -> bool {
    // At the start, a space would follow "a space".
    let mut after_space = true;
    for &byte in bytes {
        if byte == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if is_space(byte) {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || bytes.is_empty()
}

fn shorten(text: &str) -> String {
    // Runs of whitespace become one space, as `split_whitespace` sees them.
    let mut joined = String::with_capacity(text.len());
    if text.is_ascii() && is_joined(text.as_bytes()) {
        joined.push_str(text);
    } else if text.is_ascii() {
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            while bytes.get(at).copied().is_some_and(is_space) {
                at += 1;
            }
            let start = at;
            while bytes.get(at).is_some_and(|&byte| !is_space(byte)) {
                at += 1;
            }
            if start < at {
                if !joined.is_empty() {
                    joined.push(' ');
                }
                joined.push_str(text.get(start..at).unwrap_or(""));
            }
        }
    } else {
        for word in text.split_whitespace() {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(word);
        }
    }
    let trimmed = joined.trim_matches('*');
    // Over 80 characters: the first 77 and an ellipsis. In ASCII text
    // characters are bytes.
    let long = if trimmed.is_ascii() {
        trimmed.len() > 80
    } else {
        trimmed.chars().nth(80).is_some()
    };
    if long {
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

/// The 1-based line of every design passage a row lists (the first
/// [`MAX_LOCATIONS`] of each item's), by passage; 0 for the others. The
/// passages are taken in order of place, so that each document is read
/// once, forward.
fn listed_passage_lines(feature: &AnalysisFeature<'_>, trace: &Trace) -> Vec<u32> {
    let mut listed: Vec<(u32, u32, u32)> = trace
        .requirements
        .iter()
        .chain(&trace.stories)
        .filter_map(|item| item.plan.as_ref())
        .flat_map(|mention| mention.passages.iter().take(MAX_LOCATIONS))
        .filter_map(|&index| {
            let passage = trace.design.passages.get(index as usize)?;
            Some((passage.source, passage.span.start, index))
        })
        .collect();
    listed.sort_unstable();
    listed.dedup();
    let mut lines = vec![0; trace.design.passages.len()];
    let mut counter: Option<(u32, LineCounter<'_>)> = None;
    for (source, start, index) in listed {
        let Some((document, _)) = feature.view.documents.get(source as usize) else {
            continue;
        };
        if counter
            .as_ref()
            .is_none_or(|(counted, _)| *counted != source)
        {
            counter = Some((source, LineCounter::new(&document.text)));
        }
        if let (Some((_, counter)), Some(line)) = (counter.as_mut(), lines.get_mut(index as usize))
        {
            *line = line_number(counter, start);
        }
    }
    lines
}

impl Coverage {
    pub fn of(feature: &AnalysisFeature<'_>) -> Coverage {
        let Some((spec_document, spec)) = feature.spec() else {
            return Coverage::default();
        };
        let trace = feature.trace();
        let tasks = feature.tasks();
        let spec_lines = RefCell::new(LineCounter::new(&spec_document.text));
        let passage_lines = listed_passage_lines(feature, trace);
        let row = |item: &ItemTrace, id: String, kind: &'static str, title: &str, at: u32| {
            let plan = item.plan.as_ref().map(|mention| {
                mention
                    .passages
                    .iter()
                    .take(MAX_LOCATIONS)
                    .filter_map(|&index| {
                        let passage = trace.design.passages.get(index as usize)?;
                        let (document, _) = feature.view.documents.get(passage.source as usize)?;
                        Some(Location {
                            file: document.path.clone(),
                            line: passage_lines.get(index as usize).copied().unwrap_or(0),
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
                line: line_number(&mut spec_lines.borrow_mut(), at),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `shorten` as it read before its ASCII path.
    fn shorten_by_chars(text: &str) -> String {
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let trimmed = joined.trim_matches('*');
        if trimmed.chars().nth(80).is_some() {
            let cut = trimmed
                .char_indices()
                .nth(77)
                .map_or(trimmed.len(), |(at, _)| at);
            return format!("{}…", trimmed.get(..cut).unwrap_or(trimmed).trim_end());
        }
        trimmed.to_string()
    }

    #[test]
    fn shortened_titles_match_the_character_version() {
        let long = "word ".repeat(30);
        let texts = [
            "",
            "   ",
            "**Bold** title\twith\x0Bodd\x0C spaces\r\n",
            " *a* ",
            "***",
            long.as_str(),
            &"x".repeat(80),
            &"x".repeat(81),
            &format!("**{}**", "y".repeat(80)),
            "Résumé\u{a0}with\u{2003}wide spaces and é",
            "a  b",
            " a b",
            "a b ",
            "a\tb",
            "plain words only",
            "x",
            "*",
            &"é".repeat(90),
            &format!("{} end", "ab ".repeat(26)),
        ];
        for text in texts {
            assert_eq!(shorten(text), shorten_by_chars(text), "{text:?}");
        }
    }
}
