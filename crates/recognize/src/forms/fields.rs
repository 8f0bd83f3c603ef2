//! Reading a form row by fields: the x ranges a header row gives its fields,
//! the value beside a label, and joining text cut over rows and pages.
use fiscal_layout::geometry::overlap;
use fiscal_layout::lines::join_wrapped;

use super::row::FormRow;
use super::words::LABELS;
use crate::text::compact;

/// Named x ranges of fields, from a header row.
pub(crate) struct Fields<F: Copy + PartialEq> {
    pub ranges: Vec<(F, f32, f32)>,
}

impl<F: Copy + PartialEq> Fields<F> {
    /// The field of a piece of text: the header range its centre lies in, or
    /// else the column around a header (see [`Fields::columns`]), or else the
    /// first range it overlaps. Unruled forms centre a header over its column,
    /// so body text reaches past the header's ends.
    pub fn field_of(&self, x0: f32, x1: f32) -> Option<F> {
        let cx = (x0 + x1) / 2.0;
        if let Some((f, _, _)) = self.ranges.iter().find(|(_, a, b)| cx >= *a && cx <= *b) {
            return Some(*f);
        }
        if let Some((f, _, _)) = self
            .columns()
            .into_iter()
            .find(|(_, a, b)| cx >= *a && cx <= *b)
        {
            return Some(f);
        }
        self.ranges
            .iter()
            .find(|&&(_, a, b)| overlap((x0, x1), (a, b)) > 0.0)
            .map(|(f, _, _)| *f)
    }

    /// Each header's column: up to midway to the neighbouring headers, half a
    /// header width beyond the outer ones. Open-ended ranges are left out.
    pub fn columns(&self) -> Vec<(F, f32, f32)> {
        let mut sorted: Vec<&(F, f32, f32)> = self
            .ranges
            .iter()
            .filter(|r| r.2 < f32::MAX / 2.0 && r.1 > f32::MIN / 2.0)
            .collect();
        sorted.sort_by(|a, b| a.1.total_cmp(&b.1));
        (0..sorted.len())
            .map(|i| {
                let r = sorted[i];
                let half = (r.2 - r.1) / 2.0;
                let left = if i > 0 {
                    (sorted[i - 1].2 + r.1) / 2.0
                } else {
                    r.1 - half
                };
                let right = if i + 1 < sorted.len() {
                    (r.2 + sorted[i + 1].1) / 2.0
                } else {
                    r.2 + half
                };
                (r.0, left, right)
            })
            .collect()
    }

    /// The first range of field `f`.
    pub fn range(&self, f: F) -> Option<(f32, f32)> {
        self.ranges.iter().find(|r| r.0 == f).map(|r| (r.1, r.2))
    }

    /// Texts of a row by field (several cells of one field joined).
    pub fn split(&self, row: &FormRow) -> Vec<(F, String)> {
        let mut out: Vec<(F, String)> = Vec::new();
        for c in &row.cells {
            if c.text.is_empty() {
                continue;
            }
            let Some(f) = self.field_of(c.x0, c.x1) else {
                continue;
            };
            match out.iter_mut().find(|(g, _)| *g == f) {
                Some((_, t)) => *t = join_wrapped([t.as_str(), c.text.as_str()]),
                None => out.push((f, c.text.clone())),
            }
        }
        out
    }
}

/// The value beside a label: the next cell, unless that is another label.
pub(crate) fn text_after(row: &FormRow, label: &str) -> Option<String> {
    let i = row.cells.iter().position(|c| compact(&c.text) == label)?;
    row.cells[i + 1..]
        .iter()
        .find_map(|c| non_empty(&c.text))
        .filter(|v| !LABELS.contains(&compact(v).as_str()))
}

/// Whether some cell of the row (compacted) satisfies `pred`.
pub(crate) fn has_cell(row: &FormRow, pred: impl Fn(&str) -> bool) -> bool {
    row.cells.iter().any(|c| pred(&compact(&c.text)))
}

/// Whether text ends a sentence (a cell that does not is cut).
pub(crate) fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['。', '！', '？', '；', '”', '.', '）'])
}

/// Trimmed text, `None` when empty.
pub(crate) fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Appends wrapped text to a field.
pub(crate) fn append(slot: &mut Option<String>, more: &str) {
    let Some(more) = non_empty(more) else { return };
    *slot = Some(match slot.take() {
        Some(s) => join_wrapped([s.as_str(), more.as_str()]),
        None => more,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::row::test_row;

    fn row(cells: &[(&str, f32, f32)]) -> FormRow {
        test_row(cells, false, true)
    }

    #[test]
    fn text_reaching_past_a_centred_header_is_in_its_column() {
        let f = Fields {
            ranges: vec![(1, 100.0, 140.0), (2, 200.0, 240.0)],
        };
        assert_eq!(f.field_of(110.0, 130.0), Some(1));
        // Centre 165: left of the midway point (170) between the headers.
        assert_eq!(f.field_of(140.0, 190.0), Some(1));
        assert_eq!(f.field_of(160.0, 200.0), Some(2));
        // Beyond half a header width past the last header: no column.
        assert_eq!(f.field_of(270.0, 290.0), None);
        let parts = f.split(&row(&[("甲", 100.0, 110.0), ("乙", 120.0, 130.0)]));
        assert_eq!(parts, vec![(1, "甲乙".to_string())]);
    }

    #[test]
    fn a_label_value_is_the_next_cell_unless_a_label() {
        let r = row(&[("主管部门", 0.0, 40.0), ("某某局", 50.0, 90.0)]);
        assert_eq!(text_after(&r, "主管部门").as_deref(), Some("某某局"));
        let r = row(&[("主管部门", 0.0, 40.0), ("实施单位", 50.0, 90.0)]);
        assert_eq!(text_after(&r, "主管部门"), None);
    }

    #[test]
    fn appending_joins_wrapped_text() {
        let mut slot = None;
        append(&mut slot, " 通过开展 ");
        append(&mut slot, "");
        append(&mut slot, "运维项目");
        assert_eq!(slot.as_deref(), Some("通过开展运维项目"));
        assert!(ends_sentence("全面覆盖。") && !ends_sentence("实现中央"));
    }
}
