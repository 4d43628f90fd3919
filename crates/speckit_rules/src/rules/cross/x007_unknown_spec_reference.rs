use std::fmt;
use std::ops::Range;

use rustc_hash::FxHashSet as HashSet;

use speckit_model::{Document, Model};
use speckit_text::Span;

use crate::analysis::bytes::{any_in, id_dashes, story_reference_starts};
use crate::analysis::mention::{
    IdKey, names_other_feature, scan_ids, scan_written_ids, story_references,
};
use crate::analysis::trace::story_number;
use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A task, a phase heading of tasks.md or a passage of plan.md that
    /// cites a requirement or success criterion (`FR-012`, `NFR-3`,
    /// `SC-004`) or a user story (`User Story 5`, `Story 5`) that spec.md
    /// does not have. IDs are compared by value (`FR-1` is `FR-001`); a
    /// range such as `FR-001–FR-004` is checked by its two ends. Only ID
    /// prefixes the spec itself uses are checked, an ID the spec mentions
    /// anywhere counts as known, and a passage that names another feature
    /// (`spec 020`, `specs/003-auth/`) is skipped: its IDs belong there.
    /// `[USn]` labels are left to T007.
    ///
    /// ## Why it matters
    /// A citation is how a reader checks that a task builds what the spec
    /// asks for. One that points at nothing usually means the spec was
    /// renumbered or a requirement was dropped after the plan and tasks
    /// were written, so the task may build something nobody wants any more.
    ///
    /// ## Example
    /// ```markdown
    /// - [ ] T018 [US2] Send the weekly digest e-mail (FR-014)
    /// ```
    /// when the spec's requirements stop at FR-012. Use instead: the ID of
    /// the requirement the task serves, or add FR-014 to the spec.
    pub(crate) UnknownSpecReference {
        code: "X007",
        name: "unknown-spec-reference",
        summary: "A task or the plan cites a requirement or story the spec does not have",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

/// What the spec defines: the IDs it mentions and its story numbers.
struct Known {
    /// Prefixes of the spec's own requirement IDs (`FR`, `SC`).
    prefixes: Vec<IdKey>,
    ids: HashSet<IdKey>,
    stories: Vec<u32>,
}

impl Known {
    fn checks(&self, key: IdKey) -> bool {
        self.prefixes
            .iter()
            .any(|prefix| prefix.prefix() == key.prefix())
    }

    fn has(&self, key: IdKey) -> bool {
        self.ids.contains(&key) || self.ids.contains(&key.without_suffix())
    }
}

impl UnknownSpecReference {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let Some((spec_document, spec)) = feature.spec() else {
            return;
        };
        let mut prefixes: Vec<IdKey> = Vec::new();
        for requirement in &spec.requirements {
            if let Some(key) = IdKey::parse(requirement.id.value)
                && !prefixes
                    .iter()
                    .any(|prefix| prefix.prefix() == key.prefix())
            {
                prefixes.push(key);
            }
        }
        let mut ids = HashSet::default();
        scan_ids(&spec_document.text, |key| {
            ids.insert(key);
        });
        let known = Known {
            prefixes,
            ids,
            stories: spec
                .stories
                .iter()
                .filter_map(speckit_model::spec::UserStory::number_value)
                .collect(),
        };
        let mut evaluated = 0;
        if let Some((document, tasks)) = feature.tasks() {
            for phase in &tasks.phases {
                let Some(number) = phase
                    .story
                    .or_else(|| story_references(phase.title.value).first().copied())
                else {
                    continue;
                };
                if known.stories.is_empty() {
                    continue;
                }
                evaluated += 1;
                if !known.stories.contains(&number) {
                    drop(
                        cx.report(
                            document,
                            phase.heading_span,
                            format!(
                                "the phase \"{}\" is for User Story {number}, which the spec does not have",
                                phase.title.value.trim()
                            ),
                        )
                        .help(story_help(&known.stories)),
                    );
                }
            }
            let task_stories: &[Vec<u32>] = if known.stories.is_empty() {
                &[]
            } else {
                feature.task_stories()
            };
            // Only tasks holding a dash of an ID are read for IDs.
            let dashes = id_dashes(&document.text);
            for (index, task) in tasks.tasks.iter().enumerate() {
                let text = document.text.get(task.span.range()).unwrap_or("");
                let references = task_stories.get(index).map_or(&[][..], Vec::as_slice);
                let labels: Vec<u32> = if references.is_empty() {
                    Vec::new()
                } else {
                    task.stories
                        .iter()
                        .filter_map(|label| story_number(label.value))
                        .collect()
                };
                evaluated += check_passage(
                    cx,
                    feature,
                    &known,
                    (document, task.span.start, text),
                    (
                        &TaskSubject(task.id.value),
                        any_in(&dashes, task.span.range()),
                    ),
                    (references, &labels),
                );
            }
        }
        evaluated += check_plan(cx, feature, &known);
        cx.evaluated(feature, evaluated);
    }
}

