use speckit_diagnostics::FileId;
use speckit_text::Span;

use crate::analysis::bytes::next_digit;
use crate::analysis::workspace::WorkspaceRule;
use crate::analysis::{AnalysisFeature, FeatureDirectory, WorkspaceContext};
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// A spec or plan that names a feature with a higher number of the same
    /// specs directory that is not finished yet: by its folder name
    /// (`021-pantry-sync`, also inside a path such as
    /// `specs/021-pantry-sync/`), or as `feature 021`, `Feature #021`,
    /// `spec 021` (three or more digits). A feature is finished when all its
    /// tasks are done or, without tasks, when its spec or plan status says
    /// so. One finding per later feature named, on its first mention.
    ///
    /// A mention that points ahead instead of relying on the later feature
    /// is not counted: one on a line that says the work is out of scope,
    /// deferred, for the future, a follow-up or the next feature, or one
    /// under a heading such as Out of Scope, Future Work, Non-Goals or
    /// Roadmap.
    ///
    /// ## Why it matters
    /// Feature numbers are the order features are built in: a feature may
    /// build on earlier ones, not on later ones. A spec that relies on an
    /// unfinished later feature cannot be implemented as numbered, and an
    /// agent working through the features in order will find the code it
    /// needs missing.
    ///
    /// ## Example
    /// ```markdown
    /// Shopping lists are filled from the week plan of 005-week-planner.
    /// ```
    /// in `specs/003-shopping-lists/spec.md` while 005 still has open tasks.
    /// Use instead: build the week planner first and renumber so that it
    /// comes before the lists, or move what 003 needs into 003.
    pub(crate) DependsOnLaterFeature {
        code: "X035",
        name: "depends-on-later-feature",
        summary: "A feature names a later feature that is not finished",
        severity: Warning,
        fix: Never,
        target: Workspace,
    }
}

/// Words that introduce a feature number (`feature 021`, `Spec #012`).
const NUMBER_WORDS: [&str; 4] = ["feature", "features", "spec", "specs"];

/// Where a feature names another: the first mention of each other
/// feature in its spec, then its plan, that does not point ahead.
pub(crate) struct Named {
    /// The feature's own number.
    own: u64,
    /// File, span of the mention, and the feature named.
    mentions: Vec<(FileId, Span, usize)>,
}

impl WorkspaceRule for DependsOnLaterFeature {
    type Facts = Named;

    fn gather_facts(
        &self,
        feature: &AnalysisFeature<'_>,
        directory: &FeatureDirectory<'_>,
    ) -> Option<Self::Facts> {
        let dir = feature.info.specs_dir?;
        let own = feature.info.number_value?;
        let mut named = Named {
            own,
            mentions: Vec::new(),
        };
        for document in [
            feature.spec().map(|(d, _)| d),
            feature.plan().map(|(d, _)| d),
        ]
        .into_iter()
        .flatten()
        {
            for (span, target) in feature_references(&document.text, dir, directory) {
                if target == feature.info.index
                    || named.mentions.iter().any(|&(_, _, seen)| seen == target)
                    || points_ahead(&document.text, span.start as usize)
                {
                    continue;
                }
                named.mentions.push((document.file, span, target));
            }
        }
        Some(named)
    }

    fn run(&self, facts: &[Option<&Self::Facts>], cx: &mut WorkspaceContext<'_>) {
        let features = cx.features();
        for (index, named) in facts.iter().enumerate() {
            let (Some(named), Some(feature)) = (named, features.get(index)) else {
                continue;
            };
            for &(file, span, target) in &named.mentions {
                let Some(later) = features.get(target) else {
                    continue;
                };
                if later.number_value.is_none_or(|number| number <= named.own) {
                    continue;
                }
                let summary = cx.summary(target);
                if summary.finished {
                    continue;
                }
                let mut report = cx
                    .report(
                        file,
                        span,
                        format!(
                            "`{}` relies on `{}`, a later feature that is not finished",
                            feature.dir_name, later.dir_name
                        ),
                    )
                    .help(
                        "features are built in number order: finish and renumber the later feature so it comes first, or drop the dependency",
                    );
                if let Some(other) = summary.anchor {
                    report = report.label_at(
                        other.file,
                        other.title,
                        format!("`{}` still has work open", later.dir_name),
                    );
                }
                drop(report);
            }
            cx.evaluated(index, named.mentions.len());
        }
    }
}

