//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

const EXAMPLES: &str = "\
Examples:
  speckit init --ai claude,gemini      set up a workspace and agent commands
  speckit new feature 'export the week as PDF' --json
  speckit new plan 003                 plan.md from the template, prefilled from the spec
  speckit check                        lint every document of the workspace
  speckit check 003 --format sarif     one feature, SARIF for code scanning
  speckit check --fix                  apply the safe fixes
  speckit rule T002                    what a rule checks and why
  speckit analyze                      cross-document consistency report with a score
  speckit analyze 003 --min-score 80   one feature; exit 1 below the score
  speckit list                         features of the workspace around the current directory
  speckit list --root examples/speckit-layout --json
  speckit show 001                     one feature by number, folder name or slug
  speckit show user-auth --json        its typed model, with byte spans
  speckit status                       progress of every feature
  speckit tasks next                   what can be worked on now (current feature)
  speckit tasks done T004 --feature 3  mark a task done (checkbox, status, summary, log)
  speckit tasks graph 003 --format svg > graph.svg
  speckit schema > show.schema.json    the JSON Schema of `show --json`
  speckit completions zsh > _speckit   shell completions";

/// Deterministic tooling for spec-driven development: scaffold, model, check
/// and track spec / plan / tasks documents.
#[derive(Debug, Parser)]
#[command(name = "speckit", version, about, long_about = None, after_help = EXAMPLES, propagate_version = true)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: GlobalArgs,

    /// When to use colours.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub(crate) color: ColorChoice,

    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Args)]
pub(crate) struct GlobalArgs {
    /// Workspace root (default: found by walking up from the current directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub(crate) root: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// List the features of the workspace, per layout.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show a feature's documents and what speckit understood of them.
    Show {
        /// Number (`3`, `003`), folder (`003-user-auth`) or slug (`user-auth`);
        /// default: the current feature (env, `.specify/feature.json`, git branch).
        feature: Option<String>,
        /// Print the typed model as JSON (schema: `speckit schema`).
        #[arg(long)]
        json: bool,
    },
    /// Create or update a workspace: layout, constitution, speckit.toml, agent commands.
    Init {
        /// Where to create it (default: the current directory).
        dir: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = LayoutArg::Speckit)]
        layout: LayoutArg,
        /// AI agents to write command files for (comma-separated: claude,copilot,gemini,…).
        #[arg(long, value_delimiter = ',')]
        ai: Vec<String>,
        /// Overwrite files that were edited since speckit wrote them.
        #[arg(long)]
        force: bool,
        #[arg(long)]
        json: bool,
    },
    /// Create a feature, or a document of a feature, from templates.
    #[command(subcommand)]
    New(NewCommand),
    /// List, show or copy out the templates in use.
    #[command(subcommand)]
    Template(TemplateCommand),
    /// Check that the tools and the workspace are in order.
    Doctor {
        #[arg(long)]
        json: bool,
    },
    /// Check documents against their templates and report problems.
    Check(CheckArgs),
    /// Check that spec, plan, tasks and constitution agree; report a score.
    Analyze(AnalyzeArgs),
    /// Show a rule's documentation, or list every rule.
    Rule {
        /// A rule code (`T002`) or name (`dependency-not-found`).
        code: Option<String>,
        /// List every rule.
        #[arg(long, conflicts_with = "code")]
        all: bool,
        #[arg(long, value_enum, default_value_t = RuleFormat::Text)]
        format: RuleFormat,
    },
    /// Progress of every feature, or of one feature per phase.
    Status {
        /// One feature (number, folder or slug); default: all features.
        feature: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List, order, update and export a feature's tasks.
    #[command(subcommand)]
    Tasks(TasksCommand),
    /// Print the JSON Schema of a command's `--json` output.
    Schema {
        /// Which output.
        #[arg(value_enum, default_value_t = SchemaKind::Show)]
        of: SchemaKind,
    },
    /// Print a shell completion script.
    Completions { shell: Shell },
}

