//! Ruled tables: ruling segments → a grid of cells, the way pdfplumber's
//! "lines" strategy does it: join collinear rulings, group those that cross
//! into one frame, take the distinct x and y of the rulings as column and row
//! edges, and merge neighbouring base cells wherever the ruling between them
//! is missing (spanning header cells, merged label cells).
use crate::geometry::Rect;
use crate::lines::{build_lines, join_wrapped};
use crate::settings::LayoutSettings;
use fiscal_reader::{Glyph, Segment};

/// A table cell in grid coordinates: rows `row0..row1`, columns `col0..col1`.
#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    pub row0: usize,
    pub row1: usize,
    pub col0: usize,
    pub col1: usize,
    /// The cell's text, wrapped lines joined back.
    pub text: String,
    /// Horizontal extent: the ruled box, or for aligned tables the text's own extent.
    pub x0: f32,
    pub x1: f32,
    /// The box the cell's text is printed in (its glyphs' extent), `None`
    /// for an empty cell: where a figure read from the cell stands on the page.
    pub ink: Option<Rect>,
}

/// Rows × columns of cells, from rulings or from text alignment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CellGrid {
    /// Column edges, left to right (columns + 1 values).
    pub x_edges: Vec<f32>,
    /// Row edges, top to bottom (rows + 1 values).
    pub y_edges: Vec<f32>,
    /// Every cell once, in row-major order of its top-left base cell.
    pub cells: Vec<GridCell>,
    /// Whether the grid came from rulings (true) or from alignment.
    pub ruled: bool,
    /// Each column's horizontal extent: between rulings, or what its text covers.
    pub col_spans: Vec<(f32, f32)>,
    /// For aligned grids, the text lines (finely chunked) the grid was read
    /// from, for readers that must regroup them (forms without rulings).
    pub source_lines: Vec<crate::lines::TextLine>,
}

impl CellGrid {
    pub fn rows(&self) -> usize {
        self.y_edges.len().saturating_sub(1)
    }
    pub fn cols(&self) -> usize {
        self.x_edges.len().saturating_sub(1)
    }
    pub fn top(&self) -> f32 {
        self.y_edges.first().copied().unwrap_or(0.0)
    }
    pub fn bottom(&self) -> f32 {
        self.y_edges.last().copied().unwrap_or(0.0)
    }
    /// The box the grid covers, `None` for a grid without rows or columns.
    pub fn rect(&self) -> Option<Rect> {
        Some(Rect {
            x0: *self.x_edges.first()?,
            top: *self.y_edges.first()?,
            x1: *self.x_edges.last()?,
            bottom: *self.y_edges.last()?,
        })
    }
    /// The cells whose top row is `r`, left to right.
    pub fn row_cells(&self, r: usize) -> impl Iterator<Item = &GridCell> {
        self.cells.iter().filter(move |c| c.row0 == r)
    }
}

/// A ruled frame before text is put in: edges and merged base-cell regions.
#[derive(Debug, Clone)]
struct Frame {
    xs: Vec<f32>,
    ys: Vec<f32>,
    regions: Vec<(usize, usize, usize, usize)>,
}

struct UnionFind(Vec<usize>);
impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// (position, start, end) of a horizontal (y, x0, x1) or vertical (x, y0, y1) ruling.
type Line1 = (f32, f32, f32);

fn merge_collinear(mut lines: Vec<Line1>, settings: &LayoutSettings) -> Vec<Line1> {
    // Rulings a hair apart are one line: group by position first, then join
    // overlapping or touching extents within the group.
    lines.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<Line1> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut j = i + 1;
        while j < lines.len() && lines[j].0 - lines[j - 1].0 <= settings.collinear {
            j += 1;
        }
        let mut group = lines[i..j].to_vec();
        let pos = group.iter().map(|l| l.0).sum::<f32>() / group.len() as f32;
        group.sort_by(|a, b| a.1.total_cmp(&b.1));
        let mut cur = (pos, group[0].1, group[0].2);
        for l in &group[1..] {
            if l.1 <= cur.2 + settings.snap {
                cur.2 = cur.2.max(l.2);
            } else {
                out.push(cur);
                cur = (pos, l.1, l.2);
            }
        }
        out.push(cur);
        i = j;
    }
    out
}

fn cluster_positions(mut v: Vec<f32>, snap: f32) -> Vec<f32> {
    v.sort_by(f32::total_cmp);
    let mut out: Vec<f32> = Vec::new();
    for x in v {
        match out.last_mut() {
            Some(last) if x - *last <= snap => {}
            _ => out.push(x),
        }
    }
    out
}

