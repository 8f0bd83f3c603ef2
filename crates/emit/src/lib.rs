//! Emit stage: the recognized document → the output contract's JSON
//! (`schema/output.schema.json`), with the document's arithmetic checked
//! ([`checks`]).
pub mod checks;
mod output;

pub use output::{build_output, Output, Source};
