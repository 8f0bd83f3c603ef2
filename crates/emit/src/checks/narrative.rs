//! The 情况说明 restates the tables in words ("本年收入1,899.52万元",
//! "完成预算6.89万元的83.02%", "比上年决算增加298.25万元，增长21%"). Each stated
//! figure is bound to the table figure its item names; a stated rate is
//! recomputed from the figures it is a rate of. Rates are compared at their
//! stated precision, allowing for the rounding of the figures (0.5 percentage
//! points absolute or 1 % relative); a rate over a zero base is reported as a
//! finding of its own.
use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use fiscal_recognize::amount::parse_amount;
use fiscal_recognize::text::compact;
use fiscal_recognize::{MoneyUnit, Recognized, Section, Table, TableKind};

use super::{figure, row, table_of, val, Check, Status};

/// A figure as the sentence prints it ("1,899.52").
fn dec(s: &str) -> Option<Decimal> {
    parse_amount(s).ok().flatten()
}

/// A stated percentage against `num / den`.
pub(crate) fn rate_check(
    rule: &str,
    what: &str,
    stated: Decimal,
    num: Decimal,
    den: Decimal,
) -> Check {
    let base = Check {
        rule: rule.to_string(),
        table: None,
        status: Status::Pass,
        detail: String::new(),
        pages: Vec::new(),
    };
    if den.is_zero() {
        return Check {
            status: Status::Fail,
            detail: format!("{what}: a rate stated over a zero base ({num} / {den})"),
            ..base
        };
    }
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0);
    let (n, d, s) = (f(num), f(den), f(stated));
    // The figures are rounded to 0.01: the rate may lie anywhere they allow.
    let lo = (n - 0.005) / (d + 0.005) * 100.0;
    let hi = (n + 0.005) / (d - 0.005).max(1e-9) * 100.0;
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    let computed = n / d * 100.0;
    let ok = (s >= lo - 0.5 && s <= hi + 0.5) || (s - computed).abs() <= computed.abs() * 0.01;
    Check {
        status: if ok { Status::Pass } else { Status::Fail },
        detail: format!(
            "{what}: stated {stated}% {} computed {computed:.2}%",
            if ok { "≈" } else { "≠" }
        ),
        ..base
    }
}

/// Where a named item's figure lives in the tables.
struct Binding {
    item: &'static str,
    rule: &'static str,
    find: for<'a> fn(&[&'a Table]) -> Option<(Decimal, &'a Table)>,
}

macro_rules! bind {
    ($item:literal, $rule:literal, |$ts:ident| $body:expr) => {
        Binding {
            item: $item,
            rule: $rule,
            find: |$ts: &[&Table]| $body,
        }
    };
}

fn named<'a>(
    ts: &[&'a Table],
    kind: TableKind,
    group: Option<&str>,
    name: fn(&str) -> bool,
    leaves: &[&str],
) -> Option<(Decimal, &'a Table)> {
    let t = table_of(ts, kind)?;
    let r = row(t, group, name)?;
    Some((figure(t, r, leaves)?, t))
}

fn three_public<'a>(ts: &[&'a Table], path: &[&str]) -> Option<(Decimal, &'a Table)> {
    let t = table_of(ts, TableKind::ThreePublicExpenses)?;
    let r = t.rows.first()?;
    // Header paths read 预算数/合计 or 合计/预算数 depending on the document.
    let c = t.columns.iter().find(|c| {
        let parts: Vec<&str> = c.header.split('/').collect();
        path.iter()
            .all(|p| parts.iter().any(|q| q == p || q.replace("维护", "") == *p))
            && parts.len() == path.len()
    })?;
    Some((val(r, &c.key), t))
}

