//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

const EXAMPLES: &str = "\
Examples:
  speckit list                         features of the workspace around the current directory
  speckit list --root examples/speckit-layout --json
  speckit show 001                     one feature by number, folder name or slug
  speckit show user-auth --json        its typed model, with byte spans
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
    /// Print the JSON Schema of a command's `--json` output.
    Schema {
        /// Which output.
        #[arg(value_enum, default_value_t = SchemaKind::Show)]
        of: SchemaKind,
    },
    /// Print a shell completion script.
    Completions { shell: Shell },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum SchemaKind {
    Show,
    List,
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
