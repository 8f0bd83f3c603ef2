//! Interval overlap, by which columns, cells and text runs are matched
//! (shared with recognition), and the boxes text is printed in.

/// An axis-aligned box in page space (points, origin top-left, `y` down):
/// pdfplumber's `x0`, `top`, `x1`, `bottom`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f32,
    pub top: f32,
    pub x1: f32,
    pub bottom: f32,
}

impl Rect {
    /// The smallest box holding both.
    pub fn union(self, o: Rect) -> Rect {
        Rect {
            x0: self.x0.min(o.x0),
            top: self.top.min(o.top),
            x1: self.x1.max(o.x1),
            bottom: self.bottom.max(o.bottom),
        }
    }

    /// The smallest box holding every box of `rects`; `None` for none.
    pub fn union_all(rects: impl IntoIterator<Item = Rect>) -> Option<Rect> {
        rects.into_iter().reduce(Rect::union)
    }
}

/// Length of the common part of intervals `a` and `b` (`(start, end)`), 0 if disjoint.
pub fn overlap(a: (f32, f32), b: (f32, f32)) -> f32 {
    (a.1.min(b.1) - a.0.max(b.0)).max(0.0)
}

/// `a` and `b` share more than half the narrower one: texts stacked in one column.
pub fn mostly_overlap(a: (f32, f32), b: (f32, f32)) -> bool {
    overlap(a, b) > 0.5 * (a.1 - a.0).min(b.1 - b.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_holds_both_boxes() {
        let a = Rect {
            x0: 0.0,
            top: 5.0,
            x1: 10.0,
            bottom: 8.0,
        };
        let b = Rect {
            x0: 4.0,
            top: 1.0,
            x1: 12.0,
            bottom: 6.0,
        };
        let u = Rect {
            x0: 0.0,
            top: 1.0,
            x1: 12.0,
            bottom: 8.0,
        };
        assert_eq!(a.union(b), u);
        assert_eq!(Rect::union_all([a, b]), Some(u));
        assert_eq!(Rect::union_all([]), None);
    }

    #[test]
    fn overlap_is_common_length_or_zero() {
        assert_eq!(overlap((0.0, 10.0), (5.0, 20.0)), 5.0);
        assert_eq!(overlap((5.0, 20.0), (0.0, 10.0)), 5.0);
        assert_eq!(overlap((0.0, 10.0), (2.0, 3.0)), 1.0);
        assert_eq!(overlap((0.0, 1.0), (2.0, 3.0)), 0.0);
    }

    #[test]
    fn mostly_overlap_needs_over_half_the_narrower() {
        assert!(mostly_overlap((0.0, 100.0), (40.0, 50.0)));
        assert!(mostly_overlap((0.0, 10.0), (4.0, 20.0)));
        assert!(!mostly_overlap((0.0, 10.0), (5.0, 20.0)));
    }
}
