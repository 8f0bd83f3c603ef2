//! Glyphs → text lines → chunks. A line is a run of glyphs sharing a baseline
//! band; a chunk is a run of a line without a wide gap (a table cell's text,
//! a word group). Wrapped text is joined back by [`join_wrapped`].
use crate::geometry::Rect;
use fiscal_reader::Glyph;

use crate::settings::LayoutSettings;

#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
    pub size: f32,
    pub font: u32,
}

impl Chunk {
    pub fn center_x(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }
    /// The box the chunk's glyphs are printed in.
    pub fn rect(&self) -> Rect {
        Rect {
            x0: self.x0,
            top: self.top,
            x1: self.x1,
            bottom: self.bottom,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub top: f32,
    pub bottom: f32,
    pub chunks: Vec<Chunk>,
    /// The same line split at narrower gaps, where [`crate::blocks`] provides
    /// it (neighbouring cells of unruled forms are set closer than figures).
    pub fine_chunks: Vec<Chunk>,
}

impl TextLine {
    pub fn x0(&self) -> f32 {
        self.chunks.first().map_or(0.0, |c| c.x0)
    }
    pub fn x1(&self) -> f32 {
        self.chunks.last().map_or(0.0, |c| c.x1)
    }
    /// The chunks' texts joined with single spaces where a gap separated them.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for (i, c) in self.chunks.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(&c.text);
        }
        s
    }
    /// The text as read: chunks joined without the gaps between them, except
    /// a single space between two Latin words or numbers. Letter-spaced or
    /// justified text ("北 京 市 商 务 局", "2 0 2 6") comes out joined; a
    /// gap next to a lone letter-spaced character is no word break.
    pub fn reading_text(&self) -> String {
        let mut s = String::new();
        let mut prev: Option<&Chunk> = None;
        for c in &self.chunks {
            if let Some(p) = prev {
                let lone = |c: &Chunk| c.text.chars().nth(1).is_none();
                let joint = p.text.chars().last().zip(c.text.chars().next());
                if joint.is_some_and(|(a, b)| is_word_char(a) && is_word_char(b))
                    && !lone(p)
                    && !lone(c)
                {
                    s.push(' ');
                }
            }
            s.push_str(&c.text);
            prev = Some(c);
        }
        s
    }
    /// The text with no gap spaces (for matching titles whose letters are spaced out).
    pub fn compact_text(&self) -> String {
        self.chunks
            .iter()
            .flat_map(|c| c.text.chars())
            .filter(|c| !c.is_whitespace())
            .collect()
    }
    pub fn size(&self) -> f32 {
        self.chunks.iter().map(|c| c.size).fold(0.0, f32::max)
    }
    pub fn center_y(&self) -> f32 {
        (self.top + self.bottom) / 2.0
    }
    /// The box the line's text is printed in.
    pub fn rect(&self) -> Rect {
        Rect {
            x0: self.x0(),
            top: self.top,
            x1: self.x1(),
            bottom: self.bottom,
        }
    }
}

/// Text without any whitespace (printed labels are often letter-spaced: "合    计").
pub fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A character of a Latin word or a number: a space between two of them is
/// a word break worth keeping.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Whether a line break between `a` and `b` needs a space when joined
/// (Latin words do; Chinese text and numbers broken mid-token do not).
fn needs_space(a: char, b: char) -> bool {
    a.is_ascii_alphabetic() && b.is_ascii_alphabetic()
}

/// Joins wrapped lines of one cell or paragraph: no space between Chinese characters.
pub fn join_wrapped<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in parts {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        if let (Some(a), Some(b)) = (out.chars().last(), p.chars().next()) {
            if needs_space(a, b) {
                out.push(' ');
            }
        }
        out.push_str(p);
    }
    out
}

