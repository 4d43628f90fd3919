//! The dependency graph of a task list: explicit dependencies, implicit
//! phase ordering, cycles and the critical path.
//!
//! Implicit ordering applies to spec-kit task lists, which have no
//! per-task dependency field (FORMATS.md §B.6, derived rule):
//! - a phase waits for the phase before it; a user-story phase waits only for
//!   the last phase before the run of story phases (stories are independent
//!   of each other); the phase after a run of story phases waits for all of
//!   them;
//! - inside a phase, a task without `[P]` and without explicit dependencies
//!   waits for the task right before it.
//!
//! Phase ordering is modelled with one barrier node per phase (done when all
//! its tasks are), so the graph stays linear in size.

use std::collections::HashMap;

use petgraph::Direction;
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use schemars::JsonSchema;
use serde::Serialize;
use speckit_model::tasks::{DependencySource, PhaseKind, TaskFormat, TaskList};
use speckit_text::Span;

/// Why one node waits for another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EdgeKind {
    /// Written in the document.
    Explicit,
    /// A phase barrier: the task waits for a whole earlier phase.
    Phase,
    /// Inside a phase, a non-`[P]` task waits for the one before it.
    Sequence,
}

/// A node of the graph: a task, or the end of a phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GraphNode {
    Task(usize),
    PhaseEnd(usize),
}

/// A dependency that names no task of the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct MissingDependency {
    pub task: String,
    pub missing: String,
    pub span: Span,
}

/// Effort weights in hours for the plugin's `Estimated Effort` sizes:
/// midpoints of the legend's ranges, with an 8-hour day
/// (XS < 2 h, S 2–4 h, M 4–8 h, L 1–2 days, XL 2–5 days).
pub const EFFORT_HOURS: [(&str, u32); 5] = [("XS", 1), ("S", 3), ("M", 6), ("L", 12), ("XL", 28)];

/// Weight used for a plugin task whose effort is missing or unreadable: M.
pub const DEFAULT_EFFORT_HOURS: u32 = 6;

/// The task graph of one task list.
#[derive(Debug)]
pub struct TaskGraph<'l, 'a> {
    pub list: &'l TaskList<'a>,
    pub graph: DiGraph<GraphNode, EdgeKind>,
    /// Node of each task, by task index.
    pub task_nodes: Vec<NodeIndex>,
    /// Barrier node of each phase, by phase index.
    pub phase_nodes: Vec<NodeIndex>,
    pub missing: Vec<MissingDependency>,
}

impl<'l, 'a> TaskGraph<'l, 'a> {
    pub fn build(list: &'l TaskList<'a>) -> Self {
        let mut graph =
            DiGraph::with_capacity(list.tasks.len() + list.phases.len(), list.tasks.len() * 2);
        let task_nodes: Vec<NodeIndex> = (0..list.tasks.len())
            .map(|index| graph.add_node(GraphNode::Task(index)))
            .collect();
        let implicit = list.format == TaskFormat::Checklist;
        let phase_nodes: Vec<NodeIndex> = if implicit {
            (0..list.phases.len())
                .map(|index| graph.add_node(GraphNode::PhaseEnd(index)))
                .collect()
        } else {
            Vec::new()
        };
        let mut missing = Vec::new();
        // The first task with each ID, as a dependency names it.
        let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(list.tasks.len());
        for (index, task) in list.tasks.iter().enumerate() {
            by_id.entry(task.id.value).or_insert(index);
        }

        for (index, task) in list.tasks.iter().enumerate() {
            let Some(&node) = task_nodes.get(index) else {
                continue;
            };
            for dependency in &task.dependencies {
                match by_id.get(dependency.id) {
                    Some(&target) => {
                        if let Some(&from) = task_nodes.get(target)
                            && graph.find_edge(from, node).is_none()
                        {
                            graph.add_edge(from, node, EdgeKind::Explicit);
                        }
                    }
                    None => missing.push(MissingDependency {
                        task: task.id.value.to_string(),
                        missing: dependency.id.to_string(),
                        span: dependency.span,
                    }),
                }
            }
        }
        if implicit {
            add_phase_ordering(list, &mut graph, &task_nodes, &phase_nodes);
        }
        TaskGraph {
            list,
            graph,
            task_nodes,
            phase_nodes,
            missing,
        }
    }

    /// A readable name of a node: the task ID, or `end of Phase N`.
    pub fn node_name(&self, node: NodeIndex) -> String {
        match self.graph.node_weight(node) {
            Some(GraphNode::Task(index)) => self
                .list
                .tasks
                .get(*index)
                .map_or_else(String::new, |task| task.id.value.to_string()),
            Some(GraphNode::PhaseEnd(index)) => {
                let phase = self.list.phases.get(*index);
                let number = phase
                    .and_then(|phase| phase.number)
                    .map_or("?", |number| number.value);
                format!("end of Phase {number}")
            }
            None => String::new(),
        }
    }

