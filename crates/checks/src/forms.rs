//! The performance forms' own figures: a form's funds add up (年度资金总额 =
//! 财政拨款 + 上年结转 + 其他资金; a department's tasks = 金额合计), and a project
//! printed both in a 项目支出 table and in a form states the same amount there.
//! Reported, never fixed.
use rust_decimal::Decimal;

use fiscal_recognize::amount::parse_amount;
use fiscal_recognize::forms::FundRow;
use fiscal_recognize::text::compact;
use fiscal_recognize::{AnyTable, PerformanceTable, Row, Table, TableKind};

use crate::check::{skip_if_silent, Check};
use crate::context::Context;
use crate::figures::compare;
use crate::rule::Rule;

/// Words of a fund source that is the total of the sources under it.
const TOTAL_SOURCES: &[&str] = &["总额", "总计", "合计"];

/// Runs `form_funds_sum` and `form_project_amount` on every form and list.
pub fn run(ctx: &Context, out: &mut Vec<Check>) {
    let start = out.len();
    let forms: Vec<&PerformanceTable> = ctx
        .doc
        .tables
        .iter()
        .flat_map(|t| match t {
            AnyTable::Performance(p) => vec![p],
            AnyTable::PerformanceList(l) => l.forms.iter().collect(),
            _ => Vec::new(),
        })
        .collect();
    for p in &forms {
        funds_sum(p, out);
    }
    skip_if_silent(
        out,
        start,
        Rule::FormFundsSum,
        "no performance form prints a funds total with its parts",
    );
    let start = out.len();
    let projects: Vec<&Table> = ctx
        .grids
        .iter()
        .copied()
        .filter(|t| {
            matches!(
                t.kind,
                TableKind::BudgetProjectExpenditure | TableKind::BudgetGeneralProjectExpenditure
            )
        })
        .collect();
    // A name printed for several projects (one per unit) binds to none.
    let count = |name: &str| {
        let in_forms = forms
            .iter()
            .filter(|p| p.project.as_deref().map(compact).as_deref() == Some(name))
            .count();
        let in_tables: usize = projects
            .iter()
            .map(|t| {
                t.rows
                    .iter()
                    .filter(|r| r.name.as_deref().map(compact).as_deref() == Some(name))
                    .count()
            })
            .sum();
        (in_forms, in_tables)
    };
    for p in &forms {
        let unique = p
            .project
            .as_deref()
            .is_some_and(|n| count(&compact(n)) == (1, 1));
        if unique {
            project_amount(p, &projects, out);
        }
    }
    skip_if_silent(
        out,
        start,
        Rule::FormProjectAmount,
        "no project is printed both in a 项目支出 table and in a performance form",
    );
}

fn amount(v: Option<&Option<String>>) -> Option<Decimal> {
    v?.as_deref().and_then(|s| parse_amount(s).ok().flatten())
}

fn is_total(r: &FundRow) -> bool {
    let s = compact(&r.source);
    !s.starts_with("其中") && TOTAL_SOURCES.iter().any(|w| s.contains(w))
}

/// What the form is called in a check.
fn label(p: &PerformanceTable) -> String {
    match &p.project {
        Some(project) => format!("{} {project}", p.title),
        None => p.title.clone(),
    }
}

/// Per amount column: the total source against the sources printed with it.
/// A department's task block puts its total (金额合计) last; a project's
/// funds put it first.
fn funds_sum(p: &PerformanceTable, out: &mut Vec<Check>) {
    let rows = &p.funds.rows;
    let Some(at) = rows.iter().position(is_total) else {
        return;
    };
    let parts: Vec<&FundRow> = rows
        .iter()
        .enumerate()
        .filter(|(i, r)| *i != at && !is_total(r))
        .map(|(_, r)| r)
        .collect();
    for col in 0..p.funds.columns.len().max(1) {
        let Some(total) = amount(rows[at].values.get(col)) else {
            continue;
        };
        let figures: Vec<Decimal> = parts
            .iter()
            .filter_map(|r| amount(r.values.get(col)))
            .collect();
        if figures.len() < parts.len().clamp(1, 2) {
            continue;
        }
        let sum: Decimal = figures.iter().sum();
        let column = p.funds.columns.get(col).map_or("", String::as_str);
        let mut check = compare(
            Rule::FormFundsSum,
            None,
            format!(
                "{} {} {column} = {}",
                label(p),
                rows[at].source,
                parts
                    .iter()
                    .map(|r| r.source.as_str())
                    .collect::<Vec<_>>()
                    .join(" + ")
            ),
            total,
            sum,
            figures.len(),
        );
        check.table = Some(label(p));
        check.pages = p.pages.clone();
        out.push(check);
    }
}

