//! `--debug-layout DIR`: every page drawn as SVG with what the layout stage
//! found on it (glyph boxes, rulings, text chunks, table cells) and, in a
//! panel beside it, the table-assembly decisions taken on the page (a table
//! started, continued, closed and why, a repeated title absorbed, a running
//! line dropped).
use std::path::Path;

use fiscal_layout::blocks::{page_blocks, PageBlocks};
use fiscal_layout::svg::page_svg_with_notes;

use crate::write::write_atomic;

/// Writes `DIR/STEM-pN.svg` for every page of the PDF at `path`.
pub fn draw_pages(path: &Path, dir: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let layout = fiscal_reader::load_document(&bytes, Default::default())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let blocks: Vec<PageBlocks> = layout.pages.iter().map(page_blocks).collect();
    let steps = fiscal_recognize::assembly_trace(blocks.clone());
    for (page, blocks) in layout.pages.iter().zip(&blocks) {
        let notes: Vec<String> = steps
            .iter()
            .filter(|s| s.page == page.number)
            .map(|s| s.decision.to_string())
            .collect();
        let svg = page_svg_with_notes(page, blocks, &notes);
        let target = dir.join(format!("{stem}-p{}.svg", page.number));
        write_atomic(&target, svg.as_bytes()).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(())
}
