//! The report of a PDF whose texts are markup and script shows them as text,
//! runs only its own script and loads nothing.
use std::path::PathBuf;

use fiscal_review::{document, pages_to_draw, PageDrawing};

fn testdata(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata")
        .join(name)
}

#[test]
fn pdf_texts_are_escaped_and_nothing_is_loaded() {
    let path = testdata("hostile-text.pdf");
    let out = fiscal_extract::extract_file(&path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let doc = fiscal_reader::load_document(&bytes, Default::default()).unwrap();
    let wanted = pages_to_draw(&out);
    let drawings: Vec<PageDrawing> = doc
        .pages
        .iter()
        .filter(|p| wanted.contains(&p.number))
        .map(PageDrawing::of)
        .collect();
    let html = document(&out, &drawings);
    // The PDF's markup is text: never an element, never an attribute.
    for raw in ["<script>alert", "<img", "<b onmouseover", "<b "] {
        let as_markup = html.match_indices(raw).count();
        assert_eq!(as_markup, 0, "{raw} appears as markup");
    }
    assert!(html.contains("&lt;script&gt;alert(&#39;cell&#39;)&lt;/script&gt;"));
    assert!(html.contains("javascript:alert(&#39;paragraph&#39;)") || !html.contains("paragraph"));
    // Exactly two scripts: the page data (not run) and the report's own.
    assert_eq!(html.matches("<script").count(), 2);
    assert!(html.contains(r#"<script type="application/json" id="pages-data">"#));
    // A policy that forbids loading anything and allows only hashed code.
    let csp = html
        .split("Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a CSP");
    for directive in [
        "default-src 'none'",
        "img-src 'none'",
        "connect-src 'none'",
        "script-src 'sha256-",
    ] {
        assert!(csp.contains(directive), "{directive} in {csp}");
    }
    assert!(!csp.contains("unsafe"), "{csp}");
    // No reference to anything outside the file.
    for outside in ["href=\"http", "src=\"", "src='", "url(", "@import"] {
        assert!(!html.contains(outside), "{outside}");
    }
}
