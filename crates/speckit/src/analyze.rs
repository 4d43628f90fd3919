//! `analyze` over a workspace: each layout's constitution is read and parsed
//! up front; `speckit_analyze` reads the features' documents (through a
//! reader given here), runs the cross-document rules and scores.

use rayon::prelude::*;
use speckit_analyze::{AnalysisReport, FeatureInput, Source};
use speckit_diagnostics::{Diagnostic, FileId};
use speckit_model::Document;
use speckit_render::{Report, RuleInfo, SourceFile};
use speckit_workspace::{FeatureNumber, Workspace, fs};

use crate::check::{CheckError, CheckOptions, WorkspaceFiles, settings};

/// The result of `analyze`: the texts of the files read, the findings (for
/// the `check` formats) and the report (for Markdown and JSON).
#[derive(Debug)]
pub struct AnalyzeRun {
    /// Constitutions first, then each feature's documents, in id order.
    pub sources: Vec<Source>,
    pub diagnostics: Vec<Diagnostic>,
    pub report: AnalysisReport,
}

/// Runs `analyze` over the workspace, or over the features named in
/// `options.features` (the others still take part in cross-feature rules).
pub fn analyze_workspace(
    workspace: &Workspace,
    options: &CheckOptions,
) -> Result<AnalyzeRun, CheckError> {
    let (settings, _unknown_codes) = settings(workspace, options)?;
    let focus: Vec<bool> = if options.features.is_empty() {
        vec![true; workspace.features.len()]
    } else {
        let mut focus = vec![false; workspace.features.len()];
        for reference in &options.features {
            let feature = speckit_workspace::resolve::find_feature(workspace, reference)?;
            if let Some(index) = workspace
                .features
                .iter()
                .position(|candidate| std::ptr::eq(candidate, feature))
            {
                focus[index] = true;
            }
        }
        focus
    };
    // Every document gets its id from its place in one stable order:
    // constitutions, then features.
    let constitution_paths: Vec<&str> = workspace
        .layouts
        .iter()
        .filter_map(|layout| layout.constitution.as_deref())
        .collect();
    let read = |file: FileId, path: &str| -> Result<Document, speckit_workspace::WorkspaceError> {
        let bytes = fs::read_file(&workspace.path(path))?;
        Ok(Document::parse(file, path, bytes))
    };
    let file_id = |index: usize| FileId(u32::try_from(index).unwrap_or(u32::MAX));
    let constitutions: Vec<Document> = constitution_paths
        .par_iter()
        .enumerate()
        .map(|(index, path)| read(file_id(index), path))
        .collect::<Result<_, _>>()?;
    let mut next = constitutions.len();
    let inputs: Vec<FeatureInput<'_>> = workspace
        .features
        .iter()
        .zip(&focus)
        .map(|(feature, focus)| {
            let files: Vec<(FileId, &str)> = feature
                .documents
                .iter()
                .filter(|entry| entry.markdown)
                .map(|entry| {
                    next += 1;
                    (file_id(next - 1), entry.path.as_str())
                })
                .collect();
            FeatureInput {
                dir_name: &feature.dir_name,
                number: &feature.number,
                number_value: match feature.number_value {
                    FeatureNumber::Sequential(value) => Some(value),
                    FeatureNumber::Timestamp(_) => None,
                },
                slug: &feature.slug,
                files,
                constitution: workspace
                    .layouts
                    .iter()
                    .filter(|layout| layout.constitution.is_some())
                    .position(|layout| layout.layout == feature.layout),
                focus: *focus,
            }
        })
        .collect();
    let constitution_refs: Vec<&Document> = constitutions.iter().collect();
    let mut analysis = speckit_analyze::analyze(
        &inputs,
        &constitution_refs,
        &settings,
        &WorkspaceFiles::new(workspace),
        &read,
    )?;
    let constitutions: Vec<Source> = constitutions.into_iter().map(Source::from).collect();
    let report = AnalysisReport::new(
        &mut analysis,
        &inputs,
        &constitutions,
        env!("CARGO_PKG_VERSION"),
    );
    drop(inputs);
    let mut sources = constitutions;
    sources.extend(std::mem::take(&mut analysis.sources).into_iter().flatten());
    Ok(AnalyzeRun {
        diagnostics: analysis.diagnostics,
        sources,
        report,
    })
}

impl AnalyzeRun {
    /// Writes the report as pretty JSON with a final newline to `out`. Its
    /// features (most of a large report) are serialised on all cores and
    /// written a few at a time: the whole text (tens of megabytes for a
    /// large workspace) is never held at once.
    pub fn write_report_json(&mut self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let features = std::mem::take(&mut self.report.features);
        let written =
            speckit_render::write_json_with_array(&self.report, "features", &features, out);
        self.report.features = features;
        written
    }

    /// The files for the `check` renderers.
    pub fn source_files(&self) -> Vec<SourceFile<'_>> {
        self.sources
            .iter()
            .map(|source| SourceFile::new(&source.path, &source.text))
            .collect()
    }

    /// A `check`-style report of the findings (sarif, github, junit, human).
    pub fn check_report<'a>(
        &'a self,
        files: &'a [SourceFile<'a>],
        rules: &'a [RuleInfo<'a>],
    ) -> Report<'a> {
        Report {
            files,
            diagnostics: &self.diagnostics,
            rules,
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}
