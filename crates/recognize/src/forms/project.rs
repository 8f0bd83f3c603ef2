//! One project's (or department's) performance form, 决算 self-evaluation
//! (项目支出绩效自评表) or 预算 target (…绩效目标表), read by one reader: head
//! labels (项目名称, 主管部门, 实施单位 and their wordings, see `wording`), the
//! funds (a 决算 block of fund sources × 年度预算数 / 执行数 with 分值, 执行率 and
//! 得分 merged over them; a target form's labelled amounts, 年度预算资金总额：
//! 108.35; a department's 年度主要任务 with their amounts), the goal (a 年度绩效目标
//! | 实际完成情况 pair, or a labelled 总体目标 / 年度目标 text), the indicator rows
//! (levels, values, 分值, 得分, 偏差原因, 指标性质, 度量单位 …) and 总分. Sections
//! follow one another; each header row fixes the fields of the rows below it.
use fiscal_layout::geometry::overlap;

use super::fields::{append, has_cell, non_empty, Fields};
use super::funds::{
    fund_labels, funds_header, read_fund_labels, read_funds_row, task_amounts, task_header,
    FundField,
};
use super::indicators::{
    fill_merged_from_below, indicator_header, read_indicator_row, IndField, IndicatorFields,
};
use super::items::{FormRows, PerfPiece};
use super::model::{Funds, Goal, PerformanceTable};
use super::row::{FormCell, FormRow};
use super::runs::Split;
use super::settings::FormSettings;
use super::wording::{
    goal_label, head_label, is_margin_label, label_text, HeadField, HEADER_MAX_CHARS,
};
use super::words::is_header_rest;
use crate::table_kind::TableKind;
use crate::text::compact;
use crate::unit::MoneyUnit;

#[derive(Clone, Copy, PartialEq, Debug)]
enum GoalField {
    Target,
    Actual,
    LongTerm,
}

/// The section of the form being read, with the fields its header fixed.
enum State {
    Head,
    Funds(Fields<FundField>),
    Goal(Fields<GoalField>),
    Indicators(IndicatorFields),
    Done,
}

/// The x span of the fields `pick` selects.
fn span_of<F: Copy + PartialEq>(
    fields: &Fields<F>,
    pick: impl Fn(F) -> bool,
) -> Option<(f32, f32)> {
    let picked = fields.ranges.iter().filter(|r| pick(r.0));
    let a = picked.clone().map(|r| r.1).fold(f32::MAX, f32::min);
    let b = picked.map(|r| r.2).fold(f32::MIN, f32::max);
    (a < b).then_some((a, b))
}

/// How the current section cuts loose lines into rows: funds and indicators
/// by their figures, the rest as one row.
fn project_split(state: &State) -> Split {
    match state {
        State::Funds(f) => {
            span_of(f, |k| matches!(k, FundField::Value(_))).map(|figures| Split::Anchors {
                figures,
                merged: Vec::new(),
            })
        }
        State::Indicators(IndicatorFields { fields: f, .. }) => {
            span_of(f, |k| matches!(k, IndField::Weight | IndField::Score))
                .map(|figures| Split::Anchors {
                    figures,
                    merged: f
                        .columns()
                        .into_iter()
                        .filter(|c| matches!(c.0, IndField::Category | IndField::Level1))
                        .map(|c| (c.1, c.2))
                        .collect(),
                })
                .or(f
                    .range(IndField::Level2)
                    .map(|r| Split::Rhythm(r.0, f32::MAX)))
        }
        _ => None,
    }
    .unwrap_or(Split::Single)
}

/// The goal header: 年度绩效目标 | 实际完成情况 of a self-evaluation form, or a
/// target form's row of goal labels alone (总体目标 | 实施期总目标 | 年度目标;
/// 当年整体绩效目标) with the texts in the rows under them.
fn goal_header(row: &FormRow, s: &FormSettings) -> Option<Fields<GoalField>> {
    let evaluation = has_cell(row, |c| c.contains("年度绩效目标") || c == "年度目标")
        && has_cell(row, |c| c.contains("实际完成情况"));
    let cells: Vec<&FormCell> = row
        .cells
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .collect();
    let labels_only = !cells.is_empty()
        && cells
            .iter()
            .all(|c| goal_label(&c.text).is_some() || is_margin_label(&c.text))
        && row.cells.iter().any(|c| !c.text.trim().is_empty());
    if !(evaluation || labels_only) {
        return None;
    }
    let mut ranges: Vec<(GoalField, f32, f32)> = row
        .cells
        .iter()
        .filter_map(|c| {
            let h = compact(&c.text);
            let f = if h.contains("实际完成") {
                GoalField::Actual
            } else if goal_label(&h) == Some(true) {
                GoalField::LongTerm
            } else if h.contains("目标")
                && h != "绩效目标完成情况"
                && h.chars().count() <= s.goal_header_max_chars
            {
                GoalField::Target
            } else {
                return None;
            };
            Some((f, c.x0, c.x1))
        })
        .collect();
    // A row of labels alone: the first label heads the margin when others
    // follow (总体目标 | 实施期总目标 | 年度目标), else its text is under it.
    if labels_only && ranges.len() > 1 && ranges.iter().any(|r| r.0 == GoalField::LongTerm) {
        ranges.remove(0);
    }
    Some(Fields { ranges })
}

