//! What only a 部门预算 is checked for: the identities between the tables of
//! the budget set (data, evaluated by [`crate::cross_table`] like the 决算
//! ones) and the balance of a budget summary table, whose sides end in
//! 收入总计 / 支出总计 (收入合计 / 支出合计 in some places), and which may
//! print several expenditure sides (功能分类, 经济分类) beside one 收入 side.
//!
//! The hierarchy and total rows of budget tables, 人员经费 + 公用经费 =
//! 基本支出 and 三公 = 因公出国 + 公务接待 + 公务用车 (a 合计 / 小计 column
//! over its siblings) are the general rules of [`crate::arithmetic`].

use fiscal_recognize::{Row, Table, TableKind};

use crate::check::Check;
use crate::figures::{compare, figure_read};
use crate::identities::{row, Figure, Identity, Name};
use crate::rule::Rule;

use TableKind as K;

/// The first figure of the row named `name`.
const fn first_figure(kind: TableKind, name: Name) -> Figure {
    row(kind, None, name, &[])
}

/// The row's figure under the column headed by one of `leaves`.
const fn in_column(kind: TableKind, name: Name, leaves: &'static [&'static str]) -> Figure {
    row(kind, None, name, leaves)
}

/// This year's side of a budget summary table (`side` 收入 or 支出): its
/// 本年收入合计 / 本年支出合计 where printed above the balances, else the
/// side's total.
const fn this_year(side: &'static str) -> [Figure; 2] {
    [
        row(
            K::BudgetIncomeExpenditureSummary,
            Some(side),
            Name::Subtotal,
            &[],
        ),
        row(
            K::BudgetIncomeExpenditureSummary,
            Some(side),
            Name::Total,
            &[],
        ),
    ]
}

/// This year's income of a budget summary table.
pub(crate) const CURRENT_INCOME: &[Figure] = &this_year("收入");
/// This year's spending of a budget summary table.
pub(crate) const CURRENT_EXPENDITURE: &[Figure] = &this_year("支出");

/// The identities of the 部门预算 set. Each side lists the forms places print
/// it in: 上海 splits the 财政拨款收支总表's 支出 by fund in columns, other
/// places list the funds as 收入 items.
pub const IDENTITIES: &[Identity] = &[
    Identity::Equal {
        rule: Rule::BudgetSummaryIncomeEqualsIncomeTable,
        what: "收支总表 收入总计 = 收入总表 合计",
        left: &[row(
            K::BudgetIncomeExpenditureSummary,
            Some("收入"),
            Name::Total,
            &[],
        )],
        right: &[first_figure(K::BudgetIncome, Name::Total)],
    },
    Identity::Equal {
        rule: Rule::BudgetSummaryExpenditureEqualsExpenditureTable,
        // The 支出总表 lists this year's spending: 本年支出合计 where the
        // summary prints it above 结转下年, else the side's total.
        what: "收支总表 本年支出合计 = 支出总表 合计",
        left: CURRENT_EXPENDITURE,
        right: &[first_figure(K::BudgetExpenditure, Name::Total)],
    },
    Identity::Equal {
        rule: Rule::BudgetFiscalGeneralEqualsGeneralTable,
        what: "财政拨款收支总表 一般公共预算 = 一般公共预算支出表 合计",
        left: &[
            row(
                K::BudgetFiscalAppropriationSummary,
                Some("支出"),
                Name::Total,
                &["一般公共预算"],
            ),
            first_figure(
                K::BudgetFiscalAppropriationSummary,
                Name::Listed("一般公共预算"),
            ),
        ],
        right: &[first_figure(K::BudgetGeneralExpenditure, Name::Total)],
    },
    Identity::Equal {
        rule: Rule::BudgetFiscalFundEqualsFundTable,
        what: "财政拨款收支总表 政府性基金预算 = 政府性基金预算支出表 合计",
        left: &[
            row(
                K::BudgetFiscalAppropriationSummary,
                Some("支出"),
                Name::Total,
                &["政府性基金预算"],
            ),
            first_figure(
                K::BudgetFiscalAppropriationSummary,
                Name::Listed("政府性基金"),
            ),
        ],
        right: &[first_figure(K::BudgetGovernmentFund, Name::Total)],
    },
    Identity::Equal {
        rule: Rule::BudgetGeneralBasicEqualsBasicTable,
        what: "一般公共预算支出表 合计 [基本支出] = 一般公共预算基本支出表 合计",
        // A 基本支出 column, or its 小计 over 人员经费 and 公用经费.
        left: &[in_column(
            K::BudgetGeneralExpenditure,
            Name::Total,
            &["基本支出", "基本支出/小计"],
        )],
        right: &[first_figure(K::BudgetGeneralBasicExpenditure, Name::Total)],
    },
];

