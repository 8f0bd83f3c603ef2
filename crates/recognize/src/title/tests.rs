//! Titles as printed by the places of the corpus: read, split and mapped to kinds.
use super::kind::kind_of_title;
use super::shape::{looks_like_title, same_title, split_title};
use crate::table_kind::TableKind;

#[test]
fn titles_map_to_kinds() {
    assert_eq!(
        kind_of_title("财政拨款收入支出决算总表"),
        Some(TableKind::FiscalAppropriationSummary)
    );
    assert_eq!(
        kind_of_title("收入支出决算总表"),
        Some(TableKind::IncomeExpenditureSummary)
    );
    assert_eq!(
        kind_of_title("一般公共预算财政拨款基本支出决算表"),
        Some(TableKind::GeneralBudgetBasicExpenditure)
    );
    assert_eq!(
        kind_of_title("一般公共预算财政拨款支出决算表"),
        Some(TableKind::GeneralBudgetExpenditure)
    );
    assert_eq!(
        kind_of_title("一般公共预算财政拨款“三公”经费支出决算表"),
        Some(TableKind::ThreePublicExpenses)
    );
    assert_eq!(kind_of_title("收 入 决 算 表"), Some(TableKind::Income));
    // Central departments and universities.
    assert_eq!(
        kind_of_title("高等学校收支决算总表"),
        Some(TableKind::IncomeExpenditureSummary)
    );
    assert_eq!(
        kind_of_title("财政拨款收支决算总表"),
        Some(TableKind::FiscalAppropriationSummary)
    );
    assert_eq!(
        kind_of_title("财政拨款支出决算表"),
        Some(TableKind::FiscalAppropriationExpenditure)
    );
    assert_eq!(
        kind_of_title("财政拨款支出决算明细表"),
        Some(TableKind::FiscalAppropriationExpenditure)
    );
    assert_eq!(
        kind_of_title("国有资本经营预算财政拨款支出决算表"),
        Some(TableKind::StateCapital)
    );
    assert_eq!(kind_of_title("支出决算表"), Some(TableKind::Expenditure));
    assert_eq!(kind_of_title("某某情况表"), None);
    // A contents entry or outline heading naming a table is not its title.
    assert!(!looks_like_title("一、收入支出决算总表"));
    assert!(looks_like_title("收入支出决算总表"));
    assert!(looks_like_title("一般公共预算支出表（按功能分类）"));
}

#[test]
fn titles_as_printed() {
    let split = split_title;
    assert_eq!(
        split("表1：2026年市级部门收支预算总表"),
        Some((Some("表1".into()), "2026年市级部门收支预算总表".into()))
    );
    assert_eq!(
        split("表1.2026年市级部门收支预算总表"),
        Some((Some("表1".into()), "2026年市级部门收支预算总表".into()))
    );
    assert_eq!(
        split("二、收入预算总表"),
        Some((None, "收入预算总表".into()))
    );
    assert_eq!(
        split("（七）一般公共预算支出表（按功能分类）"),
        Some((None, "一般公共预算支出表（按功能分类）".into()))
    );
    assert_eq!(split("一、收入支出决算总体情况说明"), None);
    assert_eq!(split("表1"), None);
    assert_eq!(split("公开01表"), None);
    assert!(same_title("收支总表", "收支总表（续）"));
    assert!(!same_title("收支总表", "收入总表"));
    assert!(same_title("2026年度收支预算总表", "收支预算总表"));
    assert!(!same_title("财政拨款收入支出决算总表", "收入支出决算总表"));
}

