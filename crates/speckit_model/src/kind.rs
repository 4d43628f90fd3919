//! Which kind of document a file is, and which template generation wrote it.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_md::lex;

/// The kind of a document, detected from its title first and its file name second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    Constitution,
    Spec,
    Plan,
    Tasks,
    Checklist,
    Research,
    DataModel,
    Quickstart,
    Contract,
    Other,
}

/// The template family a document follows (FORMATS.md §A.9, §G.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Generation {
    /// The Claude-plugin templates (`{…}` placeholders, `### Task N.M:` blocks).
    Plugin,
    /// spec-kit v0.0.57 and later (prioritised user stories, `[USn]` tasks).
    SpecKit,
    /// spec-kit before v0.0.57 (Execution Flow, Phase 3.x tasks).
    SpecKitLegacy,
    /// Not recognisably either.
    Unknown,
}

impl DocKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            DocKind::Constitution => "constitution",
            DocKind::Spec => "spec",
            DocKind::Plan => "plan",
            DocKind::Tasks => "tasks",
            DocKind::Checklist => "checklist",
            DocKind::Research => "research",
            DocKind::DataModel => "data-model",
            DocKind::Quickstart => "quickstart",
            DocKind::Contract => "contract",
            DocKind::Other => "other",
        }
    }

    /// Detects the kind from the H1 title, falling back to the file path.
    pub fn detect(path: &str, title: Option<&str>) -> DocKind {
        title
            .and_then(DocKind::from_title)
            .unwrap_or_else(|| DocKind::from_path(path))
    }

    /// The kind a title names, if it names one. Titles in Japanese and
    /// Chinese found in real repositories are recognised too.
    pub fn from_title(title: &str) -> Option<DocKind> {
        let title = lex::strip_heading_decorations(title);
        let lower = title.to_lowercase();
        let has = |needles: &[&str]| needles.iter().any(|needle| lower.contains(needle));
        let starts = |prefixes: &[&str]| prefixes.iter().any(|prefix| lower.starts_with(prefix));
        if has(&["checklist", "チェックリスト", "检查清单", "檢查清單"]) {
            Some(DocKind::Checklist)
        } else if has(&["constitution", "憲法", "宪法"]) {
            Some(DocKind::Constitution)
        } else if starts(&["tasks", "task list", "implementation tasks"])
            || has(&["タスク", "任务", "任務"])
        {
            Some(DocKind::Tasks)
        } else if starts(&["implementation plan", "plan:", "plan ", "technical plan"])
            || lower == "plan"
            || has(&["計画", "计划", "計劃"])
        {
            Some(DocKind::Plan)
        } else if starts(&["feature specification", "specification", "spec:", "spec "])
            || has(&["仕様", "规格", "規格", "规范"])
        {
            Some(DocKind::Spec)
        } else if starts(&["research", "technical research"]) || has(&["調査", "调研"]) {
            Some(DocKind::Research)
        } else if starts(&["data model"]) || has(&["データモデル", "数据模型"]) {
            Some(DocKind::DataModel)
        } else if starts(&["quickstart", "quick start"]) {
            Some(DocKind::Quickstart)
        } else {
            None
        }
    }

    /// The kind a file's place in a feature folder implies.
    pub fn from_path(path: &str) -> DocKind {
        let mut parts = path.rsplit(['/', '\\']);
        let name = parts.next().unwrap_or(path).to_ascii_lowercase();
        let parent = parts.next().unwrap_or("").to_ascii_lowercase();
        match name.as_str() {
            "spec.md" => DocKind::Spec,
            "plan.md" => DocKind::Plan,
            "tasks.md" => DocKind::Tasks,
            "constitution.md" => DocKind::Constitution,
            "research.md" => DocKind::Research,
            "data-model.md" => DocKind::DataModel,
            "quickstart.md" => DocKind::Quickstart,
            _ if parent == "checklists" => DocKind::Checklist,
            _ if parent == "contracts" => DocKind::Contract,
            _ => DocKind::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_win_over_paths() {
        let cases = [
            (
                "spec.md",
                Some("Feature Specification: Login"),
                DocKind::Spec,
            ),
            (
                "spec.md",
                Some("Specification: {Feature Name}"),
                DocKind::Spec,
            ),
            (
                "spec.md",
                Some("Trust timing from CLI-only runs"),
                DocKind::Spec,
            ),
            (
                "x/checklists/requirements.md",
                Some("Specification Quality Checklist: X"),
                DocKind::Checklist,
            ),
            ("plan.md", Some("Implementation Plan: X"), DocKind::Plan),
            ("plan.md", Some("実装計画: X"), DocKind::Plan),
            ("tasks.md", Some("実装タスク: X"), DocKind::Tasks),
            ("tasks.md", Some("Implementation Tasks: X"), DocKind::Tasks),
            ("notes.md", Some("Tasks: X"), DocKind::Tasks),
            (
                ".specify/memory/constitution.md",
                Some("WorldTides Constitution"),
                DocKind::Constitution,
            ),
            ("research.md", None, DocKind::Research),
            ("contracts/api.md", Some("Events API"), DocKind::Contract),
            ("README.md", None, DocKind::Other),
        ];
        for (path, title, expected) in cases {
            assert_eq!(DocKind::detect(path, title), expected, "{path} {title:?}");
        }
    }
}
