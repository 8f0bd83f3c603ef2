//! Lists of many projects' targets in one grid: a header row (or two) naming
//! the project, its amounts, its goal and its indicator columns, then one row
//! per project or per indicator, a project's cells spanning its rows. The
//! header is printed again on every page, and a project cut by a page break
//! prints its name again above the rest of its rows. Each project is read
//! into the one form model ([`PerformanceTable`]); 合计 and a unit's subtotal
//! rows (an amount, no goal, no indicator) are the list's totals.
use std::collections::BTreeMap;

use fiscal_layout::geometry::overlap;
use fiscal_layout::grid::CellGrid;

use super::fields::append;
use super::indicator_text::split_indicator_text;
use super::items::PerfPiece;
use super::model::{FundRow, Funds, Goal, Indicator, PerformanceList, PerformanceTable};
use super::wording::{
    indicator_column, is_amount_header, is_goal_header, is_indicator_heading, is_list_header,
    is_list_name_header, is_total_label, label_text, IndicatorColumn,
};
use crate::table_kind::TableKind;
use crate::text::compact;
use crate::unit::MoneyUnit;

/// Most rows at a grid's top that may hold the list's header.
const HEADER_ROWS: usize = 3;
/// Fewest headings of a list's header row besides the name column's.
const MIN_LIST_HEADERS: usize = 2;

/// What a list column holds.
#[derive(Debug, Clone, PartialEq)]
enum ListField {
    /// The project's name.
    Project,
    /// The unit the project belongs to (a 单位名称 column beside 项目名称).
    Unit,
    /// Kept under its header in the project's fields (单位编码, 序号 …).
    Field(String),
    /// An amount, a fund source named by its header.
    Amount(String),
    /// The project's goal.
    Goal,
    /// Indicator levels, from the top (0) down.
    Level(usize),
    /// Another indicator column.
    Indicator(IndicatorColumn),
    /// The indicators printed as one text (绩效指标): split into indicators
    /// where it reads as numbered items, else kept as printed.
    IndicatorText(String),
}

/// A list column: what it holds, its header as printed and its x extent.
#[derive(Debug, Clone)]
struct ListColumn {
    field: ListField,
    header: String,
    x0: f32,
    x1: f32,
}

/// The cells of a grid row: text and x extent, left to right.
fn row_texts(g: &CellGrid, r: usize) -> Vec<(String, f32, f32)> {
    let mut cells: Vec<(String, f32, f32)> = g
        .row_cells(r)
        .map(|c| (compact(&c.text), c.x0, c.x1))
        .collect();
    cells.sort_by(|a, b| a.1.total_cmp(&b.1));
    cells
}

