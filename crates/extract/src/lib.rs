//! Chinese government fiscal disclosure PDFs — 部门决算 (final accounts) and
//! 部门预算 (budgets) — to a normalized, validated document model.
//!
//! One call turns a PDF into an [`Output`]: every table with its kind, column
//! keys and printed header paths, rows with 功能分类/经济分类 codes, levels and
//! exact decimal amounts; the narrative outline; document metadata; and the
//! document's own arithmetic checked. Every model type is
//! `Serialize + Deserialize`, so an [`Output`] written as JSON (the project's
//! `schema/output.schema.json`) reads back into the same value.
//!
//! ```
//! # std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))?;
//! use std::path::Path;
//!
//! let out = fiscal_extract::extract_file(Path::new("testdata/lo-ruled-cut-row.pdf"))?;
//! let table = out.tables.iter().find_map(|t| t.as_grid()).expect("a grid table");
//! println!("{} ({} rows)", table.title, table.rows.len());
//! assert!(out.failed_checks().count() <= out.checks.len());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Entry points: [`extract_file`] (a path), [`extract_bytes`] (a slice),
//! [`extract_reader`] (any [`std::io::Read`], with [`Options`]). Errors
//! ([`ExtractError`]) name the file and the cause; a bad file never panics
//! the caller. [`figures`] flattens a document into one record per printed
//! amount, the long form a spreadsheet or database wants.
//!
//! Vocabulary: 功能分类 = functional classification (类/款/项 = level 1/2/3:
//! 3, 5, 7 digits), 经济分类 = economic classification (类/款: 3, 5 digits),
//! 决算 = final accounts, 预算 = budget, 行次 = printed line number of a row.
#![deny(missing_docs)]

mod error;
mod figures;
mod input;
mod options;
mod output;
mod pages;

use std::io::Read;
use std::path::Path;

use fiscal_layout::blocks::page_blocks_with;
use fiscal_reader::open_document;
use input::{Input, RELEASE_EVERY_PAGES};
use output::build_output;

pub use error::ExtractError;
pub use figures::{figures, Figure};
pub use options::Options;
pub use output::{Output, Source};
pub use pages::PageSelection;

pub use fiscal_checks::{Check, ComparedFigure, Status as CheckStatus};
pub use fiscal_layout::LayoutSettings;
pub use fiscal_reader::{LimitHit, LimitKind, Limits, ReadError};
pub use fiscal_recognize::code::Classification;
pub use fiscal_recognize::forms::FormSettings;
pub use fiscal_recognize::forms::{
    DepartmentGoals, FundRow, Funds, Goal, GoalRow, Indicator, PerformanceList, PerformanceTable,
};
pub use fiscal_recognize::RecognizeSettings;
pub use fiscal_recognize::{
    AnyTable, Column, DocumentKind, DocumentMeta, HeaderCell, HeaderLayout, LabelColumns,
    MoneyUnit, PageBox, Period, Row, Section, Table, TableKind,
};
/// Exact decimal amounts as printed (`rust_decimal`).
pub use rust_decimal::Decimal;

/// Extracts one PDF file with default [`Options`].
///
/// The output's `source.file` is the file's name; errors show the path as given.
///
/// ```
/// # std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))?;
/// use std::path::Path;
/// use fiscal_extract::{extract_file, ExtractError};
///
/// let err = extract_file(Path::new("testdata/encrypted.pdf")).unwrap_err();
/// assert!(matches!(err, ExtractError::Pdf { .. }));
/// assert!(err.to_string().starts_with("testdata/encrypted.pdf: "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn extract_file(path: &Path) -> Result<Output, ExtractError> {
    extract_file_with(path, &Options::default())
}

/// [`extract_file`] with [`Options`] (limits, tolerances, the pages to read).
///
/// ```
/// # std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))?;
/// let mut options = fiscal_extract::Options::default();
/// options.pages = Some([1].into());
/// let out = fiscal_extract::extract_file_with(std::path::Path::new("testdata/lo-unruled.pdf"), &options)?;
/// assert_eq!(out.source.pages, 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn extract_file_with(path: &Path, options: &Options) -> Result<Output, ExtractError> {
    let shown = path.display().to_string();
    let name = path
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().to_string());
    let input = Input::open(path).map_err(|source| ExtractError::Read {
        file: shown.clone(),
        source,
    })?;
    extract_named(&name, &shown, &input, options)
}

