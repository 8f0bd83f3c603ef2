//! Layout stage: pages of glyphs and rulings (from `fiscal-reader`) → text
//! lines and cell grids → a page's blocks in reading order.
//!
//! Coordinates are the reader's page space: points, origin top-left, `y`
//! growing downward (see `fiscal-reader`).
//!
//! Modules, in the order data flows through them:
//! - `normalize`: map Kangxi radicals / compatibility ideographs and full-width
//!   ASCII to the characters a reader means.
//! - [`geometry`]: interval overlap, by which columns, cells and runs are matched.
//! - [`lines`]: glyphs → text lines → chunks (runs of text separated by gaps or rulings).
//! - [`grid`]: ruling segments → ruled cell grids.
//! - [`align`]: unruled tables → cell grids from text alignment.
//! - [`blocks`]: a page as reading-order lines and grids, page furniture removed.
//! - [`svg`]: any page drawn with what was found on it (`extract --debug-layout`).
//!
//! Every tolerance these modules use is a field of [`LayoutSettings`].

pub mod align;
pub mod blocks;
pub mod geometry;
pub mod grid;
pub mod lines;
mod normalize;
pub mod settings;
pub mod svg;

pub use settings::LayoutSettings;
