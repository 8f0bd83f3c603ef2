//! The decisions of table assembly, each on the evidence it names: whether a
//! grid continues the open table or starts one, whether a title is the open
//! table's printed again, whether a line is a note of the table.
use super::table::OpenTable;
use super::trace::{Close, Continuation};
use crate::title::shape::same_title;

/// Whether a grid on `page` continues the open table (and how), or why not
/// (`None`: there is no open table). `caption` is a title printed in the
/// grid's top row; `last_grid_page` the page the open table last took a grid
/// from. Narrative and titles close or replace the open table before its
/// next grid, so an open one without notes continues on the same or the next
/// page.
pub(super) fn grid_continues(
    open: Option<&OpenTable>,
    caption: Option<&str>,
    page: u32,
    last_grid_page: u32,
) -> Result<Continuation, Option<Close>> {
    let Some(t) = open else {
        return Err(None);
    };
    if let Some(c) = caption.filter(|c| names_another_table(t, c)) {
        return Err(Some(Close::NewCaption(c.to_string())));
    }
    if t.noted {
        let note = t.notes.first().cloned().unwrap_or_default();
        return Err(Some(Close::Note(note)));
    }
    if t.model.is_none() {
        Ok(Continuation::UnderTitle)
    } else if page == last_grid_page {
        Ok(Continuation::SamePage)
    } else if page == last_grid_page + 1 {
        Ok(Continuation::NextPage {
            from: last_grid_page,
        })
    } else {
        Err(Some(Close::PageGap {
            last: last_grid_page,
        }))
    }
}

/// Whether a title printed in a grid's top row names a table other than the
/// open one: another title, or for a form (one per project) any caption once
/// the form has its body.
pub(super) fn names_another_table(open: &OpenTable, caption: &str) -> bool {
    if open.is_form() {
        open.has_body() || !same_title(&open.title, caption)
    } else {
        !same_title(&open.title, caption)
    }
}

/// Whether a title read on `page` is the open table's printed again at the
/// head of its continuation page: the open table has its grid, took it from
/// the page before, has the same title and no other number.
pub(super) fn repeats_open_title(
    open: &OpenTable,
    number: Option<&str>,
    title: &str,
    page: u32,
    last_grid_page: u32,
) -> bool {
    !open.is_form()
        && open.model.is_some()
        && page == last_grid_page + 1
        && same_title(&open.title, title)
        && (number.is_none() || open.number.is_none() || number == open.number.as_deref())
}

/// What a line under a table's grid is to the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NoteLine {
    /// A note of its own: "注：…", "本表…", "说明：…", a numbered note after one.
    Starts,
    /// The rest of the last note, which did not end with "。".
    Continues,
    /// No note.
    No,
}

/// Whether `text` (compact) is a note of the open table, read after its grid
/// or a note. A note closes the table to further grids.
pub(super) fn note_line(open: &OpenTable, text: &str) -> NoteLine {
    // A note may be set in brackets: "（注：…没有使用…安排的支出。）".
    let bare = text.trim_start_matches(['（', '(']);
    let ended = |n: &str| n.trim_end_matches(['）', ')']).ends_with('。');
    let continues_note = open.notes.last().is_some_and(|n| !ended(n)) && !bare.starts_with('注');
    let numbered = text.chars().next().is_some_and(|c| c.is_ascii_digit())
        && text.chars().nth(1).is_some_and(|c| c == '.' || c == '、');
    if bare.starts_with('注')
        || (open.noted && numbered)
        || text.starts_with("说明：")
        || text.starts_with("备注")
        || text.contains("本表")
        || text.contains("此表")
    {
        NoteLine::Starts
    } else if continues_note && open.noted {
        NoteLine::Continues
    } else {
        NoteLine::No
    }
}
