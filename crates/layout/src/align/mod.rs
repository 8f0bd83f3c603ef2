//! Unruled tables (LibreOffice and Word exports often print tables with no
//! lines at all): a cell grid from the alignment of text.
//!
//! Body rows are anchored by lines that carry figures (amounts, codes, 行次);
//! a line of text alone is a wrapped part of the nearest anchor's cells.
//! Columns are the x ranges the body's chunks cover, separated by gutters no
//! chunk crosses; header lines above the body are mapped onto those columns,
//! a header chunk spanning several columns becoming a spanning cell.
use crate::geometry::{overlap, Rect};
use crate::grid::{CellGrid, GridCell};
use crate::lines::{join_wrapped, Chunk, TextLine};

mod header;
mod regions;

use header::header_cells;
use regions::{is_anchor, regions};

use crate::settings::LayoutSettings;

/// Column x ranges from the chunks of body lines.
fn columns(body: &[&TextLine], s: &LayoutSettings) -> Vec<(f32, f32)> {
    let mut spans: Vec<(f32, f32)> = body
        .iter()
        .filter(|l| is_anchor(l))
        .flat_map(|l| l.chunks.iter().map(|c| (c.x0, c.x1)))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut cols: Vec<(f32, f32)> = Vec::new();
    for (a, b) in spans {
        match cols.last_mut() {
            Some(last) if a <= last.1 + s.column_join => last.1 = last.1.max(b),
            _ => cols.push((a, b)),
        }
    }
    cols
}

/// Column index range a chunk covers.
fn span_of(c: &Chunk, cols: &[(f32, f32)], s: &LayoutSettings) -> Option<(usize, usize)> {
    let hits: Vec<usize> = (0..cols.len())
        .filter(|&k| {
            let o = overlap((c.x0, c.x1), cols[k]);
            o > 0.0
                && (o >= s.span_share * (cols[k].1 - cols[k].0).min(c.x1 - c.x0)
                    || cols[k].1 - cols[k].0 < s.min_column_width)
        })
        .collect();
    if hits.is_empty() {
        // Centered over a gutter between columns: take the nearest column.
        let cx = c.center_x();
        let k = (0..cols.len()).min_by(|&a, &b| {
            let da = (cols[a].0 - cx).abs().min((cols[a].1 - cx).abs());
            let db = (cols[b].0 - cx).abs().min((cols[b].1 - cx).abs());
            da.total_cmp(&db)
        })?;
        return Some((k, k + 1));
    }
    Some((hits[0], hits[hits.len() - 1] + 1))
}

/// Whether a header chunk is a label over header words a row below it: words
/// under it, or on both sides of it near enough to be its columns (a label
/// centred over a gutter). A label centred down beside them sits lower, within
/// half a line of their tops, and heads none.
fn heads_words_below(head: &[&TextLine], c: &Chunk, s: &LayoutSettings) -> bool {
    let h = c.bottom - c.top;
    let reach = s.label_reach * (c.x1 - c.x0) + h;
    let below = || {
        head.iter()
            .flat_map(|l| l.chunks.iter())
            .filter(move |o| o.top > c.bottom + s.label_row_gap * h)
    };
    below().any(|o| overlap((o.x0, o.x1), (c.x0, c.x1)) > 0.0)
        || below().any(|o| o.x1 <= c.x0 && c.x0 - o.x1 < reach)
            && below().any(|o| o.x0 >= c.x1 && o.x0 - c.x1 < reach)
}

