use std::borrow::Cow;
use std::collections::hash_map::Entry;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use speckit_diagnostics::FileId;
use speckit_model::{Document, TaskFormat, TaskStatus};
use speckit_text::Span;

use super::features::path_key;
use crate::analysis::workspace::WorkspaceRule;
use crate::analysis::{AnalysisFeature, FeatureDirectory, WorkspaceContext};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A file that two unfinished features both plan to *create*. A feature
    /// creates a path when
    ///
    /// - its plan lists it under Files to Create;
    /// - a plugin task lists it under Files to Create/Modify with a
    ///   description that says so (`Create …`, `(new)`, `New file …`), and
    ///   the plan does not list it under Files to Modify;
    /// - a spec-kit task creates the file itself: Create, Scaffold or
    ///   Initialize followed directly by the path (`Create
    ///   src/models/pantry.ts`). `Create the Pantry model in
    ///   src/models/pantry.ts` is not counted, since the model may be added
    ///   to a file that exists.
    ///
    /// Done and dropped tasks are left out, and so are finished features:
    /// what they created exists. Paths are compared without case,
    /// back-ticks or a leading `./`; directories are ignored. Changing a
    /// shared file (`app.ts`, `package.json`, a config) from several
    /// features is normal and is not reported. The finding sits on the
    /// later feature's plan row or task.
    ///
    /// ## Why it matters
    /// Whichever feature is built second finds the file already there and
    /// either overwrites the first one's work or bends its design around
    /// code it did not plan for. Features built in parallel collide in the
    /// same file.
    ///
    /// ## Example
    /// ```markdown
    /// | `src/server/db/household.ts` | Household table access | Med |
    /// ```
    /// under Files to Create in the plans of both `004-pantry` and
    /// `005-members`. Use instead: let one feature create it and list it
    /// under Files to Modify in the other.
    pub(crate) FileCreatedByTwoFeatures {
        code: "X032",
        name: "file-created-by-two-features",
        summary: "Two unfinished features both create the same file",
        severity: Warning,
        fix: Never,
        target: Workspace,
    }
}

/// Where a feature creates a file.
pub(crate) struct Creation {
    file: FileId,
    span: Span,
    /// The path as written, without back-ticks.
    shown: String,
}

/// The files an unfinished feature creates: one entry per path key.
pub(crate) type Created = Vec<(String, Creation)>;

impl WorkspaceRule for FileCreatedByTwoFeatures {
    type Facts = Created;

    fn gather_facts(
        &self,
        feature: &AnalysisFeature<'_>,
        _directory: &FeatureDirectory<'_>,
    ) -> Option<Self::Facts> {
        if feature.anchor().is_none() || feature.is_finished() {
            return None;
        }
        Some(created_files(feature).into_iter().collect())
    }

    fn run(&self, facts: &[Option<&Self::Facts>], cx: &mut WorkspaceContext<'_>) {
        let features = cx.features();
        let mut creators: HashMap<&str, (usize, &Creation)> = HashMap::default();
        for (index, created) in facts.iter().enumerate() {
            let Some(created) = created else {
                continue;
            };
            cx.evaluated(index, created.len());
            for (path, creation) in *created {
                let (owner, earlier) = match creators.entry(path.as_str()) {
                    Entry::Vacant(slot) => {
                        slot.insert((index, creation));
                        continue;
                    }
                    Entry::Occupied(slot) => *slot.get(),
                };
                let Some(other) = features.get(owner) else {
                    continue;
                };
                drop(
                    cx.report(
                        creation.file,
                        creation.span,
                        format!(
                            "`{}` is also created by `{}`, which is not finished either",
                            creation.shown, other.dir_name
                        ),
                    )
                    .help(
                        "let one feature create the file and the other only change it (in a plugin plan: under Files to Modify), or give each feature its own file",
                    )
                    .label_at(
                        earlier.file,
                        earlier.span,
                        format!("`{}` creates it here", other.dir_name),
                    ),
                );
            }
        }
    }
}

