//! Where a form's fields are printed. The form readers cut and join cells in
//! many ways (labels beside values, cells cut by page breaks, merged cells
//! repeated on the rows they span); rather than thread boxes through each of
//! them, every text field of the form as read is found again among the
//! pieces it was read from: the cell or loose text that prints exactly that
//! text, or the run of pieces that print it in parts (wrapped lines, a cell
//! continued on the next page). A field found nowhere as printed gets no box,
//! never a guessed one.
//!
//! The boxes are kept by JSON Pointer (RFC 6901) into the form as written
//! (`/project`, `/funds/rows/0/values/1`, `/indicators/3/target`), in
//! `field_bboxes`; `bboxes` holds the form's extent on each page.
use std::collections::BTreeMap;

use fiscal_layout::geometry::Rect;

use super::{add_per_page, PageBox};
use crate::forms::{DepartmentGoals, FundRow, PerfPiece, PerformanceList, PerformanceTable};
use crate::model::AnyTable;
use crate::text::compact;

/// The most pieces after the first that a field printed in parts may span.
const MOST_PARTS: usize = 12;

/// A text printed on a page: a ruled cell's or a piece of loose text.
struct Ink {
    page: u32,
    rect: Rect,
    text: String,
}

/// Gives `form` (a form read from `pieces`) the boxes of its fields and its
/// extent on each page; a grid table is left as it is.
pub fn place_form(form: &mut AnyTable, pieces: &[(u32, PerfPiece)]) {
    let inks = inks(pieces);
    let mut extent = Vec::new();
    for (page, piece) in pieces {
        if let Some(r) = piece_extent(piece) {
            add_per_page(&mut extent, PageBox::new(*page, r));
        }
    }
    let mut texts = Texts::default();
    match &*form {
        AnyTable::Grid(_) => return,
        AnyTable::Performance(t) => texts.performance("", t),
        AnyTable::DepartmentGoals(t) => texts.department(t),
        AnyTable::PerformanceList(t) => texts.list(t),
    }
    let found = find_fields(texts, &inks);
    match form {
        AnyTable::Grid(_) => {}
        AnyTable::Performance(t) => {
            t.bboxes = extent;
            t.field_bboxes = found;
        }
        AnyTable::DepartmentGoals(t) => {
            t.bboxes = extent;
            t.field_bboxes = found;
        }
        AnyTable::PerformanceList(t) => {
            t.bboxes = extent;
            // A project's fields go to its own form, by pointers from it.
            let mut own = BTreeMap::new();
            for (pointer, b) in found {
                match split_form_pointer(&pointer) {
                    Some((i, rest)) if i < t.forms.len() => {
                        t.forms[i].field_bboxes.insert(rest.to_string(), b);
                    }
                    _ => {
                        own.insert(pointer, b);
                    }
                }
            }
            t.field_bboxes = own;
        }
    }
}

/// `/forms/3/indicators/0/target` → (3, `/indicators/0/target`).
fn split_form_pointer(pointer: &str) -> Option<(usize, &str)> {
    let rest = pointer.strip_prefix("/forms/")?;
    let (i, rest) = rest.split_at(rest.find('/')?);
    Some((i.parse().ok()?, rest))
}

/// The printed texts of the pieces, in reading order.
fn inks(pieces: &[(u32, PerfPiece)]) -> Vec<Ink> {
    let mut out = Vec::new();
    for (page, piece) in pieces {
        match piece {
            PerfPiece::Grid(g) => out.extend(g.cells.iter().filter_map(|c| {
                Some(Ink {
                    page: *page,
                    rect: c.ink?,
                    text: compact(&c.text),
                })
            })),
            PerfPiece::Loose(lines) => {
                for line in lines {
                    let mut texts: Vec<_> = line.texts.iter().collect();
                    texts.sort_by(|a, b| a.x0.total_cmp(&b.x0));
                    out.extend(texts.into_iter().map(|t| Ink {
                        page: *page,
                        rect: Rect {
                            x0: t.x0,
                            top: t.top.min(line.top),
                            x1: t.x1,
                            bottom: line.bottom,
                        },
                        text: compact(&t.text),
                    }));
                }
            }
        }
    }
    out.retain(|i| !i.text.is_empty());
    out
}

