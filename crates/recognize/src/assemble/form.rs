//! A 绩效 form while it is assembled: it takes every line and grid until
//! one that cannot be part of it, and its rows are read from those pieces
//! (`crate::forms`).
use fiscal_layout::blocks::PageBlocks;
use fiscal_layout::lines::{Chunk, TextLine};

use super::table::OpenTable;
use crate::forms::{LooseLine, LooseText, PerfPiece};
use crate::numbering::numbering_level;
use crate::settings::RecognizeSettings;
use crate::title::shape::{looks_like_title, number_re};

/// A line that ends a form: a title, an outline heading at the margin, a
/// paragraph line across the page, a table number.
/// `form_left` is where the form's multi-cell lines begin: a single run of text
/// starting further left and reaching into the form's columns is the narrative
/// again (one that ends before them is a label of the form's margin column).
pub(super) fn ends_form(
    line: &TextLine,
    text: &str,
    page: &PageBlocks,
    form_left: f32,
    s: &RecognizeSettings,
) -> bool {
    // One run of text even at narrow gaps (two form cells side by side are two).
    let single = line.chunks.len() == 1 && line.fine_chunks.len() <= 1;
    let size = line.size().max(1.0);
    looks_like_title(text)
        || single
            && form_left < f32::MAX
            && line.x0() < form_left - s.form_margin * size
            && line.x1() > form_left
        || number_re().is_match(text)
        || single && numbering_level(text).is_some() && line.x0() < page.width * s.form_heading_left
        || single && line.x1() - line.x0() > s.form_paragraph_width * page.width
}

/// The last row of a form: 总分 of a 项目支出绩效自评表, the budget completion
/// rate of a 部门整体 table. Nothing after it belongs to the form.
pub(super) fn is_form_end(text: &str) -> bool {
    text.contains("总分") || text.contains("预期预算完成率")
}

/// A text line as loose form text, split at the given chunks.
pub(super) fn loose_line(l: &TextLine, chunks: &[Chunk]) -> LooseLine {
    LooseLine {
        top: l.top,
        bottom: l.bottom,
        texts: chunks
            .iter()
            .map(|c| LooseText {
                x0: c.x0,
                x1: c.x1,
                top: c.top,
                text: c.text.clone(),
            })
            .collect(),
    }
}

/// Moves held-back lines into the form, one loose piece per page.
pub(super) fn flush_loose(t: &mut OpenTable, pending: &mut Vec<(u32, f32, TextLine)>) {
    let mut held = std::mem::take(pending).into_iter().peekable();
    while let Some((p, _, first)) = held.next() {
        let mut lines = vec![loose_line(&first, &first.fine_chunks)];
        while let Some((_, _, l)) = held.next_if(|(q, _, _)| *q == p) {
            lines.push(loose_line(&l, &l.fine_chunks));
        }
        if !t.pages.contains(&p) {
            t.pages.push(p);
        }
        t.pieces.push((p, PerfPiece::Loose(lines)));
    }
}
