//! Renderers that turn a [`Diagram`] into text: Mermaid, Graphviz DOT and a
//! self-contained SVG drawn here in Rust.
//!
//! Every renderer is a pure function of the diagram and returns the same bytes
//! for the same input. Renderers must cope with anything a `Diagram` can hold:
//! edges pointing past the node list are skipped, cycles and self-loops are
//! drawn, repeated node ids stay distinct because nodes are addressed by index.
//! Nothing here runs an external program or touches the file system.

mod dot;
mod grid;
mod layering;
mod layout;
mod legend;
mod mermaid;
mod node_box;
mod route;
mod svg;
mod text;

pub use dot::to_dot;
pub use mermaid::to_mermaid;
pub use svg::to_svg;

use crate::diagram::{Diagram, DiagramEdge, DiagramNode, NodeState};

/// Edges whose endpoints both exist, with their position in `diagram.edges`.
fn valid_edges(diagram: &Diagram) -> impl Iterator<Item = (usize, &DiagramEdge)> {
    let n_nodes = diagram.nodes.len();
    diagram
        .edges
        .iter()
        .enumerate()
        .filter(move |(_, edge)| edge.from < n_nodes && edge.to < n_nodes)
}

/// The group of a node, or `None` when it has none or names a missing group.
fn node_group(diagram: &Diagram, node_idx: usize) -> Option<usize> {
    let group = diagram.nodes.get(node_idx)?.group?;
    (group < diagram.groups.len()).then_some(group)
}

/// Node indices of each group, in node order; groups without nodes stay empty.
fn group_members(diagram: &Diagram) -> Vec<Vec<usize>> {
    let mut members = vec![Vec::new(); diagram.groups.len()];
    for node_idx in 0..diagram.nodes.len() {
        if let Some(list) = node_group(diagram, node_idx).and_then(|g| members.get_mut(g)) {
            list.push(node_idx);
        }
    }
    members
}

/// Nodes that belong to no existing group, in node order.
fn ungrouped_nodes(diagram: &Diagram) -> Vec<usize> {
    (0..diagram.nodes.len())
        .filter(|&node_idx| node_group(diagram, node_idx).is_none())
        .collect()
}

/// Display name of a group; an unnamed group still needs a visible heading.
fn group_title(diagram: &Diagram, group_idx: usize) -> String {
    let name = diagram
        .groups
        .get(group_idx)
        .map(|name| text::clean(name))
        .unwrap_or_default();
    if name.is_empty() {
        format!("Group {}", group_idx + 1)
    } else {
        name
    }
}

/// Words used in legends and tooltips for each state.
fn state_name(state: NodeState) -> &'static str {
    match state {
        NodeState::Todo => "To do",
        NodeState::InProgress => "In progress",
        NodeState::Blocked => "Blocked",
        NodeState::Done => "Done",
        NodeState::Skipped => "Skipped",
        NodeState::Unknown => "Unknown",
    }
}

/// Hover text for a node: its full id and label (boxes may cut them short)
/// and its state in words.
fn tooltip(node: &DiagramNode) -> String {
    let id = text::clean(&node.id);
    let label = text::clean(&node.label);
    let state = state_name(node.state);
    match (id.is_empty(), label.is_empty()) {
        (false, false) => format!("{id}: {label} ({state})"),
        (false, true) => format!("{id} ({state})"),
        (true, _) => format!("{label} ({state})"),
    }
}

/// Colours shared by the renderers so the three formats look alike.
struct Palette {
    fill: &'static str,
    stroke: &'static str,
    text: &'static str,
}

fn palette(state: NodeState) -> Palette {
    match state {
        NodeState::Todo => Palette {
            fill: "#ffffff",
            stroke: "#78909c",
            text: "#263238",
        },
        NodeState::InProgress => Palette {
            fill: "#ffe9b0",
            stroke: "#e6a100",
            text: "#3e2c00",
        },
        NodeState::Blocked => Palette {
            fill: "#ffd9d6",
            stroke: "#d84335",
            text: "#4a0d08",
        },
        NodeState::Done => Palette {
            fill: "#d5f2dc",
            stroke: "#3c9a52",
            text: "#12361b",
        },
        NodeState::Skipped => Palette {
            fill: "#eceff1",
            stroke: "#b0bec5",
            // Dark enough to stay legible over the stripes of the SVG fill.
            text: "#5b6b73",
        },
        NodeState::Unknown => Palette {
            fill: "#f4f4f4",
            stroke: "#9e9e9e",
            text: "#424242",
        },
    }
}

/// Dark red for the critical path: the colour planning tools traditionally use.
const CRITICAL_COLOR: &str = "#9b1111";
/// Brighter red, always dashed, for edges inside a dependency cycle.
const CYCLE_COLOR: &str = "#e53935";
/// Plain dependency edges stay quiet so the coloured ones stand out.
const EDGE_COLOR: &str = "#8a9ba5";

/// Lossless enough for layout sizes; clippy rightly refuses a bare `as` cast.
fn to_f64(value: usize) -> f64 {
    f64::from(u32::try_from(value).unwrap_or(u32::MAX))
}

