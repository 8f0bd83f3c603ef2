//! The content-stream interpreter: text state, graphics state and paths, enough
//! to place every glyph and every ruling exactly. Colours are tracked only to
//! drop white (invisible) rulings, which otherwise split cells.
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object};

use crate::document::stream_data;
use crate::font::FontTable;
use crate::geometry::Matrix;
use crate::page::{Glyph, Segment};

/// Form XObjects nested deeper than this are skipped (hostile recursion).
const MAX_FORM_DEPTH: u32 = 8;
/// A filled rectangle thinner than this is a ruling, not a shaded area.
const THIN_FILL: f32 = 2.5;

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
    doc: &'a Document,
    fonts: &'a mut FontTable,
    out: PageContent,
    /// Limit on decoded content per page, bytes.
    content_limit: usize,
    content_used: usize,
}

struct PathState {
    /// Subpaths as point lists in user space after CTM (device-ish space).
    subpaths: Vec<Vec<(f32, f32)>>,
    /// Rectangles added with `re`, in transformed corners.
    rects: Vec<[(f32, f32); 4]>,
}

impl PathState {
    /// `h`: the current subpath returns to its start.
    fn close_last(&mut self) {
        if let Some(sp) = self.subpaths.last_mut() {
            if sp.len() > 1 {
                let first = sp[0];
                sp.push(first);
            }
        }
    }

    /// A painting operator ends the path.
    fn clear(&mut self) {
        self.subpaths.clear();
        self.rects.clear();
    }
}

/// Six operands `a b c d e f` as a matrix (`cm`, `Tm`, a form's /Matrix).
fn matrix(ops: &[Object]) -> Option<Matrix> {
    let v: [f32; 6] = nums(ops).try_into().ok()?;
    Some(Matrix::new(v[0], v[1], v[2], v[3], v[4], v[5]))
}

