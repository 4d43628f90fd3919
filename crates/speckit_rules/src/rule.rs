//! What a rule is: its metadata, the context it reports into, and the
//! `declare_rule!` macro that turns a doc comment into its documentation.

use std::borrow::Cow;
use std::fmt;

use schemars::JsonSchema;
use serde::Serialize;
use speckit_diagnostics::{Applicability, Diagnostic, FileId, Fix, Severity};
use speckit_model::{Checklist, Constitution, DocKind, Document, Model, Plan, Spec, TaskList};
use speckit_text::{Edit, Span};

/// Whether a rule can fix what it finds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FixAvailability {
    Never,
    /// Some findings carry a safe fix.
    Sometimes,
    Always,
}

/// What a rule inspects: one document of a kind (run by `check`), or the
/// documents of a feature or the whole workspace together (run by `analyze`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    Any,
    Constitution,
    Spec,
    Plan,
    Tasks,
    Checklist,
    /// The constitution, spec, plan and tasks of one feature, side by side.
    Feature,
    /// Every feature at once.
    Workspace,
}

impl Target {
    pub fn applies_to(self, kind: DocKind) -> bool {
        match self {
            Target::Any => true,
            Target::Constitution => kind == DocKind::Constitution,
            Target::Spec => kind == DocKind::Spec,
            Target::Plan => kind == DocKind::Plan,
            Target::Tasks => kind == DocKind::Tasks,
            Target::Checklist => kind == DocKind::Checklist,
            Target::Feature | Target::Workspace => false,
        }
    }

    /// True for the cross-document targets that `analyze` runs.
    pub const fn is_cross(self) -> bool {
        matches!(self, Target::Feature | Target::Workspace)
    }
}

/// Everything known about a rule except its logic.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RuleMeta {
    pub code: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    /// Markdown: `## What it checks`, `## Why it matters`, `## Example`.
    #[serde(serialize_with = "serialize_docs")]
    pub docs: &'static str,
    pub severity: Severity,
    pub fix: FixAvailability,
    pub target: Target,
}

fn serialize_docs<S: serde::Serializer>(
    docs: &&'static str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&dedent_docs(docs))
}

/// `///` lines arrive with one leading space each; remove it.
pub fn dedent_docs(docs: &str) -> String {
    let mut out = String::with_capacity(docs.len());
    for line in docs.lines() {
        out.push_str(line.strip_prefix(' ').unwrap_or(line));
        out.push('\n');
    }
    out.trim_end().to_string()
}

impl RuleMeta {
    pub fn docs_markdown(&self) -> String {
        dedent_docs(self.docs)
    }
}

impl fmt::Display for RuleMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name, self.code)
    }
}

/// Answers "does this path exist in the repository?" for rules that check
/// links and planned files. Implemented by the workspace layer; rules do no IO.
pub trait FileOracle: Sync {
    /// `path` is relative to the workspace root, `/`-separated.
    fn exists(&self, path: &str) -> bool;
}

/// An oracle for documents checked outside a repository: nothing exists.
pub struct NoFiles;

impl FileOracle for NoFiles {
    fn exists(&self, _path: &str) -> bool {
        false
    }
}

/// The documents of the feature being checked, so that a rule on one
/// document can look at its siblings (for example `[US3]` in tasks.md needs
/// the stories of spec.md).
#[derive(Default)]
pub struct FeatureView<'a> {
    pub documents: Vec<(&'a Document, &'a Model<'a>)>,
}

impl<'a> FeatureView<'a> {
    pub fn spec(&self) -> Option<&'a Spec<'a>> {
        self.documents.iter().find_map(|(_, model)| match model {
            Model::Spec(spec) => Some(spec),
            _ => None,
        })
    }

    pub fn plan(&self) -> Option<&'a Plan<'a>> {
        self.documents.iter().find_map(|(_, model)| match model {
            Model::Plan(plan) => Some(&**plan),
            _ => None,
        })
    }

    pub fn tasks(&self) -> Option<&'a TaskList<'a>> {
        self.documents.iter().find_map(|(_, model)| match model {
            Model::Tasks(tasks) => Some(tasks),
            _ => None,
        })
    }

    pub fn constitution(&self) -> Option<&'a Constitution<'a>> {
        self.documents.iter().find_map(|(_, model)| match model {
            Model::Constitution(constitution) => Some(constitution),
            _ => None,
        })
    }