/// Items a sentence may state, longest wording first.
fn bindings() -> Vec<Binding> {
    vec![
        bind!("总收入", "narrative_total_income", |ts| named(
            ts,
            TableKind::IncomeExpenditureSummary,
            Some("收入"),
            |n| n == "总计",
            &[]
        )),
        bind!("总支出", "narrative_total_expenditure", |ts| named(
            ts,
            TableKind::IncomeExpenditureSummary,
            Some("支出"),
            |n| n == "总计",
            &[]
        )),
        bind!("本年收入", "narrative_current_income", |ts| named(
            ts,
            TableKind::IncomeExpenditureSummary,
            Some("收入"),
            |n| n == "本年收入合计",
            &[]
        )),
        bind!("本年支出", "narrative_current_expenditure", |ts| named(
            ts,
            TableKind::IncomeExpenditureSummary,
            Some("支出"),
            |n| n == "本年支出合计",
            &[]
        )),
        bind!("收入支出总计", "narrative_total_income", |ts| named(
            ts,
            TableKind::IncomeExpenditureSummary,
            Some("收入"),
            |n| n == "总计",
            &[]
        )),
        bind!(
            "财政拨款收入支出总计",
            "narrative_fiscal_total",
            |ts| named(
                ts,
                TableKind::FiscalAppropriationSummary,
                Some("收入"),
                |n| n == "总计",
                &[]
            )
        ),
        bind!("本年收入合计", "narrative_current_income", |ts| named(
            ts,
            TableKind::IncomeExpenditureSummary,
            Some("收入"),
            |n| n == "本年收入合计",
            &[]
        )),
        bind!("本年支出合计", "narrative_current_expenditure", |ts| {
            named(
                ts,
                TableKind::IncomeExpenditureSummary,
                Some("支出"),
                |n| n == "本年支出合计",
                &[],
            )
        }),
        bind!("财政拨款收入合计", "narrative_fiscal_income", |ts| {
            named(
                ts,
                TableKind::FiscalAppropriationSummary,
                Some("收入"),
                |n| n == "本年收入合计",
                &[],
            )
        }),
        bind!(
            "财政拨款支出合计",
            "narrative_fiscal_expenditure",
            |ts| named(
                ts,
                TableKind::FiscalAppropriationSummary,
                Some("支出"),
                |n| n == "本年支出合计",
                &["合计"]
            )
        ),
        bind!(
            "一般公共预算财政拨款收入",
            "narrative_general_budget_income",
            |ts| {
                named(
                    ts,
                    TableKind::IncomeExpenditureSummary,
                    Some("收入"),
                    |n| n.ends_with("一般公共预算财政拨款收入"),
                    &[],
                )
            }
        ),
        bind!(
            "政府性基金预算财政拨款收入",
            "narrative_government_fund_income",
            |ts| {
                named(
                    ts,
                    TableKind::IncomeExpenditureSummary,
                    Some("收入"),
                    |n| n.ends_with("政府性基金预算财政拨款收入"),
                    &[],
                )
            }
        ),
        bind!(
            "国有资本经营预算财政拨款收入",
            "narrative_state_capital_income",
            |ts| {
                named(
                    ts,
                    TableKind::IncomeExpenditureSummary,
                    Some("收入"),
                    |n| n.ends_with("国有资本经营预算财政拨款收入"),
                    &[],
                )
            }
        ),
        bind!(
            "一般公共预算财政拨款支出",
            "narrative_general_budget_expenditure",
            |ts| {
                named(
                    ts,
                    TableKind::GeneralBudgetExpenditure,
                    None,
                    |n| n == "合计",
                    &["本年支出合计", "合计"],
                )
            }
        ),
        bind!("基本支出", "narrative_basic_expenditure", |ts| named(
            ts,
            TableKind::Expenditure,
            None,
            |n| n == "合计",
            &["基本支出"]
        )),
        bind!("项目支出", "narrative_project_expenditure", |ts| named(
            ts,
            TableKind::Expenditure,
            None,
            |n| n == "合计",
            &["项目支出"]
        )),
        bind!("非税收入合计", "narrative_non_tax_revenue", |ts| {
            named(
                ts,
                TableKind::NonTaxRevenue,
                None,
                |n| n == "合计",
                &["合计"],
            )
        }),
        bind!("纳入预算管理", "narrative_non_tax_in_budget", |ts| {
            named(
                ts,
                TableKind::NonTaxRevenue,
                None,
                |n| n == "合计",
                &["纳入预算管理"],
            )
        }),
        bind!(
            "纳入财政专户管理",
            "narrative_non_tax_in_special_account",
            |ts| {
                named(
                    ts,
                    TableKind::NonTaxRevenue,
                    None,
                    |n| n == "合计",
                    &["纳入财政专户管理"],
                )
            }
        ),
    ]
}

