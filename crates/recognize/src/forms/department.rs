//! The 部门整体支出主要绩效目标完成情况表 (department goals): 部门名称, a header
//! row (部门整体支出目标 | 关键指标 | 预期实现值 | 指标完成情况), one row per key
//! indicator with the goal cell merged over all of them, and the budget
//! completion rate line at the foot.
use super::fields::{append, ends_sentence, has_cell, non_empty, text_after, Fields};
use super::items::{FormRows, PerfPiece};
use super::model::{DepartmentGoals, GoalRow};
use super::row::FormRow;
use super::runs::Split;
use super::settings::FormSettings;
use super::words::is_header_rest;
use crate::table_kind::TableKind;
use crate::text::compact;

#[derive(Clone, Copy, PartialEq, Debug)]
enum DeptField {
    Goal,
    Indicator,
    Expected,
    Actual,
}

/// The header row (关键指标 / 预期实现值 …): the fields and their printed names.
fn header(row: &FormRow) -> Option<(Fields<DeptField>, Vec<String>)> {
    if !has_cell(row, |c| c.contains("关键指标") || c.contains("预期实现值")) {
        return None;
    }
    let mut ranges = Vec::new();
    let mut columns = Vec::new();
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
        columns.push(h);
        ranges.push((f, c.x0, c.x1));
    }
    Some((Fields { ranges }, columns))
}

/// Whether `row` is the rest of the last row, cut off by a page break.
/// Loose text at the head of a page is the rest of the row the break cut; a
/// ruled first row continues it only if it names no indicator of its own.
/// An unruled row at the head of a page may also be a whole new row: it is
/// the rest of the last one only if that one stops mid-sentence.
fn rest_of_cut_row(row: &FormRow, has_indicator: bool, last: Option<&GoalRow>) -> bool {
    let last_open = last.is_some_and(|r| {
        [&r.expected, &r.actual]
            .iter()
            .any(|f| f.as_deref().is_some_and(|x| !ends_sentence(x)))
    });
    row.continues && (if row.loose { last_open } else { !has_indicator })
}

/// Reads one 部门整体支出主要绩效目标完成情况表.
pub(crate) fn department_table(
    title: String,
    pages: Vec<u32>,
    pieces: &[(u32, PerfPiece)],
    s: &FormSettings,
) -> DepartmentGoals {
    let mut t = DepartmentGoals {
        kind: TableKind::DepartmentPerformanceGoals,
        title,
        pages,
        bboxes: Vec::new(),
        field_bboxes: Default::default(),
        department: None,
        goal: None,
        budget_rate_expected: None,
        budget_rate_actual: None,
        columns: Vec::new(),
        rows: Vec::new(),
    };
    let mut fields: Option<Fields<DeptField>> = None;
    // The last row if it was the header, and the columns named before it.
    let mut last_header: Option<(FormRow, usize)> = None;
    let mut rows = FormRows::new(pieces, s);
    while let Some(row) = rows.next(|| {
        fields
            .as_ref()
            .and_then(|f| f.range(DeptField::Indicator))
            .map_or(Split::Single, |r| Split::Rhythm(r.0, f32::MAX))
    }) {
        // The rest of the header row cut by a page break: read it again, whole.
        if let Some((header_row, known)) = last_header.as_mut().filter(|_| is_header_rest(&row, s))
        {
            header_row.join_rest(&row);
            if let Some((f, columns)) = header(header_row) {
                t.columns.truncate(*known);
                t.columns.extend(columns);
                fields = Some(f);
            }
            continue;
        }
        if let Some(v) = text_after(&row, "部门名称") {
            t.department = Some(compact(&v));
            continue;
        }
        if let Some((f, columns)) = header(&row) {
            last_header = Some((row, t.columns.len()));
            t.columns.extend(columns);
            fields = Some(f);
            continue;
        }
        last_header = None;
        if let Some(i) = row
            .cells
            .iter()
            .position(|c| compact(&c.text).contains("预算完成率"))
        {
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
        // Text of the merged goal cell alone starts no row.
        let only_goal = parts.iter().all(|(f, _)| *f == DeptField::Goal);
        let continues_last = rest_of_cut_row(&row, has_indicator, t.rows.last());
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
    use crate::forms::row::FormCell;

    fn row(cells: &[(&str, f32)], continues: bool, loose: bool) -> FormRow {
        FormRow {
            cells: cells
                .iter()
                .map(|(t, x0)| FormCell {
                    text: t.to_string(),
                    x0: *x0,
                    x1: x0 + 80.0,
                })
                .collect(),
            continues,
            loose,
        }
    }

    #[test]
    fn header_names_the_four_columns() {
        let (f, columns) = header(&row(
            &[
                ("部门整体支出目标", 0.0),
                ("关键指标", 100.0),
                ("预期实现值", 200.0),
                ("指标完成情况", 300.0),
            ],
            false,
            false,
        ))
        .unwrap();
        assert_eq!(columns.len(), 4);
        assert_eq!(f.field_of(310.0, 370.0), Some(DeptField::Actual));
    }

    #[test]
    fn a_page_head_row_continues_the_last_only_when_that_one_is_cut() {
        let open = GoalRow {
            expected: Some("通过开展运维项目，确保".into()),
            ..Default::default()
        };
        let closed = GoalRow {
            expected: Some("确保网络畅通。".into()),
            ..Default::default()
        };
        let head = row(&[("全面覆盖。", 200.0)], true, true);
        assert!(rest_of_cut_row(&head, false, Some(&open)));
        assert!(!rest_of_cut_row(&head, false, Some(&closed)));
        // A ruled page-head row with an indicator of its own is a new row.
        let ruled = row(&[("党史工作经费", 100.0)], true, false);
        assert!(!rest_of_cut_row(&ruled, true, Some(&open)));
    }
}
