//! `--review DIR`: a review report per document (fiscal-review), its pages
//! drawn from what the reader reads, and an index of a batch's reports.
use std::path::{Path, PathBuf};

use fiscal_extract::Output;
use fiscal_review::{document, index, pages_to_draw, IndexEntry, PageDrawing};

use crate::write::write_atomic;

/// Writes the report of `out`, read from the PDF at `pdf`, to `target`.
pub fn write_report(pdf: &Path, out: &Output, target: &Path) -> Result<(), String> {
    let bytes = std::fs::read(pdf).map_err(|e| format!("{}: {e}", pdf.display()))?;
    let wanted = pages_to_draw(out);
    let mut pages = fiscal_reader::open_document(&bytes, Default::default())
        .map_err(|e| format!("{}: {e}", pdf.display()))?;
    let mut drawings = Vec::new();
    for page in pages.by_ref() {
        let page = page.map_err(|e| format!("{}: {e}", pdf.display()))?;
        if wanted.contains(&page.number) {
            drawings.push(PageDrawing::of(&page));
        }
    }
    let html = document(out, &drawings);
    write_atomic(target, html.as_bytes()).map_err(|e| format!("{}: {e}", target.display()))
}

/// Writes `DIR/index.html` listing the reports written (paths under `dir`).
pub fn write_index(dir: &Path, reports: &[(PathBuf, Output)]) -> Result<(), String> {
    let mut reports: Vec<&(PathBuf, Output)> = reports.iter().collect();
    reports.sort_by(|a, b| a.0.cmp(&b.0));
    let entries: Vec<IndexEntry> = reports
        .iter()
        .map(|(path, output)| IndexEntry {
            output,
            href: path
                .strip_prefix(dir)
                .unwrap_or(path)
                .components()
                .map(|c| {
                    // A URL path: what would end or escape it is percent-encoded.
                    c.as_os_str()
                        .to_string_lossy()
                        .replace('%', "%25")
                        .replace('#', "%23")
                        .replace('?', "%3F")
                })
                .collect::<Vec<_>>()
                .join("/"),
        })
        .collect();
    let target = dir.join("index.html");
    write_atomic(&target, index(&entries).as_bytes())
        .map_err(|e| format!("{}: {e}", target.display()))
}
