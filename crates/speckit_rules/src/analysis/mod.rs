//! Cross-document analysis: what the `Feature` and `Workspace` rules of
//! `speckit analyze` see, the context they report into, and the machinery
//! they share — [`mention`] (does a document mention an item?) and
//! [`trace`] (requirement and story coverage of one feature).
//!
//! Besides findings, every analysis rule records how many items it
//! *evaluated*, weighted by its severity; the consistency score is the share
//! of evaluated weight that did not fail (see `speckit_analyze`).

pub(crate) mod bytes;
pub mod mention;
mod stems;
pub mod task_files;
pub mod trace;
pub mod workspace;

use std::sync::OnceLock;

use speckit_diagnostics::{Diagnostic, FileId, Severity};
use speckit_model::{Constitution, DocKind, Document, Model, Spec, TaskList, TaskStatus};
use speckit_text::Span;

use crate::rule::{FeatureView, FileOracle, Report, RuleMeta};
use crate::settings::Selection;

pub use task_files::TaskFiles;
pub use trace::Trace;
pub use workspace::{
    Anchor, Facts, FeatureDirectory, FeatureInfo, FeatureSummary, WorkspaceContext,
};

/// One feature as analysis rules see it.
pub struct AnalysisFeature<'a> {
    /// What is known of it before its documents are read: place, folder,
    /// number, slug, specs directory.
    pub info: FeatureInfo<'a>,
    /// The feature's documents (spec, plan, tasks, checklists, research…).
    pub view: FeatureView<'a>,
    /// The constitution of the feature's layout.
    pub constitution: Option<(&'a Document, &'a Constitution<'a>)>,
    trace: OnceLock<Trace>,
    tasks_lower: OnceLock<String>,
    plan_lower: OnceLock<String>,
    task_files: OnceLock<Option<TaskFiles>>,
    task_stories: OnceLock<Vec<Vec<u32>>>,
}

impl<'a> AnalysisFeature<'a> {
    pub fn new(
        info: FeatureInfo<'a>,
        view: FeatureView<'a>,
        constitution: Option<(&'a Document, &'a Constitution<'a>)>,
    ) -> Self {
        AnalysisFeature {
            info,
            view,
            constitution,
            trace: OnceLock::new(),
            tasks_lower: OnceLock::new(),
            plan_lower: OnceLock::new(),
            task_files: OnceLock::new(),
            task_stories: OnceLock::new(),
        }
    }

    /// The first document of `kind` with its model.
    pub fn document(&self, kind: DocKind) -> Option<(&'a Document, &'a Model<'a>)> {
        self.view
            .documents
            .iter()
            .copied()
            .find(|(document, _)| document.kind == kind)
    }

    pub fn spec(&self) -> Option<(&'a Document, &'a Spec<'a>)> {
        self.view
            .documents
            .iter()
            .find_map(|(document, model)| match model {
                Model::Spec(spec) => Some((*document, spec)),
                _ => None,
            })
    }

    pub fn plan(&self) -> Option<(&'a Document, &'a speckit_model::Plan<'a>)> {
        self.view
            .documents
            .iter()
            .find_map(|(document, model)| match model {
                Model::Plan(plan) => Some((*document, &**plan)),
                _ => None,
            })
    }

    pub fn tasks(&self) -> Option<(&'a Document, &'a TaskList<'a>)> {
        self.view
            .documents
            .iter()
            .find_map(|(document, model)| match model {
                Model::Tasks(tasks) => Some((*document, tasks)),
                _ => None,
            })
    }

    /// Requirement and story coverage, computed on first use.
    pub fn trace(&self) -> &Trace {
        self.trace.get_or_init(|| Trace::build(self))
    }

    /// The text of the tasks document with ASCII letters lower-cased (same
    /// byte offsets), computed on first use; empty without tasks.
    pub fn tasks_lower(&self) -> &str {
        self.tasks_lower.get_or_init(|| {
            self.tasks().map_or_else(String::new, |(document, _)| {
                document.text.to_ascii_lowercase()
            })
        })
    }

    /// The text of the plan with ASCII letters lower-cased (same byte
    /// offsets), computed on first use; empty without a plan.
    pub fn plan_lower(&self) -> &str {
        self.plan_lower.get_or_init(|| {
            self.plan().map_or_else(String::new, |(document, _)| {
                document.text.to_ascii_lowercase()
            })
        })
    }

    /// The file names tasks.md writes, computed on first use; `None`
    /// without tasks.
    pub fn task_files(&self) -> Option<&TaskFiles> {
        self.task_files
            .get_or_init(|| {
                self.tasks()
                    .map(|(document, tasks)| TaskFiles::new(document, tasks))
            })
            .as_ref()
    }

    /// The story numbers each task's text refers to (`Story 4`, `US2`),
    /// in task order, computed on first use; empty without tasks.
    pub fn task_stories(&self) -> &[Vec<u32>] {
        self.task_stories.get_or_init(|| {
            self.tasks().map_or_else(Vec::new, |(document, list)| {
                list.tasks
                    .iter()
                    .map(|task| {
                        mention::story_references(
                            document.text.get(task.span.range()).unwrap_or(""),
                        )
                    })
                    .collect()
            })
        })
    }

    /// Done: every task is done, or the spec's or plan's status says so.
    pub fn is_finished(&self) -> bool {
        if let Some((_, tasks)) = self.tasks()
            && !tasks.tasks.is_empty()
        {
            return tasks
                .tasks
                .iter()
                .all(|task| task.status == TaskStatus::Done);
        }
        let finished = |fields: &[speckit_model::MetaField<'_>]| {
            Document::field_named(fields, &["Status"]).is_some_and(|field| {
                let value = field.value.value.trim().to_ascii_lowercase();
                [
                    "complete",
                    "completed",
                    "done",
                    "implemented",
                    "shipped",
                    "released",
                ]
                .iter()
                .any(|word| value.contains(word))
            })
        };
        self.spec()
            .is_some_and(|(_, spec)| finished(&spec.metadata))
            || self
                .plan()
                .is_some_and(|(_, plan)| finished(&plan.metadata))
    }

    /// The document findings about the feature as a whole are attached to:
    /// the spec, else the plan, else the tasks, else any document.
    pub fn anchor(&self) -> Option<&'a Document> {
        [DocKind::Spec, DocKind::Plan, DocKind::Tasks]
            .into_iter()
            .find_map(|kind| self.document(kind).map(|(document, _)| document))
            .or_else(|| self.view.documents.first().map(|(document, _)| *document))
    }
}

