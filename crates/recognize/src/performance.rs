//! Form-like performance tables: 项目支出绩效自评表 (one per project) and
//! 部门整体支出主要绩效目标完成情况表. They are read as forms: labels name the
//! cell beside them (项目名称 → project), header rows fix the x ranges of the
//! fields below them, a merged cell (指标类别, 一级指标, 部门整体支出目标) is
//! repeated on every row it spans, and text that a page break cut off —
//! printed at the head of the next page, ruled or not — is joined to the
//! row it belongs to.
use fiscal_layout::geometry::{mostly_overlap, overlap};
use fiscal_layout::grid::CellGrid;
use fiscal_layout::lines::join_wrapped;
use serde::{Deserialize, Serialize};

use crate::model::{MoneyUnit, TableKind};
use crate::text::compact;

/// A piece of a performance table as the pages present it.
#[derive(Debug, Clone)]
pub enum PerfPiece {
    /// A ruled grid.
    Grid(CellGrid),
    /// Text outside any ruled grid: cells cut by a page break, unruled rows,
    /// or a whole form printed without rulings. Lines top to bottom.
    Loose(Vec<LooseLine>),
}

/// One line of loose text, split at narrow gaps.
#[derive(Debug, Clone)]
pub struct LooseLine {
    pub top: f32,
    pub bottom: f32,
    pub texts: Vec<LooseText>,
}

impl LooseLine {
    fn center(&self) -> f32 {
        (self.top + self.bottom) / 2.0
    }
}

#[derive(Debug, Clone)]
pub struct LooseText {
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub text: String,
}

impl LooseText {
    /// Whether the text's centre lies in the columns `a..=b`.
    fn centred_in(&self, a: f32, b: f32) -> bool {
        (a..=b).contains(&((self.x0 + self.x1) / 2.0))
    }
}

/// One line of a form's funds block: a source of money and its figures.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct FundRow {
    /// The source as printed (总额, 其中：财政拨款, …).
    pub source: String,
    /// Its figures under [`Funds::columns`], as printed.
    pub values: Vec<Option<String>>,
}

/// The funds block of a 项目支出绩效自评表 (年度预算数, 执行数, …).
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Funds {
    /// Column headings as printed.
    pub columns: Vec<String>,
    /// One row per source of money.
    pub rows: Vec<FundRow>,
    /// 分值 of the funds' execution.
    pub weight: Option<String>,
    /// 执行率 as printed (e.g. "80.02%").
    pub completion_rate: Option<String>,
    /// 得分.
    pub score: Option<String>,
}

/// The year's overall goal and what was achieved.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Goal {
    /// 年度目标 / 预期目标.
    pub target: Option<String>,
    /// 实际完成情况.
    pub actual: Option<String>,
}

/// One performance indicator (绩效指标) of a form.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
pub struct Indicator {
    /// 指标类别 (产出指标, 效益指标, …), repeated on each row it spans.
    pub category: Option<String>,
    /// 一级指标 (数量指标, 质量指标, …).
    pub level1: Option<String>,
    /// 二级指标: the indicator itself.
    pub level2: Option<String>,
    /// 年度指标值.
    pub target: Option<String>,
    /// 实际完成值.
    pub actual: Option<String>,
    /// 分值.
    pub weight: Option<String>,
    /// 得分.
    pub score: Option<String>,
    /// 偏差原因分析及改进措施.
    pub deviation: Option<String>,
}

/// A 项目支出绩效自评表: one project's performance self-evaluation form.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PerformanceTable {
    /// [`TableKind::ProjectPerformanceSelfEvaluation`] or a budget form kind.
    pub kind: TableKind,
    /// The title as printed.
    pub title: String,
    /// 1-based pages the form spans.
    pub pages: Vec<u32>,
    /// The unit of its figures.
    pub money_unit: Option<MoneyUnit>,
    /// 项目名称.
    pub project: Option<String>,
    /// 主管部门.
    pub department: Option<String>,
    /// 实施单位.
    pub implementer: Option<String>,
    /// The funds block.
    pub funds: Funds,
    /// The overall goal.
    pub goal: Goal,
    /// The indicators, in printed order.
    pub indicators: Vec<Indicator>,
    /// 总分.
    pub total_score: Option<String>,
}

/// One row of a department's goals form.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
pub struct GoalRow {
    /// The goal the row belongs to, repeated on each row it spans.
    pub goal: Option<String>,
    /// The indicator.
    pub indicator: Option<String>,
    /// Expected value.
    pub expected: Option<String>,
    /// Actual value.
    pub actual: Option<String>,
}

/// A 部门整体支出主要绩效目标完成情况表: a department's goals and results.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DepartmentGoals {
    /// [`TableKind::DepartmentPerformanceGoals`] or a budget form kind.
    pub kind: TableKind,
    /// The title as printed.
    pub title: String,
    /// 1-based pages the form spans.
    pub pages: Vec<u32>,
    /// 部门名称.
    pub department: Option<String>,
    /// 部门整体支出目标.
    pub goal: Option<String>,
    /// Expected budget execution rate as printed.
    pub budget_rate_expected: Option<String>,
    /// Actual budget execution rate as printed.
    pub budget_rate_actual: Option<String>,
    /// Column headings of the rows, as printed.
    pub columns: Vec<String>,
    /// The goal rows.
    pub rows: Vec<GoalRow>,
}

/// One cell of a form row: text and horizontal extent.
#[derive(Debug, Clone)]
struct FormCell {
    text: String,
    x0: f32,
    x1: f32,
}

/// A form row; `continues` marks the first row of a piece on a later page.
struct FormRow {
    cells: Vec<FormCell>,
    continues: bool,
    loose: bool,
}

/// What a form is read from, in order: rows of ruled grids or label/header
/// lines, and runs of loose lines that the reader splits into rows once it
/// knows the fields of the section they are in.
enum FormItem {
    Row(FormRow),
    Run {
        lines: Vec<LooseLine>,
        continues: bool,
    },
}

