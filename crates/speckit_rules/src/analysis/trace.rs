//! Traceability of one feature: which plan passages and which tasks mention
//! each requirement and each user story of its spec (see [`super::mention`]
//! for what "mention" means).

use speckit_model::spec::{Requirement, UserStory};
use speckit_model::tasks::{TaskList, TaskStatus};
use speckit_model::{DocKind, Model};

use super::AnalysisFeature;
use super::mention::{IdKey, Mention, PassageIndex, Title, scan_ids, story_references};
use crate::rules::common::has_cjk;

/// Documents that describe the design: the plan and what spec-kit splits
/// out of it.
pub const DESIGN_KINDS: &[DocKind] = &[
    DocKind::Plan,
    DocKind::Research,
    DocKind::DataModel,
    DocKind::Quickstart,
    DocKind::Contract,
];

/// Coverage of one requirement or story.
#[derive(Debug, Clone, Default)]
pub struct ItemTrace {
    /// Index into `spec.requirements` or `spec.stories`.
    pub index: usize,
    /// Where the design documents mention it; `None` without a plan, or
    /// when it is `unreadable` and nothing cites it.
    pub plan: Option<Mention>,
    /// Indices of the tasks that mention it; `None` without tasks, or when
    /// it is `unreadable` and no task cites it.
    pub tasks: Option<Vec<usize>>,
    /// Its wording is Chinese or Japanese, which the word matcher cannot
    /// split into words: only IDs and story labels can trace it, and an
    /// item they do not trace is unknown rather than missing.
    pub unreadable: bool,
}

impl ItemTrace {
    fn new(index: usize, title: &str, plan: Option<Mention>, tasks: Option<Vec<usize>>) -> Self {
        let unreadable = has_cjk(title);
        let known = |found: bool| !unreadable || found;
        ItemTrace {
            index,
            plan: plan.filter(|mention| known(!mention.is_empty())),
            tasks: tasks.filter(|found| known(!found.is_empty())),
            unreadable,
        }
    }
}

/// Whether a feature's tasks refer to the spec explicitly.
#[derive(Debug, Default, Clone, Copy)]
pub struct Citations {
    /// Tasks cite at least half of the spec's requirements by ID: the team
    /// traces tasks to requirements, so one that no task cites or words
    /// like a task is most likely a gap.
    pub requirements: bool,
    /// Some task is tied to a story by label, story phase or `Story n`
    /// reference.
    pub stories: bool,
}

/// Requirement and story coverage of a feature.
#[derive(Debug, Default)]
pub struct Trace {
    /// Passages of the design documents; a passage's `source` is the index
    /// of its document in the feature's view.
    pub design: PassageIndex,
    /// One passage per task, in task order (`source` is the task index).
    pub tasks: PassageIndex,
    pub has_design: bool,
    pub has_tasks: bool,
    /// One entry per requirement of the spec that is not struck through.
    pub requirements: Vec<ItemTrace>,
    /// How systematically the tasks cite the spec.
    pub cited: Citations,
    /// Every requirement ID tasks.md cites anywhere, tasks or not (phase
    /// checkpoints, a coverage map, notes), ranges expanded.
    pub tasks_document_ids: rustc_hash::FxHashSet<IdKey>,
    /// One entry per user story of the spec.
    pub stories: Vec<ItemTrace>,
}

impl Trace {
    /// The design documents and tasks of `feature`, indexed for matching.
    fn indexed(feature: &AnalysisFeature<'_>) -> Trace {
        let mut trace = Trace::default();
        for (position, (document, _)) in feature.view.documents.iter().enumerate() {
            if DESIGN_KINDS.contains(&document.kind) {
                trace.has_design = true;
                trace
                    .design
                    .add_document(u32::try_from(position).unwrap_or(u32::MAX), &document.text);
            }
        }
        if let Some((document, list)) = feature.tasks() {
            scan_ids(&document.text, |key| {
                trace.tasks_document_ids.insert(key);
            });
            trace.has_tasks = true;
            trace.tasks.reserve(document.text.len());
            for (index, task) in list.tasks.iter().enumerate() {
                trace.tasks.add(
                    u32::try_from(index).unwrap_or(u32::MAX),
                    document.text.get(task.span.range()).unwrap_or(""),
                    task.span,
                );
            }
        }
        trace
    }

