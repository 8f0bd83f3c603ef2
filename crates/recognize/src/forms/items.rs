//! A form's pieces → the rows it is read from, in order: rows of ruled grids,
//! label and header lines (with the lines wrapped around them), and runs of
//! other loose lines, which are cut into rows only when the reader reaches
//! them and knows the fields of the section they are in.
use std::collections::VecDeque;

use fiscal_layout::grid::CellGrid;

use super::loose::{stack_cells, LooseLine, LooseText};
use super::row::{FormCell, FormRow};
use super::runs::{split_run, Split};
use super::settings::FormSettings;
use super::words::{is_header_fragment, structural_reach};
use crate::text::compact;

/// A piece of a form as the pages present it.
#[derive(Debug, Clone)]
pub enum PerfPiece {
    /// A ruled grid.
    Grid(CellGrid),
    /// Text outside any ruled grid: cells cut by a page break, unruled rows,
    /// or a whole form printed without rulings. Lines top to bottom.
    Loose(Vec<LooseLine>),
}

/// Whether a form's pieces print a head: a 项目名称 (or other head label) in a
/// ruled cell or a loose line.
pub(crate) fn prints_head(pieces: &[(u32, PerfPiece)]) -> bool {
    let is_head = |t: &str| super::wording::head_label(t).is_some();
    pieces.iter().any(|(_, p)| match p {
        PerfPiece::Grid(g) => g.cells.iter().any(|c| is_head(&c.text)),
        PerfPiece::Loose(lines) => lines
            .iter()
            .any(|l| l.texts.iter().any(|t| is_head(&t.text))),
    })
}

/// What a form is read from.
enum FormItem {
    Row(FormRow),
    Run {
        lines: Vec<LooseLine>,
        continues: bool,
    },
}

/// Form rows in order. A run of loose lines is cut into rows only when it is
/// reached, the way the section then being read calls for.
pub(crate) struct FormRows<'s> {
    queue: VecDeque<FormItem>,
    settings: &'s FormSettings,
}

impl<'s> FormRows<'s> {
    pub fn new(pieces: &[(u32, PerfPiece)], settings: &'s FormSettings) -> Self {
        FormRows {
            queue: form_items(pieces, settings).into(),
            settings,
        }
    }

    /// The next row; `split` says how the current section cuts a run.
    pub fn next(&mut self, split: impl Fn() -> Split) -> Option<FormRow> {
        loop {
            match self.queue.pop_front()? {
                FormItem::Row(r) => return Some(r),
                FormItem::Run { lines, continues } => {
                    let rows = split_run(&lines, continues, split(), self.settings);
                    for r in rows.into_iter().rev() {
                        self.queue.push_front(FormItem::Row(r));
                    }
                }
            }
        }
    }
}

fn form_items(pieces: &[(u32, PerfPiece)], s: &FormSettings) -> Vec<FormItem> {
    // Loose text one after another on a page (an unruled stretch read as a grid,
    // then lines) is one stretch.
    let mut merged: Vec<(u32, PerfPiece)> = Vec::new();
    for (page, piece) in pieces {
        match (merged.last_mut(), piece) {
            (Some((p, PerfPiece::Loose(acc))), PerfPiece::Loose(more)) if p == page => {
                acc.extend(more.iter().cloned())
            }
            _ => merged.push((*page, piece.clone())),
        }
    }
    let mut out = Vec::new();
    let mut last_page = None;
    for (page, piece) in merged {
        let new_page = last_page.is_some_and(|p| p != page);
        last_page = Some(page);
        match piece {
            PerfPiece::Grid(g) => {
                for r in 0..g.rows() {
                    let mut cells: Vec<FormCell> = g
                        .row_cells(r)
                        .map(|c| FormCell {
                            text: c.text.trim().to_string(),
                            x0: c.x0,
                            x1: c.x1,
                        })
                        .collect();
                    cells.sort_by(|a, b| a.x0.total_cmp(&b.x0));
                    out.push(FormItem::Row(FormRow {
                        cells,
                        continues: new_page && r == 0,
                        loose: false,
                    }));
                }
            }
            PerfPiece::Loose(lines) => split_loose(lines, new_page, s, &mut out),
        }
    }
    out
}

