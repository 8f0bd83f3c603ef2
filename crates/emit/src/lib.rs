//! Emit stage: the recognized document → the output contract's JSON
//! (`schema/output.schema.json`), with the document's arithmetic checked
//! ([`checks`]) and files written atomically ([`write`]).
pub mod checks;
pub mod output;
pub mod write;

pub use output::{build_output, Output, Source};
