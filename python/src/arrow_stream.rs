//! Record batches handed to pyarrow (or Polars, DuckDB …) through the Arrow
//! PyCapsule interface: `pyarrow.table(obj)` reads `__arrow_c_stream__`
//! without a copy and without tying this crate to one pyarrow version.
use std::sync::Mutex;

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

/// A record batch offered as an Arrow C stream, once.
#[pyclass(module = "fiscal_extract._native")]
pub struct ArrowStream {
    batch: Mutex<Option<RecordBatch>>,
}

impl ArrowStream {
    /// Offers `batch`.
    pub fn new(batch: RecordBatch) -> ArrowStream {
        ArrowStream {
            batch: Mutex::new(Some(batch)),
        }
    }
}

#[pymethods]
impl ArrowStream {
    /// The Arrow C stream of the batch (a consumer takes it once).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        // The schema is fixed; a consumer casts if it wants another.
        let _ = requested_schema;
        let batch = self
            .batch
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
            .ok_or_else(|| PyValueError::new_err("the Arrow stream was already read"))?;
        let schema = batch.schema();
        let reader = RecordBatchIterator::new([Ok(batch)], schema);
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }
}
