//! Unruled tables (LibreOffice and Word exports often print tables with no
//! lines at all): a cell grid from the alignment of text.
//!
//! Body rows are anchored by lines that carry figures (amounts, codes, 行次);
//! a line of text alone is a wrapped part of the nearest anchor's cells.
//! Columns are the x ranges the body's chunks cover, separated by gutters no
//! chunk crosses; header lines above the body are mapped onto those columns,
//! a header chunk spanning several columns becoming a spanning cell.
use crate::geometry::overlap;
use crate::grid::{CellGrid, GridCell};
use crate::lines::{join_wrapped, Chunk, TextLine};

/// Whether a chunk is a figure: an amount, a code, a 行次 or a percentage.
pub fn is_numeric(text: &str) -> bool {
    let t = text.trim();
    let mut digits = 0;
    for c in t.chars() {
        match c {
            '0'..='9' => digits += 1,
            ',' | '.' | '-' | '%' | '+' => {}
            _ => return false,
        }
    }
    digits > 0
}

fn is_anchor(line: &TextLine) -> bool {
    line.chunks.iter().any(|c| is_numeric(&c.text))
        && (line.chunks.len() >= 2 || is_numeric(&line.chunks[0].text))
}

/// A line that ends a table region above or below (title, unit line, note).
fn is_boundary(line: &TextLine) -> bool {
    let t = line.compact_text();
    t.starts_with("注")
        || t.contains("单位：")
        || t.contains("单位:")
        || t.starts_with('表') && t.chars().count() <= 4
}

/// The vertical extent of one region: first and last line index (inclusive).
fn regions(lines: &[TextLine]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_anchor(&lines[i]) {
            i += 1;
            continue;
        }
        let pitch = |a: &TextLine, b: &TextLine| b.top - a.bottom;
        let lh = lines[i].bottom - lines[i].top;
        // Extend downward over anchors and wrapped fragments.
        let mut end = i;
        let mut j = i + 1;
        while j < lines.len()
            && !is_boundary(&lines[j])
            && pitch(&lines[j - 1], &lines[j]) < 2.5 * lh
        {
            if is_anchor(&lines[j]) {
                end = j;
            } else if j + 1 < lines.len()
                && !is_anchor(&lines[j + 1])
                && !is_boundary(&lines[j + 1])
            {
                // Two text-only lines in a row may still be one wrapped cell.
                if lines[j].chunks.len() > 1 {
                    break;
                }
            }
            j += 1;
        }
        // Trailing fragments right after the last anchor belong to it.
        while end + 1 < lines.len()
            && !is_anchor(&lines[end + 1])
            && !is_boundary(&lines[end + 1])
            && pitch(&lines[end], &lines[end + 1]) < 0.6 * lh
            && lines[end + 1].chunks.len() <= 2
        {
            end += 1;
        }
        // Extend upward over header lines.
        let mut start = i;
        while start > 0
            && !is_boundary(&lines[start - 1])
            && pitch(&lines[start - 1], &lines[start]) < 2.5 * lh
            && (lines[start - 1].size() <= lines[i].size() * 1.15)
            && out.last().is_none_or(|&(_, e)| e < start - 1)
        {
            start -= 1;
        }
        let anchors = (start..=end).filter(|&k| is_anchor(&lines[k])).count();
        let wide = (start..=end).any(|k| is_anchor(&lines[k]) && lines[k].chunks.len() >= 2);
        if wide && (anchors >= 2 || start < i) {
            out.push((start, end));
        }
        i = end + 1;
    }
    out
}

/// Column x ranges from the chunks of body lines.
fn columns(body: &[&TextLine]) -> Vec<(f32, f32)> {
    let mut spans: Vec<(f32, f32)> = body
        .iter()
        .filter(|l| is_anchor(l))
        .flat_map(|l| l.chunks.iter().map(|c| (c.x0, c.x1)))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut cols: Vec<(f32, f32)> = Vec::new();
    for (a, b) in spans {
        match cols.last_mut() {
            Some(last) if a <= last.1 + 1.0 => last.1 = last.1.max(b),
            _ => cols.push((a, b)),
        }
    }
    cols
}