    pub fn checklists(&self) -> impl Iterator<Item = &'a Checklist<'a>> + '_ {
        self.documents.iter().filter_map(|(_, model)| match model {
            Model::Checklist(checklist) => Some(checklist),
            _ => None,
        })
    }
}

/// What a running rule sees and reports into.
pub struct RuleContext<'a> {
    pub document: &'a Document,
    pub feature: &'a FeatureView<'a>,
    pub files: &'a dyn FileOracle,
    pub(crate) meta: &'static RuleMeta,
    pub(crate) severity: Severity,
    pub(crate) out: &'a mut Vec<Diagnostic>,
}

impl<'a> RuleContext<'a> {
    /// The text of `span` in the document being checked.
    pub fn text(&self, span: Span) -> &'a str {
        self.document.text.get(span.range()).unwrap_or("")
    }

    /// Starts a finding at `span`; it is recorded when the returned value is dropped.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> Report<'_> {
        let diagnostic = Diagnostic::new(
            self.meta.code,
            self.severity,
            self.document.file,
            span,
            message,
        );
        Report {
            diagnostic: Some(diagnostic),
            out: self.out,
        }
    }
}

/// A finding being built; pushed to the results on drop.
pub struct Report<'c> {
    pub(crate) diagnostic: Option<Diagnostic>,
    pub(crate) out: &'c mut Vec<Diagnostic>,
}

impl Report<'_> {
    #[must_use]
    pub fn help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        if let Some(diagnostic) = self.diagnostic.as_mut() {
            diagnostic.help = Some(help.into());
        }
        self
    }

    /// A secondary location in the same document.
    #[must_use]
    pub fn label(mut self, span: Span, message: impl Into<Cow<'static, str>>) -> Self {
        if let Some(diagnostic) = self.diagnostic.as_mut() {
            let file = diagnostic.file;
            diagnostic.labels.push(speckit_diagnostics::Label {
                file,
                span,
                message: message.into(),
            });
        }
        self
    }

    /// A secondary location in another file (cross-feature rules point at
    /// the other feature's item).
    #[must_use]
    pub fn label_at(
        mut self,
        file: FileId,
        span: Span,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        if let Some(diagnostic) = self.diagnostic.as_mut() {
            diagnostic.labels.push(speckit_diagnostics::Label {
                file,
                span,
                message: message.into(),
            });
        }
        self
    }

    /// A fix that may be applied without review.
    #[must_use]
    pub fn safe_fix(mut self, message: impl Into<String>, edits: Vec<Edit>) -> Self {
        if let Some(diagnostic) = self.diagnostic.as_mut() {
            diagnostic.fix = Some(Box::new(Fix {
                message: message.into(),
                applicability: Applicability::Safe,
                edits,
            }));
        }
        self
    }

    /// A fix that needs a human to look at it (never applied by `--fix`).
    #[must_use]
    pub fn unsafe_fix(mut self, message: impl Into<String>, edits: Vec<Edit>) -> Self {
        if let Some(diagnostic) = self.diagnostic.as_mut() {
            diagnostic.fix = Some(Box::new(Fix {
                message: message.into(),
                applicability: Applicability::Unsafe,
                edits,
            }));
        }
        self
    }
}

impl Drop for Report<'_> {
    fn drop(&mut self) {
        if let Some(diagnostic) = self.diagnostic.take() {
            self.out.push(diagnostic);
        }
    }
}

/// A rule: metadata plus a check over one document's model, or (for the
/// cross-document targets) over a feature or the workspace.
pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, model: &Model<'_>, cx: &mut RuleContext<'_>);
    /// Runs a `Feature` rule; other rules do nothing here.
    fn analyze(&self, _cx: &mut crate::analysis::AnalysisContext<'_>) {}
    /// A `Workspace` rule's first step: what it needs of one feature, taken
    /// while the feature's documents are loaded. Other rules take nothing.
    fn gather(
        &self,
        _feature: &crate::analysis::AnalysisFeature<'_>,
        _directory: &crate::analysis::FeatureDirectory<'_>,
    ) -> Option<crate::analysis::Facts> {
        None
    }
    /// A `Workspace` rule's second step: compares what [`Rule::gather`]
    /// took of every feature (`facts`, by feature index).
    fn judge(
        &self,
        _facts: &[Option<crate::analysis::Facts>],
        _cx: &mut crate::analysis::WorkspaceContext<'_>,
    ) {
    }
}

