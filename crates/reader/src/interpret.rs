//! The content-stream interpreter: text state, graphics state and paths, enough
//! to place every glyph and every ruling exactly. Colours are tracked only to
//! drop white (invisible) rulings, which otherwise split cells.
use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Object, Stream};

use crate::font::table::FontTable;
use crate::lexer::{Lexer, Operand, Operation};
use crate::limits::{LimitHit, LimitKind};
use crate::matrix::Matrix;
use crate::objects::ObjectStore;
use crate::page::{Glyph, Segment};

/// Form XObjects nested deeper than this are skipped (hostile recursion).
const MAX_FORM_DEPTH: u32 = 8;
/// A filled rectangle thinner than this is a ruling, not a shaded area.
const THIN_FILL: f32 = 2.5;
/// Points and rectangles one path may hold; more are ignored (a hostile path
/// would otherwise grow without bound until painted).
const MAX_PATH_POINTS: usize = 1 << 20;

#[derive(Clone)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<u32>,
    font_size: f32,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
    stroke_white: bool,
    fill_white: bool,
    /// The clipping area in force, as a box in page space (a clip path is
    /// taken as its bounding box); `None` for the whole page.
    clip: Option<ClipBox>,
}

/// How far inside its clip a hidden glyph is anchored: clear of the ruling
/// at the clip's edge, in points.
const CLIP_ANCHOR_MARGIN: f32 = 1.0;

/// A clipping area's bounding box in page space.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ClipBox {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

impl ClipBox {
    fn around(x: f32, y: f32) -> ClipBox {
        ClipBox {
            x0: x,
            y0: y,
            x1: x,
            y1: y,
        }
    }

    fn including(self, x: f32, y: f32) -> ClipBox {
        ClipBox {
            x0: self.x0.min(x),
            y0: self.y0.min(y),
            x1: self.x1.max(x),
            y1: self.y1.max(y),
        }
    }

    /// The common part of two clips (an empty one stays empty).
    fn intersect(self, other: ClipBox) -> ClipBox {
        let (x0, y0) = (self.x0.max(other.x0), self.y0.max(other.y0));
        ClipBox {
            x0,
            y0,
            x1: self.x1.min(other.x1).max(x0),
            y1: self.y1.min(other.y1).max(y0),
        }
    }

    /// For a point outside the clip (a glyph whose centre is clipped is more
    /// than half hidden), the nearest point inside it, kept clear of its
    /// edges so that it falls in the cell the clip is.
    fn anchor_of(&self, x: f32, y: f32) -> Option<(f32, f32)> {
        let outside = x < self.x0 || x > self.x1 || y < self.y0 || y > self.y1;
        if !outside {
            return None;
        }
        let inside = |v: f32, a: f32, b: f32| {
            let margin = ((b - a) / 2.0).min(CLIP_ANCHOR_MARGIN);
            v.clamp(a + margin, b - margin)
        };
        Some((inside(x, self.x0, self.x1), inside(y, self.y0, self.y1)))
    }
}

impl GraphicsState {
    fn new(ctm: Matrix) -> Self {
        GraphicsState {
            ctm,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            stroke_white: false,
            fill_white: false,
            clip: None,
        }
    }
}

/// Output sink of the interpreter, in page space.
#[derive(Default)]
pub struct PageContent {
    pub glyphs: Vec<Glyph>,
    pub segments: Vec<Segment>,
    /// Glyphs whose font mapped them to no Unicode text.
    pub unmapped_glyphs: usize,
}

pub struct Interpreter<'a> {
    store: &'a ObjectStore<'a>,
    fonts: &'a mut FontTable,
    out: PageContent,
    /// Form XObjects' decoded content, by stream (the store's objects stay
    /// put while it lives): a form drawn many times on a page is decoded once,
    /// and one that cannot be decoded is tried once (`None`).
    forms: HashMap<*const Stream, Option<Rc<[u8]>>>,
}

