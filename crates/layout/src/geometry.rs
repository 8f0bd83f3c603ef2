//! Interval overlap, by which columns, cells and text runs are matched
//! (shared with recognition).

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