/// Budget titles as printed by the 16 budgets of the real corpus, each
/// with the kind it names.
#[test]
fn budget_titles_of_every_place_map_to_one_kind() {
    use TableKind::*;
    let cases: &[(&str, TableKind)] = &[
        // 上海 (市级单位, 普陀 部门 and 单位)
        (
            "2026年预算单位财务收支预算总表",
            BudgetIncomeExpenditureSummary,
        ),
        ("2024年部门收入预算总表", BudgetIncome),
        ("2024年部门支出预算总表", BudgetExpenditure),
        (
            "2025年部门财政拨款收支预算总表",
            BudgetFiscalAppropriationSummary,
        ),
        (
            "2024年部门一般公共预算支出功能分类预算表",
            BudgetGeneralExpenditure,
        ),
        (
            "2024年部门政府性基金预算支出功能分类预算表",
            BudgetGovernmentFund,
        ),
        (
            "2024年部门国有资本经营预算支出功能分类预算表",
            BudgetStateCapital,
        ),
        (
            "2024年部门一般公共预算基本支出部门预算经济分类预算表",
            BudgetGeneralBasicExpenditure,
        ),
        (
            "部门“三公”经费和机关运行经费预算表",
            BudgetThreePublicExpenses,
        ),
        // 北京 (listed in its 目录; the tables are a separate file)
        ("政府采购预算明细表", BudgetGovernmentProcurement),
        (
            "财政拨款政府购买服务明细表",
            BudgetGovernmentPurchasedServices,
        ),
        // 广州
        ("收支总体情况表", BudgetIncomeExpenditureSummary),
        ("收入总体情况表", BudgetIncome),
        ("本年支出总体情况表", BudgetExpenditure),
        ("财政拨款收支总体情况表", BudgetFiscalAppropriationSummary),
        (
            "一般公共预算支出情况表（按功能分类科目）",
            BudgetGeneralExpenditure,
        ),
        (
            "一般公共预算基本支出情况表（按经济分类科目）",
            BudgetGeneralBasicExpenditure,
        ),
        (
            "一般公共预算项目支出情况表（按经济分类科目）",
            BudgetGeneralProjectExpenditure,
        ),
        (
            "财政拨款安排的行政经费及“三公”经费预算表",
            BudgetThreePublicExpenses,
        ),
        ("政府性基金预算支出情况表", BudgetGovernmentFund),
        ("国有资本经营预算支出情况表", BudgetStateCapital),
        ("部门预算基本支出预算表", BudgetBasicExpenditure),
        ("部门预算项目支出及其他支出预算表", BudgetProjectExpenditure),
        // 杭州, 湖州
        ("2026年市级部门收支预算总表", BudgetIncomeExpenditureSummary),
        (
            "2026年市级部门一般公共预算支出预算表",
            BudgetGeneralExpenditure,
        ),
        (
            "2026年市级部门一般公共预算基本支出表",
            BudgetGeneralBasicExpenditure,
        ),
        (
            "2026年市级部门一般公共预算“三公”经费预算表",
            BudgetThreePublicExpenses,
        ),
        (
            "2026年市级部门政府性基金预算支出预算表",
            BudgetGovernmentFund,
        ),
        ("2026年市级部门项目支出预算表", BudgetProjectExpenditure),
        // 江苏 2019
        ("收支预算总表", BudgetIncomeExpenditureSummary),
        ("财政拨款支出预算表（功能科目）", BudgetFiscalExpenditure),
        (
            "财政拨款基本支出预算表（经济科目）",
            BudgetFiscalBasicExpenditure,
        ),
        (
            "一般公共预算支出预算表（功能科目）",
            BudgetGeneralExpenditure,
        ),
        (
            "一般公共预算基本支出预算表（经济科目）",
            BudgetGeneralBasicExpenditure,
        ),
        (
            "“三公”经费、会议费、培训费支出预算表",
            BudgetThreePublicExpenses,
        ),
        ("财政拨款政府性基金支出预算表", BudgetGovernmentFund),
        ("政府性基金预算财政拨款支出预算表", BudgetGovernmentFund),
        (
            "一般公共预算机关运行经费支出预算表",
            BudgetOperatingExpenses,
        ),
        ("政府采购支出预算表", BudgetGovernmentProcurement),
        ("2019年政府采购预算表", BudgetGovernmentProcurement),
        // 苏州
        ("收支总表", BudgetIncomeExpenditureSummary),
        (
            "财政拨款基本支出表（经济科目）",
            BudgetFiscalBasicExpenditure,
        ),
        (
            "一般公共预算“三公”经费、会议费、培训费支出表",
            BudgetThreePublicExpenses,
        ),
        ("国有资本经营预算支出预算表", BudgetStateCapital),
        ("政府采购支出表", BudgetGovernmentProcurement),
        // 深圳
        ("基本支出总表", BudgetBasicExpenditure),
        ("项目支出总表", BudgetProjectExpenditure),
        ("一般公共预算支出表（按功能分类）", BudgetGeneralExpenditure),
        (
            "一般公共预算支出表（按经济分类）",
            BudgetGeneralEconomicExpenditure,
        ),
        ("财政拨款“三公”经费支出表", BudgetThreePublicExpenses),
        // 福州
        (
            "2026年度一般公共预算拨款支出预算表",
            BudgetGeneralExpenditure,
        ),
        (
            "2026年度一般公共预算支出经济分类情况表",
            BudgetGeneralEconomicExpenditure,
        ),
        (
            "2026年度一般公共预算基本支出经济分类情况表",
            BudgetGeneralBasicExpenditure,
        ),
        ("2026年度国有资本经营预算拨款支出预算表", BudgetStateCapital),
        // 西安 部门综合预算
        ("2019年部门综合预算收支总表", BudgetIncomeExpenditureSummary),
        (
            "2019年部门综合预算一般公共预算支出明细表（按支出功能分类科目）",
            BudgetGeneralExpenditure,
        ),
        (
            "2019年部门综合预算一般公共预算支出明细表（按支出经济分类科目）",
            BudgetGeneralEconomicExpenditure,
        ),
        (
            "2019年部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）",
            BudgetGeneralBasicFunctionalExpenditure,
        ),
        (
            "2019年部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）",
            BudgetGeneralBasicExpenditure,
        ),
        ("2019年部门综合预算政府性基金收支总表", BudgetGovernmentFund),
        (
            "2019年部门综合预算专项业务经费支出表",
            BudgetProjectExpenditure,
        ),
        (
            "2019年部门综合预算财政拨款结转资金支出表",
            BudgetFiscalCarryoverExpenditure,
        ),
        (
            "2021年部门综合预算财政拨款上年结转资金支出表",
            BudgetFiscalCarryoverExpenditure,
        ),
        // What a table leaves out names no kind (中共西安市委宣传部 2021).
        (
            "2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）",
            BudgetGeneralExpenditure,
        ),
        (
            "2021年部门综合预算一般公共预算支出明细表（按支出经济分类科目-不含上年结转）",
            BudgetGeneralEconomicExpenditure,
        ),
        (
            "2021年部门综合预算一般公共预算基本支出明细表（按支出功能分类科目-不含上年结转）",
            BudgetGeneralBasicFunctionalExpenditure,
        ),
        (
            "2021年部门综合预算一般公共预算基本支出明细表（按支出经济分类科目-不含上年结转）",
            BudgetGeneralBasicExpenditure,
        ),
        (
            "2021年部门综合预算专项业务经费支出表(不含上年结转)",
            BudgetProjectExpenditure,
        ),
        // Central departments and universities: the 预算 twins.
        ("高等学校收支预算总表", BudgetIncomeExpenditureSummary),
        ("收入预算表", BudgetIncome),
        ("支出预算表", BudgetExpenditure),
        ("财政拨款支出预算表", BudgetFiscalExpenditure),
        (
            "2019年部门综合预算政府采购（资产配置、购买服务）预算表",
            BudgetGovernmentProcurement,
        ),
        (
            "2019年部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表",
            BudgetThreePublicExpenses,
        ),
    ];
    for (title, kind) in cases {
        assert_eq!(kind_of_title(title), Some(*kind), "{title}");
    }
    // Part titles are no kind.
    assert_eq!(kind_of_title("2026年度单位预算表"), None);
}

