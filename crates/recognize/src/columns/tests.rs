use super::*;
use crate::model::Row;

fn keys(kind: TableKind, year: Option<u32>, headers: &[&str]) -> Vec<String> {
    let cols: Vec<(Option<&str>, &str)> = headers.iter().map(|h| (None, *h)).collect();
    meanings(kind, year, &cols)
        .into_iter()
        .map(|m| m.key)
        .collect()
}

#[test]
fn the_current_year_is_the_plain_key_wherever_it_is_printed() {
    // 重庆 p20: the prior year printed first.
    let m = meanings(
        TableKind::BudgetThreePublicExpenses,
        Some(2026),
        &[
            (None, "2025年预算数/合计"),
            (None, "2025年预算数/因公出国（境）费"),
            (None, "2026年预算数/合计"),
            (None, "2026年预算数/因公出国（境）费"),
        ],
    );
    let got: Vec<(&str, Period, Option<u32>)> = m
        .iter()
        .map(|m| (m.key.as_str(), m.period, m.year))
        .collect();
    assert_eq!(
        got,
        [
            ("prior_year_three_public", Period::PriorYear, Some(2025)),
            ("prior_year_overseas_travel", Period::PriorYear, Some(2025)),
            ("three_public", Period::Current, Some(2026)),
            ("overseas_travel", Period::Current, Some(2026)),
        ]
    );
}

#[test]
fn a_prior_year_execution_column_printed_first_is_not_the_total() {
    // 国家信访局 p10 一般公共预算支出表.
    assert_eq!(
        keys(
            TableKind::BudgetGeneralExpenditure,
            Some(2026),
            &[
                "2025年执行数/执行数",
                "2025年执行数/扣除中央基建投资后执行数",
                "2026年预算数/年初预算数/小计",
                "2026年预算数/年初预算数/基本支出",
                "2026年预算数/年初预算数/项目支出",
                "2026年预算数/扣除中央基建投资后预算数",
                "2026年预算数比2025年执行数/增减额",
                "2026年预算数比2025年执行数/增减(%)",
                "2026年预算数比2025年执行数（扣除中央基建投资）/增减额",
            ]
        ),
        [
            "prior_year_executed",
            "prior_year_executed_扣除中央基建投资后执行数",
            "total",
            "basic",
            "project",
            "扣除中央基建投资后预算数",
            "change_total",
            "change_rate",
            "change_total_扣除中央基建投资",
        ]
    );
}

#[test]
fn measure_order_and_wording_do_not_change_a_key() {
    // 决算 三公: 上海 prints 预算数/合计, 西安 合计/预算数.
    for headers in [
        [
            "预算数/合计",
            "预算数/因公出国（境）费",
            "决算数/合计",
            "决算数/公务用车购置及运行费/公务用车购置费",
        ],
        [
            "合计/预算数",
            "因公出国（境）费/预算数",
            "合计/决算数",
            "公务用车购置及运行维护费/公务用车购置费/决算数",
        ],
    ] {
        assert_eq!(
            keys(TableKind::ThreePublicExpenses, Some(2024), &headers),
            [
                "budget_three_public",
                "budget_overseas_travel",
                "three_public",
                "vehicle_purchase"
            ]
        );
    }
}

#[test]
fn a_three_public_total_over_meetings_and_training_is_the_table_total() {
    // 西安 表13: 合计 = 三公 小计 + 会议费 + 培训费.
    assert_eq!(
        keys(
            TableKind::BudgetThreePublicExpenses,
            Some(2022),
            &[
                "2021年/合计",
                "2021年/一般公共预算拨款安排的“三公”经费预算/小计",
                "2022年/合计",
                "2022年/一般公共预算拨款安排的“三公”经费预算/小计",
                "2022年/一般公共预算拨款安排的“三公”经费预算/公务用车购置及运行维护费/小计",
                "2022年/会议费",
                "增减变化情况/培训费",
            ]
        ),
        [
            "prior_year_total",
            "prior_year_three_public",
            "total",
            "three_public",
            "vehicles",
            "meetings",
            "change_training",
        ]
    );
}

