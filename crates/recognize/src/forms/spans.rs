//! Which rows a merged label spans. An unruled form prints the text of a
//! merged cell (指标类别, 一级指标: one cell over several rows) once, either in
//! the middle of its rows or at their top; the rows' extents and the labels'
//! positions tell which, and where each label's rows end.
use std::ops::RangeInclusive;

use super::loose::LooseText;
use super::settings::FormSettings;

/// A merged label: its lines stacked at the line pitch in its column.
#[derive(Debug, Clone)]
pub(crate) struct MergedLabel {
    /// Centre of its first line.
    pub first: f32,
    /// Centre of its last line.
    pub last: f32,
    pub texts: Vec<LooseText>,
}

impl MergedLabel {
    fn middle(&self) -> f32 {
        (self.first + self.last) / 2.0
    }
}

/// Rows `[from, to)` of each label of one merged column, given each row's
/// vertical extent (top, bottom) and the run's line height. On a continuation
/// page (`continues`), rows above the first label go on with the label
/// printed on the page before.
pub(crate) fn label_spans(
    labels: &[MergedLabel],
    extents: &[(f32, f32)],
    height: f32,
    continues: bool,
    s: &FormSettings,
) -> Vec<(usize, usize)> {
    // On a continuation page the first label's rows start at the latest at the
    // first row reaching to it, and there if it stands at that row's top (the
    // rows above go on with the label on the page before).
    let reach = s.continuation_label_reach * height;
    let first_start = match labels.first() {
        Some(label) if continues => {
            let own = extents
                .iter()
                .position(|e| e.1 >= label.middle() - reach)
                .unwrap_or(extents.len());
            let at_top = extents
                .get(own)
                .is_some_and(|e| label.middle() - e.0 <= reach);
            if at_top {
                own..=own
            } else {
                0..=own
            }
        }
        _ => 0..=0,
    };
    let centred = centred_spans(labels, extents, first_start, s.centring_tie * height);
    let top_aligned = top_aligned_spans(labels, extents);
    let error = |spans: &[(usize, usize)], centred: bool| -> f32 {
        spans
            .iter()
            .zip(labels)
            .filter(|(sp, _)| sp.0 < sp.1)
            .map(|(sp, label)| {
                let (top, bottom) = (extents[sp.0].0, extents[sp.1 - 1].1);
                let expected = if centred {
                    (top + bottom) / 2.0
                } else {
                    top + height / 2.0
                };
                (label.middle() - expected).abs()
            })
            .sum()
    };
    if error(&top_aligned, false) < error(&centred, true) {
        top_aligned
    } else {
        centred
    }
}

/// Rows of each label if labels are centred on their rows: walking down,
/// each label's span ends as far below its middle as it began above it (the
/// last label takes the rest). Spans meet halfway between rows: rows of one
/// line leave gaps between them. The first label starts at one of the rows
/// `first_start` (on a continuation page the rows above it belong to the
/// label on the page before): where it is best centred, at the earliest row
/// unless a later one centres it better by more than `tie`.
fn centred_spans(
    labels: &[MergedLabel],
    extents: &[(f32, f32)],
    first_start: RangeInclusive<usize>,
    tie: f32,
) -> Vec<(usize, usize)> {
    let n = extents.len();
    // boundary(k): where row k begins (boundary(n): where the last row ends).
    let boundary = |k: usize| match k {
        0 => extents[0].0,
        k if k == n => extents[n - 1].1,
        k => (extents[k - 1].1 + extents[k].0) / 2.0,
    };
    // The end of a label's span from `row`, and how far off centre it is.
    let span_from = |row: usize, label: &MergedLabel, last: bool| {
        let target_end = 2.0 * label.middle() - boundary(row);
        let mut end = row + 1;
        if last {
            end = n;
        } else {
            while end < n
                && (boundary(end) - target_end).abs() > (boundary(end + 1) - target_end).abs()
            {
                end += 1;
            }
        }
        let off = ((boundary(row) + boundary(end)) / 2.0 - label.middle()).abs();
        (end, off)
    };
    let mut spans = Vec::new();
    let mut row = 0;
    for (j, label) in labels.iter().enumerate() {
        if row >= n {
            spans.push((n, n));
            continue;
        }
        let last = j + 1 == labels.len();
        if j == 0 {
            row = (*first_start.start()).min(n - 1);
        }
        let mut start = row;
        let (mut end, mut off) = span_from(row, label, last);
        if j == 0 {
            for later in row + 1..=(*first_start.end()).min(n - 1) {
                let (e, o) = span_from(later, label, last);
                if o + tie < off {
                    (start, end, off) = (later, e, o);
                }
            }
        }
        spans.push((start, end));
        row = end;
    }
    spans
}

