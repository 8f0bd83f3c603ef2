//! Sections nested as headings and paragraph lines arrive in reading order.
//! A heading goes under the nearest open section of a lower level — unless
//! its numbering says otherwise: a heading continues the list whose previous
//! number is open ("二、" after an open "一、" is its sibling, however deep
//! that list sits), and a list that starts again at 1 in a style already open
//! is a list nested in the current section ("一、" under "（一）…综述"). Text
//! before the first heading goes to an untitled level-0 section.
use fiscal_layout::lines::join_wrapped;

use crate::model::Section;
use crate::numbering::{numbering, Style};
use crate::place::{add_per_page, PageBox};

/// Ranks order open sections for nesting: a level's rank is `level × RANK_STEP`;
/// a nested list sits one rank below the section it is nested in.
const RANK_STEP: u16 = 16;

struct Open {
    section: Section,
    rank: u16,
    numbering: Option<(Style, u32)>,
}

pub(super) struct Tree {
    /// Open sections, outermost first; the root (rank 0) at the bottom.
    stack: Vec<Open>,
    /// Lines of the paragraph being read.
    para: Vec<String>,
    /// Where they are printed, one box per page.
    para_boxes: Vec<PageBox>,
}

impl Default for Tree {
    fn default() -> Self {
        Tree {
            stack: vec![Open {
                section: Section::default(),
                rank: 0,
                numbering: None,
            }],
            para: Vec::new(),
            para_boxes: Vec::new(),
        }
    }
}

impl Tree {
    fn flush(&mut self) {
        if self.para.is_empty() {
            return;
        }
        let text = join_wrapped(self.para.iter().map(String::as_str));
        self.para.clear();
        let boxes = std::mem::take(&mut self.para_boxes);
        if !text.is_empty() {
            let cur = self.current();
            cur.paragraphs.push(text);
            cur.paragraph_bboxes.push(boxes);
        }
    }

    fn current(&mut self) -> &mut Section {
        &mut self
            .stack
            .last_mut()
            .expect("the root is never popped")
            .section
    }

    /// Closes open sections until `keep` remain.
    fn close_to_len(&mut self, keep: usize) {
        while self.stack.len() > keep.max(1) {
            let done = self.stack.pop().expect("checked").section;
            self.current().children.push(done);
        }
    }

    /// Where a heading goes: how many open sections stay open, and its rank.
    fn place(&self, level: u8, numbering: Option<(Style, u32)>) -> (usize, u16) {
        if let Some((style, v)) = numbering {
            let previous = v.checked_sub(1).and_then(|p| {
                self.stack
                    .iter()
                    .rposition(|o| o.numbering == Some((style, p)))
            });
            if let Some(pos) = previous {
                return (pos, self.stack[pos].rank);
            }
            let style_open = self
                .stack
                .iter()
                .any(|o| o.numbering.is_some_and(|(s, _)| s == style));
            if v == 1 && style_open {
                let top = self.stack.last().expect("the root");
                return (self.stack.len(), top.rank + 1);
            }
        }
        let rank = u16::from(level) * RANK_STEP;
        let keep = self
            .stack
            .iter()
            .rposition(|o| o.rank < rank)
            .map_or(1, |p| p + 1);
        (keep, rank)
    }

    /// Opens a section for a heading.
    pub fn open(&mut self, level: u8, heading: String, place: PageBox) {
        self.flush();
        let numbering = numbering(&heading);
        let (keep, rank) = self.place(level, numbering);
        self.close_to_len(keep);
        self.stack.push(Open {
            section: Section {
                heading,
                level,
                pages: vec![place.page],
                heading_bbox: Some(place),
                ..Default::default()
            },
            rank,
            numbering,
        });
    }

    /// Adds a line of text to the current section, as the start of a new
    /// paragraph or as the continuation of the one being read.
    pub fn line(&mut self, text: String, place: PageBox, starts_paragraph: bool) {
        if starts_paragraph {
            self.flush();
        }
        self.para.push(text);
        add_per_page(&mut self.para_boxes, place);
        let page = place.page;
        let cur = self.current();
        if !cur.pages.contains(&page) {
            cur.pages.push(page);
        }
    }

    /// The finished sections, the untitled root first when it holds text.
    pub fn finish(mut self) -> Vec<Section> {
        self.flush();
        self.close_to_len(1);
        let Section {
            pages,
            paragraphs,
            paragraph_bboxes,
            children,
            ..
        } = self.stack.pop().expect("the root").section;
        let mut out = Vec::new();
        if !paragraphs.is_empty() {
            out.push(Section {
                pages,
                paragraphs,
                paragraph_bboxes,
                ..Default::default()
            });
        }
        out.extend(children);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fiscal_layout::geometry::Rect;

    fn outline(headings: &[(u8, &str)]) -> Vec<Section> {
        let mut tree = Tree::default();
        for (level, h) in headings {
            let place = PageBox::new(
                1,
                Rect {
                    x0: 0.0,
                    top: 0.0,
                    x1: 1.0,
                    bottom: 1.0,
                },
            );
            tree.open(*level, h.to_string(), place);
        }
        tree.finish()
    }

    fn shape(sections: &[Section]) -> String {
        sections
            .iter()
            .map(|s| {
                let head: String = s.heading.chars().take(3).collect();
                if s.children.is_empty() {
                    head
                } else {
                    format!("{head}[{}]", shape(&s.children))
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn headings_nest_by_level() {
        let s = outline(&[
            (1, "第一部分"),
            (2, "一、收入"),
            (3, "（一）本年"),
            (2, "二、支出"),
        ]);
        assert_eq!(shape(&s), "第一部[一、收[（一）] 二、支]");
    }

    #[test]
    fn a_list_restarting_at_one_nests_in_the_current_section() {
        // The dev corpus's 绩效 part: "一、…" items under "（一）…综述。", then
        // "（二）" and "三、" continue the lists they number on from.
        let s = outline(&[
            (2, "二、绩效自评结果"),
            (3, "（一）综述"),
            (2, "一、组织部"),
            (4, "1、强化"),
            (2, "二、党史"),
            (3, "（二）项目"),
            (2, "三、重点"),
        ]);
        assert_eq!(
            shape(&s),
            "二、绩[（一）[一、组[1、强] 二、党] （二）] 三、重"
        );
    }
}
