//! The analysis report: what `--format json` prints and what the Markdown
//! report is rendered from.

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Serialize;
use speckit_diagnostics::{Diagnostic, FileId, Severity};
use speckit_model::DocKind;
use speckit_rules::registry;
use speckit_text::{LineCol, OffsetPositions};

use crate::score::Overall;
pub use crate::score::{Band, Score};
use crate::{Analysis, Coverage, FeatureInput, Source};

/// Version of the report's JSON shape.
pub const REPORT_VERSION: u32 = 1;

/// The whole report.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AnalysisReport {
    pub report_version: u32,
    /// speckit's version.
    pub tool_version: String,
    /// The workspace score: the lowest feature score, with the mean.
    pub score: Overall,
    pub summary: Summary,
    pub features: Vec<FeatureReport>,
    /// Findings on files of no feature (none today; kept for stability).
    pub other_findings: Vec<Finding>,
}

/// Counts over the run.
#[derive(Debug, Default, Serialize, JsonSchema)]
pub struct Summary {
    pub features: usize,
    pub specs: usize,
    pub plans: usize,
    pub task_lists: usize,
    pub requirements: usize,
    /// Requirements with at least one task (of those in features with tasks).
    pub requirements_with_tasks: usize,
    /// Requirements of features that have tasks.
    pub requirements_traced: usize,
    pub tasks: usize,
    pub critical: usize,
    pub warning: usize,
    pub suggestion: usize,
}

/// One feature's part of the report.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FeatureReport {
    /// The folder name (`003-user-auth`).
    pub feature: String,
    pub number: String,
    pub slug: String,
    /// The documents analysed (`spec.md`, `plan.md`, …), relative to the root.
    pub documents: Vec<String>,
    pub score: Score,
    pub coverage: Coverage,
    pub findings: Vec<Finding>,
}

/// How urgent a finding is, in the analyze command's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Critical,
    Warning,
    Suggestion,
}

impl Level {
    pub const fn of(severity: Severity) -> Level {
        match severity {
            Severity::Error => Level::Critical,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Suggestion,
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Level::Critical => "Critical",
            Level::Warning => "Warning",
            Level::Suggestion => "Suggestion",
        }
    }

    pub const fn icon(self) -> &'static str {
        match self {
            Level::Critical => "🔴",
            Level::Warning => "🟡",
            Level::Suggestion => "🟢",
        }
    }
}

/// The section of the report a finding belongs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FindingGroup {
    /// Missing documents.
    Artifacts,
    ConstitutionAlignment,
    SpecToPlan,
    PlanToTasks,
    /// References from tasks that point nowhere.
    TasksToSpec,
    /// Inconsistencies inside one feature's documents.
    WithinFeature,
    CrossFeature,
}

impl FindingGroup {
    pub const fn title(self) -> &'static str {
        match self {
            FindingGroup::Artifacts => "Missing artifacts",
            FindingGroup::ConstitutionAlignment => "Constitution alignment",
            FindingGroup::SpecToPlan => "Spec → plan",
            FindingGroup::PlanToTasks => "Plan → tasks",
            FindingGroup::TasksToSpec => "Tasks → spec",
            FindingGroup::WithinFeature => "Within the feature",
            FindingGroup::CrossFeature => "Across features",
        }
    }

    /// The group of a rule code. Cross-document rules are listed here; the
    /// reused document rules are all consistency within a feature.
    pub fn of(code: &str) -> FindingGroup {
        GROUPS
            .iter()
            .find(|(known, _)| *known == code)
            .map_or(FindingGroup::WithinFeature, |(_, group)| *group)
    }
}

