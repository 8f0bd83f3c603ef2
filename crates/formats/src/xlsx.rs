//! XLSX: a document sheet, one sheet per table as printed (title, header
//! rows with merged cells, then the rows, amounts as numbers showing their
//! printed decimals, each row's page and box in trailing columns), a figures
//! sheet (the [`crate::long`] form: every figure with its page and box), and
//! a checks sheet. A text from the PDF that starts like a formula gets
//! Excel's quote prefix: it shows, and stays when edited, as text.
use std::collections::{BTreeMap, HashSet};

use fiscal_extract::{
    AnyTable, DepartmentGoals, HeaderLayout, Indicator, MoneyUnit, Output, PerformanceList,
    PerformanceTable, Row, Table,
};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::long::{centipoints, records, Cell, COLUMNS};
use crate::{name_of, starts_like_formula};

/// The workbook of one document.
pub fn workbook(out: &Output) -> Result<Vec<u8>, String> {
    build(out).map_err(|e| format!("cannot write XLSX: {e}"))
}

fn build(out: &Output) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let mut names = SheetNames::default();
    let mut styles = Styles::new();
    document_sheet(
        book.add_worksheet().set_name(names.unique("document"))?,
        out,
        &styles,
    )?;
    for table in &out.tables {
        let (number, title) = (table.number(), table.title());
        let name = names.unique(&format!("{} {title}", number.unwrap_or("")));
        let sheet = book.add_worksheet().set_name(name)?;
        match table {
            AnyTable::Grid(t) => grid_sheet(sheet, t, &mut styles)?,
            AnyTable::Performance(p) => performance_sheet(sheet, p, &styles)?,
            AnyTable::DepartmentGoals(g) => goals_sheet(sheet, g, &styles)?,
            AnyTable::PerformanceList(l) => list_sheet(sheet, l, &styles)?,
        }
    }
    figures_sheet(
        book.add_worksheet().set_name(names.unique("figures"))?,
        out,
        &mut styles,
    )?;
    checks_sheet(
        book.add_worksheet().set_name(names.unique("checks"))?,
        out,
        &styles,
    )?;
    book.save_to_buffer()
}

struct Styles {
    plain: Format,
    bold: Format,
    header: Format,
    amounts: BTreeMap<u32, Format>,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            plain: Format::new(),
            bold: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(rust_xlsxwriter::FormatAlign::Center)
                .set_align(rust_xlsxwriter::FormatAlign::VerticalCenter)
                .set_border(rust_xlsxwriter::FormatBorder::Thin),
            amounts: BTreeMap::new(),
        }
    }

    /// `#,##0.00` for an amount printed with two decimals, and so on.
    fn amount(&mut self, scale: u32) -> &Format {
        self.amounts.entry(scale).or_insert_with(|| {
            let decimals = "0".repeat(scale as usize);
            let pattern = if scale == 0 {
                "#,##0".to_string()
            } else {
                format!("#,##0.{decimals}")
            };
            Format::new().set_num_format(pattern)
        })
    }
}

/// Sheet names as Excel allows them: at most 31 characters, none of
/// `[]:*?/\`, unique regardless of case.
#[derive(Default)]
struct SheetNames(HashSet<String>);

impl SheetNames {
    fn unique(&mut self, wanted: &str) -> String {
        let clean: String = wanted
            .trim()
            .chars()
            .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
            .collect();
        let clean = clean.trim_matches('\'').trim();
        let base = if clean.is_empty() { "table" } else { clean };
        for n in 1.. {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("~{n}")
            };
            let room = 31 - suffix.chars().count();
            let name: String = base.chars().take(room).collect::<String>() + &suffix;
            if self.0.insert(name.to_lowercase()) {
                return name;
            }
        }
        unreachable!("some suffix is free")
    }
}

/// A text cell in `format`; a text that starts like a formula also gets the
/// quote prefix.
fn put(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if starts_like_formula(text) {
        sheet.write_string_with_format(row, col, text, &format.clone().set_quote_prefix())?;
    } else {
        sheet.write_string_with_format(row, col, text, format)?;
    }
    Ok(())
}

/// A text over merged cells, quote-prefixed as [`put`] does.
fn merge(
    sheet: &mut Worksheet,
    (row0, col0): (u32, u16),
    (row1, col1): (u32, u16),
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if starts_like_formula(text) {
        let quoted = format.clone().set_quote_prefix();
        sheet.merge_range(row0, col0, row1, col1, text, &quoted)?;
    } else {
        sheet.merge_range(row0, col0, row1, col1, text, format)?;
    }
    Ok(())
}

fn write_opt(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: Option<&str>,
) -> Result<(), XlsxError> {
    if let Some(t) = text.filter(|t| !t.is_empty()) {
        put(sheet, row, col, t, &Format::new())?;
    }
    Ok(())
}