/// Declares a rule struct and its metadata. The `///` comment becomes the
/// rule's documentation (`speckit rule CODE`); the target picks which model
/// the rule's `run` method receives:
///
/// ```ignore
/// declare_rule! {
///     /// ## What it checks
///     /// …
///     pub(crate) DecisionWithoutOptions {
///         code: "P011",
///         name: "decision-without-options",
///         summary: "A decision lists fewer than two options",
///         severity: Warning,
///         fix: Never,
///         target: Plan,
///     }
/// }
/// impl DecisionWithoutOptions {
///     fn run(&self, plan: &Plan<'_>, cx: &mut RuleContext<'_>) { … }
/// }
/// ```
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis $name:ident {
            code: $code:literal,
            name: $kebab:literal,
            summary: $summary:literal,
            severity: $severity:ident,
            fix: $fix:ident,
            target: $target:ident $(,)?
        }
    ) => {
        $vis struct $name;

        impl $name {
            pub(crate) const META: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
                code: $code,
                name: $kebab,
                summary: $summary,
                docs: concat!($($doc, "\n"),*),
                severity: speckit_diagnostics::Severity::$severity,
                fix: $crate::rule::FixAvailability::$fix,
                target: $crate::rule::Target::$target,
            };
        }

        impl $crate::rule::Rule for $name {
            fn meta(&self) -> &'static $crate::rule::RuleMeta {
                &Self::META
            }

            $crate::rule::dispatch!($target);
        }
    };
}

/// Implements `check` (document targets: calls `run` with the model of the
/// target kind), `analyze` (`Feature` rules: calls `run` with the feature),
/// or `gather` and `judge` (`Workspace` rules, which implement
/// `WorkspaceRule`: `gather` boxes what its `gather_facts` returns for one
/// feature; `judge` hands its `run` those facts of every feature, by index,
/// typed again).
macro_rules! dispatch {
    (Any) => {
        fn check(&self, model: &speckit_model::Model<'_>, cx: &mut $crate::rule::RuleContext<'_>) {
            self.run(model, cx)
        }
    };
    (Plan) => {
        fn check(&self, model: &speckit_model::Model<'_>, cx: &mut $crate::rule::RuleContext<'_>) {
            if let speckit_model::Model::Plan(plan) = model {
                self.run(plan, cx)
            }
        }
    };
    (Feature) => {
        fn check(
            &self,
            _model: &speckit_model::Model<'_>,
            _cx: &mut $crate::rule::RuleContext<'_>,
        ) {
        }

        fn analyze(&self, cx: &mut $crate::analysis::AnalysisContext<'_>) {
            let feature = cx.feature();
            self.run(feature, cx)
        }
    };
    (Workspace) => {
        fn check(
            &self,
            _model: &speckit_model::Model<'_>,
            _cx: &mut $crate::rule::RuleContext<'_>,
        ) {
        }

        fn gather(
            &self,
            feature: &$crate::analysis::AnalysisFeature<'_>,
            directory: &$crate::analysis::FeatureDirectory<'_>,
        ) -> Option<$crate::analysis::Facts> {
            $crate::analysis::workspace::WorkspaceRule::gather_facts(self, feature, directory)
                .map(|facts| Box::new(facts) as $crate::analysis::Facts)
        }

        fn judge(
            &self,
            facts: &[Option<$crate::analysis::Facts>],
            cx: &mut $crate::analysis::WorkspaceContext<'_>,
        ) {
            let facts: Vec<Option<&_>> = facts
                .iter()
                .map(|facts| facts.as_ref().and_then(|facts| facts.downcast_ref()))
                .collect();
            $crate::analysis::workspace::WorkspaceRule::run(self, &facts, cx)
        }
    };
    ($variant:ident) => {
        fn check(&self, model: &speckit_model::Model<'_>, cx: &mut $crate::rule::RuleContext<'_>) {
            if let speckit_model::Model::$variant(inner) = model {
                self.run(inner, cx)
            }
        }
    };
}

pub(crate) use {declare_rule, dispatch};
