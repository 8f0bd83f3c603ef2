//! Bytes → the object parser: direct objects in sequence, and every indirect
//! object a rebuilt cross-reference table would find.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fiscal_reader::fuzzing::parse_objects(data);
});
