//! Charts drawn among the narrative (a bar chart of staff numbers, of
//! expenditure by function): their gridlines read as a ruled grid and their
//! axis labels line up as a column, but a chart is no table and its labels are
//! no narrative. A chart is told by its drawing, not by its words: a plot area
//! whose ruled rows are never split into cells and hold only the bars' value
//! labels, or a column of axis ticks stepping evenly down to the baseline with
//! little beside it (the legend). Its labels around it (ticks printed as lines
//! of their own, the categories under the bars) go with it.
use fiscal_layout::blocks::{Block, PageBlocks};
use fiscal_layout::grid::CellGrid;
use fiscal_layout::lines::{is_numeric, TextLine};

use crate::settings::RecognizeSettings;
use crate::text::compact;

/// The blocks of `page` (by index) that belong to a chart, and the number of
/// charts found; empty when the page draws none.
pub(super) fn chart_blocks(page: &PageBlocks, s: &RecognizeSettings) -> (Vec<usize>, usize) {
    let charts: Vec<(usize, &CellGrid)> = page
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b {
            Block::Grid(g) if is_plot_area(g) || is_value_axis(g, s) => Some((i, g)),
            _ => None,
        })
        .collect();
    if charts.is_empty() {
        return (Vec::new(), 0);
    }
    let mut parts: Vec<usize> = charts.iter().map(|(i, _)| *i).collect();
    for (i, b) in page.blocks.iter().enumerate() {
        if let Block::Line(l) = b {
            if charts.iter().any(|(_, g)| is_chart_label(l, g, s)) {
                parts.push(i);
            }
        }
    }
    parts.sort_unstable();
    // Grids that overlap one another are one chart (the plot area and its axis).
    let mut count = 0;
    let mut seen: Vec<&CellGrid> = Vec::new();
    for (_, g) in &charts {
        if !seen.iter().any(|o| overlaps_vertically(o, g)) {
            count += 1;
        }
        seen.push(g);
    }
    (parts, count)
}

fn overlaps_vertically(a: &CellGrid, b: &CellGrid) -> bool {
    a.top() < b.bottom() && b.top() < a.bottom()
}

/// A chart's plot area: a ruled grid of at least two rows whose every cell
/// spans all its columns (gridlines cross the plot; only the category ticks
/// mark columns) and holds nothing but figures (the bars' value labels).
fn is_plot_area(g: &CellGrid) -> bool {
    g.ruled
        && g.rows() >= 2
        && g.cols() >= 2
        && g.cells.iter().all(|c| c.col0 == 0 && c.col1 == g.cols())
        && g.cells.iter().any(|c| !c.text.trim().is_empty())
        && g.cells
            .iter()
            .all(|c| c.text.split_whitespace().all(is_numeric))
}

/// A chart's value axis read as an aligned grid: its first column holds at
/// least `chart_axis_ticks` figures stepping evenly down (200, 180, …, 0), and
/// fewer than half its rows print anything beside them (a legend, a label).
fn is_value_axis(g: &CellGrid, s: &RecognizeSettings) -> bool {
    if g.ruled {
        return false;
    }
    let ticks: Vec<f64> = (0..g.rows())
        .filter_map(|r| {
            g.row_cells(r)
                .find(|c| c.col0 == 0)
                .map(|c| compact(&c.text))
                .filter(|t| !t.is_empty())
        })
        .map(|t| t.replace(',', "").parse::<f64>().ok())
        .collect::<Option<Vec<f64>>>()
        .unwrap_or_default();
    if ticks.len() < s.chart_axis_ticks {
        return false;
    }
    let step = ticks[0] - ticks[1];
    let even = step > 0.0
        && ticks
            .windows(2)
            .all(|w| ((w[0] - w[1]) - step).abs() <= step * 1e-6);
    let beside = (0..g.rows())
        .filter(|&r| {
            g.row_cells(r)
                .any(|c| c.col0 > 0 && !c.text.trim().is_empty())
        })
        .count();
    even && beside * 2 < g.rows()
}

/// A free line that is a label of the chart drawn as `g`: within its height
/// (widened by `chart_label_margin` × the label's size above and below) and
/// printing only figures (ticks and values), or short words set apart (the
/// categories under the bars, a legend).
fn is_chart_label(l: &TextLine, g: &CellGrid, s: &RecognizeSettings) -> bool {
    let margin = s.chart_label_margin * l.size();
    let near = l.top < g.bottom() + margin && l.bottom > g.top() - margin;
    if !near {
        return false;
    }
    let words: Vec<String> = l.chunks.iter().map(|c| compact(&c.text)).collect();
    let figures = words.iter().all(|w| is_numeric(w));
    let short_words = words.len() >= 2
        && words
            .iter()
            .all(|w| w.chars().count() <= s.chart_label_chars);
    figures || short_words
}

#[cfg(test)]
mod tests {
    use super::*;
    use fiscal_layout::grid::GridCell;

    fn grid(ruled: bool, cols: usize, rows: &[&[(usize, usize, &str)]]) -> CellGrid {
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            for &(c0, c1, text) in row.iter() {
                cells.push(GridCell {
                    row0: r,
                    row1: r + 1,
                    col0: c0,
                    col1: c1,
                    text: text.to_string(),
                    x0: 100.0 + 50.0 * c0 as f32,
                    x1: 100.0 + 50.0 * c1 as f32,
                    ink: None,
                });
            }
        }
        CellGrid {
            x_edges: (0..=cols).map(|i| 100.0 + 50.0 * i as f32).collect(),
            y_edges: (0..=rows.len()).map(|i| 200.0 + 20.0 * i as f32).collect(),
            cells,
            ruled,
            ..Default::default()
        }
    }

    #[test]
    fn a_plot_area_spans_every_row_and_holds_only_figures() {
        let plot = grid(
            true,
            4,
            &[&[(0, 4, "172")], &[(0, 4, "")], &[(0, 4, "77 76 76")]],
        );
        assert!(is_plot_area(&plot));
        // A boxed paragraph is one cell a row too, but of words.
        let boxed = grid(true, 2, &[&[(0, 2, "说明：本表…")], &[(0, 2, "12")]]);
        assert!(!is_plot_area(&boxed));
        // A table's rows are split into cells.
        let table = grid(true, 2, &[&[(0, 1, "合计"), (1, 2, "12")], &[(0, 2, "3")]]);
        assert!(!is_plot_area(&table));
    }

    #[test]
    fn a_value_axis_steps_evenly_down_with_little_beside_it() {
        let s = RecognizeSettings::default();
        let axis = grid(
            false,
            2,
            &[
                &[(0, 1, "200")],
                &[(0, 1, "150"), (1, 2, "行政单位")],
                &[(0, 1, "100")],
                &[(0, 1, "50")],
                &[(0, 1, "0")],
            ],
        );
        assert!(is_value_axis(&axis, &s));
        // Years counted down in a table each carry their figures.
        let years = grid(
            false,
            2,
            &[
                &[(0, 1, "2024"), (1, 2, "12.5")],
                &[(0, 1, "2023"), (1, 2, "10.1")],
                &[(0, 1, "2022"), (1, 2, "9.0")],
                &[(0, 1, "2021"), (1, 2, "8.2")],
            ],
        );
        assert!(!is_value_axis(&years, &s));
        // An index column counts up.
        let index = grid(
            false,
            1,
            &[
                &[(0, 1, "1")],
                &[(0, 1, "2")],
                &[(0, 1, "3")],
                &[(0, 1, "4")],
            ],
        );
        assert!(!is_value_axis(&index, &s));
    }
}
