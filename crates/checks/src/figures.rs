//! Reading figures out of tables: rows by name, columns by header, the
//! tolerance of a sum, and the one comparison every identity uses.
use rust_decimal::Decimal;

use fiscal_recognize::vocabulary::Period;
use fiscal_recognize::{Row, Table, TableKind};

use crate::check::{Check, ComparedFigure};
use crate::rule::Rule;

/// Tolerance for a comparison of a figure with the sum of `n` figures, by the
/// precision they are printed in: 0.01 per summand for figures to the cent;
/// where every figure is printed whole (budgets in 元), each may be rounded by
/// half a unit, the figure itself and each summand: 0.5 × (n + 1).
pub(crate) fn tolerance(n: usize, whole: bool) -> Decimal {
    let n = n.max(1) as u64;
    if whole {
        Decimal::new(5, 1) * Decimal::from(n + 1)
    } else {
        Decimal::new(1, 2) * Decimal::from(n)
    }
}

pub(crate) fn val(r: &Row, key: &str) -> Decimal {
    r.values.get(key).copied().flatten().unwrap_or_default()
}

/// A check comparing `left` with `right` (a figure with a sum of `n` figures).
pub(crate) fn compare(
    rule: Rule,
    t: Option<&Table>,
    what: String,
    left: Decimal,
    right: Decimal,
    n: usize,
) -> Check {
    // A sum of figures printed whole is whole (a blank reads 0, also whole).
    let whole = left.scale() == 0 && right.scale() == 0;
    let ok = (left - right).abs() <= tolerance(n, whole);
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

/// Whether a column's header path ends with `leaf`, one part ("基本支出") or
/// several ("基本支出/小计"). A 栏次 number printed under a header ("合计/1")
/// is no part of it, and a "其中：" column is named by what follows.
pub(crate) fn header_ends_with(header: &str, leaf: &str) -> bool {
    let parts: Vec<&str> = header
        .split('/')
        .filter(|p| !p.is_empty() && !p.bytes().all(|b| b.is_ascii_digit()))
        .map(|p| {
            p.strip_prefix("其中：")
                .or_else(|| p.strip_prefix("其中:"))
                .unwrap_or(p)
        })
        .collect();
    let wanted: Vec<&str> = leaf.split('/').collect();
    parts.ends_with(&wanted)
}

/// The row's figure in the first of its columns whose header ends with one
/// of `leaves` (its first column when `leaves` is empty; a blank cell reads 0),
/// with the figure as a check names it.
pub(crate) fn figure_read(
    t: &Table,
    r: &Row,
    leaves: &[&str],
) -> Option<(Decimal, ComparedFigure)> {
    // The table's figure is this year's: a prior-year column printed first
    // (2025年执行数 before 2026年预算数) or a change column is never it.
    let c = t.columns.iter().find(|c| {
        c.period == Period::Current
            && r.values.contains_key(&c.key)
            && (leaves.is_empty() || leaves.iter().any(|l| header_ends_with(&c.header, l)))
    })?;
    Some((val(r, &c.key), ComparedFigure::of(t, r, &c.key)))
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

/// Half a unit of the last digit as printed ("5" → 0.5, "5.16" → 0.005).
pub(crate) fn half_printed(d: Decimal) -> Decimal {
    Decimal::new(5, d.scale() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    use crate::check::Status;
    use crate::tests::{named, table};

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn whole_figures_round_by_half_a_unit_each() {
        // 3 summands printed in whole 元, each and the total rounded: ±2.
        assert_eq!(
            compare(Rule::TotalRow, None, "x".into(), d("100"), d("102"), 3).status,
            Status::Pass
        );
        assert_eq!(
            compare(Rule::TotalRow, None, "x".into(), d("100"), d("103"), 3).status,
            Status::Fail
        );
        // The same figures printed to the cent: ±0.03.
        assert_eq!(
            compare(
                Rule::TotalRow,
                None,
                "x".into(),
                d("100.00"),
                d("100.03"),
                3
            )
            .status,
            Status::Pass
        );
        assert_eq!(
            compare(
                Rule::TotalRow,
                None,
                "x".into(),
                d("100.00"),
                d("101.00"),
                3
            )
            .status,
            Status::Fail
        );
    }

    #[test]
    fn a_header_ends_with_its_named_parts() {
        assert!(header_ends_with("基本支出/小计/2", "小计"));
        assert!(header_ends_with("基本支出/小计/2", "基本支出/小计"));
        assert!(!header_ends_with("小计", "基本支出/小计"));
        assert!(header_ends_with(
            "一般公共预算支出/其中：基本支出",
            "基本支出"
        ));
        assert!(header_ends_with("合计", "合计"));
        assert!(!header_ends_with("本年合计", "合计"));
    }

    #[test]
    fn a_prior_year_column_printed_first_is_never_the_tables_figure() {
        // 国家信访局 2026 预算 表5: 2025年执行数 | 2026年预算数 (小计 …).
        let mut t = table(
            "表5",
            "一般公共预算支出预算表",
            "budget_general_expenditure",
            10,
            &[
                ("prior_year_total", "2025年执行数"),
                ("total", "2026年预算数/小计"),
            ],
            vec![named(
                None,
                "合计",
                &[("prior_year_total", "37241.42"), ("total", "16474.82")],
            )],
        );
        t.columns[0].period = Period::PriorYear;
        let (value, figure) = figure_read(&t, &t.rows[0], &[]).unwrap();
        assert_eq!(value.to_string(), "16474.82");
        assert_eq!(figure.column, "total");
    }
}
