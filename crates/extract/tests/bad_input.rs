//! Bad input gets a one-line error naming the file and the cause, never a panic.
mod common;
use common::{one_page_pdf, save_one_page, testdata};

use fiscal_extract::{extract_bytes, extract_file, ExtractError};
use fiscal_reader::{load_document, LimitKind, Limits, ReadError};
use lopdf::{dictionary, Document, Object, Stream};

fn error_text(name: &str, bytes: &[u8]) -> String {
    match extract_bytes(name, bytes) {
        Ok(_) => panic!("{name} was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn not_a_pdf() {
    let msg = error_text("notes.txt", b"just some text, not a PDF at all");
    assert!(
        msg.starts_with("notes.txt: ") && msg.contains("not a PDF"),
        "{msg}"
    );
    assert!(!msg.contains('\n'));
}

#[test]
fn truncated_pdf() {
    let bytes = std::fs::read(testdata("lo-ruled-cut-row.pdf")).unwrap();
    for cut in [bytes.len() / 50, bytes.len() / 3] {
        let msg = error_text("cut.pdf", &bytes[..cut]);
        assert!(
            msg.starts_with("cut.pdf: ") && msg.contains("truncated"),
            "{msg}"
        );
    }
}

#[test]
fn encrypted_pdf() {
    let err = extract_file(&testdata("encrypted.pdf")).unwrap_err();
    let msg = err.to_string();
    assert!(
        matches!(
            err,
            ExtractError::Pdf {
                source: ReadError::Encrypted,
                ..
            }
        ),
        "{msg}"
    );
    assert!(
        msg.contains("encrypted.pdf") && msg.contains("encrypted"),
        "{msg}"
    );
}

#[test]
fn missing_file() {
    let msg = extract_file(&testdata("no-such-file.pdf"))
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("no-such-file.pdf") && msg.contains("cannot read"),
        "{msg}"
    );
}

#[test]
fn no_text_layer() {
    let pdf = one_page_pdf(
        Stream::new(dictionary! {}, b"0 0 m 100 100 l S".to_vec()),
        dictionary! {},
    );
    let msg = error_text("scan.pdf", &pdf);
    assert!(msg.contains("no text layer"), "{msg}");
}

#[test]
fn compression_bomb_is_refused() {
    let mut stream = Stream::new(dictionary! {}, vec![b' '; 8 << 20]);
    stream.compress().unwrap();
    assert!(stream.content.len() < 100_000);
    let pdf = one_page_pdf(stream, dictionary! {});
    let limits = Limits {
        max_stream_bytes: 1 << 20,
        ..Limits::default()
    };
    let err = load_document(&pdf, limits).unwrap_err();
    assert!(
        matches!(err, ReadError::LimitExceeded(hit) if hit.kind == LimitKind::StreamBytes),
        "{err}"
    );
}

#[test]
fn hostile_form_recursion_terminates() {
    // A form XObject that draws itself.
    let mut doc = Document::with_version("1.7");
    let form_id = doc.new_object_id();
    let font = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" };
    let form = Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
        "Resources" => dictionary! { "XObject" => dictionary! { "X" => form_id }, "Font" => dictionary! { "F" => font.clone() } } },
        b"BT /F 10 Tf 1 1 Td (a) Tj ET /X Do".to_vec(),
    );
    doc.objects.insert(form_id, Object::Stream(form));
    let page_content = Stream::new(dictionary! {}, b"/X Do".to_vec());
    let pdf = save_one_page(
        doc,
        page_content,
        dictionary! { "XObject" => dictionary! { "X" => form_id } },
    );
    let layout = load_document(&pdf, Limits::default()).unwrap();
    // Bounded nesting: one glyph per level, no more.
    assert!(layout.pages[0].glyphs.len() <= 16);
}

/// A non-embedded CJK font with the predefined GBK-EUC-H CMap and no ToUnicode
/// (pdf-extract 0.12 panics on these): decoded through Adobe-GB1.
#[test]
fn gbk_euc_h_font_without_to_unicode() {
    let font = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "SimSun", "Encoding" => "GBK-EUC-H",
        "DescendantFonts" => vec![Object::Dictionary(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "SimSun",
            "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("GB1"), "Supplement" => 2 },
        })],
    };
    // "合计 12.50" in GBK: BA CF BC C6, then ASCII.
    let content = b"BT /F1 12 Tf 72 700 Td <BACFBCC6> Tj 100 0 Td (12.50) Tj ET".to_vec();
    let pdf = one_page_pdf(
        Stream::new(dictionary! {}, content),
        dictionary! { "Font" => dictionary! { "F1" => font } },
    );
    let layout = load_document(&pdf, Limits::default()).unwrap();
    let text: String = layout.pages[0].glyphs.iter().map(|g| g.ch).collect();
    assert_eq!(text, "合计12.50");
}
