//! PDF bytes → the reader and layout stages: open, interpret every page, build
//! its blocks (the whole pipeline up to recognition). Any result or error is
//! fine; a panic, abort, hang or runaway allocation is a finding. Limits are
//! smaller than the defaults so that one input stays fast (the defaults are
//! exercised by crates/extract/tests/hostile.rs).
#![no_main]
use fiscal_layout::blocks::page_blocks;
use fiscal_reader::{fuzzing::small_limits, load_document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = load_document(data, small_limits()) {
        for page in &doc.pages {
            page_blocks(page);
        }
    }
});
