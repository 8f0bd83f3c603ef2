//! Reader stage: PDF bytes → pages of positioned glyphs and ruling segments,
//! under resource limits.
//!
//! # Coordinates
//! Everything this crate returns is in **page space**: points (1/72 inch),
//! origin at the *top-left* corner of the page's crop box, `x` growing to the
//! right and `y` growing **downward** (reading order). The interpreter converts
//! PDF user space (origin bottom-left, `y` up) once, applying the page's
//! `/Rotate`, so that no later stage has to think about it.
//!
//! Modules, in the order data flows through them:
//! - `limits`: resource [`Limits`] per document and the usage counted against them.
//! - `objects`: the PDF's objects, parsed lazily as pages reach them; streams
//!   decoded within the limits.
//! - `page_dict`: a page dictionary's space, content and resources.
//! - `document`: a PDF read page by page under those limits, one [`Page`] each.
//! - `font`: decode character codes to Unicode and advance widths (fonts are
//!   decoded once per document).
//! - `lexer`: a content stream's operators and operands, read in place.
//! - `matrix`: the affine matrices of content streams.
//! - `interpret`: run a page's content stream, emitting glyphs and rulings.
//!
//! What the pages become (lines, grids, blocks) is the layout stage's
//! (`fiscal-layout`).

mod document;
mod error;
mod font;
#[cfg(any(test, feature = "fuzzing"))]
#[doc(hidden)]
pub mod fuzzing;
mod interpret;
mod lexer;
mod limits;
mod matrix;
mod objects;
mod page;
mod page_dict;
pub(crate) mod syntax;

pub use document::{load_document, open_document, Document, Pages};
pub use error::ReadError;
pub use limits::{LimitHit, LimitKind, Limits};
pub use page::{Glyph, Page, Segment};
