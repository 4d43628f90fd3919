//! Layered (Sugiyama-style) placement of diagram nodes, left to right.
//!
//! Each group (phase) gets its own band of columns, in group order, with
//! ungrouped nodes in a last band, so a phase always reads as one block.
//! [`super::layering`] breaks cycles and layers the nodes of each band;
//! [`super::grid`] turns layers into columns, adds waypoints for long edges,
//! orders columns and places them vertically; this module turns that into
//! rectangles and horizontal runs in pixels.
//!
//! It computes geometry only: no text is measured and nothing is drawn.

use crate::diagram::Diagram;

use super::grid::Grid;
use super::layering::{acyclic, bands, longest_path_layers};
use super::valid_edges;

pub(crate) const NODE_WIDTH: f64 = 190.0;
pub(crate) const NODE_HEIGHT: f64 = 58.0;
/// Wide enough for an edge to bend between columns and for its arrowhead.
const COLUMN_GAP: f64 = 70.0;
const BAND_PADDING: f64 = 18.0;
const BAND_GAP: f64 = 24.0;
/// Room at the top of a band for the group's name.
const BAND_HEADER: f64 = 40.0;
const BAND_BOTTOM: f64 = 22.0;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Rect {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) width: f64,
    pub(crate) height: f64,
}

impl Rect {
    pub(crate) fn center_y(&self) -> f64 {
        self.y + self.height / 2.0
    }

    pub(crate) fn right(&self) -> f64 {
        self.x + self.width
    }
}

/// The background block of one group, or of the ungrouped nodes (`None`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Band {
    pub(crate) group: Option<usize>,
    pub(crate) rect: Rect,
}

/// A stretch where an edge crosses a column it does not stop in, running
/// level through the gap reserved for it, from `x_start` to `x_end` in the
/// direction of the edge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Run {
    pub(crate) x_start: f64,
    pub(crate) x_end: f64,
    pub(crate) y: f64,
}

/// The runs of one edge between distinct nodes, in the edge's direction.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Chain {
    pub(crate) edge_idx: usize,
    pub(crate) runs: Vec<Run>,
}

/// Where everything goes, with the top-left corner of the bands at (0, 0).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Layout {
    /// One rectangle per diagram node, by node index.
    pub(crate) nodes: Vec<Rect>,
    /// Global column of each node, by node index; routing compares them.
    pub(crate) column_of: Vec<usize>,
    pub(crate) bands: Vec<Band>,
    /// Every valid edge between two distinct nodes, in edge order.
    pub(crate) chains: Vec<Chain>,
    pub(crate) width: f64,
    pub(crate) height: f64,
}