fn frames(segments: &[Segment], settings: &LayoutSettings) -> Vec<Frame> {
    let (min, snap) = (settings.min_ruling, settings.snap);
    let h = merge_collinear(
        segments
            .iter()
            .filter(|s| s.is_horizontal() && s.x1 - s.x0 >= min)
            .map(|s| ((s.y0 + s.y1) / 2.0, s.x0, s.x1))
            .collect(),
        settings,
    );
    let v = merge_collinear(
        segments
            .iter()
            .filter(|s| s.is_vertical() && s.y1 - s.y0 >= min)
            .map(|s| ((s.x0 + s.x1) / 2.0, s.y0, s.y1))
            .collect(),
        settings,
    );
    if h.len() < 2 || v.len() < 2 {
        return Vec::new();
    }
    let mut uf = UnionFind::new(h.len() + v.len());
    for (i, hl) in h.iter().enumerate() {
        for (j, vl) in v.iter().enumerate() {
            if vl.0 >= hl.1 - snap
                && vl.0 <= hl.2 + snap
                && hl.0 >= vl.1 - snap
                && hl.0 <= vl.2 + snap
            {
                uf.union(i, h.len() + j);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, (Vec<Line1>, Vec<Line1>)> =
        Default::default();
    for (i, hl) in h.iter().enumerate() {
        groups.entry(uf.find(i)).or_default().0.push(*hl);
    }
    for (j, vl) in v.iter().enumerate() {
        groups.entry(uf.find(h.len() + j)).or_default().1.push(*vl);
    }
    groups
        .into_values()
        .filter_map(|(hs, vs)| frame_from(&hs, &vs, settings))
        .collect()
}

fn frame_from(hs: &[Line1], vs: &[Line1], settings: &LayoutSettings) -> Option<Frame> {
    let snap = settings.snap;
    if hs.len() < 2 || vs.len() < 2 {
        return None;
    }
    let xs = cluster_positions(vs.iter().map(|l| l.0).collect(), snap);
    let mut ys = cluster_positions(hs.iter().map(|l| l.0).collect(), snap);
    close_open_ends(&mut ys, &xs, vs, settings);
    let (nr, nc) = (ys.len().checked_sub(1)?, xs.len().checked_sub(1)?);
    if nr * nc < 2 {
        return None;
    }
    let has_v = |x: f32, ya: f32, yb: f32| {
        let m = (ya + yb) / 2.0;
        vs.iter()
            .any(|l| (l.0 - x).abs() <= snap && l.1 - snap <= m && m <= l.2 + snap)
    };
    let has_h = |y: f32, xa: f32, xb: f32| {
        let m = (xa + xb) / 2.0;
        hs.iter()
            .any(|l| (l.0 - y).abs() <= snap && l.1 - snap <= m && m <= l.2 + snap)
    };
    let mut uf = UnionFind::new(nr * nc);
    for r in 0..nr {
        for c in 0..nc {
            if c + 1 < nc && !has_v(xs[c + 1], ys[r], ys[r + 1]) {
                uf.union(r * nc + c, r * nc + c + 1);
            }
            if r + 1 < nr && !has_h(ys[r + 1], xs[c], xs[c + 1]) {
                uf.union(r * nc + c, (r + 1) * nc + c);
            }
        }
    }
    let mut bounds: std::collections::BTreeMap<usize, (usize, usize, usize, usize)> =
        Default::default();
    for r in 0..nr {
        for c in 0..nc {
            let root = uf.find(r * nc + c);
            let b = bounds.entry(root).or_insert((r, r + 1, c, c + 1));
            b.0 = b.0.min(r);
            b.1 = b.1.max(r + 1);
            b.2 = b.2.min(c);
            b.3 = b.3.max(c + 1);
        }
    }
    let mut regions: Vec<_> = bounds.into_values().collect();
    regions.sort();
    Some(Frame { xs, ys, regions })
}

/// Adds a row edge where both outer verticals run on past the last (first)
/// horizontal rule: the row there has no rule of its own on that side.
fn close_open_ends(ys: &mut Vec<f32>, xs: &[f32], vs: &[Line1], settings: &LayoutSettings) {
    let (Some(&left), Some(&right), Some(&first), Some(&last)) =
        (xs.first(), xs.last(), ys.first(), ys.last())
    else {
        return;
    };
    // The extent (first start, last end) of the verticals at x.
    let extent = |x: f32| {
        vs.iter()
            .filter(|l| (l.0 - x).abs() <= settings.snap)
            .fold((f32::MAX, f32::MIN), |(a, b), l| (a.min(l.1), b.max(l.2)))
    };
    let (l, r) = (extent(left), extent(right));
    let bottom = l.1.min(r.1);
    if bottom > last + settings.run_on {
        ys.push(bottom);
    }
    let top = l.0.max(r.0);
    if top < first - settings.run_on {
        ys.insert(0, top);
    }
}

fn index_of(edges: &[f32], v: f32) -> Option<usize> {
    if v < edges[0] || v > *edges.last()? {
        return None;
    }
    Some(
        edges
            .partition_point(|e| *e <= v)
            .saturating_sub(1)
            .min(edges.len() - 2),
    )
}

/// Finds ruled tables on a page and fills their cells with the glyphs inside.
/// Returns the grids and, per glyph, whether a grid took it.
pub fn ruled_grids(
    segments: &[Segment],
    glyphs: &[Glyph],
    settings: &LayoutSettings,
) -> (Vec<CellGrid>, Vec<bool>) {
    let mut used = vec![false; glyphs.len()];
    let mut grids = Vec::new();
    for f in frames(segments, settings) {
        let (nr, nc) = (f.ys.len() - 1, f.xs.len() - 1);
        let mut region_of = vec![usize::MAX; nr * nc];
        for (k, &(r0, r1, c0, c1)) in f.regions.iter().enumerate() {
            for r in r0..r1 {
                for c in c0..c1 {
                    region_of[r * nc + c] = k;
                }
            }
        }
        let mut members: Vec<Vec<&Glyph>> = vec![Vec::new(); f.regions.len()];
        let mut any = false;
        for (gi, g) in glyphs.iter().enumerate() {
            if used[gi] {
                continue;
            }
            // A glyph hidden by its cell's clip belongs to that cell, not to the
            // one it runs into (西安's Excel output: "…缴费支出" over 43608.96).
            let (ax, ay) = g.anchor();
            let (Some(c), Some(r)) = (index_of(&f.xs, ax), index_of(&f.ys, ay)) else {
                continue;
            };
            used[gi] = true;
            any = true;
            members[region_of[r * nc + c]].push(g);
        }
        if !any {
            continue;
        }
        let cells = f
            .regions
            .iter()
            .zip(members)
            .map(|(&(row0, row1, col0, col1), gs)| GridCell {
                row0,
                row1,
                col0,
                col1,
                text: cell_text(&gs, settings),
                x0: f.xs[col0],
                x1: f.xs[col1],
                ink: ink(&gs),
            })
            .collect();
        let col_spans = f.xs.windows(2).map(|w| (w[0], w[1])).collect();
        grids.push(CellGrid {
            x_edges: f.xs,
            y_edges: f.ys,
            cells,
            ruled: true,
            col_spans,
            source_lines: Vec::new(),
        });
    }
    (grids, used)
}

/// The box the visible glyphs of `glyphs` are printed in.
pub fn ink(glyphs: &[&Glyph]) -> Option<Rect> {
    Rect::union_all(
        glyphs
            .iter()
            .filter(|g| !g.ch.is_whitespace())
            .map(|g| Rect {
                x0: g.x,
                top: g.top(),
                x1: g.x1(),
                bottom: g.bottom(),
            }),
    )
}

/// The text of one cell: its lines top to bottom, wrapped lines joined.
pub fn cell_text(glyphs: &[&Glyph], settings: &LayoutSettings) -> String {
    let lines = build_lines(glyphs, settings.cell_chunk_gap, settings);
    let texts: Vec<String> = lines
        .iter()
        .map(|l| {
            let mut s = String::new();
            for c in &l.chunks {
                if s.chars().last().is_some_and(|p| p.is_ascii_alphanumeric())
                    && c.text
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_alphanumeric())
                {
                    s.push(' ');
                }
                s.push_str(&c.text);
            }
            s
        })
        .collect();
    join_wrapped(texts.iter().map(String::as_str))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxes(xs: &[f32], ys: &[f32]) -> Vec<Segment> {
        let mut s = Vec::new();
        for &y in ys {
            s.push(Segment::new(xs[0], y, *xs.last().unwrap(), y));
        }
        for &x in xs {
            s.push(Segment::new(x, ys[0], x, *ys.last().unwrap()));
        }
        s
    }

    fn text_at(text: &str, x: f32, baseline: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, ch)| Glyph {
                ch,
                x: x + i as f32 * 8.0,
                baseline,
                width: 8.0,
                size: 8.0,
                font: 0,
                clip_anchor: None,
            })
            .collect()
    }

    #[test]
    fn wrapped_cell_text_is_one_cell() {
        let segs = boxes(&[0.0, 100.0, 200.0], &[0.0, 40.0, 60.0]);
        let mut g = text_at("一般公共预算", 2.0, 15.0);
        g.extend(text_at("拨款收入", 2.0, 30.0));
        g.extend(text_at("1.00", 150.0, 22.0));
        let (grids, used) = ruled_grids(&segs, &g, &LayoutSettings::DEFAULT);
        assert!(used.iter().all(|u| *u));
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].cells[0].text, "一般公共预算拨款收入");
        assert_eq!(grids[0].cells[1].text, "1.00");
    }

    /// A name running past its cell under the cell's clip (西安's Excel
    /// output): the hidden glyphs over the next cell are the name's, the
    /// figure there stays a figure.
    #[test]
    fn glyphs_hidden_by_their_cells_clip_stay_in_that_cell() {
        let segs = boxes(&[0.0, 100.0, 200.0], &[0.0, 20.0]);
        // 14 glyphs 8 apart from x 2: the last two (支出) lie over the next cell.
        let mut g = text_at("机关事业单位职业年金缴费支出", 2.0, 15.0);
        for glyph in g.iter_mut().filter(|g| g.center_x() > 99.0) {
            glyph.clip_anchor = Some((98.0, 10.0));
        }
        g.extend(text_at("43608.96", 140.0, 15.0));
        let (grids, _) = ruled_grids(&segs, &g, &LayoutSettings::DEFAULT);
        assert_eq!(grids[0].cells[0].text, "机关事业单位职业年金缴费支出");
        assert_eq!(grids[0].cells[1].text, "43608.96");
    }

    #[test]
    fn collinear_pieces_join_whatever_their_order() {
        // Positions a float's width apart sort before the extents do.
        let lines = vec![
            (505.67, 152.8, 179.6),
            (505.66, 126.0, 152.8),
            (505.68, 179.6, 196.0),
            (505.67, 200.0, 210.0),
        ];
        let merged = merge_collinear(lines, &LayoutSettings::DEFAULT);
        assert_eq!(merged.len(), 2);
        assert_eq!((merged[0].1, merged[0].2), (126.0, 196.0));
    }

    #[test]
    fn a_row_with_no_bottom_rule_ends_where_the_verticals_do() {
        // The last row's rule is missing; the verticals run on to y = 70.
        let mut segs = boxes(&[0.0, 100.0, 200.0], &[0.0, 20.0, 40.0]);
        for x in [0.0, 100.0, 200.0] {
            segs.push(Segment::new(x, 40.0, x, 70.0));
        }
        let mut g = text_at("二、外交支出", 2.0, 35.0);
        g.extend(text_at("三、国防支出", 2.0, 55.0));
        g.extend(text_at("0.00", 150.0, 55.0));
        let (grids, used) = ruled_grids(&segs, &g, &LayoutSettings::DEFAULT);
        assert!(used.iter().all(|u| *u));
        assert_eq!(grids[0].rows(), 3);
        let last: Vec<&str> = grids[0].row_cells(2).map(|c| c.text.as_str()).collect();
        assert_eq!(last, vec!["三、国防支出", "0.00"]);
    }

    #[test]
    fn verticals_a_hair_past_the_rules_add_no_row() {
        let mut segs = boxes(&[0.0, 100.0], &[0.0, 20.0, 40.0]);
        segs.push(Segment::new(0.0, 40.0, 0.0, 42.0));
        segs.push(Segment::new(100.0, -2.0, 100.0, 0.0));
        let (grids, _) = ruled_grids(&segs, &text_at("合计", 2.0, 15.0), &LayoutSettings::DEFAULT);
        assert_eq!(grids[0].rows(), 2);
    }

    #[test]
    fn missing_inner_ruling_merges_cells() {
        // Top row has no vertical ruling in the middle: one spanning header cell.
        let mut segs = vec![
            Segment::new(0.0, 0.0, 200.0, 0.0),
            Segment::new(0.0, 20.0, 200.0, 20.0),
            Segment::new(0.0, 40.0, 200.0, 40.0),
            Segment::new(0.0, 0.0, 0.0, 40.0),
            Segment::new(200.0, 0.0, 200.0, 40.0),
        ];
        segs.push(Segment::new(100.0, 20.0, 100.0, 40.0));
        let (grids, _) = ruled_grids(
            &segs,
            &text_at("收入", 80.0, 15.0),
            &LayoutSettings::DEFAULT,
        );
        let g = &grids[0];
        assert_eq!(g.cells.len(), 3);
        assert_eq!(
            (g.cells[0].col0, g.cells[0].col1, g.cells[0].text.as_str()),
            (0, 2, "收入")
        );
    }
}
