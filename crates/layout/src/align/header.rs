//! Header lines of an unruled table → header cells over the body's columns.
//!
//! Header text is centred over the columns it heads, and narrow columns wrap
//! their labels over lines. Wrapped fragments are first joined into whole
//! words, so that every judgement is made on the word. Each column's lowest
//! word is its leaf. A word above leaves spans the columns its own text lies
//! over, widened to neighbouring columns whose first word below it starts at
//! the same level as those (a sibling label beside it, spanning down, starts
//! higher), within its parent word's span and short of its same-level
//! neighbours, taking the widest run whose centre is its own.
use crate::geometry::{overlap, Rect};
use crate::grid::GridCell;
use crate::lines::{join_wrapped, TextLine};
use crate::settings::LayoutSettings;

/// A header word: one chunk, or the fragments of a label wrapped over lines.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    /// Height of one line of it.
    height: f32,
}

impl Word {
    fn centre(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
    fn extent(&self) -> (f32, f32) {
        (self.x0, self.x1)
    }
    /// Whether `other` starts below this word's top line (it is not beside it).
    /// Whether this word stands above `other` (its bottom at most `slack` ×
    /// its height below the other's top).
    fn above(&self, other: &Word, slack: f32) -> bool {
        other.top >= self.bottom - slack * self.height
    }
}

/// Whether `a` and `b` overlap by `share` of the narrower one.
fn over(a: (f32, f32), b: (f32, f32), share: f32) -> bool {
    overlap(a, b) > share * (a.1 - a.0).min(b.1 - b.0).max(0.1)
}

fn best_column(x: (f32, f32), cols: &[(f32, f32)]) -> usize {
    let cx = (x.0 + x.1) / 2.0;
    let centre = |k: usize| (cols[k].0 + cols[k].1) / 2.0;
    (0..cols.len())
        .max_by(|&a, &b| {
            overlap(x, cols[a])
                .total_cmp(&overlap(x, cols[b]))
                .then_with(|| (centre(b) - cx).abs().total_cmp(&(centre(a) - cx).abs()))
        })
        .unwrap_or(0)
}

/// Whether a text extent lies over at most one column's figures.
fn single_column(x: (f32, f32), cols: &[(f32, f32)]) -> bool {
    cols.iter().filter(|k| overlap(x, **k) > 0.0).count() <= 1
}

/// The header's words, wrapped fragments joined: a fragment continues the
/// word just above it in the same column, aligned with it.
fn words(lines: &[&TextLine], cols: &[(f32, f32)], s: &LayoutSettings) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    for l in lines {
        for c in &l.chunks {
            let f = Word {
                text: c.text.clone(),
                x0: c.x0,
                x1: c.x1,
                top: c.top,
                bottom: c.bottom,
                height: c.bottom - c.top,
            };
            let continued = words.iter_mut().rev().find(|w| {
                let gap = f.top - w.bottom;
                let h = w.height;
                gap > -s.wrap_overlap * h
                    && gap < s.wrap_gap * h
                    && single_column(w.extent(), cols)
                    && single_column(f.extent(), cols)
                    && best_column(w.extent(), cols) == best_column(f.extent(), cols)
                    && ((w.centre() - f.centre()).abs() <= s.wrap_align * h
                        || (w.x0 - f.x0).abs() <= s.wrap_align * h)
            });
            match continued {
                Some(w) => {
                    w.text = join_wrapped([w.text.as_str(), f.text.as_str()]);
                    w.x0 = w.x0.min(f.x0);
                    w.x1 = w.x1.max(f.x1);
                    w.bottom = f.bottom;
                }
                None => words.push(f),
            }
        }
    }
    words
}

