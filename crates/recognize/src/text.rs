//! Small text helpers shared by the recognizers.

/// Text without any whitespace (printed labels are often letter-spaced: "合    计").
pub fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether text is CJK enough to be a label rather than a figure.
pub fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}
