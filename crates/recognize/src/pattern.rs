//! Regular expressions, cheap to compile: `regex-lite` rather than `regex`.
//!
//! Every process compiles the recognizer's and the checks' patterns once; with
//! `regex` (Unicode tables turned into byte automata, forward and reverse,
//! prefilters, one-pass DFAs) that took 3–5 ms and most of a one-page file's
//! time. `regex-lite` compiles them in microseconds and searches the short
//! texts they run on (titles, lines, passages) fast enough.
//!
//! What a pattern means does not change: `regex-lite` has no Unicode classes,
//! so [`Regex::new`] spells the ones our patterns use as `regex` defines them —
//! `\s` and `\S` (Unicode White_Space, which includes U+2002–U+200A and U+3000)
//! and `\p{Han}` (the Han script). `\d` and `\D` are ASCII digits, as in
//! `regex-lite`: recognition reads normalized text, where full-width digits are
//! already ASCII, and no other script's digits are figures in these documents.
use std::ops::Deref;

pub use regex_lite::{escape, Captures, Error};

/// A compiled pattern (`regex_lite::Regex`, whose methods it lends).
#[derive(Debug, Clone)]
pub struct Regex(regex_lite::Regex);

impl Regex {
    /// Compiles `pattern` with the Unicode classes above spelled out.
    pub fn new(pattern: &str) -> Result<Regex, Error> {
        regex_lite::Regex::new(&spell_classes(pattern)).map(Regex)
    }
}

impl Deref for Regex {
    type Target = regex_lite::Regex;
    fn deref(&self) -> &regex_lite::Regex {
        &self.0
    }
}

/// Unicode White_Space (as `regex`'s `\s`), as class items.
const WHITE_SPACE: &str =
    r"\t-\r \u{85}\u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}";

/// Anything but White_Space (as `regex`'s `\S`), as class items.
const NOT_WHITE_SPACE: &str = r"\u{0}-\u{8}\u{E}-\u{1F}!-\u{84}\u{86}-\u{9F}\u{A1}-\u{167F}\u{1681}-\u{1FFF}\u{200B}-\u{2027}\u{202A}-\u{202E}\u{2030}-\u{205E}\u{2060}-\u{2FFF}\u{3001}-\u{10FFFF}";

/// The Han script (as `regex`'s `\p{Han}`, Unicode 16).
const HAN_RANGES: [(char, char); 22] = [
    ('\u{2E80}', '\u{2E99}'),
    ('\u{2E9B}', '\u{2EF3}'),
    ('\u{2F00}', '\u{2FD5}'),
    ('\u{3005}', '\u{3005}'),
    ('\u{3007}', '\u{3007}'),
    ('\u{3021}', '\u{3029}'),
    ('\u{3038}', '\u{303B}'),
    ('\u{3400}', '\u{4DBF}'),
    ('\u{4E00}', '\u{9FFF}'),
    ('\u{F900}', '\u{FA6D}'),
    ('\u{FA70}', '\u{FAD9}'),
    ('\u{16FE2}', '\u{16FE3}'),
    ('\u{16FF0}', '\u{16FF1}'),
    ('\u{20000}', '\u{2A6DF}'),
    ('\u{2A700}', '\u{2B739}'),
    ('\u{2B740}', '\u{2B81D}'),
    ('\u{2B820}', '\u{2CEA1}'),
    ('\u{2CEB0}', '\u{2EBE0}'),
    ('\u{2EBF0}', '\u{2EE5D}'),
    ('\u{2F800}', '\u{2FA1D}'),
    ('\u{30000}', '\u{3134A}'),
    ('\u{31350}', '\u{323AF}'),
];

/// Whether `c` is of the Han script (`\p{Han}`).
pub fn is_han(c: char) -> bool {
    // Most text is Han or ASCII: the unified ideographs first.
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
        || (c >= '\u{2E80}' && HAN_RANGES.iter().any(|&(a, b)| (a..=b).contains(&c)))
}

/// `count` texts of up to `most` pieces each, drawn from `pieces` by a fixed
/// pseudo-random sequence: what the tests of a matcher written by hand feed
/// it and the pattern it stands for, to hold the two to the same matches.
pub fn sample_texts(pieces: &[&str], most: u64, count: usize) -> Vec<String> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let bits = usize::BITS - pieces.len().leading_zeros();
    (0..count)
        .map(|_| {
            // xorshift64
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (0..state % (most + 1))
                .map(|i| pieces[(state >> (8 + bits as u64 * i)) as usize % pieces.len()])
                .collect()
        })
        .collect()
}

