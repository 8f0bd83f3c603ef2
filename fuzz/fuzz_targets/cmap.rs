//! A CMap stream → a composite font's `/ToUnicode` or embedded `/Encoding`
//! (hayro-cmap's parser and our use of it), then codes decoded through it.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fiscal_reader::fuzzing::cmap(data);
});
