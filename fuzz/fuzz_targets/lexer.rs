//! Content-stream bytes → the lexer, every operand decoded as the interpreter
//! would. A panic, hang or runaway allocation is a finding.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fiscal_reader::fuzzing::lex(data);
});