#[derive(Debug, Subcommand)]
pub(crate) enum NewCommand {
    /// A numbered feature folder with its spec (and a git branch).
    Feature {
        /// What the feature does, in a few words.
        #[arg(required = true, num_args = 1..)]
        description: Vec<String>,
        /// The slug to use instead of one derived from the description.
        #[arg(long)]
        name: Option<String>,
        /// The number to use instead of the next free one.
        #[arg(long)]
        number: Option<u64>,
        /// Do not create a git branch.
        #[arg(long)]
        no_branch: bool,
        /// Which layout, when the workspace has both.
        #[arg(long, value_enum)]
        layout: Option<LayoutArg>,
        #[arg(long)]
        json: bool,
    },
    /// The feature's plan.md.
    Plan(NewDocumentArgs),
    /// The feature's tasks.md (one phase per user story of the spec).
    Tasks(NewDocumentArgs),
    /// A checklist in the feature's checklists/ folder.
    Checklist {
        /// The feature (default: the current feature).
        feature: Option<String>,
        /// What it reviews: `ux`, `security`, `api` (default: requirements).
        name: Option<String>,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub(crate) struct NewDocumentArgs {
    /// The feature (default: the current feature).
    pub(crate) feature: Option<String>,
    /// Overwrite the document if it exists.
    #[arg(long)]
    pub(crate) force: bool,
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Clone, Copy, Debug, Subcommand)]
pub(crate) enum TemplateCommand {
    /// Every template and where its text comes from.
    List {
        #[arg(long, value_enum)]
        layout: Option<LayoutArg>,
    },
    /// Print the template text in use.
    Show {
        #[arg(value_enum)]
        name: TemplateArg,
        #[arg(long, value_enum)]
        layout: Option<LayoutArg>,
    },
    /// Copy a built-in template into the repository to customise it.
    Eject {
        #[arg(value_enum)]
        name: TemplateArg,
        #[arg(long, value_enum)]
        layout: Option<LayoutArg>,
        #[arg(long)]
        force: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum LayoutArg {
    /// GitHub spec-kit: .specify/ and specs/.
    Speckit,
    /// The Claude Code plugin: .claude/spec-kit/.
    Plugin,
}

impl LayoutArg {
    pub(crate) fn layout(self) -> speckit::workspace::Layout {
        match self {
            LayoutArg::Speckit => speckit::workspace::Layout::Speckit,
            LayoutArg::Plugin => speckit::workspace::Layout::Plugin,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum TemplateArg {
    Constitution,
    Spec,
    Plan,
    Tasks,
    Checklist,
}

impl TemplateArg {
    pub(crate) fn name(self) -> speckit::scaffold::TemplateName {
        use speckit::scaffold::TemplateName;
        match self {
            TemplateArg::Constitution => TemplateName::Constitution,
            TemplateArg::Spec => TemplateName::Spec,
            TemplateArg::Plan => TemplateName::Plan,
            TemplateArg::Tasks => TemplateName::Tasks,
            TemplateArg::Checklist => TemplateName::Checklist,
        }
    }
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Features to check (number, folder or slug); default: the whole workspace.
    pub(crate) features: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub(crate) format: OutputFormat,
    /// Exit with 1 when a finding at or above this severity remains.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub(crate) fail_on: FailOn,
    /// Only these rule codes or prefixes (comma-separated; adds to speckit.toml).
    #[arg(long, value_delimiter = ',')]
    pub(crate) select: Vec<String>,
    /// Skip these rule codes or prefixes (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub(crate) ignore: Vec<String>,
    /// Apply safe fixes to the files.
    #[arg(long, conflicts_with = "diff")]
    pub(crate) fix: bool,
    /// Print the safe fixes as a unified diff without writing.
    #[arg(long)]
    pub(crate) diff: bool,
}

#[derive(Debug, Args)]
pub(crate) struct AnalyzeArgs {
    /// Features to report on (number, folder or slug); default: all. The
    /// others still take part in the cross-feature checks.
    pub(crate) features: Vec<String>,
    /// Output format: the Markdown report, its JSON form (schema: `speckit
    /// schema analyze`), or the formats of `check`.
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Markdown)]
    pub(crate) format: AnalyzeFormat,
    /// Exit with 1 when a finding at or above this level remains.
    #[arg(long, value_enum, default_value_t = LevelArg::Critical)]
    pub(crate) fail_on: LevelArg,
    /// Exit with 1 when the consistency score is below N (0–100).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub(crate) min_score: Option<u8>,
    /// Only these rule codes or prefixes (comma-separated; adds to speckit.toml).
    #[arg(long, value_delimiter = ',')]
    pub(crate) select: Vec<String>,
    /// Skip these rule codes or prefixes (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub(crate) ignore: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum AnalyzeFormat {
    /// A readable report: score, findings per feature, coverage matrix.
    Markdown,
    Json,
    /// rustc-style findings with source excerpts.
    Human,
    Sarif,
    Github,
    Junit,
}

/// Finding levels of `analyze`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum LevelArg {
    Critical,
    Warning,
    Suggestion,
    /// Never fail on findings (only on `--min-score`).
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// rustc-style, with source excerpts.
    Human,
    Json,
    /// SARIF 2.1.0 for code-scanning services.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    Junit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    Error,
    Warning,
    Info,
    /// Exit 0 whatever is found.
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum RuleFormat {
    Text,
    Json,
    /// The reference page (`docs/rules.md`).
    Markdown,
}

/// `speckit tasks …`. FEATURE defaults to the current feature.
#[derive(Debug, Subcommand)]
pub(crate) enum TasksCommand {
    /// List tasks, optionally filtered.
    List {
        feature: Option<String>,
        /// Only tasks with this status.
        #[arg(long, value_enum)]
        status: Option<StatusFilter>,
        /// Only tasks of this phase (`2`, `3.1`, `A`).
        #[arg(long)]
        phase: Option<String>,
        /// Only tasks labelled with this story (`US1`).
        #[arg(long)]
        story: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Tasks whose dependencies are all done, grouped by what can run in parallel.
    Next {
        feature: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Mark a task in progress.
    Start(StatusArgs),
    /// Mark a task done (refused while its dependencies are not done, unless --force).
    Done(StatusArgs),
    /// Mark a task blocked.
    Block(StatusArgs),
    /// Mark a task not started.
    Reset(StatusArgs),
    /// The dependency graph: cycles, critical path, and diagrams.
    Graph {
        feature: Option<String>,
        #[arg(long, value_enum, default_value_t = GraphFormat::Text)]
        format: GraphFormat,
    },
    /// Export tasks as JSON, CSV or GitHub issue payloads.
    Export {
        feature: Option<String>,
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Create the GitHub issues with the `gh` CLI (with --format github).
        #[arg(long)]
        create: bool,
        /// Include tasks that are already done (GitHub format skips them by default).
        #[arg(long)]
        include_done: bool,
    },
}

#[derive(Debug, Args)]
pub(crate) struct StatusArgs {
    /// Task ID as written in the file: `T001`, `1.2`, `TASK-001` (any case).
    pub(crate) id: String,
    /// The feature (default: the current feature).
    #[arg(long, short)]
    pub(crate) feature: Option<String>,
    /// A note recorded with the change (a sub-bullet, or the Progress Log entry).
    #[arg(long)]
    pub(crate) note: Option<String>,
    /// With `done`: mark it done even if dependencies are not done.
    #[arg(long)]
    pub(crate) force: bool,
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum StatusFilter {
    Todo,
    InProgress,
    Blocked,
    Done,
    Skipped,
    /// Everything not done or skipped.
    Open,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum GraphFormat {
    /// Cycles, critical path and missing dependencies, for people.
    Text,
    Json,
    Mermaid,
    Dot,
    Svg,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum ExportFormat {
    Json,
    Csv,
    Github,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum SchemaKind {
    Show,
    List,
    /// `analyze --format json`.
    Analyze,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub(crate) fn write_global(self) {
        let choice = match self {
            ColorChoice::Auto => anstream::ColorChoice::Auto,
            ColorChoice::Always => anstream::ColorChoice::Always,
            ColorChoice::Never => anstream::ColorChoice::Never,
        };
        choice.write_global();
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn arguments_are_consistent() {
        Cli::command().debug_assert();
    }
}
