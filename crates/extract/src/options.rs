//! The knobs a caller may set for one extraction.
use fiscal_reader::Limits;

/// Settings of one extraction; [`Options::default`] suits any disclosure.
///
/// ```
/// let mut options = fiscal_extract::Options::default();
/// options.limits.max_pages = 200; // read at most 200 pages
/// options.max_input_bytes = 100 << 20; // refuse inputs over 100 MiB
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Resource bounds of the PDF reader (decompressed sizes, pages, …) that
    /// keep a hostile file from exhausting memory or time.
    pub limits: Limits,
    /// The most bytes [`extract_reader`](crate::extract_reader) reads.
    pub max_input_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default(),
            max_input_bytes: 1 << 30,
        }
    }
}