/// 三公 items: the words a sentence uses and the header part of the table.
const THREE_PUBLIC: &[(&str, &str, &str)] = &[
    ("“三公”经费", "合计", "total"),
    ("三公经费", "合计", "total"),
    ("因公出国（境）费", "因公出国（境）费", "overseas_travel"),
    ("公务用车购置及运行费", "公务用车购置及运行费", "vehicles"),
    (
        "公务用车购置及运行维护费",
        "公务用车购置及运行费",
        "vehicles",
    ),
    ("公务用车购置", "公务用车购置费", "vehicle_purchase"),
    ("公务用车运行维护费", "公务用车运行费", "vehicle_operation"),
    ("公务用车运行费", "公务用车运行费", "vehicle_operation"),
    ("公务接待费", "公务接待费", "reception"),
];

fn three_public_item(subject: &str) -> Option<(&'static str, &'static str)> {
    // The last item named before the figure is the one it belongs to.
    THREE_PUBLIC
        .iter()
        .filter_map(|(w, h, k)| subject.rfind(w).map(|p| (p + w.len(), w.len(), *h, *k)))
        .max_by_key(|(end, len, _, _)| (*end, *len))
        .map(|(_, _, h, k)| (h, k))
}

fn three_public_path(head: &str, which: &str) -> Vec<&'static str> {
    let which: &'static str = if which == "预算数" {
        "预算数"
    } else {
        "决算数"
    };
    match head {
        "合计" => vec![which, "合计"],
        "公务用车购置及运行费" => vec![which, "公务用车购置及运行费", "小计"],
        "公务用车购置费" => vec![which, "公务用车购置及运行费", "公务用车购置费"],
        "公务用车运行费" => vec![which, "公务用车购置及运行费", "公务用车运行费"],
        "因公出国（境）费" => vec![which, "因公出国（境）费"],
        _ => vec![which, "公务接待费"],
    }
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid pattern"))
}

static AMOUNT: OnceLock<Regex> = OnceLock::new();
static BUDGET_RATE: OnceLock<Regex> = OnceLock::new();
static CHANGE: OnceLock<Regex> = OnceLock::new();
static SHARE: OnceLock<Regex> = OnceLock::new();
static DONE_RATE: OnceLock<Regex> = OnceLock::new();
static TOTAL: OnceLock<Regex> = OnceLock::new();

fn paragraphs<'a>(sections: &'a [Section], out: &mut Vec<(&'a str, Vec<u32>)>) {
    for s in sections {
        for p in &s.paragraphs {
            out.push((p.as_str(), s.pages.clone()));
        }
        paragraphs(&s.children, out);
    }
}

/// Scales a table figure to 万元, the unit the narrative states.
fn in_wan(t: &Table, v: Decimal) -> Decimal {
    t.money_unit
        .map_or(v, |u| u.convert(v, MoneyUnit::TenThousandYuan))
}

/// A sentence whose figure could not be bound to anything to compare with.
fn undetermined(rule: &str, detail: String, pages: &[u32]) -> Check {
    Check {
        rule: rule.to_string(),
        table: None,
        status: Status::Undetermined,
        detail,
        pages: pages.to_vec(),
    }
}

