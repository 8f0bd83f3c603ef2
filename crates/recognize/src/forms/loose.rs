//! The geometry of loose form text (text outside any ruled grid): lines split
//! into pieces at narrow gaps, pieces stacked into cells, and cells that were
//! read as one run over the gutter between them split apart again.
use fiscal_layout::geometry::mostly_overlap;
use fiscal_layout::lines::join_wrapped;

use super::row::FormCell;
use super::settings::FormSettings;

/// One line of loose text, split at narrow gaps.
#[derive(Debug, Clone)]
pub struct LooseLine {
    pub top: f32,
    pub bottom: f32,
    pub texts: Vec<LooseText>,
}

impl LooseLine {
    pub(crate) fn center(&self) -> f32 {
        (self.top + self.bottom) / 2.0
    }

    pub(crate) fn height(&self) -> f32 {
        self.bottom - self.top
    }
}

/// A piece of a loose line: text and where it stands.
#[derive(Debug, Clone)]
pub struct LooseText {
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub text: String,
}

impl LooseText {
    /// Whether the text's centre lies in the columns `a..=b`.
    pub(crate) fn centred_in(&self, a: f32, b: f32) -> bool {
        (a..=b).contains(&((self.x0 + self.x1) / 2.0))
    }

    /// Whether two pieces stand in one column (mostly over one another).
    pub(crate) fn same_column(&self, other: &LooseText) -> bool {
        mostly_overlap((self.x0, self.x1), (other.x0, other.x1))
    }
}

/// Loose text → cells: pieces stacked over one another (a wrapped cell's
/// lines) are one cell, read top to bottom; cells left to right.
pub(crate) fn stack_cells(texts: &[LooseText], s: &FormSettings) -> Vec<FormCell> {
    let mut sorted = texts.to_vec();
    sorted.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.x0.total_cmp(&b.x0)));
    let mut cells: Vec<FormCell> = Vec::new();
    for t in join_spaced_figures(sorted, s) {
        let stacked = cells
            .iter_mut()
            .rev()
            .find(|c| mostly_overlap((c.x0, c.x1), (t.x0, t.x1)));
        match stacked {
            Some(c) => {
                c.text = join_wrapped([c.text.as_str(), t.text.as_str()]);
                c.x0 = c.x0.min(t.x0);
                c.x1 = c.x1.max(t.x1);
            }
            None => cells.push(FormCell {
                text: t.text,
                x0: t.x0,
                x1: t.x1,
            }),
        }
    }
    cells.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    cells
}

/// Pieces of one line set a space apart around a figure ("2023 年", as word
/// processors space Latin text in Chinese) are one text, unless the space is
/// a gutter between columns: the piece before ends where pieces of other
/// lines end (full lines of a wrapped cell) and the piece after starts where
/// a piece of another line starts (a cell's line that starts with a year
/// beside a full line of the cell before; the cell may have two lines only).
/// `sorted` is in reading order.
fn join_spaced_figures(sorted: Vec<LooseText>, s: &FormSettings) -> Vec<LooseText> {
    let tol = s.gutter_edge_tolerance;
    let at_gutter = |p: &LooseText, t: &LooseText| {
        let other_line = |u: &&LooseText| (u.top - t.top).abs() > s.same_line * s.min_em;
        let ends = sorted.iter().filter(other_line);
        let starts = sorted.iter().filter(other_line);
        ends.filter(|u| (u.x1 - p.x1).abs() <= tol).count() >= s.gutter_min_pieces
            && starts.filter(|u| (u.x0 - t.x0).abs() <= tol).count() >= 1
    };
    let mut texts: Vec<LooseText> = Vec::new();
    for t in sorted.iter().cloned() {
        let em = texts.last().map_or(0.0, |p: &LooseText| {
            let n = p.text.chars().count().max(1) as f32;
            ((p.x1 - p.x0) / n).max(s.min_em)
        });
        match texts.last_mut() {
            Some(p)
                if (p.top - t.top).abs() < s.same_line * em
                    && t.x0 - p.x1 < s.figure_space * em.max(s.figure_space_min_em)
                    && t.x0 >= p.x1 - s.edge_slack
                    && !at_gutter(p, &t)
                    && (p.text.ends_with(|c: char| c.is_ascii_alphanumeric())
                        || t.text.starts_with(|c: char| c.is_ascii_alphanumeric())) =>
            {
                p.text.push_str(&t.text);
                p.x1 = t.x1;
            }
            _ => texts.push(t),
        }
    }
    texts
}

/// Gutters between the columns of loose text: where several pieces end and
/// several others begin just after.
pub(crate) fn gutters(texts: &[LooseText], s: &FormSettings) -> Vec<f32> {
    let mut out: Vec<f32> = Vec::new();
    for t in texts {
        let ends = texts
            .iter()
            .filter(|u| (u.x1 - t.x1).abs() <= s.gutter_edge_tolerance)
            .count();
        let starts: Vec<f32> = texts
            .iter()
            .filter(|u| u.x0 > t.x1 && u.x0 - t.x1 <= s.gutter_max_width)
            .map(|u| u.x0)
            .collect();
        if ends >= s.gutter_min_pieces && starts.len() >= s.gutter_min_pieces {
            let g = (t.x1 + starts.iter().copied().fold(f32::MAX, f32::min)) / 2.0;
            if out.iter().all(|o| (o - g).abs() > s.gutter_min_distance) {
                out.push(g);
            }
        }
    }
    out
}