/// Every reference to a feature of `dir` in `text`, in order: the span of
/// the mention and the feature's index.
fn feature_references(
    text: &str,
    dir: &str,
    directory: &FeatureDirectory<'_>,
) -> Vec<(Span, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let Some(start) = next_digit(bytes, at) else {
            break;
        };
        let mut end = start;
        while bytes.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
        at = end;
        let glued = start > 0
            && bytes
                .get(start - 1)
                .is_some_and(|&byte| byte.is_ascii_alphanumeric() || byte == b'.' || byte == b'_');
        if glued {
            continue;
        }
        // A folder name: digits, `-`, then the slug.
        if bytes.get(end) == Some(&b'-') {
            let mut name_end = end + 1;
            while bytes.get(name_end).is_some_and(|&byte| {
                byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.')
            }) {
                name_end += 1;
            }
            let name = text
                .get(start..name_end)
                .unwrap_or("")
                .trim_end_matches(['-', '_', '.']);
            if let Some(target) = directory.by_name(dir, name) {
                found.push((span_of(start, start + name.len()), target));
                at = start + name.len();
                continue;
            }
        }
        if end - start < 3 {
            continue;
        }
        let Some(word_start) = number_word_before(bytes, start) else {
            continue;
        };
        let Some(number) = text
            .get(start..end)
            .and_then(|digits| digits.parse::<u64>().ok())
        else {
            continue;
        };
        if let Some(target) = directory.by_number(dir, number) {
            found.push((span_of(word_start, end), target));
        }
    }
    found
}

/// Where `feature`, `spec` (or their plurals) starts when it stands right
/// before the number at `start`, separated by one space and an optional `#`.
fn number_word_before(bytes: &[u8], start: usize) -> Option<usize> {
    let mut end = start;
    if end > 0 && bytes.get(end - 1) == Some(&b'#') {
        end -= 1;
    }
    if end == 0 || bytes.get(end - 1) != Some(&b' ') {
        return None;
    }
    end -= 1;
    let mut word_start = end;
    while word_start > 0
        && bytes
            .get(word_start - 1)
            .is_some_and(u8::is_ascii_alphabetic)
    {
        word_start -= 1;
    }
    let word = bytes.get(word_start..end)?;
    NUMBER_WORDS
        .iter()
        .any(|known| word.eq_ignore_ascii_case(known.as_bytes()))
        .then_some(word_start)
}

/// Words on a mention's line, or in the heading above it, that make the
/// mention a pointer to later work (`deferred to 021`, `## Out of Scope`)
/// rather than something the feature builds on.
const AHEAD_LINE: [&str; 10] = [
    "out of scope",
    "not in scope",
    "future",
    "defer",
    "follow-up",
    "follow up",
    "later feature",
    "next feature",
    "roadmap",
    "postpone",
];
const AHEAD_HEADING: [&str; 7] = [
    "out of scope",
    "future",
    "non-goal",
    "roadmap",
    "next step",
    "follow-up",
    "deferred",
];

/// The mention at `offset` points ahead instead of relying on the feature.
fn points_ahead(text: &str, offset: usize) -> bool {
    let before = text.get(..offset).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let line_end = text
        .get(offset..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |at| offset + at);
    let line = text.get(line_start..line_end).unwrap_or("").to_lowercase();
    if AHEAD_LINE.iter().any(|word| line.contains(word)) {
        return true;
    }
    let heading = before
        .lines()
        .rev()
        .find(|line| line.trim_start().starts_with('#'))
        .unwrap_or("")
        .to_lowercase();
    AHEAD_HEADING.iter().any(|word| heading.contains(word))
}

fn span_of(start: usize, end: usize) -> Span {
    Span::new(
        u32::try_from(start).unwrap_or(u32::MAX),
        u32::try_from(end).unwrap_or(u32::MAX),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(&str, usize)]) {
        let directory = FeatureDirectory::new(
            [(20, "020-meal-plans"), (21, "021-pantry-sync")]
                .into_iter()
                .enumerate()
                .map(|(index, (number, dir_name))| crate::analysis::FeatureInfo {
                    index,
                    dir_name,
                    number: "",
                    number_value: Some(number),
                    slug: "",
                    specs_dir: Some("specs"),
                })
                .collect(),
        );
        let found: Vec<(&str, usize)> = feature_references(text, "specs", &directory)
            .into_iter()
            .map(|(span, target)| (&text[span.range()], target))
            .collect();
        assert_eq!(found, expected, "{text}");
    }

    #[test]
    fn references() {
        check("filled by 021-pantry-sync.", &[("021-pantry-sync", 1)]);
        check(
            "see specs/021-pantry-sync/plan.md",
            &[("021-pantry-sync", 1)],
        );
        check(
            "after Feature #021 and spec 020",
            &[("Feature #021", 1), ("spec 020", 0)],
        );
        check("Features 021 land first", &[("Features 021", 1)]);
    }

    #[test]
    fn pointers_ahead() {
        let check = |text: &str, expected: bool| {
            let at = text.find("021").unwrap_or(0);
            assert_eq!(points_ahead(text, at), expected, "{text}");
        };
        check("Meal plans read the pantry (spec 021).", false);
        check("Expiry alerts are deferred to spec 021.", true);
        check("## Out of Scope\n\n- Expiry alerts (spec 021)", true);
        check(
            "## Out of Scope\n\nx\n\n## Requirements\n\n- needs spec 021",
            false,
        );
    }

    #[test]
    fn not_references() {
        // Unknown folders, numbers glued to words, other counting words.
        check("021-pantry-stock and T021 and v1.021", &[]);
        check("Phase 021, step 020 and 21 features", &[]);
        check("feature 21 is too short", &[]);
        check("x021-pantry-sync", &[]);
    }
}