/// The row groups of a table in printed order.
fn groups(t: &Table) -> Vec<&str> {
    let mut groups: Vec<&str> = Vec::new();
    for g in t.rows.iter().filter_map(|r| r.group.as_deref()) {
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    groups
}

/// The total of side `group` (its last, where a 合计 is printed above a 总计).
fn grand_total<'a>(t: &'a Table, group: &str) -> Option<&'a Row> {
    t.rows
        .iter()
        .rev()
        .find(|r| r.group.as_deref() == Some(group) && r.is_total())
}

/// 收支平衡 (rule `sides_balance`, run with the other rules inside one table):
/// the 收入 side of a budget summary table ends in the same total
/// as each of its 支出 sides (one per classification where several are
/// printed side by side). A side whose total row is not printed is left out.
pub fn sides_balance(t: &Table, out: &mut Vec<Check>) {
    if !t.kind.is_summary() || !t.kind.is_budget() {
        return;
    }
    let groups = groups(t);
    let Some((income_group, spending)) = groups.split_first() else {
        return;
    };
    let Some(income) =
        grand_total(t, income_group).and_then(|r| Some((r, figure_read(t, r, &[])?)))
    else {
        return;
    };
    for g in spending {
        let Some((row, (b, fb))) =
            grand_total(t, g).and_then(|r| Some((r, figure_read(t, r, &[])?)))
        else {
            continue;
        };
        let what = format!(
            "{income_group} {} = {g} {}",
            income.0.name.as_deref().unwrap_or_default(),
            row.name.as_deref().unwrap_or_default()
        );
        let (a, fa) = &income.1;
        out.push(
            compare(Rule::SidesBalance, Some(t), what, *a, b, 1).comparing(vec![fa.clone(), fb]),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fiscal_recognize::{AnyTable, DocumentKind, DocumentMeta, Recognized};

    use crate::check::Status;
    use crate::run::run_checks;
    use crate::tests::{named, table};

    fn summary(rows: Vec<Row>) -> Table {
        table(
            "表1",
            "部门收支总表",
            "budget_income_expenditure_summary",
            1,
            &[
                ("income_amount", "收入/金额"),
                ("expenditure_functional_amount", "支出/功能分类/金额"),
                ("expenditure_purpose_amount", "支出/支出用途/金额"),
            ],
            rows,
        )
    }

    #[test]
    fn each_expenditure_side_balances_the_income_side() {
        let t = summary(vec![
            named(Some("收入"), "收入合计", &[("income_amount", "100.00")]),
            named(
                Some("支出/功能分类"),
                "支出合计",
                &[("expenditure_functional_amount", "100.00")],
            ),
            named(
                Some("支出/支出用途"),
                "支出合计",
                &[("expenditure_purpose_amount", "99.00")],
            ),
        ]);
        let mut out = Vec::new();
        sides_balance(&t, &mut out);
        let statuses: Vec<Status> = out.iter().map(|c| c.status).collect();
        assert_eq!(statuses, [Status::Pass, Status::Fail]);
        assert!(out[1].detail.contains("支出/支出用途"), "{}", out[1].detail);
    }

    /// A budget whose 收支总表 and 收入总表 disagree by one 元, printed whole.
    fn summary_and_income(income_total: &str) -> Recognized {
        let summary = table(
            "表1",
            "收支预算总表",
            "budget_income_expenditure_summary",
            1,
            &[
                ("income_budget", "收入/预算数"),
                ("expenditure_budget", "支出/预算数"),
            ],
            vec![
                named(Some("收入"), "收入总计", &[("income_budget", "12121164")]),
                named(
                    Some("支出"),
                    "支出总计",
                    &[("expenditure_budget", "12121164")],
                ),
            ],
        );
        let income = table(
            "表2",
            "收入预算总表",
            "budget_income",
            2,
            &[("total", "合计"), ("fiscal", "财政拨款收入")],
            vec![named(
                None,
                "合计",
                &[("total", income_total), ("fiscal", "9501164")],
            )],
        );
        Recognized {
            document: DocumentMeta {
                kind: Some(DocumentKind::Budget),
                ..DocumentMeta::default()
            },
            contents: Default::default(),
            tables: vec![AnyTable::Grid(summary), AnyTable::Grid(income)],
            sections: Vec::new(),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn an_identity_of_whole_yuan_figures_allows_their_rounding_only() {
        let rule = Rule::BudgetSummaryIncomeEqualsIncomeTable;
        let status = |income_total: &str| {
            run_checks(&summary_and_income(income_total))
                .into_iter()
                .find(|c| c.rule == rule)
                .map(|c| c.status)
        };
        assert_eq!(status("12121164"), Some(Status::Pass));
        // Two whole figures, each rounded by up to half a 元.
        assert_eq!(status("12121165"), Some(Status::Pass));
        assert_eq!(status("12121166"), Some(Status::Fail));
    }

    #[test]
    fn a_blank_ordinal_heading_sums_its_numbered_items() {
        // 西安 部门综合预算 表1: "一、部门预算" prints no figure; its items do.
        let i = |n: &str, v: Option<&str>| {
            let vals: Vec<(&str, &str)> = v.map(|v| ("income_budget", v)).into_iter().collect();
            let mut r = named(Some("收入"), n, &vals);
            r.values.entry("income_budget".into()).or_insert(None);
            r
        };
        let t = table(
            "表1",
            "2019年部门综合预算收支总表",
            "budget_income_expenditure_summary",
            3,
            &[("income_budget", "收入/预算数")],
            vec![
                i("一、部门预算", None),
                i("1、财政拨款", Some("3643.37")),
                i("(1)一般公共预算拨款收入", Some("3643.37")),
                i("2、上级补助收入", None),
                i("本年收入合计", Some("3643.37")),
            ],
        );
        let mut out = Vec::new();
        crate::arithmetic::summary_totals(&t, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].status, Status::Pass, "{}", out[0].detail);
        assert!(out[0].detail.contains("Σ 2 items"), "{}", out[0].detail);
    }

    #[test]
    fn columns_singling_out_part_of_a_total_are_not_its_parts() {
        // 深圳 表3: 政府采购项目 小计 and, of it, what is kept for small firms.
        let t = table(
            "表3",
            "支出总表",
            "budget_expenditure",
            1,
            &[
                ("procurement_subtotal", "2026年政府采购项目/小计"),
                (
                    "procurement_sme",
                    "2026年政府采购项目/其中：预留给中小企业的项目资金规模",
                ),
                (
                    "procurement_micro",
                    "2026年政府采购项目/其中：预留给小型、微型企业的项目资金规模",
                ),
            ],
            vec![named(
                None,
                "深圳市公安局（本级）",
                &[
                    ("procurement_subtotal", "46519.33"),
                    ("procurement_sme", "2062.88"),
                    ("procurement_micro", "0.00"),
                ],
            )],
        );
        let mut out = Vec::new();
        crate::arithmetic::row_total(&t, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn a_side_without_its_total_row_is_left_out() {
        let t = summary(vec![
            named(Some("收入"), "收入总计", &[("income_amount", "100.00")]),
            named(
                Some("支出/功能分类"),
                "一般公共服务支出",
                &[("expenditure_functional_amount", "100.00")],
            ),
        ]);
        let mut out = Vec::new();
        sides_balance(&t, &mut out);
        assert!(out.is_empty());
    }
}
