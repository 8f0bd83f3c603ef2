//! A page as reading-order blocks: free text lines and cell grids (ruled or
//! aligned), with page furniture (page numbers, running headers and footers)
//! removed.
use crate::align::aligned_grids;
use crate::grid::{ruled_grids, CellGrid};
use crate::lines::{build_lines, compact, TextLine};
use crate::settings::LayoutSettings;
use fiscal_reader::{Glyph, Page};

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Line(TextLine),
    Grid(CellGrid),
}

impl Block {
    pub fn top(&self) -> f32 {
        match self {
            Block::Line(l) => l.top,
            Block::Grid(g) => g.top(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct PageBlocks {
    pub number: u32,
    pub width: f32,
    pub height: f32,
    pub blocks: Vec<Block>,
}

/// Whether a line is a page number: "4", "- 4 -", "第4页", "4/30".
pub fn is_page_number(text: &str) -> bool {
    let t = compact(text);
    let t = t.trim_matches(|c| c == '-' || c == '—' || c == '–');
    let t = t
        .strip_prefix('第')
        .and_then(|r| r.strip_suffix('页'))
        .unwrap_or(t);
    let t = t.split('/').next().unwrap_or(t);
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// Splits one page into blocks in reading order, with the default settings.
pub fn page_blocks(page: &Page) -> PageBlocks {
    page_blocks_with(page, &LayoutSettings::DEFAULT)
}

/// Splits one page into blocks in reading order.
pub fn page_blocks_with(page: &Page, s: &LayoutSettings) -> PageBlocks {
    let (grids, used) = ruled_grids(&page.segments, &page.glyphs, s);
    let free: Vec<&Glyph> = page
        .glyphs
        .iter()
        .zip(&used)
        // A glyph hidden by its clip and in no grid is not printed.
        .filter(|(g, u)| !**u && g.clip_anchor.is_none())
        .map(|(g, _)| g)
        .collect();
    let lines = build_lines(&free, s.chunk_gap, s);
    // Same banding, finer chunks: line i of one is line i of the other.
    let fine = build_lines(&free, s.header_gap, s);
    debug_assert_eq!(lines.len(), fine.len());
    // Page numbers at the foot or head of the page.
    let (lines, fine): (Vec<TextLine>, Vec<TextLine>) = lines
        .into_iter()
        .zip(fine)
        .filter(|(l, _)| {
            let edge = l.top > page.height * s.page_number_foot
                || l.bottom < page.height * s.page_number_head;
            !(edge && l.chunks.len() == 1 && is_page_number(&l.chunks[0].text))
        })
        .unzip();
    let aligned = aligned_grids(&lines, &fine, s);
    let lines: Vec<TextLine> = lines
        .into_iter()
        .zip(fine)
        .map(|(mut l, f)| {
            l.fine_chunks = f.chunks;
            l
        })
        .collect();
    let mut blocks: Vec<Block> = grids.into_iter().map(Block::Grid).collect();
    let mut taken = vec![false; lines.len()];
    for (grid, (a, b)) in aligned {
        taken[a..=b].iter_mut().for_each(|t| *t = true);
        blocks.push(Block::Grid(grid));
    }
    blocks.extend(
        lines
            .into_iter()
            .zip(taken)
            .filter(|(_, t)| !t)
            .map(|(l, _)| Block::Line(l)),
    );
    blocks.sort_by(|a, b| a.top().total_cmp(&b.top()));
    PageBlocks {
        number: page.number,
        width: page.width,
        height: page.height,
        blocks,
    }
}

/// Removes running headers and footers: the same text in the top or bottom band
/// of at least half the pages (and of three or more; the bands and counts are
/// `s`'s). Returns what it removed: (page, text) of each line.
pub fn remove_running_lines(pages: &mut [PageBlocks], s: &LayoutSettings) -> Vec<(u32, String)> {
    use std::collections::HashMap;
    let mut seen: HashMap<String, usize> = HashMap::new();
    let key = |l: &TextLine| {
        l.compact_text()
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .collect::<String>()
    };
    let in_band =
        |l: &TextLine, h: f32| l.bottom < h * s.running_head || l.top > h * s.running_foot;
    for p in pages.iter() {
        let mut on_page = std::collections::HashSet::new();
        for b in &p.blocks {
            if let Block::Line(l) = b {
                if in_band(l, p.height) && !key(l).is_empty() {
                    on_page.insert(key(l));
                }
            }
        }
        for k in on_page {
            *seen.entry(k).or_default() += 1;
        }
    }
    let n = pages.len();
    let mut removed = Vec::new();
    for p in pages.iter_mut() {
        let h = p.height;
        // A table's title printed again on every page of the table (a list of
        // many pages) is no running header: it reads "…表" and a grid follows
        // it within the lines that may stand between a title and its grid.
        let titles: Vec<bool> = (0..p.blocks.len())
            .map(|i| match &p.blocks[i] {
                Block::Line(l) => {
                    reads_like_table_name(&l.compact_text())
                        && p.blocks[i + 1..]
                            .iter()
                            .take(s.title_to_grid_blocks)
                            .any(|b| matches!(b, Block::Grid(_)))
                }
                Block::Grid(_) => false,
            })
            .collect();
        let mut title = titles.into_iter();
        p.blocks.retain(|b| match b {
            Block::Line(l) => {
                let is_title = title.next().unwrap_or(false);
                let running = !is_title
                    && in_band(l, h)
                    && seen.get(&key(l)).is_some_and(|&c| {
                        c >= s.running_min_pages && c as f32 >= s.running_page_share * n as f32
                    });
                if running {
                    removed.push((p.number, l.text()));
                }
                !running
            }
            Block::Grid(_) => {
                title.next();
                true
            }
        });
    }
    removed
}

/// "…表", or "…表（qualifier）": what a table's title reads like.
fn reads_like_table_name(t: &str) -> bool {
    let core = match t.strip_suffix(['）', ')']) {
        Some(s) => s.rsplit_once(['（', '(']).map_or(s, |(head, _)| head),
        None => t,
    };
    core.ends_with('表')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_number_forms() {
        for t in ["4", "- 4 -", "第4页", "12/30", "—12—"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["1,899.52", "一", "12345"] {
            assert!(!is_page_number(t), "{t}");
        }
    }
}