    pub(crate) fn build(feature: &AnalysisFeature<'_>) -> Trace {
        let mut trace = Trace::indexed(feature);
        let tasks = feature.tasks();
        let Some((_, spec)) = feature.spec() else {
            return trace;
        };
        let phase_stories = tasks.map_or_else(Vec::new, |(_, list)| phase_stories(list));
        // A skipped task (`[-]`, a struck-through ID) builds nothing: it
        // covers no requirement or story.
        let live = |index: &usize| {
            tasks.is_none_or(|(_, list)| {
                list.tasks
                    .get(*index)
                    .is_none_or(|task| task.status != TaskStatus::Skipped)
            })
        };
        // Stories each task names in its text (`Story 4`, `User Story 2`).
        let story_refs: &[Vec<u32>] = if spec.stories.is_empty() {
            &[]
        } else {
            feature.task_stories()
        };
        let mut requirements_cited = 0_usize;
        for (index, requirement) in spec.requirements.iter().enumerate() {
            if requirement.struck {
                continue;
            }
            let id = IdKey::parse(requirement.id.value);
            let title = requirement_title(requirement);
            let words = Title::new(title);
            let plan = trace
                .has_design
                .then(|| trace.design.mentions_title(id, &words));
            let tasks = trace.has_tasks.then(|| {
                let mention = trace.tasks.mentions_title(id, &words);
                requirements_cited += usize::from(mention.by_id);
                mention
                    .passages
                    .iter()
                    .map(|&passage| passage as usize)
                    .filter(live)
                    .collect()
            });
            trace
                .requirements
                .push(ItemTrace::new(index, title, plan, tasks));
        }
        let mut stories_cited = false;
        for (index, story) in spec.stories.iter().enumerate() {
            let number: Option<u32> = story
                .number
                .and_then(|number| number.value.trim().parse().ok())
                .or_else(|| story_references(story.heading.value).first().copied());
            let title = story_title(story);
            let words = Title::new(title);
            let plan = trace
                .has_design
                .then(|| trace.design.mentions_title(None, &words));
            let tasks = tasks.map(|(_, list)| {
                let mut found: Vec<usize> = list
                    .tasks
                    .iter()
                    .enumerate()
                    .filter(|(task_index, task)| {
                        number.is_some_and(|number| {
                            task.stories
                                .iter()
                                .any(|label| story_number(label.value) == Some(number))
                                || task
                                    .phase
                                    .and_then(|phase| phase_stories.get(phase))
                                    .is_some_and(|stories| stories.contains(&number))
                                || story_refs
                                    .get(*task_index)
                                    .is_some_and(|refs| refs.contains(&number))
                        })
                    })
                    .map(|(index, _)| index)
                    .filter(live)
                    .collect();
                stories_cited |= !found.is_empty();
                if found.is_empty() {
                    found = trace
                        .tasks
                        .mentions_title(None, &words)
                        .passages
                        .iter()
                        .map(|&passage| passage as usize)
                        .filter(live)
                        .collect();
                }
                found
            });
            trace
                .stories
                .push(ItemTrace::new(index, title, plan, tasks));
        }
        // Half or more cited by ID: the team traces tasks systematically.
        trace.cited.requirements =
            requirements_cited > 0 && requirements_cited * 2 >= trace.requirements.len();
        trace.cited.stories = stories_cited;
        trace
    }
}

/// Stories each phase is for: its parsed story, or those its title names.
fn phase_stories(list: &TaskList<'_>) -> Vec<Vec<u32>> {
    list.phases
        .iter()
        .map(|phase| match phase.story {
            Some(story) => vec![story],
            None => story_references(phase.title.value),
        })
        .collect()
}

/// The words a story is matched by: its title, else its "I want" clause
/// (plugin stories are headed only `Story n`), else its heading.
pub fn story_title<'a>(story: &UserStory<'a>) -> &'a str {
    story
        .title
        .or(story.i_want)
        .or(story.narrative)
        .map_or(story.heading.value, |text| text.value)
}

