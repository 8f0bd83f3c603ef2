//! Identities inside one table.
use rust_decimal::Decimal;

use fiscal_recognize::amount::parse_amount;
use fiscal_recognize::numbering::numbering_level;
use fiscal_recognize::{AnyTable, PerformanceTable, Row, RowRole, Table};

use crate::check::{skip_if_silent, Check, ComparedFigure};
use crate::context::Context;
use crate::figures::{compare, is_ordinal_item, val};
use crate::ratio::{rate_check, Ratio};
use crate::rule::Rule;

/// Runs the identities inside each table, and `completion_rate` on the 绩效
/// forms; a rule that finds nothing to compare says why.
pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    let start = out.len();
    for t in &ctx.grids {
        hierarchy_sum(t, out);
        total_row(t, out);
        summary_totals(t, out);
        row_total(t, out);
        sides_balance(t, out);
        crate::budget::sides_balance(t, out);
    }
    let forms = out.len();
    for t in &ctx.doc.tables {
        if let AnyTable::Performance(p) = t {
            completion_rate(p, out);
        }
    }
    let none = if ctx.grids.is_empty() {
        "the document has no table of figures"
    } else {
        ""
    };
    for (rule, reason) in [
        (
            Rule::HierarchySum,
            "no table prints 科目编码 rows with their sub-rows",
        ),
        (
            Rule::TotalRow,
            "no table prints a 合计 / 总计 row over its items",
        ),
        (
            Rule::RowTotal,
            "no table prints a 合计 / 小计 column over its parts",
        ),
        (
            Rule::SidesBalance,
            "no summary table (收入 | 支出) was found",
        ),
    ] {
        skip_if_silent(
            out,
            start,
            rule,
            if none.is_empty() { reason } else { none },
        );
    }
    skip_if_silent(
        out,
        forms,
        Rule::CompletionRate,
        "no 项目支出绩效自评表 with a stated 预算完成率",
    );
}

/// The sides of a table in order of appearance (one `None` side when one-sided).
fn groups(t: &Table) -> Vec<Option<String>> {
    let mut groups: Vec<Option<String>> = Vec::new();
    for r in &t.rows {
        if !groups.contains(&r.group) {
            groups.push(r.group.clone());
        }
    }
    groups
}

fn value_keys(t: &Table) -> Vec<&str> {
    t.columns.iter().map(|c| c.key.as_str()).collect()
}

/// The row a coded row sums into, by its index: its parent, or where the
/// table does not print the parent (西安 "3010201 津贴补贴" under 301 without
/// a 30102 row), the nearest ancestor it prints. A code printed more than
/// once in a side heads the rows below it (烟台 prints 301 under 政府 501 and
/// again under 505, each with its own 30101 …): the nearest printed above
/// the row is its parent.
fn summed_into(t: &Table, i: usize) -> Option<usize> {
    let r = &t.rows[i];
    let code = r.subject_code()?;
    let above = &t.rows[..i];
    code.ancestors().find_map(|a| {
        above
            .iter()
            .rposition(|q| q.group == r.group && q.code.as_deref() == Some(a.as_str()))
    })
}

/// 类 = Σ 款, 款 = Σ 项, per column, within each side.
pub fn hierarchy_sum(t: &Table, out: &mut Vec<Check>) {
    let into: Vec<Option<usize>> = (0..t.rows.len()).map(|i| summed_into(t, i)).collect();
    for (at, parent) in t.rows.iter().enumerate().filter(|(_, r)| r.code.is_some()) {
        let code = parent.code.as_deref().unwrap_or_default();
        let kids: Vec<&Row> = t
            .rows
            .iter()
            .zip(&into)
            .filter(|(_, p)| **p == Some(at))
            .map(|(r, _)| r)
            .collect();
        if kids.is_empty() {
            continue;
        }
        for k in value_keys(t) {
            if !parent.values.contains_key(k) {
                continue;
            }
            let sum: Decimal = kids.iter().map(|r| val(r, k)).sum();
            let what = format!(
                "{code} {} [{k}] = Σ {} children",
                parent.name.as_deref().unwrap_or(""),
                kids.len()
            );
            let compared = std::iter::once(parent).chain(kids.iter().copied());
            out.push(
                compare(
                    Rule::HierarchySum,
                    Some(t),
                    what,
                    val(parent, k),
                    sum,
                    kids.len(),
                )
                .comparing(compared.map(|r| ComparedFigure::of(t, r, k)).collect()),
            );
        }
    }
}

