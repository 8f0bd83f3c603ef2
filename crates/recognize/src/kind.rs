//! Table identification by title: the canonical `kind` ids of the output contract.
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

/// The 部门预算 set, named after the 决算 kinds they mirror.
const BUDGET: &[(&[&str], TableKind)] = &[
    (
        &["财政拨款收支", "总表"],
        TableKind::BudgetFiscalAppropriationSummary,
    ),
    (&["收支", "总表"], TableKind::BudgetIncomeExpenditureSummary),
    (&["三公"], TableKind::BudgetThreePublicExpenses),
    (
        &["一般公共预算", "基本支出"],
        TableKind::BudgetGeneralBasicExpenditure,
    ),
    (
        &["一般公共预算", "支出"],
        TableKind::BudgetGeneralExpenditure,
    ),
    (&["政府性基金", "支出"], TableKind::BudgetGovernmentFund),
    (&["国有资本经营预算", "支出"], TableKind::BudgetStateCapital),
    (&["收入", "总表"], TableKind::BudgetIncome),
    (&["收入预算表"], TableKind::BudgetIncome),
    (&["支出", "总表"], TableKind::BudgetExpenditure),
    (&["支出预算表"], TableKind::BudgetExpenditure),
];

/// The canonical kind of a table title, or `None` when not recognised.
pub fn kind_of_title(title: &str) -> Option<TableKind> {
    let t = compact(title);
    let find = |set: &[(&[&str], TableKind)]| {
        set.iter()
            .find(|(parts, _)| parts.iter().all(|p| t.contains(p)))
            .map(|(_, k)| *k)
    };
    if t.contains("绩效自评表") {
        Some(TableKind::ProjectPerformanceSelfEvaluation)
    } else if t.contains("整体支出") && t.contains("绩效目标") {
        Some(TableKind::DepartmentPerformanceGoals)
    } else if t.contains("决算") {
        find(FINAL_ACCOUNTS)
    } else if t.contains("非税收入征缴") {
        Some(TableKind::NonTaxRevenue)
    } else if t.contains("预算") || t.contains("总表") {
        find(BUDGET)
    } else {
        None
    }
}

/// Whether a line reads as a table title: short, ends with 表, not a sentence
/// or a table-of-contents entry.
pub fn looks_like_title(compact: &str) -> bool {
    let n = compact.chars().count();
    (4..=48).contains(&n)
        && compact.ends_with('表')
        && !compact.contains('。')
        && !compact.contains("…")
        && !compact.contains("...")
        && !compact.starts_with('注')
        && !compact.contains(['，', '；', ';', '《'])
        && crate::narrative::numbering_level(compact).is_none()
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
        assert_eq!(
            kind_of_title("部门收支总表"),
            Some(TableKind::BudgetIncomeExpenditureSummary)
        );
        assert_eq!(kind_of_title("某某情况表"), None);
        // A contents entry or outline heading naming a table is not its title.
        assert!(!looks_like_title("一、收入支出决算总表"));
        assert!(looks_like_title("收入支出决算总表"));
    }
}
