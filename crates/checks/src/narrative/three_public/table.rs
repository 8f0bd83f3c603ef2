//! The 三公 table read for the narrative: its figures by item (因公出国（境）,
//! 公务用车购置及运行, 公务接待, the total) and measure (预算 / 决算), whether
//! the table is printed column-wise (header paths name the items) or
//! row-wise (row names do).
use std::sync::OnceLock;

use fiscal_recognize::pattern::Regex;
use rust_decimal::Decimal;

use fiscal_recognize::{Row, Table, TableKind};

use super::super::stated::re;
use crate::context::Context;
use crate::figures::is_blank;

use crate::rule::Rule;

/// A 三公 item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Item {
    Total,
    Overseas,
    Vehicles,
    Purchase,
    Operation,
    Reception,
    /// 会议费 / 培训费: printed beside the 三公, not one of them.
    Other,
}

impl Item {
    /// The rule holding the text's figure of this item and measure to the table's.
    pub(super) fn rule(self, m: Measure) -> Rule {
        use Measure::{Budget, Final};
        match (self, m) {
            (Item::Total, Budget) => Rule::NarrativeThreePublicTotalBudget,
            (Item::Total, Final) => Rule::NarrativeThreePublicTotalFinal,
            (Item::Overseas, Budget) => Rule::NarrativeThreePublicOverseasTravelBudget,
            (Item::Overseas, Final) => Rule::NarrativeThreePublicOverseasTravelFinal,
            (Item::Vehicles, Budget) => Rule::NarrativeThreePublicVehiclesBudget,
            (Item::Vehicles, Final) => Rule::NarrativeThreePublicVehiclesFinal,
            (Item::Purchase, Budget) => Rule::NarrativeThreePublicVehiclePurchaseBudget,
            (Item::Purchase, Final) => Rule::NarrativeThreePublicVehiclePurchaseFinal,
            (Item::Operation, Budget) => Rule::NarrativeThreePublicVehicleOperationBudget,
            (Item::Operation, Final) => Rule::NarrativeThreePublicVehicleOperationFinal,
            (Item::Reception, Budget) => Rule::NarrativeThreePublicReceptionBudget,
            (Item::Reception, Final) => Rule::NarrativeThreePublicReceptionFinal,
            (Item::Other, Budget) => Rule::NarrativeThreePublicOtherBudget,
            (Item::Other, Final) => Rule::NarrativeThreePublicOtherFinal,
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Item::Total => "“三公”经费",
            Item::Overseas => "因公出国（境）费",
            Item::Vehicles => "公务用车购置及运行费",
            Item::Purchase => "公务用车购置费",
            Item::Operation => "公务用车运行费",
            Item::Reception => "公务接待费",
            Item::Other => "会议费/培训费",
        }
    }
}

