//! The long form: one record per printed amount, its columns named and typed
//! once, for every flat output (CSV, the Parquet dataset's figures, Arrow).
use std::borrow::Cow;

use fiscal_extract::{Decimal, Figure, MoneyUnit};
use serde::Serialize;

/// A column's kind in the long form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    /// Text (empty in CSV when missing).
    Text,
    /// A whole number (year, level, 行次).
    Int,
    /// The exact amount.
    Amount,
}

/// The long form's columns, in order: the CLI's CSV header.
pub const COLUMNS: [(&str, CellKind); 17] = [
    ("file", CellKind::Text),
    ("entity", CellKind::Text),
    ("year", CellKind::Int),
    ("document_kind", CellKind::Text),
    ("table", CellKind::Text),
    ("table_kind", CellKind::Text),
    ("title", CellKind::Text),
    ("money_unit", CellKind::Text),
    ("group", CellKind::Text),
    ("code", CellKind::Text),
    ("classification", CellKind::Text),
    ("level", CellKind::Int),
    ("name", CellKind::Text),
    ("line", CellKind::Int),
    ("column_key", CellKind::Text),
    ("header", CellKind::Text),
    ("value", CellKind::Amount),
];

/// One value of a long-form record.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Text, `None` when missing.
    Text(Option<Cow<'a, str>>),
    /// A whole number, `None` when missing.
    Int(Option<i64>),
    /// The amount as printed.
    Amount(&'a Decimal),
}

/// The JSON name of a value that serializes as a string (an enum such as a
/// document kind or classification), for flat formats.
pub fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// The record of one figure, in [`COLUMNS`] order; `file` is the input as
/// the user named it.
pub fn record<'a>(file: &'a str, f: &Figure<'a>) -> [Cell<'a>; 17] {
    let text = |s: Option<&'a str>| Cell::Text(s.map(Cow::Borrowed));
    let owned = |s: Option<String>| Cell::Text(s.map(Cow::Owned));
    let (doc, table, row) = (f.document, f.table, f.row);
    [
        text(Some(file)),
        text(doc.entity.as_deref()),
        Cell::Int(doc.year.map(i64::from)),
        owned(doc.kind.as_ref().map(name_of)),
        text(table.number.as_deref()),
        text(Some(table.kind.as_str())),
        text(Some(&table.title)),
        text(f.money_unit().map(MoneyUnit::as_str)),
        text(row.group.as_deref()),
        text(row.code.as_deref()),
        owned(row.classification.as_ref().map(name_of)),
        Cell::Int(row.level.map(i64::from)),
        text(row.name.as_deref()),
        Cell::Int(row.line.map(i64::from)),
        text(Some(&f.column.key)),
        text(Some(&f.column.header)),
        Cell::Amount(f.value),
    ]
}
