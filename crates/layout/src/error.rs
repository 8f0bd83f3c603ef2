//! Errors of the layout stage. The CLI adds the file name.
use thiserror::Error;

#[derive(Debug, Error)]
pub enum LayoutError {
    #[error("not a PDF (no %PDF header)")]
    NotPdf,
    #[error("the PDF is encrypted and cannot be opened without a password")]
    Encrypted,
    #[error(
        "the PDF is truncated (no %%EOF marker at its end): the download or copy is incomplete"
    )]
    Truncated,
    #[error("the PDF is damaged: {0}")]
    Damaged(String),
    #[error("a stream exceeds the decompression limit of {limit} bytes (compression bomb?)")]
    TooLarge { limit: usize },
    #[error("the PDF has no pages")]
    NoPages,
    #[error("the PDF has no text layer (scanned images only?); OCR it first")]
    NoText,
}
