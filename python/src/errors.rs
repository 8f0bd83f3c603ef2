//! Rust errors as Python exceptions: a file's failure is
//! `fiscal_extract.ExtractError(file, cause, kind)`, defined in Python
//! (`fiscal_extract/_errors.py`) so that it pickles and documents itself.
use fiscal_extract::ExtractError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

static EXTRACT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The Python class `fiscal_extract.ExtractError`.
fn class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    EXTRACT_ERROR.import(py, "fiscal_extract._errors", "ExtractError")
}

/// What went wrong, in one word: `read`, `too_large`, `pdf` (not a PDF,
/// truncated, encrypted, damaged, over a resource limit, no text), `pages`
/// (none of the pages asked for is in the document), `internal`.
fn kind(e: &ExtractError) -> &'static str {
    match e {
        ExtractError::Read { .. } => "read",
        ExtractError::InputTooLarge { .. } => "too_large",
        ExtractError::Pdf { .. } => "pdf",
        ExtractError::NoSelectedPages { .. } => "pages",
        ExtractError::Panic { .. } => "internal",
        _ => "pdf",
    }
}

/// An `ExtractError` instance for `e`; `shown` is the file as named in it.
pub fn instance<'py>(
    py: Python<'py>,
    shown: &str,
    e: &ExtractError,
) -> PyResult<Bound<'py, PyAny>> {
    let message = e.to_string();
    let prefix = format!("{shown}: ");
    let cause = message.strip_prefix(&prefix).unwrap_or(&message);
    class(py)?.call1((shown, cause, kind(e)))
}

/// `e` raised as an `ExtractError`.
pub fn to_pyerr(py: Python<'_>, shown: &str, e: &ExtractError) -> PyErr {
    match instance(py, shown, e) {
        Ok(exc) => PyErr::from_value(exc),
        Err(err) => err,
    }
}

/// An `ExtractError` for a failure of this crate's own (writing a dataset).
pub fn other(py: Python<'_>, shown: &str, cause: &str, kind: &str) -> PyErr {
    match class(py).and_then(|c| c.call1((shown, cause, kind))) {
        Ok(exc) => PyErr::from_value(exc),
        Err(err) => err,
    }
}
