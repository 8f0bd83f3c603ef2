//! Outline numbering: the level a heading's numbering gives it (第X部分 1,
//! 一、 2, （一） 3, 1. / 1、 4, （1） 5). Used by the outline, and wherever a
//! numbered line must be told from a title or a table row.
use std::sync::OnceLock;

use regex::Regex;

fn heading_res() -> &'static [(Regex, u8)] {
    static RE: OnceLock<Vec<(Regex, u8)>> = OnceLock::new();
    RE.get_or_init(|| {
        vec![
            (Regex::new(r"^第[一二三四五六七八九十]+部分").unwrap(), 1),
            (Regex::new(r"^[一二三四五六七八九十]+、").unwrap(), 2),
            (
                Regex::new(r"^[（(][一二三四五六七八九十]+[）)]").unwrap(),
                3,
            ),
            (Regex::new(r"^\d{1,2}[.、．](?:\D|\d{4}年|$)").unwrap(), 4),
            (Regex::new(r"^[（(]\d{1,2}[）)]").unwrap(), 5),
        ]
    })
}

/// The outline level of a heading's numbering, if the text starts with one.
pub fn numbering_level(text: &str) -> Option<u8> {
    split_numbering(text).map(|(level, _)| level)
}

/// A heading's numbering level and the text after the numbering
/// ("二、收入决算表" → (2, "收入决算表")).
pub fn split_numbering(text: &str) -> Option<(u8, &str)> {
    heading_res().iter().find_map(|(re, l)| {
        let m = re.find(text)?;
        // The level-4 pattern looks one character past "1." to tell it from "1.5".
        let end = if *l == 4 {
            text[..m.end()]
                .find(['.', '、', '．'])
                .map_or(m.end(), |i| {
                    i + text[i..].chars().next().map_or(1, char::len_utf8)
                })
        } else {
            m.end()
        };
        Some((*l, &text[end..]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_levels() {
        assert_eq!(numbering_level("第一部分 概况"), Some(1));
        assert_eq!(numbering_level("一、收入"), Some(2));
        assert_eq!(numbering_level("（一）年度收入总体情况"), Some(3));
        assert_eq!(numbering_level("1.基本支出"), Some(4));
        assert_eq!(numbering_level("（1）工资"), Some(5));
        assert_eq!(numbering_level("2020年度"), None);
        assert_eq!(numbering_level("1,899.52万元"), None);
        assert_eq!(split_numbering("二、收入决算表"), Some((2, "收入决算表")));
        assert_eq!(
            split_numbering("1.2026年收支总表"),
            Some((4, "2026年收支总表"))
        );
        assert_eq!(split_numbering("（七）三公"), Some((3, "三公")));
    }
}