/// Extracts one PDF given its bytes, with default [`Options`]. `name` is
/// recorded as the output's `source.file` and names the file in errors.
///
/// ```
/// let err = fiscal_extract::extract_bytes("notes.txt", b"not a PDF").unwrap_err();
/// assert_eq!(err.to_string(), "notes.txt: not a PDF (no %PDF header)");
/// ```
pub fn extract_bytes(name: &str, bytes: &[u8]) -> Result<Output, ExtractError> {
    extract_named(name, name, &Input::Held(bytes), &Options::default())
}

/// Extracts one PDF read from `reader` (a pipe, a socket, an archive member).
/// At most [`Options::max_input_bytes`] are read; a longer input is an error.
///
/// ```
/// # std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))?;
/// use fiscal_extract::{extract_reader, Options};
///
/// let mut options = Options::default();
/// options.limits.max_pages = 50;
/// let file = std::fs::File::open("testdata/lo-unruled.pdf")?;
/// let out = extract_reader("lo-unruled.pdf", file, &options)?;
/// assert_eq!(out.source.file, "lo-unruled.pdf");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn extract_reader(
    name: &str,
    reader: impl Read,
    options: &Options,
) -> Result<Output, ExtractError> {
    let limit = options.max_input_bytes;
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| ExtractError::Read {
            file: name.to_string(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(ExtractError::InputTooLarge {
            file: name.to_string(),
            limit,
        });
    }
    extract_named(name, name, &Input::Read(bytes), options)
}

/// `name` is what the output's `source` records (the file name); errors show
/// `shown` (the path the user gave). Panics inside the pipeline are contained
/// and reported as errors for this file only.
fn extract_named(
    name: &str,
    shown: &str,
    input: &Input,
    options: &Options,
) -> Result<Output, ExtractError> {
    let run = || -> Result<Output, ExtractError> {
        let read_error = |source| ExtractError::Pdf {
            file: shown.to_string(),
            source,
        };
        let sha256 = input.sha256();
        // Page by page: each page's glyphs are dropped once its blocks are
        // built, and a mapped file's pages read so far are let go of now and then.
        let mut pages = open_document(input.bytes(), options.limits).map_err(read_error)?;
        let count = pages.page_count();
        let wanted = |n: u32| options.pages.as_ref().is_none_or(|set| set.contains(&n));
        // Every page asked for (or a selection naming them all) is the
        // whole document, whole-document checks included.
        let some_left_out = (1..=count as u32).any(|n| !wanted(n));
        if !(1..=count as u32).any(wanted) {
            return Err(ExtractError::NoSelectedPages {
                file: shown.to_string(),
                pages: count,
            });
        }
        let mut blocks = Vec::with_capacity(count);
        for number in 1..=count as u32 {
            if !wanted(number) {
                pages.skip_page();
                continue;
            }
            let Some(page) = pages.next() else { break };
            blocks.push(page_blocks_with(
                &page.map_err(read_error)?,
                &options.layout,
            ));
            if (number as usize).is_multiple_of(RELEASE_EVERY_PAGES) {
                input.release();
            }
        }
        input.release();
        let source = Source {
            file: name.to_string(),
            sha256,
            pages: blocks.len(),
            producer: pages.producer().map(String::from),
        };
        let title = pages.title().map(String::from);
        let warnings = pages.finish().map_err(read_error)?;
        let recognized = fiscal_recognize::recognize_blocks_with(
            blocks,
            title.as_deref(),
            warnings,
            &options.layout,
            &options.recognize,
        );
        let mut output = build_output(source, recognized);
        if some_left_out {
            whole_document_checks_skipped(&mut output);
        }
        Ok(output)
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).unwrap_or_else(|p| {
        let message = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        Err(ExtractError::Panic {
            file: shown.to_string(),
            message,
        })
    })
}

/// Checks of the document as a whole (its standard table set, its 目录)
/// cannot hold on some of its pages: reported as skipped, saying why.
fn whole_document_checks_skipped(output: &mut Output) {
    for c in output.checks.iter_mut() {
        if matches!(
            c.rule,
            fiscal_checks::Rule::TableSet | fiscal_checks::Rule::ContentsTables
        ) {
            c.status = CheckStatus::Skipped;
            c.detail = format!("only some pages were read: {}", c.detail);
        }
    }
}
