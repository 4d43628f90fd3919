//! The second half of the layered layout: columns of nodes, the waypoints
//! that edges spanning several columns pass through, the order inside each
//! column, and vertical positions.
//!
//! Nodes and waypoints are both "items": indices below `n_nodes` are diagram
//! nodes, the rest are waypoints. Giving long edges their own items lets the
//! ordering sweeps see them and reserves a gap for them in every column they
//! cross, so no edge is drawn through a box. Nothing here knows about pixels
//! along x; [`super::layout`] turns columns into coordinates.

use std::ops::Range;

use super::layout::NODE_HEIGHT;
use super::to_f64;

/// Layers taller than this are split over several columns, so one phase of
/// many parallel tasks does not turn the picture into a tall strip.
const MAX_COLUMN_NODES: usize = 12;
/// Vertical room of a waypoint: a little more than a thick stroke.
const WAYPOINT_HALF_HEIGHT: f64 = 3.0;
/// Free space between two boxes, and between a box or waypoint and a waypoint.
const NODE_GAP: f64 = 20.0;
const WAYPOINT_GAP: f64 = 8.0;
const ORDER_SWEEPS: usize = 8;
const PLACE_SWEEPS: usize = 8;

pub(crate) struct Grid {
    /// Items of each column, top to bottom.
    pub(crate) columns: Vec<Vec<usize>>,
    /// Columns `band_starts[b]..band_starts[b + 1]` belong to band `b`.
    band_starts: Vec<usize>,
    /// Column of every item.
    pub(crate) column_of: Vec<usize>,
    n_nodes: usize,
    /// Item pairs in neighbouring columns, left item first.
    segments: Vec<(usize, usize)>,
    /// Each edge that got a route: its index and its waypoints, in the
    /// direction of the edge.
    pub(crate) chains: Vec<(usize, Vec<usize>)>,
}

impl Grid {
    /// Columns band after band; inside a band, one column per layer unless a
    /// layer is too tall and is split.
    pub(crate) fn new(n_bands: usize, band_of: &[usize], layers: &[usize]) -> Grid {
        let n_nodes = band_of.len();
        let mut columns = Vec::new();
        let mut band_starts = vec![0];
        for band_idx in 0..n_bands {
            let members: Vec<usize> = (0..n_nodes)
                .filter(|&node_idx| band_of.get(node_idx) == Some(&band_idx))
                .collect();
            let depth = members
                .iter()
                .filter_map(|&node_idx| layers.get(node_idx))
                .max()
                .map_or(0, |&deepest| deepest + 1);
            for layer in 0..depth {
                let in_layer: Vec<usize> = members
                    .iter()
                    .copied()
                    .filter(|&node_idx| layers.get(node_idx) == Some(&layer))
                    .collect();
                let n_columns = in_layer.len().div_ceil(MAX_COLUMN_NODES).max(1);
                let per_column = in_layer.len().div_ceil(n_columns).max(1);
                columns.extend(in_layer.chunks(per_column).map(<[usize]>::to_vec));
            }
            band_starts.push(columns.len());
        }
        let mut column_of = vec![0; n_nodes];
        for (column_idx, column) in columns.iter().enumerate() {
            for &node_idx in column {
                if let Some(slot) = column_of.get_mut(node_idx) {
                    *slot = column_idx;
                }
            }
        }
        Grid {
            columns,
            band_starts,
            column_of,
            n_nodes,
            segments: Vec::new(),
            chains: Vec::new(),
        }
    }

    pub(crate) fn band_range(&self, band_idx: usize) -> Range<usize> {
        let start = self.band_starts.get(band_idx).copied().unwrap_or(0);
        let end = self.band_starts.get(band_idx + 1).copied().unwrap_or(start);
        start..end
    }

    /// Adds `(edge_idx, from, to)` edges between distinct nodes, with one
    /// waypoint in every column strictly between their two columns.
    pub(crate) fn add_edges(&mut self, edges: &[(usize, usize, usize)]) {
        for &(edge_idx, from, to) in edges {
            let (Some(&from_column), Some(&to_column)) =
                (self.column_of.get(from), self.column_of.get(to))
            else {
                continue;
            };
            if from_column == to_column {
                // Only possible for inconsistent input; routed without help.
                self.chains.push((edge_idx, Vec::new()));
                continue;
            }
            let (left, right) = if from_column < to_column {
                ((from, from_column), (to, to_column))
            } else {
                ((to, to_column), (from, from_column))
            };
            let mut previous = left.0;
            let mut waypoints = Vec::new();
            for column_idx in left.1 + 1..right.1 {
                let item = self.column_of.len();
                self.column_of.push(column_idx);
                if let Some(column) = self.columns.get_mut(column_idx) {
                    column.push(item);
                }
                self.segments.push((previous, item));
                waypoints.push(item);
                previous = item;
            }
            self.segments.push((previous, right.0));
            if from_column > to_column {
                waypoints.reverse();
            }
            self.chains.push((edge_idx, waypoints));
        }
    }