/// Texts in a row from column `first` on (`None` leaves a cell empty).
fn text_row(
    sheet: &mut Worksheet,
    row: u32,
    first: u16,
    cells: &[Option<&str>],
) -> Result<(), XlsxError> {
    for (c, text) in (first..).zip(cells) {
        write_opt(sheet, row, c, *text)?;
    }
    Ok(())
}

/// Label/value lines from `row` on; returns the next free row.
fn fields(
    sheet: &mut Worksheet,
    mut row: u32,
    lines: &[(&str, Option<&str>)],
    styles: &Styles,
) -> Result<u32, XlsxError> {
    for (label, value) in lines {
        put(sheet, row, 0, label, &styles.bold)?;
        write_opt(sheet, row, 1, *value)?;
        row += 1;
    }
    Ok(row)
}

/// A header row of `labels` at `row`; returns the next row.
fn header_row(
    sheet: &mut Worksheet,
    row: u32,
    labels: &[&str],
    styles: &Styles,
) -> Result<u32, XlsxError> {
    for (c, label) in labels.iter().enumerate() {
        put(sheet, row, c as u16, label, &styles.header)?;
    }
    Ok(row + 1)
}

fn document_sheet(sheet: &mut Worksheet, out: &Output, styles: &Styles) -> Result<(), XlsxError> {
    let (source, doc) = (&out.source, &out.document);
    let pages = source.pages.to_string();
    let year = doc.year.map(|y| y.to_string());
    let kind = doc.kind.as_ref().map(name_of);
    let unit = doc.money_unit.map(MoneyUnit::as_str);
    let row = fields(
        sheet,
        0,
        &[
            ("file", Some(&source.file)),
            ("sha256", Some(&source.sha256)),
            ("pages", Some(&pages)),
            ("producer", source.producer.as_deref()),
            ("entity", doc.entity.as_deref()),
            ("year", year.as_deref()),
            ("kind", kind.as_deref()),
            ("title", doc.title.as_deref()),
            ("money_unit", unit),
        ],
        styles,
    )?;
    for (i, warning) in out.warnings.iter().enumerate() {
        let label = if i == 0 { "warnings" } else { "" };
        fields(sheet, row + i as u32, &[(label, Some(warning))], styles)?;
    }
    sheet.set_column_width(0, 14)?;
    sheet.set_column_width(1, 80)?;
    Ok(())
}

