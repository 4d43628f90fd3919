//! `check` over a workspace: every document of every feature (and each
//! layout's constitution) is parsed, modelled and linted, features in
//! parallel; `--fix` applies safe fixes as lossless edits.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Mutex, MutexGuard, PoisonError};

use rayon::prelude::*;
use speckit_diagnostics::{Diagnostic, FileId, Severity, sort_diagnostics};
use speckit_model::{Document, Model};
use speckit_render::{Excerpts, Report, RuleInfo, SourceFile};
use speckit_rules::{
    FeatureView, FileOracle, Layer, LintSettings, Written, check_document, registry,
};
use speckit_text::{Edit, Span};
use speckit_workspace::{CONFIG_FILE, Feature, Spanned, Workspace, fs};

use crate::load::LoadError;

/// Settings of one run, on top of `speckit.toml`.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Extra selectors (`--select`); they extend the configuration's.
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    /// Only these features (all when empty).
    pub features: Vec<String>,
    /// Keep the lines findings point into, for the human format; without
    /// them a run keeps only the positions the other formats print.
    pub source_lines: bool,
}

/// The result of a run: the files read (in file-id order) and the findings.
#[derive(Debug)]
pub struct CheckRun {
    pub files: Vec<CheckedFile>,
    /// `speckit.toml`, when a problem was found in it (its file id is
    /// `files.len()`).
    pub config: Option<(String, String)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A file `check` read: what renderers and fixes need once the rules have
/// run. Its parsed tree and model are dropped by then, and so is its text
/// unless a safe fix may rewrite it: renderers get the lines findings point
/// into (or, for formats that show no source, only their positions), which
/// keeps a large run's memory far below the size of its text.
#[derive(Debug)]
pub struct CheckedFile {
    /// Workspace-relative path.
    pub path: String,
    /// Length of the text in bytes.
    pub len: usize,
    /// The whole text, kept when the file has a safe fix.
    pub text: Option<String>,
    /// The lines findings point into, or only their positions (empty when
    /// `text` is kept).
    pub excerpts: Excerpts,
    /// The file is not valid UTF-8: the text is a lossy decoding, never
    /// written back.
    pub lossy: bool,
}

impl CheckedFile {
    /// Keeps what renderers and fixes need of `document`, given the
    /// findings of its unit.
    fn keep(
        document: Document,
        id: FileId,
        diagnostics: &[Diagnostic],
        source_lines: bool,
    ) -> Self {
        let lossy = document.is_lossy();
        let len = document.text.len();
        let fixable = diagnostics
            .iter()
            .any(|diagnostic| diagnostic.file == id && diagnostic.safe_fix().is_some());
        if fixable {
            return CheckedFile {
                path: document.path,
                len,
                text: Some(document.text),
                excerpts: Excerpts::default(),
                lossy,
            };
        }
        let excerpts = if source_lines {
            Excerpts::of_findings(&document.text, id, diagnostics)
        } else {
            Excerpts::positions_of_findings(&document.text, id, diagnostics)
        };
        CheckedFile {
            excerpts,
            path: document.path,
            len,
            text: None,
            lossy,
        }
    }
}

/// A configuration that cannot be used at all (bad severity, bad glob).
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CheckError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Workspace(#[from] speckit_workspace::WorkspaceError),
}

/// Files of the workspace for rules that look paths up: the documents found
/// by discovery are known to exist; other paths are looked up once each.
pub(crate) struct WorkspaceFiles<'w> {
    workspace: &'w Workspace,
    documents: HashSet<&'w str>,
    looked_up: Mutex<HashMap<String, bool>>,
}

impl<'w> WorkspaceFiles<'w> {
    pub(crate) fn new(workspace: &'w Workspace) -> Self {
        let documents = workspace
            .features
            .iter()
            .flat_map(|feature| &feature.documents)
            .map(|entry| entry.path.as_str())
            .chain(
                workspace
                    .layouts
                    .iter()
                    .filter_map(|layout| layout.constitution.as_deref()),
            )
            .collect();
        WorkspaceFiles {
            workspace,
            documents,
            looked_up: Mutex::default(),
        }
    }

    fn looked_up(&self) -> MutexGuard<'_, HashMap<String, bool>> {
        self.looked_up
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

impl FileOracle for WorkspaceFiles<'_> {
    fn exists(&self, path: &str) -> bool {
        if path.is_empty() {
            return false;
        }
        if self.documents.contains(path) {
            return true;
        }
        if let Some(&known) = self.looked_up().get(path) {
            return known;
        }
        let exists = self.workspace.root.join(path).exists();
        self.looked_up().insert(path.to_string(), exists);
        exists
    }
}

fn written(value: &Spanned<String>) -> Written<'_> {
    Written {
        value: value.get_ref(),
        span: Some(Span::from_range(value.span())),
    }
}

