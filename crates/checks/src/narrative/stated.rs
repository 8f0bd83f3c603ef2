//! Figures as the text states them ("1,899.52万元", "3,000元") and their
//! comparison with a table figure at the scale of each: a table printed in 元
//! against a sentence in 万元, a 千元 table, a table that prints no unit (the
//! detail says which unit was assumed, and why).
use std::ops::Range;
use std::sync::OnceLock;

use fiscal_recognize::pattern::Regex;
use rust_decimal::Decimal;

use fiscal_recognize::amount::parse_amount;
use fiscal_recognize::{MoneyUnit, Table};

use crate::check::{label, Check};
use crate::context::Context;
use crate::figures::{half_printed, half_unit};
use crate::identities::Read;
use crate::rule::Rule;

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
    amount_matches(text)
        .into_iter()
        .filter_map(|(number, unit)| {
            Some(Stated {
                value: dec(&text[number.clone()])?,
                unit: MoneyUnit::parse(&text[unit.clone()])?,
                start: number.start,
                end: unit.end,
            })
        })
        .collect()
}

/// Units a stated figure ends in, longest first where one ends another.
const UNITS: [&str; 4] = ["亿元", "万元", "千元", "元"];

/// Figures with their units, left to right, none overlapping: the (number,
/// unit) groups of `([0-9][0-9,]*(?:\.[0-9]+)?)(亿元|万元|千元|元)`, read by
/// hand (every passage is searched, most of them several times).
fn amount_matches(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = b[at..].iter().position(u8::is_ascii_digit).map(|i| at + i) {
        let mut end = start + 1;
        while digit(end) || b.get(end) == Some(&b',') {
            end += 1;
        }
        // The integer part's end: a figure starting at any digit up to it
        // ends the same way, so a failed one is tried again only from here.
        let integer_end = end;
        if b.get(end) == Some(&b'.') && digit(end + 1) {
            end += 2;
            while digit(end) {
                end += 1;
            }
        }
        let unit = UNITS.iter().find(|u| text[end..].starts_with(*u));
        match unit {
            Some(u) => {
                found.push((start..end, end..end + u.len()));
                at = end + u.len();
            }
            None => at = integer_end,
        }
    }
    found
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
    rule: Rule,
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
            return check.on_pages(pages).comparing(read.figures);
        }
        Check::verdict(
            Rule::NarrativeUnit,
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
    check.on_pages(pages).comparing(read.figures)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings of up to eight pieces of figures give the groups the pattern
    /// gives.
    #[test]
    fn amount_matches_are_the_patterns_matches() {
        let re = Regex::new(r"([0-9][0-9,]*(?:\.[0-9]+)?)(亿元|万元|千元|元)").unwrap();
        let pieces = [
            "1", "23", ",", ".", "0.5", "亿元", "万元", "千元", "元", "万", "亿", "千", "约", "x",
            "1,899.52",
        ];
        for text in fiscal_recognize::pattern::sample_texts(&pieces, 8, 100_000) {
            let expected: Vec<_> = re
                .captures_iter(&text)
                .map(|c| (c.get(1).unwrap().range(), c.get(2).unwrap().range()))
                .collect();
            assert_eq!(amount_matches(&text), expected, "{text:?}");
        }
        let figures = amounts("支出1,899.52万元，其中3,000元");
        assert_eq!(figures.len(), 2);
        assert_eq!(figures[0].value.to_string(), "1899.52");
        assert_eq!(figures[1].unit, MoneyUnit::Yuan);
    }
}
