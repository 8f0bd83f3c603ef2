//! The narrative outline: headings by their numbering (第X部分 1, 一、 2,
//! （一） 3, 1. / 1、 4, （1） 5) and paragraphs reflowed from lines.
//!
//! A numbered line is a heading only when it stands alone: short, not ending a
//! sentence, and not running on into the next line (an inline "1." enumeration
//! fills the line and wraps).
use fiscal_layout::lines::{join_wrapped, TextLine};

use crate::model::Section;
use crate::numbering::numbering_level;
use crate::text::compact;

/// A narrative line with the page it is on.
#[derive(Debug, Clone)]
pub struct NarrativeLine {
    pub page: u32,
    pub page_width: f32,
    pub line: TextLine,
}

/// A part title printed without its 第X部分 ("上海市…局2024年度部门决算表" over
/// the tables part) is a level-1 heading too.
fn part_title_level(text: &str) -> Option<u8> {
    let n = text.chars().count();
    ((8..=60).contains(&n)
        && (text.ends_with("部门决算表") || text.ends_with("部门预算表"))
        && !text.contains('。'))
    .then_some(1)
}

fn ends_list_item(t: &str) -> bool {
    t.ends_with(['；', '，', ';', ','])
}

struct Margins {
    left: f32,
    right: f32,
    /// The usual step from one line to the next (documents use 1 to 2 line spacing).
    pitch: f32,
}

fn margins(lines: &[NarrativeLine]) -> Margins {
    let mut x0: Vec<f32> = lines.iter().map(|l| l.line.x0()).collect();
    let mut x1: Vec<f32> = lines.iter().map(|l| l.line.x1()).collect();
    x0.sort_by(f32::total_cmp);
    x1.sort_by(f32::total_cmp);
    let left = x0.get(x0.len() / 10).copied().unwrap_or(0.0);
    let right = x1.get(x1.len() * 9 / 10).copied().unwrap_or(0.0);
    let mut steps: Vec<f32> = lines
        .windows(2)
        .filter(|w| w[0].page == w[1].page)
        .map(|w| w[1].line.top - w[0].line.top)
        .filter(|d| *d > 0.0)
        .collect();
    steps.sort_by(f32::total_cmp);
    let pitch = steps.get(steps.len() / 3).copied().unwrap_or(20.0);
    Margins { left, right, pitch }
}

/// Builds the outline from the narrative lines (tables already removed).
pub fn outline(lines: &[NarrativeLine]) -> Vec<Section> {
    if lines.is_empty() {
        return Vec::new();
    }
    let m = margins(lines);
    // Root holds text before the first heading.
    let mut stack: Vec<Section> = vec![Section {
        level: 0,
        ..Default::default()
    }];
    let mut para: Vec<String> = Vec::new();
    let mut para_open_full = false;
    // Per numbering level (4, 5): whether the last numbered item was a heading.
    let mut list_items: std::collections::BTreeMap<u8, bool> = Default::default();
    let flush = |stack: &mut Vec<Section>, para: &mut Vec<String>| {
        if !para.is_empty() {
            let text = join_wrapped(para.iter().map(String::as_str));
            para.clear();
            if !text.is_empty() {
                stack.last_mut().unwrap().paragraphs.push(text);
            }
        }
    };
    let mut skip_next = false;
    for (i, nl) in lines.iter().enumerate() {
        let text = compact(&nl.line.text());
        if text.is_empty() || std::mem::take(&mut skip_next) {
            continue;
        }
        let size = nl.line.size();
        let full = nl.line.x1() >= m.right - 1.5 * size;
        let indented = nl.line.x0() > m.left + 1.2 * size;
        let next_same_para = lines.get(i + 1).is_some_and(|n| {
            // The next line of the paragraph, on this page or at the head of the next.
            (n.page == nl.page && n.line.top - nl.line.top <= 1.25 * m.pitch
                || n.page == nl.page + 1)
                && n.line.x0() <= m.left + 1.2 * size
        });
        // A heading stands alone on its line: short, not an item of a list run
        // in with "；" or "，", and not filling the line to wrap on.
        let mut level = numbering_level(&text)
            .or_else(|| part_title_level(&text))
            .filter(|_| {
                text.chars().count() <= 48 && !ends_list_item(&text) && !(full && next_same_para)
                    || text.starts_with('第') && text.contains("部分")
            });
        // "1." and "（1）" also number the items of a list. An item is a heading
        // only if something other than the next item follows it, and the item
        // before it in the same list was a heading too.
        if let Some(own) = numbering_level(&text).filter(|l| *l >= 4) {
            let next_is_sibling = lines
                .get(i + 1)
                .is_some_and(|n| numbering_level(&compact(&n.line.text())) == Some(own));
            let after_list_item = list_items.get(&own) == Some(&false);
            if next_is_sibling || after_list_item {
                level = None;
            }
            list_items.insert(own, level.is_some());
        }
        if let Some(level) = level {
            list_items.retain(|l, _| *l <= level);
            flush(&mut stack, &mut para);
            while stack.len() > 1 && stack.last().unwrap().level >= level {
                let done = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(done);
            }
            // A part title wrapped onto a short second line ("…部门决算" / "情况说明").
            let mut heading = text;
            if level <= 2 {
                if let Some(n) = lines.get(i + 1).filter(|n| {
                    let t = compact(&n.line.text());
                    n.page == nl.page
                        && n.line.top - nl.line.top <= 1.6 * m.pitch
                        && t.chars().count() <= 8
                        && numbering_level(&t).is_none()
                        && !t.ends_with(['。', '：', '；'])
                        && n.line.size() >= 0.95 * size
                        && (n.line.x0() - m.left).abs() > 2.0 * size
                }) {
                    heading.push_str(&compact(&n.line.text()));
                    skip_next = true;
                }
            }
            stack.push(Section {
                heading,
                level,
                pages: vec![nl.page],
                ..Default::default()
            });
            para_open_full = false;
            continue;
        }
        // A new paragraph starts at an indented line, or after a line that did not
        // reach the right margin; a page break alone does not end one.
        let starts_new = indented || !para_open_full;
        if starts_new {
            flush(&mut stack, &mut para);
        }
        para.push(text);
        para_open_full = full;
        let cur = stack.last_mut().unwrap();
        if !cur.pages.contains(&nl.page) {
            cur.pages.push(nl.page);
        }
    }
    flush(&mut stack, &mut para);
    while stack.len() > 1 {
        let done = stack.pop().unwrap();
        stack.last_mut().unwrap().children.push(done);
    }
    let root = stack.pop().unwrap();
    let mut out = Vec::new();
    if !root.paragraphs.is_empty() {
        out.push(Section {
            heading: String::new(),
            level: 0,
            pages: root.pages,
            paragraphs: root.paragraphs,
            children: Vec::new(),
        });
    }
    out.extend(root.children);
    out
}