/// What a 三公 label (a header part, a row name) names.
pub(super) fn item_of_label(label: &str) -> Option<Item> {
    let l = label;
    if l.contains("会议") || l.contains("培训") {
        Some(Item::Other)
    } else if l.contains("三公") {
        Some(Item::Total)
    } else if l.contains("出国") {
        Some(Item::Overseas)
    } else if l.contains("接待") {
        Some(Item::Reception)
    } else if l.contains("购置") && l.contains("运行") {
        Some(Item::Vehicles)
    } else if l.contains("购置") {
        Some(Item::Purchase)
    } else if l.contains("运行") {
        Some(Item::Operation)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Measure {
    Budget,
    Final,
}

impl Measure {
    pub(super) fn name(self) -> &'static str {
        match self {
            Measure::Budget => "预算",
            Measure::Final => "决算",
        }
    }
}

fn measure_of_label(label: &str) -> Option<Measure> {
    if label.contains("决算") || label.contains("实际") || label.contains("执行") {
        Some(Measure::Final)
    } else if label.contains("预算数") || matches!(label, "预算" | "年初预算" | "全年预算")
    {
        Some(Measure::Budget)
    } else {
        None
    }
}

/// Fund names that contain 预算 without being a measure.
const FUNDS: &[&str] = &["一般公共预算", "政府性基金预算", "国有资本经营预算"];

/// The measure the last of its words in `text` names ("一般公共预算财政拨款
/// 支出决算为" → 决算, "完成预算" → 预算).
pub(super) fn measure_in(text: &str) -> Option<Measure> {
    // "一般公共预算" names a fund, not a measure.
    let text = FUNDS.iter().fold(text.to_string(), |t, f| t.replace(f, ""));
    let last = |words: &[&str]| words.iter().filter_map(|w| text.rfind(w)).max();
    match (last(&["决算", "执行数", "实际支出"]), last(&["预算"])) {
        (Some(a), Some(b)) => Some(if a > b {
            Measure::Final
        } else {
            Measure::Budget
        }),
        (Some(_), None) => Some(Measure::Final),
        (None, Some(_)) => Some(Measure::Budget),
        (None, None) => None,
    }
}

/// Header parts that name a column of another year or a change, not this
/// year's figure.
fn other_year(label: &str, year: Option<u32>) -> bool {
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let year_re = re(&YEAR, r"((?:19|20)\d{2})年");
    label.contains("增减")
        || label.contains("上年")
        || year_re
            .captures(label)
            .and_then(|c| c[1].parse::<u32>().ok())
            .is_some_and(|y| Some(y) != year)
}

/// One figure of the 三公 table.
struct Cell {
    item: Item,
    measure: Option<Measure>,
    value: Decimal,
}

/// The 三公 table's figures by item and measure.
pub(super) struct ThreePublicTable<'a> {
    pub(super) table: &'a Table,
    cells: Vec<Cell>,
}

fn normalized(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !"“”\"'‘’".contains(*c))
        .collect()
}

/// A header part that names only a measure or a year ("预算数", "2026年"),
/// not an item.
fn measure_word(p: &str) -> bool {
    matches!(
        p,
        "预算数" | "决算数" | "预算" | "决算" | "年初预算数" | "全年预算数" | "实际数" | "执行数"
    ) || p.chars().all(|c| c.is_ascii_digit())
        || (p.ends_with('年') && p.trim_end_matches('年').chars().all(|c| c.is_ascii_digit()))
}

/// The item a column's header path names ("公务用车购置及运行费/小计/预算数"
/// → 公务用车购置及运行费): the deepest part naming one, 小计 / 合计 standing
/// for the part above them; a 合计 with only measures above it is the 三公
/// total unless the table also prints 会议费 / 培训费 beside the 三公.
fn item_of_path(parts: &[String], with_others: bool) -> Option<Item> {
    for (i, p) in parts.iter().enumerate().rev() {
        if measure_word(p) {
            continue;
        }
        if p == "小计" || p == "合计" {
            if parts[..i].iter().all(|q| measure_word(q)) {
                return (!with_others).then_some(Item::Total);
            }
            continue;
        }
        return item_of_label(p);
    }
    None
}