/// Checks every passage of the plan; returns how many IDs and story
/// references it checked.
fn check_plan(cx: &mut AnalysisContext<'_>, feature: &AnalysisFeature<'_>, known: &Known) -> usize {
    let Some(position) = feature
        .view
        .documents
        .iter()
        .position(|(_, model)| matches!(model, Model::Plan(_)))
    else {
        return 0;
    };
    // The plan is a design document: the trace has its passages.
    let document = feature.view.documents[position].0;
    let trace = feature.trace();
    // Only passages holding a possible start of a story reference are read
    // for one.
    let starts = if known.stories.is_empty() {
        Vec::new()
    } else {
        story_reference_starts(&document.text)
    };
    // Likewise for IDs: only passages holding a dash of one.
    let dashes = id_dashes(&document.text);
    let mut evaluated = 0;
    for span in trace
        .design
        .spans_of(u32::try_from(position).unwrap_or(u32::MAX))
    {
        let text = document.text.get(span.range()).unwrap_or("");
        let stories = if any_in(&starts, span.range()) {
            story_references(text)
        } else {
            Vec::new()
        };
        evaluated += check_passage(
            cx,
            feature,
            known,
            (document, span.start, text),
            (&"the plan", any_in(&dashes, span.range())),
            (&stories, &[]),
        );
    }
    evaluated
}

/// What a finding about a task calls it: ``task `T012` ``.
struct TaskSubject<'a>(&'a str);

impl fmt::Display for TaskSubject<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "task `{}`", self.0)
    }
}

/// Checks the IDs and story references of one passage (`text`, found at
/// byte `start` of `document`, called `subject` in findings, read for IDs
/// only when `may_hold_ids`, referring to the stories `references`, of which
/// `labels` are given by label); returns how many it checked.
fn check_passage(
    cx: &mut AnalysisContext<'_>,
    feature: &AnalysisFeature<'_>,
    known: &Known,
    (document, start, text): (&Document, u32, &str),
    (subject, may_hold_ids): (&dyn fmt::Display, bool),
    (references, labels): (&[u32], &[u32]),
) -> usize {
    // The IDs of the spec's prefixes and the stories not given by label,
    // each once, in order.
    let mut ids: Vec<(IdKey, Range<usize>)> = Vec::new();
    if may_hold_ids {
        scan_written_ids(text, |key, range| {
            if known.checks(key) && !ids.iter().any(|(seen, _)| *seen == key) {
                ids.push((key, range));
            }
        });
    }
    let mut stories: Vec<u32> = Vec::new();
    if !known.stories.is_empty() {
        for &number in references {
            if !labels.contains(&number) && !stories.contains(&number) {
                stories.push(number);
            }
        }
    }
    // Only a passage that cites something needs the test for another feature.
    if (ids.is_empty() && stories.is_empty())
        || names_other_feature(text, feature.info.number_value)
    {
        return 0;
    }
    for (key, range) in &ids {
        if known.has(*key) {
            continue;
        }
        let written = text.get(range.clone()).unwrap_or("");
        let span = Span::from_range(start as usize + range.start..start as usize + range.end);
        drop(
            cx.report(
                document,
                span,
                format!("{subject} cites `{written}`, which the spec does not define"),
            )
            .help(format!(
                "cite the {} the text means, or add `{written}` to spec.md",
                if key.prefix() == "SC" {
                    "success criterion"
                } else {
                    "requirement"
                }
            )),
        );
    }
    for number in &stories {
        if known.stories.contains(number) {
            continue;
        }
        let line_end = text.find('\n').unwrap_or(text.len());
        let span = Span::from_range(start as usize..start as usize + line_end);
        drop(
            cx.report(
                document,
                span,
                format!("{subject} refers to User Story {number}, which the spec does not have"),
            )
            .help(story_help(&known.stories)),
        );
    }
    ids.len() + stories.len()
}

fn story_help(stories: &[u32]) -> String {
    let names: Vec<String> = stories.iter().map(|n| format!("User Story {n}")).collect();
    format!(
        "the spec's stories are {}; point at one of them or add the story",
        names.join(", ")
    )
}
