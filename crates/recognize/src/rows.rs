//! Body rows: grid cells → per-column texts (`RawRow`) → classified rows.
use fiscal_layout::geometry::overlap;
use fiscal_layout::grid::CellGrid;

use crate::amount::parse_amount;
use crate::code::{self, Classification};
use crate::header::{is_column_number_row, CodeSlot, ColumnModel, Role, TableModel};
use crate::header_words::attribute_key;
use crate::model::{Row, RowRole};
use crate::place::{join_opt, PageBox};
use crate::settings::RecognizeSettings;
use crate::text::compact;

/// One printed row, its text per model column.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    pub cells: Vec<String>,
    pub page: u32,
    /// Where each cell's text is printed, parallel to `cells`.
    pub boxes: Vec<Option<PageBox>>,
}

/// The model column a cell spanning `x` belongs to. A cell spanning several
/// columns (合计 over 编码 and 名称) goes to the name column among them.
fn column_for(model: &TableModel, x: (f32, f32), share: f32) -> Option<usize> {
    let cols = &model.columns;
    let hits: Vec<usize> = (0..cols.len())
        .filter(|&i| {
            let w = (cols[i].x1 - cols[i].x0).min(x.1 - x.0).max(0.1);
            overlap(x, (cols[i].x0, cols[i].x1)) >= share * w
        })
        .collect();
    // The last: a label spanning sides ("当年支出小计" over 功能分类 and 支出用途)
    // names the row of the side whose figure follows it.
    if let Some(&n) = hits.iter().rev().find(|&&i| cols[i].role == Role::Name) {
        if hits.len() > 1 {
            return Some(n);
        }
    }
    if let Some(best) = hits.iter().copied().max_by(|&a, &b| {
        overlap(x, (cols[a].x0, cols[a].x1)).total_cmp(&overlap(x, (cols[b].x0, cols[b].x1)))
    }) {
        return Some(best);
    }
    let cx = (x.0 + x.1) / 2.0;
    (0..cols.len()).min_by(|&a, &b| {
        let da = ((cols[a].x0 + cols[a].x1) / 2.0 - cx).abs();
        let db = ((cols[b].x0 + cols[b].x1) / 2.0 - cx).abs();
        da.total_cmp(&db)
    })
}

/// The body rows of `grid` from row `start`, mapped onto the model's columns.
pub fn grid_rows(
    grid: &CellGrid,
    start: usize,
    model: &TableModel,
    page: u32,
    s: &RecognizeSettings,
) -> Vec<RawRow> {
    let mut out = Vec::new();
    for r in start..grid.rows() {
        let mut cells = vec![String::new(); model.columns.len()];
        let mut boxes = vec![None; model.columns.len()];
        for cell in grid.row_cells(r) {
            if cell.text.trim().is_empty() {
                continue;
            }
            if let Some(c) = column_for(model, (cell.x0, cell.x1), s.cell_in_column) {
                if !cells[c].is_empty() {
                    cells[c].push(' ');
                }
                cells[c].push_str(cell.text.trim());
                boxes[c] = join_opt(boxes[c], cell.ink.map(|r| PageBox::new(page, r)));
            }
        }
        let texts: Vec<String> = cells.iter().map(|c| compact(c)).collect();
        if texts.iter().all(|t| t.is_empty()) || is_column_number_row(&texts) {
            continue;
        }
        out.push(RawRow { cells, page, boxes });
    }
    out
}

/// The note a ruled row holds when the grid prints its table's note inside
/// its last rows ("注：项目类别指基本支出或项目支出；…" over the whole width):
/// one text, opening with 注, and nothing else.
pub fn note_of_row(row: &RawRow) -> Option<String> {
    let mut filled = row
        .cells
        .iter()
        .map(|c| compact(c))
        .filter(|c| !c.is_empty());
    let text = filled.next()?;
    let bare = text.trim_start_matches(['（', '(']);
    (filled.next().is_none() && (bare.starts_with("注：") || bare.starts_with("注:")))
        .then_some(text)
}