/// The group of every cross-document rule.
pub const GROUPS: &[(&str, FindingGroup)] = &[
    ("X001", FindingGroup::Artifacts),
    ("X002", FindingGroup::SpecToPlan),
    ("X003", FindingGroup::SpecToPlan),
    ("X004", FindingGroup::PlanToTasks),
    ("X005", FindingGroup::PlanToTasks),
    ("X006", FindingGroup::PlanToTasks),
    ("X007", FindingGroup::TasksToSpec),
    ("X008", FindingGroup::PlanToTasks),
    ("X009", FindingGroup::PlanToTasks),
    ("X010", FindingGroup::PlanToTasks),
    ("X011", FindingGroup::PlanToTasks),
    ("X012", FindingGroup::PlanToTasks),
    ("X013", FindingGroup::SpecToPlan),
    ("X014", FindingGroup::PlanToTasks),
    ("X015", FindingGroup::SpecToPlan),
    ("X019", FindingGroup::ConstitutionAlignment),
    ("X020", FindingGroup::ConstitutionAlignment),
    ("X021", FindingGroup::ConstitutionAlignment),
    ("X022", FindingGroup::WithinFeature),
    ("X023", FindingGroup::WithinFeature),
    ("X024", FindingGroup::WithinFeature),
    ("X025", FindingGroup::WithinFeature),
    ("X026", FindingGroup::WithinFeature),
    ("X030", FindingGroup::CrossFeature),
    ("X031", FindingGroup::CrossFeature),
    ("X032", FindingGroup::CrossFeature),
    ("X033", FindingGroup::CrossFeature),
    ("X034", FindingGroup::CrossFeature),
    ("X035", FindingGroup::CrossFeature),
    ("T007", FindingGroup::TasksToSpec),
    ("P034", FindingGroup::ConstitutionAlignment),
    ("P036", FindingGroup::ConstitutionAlignment),
];

/// One finding with its position resolved.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Finding {
    pub code: &'static str,
    pub name: &'static str,
    pub level: Level,
    pub group: FindingGroup,
    pub file: String,
    /// 1-based.
    pub line: u32,
    /// 1-based, in characters.
    pub column: u32,
    pub message: String,
    pub help: Option<Cow<'static, str>>,
}

