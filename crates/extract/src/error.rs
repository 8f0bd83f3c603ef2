//! What can go wrong with one input file; every message names the file.
use fiscal_reader::ReadError;

/// Why one file could not be extracted. The `Display` form is one line,
/// `FILE: cause`, fit to show a user as it is.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// The file (or reader) could not be read.
    #[error("{file}: cannot read: {source}")]
    Read {
        /// The file as the caller named it.
        file: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The input is longer than [`Options::max_input_bytes`](crate::Options::max_input_bytes).
    #[error("{file}: the input exceeds the limit of {limit} bytes")]
    InputTooLarge {
        /// The file as the caller named it.
        file: String,
        /// The limit in force.
        limit: u64,
    },
    /// The PDF could not be opened or has nothing to extract: not a PDF,
    /// truncated, encrypted, damaged, over a resource limit, no text layer.
    #[error("{file}: {source}")]
    Pdf {
        /// The file as the caller named it.
        file: String,
        /// The reader's reason.
        source: ReadError,
    },
    /// [`Options::pages`](crate::Options::pages) names no page the document has.
    #[error("{file}: none of the pages asked for is in the document ({pages} pages)")]
    NoSelectedPages {
        /// The file as the caller named it.
        file: String,
        /// The pages the document has.
        pages: usize,
    },
    /// A bug met on this file; the pipeline contained it.
    #[error("{file}: internal error while extracting ({message}); please report this file")]
    Panic {
        /// The file as the caller named it.
        file: String,
        /// The panic's message.
        message: String,
    },
}