/// Lays out every node of the diagram and the path of every edge.
pub(crate) fn layout(diagram: &Diagram) -> Layout {
    let n_nodes = diagram.nodes.len();
    if n_nodes == 0 {
        return Layout::default();
    }
    let (band_groups, band_of) = bands(diagram);
    let edges: Vec<(usize, usize, usize)> = valid_edges(diagram)
        .filter(|(_, edge)| edge.from != edge.to)
        .map(|(edge_idx, edge)| (edge_idx, edge.from, edge.to))
        .collect();
    // Only edges inside a band order its layers; edges between bands follow
    // the order of the bands themselves.
    let inner: Vec<(usize, usize)> = edges
        .iter()
        .filter(|(_, from, to)| band_of.get(*from) == band_of.get(*to))
        .map(|&(_, from, to)| (from, to))
        .collect();
    let layers = longest_path_layers(n_nodes, &acyclic(n_nodes, &inner));

    let mut grid = Grid::new(band_groups.len(), &band_of, &layers);
    grid.add_edges(&edges);
    grid.order();
    let centers: Vec<f64> = grid
        .place_vertically()
        .into_iter()
        .map(|y| y + BAND_HEADER)
        .collect();

    let mut column_x = vec![0.0; grid.columns.len()];
    let mut bands = Vec::with_capacity(band_groups.len());
    let mut cursor = 0.0;
    let height =
        centers.iter().fold(0.0_f64, |max, &y| max.max(y)) + NODE_HEIGHT / 2.0 + BAND_BOTTOM;
    for (band_idx, group) in band_groups.iter().enumerate() {
        let start = cursor;
        cursor += BAND_PADDING;
        for column_idx in grid.band_range(band_idx) {
            if let Some(slot) = column_x.get_mut(column_idx) {
                *slot = cursor;
            }
            cursor += NODE_WIDTH + COLUMN_GAP;
        }
        cursor += BAND_PADDING - COLUMN_GAP;
        bands.push(Band {
            group: *group,
            rect: Rect {
                x: start,
                y: 0.0,
                width: cursor - start,
                height,
            },
        });
        cursor += BAND_GAP;
    }

    let item_x = |item: usize| {
        let column = grid.column_of.get(item).copied().unwrap_or(0);
        column_x.get(column).copied().unwrap_or(0.0)
    };
    let item_y = |item: usize| centers.get(item).copied().unwrap_or(0.0);
    let nodes = (0..n_nodes)
        .map(|node_idx| Rect {
            x: item_x(node_idx),
            y: item_y(node_idx) - NODE_HEIGHT / 2.0,
            width: NODE_WIDTH,
            height: NODE_HEIGHT,
        })
        .collect();
    let chains = grid
        .chains
        .iter()
        .map(|(edge_idx, waypoints)| {
            let rightward = diagram
                .edges
                .get(*edge_idx)
                .is_none_or(|edge| item_x(edge.from) <= item_x(edge.to));
            let runs = waypoints
                .iter()
                .map(|&item| {
                    let (left, right) = (item_x(item), item_x(item) + NODE_WIDTH);
                    let (x_start, x_end) = if rightward {
                        (left, right)
                    } else {
                        (right, left)
                    };
                    Run {
                        x_start,
                        x_end,
                        y: item_y(item),
                    }
                })
                .collect();
            Chain {
                edge_idx: *edge_idx,
                runs,
            }
        })
        .collect();
    Layout {
        nodes,
        column_of: grid.column_of.get(..n_nodes).unwrap_or_default().to_vec(),
        bands,
        chains,
        width: (cursor - BAND_GAP).max(0.0),
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::fixtures::{edge, node, synthetic, three_phases};

    fn overlaps(a: &Rect, b: &Rect) -> bool {
        a.x < b.right() && b.x < a.right() && a.y < b.y + b.height && b.y < a.y + a.height
    }

    fn inside(inner: &Rect, outer: &Rect) -> bool {
        inner.x >= outer.x
            && inner.right() <= outer.right()
            && inner.y >= outer.y
            && inner.y + inner.height <= outer.y + outer.height
    }

    /// The geometric promises every layout keeps.
    fn check_layout(diagram: &Diagram) {
        let layout = layout(diagram);
        assert_eq!(layout.nodes.len(), diagram.nodes.len());
        for (idx, first) in layout.nodes.iter().enumerate() {
            for second in layout.nodes.iter().skip(idx + 1) {
                assert!(!overlaps(first, second), "{first:?} overlaps {second:?}");
            }
        }
        for pair in layout.bands.windows(2) {
            let [left, right] = pair else { continue };
            assert!(left.rect.right() < right.rect.x, "bands overlap");
        }
        let (band_groups, band_of) = bands(diagram);
        assert_eq!(layout.bands.len(), band_groups.len());
        for (rect, band_idx) in layout.nodes.iter().zip(&band_of) {
            let band = layout.bands.get(*band_idx).map(|band| band.rect);
            assert!(
                band.is_some_and(|band| inside(rect, &band)),
                "{rect:?} outside {band:?}"
            );
        }
        // Runs pass between boxes, never through one.
        for run in layout.chains.iter().flat_map(|chain| &chain.runs) {
            let (low, high) = (run.x_start.min(run.x_end), run.x_start.max(run.x_end));
            for rect in &layout.nodes {
                let same_column = rect.x < high && low < rect.right();
                let hit = run.y > rect.y - 1.0 && run.y < rect.y + rect.height + 1.0;
                assert!(!(same_column && hit), "{run:?} crosses {rect:?}");
            }
        }
        assert_eq!(
            layout,
            super::layout(diagram),
            "layout is not deterministic"
        );
    }

    #[test]
    fn empty_diagram_has_empty_layout() {
        assert_eq!(layout(&Diagram::default()), Layout::default());
    }

    #[test]
    fn sample_layouts_keep_their_promises() {
        check_layout(&three_phases());
        for n_nodes in [1, 5, 40, 150] {
            check_layout(&synthetic(n_nodes));
        }
    }

    #[test]
    fn dependencies_inside_a_band_flow_left_to_right() {
        let diagram = Diagram {
            nodes: vec![
                node("a", "", None),
                node("b", "", None),
                node("c", "", None),
            ],
            edges: vec![edge(0, 1), edge(1, 2), edge(0, 2)],
            ..Diagram::default()
        };
        let layout = layout(&diagram);
        let xs: Vec<f64> = layout.nodes.iter().map(|rect| rect.x).collect();
        assert!(
            xs.windows(2).all(|pair| pair.first() < pair.get(1)),
            "{xs:?}"
        );
        // The long edge 0 → 2 runs through the middle column.
        let long = layout.chains.iter().find(|chain| chain.edge_idx == 2);
        assert_eq!(long.map(|chain| chain.runs.len()), Some(1));
    }

    #[test]
    fn groups_are_laid_out_in_group_order() {
        let diagram = Diagram {
            groups: vec!["first".to_owned(), "second".to_owned()],
            nodes: vec![node("late", "", Some(1)), node("early", "", Some(0))],
            // Points back to the earlier phase; the phases keep their order.
            edges: vec![edge(0, 1)],
            ..Diagram::default()
        };
        let layout = layout(&diagram);
        let groups: Vec<Option<usize>> = layout.bands.iter().map(|band| band.group).collect();
        assert_eq!(groups, vec![Some(0), Some(1)]);
        let (Some(late), Some(early)) = (layout.nodes.first(), layout.nodes.get(1)) else {
            panic!("two nodes expected");
        };
        assert!(early.x < late.x);
    }

    #[test]
    fn a_large_diagram_stays_compact() {
        let layout = layout(&synthetic(150));
        assert!(layout.height < 1400.0, "height {}", layout.height);
        assert!(layout.width < 9000.0, "width {}", layout.width);
    }
}