fn num(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

fn nums(ops: &[Object]) -> Vec<f32> {
    ops.iter().map(num).collect()
}

/// Whether colour operands describe (near) white in their colour space.
fn is_white(op: &str, operands: &[Object]) -> bool {
    let v = nums(operands);
    match op {
        "g" | "G" => v.first().is_some_and(|g| *g > 0.95),
        "rg" | "RG" => v.len() >= 3 && v[..3].iter().all(|c| *c > 0.95),
        "k" | "K" => v.len() >= 4 && v[..4].iter().all(|c| *c < 0.05),
        _ => false,
    }
}

impl<'a> Interpreter<'a> {
    pub fn new(doc: &'a Document, fonts: &'a mut FontTable, content_limit: usize) -> Self {
        Interpreter {
            doc,
            fonts,
            out: PageContent::default(),
            content_limit,
            content_used: 0,
        }
    }

    /// Runs `content` with `resources` under `base` (user space → page space).
    pub fn run(
        mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        base: Matrix,
    ) -> PageContent {
        self.content_used = content.len();
        self.execute(content, resources, base, 0);
        self.out
    }

    fn resource(
        &self,
        resources: Option<&'a Dictionary>,
        category: &[u8],
        name: &[u8],
    ) -> Option<&'a Object> {
        let doc: &'a Document = self.doc;
        let cat = resources?.get(category).ok()?;
        let cat = doc.dereference(cat).ok()?.1.as_dict().ok()?;
        cat.get(name).ok()
    }

    fn execute(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        ctm: Matrix,
        depth: u32,
    ) {
        let mut gs = GraphicsState::new(ctm);
        let mut stack: Vec<GraphicsState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut path = PathState {
            subpaths: Vec::new(),
            rects: Vec::new(),
        };
        for op in Content::decode_iter(content) {
            let Ok(Operation { operator, operands }) = op else {
                break;
            };
            let o = &operands;
            match operator.as_str() {
                "q" if stack.len() < 256 => stack.push(gs.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                "cm" => {
                    if let Some(m) = matrix(o).filter(Matrix::is_finite) {
                        gs.ctm = m.then(&gs.ctm);
                    }
                }
                "g" | "rg" | "k" | "sc" | "scn" => gs.fill_white = is_white(&operator, o),
                "G" | "RG" | "K" | "SC" | "SCN" => gs.stroke_white = is_white(&operator, o),
                "cs" => gs.fill_white = false,
                "CS" => gs.stroke_white = false,
                // Paths.
                "m" if o.len() == 2 => {
                    let p = gs.ctm.apply(num(&o[0]), num(&o[1]));
                    path.subpaths.push(vec![p]);
                }
                "l" if o.len() == 2 => {
                    let p = gs.ctm.apply(num(&o[0]), num(&o[1]));
                    match path.subpaths.last_mut() {
                        Some(sp) => sp.push(p),
                        None => path.subpaths.push(vec![p]),
                    }
                }
                // Curves are never rulings: end the straight run at the curve's end point
                // without connecting it.
                "c" | "v" | "y" if o.len() >= 2 => {
                    let n = o.len();
                    let p = gs.ctm.apply(num(&o[n - 2]), num(&o[n - 1]));
                    path.subpaths.push(vec![p]);
                }
                "h" => path.close_last(),
                "re" if o.len() == 4 => {
                    let v = nums(o);
                    let (x, y, w, h) = (v[0], v[1], v[2], v[3]);
                    let c = gs.ctm;
                    path.rects.push([
                        c.apply(x, y),
                        c.apply(x + w, y),
                        c.apply(x + w, y + h),
                        c.apply(x, y + h),
                    ]);
                }
                "S" | "s" => {
                    if operator == "s" {
                        path.close_last();
                    }
                    if !gs.stroke_white {
                        self.emit_stroke(&path);
                    }
                    path.clear();
                }
                "f" | "F" | "f*" => {
                    if !gs.fill_white {
                        self.emit_fill(&path);
                    }
                    path.clear();
                }
                "B" | "B*" | "b" | "b*" => {
                    if operator.starts_with('b') {
                        path.close_last();
                    }
                    if !gs.stroke_white {
                        self.emit_stroke(&path);
                    } else if !gs.fill_white {
                        self.emit_fill(&path);
                    }
                    path.clear();
                }
                "n" => {
                    path.clear();
                }
                // Text state.
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tc" if !o.is_empty() => gs.char_spacing = num(&o[0]),
                "Tw" if !o.is_empty() => gs.word_spacing = num(&o[0]),
                "Tz" if !o.is_empty() => gs.horizontal_scale = num(&o[0]) / 100.0,
                "TL" if !o.is_empty() => gs.leading = num(&o[0]),
                "Ts" if !o.is_empty() => gs.rise = num(&o[0]),
                "Tf" if o.len() == 2 => {
                    gs.font_size = num(&o[1]);
                    gs.font = o[0]
                        .as_name()
                        .ok()
                        .and_then(|n| self.resource(resources, b"Font", n).cloned())
                        .and_then(|f| self.fonts.resolve(self.doc, &f));
                }
                "Td" if o.len() == 2 => {
                    tlm = Matrix::translate(num(&o[0]), num(&o[1])).then(&tlm);
                    tm = tlm;
                }
                "TD" if o.len() == 2 => {
                    gs.leading = -num(&o[1]);
                    tlm = Matrix::translate(num(&o[0]), num(&o[1])).then(&tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = matrix(o).filter(Matrix::is_finite) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                }
                "Tj" if !o.is_empty() => {
                    if let Ok(s) = o[0].as_str() {
                        self.show(&gs, &mut tm, s);
                    }
                }
                "'" if !o.is_empty() => {
                    tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                    if let Ok(s) = o[0].as_str() {
                        self.show(&gs, &mut tm, s);
                    }
                }
                "\"" if o.len() == 3 => {
                    gs.word_spacing = num(&o[0]);
                    gs.char_spacing = num(&o[1]);
                    tlm = Matrix::translate(0.0, -gs.leading).then(&tlm);
                    tm = tlm;
                    if let Ok(s) = o[2].as_str() {
                        self.show(&gs, &mut tm, s);
                    }
                }
                "TJ" if !o.is_empty() => {
                    if let Ok(items) = o[0].as_array() {
                        for item in items {
                            match item {
                                Object::String(s, _) => self.show(&gs, &mut tm, s),
                                Object::Integer(_) | Object::Real(_) => {
                                    let tx =
                                        -num(item) / 1000.0 * gs.font_size * gs.horizontal_scale;
                                    tm = Matrix::translate(tx, 0.0).then(&tm);
                                }
                                _ => {}
                            }
                        }
                    }
                }
                "Do" if !o.is_empty() && depth < MAX_FORM_DEPTH => {
                    let Ok(name) = o[0].as_name() else { continue };
                    let Some(xobj) = self.resource(resources, b"XObject", name) else {
                        continue;
                    };
                    let Ok((_, Object::Stream(stream))) = self.doc.dereference(xobj) else {
                        continue;
                    };
                    if stream.dict.get(b"Subtype").and_then(Object::as_name).ok()
                        != Some(b"Form".as_slice())
                    {
                        continue;
                    }
                    let remaining = self.content_limit.saturating_sub(self.content_used);
                    let Some(data) = stream_data(stream, remaining) else {
                        continue;
                    };
                    self.content_used += data.len();
                    let m = stream
                        .dict
                        .get(b"Matrix")
                        .and_then(Object::as_array)
                        .ok()
                        .and_then(|a| matrix(a))
                        .unwrap_or(Matrix::IDENTITY);
                    let doc: &'a Document = self.doc;
                    let form_res = stream
                        .dict
                        .get(b"Resources")
                        .ok()
                        .and_then(|r| doc.dereference(r).ok())
                        .and_then(|(_, r)| r.as_dict().ok())
                        .or(resources);
                    self.execute(&data, form_res, m.then(&gs.ctm), depth + 1);
                }
                _ => {}
            }
        }
    }

    fn show(&mut self, gs: &GraphicsState, tm: &mut Matrix, bytes: &[u8]) {
        let Some(fi) = gs.font else { return };
        let font = self.fonts.get_mut(fi);
        let size_scale = font.size_scale;
        let fs = gs.font_size;
        let th = gs.horizontal_scale;
        let (tc, tw, rise) = (gs.char_spacing, gs.word_spacing, gs.rise);
        let ctm = gs.ctm;
        let out = &mut self.out;
        font.decode(bytes, |d| {
            let trm = Matrix::new(fs * th, 0.0, 0.0, fs, 0.0, rise)
                .then(tm)
                .then(&ctm);
            let w0 = d.advance;
            let tx = (w0 * fs + tc + if d.is_space_byte { tw } else { 0.0 }) * th;
            let (x, y) = trm.apply(0.0, 0.0);
            let (x_end, _) = Matrix::translate(w0, 0.0).then(&trm).apply(0.0, 0.0);
            let size = trm.vertical_scale() * size_scale;
            if x.is_finite() && y.is_finite() && size.is_finite() {
                let n = d.text.chars().count().max(1) as f32;
                let width = (x_end - x) / n;
                if d.text.is_empty() {
                    out.unmapped_glyphs += 1;
                }
                for (k, ch) in d.text.chars().enumerate() {
                    out.glyphs.push(Glyph {
                        ch,
                        x: x + width * k as f32,
                        baseline: y,
                        width,
                        size,
                        font: fi,
                    });
                }
            }
            *tm = Matrix::translate(tx, 0.0).then(tm);
        });
    }

    fn emit_stroke(&mut self, path: &PathState) {
        for sp in &path.subpaths {
            for w in sp.windows(2) {
                push_axis_aligned(&mut self.out.segments, w[0], w[1]);
            }
        }
        for r in &path.rects {
            for i in 0..4 {
                push_axis_aligned(&mut self.out.segments, r[i], r[(i + 1) % 4]);
            }
        }
    }

    fn emit_fill(&mut self, path: &PathState) {
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