/// Finds unruled tables among a page's free lines. Returns each table's grid and
/// the inclusive line range it took.
///
/// `header_lines` are the same lines split at narrower gaps (header words of
/// neighbouring columns are set closer than body figures); they must come
/// from the same glyphs, line for line.
pub fn aligned_grids(
    lines: &[TextLine],
    header_lines: &[TextLine],
    s: &LayoutSettings,
) -> Vec<(CellGrid, (usize, usize))> {
    let mut out = Vec::new();
    for (start, end) in regions(lines, s) {
        let region: Vec<&TextLine> = lines[start..=end].iter().collect();
        let mut first_anchor = region.iter().position(|l| is_anchor(l)).unwrap_or(0);
        // Upper lines of the first row's wrapped cells sit within a line of its anchor.
        while first_anchor > 0 {
            let (above, anchor) = (region[first_anchor - 1], region[first_anchor]);
            let lh = anchor.bottom - anchor.top;
            if is_anchor(above) || anchor.center_y() - above.center_y() >= s.first_row_reach * lh {
                break;
            }
            first_anchor -= 1;
        }
        let mut cols = columns(
            &header_lines[start + first_anchor..=end]
                .iter()
                .collect::<Vec<_>>(),
            s,
        );
        let head: Vec<&TextLine> = header_lines[start..start + first_anchor].iter().collect();
        // Header chunks over no body column (a column left blank in every row) add
        // one, unless they are the wrapped end of the header word above or below,
        // or a label heading words below it (a side or parent label centred over
        // the gutter between its columns).
        let stacked = |c: &Chunk, li: usize| {
            head.iter().enumerate().any(|(lj, other)| {
                lj != li
                    && (other.top - head[li].top).abs() < s.stacked_reach * (c.bottom - c.top)
                    && other
                        .chunks
                        .iter()
                        .any(|o| overlap((o.x0, o.x1), (c.x0, c.x1)) > 0.0)
            }) || heads_words_below(&head, c, s)
        };
        // A header over figures set flush right (a centred 合计 over right-aligned
        // amounts) may miss them: it heads the nearest column no header covers.
        let headed = |cols: &[(f32, f32)], k: usize| {
            head.iter().any(|l| {
                l.chunks
                    .iter()
                    .any(|o| overlap((o.x0, o.x1), cols[k]) > 0.0)
            })
        };
        for (li, l) in head.iter().enumerate() {
            for c in &l.chunks {
                if cols.iter().any(|&k| overlap((c.x0, c.x1), k) > 0.0) || stacked(c, li) {
                    continue;
                }
                let gap = |k: &(f32, f32)| if k.0 > c.x1 { k.0 - c.x1 } else { c.x0 - k.1 };
                // Wide columns leave a wide gap: any unheaded column counts
                // that no headed column separates from the word.
                let between = |k: usize| {
                    (0..cols.len()).any(|j| {
                        headed(&cols, j)
                            && (cols[j].0 >= c.x1 && cols[j].1 <= cols[k].0
                                || cols[j].1 <= c.x0 && cols[j].0 >= cols[k].1)
                    })
                };
                let orphan = (0..cols.len())
                    .filter(|&k| !headed(&cols, k) && !between(k))
                    .min_by(|&a, &b| gap(&cols[a]).total_cmp(&gap(&cols[b])));
                match orphan {
                    Some(k) => cols[k] = (cols[k].0.min(c.x0), cols[k].1.max(c.x1)),
                    None => {
                        let at = cols.partition_point(|k| k.0 < c.x0);
                        cols.insert(at, (c.x0, c.x1));
                    }
                }
            }
        }
        if cols.len() < 2 {
            continue;
        }
        let mut cells: Vec<GridCell> = Vec::new();
        let (header, mut y_edges) = header_cells(&head, &cols, s);
        cells.extend(header);
        let mut row = y_edges.len();
        // Body: anchors with their fragments, from the finer chunks so that a
        // long name set close to the first figure column stays apart from it.
        let fine_region: Vec<&TextLine> = header_lines[start..=end].iter().collect();
        let body = &fine_region[first_anchor..];
        let anchors: Vec<usize> = (0..body.len()).filter(|&k| is_anchor(body[k])).collect();
        let mut members: Vec<Vec<&TextLine>> = vec![Vec::new(); anchors.len()];
        for l in body.iter() {
            let nearest = anchors
                .iter()
                .enumerate()
                .min_by(|a, b| {
                    let da = (body[*a.1].center_y() - l.center_y()).abs();
                    let db = (body[*b.1].center_y() - l.center_y()).abs();
                    da.total_cmp(&db).then(a.0.cmp(&b.0))
                })
                .map(|(i, _)| i);
            if let Some(i) = nearest {
                members[i].push(l);
            }
        }
        for group in members.iter() {
            y_edges.push(group.iter().map(|l| l.top).fold(f32::MAX, f32::min));
            let mut per_col: Vec<Vec<&str>> = vec![Vec::new(); cols.len()];
            let mut extent: Vec<Option<Rect>> = vec![None; cols.len()];
            let mut lines_sorted = group.clone();
            lines_sorted.sort_by(|a, b| a.top.total_cmp(&b.top));
            for l in lines_sorted {
                for c in &l.chunks {
                    if let Some((c0, _)) = span_of(c, &cols, s) {
                        per_col[c0].push(&c.text);
                        extent[c0] = Some(extent[c0].map_or(c.rect(), |e| e.union(c.rect())));
                    }
                }
            }
            for (k, (parts, ink)) in per_col.into_iter().zip(extent).enumerate() {
                if let (false, Some(ink)) = (parts.is_empty(), ink) {
                    cells.push(GridCell {
                        row0: row,
                        row1: row + 1,
                        col0: k,
                        col1: k + 1,
                        text: join_wrapped(parts),
                        x0: ink.x0,
                        x1: ink.x1,
                        ink: Some(ink),
                    });
                }
            }
            row += 1;
        }
        y_edges.push(region.last().map_or(0.0, |l| l.bottom));
        let mut x_edges: Vec<f32> = cols.iter().map(|c| c.0).collect();
        x_edges.push(cols.last().map_or(0.0, |c| c.1));
        out.push((
            CellGrid {
                x_edges,
                y_edges,
                cells,
                ruled: false,
                col_spans: cols,
                source_lines: header_lines[start..=end].to_vec(),
            },
            (start, end),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::{build_lines, is_numeric};
    use fiscal_reader::Glyph;

    fn put(g: &mut Vec<Glyph>, text: &str, x: f32, baseline: f32) {
        for (i, ch) in text.chars().enumerate() {
            g.push(Glyph {
                ch,
                x: x + i as f32 * 10.0,
                baseline,
                width: 10.0,
                size: 10.0,
                font: 0,
                clip_anchor: None,
            });
        }
    }

    /// The first header row's cells: (column, text).
    fn top_row(grid: &CellGrid) -> Vec<(usize, &str)> {
        grid.cells
            .iter()
            .filter(|c| c.row0 == 0)
            .map(|c| (c.col0, c.text.as_str()))
            .collect()
    }

    #[test]
    fn centered_wrapped_name_joins_its_row() {
        let mut g = Vec::new();
        put(&mut g, "项目", 20.0, 10.0);
        put(&mut g, "金额", 200.0, 10.0);
        put(&mut g, "一、一般公共预算财政", 0.0, 30.0);
        put(&mut g, "1.00", 200.0, 36.0);
        put(&mut g, "拨款收入", 10.0, 42.0);
        put(&mut g, "二、其他收入", 0.0, 60.0);
        put(&mut g, "2.00", 200.0, 60.0);
        let refs: Vec<&Glyph> = g.iter().collect();
        let lines = build_lines(&refs, 0.6, &LayoutSettings::DEFAULT);
        let grids = aligned_grids(
            &lines,
            &build_lines(&refs, 0.3, &LayoutSettings::DEFAULT),
            &LayoutSettings::DEFAULT,
        );
        assert_eq!(grids.len(), 1);
        let grid = &grids[0].0;
        let texts: Vec<(usize, usize, &str)> = grid
            .cells
            .iter()
            .map(|c| (c.row0, c.col0, c.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            vec![
                (0, 0, "项目"),
                (0, 1, "金额"),
                (1, 0, "一、一般公共预算财政拨款收入"),
                (1, 1, "1.00"),
                (2, 0, "二、其他收入"),
                (2, 1, "2.00")
            ]
        );
    }

    #[test]
    fn a_centred_header_over_flush_right_figures_heads_them() {
        let mut g = Vec::new();
        put(&mut g, "项目", 0.0, 10.0);
        put(&mut g, "合计", 100.0, 10.0); // 100-120, figures end at 170
        put(&mut g, "其中", 200.0, 10.0);
        put(&mut g, "一、收入", 0.0, 30.0);
        put(&mut g, "1.00", 130.0, 30.0);
        put(&mut g, "2.00", 200.0, 30.0);
        put(&mut g, "二、支出", 0.0, 50.0);
        put(&mut g, "3.00", 130.0, 50.0);
        put(&mut g, "4.00", 200.0, 50.0);
        let refs: Vec<&Glyph> = g.iter().collect();
        let s = LayoutSettings::DEFAULT;
        let grids = aligned_grids(
            &build_lines(&refs, 0.6, &s),
            &build_lines(&refs, 0.3, &s),
            &s,
        );
        let grid = &grids[0].0;
        assert_eq!(grid.cols(), 3, "{:?}", grid.col_spans);
        let header = top_row(grid);
        assert_eq!(header, vec![(0, "项目"), (1, "合计"), (2, "其中")]);
    }

    /// Wide value columns: the centred 小计 ends far left of its flush-right
    /// figures, further than its own width, with no other header between.
    #[test]
    fn a_header_far_from_its_flush_right_figures_still_heads_them() {
        let mut g = Vec::new();
        put(&mut g, "项目", 0.0, 10.0);
        put(&mut g, "小计", 150.0, 10.0); // 150-170, figures 250-290
        put(&mut g, "基本支出", 330.0, 10.0);
        for (y, name, a, b) in [
            (30.0, "一、收入", "1.00", "2.00"),
            (50.0, "二、支出", "3.00", "4.00"),
        ] {
            put(&mut g, name, 0.0, y);
            put(&mut g, a, 250.0, y);
            put(&mut g, b, 430.0, y);
        }
        let refs: Vec<&Glyph> = g.iter().collect();
        let s = LayoutSettings::DEFAULT;
        let grids = aligned_grids(
            &build_lines(&refs, 0.6, &s),
            &build_lines(&refs, 0.3, &s),
            &s,
        );
        let grid = &grids[0].0;
        assert_eq!(grid.cols(), 3, "{:?}", grid.col_spans);
        let header = top_row(grid);
        assert_eq!(header, vec![(0, "项目"), (1, "小计"), (2, "基本支出")]);
    }

    /// A side label centred over its side lands over the gutter between two
    /// figure columns, a full header row above the leaves: it heads them, it
    /// is no column of its own.
    #[test]
    fn a_side_label_over_a_gutter_adds_no_column() {
        let mut g = Vec::new();
        put(&mut g, "支出", 240.0, 10.0);
        put(&mut g, "项目", 20.0, 40.0);
        put(&mut g, "行次", 120.0, 40.0);
        put(&mut g, "合计", 180.0, 40.0);
        put(&mut g, "基本支出", 290.0, 40.0);
        for (y, name) in [(60.0, "一、一般公共服务支出"), (75.0, "二、外交支出")] {
            put(&mut g, name, 0.0, y);
            put(&mut g, "33", 125.0, y);
            // Figures set flush right: the label's centre falls between them.
            put(&mut g, "1.00", 190.0, y);
            put(&mut g, "2.00", 320.0, y);
        }
        let refs: Vec<&Glyph> = g.iter().collect();
        let s = LayoutSettings::DEFAULT;
        let grids = aligned_grids(
            &build_lines(&refs, 0.6, &s),
            &build_lines(&refs, 0.3, &s),
            &s,
        );
        let grid = &grids[0].0;
        assert_eq!(grid.cols(), 4, "{:?}", grid.col_spans);
        let side = grid.cells.iter().find(|c| c.text == "支出").unwrap();
        assert!(side.col0 <= 2 && side.col1 == 4, "{side:?}");
    }

    /// The 三公 header in narrow columns: leaf labels wrap, the labels beside a
    /// parent are centred down over two header rows, and the parent sits
    /// centred over its own three leaves.
    #[test]
    fn a_wrapped_multi_level_header_spans_by_whole_words() {
        let mut g = Vec::new();
        // Columns 50 wide, header text centred in them, figures set flush right.
        for (side, top) in [(0.0, "预算数"), (300.0, "决算数")] {
            put(&mut g, top, side + 135.0, 10.0);
            put(&mut g, "公务用车购置及运行费", side + 125.0, 28.0);
            put(&mut g, "因公出国", side + 55.0, 40.0);
            put(&mut g, "公务接待", side + 255.0, 40.0);
            put(&mut g, "合计", side + 15.0, 46.0);
            put(&mut g, "（境）费", side + 55.0, 52.0);
            put(&mut g, "费", side + 270.0, 52.0);
            put(&mut g, "公务用车", side + 155.0, 52.0);
            put(&mut g, "公务用车", side + 205.0, 52.0);
            put(&mut g, "小计", side + 115.0, 58.0);
            put(&mut g, "购置费", side + 160.0, 64.0);
            put(&mut g, "运行费", side + 210.0, 64.0);
            for c in 0..6 {
                put(&mut g, "0.4", side + 50.0 * c as f32 + 17.0, 84.0);
            }
        }
        let refs: Vec<&Glyph> = g.iter().collect();
        let s = LayoutSettings::DEFAULT;
        let grids = aligned_grids(
            &build_lines(&refs, 0.6, &s),
            &build_lines(&refs, 0.3, &s),
            &s,
        );
        let grid = &grids[0].0;
        assert_eq!(grid.cols(), 12, "{:?}", grid.col_spans);
        let header: Vec<(usize, usize, usize, &str)> = grid
            .cells
            .iter()
            .filter(|c| c.col0 < 6 && !is_numeric(&c.text))
            .map(|c| (c.row0, c.col0, c.col1, c.text.as_str()))
            .collect();
        assert_eq!(
            header,
            vec![
                (0, 0, 6, "预算数"),
                (1, 2, 5, "公务用车购置及运行费"),
                (1, 1, 2, "因公出国（境）费"),
                (1, 5, 6, "公务接待费"),
                (1, 0, 1, "合计"),
                (2, 3, 4, "公务用车购置费"),
                (2, 4, 5, "公务用车运行费"),
                (2, 2, 3, "小计"),
            ]
        );
        let right: Vec<(usize, usize)> = grid
            .cells
            .iter()
            .filter(|c| c.row0 < 2 && c.col0 >= 6)
            .map(|c| (c.col0, c.col1))
            .collect();
        assert!(
            right.contains(&(6, 12)) && right.contains(&(8, 11)),
            "{right:?}"
        );
    }
}
