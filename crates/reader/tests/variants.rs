//! One page written every way a reader must handle (testdata/variants, made by
//! tools/make_test_pdfs.py): classic and stream cross-references, object
//! streams, a hybrid file, wrong offsets, no cross-reference at all, an
//! incremental update, encryption with an empty user password. Each must give
//! the page of the plain file exactly.
use std::path::PathBuf;

use fiscal_reader::{load_document, Limits, Page};

fn page(name: &str) -> Page {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/variants")
        .join(format!("{name}.pdf"));
    let bytes = std::fs::read(&path).unwrap();
    let mut doc =
        load_document(&bytes, Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(doc.pages.len(), 1, "{name}");
    doc.pages.remove(0)
}

#[test]
fn plain_page_reads_as_written() {
    let p = page("plain");
    let text: String = p.glyphs.iter().map(|g| g.ch).collect();
    assert_eq!(text, "Hello, hostile world");
    // 12 pt Helvetica from x = 72 at y = 720 (page space: 792 - 720 = 72 down).
    assert_eq!((p.glyphs[0].x, p.glyphs[0].baseline), (72.0, 72.0));
    assert_eq!(p.segments.len(), 1);
}

#[test]
fn every_structure_gives_the_same_page() {
    let plain = page("plain");
    for name in [
        "xref-stream",
        "object-streams",
        "hybrid",
        "wrong-offsets",
        "no-xref",
        "incremental-update",
        "encrypted-rc4-40",
        "encrypted-rc4-128",
        "encrypted-aes-128",
        "encrypted-aes-256",
    ] {
        let p = page(name);
        assert_eq!(p.glyphs, plain.glyphs, "{name}");
        assert_eq!(p.segments, plain.segments, "{name}");
    }
}
