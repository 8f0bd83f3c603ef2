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

/// A page drawing form X1, where each form Xk draws X(k+1) ten times and the
/// last shows one letter: 11,111 form invocations of six small streams.
fn form_fan_out() -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /XObject << /X1 6 0 R >> /Font << /F1 5 0 R >> >> >>"
            .to_string(),
    ];
    let stream = |dict: &str, data: &str| {
        format!(
            "<< {dict} /Length {} >>\nstream\n{data}\nendstream",
            data.len()
        )
    };
    objects.push(stream("", "/X1 Do"));
    objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string());
    for k in 1..=5 {
        let (data, xobjects) = if k < 5 {
            (
                "q /X Do Q ".repeat(10),
                format!("/XObject << /X {} 0 R >>", 6 + k),
            )
        } else {
            ("BT /F1 1 Tf (a) Tj ET".to_string(), String::new())
        };
        let dict = format!(
            "/Type /XObject /Subtype /Form /BBox [0 0 1 1] \
             /Resources << {xobjects} /Font << /F1 5 0 R >> >>"
        );
        objects.push(stream(&dict, &data));
    }
    let mut pdf = String::from("%PDF-1.7\n");
    for (i, o) in objects.iter().enumerate() {
        pdf.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    pdf.push_str("trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    pdf.into_bytes()
}

/// A form drawn many times is decoded once per page, not once per drawing:
/// its bytes count once against the decompression limit, and the time taken
/// is the interpreting (a fuzzed 2 KB file of such forms took 2 s of CPU).
#[test]
fn a_form_drawn_many_times_is_decoded_once() {
    let limits = Limits {
        max_decompressed_bytes: 4096,
        ..Limits::default()
    };
    let doc = load_document(&form_fan_out(), limits).unwrap();
    assert_eq!(doc.pages[0].glyphs.len(), 10_000);
}

/// Pages, each with resources of its own (a font and 200 named colour
/// spaces, in an object of their own), with a cross-reference table.
fn pages_with_own_resources(pages: usize) -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        String::new(), // the page tree, written once the kids are known
    ];
    let mut kids = Vec::new();
    let spaces: String = (0..200).map(|i| format!("/C{i} /DeviceRGB ")).collect();
    for p in 0..pages {
        let content = format!("BT /F1 12 Tf 72 700 Td (page {p}) Tj ET");
        let first = objects.len() + 1;
        kids.push(format!("{first} 0 R"));
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {} 0 R \
             /Resources {} 0 R >>",
            first + 1,
            first + 2
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ));
        objects.push(format!(
            "<< /Font << /F1 {} 0 R >> /ColorSpace << {spaces} >> >>",
            first + 3
        ));
        objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string());
    }
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {pages} >>",
        kids.join(" ")
    );
    let mut pdf = String::from("%PDF-1.7\n");
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    let xref = pdf.len();
    pdf.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for at in offsets {
        pdf.push_str(&format!("{at:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    pdf.into_bytes()
}

#[test]
fn objects_of_a_page_are_let_go_of_before_the_next() {
    // 300 pages of ~230 values each (69,000 in all); the page tree's walk
    // holds ~5,000 at once (every page dictionary), a page ~250.
    let bytes = pages_with_own_resources(300);
    let limits = Limits {
        max_objects: 10_000,
        ..Limits::default()
    };
    let doc = load_document(&bytes, limits).unwrap();
    assert_eq!(doc.pages.len(), 300);
    assert!(doc.pages.iter().all(|p| p.glyphs.len() >= 5));
}