/// The files `feature` creates, one entry per path (the plan's row first).
fn created_files<'a>(feature: &AnalysisFeature<'a>) -> HashMap<String, Creation> {
    let mut found: HashMap<String, Creation> = HashMap::default();
    let mut push = |key: Cow<'a, str>, document: &Document, span: Span| {
        found.entry(key.into_owned()).or_insert_with(|| Creation {
            file: document.file,
            span,
            shown: document
                .text
                .get(span.range())
                .unwrap_or("")
                .trim_matches('`')
                .to_string(),
        });
    };
    let mut modified: HashSet<Cow<'a, str>> = HashSet::default();
    if let Some((document, plan)) = feature.plan()
        && let Some(structure) = &plan.file_structure
    {
        for row in structure
            .files_to_create
            .iter()
            .flat_map(|table| &table.rows)
            .filter(|row| !row.blank)
        {
            if let Some(key) = path_key(row.path.value) {
                push(key, document, row.path.span);
            }
        }
        modified.extend(
            structure
                .files_to_modify
                .iter()
                .flat_map(|table| &table.rows)
                .filter_map(|row| path_key(row.path.value)),
        );
    }
    let task_list = feature.tasks();
    for (document, list, task) in task_list
        .iter()
        .flat_map(|&(document, list)| list.tasks.iter().map(move |task| (document, list, task)))
        // A done task's file exists already; a dropped one will not.
        .filter(|(_, _, task)| !matches!(task.status, TaskStatus::Done | TaskStatus::Skipped))
    {
        match list.format {
            TaskFormat::Blocks => {
                for file in &task.files {
                    let Some(key) = path_key(file.value) else {
                        continue;
                    };
                    if !modified.contains(&key)
                        && says_created(rest_of_line(&document.text, file.span.end))
                    {
                        push(key, document, file.span);
                    }
                }
            }
            TaskFormat::Checklist => {
                // Only the first path, and only when the task creates that
                // file itself (`Create src/a.ts`), not something in it.
                let Some(file) = task.files.first() else {
                    continue;
                };
                let before = document
                    .text
                    .get(task.title.span.start as usize..file.span.start as usize)
                    .unwrap_or("");
                if creates_the_file(before)
                    && let Some(key) = path_key(file.value)
                {
                    push(key, document, file.span);
                }
            }
        }
    }
    found
}

/// The text after `offset` up to the end of its line.
fn rest_of_line(text: &str, offset: u32) -> &str {
    let rest = text.get(offset as usize..).unwrap_or("");
    rest.split('\n').next().unwrap_or(rest)
}

/// The description of a plugin `Files to Create/Modify` bullet (the text
/// after the path) says the file is new.
fn says_created(description: &str) -> bool {
    let description = description
        .trim_start_matches(|c: char| c == '`' || c.is_whitespace() || "-–—:".contains(c))
        .to_ascii_lowercase();
    ["create", "new file", "new:", "(new)"]
        .iter()
        .any(|start| description.starts_with(start))
        || ["(new)", "(create)", "(created)", "(new file)"]
            .iter()
            .any(|marker| description.contains(marker))
}

/// The words of a spec-kit task before its first path make the task create
/// that file: a verb of creation, then at most filler words (`Create the
/// file `, `Scaffold new `). `Create the Household model in ` is not
/// enough: the model may go into a file that exists.
fn creates_the_file(before: &str) -> bool {
    const VERBS: [&str; 4] = ["create", "scaffold", "initialize", "initialise"];
    const FILLERS: [&str; 6] = ["the", "a", "an", "new", "empty", "file"];
    let mut words = before
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty());
    words
        .next()
        .is_some_and(|verb| VERBS.iter().any(|known| verb.eq_ignore_ascii_case(known)))
        && words.all(|word| FILLERS.iter().any(|known| word.eq_ignore_ascii_case(known)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plugin_descriptions() {
        assert!(says_created(" - Create the pantry store"));
        assert!(says_created("` (new) - pantry store"));
        assert!(says_created(" – New file: pantry store"));
        assert!(!says_created(" - New `pantry.changed` event type"));
        assert!(!says_created(" - Register the new routes"));
        assert!(!says_created(" - Route registration"));
    }

    #[test]
    fn spec_kit_titles() {
        assert!(creates_the_file("Create "));
        assert!(creates_the_file("**Create** `"));
        assert!(creates_the_file("Create the new file "));
        assert!(creates_the_file("Scaffold "));
        assert!(!creates_the_file("Create the Household model in "));
        assert!(!creates_the_file("Create composition root factory in `"));
        assert!(!creates_the_file("Add a route to "));
        assert!(!creates_the_file("Creates "));
        assert!(!creates_the_file(""));
    }
}
