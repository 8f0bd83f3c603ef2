//! Indicators printed as one text in a list's cell, one numbered item each:
//! the category and the level under it with their codes, the indicator's
//! name, then its labelled values ("1.1－产出指标，11－数量指标，项目专职环保员数量；
//! 实施周期指标值：≦核定人数，年度指标值：≦核定人数；2、1－产出指标，12－…").
//! A text read whole into such items gives the project its indicators; any
//! other text stays a field as printed.
use std::collections::BTreeMap;

use super::model::Indicator;
use super::wording::{indicator_value_label, IndicatorValue};

/// What ends an item (and the value before the next).
const ITEM_ENDS: [char; 3] = [';', '；', '。'];
/// What ends an item's category, its level and a labelled value.
const PART_ENDS: [char; 2] = ['，', ','];
/// The dash after a level's code (1－产出指标).
const CODE_DASHES: [char; 3] = ['－', '-', '—'];
/// What follows an item's number (1、, 1.).
const NUMBER_ENDS: [char; 3] = ['、', '.', '．'];

/// The indicators of `text`, if the whole text is such items.
pub(crate) fn split_indicator_text(text: &str) -> Option<Vec<Indicator>> {
    let text = text.trim();
    let starts = item_starts(text);
    if starts.first() != Some(&0) {
        return None;
    }
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&s, e)| read_item(&text[s..e]))
        .collect()
}

/// Byte offsets where an item starts: the text's start or just after an
/// item's end, where a numbered category and level follow.
fn item_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at_boundary = true;
    for (i, c) in text.char_indices() {
        if at_boundary && !c.is_whitespace() {
            if item_head(&text[i..]).is_some() {
                starts.push(i);
            }
            at_boundary = false;
        }
        if ITEM_ENDS.contains(&c) {
            at_boundary = true;
        }
    }
    starts
}

/// An item's head: its category and level (codes dropped) and the length
/// read, from `1、1－产出指标，11－数量指标，` (the item's number optional).
fn item_head(s: &str) -> Option<(String, String, usize)> {
    let mut at = digits(s, 0)?;
    let next = s[at..].chars().next()?;
    if NUMBER_ENDS.contains(&next) {
        at = digits(s, at + next.len_utf8())?;
    }
    let (category, at) = coded_part(s, at)?;
    let at = digits(s, at)?;
    let (level, at) = coded_part(s, at)?;
    Some((category, level, at))
}

/// The offset after the ASCII digits at `at` (at least one).
fn digits(s: &str, at: usize) -> Option<usize> {
    let n = s[at..].bytes().take_while(u8::is_ascii_digit).count();
    (n > 0).then_some(at + n)
}

/// From a code's dash at `at`: the part's name up to its comma, and the
/// offset after the comma.
fn coded_part(s: &str, at: usize) -> Option<(String, usize)> {
    let dash = s[at..].chars().next().filter(|c| CODE_DASHES.contains(c))?;
    let from = at + dash.len_utf8();
    let len = s[from..].find(PART_ENDS)?;
    let name = s[from..from + len].trim();
    let comma = s[from + len..].chars().next()?;
    let ok = !name.is_empty() && !name.contains(ITEM_ENDS);
    ok.then(|| (name.to_string(), from + len + comma.len_utf8()))
}

/// One item: its head, the indicator's name up to the first value label,
/// then each labelled value up to the next label.
fn read_item(item: &str) -> Option<Indicator> {
    let (category, level1, at) = item_head(item)?;
    let body = &item[at..];
    let labels = value_labels(body);
    let name_end = labels.first().map_or(body.len(), |l| l.0);
    let name = trim_separators(&body[..name_end]);
    if name.is_empty() {
        return None;
    }
    let mut ind = Indicator {
        category: Some(category),
        level1: Some(level1),
        level2: Some(name.to_string()),
        other: BTreeMap::new(),
        ..Indicator::default()
    };
    for (k, &(start, len, field)) in labels.iter().enumerate() {
        let end = labels.get(k + 1).map_or(body.len(), |l| l.0);
        let value = &body[start + len..end];
        let value = value.strip_prefix(['：', ':']).unwrap_or(value);
        let value = trim_separators(value).to_string();
        match field {
            IndicatorValue::Target => ind.target = Some(value),
            IndicatorValue::Kept(label) => {
                ind.other.insert(label.to_string(), value);
            }
        }
    }
    Some(ind)
}

/// The value labels in `body`: byte offset, length and what each labels.
fn value_labels(body: &str) -> Vec<(usize, usize, IndicatorValue)> {
    let mut found = Vec::new();
    let mut skip_to = 0;
    for (i, _) in body.char_indices() {
        if i < skip_to {
            continue;
        }
        if let Some((len, field)) = indicator_value_label(&body[i..]) {
            found.push((i, len, field));
            skip_to = i + len;
        }
    }
    found
}

/// A part without the separators and spaces around it.
fn trim_separators(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ITEM_ENDS.contains(&c) || PART_ENDS.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(i: &Indicator) -> [&str; 4] {
        [&i.category, &i.level1, &i.level2, &i.target].map(|f| f.as_deref().unwrap_or(""))
    }

    #[test]
    fn numbered_items_with_labelled_values() {
        let text = "1.1－产出指标，11－数量指标，项目专职环保员数量；实施周期指标值：≦核定人数，\
                    年度指标值：≦核定人数；2、1－产出指标，12－质量指标，专职环保员队伍管理规范化；\
                    实施周期指标值：考察是否符合规范，合规得满分，不合规不得分。年度指标值：是；\
                    3、1－产出指标，13－时效指标，合同进度执行率；实施周期指标值》90%，年度指标值》90%;\
                    1、2－效益指标，22－社会效益，环保信访投诉办结率；实施周期指标值：≥90%，年度指标值：≥90%;";
        let got = split_indicator_text(text).expect("items");
        let rows: Vec<[&str; 4]> = got.iter().map(row).collect();
        assert_eq!(
            rows,
            [
                ["产出指标", "数量指标", "项目专职环保员数量", "≦核定人数"],
                ["产出指标", "质量指标", "专职环保员队伍管理规范化", "是"],
                ["产出指标", "时效指标", "合同进度执行率", "》90%"],
                ["效益指标", "社会效益", "环保信访投诉办结率", "≥90%"],
            ]
        );
        let long: Vec<&str> = got
            .iter()
            .map(|i| i.other["实施周期指标值"].as_str())
            .collect();
        assert_eq!(
            long,
            [
                "≦核定人数",
                "考察是否符合规范，合规得满分，不合规不得分",
                "》90%",
                "≥90%"
            ]
        );
    }

    #[test]
    fn other_texts_stay_as_printed() {
        for text in [
            "",
            "项目按期完成，群众满意度≥90%",
            "1、完成培训；2、满意度≥90%",
            "前言 1.1－产出指标，11－数量指标，人数；指标值：10",
            "1.1－产出指标，11－数量指标，；指标值：10",
        ] {
            assert_eq!(split_indicator_text(text), None, "{text}");
        }
    }
}
