//! What one document becomes in each `--format` (the writers are
//! `fiscal-formats`'). A file or stream of several documents is the preamble
//! once, then one piece per document.
use std::io::Write;

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

/// Why a document could not be written.
pub enum WriteFailure {
    /// The format's writer refused it.
    Format(String),
    /// The output could not be written.
    Io(std::io::Error),
}

/// Writes one document in `format` to `w`, after the format's preamble when
/// it opens the stream; `shown` is the input as the user named it. JSON is
/// written as it serializes (a long document's JSON is never held whole in
/// memory); CSV and XLSX are built first.
pub fn write_document(
    format: Format,
    shown: &str,
    out: &Output,
    opens: bool,
    w: &mut impl Write,
) -> Result<(), WriteFailure> {
    let io = WriteFailure::Io;
    let built = match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *w, out).map_err(|e| io(e.into()))?;
            return w.write_all(b"\n").map_err(io);
        }
        Format::Jsonl => {
            serde_json::to_writer(&mut *w, out).map_err(|e| io(e.into()))?;
            return w.write_all(b"\n").map_err(io);
        }
        Format::Csv => csv::figures(shown, out),
        Format::Xlsx => xlsx::workbook(out),
        // The plan sends Parquet to a dataset (`fiscal_formats::parquet`).
        Format::Parquet => Err("Parquet is written as a dataset, with --out-dir".into()),
    };
    let bytes = built.map_err(WriteFailure::Format)?;
    if opens {
        w.write_all(&preamble(format)).map_err(io)?;
    }
    w.write_all(&bytes).map_err(io)
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
