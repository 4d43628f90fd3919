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

impl Diagram {
    /// The diagram of a task graph: one node per task, one group per phase,
    /// explicit and intra-phase edges (phase ordering shows as the grouping
    /// itself, so n×m phase edges are not drawn), the critical path and
    /// cycle edges marked.
    pub fn from_graph(graph: &crate::graph::TaskGraph<'_, '_>, title: &str) -> Diagram {
        use crate::graph::{EdgeKind, GraphNode};
        use petgraph::visit::EdgeRef;

        let list = graph.list;
        let critical = crate::critical::critical_path(graph);
        let cycles = cycle_members(graph);
        let groups = list
            .phases
            .iter()
            .map(|phase| match phase.number {
                Some(number) => format!("Phase {}: {}", number.value, phase.name.value),
                None => phase.name.value.to_string(),
            })
            .collect();
        let nodes = list
            .tasks
            .iter()
            .enumerate()
            .map(|(index, task)| DiagramNode {
                id: task.id.value.to_string(),
                label: task.title.value.to_string(),
                group: task.phase,
                state: NodeState::from(task.status),
                critical: critical.indices.contains(&index),
            })
            .collect();
        let mut edges = Vec::new();
        for edge in graph.graph.edge_references() {
            if *edge.weight() == EdgeKind::Phase {
                continue;
            }
            let (Some(GraphNode::Task(from)), Some(GraphNode::Task(to))) = (
                graph.graph.node_weight(edge.source()),
                graph.graph.node_weight(edge.target()),
            ) else {
                continue;
            };
            let on_path = critical.indices.windows(2).any(|pair| pair == [*from, *to]);
            let in_cycle = cycles
                .iter()
                .any(|members| members.contains(from) && members.contains(to));
            edges.push(DiagramEdge {
                from: *from,
                to: *to,
                critical: on_path,
                in_cycle,
            });
        }
        edges.sort_by_key(|edge| (edge.to, edge.from));
        Diagram {
            title: title.to_string(),
            groups,
            nodes,
            edges,
        }
    }
}

/// Task indices of each strongly connected component that is a cycle.
fn cycle_members(graph: &crate::graph::TaskGraph<'_, '_>) -> Vec<Vec<usize>> {
    use crate::graph::GraphNode;
    petgraph::algo::tarjan_scc(&graph.graph)
        .into_iter()
        .filter(|component| {
            component.len() > 1
                || component
                    .first()
                    .is_some_and(|&node| graph.graph.find_edge(node, node).is_some())
        })
        .map(|component| {
            component
                .iter()
                .filter_map(|&node| match graph.graph.node_weight(node) {
                    Some(GraphNode::Task(index)) => Some(*index),
                    _ => None,
                })
                .collect()
        })
        .collect()
}

impl From<speckit_model::tasks::TaskStatus> for NodeState {
    fn from(status: speckit_model::tasks::TaskStatus) -> Self {
        use speckit_model::tasks::TaskStatus;
        match status {
            TaskStatus::Todo => NodeState::Todo,
            TaskStatus::InProgress => NodeState::InProgress,
            TaskStatus::Blocked => NodeState::Blocked,
            TaskStatus::Done => NodeState::Done,
            TaskStatus::Skipped => NodeState::Skipped,
            TaskStatus::Unknown => NodeState::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use speckit_model::Document;
    use speckit_model::tasks::TaskList;

    use super::*;
    use crate::graph::TaskGraph;

    #[test]
    fn diagram_of_a_graph() {
        let text = "## Phase 1: Setup\n- [x] T001 a\n- [ ] T002 b\n## Phase 2: Core\n- [ ] T003 c (depends on T004)\n- [ ] T004 d (depends on T003)\n";
        let document = Document::parse_str("tasks.md", text);
        let list = TaskList::parse(&document);
        let graph = TaskGraph::build(&list);
        let diagram = Diagram::from_graph(&graph, "X");
        assert_eq!(diagram.groups, ["Phase 1: Setup", "Phase 2: Core"]);
        assert_eq!(diagram.nodes.len(), 4);
        assert_eq!(diagram.nodes[0].state, NodeState::Done);
        let edges: Vec<(usize, usize, bool, bool)> = diagram
            .edges
            .iter()
            .map(|edge| (edge.from, edge.to, edge.critical, edge.in_cycle))
            .collect();
        assert_eq!(
            edges,
            [(0, 1, true, false), (3, 2, false, true), (2, 3, true, true)]
        );
        assert!(diagram.nodes[0].critical && diagram.nodes[1].critical);
    }
}