/// Where a piece is printed: a grid's ruled extent, loose lines' text.
fn piece_extent(piece: &PerfPiece) -> Option<Rect> {
    match piece {
        PerfPiece::Grid(g) => Some(Rect {
            x0: *g.x_edges.first()?,
            top: *g.y_edges.first()?,
            x1: *g.x_edges.last()?,
            bottom: *g.y_edges.last()?,
        }),
        PerfPiece::Loose(lines) => Rect::union_all(lines.iter().flat_map(|l| {
            l.texts.iter().map(|t| Rect {
                x0: t.x0,
                top: t.top.min(l.top),
                x1: t.x1,
                bottom: l.bottom,
            })
        })),
    }
}

/// The box of every text field in `texts` (pointer, text) found among
/// `inks`, by pointer.
fn find_fields(texts: Texts, inks: &[Ink]) -> BTreeMap<String, PageBox> {
    let mut found = BTreeMap::new();
    let mut cursor = 0;
    for (pointer, text) in texts.0 {
        if let Some((at, end, b)) = nearest(&text, inks, cursor) {
            // A merged cell found again above does not move the reading on.
            if at >= cursor {
                cursor = end;
            }
            found.insert(pointer, b);
        }
    }
    found
}

/// The text fields of a form with their JSON Pointers, in the order a form
/// prints them (head, funds, goal, indicators, score).
#[derive(Default)]
struct Texts(Vec<(String, String)>);

impl Texts {
    fn text(&mut self, pointer: String, text: Option<&str>) {
        let text = text.map(compact).unwrap_or_default();
        if !text.is_empty() {
            self.0.push((pointer, text));
        }
    }

    fn fund_row(&mut self, at: &str, row: &FundRow) {
        self.text(format!("{at}/source"), Some(&row.source));
        for (i, v) in row.values.iter().enumerate() {
            self.text(format!("{at}/values/{i}"), v.as_deref());
        }
        self.text(format!("{at}/detail"), row.detail.as_deref());
    }

    fn performance(&mut self, at: &str, t: &PerformanceTable) {
        self.text(format!("{at}/project"), t.project.as_deref());
        self.text(format!("{at}/department"), t.department.as_deref());
        self.text(format!("{at}/implementer"), t.implementer.as_deref());
        for (label, v) in &t.fields {
            self.text(format!("{at}/fields/{}", escape(label)), Some(v));
        }
        for (i, row) in t.funds.rows.iter().enumerate() {
            self.fund_row(&format!("{at}/funds/rows/{i}"), row);
        }
        let f = &t.funds;
        self.text(format!("{at}/funds/weight"), f.weight.as_deref());
        self.text(
            format!("{at}/funds/completion_rate"),
            f.completion_rate.as_deref(),
        );
        self.text(format!("{at}/funds/score"), f.score.as_deref());
        let g = &t.goal;
        self.text(format!("{at}/goal/target"), g.target.as_deref());
        self.text(format!("{at}/goal/actual"), g.actual.as_deref());
        self.text(format!("{at}/goal/long_term"), g.long_term.as_deref());
        for (i, ind) in t.indicators.iter().enumerate() {
            let at = format!("{at}/indicators/{i}");
            for (key, v) in [
                ("category", &ind.category),
                ("level1", &ind.level1),
                ("level2", &ind.level2),
                ("nature", &ind.nature),
                ("target", &ind.target),
                ("unit", &ind.unit),
                ("direction", &ind.direction),
                ("actual", &ind.actual),
                ("weight", &ind.weight),
                ("score", &ind.score),
                ("deviation", &ind.deviation),
                ("note", &ind.note),
            ] {
                self.text(format!("{at}/{key}"), v.as_deref());
            }
            for (header, v) in &ind.other {
                self.text(format!("{at}/other/{}", escape(header)), Some(v));
            }
        }
        self.text(format!("{at}/total_score"), t.total_score.as_deref());
    }

