//! The first half of the layered layout: which band (group) each node goes
//! in, which dependency edges to flip so no cycle is left, and the layer of
//! each node inside its band.
//!
//! Everything here works on node indices only; geometry comes later.

use std::collections::VecDeque;

use crate::diagram::Diagram;

use super::{group_members, ungrouped_nodes};

/// The groups that get a band, in drawing order, and each node's band.
pub(crate) fn bands(diagram: &Diagram) -> (Vec<Option<usize>>, Vec<usize>) {
    let mut band_groups = Vec::new();
    let mut band_of = vec![0; diagram.nodes.len()];
    let mut assign = |band_idx: usize, members: &[usize]| {
        for &node_idx in members {
            if let Some(slot) = band_of.get_mut(node_idx) {
                *slot = band_idx;
            }
        }
    };
    for (group_idx, members) in group_members(diagram).iter().enumerate() {
        if !members.is_empty() {
            assign(band_groups.len(), members);
            band_groups.push(Some(group_idx));
        }
    }
    let stray = ungrouped_nodes(diagram);
    if !stray.is_empty() {
        assign(band_groups.len(), &stray);
        band_groups.push(None);
    }
    (band_groups, band_of)
}

/// Depth-first search state of a node.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    New,
    OnStack,
    Finished,
}

/// The links with every back edge of a depth-first search reversed, which
/// leaves no cycle. Roots and children are visited in index order so the
/// choice of reversed edges is stable.
pub(crate) fn acyclic(n_nodes: usize, links: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out_links: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n_nodes];
    for (link_idx, &(from, to)) in links.iter().enumerate() {
        if let Some(list) = out_links.get_mut(from) {
            list.push((link_idx, to));
        }
    }
    let mut marks = vec![Mark::New; n_nodes];
    let mut reversed = vec![false; links.len()];
    for root in 0..n_nodes {
        if marks.get(root) != Some(&Mark::New) {
            continue;
        }
        let mut stack = vec![(root, 0_usize)];
        if let Some(mark) = marks.get_mut(root) {
            *mark = Mark::OnStack;
        }
        while let Some((node_idx, next)) = stack.pop() {
            let Some(&(link_idx, child)) = out_links.get(node_idx).and_then(|list| list.get(next))
            else {
                if let Some(mark) = marks.get_mut(node_idx) {
                    *mark = Mark::Finished;
                }
                continue;
            };
            stack.push((node_idx, next + 1));
            match marks.get(child) {
                Some(Mark::OnStack) => {
                    if let Some(flag) = reversed.get_mut(link_idx) {
                        *flag = true;
                    }
                }
                Some(Mark::New) => {
                    if let Some(mark) = marks.get_mut(child) {
                        *mark = Mark::OnStack;
                    }
                    stack.push((child, 0));
                }
                _ => {}
            }
        }
    }
    links
        .iter()
        .zip(reversed)
        .map(|(&(from, to), flip)| if flip { (to, from) } else { (from, to) })
        .collect()
}

/// Layer of each node: the length of the longest path reaching it.
pub(crate) fn longest_path_layers(n_nodes: usize, dag: &[(usize, usize)]) -> Vec<usize> {
    let mut successors: Vec<Vec<usize>> = vec![Vec::new(); n_nodes];
    let mut in_degree = vec![0_usize; n_nodes];
    for &(from, to) in dag {
        if let (Some(list), Some(degree)) = (successors.get_mut(from), in_degree.get_mut(to)) {
            list.push(to);
            *degree += 1;
        }
    }
    let mut layers = vec![0_usize; n_nodes];
    let mut queue: VecDeque<usize> = (0..n_nodes)
        .filter(|&node_idx| in_degree.get(node_idx) == Some(&0))
        .collect();
    while let Some(node_idx) = queue.pop_front() {
        let layer = layers.get(node_idx).copied().unwrap_or(0);
        for &next in successors
            .get(node_idx)
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            if let Some(next_layer) = layers.get_mut(next) {
                *next_layer = (*next_layer).max(layer + 1);
            }
            if let Some(degree) = in_degree.get_mut(next) {
                *degree = degree.saturating_sub(1);
                if *degree == 0 {
                    queue.push_back(next);
                }
            }
        }
    }
    debug_assert!(in_degree.iter().all(|&degree| degree == 0), "cycle left");
    layers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures::node;

    /// Whether `links` can be layered completely, i.e. hold no cycle.
    fn is_acyclic(n_nodes: usize, links: &[(usize, usize)]) -> bool {
        let layers = longest_path_layers(n_nodes, links);
        links
            .iter()
            .all(|&(from, to)| layers.get(from) < layers.get(to))
    }

    fn check_acyclic(n_nodes: usize, links: &[(usize, usize)], expected: &[(usize, usize)]) {
        let result = acyclic(n_nodes, links);
        assert_eq!(result, expected, "{links:?}");
        assert!(is_acyclic(n_nodes, &result), "{result:?}");
    }

    #[test]
    fn acyclic_keeps_a_dag_unchanged() {
        check_acyclic(3, &[(0, 1), (1, 2), (0, 2)], &[(0, 1), (1, 2), (0, 2)]);
        check_acyclic(0, &[], &[]);
    }

    #[test]
    fn acyclic_reverses_only_back_edges() {
        check_acyclic(2, &[(0, 1), (1, 0)], &[(0, 1), (0, 1)]);
        check_acyclic(3, &[(0, 1), (1, 2), (2, 0)], &[(0, 1), (1, 2), (0, 2)]);
        // Two cycles through node 1; the search starts at node 0, so the
        // edges closing each cycle back towards it are the ones flipped.
        check_acyclic(
            4,
            &[(2, 3), (3, 1), (1, 2), (0, 1), (1, 0)],
            &[(2, 3), (1, 3), (1, 2), (0, 1), (0, 1)],
        );
    }

    #[test]
    fn acyclic_survives_long_chains_without_recursion() {
        let n_nodes = 20_000;
        let mut links: Vec<(usize, usize)> = (1..n_nodes).map(|to| (to - 1, to)).collect();
        links.push((n_nodes - 1, 0));
        let result = acyclic(n_nodes, &links);
        assert!(is_acyclic(n_nodes, &result));
        assert_eq!(result.last(), Some(&(0, n_nodes - 1)));
    }

    #[test]
    fn layers_follow_the_longest_path() {
        let layers = longest_path_layers(5, &[(0, 1), (0, 2), (1, 3), (2, 3), (0, 3)]);
        assert_eq!(layers, vec![0, 1, 1, 2, 0]);
    }

    #[test]
    fn bands_follow_group_order_and_skip_empty_groups() {
        let diagram = Diagram {
            groups: vec!["A".to_owned(), "Empty".to_owned(), "C".to_owned()],
            nodes: vec![
                node("x", "", Some(2)),
                node("y", "", None),
                node("z", "", Some(0)),
                node("w", "", Some(8)),
            ],
            ..Diagram::default()
        };
        assert_eq!(
            bands(&diagram),
            (vec![Some(0), Some(2), None], vec![1, 2, 0, 2])
        );
        let flat = Diagram {
            nodes: vec![node("x", "", None)],
            ..Diagram::default()
        };
        assert_eq!(bands(&flat), (vec![None], vec![0]));
    }
}
