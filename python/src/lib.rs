//! `fiscal_extract._native`: the Rust half of the `fiscal_extract` Python
//! package. The Python half (`python/fiscal_extract/`) holds the public API,
//! its typed objects and docstrings; this module converts PDFs with the GIL
//! released, and hands documents, Arrow tables and Parquet files back.
mod arrow_stream;
mod document;
mod errors;
mod many;
mod run;

use std::path::PathBuf;

use fiscal_extract::Options;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use arrow_stream::ArrowStream;
use document::NativeDocument;
use fiscal_formats::arrow::{self as dataset, DatasetTable};
use fiscal_formats::parquet::Dataset;
use many::ExtractMany;
use run::Input;

/// Options of one extraction from the Python arguments: the 1-based pages
/// to read (the Python side checked them), or all.
fn options(pages: Option<Vec<u32>>) -> PyResult<Options> {
    let mut options = Options::default();
    if let Some(pages) = pages {
        if pages.is_empty() || pages.contains(&0) {
            return Err(PyValueError::new_err("pages are numbered from 1"));
        }
        options.pages = Some(pages.into_iter().collect());
    }
    Ok(options)
}

fn path_input(path: PathBuf) -> Input {
    let shown = path.display().to_string();
    Input::Path { path, shown }
}

/// Extracts one PDF file; the path is shown as given in errors and figures.
#[pyfunction]
#[pyo3(signature = (path, pages = None))]
fn extract_path(
    py: Python<'_>,
    path: PathBuf,
    pages: Option<Vec<u32>>,
) -> PyResult<NativeDocument> {
    finish(py, path_input(path), options(pages)?)
}

/// Extracts one PDF held in memory; `name` stands for the file.
#[pyfunction]
#[pyo3(signature = (data, name, pages = None))]
fn extract_bytes(
    py: Python<'_>,
    data: &Bound<'_, PyBytes>,
    name: String,
    pages: Option<Vec<u32>>,
) -> PyResult<NativeDocument> {
    let input = Input::Bytes {
        name,
        bytes: data.as_bytes().to_vec(),
    };
    finish(py, input, options(pages)?)
}

fn finish(py: Python<'_>, input: Input, options: Options) -> PyResult<NativeDocument> {
    let shown = input.shown().to_string();
    match run::extract_detached(py, input, options)? {
        Ok(output) => Ok(NativeDocument { shown, output }),
        Err(e) => Err(errors::to_pyerr(py, &shown, &e)),
    }
}

/// Converts `paths` on `jobs` threads; iterates documents or `ExtractError`s,
/// in the order of `paths` if `ordered`, else largest first as each is done.
#[pyfunction]
#[pyo3(signature = (paths, jobs, pages = None, ordered = true))]
fn extract_many(
    paths: Vec<PathBuf>,
    jobs: usize,
    pages: Option<Vec<u32>>,
    ordered: bool,
) -> PyResult<ExtractMany> {
    if jobs == 0 {
        return Err(PyValueError::new_err("jobs must be at least 1"));
    }
    let inputs = paths.into_iter().map(path_input).collect();
    ExtractMany::start(inputs, jobs, options(pages)?, ordered)
}

fn table_named(name: &str) -> PyResult<DatasetTable> {
    DatasetTable::ALL
        .into_iter()
        .find(|t| t.name() == name)
        .ok_or_else(|| {
            let names: Vec<&str> = DatasetTable::ALL.iter().map(|t| t.name()).collect();
            PyValueError::new_err(format!(
                "no table `{name}`; the tables are {}",
                names.join(", ")
            ))
        })
}

/// The long form of `docs` (the CLI's CSV columns) as an Arrow stream.
#[pyfunction]
fn figures(py: Python<'_>, docs: Vec<Py<NativeDocument>>) -> PyResult<ArrowStream> {
    let batch = py
        .detach(|| {
            dataset::figures_long_form(
                docs.iter()
                    .map(|d| (d.get().shown.as_str(), &d.get().output)),
            )
        })
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(ArrowStream::new(batch))
}

/// One table of the dataset (`documents`, `rows`, …) of `docs`, partition
/// columns included, as an Arrow stream.
#[pyfunction]
fn dataset_table(
    py: Python<'_>,
    name: &str,
    docs: Vec<Py<NativeDocument>>,
) -> PyResult<ArrowStream> {
    let table = table_named(name)?;
    let batch = py
        .detach(|| {
            table.batch(
                docs.iter()
                    .map(|d| (d.get().shown.as_str(), &d.get().output)),
            )
        })
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(ArrowStream::new(batch))
}

/// Writes `docs` into the Parquet dataset at `root`, replacing earlier
/// writes of the same documents.
#[pyfunction]
fn write_dataset(py: Python<'_>, root: PathBuf, docs: Vec<Py<NativeDocument>>) -> PyResult<()> {
    let shown_root = root.display().to_string();
    let written = py.detach(|| -> Result<(), (String, String)> {
        let dataset = Dataset::open(&root).map_err(|e| (shown_root.clone(), e.to_string()))?;
        for doc in &docs {
            let doc = doc.get();
            dataset
                .write(&doc.shown, &doc.output)
                .map_err(|e| (doc.shown.clone(), e.to_string()))?;
        }
        Ok(())
    });
    written.map_err(|(file, cause)| errors::other(py, &file, &cause, "dataset"))
}

/// The names of the dataset's tables, documents last.
#[pyfunction]
fn dataset_tables() -> Vec<&'static str> {
    DatasetTable::ALL.iter().map(|t| t.name()).collect()
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeDocument>()?;
    m.add_class::<ExtractMany>()?;
    m.add_class::<ArrowStream>()?;
    m.add_function(wrap_pyfunction!(extract_path, m)?)?;
    m.add_function(wrap_pyfunction!(extract_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(figures, m)?)?;
    m.add_function(wrap_pyfunction!(dataset_table, m)?)?;
    m.add_function(wrap_pyfunction!(write_dataset, m)?)?;
    m.add_function(wrap_pyfunction!(dataset_tables, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    let columns: Vec<&str> = fiscal_formats::long::COLUMNS.to_vec();
    m.add("FIGURE_COLUMNS", columns)?;
    m.add("AMOUNT_SCALE", dataset::AMOUNT_SCALE)?;
    m.add("AMOUNT_PRECISION", dataset::AMOUNT_PRECISION)?;
    Ok(())
}
