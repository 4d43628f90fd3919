//! Reading and parsing a workspace's documents, in parallel.

use std::path::Path;

use rayon::prelude::*;
use speckit_diagnostics::FileId;
use speckit_model::{Document, Model};
use speckit_workspace::{Feature, Workspace, WorkspaceError, fs};

/// A failure to load: the workspace could not be found or a file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
}

/// Opens the workspace at `root` (as `--root` does), or discovers it by
/// walking up from `cwd`.
pub fn open_workspace(root: Option<&Path>, cwd: &Path) -> Result<Workspace, LoadError> {
    Ok(match root {
        Some(root) => Workspace::open(root)?,
        None => Workspace::discover(cwd)?,
    })
}

/// The parsed Markdown documents of one feature.
#[derive(Debug)]
pub struct FeatureDocuments<'w> {
    pub feature: &'w Feature,
    pub documents: Vec<Document>,
}

/// Reads and parses every Markdown document of `feature`, in parallel.
/// File ids are indices into the feature's document list.
pub fn load_feature<'w>(
    workspace: &Workspace,
    feature: &'w Feature,
) -> Result<FeatureDocuments<'w>, LoadError> {
    let paths: Vec<&str> = feature
        .documents
        .iter()
        .filter(|entry| entry.markdown)
        .map(|entry| entry.path.as_str())
        .collect();
    let documents = paths
        .par_iter()
        .enumerate()
        .map(|(index, path)| {
            read_document(
                workspace,
                FileId(u32::try_from(index).unwrap_or(u32::MAX)),
                path,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(FeatureDocuments { feature, documents })
}

/// Every Markdown file of the workspace that speckit reads: the constitution
/// of each layout, then every feature's documents, in a stable order.
pub fn workspace_files(workspace: &Workspace) -> Vec<&str> {
    let mut files: Vec<&str> = workspace
        .layouts
        .iter()
        .filter_map(|layout| layout.constitution.as_deref())
        .collect();
    for feature in &workspace.features {
        files.extend(
            feature
                .documents
                .iter()
                .filter(|entry| entry.markdown)
                .map(|entry| entry.path.as_str()),
        );
    }
    files
}

fn read_document(workspace: &Workspace, file: FileId, path: &str) -> Result<Document, LoadError> {
    let bytes = fs::read_file(&workspace.path(path))?;
    Ok(Document::parse(file, path, bytes))
}

/// Reads, parses and models every workspace file in parallel, handing each
/// document and its model to `visit` on the thread that parsed it (so the
/// text is still in cache). Results come back in [`workspace_files`] order;
/// the file id of each document is its index in that order.
pub fn scan_workspace<T, F>(workspace: &Workspace, visit: F) -> Result<Vec<T>, LoadError>
where
    T: Send,
    F: Fn(&Document, Model<'_>) -> T + Sync,
{
    let files = workspace_files(workspace);
    files
        .par_iter()
        // A file per job: no run of files is left to one core at the end.
        .with_max_len(1)
        .enumerate()
        .map(|(index, path)| {
            let document = read_document(
                workspace,
                FileId(u32::try_from(index).unwrap_or(u32::MAX)),
                path,
            )?;
            let model = document.model();
            Ok(visit(&document, model))
        })
        .collect()
}