/// Header lines → header cells, one per word, spanning the columns it heads,
/// and the top of each header row. A cell's row is its depth under the words
/// above it (a label centred down beside a wrapped parent shares the parent's
/// row, as in a ruled header), not the line it was printed on.
pub(super) fn header_cells(
    lines: &[&TextLine],
    cols: &[(f32, f32)],
    s: &LayoutSettings,
) -> (Vec<GridCell>, Vec<f32>) {
    let mut words = words(lines, cols, s);
    let (share, slack) = (s.header_over, s.above_slack);
    words.sort_by(|a, b| a.top.total_cmp(&b.top));
    let col_of: Vec<usize> = words
        .iter()
        .map(|w| best_column(w.extent(), cols))
        .collect();
    // Each column's leaf: its lowest word.
    let mut leaf: Vec<Option<usize>> = vec![None; cols.len()];
    for (i, w) in words.iter().enumerate() {
        let k = col_of[i];
        if leaf[k].is_none_or(|j| words[j].top <= w.top) {
            leaf[k] = Some(i);
        }
    }
    // A column's own header extent (its figures and a leaf over it alone) and
    // its centre (its leaf's, as header text is centred; else its figures').
    let own_leaf = |c: usize| leaf[c].filter(|&j| single_column(words[j].extent(), cols));
    let extent: Vec<(f32, f32)> = (0..cols.len())
        .map(|c| match own_leaf(c) {
            Some(j) => (cols[c].0.min(words[j].x0), cols[c].1.max(words[j].x1)),
            None => cols[c],
        })
        .collect();
    let centre: Vec<f32> = (0..cols.len())
        .map(|c| own_leaf(c).map_or((extent[c].0 + extent[c].1) / 2.0, |j| words[j].centre()))
        .collect();
    // The edges of the cell over columns lo..=hi: the gutters beside it, or at
    // the table's sides the gutter's mirror image about the column's centre.
    let gutter = |c: usize| (extent[c].1 + extent[c + 1].0) / 2.0;
    let cell_edges = |lo: usize, hi: usize| {
        let n = cols.len();
        let left = match lo {
            0 if n > 1 => 2.0 * centre[0] - gutter(0),
            0 => extent[0].0,
            _ => gutter(lo - 1),
        };
        let right = if hi + 1 < n {
            gutter(hi)
        } else if n > 1 {
            2.0 * centre[hi] - gutter(hi - 1)
        } else {
            extent[hi].1
        };
        (left, right)
    };
    // The columns each word's text lies over (at least its own column).
    let reach: Vec<(usize, usize)> = words
        .iter()
        .zip(&col_of)
        .map(|(w, &k)| {
            let over_cols = (0..cols.len()).filter(|&c| over(w.extent(), extent[c], share));
            over_cols.fold((k, k), |(a, b), c| (a.min(c), b.max(c)))
        })
        .collect();
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(words.len());
    let mut depth: Vec<usize> = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let k = col_of[i];
        // Its parent: the lowest word above it over its column.
        let parent = (0..i)
            .rev()
            .find(|&j| words[j].above(w, slack) && spans[j].0 <= k && k < spans[j].1);
        depth.push(parent.map_or(0, |j| depth[j] + 1));
        // The first word below `w` over column c.
        let first_below = |c: usize| {
            words
                .iter()
                .filter(|o| w.above(o, slack) && over(o.extent(), extent[c], share))
                .map(|o| o.top)
                .reduce(f32::min)
        };
        if first_below(k).is_none() {
            spans.push((k, k + 1));
            continue;
        }
        let (ca, cb) = reach[i];
        let level = (ca..=cb).filter_map(first_below).reduce(f32::min);
        // The parent's span bounds it, and so do the words beside it (at its
        // level): their spans when known, else the columns their text is over.
        let (mut lo, mut hi) = parent.map_or((0, cols.len() - 1), |j| (spans[j].0, spans[j].1 - 1));
        for (j, o) in words.iter().enumerate() {
            if j == i || o.above(w, slack) || w.above(o, slack) {
                continue;
            }
            let (oa, ob) = if j < i {
                (spans[j].0, spans[j].1 - 1)
            } else {
                reach[j]
            };
            if o.x1 <= w.x0 && ob < ca {
                lo = lo.max(ob + 1);
            } else if o.x0 >= w.x1 && oa > cb {
                hi = hi.min(oa - 1);
            }
        }
        let under = |c: usize| {
            (lo..=hi).contains(&c)
                && first_below(c)
                    .zip(level)
                    .is_some_and(|(t, l)| t >= l - s.level_slack * w.height)
        };
        let mut a = ca;
        while a > 0 && under(a - 1) {
            a -= 1;
        }
        let mut b = cb;
        while b + 1 < cols.len() && under(b + 1) {
            b += 1;
        }
        // How far the cell over lo..=hi is from being centred under the word.
        let off = |lo: usize, hi: usize| {
            let (l, r) = cell_edges(lo, hi);
            ((l + r) / 2.0 - w.centre()).abs()
        };
        let runs = (a..=ca).flat_map(|lo| (cb..=b).map(move |hi| (lo, hi)));
        let best = runs
            .clone()
            .map(|(lo, hi)| off(lo, hi))
            .fold(f32::MAX, f32::min);
        let (lo, hi) = runs
            .filter(|&(lo, hi)| off(lo, hi) <= best + s.centre_slack * w.height)
            .max_by(|&(l1, h1), &(l2, h2)| {
                (h1 - l1)
                    .cmp(&(h2 - l2))
                    .then_with(|| off(l2, h2).total_cmp(&off(l1, h1)))
            })
            .unwrap_or((k, k));
        spans.push((lo, hi + 1));
    }
    let rows = depth.iter().max().map_or(0, |d| d + 1);
    let mut tops = vec![f32::MAX; rows];
    for (w, &d) in words.iter().zip(&depth) {
        tops[d] = tops[d].min(w.top);
    }
    let cells = words
        .iter()
        .zip(spans)
        .zip(depth)
        .map(|((w, (c0, c1)), d)| GridCell {
            row0: d,
            row1: d + 1,
            col0: c0,
            col1: c1,
            text: w.text.clone(),
            x0: w.x0.min(cols[c0].0),
            x1: w.x1.max(cols[c1 - 1].1),
            ink: Some(Rect {
                x0: w.x0,
                top: w.top,
                x1: w.x1,
                bottom: w.bottom,
            }),
        })
        .collect();
    (cells, tops)
}