fn amount_check(
    rule: &str,
    what: String,
    stated: Decimal,
    table: Option<(Decimal, &Table)>,
    pages: &[u32],
) -> Check {
    match table {
        None => undetermined(
            rule,
            format!("{what}: stated {stated} 万元, no table figure to compare"),
            pages,
        ),
        Some((v, t)) => {
            let v = in_wan(t, v);
            // Stated to 0.01 万元 or coarser: allow only the rounding of the stated figure.
            let scale = stated.scale().min(2);
            let tol = Decimal::new(5, scale + 1);
            let ok = (stated - v).abs() <= tol;
            Check {
                rule: rule.to_string(),
                table: Some(super::label(t)),
                status: if ok { Status::Pass } else { Status::Fail },
                detail: format!(
                    "{what}: stated {stated} 万元 {} table {v}",
                    if ok { "=" } else { "≠" }
                ),
                pages: pages.to_vec(),
            }
        }
    }
}

pub fn run(doc: &Recognized, tables: &[&Table], out: &mut Vec<Check>) {
    let mut paras = Vec::new();
    paragraphs(&doc.sections, &mut paras);
    let amount = re(&AMOUNT, r"([0-9][0-9,]*(?:\.[0-9]+)?)万元");
    let budget_rate = re(
        &BUDGET_RATE,
        r"决算(?:数)?为([0-9][0-9,]*(?:\.[0-9]+)?)万元，完成(?:年初)?预算(?:数)?([0-9][0-9,]*(?:\.[0-9]+)?)万元的([0-9]+(?:\.[0-9]+)?)%",
    );
    let change = re(
        &CHANGE,
        r"([0-9][0-9,]*(?:\.[0-9]+)?)万元(?:，比|[。，]与)(?:上年|上一年度|[0-9]{4}年度?|年初预算)(?:决算)?数?(?:相比，[^，。]{0,16}?)?(增加|减少)([0-9][0-9,]*(?:\.[0-9]+)?)万元，(?:增长|下降)([0-9]+(?:\.[0-9]+)?)[%％]",
    );
    let share = re(
        &SHARE,
        r"([0-9][0-9,]*(?:\.[0-9]+)?)万元，占((?:[^，。；的]{1,20})的)?([0-9]+(?:\.[0-9]+)?)%",
    );
    let done_rate = re(
        &DONE_RATE,
        r"预算数?为?([0-9][0-9,]*(?:\.[0-9]+)?)万元，(?:执行数|支出决算为|决算为?)([0-9][0-9,]*(?:\.[0-9]+)?)万元[，。](?:完成(?:年初)?预算的|执行率)([0-9]+(?:\.[0-9]+)?)%",
    );
    let total = re(
        &TOTAL,
        r"(?:合计|总额|总计)(?:为)?([0-9][0-9,]*(?:\.[0-9]+)?)万元",
    );
    let binds = bindings();
    for (text, pages) in paras {
        let text = compact(text);
        // 三公: "X费支出决算为a万元，完成预算b万元的r%".
        for c in budget_rate.captures_iter(&text) {
            let subject = &text[..c.get(0).map_or(0, |m| m.start())];
            // The clause the figure is in ("（" is no boundary: 因公出国（境）费).
            let clause_start = subject.rfind(['。', '；', '：']).map_or(0, |p| {
                p + subject[p..].chars().next().map_or(1, char::len_utf8)
            });
            let subject = &subject[clause_start..];
            let (Some(actual), Some(budget), Some(rate)) = (dec(&c[1]), dec(&c[2]), dec(&c[3]))
            else {
                continue;
            };
            let Some((head, key)) = three_public_item(subject) else {
                out.push(undetermined(
                    "narrative_three_public",
                    format!("“{}”: no 三公 item named", &c[0]),
                    &pages,
                ));
                continue;
            };
            let final_fig = three_public(tables, &three_public_path(head, "决算数"));
            let budget_fig = three_public(tables, &three_public_path(head, "预算数"));
            out.push(amount_check(
                &format!("narrative_three_public_{key}_final"),
                format!("{head} 决算"),
                actual,
                final_fig,
                &pages,
            ));
            out.push(amount_check(
                &format!("narrative_three_public_{key}_budget"),
                format!("{head} 预算"),
                budget,
                budget_fig,
                &pages,
            ));
            out.push(Check {
                pages: pages.clone(),
                ..rate_check(
                    "narrative_completion_rate",
                    &format!("{head} 完成预算 {budget} 的 {rate}%"),
                    rate,
                    actual,
                    budget,
                )
            });
        }
        // Stated amounts of named items.
        for m in amount.find_iter(&text) {
            let before = &text[..m.start()];
            let tail: String = before
                .chars()
                .rev()
                .take(16)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let tail = ["共计", "为", "共"]
                .iter()
                .fold(tail.as_str(), |t, w| t.strip_suffix(w).unwrap_or(t));
            let hits: Vec<&Binding> = binds.iter().filter(|b| tail.ends_with(b.item)).collect();
            let Some(b) = hits.iter().max_by_key(|b| b.item.len()) else {
                continue;
            };
            // "一般公共预算财政拨款基本支出": the 一般公共预算 table's, not the 支出决算表's.
            if b.item == "基本支出" && tail.contains("一般公共预算") {
                continue;
            }
            let Some(stated) = dec(&text[m.start()..m.end() - "万元".len()]) else {
                continue;
            };
            out.push(amount_check(
                b.rule,
                b.item.to_string(),
                stated,
                (b.find)(tables),
                &pages,
            ));
        }
        // "a万元，比上年决算增加d万元，增长r%": r = d / (a ∓ d).
        for c in change.captures_iter(&text) {
            let (Some(now), Some(delta), Some(rate)) = (dec(&c[1]), dec(&c[3]), dec(&c[4])) else {
                continue;
            };
            let before = if &c[2] == "增加" {
                now - delta
            } else {
                now + delta
            };
            out.push(Check {
                pages: pages.clone(),
                ..rate_check("narrative_change_rate", &c[0], rate, delta, before)
            });
        }
        // "预算a万元，决算b万元，执行率r%".
        for c in done_rate.captures_iter(&text) {
            let (Some(budget), Some(done), Some(rate)) = (dec(&c[1]), dec(&c[2]), dec(&c[3]))
            else {
                continue;
            };
            out.push(Check {
                pages: pages.clone(),
                ..rate_check("narrative_completion_rate", &c[0], rate, done, budget)
            });
        }
        // "a万元，占r%": a share of the total the paragraph opens with (or names).
        for c in share.captures_iter(&text) {
            let (Some(part), Some(rate)) = (dec(&c[1]), dec(&c[3])) else {
                continue;
            };
            let denominator = match c.get(2) {
                // "占本年支出合计的r%": the named total, stated in the paragraph or in the tables.
                Some(name) => {
                    let name = name.as_str().trim_end_matches('的');
                    Regex::new(&format!(
                        "{}(?:为)?([0-9][0-9,]*(?:\\.[0-9]+)?)万元",
                        regex::escape(name)
                    ))
                    .ok()
                    .and_then(|r| r.captures(&text).and_then(|d| dec(&d[1])))
                    .or_else(|| {
                        binds
                            .iter()
                            .find(|b| b.item == name)
                            .and_then(|b| (b.find)(tables))
                            .map(|(v, t)| in_wan(t, v))
                    })
                }
                // "X万元，其中：a万元，占r%": a part of the figure the paragraph opens with.
                None => {
                    let opening = &text[..c.get(0).map_or(0, |m| m.start())];
                    if opening.contains("三公") {
                        three_public(tables, &["决算数", "合计"]).map(|(v, t)| in_wan(t, v))
                    } else if let Some(d) = total.captures(opening).and_then(|d| dec(&d[1])) {
                        Some(d)
                    } else {
                        let first = amount.find(opening);
                        first
                            .filter(|m| {
                                opening[m.end()..].contains("其中")
                                    || opening[m.end()..].contains("主要用于")
                            })
                            .and_then(|m| dec(&opening[m.start()..m.end() - "万元".len()]))
                    }
                }
            };
            match denominator {
                Some(d) => out.push(Check {
                    pages: pages.clone(),
                    ..rate_check("narrative_share", &c[0], rate, part, d)
                }),
                None => out.push(undetermined(
                    "narrative_share",
                    format!("“{}”: share of what is not stated", &c[0]),
                    &pages,
                )),
            }
        }
    }
}