#[derive(Default)]
struct PathState {
    /// Subpaths as point lists in user space after CTM (device-ish space).
    subpaths: Vec<Vec<(f32, f32)>>,
    /// Rectangles added with `re`, in transformed corners.
    rects: Vec<[(f32, f32); 4]>,
    /// Points and rectangles held, against [`MAX_PATH_POINTS`].
    size: usize,
}

impl PathState {
    /// Whether the path may grow by one more point or rectangle.
    fn grow(&mut self) -> bool {
        self.size += 1;
        self.size <= MAX_PATH_POINTS
    }

    /// `h`: the current subpath returns to its start.
    fn close_last(&mut self) {
        if let Some(sp) = self.subpaths.last_mut() {
            if sp.len() > 1 {
                let first = sp[0];
                sp.push(first);
            }
        }
    }

    /// The bounding box of the path's points and rectangles.
    fn bounds(&self) -> Option<ClipBox> {
        self.subpaths
            .iter()
            .flatten()
            .chain(self.rects.iter().flatten())
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .fold(None, |b: Option<ClipBox>, &(x, y)| {
                Some(b.map_or(ClipBox::around(x, y), |b| b.including(x, y)))
            })
    }

    /// A painting operator ends the path.
    fn clear(&mut self) {
        self.subpaths.clear();
        self.rects.clear();
        self.size = 0;
    }
}

/// Six operands `a b c d e f` as a matrix (`cm`, `Tm`); anything but six is no matrix.
fn matrix(op: &Operation) -> Option<Matrix> {
    (op.operands.len() == 6).then(|| {
        Matrix::new(
            op.num(0),
            op.num(1),
            op.num(2),
            op.num(3),
            op.num(4),
            op.num(5),
        )
    })
}

/// A form's `/Matrix` array.
fn matrix_of(array: &[Object]) -> Option<Matrix> {
    let v: [f32; 6] = array
        .iter()
        .map(|o| match o {
            Object::Integer(i) => *i as f32,
            Object::Real(r) => *r,
            _ => 0.0,
        })
        .collect::<Vec<_>>()
        .try_into()
        .ok()?;
    Some(Matrix::new(v[0], v[1], v[2], v[3], v[4], v[5]))
}

/// Whether an operator ends the current path (paints it, or `n`).
fn ends_path(op: &[u8]) -> bool {
    matches!(
        op,
        b"n" | b"S" | b"s" | b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*"
    )
}

/// Whether colour operands describe (near) white in their colour space.
fn is_white(op: &Operation) -> bool {
    let n = op.operands.len();
    let all = |k: usize, test: fn(f32) -> bool| n >= k && (0..k).all(|i| test(op.num(i)));
    match op.operator {
        b"g" | b"G" => all(1, |g| g > 0.95),
        b"rg" | b"RG" => all(3, |c| c > 0.95),
        b"k" | b"K" => all(4, |c| c < 0.05),
        _ => false,
    }
}

impl<'a> Interpreter<'a> {
    pub fn new(store: &'a ObjectStore<'a>, fonts: &'a mut FontTable) -> Self {
        Interpreter {
            store,
            fonts,
            out: PageContent::default(),
            forms: HashMap::new(),
        }
    }

    /// Runs `content` with `resources` under `base` (user space → page space).
    pub fn run(
        mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        base: Matrix,
    ) -> Result<PageContent, LimitHit> {
        self.execute(content, resources, base, 0)?;
        Ok(self.out)
    }

