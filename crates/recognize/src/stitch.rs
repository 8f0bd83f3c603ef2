//! A row cut by the page break: whether the first row of a page is the rest
//! of the last row of the page before (its leading cells left empty, its
//! figures continuing, the label stopping mid-phrase), and stitching the two.
use crate::amount::is_cut_amount;
use crate::code;
use crate::header::{Role, TableModel};
use crate::rows::{numbers_rows, RawRow};
use crate::text::compact;

/// Whether a label starts with an item number ("1、", "（一）", "(1)", "2."):
/// a bracket that opens words ("(基本建设)", the rest of a label cut by the
/// page break) numbers nothing.
fn is_ordinal_start(name: &str) -> bool {
    let t = name.trim_start();
    let head: String = t.chars().take(4).collect();
    head.contains('、')
        || crate::numbering::numbering_level(t).is_some()
        || t.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Per side of a row: does it carry anything that starts a row (code, 行次, figures)?
fn side_state(model: &TableModel, row: &RawRow, g: usize) -> (bool, bool, bool) {
    let mut has_text = false;
    let mut has_key = false;
    let mut has_values = false;
    for (c, col) in model
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.group == g)
    {
        let t = compact(&row.cells[c]);
        if t.is_empty() {
            continue;
        }
        match col.role {
            Role::Name => {
                has_text = true;
                if is_ordinal_start(&t)
                    || crate::header::is_total_label(&t)
                    || code::split_leading_code(&row.cells[c]).is_some()
                {
                    has_key = true;
                }
            }
            Role::Code | Role::CodePart | Role::Line => has_key = true,
            Role::Attribute => has_text = true,
            Role::Value => has_values = true,
        }
    }
    (has_text, has_key, has_values)
}

/// Whether `next` (first row of a continuation page) is the rest of `prev`, a
/// row cut by the page break: it starts nothing new (no code, 行次 or ordinal),
/// the page shows the cut — figures of `next` that are the rest of amounts of
/// `prev` cut by the break, the column the row begins with empty in the rest,
/// the text above stopping mid-phrase, or the row's figures coming only with
/// the rest — and no figure of `next` stands on its own beside one of `prev`.
/// A complete row followed by a label alone ("使用非财政拨款结余") is a row of
/// its own.
pub fn is_cut_continuation(model: &TableModel, prev: &RawRow, next: &RawRow) -> bool {
    let mut any = false;
    let unnumbered = row_number_left_empty(model, prev, next);
    for g in 0..model.groups.len() {
        let (n_text, n_key, n_values) = side_state(model, next, g);
        let (p_text, p_key, p_values) = side_state(model, prev, g);
        if !n_text && !n_values {
            continue;
        }
        if n_key || !(p_text || p_key || p_values) {
            return false;
        }
        if n_values && p_values && !figures_continue(model, prev, next, g) {
            return false;
        }
        // Figures in the rest: amounts cut by the break (checked above) or the
        // row's only figures.
        let cut = n_values && (p_values || p_text)
            || unnumbered
            || leading_cell_left_empty(model, prev, next, g)
            || stops_mid_phrase(model, prev, g);
        if !cut {
            return false;
        }
        any = true;
    }
    any
}

/// Whether every figure of `next` on side `g` is the rest of a cut amount of `prev`.
fn figures_continue(model: &TableModel, prev: &RawRow, next: &RawRow, g: usize) -> bool {
    model
        .columns
        .iter()
        .enumerate()
        .filter(|(c, col)| {
            col.group == g && col.role == Role::Value && !next.cells[*c].trim().is_empty()
        })
        .all(|(c, _)| is_cut_amount(&prev.cells[c], &next.cells[c]))
}

/// Whether `prev` prints the number every printed row has (序号, 行次) and
/// `next`, which carries no figure, prints none: the rest of a row cut by the
/// page break (西安 收支总表: "(5)资本性支出" | "(基本建设)" on the next page).
fn row_number_left_empty(model: &TableModel, prev: &RawRow, next: &RawRow) -> bool {
    let cols = &model.columns;
    let figureless = (0..cols.len())
        .filter(|&c| cols[c].role == Role::Value)
        .all(|c| next.cells[c].trim().is_empty());
    figureless
        && (0..cols.len()).any(|c| {
            numbers_rows(&cols[c])
                && !compact(&prev.cells[c]).is_empty()
                && compact(&next.cells[c]).is_empty()
        })
}

/// Whether the first text column `prev` fills on side `g` (its code, 行次,
/// label or first attribute) is empty in `next`: every row fills it, the rest
/// of a cut row does not.
fn leading_cell_left_empty(model: &TableModel, prev: &RawRow, next: &RawRow, g: usize) -> bool {
    model
        .columns
        .iter()
        .enumerate()
        .filter(|(_, col)| col.group == g && col.role != Role::Value)
        .map(|(c, _)| c)
        .find(|&c| !compact(&prev.cells[c]).is_empty())
        .is_some_and(|c| compact(&next.cells[c]).is_empty())
}

/// Whether a text of side `g` of `prev` stops mid-phrase: a bracket left
/// open, or a last character that joins to what follows (及, 和, 、 …).
fn stops_mid_phrase(model: &TableModel, prev: &RawRow, g: usize) -> bool {
    const JOINING: &[char] = &['、', '，', '及', '和', '与', '或', '的', '（', '(', '“'];
    model
        .columns
        .iter()
        .enumerate()
        .filter(|(_, col)| col.group == g && matches!(col.role, Role::Name | Role::Attribute))
        .map(|(c, _)| compact(&prev.cells[c]))
        .any(|t| {
            let open = t.matches(['（', '(']).count();
            let closed = t.matches(['）', ')']).count();
            open > closed || t.ends_with(JOINING)
        })
}

/// Merges a cut row's second part into the first.
pub fn stitch(prev: &mut RawRow, next: RawRow) {
    for ((a, b), (a_box, b_box)) in prev
        .cells
        .iter_mut()
        .zip(next.cells)
        .zip(prev.boxes.iter_mut().zip(next.boxes))
    {
        if b.trim().is_empty() {
            continue;
        }
        // A cell's box is where it starts; only a cell empty above the break
        // is placed by its rest.
        *a_box = a_box.or(b_box);
        if a.trim().is_empty() {
            *a = b;
        } else {
            *a = fiscal_layout::lines::join_wrapped([a.as_str(), b.as_str()]);
        }
    }
}
