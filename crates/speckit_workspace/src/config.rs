//! `speckit.toml`: optional per-repository settings.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use speckit_text::LineIndex;

use crate::error::WorkspaceError;
use crate::layout::Layout;

/// File name of the configuration at the workspace root.
pub const CONFIG_FILE: &str = "speckit.toml";

/// Settings from `speckit.toml`. Every key is optional; unknown keys are errors.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// The text of `speckit.toml` (for reporting problems in it).
    #[serde(skip)]
    pub text: Option<String>,
    /// Use only this layout, even if markers of the other one exist.
    pub layout: Option<Layout>,
    /// Where feature folders live for the spec-kit layout (default `specs`).
    pub specs_dir: Option<String>,
    #[serde(default)]
    pub templates: TemplatesConfig,
    #[serde(default)]
    pub lint: LintConfig,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TemplatesConfig {
    /// A directory of template overrides, relative to the root.
    pub dir: Option<String>,
}

/// A configuration value with the byte span of where it is written, so that
/// a bad rule code can be reported at its place in `speckit.toml`.
pub type Spanned<T> = toml::Spanned<T>;

/// `[lint]`: which rules run and how severe they are.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LintConfig {
    /// Rule codes or prefixes to run (all when empty).
    #[serde(default)]
    pub select: Vec<Spanned<String>>,
    /// Rule codes or prefixes to skip.
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    /// Severity overrides: code or prefix → `error` | `warning` | `info`.
    #[serde(default)]
    pub severity: BTreeMap<Spanned<String>, Spanned<String>>,
    /// Overrides for paths matching a glob.
    #[serde(default)]
    pub per_path: Vec<PerPathConfig>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PerPathConfig {
    /// A glob relative to the root (`specs/001-*/plan.md`, `**/tasks.md`).
    pub path: Spanned<String>,
    #[serde(default)]
    pub select: Vec<Spanned<String>>,
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    #[serde(default)]
    pub severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

impl Config {
    /// Parses configuration text; errors carry the line and column.
    pub fn parse(path: &Path, text: &str) -> Result<Config, WorkspaceError> {
        toml::from_str(text).map_err(|error| {
            let (line, column) = error.span().map_or((1, 1), |span| {
                let index = LineIndex::new(text);
                let at = index.line_col(text, u32::try_from(span.start).unwrap_or(0));
                (at.line as usize, at.column as usize)
            });
            WorkspaceError::Config {
                path: path.to_path_buf(),
                line,
                column,
                message: error.message().trim_end().to_string(),
            }
        })
    }

    /// Reads `speckit.toml` under `root`; a missing file is the default config.
    pub fn load(root: &Path) -> Result<Config, WorkspaceError> {
        let path = root.join(CONFIG_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let mut config = Config::parse(&path, &text)?;
                config.text = Some(text);
                Ok(config)
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(error) => Err(WorkspaceError::io(path, error)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_sections() {
        let text = r#"
layout = "plugin"
specs-dir = "docs/specs"

[templates]
dir = "tpl"

[lint]
select = ["P", "T001"]
ignore = ["S010"]
severity = { P012 = "error" }

[[lint.per-path]]
path = "specs/001-*/plan.md"
ignore = ["P"]
"#;
        let config = Config::parse(Path::new("speckit.toml"), text).unwrap();
        assert_eq!(config.layout, Some(Layout::Plugin));
        assert_eq!(config.specs_dir.as_deref(), Some("docs/specs"));
        assert_eq!(config.templates.dir.as_deref(), Some("tpl"));
        let select: Vec<&str> = config
            .lint
            .select
            .iter()
            .map(|code| code.get_ref().as_str())
            .collect();
        assert_eq!(select, vec!["P", "T001"]);
        let (code, severity) = config.lint.severity.iter().next().unwrap();
        assert_eq!(
            (code.get_ref().as_str(), severity.get_ref().as_str()),
            ("P012", "error")
        );
        assert_eq!(&text[code.span()], "P012");
        assert_eq!(config.lint.per_path[0].ignore[0].get_ref(), "P");
    }

    #[test]
    fn unknown_keys_report_line_and_column() {
        let error = Config::parse(
            Path::new("speckit.toml"),
            "layout = \"speckit\"\nlayot = 1\n",
        )
        .unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with("speckit.toml:2:1: unknown field `layot`"),
            "{message}"
        );
    }

    #[test]
    fn bad_layout_value() {
        let error = Config::parse(Path::new("speckit.toml"), "layout = \"kiro\"\n").unwrap_err();
        assert!(error.to_string().contains("speckit.toml:1:10"), "{error}");
    }
}
