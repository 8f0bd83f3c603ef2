//! Long-form CSV ([`crate::long`]): one row per figure with everything that
//! locates it, in the document and on the page, and one per field and
//! indicator cell of each 绩效 form (its text in `text`), UTF-8 with a byte-order mark
//! so that Excel reads the Chinese text right. Texts from the PDF that a
//! spreadsheet would run as formulas are quoted ([`inert_text`]); amounts and
//! coordinates are plain numbers.
use fiscal_extract::Output;

use crate::inert_text;
use crate::long::{records, Cell, COLUMNS};

const BOM: &[u8] = "\u{feff}".as_bytes();

/// The columns, in order.
pub const HEADER: [&str; COLUMNS.len()] = COLUMNS;

pub fn preamble() -> Vec<u8> {
    let mut bytes = BOM.to_vec();
    let mut w = csv::Writer::from_writer(&mut bytes);
    w.write_record(HEADER).expect("writing to memory");
    drop(w);
    bytes
}

/// Every record of `out` (figures, form fields and indicator cells); `file`
/// is the input as named.
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
        Cell::Amount(d) => d.map(|d| d.to_string()).unwrap_or_default(),
        Cell::Point(p) => p.map(|p| p.to_string()).unwrap_or_default(),
    }
}

/// One table as printed, for a spreadsheet: its header rows (each level's
/// text in the first column it heads), then one line per row (label columns,
/// text columns, figures). Forms have no grid and give `None`.
pub fn wide(table: &fiscal_extract::AnyTable) -> Option<Result<Vec<u8>, String>> {
    let t = table.as_grid()?;
    let mut w = csv::Writer::from_writer(BOM.to_vec());
    let label_columns = fiscal_extract::LabelColumns::of(t);
    let labels = label_columns.headers(t);
    let layout = fiscal_extract::HeaderLayout::of(t);
    let mut records: Vec<Vec<String>> = Vec::new();
    for level in 0..layout.depth {
        let mut record: Vec<String> = labels
            .iter()
            .map(|l| {
                if level == 0 {
                    l.to_string()
                } else {
                    String::new()
                }
            })
            .collect();
        // A level's text once, over the first column of its run.
        let mut texts = vec![""; t.columns.len()];
        for cell in layout.cells.iter().filter(|c| c.level == level) {
            texts[cell.first] = cell.text;
        }
        record.extend(texts.into_iter().map(str::to_string));
        records.push(record);
    }
    for r in &t.rows {
        let mut record: Vec<String> = label_columns
            .cells(t, r)
            .iter()
            .map(|s| inert_text(s).into_owned())
            .collect();
        for c in &t.columns {
            let v = r.values.get(&c.key).copied().flatten();
            record.push(v.map(|v| v.to_string()).unwrap_or_default());
        }
        records.push(record);
    }
    for (i, record) in records.iter_mut().enumerate() {
        if i < layout.depth {
            for field in record.iter_mut() {
                *field = inert_text(field).into_owned();
            }
        }
    }
    let written = records
        .iter()
        .try_for_each(|r| w.write_record(r))
        .map_err(|e| e.to_string())
        .and_then(|()| w.into_inner().map_err(|e| e.to_string()));
    Some(written)
}