    /// Neighbours of each item in the column to its left and to its right.
    fn neighbours(&self) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
        let n_items = self.column_of.len();
        let mut left = vec![Vec::new(); n_items];
        let mut right = vec![Vec::new(); n_items];
        for &(low, high) in &self.segments {
            if let Some(list) = right.get_mut(low) {
                list.push(high);
            }
            if let Some(list) = left.get_mut(high) {
                list.push(low);
            }
        }
        (left, right)
    }

    /// Each item's rank in its column, centred on zero so that columns of
    /// different heights compare the way they will be drawn.
    fn positions(&self) -> Vec<f64> {
        let mut positions = vec![0.0; self.column_of.len()];
        for column in &self.columns {
            let middle = to_f64(column.len().saturating_sub(1)) / 2.0;
            for (rank, &item) in column.iter().enumerate() {
                if let Some(slot) = positions.get_mut(item) {
                    *slot = to_f64(rank) - middle;
                }
            }
        }
        positions
    }

    /// Barycenter sweeps, alternately left-to-right and right-to-left,
    /// keeping the ordering with the fewest crossings seen.
    pub(crate) fn order(&mut self) {
        let (left, right) = self.neighbours();
        let mut best = self.columns.clone();
        let mut best_crossings = self.crossings();
        for sweep in 0..ORDER_SWEEPS {
            let forward = sweep % 2 == 0;
            let sides = if forward { &left } else { &right };
            for column_idx in sweep_order(self.columns.len(), forward) {
                let positions = self.positions();
                let Some(column) = self.columns.get_mut(column_idx) else {
                    continue;
                };
                let mut keyed: Vec<(f64, usize, usize)> = column
                    .iter()
                    .enumerate()
                    .map(|(rank, &item)| {
                        let own = positions.get(item).copied().unwrap_or(0.0);
                        let others = sides.get(item).map(Vec::as_slice).unwrap_or_default();
                        (mean(others, &positions).unwrap_or(own), rank, item)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                *column = keyed.into_iter().map(|(_, _, item)| item).collect();
            }
            let crossings = self.crossings();
            if crossings < best_crossings {
                best_crossings = crossings;
                best.clone_from(&self.columns);
            }
        }
        self.columns = best;
    }

    /// Pairs of segments that cross. Every segment joins neighbouring
    /// columns, so only segments leaving the same column can cross.
    pub(crate) fn crossings(&self) -> usize {
        let positions = self.positions();
        let mut by_column: Vec<Vec<(f64, f64)>> = vec![Vec::new(); self.columns.len()];
        for &(low, high) in &self.segments {
            let (Some(&column_idx), Some(&start), Some(&end)) = (
                self.column_of.get(low),
                positions.get(low),
                positions.get(high),
            ) else {
                continue;
            };
            if let Some(list) = by_column.get_mut(column_idx) {
                list.push((start, end));
            }
        }
        by_column.iter_mut().map(|list| count_crossings(list)).sum()
    }

    fn half_height(&self, item: usize) -> f64 {
        if item < self.n_nodes {
            NODE_HEIGHT / 2.0
        } else {
            WAYPOINT_HALF_HEIGHT
        }
    }

    /// Smallest distance between the centres of two items stacked in a column.
    fn separation(&self, upper: usize, lower: usize) -> f64 {
        let gap = if upper < self.n_nodes && lower < self.n_nodes {
            NODE_GAP
        } else {
            WAYPOINT_GAP
        };
        self.half_height(upper) + gap + self.half_height(lower)
    }

    /// Vertical centre of every item, with the topmost item touching 0.
    /// Columns start stacked; then each moves towards the mean height of its
    /// neighbours without changing its order or squeezing its gaps.
    pub(crate) fn place_vertically(&self) -> Vec<f64> {
        let (left, right) = self.neighbours();
        let separations: Vec<Vec<f64>> = self
            .columns
            .iter()
            .map(|column| {
                column
                    .windows(2)
                    .map(|pair| match pair {
                        [upper, lower] => self.separation(*upper, *lower),
                        _ => 0.0,
                    })
                    .collect()
            })
            .collect();
        let mut centers = vec![0.0; self.column_of.len()];
        for (column, gaps) in self.columns.iter().zip(&separations) {
            let stacked = spaced_fit(&vec![0.0; column.len()], gaps);
            for (&item, y) in column.iter().zip(stacked) {
                if let Some(slot) = centers.get_mut(item) {
                    *slot = y;
                }
            }
        }
        for sweep in 0..PLACE_SWEEPS {
            let forward = sweep % 2 == 0;
            // The last sweep listens to both sides so neither end is favoured.
            let both = sweep + 1 == PLACE_SWEEPS;
            for column_idx in sweep_order(self.columns.len(), forward) {
                let (Some(column), Some(gaps)) =
                    (self.columns.get(column_idx), separations.get(column_idx))
                else {
                    continue;
                };
                let desired: Vec<f64> = column
                    .iter()
                    .map(|&item| {
                        let own = centers.get(item).copied().unwrap_or(0.0);
                        let from_left = left.get(item).map(Vec::as_slice).unwrap_or_default();
                        let from_right = right.get(item).map(Vec::as_slice).unwrap_or_default();
                        let others: Vec<usize> = match (both, forward) {
                            (true, _) => [from_left, from_right].concat(),
                            (false, true) => from_left.to_vec(),
                            (false, false) => from_right.to_vec(),
                        };
                        mean(&others, &centers).unwrap_or(own)
                    })
                    .collect();
                for (&item, y) in column.iter().zip(spaced_fit(&desired, gaps)) {
                    if let Some(slot) = centers.get_mut(item) {
                        *slot = y;
                    }
                }
            }
        }
        let top = (0..centers.len())
            .filter_map(|item| Some(centers.get(item)? - self.half_height(item)))
            .fold(f64::INFINITY, f64::min);
        let shift = if top.is_finite() { -top } else { 0.0 };
        centers.iter().map(|y| (y + shift).round()).collect()
    }
}

/// Crossings among segments between one pair of columns, each given as
/// (position on the left, position on the right). Two cross when their order
/// flips, so after sorting by the left end this counts the strict
/// inversions of the right ends, by merge sort in O(n log n): dense phase
/// graphs put thousands of segments between two columns.
fn count_crossings(segments: &mut [(f64, f64)]) -> usize {
    segments.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut ends: Vec<f64> = segments.iter().map(|segment| segment.1).collect();
    let mut scratch = ends.clone();
    count_inversions(&mut ends, &mut scratch)
}

/// Sorts `values` and returns how many pairs `i < j` had `values[i] >
/// values[j]`; `scratch` must be as long as `values`.
fn count_inversions(values: &mut [f64], scratch: &mut [f64]) -> usize {
    let len = values.len();
    if len < 2 {
        return 0;
    }
    let middle = len / 2;
    let mut total = {
        let (left, right) = values.split_at_mut(middle);
        let (left_scratch, right_scratch) = scratch.split_at_mut(middle);
        count_inversions(left, left_scratch) + count_inversions(right, right_scratch)
    };
    let (left, right) = values.split_at(middle);
    let (mut i, mut j) = (0, 0);
    for slot in scratch.iter_mut() {
        match (left.get(i), right.get(j)) {
            (Some(&low), Some(&high)) if high < low => {
                // Every value still waiting on the left is greater than `high`.
                total += left.len() - i;
                *slot = high;
                j += 1;
            }
            (Some(&low), _) => {
                *slot = low;
                i += 1;
            }
            (None, Some(&high)) => {
                *slot = high;
                j += 1;
            }
            (None, None) => break,
        }
    }
    for (value, sorted) in values.iter_mut().zip(scratch.iter()) {
        *value = *sorted;
    }
    total
}

/// Column indices left to right, or right to left.
fn sweep_order(n_columns: usize, forward: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n_columns).collect();
    if !forward {
        order.reverse();
    }
    order
}

