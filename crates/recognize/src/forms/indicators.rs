//! The indicator block of a performance form: the header row that fixes its
//! columns (levels counted from the indicator up, 指标值, 分值, 得分, 指标性质 …)
//! and the rows under it, each a new indicator or the rest of the last one.
use super::fields::{append, Fields};
use super::model::Indicator;
use super::row::FormRow;
use super::settings::FormSettings;
use super::wording::{
    indicator_column, is_indicator_heading, is_margin_label, opens_indicators, IndicatorColumn,
};
use crate::text::compact;

#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum IndField {
    Category,
    Level1,
    Level2,
    Target,
    Actual,
    Weight,
    Score,
    Deviation,
    Nature,
    Unit,
    Direction,
    Note,
    /// A column kept by its header: the index of the header in the block's
    /// other headers.
    Other(usize),
}

/// The indicator block's fields and the headers of its other columns.
pub(super) struct IndicatorFields {
    pub fields: Fields<IndField>,
    pub others: Vec<String>,
}

/// The slot of field `f` in an indicator (`None`: a column kept by header).
fn indicator_slot(ind: &mut Indicator, f: IndField) -> Option<&mut Option<String>> {
    Some(match f {
        IndField::Category => &mut ind.category,
        IndField::Level1 => &mut ind.level1,
        IndField::Level2 => &mut ind.level2,
        IndField::Target => &mut ind.target,
        IndField::Actual => &mut ind.actual,
        IndField::Weight => &mut ind.weight,
        IndField::Score => &mut ind.score,
        IndField::Deviation => &mut ind.deviation,
        IndField::Nature => &mut ind.nature,
        IndField::Unit => &mut ind.unit,
        IndField::Direction => &mut ind.direction,
        IndField::Note => &mut ind.note,
        IndField::Other(_) => return None,
    })
}

/// Appends text to field `f` of an indicator.
fn append_field(ind: &mut Indicator, f: IndField, others: &[String], text: &str) {
    match (indicator_slot(ind, f), f) {
        (Some(slot), _) => append(slot, text),
        (None, IndField::Other(i)) => {
            if let Some(name) = others.get(i) {
                let mut slot = ind.other.remove(name);
                append(&mut slot, text);
                if let Some(v) = slot {
                    ind.other.insert(name.clone(), v);
                }
            }
        }
        (None, _) => {}
    }
}

/// The indicator header (一级指标 …, 指标名称 | 指标值 …). Its level columns
/// are counted from the indicator up: the last is the indicator (`level2`),
/// the one before it `level1`, the one before that `category`.
pub(super) fn indicator_header(row: &FormRow, s: &FormSettings) -> Option<IndicatorFields> {
    let headers: Vec<String> = row.cells.iter().map(|c| compact(&c.text)).collect();
    if !opens_indicators(&headers) {
        return None;
    }
    let mut others = Vec::new();
    let mut levels = Vec::new();
    let mut ranges: Vec<(IndField, f32, f32)> = Vec::new();
    for (c, h) in row.cells.iter().zip(&headers) {
        let f = match indicator_column(h) {
            Some(IndicatorColumn::Level) => {
                levels.push((c.x0, c.x1));
                continue;
            }
            Some(IndicatorColumn::Target) => IndField::Target,
            Some(IndicatorColumn::Actual) => IndField::Actual,
            Some(IndicatorColumn::Weight) => IndField::Weight,
            Some(IndicatorColumn::Score) => IndField::Score,
            Some(IndicatorColumn::Deviation) => IndField::Deviation,
            Some(IndicatorColumn::Nature) => IndField::Nature,
            Some(IndicatorColumn::Unit) => IndField::Unit,
            Some(IndicatorColumn::Direction) => IndField::Direction,
            Some(IndicatorColumn::Note) => IndField::Note,
            Some(IndicatorColumn::Other(name)) => {
                others.push(name);
                IndField::Other(others.len() - 1)
            }
            None => continue,
        };
        ranges.push((f, c.x0, c.x1));
    }
    levels.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (f, (a, b)) in [IndField::Level2, IndField::Level1, IndField::Category]
        .into_iter()
        .zip(levels.into_iter().rev())
    {
        ranges.push((f, a, b));
    }
    // 偏差原因分析及改进措施 is the last column of the standard form; its
    // header wraps over several lines and may not be on the header line.
    if !ranges.iter().any(|r| r.0 == IndField::Deviation) {
        if let Some(score) = ranges.iter().find(|r| r.0 == IndField::Score).copied() {
            ranges.push((IndField::Deviation, score.2 + s.edge_slack, f32::MAX));
        }
    }
    Some(IndicatorFields {
        fields: Fields { ranges },
        others,
    })
}