/// Column index range a chunk covers.
fn span_of(c: &Chunk, cols: &[(f32, f32)]) -> Option<(usize, usize)> {
    let hits: Vec<usize> = (0..cols.len())
        .filter(|&k| {
            let o = overlap((c.x0, c.x1), cols[k]);
            o > 0.0
                && (o >= 0.5 * (cols[k].1 - cols[k].0).min(c.x1 - c.x0)
                    || cols[k].1 - cols[k].0 < 1.0)
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

struct HeaderChunk {
    text: String,
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    line: usize,
}

impl HeaderChunk {
    fn center(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
    fn height(&self) -> f32 {
        self.bottom - self.top
    }
}

fn best_column(x0: f32, x1: f32, cols: &[(f32, f32)]) -> usize {
    let cx = (x0 + x1) / 2.0;
    (0..cols.len())
        .max_by(|&a, &b| {
            let oa = overlap((x0, x1), cols[a]);
            let ob = overlap((x0, x1), cols[b]);
            oa.total_cmp(&ob).then_with(|| {
                let da = ((cols[a].0 + cols[a].1) / 2.0 - cx).abs();
                let db = ((cols[b].0 + cols[b].1) / 2.0 - cx).abs();
                db.total_cmp(&da)
            })
        })
        .unwrap_or(0)
}

/// Header lines → header cells. Each column's lowest header chunk is its leaf.
/// A chunk above leaves spans the run of columns whose extent is centred under
/// it (header text is centred over the columns it heads), bounded by its
/// neighbours on the same line; a chunk over one column directly above that
/// column's next chunk is a wrapped line of it and is joined to it.
fn header_cells(lines: &[&TextLine], cols: &[(f32, f32)]) -> Vec<GridCell> {
    let mut chunks: Vec<HeaderChunk> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        for c in &l.chunks {
            chunks.push(HeaderChunk {
                text: c.text.clone(),
                x0: c.x0,
                x1: c.x1,
                top: c.top,
                bottom: c.bottom,
                line: i,
            });
        }
    }
    let col_of: Vec<usize> = chunks
        .iter()
        .map(|c| best_column(c.x0, c.x1, cols))
        .collect();
    // The lowest chunk that fits within one column is that column's leaf.
    let mut leaf: Vec<Option<usize>> = vec![None; cols.len()];
    for (i, c) in chunks.iter().enumerate() {
        let k = col_of[i];
        let fits = overlap((c.x0, c.x1), cols[k]) >= 0.5 * (c.x1 - c.x0).min(cols[k].1 - cols[k].0);
        if fits && leaf[k].is_none_or(|j| chunks[j].top < c.top) {
            leaf[k] = Some(i);
        }
    }
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(chunks.len());
    for (i, h) in chunks.iter().enumerate() {
        let k = col_of[i];
        let below = |c: usize| {
            leaf[c].is_some_and(|j| j != i && chunks[j].top >= h.bottom - 0.05 * h.height())
        };
        // Same-line neighbours bound the territory.
        let left_bound = chunks
            .iter()
            .filter(|o| o.line == h.line && o.x1 <= h.x0)
            .map(|o| o.center())
            .fold(f32::MIN, f32::max);
        let right_bound = chunks
            .iter()
            .filter(|o| o.line == h.line && o.x0 >= h.x1)
            .map(|o| o.center())
            .fold(f32::MAX, f32::min);
        let inside = |c: usize| {
            let cc = (cols[c].0 + cols[c].1) / 2.0;
            cc > left_bound && cc < right_bound
        };
        let mut best = (k, k + 1);
        if below(k) {
            let mut best_d = f32::MAX;
            let mut a = k;
            while a > 0 && below(a - 1) && inside(a - 1) {
                a -= 1;
            }
            let mut b = k;
            while b + 1 < cols.len() && below(b + 1) && inside(b + 1) {
                b += 1;
            }
            // Compare centres using the leaves' text extents: header text is
            // centred over its columns' header texts, not over their figures.
            let leaf_x0 = |c: usize| leaf[c].map_or(cols[c].0, |j| chunks[j].x0.min(cols[c].0));
            let leaf_x1 = |c: usize| leaf[c].map_or(cols[c].1, |j| chunks[j].x1.max(cols[c].1));
            for lo in a..=k {
                for hi in k..=b {
                    let d = ((leaf_x0(lo) + leaf_x1(hi)) / 2.0 - h.center()).abs();
                    if d < best_d - 0.01 || (d <= best_d + 0.01 && hi - lo > best.1 - best.0 - 1) {
                        best_d = best_d.min(d);
                        best = (lo, hi + 1);
                    }
                }
            }
        }
        spans.push(best);
    }
    // Join wrapped lines: a one-column chunk right above the next chunk of that column.
    let mut order: Vec<usize> = (0..chunks.len()).collect();
    order.sort_by(|&a, &b| chunks[a].top.total_cmp(&chunks[b].top));
    let mut alive = vec![true; chunks.len()];
    for (pos, &i) in order.iter().enumerate() {
        if spans[i].1 - spans[i].0 != 1 {
            continue;
        }
        let next = order[pos + 1..]
            .iter()
            .copied()
            .find(|&j| alive[j] && spans[j] == spans[i] && chunks[j].top > chunks[i].top);
        if let Some(j) = next {
            if chunks[j].top - chunks[i].bottom < 0.6 * chunks[i].height() {
                let text = join_wrapped([chunks[i].text.as_str(), chunks[j].text.as_str()]);
                chunks[j].text = text;
                chunks[j].top = chunks[i].top;
                alive[i] = false;
            }
        }
    }
    chunks
        .iter()
        .enumerate()
        .filter(|(i, _)| alive[*i])
        .map(|(i, c)| GridCell {
            row0: c.line,
            row1: c.line + 1,
            col0: spans[i].0,
            col1: spans[i].1,
            text: c.text.clone(),
            x0: c.x0.min(cols[spans[i].0].0),
            x1: c.x1.max(cols[spans[i].1 - 1].1),
        })
        .collect()
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
) -> Vec<(CellGrid, (usize, usize))> {
    let mut out = Vec::new();
    for (start, end) in regions(lines) {
        let region: Vec<&TextLine> = lines[start..=end].iter().collect();
        let mut first_anchor = region.iter().position(|l| is_anchor(l)).unwrap_or(0);
        // Upper lines of the first row's wrapped cells sit within a line of its anchor.
        while first_anchor > 0 {
            let (above, anchor) = (region[first_anchor - 1], region[first_anchor]);
            let lh = anchor.bottom - anchor.top;
            if is_anchor(above) || anchor.center_y() - above.center_y() >= 0.75 * lh {
                break;
            }
            first_anchor -= 1;
        }
        let mut cols = columns(
            &header_lines[start + first_anchor..=end]
                .iter()
                .collect::<Vec<_>>(),
        );
        let head: Vec<&TextLine> = header_lines[start..start + first_anchor].iter().collect();
        // Header chunks over no body column (a column left blank in every row) add
        // one, unless they are the wrapped end of the header word above or below.
        let stacked = |c: &Chunk, li: usize| {
            head.iter().enumerate().any(|(lj, other)| {
                lj != li
                    && (other.top - head[li].top).abs() < 2.0 * (c.bottom - c.top)
                    && other
                        .chunks
                        .iter()
                        .any(|o| overlap((o.x0, o.x1), (c.x0, c.x1)) > 0.0)
            })
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
                let orphan = (0..cols.len())
                    .filter(|&k| !headed(&cols, k))
                    .min_by(|&a, &b| gap(&cols[a]).total_cmp(&gap(&cols[b])));
                match orphan.filter(|&k| gap(&cols[k]) < 2.0 * (c.x1 - c.x0) + 10.0) {
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
        let mut y_edges: Vec<f32> = region[..first_anchor].iter().map(|l| l.top).collect();
        cells.extend(header_cells(&head, &cols));
        let mut row = first_anchor;
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
            let mut extent: Vec<(f32, f32)> = vec![(f32::MAX, f32::MIN); cols.len()];
            let mut lines_sorted = group.clone();
            lines_sorted.sort_by(|a, b| a.top.total_cmp(&b.top));
            for l in lines_sorted {
                for c in &l.chunks {
                    if let Some((c0, _)) = span_of(c, &cols) {
                        per_col[c0].push(&c.text);
                        extent[c0] = (extent[c0].0.min(c.x0), extent[c0].1.max(c.x1));
                    }
                }
            }
            for (k, parts) in per_col.into_iter().enumerate() {
                if !parts.is_empty() {
                    cells.push(GridCell {
                        row0: row,
                        row1: row + 1,
                        col0: k,
                        col1: k + 1,
                        text: join_wrapped(parts),
                        x0: extent[k].0,
                        x1: extent[k].1,
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
    use crate::lines::build_lines;
    use crate::page::Glyph;

    fn put(g: &mut Vec<Glyph>, text: &str, x: f32, baseline: f32) {
        for (i, ch) in text.chars().enumerate() {
            g.push(Glyph {
                ch,
                x: x + i as f32 * 10.0,
                baseline,
                width: 10.0,
                size: 10.0,
                font: 0,
            });
        }
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
        let lines = build_lines(&refs, 0.6);
        let grids = aligned_grids(&lines, &build_lines(&refs, 0.3));
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
        let grids = aligned_grids(&build_lines(&refs, 0.6), &build_lines(&refs, 0.3));
        let grid = &grids[0].0;
        assert_eq!(grid.cols(), 3, "{:?}", grid.col_spans);
        let header: Vec<(usize, &str)> = grid
            .cells
            .iter()
            .filter(|c| c.row0 == 0)
            .map(|c| (c.col0, c.text.as_str()))
            .collect();
        assert_eq!(header, vec![(0, "项目"), (1, "合计"), (2, "其中")]);
    }
}
