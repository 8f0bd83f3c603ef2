//! What the outline is read from and into: narrative lines with their page,
//! the level a line's numbering gives it, and the outline's items (headings
//! and paragraph lines) in reading order.
use fiscal_layout::lines::TextLine;

use crate::numbering::numbering_level;
use crate::place::PageBox;

/// A narrative line with the page it is on.
#[derive(Debug, Clone)]
pub struct NarrativeLine {
    pub page: u32,
    pub page_width: f32,
    pub line: TextLine,
}

impl NarrativeLine {
    /// The page and box the line is printed in.
    pub(super) fn place(&self) -> PageBox {
        PageBox::new(self.page, self.line.rect())
    }
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

/// The outline level a line's numbering or part title gives it.
pub(super) fn heading_level(text: &str) -> Option<u8> {
    numbering_level(text).or_else(|| part_title_level(text))
}

/// One step of the outline in reading order.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Item {
    Heading {
        level: u8,
        text: String,
        place: PageBox,
    },
    Line {
        text: String,
        place: PageBox,
        starts_paragraph: bool,
        /// The level of a numbered line shaped like a heading that runs on
        /// into the next line: a heading only where its numbering fills a
        /// gap between its siblings ([`super::continuity::fill_gaps`]).
        runs_on: Option<u8>,
    },
}
