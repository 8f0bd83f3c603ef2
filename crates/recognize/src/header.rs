//! Header rows → columns: each leaf column gets its printed header path, a role
//! (code, 行次, name, or value) and a stable key; a two-sided table (收入 | 支出,
//! 人员经费 | 公用经费) becomes column groups.
use fiscal_layout::align::is_numeric;
use fiscal_layout::grid::{CellGrid, GridCell};

use crate::code::is_code;
use crate::text::{compact, has_cjk};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 科目编码 (the whole code).
    Code,
    /// One piece of a code printed over 类 / 款 / 项 columns.
    CodePart,
    /// 行次
    Line,
    /// 项目 / 科目名称
    Name,
    /// A column of figures.
    Value,
}

impl Role {
    pub fn is_label(self) -> bool {
        self != Role::Value
    }
}

#[derive(Debug, Clone)]
pub struct ColumnModel {
    pub x0: f32,
    pub x1: f32,
    pub role: Role,
    pub group: usize,
    /// Header texts from top to bottom (the group label first, when there is one).
    pub path: Vec<String>,
    pub key: String,
}

#[derive(Debug, Clone, Default)]
pub struct TableModel {
    pub columns: Vec<ColumnModel>,
    /// Group labels; one `None` group for a one-sided table.
    pub groups: Vec<Option<String>>,
}

/// A 栏次 row: "栏次", "1", "2", … only.
pub fn is_column_number_row(texts: &[String]) -> bool {
    let small_int = |t: &str| t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit());
    let nums = texts
        .iter()
        .filter(|t| !t.is_empty() && small_int(t))
        .count();
    let others = texts
        .iter()
        .filter(|t| !t.is_empty() && !small_int(t))
        .count();
    let labelled = texts.iter().any(|t| t.contains("栏次"));
    nums >= 1
        && (labelled
            && texts.iter().all(|t| {
                t.is_empty() || t.contains("栏次") || t.chars().all(|c| c.is_ascii_digit())
            })
            || others == 0 && nums >= 2)
}

fn row_texts(grid: &CellGrid, r: usize) -> Vec<String> {
    grid.row_cells(r).map(|c| compact(&c.text)).collect()
}

/// Whether a label is a total row label (合计, 总计, 小计 …).
pub fn is_total_label(t: &str) -> bool {
    matches!(
        t,
        "合计" | "总计" | "小计" | "本年收入合计" | "本年支出合计" | "收入总计" | "支出总计"
    )
}

/// The first body row of a grid: the first row with a figure that is not a 栏次 row.
pub fn body_start(grid: &CellGrid) -> usize {
    for r in 0..grid.rows() {
        let texts = row_texts(grid, r);
        if is_column_number_row(&texts) {
            continue;
        }
        // Header cells may read 合计 too (a column header), so only figures and
        // codes mark the body.
        if texts
            .iter()
            .any(|t| (is_numeric(t) && !t.chars().all(|c| c.is_ascii_digit())) || is_code(t))
        {
            return r;
        }
        // Rows left blank (a template, or zeros printed as blanks) still start
        // with a row label: an ordinal item or a total, and no header words.
        let filled: Vec<&String> = texts.iter().filter(|t| !t.is_empty()).collect();
        let label_like = |t: &str| {
            crate::numbering::numbering_level(t).is_some_and(|l| l >= 2) || is_total_label(t)
        };
        if filled.first().is_some_and(|t| label_like(t))
            && filled.iter().filter(|t| has_cjk(t)).all(|t| label_like(t))
        {
            return r;
        }
    }
    grid.rows()
}

/// The first body row of a grid that continues a table on a new page: rows above
/// the first figure row are repeated header rows only if they are 栏次 rows or
/// print header texts of the model; anything else is body (the rest of a row
/// cut by the page break).
pub fn continuation_body_start(grid: &CellGrid, model: &TableModel) -> usize {
    let first_figure = body_start(grid);
    let known = |t: &String| {
        model.columns.iter().any(|c| c.path.iter().any(|p| p == t))
            || model.groups.iter().flatten().any(|g| g == t)
    };
    for r in 0..first_figure {
        let texts = row_texts(grid, r);
        let header =
            is_column_number_row(&texts) || texts.iter().filter(|t| !t.is_empty()).all(known);
        if !header {
            return r;
        }
    }
    first_figure
}

/// Rows above the body that are the header (not 栏次 rows, not captions that span the whole table).
fn header_rows(grid: &CellGrid, start: usize) -> Vec<usize> {
    (0..start)
        .filter(|&r| {
            let texts = row_texts(grid, r);
            let cells: Vec<&GridCell> = grid.row_cells(r).collect();
            let caption = cells.len() == 1
                && cells[0].col0 == 0
                && cells[0].col1 == grid.cols()
                && grid.cols() > 2;
            !is_column_number_row(&texts) && !caption && texts.iter().any(|t| !t.is_empty())
        })
        .collect()
}

