//! Cutting a run of loose lines (unruled form rows, or the rest of cells a
//! page break cut off) into rows. Rows are told apart either by their figures
//! ([`Split::Anchors`], see [`super::anchors`]) or by the vertical rhythm of
//! the text in some columns: lines of one cell follow at the line pitch, the
//! next row starts after a larger step ([`Split::Rhythm`]).
use super::anchors::split_on_figures;
use super::loose::{gutters, split_at_gutters, LooseLine, LooseText};
use super::row::FormRow;
use super::settings::FormSettings;
use super::words::{data_cells, is_section_label};
use crate::text::compact;

/// How a run of loose lines is cut into rows.
#[derive(Clone, Debug)]
pub(crate) enum Split {
    /// One row (the goal texts).
    Single,
    /// Each line with a figure in the columns `figures` is a row; other lines
    /// join the nearest (cells are centred on their row). Text in the `merged`
    /// columns (指标类别, 一级指标: one cell over several rows, printed in their
    /// middle) goes to every row it is the nearest label of.
    Anchors {
        figures: (f32, f32),
        merged: Vec<(f32, f32)>,
    },
    /// Rows by the line rhythm of these columns.
    Rhythm(f32, f32),
}

/// The median line height of a run.
pub(crate) fn median_height(lines: &[LooseLine], s: &FormSettings) -> f32 {
    let mut h: Vec<f32> = lines.iter().map(LooseLine::height).collect();
    h.sort_by(f32::total_cmp);
    h.get(h.len() / 2).copied().unwrap_or(s.default_line_height)
}

/// Cuts a run into rows; `continues` marks a run at the head of a later page.
pub(crate) fn split_run(
    lines: &[LooseLine],
    continues: bool,
    split: Split,
    s: &FormSettings,
) -> Vec<FormRow> {
    let height = median_height(lines, s);
    if let Split::Anchors { figures, merged } = &split {
        if let Some(rows) = split_on_figures(lines, continues, *figures, merged, height, s) {
            return rows;
        }
    }
    let window = match split {
        Split::Rhythm(a, b) => Some((a, b)),
        Split::Anchors { figures, .. } => Some(figures),
        Split::Single => None,
    };
    let bands = rhythm_bands(lines, window, height, s);
    let mut members: Vec<Vec<LooseText>> = vec![Vec::new(); bands.len()];
    for l in lines {
        let c = l.top;
        let distance = |i: usize| {
            let (top, bottom) = bands[i];
            if c < top {
                top - c
            } else if c > bottom {
                c - bottom
            } else {
                0.0
            }
        };
        let k = (0..bands.len())
            .min_by(|&a, &b| distance(a).total_cmp(&distance(b)))
            .unwrap_or(0);
        members[k].extend(l.texts.iter().cloned());
    }
    // One row of side-by-side texts (the goal's target | actual): pieces read as
    // one run over the gutter between them are split there.
    if matches!(split, Split::Single) {
        for m in members.iter_mut() {
            let g = gutters(m, s);
            *m = std::mem::take(m)
                .into_iter()
                .flat_map(|t| split_at_gutters(t, &g, s))
                .collect();
        }
    }
    members
        .into_iter()
        .filter(|m| !m.is_empty())
        .enumerate()
        .map(|(i, m)| FormRow {
            cells: data_cells(&m, s),
            continues: continues && i == 0,
            loose: true,
        })
        .collect()
}

/// The rows of a run as bands of line tops, by the rhythm of the text whose
/// centre lies in `window`: a step of more than a line pitch starts a row.
/// One band over everything without a window.
fn rhythm_bands(
    lines: &[LooseLine],
    window: Option<(f32, f32)>,
    height: f32,
    s: &FormSettings,
) -> Vec<(f32, f32)> {
    let in_window: Vec<&LooseText> = match window {
        Some((a, b)) => lines
            .iter()
            .flat_map(|l| l.texts.iter())
            .filter(|t| !is_section_label(&compact(&t.text)) && t.centred_in(a, b))
            .collect(),
        None => Vec::new(),
    };
    // The line pitch: the step from a piece of text to the next one below it in
    // the same column. Figures are one line per cell; their steps are row steps.
    let mut steps: Vec<f32> = Vec::new();
    for t in in_window
        .iter()
        .filter(|t| !fiscal_layout::lines::is_numeric(&t.text))
    {
        let below = in_window
            .iter()
            .filter(|u| u.top > t.top + s.next_line_min_step * height && u.same_column(t))
            .map(|u| u.top - t.top)
            .fold(f32::MAX, f32::min);
        if below < s.max_line_step * height {
            steps.push(below);
        }
    }
    steps.sort_by(f32::total_cmp);
    let pitch =
        FormSettings::quantile(&steps, s.rhythm_pitch_quantile).unwrap_or(s.default_pitch * height);
    let mut tops: Vec<f32> = in_window.iter().map(|t| t.top).collect();
    tops.sort_by(f32::total_cmp);
    let mut bands: Vec<(f32, f32)> = Vec::new();
    for top in tops {
        match bands.last_mut() {
            Some(last) if top - last.1 <= s.cell_line_step * pitch => last.1 = top,
            _ => bands.push((top, top)),
        }
    }
    if bands.is_empty() {
        bands.push((f32::MIN, f32::MAX));
    }
    bands
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::loose::line;

    fn texts(rows: &[FormRow]) -> Vec<Vec<&str>> {
        rows.iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn rows_by_rhythm_break_at_the_larger_step() {
        let s = FormSettings::default();
        // Two rows of two lines each at a 12 pt pitch, 30 pt apart.
        let lines = vec![
            line(0.0, &[("指标甲", 100.0), ("预期一", 200.0)]),
            line(12.0, &[("续", 100.0), ("预期二", 200.0)]),
            line(42.0, &[("指标乙", 100.0), ("预期三", 200.0)]),
            line(54.0, &[("预期四", 200.0)]),
        ];
        let rows = split_run(&lines, true, Split::Rhythm(100.0, f32::MAX), &s);
        assert_eq!(
            texts(&rows),
            vec![
                vec!["指标甲续", "预期一预期二"],
                vec!["指标乙", "预期三预期四"]
            ]
        );
        assert!(rows[0].continues && !rows[1].continues);
    }

    #[test]
    fn a_single_row_splits_runs_over_the_gutter() {
        let s = FormSettings::default();
        let lines = vec![
            line(0.0, &[("目标一二三四", 40.0), ("完成五六七八", 104.0)]),
            line(12.0, &[("目标九十甲乙", 40.0), ("完成甲乙", 104.0)]),
            // The two cells' texts ran together over the gutter at 102.
            line(24.0, &[("一二三四五六丙丁戊己", 40.0)]),
        ];
        let rows = split_run(&lines, false, Split::Single, &s);
        assert_eq!(
            texts(&rows),
            vec![vec![
                "目标一二三四目标九十甲乙一二三四五六",
                "完成五六七八完成甲乙丙丁戊己"
            ]]
        );
    }
}
