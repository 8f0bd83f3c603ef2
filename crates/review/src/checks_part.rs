//! The failed checks, each with the figures it compared and the pages they
//! are on, drawn with the figures outlined.
use std::collections::BTreeMap;
use std::fmt::Write;

use fiscal_extract::{Check, CheckStatus, Output};

use crate::boxes::Boxes;
use crate::markup::{esc, Html};

/// How a compared figure reads in the list: table, row, column and amount.
fn figure_label(f: &fiscal_extract::ComparedFigure) -> String {
    let row = [f.code.as_deref(), f.name.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let value = f.value.as_deref().unwrap_or("(blank)");
    format!("{} {row} [{}] = {value}", f.table, f.column)
}

/// Most pages of a check's own drawn beside its figures' pages.
const MOST_STATEMENT_PAGES: usize = 2;

/// The pages of what a failed check states, drawn besides its figures'
/// pages: its own pages where none of them holds a figure it compared (a
/// narrative statement checked against a table printed elsewhere), or its
/// first page when it names no placed figure.
pub(crate) fn statement_pages(c: &Check) -> Vec<u32> {
    let figure_pages: Vec<u32> = c
        .figures
        .iter()
        .filter_map(|f| f.bbox.map(|b| b.page))
        .collect();
    if figure_pages.is_empty() {
        return c.pages.first().copied().into_iter().collect();
    }
    if c.pages.iter().any(|p| figure_pages.contains(p)) {
        return Vec::new();
    }
    c.pages.iter().copied().take(MOST_STATEMENT_PAGES).collect()
}

/// One entry: the rule, table and detail, the compared figures, their pages.
fn entry(h: &mut Html, i: usize, c: &Check, boxes: &mut Boxes) {
    let _ = write!(
        h.0,
        r#"<section class="check" id="check-{i}"><div class="what">"#
    );
    let pages: Vec<String> = c.pages.iter().map(|p| format!("p.{p}")).collect();
    let title = [Some(c.rule.as_str()), c.table.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    h.el("h3", "", &format!("{title} {}", pages.join(" ")));
    h.el("p", r#"class="detail""#, &c.detail);
    // Per page, the boxes of the figures printed on it.
    let mut on_page: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    if !c.figures.is_empty() {
        h.raw(r#"<ol class="compared">"#);
        for f in &c.figures {
            let label = figure_label(f);
            match &f.bbox {
                Some(b) => {
                    let id = boxes.id(b);
                    on_page.entry(b.page).or_default().push(id);
                    let attrs = format!(r#"data-box="{id}" title="{}""#, esc(&label));
                    h.el("li", &attrs, &format!("{label} (p.{})", b.page));
                }
                None => {
                    h.el("li", r#"class="unplaced""#, &label);
                }
            }
        }
        h.raw("</ol>");
    }
    h.raw(r#"</div><div class="pages">"#);
    let stated = statement_pages(c);
    if on_page.is_empty() && stated.is_empty() {
        h.el(
            "p",
            r#"class="nopage""#,
            "No page: the check is about the document as a whole.",
        );
    }
    // What the check states, as read, then the figures it compared.
    for p in stated {
        boxes.pages.insert(p);
        let _ = write!(
            h.0,
            r#"<div class="page-holder" data-page="{p}" data-boxes=""></div>"#
        );
    }
    for (p, ids) in on_page {
        let ids: Vec<String> = ids.iter().map(usize::to_string).collect();
        let _ = write!(
            h.0,
            r#"<div class="page-holder" data-page="{p}" data-boxes="{}"></div>"#,
            ids.join(" ")
        );
    }
    h.raw("</div></section>");
}

/// The section of failed checks (first in the report).
pub fn failed_checks(h: &mut Html, out: &Output, boxes: &mut Boxes) {
    let failed: Vec<&Check> = out
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .collect();
    h.raw(r#"<section id="failed">"#);
    h.el("h2", "", &format!("Failed checks ({})", failed.len()));
    if failed.is_empty() {
        h.el("p", r#"class="none""#, "No check failed.");
    }
    for (i, c) in failed.into_iter().enumerate() {
        entry(h, i, c, boxes);
    }
    h.raw("</section>");
}

/// The other checks, folded: undetermined and skipped with their reasons,
/// passed by rule.
pub fn other_checks(h: &mut Html, out: &Output) {
    h.raw(r#"<section id="other-checks"><h2>Other checks</h2>"#);
    for (status, name) in [
        (CheckStatus::Undetermined, "undetermined"),
        (CheckStatus::Skipped, "skipped"),
        (CheckStatus::Pass, "passed"),
    ] {
        let of: Vec<&Check> = out.checks.iter().filter(|c| c.status == status).collect();
        let _ = write!(
            h.0,
            r#"<details class="{name}"><summary>{} {name}</summary><ul>"#,
            of.len()
        );
        for c in of {
            let table = c
                .table
                .as_deref()
                .map(|t| format!(" {t}"))
                .unwrap_or_default();
            h.el("li", "", &format!("{}{table}: {}", c.rule, c.detail));
        }
        h.raw("</ul></details>");
    }
    h.raw("</section>");
}