    fn resource(
        &self,
        resources: Option<&'a Dictionary>,
        category: &[u8],
        name: &[u8],
    ) -> Option<&'a Object> {
        let store: &'a ObjectStore<'a> = self.store;
        let cat = store.get_in(resources?, category)?.as_dict().ok()?;
        cat.get(name).ok()
    }

    fn execute(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        ctm: Matrix,
        depth: u32,
    ) -> Result<(), LimitHit> {
        let mut gs = GraphicsState::new(ctm);
        let mut stack: Vec<GraphicsState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut path = PathState::default();
        let mut lexer = Lexer::new(content);
        let mut text = Vec::new();
        // `W`/`W*` make the current path the clip once the path is ended.
        let mut clip_pending = false;
        let usage = self.store.usage();
        while let Some(op) = lexer.next() {
            usage.operator()?;
            let n = op.operands.len();
            if clip_pending && ends_path(op.operator) {
                clip_pending = false;
                if let Some(b) = path.bounds() {
                    gs.clip = Some(gs.clip.map_or(b, |c| c.intersect(b)));
                }
            }
            match op.operator {
                b"W" | b"W*" => clip_pending = true,
                b"q" if stack.len() < 256 => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                b"cm" => {
                    if let Some(m) = matrix(&op).filter(Matrix::is_finite) {
                        gs.ctm = m.then(&gs.ctm);
                    }
                }
                b"g" | b"rg" | b"k" | b"sc" | b"scn" => gs.fill_white = is_white(&op),
                b"G" | b"RG" | b"K" | b"SC" | b"SCN" => gs.stroke_white = is_white(&op),
                b"cs" => gs.fill_white = false,
                b"CS" => gs.stroke_white = false,
                // Paths.
                b"m" | b"l" | b"c" | b"v" | b"y" | b"re" if !path.grow() => {}
                b"m" if n == 2 => {
                    let p = gs.ctm.apply(op.num(0), op.num(1));
                    path.subpaths.push(vec![p]);
                }
                b"l" if n == 2 => {
                    let p = gs.ctm.apply(op.num(0), op.num(1));
                    match path.subpaths.last_mut() {
                        Some(sp) => sp.push(p),
                        None => path.subpaths.push(vec![p]),
                    }
                }
                // Curves are never rulings: end the straight run at the curve's end point
                // without connecting it.
                b"c" | b"v" | b"y" if n >= 2 => {
                    let p = gs.ctm.apply(op.num(n - 2), op.num(n - 1));
                    path.subpaths.push(vec![p]);
                }
                b"h" => path.close_last(),
                b"re" if n == 4 => {
                    let (x, y, w, h) = (op.num(0), op.num(1), op.num(2), op.num(3));
                    let c = gs.ctm;
                    path.rects.push([
                        c.apply(x, y),
                        c.apply(x + w, y),
                        c.apply(x + w, y + h),
                        c.apply(x, y + h),
                    ]);
                }
                b"S" | b"s" => {
                    if op.operator == b"s" {
                        path.close_last();
                    }
                    if !gs.stroke_white {
                        self.emit_stroke(&path)?;
                    }
                    path.clear();
                }
                b"f" | b"F" | b"f*" => {
                    if !gs.fill_white {
                        self.emit_fill(&path)?;
                    }
                    path.clear();
                }
                b"B" | b"B*" | b"b" | b"b*" => {
                    if op.operator[0] == b'b' {
                        path.close_last();
                    }
                    if !gs.stroke_white {
                        self.emit_stroke(&path)?;
                    } else if !gs.fill_white {
                        self.emit_fill(&path)?;
                    }
                    path.clear();
                }
                b"n" => {
                    path.clear();
                }
                // Text state.
                b"BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                b"Tc" if n > 0 => gs.char_spacing = op.num(0),
                b"Tw" if n > 0 => gs.word_spacing = op.num(0),
                b"Tz" if n > 0 => gs.horizontal_scale = op.num(0) / 100.0,
                b"TL" if n > 0 => gs.leading = op.num(0),
                b"Ts" if n > 0 => gs.rise = op.num(0),
                b"Tf" if n == 2 => {
                    gs.font_size = op.num(1);
                    gs.font = op
                        .name(0)
                        .and_then(|name| self.resource(resources, b"Font", &name))
                        .and_then(|f| self.fonts.resolve(self.store, f));
                }
                b"Td" if n == 2 => {
                    tlm = Matrix::translate(op.num(0), op.num(1)).then(&tlm);
                    tm = tlm;
                }
                b"TD" if n == 2 => {
                    gs.leading = -op.num(1);
                    tlm = Matrix::translate(op.num(0), op.num(1)).then(&tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    if let Some(m) = matrix(&op).filter(Matrix::is_finite) {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                }
                b"Tj" if n > 0 && op.operands[0].string_into(&mut text) => {
                    self.show(&gs, &mut tm, &text)?;
                }
                b"'" if n > 0 => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                    if op.operands[0].string_into(&mut text) {
                        self.show(&gs, &mut tm, &text)?;
                    }
                }
                b"\"" if n == 3 => {
                    gs.word_spacing = op.num(0);
                    gs.char_spacing = op.num(1);
                    tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                    if op.operands[2].string_into(&mut text) {
                        self.show(&gs, &mut tm, &text)?;
                    }
                }
                b"TJ" if n > 0 => {
                    for item in op.array(0).unwrap_or_default() {
                        match item {
                            Operand::Number(adjust) => {
                                let tx = -adjust / 1000.0 * gs.font_size * gs.horizontal_scale;
                                tm = Matrix::translate(tx, 0.0).then(&tm);
                            }
                            s => {
                                if s.string_into(&mut text) {
                                    self.show(&gs, &mut tm, &text)?;
                                }
                            }
                        }
                    }
                }
                b"Do" if n > 0 && depth < MAX_FORM_DEPTH => {
                    let Some(name) = op.name(0) else { continue };
                    let store: &'a ObjectStore<'a> = self.store;
                    let Some(Object::Stream(form)) = self
                        .resource(resources, b"XObject", &name)
                        .and_then(|x| store.resolve(x))
                    else {
                        continue;
                    };
                    if form.dict.get(b"Subtype").and_then(Object::as_name).ok()
                        != Some(b"Form".as_slice())
                    {
                        continue;
                    }
                    let data = match self.forms.get(&std::ptr::from_ref(form)) {
                        Some(data) => data.clone(),
                        None => {
                            let data: Option<Rc<[u8]>> = store.stream_data(form).map(Rc::from);
                            self.forms.insert(form, data.clone());
                            data
                        }
                    };
                    let Some(data) = data else {
                        usage.check()?;
                        continue;
                    };
                    let m = form
                        .dict
                        .get(b"Matrix")
                        .and_then(Object::as_array)
                        .ok()
                        .and_then(|a| matrix_of(a))
                        .unwrap_or(Matrix::IDENTITY);
                    let form_res = store
                        .get_in(&form.dict, b"Resources")
                        .and_then(|r| r.as_dict().ok())
                        .or(resources);
                    self.execute(&data, form_res, m.then(&gs.ctm), depth + 1)?;
                }
                _ => {}
            }
        }
        usage.check()
    }

    /// Shows `bytes` in the current font, advancing the text matrix.
    fn show(&mut self, gs: &GraphicsState, tm: &mut Matrix, bytes: &[u8]) -> Result<(), LimitHit> {
        let Some(fi) = gs.font else { return Ok(()) };
        let font = self.fonts.get_mut(fi);
        let size_scale = font.size_scale;
        let fs = gs.font_size;
        let th = gs.horizontal_scale;
        let (tc, tw, rise) = (gs.char_spacing, gs.word_spacing, gs.rise);
        let ctm = gs.ctm;
        let clip = gs.clip;
        let out = &mut self.out;
        let before = out.glyphs.len();
        let page_max = self.store.usage().limits.max_page_glyphs;
        font.decode(bytes, |d| {
            let trm = Matrix::new(fs * th, 0.0, 0.0, fs, 0.0, rise)
                .then(tm)
                .then(&ctm);
            let w0 = d.advance;
            let tx = (w0 * fs + tc + if d.is_space_byte { tw } else { 0.0 }) * th;
            let (x, y) = trm.apply(0.0, 0.0);
            let (x_end, _) = Matrix::translate(w0, 0.0).then(&trm).apply(0.0, 0.0);
            let size = trm.vertical_scale() * size_scale;
            // Past the page's limit nothing more is kept; the hit is reported below.
            if x.is_finite() && y.is_finite() && size.is_finite() && out.glyphs.len() <= page_max {
                let n = d.text.chars().count().max(1) as f32;
                let width = (x_end - x) / n;
                if d.text.is_empty() {
                    out.unmapped_glyphs += 1;
                }
                for (k, ch) in d.text.chars().enumerate() {
                    let gx = x + width * k as f32;
                    let clip_anchor =
                        clip.and_then(|c| c.anchor_of(gx + width / 2.0, y - 0.35 * size));
                    out.glyphs.push(Glyph {
                        ch,
                        x: gx,
                        baseline: y,
                        width,
                        size,
                        font: fi,
                        clip_anchor,
                    });
                }
            }
            *tm = Matrix::translate(tx, 0.0).then(tm);
        });
        let usage = self.store.usage();
        usage.glyphs(self.out.glyphs.len() - before)?;
        if self.out.glyphs.len() > page_max {
            return Err(usage.exceed(LimitKind::PageGlyphs, page_max as u64));
        }
        Ok(())
    }

    /// Fails once the page holds more segments than allowed.
    fn segments_within_limit(&self) -> Result<(), LimitHit> {
        let usage = self.store.usage();
        let max = usage.limits.max_page_segments;
        if self.out.segments.len() > max {
            return Err(usage.exceed(LimitKind::PageSegments, max as u64));
        }
        Ok(())
    }

    fn emit_stroke(&mut self, path: &PathState) -> Result<(), LimitHit> {
        for sp in &path.subpaths {
            for w in sp.windows(2) {
                push_axis_aligned(&mut self.out.segments, w[0], w[1]);
            }
            self.segments_within_limit()?;
        }
        for r in &path.rects {
            for i in 0..4 {
                push_axis_aligned(&mut self.out.segments, r[i], r[(i + 1) % 4]);
            }
            self.segments_within_limit()?;
        }
        Ok(())
    }

    fn emit_fill(&mut self, path: &PathState) -> Result<(), LimitHit> {
        let mut rect_like: Vec<[(f32, f32); 4]> = path.rects.clone();
        for sp in &path.subpaths {
            // A filled closed 4-point path is a rectangle drawn with m/l.
            let pts: &[(f32, f32)] = if sp.len() == 5 && sp[0] == sp[4] {
                &sp[..4]
            } else {
                sp
            };
            if pts.len() == 4 {
                rect_like.push([pts[0], pts[1], pts[2], pts[3]]);
            }
        }
        for r in rect_like {
            let xs = r.map(|p| p.0);
            let ys = r.map(|p| p.1);
            let (x0, x1) = (
                xs.iter().cloned().fold(f32::MAX, f32::min),
                xs.iter().cloned().fold(f32::MIN, f32::max),
            );
            let (y0, y1) = (
                ys.iter().cloned().fold(f32::MAX, f32::min),
                ys.iter().cloned().fold(f32::MIN, f32::max),
            );
            let (w, h) = (x1 - x0, y1 - y0);
            if h <= THIN_FILL && w > h {
                let y = (y0 + y1) / 2.0;
                self.out.segments.push(Segment::new(x0, y, x1, y));
            } else if w <= THIN_FILL && h > w {
                let x = (x0 + x1) / 2.0;
                self.out.segments.push(Segment::new(x, y0, x, y1));
            }
        }
        self.segments_within_limit()
    }
}

fn push_axis_aligned(out: &mut Vec<Segment>, a: (f32, f32), b: (f32, f32)) {
    let (dx, dy) = ((b.0 - a.0).abs(), (b.1 - a.1).abs());
    if !(dx.is_finite() && dy.is_finite()) || (dx < 0.5 && dy < 0.5) {
        return;
    }
    if dy <= 0.5 {
        let y = (a.1 + b.1) / 2.0;
        out.push(Segment::new(a.0, y, b.0, y));
    } else if dx <= 0.5 {
        let x = (a.0 + b.0) / 2.0;
        out.push(Segment::new(x, a.1, x, b.1));
    }
}
