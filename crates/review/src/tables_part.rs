//! Every table as printed: a grid with its header rows (levels merged over
//! the columns they head) and its rows, each figure clickable to its page; a
//! form with its fields.
use std::fmt::Write;

use fiscal_extract::{AnyTable, HeaderLayout, LabelColumns, Output, Table};

use crate::boxes::Boxes;
use crate::markup::{esc, Html};

/// The table's number, title and kind ("表2", "收入决算表", "income").
pub fn label(t: &AnyTable) -> (Option<&str>, &str, String) {
    let kind = match t {
        AnyTable::Grid(g) => g.kind.as_str().to_string(),
        // Every kind of form names its kind in its JSON.
        other => serde_json::to_value(other)
            .ok()
            .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(String::from))
            .unwrap_or_default(),
    };
    (t.number(), t.title(), kind)
}

/// Header cells: for each level, runs of adjacent columns sharing the path
/// up to it; a path ending above the deepest level spans down to it.
fn header(h: &mut Html, t: &Table, labels: &[&str]) {
    let layout = HeaderLayout::of(t);
    let depth = layout.depth;
    h.raw("<thead>");
    for level in 0..depth {
        h.raw("<tr>");
        if level == 0 {
            for l in labels {
                h.el("th", &format!(r#"rowspan="{depth}""#), l);
            }
        }
        for cell in layout.cells.iter().filter(|c| c.level == level) {
            let rows = if cell.down_to_bottom {
                depth - level
            } else {
                1
            };
            h.el(
                "th",
                &format!(
                    r#"colspan="{}" rowspan="{rows}""#,
                    cell.last - cell.first + 1
                ),
                cell.text,
            );
        }
        h.raw("</tr>");
    }
    h.raw("</thead>");
}

fn grid(h: &mut Html, t: &Table, boxes: &mut Boxes) {
    let label_columns = LabelColumns::of(t);
    let labels = label_columns.headers(t);
    h.raw(r#"<table class="printed">"#);
    header(h, t, &labels);
    h.raw("<tbody>");
    for r in &t.rows {
        h.raw("<tr>");
        for text in label_columns.cells(t, r) {
            h.el("td", "", &text);
        }
        for c in &t.columns {
            let value = r.values.get(&c.key).copied().flatten();
            let text = value.map(|v| v.to_string()).unwrap_or_default();
            match (value, r.value_bboxes.get(&c.key)) {
                (Some(_), Some(b)) => {
                    let id = boxes.id(b);
                    let who = r.code.as_deref().or(r.name.as_deref()).unwrap_or("");
                    let tip = format!("{who} · {} = {text}", c.header);
                    h.el(
                        "td",
                        &format!(r#"class="num" data-box="{id}" title="{}""#, esc(&tip)),
                        &text,
                    );
                }
                _ => {
                    h.el("td", r#"class="num""#, &text);
                }
            }
        }
        h.raw("</tr>");
    }
    h.raw("</tbody></table>");
    for n in &t.notes {
        h.el("p", r#"class="note""#, n);
    }
}

/// A form's fields as a two-column list (its JSON, flattened).
fn form(h: &mut Html, t: &AnyTable) {
    let v = serde_json::to_value(t).unwrap_or_default();
    h.raw(r#"<table class="printed form"><tbody>"#);
    let mut rows = Vec::new();
    flatten("", &v, &mut rows);
    for (k, v) in rows {
        h.raw("<tr>");
        h.el("th", "", &k);
        h.el("td", "", &v);
        h.raw("</tr>");
    }
    h.raw("</tbody></table>");
}

fn flatten(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    use serde_json::Value;
    let key = |k: &str| {
        if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if !matches!(k.as_str(), "kind" | "title" | "pages" | "bboxes") {
                    flatten(&key(k), x, out);
                }
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                flatten(&key(&(i + 1).to_string()), x, out);
            }
        }
        Value::Null => {}
        Value::String(s) => out.push((prefix.to_string(), s.clone())),
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

/// The section of tables: a list with kinds, then each table as printed.
pub fn tables(h: &mut Html, out: &Output, boxes: &mut Boxes) {
    let _ = write!(
        h.0,
        r#"<section id="tables"><h2>Tables ({})</h2>"#,
        out.tables.len()
    );
    if out.tables.is_empty() {
        h.el(
            "p",
            r#"class="none""#,
            "No table was found in this document.",
        );
    }
    for (i, t) in out.tables.iter().enumerate() {
        let (number, title, kind) = label(t);
        let pages: Vec<String> = t.pages().iter().map(|p| format!("p.{p}")).collect();
        let _ = write!(h.0, r#"<div class="table-block" id="table-{i}"><h3>"#);
        h.raw(&esc(&format!("{} {title} ", number.unwrap_or(""))));
        h.el(
            "span",
            r#"class="kind""#,
            &format!("{kind} · {}", pages.join(" ")),
        );
        h.raw("</h3>");
        match t {
            AnyTable::Grid(g) => grid(h, g, boxes),
            other => form(h, other),
        }
        h.raw("</div>");
    }
    h.raw("</section>");
}