/// The section a header row opens, if `row` is one (fund column names are
/// added to `fund_columns`).
fn section_header(
    row: &FormRow,
    fund_columns: &mut Vec<String>,
    s: &FormSettings,
) -> Option<State> {
    if let Some((fields, columns)) = funds_header(row, fund_columns.len(), s) {
        fund_columns.extend(columns);
        return Some(State::Funds(fields));
    }
    if let Some((fields, columns)) = task_header(row) {
        fund_columns.extend(columns);
        return Some(State::Funds(fields));
    }
    goal_header(row, s)
        .map(State::Goal)
        .or_else(|| indicator_header(row, s).map(State::Indicators))
}

/// A head label of a row: its field, its printed label, and its value with
/// the value's x extent (none when the cell beside it is empty).
type HeadLabel = (HeadField, String, Option<(String, f32, f32)>);

/// The labelled head fields of a row: (field, label, value) for each head
/// label with a value beside it (the next cell that is no label).
fn head_labels(row: &FormRow) -> Vec<HeadLabel> {
    let mut out = Vec::new();
    for (i, c) in row.cells.iter().enumerate() {
        let Some(f) = head_label(&c.text) else {
            continue;
        };
        let value = row.cells[i + 1..]
            .iter()
            .take_while(|n| head_label(&n.text).is_none())
            .find_map(|n| non_empty(&n.text).map(|v| (v, n.x0, n.x1)));
        out.push((f, label_text(&c.text), value));
    }
    out
}

/// A row that labels the goal with its text beside it (年度目标 | 保障…): the
/// goal part and where its text stands.
fn goal_text(row: &FormRow) -> Option<(GoalField, f32)> {
    let i = row
        .cells
        .iter()
        .position(|c| !c.text.trim().is_empty() && !is_margin_label(&c.text))?;
    let long_term = goal_label(&row.cells[i].text)?;
    let value = row.cells[i + 1..]
        .iter()
        .find(|c| !c.text.trim().is_empty())?;
    let f = if long_term {
        GoalField::LongTerm
    } else {
        GoalField::Target
    };
    Some((f, value.x0))
}

/// The unit a label names in its closing bracket ("资金金额（万元）").
fn unit_in_label(t: &str) -> Option<MoneyUnit> {
    let t = compact(t);
    let open = t.rfind(['（', '('])?;
    (t.ends_with(['）', ')']) && t.chars().count() <= HEADER_MAX_CHARS)
        .then(|| MoneyUnit::parse(&t[open..]))
        .flatten()
}

