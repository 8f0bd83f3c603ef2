//! Layout stage: PDF bytes → pages of positioned glyphs and ruling segments →
//! text lines and cell grids.
//!
//! # Coordinates
//! Everything this crate returns is in **page space**: points (1/72 inch),
//! origin at the *top-left* corner of the page's crop box, `x` growing to the
//! right and `y` growing **downward** (reading order). The interpreter converts
//! PDF user space (origin bottom-left, `y` up) once, applying the page's
//! `/Rotate`, so that no later stage has to think about it.
//!
//! Modules, in the order data flows through them:
//! - `budget`: resource [`Limits`] per document and the account kept against them.
//! - `objects`: the PDF's objects, parsed lazily as pages reach them; streams
//!   decoded under the budget.
//! - `page_dict`: a page dictionary's space, content and resources.
//! - `document`: a PDF read page by page under those limits, one [`Page`] each.
//! - `font`: decode character codes to Unicode and advance widths (fonts are
//!   decoded once per document).
//! - `lexer`: a content stream's operators and operands, read in place.
//! - `interpret`: run a page's content stream, emitting glyphs and rulings.
//! - `normalize`: map Kangxi radicals / compatibility ideographs and full-width
//!   ASCII to the characters a reader means.
//! - [`lines`]: glyphs → text lines → chunks (runs of text separated by gaps or rulings).
//! - [`grid`]: ruling segments → ruled cell grids.
//! - [`align`]: unruled tables → cell grids from text alignment.
//! - [`blocks`]: a page as reading-order lines and grids, page furniture removed.
//! - [`svg`]: any page drawn with what was found on it (`extract --debug-layout`).

pub mod align;
pub mod blocks;
mod budget;
mod document;
mod error;
mod font;
pub mod geometry;
pub mod grid;
mod interpret;
mod lexer;
pub mod lines;
mod normalize;
mod objects;
mod page;
mod page_dict;
pub mod svg;
pub(crate) mod syntax;

pub use budget::{LimitHit, LimitKind, Limits};
pub use document::{load_document, open_document, LayoutDocument, Pages};
pub use error::LayoutError;
pub use page::{Glyph, Page, Segment};