/// Whether a grid row is a list's header row: a name column's heading and
/// other list headings, every cell a heading.
fn is_list_header_row(cells: &[(String, f32, f32)]) -> bool {
    let texts: Vec<&str> = cells
        .iter()
        .map(|c| c.0.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    texts.iter().any(|t| is_list_name_header(t))
        && texts.iter().filter(|t| is_list_header(t)).count() >= MIN_LIST_HEADERS
        && texts
            .iter()
            .all(|t| is_list_name_header(t) || is_list_header(t) || is_indicator_heading(t))
}

/// The first grid row of the pieces that heads a list, if any.
fn list_header_at(pieces: &[(u32, PerfPiece)]) -> Option<(usize, usize)> {
    let (i, g) = pieces.iter().enumerate().find_map(|(i, (_, p))| match p {
        PerfPiece::Grid(g) if g.ruled => Some((i, g)),
        _ => None,
    })?;
    (0..g.rows().min(HEADER_ROWS))
        .find(|&r| is_list_header_row(&row_texts(g, r)))
        .map(|r| (i, r))
}

/// Whether a form's pieces are a list of many projects (its first ruled grid
/// opens with a list's header row).
pub(crate) fn is_list(pieces: &[(u32, PerfPiece)]) -> bool {
    list_header_at(pieces).is_some()
}

/// Whether a page's pieces open with a list's header row again.
pub(crate) fn repeats_list_header(pieces: &[(u32, PerfPiece)]) -> bool {
    is_list(pieces)
}

/// The columns a header of one or two rows names: a heading spanning
/// headings under it (绩效指标 over 一级指标 …) names them as "绩效指标/一级指标".
fn header_columns(g: &CellGrid, first: usize) -> (Vec<ListColumn>, usize) {
    let mut cols: Vec<(String, f32, f32)> = row_texts(g, first);
    let mut r = first + 1;
    while r < g.rows() {
        let next = row_texts(g, r);
        let texts: Vec<&(String, f32, f32)> = next.iter().filter(|c| !c.0.is_empty()).collect();
        let heading =
            |t: &str| is_list_header(t) || is_list_name_header(t) || is_indicator_heading(t);
        if texts.is_empty() || !texts.iter().all(|c| heading(&c.0)) {
            break;
        }
        let mut out: Vec<(String, f32, f32)> = Vec::new();
        for parent in &cols {
            let children: Vec<&&(String, f32, f32)> = texts
                .iter()
                .filter(|c| overlap((c.1, c.2), (parent.1, parent.2)) > (c.2 - c.1) / 2.0)
                .collect();
            if children.is_empty() {
                out.push(parent.clone());
            } else {
                for c in children {
                    let name = if parent.0.is_empty() {
                        c.0.clone()
                    } else {
                        format!("{}/{}", parent.0, c.0)
                    };
                    out.push((name, c.1, c.2));
                }
            }
        }
        cols = out;
        r += 1;
    }
    let has_project = cols
        .iter()
        .any(|c| label_text(&c.0).starts_with("项目名称") || c.0.contains("（项目）"));
    let mut levels = 0;
    let level_count = cols
        .iter()
        .filter(|c| leaf(&c.0).map(indicator_column) == Some(Some(IndicatorColumn::Level)))
        .count();
    let columns = cols
        .into_iter()
        .filter(|c| !c.0.is_empty())
        .map(|(header, x0, x1)| {
            let h = leaf(&header).unwrap_or_default();
            let field = if is_list_name_header(h) {
                if h == "单位名称" && has_project {
                    ListField::Unit
                } else {
                    ListField::Project
                }
            } else if let Some(ic) = indicator_column(h) {
                match ic {
                    IndicatorColumn::Level => {
                        // Levels counted from the indicator up, as in forms.
                        let depth = 3usize.saturating_sub(level_count) + levels;
                        levels += 1;
                        ListField::Level(depth)
                    }
                    ic => ListField::Indicator(ic),
                }
            } else if is_goal_header(h) {
                ListField::Goal
            } else if h.contains("指标") {
                ListField::IndicatorText(label_text(h))
            } else if is_amount_header(h) {
                ListField::Amount(label_text(h))
            } else {
                ListField::Field(label_text(h))
            };
            ListColumn {
                field,
                header,
                x0,
                x1,
            }
        })
        .collect();
    (columns, r)
}

/// The last part of a joined heading.
fn leaf(h: &str) -> Option<&str> {
    h.rsplit('/').next()
}

/// The column a cell stands in: the one its centre lies in, or the one it
/// overlaps most.
fn column_of(columns: &[ListColumn], x0: f32, x1: f32) -> Option<usize> {
    let cx = (x0 + x1) / 2.0;
    columns
        .iter()
        .position(|c| cx >= c.x0 && cx <= c.x1)
        .or_else(|| {
            columns
                .iter()
                .enumerate()
                .map(|(i, c)| (i, overlap((x0, x1), (c.x0, c.x1))))
                .filter(|(_, o)| *o > 0.0)
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i)
        })
}

/// A new project entry of the list.
fn entry(kind: TableKind, title: &str, page: u32, unit: Option<MoneyUnit>) -> PerformanceTable {
    PerformanceTable {
        kind,
        title: title.to_string(),
        pages: vec![page],
        bboxes: Vec::new(),
        field_bboxes: Default::default(),
        money_unit: unit,
        project: None,
        department: None,
        implementer: None,
        fields: BTreeMap::new(),
        funds: Funds {
            columns: vec!["金额".to_string()],
            ..Default::default()
        },
        goal: Goal::default(),
        indicators: Vec::new(),
        total_score: None,
    }
}