fn role_from_header(t: &str) -> Option<Role> {
    if t.contains("行次") {
        Some(Role::Line)
    } else if matches!(t, "类" | "款" | "项") {
        Some(Role::CodePart)
    } else if t.contains("编码") || t.contains("代码") {
        Some(Role::Code)
    } else if matches!(
        t,
        "项目"
            | "科目"
            | "名称"
            | "科目名称"
            | "项目名称"
            | "收入项目"
            | "支出项目"
            | "功能分类"
            | "经济分类"
    ) || t.ends_with("科目名称")
        || t.ends_with("项目(按功能分类)")
        || t.ends_with("项目（按功能分类）")
        || t.ends_with("项目（按经济分类）")
    {
        Some(Role::Name)
    } else {
        None
    }
}

fn role_from_body(texts: &[&str]) -> Role {
    let filled: Vec<&&str> = texts.iter().filter(|t| !t.is_empty()).collect();
    if filled.is_empty() {
        return Role::Value;
    }
    let codes = filled.iter().filter(|t| is_code(t)).count();
    let cjk = filled.iter().filter(|t| has_cjk(t)).count();
    if codes * 2 > filled.len() {
        Role::Code
    } else if cjk * 2 > filled.len() {
        Role::Name
    } else {
        Role::Value
    }
}

/// Stable key fragments for printed header words.
const KEY_TERMS: &[(&str, &str)] = &[
    ("本年收入合计", "income_total"),
    ("本年支出合计", "expenditure_total"),
    ("财政拨款收入", "fiscal_appropriation_income"),
    ("上级补助收入", "superior_subsidy_income"),
    ("事业收入", "business_income"),
    ("经营收入", "operating_income"),
    ("附属单位上缴收入", "affiliate_remittance_income"),
    ("其他收入", "other_income"),
    ("基本支出", "basic"),
    ("项目支出", "project"),
    ("上缴上级支出", "remittance_to_superior"),
    ("经营支出", "operating_expenditure"),
    ("对附属单位补助支出", "subsidy_to_affiliates"),
    ("年初结转和结余", "opening_balance"),
    ("年末结转和结余", "closing_balance"),
    ("本年收入", "income"),
    ("本年支出", "expenditure"),
    ("一般公共预算财政拨款", "general_budget"),
    ("政府性基金预算财政拨款", "government_fund"),
    ("国有资本经营预算财政拨款", "state_capital"),
    ("因公出国（境）费", "overseas_travel"),
    ("因公出国(境)费", "overseas_travel"),
    ("公务用车购置及运行费", "vehicles"),
    ("公务用车购置及运行维护费", "vehicles"),
    ("公务用车运行维护费", "vehicle_operation"),
    ("财政拨款支出", "fiscal_appropriation_expenditure"),
    ("上年结转", "carried_over"),
    ("本年预算数", "budget"),
    ("公务用车购置费", "vehicle_purchase"),
    ("公务用车运行费", "vehicle_operation"),
    ("公务接待费", "reception"),
    ("纳入预算管理", "in_budget"),
    ("纳入财政专户管理", "in_special_account"),
    ("人员经费", "personnel"),
    ("公用经费", "public_funds"),
    ("决算数", "final"),
    ("预算数", "budget"),
    ("金额", "amount"),
    ("合计", "total"),
    ("小计", "subtotal"),
    ("收入", "income"),
    ("支出", "expenditure"),
];

