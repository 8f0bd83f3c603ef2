//! Documents as Arrow record batches: the long form (`figures`) and the
//! tables of the SQLite database, each ending with the partition keys year
//! and document kind. [`crate::parquet`] writes them as a dataset; the
//! Python package hands them to pyarrow.
mod columns;
mod tables;

pub use columns::{ColumnError, AMOUNT_PRECISION, AMOUNT_SCALE};
pub use tables::{figures_long_form, DatasetTable, PARTITION_KEYS};