/// A column of row labels: its heading and what it shows of a row.
type LabelColumn = (&'static str, fn(&Row) -> Option<String>);

fn grid_sheet(sheet: &mut Worksheet, table: &Table, styles: &mut Styles) -> Result<(), XlsxError> {
    let title = match &table.number {
        Some(n) => format!("{n} {}", table.title),
        None => table.title.clone(),
    };
    put(sheet, 0, 0, &title, &styles.bold)?;
    if let Some(unit) = &table.money_unit {
        sheet.write_string(1, 0, format!("单位：{unit}"))?;
    }
    // Label columns that the table uses, then one column per value column.
    let mut labels: Vec<LabelColumn> = Vec::new();
    if table.rows.iter().any(|r| r.group.is_some()) {
        labels.push(("分组", |r| r.group.clone()));
    }
    labels.push(("科目编码", |r| r.code.clone()));
    labels.push(("项目", |r| r.name.clone()));
    if table.rows.iter().any(|r| r.line.is_some()) {
        labels.push(("行次", |r| r.line.map(|l| l.to_string())));
    }
    let layout = HeaderLayout::of(table);
    let depth = layout.depth as u32;
    let top = 2u32;
    for (c, (label, _)) in labels.iter().enumerate() {
        let c = c as u16;
        if depth > 1 {
            merge(sheet, (top, c), (top + depth - 1, c), label, &styles.header)?;
        } else {
            put(sheet, top, c, label, &styles.header)?;
        }
    }
    let first = labels.len() as u16;
    header_cells(sheet, &layout, top, first, styles)?;
    // The row's page and box, after a blank column.
    let place = first + table.columns.len() as u16 + 1;
    for (c, label) in (place..).zip(PLACE) {
        put(sheet, top + depth - 1, c, label, &styles.header)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let at = top + depth + r as u32;
        for (c, (_, get)) in labels.iter().enumerate() {
            write_opt(sheet, at, c as u16, get(row).as_deref())?;
        }
        for (c, column) in table.columns.iter().enumerate() {
            if let Some(Some(value)) = row.values.get(&column.key) {
                write_amount(sheet, at, first + c as u16, value, styles)?;
            }
        }
        if let Some(b) = &row.bbox {
            sheet.write_number(at, place, b.page)?;
            for (c, v) in (place + 1..).zip([b.x0, b.top, b.x1, b.bottom]) {
                sheet.write_number(at, c, centipoints(v))?;
            }
        }
    }
    sheet.set_column_width(
        labels.iter().position(|l| l.0 == "项目").unwrap_or(0) as u16,
        36,
    )?;
    sheet.set_freeze_panes(top + depth, first)?;
    Ok(())
}

/// The header rows: each level's text over the columns it spans (adjacent
/// columns with the same path up to that level are merged); a path shorter
/// than the deepest one is merged down to the last header row.
fn header_cells(
    sheet: &mut Worksheet,
    layout: &HeaderLayout<'_>,
    top: u32,
    first: u16,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let bottom = top + layout.depth as u32 - 1;
    for cell in &layout.cells {
        let row = top + cell.level as u32;
        let (col0, col1) = (first + cell.first as u16, first + cell.last as u16);
        if cell.down_to_bottom {
            merge(
                sheet,
                (row, col0),
                (bottom, col0),
                cell.text,
                &styles.header,
            )?;
        } else if col0 == col1 {
            put(sheet, row, col0, cell.text, &styles.header)?;
        } else {
            merge(sheet, (row, col0), (row, col1), cell.text, &styles.header)?;
        }
    }
    Ok(())
}

fn write_amount(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &Decimal,
    styles: &mut Styles,
) -> Result<(), XlsxError> {
    match value.to_f64() {
        Some(number) => {
            sheet.write_number_with_format(row, col, number, styles.amount(value.scale()))?;
        }
        None => {
            sheet.write_string(row, col, value.to_string())?;
        }
    }
    Ok(())
}

fn performance_sheet(
    sheet: &mut Worksheet,
    p: &PerformanceTable,
    styles: &Styles,
) -> Result<(), XlsxError> {
    put(sheet, 0, 0, &p.title, &styles.bold)?;
    let unit = p.money_unit.map(MoneyUnit::as_str);
    let mut row = fields(
        sheet,
        1,
        &[
            ("项目名称", p.project.as_deref()),
            ("主管部门", p.department.as_deref()),
            ("实施单位", p.implementer.as_deref()),
            ("单位", unit),
        ],
        styles,
    )? + 1;
    let mut funds_header = vec!["资金来源"];
    funds_header.extend(p.funds.columns.iter().map(String::as_str));
    row = header_row(sheet, row, &funds_header, styles)?;
    for fund in &p.funds.rows {
        put(sheet, row, 0, &fund.source, &styles.plain)?;
        let values: Vec<Option<&str>> = fund.values.iter().map(Option::as_deref).collect();
        text_row(sheet, row, 1, &values)?;
        row += 1;
    }
    row = fields(
        sheet,
        row,
        &[
            ("权重", p.funds.weight.as_deref()),
            ("执行率", p.funds.completion_rate.as_deref()),
            ("得分", p.funds.score.as_deref()),
            ("年度目标", p.goal.target.as_deref()),
            ("实际完成情况", p.goal.actual.as_deref()),
        ],
        styles,
    )? + 1;
    row = header_row(sheet, row, &INDICATOR_HEADER, styles)?;
    for i in &p.indicators {
        let cells = indicator_cells(i);
        let cells: Vec<Option<&str>> = cells.iter().map(Option::as_deref).collect();
        text_row(sheet, row, 0, &cells)?;
        row += 1;
    }
    fields(sheet, row, &[("总分", p.total_score.as_deref())], styles)?;
    sheet.set_column_width(0, 18)?;
    sheet.set_column_width(1, 30)?;
    Ok(())
}

/// The columns of an indicator, in the order of [`indicator_cells`].
const INDICATOR_HEADER: [&str; 13] = [
    "指标类别",
    "一级指标",
    "二级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因",
    "指标性质",
    "度量单位",
    "指标方向",
    "备注",
    "其他",
];

/// An indicator's cells under [`INDICATOR_HEADER`].
fn indicator_cells(i: &Indicator) -> Vec<Option<String>> {
    let other: Vec<String> = i.other.iter().map(|(k, v)| format!("{k}：{v}")).collect();
    [
        &i.category,
        &i.level1,
        &i.level2,
        &i.target,
        &i.actual,
        &i.weight,
        &i.score,
        &i.deviation,
        &i.nature,
        &i.unit,
        &i.direction,
        &i.note,
    ]
    .into_iter()
    .cloned()
    .chain([(!other.is_empty()).then(|| other.join("；"))])
    .collect()
}

/// A list of projects' targets: one row per indicator, the project's cells
/// repeated on each (a project without indicators on one row of its own).
fn list_sheet(
    sheet: &mut Worksheet,
    l: &PerformanceList,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, &l.title, &styles.bold)?;
    let mut header = vec!["项目名称", "单位", "金额", "绩效目标"];
    header.extend(INDICATOR_HEADER);
    let mut row = header_row(sheet, 2, &header, styles)?;
    for f in &l.forms {
        let amount = f
            .funds
            .rows
            .first()
            .and_then(|r| r.values.first().cloned().flatten());
        let head = [
            f.project.clone(),
            f.implementer.clone(),
            amount,
            f.goal.target.clone(),
        ];
        let none = vec![None; INDICATOR_HEADER.len()];
        let indicators: Vec<Vec<Option<String>>> = if f.indicators.is_empty() {
            vec![none]
        } else {
            f.indicators.iter().map(indicator_cells).collect()
        };
        for cells in indicators {
            let all: Vec<Option<&str>> = head.iter().chain(&cells).map(Option::as_deref).collect();
            text_row(sheet, row, 0, &all)?;
            row += 1;
        }
    }
    sheet.set_column_width(0, 30)?;
    sheet.set_freeze_panes(3, 1)?;
    Ok(())
}

