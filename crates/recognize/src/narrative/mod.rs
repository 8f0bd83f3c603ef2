//! The narrative outline: headings by their numbering (第X部分 1, 一、 2,
//! （一） 3, 1. / 1、 4, （1） 5) and paragraphs reflowed from lines.
//!
//! A numbered line is a heading only when it stands alone: short, not a
//! sentence, and not running on into the next line (an inline "1."
//! enumeration fills the line and wraps) — [`heading`] says when, and joins a
//! heading wrapped onto a second line. [`tree`] nests sections by level;
//! [`continuity`] reports sibling headings whose numbering skips; [`line`]
//! holds what is read (narrative lines) and into what (the outline's items).
mod continuity;
mod heading;
mod line;
mod tree;

use std::collections::BTreeMap;

use crate::model::Section;
use crate::numbering::numbering_level;
use crate::settings::RecognizeSettings;
use heading::{continuation, heading_shaped, Margins};
pub use line::NarrativeLine;
use line::{heading_level, Item};
use tree::Tree;

/// The narrative's sections, and what the outline noticed on the way.
#[derive(Debug, Default)]
pub struct Outline {
    pub sections: Vec<Section>,
    /// Numbering skips between sibling headings, with page and headings.
    pub warnings: Vec<String>,
}

/// Builds the outline from the narrative lines (tables already removed).
pub fn outline(lines: &[NarrativeLine], s: &RecognizeSettings) -> Outline {
    let mut items = read_items(lines, s);
    continuity::fill_gaps(&mut items);
    continuity::demote_list_items(&mut items);
    let mut tree = Tree::default();
    for item in items {
        match item {
            Item::Heading { level, text, place } => tree.open(level, text, place),
            Item::Line {
                text,
                place,
                starts_paragraph,
                ..
            } => tree.line(text, place, starts_paragraph),
        }
    }
    let sections = tree.finish();
    let warnings = continuity::skips(&sections);
    Outline { sections, warnings }
}

/// Headings and paragraph lines, in reading order.
fn read_items(lines: &[NarrativeLine], s: &RecognizeSettings) -> Vec<Item> {
    let mut items = Vec::new();
    if lines.is_empty() {
        return items;
    }
    let m = Margins::of(lines, s);
    let mut para_open_full = false;
    // The last line read as text, for a title going on over lines.
    let mut last_text_line: Option<&NarrativeLine> = None;
    // Per numbering level (4, 5): whether the last numbered item was a heading.
    let mut list_items: BTreeMap<u8, bool> = BTreeMap::new();
    let mut i = 0;
    while i < lines.len() {
        let nl = &lines[i];
        let text = nl.line.reading_text().trim().to_string();
        i += 1;
        if text.is_empty() {
            continue;
        }
        let full = m.fills(nl);
        let next_same_para = lines.get(i).is_some_and(|n| {
            // The next line of the paragraph, on this page or at the head of the next.
            (n.page == nl.page && n.line.top - nl.line.top <= s.paragraph_step * m.pitch
                || n.page == nl.page + 1)
                && !m.indented(n)
        });
        let wrapped = heading_level(&text).and_then(|_| continuation(nl, &text, lines.get(i), &m));
        // A heading stands alone on its line: short, not a sentence nor an item
        // of a list run in with "；" or "，", and not filling the line to wrap on.
        let shaped = heading_shaped(&text, s.max_heading_chars);
        let stands_alone = wrapped.is_some()
            || shaped && !(full && next_same_para)
            || text.starts_with('第') && text.contains("部分");
        let mut level = heading_level(&text).filter(|_| stands_alone);
        let after = i + usize::from(wrapped.is_some());
        // "1." and "（1）" also number the items of a list. An item is a heading
        // only if something other than the next item follows it, and the item
        // before it in the same list was a heading too.
        if let Some(own) = numbering_level(&text).filter(|l| *l >= 4) {
            let next_is_sibling = lines
                .get(after)
                .is_some_and(|n| numbering_level(&n.line.reading_text()) == Some(own));
            let after_list_item = list_items.get(&own) == Some(&false);
            if next_is_sibling || after_list_item {
                level = None;
            }
            list_items.insert(own, level.is_some());
        }
        if let Some(level) = level {
            list_items.retain(|l, _| *l <= level);
            let mut place = nl.place();
            if let Some(next) = lines.get(i).filter(|_| wrapped.is_some()) {
                place = place.join(next.place());
            }
            items.push(Item::Heading {
                level,
                text: format!("{text}{}", wrapped.unwrap_or_default()),
                place,
            });
            i = after;
            para_open_full = false;
            last_text_line = None;
            continue;
        }
        // A new paragraph starts at an indented line, or after a line that did not
        // reach the right margin; a page break alone does not end one. A title's
        // lines are centred, each short of the margin, and go on as one.
        let title_goes_on = last_text_line.is_some_and(|p| m.continues_title(p, nl));
        items.push(Item::Line {
            runs_on: numbering_level(&text).filter(|l| *l <= 3 && shaped),
            text,
            place: nl.place(),
            starts_paragraph: (m.indented(nl) || !para_open_full) && !title_goes_on,
        });
        para_open_full = full;
        last_text_line = Some(nl);
    }
    items
}