/// Diagram builders shared by the renderers' tests.
#[cfg(test)]
mod fixtures {
    use crate::diagram::{Diagram, DiagramEdge, DiagramNode, NodeState};

    pub(crate) fn node(id: &str, label: &str, group: Option<usize>) -> DiagramNode {
        DiagramNode {
            id: id.to_owned(),
            label: label.to_owned(),
            group,
            state: NodeState::Todo,
            critical: false,
        }
    }

    pub(crate) fn edge(from: usize, to: usize) -> DiagramEdge {
        DiagramEdge {
            from,
            to,
            critical: false,
            in_cycle: false,
        }
    }

    pub(crate) fn critical(mut edge: DiagramEdge) -> DiagramEdge {
        edge.critical = true;
        edge
    }

    pub(crate) fn cyclic(mut edge: DiagramEdge) -> DiagramEdge {
        edge.in_cycle = true;
        edge
    }

    /// Three phases, every state, a critical path, a two-node cycle, a
    /// self-loop, an ungrouped node and an edge to a missing node.
    pub(crate) fn three_phases() -> Diagram {
        let mut nodes = vec![
            node("T001", "Create the project layout", Some(0)),
            node("T002", "Add lint & format config", Some(0)),
            node("T003", "データベースのスキーマを設計する", Some(1)),
            node("T004", "Write the \"auth\" <middleware>", Some(1)),
            node("T005", "List tasks [P] {fast} | `cli`", Some(2)),
            node("T006", "Integration test #1\nfor 用户登录", Some(2)),
            node("T007", "Polish the docs", None),
        ];
        let states = [
            NodeState::Done,
            NodeState::Skipped,
            NodeState::InProgress,
            NodeState::Blocked,
            NodeState::Todo,
            NodeState::Unknown,
            NodeState::Todo,
        ];
        for (node, state) in nodes.iter_mut().zip(states) {
            node.state = state;
        }
        for critical_idx in [0, 2, 4, 6] {
            if let Some(node) = nodes.get_mut(critical_idx) {
                node.critical = true;
            }
        }
        Diagram {
            title: "Feature 001: task board".to_owned(),
            groups: vec![
                "Setup".to_owned(),
                "Foundation".to_owned(),
                "Story 1".to_owned(),
            ],
            nodes,
            edges: vec![
                critical(edge(0, 2)),
                edge(0, 1),
                edge(1, 3),
                critical(edge(2, 4)),
                edge(3, 4),
                cyclic(edge(4, 5)),
                cyclic(edge(5, 4)),
                cyclic(edge(1, 1)),
                critical(edge(4, 6)),
                edge(3, 42),
            ],
        }
    }

    /// `n_nodes` tasks in six phases with pseudo-random edges, mostly
    /// forward, some long, a few pointing back.
    pub(crate) fn synthetic(n_nodes: usize) -> Diagram {
        let mut state: u64 = 0x5eed;
        let mut next = move |bound: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(state >> 33).unwrap_or(0) % bound.max(1)
        };
        let n_groups = 6;
        let nodes = (0..n_nodes)
            .map(|node_idx| {
                let group = node_idx * n_groups / n_nodes.max(1);
                node(
                    &format!("T{:03}", node_idx + 1),
                    "Implement the thing",
                    Some(group),
                )
            })
            .collect();
        let mut edges = Vec::new();
        for to in 1..n_nodes {
            for _ in 0..next(3) {
                let back = 1 + next(14);
                if let Some(from) = to.checked_sub(back) {
                    edges.push(edge(from, to));
                }
            }
            if next(25) == 0 {
                edges.push(cyclic(edge(to, to / 2)));
            }
        }
        Diagram {
            title: format!("{n_nodes} tasks"),
            groups: (1..=n_groups)
                .map(|group| format!("Phase {group}"))
                .collect(),
            nodes,
            edges,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{edge, node, three_phases};
    use super::*;

    #[test]
    fn three_phase_mermaid_and_dot_snapshots() {
        let diagram = three_phases();
        insta::assert_snapshot!("three_phases_mermaid", to_mermaid(&diagram));
        insta::assert_snapshot!("three_phases_dot", to_dot(&diagram));
    }

    #[test]
    fn out_of_range_groups_count_as_ungrouped() {
        let diagram = Diagram {
            groups: vec!["A".to_owned(), String::new()],
            nodes: vec![
                node("a", "", Some(0)),
                node("b", "", Some(7)),
                node("c", "", None),
            ],
            ..Diagram::default()
        };
        assert_eq!(group_members(&diagram), vec![vec![0], vec![]]);
        assert_eq!(ungrouped_nodes(&diagram), vec![1, 2]);
        assert_eq!(group_title(&diagram, 0), "A");
        assert_eq!(group_title(&diagram, 1), "Group 2");
    }

    #[test]
    fn edges_to_missing_nodes_are_skipped() {
        let diagram = Diagram {
            nodes: vec![node("a", "", None), node("b", "", None)],
            edges: vec![edge(0, 1), edge(1, 2), edge(9, 0), edge(1, 1)],
            ..Diagram::default()
        };
        let kept: Vec<usize> = valid_edges(&diagram).map(|(idx, _)| idx).collect();
        assert_eq!(kept, vec![0, 3]);
    }
}
