//! A page as the report draws it: the glyphs read, in runs along one
//! baseline, and the rulings; the browser lays each character at its own `x`.
use fiscal_reader::Page;
use serde_json::{json, Value};

/// One page's glyph runs and rulings, in page space (points, top-left origin).
#[derive(Debug, Clone)]
pub struct PageDrawing {
    /// 1-based page number.
    pub number: u32,
    pub width: f32,
    pub height: f32,
    /// (baseline, font size, text, the x of each character).
    pub runs: Vec<(f32, f32, String, Vec<f32>)>,
    /// Rulings as (x0, y0, x1, y1).
    pub rulings: Vec<[f32; 4]>,
}

/// Glyphs this far (× size) right of the last one's end still join its run.
const RUN_GAP: f32 = 3.0;

impl PageDrawing {
    /// The drawing of a page as read.
    pub fn of(page: &Page) -> PageDrawing {
        let mut runs: Vec<(f32, f32, String, Vec<f32>)> = Vec::new();
        let mut last_end = f32::MIN;
        for g in &page.glyphs {
            if g.ch.is_whitespace() || g.ch.is_control() {
                continue;
            }
            let joins = runs.last().is_some_and(|(b, s, _, xs)| {
                (b - g.baseline).abs() < 0.01
                    && (s - g.size).abs() < 0.01
                    && xs.last().is_some_and(|&x| g.x >= x)
                    && g.x - last_end <= RUN_GAP * g.size
            });
            if !joins {
                runs.push((g.baseline, g.size, String::new(), Vec::new()));
            }
            let run = runs.last_mut().expect("a run");
            run.2.push(g.ch);
            run.3.push(g.x);
            last_end = g.x1();
        }
        let rulings = page
            .segments
            .iter()
            .map(|s| [s.x0, s.y0, s.x1, s.y1])
            .collect();
        PageDrawing {
            number: page.number,
            width: page.width,
            height: page.height,
            runs,
            rulings,
        }
    }

    /// The compact JSON the report's script draws from.
    pub(crate) fn to_json(&self) -> Value {
        let r = |v: f32| (f64::from(v) * 10.0).round() / 10.0;
        json!({
            "w": r(self.width),
            "h": r(self.height),
            "s": self.rulings.iter().map(|s| s.map(r)).collect::<Vec<_>>(),
            "t": self.runs.iter().map(|(b, size, text, xs)| {
                json!([r(*b), r(*size), text, xs.iter().map(|x| r(*x)).collect::<Vec<_>>()])
            }).collect::<Vec<_>>(),
        })
    }
}
