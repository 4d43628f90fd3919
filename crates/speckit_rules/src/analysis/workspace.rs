//! What the `Workspace` rules (X030–X035) see. They run in two steps so
//! that a run never holds every feature's documents at once:
//!
//! 1. [`gather`], once per feature while its documents are loaded: each
//!    rule takes what it needs of the feature as owned [`Facts`] (created
//!    files, data models, endpoints, references to other features…), and
//!    [`FeatureSummary`] keeps where findings about the feature go and
//!    whether it is finished;
//! 2. [`judge`], once per run: each rule compares the facts of all
//!    features and reports through a [`WorkspaceContext`].
//!
//! What is known of every feature before any document is read (its folder,
//! number, slug and specs directory) is in the [`FeatureDirectory`], which
//! both steps see.

use std::any::Any;

use rustc_hash::FxHashMap as HashMap;
use speckit_diagnostics::{Diagnostic, FileId, Severity};
use speckit_text::Span;

use super::{AnalysisFeature, Sink, Tally, title_span};
use crate::rule::{Report, RuleMeta};
use crate::settings::Selection;

/// What a workspace rule took of one feature (its own type, boxed).
pub type Facts = Box<dyn Any + Send + Sync>;

/// What is known of a feature before its documents are read.
#[derive(Clone, Copy, Debug)]
pub struct FeatureInfo<'a> {
    /// Position in the run's features.
    pub index: usize,
    /// The folder name (`003-user-auth`).
    pub dir_name: &'a str,
    /// The number as written (`003`).
    pub number: &'a str,
    /// The number's value, for sequentially numbered features.
    pub number_value: Option<u64>,
    pub slug: &'a str,
    /// The specs directory the folder sits in (`specs`,
    /// `.claude/spec-kit/specs`); features of one layout share it, and
    /// numbers and names are compared within it only.
    pub specs_dir: Option<&'a str>,
}

impl<'a> FeatureInfo<'a> {
    /// The specs directory of a feature folder named `dir_name`, read from
    /// the workspace path of one of its documents.
    pub fn specs_dir_of(path: &'a str, dir_name: &str) -> Option<&'a str> {
        path.match_indices(dir_name)
            .filter(|(at, _)| {
                let before_ok = *at == 0 || path.as_bytes().get(at - 1) == Some(&b'/');
                let after_ok = path.as_bytes().get(at + dir_name.len()) == Some(&b'/');
                before_ok && after_ok
            })
            .last()
            .map(|(at, _)| path.get(..at.saturating_sub(1)).unwrap_or(""))
    }
}

/// Every feature of a run, looked up by number or folder name within a
/// specs directory.
#[derive(Debug, Default)]
pub struct FeatureDirectory<'a> {
    features: Vec<FeatureInfo<'a>>,
    /// The first feature with each number.
    by_number: HashMap<(&'a str, u64), usize>,
    /// The last feature with each folder name.
    by_name: HashMap<(&'a str, &'a str), usize>,
}

impl<'a> FeatureDirectory<'a> {
    /// The directory of `features`, whose `index` must be their position.
    pub fn new(features: Vec<FeatureInfo<'a>>) -> Self {
        let mut by_number = HashMap::default();
        let mut by_name = HashMap::default();
        for feature in &features {
            let Some(dir) = feature.specs_dir else {
                continue;
            };
            if let Some(number) = feature.number_value {
                by_number.entry((dir, number)).or_insert(feature.index);
            }
            by_name.insert((dir, feature.dir_name), feature.index);
        }
        FeatureDirectory {
            features,
            by_number,
            by_name,
        }
    }

    pub fn features(&self) -> &[FeatureInfo<'a>] {
        &self.features
    }

    /// The feature of `dir` numbered `number` (the first, if several are).
    pub fn by_number(&self, dir: &str, number: u64) -> Option<usize> {
        self.by_number.get(&(dir, number)).copied()
    }

    /// The feature of `dir` whose folder is `name`.
    pub fn by_name(&self, dir: &str, name: &str) -> Option<usize> {
        self.by_name.get(&(dir, name)).copied()
    }
}

/// Where findings about a whole feature go: the title of its spec (else
/// plan, else tasks, else any document).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub file: FileId,
    pub title: Span,
}

/// What every workspace rule may ask of a feature once its documents are
/// gone.
#[derive(Clone, Copy, Debug, Default)]
pub struct FeatureSummary {
    /// `None` for a feature without documents.
    pub anchor: Option<Anchor>,
    /// See [`AnalysisFeature::is_finished`].
    pub finished: bool,
}

impl FeatureSummary {
    pub fn of(feature: &AnalysisFeature<'_>) -> FeatureSummary {
        FeatureSummary {
            anchor: feature.anchor().map(|document| Anchor {
                file: document.file,
                title: title_span(document),
            }),
            finished: feature.is_finished(),
        }
    }
}

/// What a running workspace rule sees and reports into.
pub struct WorkspaceContext<'a> {
    pub directory: &'a FeatureDirectory<'a>,
    /// One per feature, by index.
    pub summaries: &'a [FeatureSummary],
    sink: Sink<'a>,
}

