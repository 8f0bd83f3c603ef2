//! `index.html` of a batch: one line per document with entity, year, kind,
//! the tables found with their kinds and the check tally, linking its report.
use std::fmt::Write;

use fiscal_extract::{CheckStatus, Output};

use crate::markup::{esc, Html};
use crate::page::{head, kind_label, style};
use crate::tables_part::label;

/// One document of the batch and where its report is, relative to the index.
pub struct IndexEntry<'a> {
    pub output: &'a Output,
    pub href: String,
}

/// The index of a batch's reports.
pub fn index(entries: &[IndexEntry]) -> String {
    let mut h = Html::default();
    head(&mut h, "review reports", &style(), None);
    h.raw(r#"<body><header class="doc"><h1>Review reports</h1>"#);
    h.el(
        "p",
        r#"class="meta""#,
        &format!("{} documents", entries.len()),
    );
    h.raw(r#"</header><main><table class="printed index"><thead><tr><th>file</th><th>entity</th><th>year</th><th>kind</th><th>tables</th><th>failed</th><th>passed</th><th>undetermined</th><th>skipped</th><th>warnings</th></tr></thead><tbody>"#);
    for e in entries {
        let out = e.output;
        let count = |s: CheckStatus| out.checks.iter().filter(|c| c.status == s).count();
        let _ = write!(
            h.0,
            r#"<tr><td><a href="{}">{}</a></td>"#,
            esc(&e.href),
            esc(&out.source.file)
        );
        h.el("td", "", out.document.entity.as_deref().unwrap_or(""));
        h.el(
            "td",
            "",
            &out.document.year.map(|y| y.to_string()).unwrap_or_default(),
        );
        let _ = write!(h.0, "<td>{}</td>", kind_label(out.document.kind));
        let tables: Vec<String> = out
            .tables
            .iter()
            .map(|t| {
                let (number, title, kind) = label(t);
                format!("{} {title} ({kind})", number.unwrap_or(""))
                    .trim()
                    .to_string()
            })
            .collect();
        if tables.is_empty() {
            h.el("td", r#"class="none""#, "no tables");
        } else {
            h.raw("<td><ul class=\"tables-list\">");
            for t in tables {
                h.el("li", "", &t);
            }
            h.raw("</ul></td>");
        }
        for s in [
            CheckStatus::Fail,
            CheckStatus::Pass,
            CheckStatus::Undetermined,
            CheckStatus::Skipped,
        ] {
            let _ = write!(h.0, r#"<td class="num">{}</td>"#, count(s));
        }
        let _ = write!(h.0, r#"<td class="num">{}</td></tr>"#, out.warnings.len());
    }
    h.raw("</tbody></table></main></body></html>");
    h.0
}
