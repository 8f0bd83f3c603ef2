//! An array's text → a composite font's `/W` or a simple font's `/Widths`,
//! then codes decoded for their advances.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fiscal_reader::fuzzing::widths(data);
});