/// `US3`, `US 3`, `US-3` → 3.
pub fn story_number(label: &str) -> Option<u32> {
    let rest = label.trim().strip_prefix("US")?;
    rest.trim_start_matches([' ', '-']).parse().ok()
}

/// The words a requirement is matched by: its name (plugin) or its
/// sentence (spec-kit), without the ID.
pub fn requirement_title<'a>(requirement: &Requirement<'a>) -> &'a str {
    let text = requirement.text.value;
    if text.trim().is_empty() {
        requirement
            .description()
            .map_or("", |description| description.value.value)
    } else {
        text
    }
}

/// Success criteria measured after launch on people, not software:
/// satisfaction, adoption, conversion, revenue, support tickets.
pub fn is_business_outcome(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "satisf",
        "adoption",
        "conversion",
        "revenue",
        "retention",
        "support ticket",
        "support request",
        "nps",
        "survey",
        "churn",
        "engagement",
        "report that",
        "rate it",
        "sign-up rate",
        "signups",
    ];
    let lower = text.to_ascii_lowercase();
    WORDS.iter().any(|word| lower.contains(word))
}

/// Whether a requirement forbids rather than asks (`MUST NOT`, `does not`,
/// `doesn't`, `never`): it holds while nothing breaks it, so no task need
/// build it. Words are compared whole, whatever punctuation or emphasis
/// surrounds them (`**MUST NOT**`, `… never.`).
pub fn is_prohibition(text: &str) -> bool {
    /// Verbs that forbid when `not` (or a contracted `n't`) follows.
    const NEGATED: &[&str] = &[
        "must", "shall", "should", "may", "does", "do", "will", "can", "mustn", "shouldn", "doesn",
        "don", "won",
    ];
    let lower = text.to_ascii_lowercase();
    let mut previous = "";
    for word in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        let contracted = word == "t" && previous.ends_with('n');
        if word == "never"
            || word == "cannot"
            || ((word == "not" || contracted) && NEGATED.contains(&previous))
        {
            return true;
        }
        previous = word;
    }
    false
}

/// The feature's documents of the design kinds, with their view positions.
pub fn design_documents<'f, 'a>(
    feature: &'f AnalysisFeature<'a>,
) -> impl Iterator<Item = (usize, &'a speckit_model::Document, &'a Model<'a>)> + use<'f, 'a> {
    feature
        .view
        .documents
        .iter()
        .enumerate()
        .filter(|(_, (document, _))| DESIGN_KINDS.contains(&document.kind))
        .map(|(position, (document, model))| (position, *document, *model))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prohibitions() {
        assert!(is_prohibition("Pinning MUST NOT notify other readers"));
        assert!(is_prohibition("The workflow does not run on push"));
        assert!(is_prohibition("Never store the key in plain text"));
        assert!(!is_prohibition("System MUST notify the owner"));
        assert!(!is_prohibition("Show a notice for cannotated items"));
        assert!(is_prohibition("Readers **MUST NOT** see drafts"));
        assert!(is_prohibition("Drafts are shown to their author, never."));
        assert!(is_prohibition("The export doesn't include deleted rows"));
        assert!(is_prohibition("Users can't delete the last owner"));
        assert!(!is_prohibition("Users can note why a task is blocked"));
        assert!(!is_prohibition("Nevertheless, the owner MUST be told"));
    }

    #[test]
    fn unmatched_cjk_items_are_unknown_not_missing() {
        let unmatched = ItemTrace::new(0, "システムは認証しなければならない", None, Some(vec![]));
        assert!(unmatched.unreadable);
        assert_eq!(unmatched.tasks, None);
        let cited = ItemTrace::new(1, "システムは認証しなければならない", None, Some(vec![3]));
        assert_eq!(cited.tasks, Some(vec![3]));
        let english = ItemTrace::new(2, "Users can export the week", None, Some(vec![]));
        assert!(!english.unreadable);
        assert_eq!(english.tasks, Some(vec![]));
    }
}