/// Groups glyphs into lines (top to bottom) and each line into chunks (left to right).
/// `gap_factor` × font size is the horizontal gap that starts a new chunk.
pub fn build_lines(glyphs: &[&Glyph], gap_factor: f32, s: &LayoutSettings) -> Vec<TextLine> {
    let mut order: Vec<&Glyph> = glyphs.iter().copied().filter(|g| g.size > 0.0).collect();
    order.sort_by(|a, b| a.center_y().total_cmp(&b.center_y()));
    let mut bands: Vec<Vec<&Glyph>> = Vec::new();
    let mut band_center = f32::MIN;
    let mut band_size = 0.0f32;
    for g in order {
        let tol = s.line_band * g.size.min(band_size.max(1.0));
        if bands.is_empty() || (g.center_y() - band_center).abs() > tol.max(s.min_line_band) {
            bands.push(Vec::new());
            band_center = g.center_y();
            band_size = g.size;
        }
        bands.last_mut().unwrap().push(g);
    }
    bands
        .into_iter()
        .map(|mut band| line_from_band(&mut band, gap_factor, s))
        .filter(|l| !l.chunks.is_empty())
        .collect()
}

/// The extra space a line puts between every two characters (letter spacing
/// or justification spreading a line of Chinese): the median gap between
/// neighbouring CJK glyphs of one chunk, which never carry a word space.
fn tracking(band: &[&Glyph], gap_factor: f32) -> f32 {
    let mut gaps: Vec<f32> = band
        .windows(2)
        .filter(|w| is_cjk_glyph(w[0].ch) && is_cjk_glyph(w[1].ch))
        .map(|w| (w[1].x - w[0].x1(), w[1].size))
        // Gaps between chunks (table cells) say nothing of the spacing within one.
        .filter(|(gap, size)| *gap < gap_factor * size)
        .map(|(gap, _)| gap)
        .collect();
    if gaps.len() < 2 {
        return 0.0;
    }
    gaps.sort_by(f32::total_cmp);
    gaps[gaps.len() / 2].max(0.0)
}

fn is_cjk_glyph(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace()
}

fn line_from_band(band: &mut [&Glyph], gap_factor: f32, s: &LayoutSettings) -> TextLine {
    band.sort_by(|a, b| a.x.total_cmp(&b.x));
    let tracking = tracking(band, gap_factor);
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut last_x1 = f32::MIN;
    let mut pending_space = false;
    for g in band.iter() {
        if g.ch.is_whitespace() {
            pending_space = true;
            continue;
        }
        // Overprinted duplicates (fake bold) repeat a glyph at nearly the same place.
        if let Some(c) = chunks.last() {
            if c.text.ends_with(g.ch) && (g.x1() - c.x1).abs() < s.overprint * g.size && g.x < c.x1
            {
                continue;
            }
        }
        let gap = g.x - last_x1;
        let new_chunk = chunks.is_empty() || gap > gap_factor * g.size;
        if new_chunk {
            chunks.push(Chunk {
                text: String::new(),
                x0: g.x,
                x1: g.x1(),
                top: g.top(),
                bottom: g.bottom(),
                size: g.size,
                font: g.font,
            });
        } else if pending_space
            || (gap - tracking > s.word_gap * g.size && g.ch.is_ascii_alphanumeric())
        {
            let c = chunks.last_mut().unwrap();
            if c.text
                .chars()
                .last()
                .is_some_and(|p| p.is_ascii_alphanumeric())
                && g.ch.is_ascii_alphanumeric()
            {
                c.text.push(' ');
            }
        }
        pending_space = false;
        let c = chunks.last_mut().unwrap();
        c.text
            .push(crate::normalize::map_char(g.ch).unwrap_or(g.ch));
        c.x1 = c.x1.max(g.x1());
        c.top = c.top.min(g.top());
        c.bottom = c.bottom.max(g.bottom());
        c.size = c.size.max(g.size);
        last_x1 = g.x1().max(g.x + 0.01);
    }
    let top = chunks.iter().map(|c| c.top).fold(f32::MAX, f32::min);
    let bottom = chunks.iter().map(|c| c.bottom).fold(f32::MIN, f32::max);
    TextLine {
        top,
        bottom,
        chunks,
        fine_chunks: Vec::new(),
    }
}