/// Builds the lint settings from `speckit.toml` and the options; unknown
/// codes become S003 findings on `speckit.toml`, unusable values an error.
pub(crate) fn settings(
    workspace: &Workspace,
    options: &CheckOptions,
) -> Result<(LintSettings, Vec<(Span, String)>), ConfigError> {
    let lint = &workspace.config.lint;
    let mut problems = Vec::new();
    let global = Layer::new(
        lint.select.iter().map(written),
        lint.ignore.iter().map(written),
        lint.severity
            .iter()
            .map(|(code, level)| (written(code), written(level))),
        &mut problems,
    );
    let mut settings = LintSettings::new(global);
    for entry in &lint.per_path {
        let layer = Layer::new(
            entry.select.iter().map(written),
            entry.ignore.iter().map(written),
            entry
                .severity
                .iter()
                .map(|(code, level)| (written(code), written(level))),
            &mut problems,
        );
        settings.add_path_layer(written(&entry.path), layer, &mut problems);
    }
    settings.extend_global(&options.select, &options.ignore);
    let text = workspace.config.text.as_deref().unwrap_or("");
    let mut unknown = Vec::new();
    for problem in problems {
        let span = problem.span.unwrap_or_default();
        if problem.message.starts_with("unknown rule code") {
            unknown.push((span, problem.message));
        } else {
            let index = speckit_text::LineIndex::new(text);
            let at = index.line_col(text, span.start);
            return Err(ConfigError {
                path: CONFIG_FILE.to_string(),
                line: at.line,
                column: at.column,
                message: problem.message,
            });
        }
    }
    Ok((settings, unknown))
}

/// Runs `check` over the workspace (or the features of `options`).
pub fn check_workspace(
    workspace: &Workspace,
    options: &CheckOptions,
) -> Result<CheckRun, CheckError> {
    let (settings, config_problems) = settings(workspace, options)?;
    let features: Vec<&Feature> = if options.features.is_empty() {
        workspace.features.iter().collect()
    } else {
        options
            .features
            .iter()
            .map(|reference| speckit_workspace::resolve::find_feature(workspace, reference))
            .collect::<Result<_, _>>()?
    };
    // Units checked together: each constitution alone, then each feature.
    let mut units: Vec<Vec<&str>> = Vec::new();
    if options.features.is_empty() {
        units.extend(
            workspace
                .layouts
                .iter()
                .filter_map(|layout| layout.constitution.as_deref())
                .map(|path| vec![path]),
        );
    }
    for feature in &features {
        units.push(
            feature
                .documents
                .iter()
                .filter(|entry| entry.markdown)
                .map(|entry| entry.path.as_str())
                .collect(),
        );
    }
    let mut next_id = 0u32;
    let numbered: Vec<Vec<(FileId, &str)>> = units
        .iter()
        .map(|paths| {
            paths
                .iter()
                .map(|path| {
                    let id = FileId(next_id);
                    next_id += 1;
                    (id, *path)
                })
                .collect()
        })
        .collect();
    let oracle = WorkspaceFiles::new(workspace);
    let results: Vec<(Vec<CheckedFile>, Vec<Diagnostic>)> = numbered
        .par_iter()
        // One unit per job, so that no run of units is left for one core
        // while the other idles (rayon splits adaptively otherwise).
        .with_max_len(1)
        .map(|unit| check_unit(workspace, unit, &oracle, &settings, options.source_lines))
        .collect::<Result<_, _>>()?;
    let mut files = Vec::with_capacity(next_id as usize);
    // Room for every finding at once: growing step by step would copy them
    // into fresh memory again and again.
    let mut diagnostics = Vec::with_capacity(
        results.iter().map(|(_, found)| found.len()).sum::<usize>() + config_problems.len(),
    );
    for (unit_files, unit_diagnostics) in results {
        files.extend(unit_files);
        diagnostics.extend(unit_diagnostics);
    }
    let config = if config_problems.is_empty() {
        None
    } else {
        let config_file = FileId(next_id);
        let code = speckit_rules::UNKNOWN_CODE_RULE;
        for (span, message) in config_problems {
            diagnostics.push(
                Diagnostic::new(
                    code,
                    Severity::Warning,
                    config_file,
                    span,
                    format!("{message} in {CONFIG_FILE}"),
                )
                .with_help("see `speckit rule --all` for the rule codes"),
            );
        }
        Some((
            CONFIG_FILE.to_string(),
            workspace.config.text.clone().unwrap_or_default(),
        ))
    };
    sort_diagnostics(&mut diagnostics);
    Ok(CheckRun {
        files,
        config,
        diagnostics,
    })
}

