//! `speckit analyze`: cross-document consistency of the features of a
//! workspace, with a coverage matrix and a consistency score.
//!
//! [`analyze`] takes the features' file lists and a function that reads and
//! parses one document (the caller does the IO). Feature by feature, in
//! parallel, it reads the documents, builds their models and runs
//!
//! 1. the `Feature` rules of the registry (`X` codes), and
//! 2. the document rules of `check` that concern consistency
//!    ([`CHECK_RULES`]: duplicate IDs, dangling dependencies, summary drift,
//!    vague requirements…), so one report holds every inconsistency,
//!
//! collects the coverage of each requirement and story ([`coverage`]) and
//! what the `Workspace` rules need of the feature; then it lets the trees
//! and models go, keeping the texts. The `Workspace` rules run once all
//! features are done, and each feature is scored ([`score`]). [`report`]
//! turns the result into the serialisable report that the Markdown and
//! JSON outputs print.

pub mod coverage;
pub mod markdown;
pub mod report;
pub mod score;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use speckit_diagnostics::{Diagnostic, FileId, Severity, sort_diagnostics};
use speckit_model::{Constitution, DocKind, Document, Model};
use speckit_rules::analysis::workspace::{self, Facts};
use speckit_rules::{
    AnalysisFeature, FeatureDirectory, FeatureInfo, FeatureSummary, FeatureView, FileOracle,
    LintSettings, Selection, check_document, registry, run_analysis,
};

pub use coverage::{Coverage, CoverageRow};
pub use markdown::render_markdown;
pub use report::{AnalysisReport, Band, FeatureReport, Finding, FindingGroup, Level};
pub use score::Score;

/// Document rules of `check` whose findings are inconsistencies, reported
/// by `analyze` too. The second column says what one evaluated item is,
/// for the score.
pub const CHECK_RULES: &[(&str, Inventory)] = &[
    ("P022", Inventory::PlanDocument),
    ("P033", Inventory::PlanDocument),
    ("P034", Inventory::PlanDocument),
    ("P036", Inventory::PlanDocument),
    ("R006", Inventory::Stories),
    ("R008", Inventory::Requirements),
    ("R012", Inventory::SpecDocument),
    ("R014", Inventory::Requirements),
    ("R021", Inventory::SpecDocument),
    ("T001", Inventory::Tasks),
    ("T002", Inventory::Dependencies),
    ("T004", Inventory::Tasks),
    ("T006", Inventory::TasksDocument),
    ("T007", Inventory::Tasks),
    ("T008", Inventory::Tasks),
    ("T016", Inventory::Tasks),
    ("T025", Inventory::Dependencies),
];

/// What a reused document rule evaluates once per.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inventory {
    Tasks,
    Dependencies,
    Requirements,
    Stories,
    SpecDocument,
    PlanDocument,
    TasksDocument,
}

impl Inventory {
    fn count(self, feature: &AnalysisFeature<'_>) -> usize {
        match self {
            Inventory::Tasks => feature.tasks().map_or(0, |(_, tasks)| tasks.tasks.len()),
            Inventory::Dependencies => feature.tasks().map_or(0, |(_, tasks)| {
                tasks.tasks.iter().map(|task| task.dependencies.len()).sum()
            }),
            Inventory::Requirements => feature
                .spec()
                .map_or(0, |(_, spec)| spec.requirements.len()),
            Inventory::Stories => feature.spec().map_or(0, |(_, spec)| spec.stories.len()),
            Inventory::SpecDocument => usize::from(feature.spec().is_some()),
            Inventory::PlanDocument => usize::from(feature.plan().is_some()),
            Inventory::TasksDocument => usize::from(feature.tasks().is_some()),
        }
    }
}

/// One feature folder and the Markdown files it holds.
pub struct FeatureInput<'a> {
    /// The folder name (`003-user-auth`).
    pub dir_name: &'a str,
    /// The number as written (`003`).
    pub number: &'a str,
    pub number_value: Option<u64>,
    pub slug: &'a str,
    /// Its documents: the id each is reported under and its workspace path,
    /// in the order they are read.
    pub files: Vec<(FileId, &'a str)>,
    /// Index of the layout's constitution in the `constitutions` argument.
    pub constitution: Option<usize>,
    /// Analysed and reported; other features only take part in the
    /// cross-feature rules (for `speckit analyze FEATURE`).
    pub focus: bool,
}

/// A document once analysed: what the report and the `check` formats
/// still need of it (its tree and model are gone).
#[derive(Debug)]
pub struct Source {
    pub file: FileId,
    pub path: String,
    pub kind: DocKind,
    pub text: String,
}

