//! Outline numbering: the level a heading's numbering gives it (第X部分 1,
//! 一、 2, （一） 3, 1. / 1、 4, （1） 5) and the number it counts. Used by the
//! outline, and wherever a numbered line must be told from a title or a
//! table row.

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

/// Chinese numerals as numbering writes them.
fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// The longest prefix of `text` whose characters satisfy `f`, and the rest.
fn take_while(text: &str, f: impl Fn(char) -> bool) -> (&str, &str) {
    text.split_at(text.find(|c| !f(c)).unwrap_or(text.len()))
}

/// One or two ASCII digits that are not followed by a third, and the rest.
fn one_or_two_digits(text: &str) -> Option<(&str, &str)> {
    let (digits, rest) = take_while(text, |c| c.is_ascii_digit());
    (1..=2).contains(&digits.len()).then_some((digits, rest))
}

/// `text` past its first character when that is one of `chars`.
fn strip_any<'t>(text: &'t str, chars: &[char]) -> Option<&'t str> {
    text.strip_prefix(chars)
}

/// The numbering style a text starts with, its number as printed, and the
/// text after the numbering. Read by hand rather than by five regular
/// expressions (this runs for every line; the tests hold the patterns it
/// matches exactly as): `^第([一-十]+)部分`, `^([一-十]+)、`,
/// `^[（(]([一-十]+)[）)]`, `^(\d{1,2})[.、．](?:\D|\d{4}年|$)` ("1." but not
/// "1.5", a figure: a digit after the point only as a year) and
/// `^[（(](\d{1,2})[）)]`.
fn split(text: &str) -> Option<(Style, &str, &str)> {
    const OPEN: &[char] = &['（', '('];
    const CLOSE: &[char] = &['）', ')'];
    if let Some(rest) = text.strip_prefix('第') {
        let (number, rest) = take_while(rest, is_chinese_numeral);
        if let Some(rest) = rest.strip_prefix("部分").filter(|_| !number.is_empty()) {
            return Some((Style::Part, number, rest));
        }
    }
    let (number, rest) = take_while(text, is_chinese_numeral);
    if let Some(rest) = rest.strip_prefix('、').filter(|_| !number.is_empty()) {
        return Some((Style::Chinese, number, rest));
    }
    if let Some(inner) = strip_any(text, OPEN) {
        let (number, rest) = take_while(inner, is_chinese_numeral);
        if let Some(rest) = strip_any(rest, CLOSE).filter(|_| !number.is_empty()) {
            return Some((Style::BracketedChinese, number, rest));
        }
    }
    if let Some((number, rest)) = one_or_two_digits(text) {
        if let Some(after) = strip_any(rest, &['.', '、', '．']) {
            let year = || {
                let (digits, tail) = take_while(after, |c| c.is_ascii_digit());
                digits.len() == 4 && tail.starts_with('年')
            };
            let next_is_no_digit = after.chars().next().is_none_or(|c| !c.is_ascii_digit());
            if next_is_no_digit || year() {
                return Some((Style::Arabic, number, after));
            }
        }
    }
    let (number, rest) = one_or_two_digits(strip_any(text, OPEN)?)?;
    Some((Style::BracketedArabic, number, strip_any(rest, CLOSE)?))
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

/// The number a cell of an index column (序号) prints, and nothing else:
/// "3", "（三）", "三、".
pub fn index_number(t: &str) -> Option<u32> {
    if !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit()) {
        return t.parse().ok();
    }
    let (_, rest) = split_numbering(t)?;
    rest.is_empty()
        .then(|| numbering(t).map(|(_, n)| n))
        .flatten()
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

    /// The regular expressions `split` reads as, in its order.
    fn reference(text: &str) -> Option<(Style, &str, &str)> {
        use crate::pattern::Regex;
        use std::sync::OnceLock;
        static PATTERNS: OnceLock<Vec<(Regex, Style)>> = OnceLock::new();
        let patterns = PATTERNS.get_or_init(|| {
            let cn = "[一二三四五六七八九十]+";
            [
                (format!("^第({cn})部分"), Style::Part),
                (format!("^({cn})、"), Style::Chinese),
                (format!("^[（(]({cn})[）)]"), Style::BracketedChinese),
                (r"^(\d{1,2})[.、．](?:\D|\d{4}年|$)".into(), Style::Arabic),
                (r"^[（(](\d{1,2})[）)]".into(), Style::BracketedArabic),
            ]
            .into_iter()
            .map(|(p, style)| (Regex::new(&p).unwrap(), style))
            .collect()
        });
        patterns.iter().find_map(|(re, style)| {
            let caps = re.captures(text)?;
            let number = caps.get(1)?;
            let end = match style {
                Style::Arabic => number.end() + text[number.end()..].chars().next()?.len_utf8(),
                _ => caps.get(0)?.end(),
            };
            Some((*style, number.as_str(), &text[end..]))
        })
    }

    /// Strings of up to six pieces of what numbering is made of split as the
    /// regular expressions split them.
    #[test]
    fn split_reads_as_the_patterns() {
        let pieces = [
            "第", "一", "十", "二", "部分", "部", "、", "（", "(", "）", ")", "1", "12", "123",
            "0", "2020", "20201", ".", "．", "年", "x", " ",
        ];
        for text in crate::pattern::sample_texts(&pieces, 6, 100_000) {
            assert_eq!(split(&text), reference(&text), "{text:?}");
        }
    }
}
