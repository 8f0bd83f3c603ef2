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

/// How many figures the grid tables of `out` hold.
fn filled_cells(out: &Output) -> usize {
    out.tables
        .iter()
        .filter_map(|t| t.as_grid())
        .flat_map(|t| &t.rows)
        .flat_map(|r| r.values.values())
        .filter(|v| v.is_some())
        .count()
}

#[test]
fn stage_settings_reach_the_pipeline_through_the_options() {
    let path = testdata("lo-ruled-cut-row.pdf");
    let read = |options: &Options| {
        extract_reader("x.pdf", std::fs::File::open(&path).unwrap(), options).unwrap()
    };
    let plain = read(&Options::default());
    assert!(filled_cells(&plain) > 0);
    // Rulings this long are no ruling, and a line is one run of text however
    // wide its gaps: no grid is found, ruled or aligned.
    let mut options = Options::default();
    options.layout.min_ruling = 10_000.0;
    let unruled = filled_cells(&read(&options));
    assert!(unruled > 0, "the aligned reading takes over");
    options.layout.chunk_gap = 1_000.0;
    options.layout.header_gap = 1_000.0;
    assert_eq!(filled_cells(&read(&options)), 0);
}

/// Every heading of the outline, depth first.
fn headings(sections: &[fiscal_extract::Section], out: &mut Vec<String>) {
    for s in sections {
        out.push(s.heading.clone());
        headings(&s.children, out);
    }
}

#[test]
fn recognition_settings_reach_the_outline_through_the_options() {
    let path = testdata("lo-narrative-form.pdf");
    let read = |options: &Options| {
        let out = extract_reader("x.pdf", std::fs::File::open(&path).unwrap(), options).unwrap();
        let mut all = Vec::new();
        headings(&out.sections, &mut all);
        all.retain(|h| !h.is_empty());
        all
    };
    let plain = read(&Options::default());
    assert!(plain.iter().any(|h| !h.starts_with('第')), "{plain:?}");
    // No numbered line is short enough to be a heading: only the 第X部分
    // part titles, headings by their words alone, are left.
    let mut options = Options::default();
    options.recognize.max_heading_chars = 0;
    options.recognize.max_wrapped_heading_chars = 0;
    let parts = read(&options);
    assert!(
        !parts.is_empty() && parts.iter().all(|h| h.starts_with('第')),
        "{parts:?}"
    );
}

#[test]
fn only_the_pages_asked_for_are_read() {
    let bytes = std::fs::read(testdata("lo-ruled-cut-row.pdf")).unwrap();
    let whole = extract_reader("cut.pdf", bytes.as_slice(), &Options::default()).unwrap();
    assert_eq!(whole.source.pages, 2);
    let mut options = Options::default();
    options.pages = Some([2].into());
    let second = extract_reader("cut.pdf", bytes.as_slice(), &options).unwrap();
    assert_eq!(second.source.pages, 1);
    let pages: Vec<u32> = second
        .tables
        .iter()
        .filter_map(|t| t.as_grid())
        .flat_map(|t| t.pages.clone())
        .collect();
    assert!(
        !pages.is_empty() && pages.iter().all(|&p| p == 2),
        "{pages:?}"
    );
    // Naming every page (and more) reads the whole document, checks and all.
    options.pages = Some([1, 2, 7].into());
    let all = extract_reader("cut.pdf", bytes.as_slice(), &options).unwrap();
    assert_eq!(
        serde_json::to_value(&all).unwrap(),
        serde_json::to_value(&whole).unwrap()
    );
    options.pages = Some([3, 40].into());
    let err = extract_reader("cut.pdf", bytes.as_slice(), &options).unwrap_err();
    assert!(matches!(
        err,
        ExtractError::NoSelectedPages { pages: 2, .. }
    ));
    assert_eq!(
        err.to_string(),
        "cut.pdf: none of the pages asked for is in the document (2 pages)"
    );
}