/// Whether a chunk is a figure: an amount, a code, a 行次 or a percentage.
pub fn is_numeric(text: &str) -> bool {
    let t = text.trim();
    let mut digits = 0;
    for c in t.chars() {
        match c {
            '0'..='9' => digits += 1,
            ',' | '.' | '-' | '%' | '+' => {}
            _ => return false,
        }
    }
    digits > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, x: f32, baseline: f32, size: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, ch)| Glyph {
                ch,
                x: x + i as f32 * size,
                baseline,
                width: size,
                size,
                font: 0,
                clip_anchor: None,
            })
            .collect()
    }

    #[test]
    fn wide_gap_splits_chunks_and_lines_sort_top_down() {
        let mut g = glyphs("合计", 10.0, 100.0, 10.0);
        g.extend(glyphs("12", 200.0, 100.0, 10.0));
        g.extend(glyphs("总计", 10.0, 50.0, 10.0));
        let refs: Vec<&Glyph> = g.iter().collect();
        let lines = build_lines(&refs, 0.6, &LayoutSettings::DEFAULT);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text(), "总计");
        assert_eq!(lines[1].chunks.len(), 2);
        assert_eq!(lines[1].chunks[1].text, "12");
    }

    #[test]
    fn wrapped_chinese_joins_without_space() {
        assert_eq!(
            join_wrapped(["一、一般公共预算财政拨", "款收入"]),
            "一、一般公共预算财政拨款收入"
        );
        assert_eq!(join_wrapped(["Total", "income"]), "Total income");
    }

    /// Glyphs of `text` one `advance` apart, each `size` wide.
    fn spaced(text: &str, x: f32, size: f32, advance: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, ch)| Glyph {
                ch,
                x: x + i as f32 * advance,
                baseline: 100.0,
                width: if ch.is_ascii() { size / 2.0 } else { size },
                size,
                font: 0,
                clip_anchor: None,
            })
            .collect()
    }

    #[test]
    fn letter_spaced_chinese_reads_without_spaces() {
        // A cover line spread one character apart: every glyph its own chunk.
        let g = spaced("北京市商务局", 100.0, 20.0, 40.0);
        let refs: Vec<&Glyph> = g.iter().collect();
        let line = &build_lines(&refs, 0.6, &LayoutSettings::DEFAULT)[0];
        assert_eq!(line.chunks.len(), 6);
        assert_eq!(line.text(), "北 京 市 商 务 局");
        assert_eq!(line.reading_text(), "北京市商务局");
    }

    #[test]
    fn justified_digits_are_no_words_but_latin_words_keep_their_space() {
        // Justification adds 0.3 em after every character, digits included.
        let mut g = spaced("截至", 0.0, 10.0, 13.0);
        g.extend(spaced("2025", 26.0, 10.0, 8.0));
        g.extend(spaced("年底", 58.0, 10.0, 13.0));
        let refs: Vec<&Glyph> = g.iter().collect();
        assert_eq!(
            build_lines(&refs, 0.6, &LayoutSettings::DEFAULT)[0].reading_text(),
            "截至2025年底"
        );
        // Two Latin words set apart by a word space, on a line without letter spacing.
        let mut g = spaced("Total", 0.0, 10.0, 5.0);
        g.extend(spaced("income", 29.0, 10.0, 5.0));
        let refs: Vec<&Glyph> = g.iter().collect();
        assert_eq!(
            build_lines(&refs, 0.6, &LayoutSettings::DEFAULT)[0].reading_text(),
            "Total income"
        );
        // The same words further apart: two chunks, still one space.
        let mut g = spaced("Total", 0.0, 10.0, 5.0);
        g.extend(spaced("income", 40.0, 10.0, 5.0));
        let refs: Vec<&Glyph> = g.iter().collect();
        let line = &build_lines(&refs, 0.6, &LayoutSettings::DEFAULT)[0];
        assert_eq!(line.chunks.len(), 2);
        assert_eq!(line.reading_text(), "Total income");
    }

    #[test]
    fn kangxi_glyphs_are_mapped_in_chunks() {
        let g = glyphs("⾏政", 0.0, 10.0, 10.0);
        let refs: Vec<&Glyph> = g.iter().collect();
        assert_eq!(
            build_lines(&refs, 0.6, &LayoutSettings::DEFAULT)[0].text(),
            "行政"
        );
    }
}