/// One body row of the list, by column.
struct ListRow {
    page: u32,
    cells: Vec<(usize, String)>,
}

impl ListRow {
    fn get(&self, columns: &[ListColumn], pick: impl Fn(&ListField) -> bool) -> Option<&str> {
        self.cells
            .iter()
            .find(|(i, t)| pick(&columns[*i].field) && !t.is_empty())
            .map(|(_, t)| t.as_str())
    }
    fn has(&self, columns: &[ListColumn], pick: impl Fn(&ListField) -> bool) -> bool {
        self.get(columns, pick).is_some()
    }
}

/// Reads a list of many projects' targets.
pub(crate) fn list_table(
    kind: TableKind,
    title: String,
    pages: Vec<u32>,
    money_unit: Option<MoneyUnit>,
    pieces: &[(u32, PerfPiece)],
) -> PerformanceList {
    let mut list = PerformanceList {
        kind,
        number: None,
        title,
        pages,
        bboxes: Vec::new(),
        field_bboxes: Default::default(),
        money_unit,
        columns: Vec::new(),
        totals: Vec::new(),
        forms: Vec::new(),
    };
    let Some((first_piece, header_row)) = list_header_at(pieces) else {
        return list;
    };
    let PerfPiece::Grid(g) = &pieces[first_piece].1 else {
        return list;
    };
    let (columns, _) = header_columns(g, header_row);
    list.columns = columns.iter().map(|c| c.header.clone()).collect();
    let headers: Vec<String> = columns
        .iter()
        .flat_map(|c| c.header.split('/').map(str::to_string))
        .collect();
    let mut rows = Vec::new();
    for (page, piece) in &pieces[first_piece..] {
        let PerfPiece::Grid(g) = piece else {
            continue;
        };
        for r in 0..g.rows() {
            let texts = row_texts(g, r);
            // The header again (on every page, or its second row).
            if texts
                .iter()
                .filter(|c| !c.0.is_empty())
                .all(|c| headers.contains(&c.0) || is_list_header(&c.0))
            {
                continue;
            }
            let mut cells: Vec<(usize, String)> = Vec::new();
            for (t, x0, x1) in texts.into_iter().filter(|c| !c.0.is_empty()) {
                let Some(i) = column_of(&columns, x0, x1) else {
                    continue;
                };
                match cells.iter_mut().find(|(j, _)| *j == i) {
                    Some((_, s)) => s.push_str(&t),
                    None => cells.push((i, t)),
                }
            }
            rows.push(ListRow { page: *page, cells });
        }
    }
    read_rows(&mut list, &columns, rows);
    split_indicator_texts(&mut list, &columns);
    list
}

/// A project's indicators printed as one text become its indicators where
/// the text reads whole as numbered items; otherwise it stays as printed.
fn split_indicator_texts(list: &mut PerformanceList, columns: &[ListColumn]) {
    for c in columns {
        let ListField::IndicatorText(h) = &c.field else {
            continue;
        };
        for form in list.forms.iter_mut().filter(|f| f.indicators.is_empty()) {
            if let Some(indicators) = form.fields.get(h).and_then(|t| split_indicator_text(t)) {
                form.indicators = indicators;
                form.fields.remove(h);
            }
        }
    }
}