/// Splits loose lines into label/header rows (each with the wrapped lines
/// beside it) and runs of other lines.
fn split_loose(
    mut lines: Vec<LooseLine>,
    continues: bool,
    s: &FormSettings,
    out: &mut Vec<FormItem>,
) {
    lines.sort_by(|a, b| a.top.total_cmp(&b.top));
    let reach: Vec<Option<f32>> = lines.iter().map(|l| structural_reach(l, s)).collect();
    let owner = wrap_owners(&lines, &reach, s);
    let mut first = true;
    let mut run: Vec<LooseLine> = Vec::new();
    for i in 0..lines.len() {
        if owner[i].is_some() {
            continue;
        }
        if reach[i].is_some() {
            if !run.is_empty() {
                out.push(FormItem::Run {
                    lines: std::mem::take(&mut run),
                    continues: continues && first,
                });
                first = false;
            }
            let texts: Vec<LooseText> = (0..lines.len())
                .filter(|&j| j == i || owner[j] == Some(i))
                .flat_map(|j| lines[j].texts.iter().cloned())
                .collect();
            out.push(FormItem::Row(FormRow {
                cells: stack_cells(&texts, s),
                continues: continues && first,
                loose: true,
            }));
            first = false;
        } else {
            run.push(lines[i].clone());
        }
    }
    if !run.is_empty() {
        out.push(FormItem::Run {
            lines: run,
            continues: continues && first,
        });
    }
}

/// For each line that is no label/header line itself, the nearest label or
/// header line whose reach it is within (it is that line's wrap).
fn wrap_owners(lines: &[LooseLine], reach: &[Option<f32>], s: &FormSettings) -> Vec<Option<usize>> {
    let mut owner: Vec<Option<usize>> = vec![None; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        if reach[i].is_some() {
            continue;
        }
        // Pieces of header words reach further: a header word wraps over up to
        // three lines around its line. A piece of one character is one when it
        // ends the word a header line's piece above it begins ("年度预算完成" /
        // "数").
        let ends_word_above = |piece: &LooseText| {
            let t = compact(&piece.text);
            t.chars().count() == 1
                && (0..lines.len()).any(|k| {
                    reach[k].is_some()
                        && lines[k].top < l.top
                        && lines[k].texts.iter().any(|u| {
                            u.same_column(piece) && is_header_fragment(&(compact(&u.text) + &t), s)
                        })
                })
        };
        let fragments = l
            .texts
            .iter()
            .all(|t| is_header_fragment(&compact(&t.text), s) || ends_word_above(t));
        owner[i] = (0..lines.len())
            .filter(|&k| {
                reach[k].is_some_and(|r| {
                    let r = if fragments {
                        r.max(s.header_fragment_reach)
                    } else {
                        r
                    };
                    (lines[k].center() - l.center()).abs() < r * lines[k].height()
                })
            })
            .min_by(|&a, &b| {
                (lines[a].center() - l.center())
                    .abs()
                    .total_cmp(&(lines[b].center() - l.center()).abs())
            });
    }
    owner
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::loose::line;

    #[test]
    fn a_header_line_takes_its_wrapped_fragments_and_splits_the_runs() {
        let s = FormSettings::default();
        let lines = vec![
            line(0.0, &[("第一行内容", 100.0)]),
            line(30.0, &[("偏差原因", 300.0)]),
            line(42.0, &[("一级指标", 100.0), ("分析及改", 300.0)]),
            line(54.0, &[("进措施", 300.0)]),
            line(80.0, &[("第二行内容", 100.0)]),
        ];
        let mut out = Vec::new();
        split_loose(lines, true, &s, &mut out);
        let shapes: Vec<String> = out
            .iter()
            .map(|i| match i {
                FormItem::Row(r) => {
                    let t: Vec<&str> = r.cells.iter().map(|c| c.text.as_str()).collect();
                    format!("row {} {}", r.continues, t.join("|"))
                }
                FormItem::Run { lines, continues } => format!("run {continues} {}", lines.len()),
            })
            .collect();
        assert_eq!(
            shapes,
            vec![
                "run true 1",
                "row false 一级指标|偏差原因分析及改进措施",
                "run false 1"
            ]
        );
    }

    #[test]
    fn a_one_character_end_of_a_header_word_joins_its_header_line() {
        let s = FormSettings::default();
        // The header row at a page's head, its cells' lines from the top: the
        // last character of 年度预算完成数 on a line of its own, 1.3 lines down.
        let lines = vec![
            line(
                0.0,
                &[
                    ("年度预算数", 100.0),
                    ("年度预算完成", 160.0),
                    ("分值", 240.0),
                ],
            ),
            line(13.0, &[("数", 185.0)]),
            line(40.0, &[("总额", 20.0), ("87.00", 100.0), ("69.62", 180.0)]),
        ];
        let mut out = Vec::new();
        split_loose(lines, true, &s, &mut out);
        let FormItem::Row(header) = &out[0] else {
            panic!("no header row");
        };
        let t: Vec<&str> = header.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(t, vec!["年度预算数", "年度预算完成数", "分值"]);
        assert!(matches!(&out[1], FormItem::Run { lines, .. } if lines.len() == 1));
    }
}
