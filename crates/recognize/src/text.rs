//! Small text helpers shared by the recognizers.

pub use fiscal_layout::lines::compact;

/// Whether text is CJK enough to be a label rather than a figure.
pub fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}
