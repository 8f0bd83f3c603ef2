//! The long form shared by the flat writers: one record per printed figure
//! with what locates it in the document (table, row, column) and on the page
//! (`page`, `x0`, `top`, `x1`, `bottom`: pdfplumber's box, points from the
//! page's top-left corner), and one per field and per indicator cell of each
//! 绩效 form ([`forms`]), its printed text in `text`. Records come table by
//! table in printed order.
mod cell;
mod forms;

use fiscal_extract::{AnyTable, Figure, MoneyUnit, Output};

use crate::name_of;

pub use cell::{Cell, CellKind};
pub use forms::FormEntry;

/// The columns, in order.
pub const COLUMNS: [&str; 25] = [
    "file",
    "entity",
    "year",
    "document_kind",
    "table",
    "table_kind",
    "title",
    "money_unit",
    "group",
    "code",
    "classification",
    "level",
    "name",
    "item",
    "line",
    "column_key",
    "period",
    "header",
    "value",
    "text",
    "page",
    "x0",
    "top",
    "x1",
    "bottom",
];

/// The kind of each column, in [`COLUMNS`] order: typed formats (Arrow,
/// Parquet) declare their columns by it.
pub const KINDS: [CellKind; COLUMNS.len()] = {
    use CellKind::*;
    [
        Text, Text, Count, Text, Text, Text, Text, Text, Text, Text, Text, Count, Text, Text,
        Count, Text, Text, Text, Amount, Text, Count, Point, Point, Point, Point,
    ]
};

/// A record and where it comes from: the table's index in the output and,
/// for a figure, its row's index in the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// The table's index in [`Output::tables`].
    pub table: usize,
    /// The figure's row in its table (none for a form's record).
    pub row: Option<usize>,
    /// The record, in [`COLUMNS`] order.
    pub cells: Vec<Cell>,
}

/// Every record of `out` (figures of grids, fields and indicators of forms),
/// table by table; `file` is the input as named.
pub fn records<'a>(file: &'a str, out: &'a Output) -> impl Iterator<Item = Vec<Cell>> + 'a {
    located(file, out).map(|r| r.cells)
}

/// [`records`] with where each comes from.
pub fn located<'a>(file: &'a str, out: &'a Output) -> impl Iterator<Item = Located> + 'a {
    out.tables.iter().enumerate().flat_map(
        move |(t, table)| -> Box<dyn Iterator<Item = Located> + 'a> {
            match table {
                AnyTable::Grid(grid) => {
                    Box::new(grid.rows.iter().enumerate().flat_map(move |(r, row)| {
                        grid.columns.iter().filter_map(move |column| {
                            let value = row.values.get(&column.key)?.as_ref()?;
                            let f = Figure {
                                document: &out.document,
                                table: grid,
                                row,
                                column,
                                value,
                            };
                            Some(Located {
                                table: t,
                                row: Some(r),
                                cells: figure_record(file, &f),
                            })
                        })
                    }))
                }
                form => Box::new(
                    forms::records(file, out, form)
                        .into_iter()
                        .map(move |cells| Located {
                            table: t,
                            row: None,
                            cells,
                        }),
                ),
            }
        },
    )
}

/// A figure's record.
fn figure_record(file: &str, f: &Figure) -> Vec<Cell> {
    let text = |s: Option<&str>| Cell::Text(s.unwrap_or_default().to_string());
    let (doc, table, row) = (f.document, f.table, f.row);
    let b = f.bbox();
    let point = |v: Option<f32>| Cell::Point(v.map(centipoints));
    vec![
        text(Some(file)),
        text(doc.entity.as_deref()),
        Cell::Count(doc.year),
        Cell::Text(doc.kind.as_ref().map(name_of).unwrap_or_default()),
        text(table.number.as_deref()),
        Cell::Text(table.kind.as_str().to_string()),
        text(Some(&table.title)),
        text(f.money_unit().map(MoneyUnit::as_str)),
        text(row.group.as_deref()),
        text(row.code.as_deref()),
        Cell::Text(row.classification.as_ref().map(name_of).unwrap_or_default()),
        Cell::Count(row.level.map(u32::from)),
        text(row.name.as_deref()),
        text(row.item.as_deref()),
        Cell::Count(row.line),
        Cell::Text(f.column.key.clone()),
        Cell::Text(f.period().as_str().to_string()),
        text(Some(&f.column.header)),
        Cell::Amount(Some(*f.value)),
        Cell::Text(String::new()),
        Cell::Count(b.map(|b| b.page)),
        point(b.map(|b| b.x0)),
        point(b.map(|b| b.top)),
        point(b.map(|b| b.x1)),
        point(b.map(|b| b.bottom)),
    ]
}

/// A coordinate rounded to 0.01 pt, as the JSON writes it.
pub fn centipoints(v: f32) -> f64 {
    (f64::from(v) * 100.0).round() / 100.0
}
