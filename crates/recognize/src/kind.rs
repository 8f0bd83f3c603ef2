//! Table identification by title: the canonical `kind` ids of the output contract.
use crate::text::compact;

/// (pattern parts that must all occur in the compact title, kind). Order matters:
/// more specific titles first ("财政拨款收入支出决算总表" before "收入支出决算总表").
const FINAL_ACCOUNTS: &[(&[&str], &str)] = &[
    (
        &["财政拨款收入支出决算总表"],
        "fiscal_appropriation_summary",
    ),
    (&["收入支出决算总表"], "income_expenditure_summary"),
    (
        &["一般公共预算财政拨款基本支出决算表"],
        "general_budget_basic_expenditure",
    ),
    (&["三公", "决算"], "three_public_expenses"),
    (
        &["一般公共预算财政拨款支出决算表"],
        "general_budget_expenditure",
    ),
    (&["政府性基金", "决算"], "government_fund"),
    (&["国有资本经营预算", "决算"], "state_capital"),
    (&["非税收入征缴"], "non_tax_revenue"),
    (&["收入决算表"], "income"),
    (&["支出决算表"], "expenditure"),
];

/// The 部门预算 set, named after the 决算 kinds they mirror.
const BUDGET: &[(&[&str], &str)] = &[
    (
        &["财政拨款收支", "总表"],
        "budget_fiscal_appropriation_summary",
    ),
    (&["收支", "总表"], "budget_income_expenditure_summary"),
    (&["三公"], "budget_three_public_expenses"),
    (
        &["一般公共预算", "基本支出"],
        "budget_general_basic_expenditure",
    ),
    (&["一般公共预算", "支出"], "budget_general_expenditure"),
    (&["政府性基金", "支出"], "budget_government_fund"),
    (&["国有资本经营预算", "支出"], "budget_state_capital"),
    (&["收入", "总表"], "budget_income"),
    (&["收入预算表"], "budget_income"),
    (&["支出", "总表"], "budget_expenditure"),
    (&["支出预算表"], "budget_expenditure"),
];

/// The canonical kind of a table title, or `None` when not recognised.
pub fn kind_of_title(title: &str) -> Option<&'static str> {
    let t = compact(title);
    let find = |set: &[(&[&str], &'static str)]| {
        set.iter()
            .find(|(parts, _)| parts.iter().all(|p| t.contains(p)))
            .map(|(_, k)| *k)
    };
    if t.contains("绩效自评表") {
        Some("project_performance_self_evaluation")
    } else if t.contains("整体支出") && t.contains("绩效目标") {
        Some("department_performance_goals")
    } else if t.contains("决算") {
        find(FINAL_ACCOUNTS)
    } else if t.contains("非税收入征缴") {
        Some("non_tax_revenue")
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
            Some("fiscal_appropriation_summary")
        );
        assert_eq!(
            kind_of_title("收入支出决算总表"),
            Some("income_expenditure_summary")
        );
        assert_eq!(
            kind_of_title("一般公共预算财政拨款基本支出决算表"),
            Some("general_budget_basic_expenditure")
        );
        assert_eq!(
            kind_of_title("一般公共预算财政拨款支出决算表"),
            Some("general_budget_expenditure")
        );
        assert_eq!(
            kind_of_title("一般公共预算财政拨款“三公”经费支出决算表"),
            Some("three_public_expenses")
        );
        assert_eq!(kind_of_title("收 入 决 算 表"), Some("income"));
        assert_eq!(
            kind_of_title("部门收支总表"),
            Some("budget_income_expenditure_summary")
        );
        assert_eq!(kind_of_title("某某情况表"), None);
        // A contents entry or outline heading naming a table is not its title.
        assert!(!looks_like_title("一、收入支出决算总表"));
        assert!(looks_like_title("收入支出决算总表"));
    }
}
