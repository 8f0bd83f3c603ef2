//! Table identification by title: the canonical `kind` ids of the output contract.
use std::sync::OnceLock;

use regex::Regex;

use crate::table_kind::TableKind;
use crate::text::compact;

/// (pattern parts that must all occur in the compact title, kind). Order matters:
/// more specific titles first ("财政拨款收入支出决算总表" before "收入支出决算总表").
const FINAL_ACCOUNTS: &[(&[&str], TableKind)] = &[
    (
        &["财政拨款收入支出决算总表"],
        TableKind::FiscalAppropriationSummary,
    ),
    (&["收入支出决算总表"], TableKind::IncomeExpenditureSummary),
    (
        &["一般公共预算财政拨款基本支出决算表"],
        TableKind::GeneralBudgetBasicExpenditure,
    ),
    (&["三公", "决算"], TableKind::ThreePublicExpenses),
    (
        &["一般公共预算财政拨款支出决算表"],
        TableKind::GeneralBudgetExpenditure,
    ),
    (&["政府性基金", "决算"], TableKind::GovernmentFund),
    (&["国有资本经营预算", "决算"], TableKind::StateCapital),
    (&["非税收入征缴"], TableKind::NonTaxRevenue),
    (&["收入决算表"], TableKind::Income),
    (&["支出决算表"], TableKind::Expenditure),
];

/// A budget title rule: every word of `all`, at least one of `any` (when not
/// empty) and none of `none` occur in the compact title.
struct Rule {
    all: &'static [&'static str],
    any: &'static [&'static str],
    none: &'static [&'static str],
    kind: TableKind,
}

const fn rule(all: &'static [&'static str], kind: TableKind) -> Rule {
    Rule {
        all,
        any: &[],
        none: &[],
        kind,
    }
}

/// Words that say a table is by 经济分类 (economic classification).
const ECONOMIC: &[&str] = &["经济分类", "经济科目"];
/// Words that say a table is by 功能分类 (functional classification).
const FUNCTIONAL: &[&str] = &["功能分类", "功能科目"];

/// The 部门预算 set, as the places print it (上海 "财务收支预算总表", 广州
/// "收支总体情况表", 深圳 "收支总表", 江苏 "财政拨款支出预算表（功能科目）",
/// 西安 "部门综合预算…明细表（按支出经济分类科目）" …). Order matters: the
/// subject of a title first (三公, 政府采购, 政府性基金 …), then the fund
/// (财政拨款, 一般公共预算) with its classification, then the plain totals.
const BUDGET: &[Rule] = &[
    rule(&["三公"], TableKind::BudgetThreePublicExpenses),
    rule(&["机关运行经费"], TableKind::BudgetOperatingExpenses),
    rule(&["政府采购"], TableKind::BudgetGovernmentProcurement),
    rule(&["购买服务"], TableKind::BudgetGovernmentPurchasedServices),
    rule(&["政府性基金"], TableKind::BudgetGovernmentFund),
    rule(&["国有资本经营"], TableKind::BudgetStateCapital),
    rule(
        &["结转", "支出"],
        TableKind::BudgetFiscalCarryoverExpenditure,
    ),
    rule(
        &["财政拨款收支"],
        TableKind::BudgetFiscalAppropriationSummary,
    ),
    Rule {
        all: &["财政拨款", "基本支出"],
        any: &[],
        none: &["一般公共预算"],
        kind: TableKind::BudgetFiscalBasicExpenditure,
    },
    Rule {
        all: &["财政拨款支出"],
        any: &[],
        none: &["一般公共预算"],
        kind: TableKind::BudgetFiscalExpenditure,
    },
    rule(
        &["一般公共预算", "项目支出"],
        TableKind::BudgetGeneralProjectExpenditure,
    ),
    Rule {
        all: &["一般公共预算", "基本支出"],
        any: FUNCTIONAL,
        none: &[],
        kind: TableKind::BudgetGeneralBasicFunctionalExpenditure,
    },
    rule(
        &["一般公共预算", "基本支出"],
        TableKind::BudgetGeneralBasicExpenditure,
    ),
    Rule {
        all: &["一般公共预算", "支出"],
        any: ECONOMIC,
        none: &[],
        kind: TableKind::BudgetGeneralEconomicExpenditure,
    },
    rule(
        &["一般公共预算", "支出"],
        TableKind::BudgetGeneralExpenditure,
    ),
    rule(&["基本支出"], TableKind::BudgetBasicExpenditure),
    rule(&["项目支出"], TableKind::BudgetProjectExpenditure),
    rule(&["专项业务经费"], TableKind::BudgetProjectExpenditure),
    rule(&["收支"], TableKind::BudgetIncomeExpenditureSummary),
    rule(&["收入"], TableKind::BudgetIncome),
    rule(&["支出"], TableKind::BudgetExpenditure),
];

fn budget_kind(t: &str) -> Option<TableKind> {
    BUDGET
        .iter()
        .find(|r| {
            r.all.iter().all(|w| t.contains(w))
                && (r.any.is_empty() || r.any.iter().any(|w| t.contains(w)))
                && !r.none.iter().any(|w| t.contains(w))
        })
        .map(|r| r.kind)
}