/// Weight of one evaluated item in the consistency score.
pub const fn weight(severity: Severity) -> u64 {
    match severity {
        Severity::Error => 5,
        Severity::Warning => 2,
        Severity::Info => 1,
    }
}

/// Evaluated weight per feature, as `(feature index, weight)` entries.
#[derive(Debug, Default)]
pub struct Tally {
    pub entries: Vec<(usize, u64)>,
}

/// Where a running analysis rule's findings and evaluated items go.
pub(crate) struct Sink<'a> {
    pub(crate) meta: &'static RuleMeta,
    pub(crate) severity: Severity,
    pub(crate) out: &'a mut Vec<Diagnostic>,
    pub(crate) tally: &'a mut Tally,
}

impl Sink<'_> {
    fn evaluated(&mut self, feature: usize, count: usize) {
        if count > 0 {
            self.tally
                .entries
                .push((feature, count as u64 * weight(self.severity)));
        }
    }

    fn report(&mut self, file: FileId, span: Span, message: impl Into<String>) -> Report<'_> {
        Report {
            diagnostic: Some(Diagnostic::new(
                self.meta.code,
                self.severity,
                file,
                span,
                message,
            )),
            out: self.out,
        }
    }
}

/// What a running `Feature` rule sees and reports into.
pub struct AnalysisContext<'a> {
    /// The feature the rule runs on.
    pub current: &'a AnalysisFeature<'a>,
    pub files: &'a dyn FileOracle,
    sink: Sink<'a>,
}

impl<'a> AnalysisContext<'a> {
    /// The feature the rule runs on.
    pub fn feature(&self) -> &'a AnalysisFeature<'a> {
        self.current
    }

    /// Records that `count` items of `feature` were checked by this rule.
    pub fn evaluated(&mut self, feature: &AnalysisFeature<'_>, count: usize) {
        self.sink.evaluated(feature.info.index, count);
    }

    /// Starts a finding at `span` of `document`; it is recorded on drop.
    pub fn report(
        &mut self,
        document: &Document,
        span: Span,
        message: impl Into<String>,
    ) -> Report<'_> {
        self.sink.report(document.file, span, message)
    }
}

/// Runs the enabled `Feature` rules on `current`.
pub fn run_analysis<'a>(
    current: &'a AnalysisFeature<'a>,
    files: &dyn FileOracle,
    selection: &Selection,
) -> (Vec<Diagnostic>, Tally) {
    let mut out = Vec::new();
    let mut tally = Tally::default();
    for (rule, meta, severity) in
        selection.rules(|meta| meta.target == crate::rule::Target::Feature)
    {
        let mut cx = AnalysisContext {
            current,
            files,
            sink: Sink {
                meta,
                severity,
                out: &mut out,
                tally: &mut tally,
            },
        };
        rule.analyze(&mut cx);
    }
    (out, tally)
}

/// The title heading of `document`, or its first byte.
pub fn title_span(document: &Document) -> Span {
    document
        .h1()
        .map_or(Span::empty(0), |id| document.section_heading_span(id))
}
