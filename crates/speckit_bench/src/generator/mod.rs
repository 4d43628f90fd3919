//! A generator of large, realistic synthetic workspaces for benchmarks.
//!
//! [`write_workspace`] writes the constitution(s) and `N` feature folders,
//! each with a `spec.md`, `plan.md` and `tasks.md` of about 15, 25 and 20 KB,
//! shaped like real documents of either layout: spec-kit (FORMATS.md
//! §B.4–B.6) or the Claude plugin (§C.1–C.3). Output depends only on the
//! seed: feature `k` is the same whatever `N` is, and all prose is produced
//! from the word lists in this module (no real document text).
//!
//! This module must not parse documents; tests do that through `speckit`.

mod code;
mod constitution;
mod plugin;
mod rng;
mod spec_kit;
mod text;
mod words;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
pub use speckit::workspace::Layout;

use self::rng::Rng;
use self::text::Date;
use self::words::{PEOPLE, PROJECTS, Topic};

/// Which layout the generated features use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LayoutChoice {
    /// GitHub spec-kit: `.specify/` and `specs/NNN-slug/`.
    Speckit,
    /// The Claude plugin: `.claude/spec-kit/specs/NNN-slug/`.
    Plugin,
    /// Odd-numbered features spec-kit, even-numbered plugin.
    Mixed,
}

impl LayoutChoice {
    /// The layout of feature `number` (1-based).
    pub fn layout_of(self, number: usize) -> Layout {
        let speckit = match self {
            LayoutChoice::Speckit => true,
            LayoutChoice::Plugin => false,
            LayoutChoice::Mixed => number % 2 == 1,
        };
        if speckit {
            Layout::Speckit
        } else {
            Layout::Plugin
        }
    }

    fn layouts(self) -> &'static [Layout] {
        match self {
            LayoutChoice::Speckit => &[Layout::Speckit],
            LayoutChoice::Plugin => &[Layout::Plugin],
            LayoutChoice::Mixed => &[Layout::Speckit, Layout::Plugin],
        }
    }
}

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub features: usize,
    pub layout: LayoutChoice,
    pub seed: u64,
}

/// Target sizes in bytes; each document lands within a few percent of its
/// target, which itself varies by ±10 % per feature.
pub const SPEC_BYTES: usize = 15_000;
pub const PLAN_BYTES: usize = 25_000;
pub const TASKS_BYTES: usize = 20_000;

/// The documents of one generated feature.
#[derive(Clone, Debug)]
pub struct GeneratedFeature {
    pub layout: Layout,
    /// The folder, relative to the workspace root (`specs/007-invoice-export`).
    pub dir: String,
    pub spec: String,
    pub plan: String,
    pub tasks: String,
    /// User stories written in the spec.
    pub n_stories: usize,
    /// Tasks written in the tasks document.
    pub n_tasks: usize,
}

/// Everything that every document of a feature shares.
pub(crate) struct Context {
    pub(crate) dir_name: String,
    pub(crate) topic: Topic,
    pub(crate) created: Date,
    pub(crate) updated: Date,
    pub(crate) author: &'static str,
}

/// The project name used by constitutions.
fn project(seed: u64) -> &'static str {
    Rng::derive(seed, 0xF00D).pick(PROJECTS)
}

