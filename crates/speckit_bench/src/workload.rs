//! The workloads the benchmarks time, plus the sub-steps used to explain
//! where time goes.
//!
//! - [`floor`]: walk the tree, read every `.md` file and run one bare
//!   pulldown-cmark pass with offsets over it, in parallel. Nothing speckit
//!   does can be faster than this, since speckit builds on that very pass.
//! - [`model`]: what a front end does: discover the workspace, then read,
//!   parse and build the typed model of every file.
//! - [`check`] and [`analyze`]: the two commands, all rules on, through the
//!   library; [`command`] runs the `speckit` binary itself, for process wall
//!   time.
//!
//! Both use rayon's global pool (all cores unless `RAYON_NUM_THREADS` says
//! otherwise). Nothing here may change speckit's behaviour; it only calls it.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use pulldown_cmark::Parser;
use rayon::prelude::*;
use speckit::LoadError;
use speckit::diagnostics::FileId;
use speckit::md::{Builder, MdTree};
use speckit::model::{Document, Model};
use speckit::workspace::Workspace;

/// A failure while running a workload.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WorkloadError {
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("{0}")]
    Command(String),
}

/// Counts from one run, so that every result is used and runs can be
/// compared with each other.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub bytes: u64,
    /// Events (floor) or model items (model) seen.
    pub items: u64,
}

impl std::iter::Sum for Totals {
    fn sum<I: Iterator<Item = Totals>>(iter: I) -> Totals {
        iter.fold(Totals::default(), |acc, totals| Totals {
            files: acc.files + totals.files,
            bytes: acc.bytes + totals.bytes,
            items: acc.items + totals.items,
        })
    }
}