/// Mean of `values[idx]` over `indices`, or `None` when there are none.
fn mean(indices: &[usize], values: &[f64]) -> Option<f64> {
    let picked: Vec<f64> = indices
        .iter()
        .filter_map(|&idx| values.get(idx).copied())
        .collect();
    (!picked.is_empty()).then(|| picked.iter().sum::<f64>() / to_f64(picked.len()))
}

/// Positions as close as possible (least squares) to `desired` while item
/// `i + 1` stays at least `gaps[i]` below item `i`. Subtracting each item's
/// running offset turns this into isotonic regression, solved by pooling
/// adjacent violators.
pub(crate) fn spaced_fit(desired: &[f64], gaps: &[f64]) -> Vec<f64> {
    let offsets: Vec<f64> = std::iter::once(0.0)
        .chain(gaps.iter().scan(0.0, |total, gap| {
            *total += gap;
            Some(*total)
        }))
        .collect();
    // Each block holds (sum of shifted targets, number of members).
    let mut blocks: Vec<(f64, usize)> = Vec::new();
    for (&target, &offset) in desired.iter().zip(&offsets) {
        let mut block = (target - offset, 1);
        while let Some(&(sum, len)) = blocks.last() {
            if sum / to_f64(len) <= block.0 / to_f64(block.1) {
                break;
            }
            blocks.pop();
            block = (block.0 + sum, block.1 + len);
        }
        blocks.push(block);
    }
    let levels = blocks
        .into_iter()
        .flat_map(|(sum, len)| std::iter::repeat_n(sum / to_f64(len), len));
    levels
        .zip(&offsets)
        .map(|(level, offset)| level + offset)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_fit(desired: &[f64], gaps: &[f64], expected: &[f64]) {
        let fitted = spaced_fit(desired, gaps);
        assert_eq!(fitted.len(), expected.len());
        for (got, want) in fitted.iter().zip(expected) {
            assert!((got - want).abs() < 1e-9, "{desired:?} gave {fitted:?}");
        }
    }

    /// One band, one layer per node as given.
    fn grid(layers: &[usize]) -> Grid {
        Grid::new(1, &vec![0; layers.len()], layers)
    }

    #[test]
    fn spaced_fit_keeps_order_and_gaps() {
        check_fit(&[], &[], &[]);
        check_fit(&[5.0], &[], &[5.0]);
        check_fit(&[0.0, 50.0, 100.0], &[10.0, 10.0], &[0.0, 50.0, 100.0]);
        // Three items wanting the same spot spread evenly around it.
        check_fit(&[10.0, 10.0, 10.0], &[5.0, 5.0], &[5.0, 10.0, 15.0]);
        // An item asking to be above its predecessor is pooled with it.
        check_fit(&[20.0, 0.0], &[10.0], &[5.0, 15.0]);
        check_fit(&[0.0, 0.0, 100.0], &[4.0, 30.0], &[-2.0, 2.0, 100.0]);
    }

    #[test]
    fn long_edges_get_one_waypoint_per_column_crossed() {
        let mut grid = grid(&[0, 1, 2, 3]);
        grid.add_edges(&[(0, 0, 3), (1, 3, 0), (2, 0, 1)]);
        assert_eq!(
            grid.columns,
            vec![vec![0], vec![1, 4, 6], vec![2, 5, 7], vec![3]]
        );
        // Waypoints come in the direction of the edge, even when it runs back.
        assert_eq!(
            grid.chains,
            vec![(0, vec![4, 5]), (1, vec![7, 6]), (2, vec![])]
        );
        assert_eq!(grid.column_of, vec![0, 1, 2, 3, 1, 2, 1, 2]);
    }

    #[test]
    fn tall_layers_are_split_into_columns() {
        let grid = grid(&[0; 30]);
        let heights: Vec<usize> = grid.columns.iter().map(Vec::len).collect();
        assert_eq!(heights, vec![10, 10, 10]);
        assert_eq!(grid.band_range(0), 0..3);
        assert_eq!(grid.band_range(1), 3..3);
    }

    #[test]
    fn ordering_removes_a_simple_crossing() {
        // 0 and 1 on the left, 2 and 3 on the right, linked crosswise.
        let mut grid = grid(&[0, 0, 1, 1]);
        grid.add_edges(&[(0, 0, 3), (1, 1, 2)]);
        assert_eq!(grid.crossings(), 1);
        grid.order();
        assert_eq!(grid.crossings(), 0);
    }

    #[test]
    fn crossing_count_matches_a_pairwise_count() {
        let mut seed = 7_u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            to_f64(usize::try_from(seed >> 60).unwrap_or(0))
        };
        for len in [0, 1, 2, 5, 40, 200] {
            let mut segments: Vec<(f64, f64)> = (0..len).map(|_| (next(), next())).collect();
            let mut pairwise = 0;
            for (idx, first) in segments.iter().enumerate() {
                for second in segments.iter().skip(idx + 1) {
                    if (first.0 - second.0) * (first.1 - second.1) < 0.0 {
                        pairwise += 1;
                    }
                }
            }
            assert_eq!(count_crossings(&mut segments), pairwise, "{len} segments");
        }
    }

    #[test]
    fn vertical_placement_separates_boxes_and_waypoints() {
        let mut grid = grid(&[0, 1, 1, 1, 2]);
        grid.add_edges(&[(0, 0, 1), (1, 0, 2), (2, 0, 3), (3, 0, 4)]);
        grid.order();
        let centers = grid.place_vertically();
        for column in &grid.columns {
            for pair in column.windows(2) {
                let [upper, lower] = pair else { continue };
                let (Some(top), Some(bottom)) = (centers.get(*upper), centers.get(*lower)) else {
                    continue;
                };
                assert!(
                    bottom - top >= grid.separation(*upper, *lower) - 0.5,
                    "{centers:?}"
                );
            }
        }
        let top = (0..centers.len())
            .filter_map(|item| Some(centers.get(item)? - grid.half_height(item)))
            .fold(f64::INFINITY, f64::min);
        assert!(top.abs() < 0.5, "{centers:?}");
    }
}
