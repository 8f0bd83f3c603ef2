//! Reading page by page: the same pages as loading them all, a limit hit
//! reported once and then the end, and no text found only at the end.
use std::path::PathBuf;

use fiscal_reader::{load_document, open_document, LimitKind, Limits, ReadError};

fn testdata(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata")
        .join(name);
    std::fs::read(path).unwrap()
}

#[test]
fn pages_one_by_one_are_the_pages_loaded_at_once() {
    let bytes = testdata("lo-ruled-cut-row.pdf");
    let all = load_document(&bytes, Limits::default()).unwrap();
    let mut pages = open_document(&bytes, Limits::default()).unwrap();
    assert_eq!(pages.page_count(), all.pages.len());
    assert_eq!(pages.producer(), all.producer.as_deref());
    for (i, page) in pages.by_ref().enumerate() {
        let page = page.unwrap();
        assert_eq!(page.number as usize, i + 1);
        assert_eq!(page.glyphs, all.pages[i].glyphs);
        assert_eq!(page.segments, all.pages[i].segments);
    }
    assert_eq!(pages.finish().unwrap(), all.warnings);
}

#[test]
fn a_limit_hit_is_reported_once_then_reading_stops() {
    let bytes = testdata("lo-ruled-cut-row.pdf");
    let limits = Limits {
        max_operators: 100,
        ..Limits::default()
    };
    let mut pages = open_document(&bytes, limits).unwrap();
    match pages.next() {
        Some(Err(ReadError::LimitExceeded(hit))) => assert_eq!(hit.kind, LimitKind::Operators),
        other => panic!("{:?}", other.map(|p| p.map(|p| p.number))),
    }
    assert!(pages.next().is_none());
}

#[test]
fn no_text_is_known_after_the_last_page() {
    // The variant page with its font resource renamed (same length, offsets
    // hold): its text is drawn in no font; a ruling, no glyphs.
    let mut no_font = testdata("variants/plain.pdf");
    let at = no_font.windows(9).position(|w| w == b"/F1 5 0 R").unwrap();
    no_font[at + 2] = b'2';
    let mut pages = open_document(&no_font, Limits::default()).unwrap();
    let page = pages.next().unwrap().unwrap();
    assert!(page.glyphs.is_empty() && !page.segments.is_empty());
    assert!(pages.next().is_none());
    assert!(matches!(pages.finish(), Err(ReadError::NoText)));
}
