//! Reading figures out of tables: rows by name, columns by header, the
//! tolerance of a sum, and the one comparison every identity uses.
use rust_decimal::Decimal;

use fiscal_recognize::{Row, Table, TableKind};

use super::Check;

/// Tolerance for a comparison of a figure with the sum of `n` figures.
pub(crate) fn tolerance(n: usize) -> Decimal {
    Decimal::new(1, 2) * Decimal::from(n.max(1) as u64)
}

/// How a check names a table: its printed number, else its title.
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
    let check = Check::verdict(
        rule,
        ok,
        format!("{what}: {left} {} {right}", if ok { "=" } else { "≠" }),
    );
    match t {
        Some(t) => check.on_table(t),
        None => check,
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

/// The table of `kind`; the first that prints rows when a 目录 entry or a
/// stray title was also taken for one.
pub(crate) fn table_of<'a>(tables: &[&'a Table], kind: TableKind) -> Option<&'a Table> {
    let mut of_kind = tables.iter().copied().filter(|t| t.kind == kind);
    let first = of_kind.clone().next()?;
    Some(of_kind.find(|t| !t.rows.is_empty()).unwrap_or(first))
}

/// The key of the first column whose header path satisfies `pred`.
pub(crate) fn column(t: &Table, pred: impl Fn(&str) -> bool) -> Option<&str> {
    t.columns
        .iter()
        .find(|c| pred(&c.header))
        .map(|c| c.key.as_str())
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

/// Whether a table prints no figure other than zero (an empty 基金 / 国资 /
/// 三公 table published for form's sake).
pub(crate) fn is_blank(t: &Table) -> bool {
    t.rows
        .iter()
        .flat_map(|r| r.values.values())
        .all(|v| v.is_none_or(|d| d.is_zero()))
}

/// Half a unit of the last printed digit of `d` ("5.16" → 0.005): how far
/// the exact value may lie from a rounded figure. Figures printed with fewer
/// than two decimals are taken as exact to the cent, as the tables print them.
pub(crate) fn half_unit(d: Decimal) -> Decimal {
    Decimal::new(5, d.scale().max(2) + 1)
}
