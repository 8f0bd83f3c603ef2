//! The report of one document: head (CSP, style), header (entity, year,
//! kind, tally), failed checks, tables, other checks, warnings, the viewer,
//! the pages' data and the script.
use std::collections::BTreeSet;
use std::fmt::Write;

use base64::Engine;
use fiscal_extract::{AnyTable, CheckStatus, DocumentKind, Output};
use serde_json::Map;
use sha2::{Digest, Sha256};

use crate::boxes::Boxes;
use crate::drawing::PageDrawing;
use crate::markup::{embedded_json, esc, Html};
use crate::{checks_part, tables_part};
use fiscal_layout::svg::CJK_FONT_STACK as CJK_FONTS;

const STYLE: &str = include_str!("assets/review.css");
const SCRIPT: &str = include_str!("assets/review.js");

/// The pages a report of `out` draws: those its tables and failed checks are on.
pub fn pages_to_draw(out: &Output) -> BTreeSet<u32> {
    let mut pages = BTreeSet::new();
    for t in &out.tables {
        if let AnyTable::Grid(g) = t {
            pages.extend(
                g.rows
                    .iter()
                    .flat_map(|r| r.value_bboxes.values().map(|b| b.page)),
            );
        }
    }
    for c in out.checks.iter().filter(|c| c.status == CheckStatus::Fail) {
        pages.extend(c.figures.iter().filter_map(|f| f.bbox.map(|b| b.page)));
        pages.extend(checks_part::statement_pages(c));
    }
    pages
}

/// `'sha256-…'` of a script or style, as a CSP source.
fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The head: nothing may be loaded; only our style and script run.
pub(crate) fn head(h: &mut Html, title: &str, style: &str, script: Option<&str>) {
    let script_src = script.map_or("'none'".to_string(), csp_hash);
    let _ = write!(
        h.0,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src {}; script-src {script_src}; img-src 'none'; font-src 'none'; \
         connect-src 'none'; base-uri 'none'; form-action 'none'\">\
         <meta name=\"referrer\" content=\"no-referrer\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        csp_hash(style)
    );
    h.el("title", "", title);
    let _ = write!(h.0, "<style>{style}</style></head>");
}

/// The style with the CJK font stack in it.
pub(crate) fn style() -> String {
    format!(":root {{ --cjk: {CJK_FONTS}; }}\n{STYLE}")
}

fn kind_name(k: Option<DocumentKind>) -> &'static str {
    match k {
        Some(DocumentKind::FinalAccounts) => "决算 final accounts",
        Some(DocumentKind::Budget) => "预算 budget",
        _ => "kind unknown",
    }
}

/// The report of `out`; `drawings` are its pages as read (any others are left out).
pub fn document(out: &Output, drawings: &[PageDrawing]) -> String {
    let doc = &out.document;
    let heading = format!(
        "{} {} {}",
        doc.entity.as_deref().unwrap_or("(entity unknown)"),
        doc.year.map(|y| y.to_string()).unwrap_or_default(),
        kind_name(doc.kind)
    );
    let mut body = Html::default();
    let mut boxes = Boxes::default();
    body.raw(r#"<header class="doc">"#);
    body.el("h1", "", &heading);
    if let Some(t) = &doc.title {
        body.el("p", r#"class="title""#, t);
    }
    body.el(
        "p",
        r#"class="meta""#,
        &format!(
            "{} · {} pages · sha256 {}",
            out.source.file, out.source.pages, out.source.sha256
        ),
    );
    let count = |s: CheckStatus| out.checks.iter().filter(|c| c.status == s).count();
    let _ = write!(
        body.0,
        r#"<p class="tally"><span class="fail">{} failed</span><span class="pass">{} passed</span><span class="undetermined">{} undetermined</span><span class="skipped">{} skipped</span><span class="tables">{} tables</span><span class="warnings">{} warnings</span></p>"#,
        count(CheckStatus::Fail),
        count(CheckStatus::Pass),
        count(CheckStatus::Undetermined),
        count(CheckStatus::Skipped),
        out.tables.len(),
        out.warnings.len()
    );
    body.raw(r##"<nav class="toc"><a href="#failed">failed checks</a> · <a href="#tables">tables</a> · <a href="#other-checks">other checks</a> · <a href="#warnings">warnings</a></nav>"##);
    body.raw("</header><main>");
    checks_part::failed_checks(&mut body, out, &mut boxes);
    tables_part::tables(&mut body, out, &mut boxes);
    checks_part::other_checks(&mut body, out);
    body.raw(r#"<section id="warnings"><h2>Warnings</h2><ul>"#);
    for w in &out.warnings {
        body.el("li", "", w);
    }
    body.raw("</ul></section></main>");
    body.raw(r#"<aside id="viewer" hidden><div class="viewer-bar"><span class="viewer-caption"></span><button type="button" class="viewer-close">close ✕</button></div><div class="viewer-body"></div></aside>"#);
    let mut pages = Map::new();
    for d in drawings.iter().filter(|d| boxes.pages.contains(&d.number)) {
        pages.insert(d.number.to_string(), d.to_json());
    }
    let data = serde_json::json!({ "pages": pages, "boxes": boxes.to_json() });
    let _ = write!(
        body.0,
        r#"<script type="application/json" id="pages-data">{}</script><script>{SCRIPT}</script></body></html>"#,
        embedded_json(&data)
    );
    let mut h = Html::default();
    head(
        &mut h,
        &format!("{heading} · review"),
        &style(),
        Some(SCRIPT),
    );
    h.raw("<body>");
    h.0.push_str(&body.0);
    h.0
}

/// Escaped, for the index.
pub(crate) fn kind_label(k: Option<DocumentKind>) -> String {
    esc(kind_name(k))
}