    /// Tasks (by index) a task waits for directly or through phase barriers.
    pub fn prerequisites(&self, task: usize) -> Vec<usize> {
        let Some(&node) = self.task_nodes.get(task) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for predecessor in self.graph.neighbors_directed(node, Direction::Incoming) {
            match self.graph.node_weight(predecessor) {
                Some(GraphNode::Task(index)) => out.push(*index),
                Some(GraphNode::PhaseEnd(_)) => {
                    for inner in self
                        .graph
                        .neighbors_directed(predecessor, Direction::Incoming)
                    {
                        if let Some(GraphNode::Task(index)) = self.graph.node_weight(inner) {
                            out.push(*index);
                        }
                    }
                }
                None => {}
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Every dependency cycle, each as the node names along the cycle
    /// (`T003 → T007 → T003`). Self-dependencies count.
    pub fn cycles(&self) -> Vec<Vec<String>> {
        let mut cycles = Vec::new();
        for component in tarjan_scc(&self.graph) {
            let is_cycle = component.len() > 1
                || component
                    .first()
                    .is_some_and(|&node| self.graph.find_edge(node, node).is_some());
            if !is_cycle {
                continue;
            }
            let path = cycle_path(&self.graph, &component);
            let mut names: Vec<String> = path.iter().map(|&node| self.node_name(node)).collect();
            if let Some(first) = names.first().cloned() {
                names.push(first);
            }
            cycles.push(names);
        }
        // Stable order: by the first task of each cycle in the document.
        cycles.sort();
        cycles
    }

    /// Task-level self-dependencies are also visible in the task list itself.
    pub fn has_cycles(&self) -> bool {
        !self.cycles().is_empty()
    }
}

fn add_phase_ordering(
    list: &TaskList<'_>,
    graph: &mut DiGraph<GraphNode, EdgeKind>,
    task_nodes: &[NodeIndex],
    phase_nodes: &[NodeIndex],
) {
    // Each phase's barrier waits for all of the phase's tasks.
    for (phase_index, phase) in list.phases.iter().enumerate() {
        let Some(&barrier) = phase_nodes.get(phase_index) else {
            continue;
        };
        for task_index in phase.tasks.clone() {
            if let Some(&node) = task_nodes.get(task_index)
                && list
                    .tasks
                    .get(task_index)
                    .is_some_and(|task| task.phase == Some(phase_index))
            {
                graph.add_edge(node, barrier, EdgeKind::Phase);
            }
        }
    }
    // Which earlier phases each phase waits for.
    for (phase_index, phase) in list.phases.iter().enumerate() {
        let predecessors = phase_predecessors(list, phase_index);
        let Some(first) = phase.tasks.clone().next() else {
            continue;
        };
        for task_index in phase.tasks.clone() {
            let Some(task) = list.tasks.get(task_index) else {
                continue;
            };
            if task.phase != Some(phase_index) {
                continue;
            }
            let Some(&node) = task_nodes.get(task_index) else {
                continue;
            };
            for &predecessor in &predecessors {
                if let Some(&barrier) = phase_nodes.get(predecessor) {
                    graph.add_edge(barrier, node, EdgeKind::Phase);
                }
            }
            let explicit = task
                .dependencies
                .iter()
                .any(|dep| dep.source != DependencySource::Tree);
            if task_index > first
                && !task.parallel
                && !explicit
                && let Some(&previous) = task_nodes.get(task_index - 1)
                && graph.find_edge(previous, node).is_none()
            {
                graph.add_edge(previous, node, EdgeKind::Sequence);
            }
        }
    }
}

/// The phases phase `index` waits for (see the module documentation).
fn phase_predecessors(list: &TaskList<'_>, index: usize) -> Vec<usize> {
    let is_story = |i: usize| {
        list.phases
            .get(i)
            .is_some_and(|phase| phase.kind == PhaseKind::Story)
    };
    if index == 0 {
        return Vec::new();
    }
    let previous = index - 1;
    if is_story(index) {
        // The last non-story phase before this run of stories.
        return (0..index)
            .rev()
            .find(|&i| !is_story(i))
            .into_iter()
            .collect();
    }
    if is_story(previous) {
        // After a run of stories: all of them.
        let mut run: Vec<usize> = (0..index).rev().take_while(|&i| is_story(i)).collect();
        run.reverse();
        return run;
    }
    vec![previous]
}

/// One concrete cycle through the strongly connected `component`, found by
/// walking successors inside it from its smallest node until a node repeats.
fn cycle_path(graph: &DiGraph<GraphNode, EdgeKind>, component: &[NodeIndex]) -> Vec<NodeIndex> {
    let Some(&start) = component.iter().min() else {
        return Vec::new();
    };
    if component.len() == 1 {
        return vec![start];
    }
    let mut path = vec![start];
    let mut current = start;
    loop {
        let mut successors: Vec<NodeIndex> = graph
            .neighbors_directed(current, Direction::Outgoing)
            .filter(|next| component.contains(next))
            .collect();
        successors.sort();
        let Some(&next) = successors.first() else {
            return path;
        };
        if let Some(position) = path.iter().position(|&seen| seen == next) {
            return path.split_off(position);
        }
        path.push(next);
        current = next;
    }
}

#[cfg(test)]
mod tests;