impl<'a> WorkspaceContext<'a> {
    /// The features of the run, by index.
    pub fn features(&self) -> &'a [FeatureInfo<'a>] {
        self.directory.features()
    }

    pub fn summary(&self, feature: usize) -> FeatureSummary {
        self.summaries.get(feature).copied().unwrap_or_default()
    }

    /// Records that `count` items of feature `feature` were checked.
    pub fn evaluated(&mut self, feature: usize, count: usize) {
        self.sink.evaluated(feature, count);
    }

    /// Starts a finding at `span` of `file`; it is recorded on drop.
    pub fn report(&mut self, file: FileId, span: Span, message: impl Into<String>) -> Report<'_> {
        self.sink.report(file, span, message)
    }
}

/// The two steps of a `Workspace` rule, written as this trait's methods;
/// `declare_rule!` turns them into [`Rule::gather`](crate::Rule::gather)
/// and [`Rule::judge`](crate::Rule::judge).
pub(crate) trait WorkspaceRule {
    /// What the rule takes of one feature.
    type Facts: Any + Send + Sync;

    /// Takes the rule's facts of `feature` while its documents are loaded.
    /// A rule that needs only what the directory knows takes nothing.
    fn gather_facts(
        &self,
        _feature: &AnalysisFeature<'_>,
        _directory: &FeatureDirectory<'_>,
    ) -> Option<Self::Facts> {
        None
    }

    /// Compares what was taken of every feature (`facts`, by index).
    fn run(&self, facts: &[Option<&Self::Facts>], cx: &mut WorkspaceContext<'_>);
}

/// The enabled `Workspace` rules of `selection`, with their metadata and
/// severity.
fn enabled(
    selection: &Selection,
) -> impl Iterator<Item = (&'static dyn crate::Rule, &'static RuleMeta, Severity)> {
    selection.rules(|meta| meta.target == crate::rule::Target::Workspace)
}

/// The first step: what each enabled workspace rule takes of `feature`, in
/// registry order.
pub fn gather(
    feature: &AnalysisFeature<'_>,
    directory: &FeatureDirectory<'_>,
    selection: &Selection,
) -> Vec<Option<Facts>> {
    enabled(selection)
        .map(|(rule, _, _)| rule.gather(feature, directory))
        .collect()
}

/// The second step: runs the enabled workspace rules over what [`gather`]
/// took of each feature (`facts`, by feature index).
pub fn judge(
    directory: &FeatureDirectory<'_>,
    summaries: &[FeatureSummary],
    facts: Vec<Vec<Option<Facts>>>,
    selection: &Selection,
) -> (Vec<Diagnostic>, Tally) {
    let mut out = Vec::new();
    let mut tally = Tally::default();
    // Facts by rule, then by feature.
    let rules: Vec<(&'static dyn crate::Rule, &'static RuleMeta, Severity)> =
        enabled(selection).collect();
    let mut by_rule: Vec<Vec<Option<Facts>>> = (0..rules.len())
        .map(|_| Vec::with_capacity(facts.len()))
        .collect();
    for feature in facts {
        let mut feature = feature.into_iter();
        for slot in &mut by_rule {
            slot.push(feature.next().flatten());
        }
    }
    for ((rule, meta, severity), facts) in rules.into_iter().zip(by_rule) {
        let mut cx = WorkspaceContext {
            directory,
            summaries,
            sink: Sink {
                meta,
                severity,
                out: &mut out,
                tally: &mut tally,
            },
        };
        rule.judge(&facts, &mut cx);
    }
    (out, tally)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_dirs_are_read_from_paths() {
        assert_eq!(
            FeatureInfo::specs_dir_of("specs/003-auth/spec.md", "003-auth"),
            Some("specs")
        );
        assert_eq!(
            FeatureInfo::specs_dir_of(".claude/spec-kit/specs/003-auth/plan.md", "003-auth"),
            Some(".claude/spec-kit/specs")
        );
        assert_eq!(
            FeatureInfo::specs_dir_of("003-auth/spec.md", "003-auth"),
            Some("")
        );
        assert_eq!(
            FeatureInfo::specs_dir_of("specs/x003-auth/spec.md", "003-auth"),
            None
        );
    }

    #[test]
    fn the_directory_finds_the_first_number_and_the_last_name() {
        let info = |index, dir_name, number_value, specs_dir| FeatureInfo {
            index,
            dir_name,
            number: "",
            number_value,
            slug: "",
            specs_dir,
        };
        let directory = FeatureDirectory::new(vec![
            info(0, "001-a", Some(1), Some("specs")),
            info(1, "001-b", Some(1), Some("specs")),
            info(2, "001-a", Some(1), Some("specs")),
            info(3, "002-c", Some(2), None),
        ]);
        assert_eq!(directory.by_number("specs", 1), Some(0));
        assert_eq!(directory.by_name("specs", "001-a"), Some(2));
        assert_eq!(directory.by_number("specs", 2), None, "no specs dir");
        assert_eq!(directory.by_number("other", 1), None);
    }
}
