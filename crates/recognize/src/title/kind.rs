//! A title → its table kind: the canonical `kind` ids of the output contract,
//! from the words each place prints (决算 and 预算 sets, 绩效 forms).
use crate::table_kind::TableKind;
use crate::text::compact;

/// (pattern parts that must all occur in the compact title, kind). Order matters:
/// more specific titles first ("财政拨款收入支出决算总表" before "收入支出决算总表").
const FINAL_ACCOUNTS: &[(&[&str], TableKind)] = &[
    (
        &["财政拨款收入支出决算总表"],
        TableKind::FiscalAppropriationSummary,
    ),
    (
        &["财政拨款收支决算总表"],
        TableKind::FiscalAppropriationSummary,
    ),
    (&["收入支出决算总表"], TableKind::IncomeExpenditureSummary),
    // Central departments and universities: "高等学校收支决算总表".
    (&["收支决算总表"], TableKind::IncomeExpenditureSummary),
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
    // All appropriations by function (central departments print it besides
    // or instead of the 一般公共预算 one); after the fund-specific titles above,
    // which contain the same words.
    (
        &["财政拨款支出决算"],
        TableKind::FiscalAppropriationExpenditure,
    ),
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

/// Words that open a qualifier saying what a table leaves out.
const EXCLUSION_WORDS: &[&str] = &["不含", "不包括", "不包含"];

/// The title without the qualifiers that say what the table leaves out: from
/// 不含/不包括 to the end of its bracket (or of the title), with the dash or
/// comma before it. "…明细表（按支出经济分类科目-不含上年结转）" reports spending
/// by economic category, not the carryover it excludes: "结转" must not name
/// its kind.
fn without_exclusions(compact: &str) -> String {
    let mut out = compact.to_string();
    while let Some(start) = EXCLUSION_WORDS.iter().filter_map(|w| out.find(w)).min() {
        let end = out[start..]
            .find(['）', ')'])
            .map_or(out.len(), |i| start + i);
        let start = out[..start]
            .strip_suffix(['-', '－', '—', '，', ','])
            .map_or(start, str::len);
        out.replace_range(start..end, "");
    }
    out
}

/// The budget's performance-target forms and lists, by the words their
/// titles print (a new place's wording is an entry here):
/// 部门整体支出绩效目标表 / 部门整体绩效目标表 (department-wide), a transfer's
/// 转移支付…绩效目标表, and every project's or fund's …绩效目标表 /
/// 项目支出绩效表 / 绩效目标申报表.
const PERFORMANCE_TARGET_TITLES: &[(&[&str], &[&str], TableKind)] = &[
    // (all of, none of, kind); the first that fits.
    (
        &["整体", "绩效"],
        &["专项", "项目"],
        TableKind::BudgetDepartmentPerformanceGoals,
    ),
    (
        &["转移支付", "绩效目标"],
        &["项目"],
        TableKind::BudgetTransferPerformanceGoals,
    ),
    (
        &["绩效目标"],
        &["决算"],
        TableKind::BudgetProjectPerformanceGoals,
    ),
    (
        &["项目", "绩效表"],
        &["决算"],
        TableKind::BudgetProjectPerformanceGoals,
    ),
];

fn performance_target_kind(t: &str) -> Option<TableKind> {
    PERFORMANCE_TARGET_TITLES
        .iter()
        .find(|(all, none, _)| {
            all.iter().all(|w| t.contains(w)) && !none.iter().any(|w| t.contains(w))
        })
        .map(|(_, _, k)| *k)
}

/// Itemized expense lists of a budget: 会议费明细表, 培训费明细表.
fn itemized_expenses_kind(t: &str) -> Option<TableKind> {
    if !t.contains("明细") {
        return None;
    }
    if t.contains("会议费") {
        Some(TableKind::BudgetMeetingExpenses)
    } else if t.contains("培训费") {
        Some(TableKind::BudgetTrainingExpenses)
    } else {
        None
    }
}

/// The canonical kind of a table title, or `None` when not recognised.
pub fn kind_of_title(title: &str) -> Option<TableKind> {
    let t = without_exclusions(&compact(title));
    if t.contains("绩效自评表") {
        Some(TableKind::ProjectPerformanceSelfEvaluation)
    } else if t.contains("整体支出") && t.contains("绩效目标") && t.contains("完成情况")
    {
        Some(TableKind::DepartmentPerformanceGoals)
    } else if let Some(kind) = performance_target_kind(&t) {
        Some(kind)
    } else if t.contains("决算") {
        FINAL_ACCOUNTS
            .iter()
            .find(|(parts, _)| parts.iter().all(|p| t.contains(p)))
            .map(|(_, k)| *k)
    } else if t.contains("非税收入征缴") {
        Some(TableKind::NonTaxRevenue)
    } else if t.contains("绩效") {
        // A 绩效 title that names no target form (绩效评价结果表 …).
        None
    } else if let Some(kind) = itemized_expenses_kind(&t) {
        Some(kind)
    } else {
        budget_kind(&t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclusions_are_cut_to_the_bracket() {
        assert_eq!(
            without_exclusions("支出明细表（按经济分类科目-不含上年结转）"),
            "支出明细表（按经济分类科目）"
        );
        assert_eq!(
            without_exclusions("专项业务经费支出表(不含上年结转)"),
            "专项业务经费支出表()"
        );
        assert_eq!(without_exclusions("支出表，不包括结转"), "支出表");
        assert_eq!(without_exclusions("结转资金支出表"), "结转资金支出表");
    }
}