#[test]
fn performance_target_titles_map_to_form_kinds() {
    use TableKind::*;
    let cases: &[(&str, TableKind)] = &[
        ("政策和项目预算绩效目标表", BudgetProjectPerformanceGoals),
        ("部门专项业务经费绩效目标表", BudgetProjectPerformanceGoals),
        (
            "2026年市级部门项目支出绩效表",
            BudgetProjectPerformanceGoals,
        ),
        (
            "广州市生态环境局2026年项目支出绩效目标表（含转移支付项目）",
            BudgetProjectPerformanceGoals,
        ),
        (
            "2022年专项资金总体绩效目标表",
            BudgetProjectPerformanceGoals,
        ),
        (
            "2019年专项资金整体支出绩效目标表",
            BudgetProjectPerformanceGoals,
        ),
        (
            "2025年部门整体支出绩效目标表",
            BudgetDepartmentPerformanceGoals,
        ),
        ("2026年部门整体绩效目标表", BudgetDepartmentPerformanceGoals),
        ("2026年转移支付绩效目标表", BudgetTransferPerformanceGoals),
        (
            "2020年度部门整体支出主要绩效目标完成情况表",
            DepartmentPerformanceGoals,
        ),
        ("项目支出绩效自评表", ProjectPerformanceSelfEvaluation),
        ("会议费明细表", BudgetMeetingExpenses),
        ("培训费明细表", BudgetTrainingExpenses),
    ];
    for (title, kind) in cases {
        assert_eq!(kind_of_title(title), Some(*kind), "{title}");
    }
    assert_eq!(kind_of_title("项目支出绩效评价结果表"), None);
    // A form's title names its project and may be long.
    let long = "提前下达2026年中央财政困难群众救助补助资金（支持困难失能老年人等群体基本养老服务救助方向）项目绩效目标表";
    assert!(looks_like_title(long));
}

#[test]
fn table_numbers_as_places_print_them() {
    use crate::title::shape::printed_table_number as n;
    assert_eq!(n("表3").as_deref(), Some("表3"));
    assert_eq!(n("附表1-2").as_deref(), Some("附表1-2"));
    // 烟台 (iText): "公开表2" over every page; 国家信访局 (Word): "部门公开表8".
    assert_eq!(n("公开表2").as_deref(), Some("表2"));
    assert_eq!(n("部门公开表8").as_deref(), Some("表8"));
    assert_eq!(n("公开09表").as_deref(), Some("表09"));
    // 重庆: "表七", "表十二".
    assert_eq!(n("表七").as_deref(), Some("表7"));
    assert_eq!(n("表十二").as_deref(), Some("表12"));
    assert_eq!(n("表二十").as_deref(), Some("表20"));
    for not_a_number in [
        "收入总体情况表",
        "表",
        "部门预算表",
        "表3收支总表",
        "明细表1",
    ] {
        assert_eq!(n(not_a_number), None, "{not_a_number}");
    }
}
