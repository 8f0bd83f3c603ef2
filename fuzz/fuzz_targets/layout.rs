//! Bytes → the reader and layout stages: load, interpret every page, build its blocks.
//! Any result or error is fine; a panic, abort, hang or runaway allocation is
//! a finding. Limits are smaller than the defaults so that one input stays
//! fast (the defaults are exercised by crates/extract/tests/hostile.rs).
#![no_main]
use fiscal_layout::blocks::page_blocks;
use fiscal_reader::{load_document, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_stream_bytes: 4 << 20,
        max_decompressed_bytes: 16 << 20,
        max_operators: 200_000,
        max_glyphs: 100_000,
        max_page_glyphs: 20_000,
        max_page_segments: 20_000,
        max_objects: 100_000,
        max_fonts: 200,
        max_pages: 50,
        // Deterministic runs: no wall clock.
        deadline: None,
    };
    if let Ok(doc) = load_document(data, limits) {
        for page in &doc.pages {
            page_blocks(page);
        }
    }
});
