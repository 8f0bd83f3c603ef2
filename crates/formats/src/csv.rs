//! Long-form CSV ([`crate::long`]): one row per figure with everything that
//! locates it, in the document and on the page, UTF-8 with a byte-order mark
//! so that Excel reads the Chinese text right. Texts from the PDF that a
//! spreadsheet would run as formulas are quoted ([`inert_text`]); amounts and
//! coordinates are plain numbers.
use fiscal_extract::Output;

use crate::inert_text;
use crate::long::{records, Cell, COLUMNS};

const BOM: &[u8] = "\u{feff}".as_bytes();

/// The columns, in order.
pub const HEADER: [&str; 22] = COLUMNS;

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
    for record in records(file, out) {
        w.write_record(record.iter().map(field))
            .map_err(|e| e.to_string())?;
    }
    w.into_inner().map_err(|e| e.to_string())
}

/// How a cell reads in CSV.
fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => inert_text(t).into_owned(),
        Cell::Count(n) => n.map(|n| n.to_string()).unwrap_or_default(),
        Cell::Amount(d) => d.to_string(),
        Cell::Point(p) => p.map(|p| p.to_string()).unwrap_or_default(),
    }
}
