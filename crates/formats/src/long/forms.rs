//! The long form of the 绩效 forms: one record per field of a form (项目名称,
//! 主管部门, a labelled field, a goal, each fund source's amount under each
//! funds heading) and per printed cell of each indicator, the indicator
//! named in `name` and numbered in `line` within its form, so that a
//! spreadsheet pivots a form's indicators back into rows. A list of projects
//! gives each project's records, the project in `group`, and its totals.
use std::str::FromStr;

use fiscal_extract::{
    AnyTable, DepartmentGoals, FundRow, Funds, Indicator, MoneyUnit, Output, PerformanceList,
    PerformanceTable,
};
use rust_decimal::Decimal;

use super::cell::Cell;
use crate::name_of;

/// What a form record holds (its `column_key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormEntry {
    /// A labelled field of the form's head, goal or score (`name` its label).
    Field,
    /// A figure of the funds block (`name` the source, `header` the heading).
    Funds,
    /// A cell of an indicator (`name` the indicator, `header` the column).
    Indicator,
}

impl FormEntry {
    /// The `column_key` of its records.
    pub fn key(self) -> &'static str {
        match self {
            FormEntry::Field => "form_field",
            FormEntry::Funds => "form_funds",
            FormEntry::Indicator => "form_indicator",
        }
    }
}

/// What a record of a form says, before the document's columns.
struct Entry<'a> {
    group: Option<&'a str>,
    name: &'a str,
    line: Option<u32>,
    entry: FormEntry,
    header: &'a str,
    text: &'a str,
}

/// The table's columns shared by its records.
struct TableCells<'a> {
    number: Option<&'a str>,
    kind: String,
    title: &'a str,
    money_unit: Option<MoneyUnit>,
    /// The page, when the form is printed on one.
    page: Option<u32>,
}

/// Every record of a form table (none for a grid), in printed order.
pub(super) fn records(file: &str, out: &Output, table: &AnyTable) -> Vec<Vec<Cell>> {
    let mut entries = Vec::new();
    let cells = match table {
        AnyTable::Grid(_) => return Vec::new(),
        AnyTable::Performance(p) => {
            form_entries(p, &mut entries);
            table_cells(None, p.kind.as_str(), &p.title, p.money_unit, &p.pages)
        }
        AnyTable::PerformanceList(l) => {
            list_entries(l, &mut entries);
            table_cells(
                l.number.as_deref(),
                l.kind.as_str(),
                &l.title,
                l.money_unit,
                &l.pages,
            )
        }
        AnyTable::DepartmentGoals(g) => {
            goals_entries(g, &mut entries);
            table_cells(None, g.kind.as_str(), &g.title, None, &g.pages)
        }
    };
    entries
        .iter()
        .map(|e| record(file, out, &cells, e))
        .collect()
}

fn table_cells<'a>(
    number: Option<&'a str>,
    kind: &str,
    title: &'a str,
    money_unit: Option<MoneyUnit>,
    pages: &[u32],
) -> TableCells<'a> {
    TableCells {
        number,
        kind: kind.to_string(),
        title,
        money_unit,
        page: match pages {
            [one] => Some(*one),
            _ => None,
        },
    }
}

fn record(file: &str, out: &Output, t: &TableCells, e: &Entry) -> Vec<Cell> {
    let doc = &out.document;
    let text = |s: Option<&str>| Cell::Text(s.unwrap_or_default().to_string());
    let unit = t.money_unit.or(doc.money_unit);
    let value = (e.entry == FormEntry::Funds)
        .then(|| amount(e.text))
        .flatten();
    vec![
        text(Some(file)),
        text(doc.entity.as_deref()),
        Cell::Count(doc.year),
        Cell::Text(doc.kind.as_ref().map(name_of).unwrap_or_default()),
        text(t.number),
        Cell::Text(t.kind.clone()),
        text(Some(t.title)),
        text(unit.map(MoneyUnit::as_str)),
        text(e.group),
        Cell::Text(String::new()),
        Cell::Text(String::new()),
        Cell::Count(None),
        text(Some(e.name)),
        Cell::Text(String::new()),
        Cell::Count(e.line),
        Cell::Text(e.entry.key().to_string()),
        Cell::Text(String::new()),
        text(Some(e.header)),
        Cell::Amount(value),
        text(Some(e.text)),
        Cell::Count(t.page),
        Cell::Point(None),
        Cell::Point(None),
        Cell::Point(None),
        Cell::Point(None),
    ]
}

/// A printed amount (1,234.50) exactly; any other text is none.
fn amount(text: &str) -> Option<Decimal> {
    let plain: String = text.trim().chars().filter(|&c| c != ',').collect();
    let numeric = plain
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && c == '-'));
    if !numeric || !plain.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    Decimal::from_str(&plain).ok()
}

fn field<'a>(
    entries: &mut Vec<Entry<'a>>,
    group: Option<&'a str>,
    label: &'a str,
    value: Option<&'a str>,
) {
    if let Some(text) = value.filter(|v| !v.is_empty()) {
        entries.push(Entry {
            group,
            name: label,
            line: None,
            entry: FormEntry::Field,
            header: label,
            text,
        });
    }
}

