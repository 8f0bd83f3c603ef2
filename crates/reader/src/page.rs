//! What one page holds after interpretation: glyphs and ruling segments in
//! page space (points, origin top-left, `y` down; see the crate docs).

/// One shown character. `x`/`baseline` are the glyph origin; `width` the advance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub ch: char,
    pub x: f32,
    pub baseline: f32,
    pub width: f32,
    /// Rendered font size (em height in points).
    pub size: f32,
    /// Index of the font in the document's font table; lets later stages tell
    /// a bold title font from body text.
    pub font: u32,
    /// For a glyph drawn outside the clipping area in force (a cell's text
    /// running past the cell, hidden by the cell's clip): the point of the clip
    /// nearest to it, which tells the cell the glyph belongs to. `None` when
    /// the glyph is visible.
    pub clip_anchor: Option<(f32, f32)>,
}

impl Glyph {
    pub fn x1(&self) -> f32 {
        self.x + self.width
    }
    /// Approximate top of the glyph's em box.
    pub fn top(&self) -> f32 {
        self.baseline - 0.85 * self.size
    }
    pub fn bottom(&self) -> f32 {
        self.baseline + 0.15 * self.size
    }
    pub fn center_x(&self) -> f32 {
        self.x + self.width / 2.0
    }
    pub fn center_y(&self) -> f32 {
        self.baseline - 0.35 * self.size
    }
    /// Where the glyph belongs: its centre, or for a clipped glyph the
    /// nearest point of its clip.
    pub fn anchor(&self) -> (f32, f32) {
        self.clip_anchor
            .unwrap_or((self.center_x(), self.center_y()))
    }
}

/// An axis-aligned ruling: a stroked line, a rectangle edge or a thin filled bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Segment {
    /// Builds a segment with `x0 <= x1`, `y0 <= y1`.
    pub fn new(xa: f32, ya: f32, xb: f32, yb: f32) -> Self {
        Segment {
            x0: xa.min(xb),
            y0: ya.min(yb),
            x1: xa.max(xb),
            y1: ya.max(yb),
        }
    }
    pub fn is_horizontal(&self) -> bool {
        (self.y1 - self.y0) <= 1.0 && (self.x1 - self.x0) > (self.y1 - self.y0)
    }
    pub fn is_vertical(&self) -> bool {
        (self.x1 - self.x0) <= 1.0 && (self.y1 - self.y0) > (self.x1 - self.x0)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    pub segments: Vec<Segment>,
}
