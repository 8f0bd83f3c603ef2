//! Long-form CSV: one row per figure with everything that locates it, UTF-8
//! with a byte-order mark so that Excel reads the Chinese text right.
use fiscal_extract::{MoneyUnit, Output};

use crate::name_of;

const BOM: &[u8] = "\u{feff}".as_bytes();

/// The columns, in order.
pub const HEADER: [&str; 17] = [
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
    "line",
    "column_key",
    "header",
    "value",
];

pub fn preamble() -> Vec<u8> {
    let mut bytes = BOM.to_vec();
    let mut w = csv::Writer::from_writer(&mut bytes);
    w.write_record(HEADER).expect("writing to memory");
    drop(w);
    bytes
}

/// Every figure of `out`, one record each; `file` is the input as named.
pub fn figures(file: &str, out: &Output) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let opt = |s: Option<&str>| s.unwrap_or_default().to_string();
    let num = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    for f in fiscal_extract::figures(out) {
        let doc = f.document;
        let (table, row) = (f.table, f.row);
        w.write_record([
            file.to_string(),
            opt(doc.entity.as_deref()),
            num(doc.year),
            doc.kind.as_ref().map(name_of).unwrap_or_default(),
            opt(table.number.as_deref()),
            table.kind.as_str().to_string(),
            table.title.clone(),
            opt(f.money_unit().map(MoneyUnit::as_str)),
            opt(row.group.as_deref()),
            opt(row.code.as_deref()),
            row.classification.as_ref().map(name_of).unwrap_or_default(),
            num(row.level.map(u32::from)),
            opt(row.name.as_deref()),
            num(row.line),
            f.column.key.clone(),
            f.column.header.clone(),
            f.value.to_string(),
        ])
        .map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}
