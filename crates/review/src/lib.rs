//! The review report: one self-contained HTML file per document for a person
//! who must decide, check by check, whether the document or the extraction is
//! wrong. Failed checks come first, each beside its page drawn from what was
//! read (glyphs and rulings) with the compared figures outlined; then every
//! table as printed, where a click on a figure shows it on its page.
//!
//! Safe to open: every text from the PDF is escaped ([`markup`]), the only
//! script is the report's own, and a Content-Security-Policy allows that
//! script and style by their hashes and forbids loading anything.
//! [`index`] writes the page listing the documents of a batch.
mod boxes;
mod checks_part;
mod drawing;
mod index;
pub mod markup;
mod page;
mod tables_part;

pub use drawing::PageDrawing;
pub use index::{index, IndexEntry};
pub use page::{document, pages_to_draw};

/// The fonts Chinese text is drawn in, the first the system has: the same
/// stack as `extract --debug-layout`'s SVG.
pub const CJK_FONTS: &str = fiscal_layout::svg::CJK_FONT_STACK;