/// A name as printed, without the spaces of letter-spaced labels ("合    计").
pub fn clean_name(s: &str) -> String {
    let chars: Vec<char> = s.trim().chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let prev = out.chars().last();
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            if prev.is_some_and(|p| p.is_ascii_alphanumeric())
                && next.is_some_and(|n| n.is_ascii_alphanumeric())
                && !out.ends_with(' ')
            {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// The attribute key of a 序号 column.
const ROW_NUMBER: &str = "index";

/// Whether a column numbers the printed rows (序号, 行次).
pub(crate) fn numbers_rows(col: &ColumnModel) -> bool {
    col.role == Role::Line
        || col.role == Role::Attribute
            && col.path.last().and_then(|h| attribute_key(h)) == Some(ROW_NUMBER)
}

/// The codes and texts of one side of a printed row, before classification.
#[derive(Default)]
struct SideTexts {
    name: Option<String>,
    code: Option<String>,
    /// Parts of the row's code printed over 类/款/项 columns.
    parts: Vec<String>,
    /// 经济分类 codes printed beside the row's code, whole or in parts, by slot.
    beside: Vec<Vec<String>>,
    line: Option<u32>,
    /// (column, text) of attribute columns, left to right.
    attributes: Vec<(usize, String)>,
    /// A 单位编码 (six digits, 125001) printed in the code column.
    unit_code: Option<String>,
    /// The unit named in a column of its own (预算单位), on the row opening its block.
    unit_name: Option<String>,
}

/// Whether a code-column text is a 单位编码 (unit code) rather than a subject code.
fn is_unit_code(t: &str) -> bool {
    t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit())
}

/// Converts raw rows into contract rows, side by side for two-sided tables.
pub fn classify_rows(
    model: &TableModel,
    raw: &[RawRow],
    default_class: Option<Classification>,
    warnings: &mut Vec<String>,
) -> Vec<Row> {
    let mut parts_state: Vec<Vec<String>> = vec![Vec::new(); model.groups.len()];
    let mut beside_state: Vec<Vec<Vec<String>>> = vec![Vec::new(); model.groups.len()];
    // Two-sided tables list one side's rows, then the other's.
    let mut per_group: Vec<Vec<Row>> = vec![Vec::new(); model.groups.len()];
    // Per row of the first side: the unit whose block the row opens.
    let mut opens_unit: Vec<Option<String>> = Vec::new();
    for row in raw {
        for (g, label) in model.groups.iter().enumerate() {
            let mut side = SideTexts::default();
            let mut values = std::collections::BTreeMap::new();
            let mut value_bboxes = std::collections::BTreeMap::new();
            let mut bbox = None;
            let mut any_value = false;
            let mut name_col = None;
            for (c, col) in model
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| c.group == g)
            {
                let text = row.cells[c].trim();
                let cell_box = row.boxes.get(c).copied().flatten();
                if !text.is_empty() {
                    bbox = join_opt(bbox, cell_box.filter(|b| b.page == row.page));
                }
                match (col.role, col.slot) {
                    (Role::Name, _) => {
                        name_col = Some(c);
                        if !text.is_empty() {
                            side.name = Some(clean_name(text));
                        }
                    }
                    (Role::Code, CodeSlot::Primary) => {
                        let t = compact(text);
                        if code::is_code(&t) {
                            side.code = Some(t);
                        } else if is_unit_code(&t) {
                            side.unit_code = Some(t);
                        } else if !t.is_empty() && side.name.is_none() {
                            // A label printed in the code column (合计 spanning both).
                            side.name = Some(clean_name(text));
                        }
                    }
                    (Role::CodePart, CodeSlot::Primary) => side.parts.push(compact(text)),
                    (Role::Code | Role::CodePart, CodeSlot::Beside(n)) => {
                        if side.beside.len() <= n {
                            side.beside.resize(n + 1, Vec::new());
                        }
                        side.beside[n].push(compact(text));
                    }
                    (Role::Line, _) => side.line = compact(text).parse::<u32>().ok(),
                    (Role::Attribute, _) => {
                        if !text.is_empty() {
                            if col.path.last().and_then(|h| attribute_key(h)) == Some(UNIT_CODE) {
                                side.unit_code = Some(compact(text));
                            }
                            if col.names_unit {
                                side.unit_name = Some(clean_name(text));
                            }
                            side.attributes.push((c, clean_name(text)));
                        }
                    }
                    (Role::Value, _) => {
                        let v = match parse_amount(text) {
                            Ok(v) => v,
                            Err(_) => {
                                warnings.push(format!(
                                    "page {}: '{}' in column {} is not an amount",
                                    row.page,
                                    text,
                                    col.path.join("/")
                                ));
                                None
                            }
                        };
                        any_value |= v.is_some();
                        if let (Some(_), Some(b)) = (v, cell_box) {
                            value_bboxes.insert(col.key.clone(), b);
                        }
                        values.insert(col.key.clone(), v);
                    }
                }
            }
            if side.code.is_none() && !side.parts.is_empty() {
                side.code = code::join_parts(&side.parts, &mut parts_state[g]);
            }
            if side.code.is_none() {
                if let Some((c, n)) = side.name.as_deref().and_then(code::split_leading_code) {
                    side.code = Some(c);
                    side.name = Some(n);
                }
            }
            // A row without its own label (a 政府采购 subtotal of a 品目 or 专项, a
            // 合计 printed under another 名称) is named by a label-like attribute,
            // the first printed left of the label column, else the first right of it.
            if side.name.is_none() {
                let labels: Vec<&(usize, String)> = side
                    .attributes
                    .iter()
                    .filter(|(c, _)| model.columns[*c].labels_row)
                    .collect();
                side.name = labels
                    .iter()
                    .find(|(c, _)| name_col.is_some_and(|n| *c < n))
                    .or(labels.first())
                    .map(|(_, t)| t.clone());
            }
            let state = &mut beside_state[g];
            if state.len() < side.beside.len() {
                state.resize(side.beside.len(), Vec::new());
            }
            let beside: Vec<String> = side
                .beside
                .iter()
                .zip(state.iter_mut())
                .filter_map(|(parts, prev)| code::join_parts(parts, prev))
                .collect();
            let mut attributes: std::collections::BTreeMap<String, String> = side
                .attributes
                .iter()
                .map(|(c, t)| (model.columns[*c].key.clone(), t.clone()))
                .collect();
            // A unit's own row prints its name in the unit column or its
            // 单位编码, and no subject code (a 政府采购 row names the unit buying
            // beside its 科目编码).
            let unit = if side.code.is_some() {
                None
            } else if side.unit_name.is_some() {
                side.unit_name.clone()
            } else {
                side.unit_code.as_ref().and(side.name.clone())
            };
            if let Some(u) = side.unit_code {
                attributes.insert(UNIT_CODE.to_string(), u);
            }
            // A side left blank on its printed row (收支总表: the 收入 side
            // ends before the 支出 side) is no row, though the row's 序号
            // stands in its columns.
            let numbered_only = side
                .attributes
                .iter()
                .all(|(c, _)| numbers_rows(&model.columns[*c]));
            if side.name.is_none()
                && side.code.is_none()
                && side.line.is_none()
                && !any_value
                && numbered_only
                && !attributes.contains_key(UNIT_CODE)
            {
                continue;
            }
            let code_text = side.code;
            let classification = code_text
                .as_deref()
                .map(|c| code::classify(c, default_class));
            let economic_system = code_text
                .as_deref()
                .filter(|_| classification == Some(Classification::Economic))
                .and_then(code::economic_system);
            let beside_of = |system| {
                beside
                    .iter()
                    .find(|c| code::economic_system(c) == Some(system))
                    .cloned()
            };
            let role = if code_text.is_some() {
                RowRole::Item
            } else if unit.is_some() {
                RowRole::UnitHeader
            } else {
                side.name
                    .as_deref()
                    .map_or(RowRole::Item, RowRole::of_label)
            };
            per_group[g].push(Row {
                group: label.clone(),
                role,
                level: code_text.as_deref().and_then(code::level),
                parent: code_text.as_deref().and_then(code::parent),
                economic_code: beside_of(code::EconomicSystem::Department),
                government_economic_code: beside_of(code::EconomicSystem::Government),
                code: code_text,
                classification,
                economic_system,
                name: side.name,
                line: side.line,
                values,
                attributes,
                bbox,
                value_bboxes,
                ..Row::default()
            });
            if g == 0 {
                opens_unit.push(unit);
            }
        }
    }
    if let [rows] = per_group.as_mut_slice() {
        group_by_unit(rows, &opens_unit);
    }
    for rows in &mut per_group {
        RowRole::mark_subtotals(rows);
    }
    per_group.into_iter().flatten().collect()
}

