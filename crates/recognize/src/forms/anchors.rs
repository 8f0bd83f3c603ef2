//! Rows of an unruled stretch anchored on their figures: each line with a
//! figure in the figure columns is a row (figures are one line per cell), and
//! every other cell — its lines following one another at the line pitch in
//! its column — goes to the row whose figures are nearest its middle. Merged
//! labels go to every row they span ([`super::spans`]); at a continuation
//! page's head, text above the first row is the rest of cells the page break
//! cut and goes to the row on the page before.
use fiscal_layout::geometry::mostly_overlap;
use fiscal_layout::lines::is_numeric;

use super::loose::{LooseLine, LooseText};
use super::row::FormRow;
use super::settings::FormSettings;
use super::spans::{label_spans, MergedLabel};
use super::words::data_cells;

/// A cell's lines in one column: extent, first and last line centres, and the
/// texts with their line centres.
struct Block {
    x0: f32,
    x1: f32,
    first: f32,
    last: f32,
    texts: Vec<(f32, LooseText)>,
}

/// Rows of `lines` anchored on figures in the columns `figures`, with the
/// labels of the `merged` columns repeated over their rows; `None` when no
/// line has a figure there.
pub(crate) fn split_on_figures(
    lines: &[LooseLine],
    continues: bool,
    figures: (f32, f32),
    merged: &[(f32, f32)],
    height: f32,
    s: &FormSettings,
) -> Option<Vec<FormRow>> {
    let (a, b) = figures;
    // Vertical positions are each text's own centre: a line's extent can take
    // in text of a neighbouring cell set a little higher or lower.
    let centre = |t: &LooseText| t.top + height / 2.0;
    let anchors: Vec<f32> = lines
        .iter()
        .filter_map(|l| {
            l.texts
                .iter()
                .find(|t| t.centred_in(a, b) && is_numeric(&t.text))
                .map(centre)
        })
        .collect();
    if anchors.is_empty() {
        return None;
    }
    let nearest = |y: f32| {
        (0..anchors.len())
            .min_by(|&i, &j| (anchors[i] - y).abs().total_cmp(&(anchors[j] - y).abs()))
            .unwrap_or(0)
    };
    let mut members: Vec<Vec<LooseText>> = vec![Vec::new(); anchors.len()];
    let mut texts: Vec<(f32, LooseText)> = Vec::new();
    let mut label_lines: Vec<Vec<(f32, LooseText)>> = vec![Vec::new(); merged.len()];
    for l in lines {
        for t in &l.texts {
            let y = centre(t);
            if let Some(m) = merged.iter().position(|r| t.centred_in(r.0, r.1)) {
                label_lines[m].push((y, t.clone()));
            } else if is_numeric(&t.text) {
                // Figures are one line each and go by themselves.
                members[nearest(y)].push(t.clone());
            } else {
                texts.push((y, t.clone()));
            }
        }
    }
    texts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let pitch = line_pitch(&texts, height, s);
    // A label is lines stacked at the pitch in its column (two labels over
    // one-line rows at the plain pitch stand two pitches apart).
    let label_step = (s.merged_label_line_step * height).min(s.merged_label_pitch_step * pitch);
    let labels: Vec<Vec<MergedLabel>> = label_lines
        .into_iter()
        .map(|column| {
            let mut labels: Vec<MergedLabel> = Vec::new();
            for (y, t) in column {
                match labels.last_mut().filter(|lab| y - lab.last <= label_step) {
                    Some(lab) => {
                        lab.last = y;
                        lab.texts.push(t);
                    }
                    None => labels.push(MergedLabel {
                        first: y,
                        last: y,
                        texts: vec![t],
                    }),
                }
            }
            labels
        })
        .collect();
    let blocks = cell_blocks(texts, pitch, s);
    // At the head of a continuation page, text that ends well above the first
    // row's figures, with a gap before that row's own text, is the rest of
    // cells the page break cut: it belongs to the row on the page before.
    let run_top = lines.first().map_or(0.0, LooseLine::center);
    let is_cut_rest = |first: f32, last: f32| {
        continues
            && first <= run_top + s.carry_top_reach * pitch
            && last < anchors[0] - s.carry_clearance * pitch
    };
    let mut carry: Vec<LooseText> = Vec::new();
    let margin = s.spanned_margin * pitch;
    for block in blocks {
        // A block over several rows' figures is several one-line cells packed
        // tight: each line goes by itself then. So is a block whose lines each
        // stand level with a different row's figures (one-line rows at the plain
        // line pitch). Otherwise the whole cell goes to the row whose figures are
        // nearest its middle (a tall cell reaches past the middle of its
        // neighbours' rows).
        let spanned = anchors
            .iter()
            .filter(|a| **a > block.first + margin && **a < block.last - margin)
            .count();
        let level_rows: Vec<Option<usize>> = block
            .texts
            .iter()
            .map(|(y, _)| Some(nearest(*y)).filter(|&i| (anchors[i] - y).abs() <= margin))
            .collect();
        let one_line_rows = block.texts.len() >= s.packed_rows
            && level_rows.iter().all(Option::is_some)
            && level_rows.windows(2).all(|w| w[0] != w[1]);
        if spanned >= s.packed_rows || one_line_rows {
            for (y, t) in block.texts {
                if is_cut_rest(y, y) {
                    carry.push(t);
                } else {
                    members[nearest(y)].push(t);
                }
            }
        } else if is_cut_rest(block.first, block.last) {
            carry.extend(block.texts.into_iter().map(|(_, t)| t));
        } else {
            let middle = nearest((block.first + block.last) / 2.0);
            members[middle].extend(block.texts.into_iter().map(|(_, t)| t));
        }
    }
    let extents = row_extents(&members, &anchors, height, s);
    for column in &labels {
        let spans = label_spans(column, &extents, height, continues, s);
        for ((from, to), label) in spans.into_iter().zip(column) {
            for m in members.iter_mut().take(to.min(anchors.len())).skip(from) {
                m.extend(label.texts.iter().cloned());
            }
        }
    }
    let carried = (!carry.is_empty()).then(|| FormRow {
        cells: data_cells(&carry, s),
        continues: true,
        loose: true,
    });
    let rows = members
        .into_iter()
        .filter(|m| !m.is_empty())
        .enumerate()
        .map(|(i, m)| FormRow {
            cells: data_cells(&m, s),
            continues: continues && i == 0 && carry.is_empty(),
            loose: true,
        });
    Some(carried.into_iter().chain(rows).collect())
}

