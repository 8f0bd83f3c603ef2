//! What one document becomes in each `--format` (the writers are
//! `fiscal-formats`'). A file or stream of several documents is the preamble
//! once, then one piece per document.
use fiscal_extract::Output;
use fiscal_formats::{csv, xlsx};

use crate::args::Format;

/// What opens a file or stream of this format (CSV: BOM and header).
pub fn preamble(format: Format) -> Vec<u8> {
    match format {
        Format::Csv => csv::preamble(),
        Format::Json | Format::Jsonl | Format::Xlsx | Format::Parquet => Vec::new(),
    }
}

/// One document in `format`; `shown` is the input as the user named it.
pub fn piece(format: Format, shown: &str, out: &Output) -> Result<Vec<u8>, String> {
    match format {
        Format::Json => Ok(out.to_json().into_bytes()),
        Format::Jsonl => {
            let mut line = serde_json::to_vec(out).map_err(|e| e.to_string())?;
            line.push(b'\n');
            Ok(line)
        }
        Format::Csv => csv::figures(shown, out),
        Format::Xlsx => xlsx::workbook(out),
        // The plan sends Parquet to a dataset (`fiscal_formats::parquet`).
        Format::Parquet => Err("Parquet is written as a dataset, with --out-dir".into()),
    }
}

/// A whole file of one document.
pub fn document_file(format: Format, shown: &str, out: &Output) -> Result<Vec<u8>, String> {
    let mut bytes = preamble(format);
    bytes.extend(piece(format, shown, out)?);
    Ok(bytes)
}

/// Writes each grid table of `out` as printed beside its long-form CSV
/// `long`: `NAME.csv` gets `NAME.表3.csv` (a table without a number:
/// `NAME.table4.csv`, by its place in the document).
pub fn wide_tables(long: &std::path::Path, out: &Output) -> Result<(), String> {
    let stem = long.with_extension("");
    let mut used = std::collections::HashSet::new();
    for (i, table) in out.tables.iter().enumerate() {
        let Some(bytes) = csv::wide(table) else {
            continue;
        };
        let label = table
            .number()
            .map(|n| {
                n.chars()
                    .filter(|c| c.is_alphanumeric() || *c == '-')
                    .collect()
            })
            .filter(|n: &String| !n.is_empty())
            .filter(|n| !used.contains(n))
            .unwrap_or_else(|| format!("table{}", i + 1));
        used.insert(label.clone());
        let mut name = stem.clone().into_os_string();
        name.push(format!(".{label}.csv"));
        let target = std::path::PathBuf::from(name);
        crate::write::write_atomic(&target, &bytes?)
            .map_err(|e| format!("{}: cannot write: {e}", target.display()))?;
    }
    Ok(())
}
