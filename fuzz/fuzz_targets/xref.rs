//! PDF bytes → cross-reference data (tables, streams, `/Prev` chains, repair
//! by scanning), trailer, encryption and page tree; no page is interpreted.
#![no_main]
use fiscal_reader::{fuzzing::small_limits, open_document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(pages) = open_document(data, small_limits()) {
        let _ = (pages.page_count(), pages.producer(), pages.title());
    }
});
