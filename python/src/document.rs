//! One extracted document held on the Rust side: the Python `Document`
//! wraps it and reads its JSON (the output contract) only when asked, so a
//! batch that only writes a dataset or figures never builds Python objects.
use fiscal_extract::Output;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// An extracted document and the input as the caller named it.
#[pyclass(frozen, module = "fiscal_extract._native")]
pub struct NativeDocument {
    /// The input as named (a path as given, or the name given with bytes):
    /// the long form's `file`.
    pub shown: String,
    /// The document.
    pub output: Output,
}

#[pymethods]
impl NativeDocument {
    /// The input as the caller named it.
    #[getter]
    fn shown(&self) -> &str {
        &self.shown
    }

    /// The SHA-256 of the PDF: the document's identity.
    #[getter]
    fn sha256(&self) -> &str {
        &self.output.source.sha256
    }

    /// The document as compact JSON (the output contract).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        py.detach(|| serde_json::to_string(&self.output))
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The document as `extract` prints it: pretty JSON with a final newline.
    fn to_pretty_json(&self, py: Python<'_>) -> String {
        py.detach(|| self.output.to_json())
    }

    /// A document read back from its JSON (what pickling sends).
    #[staticmethod]
    fn from_json(py: Python<'_>, shown: String, json: &str) -> PyResult<NativeDocument> {
        let output = py
            .detach(|| serde_json::from_str(json))
            .map_err(|e| PyValueError::new_err(format!("not a document's JSON: {e}")))?;
        Ok(NativeDocument { shown, output })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let me = slf.get();
        let from_json = py.get_type::<NativeDocument>().getattr("from_json")?;
        let args = (me.shown.clone(), me.to_json(py)?);
        PyTuple::new(
            py,
            [from_json.into_any(), args.into_pyobject(py)?.into_any()],
        )
    }
}
