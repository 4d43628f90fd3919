use speckit_model::Generation;
use speckit_model::plan::FileTree;

use crate::analysis::{AnalysisContext, AnalysisFeature};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A file of a spec-kit plan's `## Project Structure` source tree that
    /// the tree marks as new — its comment starts with `NEW`, `(new)`,
    /// `[new]`, `new:` or `new —` (a plain `New feature button` is a
    /// description, not a mark) — while tasks.md never writes its file
    /// name, in a task's files or anywhere in its text. Only
    /// entries with a file extension count; directories, type names and the
    /// documentation tree are skipped, and so are trees without such marks:
    /// an unmarked tree mixes existing files with new ones.
    ///
    /// ## Why it matters
    /// A file the plan says will be created is part of the design. When no
    /// task creates it, the code it should hold ends up somewhere else, or
    /// the feature ships without it.
    ///
    /// ## Example
    /// ```text
    /// src/
    /// └── notes/
    ///     └── pins.ts        # NEW: pin and unpin handlers
    /// ```
    /// while no task in tasks.md mentions `pins.ts`. Use instead: a task such
    /// as `- [ ] T012 [US1] Add the pin handlers in src/notes/pins.ts`.
    pub(crate) NewStructureFileWithoutTask {
        code: "X014",
        name: "new-structure-file-without-task",
        summary: "A file the plan's project structure marks as new is named by no task",
        severity: Warning,
        fix: Never,
        target: Feature,
    }
}

impl NewStructureFileWithoutTask {
    fn run(&self, feature: &AnalysisFeature<'_>, cx: &mut AnalysisContext<'_>) {
        let (Some((plan_document, plan)), Some((_, tasks))) = (feature.plan(), feature.tasks())
        else {
            return;
        };
        if !matches!(
            plan.generation,
            Generation::SpecKit | Generation::SpecKitLegacy
        ) || tasks.tasks.is_empty()
        {
            return;
        }
        let Some(structure) = &plan.project_structure else {
            return;
        };
        let trees: Vec<&FileTree<'_>> = structure
            .source_code
            .iter()
            .flat_map(|source| &source.trees)
            .chain(&structure.trees)
            .collect();
        let Some(files) = feature.task_files() else {
            return;
        };
        let mut evaluated = 0;
        for tree in trees {
            for index in tree.files() {
                let Some(entry) = tree.entries.get(index) else {
                    continue;
                };
                if !entry
                    .comment
                    .is_some_and(|comment| marks_new(comment.value))
                {
                    continue;
                }
                let name = entry.name.value.split_whitespace().next().unwrap_or("");
                if !has_extension(name) {
                    continue;
                }
                // Names may carry notes after a blank (`a.dart + b.dart`).
                let path = tree
                    .path_parts(index)
                    .iter()
                    .map(|part| {
                        part.split_whitespace()
                            .next()
                            .unwrap_or("")
                            .trim_end_matches('/')
                    })
                    .collect::<Vec<_>>()
                    .join("/");
                let path = path.trim_start_matches("./");
                evaluated += 1;
                if files.covers(name) {
                    continue;
                }
                drop(
                    cx.report(
                        plan_document,
                        entry.name.span,
                        format!(
                            "the project structure marks `{name}` as new, but no task names it"
                        ),
                    )
                    .help(format!(
                        "add a task that creates `{path}`, or drop the file from the tree"
                    )),
                );
            }
        }
        cx.evaluated(feature, evaluated);
    }
}

/// A tree comment that starts by calling the file new: `NEW`, `NEW —`,
/// `(new)`, `[NEW]`, `new:`. A plain `New` followed by a word is the start
/// of a description (`New feature button`), not a mark.
fn marks_new(comment: &str) -> bool {
    let comment = comment.trim_start_matches(['*', ' ', '#', '/']);
    let bytes = comment.as_bytes();
    let bracketed = [b"(new)", b"[new]"]
        .iter()
        .any(|mark| bytes.len() >= 5 && bytes[..5].eq_ignore_ascii_case(&mark[..]));
    let Some(word) = comment.get(..3) else {
        return false;
    };
    let rest = comment.get(3..).unwrap_or("");
    let next = rest.chars().next();
    let capitals = word == "NEW" && !next.is_some_and(char::is_alphanumeric);
    let labelled = word.eq_ignore_ascii_case("new")
        && (rest.trim().is_empty()
            || rest
                .trim_start()
                .starts_with([':', '\u{2014}', '\u{2013}', '-']));
    bracketed || capitals || labelled
}

/// `pins.ts`, `Makefile.am`: a name with an extension of one to eight
/// letters or digits.
fn has_extension(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, extension)| {
        !stem.is_empty()
            && (1..=8).contains(&extension.len())
            && extension.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_marks_open_the_comment() {
        assert!(marks_new("NEW: Duration formatting utilities"));
        assert!(marks_new("(new) Reverse sync use case"));
        assert!(marks_new("[NEW]"));
        assert!(marks_new("NEW — the sync command body"));
        assert!(!marks_new("re-export the new resolver"));
        assert!(!marks_new("newsletter job"));
        assert!(marks_new("new: pin handlers"));
        assert!(!marks_new("New feature button"));
        assert!(!marks_new("ADAPTER (new: deploys hooks)"));
    }

    #[test]
    fn files_have_extensions() {
        assert!(has_extension("pins.ts"));
        assert!(has_extension("record-living-specs.py"));
        assert!(!has_extension("ReverseSyncOptions"));
        assert!(!has_extension("applyPrivacyFilter()"));
        assert!(!has_extension(".env"));
    }
}
