//! Validation against the document's own arithmetic and narrative. Checks
//! report; they never change a figure. Amount tolerance: 0.01 per summand
//! (the documents note that unit conversion leaves 尾数误差).
//!
//! Rule names: identities between figures are named for the identity
//! (`hierarchy_sum`, `total_row`, `row_total`, `sides_balance`, `cross_table`,
//! `completion_rate`); comparisons of the narrative with the tables start with
//! `narrative_`.
mod arithmetic;
mod cross_table;
mod narrative;
#[cfg(test)]
mod tests;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use fiscal_recognize::{AnyTable, Recognized, Row, Table, TableKind};

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The figures agree (within the tolerance).
    Pass,
    /// The figures disagree: an error of the document or of extraction.
    Fail,
    /// The text could not be bound to one figure; nothing was compared.
    Undetermined,
}

/// One comparison of figures the document states twice.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Check {
    /// `hierarchy_sum`, `total_row`, `row_total`, `sides_balance`,
    /// `cross_table`, `completion_rate`, `narrative_…`.
    pub rule: String,
    /// The table the check is about, by number ("表3") or else title, where
    /// there is one.
    pub table: Option<String>,
    /// Pass, fail or undetermined.
    pub status: Status,
    /// What was compared, with the figures.
    pub detail: String,
    /// 1-based pages the figures are on.
    pub pages: Vec<u32>,
}

/// Runs every rule over a recognized document.
pub fn run_checks(doc: &Recognized) -> Vec<Check> {
    let mut out = Vec::new();
    let grids: Vec<&Table> = doc.tables.iter().filter_map(AnyTable::as_grid).collect();
    for t in &grids {
        arithmetic::hierarchy_sum(t, &mut out);
        arithmetic::total_row(t, &mut out);
        arithmetic::summary_totals(t, &mut out);
        arithmetic::row_total(t, &mut out);
        arithmetic::sides_balance(t, &mut out);
    }
    for t in &doc.tables {
        if let AnyTable::Performance(p) = t {
            arithmetic::completion_rate(p, &mut out);
        }
    }
    cross_table::run(&grids, &mut out);
    narrative::run(doc, &grids, &mut out);
    out
}

/// Tolerance for a comparison of a figure with the sum of `n` figures.
pub(crate) fn tolerance(n: usize) -> Decimal {
    Decimal::new(1, 2) * Decimal::from(n.max(1) as u64)
}

pub(crate) fn label(t: &Table) -> String {
    t.number.clone().unwrap_or_else(|| t.title.clone())
}

pub(crate) fn val(r: &Row, key: &str) -> Decimal {
    r.values.get(key).copied().flatten().unwrap_or_default()
}

/// A check comparing `left` with `right` (a figure with a sum of `n` figures).
pub(crate) fn compare(
    rule: &str,
    t: Option<&Table>,
    what: String,
    left: Decimal,
    right: Decimal,
    n: usize,
) -> Check {
    let ok = (left - right).abs() <= tolerance(n);
    Check {
        rule: rule.to_string(),
        table: t.map(label),
        status: if ok { Status::Pass } else { Status::Fail },
        detail: format!("{what}: {left} {} {right}", if ok { "=" } else { "≠" }),
        pages: t.map(|t| t.pages.clone()).unwrap_or_default(),
    }
}

/// The row's figure in the first of its columns whose header leaf is one of
/// `leaves` (its first column when `leaves` is empty); a blank cell reads 0.
pub(crate) fn figure(t: &Table, r: &Row, leaves: &[&str]) -> Option<Decimal> {
    let c = t.columns.iter().find(|c| {
        let leaf = c.header.rsplit('/').next().unwrap_or_default();
        r.values.contains_key(&c.key) && (leaves.is_empty() || leaves.contains(&leaf))
    })?;
    Some(val(r, &c.key))
}

pub(crate) fn table_of<'a>(tables: &[&'a Table], kind: TableKind) -> Option<&'a Table> {
    tables.iter().copied().find(|t| t.kind == kind)
}

/// The key of the first column whose header path satisfies `pred`.
pub(crate) fn column(t: &Table, pred: impl Fn(&str) -> bool) -> Option<&str> {
    t.columns
        .iter()
        .find(|c| pred(&c.header))
        .map(|c| c.key.as_str())
}

/// The first row of `group` (any group when `None`) whose name satisfies `pred`.
pub(crate) fn row<'a>(
    t: &'a Table,
    group: Option<&str>,
    pred: impl Fn(&str) -> bool,
) -> Option<&'a Row> {
    t.rows.iter().find(|r| {
        group.is_none_or(|g| r.group.as_deref() == Some(g))
            && r.code.is_none()
            && r.name.as_deref().is_some_and(&pred)
    })
}

/// Whether a row name is an ordinal item ("一、…").
pub(crate) fn is_ordinal_item(name: &str) -> bool {
    let head: String = name.chars().take(5).collect();
    head.contains('、')
        && name
            .chars()
            .next()
            .is_some_and(|c| "一二三四五六七八九十".contains(c))
}