/// 合计 = Σ 类 rows, per column.
pub fn total_row(t: &Table, out: &mut Vec<Check>) {
    for g in groups(t) {
        let tops: Vec<&Row> = t
            .rows
            .iter()
            .filter(|r| r.group == g && r.subject_code().is_some_and(|c| c.level() == 1))
            .collect();
        let total = t.rows.iter().find(|r| r.group == g && r.is_total());
        let (Some(total), false) = (total, tops.is_empty()) else {
            continue;
        };
        for k in value_keys(t) {
            if !total.values.contains_key(k) {
                continue;
            }
            let sum: Decimal = tops.iter().map(|r| val(r, k)).sum();
            let compared = std::iter::once(total).chain(tops.iter().copied());
            out.push(
                compare(
                    Rule::TotalRow,
                    Some(t),
                    format!("合计 [{k}] = Σ {} 类 rows", tops.len()),
                    val(total, k),
                    sum,
                    tops.len(),
                )
                .comparing(compared.map(|r| ComparedFigure::of(t, r, k)).collect()),
            );
        }
    }
}

/// The items a 本年…合计 sums: the ordinal items ("一、…") above it; an item
/// printing no figure, with items numbered "1、" / "1." under it (西安's
/// "一、部门预算" over "1、财政拨款", "2、上级补助收入" …), is a heading and
/// its numbered items are summed instead.
fn summed_items<'a>(rows: &[&'a Row]) -> Vec<&'a Row> {
    let mut items = Vec::new();
    let mut heading = false;
    for (i, r) in rows.iter().enumerate() {
        let name = r.name.as_deref().unwrap_or_default();
        if is_ordinal_item(name) {
            let blank = r.values.values().all(Option::is_none);
            let numbered_under = rows
                .get(i + 1)
                .and_then(|n| n.name.as_deref())
                .is_some_and(|n| numbering_level(n) == Some(4));
            heading = blank && numbered_under;
            if !heading {
                items.push(*r);
            }
        } else if heading && numbering_level(name) == Some(4) {
            items.push(*r);
        }
    }
    items
}

/// Summary tables (收入支出决算总表, 财政拨款收入支出决算总表): on each side
/// 本年…合计 = Σ the numbered items above it, and 总计 = 本年…合计 + the
/// balances between them (结余, 结转; not their itemised sub-rows).
pub fn summary_totals(t: &Table, out: &mut Vec<Check>) {
    if !t.kind.is_summary() {
        return;
    }
    for g in groups(t) {
        let rows: Vec<&Row> = t.rows.iter().filter(|r| r.group == g).collect();
        let Some(sub) = rows.iter().position(|r| r.role == RowRole::Subtotal) else {
            continue;
        };
        let items = summed_items(&rows[..sub]);
        for k in value_keys(t) {
            if !rows[sub].values.contains_key(k) || items.is_empty() {
                continue;
            }
            let sum: Decimal = items.iter().map(|r| val(r, k)).sum();
            let what = format!(
                "{} [{k}] = Σ {} items",
                rows[sub].name.as_deref().unwrap_or(""),
                items.len()
            );
            let compared = std::iter::once(rows[sub]).chain(items.iter().copied());
            out.push(
                compare(
                    Rule::TotalRow,
                    Some(t),
                    what,
                    val(rows[sub], k),
                    sum,
                    items.len(),
                )
                .comparing(compared.map(|r| ComparedFigure::of(t, r, k)).collect()),
            );
        }
        // A budget's balances (上年结转, 实户资金余额, 结转下年, 未安排支出的
        // 实户资金 …) are named too variously to be told from the items: its
        // 总计 is held to the other side instead (`sides_balance`).
        let Some(grand) = rows
            .iter()
            .rposition(|r| r.is_total())
            .filter(|_| !t.kind.is_budget())
        else {
            continue;
        };
        if grand <= sub {
            continue;
        }
        let balances: Vec<&Row> = rows[sub + 1..grand]
            .iter()
            .copied()
            .filter(|r| {
                r.name
                    .as_deref()
                    .is_some_and(|n| n.contains("结余") || n.contains("结转"))
            })
            .collect();
        for k in value_keys(t) {
            if !rows[grand].values.contains_key(k) {
                continue;
            }
            let sum: Decimal =
                val(rows[sub], k) + balances.iter().map(|r| val(r, k)).sum::<Decimal>();
            let what = format!(
                "总计 [{k}] = {} + {} balances",
                rows[sub].name.as_deref().unwrap_or(""),
                balances.len()
            );
            let compared = [rows[grand], rows[sub]]
                .into_iter()
                .chain(balances.iter().copied());
            out.push(
                compare(
                    Rule::TotalRow,
                    Some(t),
                    what,
                    val(rows[grand], k),
                    sum,
                    balances.len() + 1,
                )
                .comparing(compared.map(|r| ComparedFigure::of(t, r, k)).collect()),
            );
        }
    }
}