/// Splits a piece of text that runs over a gutter (two cells set a space apart
/// read as one run) where the gutter falls, estimating glyph advances: CJK a
/// full em, Latin letters and figures narrower.
pub(crate) fn split_at_gutters(t: LooseText, gutters: &[f32], s: &FormSettings) -> Vec<LooseText> {
    let weight = |c: char| {
        if c.is_ascii() {
            s.narrow_glyph_advance
        } else {
            1.0
        }
    };
    let total: f32 = t.text.chars().map(weight).sum();
    let Some(&g) = gutters.iter().find(|g| **g > t.x0 && **g < t.x1) else {
        return vec![t];
    };
    if total <= 0.0 {
        return vec![t];
    }
    let em = (t.x1 - t.x0) / total;
    let (mut x, mut cut) = (t.x0, 0);
    for (i, c) in t.text.char_indices() {
        if x + weight(c) * em / 2.0 > g {
            cut = i;
            break;
        }
        x += weight(c) * em;
        cut = i + c.len_utf8();
    }
    // Two real pieces only: enough glyphs on each side.
    if t.text[..cut].chars().count() < s.gutter_split_min_chars
        || t.text[cut..].chars().count() < s.gutter_split_min_chars
    {
        return vec![t];
    }
    let left = LooseText {
        x0: t.x0,
        x1: x,
        top: t.top,
        text: t.text[..cut].to_string(),
    };
    let right = LooseText {
        x0: x,
        x1: t.x1,
        top: t.top,
        text: t.text[cut..].to_string(),
    };
    let mut out = vec![left];
    out.extend(split_at_gutters(right, gutters, s));
    out
}

#[cfg(test)]
pub(crate) fn text(s: &str, x0: f32, x1: f32, top: f32) -> LooseText {
    LooseText {
        x0,
        x1,
        top,
        text: s.to_string(),
    }
}

/// A test line at `top`, 10 pt high: each piece starts at its x and is 10 pt a glyph wide.
#[cfg(test)]
pub(crate) fn line(top: f32, pieces: &[(&str, f32)]) -> LooseLine {
    LooseLine {
        top,
        bottom: top + 10.0,
        texts: pieces
            .iter()
            .map(|(p, x)| text(p, *x, x + 10.0 * p.chars().count() as f32, top))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_cells_read_as_one_run_split_at_the_gutter() {
        let s = FormSettings::default();
        // Two columns: the target column ends at 100, the actual column starts at 104.
        let texts = vec![
            text("目标一二三四", 40.0, 100.0, 0.0),
            text("完成五六七八", 104.0, 164.0, 0.0),
            text("目标九十", 40.0, 100.0, 12.0),
            text("完成甲乙", 104.0, 144.0, 12.0),
            // A line where the two cells' texts ran together (10 pt per glyph).
            text("一二三四五六丙丁戊己", 40.0, 140.0, 24.0),
        ];
        let g = gutters(&texts, &s);
        assert_eq!(g.len(), 1, "{g:?}");
        let parts = split_at_gutters(texts[4].clone(), &g, &s);
        let got: Vec<&str> = parts.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(got, vec!["一二三四五六", "丙丁戊己"]);
    }

    #[test]
    fn a_run_inside_one_column_is_not_split() {
        let s = FormSettings::default();
        let t = text("一二三四", 40.0, 80.0, 0.0);
        assert_eq!(split_at_gutters(t.clone(), &[300.0], &s)[0].text, t.text);
    }

    #[test]
    fn wrapped_lines_stack_into_one_cell_and_cells_sort_left_to_right() {
        let s = FormSettings::default();
        let cells = stack_cells(
            &[
                text("实际", 200.0, 220.0, 0.0),
                text("偏差原因", 100.0, 140.0, 0.0),
                text("分析", 110.0, 130.0, 12.0),
            ],
            &s,
        );
        let got: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(got, vec!["偏差原因分析", "实际"]);
    }

    #[test]
    fn a_spaced_figure_joins_its_word_but_cjk_pieces_stay_apart() {
        let s = FormSettings::default();
        // "2023" (4 × 5 pt) then "年度" a 3 pt space later: one text.
        let cells = stack_cells(
            &[
                text("2023", 100.0, 120.0, 0.0),
                text("年度", 123.0, 143.0, 0.0),
            ],
            &s,
        );
        assert_eq!(cells.len(), 1);
        assert_eq!(cells[0].text, "2023年度");
        // Two CJK pieces at the same gap are two cells.
        let cells = stack_cells(
            &[
                text("目标", 100.0, 120.0, 0.0),
                text("完成", 123.0, 143.0, 0.0),
            ],
            &s,
        );
        assert_eq!(cells.len(), 2);
    }

    #[test]
    fn a_figure_across_a_gutter_starts_the_next_cell() {
        let s = FormSettings::default();
        // Two columns 3 pt apart (10 pt per CJK glyph, 5 per figure): the left
        // one's wrapped lines end at 100, the right one's start at 103; the
        // right cell's first line starts with a year.
        let cells = stack_cells(
            &[
                text("深入贯彻落实", 40.0, 100.0, 0.0),
                text("2023年部门", 103.0, 153.0, 0.0),
                text("根据全国全省", 40.0, 100.0, 12.0),
                text("正常开展", 103.0, 143.0, 12.0),
                text("全市组织部", 40.0, 100.0, 24.0),
                text("工作部署", 40.0, 80.0, 36.0),
            ],
            &s,
        );
        let got: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            got,
            vec![
                "深入贯彻落实根据全国全省全市组织部工作部署",
                "2023年部门正常开展"
            ]
        );
    }
}
