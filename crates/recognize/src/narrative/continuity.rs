//! Numbering continuity: sibling headings numbered in the same style count
//! up by one (一、 二、 三、; （六） （七）). It repairs the outline — a
//! numbered line that looked like the start of a paragraph is the heading
//! its siblings are missing — and checks it: a skip left is either the
//! document's own numbering or a heading the outline lost, so each one is
//! reported with its page and headings.
use super::line::Item;
use crate::model::Section;
use crate::numbering::{numbering, Style};

/// Makes a heading of each numbered line that runs on into a paragraph
/// where its number is the one missing between its sibling headings: the
/// heading before it at its level has the number before, and the next one
/// the number after (or, for a first heading, the one under its parent has 2).
pub(super) fn fill_gaps(items: &mut [Item]) {
    for i in 0..items.len() {
        let Item::Line {
            runs_on: Some(level),
            text,
            place,
            ..
        } = &items[i]
        else {
            continue;
        };
        let (level, place) = (*level, *place);
        let Some((style, v)) = numbering(text) else {
            continue;
        };
        // The nearest heading at this level or above, on either side.
        let near = |it: &Item| match it {
            Item::Heading { level: l, text, .. } if *l <= level => Some((*l, numbering(text))),
            _ => None,
        };
        let before = items[..i].iter().rev().find_map(near);
        let after = items[i + 1..].iter().find_map(near);
        let sibling = |n: Option<(u8, Option<(Style, u32)>)>, want: u32| {
            n.is_some_and(|(l, num)| l == level && num == Some((style, want)))
        };
        let opens_list = v == 1 && before.is_none_or(|(l, _)| l < level);
        let follows = v.checked_sub(1).is_some_and(|p| sibling(before, p));
        if (follows || opens_list) && sibling(after, v + 1) {
            let text = std::mem::take(match &mut items[i] {
                Item::Line { text, .. } | Item::Heading { text, .. } => text,
            });
            items[i] = Item::Heading { level, text, place };
        }
    }
}

/// Turns back into list items the headings of a numbered list whose other
/// items are sentences: "（十四）领导…检务督察工作。" between "（十三）…副检察长。"
/// and "（十五）规划和指导…，指导" / "…工作。" is an item like them, though
/// it fits on one line. Only headings ending a sentence ("。") are turned back.
pub(super) fn demote_list_items(items: &mut [Item]) {
    for i in 0..items.len() {
        let Item::Heading { level, text, place } = &items[i] else {
            continue;
        };
        if !text.ends_with('。') {
            continue;
        }
        let (level, place) = (*level, *place);
        let Some((style, v)) = numbering(text) else {
            continue;
        };
        // The scope of its siblings: up to the headings above its level.
        let bound = |it: &Item| matches!(it, Item::Heading { level: l, .. } if *l < level);
        let from = items[..i].iter().rposition(bound).map_or(0, |p| p + 1);
        let to = items[i + 1..]
            .iter()
            .position(bound)
            .map_or(items.len(), |p| i + 1 + p);
        let item_numbered = |want: u32| {
            items[from..to].iter().any(|it| {
                matches!(it, Item::Line { text, .. }
                    if numbering(text) == Some((style, want)))
            })
        };
        if v.checked_sub(1).is_some_and(item_numbered) || item_numbered(v + 1) {
            let text = std::mem::take(match &mut items[i] {
                Item::Line { text, .. } | Item::Heading { text, .. } => text,
            });
            items[i] = Item::Line {
                text,
                place,
                starts_paragraph: true,
                runs_on: None,
            };
        }
    }
}

/// Sibling headings whose numbering skips, each as a warning naming both
/// headings and the page of the later one.
pub(super) fn skips(sections: &[Section]) -> Vec<String> {
    let mut out = Vec::new();
    walk(sections, &mut out);
    out
}

fn walk(siblings: &[Section], out: &mut Vec<String>) {
    let mut last: Vec<(Style, u32, &Section)> = Vec::new();
    for s in siblings {
        if let Some((style, v)) = numbering(&s.heading) {
            match last.iter_mut().find(|(st, _, _)| *st == style) {
                Some(prev) => {
                    if v != prev.1 + 1 {
                        // Numbering that starts again at 1 is a list of its own
                        // (a nested list, another report), not a lost heading.
                        let what = if v == 1 { "restarts" } else { "skips" };
                        out.push(format!(
                            "outline: numbering {what} from “{}” (page {}) to “{}” (page {})",
                            prev.2.heading,
                            first_page(prev.2),
                            s.heading,
                            first_page(s)
                        ));
                    }
                    *prev = (style, v, s);
                }
                None => last.push((style, v, s)),
            }
        }
        walk(&s.children, out);
    }
}

fn first_page(s: &Section) -> u32 {
    s.pages.first().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(heading: &str, page: u32, children: Vec<Section>) -> Section {
        Section {
            heading: heading.to_string(),
            level: 2,
            pages: vec![page],
            paragraphs: Vec::new(),
            children,
            ..Default::default()
        }
    }

    #[test]
    fn a_skip_between_siblings_is_reported_once_per_gap() {
        let sections = vec![
            section("一、收入", 3, vec![]),
            section(
                "二、支出",
                4,
                vec![
                    section("（一）基本支出", 4, vec![]),
                    section("（三）项目支出", 5, vec![]),
                ],
            ),
            section("三、三公", 6, vec![]),
            section("五、其他", 7, vec![]),
        ];
        assert_eq!(
            skips(&sections),
            [
                "outline: numbering skips from “（一）基本支出” (page 4) to “（三）项目支出” (page 5)",
                "outline: numbering skips from “三、三公” (page 6) to “五、其他” (page 7)",
            ]
        );
    }
}
