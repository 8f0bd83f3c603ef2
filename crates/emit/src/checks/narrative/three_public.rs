//! “三公” figures of the narrative, however the place words them, bound to
//! the 三公 table: Guangdong ("支出决算为5.72万元，完成预算6.89万元的83.02%"),
//! Shanghai ("年初预算为2.85万元，支出决算为0.39万元，完成预算的13.68%"),
//! Jiangsu ("因公出国（境）费支出80万元，占“三公”经费的19.1%"), budgets
//! ("安排公务接待费预算100.93万元"), items named in a heading above the figure
//! ("（一）因公出国（境）经费" / "2026年预算安排6.14万元").
//!
//! Each figure is given to the item named last before it in its clause (else
//! in its passage, else in its heading) and to a measure: 预算 or 决算 as the
//! words before it say, else the document's own (决算 in final accounts).
//! Changes against last year ("比上年减少15万元"), sub-items ("含外宾接待")
//! and numbered parts of an item ("（1）参加会议支出0万元") are not table
//! figures and are left alone. The table is read column-wise
//! (header paths name the items) or row-wise (row names do); an empty table
//! reads 0, so a blanked table the text still describes fails.
use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::Decimal;

use fiscal_recognize::{DocumentKind, Row, Table, TableKind};

use super::super::identities::Read;
use super::super::passages::Passage;
use super::super::{is_blank, Check, Context, Status};
use super::rates::{rate_check, Ratio};
use super::stated::{amount_check, amounts, dec, re, table_unit, Stated};