    fn department(&mut self, t: &DepartmentGoals) {
        self.text("/department".into(), t.department.as_deref());
        self.text("/goal".into(), t.goal.as_deref());
        self.text(
            "/budget_rate_expected".into(),
            t.budget_rate_expected.as_deref(),
        );
        self.text(
            "/budget_rate_actual".into(),
            t.budget_rate_actual.as_deref(),
        );
        for (i, r) in t.rows.iter().enumerate() {
            for (key, v) in [
                ("goal", &r.goal),
                ("indicator", &r.indicator),
                ("expected", &r.expected),
                ("actual", &r.actual),
            ] {
                self.text(format!("/rows/{i}/{key}"), v.as_deref());
            }
        }
    }

    fn list(&mut self, t: &PerformanceList) {
        for (i, row) in t.totals.iter().enumerate() {
            self.fund_row(&format!("/totals/{i}"), row);
        }
        for (i, form) in t.forms.iter().enumerate() {
            self.performance(&format!("/forms/{i}"), form);
        }
    }
}

/// A key as a JSON Pointer writes it (RFC 6901).
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The printing of `text` nearest to the reading position `cursor` (after
/// it, on a tie): its first piece, the piece after its last and its box.
fn nearest(text: &str, inks: &[Ink], cursor: usize) -> Option<(usize, usize, PageBox)> {
    let mut best: Option<(usize, usize, PageBox, usize)> = None;
    for at in 0..inks.len() {
        let distance = at.abs_diff(cursor);
        if best.as_ref().is_some_and(|b| b.3 <= distance) {
            continue;
        }
        if let Some((end, b)) = printed_at(text, inks, at) {
            best = Some((at, end, b, distance));
        }
    }
    best.map(|(at, end, b, _)| (at, end, b))
}

/// Whether `text` is printed starting with piece `at`: whole, or in parts
/// that follow one another (other pieces between them allowed); the piece
/// after the last part and the parts' box on the first part's page.
fn printed_at(text: &str, inks: &[Ink], at: usize) -> Option<(usize, PageBox)> {
    let first = &inks[at];
    let mut rest = text.strip_prefix(first.text.as_str())?;
    let mut b = PageBox::new(first.page, first.rect);
    let mut end = at + 1;
    while !rest.is_empty() {
        let (i, part) = inks
            .iter()
            .enumerate()
            .skip(end)
            .take(MOST_PARTS)
            .find(|(_, i)| rest.starts_with(i.text.as_str()))?;
        rest = &rest[part.text.len()..];
        b = b.join(PageBox::new(part.page, part.rect));
        end = i + 1;
    }
    Some((end, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ink(text: &str, x0: f32, top: f32) -> Ink {
        Ink {
            page: 1,
            rect: Rect {
                x0,
                top,
                x1: x0 + 10.0,
                bottom: top + 10.0,
            },
            text: text.into(),
        }
    }

    #[test]
    fn a_text_is_found_whole_or_in_parts_nearest_the_reading() {
        let inks = [
            ink("产出指标", 0.0, 0.0),
            ink("数量", 20.0, 0.0),
            ink("≥96%", 40.0, 0.0),
            ink("质量", 20.0, 20.0),
            ink("≥96%", 40.0, 20.0),
            ink("设备完好", 60.0, 20.0),
            ink("率", 60.0, 30.0),
        ];
        // The second row's value, not the first's: the reading is past it.
        let (at, end, b) = nearest("≥96%", &inks, 4).unwrap();
        assert_eq!((at, end, b.top), (4, 5, 20.0));
        // A merged cell above the reading is found there.
        assert_eq!(nearest("产出指标", &inks, 5).unwrap().0, 0);
        // Wrapped over two lines: both parts' box.
        let (_, _, b) = nearest("设备完好率", &inks, 5).unwrap();
        assert_eq!((b.top, b.bottom), (20.0, 40.0));
        // Not printed as read: no box.
        assert!(nearest("96%", &inks, 0).is_none());
    }

    #[test]
    fn pointers_escape_keys_and_lists_keep_their_projects() {
        assert_eq!(escape("a/b~c"), "a~1b~0c");
        assert_eq!(
            split_form_pointer("/forms/12/indicators/0/target"),
            Some((12, "/indicators/0/target"))
        );
    }
}