/// Rows of each label if labels stand at the top of their rows: a label
/// starts at the first row reaching below it.
fn top_aligned_spans(labels: &[MergedLabel], extents: &[(f32, f32)]) -> Vec<(usize, usize)> {
    let n = extents.len();
    let starts: Vec<usize> = labels
        .iter()
        .enumerate()
        .map(|(j, label)| {
            if j == 0 {
                0
            } else {
                extents
                    .iter()
                    .position(|e| e.1 >= label.middle())
                    .unwrap_or(n)
            }
        })
        .collect();
    (0..labels.len())
        .map(|j| {
            let end = if j + 1 < labels.len() {
                starts[j + 1].max(starts[j])
            } else {
                n
            };
            (starts[j], end)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(y: f32) -> MergedLabel {
        MergedLabel {
            first: y,
            last: y,
            texts: Vec::new(),
        }
    }

    /// Six rows of 20 pt from 0 to 120.
    fn rows() -> Vec<(f32, f32)> {
        (0..6)
            .map(|i| (20.0 * i as f32, 20.0 * i as f32 + 20.0))
            .collect()
    }

    #[test]
    fn centred_labels_span_the_rows_around_them() {
        let s = FormSettings::default();
        // Labels in the middle of rows 0–1 (y 20) and rows 2–5 (y 80).
        let spans = label_spans(&[label(20.0), label(80.0)], &rows(), 10.0, false, &s);
        assert_eq!(spans, vec![(0, 2), (2, 6)]);
    }

    #[test]
    fn centred_labels_over_one_line_rows_with_gaps_between_them() {
        let s = FormSettings::default();
        // Six one-line rows (8 pt) every 16.4 pt; labels centred on rows 0–1,
        // 2–3 and 4–5, each between its two rows.
        let rows: Vec<(f32, f32)> = (0..6)
            .map(|i| (16.4 * i as f32, 16.4 * i as f32 + 8.0))
            .collect();
        let middle = |a: usize| (rows[a].0 + rows[a + 1].1) / 2.0;
        let labels = [label(middle(0)), label(middle(2)), label(middle(4))];
        let spans = label_spans(&labels, &rows, 8.0, false, &s);
        assert_eq!(spans, vec![(0, 2), (2, 4), (4, 6)]);
    }

    #[test]
    fn top_aligned_labels_start_at_their_row() {
        let s = FormSettings::default();
        // Labels at the top of row 0 and of row 3.
        let spans = label_spans(&[label(5.0), label(65.0)], &rows(), 10.0, false, &s);
        assert_eq!(spans, vec![(0, 3), (3, 6)]);
    }

    #[test]
    fn on_a_continuation_page_a_label_centred_from_the_first_row_starts_there() {
        let s = FormSettings::default();
        // Rows of one line (8 pt) and, second and fifth, of four lines at a
        // continuation page's head; labels centred on rows 0–2 and 3–5: the
        // first row is the first label's, not the label's before.
        let lines = [1.0, 4.0, 1.0, 1.0, 4.0, 1.0];
        let mut rows: Vec<(f32, f32)> = Vec::new();
        let mut top = 0.0;
        for n in lines {
            rows.push((top, top + 8.0 * n));
            top += 8.0 * n + 8.0;
        }
        let middle = |a: usize, b: usize| (rows[a].0 + rows[b].1) / 2.0;
        let labels = [label(middle(0, 2)), label(middle(3, 5))];
        let spans = label_spans(&labels, &rows, 8.0, true, &s);
        assert_eq!(spans, vec![(0, 3), (3, 6)]);
    }

    #[test]
    fn on_a_continuation_page_rows_above_the_first_label_keep_the_label_before() {
        let s = FormSettings::default();
        // One label, centred on rows 3–5: rows 0–2 belong to the page before's label.
        let spans = label_spans(&[label(90.0)], &rows(), 10.0, true, &s);
        assert_eq!(spans, vec![(3, 6)]);
    }
}
