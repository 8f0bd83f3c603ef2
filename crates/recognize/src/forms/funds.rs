//! The funds of a performance form: a 决算 block of fund sources × 年度预算数 /
//! 执行数 under its header (with 分值, 执行率 and 得分 merged over them), a
//! target form's labelled amounts (年度预算资金总额： 108.35, one column per
//! period when the implementation period is printed beside the year), and a
//! department form's 年度主要任务 with their amounts.
use fiscal_layout::lines::join_wrapped;

use super::fields::{append, has_cell, non_empty, Fields};
use super::model::{FundRow, Funds};
use super::row::{FormCell, FormRow};
use super::settings::FormSettings;
use super::wording::{
    fund_period, is_fund_source, is_task_amount, label_text, TASK_DETAIL, TASK_NAME,
};
use super::words::is_section_label;
use crate::text::compact;

#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum FundField {
    Value(usize),
    Detail,
    Weight,
    Rate,
    Score,
    Source,
}

/// The funds header (预算数 / 执行数 with 分值 or 完成率): the fields, and the
/// fund column names in order (numbered on from `known` columns read before).
pub(super) fn funds_header(
    row: &FormRow,
    known: usize,
    s: &FormSettings,
) -> Option<(Fields<FundField>, Vec<String>)> {
    if !(has_cell(row, |c| c.contains("预算数") || c.contains("执行数"))
        && has_cell(row, |c| c == "分值" || c.contains("完成率")))
    {
        return None;
    }
    let mut ranges = Vec::new();
    let mut columns = Vec::new();
    let mut left = f32::MAX;
    for c in &row.cells {
        let h = compact(&c.text);
        let f = if h == "分值" {
            FundField::Weight
        } else if h.contains("完成率") || h.contains("执行率") {
            FundField::Rate
        } else if h == "得分" {
            FundField::Score
        } else if h.contains("预算") || h.contains("完成数") || h.contains("执行数") {
            columns.push(h.clone());
            FundField::Value(known + columns.len() - 1)
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
        .filter(|c| c.x1 <= left + s.edge_slack && !is_section_label(&compact(&c.text)))
        .map(|c| (c.x0, c.x1))
        .next_back();
    let (a, b) = label.unwrap_or((0.0, left - s.edge_slack));
    ranges.push((FundField::Source, a, b));
    Some((Fields { ranges }, columns))
}

/// A department form's task header (年度主要任务 | 任务名称 | 主要内容 |
/// 预算金额 …): the task is the source of a funds row, its 主要内容 the detail.
pub(super) fn task_header(row: &FormRow) -> Option<(Fields<FundField>, Vec<String>)> {
    if !has_cell(row, |c| c == TASK_NAME) {
        return None;
    }
    let mut ranges = Vec::new();
    let mut columns = Vec::new();
    for c in &row.cells {
        let h = label_text(&c.text);
        let f = if h == TASK_NAME {
            FundField::Source
        } else if h == TASK_DETAIL {
            FundField::Detail
        } else if is_task_amount(&h) && !h.starts_with("预算金额") {
            columns.push(h);
            FundField::Value(columns.len() - 1)
        } else {
            continue;
        };
        ranges.push((f, c.x0, c.x1));
    }
    Some((Fields { ranges }, columns))
}

/// The amount headings printed in the row under a task header (总额 |
/// 财政拨款 | 其他资金): added to its fields.
pub(super) fn task_amounts(
    row: &FormRow,
    fields: &mut Fields<FundField>,
    columns: &mut Vec<String>,
) -> bool {
    let cells: Vec<&FormCell> = row
        .cells
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .collect();
    if cells.is_empty() || !cells.iter().all(|c| is_task_amount(&c.text)) {
        return false;
    }
    for c in cells {
        columns.push(label_text(&c.text));
        fields
            .ranges
            .push((FundField::Value(columns.len() - 1), c.x0, c.x1));
    }
    true
}

/// A target form's labelled amounts (年度预算资金总额： | 108.35, or two periods
/// side by side: 实施期资金总额： | … | 年度资金总额： | …): (column, source,
/// amount) for each label of the row.
pub(super) fn fund_labels(row: &FormRow) -> Vec<(Option<&'static str>, String, Option<String>)> {
    let mut out = Vec::new();
    let cells = &row.cells;
    for (i, c) in cells.iter().enumerate() {
        if !is_fund_source(&c.text) {
            continue;
        }
        let value = cells[i + 1..]
            .iter()
            .take_while(|n| !is_fund_source(&n.text))
            .find_map(|n| non_empty(&n.text).filter(|v| is_amount(v)))
            .map(|v| compact(&v));
        out.push((fund_period(&c.text), label_text(&c.text), value));
    }
    out
}

/// Whether text is an amount (figures, maybe a unit: "2400000万元"; "-" for none).
fn is_amount(t: &str) -> bool {
    let t = compact(t);
    t == "-"
        || t.chars().next().is_some_and(|c| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || ",.，万元亿".contains(c))
}

/// Reads a row of labelled amounts into the funds: one column per period (a
/// label naming none, 其中：财政拨款, is under the period the row above named
/// in its place).
pub(super) fn read_fund_labels(
    labels: Vec<(Option<&'static str>, String, Option<String>)>,
    funds: &mut Funds,
    above: &mut Vec<usize>,
) {
    let two = labels.len() > 1;
    let mut values = vec![None; funds.columns.len()];
    let mut source = None;
    let mut used = Vec::new();
    for (j, (period, label, value)) in labels.into_iter().enumerate() {
        let period = period
            .or_else(|| {
                above.get(j).and_then(|&i| {
                    ["实施期", "年度"]
                        .into_iter()
                        .find(|p| funds.columns[i] == *p)
                })
            })
            .unwrap_or("年度");
        let i = match funds.columns.iter().position(|c| c == period) {
            Some(i) => i,
            None => {
                funds.columns.push(period.to_string());
                values.push(None);
                funds.columns.len() - 1
            }
        };
        values[i] = value;
        used.push(i);
        // Side by side, the periods print the same source after their own name.
        let label = if two {
            label.trim_start_matches(period).to_string()
        } else {
            label
        };
        source.get_or_insert(label);
    }
    for r in &mut funds.rows {
        r.values.resize(funds.columns.len(), None);
    }
    *above = used;
    funds.rows.push(FundRow {
        source: source.unwrap_or_default(),
        values,
        detail: None,
    });
}

/// A row of the funds block → a fund row (the fields merged over the block
/// are taken from whichever row prints them).
pub(super) fn read_funds_row(fields: &Fields<FundField>, row: &FormRow, funds: &mut Funds) {
    let parts = fields.split(row);
    // A total's label (金额合计) may span the source and detail columns.
    let has_values = parts.iter().any(|(f, _)| matches!(f, FundField::Value(_)));
    let Some(source) = parts
        .iter()
        .find(|(f, _)| *f == FundField::Source)
        .or_else(|| {
            parts
                .iter()
                .find(|(f, _)| *f == FundField::Detail)
                .filter(|_| has_values)
        })
        .map(|(_, s)| compact(s))
    else {
        return;
    };
    let parts: Vec<(FundField, String)> = if parts.iter().any(|(f, _)| *f == FundField::Source) {
        parts
    } else {
        parts
            .into_iter()
            .filter(|(f, _)| *f != FundField::Detail)
            .collect()
    };
    let mut values = vec![None; funds.columns.len()];
    let mut detail = None;
    for (f, s) in &parts {
        match f {
            FundField::Value(i) if *i < values.len() => values[*i] = Some(compact(s)),
            FundField::Detail => append(&mut detail, s),
            FundField::Weight if funds.weight.is_none() => funds.weight = Some(compact(s)),
            FundField::Rate if funds.completion_rate.is_none() => {
                funds.completion_rate = Some(compact(s))
            }
            FundField::Score if funds.score.is_none() => funds.score = Some(compact(s)),
            _ => {}
        }
    }
    // The rest of a row cut by a page break: its figures stand where the part
    // before printed none.
    if let Some(last) = funds.rows.last_mut().filter(|last| {
        row.continues
            && last
                .values
                .iter()
                .zip(&values)
                .all(|(a, b)| a.is_none() || b.is_none())
    }) {
        last.source = join_wrapped([last.source.as_str(), source.as_str()]);
        for (a, b) in last.values.iter_mut().zip(values) {
            if a.is_none() {
                *a = b;
            }
        }
        if let Some(d) = detail {
            append(&mut last.detail, &d);
        }
        return;
    }
    funds.rows.push(FundRow {
        source,
        values,
        detail,
    });
}
