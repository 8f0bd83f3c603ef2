//! Errors of the reader stage. The facade adds the file name.
use thiserror::Error;

use crate::limits::LimitHit;

#[derive(Debug, Error)]
pub enum ReadError {
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
    /// A resource limit of [`Limits`](crate::Limits) was hit: the file is
    /// hostile (a compression bomb, a drawing repeated millions of times) or
    /// far outside what the limits were set for.
    #[error("the PDF exceeds the limit of {0} (hostile or damaged file?)")]
    LimitExceeded(LimitHit),
    #[error("the PDF has no pages")]
    NoPages,
    #[error("the PDF has no text layer (scanned images only?); OCR it first")]
    NoText,
}
