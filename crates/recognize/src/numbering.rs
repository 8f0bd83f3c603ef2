//! Outline numbering: the level a heading's numbering gives it (第X部分 1,
//! 一、 2, （一） 3, 1. / 1、 4, （1） 5) and the number it counts. Used by the
//! outline, and wherever a numbered line must be told from a title or a
//! table row.
use std::sync::OnceLock;

use regex::Regex;

/// How a heading is numbered; sibling headings count within one style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// 第一部分
    Part,
    /// 一、
    Chinese,
    /// （一）
    BracketedChinese,
    /// 1. / 1、
    Arabic,
    /// （1）
    BracketedArabic,
}

impl Style {
    /// The outline level of headings numbered in this style.
    pub fn level(self) -> u8 {
        match self {
            Style::Part => 1,
            Style::Chinese => 2,
            Style::BracketedChinese => 3,
            Style::Arabic => 4,
            Style::BracketedArabic => 5,
        }
    }
}

fn numbering_res() -> &'static [(Regex, Style)] {
    static RE: OnceLock<Vec<(Regex, Style)>> = OnceLock::new();
    RE.get_or_init(|| {
        let cn = "[一二三四五六七八九十]+";
        vec![
            (Regex::new(&format!("^第({cn})部分")).unwrap(), Style::Part),
            (Regex::new(&format!("^({cn})、")).unwrap(), Style::Chinese),
            (
                Regex::new(&format!("^[（(]({cn})[）)]")).unwrap(),
                Style::BracketedChinese,
            ),
            // "1." but not "1.5" (a figure): a digit after the dot only as a year.
            (
                Regex::new(r"^(\d{1,2})[.、．](?:\D|\d{4}年|$)").unwrap(),
                Style::Arabic,
            ),
            (
                Regex::new(r"^[（(](\d{1,2})[）)]").unwrap(),
                Style::BracketedArabic,
            ),
        ]
    })
}

/// The numbering style a text starts with, its number as printed, and the
/// text after the numbering.
fn split(text: &str) -> Option<(Style, &str, &str)> {
    numbering_res().iter().find_map(|(re, style)| {
        let caps = re.captures(text)?;
        let number = caps.get(1)?;
        // The Arabic pattern looks one character past "1." to tell it from "1.5".
        let end = match style {
            Style::Arabic => {
                let sep = text[number.end()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
                number.end() + sep
            }
            _ => caps.get(0)?.end(),
        };
        Some((*style, number.as_str(), &text[end..]))
    })
}

/// The outline level of a heading's numbering, if the text starts with one.
pub fn numbering_level(text: &str) -> Option<u8> {
    split(text).map(|(style, _, _)| style.level())
}

/// A heading's numbering level and the text after the numbering
/// ("二、收入决算表" → (2, "收入决算表")).
pub fn split_numbering(text: &str) -> Option<(u8, &str)> {
    split(text).map(|(style, _, rest)| (style.level(), rest))
}

/// The value of a Chinese numeral up to 99 ("十一" → 11, "二十" → 20).
fn chinese_value(s: &str) -> Option<u32> {
    const DIGITS: &str = "一二三四五六七八九";
    let digit = |c: char| DIGITS.chars().position(|d| d == c).map(|p| p as u32 + 1);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', o] => Some(10 + digit(*o)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', o] => Some(digit(*t)? * 10 + digit(*o)?),
        _ => None,
    }
}

/// A heading's numbering style and number ("（七）…" → (BracketedChinese, 7)).
pub fn numbering(text: &str) -> Option<(Style, u32)> {
    let (style, n, _) = split(text)?;
    let value = match style {
        Style::Arabic | Style::BracketedArabic => n.parse().ok()?,
        _ => chinese_value(n)?,
    };
    Some((style, value))
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
        assert_eq!(numbering_level("1.5万元"), None);
        assert_eq!(split_numbering("二、收入决算表"), Some((2, "收入决算表")));
        assert_eq!(
            split_numbering("1.2026年收支总表"),
            Some((4, "2026年收支总表"))
        );
        assert_eq!(split_numbering("（七）三公"), Some((3, "三公")));
    }

    #[test]
    fn numbers_read_in_every_style() {
        assert_eq!(numbering("第三部分 说明"), Some((Style::Part, 3)));
        assert_eq!(numbering("十一、其他"), Some((Style::Chinese, 11)));
        assert_eq!(numbering("二十三、其他"), Some((Style::Chinese, 23)));
        assert_eq!(
            numbering("（二十）其他"),
            Some((Style::BracketedChinese, 20))
        );
        assert_eq!(numbering("12.名词"), Some((Style::Arabic, 12)));
        assert_eq!(numbering("4.2020年度项目"), Some((Style::Arabic, 4)));
        assert_eq!(numbering("(3)工资"), Some((Style::BracketedArabic, 3)));
        assert_eq!(numbering("收入预算"), None);
    }
}
