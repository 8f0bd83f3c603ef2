//! Documents as Arrow record batches and a Parquet dataset: the long form
//! (figures) and the tables of the SQLite database, partitioned by year and
//! document kind.
mod columns;
pub mod longform;
mod tables;
mod write;

pub use columns::{AMOUNT_PRECISION, AMOUNT_SCALE};
pub use tables::{figures_long_form, DatasetTable};
pub use write::Dataset;
