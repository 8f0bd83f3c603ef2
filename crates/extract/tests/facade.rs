//! The library as users link it: every output reads back from its JSON
//! unchanged (all model types are `Serialize + Deserialize`), and the
//! reader entry point honours its options.
mod common;
use common::testdata;

use fiscal_extract::{extract_file, extract_reader, ExtractError, Options, Output};

#[test]
fn every_sample_output_reads_back_from_its_json() {
    for name in [
        "lo-narrative-form.pdf",
        "lo-unruled.pdf",
        "seed-chrome-ruled.pdf",
        "seed-performance.pdf",
    ] {
        let out = extract_file(&testdata(name)).unwrap();
        let json = out.to_json();
        let back: Output = serde_json::from_str(&json).unwrap();
        assert_eq!(back.to_json(), json, "{name}");
    }
}

#[test]
fn the_reader_stops_at_the_input_limit() {
    let path = testdata("lo-ruled-cut-row.pdf");
    let size = std::fs::metadata(&path).unwrap().len();
    let mut options = Options::default();
    options.max_input_bytes = size - 1;
    let err = extract_reader("cut.pdf", std::fs::File::open(&path).unwrap(), &options).unwrap_err();
    assert!(matches!(err, ExtractError::InputTooLarge { .. }));
    assert_eq!(
        err.to_string(),
        format!("cut.pdf: the input exceeds the limit of {} bytes", size - 1)
    );
    options.max_input_bytes = size;
    let out = extract_reader("whole.pdf", std::fs::File::open(&path).unwrap(), &options).unwrap();
    assert_eq!(out.source.file, "whole.pdf");
}