/// Header path parts, whitespace removed.
fn parts(h: &str) -> Vec<&str> {
    h.split('/').collect()
}

fn is_total_part(p: &str) -> bool {
    p == "合计" || p == "小计" || (p.starts_with("本年") && p.ends_with("合计"))
}

/// Row total = Σ its component columns: a 合计/小计 column and its siblings
/// under the same parent header ("预算数/合计" = "预算数/因公出国（境）费" +
/// "预算数/公务用车购置及运行费/小计" + "预算数/公务接待费"; also where the
/// total heads the path, "合计/预算数" = "X/预算数" …).
pub fn row_total(t: &Table, out: &mut Vec<Check>) {
    let cols: Vec<(&str, Vec<&str>)> = t
        .columns
        .iter()
        .map(|c| (c.key.as_str(), parts(&c.header)))
        .collect();
    for (key, path) in &cols {
        let Some(i) = path.iter().position(|p| is_total_part(p)) else {
            continue;
        };
        // Components: same path except at i, where a sibling stands (possibly
        // through its own 小计 one level down).
        let comps: Vec<&str> = cols
            .iter()
            .filter(|(k, p)| {
                if k == key || p.len() < path.len() || p[..i] != path[..i] || is_total_part(p[i]) {
                    return false;
                }
                let rest = &p[i + 1..];
                rest == &path[i + 1..]
                    || (rest.len() == path.len() - i
                        && rest[0] == "小计"
                        && rest[1..] == path[i + 1..])
            })
            .map(|(k, _)| *k)
            .collect();
        // Every sibling under the same parent must be represented, or the sum is not knowable.
        let head_of = |k: &str| cols.iter().find(|(ck, _)| *ck == k).map(|(_, p)| p[i]);
        let covered: Vec<&str> = comps.iter().filter_map(|c| head_of(c)).collect();
        let siblings_without = cols.iter().any(|(k, p)| {
            k != key
                && p.len() > i
                && p[..i] == path[..i]
                && !is_total_part(p[i])
                && !covered.contains(&p[i])
        });
        // "其中：…" columns single out part of the total (深圳's 政府采购项目/小计
        // and 其中 中小企业 / 小型、微型企业): they do not add up to it.
        let singles_out = covered.iter().any(|h| h.starts_with("其中"));
        if comps.len() < 2 || siblings_without || singles_out {
            continue;
        }
        for r in &t.rows {
            if !r.values.contains_key(*key) || !comps.iter().all(|c| r.values.contains_key(*c)) {
                continue;
            }
            if r.values.get(*key).copied().flatten().is_none()
                && comps
                    .iter()
                    .all(|c| r.values.get(*c).copied().flatten().is_none())
            {
                continue;
            }
            let sum: Decimal = comps.iter().map(|c| val(r, c)).sum();
            let who = r
                .code
                .clone()
                .or_else(|| r.name.clone())
                .unwrap_or_default();
            let what = format!("{who} [{}] = Σ {} columns", path.join("/"), comps.len());
            let compared = std::iter::once(*key).chain(comps.iter().copied());
            out.push(
                compare(Rule::RowTotal, Some(t), what, val(r, key), sum, comps.len())
                    .comparing(compared.map(|k| ComparedFigure::of(t, r, k)).collect()),
            );
        }
    }
}

