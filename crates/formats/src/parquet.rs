//! The Parquet dataset: documents written into a folder of the tables of
//! [`crate::arrow`], partitioned hive-style by year and document kind:
//!
//! ```text
//! DS/figures/year=2024/document_kind=final_accounts/<sha256>.parquet
//! DS/rows/year=2024/document_kind=final_accounts/<sha256>.parquet
//! DS/documents/year=__HIVE_DEFAULT_PARTITION__/document_kind=budget/<sha256>.parquet
//! ```
//!
//! One file per document and table, named by the document's sha256: writing
//! a document again replaces its files (and removes those it left under
//! another year or kind), so re-running a batch never duplicates, and
//! workers on many machines write into one folder without coordination. A
//! file appears whole (written aside, then renamed); a document's
//! `documents` file is written last, so a document listed there is complete.
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::RecordBatch;
use fiscal_extract::Output;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;

use crate::arrow::{ColumnError, DatasetTable, PARTITION_KEYS};

/// The folder name of a missing partition value (read back as null by
/// DuckDB, pyarrow, Spark and Polars).
const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// Why a document could not be written into the dataset.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// A folder or file could not be made.
    #[error("{}: {source}", path.display())]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
    /// A value does not fit its column.
    #[error(transparent)]
    Column(#[from] ColumnError),
    /// The Parquet encoder failed.
    #[error("parquet: {0}")]
    Parquet(#[from] ParquetError),
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> DatasetError + '_ {
    move |source| DatasetError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A dataset folder being written.
#[derive(Debug, Clone)]
pub struct Dataset {
    root: PathBuf,
}

impl Dataset {
    /// The dataset at `root`, the folder made if missing.
    pub fn open(root: &Path) -> Result<Dataset, DatasetError> {
        fs::create_dir_all(root).map_err(io_error(root))?;
        Ok(Dataset {
            root: root.to_path_buf(),
        })
    }

    /// Writes one document (`file`: the input as the user named it),
    /// replacing what an earlier write of the same document left.
    pub fn write(&self, file: &str, out: &Output) -> Result<(), DatasetError> {
        let name = format!("{}.parquet", out.source.sha256);
        let partition = partition_path(out);
        let mut batches = Vec::with_capacity(DatasetTable::ALL.len());
        for table in DatasetTable::ALL {
            batches.push((table, without_partition(table.batch([(file, out)])?)?));
        }
        for table in DatasetTable::ALL {
            remove_elsewhere(&self.root.join(table.name()), &partition, &name)?;
        }
        for (table, batch) in batches {
            let dir = self.root.join(table.name()).join(&partition);
            fs::create_dir_all(&dir).map_err(io_error(&dir))?;
            write_file(&dir, &name, &batch)?;
        }
        Ok(())
    }
}

/// The `documents` file of the document `sha256` in the dataset at `root`,
/// if it holds the document (whatever its year and kind).
pub fn written(root: &Path, sha256: &str) -> Option<PathBuf> {
    let name = format!("{sha256}.parquet");
    let table_dir = root.join(DatasetTable::Documents.name());
    for year in fs::read_dir(table_dir).ok()?.flatten() {
        for kind in fs::read_dir(year.path()).into_iter().flatten().flatten() {
            let file = kind.path().join(&name);
            if file.is_file() {
                return Some(file);
            }
        }
    }
    None
}

/// `year=2024/document_kind=budget`.
fn partition_path(out: &Output) -> PathBuf {
    let year = out.document.year.map(|y| y.to_string());
    let kind = out.document.kind.as_ref().map(crate::name_of);
    let [year_key, kind_key] = PARTITION_KEYS;
    PathBuf::from(format!(
        "{year_key}={}",
        year.as_deref().unwrap_or(NULL_PARTITION)
    ))
    .join(format!(
        "{kind_key}={}",
        kind.as_deref().unwrap_or(NULL_PARTITION)
    ))
}

/// The batch without its partition columns: the folders hold them.
fn without_partition(batch: RecordBatch) -> Result<RecordBatch, ColumnError> {
    let schema = batch.schema();
    let keep: Vec<usize> = (0..schema.fields().len())
        .filter(|&i| !PARTITION_KEYS.contains(&schema.field(i).name().as_str()))
        .collect();
    Ok(batch.project(&keep)?)
}

/// Removes `name` from every partition of `table_dir` but `keep`: what an
/// earlier write of the document left under another year or kind.
fn remove_elsewhere(table_dir: &Path, keep: &Path, name: &str) -> Result<(), DatasetError> {
    let Ok(years) = fs::read_dir(table_dir) else {
        return Ok(());
    };
    for year in years.flatten() {
        let Ok(kinds) = fs::read_dir(year.path()) else {
            continue;
        };
        for kind in kinds.flatten() {
            let dir = kind.path();
            if dir.strip_prefix(table_dir).is_ok_and(|p| p == keep) {
                continue;
            }
            let stale = dir.join(name);
            match fs::remove_file(&stale) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    return Err(io_error(&stale)(e));
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// Writes `batch` as `dir/name`, whole or not at all.
fn write_file(dir: &Path, name: &str, batch: &RecordBatch) -> Result<(), DatasetError> {
    // A dot-name: DuckDB's `*.parquet` and pyarrow both pass over it.
    let mut builder = tempfile::Builder::new();
    builder.prefix(".").suffix(".tmp");
    // Readable as any new file is (a temporary file is private by default).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let tmp = builder.tempfile_in(dir).map_err(io_error(dir))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer = ArrowWriter::try_new(tmp.as_file(), Arc::clone(&batch.schema()), Some(props))?;
    writer.write(batch)?;
    writer.close()?;
    let path = dir.join(name);
    tmp.persist(&path).map_err(|e| io_error(&path)(e.error))?;
    Ok(())
}
