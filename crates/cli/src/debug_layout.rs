//! `--debug-layout DIR`: every page drawn as SVG with what the layout stage
//! found on it (glyph boxes, rulings, text chunks, table cells).
use std::path::Path;

use crate::write::write_atomic;

/// Writes `DIR/STEM-pN.svg` for every page of the PDF at `path`.
pub fn draw_pages(path: &Path, dir: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let layout = fiscal_reader::load_document(&bytes, Default::default())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    for page in &layout.pages {
        let svg = fiscal_layout::svg::page_svg(page, &fiscal_layout::blocks::page_blocks(page));
        let target = dir.join(format!("{stem}-p{}.svg", page.number));
        write_atomic(&target, svg.as_bytes()).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(())
}