/// A 三公 item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
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
    fn key(self) -> &'static str {
        match self {
            Item::Total => "total",
            Item::Overseas => "overseas_travel",
            Item::Vehicles => "vehicles",
            Item::Purchase => "vehicle_purchase",
            Item::Operation => "vehicle_operation",
            Item::Reception => "reception",
            Item::Other => "other",
        }
    }

    fn name(self) -> &'static str {
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
fn item_of_label(label: &str) -> Option<Item> {
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
enum Measure {
    Budget,
    Final,
}

impl Measure {
    fn key(self) -> &'static str {
        match self {
            Measure::Budget => "budget",
            Measure::Final => "final",
        }
    }

    fn name(self) -> &'static str {
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
fn measure_in(text: &str) -> Option<Measure> {
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
struct ThreePublicTable<'a> {
    table: &'a Table,
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
                        let n = n.trim_start_matches("其中：").to_string();
                        if n == "合计" || n == "总计" {
                            Some(Item::Total)
                        } else {
                            item_of_label(&n)
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
        if let Some(total) = table
            .rows
            .iter()
            .find(|r| matches!(r.name.as_deref(), Some("合计" | "总计")))
        {
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
    fn figure(&self, item: Item, measure: Measure) -> Option<Decimal> {
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

/// Whether a passage is about the 三公 (mentions them, or stands under a
/// heading that does).
pub(crate) fn in_three_public(p: &Passage) -> bool {
    p.text.contains("三公") || p.context.contains("三公")
}

/// Mentions of 三公 items in a text: (end of the mention, item), in order.
fn mentions(text: &str) -> Vec<(usize, usize, Item)> {
    static MENTION: OnceLock<Regex> = OnceLock::new();
    let mention = re(
        &MENTION,
        r"公务用?车(?:辆)?购置(?:及|和)运行|公务用?车(?:辆)?购置|购置公务用?车|公务用?车(?:辆)?运行|因公出国|公务接待|三公|会议费|培训费",
    );
    mention
        .find_iter(text)
        .filter_map(|m| item_of_label(m.as_str()).map(|i| (m.start(), m.end(), i)))
        .collect()
}

/// The one item a heading names, if it names exactly one kind.
fn heading_item(context: &str) -> Option<Item> {
    let last = context.trim_end_matches('/').rsplit('/').next()?;
    let items: Vec<Item> = mentions(last).into_iter().map(|(_, _, i)| i).collect();
    let first = *items.first()?;
    items.iter().all(|i| *i == first).then_some(first)
}

const DELTA_WORDS: &[&str] = &[
    "增加", "减少", "增长", "下降", "节约", "超支", "降低", "压减", "上升",
];
const COMPARISON_WORDS: &[&str] = &["比", "较", "与", "同比", "上年", "上一年"];
const SUB_ITEM_WORDS: &[&str] = &["含", "外宾", "国内", "国外", "境外"];

/// The marker of a numbered sub-entry: "（1）", "(2)", "①".
fn sub_list_marker() -> &'static Regex {
    static MARKER: OnceLock<Regex> = OnceLock::new();
    re(&MARKER, r"[（(][0-9]+[）)]|[①-⑳]")
}

/// A 三公 figure found in a passage.
struct Found {
    stated: Stated,
    item: Item,
    measure: Measure,
    clause_start: usize,
}

fn figures_of(p: &Passage, default: Measure) -> Vec<Found> {
    let text = p.text.as_str();
    let all_mentions = mentions(text);
    let from_heading = if p.is_heading {
        None
    } else {
        heading_item(&p.context)
    };
    let mut found = Vec::new();
    for stated in amounts(text) {
        let before = &text[..stated.start];
        let clause_start = before
            .rfind(['。', '；'])
            .map_or(0, |i| i + '。'.len_utf8());
        let phrase_start = before[clause_start..]
            .rfind(['，', '、'])
            .map_or(clause_start, |i| clause_start + i + '，'.len_utf8());
        let phrase = &before[phrase_start..];
        if DELTA_WORDS.iter().any(|w| phrase.ends_with(w))
            || COMPARISON_WORDS.iter().any(|w| phrase.contains(w))
            || SUB_ITEM_WORDS.iter().any(|w| phrase.contains(w))
        {
            continue;
        }
        let in_clause = all_mentions
            .iter()
            .rev()
            .find(|(s, _, _)| *s >= clause_start && *s < stated.start);
        // A numbered entry of a list under an item ("开支内容包括：（1）参加
        // 会议支出0万元") is a part of it, not the item's figure.
        let listed_part = || sub_list_marker().is_match(&before[clause_start..]);
        let item = match in_clause {
            Some(m) => Some(m.2),
            None if listed_part() => None,
            None => all_mentions
                .iter()
                .rev()
                .find(|(s, _, _)| *s < stated.start)
                .map(|(_, _, i)| *i)
                .or(from_heading),
        };
        let Some(item) = item.filter(|i| *i != Item::Other) else {
            continue;
        };
        // The measure: the last word of the phrase before the figure that
        // names one ("年初预算为" / "支出决算为"), else the clause's ("决算中，
        // 因公出国（境）费0.42万元").
        let measure = measure_in(phrase)
            .or_else(|| measure_in(&before[clause_start..]).filter(|_| !p.is_heading))
            .unwrap_or(default);
        found.push(Found {
            stated,
            item,
            measure,
            clause_start,
        });
    }
    found
}

/// The document's 三公 table (the first that prints columns, when a 目录
/// entry was also taken for one).
fn three_public_table<'a>(ctx: &Context<'a>) -> Option<ThreePublicTable<'a>> {
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

static SHARE: OnceLock<Regex> = OnceLock::new();
static DONE: OnceLock<Regex> = OnceLock::new();
static DONE_OF: OnceLock<Regex> = OnceLock::new();

pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    let before = out.len();
    let default = match ctx.kind {
        Some(DocumentKind::Budget) => Measure::Budget,
        _ => Measure::Final,
    };
    let table = three_public_table(ctx);
    let share = re(
        &SHARE,
        r"^，占(?:“?三公”?经费(?:支出)?的)?([0-9]+(?:\.[0-9]+)?)[%％]",
    );
    let done = re(
        &DONE,
        r"^[，。]?完成(?:年初|全年)?预算(?:数)?的([0-9]+(?:\.[0-9]+)?)[%％]",
    );
    let done_of = re(&DONE_OF, r"^的([0-9]+(?:\.[0-9]+)?)[%％]");
    for p in ctx.passages.iter().filter(|p| in_three_public(p)) {
        let found = figures_of(p, default);
        for (i, f) in found.iter().enumerate() {
            let rule = format!(
                "narrative_three_public_{}_{}",
                f.item.key(),
                f.measure.key()
            );
            let what = format!("{} {}", f.item.name(), f.measure.name());
            let read = match &table {
                None => Err("no 三公 table in this document".to_string()),
                Some(t) => t
                    .figure(f.item, f.measure)
                    .map(|value| Read {
                        value,
                        summands: 1,
                        table: t.table,
                    })
                    .ok_or_else(|| format!("{} prints no {what}", super::super::label(t.table))),
            };
            out.push(amount_check(ctx, &rule, &what, &f.stated, read, p.pages));
            let after = &p.text[f.stated.end..];
            // "…万元，占r%": a share of the 三公 total of the same measure.
            if let Some(c) = share.captures(after) {
                if let Some(rate) = dec(&c[1]) {
                    let total = found[..i]
                        .iter()
                        .rev()
                        .find(|g| g.item == Item::Total && g.measure == f.measure)
                        .map(|g| g.stated.value)
                        .or_else(|| {
                            let t = table.as_ref()?;
                            let v = t.figure(Item::Total, f.measure)?;
                            let (unit, _) = table_unit(ctx, t.table);
                            Some(unit.convert(v, f.stated.unit))
                        });
                    out.push(
                        match total {
                            Some(total) => rate_check(
                                "narrative_three_public_share",
                                &format!(
                                    "{} {} of the 三公 total {total}",
                                    f.item.name(),
                                    f.stated.value
                                ),
                                rate,
                                Ratio::of(f.stated.value, total),
                            ),
                            None => Check::new(
                                "narrative_three_public_share",
                                Status::Undetermined,
                                format!(
                                    "{}: share of a 三公 total the document does not give",
                                    f.item.name()
                                ),
                            ),
                        }
                        .on_pages(p.pages),
                    );
                }
            }
            // "决算为a万元，完成预算的r%" (budget from the clause or the table),
            // "完成预算b万元的r%" (this figure is the budget, the one before the final).
            let completion = if f.measure == Measure::Final {
                done.captures(after).and_then(|c| {
                    let rate = dec(&c[1])?;
                    let budget = found[..i]
                        .iter()
                        .rev()
                        .find(|g| {
                            g.item == f.item
                                && g.measure == Measure::Budget
                                && g.clause_start == f.clause_start
                        })
                        .map(|g| g.stated.value)
                        .or_else(|| {
                            let t = table.as_ref()?;
                            let v = t.figure(f.item, Measure::Budget)?;
                            let (unit, _) = table_unit(ctx, t.table);
                            Some(unit.convert(v, f.stated.unit))
                        })?;
                    Some((rate, f.stated.value, budget))
                })
            } else {
                done_of.captures(after).and_then(|c| {
                    let rate = dec(&c[1])?;
                    let actual = found[..i]
                        .iter()
                        .rev()
                        .find(|g| g.item == f.item && g.measure == Measure::Final)?;
                    Some((rate, actual.stated.value, f.stated.value))
                })
            };
            if let Some((rate, actual, budget)) = completion {
                out.push(
                    rate_check(
                        "narrative_completion_rate",
                        &format!(
                            "{} 决算 {actual} 完成预算 {budget} 的 {rate}%",
                            f.item.name()
                        ),
                        rate,
                        Ratio::of(actual, budget),
                    )
                    .on_pages(p.pages),
                );
            }
        }
    }
    if out.len() == before {
        out.push(Check::skipped(
            "narrative_three_public",
            "the narrative states no 三公 figure",
        ));
    }
}