/// A header word's key fragment: its English term, or for words without one a
/// short hash of the text, so that the same header gets the same key in every
/// document.
fn slug(part: &str) -> String {
    if let Some((_, k)) = KEY_TERMS.iter().find(|(t, _)| *t == part) {
        return k.to_string();
    }
    // FNV-1a: stable across runs and platforms, unlike std's hasher.
    let mut h: u32 = 0x811c_9dc5;
    for b in part.bytes() {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    format!("h{h:08x}")
}

/// Builds the column model from a table's first grid (the one that prints its header).
pub fn build_model(
    grid: &CellGrid,
    start: usize,
    two_sided_labels: Option<(&str, &str)>,
) -> TableModel {
    let headers = header_rows(grid, start);
    let ncols = grid.cols();
    let mut paths: Vec<Vec<String>> = vec![Vec::new(); ncols];
    for &r in &headers {
        for cell in grid.row_cells(r) {
            let t = compact(&cell.text);
            if t.is_empty() {
                continue;
            }
            for p in paths.iter_mut().take(cell.col1.min(ncols)).skip(cell.col0) {
                if p.last() != Some(&t) {
                    p.push(t.clone());
                }
            }
        }
    }
    let mut body: Vec<Vec<&str>> = vec![Vec::new(); ncols];
    for cell in grid
        .cells
        .iter()
        .filter(|c| c.row0 >= start && c.col1 == c.col0 + 1)
    {
        body[cell.col0].push(cell.text.as_str());
    }
    let mut columns: Vec<ColumnModel> = Vec::new();
    for c in 0..ncols {
        let body_texts: Vec<&str> = body[c].iter().map(|t| t.trim()).collect();
        if paths[c].is_empty() && body_texts.iter().all(|t| t.is_empty()) {
            continue;
        }
        // The lowest header that names a role decides (a label column's path may
        // end in a stray 合计 where a document merged its total row into the header).
        let role = paths[c]
            .iter()
            .rev()
            .find_map(|p| role_from_header(p))
            .unwrap_or_else(|| {
                let r = role_from_body(&body_texts);
                // A body of small sequential integers is a 行次 column.
                if r == Role::Value
                    && !body_texts.is_empty()
                    && body_texts.iter().all(|t| {
                        t.is_empty() || (t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit()))
                    })
                    && paths[c].is_empty()
                {
                    Role::Line
                } else {
                    r
                }
            });
        columns.push(ColumnModel {
            x0: grid.col_spans[c].0,
            x1: grid.col_spans[c].1,
            role,
            group: 0,
            path: paths[c].clone(),
            key: String::new(),
        });
    }
    // A label column after a value column starts a new side.
    let mut group = 0;
    let mut seen_value = false;
    for col in columns.iter_mut() {
        if col.role.is_label() && seen_value && col.role != Role::Line {
            group += 1;
            seen_value = false;
        }
        if col.role == Role::Value {
            seen_value = true;
        }
        col.group = group;
    }
    let ngroups = group + 1;
    let mut groups: Vec<Option<String>> = vec![None; ngroups];
    if ngroups > 1 {
        for (g, label) in groups.iter_mut().enumerate() {
            let members: Vec<&ColumnModel> = columns.iter().filter(|c| c.group == g).collect();
            // The common top header of the side (收入, 支出 …).
            let common = members
                .first()
                .and_then(|m| m.path.first())
                .filter(|t| members.iter().all(|m| m.path.first() == Some(*t)));
            *label = common.cloned().or_else(|| {
                two_sided_labels.map(|(a, b)| if g == 0 { a.to_string() } else { b.to_string() })
            });
        }
        // Two sides with the same top text are not labels (a shared caption).
        if groups.windows(2).any(|w| w[0] == w[1]) {
            if let Some((a, b)) = two_sided_labels {
                groups = vec![Some(a.to_string()), Some(b.to_string())];
            }
        }
    }
    let mut used = std::collections::HashSet::new();
    for (i, col) in columns.iter_mut().enumerate() {
        let mut parts: Vec<String> = col.path.iter().map(|p| slug(p)).collect();
        if parts.is_empty() {
            parts.push(format!("c{i}"));
        }
        if let Some(Some(label)) = groups.get(col.group) {
            if col.path.first() != Some(label) {
                parts.insert(0, slug(label));
            }
        }
        let mut key = parts.join("_");
        let mut n = 2;
        while !used.insert(key.clone()) {
            key = format!("{}_{}", parts.join("_"), n);
            n += 1;
        }
        col.key = key;
    }
    TableModel { columns, groups }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn column_number_rows() {
        assert!(is_column_number_row(&s(&["栏次", "", "1", "2"])));
        assert!(is_column_number_row(&s(&["1", "2", "3"])));
        assert!(!is_column_number_row(&s(&["合计", "1.00", "2"])));
        assert!(!is_column_number_row(&s(&["201", "一般公共服务支出", "3"])));
    }

    fn cell(row0: usize, col0: usize, col1: usize, text: &str) -> GridCell {
        GridCell {
            row0,
            row1: row0 + 1,
            col0,
            col1,
            text: text.to_string(),
            x0: col0 as f32 * 10.0,
            x1: col1 as f32 * 10.0,
        }
    }

    #[test]
    fn two_sided_header_gives_groups_and_paths() {
        let grid = CellGrid {
            x_edges: vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0],
            y_edges: vec![0.0, 10.0, 20.0, 30.0],
            cells: vec![
                cell(0, 0, 3, "收入"),
                cell(0, 3, 6, "支出"),
                cell(1, 0, 1, "项目"),
                cell(1, 1, 2, "行次"),
                cell(1, 2, 3, "决算数"),
                cell(1, 3, 4, "项目"),
                cell(1, 4, 5, "行次"),
                cell(1, 5, 6, "决算数"),
                cell(2, 0, 1, "一、一般公共预算财政拨款收入"),
                cell(2, 1, 2, "1"),
                cell(2, 2, 3, "1,899.52"),
                cell(2, 3, 4, "一、一般公共服务支出"),
                cell(2, 4, 5, "31"),
                cell(2, 5, 6, "1,575.63"),
            ],
            ruled: true,
            col_spans: (0..6)
                .map(|c| (c as f32 * 10.0, c as f32 * 10.0 + 10.0))
                .collect(),
            source_lines: Vec::new(),
        };
        assert_eq!(body_start(&grid), 2);
        let m = build_model(&grid, 2, None);
        assert_eq!(
            m.groups,
            vec![Some("收入".to_string()), Some("支出".to_string())]
        );
        let roles: Vec<Role> = m.columns.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            vec![
                Role::Name,
                Role::Line,
                Role::Value,
                Role::Name,
                Role::Line,
                Role::Value
            ]
        );
        assert_eq!(m.columns[5].path.join("/"), "支出/决算数");
        assert_ne!(m.columns[2].key, m.columns[5].key);
    }
}
