//! What stands between a title and its grid: the unit line (its entity and
//! money unit), a table number, a form code, a date; and whether a grid
//! follows a title at all.
use std::sync::OnceLock;

use fiscal_layout::blocks::Block;
use fiscal_layout::lines::TextLine;
use regex::Regex;

use super::shape::number_re;
use crate::model::MoneyUnit;
use crate::settings::RecognizeSettings;
use crate::text::compact;

pub(crate) fn unit_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?:编制单位|编制部门|单位名称|部门名称|预算单位|金额单位|单位|部门)[：:]")
            .unwrap()
    })
}

/// Entity and money unit from a "单位：… 单位：万元" line, if it is one.
pub(crate) fn parse_unit_line(text: &str) -> Option<(Option<String>, Option<MoneyUnit>)> {
    let text = text.trim_start();
    let matches: Vec<_> = unit_re().find_iter(text).collect();
    if matches.is_empty() || matches[0].start() > 0 {
        return None;
    }
    let (mut entity, mut unit) = (None, None);
    for (i, m) in matches.iter().enumerate() {
        let end = matches.get(i + 1).map_or(text.len(), |n| n.start());
        let value = compact(&text[m.end()..end]);
        if value.is_empty() {
            continue;
        }
        // "单位：万" with its 元 wrapped under it in a narrow caption (西安).
        let wrapped = || {
            (value.chars().count() == 1)
                .then(|| MoneyUnit::parse(&format!("{value}元")))
                .flatten()
        };
        if let Some(u) = MoneyUnit::parse(&value).or_else(wrapped) {
            unit = Some(u);
        } else {
            entity = Some(value);
        }
    }
    Some((entity, unit))
}

/// Lines printed between a title and its grid: the unit line, a table number,
/// a form code such as "公开01表", a date.
pub(crate) fn is_title_companion(line: &TextLine, s: &RecognizeSettings) -> bool {
    let text = compact(&line.text());
    parse_unit_line(&line.text()).is_some()
        || trailing_unit(line).is_some()
        || number_re()
            .find(&text)
            .is_some_and(|m| m.end() == text.len())
        || text.chars().count() <= s.title_companion_chars
}

/// A money unit printed alone at the right end of a line, after the entity
/// ("507-湖州市卫生健康委员会 … 单位：万元") or on its own ("（万元）").
pub(crate) fn trailing_unit(line: &TextLine) -> Option<MoneyUnit> {
    let last = compact(&line.chunks.last()?.text);
    let unit = match unit_re().find(&last) {
        Some(label) if label.start() == 0 => &last[label.end()..],
        _ => &last,
    };
    MoneyUnit::parse(unit)
}

/// What follows a title on its page, past its companion lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AfterTitle {
    /// Its grid.
    Grid,
    /// The page ends: the grid may head the next page.
    PageEnd,
    /// Other text: the line is no title.
    Text,
}

pub(crate) fn after_title(rest: &[Block], s: &RecognizeSettings) -> AfterTitle {
    for (i, block) in rest.iter().enumerate() {
        match block {
            Block::Grid(_) => return AfterTitle::Grid,
            Block::Line(l) if i < s.title_companion_lines && is_title_companion(l, s) => {}
            Block::Line(_) => return AfterTitle::Text,
        }
    }
    AfterTitle::PageEnd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_lines() {
        assert_eq!(
            parse_unit_line("单位：万"),
            Some((None, Some(MoneyUnit::TenThousandYuan)))
        );
        assert_eq!(
            parse_unit_line("单位：中国共产党广州市海珠区委员会组织部 单位：万元"),
            Some((
                Some("中国共产党广州市海珠区委员会组织部".into()),
                Some(MoneyUnit::TenThousandYuan)
            ))
        );
        assert_eq!(
            parse_unit_line("单位：广州市海珠区城市管理和综合执法局单位：万元"),
            Some((
                Some("广州市海珠区城市管理和综合执法局".into()),
                Some(MoneyUnit::TenThousandYuan)
            ))
        );
        assert_eq!(
            parse_unit_line("金额单位：万元"),
            Some((None, Some(MoneyUnit::TenThousandYuan)))
        );
        assert_eq!(parse_unit_line("本单位：负责"), None);
    }
}
