//! The long form of a document: one record per printed amount, with the
//! table, row and column that locate it — what a spreadsheet, a CSV file or
//! a database table of figures holds.
use rust_decimal::Decimal;

use crate::output::Output;
use fiscal_recognize::{AnyTable, Column, DocumentMeta, MoneyUnit, PageBox, Period, Row, Table};

/// One printed amount of a grid table and where it stands.
///
/// Empty cells are not figures: a `null` value in the JSON yields no record.
#[derive(Debug, Clone, Copy)]
pub struct Figure<'a> {
    /// The document's metadata (entity, year, kind).
    pub document: &'a DocumentMeta,
    /// The table the amount is printed in.
    pub table: &'a Table,
    /// The row: code, classification, level, name, 行次.
    pub row: &'a Row,
    /// The column: key and printed header path.
    pub column: &'a Column,
    /// The amount, exact as printed.
    pub value: &'a Decimal,
}

impl Figure<'_> {
    /// The money unit the amount is in: the table's own, else the document's.
    pub fn money_unit(&self) -> Option<MoneyUnit> {
        self.table.money_unit.or(self.document.money_unit)
    }

    /// Where the amount is printed: its page and box.
    pub fn bbox(&self) -> Option<&PageBox> {
        self.row.value_bboxes.get(&self.column.key)
    }

    /// Whose year the amount is: the row's where the row names one (深圳
    /// prints the years as rows), else the column's.
    pub fn period(&self) -> Period {
        if self.row.period.is_current() {
            self.column.period
        } else {
            self.row.period
        }
    }
}

/// Every amount of every grid table of `output`, in printed order: table by
/// table, row by row, column by column (forms such as 绩效 tables are not
/// grids and yield none).
///
/// ```
/// # std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))?;
/// let out = fiscal_extract::extract_file(std::path::Path::new("testdata/lo-unruled.pdf"))?;
/// for f in fiscal_extract::figures(&out).take(3) {
///     println!("{} | {:?} {:?} | {} = {}", f.table.title, f.row.code, f.row.name, f.column.header, f.value);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn figures(output: &Output) -> impl Iterator<Item = Figure<'_>> {
    let document = &output.document;
    output
        .tables
        .iter()
        .filter_map(AnyTable::as_grid)
        .flat_map(move |table| {
            table.rows.iter().flat_map(move |row| {
                table.columns.iter().filter_map(move |column| {
                    let value = row.values.get(&column.key)?.as_ref()?;
                    Some(Figure {
                        document,
                        table,
                        row,
                        column,
                        value,
                    })
                })
            })
        })
}