/// Generates feature `number` (1-based) in `layout`.
pub fn generate_feature(seed: u64, number: usize, layout: Layout) -> GeneratedFeature {
    let feature_seed = Rng::derive(seed, number as u64).next_u64();
    let mut rng = Rng::derive(feature_seed, 1);
    let topic = Topic::new(&mut rng);
    let created = Date::random(&mut rng);
    let cx = Context {
        dir_name: format!("{number:03}-{}", topic.slug),
        created,
        updated: created.later(&mut rng, 40),
        author: rng.pick(PEOPLE),
        topic,
    };
    let spec_target = rng.jitter(SPEC_BYTES, 10);
    let plan_target = rng.jitter(PLAN_BYTES, 10);
    let tasks_target = rng.jitter(TASKS_BYTES, 10);
    let mut spec_rng = Rng::derive(feature_seed, 2);
    let mut plan_rng = Rng::derive(feature_seed, 3);
    let mut tasks_rng = Rng::derive(feature_seed, 4);
    let (spec, plan, tasks, n_stories, n_tasks) = match layout {
        Layout::Speckit => {
            let (spec, stories) = spec_kit::spec::spec(&mut spec_rng, &cx, spec_target);
            let plan = spec_kit::plan::plan(&mut plan_rng, &cx, plan_target);
            let (tasks, n_tasks) =
                spec_kit::tasks::tasks(&mut tasks_rng, &cx, &stories, tasks_target);
            (spec, plan, tasks, stories.len(), n_tasks)
        }
        Layout::Plugin => {
            let (spec, n_stories) = plugin::spec::spec(&mut spec_rng, &cx, spec_target);
            let plan = plugin::plan::plan(&mut plan_rng, &cx, plan_target);
            let (tasks, n_tasks) = plugin::tasks::tasks(&mut tasks_rng, &cx, tasks_target);
            (spec, plan, tasks, n_stories, n_tasks)
        }
    };
    GeneratedFeature {
        dir: format!("{}/{}", layout.default_specs_dir(), cx.dir_name),
        layout,
        spec,
        plan,
        tasks,
        n_stories,
        n_tasks,
    }
}

/// The constitution of `layout`: its path relative to the root, and its text.
pub fn generate_constitution(seed: u64, layout: Layout) -> (&'static str, String) {
    let text = match layout {
        Layout::Speckit => constitution::speckit(seed, project(seed)),
        Layout::Plugin => constitution::plugin(seed, project(seed)),
    };
    (layout.constitution_path(), text)
}

/// A failure to write the workspace.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GenerateError {
    #[error("{path} is not empty (pass --force to write into it anyway)")]
    NotEmpty { path: PathBuf },
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// What [`write_workspace`] wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub features: usize,
    pub files: usize,
    pub bytes: u64,
}

/// Writes a complete workspace under `root`. Refuses a non-empty `root`
/// unless `force` is set; with `force`, files are overwritten and other
/// files are left alone.
pub fn write_workspace(
    root: &Path,
    options: &Options,
    force: bool,
) -> Result<Summary, GenerateError> {
    let has_entries = match std::fs::read_dir(root) {
        Ok(mut entries) => entries.next().is_some(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => false,
        Err(source) => {
            return Err(GenerateError::Write {
                path: root.to_path_buf(),
                source,
            });
        }
    };
    if has_entries && !force {
        return Err(GenerateError::NotEmpty {
            path: root.to_path_buf(),
        });
    }

    let mut summary = Summary::default();
    for &layout in options.layout.layouts() {
        let (path, text) = generate_constitution(options.seed, layout);
        write_file(&root.join(path), &text)?;
        summary.files += 1;
        summary.bytes += text.len() as u64;
    }
    let bytes = (1..=options.features)
        .into_par_iter()
        .map(|number| {
            let feature = generate_feature(options.seed, number, options.layout.layout_of(number));
            let dir = root.join(&feature.dir);
            let mut bytes = 0;
            for (name, text) in [
                ("spec.md", &feature.spec),
                ("plan.md", &feature.plan),
                ("tasks.md", &feature.tasks),
            ] {
                write_file(&dir.join(name), text)?;
                bytes += text.len() as u64;
            }
            Ok(bytes)
        })
        .collect::<Result<Vec<u64>, GenerateError>>()?;
    summary.features = options.features;
    summary.files += 3 * options.features;
    summary.bytes += bytes.iter().sum::<u64>();
    Ok(summary)
}

fn write_file(path: &Path, text: &str) -> Result<(), GenerateError> {
    let error = |source| GenerateError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(error)?;
    }
    std::fs::write(path, text).map_err(error)
}

#[cfg(test)]
mod tests;