fn fund_rows<'a>(
    entries: &mut Vec<Entry<'a>>,
    group: Option<&'a str>,
    columns: &'a [String],
    rows: &'a [FundRow],
) {
    for row in rows {
        for (i, value) in row.values.iter().enumerate() {
            let Some(text) = value.as_deref().filter(|v| !v.is_empty()) else {
                continue;
            };
            entries.push(Entry {
                group,
                name: &row.source,
                line: None,
                entry: FormEntry::Funds,
                header: columns.get(i).map_or("", String::as_str),
                text,
            });
        }
        if let Some(detail) = row.detail.as_deref().filter(|d| !d.is_empty()) {
            entries.push(Entry {
                group,
                name: &row.source,
                line: None,
                entry: FormEntry::Field,
                header: "主要内容",
                text: detail,
            });
        }
    }
}

fn funds<'a>(entries: &mut Vec<Entry<'a>>, group: Option<&'a str>, f: &'a Funds) {
    fund_rows(entries, group, &f.columns, &f.rows);
    field(entries, group, "分值", f.weight.as_deref());
    field(entries, group, "执行率", f.completion_rate.as_deref());
    field(entries, group, "得分", f.score.as_deref());
}

/// An indicator's printed cells under the headings the XLSX sheets use.
fn indicator_cells(i: &Indicator) -> Vec<(&'static str, Option<&str>)> {
    vec![
        ("指标类别", i.category.as_deref()),
        ("一级指标", i.level1.as_deref()),
        ("年度指标值", i.target.as_deref()),
        ("实际完成值", i.actual.as_deref()),
        ("分值", i.weight.as_deref()),
        ("得分", i.score.as_deref()),
        ("偏差原因", i.deviation.as_deref()),
        ("指标性质", i.nature.as_deref()),
        ("度量单位", i.unit.as_deref()),
        ("指标方向", i.direction.as_deref()),
        ("备注", i.note.as_deref()),
    ]
}

fn form_entries<'a>(p: &'a PerformanceTable, entries: &mut Vec<Entry<'a>>) {
    let group = p.project.as_deref();
    field(entries, group, "项目名称", p.project.as_deref());
    field(entries, group, "主管部门", p.department.as_deref());
    field(entries, group, "实施单位", p.implementer.as_deref());
    for (label, value) in &p.fields {
        field(entries, group, label, Some(value));
    }
    funds(entries, group, &p.funds);
    field(entries, group, "年度目标", p.goal.target.as_deref());
    field(entries, group, "实施期目标", p.goal.long_term.as_deref());
    field(entries, group, "实际完成情况", p.goal.actual.as_deref());
    for (n, ind) in (1..).zip(&p.indicators) {
        let name = ind.level2.as_deref().unwrap_or_default();
        let cells = indicator_cells(ind).into_iter();
        let others = ind
            .other
            .iter()
            .map(|(k, v)| (k.as_str(), Some(v.as_str())));
        for (header, text) in cells.chain(others) {
            if let Some(text) = text.filter(|t| !t.is_empty()) {
                entries.push(Entry {
                    group,
                    name,
                    line: Some(n),
                    entry: FormEntry::Indicator,
                    header,
                    text,
                });
            }
        }
    }
    field(entries, group, "总分", p.total_score.as_deref());
}

fn list_entries<'a>(l: &'a PerformanceList, entries: &mut Vec<Entry<'a>>) {
    let headings = amount_headings(l);
    for row in &l.totals {
        let wide = row.values.len() == headings.len();
        for (i, value) in row.values.iter().enumerate() {
            if let Some(text) = value.as_deref().filter(|v| !v.is_empty()) {
                entries.push(Entry {
                    group: None,
                    name: &row.source,
                    line: None,
                    entry: FormEntry::Funds,
                    header: if wide { headings[i] } else { "" },
                    text,
                });
            }
        }
    }
    for form in &l.forms {
        form_entries(form, entries);
    }
}

/// The list's amount headings, in printed order: the headings its projects
/// name their funds by (a total's figures stand under them).
fn amount_headings(l: &PerformanceList) -> Vec<&str> {
    let bare = |h: &str| h.trim_end_matches(['：', ':']).to_string();
    l.columns
        .iter()
        .map(String::as_str)
        .filter(|&h| {
            let leaf = bare(h.rsplit('/').next().unwrap_or(h));
            l.forms
                .iter()
                .any(|f| f.funds.rows.iter().any(|r| bare(&r.source) == leaf))
        })
        .collect()
}

fn goals_entries<'a>(g: &'a DepartmentGoals, entries: &mut Vec<Entry<'a>>) {
    field(entries, None, "部门名称", g.department.as_deref());
    field(entries, None, "部门整体支出目标", g.goal.as_deref());
    field(
        entries,
        None,
        "预算执行率（预期）",
        g.budget_rate_expected.as_deref(),
    );
    field(
        entries,
        None,
        "预算执行率（实际）",
        g.budget_rate_actual.as_deref(),
    );
    let heading = |i: usize, default: &'static str| -> &'a str {
        g.columns.get(i).map_or(default, String::as_str)
    };
    for (n, row) in (1..).zip(&g.rows) {
        let name = row.indicator.as_deref().unwrap_or_default();
        let cells = [
            (heading(0, "目标"), row.goal.as_deref()),
            (heading(2, "预期"), row.expected.as_deref()),
            (heading(3, "实际"), row.actual.as_deref()),
        ];
        for (header, text) in cells {
            if let Some(text) = text.filter(|t| !t.is_empty()) {
                entries.push(Entry {
                    group: None,
                    name,
                    line: Some(n),
                    entry: FormEntry::Indicator,
                    header,
                    text,
                });
            }
        }
    }
}
