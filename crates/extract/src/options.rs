//! The knobs a caller may set for one extraction.
use std::collections::BTreeSet;

use fiscal_layout::LayoutSettings;
use fiscal_reader::Limits;
use fiscal_recognize::RecognizeSettings;

/// Settings of one extraction; [`Options::default`] suits any disclosure.
///
/// ```
/// let mut options = fiscal_extract::Options::default();
/// options.limits.max_pages = 200; // read at most 200 pages
/// options.max_input_bytes = 100 << 20; // refuse inputs over 100 MiB
/// options.layout.chunk_gap = 0.8; // split lines into runs at wider gaps only
/// options.recognize.cell_in_column = 0.5; // a cell must cover half a column
/// options.pages = Some((3..=12).collect()); // read pages 3 to 12 only
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Resource bounds of the PDF reader (decompressed sizes, pages, …) that
    /// keep a hostile file from exhausting memory or time.
    pub limits: Limits,
    /// The layout stage's tolerances (lines, ruled and aligned grids, page
    /// furniture); the defaults are tuned on the corpus.
    pub layout: LayoutSettings,
    /// The recognition stage's tolerances (titles, rows, outline, forms).
    pub recognize: RecognizeSettings,
    /// The most bytes [`extract_reader`](crate::extract_reader) reads.
    pub max_input_bytes: u64,
    /// The 1-based pages to read; the others are passed over without being
    /// interpreted. `None` reads every page.
    pub pages: Option<BTreeSet<u32>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default(),
            layout: LayoutSettings::default(),
            recognize: RecognizeSettings::default(),
            max_input_bytes: 1 << 30,
            pages: None,
        }
    }
}
