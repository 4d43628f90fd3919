//! `analyze` over a workspace: every document of every feature (and each
//! layout's constitution) is read and parsed in parallel, then handed to
//! `speckit_analyze`, which runs the cross-document rules and scores.

use rayon::prelude::*;
use speckit_analyze::{AnalysisReport, FeatureInput};
use speckit_diagnostics::{Diagnostic, FileId};
use speckit_model::Document;
use speckit_render::{Report, RuleInfo, SourceFile};
use speckit_workspace::{FeatureNumber, Workspace, fs};

use crate::check::{CheckError, CheckOptions, WorkspaceFiles, settings};

/// The result of `analyze`: the files read, the findings (for the `check`
/// formats) and the report (for Markdown and JSON).
#[derive(Debug)]
pub struct AnalyzeRun {
    pub documents: Vec<Document>,
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
    // Every path read, in a stable order: constitutions, then features.
    let constitution_paths: Vec<&str> = workspace
        .layouts
        .iter()
        .filter_map(|layout| layout.constitution.as_deref())
        .collect();
    let mut paths: Vec<&str> = constitution_paths.clone();
    let mut ranges = Vec::with_capacity(workspace.features.len());
    for feature in &workspace.features {
        let start = paths.len();
        paths.extend(
            feature
                .documents
                .iter()
                .filter(|entry| entry.markdown)
                .map(|entry| entry.path.as_str()),
        );
        ranges.push(start..paths.len());
    }
    let documents: Vec<Document> = paths
        .par_iter()
        .enumerate()
        .map(|(index, path)| {
            let bytes = fs::read_file(&workspace.path(path))?;
            Ok(Document::parse(
                FileId(u32::try_from(index).unwrap_or(u32::MAX)),
                *path,
                bytes,
            ))
        })
        .collect::<Result<_, speckit_workspace::WorkspaceError>>()?;
    let constitutions: Vec<&Document> = documents[..constitution_paths.len()].iter().collect();
    let inputs: Vec<FeatureInput<'_>> = workspace
        .features
        .iter()
        .zip(&ranges)
        .zip(&focus)
        .map(|((feature, range), focus)| FeatureInput {
            dir_name: &feature.dir_name,
            number: &feature.number,
            number_value: match feature.number_value {
                FeatureNumber::Sequential(value) => Some(value),
                FeatureNumber::Timestamp(_) => None,
            },
            slug: &feature.slug,
            documents: documents[range.clone()].iter().collect(),
            constitution: workspace
                .layouts
                .iter()
                .filter(|layout| layout.constitution.is_some())
                .position(|layout| layout.layout == feature.layout),
            focus: *focus,
        })
        .collect();
    let mut analysis = speckit_analyze::analyze(
        &inputs,
        &constitutions,
        &settings,
        &WorkspaceFiles::new(workspace),
    );
    let all: Vec<&Document> = documents.iter().collect();
    let report = AnalysisReport::new(&mut analysis, &inputs, &all, env!("CARGO_PKG_VERSION"));
    drop(inputs);
    Ok(AnalyzeRun {
        diagnostics: analysis.diagnostics,
        documents,
        report,
    })
}

impl AnalyzeRun {
    /// The report as pretty JSON with a final newline; its features (most
    /// of a large report) are serialised on all cores.
    pub fn report_json(&mut self) -> serde_json::Result<String> {
        let features = std::mem::take(&mut self.report.features);
        let text = speckit_render::pretty_json_with_array(&self.report, "features", &features);
        self.report.features = features;
        text
    }

    /// The files for the `check` renderers.
    pub fn source_files(&self) -> Vec<SourceFile<'_>> {
        self.documents
            .iter()
            .map(|document| SourceFile::new(&document.path, &document.text))
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
