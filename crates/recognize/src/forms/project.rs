//! The 项目支出绩效自评表 (project self-evaluation), one per project: labels
//! (项目名称, 主管部门, 实施单位), the 项目资金 block (fund sources × 年度预算数 /
//! 执行数, with 分值, 执行率 and 得分 merged over them), the 年度绩效目标 |
//! 实际完成情况 pair, the indicator rows (指标类别 / 一级 / 二级 指标, values,
//! 分值, 得分, 偏差原因) and 总分. Sections follow one another; each header row
//! fixes the fields of the rows below it.
use fiscal_layout::geometry::overlap;
use fiscal_layout::lines::join_wrapped;

use super::fields::{append, has_cell, non_empty, text_after, Fields};
use super::items::{FormRows, PerfPiece};
use super::model::{FundRow, Funds, Goal, Indicator, PerformanceTable};
use super::row::FormRow;
use super::runs::Split;
use super::settings::FormSettings;
use super::words::{is_header_rest, is_section_label};
use crate::table_kind::TableKind;
use crate::text::compact;
use crate::unit::MoneyUnit;

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

/// The section of the form being read, with the fields its header fixed.
enum State {
    Head,
    Funds(Fields<FundField>),
    Goal(Fields<GoalField>),
    Indicators(Fields<IndField>),
    Done,
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
        State::Indicators(f) => span_of(f, |k| matches!(k, IndField::Weight | IndField::Score))
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
                .map(|r| Split::Rhythm(r.0, f32::MAX))),
        _ => None,
    }
    .unwrap_or(Split::Single)
}