impl<'a> ThreePublicTable<'a> {
    fn read(table: &'a Table, year: Option<u32>) -> Self {
        let paths: Vec<Vec<String>> = table
            .columns
            .iter()
            .map(|c| c.header.split('/').map(normalized).collect())
            .collect();
        let with_others = paths
            .iter()
            .flatten()
            .any(|p| item_of_label(p) == Some(Item::Other));
        let by_column: Vec<(usize, Item)> = paths
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.iter().any(|part| other_year(part, year)))
            .filter_map(|(i, p)| item_of_path(p, with_others).map(|item| (i, item)))
            .collect();
        let mut cells = Vec::new();
        // Row names that name an item (广州 "其中：（一）因公出国（境）支出")
        // make the table row-wise, whatever its 合计 column says.
        let row_wise = table.rows.iter().any(|r| {
            r.name
                .as_deref()
                .map(normalized)
                .and_then(|n| item_of_label(&n))
                .is_some_and(|i| !matches!(i, Item::Total | Item::Other))
        });
        if !row_wise && by_column.iter().any(|(_, item)| *item != Item::Other) {
            for (rows, measure) in Self::row_sets(table) {
                for (i, item) in &by_column {
                    let key = &table.columns[*i].key;
                    let column_measure = paths[*i].iter().find_map(|p| measure_in(p)).or(measure);
                    if let Some(value) = first_value(&rows, key) {
                        cells.push(Cell {
                            item: *item,
                            measure: column_measure,
                            value,
                        });
                    }
                }
            }
        } else {
            // Row-wise: row names name the items; the first column of this year.
            let column = table
                .columns
                .iter()
                .zip(&paths)
                .find(|(_, p)| !p.iter().any(|part| other_year(part, year)))
                .map(|(c, p)| (c.key.as_str(), p.iter().find_map(|q| measure_in(q))));
            if let Some((key, measure)) = column {
                for r in &table.rows {
                    let Some(item) = r.name.as_deref().map(normalized).and_then(|n| {
                        if r.is_total() {
                            Some(Item::Total)
                        } else {
                            item_of_label(n.trim_start_matches("其中："))
                        }
                    }) else {
                        continue;
                    };
                    if let Some(value) = first_value(&[r], key) {
                        cells.push(Cell {
                            item,
                            measure,
                            value,
                        });
                    }
                }
            }
        }
        ThreePublicTable { table, cells }
    }

    /// The rows that carry the figures, and the measure their name gives:
    /// rows named 预算数 / 决算数, else the 合计 row of a table by unit, else
    /// every unnamed row (one row of figures, perhaps cut in pieces).
    fn row_sets(table: &Table) -> Vec<(Vec<&Row>, Option<Measure>)> {
        let measured: Vec<(Vec<&Row>, Option<Measure>)> = table
            .rows
            .iter()
            .filter_map(|r| {
                let m = r.name.as_deref().and_then(measure_of_label)?;
                Some((vec![r], Some(m)))
            })
            .collect();
        if !measured.is_empty() {
            return measured;
        }
        if let Some(total) = table.rows.iter().find(|r| r.is_total()) {
            return vec![(vec![total], None)];
        }
        let unnamed: Vec<&Row> = table.rows.iter().filter(|r| r.name.is_none()).collect();
        if unnamed.is_empty() {
            table
                .rows
                .first()
                .map(|r| vec![(vec![r], None)])
                .unwrap_or_default()
        } else {
            vec![(unnamed, None)]
        }
    }

    /// The figure of `item` for `measure`; 0 for a table that prints nothing.
    pub(super) fn figure(&self, item: Item, measure: Measure) -> Option<Decimal> {
        self.cells
            .iter()
            .find(|c| c.item == item && c.measure.is_none_or(|m| m == measure))
            .map(|c| c.value)
            .or_else(|| is_blank(self.table).then_some(Decimal::ZERO))
    }
}

/// The first figure of column `key` among `rows`; a blank cell of a printed
/// column reads 0, a column the rows do not have is unknown.
fn first_value(rows: &[&Row], key: &str) -> Option<Decimal> {
    let cells: Vec<&Option<Decimal>> = rows.iter().filter_map(|r| r.values.get(key)).collect();
    if cells.is_empty() {
        return None;
    }
    Some(cells.iter().find_map(|v| **v).unwrap_or_default())
}

/// The document's 三公 table (the first that prints columns, when a 目录
/// entry was also taken for one).
pub(super) fn three_public_table<'a>(ctx: &Context<'a>) -> Option<ThreePublicTable<'a>> {
    let tables = ctx.grids.iter().filter(|t| {
        matches!(
            t.kind,
            TableKind::ThreePublicExpenses | TableKind::BudgetThreePublicExpenses
        )
    });
    let mut tables: Vec<&&Table> = tables.collect();
    tables.sort_by_key(|t| t.columns.is_empty());
    tables
        .first()
        .map(|t| ThreePublicTable::read(t, ctx.doc.document.year))
}

/// The 三公 table's total 决算 and total 预算 (a 决算's table prints both).
pub(crate) fn three_public_totals(ctx: &Context) -> Option<(Decimal, Decimal)> {
    let t = three_public_table(ctx)?;
    // A budget's 三公 table prints one measure: no 决算 to compare.
    if !t.cells.iter().any(|c| c.measure == Some(Measure::Final)) {
        return None;
    }
    Some((
        t.figure(Item::Total, Measure::Final)?,
        t.figure(Item::Total, Measure::Budget)?,
    ))
}
