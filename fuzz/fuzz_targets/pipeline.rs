//! PDF bytes → the whole pipeline (reader, layout, recognition, checks) → the
//! output's JSON. Any result or error is fine; a panic (the library turns one
//! into an error: re-raised here), abort, hang or runaway allocation is a
//! finding.
#![no_main]
use fiscal_extract::{extract_reader, ExtractError, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut options = Options::default();
    options.limits = fiscal_reader::fuzzing::small_limits();
    match extract_reader("fuzz.pdf", data, &options) {
        Ok(out) => drop(out.to_json()),
        Err(e @ ExtractError::Panic { .. }) => panic!("{e}"),
        Err(_) => {}
    }
});