/// The canonical kind of a table title, or `None` when not recognised.
pub fn kind_of_title(title: &str) -> Option<TableKind> {
    let t = compact(title);
    if t.contains("绩效自评表") {
        Some(TableKind::ProjectPerformanceSelfEvaluation)
    } else if t.contains("整体支出") && t.contains("绩效目标") {
        Some(TableKind::DepartmentPerformanceGoals)
    } else if t.contains("决算") {
        FINAL_ACCOUNTS
            .iter()
            .find(|(parts, _)| parts.iter().all(|p| t.contains(p)))
            .map(|(_, k)| *k)
    } else if t.contains("非税收入征缴") {
        Some(TableKind::NonTaxRevenue)
    } else if t.contains("绩效") {
        // 绩效目标表 of budgets are forms, read elsewhere.
        None
    } else {
        budget_kind(&t)
    }
}

/// Whether a line reads as a table title: short, ends with 表 (or 表 and a
/// bracketed qualifier: "…支出表（按功能分类）"), not a sentence or a
/// table-of-contents entry, not numbered like a heading.
pub fn looks_like_title(compact: &str) -> bool {
    crate::numbering::numbering_level(compact).is_none() && reads_as_title(compact)
}

fn reads_as_title(compact: &str) -> bool {
    let n = compact.chars().count();
    (4..=48).contains(&n)
        && ends_like_table(compact)
        && !is_form_code(compact)
        && !compact.contains('。')
        && !compact.contains("…")
        && !compact.contains("...")
        && !compact.starts_with('注')
        && !compact.contains(['，', '；', ';', '《'])
}

/// A form code printed beside a title ("公开01表", "财决01表"), not a title.
fn is_form_code(compact: &str) -> bool {
    compact
        .strip_suffix('表')
        .is_some_and(|s| s.ends_with(|c: char| c.is_ascii_digit()))
}

/// A name that ends like a table title: "…表", "…表（按功能分类）", "…表(续)".
pub fn ends_like_table(name: &str) -> bool {
    let core = match name.strip_suffix(['）', ')']) {
        Some(s) => s.rsplit_once(['（', '(']).map_or(s, |(head, _)| head),
        None => name,
    };
    core.ends_with('表')
}

fn table_number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(附?表\d+(?:[-－]\d+)?)[.．:：、]?").unwrap())
}

/// A printed title split into its table number ("表1", "表01") and the title
/// itself, numbering ("二、", "（七）", "1.") and separators removed:
/// "表1：2026年部门收支总表" → (Some("表1"), "2026年部门收支总表"),
/// "（七）一般公共预算支出表（按功能分类）" → (None, "一般公共预算支出表（按功能分类）").
/// `None` when the text does not read as a title.
pub fn split_title(compact: &str) -> Option<(Option<String>, String)> {
    let (number, rest) = match table_number_re().captures(compact) {
        Some(c) => (Some(c[1].to_string()), &compact[c[0].len()..]),
        None => (None, compact),
    };
    let rest = crate::numbering::split_numbering(rest).map_or(rest, |(_, r)| r);
    let rest = rest.trim_start_matches(['.', '．', ':', '：', '、']);
    reads_as_title(rest).then(|| (number, rest.to_string()))
}

/// Words that name what a table reports. A "…部门预算表" without any is the
/// name of the set of tables (a part heading), not of one table.
const TABLE_SUBJECTS: &[&str] = &[
    "收入",
    "支出",
    "收支",
    "经费",
    "采购",
    "绩效",
    "基金",
    "资本",
    "拨款",
    "资产",
    "购买服务",
    "项目",
    "人员",
];

/// Whether a title says what its table reports (see [`TABLE_SUBJECTS`]).
pub fn names_what_is_reported(title: &str) -> bool {
    TABLE_SUBJECTS.iter().any(|w| title.contains(w))
}

/// Whether two titles name the same table, for telling a repeated title (a
/// continuation page) from a new table: no "（续）"/"续表" marker, quotes
/// aside, and the longer may add the entity and year in front — nothing that
/// says what is reported ("2026年收支总表" is "收支总表"; "财政拨款收入支出决算总表"
/// is not "收入支出决算总表").
pub fn same_title(a: &str, b: &str) -> bool {
    let core = |t: &str| {
        compact(t)
            .replace("（续）", "")
            .replace("(续)", "")
            .replace("续表", "")
            .replace(['“', '”', '"', '‘', '’'], "")
    };
    let (a, b) = (core(a), core(b));
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    !short.is_empty()
        && long
            .strip_suffix(short.as_str())
            .is_some_and(|prefix| !names_what_is_reported(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // Part titles and 绩效 forms are not grid kinds of the budget set.
        assert_eq!(kind_of_title("2026年度单位预算表"), None);
        assert_eq!(kind_of_title("2026年市级部门项目支出绩效表"), None);
    }
}