/// Whether a row is a header row again (a second header line, or the header
/// repeated on a continuation page): every cell a column heading. It is no
/// indicator.
fn is_header_row(row: &FormRow) -> bool {
    let mut texts = row
        .cells
        .iter()
        .map(|c| compact(&c.text))
        .filter(|t| !t.is_empty())
        .peekable();
    texts.peek().is_some() && texts.all(|t| is_indicator_heading(&t) || is_margin_label(&t))
}

/// A row of the indicator block: a new indicator, or the rest of the last one
/// (cut by a page break, or a wrapped line of an unruled row).
pub(super) fn read_indicator_row(
    block: &IndicatorFields,
    row: &FormRow,
    indicators: &mut Vec<Indicator>,
) {
    if is_header_row(row) {
        return;
    }
    // The margin's 绩效指标 printed on every row is no field's text.
    let row = FormRow {
        cells: row
            .cells
            .iter()
            .filter(|c| !is_margin_label(&c.text))
            .cloned()
            .collect(),
        ..row.clone()
    };
    let parts = block.fields.split(&row);
    if parts.is_empty() {
        return;
    }
    let has = |f: IndField| parts.iter().any(|(g, _)| *g == f);
    // A row is whole with its indicator and its figures (分值 / 得分); a
    // target form without them, with its 指标值.
    let figures = if block
        .fields
        .ranges
        .iter()
        .any(|r| matches!(r.0, IndField::Weight | IndField::Score))
    {
        [IndField::Weight, IndField::Score]
    } else {
        [IndField::Target, IndField::Target]
    };
    let prev_complete = indicators.last().is_some_and(|p| {
        p.level2.is_some()
            && figures
                .iter()
                .any(|f| indicator_slot(&mut p.clone(), *f).is_some_and(|s| s.is_some()))
    });
    let starts_row = has(IndField::Level2) && figures.iter().any(|f| has(*f));
    let cut_rest = row.continues && !indicators.is_empty() && !(prev_complete && starts_row);
    if let Some(last) = indicators
        .last_mut()
        .filter(|_| cut_rest || (row.loose && !starts_row))
    {
        for (f, s) in parts {
            append_field(last, f, &block.others, &s);
        }
        return;
    }
    let mut ind = Indicator::default();
    for (f, s) in parts {
        append_field(&mut ind, f, &block.others, &s);
    }
    // Merged 指标类别 / 一级指标 cells: repeat the value above.
    if let Some(prev) = indicators.last() {
        if ind.category.is_none() {
            ind.category = prev.category.clone();
        }
        if ind.level1.is_none() {
            ind.level1 = prev.level1.clone();
        }
    }
    indicators.push(ind);
}

/// Merged 指标类别 / 一级指标 cells of unruled forms print their text once, in
/// the middle of the rows they span: rows above it take it from below.
pub(super) fn fill_merged_from_below(indicators: &mut [Indicator]) {
    for i in (0..indicators.len().saturating_sub(1)).rev() {
        let (head, tail) = indicators.split_at_mut(i + 1);
        let (cur, next) = (&mut head[i], &tail[0]);
        if cur.category.is_none() {
            cur.category = next.category.clone();
        }
        if cur.level1.is_none() && cur.category == next.category {
            cur.level1 = next.level1.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::row::test_row as row;

    #[test]
    fn indicator_rows_repeat_merged_cells_and_join_cut_rests() {
        let s = FormSettings::default();
        let header = row(
            &[
                ("指标类别", 0.0, 40.0),
                ("一级指标", 40.0, 80.0),
                ("二级指标", 80.0, 140.0),
                ("分值", 140.0, 170.0),
                ("得分", 170.0, 200.0),
            ],
            false,
            false,
        );
        let block = indicator_header(&header, &s).unwrap();
        let mut inds = Vec::new();
        let r1 = row(
            &[
                ("产出指标", 0.0, 40.0),
                ("数量指标", 40.0, 80.0),
                ("培训人次", 80.0, 140.0),
                ("25", 145.0, 165.0),
            ],
            false,
            false,
        );
        read_indicator_row(&block, &r1, &mut inds);
        // The next page's first row prints only the rest of the score cell …
        let rest = row(&[("25", 175.0, 195.0)], true, false);
        read_indicator_row(&block, &rest, &mut inds);
        // … then a row of its own under the merged cells.
        let r2 = row(
            &[("培训天数", 80.0, 140.0), ("25", 145.0, 165.0)],
            false,
            false,
        );
        read_indicator_row(&block, &r2, &mut inds);
        assert_eq!(inds.len(), 2);
        assert_eq!(inds[0].score.as_deref(), Some("25"));
        assert_eq!(inds[1].category.as_deref(), Some("产出指标"));
        assert_eq!(inds[1].level1.as_deref(), Some("数量指标"));
        // Deviation, not on the header line, is the column after 得分.
        assert_eq!(
            block.fields.field_of(220.0, 260.0),
            Some(IndField::Deviation)
        );
    }
}