#[test]
fn the_three_public_split_by_fund_keeps_the_fund() {
    // 深圳 表9: 总计 | 因公出国(境)费 …, each by fund.
    assert_eq!(
        keys(
            TableKind::BudgetThreePublicExpenses,
            Some(2026),
            &[
                "总计/一般公共预算",
                "总计/政府性基金预算",
                "因公出国(境)费/一般公共预算"
            ]
        ),
        [
            "three_public_general_budget",
            "three_public_government_fund",
            "overseas_travel_general_budget"
        ]
    );
}

#[test]
fn this_years_income_is_told_from_the_grand_total() {
    // 深圳 收入总表: 收入总计 | 本年收入/小计 | 本年收入/财政拨款/一般公共预算拨款 | 上年结余、结转.
    assert_eq!(
        keys(
            TableKind::BudgetIncome,
            Some(2026),
            &[
                "收入总计",
                "本年收入/小计",
                "本年收入/财政拨款/一般公共预算拨款",
                "上年结余、结转"
            ]
        ),
        ["total", "income", "general_budget", "carried_over"]
    );
    // 决算 收入决算表: 本年收入合计 is the table's total.
    assert_eq!(
        keys(
            TableKind::Income,
            Some(2024),
            &["本年收入合计", "财政拨款收入", "事业收入"]
        ),
        ["total", "fiscal_appropriation", "business_income"]
    );
}

#[test]
fn side_labels_name_the_flow_of_summary_tables() {
    let m = meanings(
        TableKind::BudgetIncomeExpenditureSummary,
        Some(2026),
        &[
            (Some("收入"), "收入/预算数"),
            (Some("支出/功能分类"), "支出/功能分类/金额"),
            (Some("支出/支出用途"), "支出/支出用途/金额"),
        ],
    );
    let keys: Vec<&str> = m.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(
        keys,
        ["income", "expenditure_functional", "expenditure_purpose"]
    );
    // 决算 基本支出表: the sides 人员经费 | 公用经费 over 决算数.
    let m = meanings(
        TableKind::GeneralBudgetBasicExpenditure,
        Some(2024),
        &[(Some("人员经费"), "决算数"), (Some("公用经费"), "决算数")],
    );
    let keys: Vec<&str> = m.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(keys, ["personnel", "public_funds"]);
}

#[test]
fn parts_singled_out_are_marked_and_column_numbers_ignored() {
    let m = meanings(
        TableKind::BudgetIncome,
        Some(2026),
        &[
            (None, "合计/1"),
            (None, "事业收入/金额"),
            (None, "事业收入/其中:教育收费"),
        ],
    );
    let got: Vec<(&str, bool)> = m.iter().map(|m| (m.key.as_str(), m.part_of)).collect();
    assert_eq!(
        got,
        [
            ("total", false),
            ("business_income", false),
            ("business_income_education_fees", true)
        ]
    );
}

#[test]
fn an_unknown_header_keeps_its_text_and_is_named() {
    let m = meanings(
        TableKind::BudgetIncome,
        Some(2026),
        &[(None, "其他专户收入拨款")],
    );
    assert_eq!(m[0].key, "其他专户收入拨款");
    assert_eq!(m[0].unknown, ["其他专户收入拨款"]);
}

#[test]
fn rows_naming_a_measure_other_than_the_tables_carry_it() {
    // 西安卫健 决算 p161: 预算数 and 决算数 printed as rows under the 三公 items.
    let mut t = Table {
        number: None,
        title: String::new(),
        kind: TableKind::ThreePublicExpenses,
        entity: None,
        money_unit: None,
        pages: vec![1],
        columns: vec![Column {
            key: "0".into(),
            header: "财政拨款安排的“三公”经费/小计".into(),
            ..Column::default()
        }],
        text_columns: Vec::new(),
        rows: ["预算数", "决算数"]
            .iter()
            .map(|n| Row {
                name: Some(n.to_string()),
                ..Row::default()
            })
            .collect(),
        notes: Vec::new(),
        bboxes: Vec::new(),
    };
    name_table(&mut t, Some(2022), &mut Vec::new());
    assert_eq!(t.columns[0].key, "three_public");
    let measures: Vec<Option<&str>> = t.rows.iter().map(|r| r.measure.as_deref()).collect();
    assert_eq!(measures, [Some("budget"), None]);
}
