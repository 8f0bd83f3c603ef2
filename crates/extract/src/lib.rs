//! The whole pipeline for one file, with errors that name the file and cause.
use std::path::Path;

use fiscal_emit::{build_output, Output, Source};
use fiscal_layout::{load_document, LayoutError, Limits};

#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("{file}: cannot read: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: {source}")]
    Layout { file: String, source: LayoutError },
    #[error("{file}: internal error while extracting ({message}); please report this file")]
    Panic { file: String, message: String },
}

/// Extracts one PDF given its bytes. Panics inside the pipeline are contained
/// and reported as errors for this file only.
pub fn extract_bytes(file: &str, bytes: &[u8]) -> Result<Output, ExtractError> {
    extract_named(file, file, bytes)
}

pub fn extract_file(path: &Path) -> Result<Output, ExtractError> {
    let shown = path.display().to_string();
    let name = path
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().to_string());
    let bytes = std::fs::read(path).map_err(|source| ExtractError::Read {
        file: shown.clone(),
        source,
    })?;
    extract_named(&name, &shown, &bytes)
}

/// `name` is what the output's `source` records (the file name); errors show
/// `shown` (the path the user gave).
fn extract_named(name: &str, shown: &str, bytes: &[u8]) -> Result<Output, ExtractError> {
    let run = || -> Result<Output, ExtractError> {
        let layout =
            load_document(bytes, Limits::default()).map_err(|source| ExtractError::Layout {
                file: shown.to_string(),
                source,
            })?;
        let source = Source::new(name, bytes, layout.pages.len(), layout.producer.clone());
        let recognized = fiscal_recognize::recognize(&layout);
        Ok(build_output(source, recognized))
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(r) => r,
        Err(p) => {
            let message = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_string());
            Err(ExtractError::Panic {
                file: shown.to_string(),
                message,
            })
        }
    }
}