/// Every `.md` file under `root`, hidden folders included, sorted.
pub fn markdown_files(root: &Path) -> Result<Vec<PathBuf>, WorkloadError> {
    let mut files = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let read_error = |source| WorkloadError::Read {
            path: dir.clone(),
            source,
        };
        for entry in std::fs::read_dir(&dir).map_err(read_error)? {
            let entry = entry.map_err(read_error)?;
            let file_type = entry.file_type().map_err(read_error)?;
            let path = entry.path();
            if file_type.is_dir() {
                pending.push(path);
            } else if file_type.is_file() && path.extension().is_some_and(|ext| ext == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn read_text(path: &Path) -> Result<String, WorkloadError> {
    let bytes = std::fs::read(path).map_err(|source| WorkloadError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    // Generated workspaces are UTF-8; a lossy decode keeps the floor honest
    // for other trees without failing.
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()))
}

/// One bare pulldown-cmark pass with offsets, with speckit's options.
pub fn pulldown_pass(text: &str) -> u64 {
    let mut events = 0u64;
    let mut last_end = 0usize;
    for (event, range) in Parser::new_ext(text, speckit::md::parser_options()).into_offset_iter() {
        black_box(&event);
        events += 1;
        last_end = last_end.max(range.end);
    }
    black_box(last_end);
    events
}

fn floor_files(paths: &[PathBuf]) -> Result<Totals, WorkloadError> {
    paths
        .par_iter()
        .map(|path| {
            let text = read_text(path)?;
            let events = black_box(pulldown_pass(&text));
            Ok(Totals {
                files: 1,
                bytes: text.len() as u64,
                items: events,
            })
        })
        .sum()
}

/// The floor: walk, read and run one pulldown-cmark pass per file.
pub fn floor(root: &Path) -> Result<Totals, WorkloadError> {
    floor_files(&markdown_files(root)?)
}

/// A count from each typed model, so that building it cannot be skipped.
pub fn model_items(model: &Model<'_>) -> u64 {
    let count = match model {
        Model::Tasks(tasks) => tasks.tasks.len() + tasks.phases.len() + tasks.outline.len(),
        Model::Spec(spec) => spec.outline.len() + spec.metadata.len(),
        Model::Plan(plan) => plan.outline.len() + plan.metadata.len(),
        Model::Constitution(constitution) => constitution.outline.len(),
        Model::Checklist(checklist) => checklist.outline.len(),
        Model::Other { outline } => outline.len(),
    };
    count as u64
}

fn model_of(workspace: &Workspace) -> Result<Totals, WorkloadError> {
    let per_file = speckit::scan_workspace(workspace, |document, model| Totals {
        files: 1,
        bytes: document.text.len() as u64,
        items: black_box(model_items(&model)),
    })?;
    Ok(per_file.into_iter().sum())
}

/// The full model: discovery, then read, parse and model every file.
pub fn model(root: &Path) -> Result<Totals, WorkloadError> {
    let workspace = speckit::open_workspace(Some(root), root)?;
    model_of(&workspace)
}

/// `speckit check` of the whole workspace, every rule on.
pub fn check(root: &Path) -> Result<Totals, WorkloadError> {
    let workspace = speckit::open_workspace(Some(root), root)?;
    let run = speckit::check::check_workspace(&workspace, &speckit::check::CheckOptions::default())
        .map_err(|error| WorkloadError::Command(error.to_string()))?;
    Ok(Totals {
        files: run.files.len(),
        bytes: run.files.iter().map(|file| file.len as u64).sum(),
        items: black_box(run.diagnostics.len()) as u64,
    })
}

/// `speckit analyze` of the whole workspace, every rule on.
pub fn analyze(root: &Path) -> Result<Totals, WorkloadError> {
    let workspace = speckit::open_workspace(Some(root), root)?;
    let run =
        speckit::analyze::analyze_workspace(&workspace, &speckit::check::CheckOptions::default())
            .map_err(|error| WorkloadError::Command(error.to_string()))?;
    Ok(Totals {
        files: run.sources.len(),
        bytes: run
            .sources
            .iter()
            .map(|source| source.text.len() as u64)
            .sum(),
        items: black_box(run.diagnostics.len()) as u64,
    })
}

/// Runs the `speckit` binary at `binary` with `args` and `--root root`,
/// output discarded: the process wall time of a command. Exit codes 0 and 1
/// (findings) are success.
pub fn command(binary: &Path, root: &Path, args: &[&str]) -> Result<Totals, WorkloadError> {
    let status = std::process::Command::new(binary)
        .args(args)
        .arg("--root")
        .arg(root)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|source| WorkloadError::Read {
            path: binary.to_path_buf(),
            source,
        })?;
    match status.code() {
        Some(0 | 1) => Ok(Totals::default()),
        _ => Err(WorkloadError::Command(format!(
            "{} {} exited with {status}",
            binary.display(),
            args.join(" ")
        ))),
    }
}

/// One step of [`model`], timed on its own by [`Step::run`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// `open_workspace` only: find layouts and list features.
    Discover,
    /// Read the files speckit reads, in parallel.
    Read,
    /// Read + one pulldown-cmark pass over the same files (floor without the walk).
    Pulldown,
    /// Read + the lossless tree built by pulldown-cmark alone (the fast
    /// scanner off), for comparison with [`Step::Tree`].
    PulldownTree,
    /// Read + `Document::parse` (lossless tree, sections, kind), no model.
    Tree,
    /// Read + parse + typed model (`scan_workspace`), no discovery.
    Model,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Discover,
        Step::Read,
        Step::Pulldown,
        Step::PulldownTree,
        Step::Tree,
        Step::Model,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Step::Discover => "discover",
            Step::Read => "read",
            Step::Pulldown => "read+pulldown",
            Step::PulldownTree => "read+tree (pulldown only)",
            Step::Tree => "read+tree",
            Step::Model => "read+tree+model",
        }
    }

    /// Runs the step over an already discovered workspace (except
    /// [`Step::Discover`], which discovers it again).
    pub fn run(self, workspace: &Workspace) -> Result<Totals, WorkloadError> {
        let paths: Vec<PathBuf> = speckit::workspace_files(workspace)
            .into_iter()
            .map(|path| workspace.path(path))
            .collect();
        match self {
            Step::Discover => {
                let again = speckit::open_workspace(Some(&workspace.root), &workspace.root)?;
                Ok(Totals {
                    files: speckit::workspace_files(&again).len(),
                    ..Totals::default()
                })
            }
            Step::Read => paths
                .par_iter()
                .map(|path| {
                    let text = read_text(path)?;
                    Ok(Totals {
                        files: 1,
                        bytes: black_box(text.len()) as u64,
                        items: 0,
                    })
                })
                .sum(),
            Step::Pulldown => floor_files(&paths),
            Step::PulldownTree => paths
                .par_iter()
                .map(|path| {
                    let text = read_text(path)?;
                    let tree = MdTree::parse_with(&text, Builder::Pulldown);
                    Ok(Totals {
                        files: 1,
                        bytes: text.len() as u64,
                        items: black_box(tree.map_or(0, |tree| tree.nodes().len())) as u64,
                    })
                })
                .sum(),
            Step::Tree => paths
                .par_iter()
                .map(|path| {
                    let bytes = std::fs::read(path).map_err(|source| WorkloadError::Read {
                        path: path.clone(),
                        source,
                    })?;
                    let document =
                        Document::parse(FileId::default(), path.display().to_string(), bytes);
                    Ok(Totals {
                        files: 1,
                        bytes: document.text.len() as u64,
                        items: black_box(document.tree.sections().len()) as u64,
                    })
                })
                .sum(),
            Step::Model => model_of(workspace),
        }
    }
}