/// [`HAN_RANGES`] as class items.
fn han_items() -> &'static str {
    static ITEMS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ITEMS.get_or_init(|| {
        HAN_RANGES
            .iter()
            .map(|&(a, b)| format!("\\u{{{:X}}}-\\u{{{:X}}}", a as u32, b as u32))
            .collect()
    })
}

/// `pattern` with `\s`, `\S` and `\p{Han}` written as explicit classes
/// (inside a bracketed class, as its items).
fn spell_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut in_class = false;
    let mut rest = pattern;
    while let Some(c) = rest.chars().next() {
        let (items, len) = match c {
            '\\' if rest[1..].starts_with('s') => (WHITE_SPACE, 2),
            '\\' if rest[1..].starts_with('S') => {
                assert!(!in_class, "\\S inside a class: {pattern}");
                (NOT_WHITE_SPACE, 2)
            }
            '\\' if rest[1..].starts_with("p{Han}") => (han_items(), 7),
            '\\' => {
                // Any other escape, with the character it escapes.
                let len = 1 + rest[1..].chars().next().map_or(0, char::len_utf8);
                out.push_str(&rest[..len]);
                rest = &rest[len..];
                continue;
            }
            '[' if !in_class => {
                in_class = true;
                // A `]` right after `[` or `[^` is a literal, not the end.
                let open = if rest[1..].starts_with('^') { 2 } else { 1 };
                let open = open + usize::from(rest[open..].starts_with(']'));
                out.push_str(&rest[..open]);
                rest = &rest[open..];
                continue;
            }
            ']' if in_class => {
                in_class = false;
                out.push(']');
                rest = &rest[1..];
                continue;
            }
            c => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
                continue;
            }
        };
        if in_class {
            out.push_str(items);
        } else {
            out.push('[');
            out.push_str(items);
            out.push(']');
        }
        rest = &rest[len..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_spelled_where_they_stand() {
        assert_eq!(spell_classes(r"a\sb"), format!("a[{WHITE_SPACE}]b"));
        assert_eq!(spell_classes(r"[\s.]+"), format!("[{WHITE_SPACE}.]+"));
        assert_eq!(
            spell_classes(r"[\p{Han}()]"),
            format!("[{}()]", han_items())
        );
        assert_eq!(spell_classes(r"(\S+)$"), format!("([{NOT_WHITE_SPACE}]+)$"));
        // Other escapes stay, an escaped `\` does not start one, `[]]` is one class.
        assert_eq!(
            spell_classes(r"\d\.\\s[]s]\s"),
            format!(r"\d\.\\s[]s][{WHITE_SPACE}]")
        );
    }

    #[test]
    fn unicode_classes_keep_their_meaning() {
        let ws = Regex::new(r"^\s+$").unwrap();
        for s in [" ", "\t\n", "\u{3000}", "\u{2002}", "\u{a0}", "\u{85}"] {
            assert!(ws.is_match(s), "{s:?}");
        }
        let not_ws = Regex::new(r"^\S+$").unwrap();
        assert!(not_ws.is_match("表1\u{200B}x"));
        for s in ["\u{3000}", "\u{2009}", " ", "\u{2028}"] {
            assert!(!not_ws.is_match(s), "{s:?}");
        }
        let han = Regex::new(r"^\p{Han}+$").unwrap();
        assert!(han.is_match("上海市〇々⺀𠀀"));
        assert!(!han.is_match("（"));
        assert!(!han.is_match("ア"));
    }

    /// Every character is in each spelled class exactly when `regex` puts it
    /// in the class the spelling replaces.
    #[test]
    fn spelled_classes_are_regex_classes() {
        for class in [r"\s", r"\S", r"\p{Han}"] {
            let reference = regex::Regex::new(&format!("^{class}$")).unwrap();
            let ours = Regex::new(&format!("^{class}$")).unwrap();
            let mut buf = [0u8; 4];
            for c in (0..=0x10FFFF).filter_map(char::from_u32) {
                let s = c.encode_utf8(&mut buf);
                let expected = reference.is_match(s);
                assert_eq!(ours.is_match(s), expected, "{class} {c:?}");
                if class == r"\p{Han}" {
                    assert_eq!(is_han(c), expected, "is_han {c:?}");
                }
            }
        }
    }
}
