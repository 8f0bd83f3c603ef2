//! Following tables through the page sequence: a title opens a table, its
//! unit line gives entity and money unit, grids fill it (a grid at the head of
//! the next page continues it, its repeated header rows dropped and a row cut
//! by the page break stitched), notes close it. Everything else is narrative.
//!
//! [`decide`] holds the decisions (does a grid continue the open table, is a
//! title the open table's printed again, is a line a note), [`walk`] acts on
//! them block by block and records each in a [`trace`] (what `extract
//! --debug-layout` shows beside each page); [`table`] is a table while it is
//! assembled, [`form`] a 绩效 form's pieces.
mod chart;
mod decide;
mod form;
mod table;
#[cfg(test)]
mod tests;
pub mod trace;
mod walk;

pub use walk::{assemble, assemble_traced, Assembled};
