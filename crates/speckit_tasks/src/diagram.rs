//! A small, renderer-neutral description of a dependency diagram, and its
//! renderings (Mermaid, DOT, SVG).

use serde::Serialize;

/// How a task node should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeState {
    Todo,
    InProgress,
    Blocked,
    Done,
    Skipped,
    Unknown,
}

/// One box of the diagram.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiagramNode {
    /// Short, unique identifier (`T001`, `1.2`); shown in bold.
    pub id: String,
    /// Free text shown under the id (may contain any character).
    pub label: String,
    /// Index into [`Diagram::groups`] (the phase), if any.
    pub group: Option<usize>,
    pub state: NodeState,
    /// On the critical path.
    pub critical: bool,
}

/// An arrow `from → to` (indices into [`Diagram::nodes`]): `to` depends on `from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DiagramEdge {
    pub from: usize,
    pub to: usize,
    /// Part of the critical path.
    pub critical: bool,
    /// Part of a dependency cycle.
    pub in_cycle: bool,
}

/// Nodes, optional groups (phases) and edges. Edges may form cycles and may
/// point at any node; renderers must cope with both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Diagram {
    pub title: String,
    pub groups: Vec<String>,
    pub nodes: Vec<DiagramNode>,
    pub edges: Vec<DiagramEdge>,
}
