//! Header rows → columns: each leaf column gets its printed header path, a role
//! (code, 行次, name, or value) and a stable key; a two-sided table (收入 | 支出,
//! 人员经费 | 公用经费) becomes column groups.
use fiscal_layout::geometry::overlap;
use fiscal_layout::grid::{CellGrid, GridCell};
use fiscal_layout::lines::is_numeric;

use crate::code::is_code;
pub use crate::header_words::Role;
use crate::header_words::{
    attribute_key, can_label_row, is_value_word, name_rank, names_unit, role_from_header,
};
use crate::model::Column;
use crate::text::{compact, has_cjk};

/// Which code of a row a code column carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CodeSlot {
    /// The row's own code (the first code columns of a side).
    #[default]
    Primary,
    /// The n-th 经济分类 code printed beside the row's own code (部门经济科目,
    /// 政府经济科目); its system is read from its digits.
    Beside(usize),
}

#[derive(Debug, Clone)]
pub struct ColumnModel {
    pub x0: f32,
    pub x1: f32,
    pub role: Role,
    /// For code columns: which code of the row they carry.
    pub slot: CodeSlot,
    /// For attribute columns: a label column of its own (a second 名称, a
    /// 品目大类) that names a row whose label column is blank.
    pub labels_row: bool,
    /// For attribute columns: the column names the unit (预算单位) whose
    /// block of rows the row opens.
    pub names_unit: bool,
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

impl TableModel {
    /// The contract columns (key and printed header path) of the columns with
    /// `role`, a key shared by the column bands of one side listed once.
    pub fn columns_of(&self, role: Role) -> Vec<Column> {
        let mut out: Vec<Column> = Vec::new();
        for c in self.columns.iter().filter(|c| c.role == role) {
            if !out.iter().any(|o| o.key == c.key) {
                out.push(Column {
                    key: c.key.clone(),
                    header: c.path.join("/"),
                    group: self.groups.get(c.group).cloned().flatten(),
                    ..Column::default()
                });
            }
        }
        out
    }
}

/// A 栏次 row: "栏次", "1", "2", … only. Without the word, the numbers must
/// count the columns (1, 2, 3 …): stray small numbers are the last digits of
/// amounts wrapped onto the next page.
pub fn is_column_number_row(texts: &[String]) -> bool {
    // "**" marks the label columns of a number row in some spreadsheets (西安),
    // or every column of a table without numbered columns.
    let stars = |t: &String| !t.is_empty() && t.chars().all(|c| c == '*');
    if texts.iter().filter(|t| stars(t)).count() >= 2
        && texts
            .iter()
            .all(|t| t.is_empty() || stars(t) || t.chars().all(|c| c.is_ascii_digit()))
    {
        return true;
    }
    let small_int = |t: &str| t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit());
    let nums: Vec<u32> = texts
        .iter()
        .filter(|t| !t.is_empty() && small_int(t))
        .filter_map(|t| t.parse().ok())
        .collect();
    // (a "**" over the 备注 column numbers nothing: 1 2 … 10 **)
    let others = texts
        .iter()
        .filter(|t| !t.is_empty() && !small_int(t) && !stars(t))
        .count();
    let labelled = texts.iter().any(|t| t.contains("栏次"));
    let counting = nums.windows(2).all(|w| w[1] == w[0] + 1);
    !nums.is_empty()
        && (labelled
            && texts.iter().all(|t| {
                t.is_empty() || t.contains("栏次") || t.chars().all(|c| c.is_ascii_digit())
            })
            || others == 0 && nums.len() >= 2 && counting)
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
        // A list without figures (序号 | 单位名称 | 备注) starts where its
        // index column starts counting: 1 (or （一）), then 2 on the next row.
        let index_of = |r: usize| {
            row_texts(grid, r)
                .into_iter()
                .find(|t| !t.is_empty())
                .and_then(|t| crate::numbering::index_number(&t))
        };
        if r > 0 && index_of(r) == Some(1) && (r + 1 == grid.rows() || index_of(r + 1) == Some(2)) {
            return r;
        }
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
/// print header words of the model where the model prints them; anything else
/// is body (the rest of a row cut by the page break, even one that reads "支出").
pub fn continuation_body_start(grid: &CellGrid, model: &TableModel) -> usize {
    let first_figure = body_start(grid);
    for r in 0..first_figure {
        let header = is_column_number_row(&row_texts(grid, r))
            || grid.row_cells(r).all(|c| repeats_header(model, c));
        if !header {
            return r;
        }
    }
    first_figure
}

/// Whether a cell repeats a header word of the model over the columns the
/// word heads: over more than half of them, and over no other column.
fn repeats_header(model: &TableModel, cell: &GridCell) -> bool {
    let t = compact(&cell.text);
    if t.is_empty() {
        return true;
    }
    let cols = &model.columns;
    let centre = |c: &ColumnModel| (c.x0 + c.x1) / 2.0;
    let mut covered: Vec<usize> = (0..cols.len())
        .filter(|&i| cell.x0 <= centre(&cols[i]) && centre(&cols[i]) <= cell.x1)
        .collect();
    // A column the header leaves blank (the column of the 栏次 and 合计
    // labels, split off the names by short names) heads nothing: the word
    // repeated over it and its neighbour is the neighbour's.
    if covered.iter().any(|&i| !cols[i].path.is_empty()) {
        covered.retain(|&i| !cols[i].path.is_empty());
    }
    if covered.is_empty() {
        // A narrow cell over part of one column.
        covered.extend(
            (0..cols.len())
                .filter(|&i| overlap((cell.x0, cell.x1), (cols[i].x0, cols[i].x1)) > 0.0)
                .max_by(|&a, &b| {
                    let o = |i: usize| overlap((cell.x0, cell.x1), (cols[i].x0, cols[i].x1));
                    o(a).total_cmp(&o(b))
                }),
        );
    }
    let Some(&first) = covered.first() else {
        return false;
    };
    // Each level of the header (and the group labels), as a test per column.
    let depth = cols.iter().map(|c| c.path.len()).max().unwrap_or(0);
    let heads = |i: usize, level: Option<usize>| match level {
        Some(l) => cols[i].path.get(l) == Some(&t),
        None => model.groups[cols[i].group].as_ref() == Some(&t),
    };
    (0..depth).map(Some).chain([None]).any(|level| {
        if !heads(first, level) {
            return false;
        }
        // The run of columns the word heads around the cell.
        let mut a = first;
        while a > 0 && heads(a - 1, level) {
            a -= 1;
        }
        let mut b = first;
        while b + 1 < cols.len() && heads(b + 1, level) {
            b += 1;
        }
        covered.iter().all(|&i| (a..=b).contains(&i)) && covered.len() * 2 > b - a + 1
    })
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
            if t.is_empty() || is_unit_label(&t) {
                continue;
            }
            for p in paths.iter_mut().take(cell.col1.min(ncols)).skip(cell.col0) {
                if p.last() != Some(&t) {
                    p.push(t.clone());
                }
            }
        }
    }
    // 类/款/项 printed in the first body row (the ruled row of 合计) head their
    // code columns as if printed in the header above.
    if start < grid.rows() {
        for cell in grid.row_cells(start) {
            let t = compact(&cell.text);
            if role_from_header(&t) == Some(Role::CodePart) {
                for p in paths.iter_mut().take(cell.col1.min(ncols)).skip(cell.col0) {
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
    // Per kept column: the role its header names, if it names one.
    let mut header_roles: Vec<Option<Role>> = Vec::new();
    for c in 0..ncols {
        let body_texts: Vec<&str> = body[c].iter().map(|t| t.trim()).collect();
        if paths[c].is_empty() && body_texts.iter().all(|t| t.is_empty()) {
            continue;
        }
        // The lowest header that names a role decides (a label column's path may
        // end in a stray 合计 where a document merged its total row into the header).
        let body_role = || {
            // A lone 合计 under a header of figures (an empty template's
            // 本年支出 over 合计) labels nothing.
            let only_totals = body_texts
                .iter()
                .all(|t| t.is_empty() || is_total_label(&compact(t)));
            if only_totals && paths[c].last().is_some_and(|h| is_value_word(h)) {
                return Role::Value;
            }
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
        };
        let from_header = paths[c]
            .iter()
            .rev()
            .take_while(|p| !is_value_word(p))
            .find_map(|p| role_from_header(p));
        header_roles.push(from_header);
        let role = match from_header {
            // A 项目 header over the code column too: its codes make it a code column.
            Some(Role::Name) if role_from_body(&body_texts) == Role::Code => Role::Code,
            Some(r) => r,
            None => body_role(),
        };
        columns.push(ColumnModel {
            x0: grid.col_spans[c].0,
            x1: grid.col_spans[c].1,
            role,
            slot: CodeSlot::Primary,
            labels_row: role == Role::Attribute
                && paths[c]
                    .last()
                    .and_then(|h| attribute_key(h))
                    .is_some_and(can_label_row),
            names_unit: false,
            group: 0,
            path: paths[c].clone(),
            key: String::new(),
        });
    }
    figures_read_as_codes(&mut columns, &header_roles);
    let ngroups = assign_groups(&mut columns);
    assign_code_slots(&mut columns, ngroups);
    one_name_per_group(&mut columns, ngroups);
    let groups = group_labels(&columns, ngroups, two_sided_labels);
    assign_keys(&mut columns, &groups);
    for col in columns.iter_mut() {
        col.names_unit =
            col.role == Role::Attribute && col.path.last().is_some_and(|h| names_unit(h));
    }
    TableModel { columns, groups }
}

/// A column taken as codes from its body alone (its header names no role:
/// 合计, 小计, 其他收入, 公务接待费) that stands right of the row's label or of
/// a column of figures, with no label after it, is figures: whole numbers
/// (498, 18500, 237) read like codes, but a code labels its row and is printed
/// before the row's name and figures.
fn figures_read_as_codes(columns: &mut [ColumnModel], header_roles: &[Option<Role>]) {
    for i in 0..columns.len() {
        if columns[i].role != Role::Code || header_roles[i].is_some() {
            continue;
        }
        let after_label_or_figures = columns[..i]
            .iter()
            .any(|c| matches!(c.role, Role::Value | Role::Name));
        let labels_next = columns[i + 1..]
            .iter()
            .find(|c| c.role != Role::Code)
            .is_some_and(|c| c.role == Role::Name);
        if after_label_or_figures && !labels_next {
            columns[i].role = Role::Value;
        }
    }
}

/// A label column after a value column starts a new side: 收入 | 支出, or one
/// group per label/amount pair where a summary table prints 支出 by 功能分类
/// and by 经济分类 (部门 and 政府) side by side. Returns the number of groups.
fn assign_groups(columns: &mut [ColumnModel]) -> usize {
    let mut group = 0;
    let mut seen_value = false;
    for i in 0..columns.len() {
        // A side names its rows: code columns after figures with no label
        // column before the next figures (the 经济科目 codes of a 政府采购 row,
        // printed after 数量) belong to the row on the left.
        let names_rows = columns[i..]
            .iter()
            .take_while(|c| c.role != Role::Value)
            .any(|c| c.role == Role::Name);
        // A side has figures of its own: codes and texts after the last
        // figures (结转资金支出表: 金额, then 功能分类科目代码 | 名称 | 政府经济
        // 分类科目代码 | 名称 | 项目类别) are the rest of the row.
        let has_figures = columns[i..].iter().any(|c| c.role == Role::Value);
        let col = &mut columns[i];
        if col.role.is_label() && seen_value && col.role != Role::Line && names_rows && has_figures
        {
            group += 1;
            seen_value = false;
        }
        if col.role == Role::Value {
            seen_value = true;
        }
        col.group = group;
    }
    group + 1
}

/// Where a side prints several label columns (a 政府采购 row: 品目大类, 专项名称,
/// 采购物品名称), the most specific names the row and the others are attributes;
/// so is the 科目名称 of a code printed beside the row's own (政府经济科目名称).
fn one_name_per_group(columns: &mut [ColumnModel], ngroups: usize) {
    let rank = |c: &ColumnModel| {
        c.path
            .iter()
            .map(|p| name_rank(p))
            .min()
            .unwrap_or(usize::MAX)
    };
    let (mut slot, mut group) = (CodeSlot::Primary, 0);
    for col in columns.iter_mut() {
        if col.group != group {
            (slot, group) = (CodeSlot::Primary, col.group);
        }
        match col.role {
            Role::Code | Role::CodePart => slot = col.slot,
            Role::Name
                if slot != CodeSlot::Primary && col.path.iter().any(|p| p.contains("科目")) =>
            {
                col.role = Role::Attribute;
                col.labels_row = true;
            }
            _ => {}
        }
    }
    for g in 0..ngroups {
        let names: Vec<usize> = (0..columns.len())
            .filter(|&i| columns[i].group == g && columns[i].role == Role::Name)
            .collect();
        // The most specific header; among equals one printed before the
        // side's figures (a 绩效目标 or 资金性质 after them describes the
        // row), and of those the rightmost (the finest level).
        let after_figures = |i: usize| {
            columns[..i]
                .iter()
                .any(|c| c.group == g && c.role == Role::Value)
        };
        let Some(&keep) = names
            .iter()
            .min_by_key(|&&i| (rank(&columns[i]), after_figures(i), usize::MAX - i))
        else {
            continue;
        };
        for &i in names.iter().filter(|&&i| i != keep) {
            columns[i].role = Role::Attribute;
            columns[i].labels_row = true;
        }
    }
}

/// The first code columns of a side carry the row's code; code columns after
/// them under another header (部门经济科目 类/款, 政府经济科目 类/款) carry an
/// 经济分类 code printed beside it.
fn assign_code_slots(columns: &mut [ColumnModel], ngroups: usize) {
    for g in 0..ngroups {
        // Code parts under one header form one code; each header after the first is a code beside.
        let mut heads: Vec<Vec<String>> = Vec::new();
        let mut after_other = true;
        for col in columns.iter_mut().filter(|c| c.group == g) {
            let head = match col.role {
                Role::CodePart => col.path[..col.path.len().saturating_sub(1)].to_vec(),
                Role::Code => col.path.clone(),
                _ => {
                    after_other = true;
                    continue;
                }
            };
            // A 单位代码 column (six digits, 125001) heads no code of the row:
            // the subject code after it is the row's own.
            if col.path.last().is_some_and(|h| names_unit_code(h)) {
                continue;
            }
            // (a code header spanning two columns is one code too; the same
            // header again after a name is the next code: 烟台's 科目编码 类|款
            // | 部门名称 | 科目编码 类|款 | 政府名称)
            if heads.last() != Some(&head) || after_other {
                heads.push(head);
            }
            after_other = false;
            col.slot = match heads.len() {
                1 => CodeSlot::Primary,
                n => CodeSlot::Beside(n - 2),
            };
        }
    }
}

/// Whether a cell ruled above the header only states the money unit
/// ("单位：万元"): it heads no column.
fn is_unit_label(t: &str) -> bool {
    t.strip_prefix("单位")
        .or_else(|| t.strip_prefix("金额单位"))
        .and_then(|r| r.strip_prefix(['：', ':']))
        .and_then(crate::unit::MoneyUnit::parse)
        .is_some()
}

/// Whether a code header names the unit's code (预算单位代码, 单位编码), not a subject's.
fn names_unit_code(header: &str) -> bool {
    header.ends_with("单位代码") || header.ends_with("单位编码")
}

/// The label of each side: its common top header (收入, 支出), or the labels
/// the kind prints without a header (人员经费 | 公用经费, the second side
/// continuing over further column bands). Where several sides share a top
/// header with different columns (支出 by 功能分类 | 支出 by 经济分类), the
/// headers down to where they differ ("支出/功能分类"), or the top header and
/// the side's label column header.
fn group_labels(
    columns: &[ColumnModel],
    ngroups: usize,
    two_sided_labels: Option<(&str, &str)>,
) -> Vec<Option<String>> {
    if ngroups == 1 {
        return vec![None];
    }
    let members = |g: usize| columns.iter().filter(move |c| c.group == g);
    let common_prefix = |g: usize| -> Vec<String> {
        let mut it = members(g);
        let mut prefix = it.next().map(|c| c.path.clone()).unwrap_or_default();
        for c in it {
            let n = prefix
                .iter()
                .zip(&c.path)
                .take_while(|(a, b)| a == b)
                .count();
            prefix.truncate(n);
        }
        prefix
    };
    let fallback = |g: usize| two_sided_labels.map(|(a, b)| if g == 0 { a } else { b }.to_string());
    let tops: Vec<Option<String>> = (0..ngroups)
        .map(|g| common_prefix(g).first().cloned())
        .collect();
    let repeated = |labels: &[Option<String>], g: usize| {
        labels.iter().filter(|l| **l == labels[g]).count() > 1
    };
    if ngroups == 2 {
        let labels: Vec<Option<String>> = (0..2)
            .map(|g| tops[g].clone().or_else(|| fallback(g)))
            .collect();
        // Two sides with the same top text are not labels (a shared caption).
        if repeated(&labels, 0) && two_sided_labels.is_some() {
            return (0..2).map(fallback).collect();
        }
        return labels;
    }
    (0..ngroups)
        .map(|g| {
            let Some(top) = &tops[g] else {
                return fallback(g);
            };
            if !repeated(&tops, g) {
                return Some(top.clone());
            }
            let mut parts = common_prefix(g);
            if parts.len() <= 1 {
                if let Some(name) = members(g).find(|c| c.role == Role::Name) {
                    parts.extend(name.path.last().cloned());
                }
            }
            Some(parts.join("/"))
        })
        .collect()
}

/// Provisional keys, one per printed column: the side label and header path
/// as printed; a side that continues another over a further column band (the
/// same label and headers) shares its keys. [`crate::columns`] names them
/// by meaning once the table's kind and the document's year are known.
fn assign_keys(columns: &mut [ColumnModel], groups: &[Option<String>]) {
    let mut used = std::collections::HashSet::new();
    let mut first_band: std::collections::HashMap<(usize, Vec<String>), String> =
        std::collections::HashMap::new();
    let band_of = |g: usize| groups.iter().position(|l| *l == groups[g]).unwrap_or(g);
    let same_columns = |a: usize, b: usize, cols: &[ColumnModel]| {
        let paths = |g: usize| -> Vec<(Role, Vec<String>)> {
            cols.iter()
                .filter(|c| c.group == g)
                .map(|c| (c.role, c.path.clone()))
                .collect()
        };
        paths(a) == paths(b)
    };
    for i in 0..columns.len() {
        let g = columns[i].group;
        let band = band_of(g);
        if band != g && same_columns(band, g, columns) {
            if let Some(k) = first_band.get(&(band, columns[i].path.clone())) {
                columns[i].key = k.clone();
                continue;
            }
        }
        let col = &columns[i];
        let label = groups.get(col.group).cloned().flatten().unwrap_or_default();
        let base = format!("{label}|{}|{i}", col.path.join("/"));
        let key = if used.insert(base.clone()) {
            base
        } else {
            format!("{base}|{i}")
        };
        first_band.insert((g, columns[i].path.clone()), key.clone());
        columns[i].key = key;
    }
}

#[cfg(test)]
mod tests;