fn goals_sheet(
    sheet: &mut Worksheet,
    g: &DepartmentGoals,
    styles: &Styles,
) -> Result<(), XlsxError> {
    put(sheet, 0, 0, &g.title, &styles.bold)?;
    let row = fields(
        sheet,
        1,
        &[
            ("部门名称", g.department.as_deref()),
            ("部门整体支出目标", g.goal.as_deref()),
            ("预算执行率（预期）", g.budget_rate_expected.as_deref()),
            ("预算执行率（实际）", g.budget_rate_actual.as_deref()),
        ],
        styles,
    )? + 1;
    let header: Vec<&str> = if g.columns.is_empty() {
        vec!["目标", "指标", "预期", "实际"]
    } else {
        g.columns.iter().map(String::as_str).collect()
    };
    let first = header_row(sheet, row, &header, styles)?;
    for (row, r) in (first..).zip(&g.rows) {
        let cells = [&r.goal, &r.indicator, &r.expected, &r.actual];
        text_row(sheet, row, 0, &cells.map(|c| c.as_deref()))?;
    }
    sheet.set_column_width(0, 30)?;
    Ok(())
}

/// The headings of the trailing columns that place a row on its page.
const PLACE: [&str; 5] = ["page", "x0", "top", "x1", "bottom"];

/// The long form: every figure with its page and box, every form's fields
/// and indicator cells.
fn figures_sheet(
    sheet: &mut Worksheet,
    out: &Output,
    styles: &mut Styles,
) -> Result<(), XlsxError> {
    let first = header_row(sheet, 0, &COLUMNS, styles)?;
    for (row, record) in (first..).zip(records(&out.source.file, out)) {
        for (col, cell) in (0..).zip(&record) {
            match cell {
                Cell::Text(t) => write_opt(sheet, row, col, Some(t))?,
                Cell::Count(Some(n)) => {
                    sheet.write_number(row, col, *n)?;
                }
                Cell::Amount(Some(d)) => write_amount(sheet, row, col, d, styles)?,
                Cell::Point(Some(p)) => {
                    sheet.write_number(row, col, *p)?;
                }
                Cell::Count(None) | Cell::Point(None) | Cell::Amount(None) => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn checks_sheet(sheet: &mut Worksheet, out: &Output, styles: &Styles) -> Result<(), XlsxError> {
    let header = ["rule", "table", "status", "detail", "pages"];
    let first = header_row(sheet, 0, &header, styles)?;
    for (row, check) in (first..).zip(&out.checks) {
        let pages: Vec<String> = check.pages.iter().map(u32::to_string).collect();
        let status = name_of(&check.status);
        let pages = pages.join(",");
        let cells = [
            Some(check.rule.as_str()),
            check.table.as_deref(),
            Some(&status),
            Some(&check.detail),
            Some(&pages),
        ];
        text_row(sheet, row, 0, &cells)?;
    }
    sheet.set_column_width(0, 22)?;
    sheet.set_column_width(3, 90)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_legal_and_unique() {
        let mut names = SheetNames::default();
        assert_eq!(names.unique("表1 收入/支出[总表]"), "表1 收入_支出_总表_");
        let long = "一".repeat(40);
        let first = names.unique(&long);
        let second = names.unique(&long);
        assert_eq!(first.chars().count(), 31);
        assert_eq!(second.chars().count(), 31);
        assert!(second.ends_with("~2"));
        assert_eq!(names.unique("Checks"), "Checks");
        assert_eq!(names.unique("checks"), "checks~2");
        assert_eq!(names.unique("  "), "table");
    }
}
