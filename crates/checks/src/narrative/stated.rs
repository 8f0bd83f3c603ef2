//! Figures as the text states them ("1,899.52万元", "3,000元") and their
//! comparison with a table figure at the scale of each: a table printed in 元
//! against a sentence in 万元, a 千元 table, a table that prints no unit (the
//! detail says which unit was assumed, and why).
use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::Decimal;

use fiscal_recognize::amount::parse_amount;
use fiscal_recognize::{MoneyUnit, Table};

use crate::check::{label, Check};
use crate::context::Context;
use crate::figures::{half_printed, half_unit};
use crate::identities::Read;

/// A money figure stated in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stated {
    pub value: Decimal,
    pub unit: MoneyUnit,
    /// Byte range of the figure and its unit in the passage text.
    pub start: usize,
    pub end: usize,
}

impl Stated {
    /// Half a unit of the last printed digit: how far the exact value may be.
    pub fn half_unit(&self) -> Decimal {
        half_printed(self.value)
    }
}

/// A figure as the sentence prints it ("1,899.52").
pub(crate) fn dec(s: &str) -> Option<Decimal> {
    parse_amount(s).ok().flatten()
}

pub(crate) fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid pattern"))
}

/// Every money figure of `text`, in order.
pub(crate) fn amounts(text: &str) -> Vec<Stated> {
    static AMOUNT: OnceLock<Regex> = OnceLock::new();
    let amount = re(&AMOUNT, r"([0-9][0-9,]*(?:\.[0-9]+)?)(亿元|万元|千元|元)");
    amount
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            Some(Stated {
                value: dec(&c[1])?,
                unit: MoneyUnit::parse(&c[2])?,
                start: m.start(),
                end: m.end(),
            })
        })
        .collect()
}

/// The unit a table's figures are in, and what was assumed when it prints none.
pub(crate) fn table_unit(ctx: &Context, t: &Table) -> (MoneyUnit, Option<String>) {
    match (t.money_unit, ctx.doc.document.money_unit) {
        (Some(u), _) => (u, None),
        (None, Some(u)) => (
            u,
            Some(format!(
                "{} prints no unit; read in {u}, the unit of the document's other tables",
                label(t)
            )),
        ),
        (None, None) => (
            MoneyUnit::TenThousandYuan,
            Some(format!(
                "{} prints no unit and no table says one; read in 万元",
                label(t)
            )),
        ),
    }
}

/// Whether `stated` agrees with a table figure `v` printed in `unit` (a sum
/// of `summands` printed figures), allowing for the rounding of either.
fn agrees(stated: &Stated, v: Decimal, unit: MoneyUnit, summands: usize) -> bool {
    let table = unit.convert(v, stated.unit);
    let table_half = unit.convert(half_unit(v), stated.unit);
    let tol = stated.half_unit().max(table_half)
        + table_half * Decimal::from(summands.saturating_sub(1) as u64);
    (stated.value - table).abs() <= tol
}

/// A stated figure against the table figure its item names. The rule is
/// `rule`, or `narrative_unit` when the two agree only at another scale
/// (a table in 元 read as 万元, a sentence saying 元 for 万元).
pub(crate) fn amount_check(
    ctx: &Context,
    rule: &str,
    what: &str,
    stated: &Stated,
    table: Result<Read, String>,
    pages: &[u32],
) -> Check {
    let read = match table {
        Ok(r) => r,
        Err(why) => {
            return Check::skipped(
                rule,
                format!("{what}: stated {} {}, but {why}", stated.value, stated.unit),
            )
            .on_pages(pages)
        }
    };
    let (unit, assumed) = table_unit(ctx, read.table);
    let v = read.value;
    let shown = unit.convert(v, stated.unit);
    let note = assumed
        .as_deref()
        .map_or(String::new(), |a| format!(" ({a})"));
    let mut check = if agrees(stated, v, unit, read.summands) {
        Check::verdict(
            rule,
            true,
            format!(
                "{what}: stated {} {} = table {shown}{note}",
                stated.value, stated.unit
            ),
        )
    } else if let Some(other) = MoneyUnit::ALL.into_iter().find(|u| {
        // Only figures that say something: 0 agrees with anything at a coarse scale.
        *u != unit
            && !v.is_zero()
            && !stated.value.is_zero()
            && (stated.value - u.convert(v, stated.unit)).abs() <= stated.half_unit()
    }) {
        if assumed.is_some() {
            // The table does not say its unit: the one the text agrees with is the reading.
            let mut check = Check::verdict(
                rule,
                true,
                format!(
                    "{what}: stated {} {} = table {v} read in {other} ({} prints no unit)",
                    stated.value,
                    stated.unit,
                    label(read.table)
                ),
            );
            check.table = Some(label(read.table));
            return check.on_pages(pages);
        }
        Check::verdict(
            "narrative_unit",
            false,
            format!(
                "{what}: stated {} {} agrees with the table's {v} only if it were in {other}, \
                 but the table is in {unit}{note}",
                stated.value, stated.unit
            ),
        )
    } else {
        Check::verdict(
            rule,
            false,
            format!(
                "{what}: stated {} {} ≠ table {shown}{note}",
                stated.value, stated.unit
            ),
        )
    };
    check.table = Some(label(read.table));
    check.on_pages(pages)
}
