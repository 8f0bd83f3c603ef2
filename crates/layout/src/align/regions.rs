//! The vertical extent of unruled tables: runs of lines anchored by lines that
//! carry figures, with the header lines above them.
use crate::lines::{is_numeric, TextLine};
use crate::settings::LayoutSettings;

/// A line that carries figures (with a label, or figures alone): a body row's anchor.
pub(super) fn is_anchor(line: &TextLine) -> bool {
    line.chunks.iter().any(|c| is_numeric(&c.text))
        && (line.chunks.len() >= 2 || is_numeric(&line.chunks[0].text))
}

/// A line that ends a table region above or below (title, unit line, note).
fn is_boundary(line: &TextLine) -> bool {
    let t = line.compact_text();
    t.starts_with("注")
        || t.contains("单位：")
        || t.contains("单位:")
        || t.starts_with('表') && t.chars().count() <= 4
}

/// The vertical extent of one region: first and last line index (inclusive).
pub(super) fn regions(lines: &[TextLine], s: &LayoutSettings) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_anchor(&lines[i]) {
            i += 1;
            continue;
        }
        let pitch = |a: &TextLine, b: &TextLine| b.top - a.bottom;
        let lh = lines[i].bottom - lines[i].top;
        // Extend downward over anchors and wrapped fragments.
        let mut end = i;
        let mut j = i + 1;
        while j < lines.len()
            && !is_boundary(&lines[j])
            && pitch(&lines[j - 1], &lines[j]) < s.region_line_gap * lh
        {
            if is_anchor(&lines[j]) {
                end = j;
            } else if j + 1 < lines.len()
                && !is_anchor(&lines[j + 1])
                && !is_boundary(&lines[j + 1])
            {
                // Two text-only lines in a row may still be one wrapped cell.
                if lines[j].chunks.len() > 1 {
                    break;
                }
            }
            j += 1;
        }
        // Trailing fragments right after the last anchor belong to it.
        while end + 1 < lines.len()
            && !is_anchor(&lines[end + 1])
            && !is_boundary(&lines[end + 1])
            && pitch(&lines[end], &lines[end + 1]) < s.trailing_fragment_gap * lh
            && lines[end + 1].chunks.len() <= 2
        {
            end += 1;
        }
        // Extend upward over header lines.
        let mut start = i;
        while start > 0
            && !is_boundary(&lines[start - 1])
            && pitch(&lines[start - 1], &lines[start]) < s.region_line_gap * lh
            && (lines[start - 1].size() <= lines[i].size() * s.header_size)
            && out.last().is_none_or(|&(_, e)| e < start - 1)
        {
            start -= 1;
        }
        let anchors = (start..=end).filter(|&k| is_anchor(&lines[k])).count();
        let wide = (start..=end).any(|k| is_anchor(&lines[k]) && lines[k].chunks.len() >= 2);
        if wide && (anchors >= 2 || start < i) {
            out.push((start, end));
        }
        i = end + 1;
    }
    out
}