impl From<Document> for Source {
    fn from(document: Document) -> Source {
        Source {
            file: document.file,
            path: document.path,
            kind: document.kind,
            text: document.text,
        }
    }
}

/// Findings, scores and coverage of one run.
#[derive(Debug)]
pub struct Analysis {
    /// All findings, in stable order.
    pub diagnostics: Vec<Diagnostic>,
    /// The feature each finding belongs to (parallel to `diagnostics`).
    pub owners: Vec<Option<usize>>,
    /// One per feature, in input order.
    pub scores: Vec<Score>,
    pub coverage: Vec<Coverage>,
    /// Number of tasks per feature.
    pub task_counts: Vec<usize>,
    /// The documents of each feature, in input order.
    pub sources: Vec<Vec<Source>>,
}

/// What the analysis of one feature leaves behind.
struct FeatureResult {
    findings: Vec<Diagnostic>,
    /// Evaluated weight of its own rules.
    weight: u64,
    coverage: Coverage,
    task_count: usize,
    summary: FeatureSummary,
    /// What each enabled workspace rule took of it.
    facts: Vec<Option<Facts>>,
    sources: Vec<Source>,
}

/// Analyses `features` (with the `constitutions` they point at). `read`
/// reads and parses one document of a feature; features are read,
/// analysed and let go in parallel, so that only what the report needs of
/// each (its texts, findings and coverage) outlives its turn.
///
/// # Errors
/// An error of `read`: the run stops at the first one a worker meets.
pub fn analyze<E: Send>(
    features: &[FeatureInput<'_>],
    constitutions: &[&Document],
    settings: &LintSettings,
    files: &dyn FileOracle,
    read: &(dyn Fn(FileId, &str) -> Result<Document, E> + Sync),
) -> Result<Analysis, E> {
    let constitution_models: Vec<Model<'_>> = constitutions
        .par_iter()
        .map(|document| document.model())
        .collect();
    let directory = FeatureDirectory::new(
        features
            .iter()
            .enumerate()
            .map(|(index, input)| FeatureInfo {
                index,
                dir_name: input.dir_name,
                number: input.number,
                number_value: input.number_value,
                slug: input.slug,
                specs_dir: input
                    .files
                    .first()
                    .and_then(|(_, path)| FeatureInfo::specs_dir_of(path, input.dir_name)),
            })
            .collect(),
    );
    let global = settings.selection_for("");
    let reused = Reused::new(&global);
    // One feature per job: rayon's adaptive splitting otherwise leaves runs
    // of features that no idle thread can take, and one core can finish
    // alone for tens of milliseconds.
    let results: Vec<FeatureResult> = features
        .par_iter()
        .zip(directory.features())
        .with_max_len(1)
        .map(|(input, info)| {
            let documents: Vec<Document> = input
                .files
                .iter()
                .map(|(file, path)| read(*file, path))
                .collect::<Result<_, E>>()?;
            let constitution = input.constitution.and_then(|at| {
                let document = constitutions.get(at)?;
                match constitution_models.get(at)? {
                    Model::Constitution(model) => Some((*document, model as &Constitution<'_>)),
                    _ => None,
                }
            });
            Ok(analyze_one(
                *info,
                input,
                documents,
                constitution,
                &directory,
                (settings, &reused, &global),
                files,
            ))
        })
        .collect::<Result<_, E>>()?;

    let owner_of = owner_map(features);
    let summaries: Vec<FeatureSummary> = results.iter().map(|result| result.summary).collect();
    let mut evaluated: Vec<u64> = results.iter().map(|result| result.weight).collect();
    let mut diagnostics = Vec::new();
    let mut coverage = Vec::with_capacity(results.len());
    let mut task_counts = Vec::with_capacity(results.len());
    let mut sources = Vec::with_capacity(results.len());
    let mut facts = Vec::with_capacity(results.len());
    for result in results {
        diagnostics.extend(result.findings);
        coverage.push(result.coverage);
        task_counts.push(result.task_count);
        sources.push(result.sources);
        facts.push(result.facts);
    }
    let (workspace_findings, workspace_tally) =
        workspace::judge(&directory, &summaries, facts, &global);
    for (feature, weight) in workspace_tally.entries {
        if let Some(slot) = evaluated.get_mut(feature) {
            *slot += weight;
        }
    }
    diagnostics.extend(filter_by_path(workspace_findings, settings, features));
    sort_diagnostics(&mut diagnostics);
    // Findings of features out of focus are dropped.
    diagnostics
        .retain(|diagnostic| owner_of(diagnostic.file).is_none_or(|owner| features[owner].focus));
    let owners: Vec<Option<usize>> = diagnostics
        .iter()
        .map(|diagnostic| owner_of(diagnostic.file))
        .collect();
    let scores = scores(&diagnostics, &owners, &evaluated);
    Ok(Analysis {
        diagnostics,
        owners,
        scores,
        coverage,
        task_counts,
        sources,
    })
}

/// The rules' configuration for a run: the settings, the reused document
/// rules and the global selection.
type Config<'r> = (&'r LintSettings, &'r Reused, &'r Selection);

/// Models and analyses the documents of the feature `info` describes: its
/// findings, weight, coverage, and what the workspace rules need of it.
/// The documents leave as sources, without their trees and models.
fn analyze_one(
    info: FeatureInfo<'_>,
    input: &FeatureInput<'_>,
    documents: Vec<Document>,
    constitution: Option<(&Document, &Constitution<'_>)>,
    directory: &FeatureDirectory<'_>,
    (settings, reused, global): Config<'_>,
    files: &dyn FileOracle,
) -> FeatureResult {
    let models: Vec<Model<'_>> = documents.iter().map(Document::model).collect();
    let feature = AnalysisFeature::new(
        info,
        FeatureView {
            documents: documents.iter().zip(models.iter()).collect(),
        },
        constitution,
    );
    let (findings, weight) = if input.focus {
        analyze_feature(&feature, settings, reused, global, files)
    } else {
        (Vec::new(), 0)
    };
    let coverage = Coverage::of(&feature);
    let task_count = feature.tasks().map_or(0, |(_, tasks)| tasks.tasks.len());
    let summary = FeatureSummary::of(&feature);
    let facts = workspace::gather(&feature, directory, global);
    drop(feature);
    drop(models);
    FeatureResult {
        findings,
        weight,
        coverage,
        task_count,
        summary,
        facts,
        sources: documents.into_iter().map(Source::from).collect(),
    }
}

/// Scores each feature from its evaluated weight and its findings.
fn scores(diagnostics: &[Diagnostic], owners: &[Option<usize>], evaluated: &[u64]) -> Vec<Score> {
    let mut mine: Vec<Vec<&Diagnostic>> = vec![Vec::new(); evaluated.len()];
    for (diagnostic, owner) in diagnostics.iter().zip(owners) {
        if let Some(list) = owner.and_then(|owner| mine.get_mut(owner)) {
            list.push(diagnostic);
        }
    }
    evaluated
        .iter()
        .zip(mine)
        .map(|(weight, findings)| Score::new(*weight, findings.into_iter()))
        .collect()
}

/// The global selection with only the reused document rules enabled.
fn reused_selection(global: &Selection) -> Selection {
    let mut selection = global.clone();
    for (index, enabled) in selection.enabled.iter_mut().enumerate() {
        let code = registry::all()[index].meta().code;
        *enabled = *enabled && CHECK_RULES.iter().any(|(reused, _)| *reused == code);
    }
    selection
}

/// An enabled reused document rule as the score counts it: its code, what
/// it evaluates once per, and the weight of one item.
struct ScoredRule {
    code: &'static str,
    inventory: Inventory,
    weight: u64,
}

/// The reused document rules of a run: the selection that enables only
/// them, and the enabled ones in the order of [`CHECK_RULES`], looked up in
/// the registry once per run.
struct Reused {
    selection: Selection,
    scored: Vec<ScoredRule>,
}

impl Reused {
    fn new(global: &Selection) -> Reused {
        let selection = reused_selection(global);
        let scored = scored_rules(&selection);
        Reused { selection, scored }
    }
}

/// The enabled rules of [`CHECK_RULES`] in `reused`, in that order.
fn scored_rules(reused: &Selection) -> Vec<ScoredRule> {
    CHECK_RULES
        .iter()
        .filter_map(|&(code, inventory)| {
            let index = registry::index_of(code)?;
            if !reused.enabled.get(index).copied().unwrap_or(false) {
                return None;
            }
            let severity = reused
                .severity
                .get(index)
                .copied()
                .unwrap_or(Severity::Warning);
            Some(ScoredRule {
                code,
                inventory,
                weight: speckit_rules::analysis::weight(severity),
            })
        })
        .collect()
}

fn analyze_feature(
    feature: &AnalysisFeature<'_>,
    settings: &LintSettings,
    reused: &Reused,
    global: &Selection,
    files: &dyn FileOracle,
) -> (Vec<Diagnostic>, u64) {
    let mut findings = Vec::new();
    // The configuration of each document, by its place in the view.
    let selections: Vec<Selection> = feature
        .view
        .documents
        .iter()
        .map(|(document, _)| settings.selection_for(&document.path))
        .collect();
    for ((document, model), selection) in feature.view.documents.iter().zip(&selections) {
        let mut selection = selection.clone();
        for (index, enabled) in selection.enabled.iter_mut().enumerate() {
            *enabled = *enabled
                && reused
                    .selection
                    .enabled
                    .get(index)
                    .copied()
                    .unwrap_or(false);
        }
        findings.extend(
            check_document(document, model, &feature.view, files, &selection)
                .into_iter()
                .filter(|diagnostic| diagnostic.code != speckit_model::PARSER_FAILURE),
        );
    }
    let mut weight = 0;
    for rule in &reused.scored {
        let failed = findings
            .iter()
            .filter(|diagnostic| diagnostic.code == rule.code)
            .count();
        let count = rule.inventory.count(feature).max(failed);
        weight += count as u64 * rule.weight;
    }
    let (cross, tally) = run_analysis(feature, files, global);
    weight += tally.entries.iter().map(|(_, weight)| weight).sum::<u64>();
    findings.extend(filter_feature(cross, feature, &selections));
    (findings, weight)
}

/// Applies per-path configuration to findings of cross-document rules:
/// drops those disabled for their document, re-levels the rest.
/// `selections` are the configurations of the feature's documents.
fn filter_feature(
    findings: Vec<Diagnostic>,
    feature: &AnalysisFeature<'_>,
    selections: &[Selection],
) -> Vec<Diagnostic> {
    apply_paths(findings, |file| {
        feature
            .view
            .documents
            .iter()
            .position(|(document, _)| document.file == file)
            .and_then(|position| selections.get(position))
    })
}

fn filter_by_path(
    findings: Vec<Diagnostic>,
    settings: &LintSettings,
    features: &[FeatureInput<'_>],
) -> Vec<Diagnostic> {
    // The first document of each file, as a linear search would find it.
    let mut paths: HashMap<FileId, &str> = HashMap::default();
    for (file, path) in features.iter().flat_map(|feature| feature.files.iter()) {
        paths.entry(*file).or_insert(path);
    }
    let mut selections: HashMap<FileId, Selection> = HashMap::default();
    for diagnostic in &findings {
        if let Some(path) = paths.get(&diagnostic.file) {
            selections
                .entry(diagnostic.file)
                .or_insert_with(|| settings.selection_for(path));
        }
    }
    apply_paths(findings, |file| selections.get(&file))
}

/// Drops the findings their file's configuration (from `selection_of`;
/// files without one keep their findings) disables, and re-levels the rest.
fn apply_paths<'s>(
    findings: Vec<Diagnostic>,
    selection_of: impl Fn(FileId) -> Option<&'s Selection>,
) -> Vec<Diagnostic> {
    let mut indexes: HashMap<&'static str, Option<usize>> = HashMap::default();
    findings
        .into_iter()
        .filter_map(|mut diagnostic| {
            let Some(selection) = selection_of(diagnostic.file) else {
                return Some(diagnostic);
            };
            let index = (*indexes
                .entry(diagnostic.code)
                .or_insert_with(|| registry::index_of(diagnostic.code)))?;
            if !selection.enabled.get(index).copied().unwrap_or(true) {
                return None;
            }
            if let Some(severity) = selection.severity.get(index) {
                diagnostic.severity = *severity;
            }
            Some(diagnostic)
        })
        .collect()
}

/// Maps a file to the feature holding it.
fn owner_map(features: &[FeatureInput<'_>]) -> impl Fn(FileId) -> Option<usize> + use<> {
    let mut owners: Vec<(FileId, usize)> = features
        .iter()
        .enumerate()
        .flat_map(|(index, feature)| feature.files.iter().map(move |(file, _)| (*file, index)))
        .collect();
    owners.sort_unstable();
    move |file| {
        owners
            .binary_search_by_key(&file, |(file, _)| *file)
            .ok()
            .map(|at| owners[at].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reused_rules_exist_and_are_document_rules() {
        for (code, _) in CHECK_RULES {
            let rule = registry::find(code).unwrap_or_else(|| panic!("{code} is not registered"));
            assert!(!rule.meta().target.is_cross(), "{code} is an analysis rule");
        }
        let mut codes: Vec<&str> = CHECK_RULES.iter().map(|(code, _)| *code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), CHECK_RULES.len(), "sorted and unique");
    }
}