/// The funds header (预算数 / 执行数 with 分值 or 完成率): the fields, and the
/// fund column names in order (numbered on from `known` columns read before).
fn funds_header(
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

/// The goal header (年度绩效目标 | 实际完成情况).
fn goal_header(row: &FormRow, s: &FormSettings) -> Option<Fields<GoalField>> {
    if !(has_cell(row, |c| c.contains("年度绩效目标") || c == "年度目标")
        && has_cell(row, |c| c.contains("实际完成情况")))
    {
        return None;
    }
    let ranges = row
        .cells
        .iter()
        .filter_map(|c| {
            let h = compact(&c.text);
            let f = if h.contains("实际完成") {
                GoalField::Actual
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
    Some(Fields { ranges })
}

/// The indicator header (一级指标 …).
fn indicator_header(row: &FormRow, s: &FormSettings) -> Option<Fields<IndField>> {
    if !has_cell(row, |c| c.contains("一级指标")) {
        return None;
    }
    let mut ranges: Vec<(IndField, f32, f32)> = row
        .cells
        .iter()
        .filter_map(|c| ind_field(&compact(&c.text)).map(|f| (f, c.x0, c.x1)))
        .collect();
    // 偏差原因分析及改进措施 is the last column of the standard form; its
    // header wraps over several lines and may not be on the header line.
    if !ranges.iter().any(|r| r.0 == IndField::Deviation) {
        if let Some(score) = ranges.iter().find(|r| r.0 == IndField::Score).copied() {
            ranges.push((IndField::Deviation, score.2 + s.edge_slack, f32::MAX));
        }
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
    goal_header(row, s)
        .map(State::Goal)
        .or_else(|| indicator_header(row, s).map(State::Indicators))
}

/// A row of the funds block → a fund row (the fields merged over the block
/// are taken from whichever row prints them).
fn read_funds_row(fields: &Fields<FundField>, row: &FormRow, funds: &mut Funds) {
    let parts = fields.split(row);
    let Some(source) = parts
        .iter()
        .find(|(f, _)| *f == FundField::Source)
        .map(|(_, s)| compact(s))
    else {
        return;
    };
    let mut values = vec![None; funds.columns.len()];
    for (f, s) in &parts {
        match f {
            FundField::Value(i) if *i < values.len() => values[*i] = Some(compact(s)),
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
        return;
    }
    funds.rows.push(FundRow { source, values });
}

/// A row of the indicator block: a new indicator, or the rest of the last one
/// (cut by a page break, or a wrapped line of an unruled row).
fn read_indicator_row(fields: &Fields<IndField>, row: &FormRow, indicators: &mut Vec<Indicator>) {
    let parts = fields.split(row);
    if parts.is_empty() {
        return;
    }
    let has = |f: IndField| parts.iter().any(|(g, _)| *g == f);
    let prev_complete = indicators
        .last()
        .is_some_and(|p| p.level2.is_some() && (p.weight.is_some() || p.score.is_some()));
    let starts_row = has(IndField::Level2) && (has(IndField::Weight) || has(IndField::Score));
    let cut_rest = row.continues && !indicators.is_empty() && !(prev_complete && starts_row);
    if let Some(last) = indicators
        .last_mut()
        .filter(|_| cut_rest || (row.loose && !starts_row))
    {
        for (f, s) in parts {
            append(indicator_slot(last, f), &s);
        }
        return;
    }
    let mut ind = Indicator::default();
    for (f, s) in parts {
        append(indicator_slot(&mut ind, f), &s);
    }
    // Merged 指标类别 / 一级指标 cells: repeat the value above.
    if let Some(prev) = indicators.last() {
        if ind.category.is_none() {
            ind.category = prev.category.clone();
        }
        if ind.level1.is_none() {
            ind.level1 = prev.level1.clone();
        }
    }
    indicators.push(ind);
}

/// Merged 指标类别 / 一级指标 cells of unruled forms print their text once, in
/// the middle of the rows they span: rows above it take it from below.
fn fill_merged_from_below(indicators: &mut [Indicator]) {
    for i in (0..indicators.len().saturating_sub(1)).rev() {
        let (head, tail) = indicators.split_at_mut(i + 1);
        let (cur, next) = (&mut head[i], &tail[0]);
        if cur.category.is_none() {
            cur.category = next.category.clone();
        }
        if cur.level1.is_none() && cur.category == next.category {
            cur.level1 = next.level1.clone();
        }
    }
}

/// Reads one 项目支出绩效自评表.
pub(crate) fn project_table(
    title: String,
    pages: Vec<u32>,
    money_unit: Option<MoneyUnit>,
    pieces: &[(u32, PerfPiece)],
    s: &FormSettings,
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
    // Where the 主管部门 / 实施单位 values stand, for their rest cut off by a page break.
    let mut head_values: [Option<(f32, f32)>; 2] = [None, None];
    // The last row if it was a section header, and the fund columns before it.
    let mut last_header: Option<(FormRow, usize)> = None;
    let mut rows = FormRows::new(pieces, s);
    while let Some(row) = rows.next(|| project_split(&state)) {
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
        if let Some(v) = text_after(&row, "项目名称") {
            t.project = Some(compact(&v));
            continue;
        }
        let dept = text_after(&row, "主管部门");
        let imp = text_after(&row, "实施单位");
        if dept.is_some() || imp.is_some() {
            t.department = dept.or(t.department.take());
            t.implementer = imp.or(t.implementer.take());
            let value_span = |label: &str| {
                let i = row.cells.iter().position(|c| compact(&c.text) == label)?;
                row.cells[i + 1..]
                    .iter()
                    .find(|c| !c.text.trim().is_empty())
                    .map(|c| (c.x0, c.x1))
            };
            head_values = [value_span("主管部门"), value_span("实施单位")];
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
        match &state {
            State::Funds(fields) => read_funds_row(fields, &row, &mut t.funds),
            State::Goal(fields) => {
                for (f, s) in fields.split(&row) {
                    match f {
                        GoalField::Target => append(&mut t.goal.target, &s),
                        GoalField::Actual => append(&mut t.goal.actual, &s),
                    }
                }
            }
            State::Indicators(fields) => read_indicator_row(fields, &row, &mut t.indicators),
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

    #[test]
    fn indicator_rows_repeat_merged_cells_and_join_cut_rests() {
        let s = FormSettings::default();
        let header = row(
            &[
                ("指标类别", 0.0, 40.0),
                ("一级指标", 40.0, 80.0),
                ("二级指标", 80.0, 140.0),
                ("分值", 140.0, 170.0),
                ("得分", 170.0, 200.0),
            ],
            false,
            false,
        );
        let fields = indicator_header(&header, &s).unwrap();
        let mut inds = Vec::new();
        let r1 = row(
            &[
                ("产出指标", 0.0, 40.0),
                ("数量指标", 40.0, 80.0),
                ("培训人次", 80.0, 140.0),
                ("25", 145.0, 165.0),
            ],
            false,
            false,
        );
        read_indicator_row(&fields, &r1, &mut inds);
        // The next page's first row prints only the rest of the score cell …
        let rest = row(&[("25", 175.0, 195.0)], true, false);
        read_indicator_row(&fields, &rest, &mut inds);
        // … then a row of its own under the merged cells.
        let r2 = row(
            &[("培训天数", 80.0, 140.0), ("25", 145.0, 165.0)],
            false,
            false,
        );
        read_indicator_row(&fields, &r2, &mut inds);
        assert_eq!(inds.len(), 2);
        assert_eq!(inds[0].score.as_deref(), Some("25"));
        assert_eq!(inds[1].category.as_deref(), Some("产出指标"));
        assert_eq!(inds[1].level1.as_deref(), Some("数量指标"));
        // Deviation, not on the header line, is the column after 得分.
        assert_eq!(fields.field_of(220.0, 260.0), Some(IndField::Deviation));
    }
}
