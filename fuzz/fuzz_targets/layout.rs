//! Synthetic pages (glyphs and rulings in the compact form of src/lib.rs) →
//! the layout stage: lines, ruled and aligned grids, blocks. Any result is
//! fine; a panic, hang or runaway allocation is a finding.
#![no_main]
use fiscal_layout::blocks::page_blocks;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    page_blocks(&fiscal_fuzz::decode(data));
});