const LABELS: [&str; 4] = ["项目名称", "主管部门", "实施单位", "部门名称"];

/// How far (in line heights) the wrapped lines of a label or header line
/// reach: a label's value is centred on it over up to three lines; a header
/// line's wrapped neighbours sit within about a line.
fn structural_reach(line: &LooseLine) -> Option<f32> {
    // Labels and header words are short pieces of their own; a sentence in a
    // cell that mentions 主管部门 is no label.
    let pieces: Vec<String> = line.texts.iter().map(|t| compact(&t.text)).collect();
    let short = |p: &&String| p.chars().count() <= 12;
    if pieces
        .iter()
        .filter(short)
        .any(|p| LABELS.iter().any(|k| p.contains(k)))
    {
        return Some(1.6);
    }
    let text: String = pieces.iter().filter(short).map(String::as_str).collect();
    let header = [
        "一级指标",
        "关键指标",
        "预期实现值",
        "年度绩效目标内容",
        "总分",
        "预算完成率",
    ]
    .iter()
    .any(|k| text.contains(k))
        || (text.contains("预算数") && (text.contains("分值") || text.contains("完成数")));
    header.then_some(1.1)
}

/// Splits loose lines into label/header rows (each with the wrapped lines
/// beside it) and runs of other lines.
fn split_loose(mut lines: Vec<LooseLine>, continues: bool, out: &mut Vec<FormItem>) {
    lines.sort_by(|a, b| a.top.total_cmp(&b.top));
    let reach: Vec<Option<f32>> = lines.iter().map(structural_reach).collect();
    let structural: Vec<bool> = reach.iter().map(Option::is_some).collect();
    // A line within reach of a label/header line is its wrap.
    let mut owner: Vec<Option<usize>> = vec![None; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        if structural[i] {
            continue;
        }
        // Pieces of header words reach further: a header word wraps over up to
        // three lines around its line.
        let fragments = l
            .texts
            .iter()
            .all(|t| is_header_fragment(&compact(&t.text)));
        owner[i] = (0..lines.len())
            .filter(|&s| {
                reach[s].is_some_and(|r| {
                    let r = if fragments { r.max(2.2) } else { r };
                    (lines[s].center() - l.center()).abs() < r * (lines[s].bottom - lines[s].top)
                })
            })
            .min_by(|&a, &b| {
                (lines[a].center() - l.center())
                    .abs()
                    .total_cmp(&(lines[b].center() - l.center()).abs())
            });
    }
    let mut first = true;
    let mut run: Vec<LooseLine> = Vec::new();
    for i in 0..lines.len() {
        if owner[i].is_some() {
            continue;
        }
        if structural[i] {
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
                cells: stack_cells(&texts),
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

fn form_items(pieces: &[(u32, PerfPiece)]) -> Vec<FormItem> {
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
            PerfPiece::Loose(lines) => split_loose(lines, new_page, &mut out),
        }
    }
    out
}

/// Whether a piece of text is part of a form header word (headers wrap over
/// lines above and below the header line: "偏差原因" / "分析及改" / "进措施").
fn is_header_fragment(t: &str) -> bool {
    const HEADERS: [&str; 16] = [
        "偏差原因分析及改进措施",
        "实际完成指标值",
        "年度指标值",
        "预算完成率",
        "年度预算完成数",
        "年度预算数",
        "指标类别",
        "一级指标",
        "二级指标",
        "三级指标",
        "目标实际完成情况",
        "年度绩效目标内容",
        "部门整体支出目标",
        "预期实现值",
        "指标完成情况",
        "关键指标",
    ];
    t.chars().count() >= 2 && HEADERS.iter().any(|h| h.contains(t))
}

/// Labels of form sections printed in the margin column, which are no
/// field's content.
fn is_section_label(t: &str) -> bool {
    const SECTIONS: [&str; 4] = [
        "项目资金（万元）",
        "绩效目标完成情况",
        "年度绩效目标",
        "绩效指标",
    ];
    // Also their pieces, when the label cell wraps ("绩效目" / "标完成" / "情况").
    matches!(t, "(万元)" | "项目资金(万元)")
        || t.chars().count() >= 2 && SECTIONS.iter().any(|s| s.contains(t))
}

/// A run of loose lines → data rows. Rows are told apart by the vertical
/// rhythm of the text in the columns of `window` (columns whose cells are
/// merged over several rows are left out: their text runs on): lines of one
/// cell follow at the line pitch, the next row starts after a larger step.
/// Each line then joins the row its centre lies in, or the nearest.
/// How a run of loose lines is cut into rows.
#[derive(Clone, Debug)]
enum Split {
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

fn split_run(lines: &[LooseLine], continues: bool, split: Split) -> Vec<FormRow> {
    let keep = |t: &LooseText| !is_section_label(&compact(&t.text));
    // The median line height.
    let height = {
        let mut h: Vec<f32> = lines.iter().map(|l| l.bottom - l.top).collect();
        h.sort_by(f32::total_cmp);
        h.get(h.len() / 2).copied().unwrap_or(10.0)
    };
    if let Split::Anchors {
        figures: (a, b),
        merged,
    } = &split
    {
        let (a, b) = (*a, *b);
        let is_anchor = |l: &LooseLine| {
            l.texts
                .iter()
                .any(|t| t.centred_in(a, b) && fiscal_layout::align::is_numeric(&t.text))
        };
        let anchors: Vec<f32> = lines
            .iter()
            .filter(|l| is_anchor(l))
            .map(LooseLine::center)
            .collect();
        if !anchors.is_empty() {
            // A cell's lines follow one another at the line pitch in its column; the
            // whole cell goes to the row whose figures are nearest its middle (a tall
            // cell reaches past the middle of its neighbours' rows). Figures are one
            // line each and go by themselves.
            let nearest = |y: f32| {
                (0..anchors.len())
                    .min_by(|&i, &j| (anchors[i] - y).abs().total_cmp(&(anchors[j] - y).abs()))
                    .unwrap_or(0)
            };
            let mut members: Vec<Vec<LooseText>> = vec![Vec::new(); anchors.len()];
            let mut texts: Vec<(f32, LooseText)> = Vec::new();
            // Per merged column: its labels, a label being lines stacked at the pitch.
            let mut labels: Vec<Vec<(f32, f32, Vec<LooseText>)>> = vec![Vec::new(); merged.len()];
            for l in lines {
                for t in &l.texts {
                    if let Some(m) = merged.iter().position(|r| t.centred_in(r.0, r.1)) {
                        let y = l.center();
                        match labels[m]
                            .last_mut()
                            .filter(|lab| y - lab.1 <= 2.4 * (l.bottom - l.top))
                        {
                            Some(lab) => {
                                lab.1 = y;
                                lab.2.push(t.clone());
                            }
                            None => labels[m].push((y, y, vec![t.clone()])),
                        }
                    } else if fiscal_layout::align::is_numeric(&t.text) {
                        members[nearest(l.center())].push(t.clone());
                    } else {
                        texts.push((l.center(), t.clone()));
                    }
                }
            }
            let merged_labels = labels;
            texts.sort_by(|a, b| a.0.total_cmp(&b.0));
            let same_column =
                |a: &LooseText, b: &LooseText| mostly_overlap((a.x0, a.x1), (b.x0, b.x1));
            let mut steps: Vec<f32> = Vec::new();
            for (i, (y, t)) in texts.iter().enumerate() {
                if let Some((y2, _)) = texts[i + 1..]
                    .iter()
                    .find(|(y2, u)| *y2 > y + 0.5 * height && same_column(t, u))
                {
                    if y2 - y < 2.5 * height {
                        steps.push(y2 - y);
                    }
                }
            }
            steps.sort_by(f32::total_cmp);
            // Most steps are line steps inside cells; the rest are steps between rows.
            let pitch = steps.get(steps.len() / 4).copied().unwrap_or(1.3 * height);
            // (x0, x1, first centre, last centre, texts with their line centres)
            type Block = (f32, f32, f32, f32, Vec<(f32, LooseText)>);
            let mut blocks: Vec<Block> = Vec::new();
            for (y, t) in texts {
                let open = blocks
                    .iter_mut()
                    .rev()
                    .find(|b| mostly_overlap((b.0, b.1), (t.x0, t.x1)) && y - b.3 <= 1.12 * pitch);
                match open {
                    Some(b) => {
                        b.0 = b.0.min(t.x0);
                        b.1 = b.1.max(t.x1);
                        b.3 = y;
                        b.4.push((y, t));
                    }
                    None => blocks.push((t.x0, t.x1, y, y, vec![(y, t)])),
                }
            }
            // At the head of a continuation page, text that ends well above the first
            // row's figures, with a gap before that row's own text, is the rest of
            // cells the page break cut: it belongs to the row on the page before.
            let run_top = lines.first().map_or(0.0, LooseLine::center);
            let mut carry: Vec<LooseText> = Vec::new();
            let blocks: Vec<Block> = blocks
                .into_iter()
                .filter_map(|b| {
                    if continues && b.2 <= run_top + pitch && b.3 < anchors[0] - 0.75 * pitch {
                        carry.extend(b.4.into_iter().map(|(_, t)| t));
                        None
                    } else {
                        Some(b)
                    }
                })
                .collect();
            for (_, _, first, last, texts) in blocks {
                // A run over several rows' figures is several one-line cells packed
                // tight: each line goes by itself then.
                let spanned = anchors
                    .iter()
                    .filter(|a| **a > first + 0.25 * pitch && **a < last - 0.25 * pitch)
                    .count();
                for (y, t) in texts {
                    let at = if spanned >= 2 {
                        y
                    } else {
                        (first + last) / 2.0
                    };
                    members[nearest(at)].push(t);
                }
            }
            // A merged label (one cell over several rows) is printed in the middle
            // of its rows or at their top; which, the labels' positions tell.
            let extents: Vec<(f32, f32)> = members
                .iter()
                .zip(&anchors)
                .map(|(m, a)| {
                    let top = m.iter().map(|t| t.top).fold(*a - 0.5 * height, f32::min);
                    let bottom = m
                        .iter()
                        .map(|t| t.top + height)
                        .fold(*a + 0.5 * height, f32::max);
                    (top, bottom)
                })
                .collect();
            for column in &merged_labels {
                // Each label's rows, as [first, end) per label, under both layouts.
                let n = anchors.len();
                let centred = centred_spans(column, &extents);
                let top_aligned = top_aligned_spans(column, &extents);
                let error = |spans: &[(usize, usize)], centred: bool| -> f32 {
                    spans
                        .iter()
                        .zip(column)
                        .filter(|(sp, _)| sp.0 < sp.1)
                        .map(|(sp, (first, last, _))| {
                            let label = (first + last) / 2.0;
                            let (top, bottom) = (extents[sp.0].0, extents[sp.1 - 1].1);
                            let expected = if centred {
                                (top + bottom) / 2.0
                            } else {
                                top + height / 2.0
                            };
                            (label - expected).abs()
                        })
                        .sum()
                };
                let mut spans = if error(&top_aligned, false) < error(&centred, true) {
                    top_aligned
                } else {
                    centred
                };
                // At the head of a continuation page, rows above the first label go on
                // with the label of the page before (printed there).
                if continues {
                    if let (Some(first), Some((top, bottom, _))) =
                        (spans.first_mut(), column.first())
                    {
                        let label = (top + bottom) / 2.0;
                        let own = extents
                            .iter()
                            .position(|e| e.1 >= label - height)
                            .unwrap_or(n);
                        first.0 = first.0.max(own.min(first.1));
                    }
                }
                for ((from, to), (_, _, texts)) in spans.into_iter().zip(column) {
                    for m in members.iter_mut().take(to.min(n)).skip(from) {
                        m.extend(texts.iter().cloned());
                    }
                }
            }
            let carried = (!carry.is_empty()).then(|| FormRow {
                cells: data_cells(&carry),
                continues: true,
                loose: true,
            });
            let rows = members
                .into_iter()
                .filter(|m| !m.is_empty())
                .enumerate()
                .map(|(i, m)| FormRow {
                    cells: data_cells(&m),
                    continues: continues && i == 0 && carry.is_empty(),
                    loose: true,
                });
            return carried.into_iter().chain(rows).collect();
        }
    }
    let window = match split {
        Split::Rhythm(a, b) => Some((a, b)),
        Split::Anchors { figures, .. } => Some(figures),
        Split::Single => None,
    };
    let in_window: Vec<&LooseText> = match window {
        Some((a, b)) => lines
            .iter()
            .flat_map(|l| l.texts.iter())
            .filter(|t| keep(t) && t.centred_in(a, b))
            .collect(),
        None => Vec::new(),
    };
    // The line pitch: the step from a piece of text to the next one below it in
    // the same column.
    let mut steps: Vec<f32> = Vec::new();
    // Figures are one line per cell; their steps are row steps, not line pitch.
    for t in in_window
        .iter()
        .filter(|t| !fiscal_layout::align::is_numeric(&t.text))
    {
        let below = in_window
            .iter()
            .filter(|u| u.top > t.top + 0.5 * height && mostly_overlap((u.x0, u.x1), (t.x0, t.x1)))
            .map(|u| u.top - t.top)
            .fold(f32::MAX, f32::min);
        if below < 2.5 * height {
            steps.push(below);
        }
    }
    steps.sort_by(f32::total_cmp);
    let pitch = steps.get(steps.len() / 2).copied().unwrap_or(1.3 * height);
    let mut tops: Vec<f32> = in_window.iter().map(|t| t.top).collect();
    tops.sort_by(f32::total_cmp);
    let mut bands: Vec<(f32, f32)> = Vec::new();
    for top in tops {
        match bands.last_mut() {
            Some(last) if top - last.1 <= 1.12 * pitch => last.1 = top,
            _ => bands.push((top, top)),
        }
    }
    if bands.is_empty() {
        bands.push((f32::MIN, f32::MAX));
    }
    let mut members: Vec<Vec<LooseText>> = vec![Vec::new(); bands.len()];
    for l in lines {
        let c = l.top;
        let k = (0..bands.len())
            .min_by(|&a, &b| {
                let d = |i: usize| {
                    if c < bands[i].0 {
                        bands[i].0 - c
                    } else if c > bands[i].1 {
                        c - bands[i].1
                    } else {
                        0.0
                    }
                };
                d(a).total_cmp(&d(b))
            })
            .unwrap_or(0);
        members[k].extend(l.texts.iter().cloned());
    }
    // One row of side-by-side texts (the goal's target | actual): pieces read as
    // one run over the gutter between them are split there.
    if matches!(split, Split::Single) {
        for m in members.iter_mut() {
            let g = gutters(m);
            *m = std::mem::take(m)
                .into_iter()
                .flat_map(|t| split_at_gutters(t, &g))
                .collect();
        }
    }
    members
        .into_iter()
        .filter(|m| !m.is_empty())
        .enumerate()
        .map(|(i, m)| FormRow {
            cells: data_cells(&m),
            continues: continues && i == 0,
            loose: true,
        })
        .collect()
}

/// Rows of each merged label if labels are centred on their rows: walking down,
/// each label's span ends as far below its middle as it began above it (the
/// last label takes the rest).
fn centred_spans(
    labels: &[(f32, f32, Vec<LooseText>)],
    extents: &[(f32, f32)],
) -> Vec<(usize, usize)> {
    let n = extents.len();
    let mut spans = Vec::new();
    let (mut row, mut start) = (0, extents.first().map_or(0.0, |e| e.0));
    for (j, (first, last, _)) in labels.iter().enumerate() {
        if row >= n {
            spans.push((n, n));
            continue;
        }
        let middle = (first + last) / 2.0;
        let target_end = 2.0 * middle - start;
        let mut end = row + 1;
        if j + 1 == labels.len() {
            end = n;
        } else {
            while end < n
                && (extents[end - 1].1 - target_end).abs() > (extents[end].1 - target_end).abs()
            {
                end += 1;
            }
        }
        spans.push((row, end));
        start = extents[end - 1].1;
        row = end;
    }
    spans
}

/// Rows of each merged label if labels stand at the top of their rows: a label
/// starts at the first row reaching below it.
fn top_aligned_spans(
    labels: &[(f32, f32, Vec<LooseText>)],
    extents: &[(f32, f32)],
) -> Vec<(usize, usize)> {
    let n = extents.len();
    let starts: Vec<usize> = labels
        .iter()
        .enumerate()
        .map(|(j, (first, last, _))| {
            if j == 0 {
                0
            } else {
                extents
                    .iter()
                    .position(|e| e.1 >= (first + last) / 2.0)
                    .unwrap_or(n)
            }
        })
        .collect();
    (0..labels.len())
        .map(|j| {
            (
                starts[j],
                if j + 1 < labels.len() {
                    starts[j + 1].max(starts[j])
                } else {
                    n
                },
            )
        })
        .collect()
}

/// Cells of a data row: stacked loose text without the margin's section labels
/// (judged on whole cells: "2019 年度…" keeps its "年度").
fn data_cells(texts: &[LooseText]) -> Vec<FormCell> {
    stack_cells(texts)
        .into_iter()
        .filter(|c| !is_section_label(&compact(&c.text)))
        .collect()
}

/// Loose text → cells: pieces stacked over one another (a wrapped cell's
/// lines) are one cell, read top to bottom; cells left to right.
/// Gutters between the columns of loose text: where several pieces end and
/// several others begin just after.
fn gutters(texts: &[LooseText]) -> Vec<f32> {
    let mut out: Vec<f32> = Vec::new();
    for t in texts {
        let ends = texts.iter().filter(|u| (u.x1 - t.x1).abs() <= 4.0).count();
        let starts: Vec<f32> = texts
            .iter()
            .filter(|u| u.x0 > t.x1 && u.x0 - t.x1 <= 12.0)
            .map(|u| u.x0)
            .collect();
        if ends >= 2 && starts.len() >= 2 {
            let g = (t.x1 + starts.iter().copied().fold(f32::MAX, f32::min)) / 2.0;
            if out.iter().all(|o| (o - g).abs() > 8.0) {
                out.push(g);
            }
        }
    }
    out
}

/// Splits a piece of text that runs over a gutter (two cells set a space apart
/// read as one run) where the gutter falls, estimating glyph advances: CJK a
/// full em, Latin letters and figures half.
fn split_at_gutters(t: LooseText, gutters: &[f32]) -> Vec<LooseText> {
    let weight = |c: char| if c.is_ascii() { 0.5 } else { 1.0 };
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
    // Two real pieces only: at least two glyphs on each side.
    if t.text[..cut].chars().count() < 2 || t.text[cut..].chars().count() < 2 {
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
    out.extend(split_at_gutters(right, gutters));
    out
}

fn stack_cells(texts: &[LooseText]) -> Vec<FormCell> {
    let mut sorted = texts.to_vec();
    sorted.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.x0.total_cmp(&b.x0)));
    // Pieces of one line set a space apart around a figure ("2023 年", as word
    // processors space Latin text in Chinese) are one text.
    let mut texts: Vec<LooseText> = Vec::new();
    for t in sorted {
        let em = texts.last().map_or(0.0, |p: &LooseText| {
            let n = p.text.chars().count().max(1) as f32;
            ((p.x1 - p.x0) / n).max(4.0)
        });
        match texts.last_mut() {
            Some(p)
                if (p.top - t.top).abs() < 0.3 * em
                    && t.x0 - p.x1 < 0.45 * em.max(8.0)
                    && t.x0 >= p.x1 - 1.0
                    && (p.text.ends_with(|c: char| c.is_ascii_alphanumeric())
                        || t.text.starts_with(|c: char| c.is_ascii_alphanumeric())) =>
            {
                p.text.push_str(&t.text);
                p.x1 = t.x1;
            }
            _ => texts.push(t),
        }
    }
    let mut cells: Vec<FormCell> = Vec::new();
    for t in texts {
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

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['。', '！', '？', '；', '”', '.', '）'])
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn append(slot: &mut Option<String>, more: &str) {
    let Some(more) = non_empty(more) else { return };
    *slot = Some(match slot.take() {
        Some(s) => join_wrapped([s.as_str(), more.as_str()]),
        None => more,
    });
}

/// Named x ranges of fields, from a header row.
struct Fields<F: Copy + PartialEq> {
    ranges: Vec<(F, f32, f32)>,
}

impl<F: Copy + PartialEq> Fields<F> {
    /// The field of a piece of text: the header range its centre lies in, or
    /// else the column around a header (up to midway to the neighbouring
    /// headers; half a header width beyond the outer ones). Unruled forms centre
    /// a header over its column, so body text reaches past the header's ends.
    fn field_of(&self, x0: f32, x1: f32) -> Option<F> {
        let cx = (x0 + x1) / 2.0;
        if let Some((f, _, _)) = self.ranges.iter().find(|(_, a, b)| cx >= *a && cx <= *b) {
            return Some(*f);
        }
        if let Some((f, _, _)) = self
            .columns()
            .into_iter()
            .find(|(_, a, b)| cx >= *a && cx <= *b)
        {
            return Some(f);
        }
        self.ranges
            .iter()
            .find(|&&(_, a, b)| overlap((x0, x1), (a, b)) > 0.0)
            .map(|(f, _, _)| *f)
    }

    /// Each header's column: up to midway to the neighbouring headers, half a
    /// header width beyond the outer ones.
    fn columns(&self) -> Vec<(F, f32, f32)> {
        let mut sorted: Vec<&(F, f32, f32)> = self
            .ranges
            .iter()
            .filter(|r| r.2 < f32::MAX / 2.0 && r.1 > f32::MIN / 2.0)
            .collect();
        sorted.sort_by(|a, b| a.1.total_cmp(&b.1));
        (0..sorted.len())
            .map(|i| {
                let r = sorted[i];
                let half = (r.2 - r.1) / 2.0;
                let left = if i > 0 {
                    (sorted[i - 1].2 + r.1) / 2.0
                } else {
                    r.1 - half
                };
                let right = if i + 1 < sorted.len() {
                    (r.2 + sorted[i + 1].1) / 2.0
                } else {
                    r.2 + half
                };
                (r.0, left, right)
            })
            .collect()
    }

    /// Texts of a row by field (several cells of one field joined).
    fn split(&self, row: &FormRow) -> Vec<(F, String)> {
        let mut out: Vec<(F, String)> = Vec::new();
        for c in &row.cells {
            if c.text.is_empty() {
                continue;
            }
            let Some(f) = self.field_of(c.x0, c.x1) else {
                continue;
            };
            match out.iter_mut().find(|(g, _)| *g == f) {
                Some((_, t)) => *t = join_wrapped([t.as_str(), c.text.as_str()]),
                None => out.push((f, c.text.clone())),
            }
        }
        out
    }
}

/// The value beside a label: the next cell, unless that is another label.
fn text_after(row: &FormRow, label: &str) -> Option<String> {
    let i = row.cells.iter().position(|c| compact(&c.text) == label)?;
    row.cells[i + 1..]
        .iter()
        .find_map(|c| non_empty(&c.text))
        .filter(|v| !LABELS.contains(&compact(v).as_str()))
}

fn has_cell(row: &FormRow, pred: impl Fn(&str) -> bool) -> bool {
    row.cells.iter().any(|c| pred(&compact(&c.text)))
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum FundField {
    Value(usize),
    Weight,
    Rate,
    Score,
    Source,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum GoalField {
    Target,
    Actual,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum IndField {
    Category,
    Level1,
    Level2,
    Target,
    Actual,
    Weight,
    Score,
    Deviation,
}

fn ind_field(header: &str) -> Option<IndField> {
    Some(match header {
        h if h.contains("指标类别") => IndField::Category,
        h if h.contains("一级指标") => IndField::Level1,
        h if h.contains("二级指标") || h.contains("三级指标") => IndField::Level2,
        h if h.contains("指标值") && !h.contains("实际") => IndField::Target,
        h if h.contains("实际完成") => IndField::Actual,
        h if h == "分值" || h.contains("权重") => IndField::Weight,
        "得分" => IndField::Score,
        h if h.contains("偏差") || h.contains("改进措施") => IndField::Deviation,
        _ => return None,
    })
}

fn indicator_slot(ind: &mut Indicator, f: IndField) -> &mut Option<String> {
    match f {
        IndField::Category => &mut ind.category,
        IndField::Level1 => &mut ind.level1,
        IndField::Level2 => &mut ind.level2,
        IndField::Target => &mut ind.target,
        IndField::Actual => &mut ind.actual,
        IndField::Weight => &mut ind.weight,
        IndField::Score => &mut ind.score,
        IndField::Deviation => &mut ind.deviation,
    }
}

enum State {
    Head,
    Funds(Fields<FundField>, usize),
    Goal(Fields<GoalField>),
    Indicators(Fields<IndField>),
    Done,
}

/// Form rows in order. A run of loose lines is cut into rows only when it is
/// reached, the way the section then being read calls for.
struct FormRows {
    queue: std::collections::VecDeque<FormItem>,
}

impl FormRows {
    fn new(pieces: &[(u32, PerfPiece)]) -> Self {
        FormRows {
            queue: form_items(pieces).into(),
        }
    }

    fn next(&mut self, split: impl Fn() -> Split) -> Option<FormRow> {
        loop {
            match self.queue.pop_front()? {
                FormItem::Row(r) => return Some(r),
                FormItem::Run { lines, continues } => {
                    for r in split_run(&lines, continues, split()).into_iter().rev() {
                        self.queue.push_front(FormItem::Row(r));
                    }
                }
            }
        }
    }
}

/// How the project form's current section cuts loose lines into rows: funds
/// and indicators by their figures, the rest as one row.
fn project_split(state: &State) -> Split {
    let span = |fields: &[(bool, f32, f32)]| {
        let a = fields
            .iter()
            .filter(|r| r.0)
            .map(|r| r.1)
            .fold(f32::MAX, f32::min);
        let b = fields
            .iter()
            .filter(|r| r.0)
            .map(|r| r.2)
            .fold(f32::MIN, f32::max);
        (a < b).then_some((a, b))
    };
    match state {
        State::Funds(f, _) => {
            let v: Vec<_> = f
                .ranges
                .iter()
                .map(|r| (matches!(r.0, FundField::Value(_)), r.1, r.2))
                .collect();
            span(&v).map(|(a, b)| Split::Anchors {
                figures: (a, b),
                merged: Vec::new(),
            })
        }
        State::Indicators(f) => {
            let v: Vec<_> = f
                .ranges
                .iter()
                .map(|r| (matches!(r.0, IndField::Weight | IndField::Score), r.1, r.2))
                .collect();
            let level2 = f
                .ranges
                .iter()
                .find(|r| r.0 == IndField::Level2)
                .map(|r| r.1);
            span(&v)
                .map(|(a, b)| Split::Anchors {
                    figures: (a, b),
                    merged: f
                        .columns()
                        .into_iter()
                        .filter(|c| matches!(c.0, IndField::Category | IndField::Level1))
                        .map(|c| (c.1, c.2))
                        .collect(),
                })
                .or(level2.map(|a| Split::Rhythm(a, f32::MAX)))
        }
        _ => None,
    }
    .unwrap_or(Split::Single)
}

/// Reads one 项目支出绩效自评表.
pub fn project_table(
    title: String,
    pages: Vec<u32>,
    money_unit: Option<MoneyUnit>,
    pieces: &[(u32, PerfPiece)],
) -> PerformanceTable {
    let mut t = PerformanceTable {
        kind: TableKind::ProjectPerformanceSelfEvaluation,
        title,
        pages,
        money_unit,
        project: None,
        department: None,
        implementer: None,
        funds: Funds::default(),
        goal: Goal::default(),
        indicators: Vec::new(),
        total_score: None,
    };
    let mut state = State::Head;
    let mut head_values: [Option<(f32, f32)>; 2] = [None, None];
    let mut rows = FormRows::new(pieces);
    while let Some(row) = rows.next(|| project_split(&state)) {
        if let Some(v) = text_after(&row, "项目名称") {
            t.project = Some(compact(&v));
            continue;
        }
        let dept = text_after(&row, "主管部门");
        let imp = text_after(&row, "实施单位");
        if dept.is_some() || imp.is_some() {
            t.department = dept.or(t.department.take());
            t.implementer = imp.or(t.implementer.take());
            // Where the values stand, for their rest cut off by a page break.
            let spans = |label: &str| {
                let i = row.cells.iter().position(|c| compact(&c.text) == label)?;
                row.cells[i + 1..]
                    .iter()
                    .find(|c| !c.text.trim().is_empty())
                    .map(|c| (c.x0, c.x1))
            };
            head_values = [spans("主管部门"), spans("实施单位")];
            continue;
        }
        if has_cell(&row, |c| c.contains("预算数") || c.contains("执行数"))
            && has_cell(&row, |c| c == "分值" || c.contains("完成率"))
        {
            let mut ranges = Vec::new();
            let mut left = f32::MAX;
            for c in &row.cells {
                let h = compact(&c.text);
                let f = if h == "分值" {
                    FundField::Weight
                } else if h.contains("完成率") || h.contains("执行率") {
                    FundField::Rate
                } else if h == "得分" {
                    FundField::Score
                } else if h.contains("预算") || h.contains("完成数") || h.contains("执行数")
                {
                    t.funds.columns.push(h.clone());
                    FundField::Value(t.funds.columns.len() - 1)
                } else {
                    continue;
                };
                left = left.min(c.x0);
                ranges.push((f, c.x0, c.x1));
            }
            // The source label sits left of the figures: in the empty header cell
            // there when ruled, anywhere left of them when not (the section label
            // 项目资金（万元） further left is no field's text).
            let label = row
                .cells
                .iter()
                .filter(|c| c.x1 <= left + 1.0 && !is_section_label(&compact(&c.text)))
                .map(|c| (c.x0, c.x1))
                .next_back();
            let (a, b) = label.unwrap_or((0.0, left - 1.0));
            ranges.push((FundField::Source, a, b));
            state = State::Funds(Fields { ranges }, 0);
            continue;
        }
        if has_cell(&row, |c| c.contains("年度绩效目标") || c == "年度目标")
            && has_cell(&row, |c| c.contains("实际完成情况"))
        {
            let ranges = row
                .cells
                .iter()
                .filter_map(|c| {
                    let h = compact(&c.text);
                    let f = if h.contains("实际完成") {
                        GoalField::Actual
                    } else if h.contains("目标") && h != "绩效目标完成情况" && h.len() < 40
                    {
                        GoalField::Target
                    } else {
                        return None;
                    };
                    Some((f, c.x0, c.x1))
                })
                .collect();
            state = State::Goal(Fields { ranges });
            continue;
        }
        if has_cell(&row, |c| c.contains("一级指标")) {
            let mut ranges: Vec<(IndField, f32, f32)> = row
                .cells
                .iter()
                .filter_map(|c| ind_field(&compact(&c.text)).map(|f| (f, c.x0, c.x1)))
                .collect();
            // 偏差原因分析及改进措施 is the last column of the standard form; its
            // header wraps over several lines and may not be on the header line.
            if !ranges.iter().any(|r| r.0 == IndField::Deviation) {
                if let Some(score) = ranges.iter().find(|r| r.0 == IndField::Score).copied() {
                    ranges.push((IndField::Deviation, score.2 + 1.0, f32::MAX));
                }
            }
            state = State::Indicators(Fields { ranges });
            continue;
        }
        if has_cell(&row, |c| c == "总分" || c == "总得分") {
            t.total_score = row.cells.iter().rev().find_map(|c| {
                non_empty(&c.text).filter(|s| s.chars().any(|ch| ch.is_ascii_digit()))
            });
            state = State::Done;
            continue;
        }
        match &mut state {
            State::Funds(fields, n) => {
                let parts = fields.split(&row);
                let source = parts
                    .iter()
                    .find(|(f, _)| *f == FundField::Source)
                    .map(|(_, s)| compact(s));
                let Some(source) = source else { continue };
                let mut values = vec![None; t.funds.columns.len()];
                for (f, s) in &parts {
                    match f {
                        FundField::Value(i) => values[*i] = Some(compact(s)),
                        // Merged over the fund rows: printed once, in whichever row.
                        FundField::Weight if t.funds.weight.is_none() => {
                            t.funds.weight = Some(compact(s))
                        }
                        FundField::Rate if t.funds.completion_rate.is_none() => {
                            t.funds.completion_rate = Some(compact(s))
                        }
                        FundField::Score if t.funds.score.is_none() => {
                            t.funds.score = Some(compact(s))
                        }
                        _ => {}
                    }
                }
                t.funds.rows.push(FundRow { source, values });
                *n += 1;
            }
            State::Goal(fields) => {
                for (f, s) in fields.split(&row) {
                    match f {
                        GoalField::Target => append(&mut t.goal.target, &s),
                        GoalField::Actual => append(&mut t.goal.actual, &s),
                    }
                }
            }
            State::Indicators(fields) => {
                let parts = fields.split(&row);
                if parts.is_empty() {
                    continue;
                }
                let has = |f: IndField| parts.iter().any(|(g, _)| *g == f);
                let prev_complete = t.indicators.last().is_some_and(|p| {
                    p.level2.is_some() && (p.weight.is_some() || p.score.is_some())
                });
                let starts_row =
                    has(IndField::Level2) && (has(IndField::Weight) || has(IndField::Score));
                let cut_rest =
                    row.continues && !t.indicators.is_empty() && !(prev_complete && starts_row);
                if cut_rest || (row.loose && !t.indicators.is_empty() && !starts_row) {
                    let last = t.indicators.last_mut().unwrap();
                    for (f, s) in parts {
                        append(indicator_slot(last, f), &s);
                    }
                    continue;
                }
                let mut ind = Indicator::default();
                for (f, s) in parts {
                    append(indicator_slot(&mut ind, f), &s);
                }
                // Merged 指标类别 / 一级指标 cells: repeat the value above.
                if let Some(prev) = t.indicators.last() {
                    if ind.category.is_none() {
                        ind.category = prev.category.clone();
                    }
                    if ind.level1.is_none() {
                        ind.level1 = prev.level1.clone();
                    }
                }
                t.indicators.push(ind);
            }
            State::Head if row.continues => {
                for c in &row.cells {
                    let overlaps =
                        |r: Option<(f32, f32)>| r.is_some_and(|r| overlap((c.x0, c.x1), r) > 0.0);
                    if overlaps(head_values[0]) {
                        append(&mut t.department, &c.text);
                    } else if overlaps(head_values[1]) {
                        append(&mut t.implementer, &c.text);
                    }
                }
            }
            State::Head | State::Done => {}
        }
    }
    // Merged 指标类别 / 一级指标 cells of unruled forms print their text once, in
    // the middle of the rows they span: rows above it take it from below.
    for i in (0..t.indicators.len().saturating_sub(1)).rev() {
        let (head, tail) = t.indicators.split_at_mut(i + 1);
        let (cur, next) = (&mut head[i], &tail[0]);
        if cur.category.is_none() {
            cur.category = next.category.clone();
        }
        if cur.level1.is_none() && cur.category == next.category {
            cur.level1 = next.level1.clone();
        }
    }
    t
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum DeptField {
    Goal,
    Indicator,
    Expected,
    Actual,
}

/// Reads one 部门整体支出主要绩效目标完成情况表.
pub fn department_table(
    title: String,
    pages: Vec<u32>,
    pieces: &[(u32, PerfPiece)],
) -> DepartmentGoals {
    let mut t = DepartmentGoals {
        kind: TableKind::DepartmentPerformanceGoals,
        title,
        pages,
        department: None,
        goal: None,
        budget_rate_expected: None,
        budget_rate_actual: None,
        columns: Vec::new(),
        rows: Vec::new(),
    };
    let mut fields: Option<Fields<DeptField>> = None;
    let mut rows = FormRows::new(pieces);
    while let Some(row) = rows.next(|| {
        fields
            .as_ref()
            .and_then(|f| f.ranges.iter().find(|r| r.0 == DeptField::Indicator))
            .map_or(Split::Single, |r| Split::Rhythm(r.1, f32::MAX))
    }) {
        if let Some(v) = text_after(&row, "部门名称") {
            t.department = Some(compact(&v));
            continue;
        }
        if has_cell(&row, |c| c.contains("关键指标") || c.contains("预期实现值")) {
            let mut ranges = Vec::new();
            for c in &row.cells {
                let h = compact(&c.text);
                let f = if h.contains("关键指标") {
                    DeptField::Indicator
                } else if h.contains("预期") {
                    DeptField::Expected
                } else if h.contains("完成情况") && !h.contains("目标完成") {
                    DeptField::Actual
                } else if h.contains("目标") && h != "年度绩效目标" {
                    DeptField::Goal
                } else {
                    continue;
                };
                t.columns.push(h);
                ranges.push((f, c.x0, c.x1));
            }
            fields = Some(Fields { ranges });
            continue;
        }
        if let Some(i) = row.cells.iter().position(|c| {
            compact(&c.text).contains("预期预算完成率") || compact(&c.text).contains("预算完成率")
        }) {
            if t.budget_rate_expected.is_none() {
                t.budget_rate_expected = Some(compact(&row.cells[i].text));
                t.budget_rate_actual = row.cells[i + 1..]
                    .iter()
                    .find_map(|c| non_empty(&c.text))
                    .map(|s| compact(&s));
                continue;
            }
        }
        let Some(fields) = &fields else { continue };
        let parts = fields.split(&row);
        if parts.is_empty() {
            continue;
        }
        let has_indicator = parts.iter().any(|(f, _)| *f == DeptField::Indicator);
        // Loose text at the head of a page is the rest of the row the break cut; a
        // ruled first row continues it only if it names no indicator of its own.
        // An unruled row at the head of a page may also be a whole new row: it is
        // the rest of the last one only if that one stops mid-sentence.
        let last_open = t.rows.last().is_some_and(|r| {
            [&r.expected, &r.actual]
                .iter()
                .any(|f| f.as_deref().is_some_and(|x| !ends_sentence(x)))
        });
        let rest_of_cut_row = row.continues && (if row.loose { last_open } else { !has_indicator });
        // Text of the merged goal cell alone starts no row.
        let only_goal = parts.iter().all(|(f, _)| *f == DeptField::Goal);
        let continues_last = rest_of_cut_row && !t.rows.is_empty();
        if !continues_last && !only_goal {
            t.rows.push(GoalRow::default());
        }
        for (f, s) in parts {
            let Some(last) = t.rows.last_mut() else {
                append(&mut t.goal, &s);
                continue;
            };
            match f {
                DeptField::Goal => append(&mut t.goal, &s),
                DeptField::Indicator => append(&mut last.indicator, &s),
                DeptField::Expected => append(&mut last.expected, &s),
                DeptField::Actual => append(&mut last.actual, &s),
            }
        }
    }
    // The goal cell is merged over every row: each row carries the whole text.
    for r in &mut t.rows {
        r.goal = t.goal.clone();
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str, x0: f32, x1: f32, top: f32) -> LooseText {
        LooseText {
            x0,
            x1,
            top,
            text: s.to_string(),
        }
    }

    #[test]
    fn two_cells_read_as_one_run_split_at_the_gutter() {
        // Two columns: the target column ends at 100, the actual column starts at 104.
        let texts = vec![
            text("目标一二三四", 40.0, 100.0, 0.0),
            text("完成五六七八", 104.0, 164.0, 0.0),
            text("目标九十", 40.0, 100.0, 12.0),
            text("完成甲乙", 104.0, 144.0, 12.0),
            // A line where the two cells' texts ran together (10 pt per glyph).
            text("一二三四五六丙丁戊己", 40.0, 140.0, 24.0),
        ];
        let g = gutters(&texts);
        assert_eq!(g.len(), 1, "{g:?}");
        let parts = split_at_gutters(texts[4].clone(), &g);
        let got: Vec<&str> = parts.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(got, vec!["一二三四五六", "丙丁戊己"]);
    }

    #[test]
    fn a_run_inside_one_column_is_not_split() {
        let g = vec![300.0];
        let t = text("一二三四", 40.0, 80.0, 0.0);
        assert_eq!(split_at_gutters(t.clone(), &g)[0].text, t.text);
    }
}