/// The attribute key of a 单位编码.
const UNIT_CODE: &str = "unit_code";

/// A table that lists several units one after the other groups each unit's
/// rows under its name, so that codes repeated per unit are summed within
/// their unit: 深圳's 支出总表 prints the department, then each unit's name in
/// the 预算单位 column followed by that unit's 205, 20503 … rows with the
/// column blank; 西安 prints "125001 西安市安全生产监督管理局" then its 301,
/// 30101 …. `opens_unit` holds, per row, the unit whose block the row opens.
fn group_by_unit(rows: &mut [Row], opens_unit: &[Option<String>]) {
    if opens_unit.iter().all(Option::is_none) {
        return;
    }
    let mut unit: Option<String> = None;
    for (r, opens) in rows.iter_mut().zip(opens_unit) {
        if opens.is_some() {
            unit = opens.clone();
        }
        if r.group.is_none() {
            r.group = unit.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stitch::{is_cut_continuation, stitch};

    fn model() -> TableModel {
        let col = |x0: f32, role, key: &str| ColumnModel {
            x0,
            x1: x0 + 10.0,
            role,
            slot: CodeSlot::Primary,
            labels_row: false,
            names_unit: false,
            group: 0,
            path: vec![key.into()],
            key: key.into(),
        };
        TableModel {
            columns: vec![
                col(0.0, Role::Code, "code"),
                col(10.0, Role::Name, "name"),
                col(20.0, Role::Value, "total"),
            ],
            groups: vec![None],
        }
    }

    fn raw(cells: &[&str]) -> RawRow {
        RawRow {
            cells: cells.iter().map(|s| s.to_string()).collect(),
            page: 1,
            boxes: vec![None; cells.len()],
        }
    }

    #[test]
    fn a_row_cut_by_the_page_break_is_stitched() {
        let m = model();
        let mut prev = raw(&["2013199", "其他党委办公厅（室）及相关", "86.97"]);
        let next = raw(&["", "机构事务支出", ""]);
        assert!(is_cut_continuation(&m, &prev, &next));
        stitch(&mut prev, next);
        assert_eq!(prev.cells[1], "其他党委办公厅（室）及相关机构事务支出");
    }

    #[test]
    fn an_amount_wrapped_over_the_page_break_is_stitched() {
        let m = model();
        let mut prev = raw(&["2080505", "机关事业单位基本养老保险", "1,604.3"]);
        let next = raw(&["", "缴费支出", "5"]);
        assert!(is_cut_continuation(&m, &prev, &next));
        stitch(&mut prev, next);
        assert_eq!(prev.cells[1], "机关事业单位基本养老保险缴费支出");
        assert_eq!(prev.cells[2], "1,604.35");
        // A whole amount above a figure is two rows.
        let prev = raw(&["2080505", "机关事业单位基本养老保险", "1,604.35"]);
        assert!(!is_cut_continuation(
            &m,
            &prev,
            &raw(&["", "缴费支出", "5"])
        ));
    }

    #[test]
    fn a_new_row_is_not_stitched() {
        let m = model();
        let prev = raw(&["201", "一般公共服务支出", "1.00"]);
        assert!(!is_cut_continuation(
            &m,
            &prev,
            &raw(&["20131", "党委办公厅", "2.00"])
        ));
        assert!(!is_cut_continuation(
            &m,
            &prev,
            &raw(&["", "二、外交支出", "0.00"])
        ));
        // A complete row, then a label alone: no sign of a cut.
        let prev = raw(&["", "三、事业收入", "0.00"]);
        let next = raw(&["", "使用非财政拨款结余", ""]);
        assert!(!is_cut_continuation(&m, &prev, &next));
    }

    #[test]
    fn a_cut_shows_in_an_open_bracket_or_a_joining_word() {
        let m = model();
        let next = raw(&["", "治安分局）", ""]);
        let prev = raw(&["", "交通治安分局（水上", "356.88"]);
        assert!(is_cut_continuation(&m, &prev, &next));
        let prev = raw(&["", "其他党委办公厅（室）及", "86.97"]);
        assert!(is_cut_continuation(&m, &prev, &next));
        // Figures printed only with the rest of the row.
        let prev = raw(&["", "一、一般公共预算财政拨", ""]);
        assert!(is_cut_continuation(
            &m,
            &prev,
            &raw(&["", "款收入", "1.00"])
        ));
    }

    fn at(page: u32, x0: f32, top: f32) -> Option<PageBox> {
        let r = fiscal_layout::geometry::Rect {
            x0,
            top,
            x1: x0 + 10.0,
            bottom: top + 8.0,
        };
        Some(PageBox::new(page, r))
    }

    #[test]
    fn figures_keep_their_boxes_and_a_cut_row_is_placed_where_it_starts() {
        let m = model();
        let mut prev = raw(&["2013199", "其他党委办公厅（室）及相关", ""]);
        prev.page = 4;
        prev.boxes = vec![at(4, 0.0, 700.0), at(4, 10.0, 700.0), None];
        let mut next = raw(&["", "机构事务支出", "86.97"]);
        next.page = 5;
        next.boxes = vec![None, at(5, 10.0, 40.0), at(5, 20.0, 40.0)];
        stitch(&mut prev, next);
        let rows = classify_rows(&m, &[prev], None, &mut Vec::new());
        let row = &rows[0];
        // The name starts on page 4; the figure is printed only on page 5.
        assert_eq!(row.value_bboxes["total"], at(5, 20.0, 40.0).unwrap());
        assert_eq!(row.bbox.unwrap().page, 4);
        assert_eq!(row.bbox.unwrap().x1, 20.0);
        // A blank cell is no figure and has no box.
        let blank = raw(&["201", "一般公共服务支出", ""]);
        let rows = classify_rows(&m, &[blank], None, &mut Vec::new());
        assert!(rows[0].value_bboxes.is_empty());
    }

    #[test]
    fn rows_get_code_level_parent_and_exact_values() {
        let m = model();
        let mut w = Vec::new();
        let rows = classify_rows(
            &m,
            &[
                raw(&["", "合    计", "1,899.52"]),
                raw(&["2013199", "其他支出", ""]),
            ],
            None,
            &mut w,
        );
        assert_eq!(rows[0].name.as_deref(), Some("合计"));
        assert_eq!(rows[0].values["total"].unwrap().to_string(), "1899.52");
        assert_eq!(rows[1].level, Some(3));
        assert_eq!(rows[1].parent.as_deref(), Some("20131"));
        assert_eq!(rows[1].values["total"], None);
    }

    /// 深圳 支出总表: the unit's name in the 预算单位 column opens its block;
    /// the code rows below (the column blank) are that unit's.
    #[test]
    fn rows_below_a_unit_name_are_that_units_group() {
        let mut m = model();
        m.columns.insert(
            0,
            ColumnModel {
                x0: -10.0,
                x1: 0.0,
                role: Role::Attribute,
                slot: CodeSlot::Primary,
                labels_row: true,
                names_unit: true,
                group: 0,
                path: vec!["预算单位".into()],
                key: "unit".into(),
            },
        );
        let mut w = Vec::new();
        let rows = classify_rows(
            &m,
            &[
                raw(&["", "2210203", "购房补贴", "1,025.00"]),
                raw(&["深圳市劳动人事争议仲裁院", "", "", "4,720.86"]),
                raw(&["", "205", "教育支出", "9.48"]),
                raw(&["", "20508", "进修及培训", "9.48"]),
                raw(&["深圳市公共就业服务中心", "", "", "15,501.05"]),
                raw(&["", "205", "教育支出", "1.00"]),
            ],
            None,
            &mut w,
        );
        let groups: Vec<Option<&str>> = rows.iter().map(|r| r.group.as_deref()).collect();
        let a = Some("深圳市劳动人事争议仲裁院");
        let b = Some("深圳市公共就业服务中心");
        assert_eq!(groups, [None, a, a, a, b, b]);
        assert_eq!(rows[1].name.as_deref(), a);
        assert_eq!(rows[5].values["total"].unwrap().to_string(), "1.00");
    }
}