/// Both sides of a 决算 summary table end in the same 总计 (budget summaries,
/// with their 收入总计 / 支出总计 and several 支出 sides: [`crate::budget`]).
pub fn sides_balance(t: &Table, out: &mut Vec<Check>) {
    if !t.kind.is_summary() || t.kind.is_budget() {
        return;
    }
    let totals: Vec<&Row> = groups(t)
        .iter()
        .filter(|g| g.is_some())
        .filter_map(|g| t.rows.iter().rev().find(|r| r.group == *g && r.is_total()))
        .collect();
    if totals.len() != 2 {
        return;
    }
    // Each side's first value column (决算数 / 合计) carries the side's total.
    let first_value = |r: &Row| -> Option<(Decimal, ComparedFigure)> {
        let c = t.columns.iter().find(|c| r.values.contains_key(&c.key))?;
        let v = r.values.get(&c.key).copied().flatten()?;
        Some((v, ComparedFigure::of(t, r, &c.key)))
    };
    let (Some((a, fa)), Some((b, fb))) = (first_value(totals[0]), first_value(totals[1])) else {
        return;
    };
    let what = format!(
        "总计 {} = 总计 {}",
        totals[0].group.as_deref().unwrap_or(""),
        totals[1].group.as_deref().unwrap_or("")
    );
    out.push(compare(Rule::SidesBalance, Some(t), what, a, b, 1).comparing(vec![fa, fb]));
}

/// Which fund columns a 绩效自评表's rate is of: the budget ("全年预算数（A）",
/// "年度预算数"; the full-year one where a form also prints 年初预算数) and
/// what was spent ("全年执行数（B）", "年度预算完成数"). The first two columns
/// when the headers do not say.
fn fund_columns(columns: &[String]) -> (usize, usize) {
    let find = |pred: &dyn Fn(&str) -> bool| columns.iter().position(|c| pred(c));
    let marked =
        |c: &str, m: char| c.contains(&format!("（{m}）")) || c.contains(&format!("({m})"));
    let spent = |c: &str| {
        ["执行", "完成", "决算", "实际"]
            .iter()
            .any(|w| c.contains(w))
    };
    let budget = find(&|c| marked(c, 'A'))
        .or_else(|| find(&|c| c.contains("全年预算") || c.contains("调整后预算")))
        .or_else(|| find(&|c| c.contains("预算") && !spent(c)))
        .unwrap_or(0);
    let done = find(&|c| marked(c, 'B'))
        .or_else(|| find(&|c| spent(c)))
        .unwrap_or(1);
    (budget, done)
}

/// 预算完成率 = 完成数 / 预算数 of a 项目支出绩效自评表's total funds.
pub fn completion_rate(p: &PerformanceTable, out: &mut Vec<Check>) {
    let (Some(stated), Some(total)) = (p.funds.completion_rate.as_deref(), p.funds.rows.first())
    else {
        return;
    };
    let num = |s: &Option<String>| s.as_deref().and_then(|v| parse_amount(v).ok().flatten());
    let (budget_at, done_at) = fund_columns(&p.funds.columns);
    let (Some(budget), Some(done)) = (
        total.values.get(budget_at).and_then(num),
        total.values.get(done_at).and_then(num),
    ) else {
        return;
    };
    let Some(rate) = stated.trim_end_matches('%').parse::<Decimal>().ok() else {
        return;
    };
    let project = p.project.clone().unwrap_or_default();
    let check = rate_check(
        Rule::CompletionRate,
        &format!("{project} 预算完成率 {stated} = {done} / {budget}"),
        rate,
        Ratio::of(done, budget),
    );
    out.push(Check {
        table: Some(format!("{} {project}", p.title)),
        pages: p.pages.clone(),
        ..check
    });
}
