//! Text under a clip: a glyph drawn outside the clipping area is hidden, and
//! it carries the point of the clip nearest to it (the cell it belongs to).
use fiscal_reader::{load_document, Limits};

/// One page: the same text shown under a 40 pt wide clip and with no clip.
fn clipped_text() -> Vec<u8> {
    let content = "q 100 700 40 20 re W n BT /F1 10 Tf 102 705 Td (ABCDEFGHIJKL) Tj ET Q \
                   BT /F1 10 Tf 102 650 Td (ABCDEFGHIJKL) Tj ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut pdf = String::from("%PDF-1.7\n");
    for (i, o) in objects.iter().enumerate() {
        pdf.push_str(&format!("{} 0 obj\n{o}\nendobj\n", i + 1));
    }
    pdf.push_str("trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    pdf.into_bytes()
}

#[test]
fn glyphs_outside_their_clip_are_anchored_inside_it() {
    let doc = load_document(&clipped_text(), Limits::default()).unwrap();
    let glyphs = &doc.pages[0].glyphs;
    assert_eq!(glyphs.len(), 24);
    // Page space is y down: the clip spans x 100–140, y 72–92.
    let (clipped, free) = glyphs.split_at(12);
    for g in clipped {
        match g.clip_anchor {
            None => assert!(g.center_x() <= 140.0, "{} at {}", g.ch, g.x),
            Some((x, y)) => {
                assert!(g.center_x() > 140.0, "{} at {}", g.ch, g.x);
                assert!((100.0..140.0).contains(&x) && (72.0..92.0).contains(&y));
                assert_eq!(g.anchor(), (x, y));
            }
        }
    }
    assert!(clipped[0].clip_anchor.is_none());
    assert!(clipped[11].clip_anchor.is_some());
    // After Q the clip is gone.
    assert!(free.iter().all(|g| g.clip_anchor.is_none()));
}