/// The project's amount in the 项目支出 tables (first figure of the row
/// naming it) against the form's total.
fn project_amount(p: &PerformanceTable, tables: &[&Table], out: &mut Vec<Check>) {
    let Some(project) = p.project.as_deref().map(compact) else {
        return;
    };
    let Some(total) = p
        .funds
        .rows
        .iter()
        .find(|r| is_total(r))
        .or(p.funds.rows.first())
        .and_then(|r| r.values.iter().find_map(|v| amount(Some(v))))
    else {
        return;
    };
    for t in tables {
        let first_figure = |r: &Row| {
            t.columns
                .iter()
                .find_map(|c| r.values.get(&c.key).copied().flatten())
        };
        let Some(row) = t
            .rows
            .iter()
            .find(|r| r.name.as_deref().map(compact).as_deref() == Some(project.as_str()))
        else {
            continue;
        };
        let Some(listed) = first_figure(row) else {
            continue;
        };
        // Both in the form's unit (a form that names none is not compared).
        let (Some(form_unit), Some(table_unit)) = (p.money_unit, t.money_unit) else {
            continue;
        };
        // The project may be listed again by the level paying for it
        // ("国家统一法律职业资格考试（省级）", "…（中央）"); the form states
        // the whole where the lines together make it.
        let parts: Vec<&Row> = t
            .rows
            .iter()
            .filter(|r| {
                r.name.as_deref().map(compact).is_some_and(|n| {
                    n.strip_prefix(project.as_str()).is_some_and(|q| {
                        q.len() > 2
                            && (q.starts_with('（') && q.ends_with('）')
                                || q.starts_with('(') && q.ends_with(')'))
                    })
                })
            })
            .collect();
        let whole = listed
            + parts
                .iter()
                .filter_map(|r| first_figure(r))
                .sum::<Decimal>();
        let lines = table_unit.convert(whole, form_unit).normalize();
        let listed = table_unit.convert(listed, form_unit).normalize();
        let by_lines = !parts.is_empty() && (total - lines).abs() < (total - listed).abs();
        let mut check = compare(
            Rule::FormProjectAmount,
            Some(t),
            format!(
                "{project}: form {} vs {} ({form_unit}){}",
                label(p),
                t.title,
                if by_lines {
                    format!(", the project's {} lines together", parts.len() + 1)
                } else {
                    String::new()
                }
            ),
            total,
            if by_lines { lines } else { listed },
            1,
        );
        check.pages = p.pages.iter().chain(&t.pages).copied().collect();
        out.push(check);
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fiscal_recognize::forms::{Funds, Goal};

    fn form(rows: &[(&str, &[&str])]) -> PerformanceTable {
        PerformanceTable {
            kind: TableKind::BudgetProjectPerformanceGoals,
            title: "政策和项目预算绩效目标表".into(),
            pages: vec![1],
            bboxes: Vec::new(),
            field_bboxes: Default::default(),
            money_unit: None,
            project: Some("甲".into()),
            department: None,
            implementer: None,
            fields: Default::default(),
            funds: Funds {
                columns: vec!["年度".into()],
                rows: rows
                    .iter()
                    .map(|(s, v)| FundRow {
                        source: s.to_string(),
                        values: v.iter().map(|x| Some(x.to_string())).collect(),
                        detail: None,
                    })
                    .collect(),
                ..Default::default()
            },
            goal: Goal::default(),
            indicators: Vec::new(),
            total_score: None,
        }
    }

    #[test]
    fn funds_add_up_or_fail() {
        let mut out = Vec::new();
        funds_sum(
            &form(&[
                ("年度资金总额", &["2,134.87"]),
                ("其中：财政拨款", &["1,384.87"]),
                ("上年结转", &["750.00"]),
                ("其他资金", &["-"]),
            ]),
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].status,
            crate::check::Status::Pass,
            "{}",
            out[0].detail
        );
        let mut out = Vec::new();
        funds_sum(
            &form(&[
                ("资金总额", &["75.00"]),
                ("财政拨款", &["70.00"]),
                ("其他资金", &["0.00"]),
            ]),
            &mut out,
        );
        assert_eq!(out[0].status, crate::check::Status::Fail);
        // A department's tasks, their total last.
        let mut out = Vec::new();
        funds_sum(
            &form(&[
                ("基本支出", &["10"]),
                ("业务", &["5"]),
                ("金额合计", &["15"]),
            ]),
            &mut out,
        );
        assert_eq!(out[0].status, crate::check::Status::Pass);
    }
}