/// Reads one performance form (a 项目支出绩效自评表 or a target form of kind `kind`).
pub(crate) fn project_table(
    kind: TableKind,
    title: String,
    pages: Vec<u32>,
    money_unit: Option<MoneyUnit>,
    pieces: &[(u32, PerfPiece)],
    s: &FormSettings,
) -> PerformanceTable {
    let mut t = PerformanceTable {
        kind,
        title,
        pages,
        bboxes: Vec::new(),
        field_bboxes: Default::default(),
        money_unit,
        project: None,
        department: None,
        implementer: None,
        fields: Default::default(),
        funds: Funds::default(),
        goal: Goal::default(),
        indicators: Vec::new(),
        total_score: None,
    };
    let mut state = State::Head;
    // Where the 主管部门 / 实施单位 values stand, for their rest cut off by a page break.
    let mut head_values: [Option<(f32, f32)>; 2] = [None, None];
    // The last row if it was a section header, and the fund columns before it.
    let mut last_header: Option<(FormRow, usize)> = None;
    // The fund columns the last row of labelled amounts filled, in order.
    let mut fund_label_columns: Vec<usize> = Vec::new();
    let mut rows = FormRows::new(pieces, s);
    while let Some(row) = rows.next(|| project_split(&state)) {
        // A label naming the unit of the form's amounts: 项目资金（万元）.
        if t.money_unit.is_none() {
            t.money_unit = row.cells.iter().find_map(|c| unit_in_label(&c.text));
        }
        // The rest of a header row cut by a page break: the header is read
        // again, whole.
        if let Some((header, known)) = last_header.as_mut().filter(|_| is_header_rest(&row, s)) {
            header.join_rest(&row);
            t.funds.columns.truncate(*known);
            if let Some(section) = section_header(header, &mut t.funds.columns, s) {
                state = section;
            }
            continue;
        }
        // The amount headings under a task header.
        if let (Some((_, known)), State::Funds(fields)) = (last_header.as_ref(), &mut state) {
            let mut columns = t.funds.columns.split_off(*known);
            let added = task_amounts(&row, fields, &mut columns);
            t.funds.columns.extend(columns);
            if added {
                continue;
            }
        }
        let labels = head_labels(&row);
        if !labels.is_empty() {
            for (f, label, value) in labels {
                let span = value.as_ref().map(|v| (v.1, v.2));
                let Some(v) = value.map(|v| compact(&v.0)) else {
                    continue;
                };
                match f {
                    HeadField::Project => t.project = Some(v),
                    HeadField::Department => {
                        t.department = Some(v);
                        head_values[0] = span;
                    }
                    HeadField::Implementer => {
                        t.implementer = Some(v);
                        head_values[1] = span;
                    }
                    HeadField::Other => {
                        t.fields.insert(label, v);
                    }
                }
            }
            state = State::Head;
            continue;
        }
        let known = t.funds.columns.len();
        if let Some(section) = section_header(&row, &mut t.funds.columns, s) {
            state = section;
            last_header = Some((row, known));
            continue;
        }
        last_header = None;
        if has_cell(&row, |c| c == "总分" || c == "总得分") {
            t.total_score = row.cells.iter().rev().find_map(|c| {
                non_empty(&c.text).filter(|s| s.chars().any(|ch| ch.is_ascii_digit()))
            });
            state = State::Done;
            continue;
        }
        if !matches!(state, State::Indicators(_)) {
            // A target form's labelled goal: its text, and the rows under it.
            if let Some((f, x0)) = goal_text(&row) {
                state = State::Goal(Fields {
                    ranges: vec![(f, x0, f32::MAX)],
                });
            } else if !matches!(state, State::Funds(_)) {
                let amounts = fund_labels(&row);
                if !amounts.is_empty() {
                    read_fund_labels(amounts, &mut t.funds, &mut fund_label_columns);
                    continue;
                }
            }
        }
        match &state {
            State::Funds(fields) => read_funds_row(fields, &row, &mut t.funds),
            State::Goal(fields) => {
                for (f, s) in fields.split(&row) {
                    match f {
                        GoalField::Target => append(&mut t.goal.target, &s),
                        GoalField::Actual => append(&mut t.goal.actual, &s),
                        GoalField::LongTerm => append(&mut t.goal.long_term, &s),
                    }
                }
            }
            State::Indicators(block) => read_indicator_row(block, &row, &mut t.indicators),
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
    fill_merged_from_below(&mut t.indicators);
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::row::test_row as row;

    #[test]
    fn funds_header_names_value_columns_and_the_source_cell() {
        let s = FormSettings::default();
        let header = row(
            &[
                ("项目资金（万元）", 0.0, 60.0),
                ("", 60.0, 150.0),
                ("年度预算数", 150.0, 200.0),
                ("年度预算完成数", 200.0, 250.0),
                ("分值", 250.0, 280.0),
                ("预算完成率", 280.0, 330.0),
                ("得分", 330.0, 360.0),
            ],
            false,
            false,
        );
        let (fields, columns) = funds_header(&header, 0, &s).unwrap();
        assert_eq!(columns, vec!["年度预算数", "年度预算完成数"]);
        let mut funds = Funds {
            columns,
            ..Default::default()
        };
        let body = row(
            &[
                ("总额", 70.0, 90.0),
                ("54.80", 160.0, 190.0),
                ("54.80", 210.0, 240.0),
                ("100", 255.0, 275.0),
                ("100%", 290.0, 320.0),
                ("100", 335.0, 355.0),
            ],
            false,
            false,
        );
        read_funds_row(&fields, &body, &mut funds);
        assert_eq!(funds.rows[0].source, "总额");
        assert_eq!(
            funds.rows[0].values,
            vec![Some("54.80".into()), Some("54.80".into())]
        );
        assert_eq!(funds.completion_rate.as_deref(), Some("100%"));
        // A row cut by a page break: its label's rest at the next page's head …
        let cut = row(
            &[("其中：财政拨款", 70.0, 140.0), ("54.80", 160.0, 190.0)],
            false,
            false,
        );
        read_funds_row(&fields, &cut, &mut funds);
        let rest = row(
            &[("（市本级支出）", 70.0, 140.0), ("54.80", 210.0, 240.0)],
            true,
            false,
        );
        read_funds_row(&fields, &rest, &mut funds);
        // … then a row of its own.
        let next = row(
            &[("非财政拨款", 70.0, 140.0), ("0.00", 160.0, 190.0)],
            false,
            false,
        );
        read_funds_row(&fields, &next, &mut funds);
        let sources: Vec<&str> = funds.rows.iter().map(|r| r.source.as_str()).collect();
        assert_eq!(
            sources,
            vec!["总额", "其中：财政拨款（市本级支出）", "非财政拨款"]
        );
        assert_eq!(
            funds.rows[1].values,
            vec![Some("54.80".into()), Some("54.80".into())]
        );
    }
}
