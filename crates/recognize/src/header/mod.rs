//! Header rows → columns: each leaf column gets its printed header path, a role
//! (code, 行次, name, or value) and a stable key; a two-sided table (收入 | 支出,
//! 人员经费 | 公用经费) becomes column groups.
use fiscal_layout::geometry::overlap;
use fiscal_layout::grid::{CellGrid, GridCell};
use fiscal_layout::lines::is_numeric;

use crate::code::is_code;
pub use crate::header_words::Role;
use crate::header_words::{
    attribute_key, can_label_row, is_value_word, names_unit, role_from_header,
};
use crate::text::{compact, has_cjk};

mod model;
mod sides;

pub use model::{CodeSlot, ColumnModel, TableModel};
use sides::{
    assign_code_slots, assign_groups, assign_keys, group_labels, is_unit_label, one_name_per_group,
};

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

#[cfg(test)]
mod tests;
