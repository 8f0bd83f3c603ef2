//! What stands between a title and its grid: the unit line (its entity and
//! money unit), a table number, a form code, a date; and whether a grid
//! follows a title at all.
use fiscal_layout::blocks::Block;
use fiscal_layout::lines::TextLine;

use super::shape::number_re;
use crate::model::MoneyUnit;
use crate::settings::RecognizeSettings;
use crate::text::compact;

/// Labels that open a unit line's parts, each followed by a colon; where one
/// is the start of another ("单位名称", "单位") the longer is tried first.
const UNIT_LABELS: [&str; 10] = [
    "编制单位",
    "编制部门",
    "单位名称",
    "部门名称",
    "预算单位",
    "金额单位",
    // "部门（单位）：" (烟台) names the department or unit.
    "部门（单位）",
    "部门(单位)",
    "单位",
    "部门",
];

/// Where a unit label and its colon starting at byte `at` end.
fn unit_label_at(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    UNIT_LABELS.iter().find_map(|label| {
        let after = rest.strip_prefix(label)?.strip_prefix(['：', ':'])?;
        Some(text.len() - after.len())
    })
}

/// Every unit label with its colon, left to right, none overlapping (as the
/// pattern `(?:编制单位|…|单位|部门)[：:]` finds them; read by hand because
/// every line of every page is asked).
fn unit_labels(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        match unit_label_at(text, at) {
            Some(end) => {
                found.push(at..end);
                at = end;
            }
            None => at += c.len_utf8(),
        }
    }
    found
}

/// Entity and money unit from a "单位：… 单位：万元" line, if it is one.
pub(crate) fn parse_unit_line(text: &str) -> Option<(Option<String>, Option<MoneyUnit>)> {
    let text = text.trim_start();
    let matches = unit_labels(text);
    if matches.first()?.start > 0 {
        return None;
    }
    let (mut entity, mut unit) = (None, None);
    for (i, m) in matches.iter().enumerate() {
        let end = matches.get(i + 1).map_or(text.len(), |n| n.start);
        let value = compact(&text[m.end..end]);
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
    let unit = match unit_label_at(&last, 0) {
        Some(end) => &last[end..],
        None => &last,
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

    /// Strings of up to seven pieces of unit labels find the labels the
    /// pattern finds, where it finds them.
    #[test]
    fn unit_labels_are_the_patterns_matches() {
        let re = crate::pattern::Regex::new(
            r"(?:编制单位|编制部门|单位名称|部门名称|预算单位|金额单位|单位|部门)[：:]",
        )
        .unwrap();
        let pieces = [
            "编制", "单位", "部门", "名称", "预算", "金额", "：", ":", "x", "单", "位", "部",
        ];
        for text in crate::pattern::sample_texts(&pieces, 7, 100_000) {
            let expected: Vec<_> = re.find_iter(&text).map(|m| m.range()).collect();
            assert_eq!(unit_labels(&text), expected, "{text:?}");
            let at_start = re.find(&text).filter(|m| m.start() == 0).map(|m| m.end());
            assert_eq!(unit_label_at(&text, 0), at_start, "{text:?}");
        }
    }
}