impl AnalysisReport {
    /// Builds the report of `analysis` over `features`; findings may point
    /// into the features' documents and the `constitutions`. The coverage
    /// matrix is moved into the report, not copied: `analysis` is left
    /// without it.
    pub fn new(
        analysis: &mut Analysis,
        features: &[FeatureInput<'_>],
        constitutions: &[Source],
        tool_version: &str,
    ) -> AnalysisReport {
        let by_file: HashMap<FileId, &Source> = constitutions
            .iter()
            .chain(analysis.sources.iter().flatten())
            .map(|source| (source.file, source))
            .collect();
        // Where findings start, file by file, found in parallel.
        let mut starts: HashMap<FileId, Vec<u32>> = HashMap::new();
        for diagnostic in &analysis.diagnostics {
            if by_file.contains_key(&diagnostic.file) {
                starts
                    .entry(diagnostic.file)
                    .or_default()
                    .push(diagnostic.span.start);
            }
        }
        let indexes: HashMap<FileId, OffsetPositions> = starts
            .into_par_iter()
            .filter_map(|(file, offsets)| {
                let document = by_file.get(&file)?;
                Some((file, OffsetPositions::new(&document.text, offsets)))
            })
            .collect();
        // Rule names by code (the first rule of a code, as `find` does).
        let mut names: HashMap<&'static str, &'static str> = HashMap::new();
        for rule in registry::all() {
            names.entry(rule.meta().code).or_insert(rule.meta().name);
        }
        let resolve = |diagnostic: &Diagnostic| -> Finding {
            let document = by_file.get(&diagnostic.file);
            let (file, line, column) = match (document, indexes.get(&diagnostic.file)) {
                (Some(document), Some(positions)) => {
                    let at = positions
                        .get(diagnostic.span.start)
                        .unwrap_or(LineCol::START);
                    (document.path.clone(), at.line, at.column)
                }
                _ => (String::new(), 1, 1),
            };
            Finding {
                code: diagnostic.code,
                name: names.get(diagnostic.code).copied().unwrap_or(""),
                level: Level::of(diagnostic.severity),
                group: FindingGroup::of(diagnostic.code),
                file,
                line,
                column,
                message: diagnostic.message.clone(),
                help: diagnostic.help.clone(),
            }
        };
        let resolved: Vec<Finding> = analysis.diagnostics.par_iter().map(resolve).collect();
        let mut per_feature: Vec<Vec<Finding>> = vec![Vec::new(); features.len()];
        let mut other_findings = Vec::new();
        for (finding, owner) in resolved.into_iter().zip(&analysis.owners) {
            match owner.and_then(|index| per_feature.get_mut(index)) {
                Some(findings) => findings.push(finding),
                None => other_findings.push(finding),
            }
        }
        let focus = |index: usize| features.get(index).is_some_and(|feature| feature.focus);
        let summary = Summary::of(analysis, features, &other_findings);
        let features = features
            .iter()
            .zip(per_feature)
            .enumerate()
            .filter(|(_, (input, _))| input.focus)
            .map(|(index, (input, findings))| FeatureReport {
                feature: input.dir_name.to_string(),
                number: input.number.to_string(),
                slug: input.slug.to_string(),
                documents: input
                    .files
                    .iter()
                    .map(|(_, path)| (*path).to_string())
                    .collect(),
                score: analysis.scores[index],
                coverage: analysis
                    .coverage
                    .get_mut(index)
                    .map(std::mem::take)
                    .unwrap_or_default(),
                findings,
            })
            .collect();
        AnalysisReport {
            report_version: REPORT_VERSION,
            tool_version: tool_version.to_string(),
            score: Overall::of(
                &analysis
                    .scores
                    .iter()
                    .enumerate()
                    .filter(|(index, _)| focus(*index))
                    .map(|(_, score)| *score)
                    .collect::<Vec<_>>(),
            ),
            summary,
            features,
            other_findings,
        }
    }
}

impl Summary {
    fn of(
        analysis: &Analysis,
        features: &[FeatureInput<'_>],
        other_findings: &[Finding],
    ) -> Summary {
        let focus = |index: usize| features.get(index).is_some_and(|feature| feature.focus);
        let mut summary = Summary {
            features: features.iter().filter(|feature| feature.focus).count(),
            ..Summary::default()
        };
        let count = |kind: DocKind| {
            features
                .iter()
                .zip(&analysis.sources)
                .filter(|(feature, sources)| {
                    feature.focus && sources.iter().any(|source| source.kind == kind)
                })
                .count()
        };
        summary.specs = count(DocKind::Spec);
        summary.plans = count(DocKind::Plan);
        summary.task_lists = count(DocKind::Tasks);
        for (_, coverage) in analysis
            .coverage
            .iter()
            .enumerate()
            .filter(|(index, _)| focus(*index))
        {
            summary.requirements += coverage.requirements.len();
            if let Some((covered, traced)) = coverage.task_coverage() {
                summary.requirements_with_tasks += covered;
                summary.requirements_traced += traced;
            }
        }
        summary.tasks = (0..features.len())
            .filter(|index| focus(*index))
            .map(|index| analysis.task_counts[index])
            .sum();
        for (_, score) in analysis
            .scores
            .iter()
            .enumerate()
            .filter(|(index, _)| focus(*index))
        {
            summary.critical += score.critical;
            summary.warning += score.warning;
            summary.suggestion += score.suggestion;
        }
        for finding in other_findings {
            match finding.level {
                Level::Critical => summary.critical += 1,
                Level::Warning => summary.warning += 1,
                Level::Suggestion => summary.suggestion += 1,
            }
        }
        summary
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cross_rule_has_a_group() {
        for rule in registry::all() {
            let meta = rule.meta();
            if meta.target.is_cross() {
                assert!(
                    GROUPS.iter().any(|(code, _)| *code == meta.code),
                    "{} has no report group",
                    meta.code
                );
            }
        }
    }
}