fn read_rows(list: &mut PerformanceList, columns: &[ListColumn], rows: Vec<ListRow>) {
    let is_project = |f: &ListField| *f == ListField::Project;
    let has_unit_column = columns.iter().any(|c| c.field == ListField::Unit);
    for row in rows {
        let name = row.get(columns, is_project).map(str::to_string);
        let has_goal = row.has(columns, |f| *f == ListField::Goal);
        let has_indicator = row.has(columns, |f| {
            matches!(
                f,
                ListField::Level(_) | ListField::Indicator(_) | ListField::IndicatorText(_)
            )
        });
        // 合计, a unit's subtotal: amounts with no goal and no indicator.
        let total_label = row
            .cells
            .iter()
            .find(|(_, t)| is_total_label(t))
            .map(|(_, t)| label_text(t));
        // With a unit column beside the project's, a subtotal names the unit
        // alone; otherwise it is a name with neither goal nor indicator.
        let unit_only =
            has_unit_column && name.is_none() && row.has(columns, |f| *f == ListField::Unit);
        let subtotal = if has_unit_column {
            unit_only && !has_goal && !has_indicator
        } else {
            name.is_some() && !has_goal && !has_indicator
        };
        if total_label.is_some() || subtotal {
            let values = columns
                .iter()
                .enumerate()
                .filter(|(_, c)| matches!(c.field, ListField::Amount(_)))
                .map(|(i, _)| {
                    row.cells
                        .iter()
                        .find(|(j, _)| *j == i)
                        .map(|(_, t)| t.clone())
                })
                .collect();
            let unit = row
                .get(columns, |f| *f == ListField::Unit)
                .map(str::to_string);
            list.totals.push(FundRow {
                source: total_label.or(name).or(unit).unwrap_or_default(),
                values,
                detail: None,
            });
            continue;
        }
        // A new project, unless its name repeats the last one's (printed again
        // above the rest of its rows on the next page).
        let continued = list
            .forms
            .last()
            .is_some_and(|f| name.is_none() || f.project == name);
        if !continued {
            let mut form = entry(list.kind, &list.title, row.page, list.money_unit);
            form.project = name.clone();
            list.forms.push(form);
        }
        let Some(form) = list.forms.last_mut() else {
            continue;
        };
        if !form.pages.contains(&row.page) {
            form.pages.push(row.page);
        }
        let mut ind = Indicator::default();
        let mut levels: [Option<String>; 3] = [None, None, None];
        for (i, text) in &row.cells {
            let column = &columns[*i];
            match &column.field {
                ListField::Project => {}
                ListField::Unit if form.implementer.is_none() => {
                    form.implementer = Some(text.clone())
                }
                ListField::Unit => {}
                ListField::Field(h) => {
                    form.fields.entry(h.clone()).or_insert_with(|| text.clone());
                }
                ListField::Amount(h) => {
                    if !form.funds.rows.iter().any(|r| &r.source == h) {
                        form.funds.rows.push(FundRow {
                            source: h.clone(),
                            values: vec![Some(text.clone())],
                            detail: None,
                        });
                    }
                }
                ListField::Goal => {
                    // A continued project prints its goal again.
                    if form.goal.target.as_deref() != Some(text.as_str()) {
                        append(&mut form.goal.target, text);
                    }
                }
                ListField::Level(d) => levels[(*d).min(2)] = Some(text.clone()),
                ListField::Indicator(ic) => {
                    let slot = match ic {
                        IndicatorColumn::Target => &mut ind.target,
                        IndicatorColumn::Actual => &mut ind.actual,
                        IndicatorColumn::Weight => &mut ind.weight,
                        IndicatorColumn::Score => &mut ind.score,
                        IndicatorColumn::Deviation => &mut ind.deviation,
                        IndicatorColumn::Nature => &mut ind.nature,
                        IndicatorColumn::Unit => &mut ind.unit,
                        IndicatorColumn::Direction => &mut ind.direction,
                        IndicatorColumn::Note => &mut ind.note,
                        IndicatorColumn::Other(h) => {
                            ind.other.insert(h.clone(), text.clone());
                            continue;
                        }
                        IndicatorColumn::Level => continue,
                    };
                    *slot = Some(text.clone());
                }
                ListField::IndicatorText(h) => {
                    // A continued project prints the rest of its text.
                    let slot = form.fields.entry(h.clone()).or_default();
                    if slot != text {
                        slot.push_str(text);
                    }
                }
            }
        }
        let [category, level1, level2] = levels;
        ind.category = category;
        ind.level1 = level1;
        ind.level2 = level2;
        if ind != Indicator::default() {
            // Merged level cells: repeat the level above within the project.
            if let Some(prev) = form.indicators.last() {
                if ind.category.is_none() {
                    ind.category = prev.category.clone();
                    if ind.level1.is_none() {
                        ind.level1 = prev.level1.clone();
                    }
                }
            }
            form.indicators.push(ind);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fiscal_layout::grid::GridCell;

    /// A ruled grid of one-row cells: `rows` of (text, x0, x1).
    fn grid(rows: &[&[(&str, f32, f32)]]) -> CellGrid {
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            for (c, (t, x0, x1)) in row.iter().enumerate() {
                cells.push(GridCell {
                    row0: r,
                    row1: r + 1,
                    col0: c,
                    col1: c + 1,
                    text: t.to_string(),
                    x0: *x0,
                    x1: *x1,
                    ink: None,
                });
            }
        }
        CellGrid {
            x_edges: vec![0.0, 1.0],
            y_edges: (0..=rows.len()).map(|i| i as f32 * 10.0).collect(),
            cells,
            ruled: true,
            ..Default::default()
        }
    }

    #[test]
    fn a_list_reads_one_project_per_name_over_pages() {
        let header: &[(&str, f32, f32)] = &[
            ("单位（项目）名称", 0.0, 100.0),
            ("资金总额", 100.0, 150.0),
            ("绩效目标", 150.0, 250.0),
            ("二级指标", 250.0, 300.0),
            ("三级指标", 300.0, 380.0),
            ("指标值", 380.0, 420.0),
        ];
        let p1 = grid(&[
            header,
            &[("合计", 0.0, 100.0), ("40.00", 100.0, 150.0)],
            &[
                ("甲项目", 0.0, 100.0),
                ("40.00", 100.0, 150.0),
                ("做好甲", 150.0, 250.0),
                ("数量指标", 250.0, 300.0),
                ("次数", 300.0, 380.0),
                ("10", 380.0, 420.0),
            ],
            &[("时长", 300.0, 380.0), ("5", 380.0, 420.0)],
        ]);
        // The next page prints the header and the project's name again.
        let p2 = grid(&[
            header,
            &[
                ("甲项目", 0.0, 100.0),
                ("40.00", 100.0, 150.0),
                ("做好甲", 150.0, 250.0),
                ("质量指标", 250.0, 300.0),
                ("合格率", 300.0, 380.0),
                ("100%", 380.0, 420.0),
            ],
        ]);
        let pieces = vec![(1, PerfPiece::Grid(p1)), (2, PerfPiece::Grid(p2))];
        assert!(is_list(&pieces));
        let list = list_table(
            TableKind::BudgetProjectPerformanceGoals,
            "项目支出绩效目标表".into(),
            vec![1, 2],
            None,
            &pieces,
        );
        assert_eq!(list.totals.len(), 1);
        assert_eq!(list.totals[0].source, "合计");
        assert_eq!(list.forms.len(), 1);
        let f = &list.forms[0];
        assert_eq!(f.project.as_deref(), Some("甲项目"));
        assert_eq!(f.pages, vec![1, 2]);
        assert_eq!(f.goal.target.as_deref(), Some("做好甲"));
        assert_eq!(f.funds.rows[0].values, vec![Some("40.00".to_string())]);
        let got: Vec<(Option<&str>, Option<&str>, Option<&str>)> = f
            .indicators
            .iter()
            .map(|i| {
                (
                    i.level1.as_deref(),
                    i.level2.as_deref(),
                    i.target.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("数量指标"), Some("次数"), Some("10")),
                (Some("数量指标"), Some("时长"), Some("5")),
                (Some("质量指标"), Some("合格率"), Some("100%")),
            ]
        );
    }

    #[test]
    fn a_form_head_is_no_list() {
        let g = grid(&[&[("项目名称", 0.0, 100.0), ("冬季清洁取暖", 100.0, 400.0)]]);
        assert!(!is_list(&[(1, PerfPiece::Grid(g))]));
    }
}