fn check_unit(
    workspace: &Workspace,
    unit: &[(FileId, &str)],
    oracle: &WorkspaceFiles<'_>,
    settings: &LintSettings,
    source_lines: bool,
) -> Result<(Vec<CheckedFile>, Vec<Diagnostic>), CheckError> {
    let documents: Vec<Document> = unit
        .iter()
        .map(|(id, path)| {
            Ok(Document::parse(
                *id,
                *path,
                fs::read_file(&workspace.path(path))?,
            ))
        })
        .collect::<Result<_, speckit_workspace::WorkspaceError>>()?;
    let models: Vec<Model<'_>> = documents.iter().map(Document::model).collect();
    let feature = FeatureView {
        documents: documents.iter().zip(models.iter()).collect(),
    };
    let mut diagnostics = Vec::new();
    for (document, model) in documents.iter().zip(&models) {
        let selection = settings.selection_for(&document.path);
        diagnostics.extend(check_document(
            document, model, &feature, oracle, &selection,
        ));
    }
    drop(feature);
    drop(models);
    // Sorted here, on all cores: units hold consecutive file ids, so the
    // run's final sort then finds its findings already in order.
    sort_diagnostics(&mut diagnostics);
    let files = documents
        .into_iter()
        .zip(unit)
        .map(|(document, (id, _))| CheckedFile::keep(document, *id, &diagnostics, source_lines))
        .collect();
    Ok((files, diagnostics))
}

impl CheckRun {
    /// The files for renderers, `speckit.toml` last when it has findings.
    pub fn source_files(&self) -> Vec<SourceFile<'_>> {
        let mut files: Vec<SourceFile<'_>> = self
            .files
            .iter()
            .map(|file| match &file.text {
                Some(text) => SourceFile::new(&file.path, text),
                None => SourceFile::excerpted(&file.path, &file.excerpts),
            })
            .collect();
        if let Some((path, text)) = &self.config {
            files.push(SourceFile::new(path, text));
        }
        files
    }

    /// Highest severity found, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.diagnostics
            .iter()
            .map(|diagnostic| diagnostic.severity)
            .max()
    }

    /// Safe fixes grouped per file, overlapping ones dropped (the first in
    /// document order wins; a later run picks the rest up).
    pub fn safe_edits(&self) -> BTreeMap<FileId, Vec<Edit>> {
        let mut per_file: BTreeMap<FileId, Vec<Edit>> = BTreeMap::new();
        for diagnostic in &self.diagnostics {
            let Some(fix) = diagnostic.safe_fix() else {
                continue;
            };
            let edits = per_file.entry(diagnostic.file).or_default();
            let overlaps = fix.edits.iter().any(|new| {
                edits.iter().any(|old| {
                    new.span.start < old.span.end && old.span.start < new.span.end
                        || new.span.start == old.span.start
                })
            });
            if !overlaps {
                edits.extend(fix.edits.iter().cloned());
            }
        }
        per_file.retain(|_, edits| !edits.is_empty());
        per_file
    }
}

/// Metadata of every rule, for renderers.
pub fn rule_infos() -> Vec<RuleInfo<'static>> {
    registry::all()
        .iter()
        .map(|rule| {
            let meta = rule.meta();
            RuleInfo {
                code: meta.code,
                name: meta.name,
                summary: meta.summary,
                docs: meta.docs,
                severity: meta.severity,
            }
        })
        .collect()
}

/// A report over a run, for the renderers.
pub fn report<'a>(
    run: &'a CheckRun,
    files: &'a [SourceFile<'a>],
    rules: &'a [RuleInfo<'a>],
) -> Report<'a> {
    Report {
        files,
        diagnostics: &run.diagnostics,
        rules,
        version: env!("CARGO_PKG_VERSION"),
    }
}

/// What `--fix` or `--diff` would change in one file.
#[derive(Debug)]
pub struct FileChange {
    pub path: String,
    pub before: String,
    pub after: String,
    pub fixes: usize,
}

/// Computes the fixed text of each file with safe fixes (nothing written).
pub fn planned_fixes(run: &CheckRun) -> Vec<FileChange> {
    let mut changes = Vec::new();
    for (file, edits) in run.safe_edits() {
        let Some(checked) = run.files.get(file.0 as usize) else {
            continue;
        };
        let Some(text) = checked.text.as_ref().filter(|_| !checked.lossy) else {
            continue;
        };
        if let Ok(after) = speckit_text::apply_edits(text, &edits)
            && after != *text
        {
            changes.push(FileChange {
                path: checked.path.clone(),
                before: text.clone(),
                after,
                fixes: edits.len(),
            });
        }
    }
    changes
}

/// Writes planned fixes atomically; each file must be unchanged since it was read.
pub fn write_fixes(workspace: &Workspace, changes: &[FileChange]) -> Result<(), CheckError> {
    for change in changes {
        let path = workspace.path(&change.path);
        let _lock = fs::FileLock::acquire(&path)?;
        let current = fs::read_file(&path)?;
        if current != change.before.as_bytes() {
            return Err(speckit_workspace::WorkspaceError::Changed { path }.into());
        }
        fs::write_atomic(&path, change.after.as_bytes())?;
    }
    Ok(())
}

/// A unified diff of one change (`--diff`).
pub fn unified_diff(change: &FileChange) -> String {
    similar::TextDiff::from_lines(&change.before, &change.after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{}", change.path), &format!("b/{}", change.path))
        .to_string()
}
