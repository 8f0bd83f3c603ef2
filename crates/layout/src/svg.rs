//! A page drawn as SVG — glyph boxes, rulings, text chunks and the cells of
//! the grids found — so a user can see why a table came out as it did.
use std::fmt::Write;

use crate::blocks::{Block, PageBlocks};
use fiscal_reader::Page;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Fonts for Chinese text, the first the system has (Linux, Adobe, Windows,
/// macOS, older Windows); without one, CJK text would draw as empty boxes.
pub const CJK_FONT_STACK: &str = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Source Han Sans', 'Microsoft YaHei', 'PingFang SC', SimSun, sans-serif";

/// Height of the legend band under the page (points).
const LEGEND_HEIGHT: f32 = 22.0;

/// What each mark means, in a band under the page.
fn draw_legend(s: &mut String, y: f32) {
    let _ = writeln!(
        s,
        r##"<g class="legend" font-size="7" fill="#333"><rect x="0" y="{y:.1}" width="100%" height="{LEGEND_HEIGHT}" fill="#f4f4f4"/>"##
    );
    let y = y + LEGEND_HEIGHT / 2.0;
    let items: [(&str, &str); 5] = [
        (
            r##"<rect width="8" height="7" fill="none" stroke="#ccc" stroke-width="0.6"/>"##,
            "glyph box",
        ),
        (
            r##"<line x1="0" y1="3.5" x2="10" y2="3.5" stroke="#d00" stroke-width="0.8"/>"##,
            "ruling",
        ),
        (
            r##"<rect width="10" height="7" fill="none" stroke="#0a0" stroke-width="0.6"/>"##,
            "text chunk (free line)",
        ),
        (
            r##"<rect width="10" height="7" fill="#06c" fill-opacity="0.1" stroke="#06c" stroke-width="0.6"/>"##,
            "table cell, from rulings",
        ),
        (
            r##"<rect width="10" height="7" fill="#06c" fill-opacity="0.1" stroke="#06c" stroke-width="0.6" stroke-dasharray="2,2"/>"##,
            "table cell, from alignment",
        ),
    ];
    let mut x = 6.0;
    for (mark, label) in items {
        let _ = writeln!(
            s,
            r##"<g transform="translate({x:.1},{:.1})">{mark}</g><text x="{:.1}" y="{:.1}">{label}</text>"##,
            y - 3.5,
            x + 13.0,
            y + 2.5
        );
        x += 13.0 + 4.2 * label.len() as f32 + 12.0;
    }
    s.push_str("</g>\n");
}

/// Width of the panel of notes beside a page (points).
const NOTES_WIDTH: f32 = 340.0;
/// Font size of the notes.
const NOTES_SIZE: f32 = 7.0;
/// Characters of a note line before it wraps (CJK characters are about as
/// wide as the font size).
const NOTES_CHARS: usize = 46;

/// The SVG of one page (page space: points, origin top-left).
pub fn page_svg(page: &Page, blocks: &PageBlocks) -> String {
    page_svg_with_notes(page, blocks, &[])
}

/// The SVG of one page with `notes` (one per entry: what was decided on the
/// page and why) in a panel to its right; no panel when there are none.
pub fn page_svg_with_notes(page: &Page, blocks: &PageBlocks, notes: &[String]) -> String {
    let mut s = String::new();
    let panel = if notes.is_empty() { 0.0 } else { NOTES_WIDTH };
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{CJK_FONT_STACK}">"#,
        w = page.width + panel,
        h = page.height + LEGEND_HEIGHT
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    draw_notes(&mut s, page.width, notes);
    // Glyph boxes, grey.
    for g in &page.glyphs {
        let _ = writeln!(
            s,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="#ccc" stroke-width="0.3"/>"##,
            g.x,
            g.top(),
            g.width.max(0.1),
            g.size
        );
    }
    // Rulings, red.
    for r in &page.segments {
        let _ = writeln!(
            s,
            r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#d00" stroke-width="0.6"/>"##,
            r.x0, r.y0, r.x1, r.y1
        );
    }
    for b in &blocks.blocks {
        match b {
            // Text chunks, green, with their text.
            Block::Line(l) => {
                for c in &l.chunks {
                    let _ = writeln!(
                        s,
                        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="#0a0" stroke-width="0.4"/><text x="{:.1}" y="{:.1}" font-size="{:.1}" fill="#070">{}</text>"##,
                        c.x0,
                        c.top,
                        c.x1 - c.x0,
                        c.bottom - c.top,
                        c.x0,
                        c.bottom,
                        (c.size * 0.8).max(3.0),
                        escape(&c.text)
                    );
                }
            }
            // Grid cells, blue (dashed when found from alignment), with their text.
            Block::Grid(g) => {
                let dash = if g.ruled {
                    ""
                } else {
                    r#" stroke-dasharray="2,2""#
                };
                for c in &g.cells {
                    let (y0, y1) = (
                        g.y_edges[c.row0],
                        g.y_edges[c.row1.min(g.y_edges.len() - 1)],
                    );
                    let _ = writeln!(
                        s,
                        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#06c" fill-opacity="0.05" stroke="#06c" stroke-width="0.5"{dash}/><text x="{:.1}" y="{:.1}" font-size="5" fill="#036">{}</text>"##,
                        c.x0,
                        y0,
                        (c.x1 - c.x0).max(0.5),
                        (y1 - y0).max(0.5),
                        c.x0 + 1.0,
                        y0 + 6.0,
                        escape(&c.text)
                    );
                }
            }
        }
    }
    draw_legend(&mut s, page.height);
    s.push_str("</svg>\n");
    s
}

/// The notes panel at `x`: a rule at its left, each note wrapped to the panel.
fn draw_notes(s: &mut String, x: f32, notes: &[String]) {
    if notes.is_empty() {
        return;
    }
    let _ = writeln!(
        s,
        r##"<line x1="{x:.1}" y1="0" x2="{x:.1}" y2="100%" stroke="#999" stroke-width="0.5"/>"##
    );
    let mut y = 2.0 * NOTES_SIZE;
    for note in notes {
        let chars: Vec<char> = note.chars().collect();
        for (i, piece) in chars.chunks(NOTES_CHARS).enumerate() {
            let text: String = piece.iter().collect();
            let indent = if i == 0 { 0.0 } else { NOTES_SIZE };
            let _ = writeln!(
                s,
                r##"<text x="{:.1}" y="{y:.1}" font-size="{NOTES_SIZE}" fill="#333">{}</text>"##,
                x + NOTES_SIZE + indent,
                escape(&text)
            );
            y += 1.4 * NOTES_SIZE;
        }
        y += 0.4 * NOTES_SIZE;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::page_blocks;
    use fiscal_reader::{Glyph, Segment};

    #[test]
    fn draws_glyphs_rulings_and_cells() {
        let mut page = Page {
            number: 1,
            width: 200.0,
            height: 100.0,
            ..Default::default()
        };
        for (i, ch) in "合计<1>".chars().enumerate() {
            page.glyphs.push(Glyph {
                ch,
                x: 10.0 + 8.0 * i as f32,
                baseline: 30.0,
                width: 8.0,
                size: 8.0,
                font: 0,
                clip_anchor: None,
            });
        }
        page.segments.push(Segment::new(0.0, 10.0, 200.0, 10.0));
        let svg = page_svg(&page, &page_blocks(&page));
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("&lt;1&gt;"), "text is escaped");
        assert!(svg.contains("<line x1=\"0.0\" y1=\"10.0\""));
        assert!(svg.contains(r#"width="200""#), "no panel without notes");
        let noted = page_svg_with_notes(&page, &page_blocks(&page), &["starts <表1>".into()]);
        assert!(
            noted.contains(r#"width="540""#),
            "the panel widens the page"
        );
        assert!(noted.contains(">starts &lt;表1&gt;</text>"));
        assert!(svg.contains("Noto Sans CJK SC") && svg.contains("SimSun"));
        assert!(svg.contains("text chunk") && svg.contains("table cell, from alignment"));
    }
}