/// The line pitch of text cells: the step from a piece of text to the next one
/// below it in its column (`texts` sorted by line centre).
fn line_pitch(texts: &[(f32, LooseText)], height: f32, s: &FormSettings) -> f32 {
    let mut steps: Vec<f32> = Vec::new();
    for (i, (y, t)) in texts.iter().enumerate() {
        if let Some((y2, _)) = texts[i + 1..]
            .iter()
            .find(|(y2, u)| *y2 > y + s.next_line_min_step * height && t.same_column(u))
        {
            if y2 - y < s.max_line_step * height {
                steps.push(y2 - y);
            }
        }
    }
    steps.sort_by(f32::total_cmp);
    FormSettings::quantile(&steps, s.anchored_pitch_quantile).unwrap_or(s.default_pitch * height)
}

/// Texts (sorted by line centre) → cells: a text joins the last cell of its
/// column whose last line is within a line pitch above it.
fn cell_blocks(texts: Vec<(f32, LooseText)>, pitch: f32, s: &FormSettings) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    for (y, t) in texts {
        let open = blocks.iter_mut().rev().find(|b| {
            mostly_overlap((b.x0, b.x1), (t.x0, t.x1)) && y - b.last <= s.cell_line_step * pitch
        });
        match open {
            Some(b) => {
                b.x0 = b.x0.min(t.x0);
                b.x1 = b.x1.max(t.x1);
                b.last = y;
                b.texts.push((y, t));
            }
            None => blocks.push(Block {
                x0: t.x0,
                x1: t.x1,
                first: y,
                last: y,
                texts: vec![(y, t)],
            }),
        }
    }
    blocks
}

/// Each row's vertical extent (top, bottom): its texts, and at least half a
/// line around its figures.
fn row_extents(
    members: &[Vec<LooseText>],
    anchors: &[f32],
    height: f32,
    s: &FormSettings,
) -> Vec<(f32, f32)> {
    let half = s.anchor_half_extent * height;
    members
        .iter()
        .zip(anchors)
        .map(|(m, a)| {
            let top = m.iter().map(|t| t.top).fold(*a - half, f32::min);
            let bottom = m.iter().map(|t| t.top + height).fold(*a + half, f32::max);
            (top, bottom)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::loose::line;

    fn rows_text(rows: &[FormRow]) -> Vec<String> {
        rows.iter()
            .map(|r| {
                let t: Vec<&str> = r.cells.iter().map(|c| c.text.as_str()).collect();
                t.join("|")
            })
            .collect()
    }

    #[test]
    fn a_two_line_cell_goes_to_the_row_of_the_figure_beside_its_middle() {
        let s = FormSettings::default();
        // Figures at x 300; names in x 100..; the second name wraps around its figure.
        let lines = vec![
            line(0.0, &[("名称甲", 100.0), ("25", 300.0)]),
            line(30.0, &[("名称乙第", 100.0)]),
            line(42.0, &[("一行续", 100.0), ("30", 300.0)]),
            line(54.0, &[("完", 100.0)]),
        ];
        let rows = split_on_figures(&lines, false, (290.0, 330.0), &[], 10.0, &s).unwrap();
        assert_eq!(rows_text(&rows), vec!["名称甲|25", "名称乙第一行续完|30"]);
    }

    #[test]
    fn text_above_the_first_figures_on_a_continuation_page_is_carried() {
        let s = FormSettings::default();
        let lines = vec![
            line(0.0, &[("上页末行的余文", 100.0)]),
            line(40.0, &[("名称丙", 100.0), ("10", 300.0)]),
        ];
        let rows = split_on_figures(&lines, true, (290.0, 330.0), &[], 10.0, &s).unwrap();
        assert_eq!(rows_text(&rows), vec!["上页末行的余文", "名称丙|10"]);
        assert!(rows[0].continues && !rows[1].continues);
    }

    #[test]
    fn no_figures_no_anchored_rows() {
        let s = FormSettings::default();
        let lines = vec![line(0.0, &[("名称", 100.0)])];
        assert!(split_on_figures(&lines, false, (290.0, 330.0), &[], 10.0, &s).is_none());
    }
}
