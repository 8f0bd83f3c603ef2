//! The same figure in two tables: 表1 with 表2/表3, 表4 with 表5/表8/表9,
//! 表5 basic expenditure with 表6, 表1 with 表4 incomes.
use rust_decimal::Decimal;

use fiscal_recognize::{Row, Table, TableKind};

use super::{column, compare, figure, is_ordinal_item, row, table_of, val, Check};

fn total_row(t: &Table) -> Option<&Row> {
    row(t, None, |n| n == "合计")
}

fn push(out: &mut Vec<Check>, t: &Table, what: String, a: Option<Decimal>, b: Option<Decimal>) {
    if let (Some(a), Some(b)) = (a, b) {
        out.push(compare("cross_table", Some(t), what, a, b, 1));
    }
}

pub fn run(tables: &[&Table], out: &mut Vec<Check>) {
    let summary = table_of(tables, TableKind::IncomeExpenditureSummary);
    let income = table_of(tables, TableKind::Income);
    let expenditure = table_of(tables, TableKind::Expenditure);
    let fiscal = table_of(tables, TableKind::FiscalAppropriationSummary);
    let general = table_of(tables, TableKind::GeneralBudgetExpenditure);
    let basic = table_of(tables, TableKind::GeneralBudgetBasicExpenditure);
    let fund = table_of(tables, TableKind::GovernmentFund);
    let capital = table_of(tables, TableKind::StateCapital);

    if let (Some(s), Some(i)) = (summary, income) {
        let a = row(s, Some("收入"), |n| n == "本年收入合计").and_then(|r| figure(s, r, &[]));
        let b = total_row(i).and_then(|r| figure(i, r, &["本年收入合计", "合计"]));
        push(out, i, "表1 本年收入合计 = 收入决算表 合计".into(), a, b);
    }
    if let (Some(s), Some(e)) = (summary, expenditure) {
        let a = row(s, Some("支出"), |n| n == "本年支出合计").and_then(|r| figure(s, r, &[]));
        let b = total_row(e).and_then(|r| figure(e, r, &["本年支出合计", "合计"]));
        push(out, e, "表1 本年支出合计 = 支出决算表 合计".into(), a, b);
    }
    if let (Some(s), Some(f)) = (summary, fiscal) {
        // The three fiscal appropriation incomes, item by item.
        for (i, word) in [
            "一般公共预算财政拨款",
            "政府性基金预算财政拨款",
            "国有资本经营预算财政拨款",
        ]
        .iter()
        .enumerate()
        {
            let a = row(s, Some("收入"), |n| {
                is_ordinal_item(n) && n.contains(word)
            })
            .and_then(|r| figure(s, r, &[]));
            let b = row(f, Some("收入"), |n| {
                is_ordinal_item(n) && n.contains(word)
            })
            .and_then(|r| figure(f, r, &[]));
            push(
                out,
                f,
                format!("表1 收入 {} = 表4 收入 item {}", word, i + 1),
                a,
                b,
            );
        }
    }
    if let Some(f) = fiscal {
        let spent = row(f, Some("支出"), |n| n == "本年支出合计");
        for (t, leaves, word) in [
            (general, ["本年支出合计", "合计"], "一般公共预算财政拨款"),
            (fund, ["小计", "合计"], "政府性基金预算财政拨款"),
            (capital, ["小计", "合计"], "国有资本经营预算财政拨款"),
        ] {
            let Some(t) = t else { continue };
            let a = spent.and_then(|r| figure(f, r, &[word]));
            let b = total_row(t).and_then(|r| figure(t, r, &leaves));
            push(
                out,
                t,
                format!("表4 本年支出合计 [{word}] = {} 合计", t.title),
                a,
                b,
            );
        }
        // 表4's 一般公共预算 spending by 类 against 表5's 类 rows, matched by name.
        if let Some(g) = general {
            let key = column(f, |h| h.ends_with("一般公共预算财政拨款"));
            for r in f.rows.iter().filter(|r| {
                r.group.as_deref() == Some("支出") && r.name.as_deref().is_some_and(is_ordinal_item)
            }) {
                let name = r.name.as_deref().unwrap_or_default();
                let bare = name.split_once('、').map_or(name, |(_, b)| b);
                let Some(g_row) = g
                    .rows
                    .iter()
                    .find(|x| x.level == Some(1) && x.name.as_deref() == Some(bare))
                else {
                    continue;
                };
                let (Some(k), Some(b)) = (key, figure(g, g_row, &["本年支出合计", "合计"]))
                else {
                    continue;
                };
                push(
                    out,
                    g,
                    format!(
                        "表4 支出 {name} = 表5 {}",
                        g_row.code.as_deref().unwrap_or("")
                    ),
                    Some(val(r, k)),
                    Some(b),
                );
            }
        }
    }
    if let (Some(g), Some(b)) = (general, basic) {
        let a = total_row(g).and_then(|r| figure(g, r, &["基本支出"]));
        // 人员经费合计 + 公用经费合计 where printed, else the 类 rows of both sides.
        let printed: Vec<&Row> = b
            .rows
            .iter()
            .filter(|r| {
                r.code.is_none() && r.name.as_deref().is_some_and(|n| n.ends_with("经费合计"))
            })
            .collect();
        let parts: Vec<&Row> = if printed.len() == 2 {
            printed
        } else {
            b.rows.iter().filter(|r| r.level == Some(1)).collect()
        };
        if !parts.is_empty() {
            let sum: Decimal = parts.iter().filter_map(|r| figure(b, r, &[])).sum();
            if let Some(a) = a {
                out.push(compare(
                    "cross_table",
                    Some(b),
                    format!("表5 合计 基本支出 = 表6 Σ {} parts", parts.len()),
                    a,
                    sum,
                    parts.len(),
                ));
            }
        }
    }
}
