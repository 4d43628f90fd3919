//! The critical path: the longest chain of dependent work.
//!
//! Plugin tasks weigh their `Estimated Effort` in hours (see
//! [`crate::graph::EFFORT_HOURS`]); spec-kit tasks have no estimate and weigh
//! one each, so the path is the longest chain counted in tasks. Cycles do not
//! stop the computation: edges that close a cycle (back edges of a depth-first
//! search in document order) are ignored, and the cycles are reported
//! separately.

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use schemars::JsonSchema;
use serde::Serialize;
use speckit_model::tasks::{Task, TaskFormat, TaskList};

use crate::graph::{DEFAULT_EFFORT_HOURS, EFFORT_HOURS, GraphNode, TaskGraph};

/// What the path length counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum WeightUnit {
    Hours,
    Tasks,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct CriticalPath {
    /// Task IDs from the first to the last task of the chain.
    pub tasks: Vec<String>,
    /// Indices into the task list, same order.
    #[serde(skip)]
    pub indices: Vec<usize>,
    /// Sum of the weights along the chain.
    pub length: u32,
    pub unit: WeightUnit,
}

/// The weight of one task (hours for plugin tasks, 1 for spec-kit tasks).
pub fn task_weight(list: &TaskList<'_>, task: &Task<'_>) -> u32 {
    if list.format == TaskFormat::Checklist {
        return 1;
    }
    task.effort().map_or(DEFAULT_EFFORT_HOURS, |field| {
        effort_hours(field.value.value).unwrap_or(DEFAULT_EFFORT_HOURS)
    })
}

/// `M`, `M (1 day)`, `xl` → hours; `None` for anything else.
pub fn effort_hours(value: &str) -> Option<u32> {
    let size = value
        .split(|c: char| c.is_whitespace() || c == '(')
        .next()?
        .trim_matches(['*', '`']);
    EFFORT_HOURS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(size))
        .map(|&(_, hours)| hours)
}

/// A topological order of the graph with cycle-closing edges ignored:
/// reversed DFS post-order, starting from nodes in index (document) order.
fn order_ignoring_cycles(graph: &TaskGraph<'_, '_>) -> Vec<NodeIndex> {
    let count = graph.graph.node_count();
    let mut state = vec![0u8; count]; // 0 new, 1 on stack, 2 done
    let mut post = Vec::with_capacity(count);
    for start in graph.graph.node_indices() {
        if state.get(start.index()) != Some(&0) {
            continue;
        }
        let mut stack: Vec<(NodeIndex, Vec<NodeIndex>)> = vec![(start, successors(graph, start))];
        if let Some(slot) = state.get_mut(start.index()) {
            *slot = 1;
        }
        while let Some((node, pending)) = stack.last_mut() {
            let node = *node;
            if let Some(next) = pending.pop() {
                if state.get(next.index()) == Some(&0) {
                    if let Some(slot) = state.get_mut(next.index()) {
                        *slot = 1;
                    }
                    let next_successors = successors(graph, next);
                    stack.push((next, next_successors));
                }
            } else {
                if let Some(slot) = state.get_mut(node.index()) {
                    *slot = 2;
                }
                post.push(node);
                stack.pop();
            }
        }
    }
    post.reverse();
    post
}

/// Successors in reverse index order, so that popping visits them in order.
fn successors(graph: &TaskGraph<'_, '_>, node: NodeIndex) -> Vec<NodeIndex> {
    let mut next: Vec<NodeIndex> = graph
        .graph
        .neighbors_directed(node, Direction::Outgoing)
        .collect();
    next.sort_unstable_by(|a, b| b.cmp(a));
    next
}

/// The heaviest chain of tasks. Ties go to the chain ending earliest in the document.
pub fn critical_path(graph: &TaskGraph<'_, '_>) -> CriticalPath {
    let list = graph.list;
    let unit = if list.format == TaskFormat::Checklist {
        WeightUnit::Tasks
    } else {
        WeightUnit::Hours
    };
    let order = order_ignoring_cycles(graph);
    let mut position = vec![usize::MAX; graph.graph.node_count()];
    for (at, node) in order.iter().enumerate() {
        if let Some(slot) = position.get_mut(node.index()) {
            *slot = at;
        }
    }
    let weight = |node: NodeIndex| match graph.graph.node_weight(node) {
        Some(GraphNode::Task(index)) => list
            .tasks
            .get(*index)
            .map_or(0, |task| task_weight(list, task)),
        _ => 0,
    };
    let mut distance = vec![0u32; graph.graph.node_count()];
    let mut previous: Vec<Option<NodeIndex>> = vec![None; graph.graph.node_count()];
    for &node in &order {
        let here = position.get(node.index()).copied().unwrap_or(usize::MAX);
        let mut best: Option<(u32, NodeIndex)> = None;
        let mut predecessors: Vec<NodeIndex> = graph
            .graph
            .neighbors_directed(node, Direction::Incoming)
            .collect();
        predecessors.sort_unstable();
        for predecessor in predecessors {
            // Only edges that go forward in the order: the others close cycles.
            if position
                .get(predecessor.index())
                .copied()
                .unwrap_or(usize::MAX)
                >= here
            {
                continue;
            }
            let candidate = distance.get(predecessor.index()).copied().unwrap_or(0);
            if best.is_none_or(|(value, _)| candidate > value) {
                best = Some((candidate, predecessor));
            }
        }
        let base = best.map_or(0, |(value, _)| value);
        if let Some(slot) = distance.get_mut(node.index()) {
            *slot = base + weight(node);
        }
        if let Some(slot) = previous.get_mut(node.index()) {
            *slot = best.map(|(_, predecessor)| predecessor);
        }
    }
    let end = graph.task_nodes.iter().copied().max_by(|a, b| {
        let (da, db) = (distance.get(a.index()), distance.get(b.index()));
        da.cmp(&db).then(b.cmp(a))
    });
    let mut indices = Vec::new();
    let mut cursor = end;
    let mut guard = graph.graph.node_count() + 1;
    while let Some(node) = cursor {
        if let Some(GraphNode::Task(index)) = graph.graph.node_weight(node) {
            indices.push(*index);
        }
        cursor = previous.get(node.index()).copied().flatten();
        guard -= 1;
        if guard == 0 {
            break;
        }
    }
    indices.reverse();
    let length = end
        .and_then(|node| distance.get(node.index()).copied())
        .unwrap_or(0);
    CriticalPath {
        tasks: indices
            .iter()
            .filter_map(|&index| list.tasks.get(index))
            .map(|task| task.id.value.to_string())
            .collect(),
        indices,
        length,
        unit,
    }
}
