//! `--report FILE`: one record per input — status, size of what came out,
//! failed checks, the error with its cause, time — as CSV, or JSON lines
//! when FILE ends in `.jsonl` or `.json`.
use std::io::Write;
use std::path::Path;

use fiscal_extract::{AnyTable, Output, TableKind};
use serde::Serialize;

use crate::write::PendingFile;

/// What became of one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Converted and written.
    Ok,
    /// Not converted, or its output could not be written; `error` says why.
    Failed,
    /// Left alone by `--skip-existing`.
    Skipped,
}

/// The report's columns, as `Record` serializes them.
const FIELDS: [&str; 8] = [
    "file",
    "status",
    "pages",
    "tables",
    "known_tables",
    "checks_failed",
    "error",
    "ms",
];

/// One line of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub file: String,
    pub status: Status,
    pub pages: Option<usize>,
    pub tables: Option<usize>,
    pub known_tables: Option<usize>,
    pub checks_failed: Option<usize>,
    pub error: Option<String>,
    pub ms: u64,
}

impl Record {
    pub fn converted(file: &str, out: &Output, ms: u64) -> Record {
        Record {
            file: file.to_string(),
            status: Status::Ok,
            pages: Some(out.source.pages),
            tables: Some(out.tables.len()),
            known_tables: Some(out.tables.iter().filter(|t| is_known(t)).count()),
            checks_failed: Some(out.failed_checks().count()),
            error: None,
            ms,
        }
    }

    pub fn failed(file: &str, error: String, ms: u64) -> Record {
        Record {
            file: file.to_string(),
            status: Status::Failed,
            pages: None,
            tables: None,
            known_tables: None,
            checks_failed: None,
            error: Some(error),
            ms,
        }
    }

    pub fn skipped(file: &str) -> Record {
        Record {
            status: Status::Skipped,
            error: None,
            ..Record::failed(file, String::new(), 0)
        }
    }
}

/// Whether a table's title was recognised as one of the standard tables.
fn is_known(table: &AnyTable) -> bool {
    match table {
        AnyTable::Grid(t) => t.kind != TableKind::Unknown,
        AnyTable::Performance(_) | AnyTable::DepartmentGoals(_) | AnyTable::PerformanceList(_) => {
            true
        }
    }
}

/// Writes the records, sorted by file, to `path` (whole or not at all).
pub fn write(path: &Path, records: &mut [Record]) -> Result<(), String> {
    records.sort_by(|a, b| a.file.cmp(&b.file));
    let fail =
        |e: &dyn std::fmt::Display| format!("{}: cannot write the report: {e}", path.display());
    let mut file = PendingFile::create(path).map_err(|e| fail(&e))?;
    let jsonl = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("json"));
    if jsonl {
        for r in records.iter() {
            serde_json::to_writer(&mut file, r).map_err(|e| fail(&e))?;
            file.write_all(b"\n").map_err(|e| fail(&e))?;
        }
    } else {
        let mut w = csv::Writer::from_writer(&mut file);
        if records.is_empty() {
            // serde writes the header with the first record; an empty report still has one.
            w.write_record(FIELDS).map_err(|e| fail(&e))?;
        }
        for r in records.iter() {
            w.serialize(r).map_err(|e| fail(&e))?;
        }
        w.flush().map_err(|e| fail(&e))?;
    }
    file.commit().map_err(|e| fail(&e))
}
