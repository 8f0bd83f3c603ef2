//! Where things are printed: [`PageBox`], the page and box every figure, row,
//! table, heading and paragraph of the model carries, so that a reader can
//! find on the page what was read.
pub mod forms;

use fiscal_layout::geometry::Rect;
use serde::{Deserialize, Serialize, Serializer};

/// A 1-based page and a box on it in pdfplumber's convention: `x0`, `top`,
/// `x1`, `bottom` in points (1/72 inch) from the page's top-left corner,
/// `y` growing downward. Written to 0.01 pt.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PageBox {
    /// 1-based page number.
    pub page: u32,
    /// Left edge.
    #[serde(serialize_with = "centipoints")]
    pub x0: f32,
    /// Top edge, from the page's top.
    #[serde(serialize_with = "centipoints")]
    pub top: f32,
    /// Right edge.
    #[serde(serialize_with = "centipoints")]
    pub x1: f32,
    /// Bottom edge, from the page's top.
    #[serde(serialize_with = "centipoints")]
    pub bottom: f32,
}

/// A coordinate rounded to 0.01 pt: what a box needs, without float noise.
fn centipoints<S: Serializer>(v: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((f64::from(*v) * 100.0).round() / 100.0)
}

impl PageBox {
    /// The box `r` on page `page`.
    pub fn new(page: u32, r: Rect) -> PageBox {
        PageBox {
            page,
            x0: r.x0,
            top: r.top,
            x1: r.x1,
            bottom: r.bottom,
        }
    }

    /// The box without its page.
    pub fn rect(&self) -> Rect {
        Rect {
            x0: self.x0,
            top: self.top,
            x1: self.x1,
            bottom: self.bottom,
        }
    }

    /// Both boxes as one where they are on one page; else `self`, the first.
    pub fn join(self, other: PageBox) -> PageBox {
        if self.page == other.page {
            PageBox::new(self.page, self.rect().union(other.rect()))
        } else {
            self
        }
    }
}

/// Adds `b` to `boxes`, one box per page: joined with the box of its page,
/// or appended for a page not seen yet.
pub fn add_per_page(boxes: &mut Vec<PageBox>, b: PageBox) {
    match boxes.iter_mut().find(|x| x.page == b.page) {
        Some(x) => *x = x.join(b),
        None => boxes.push(b),
    }
}

/// `a` joined with `b`, either of them absent.
pub fn join_opt(a: Option<PageBox>, b: Option<PageBox>) -> Option<PageBox> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.join(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pb(page: u32, x0: f32, top: f32, x1: f32, bottom: f32) -> PageBox {
        PageBox {
            page,
            x0,
            top,
            x1,
            bottom,
        }
    }

    #[test]
    fn boxes_join_on_their_page_only() {
        let a = pb(3, 10.0, 20.0, 30.0, 28.0);
        assert_eq!(
            a.join(pb(3, 5.0, 25.0, 12.0, 40.0)),
            pb(3, 5.0, 20.0, 30.0, 40.0)
        );
        assert_eq!(a.join(pb(4, 0.0, 0.0, 1.0, 1.0)), a);
        let mut per_page = vec![a];
        add_per_page(&mut per_page, pb(4, 0.0, 0.0, 1.0, 1.0));
        add_per_page(&mut per_page, pb(3, 10.0, 20.0, 35.0, 28.0));
        assert_eq!(
            per_page,
            [pb(3, 10.0, 20.0, 35.0, 28.0), pb(4, 0.0, 0.0, 1.0, 1.0)]
        );
    }

    #[test]
    fn coordinates_are_written_to_the_centipoint() {
        let json = serde_json::to_string(&pb(2, 595.28, 1.0 / 3.0, 100.0, 12.345)).unwrap();
        assert_eq!(
            json,
            r#"{"page":2,"x0":595.28,"top":0.33,"x1":100.0,"bottom":12.35}"#
        );
    }
}
