//! The canonical kinds of the tables a disclosure prints, as one enum: the
//! 部门决算 set, the 部门预算 set and the form-like 绩效 tables. Serialized as
//! the snake_case ids of the output contract (`income_expenditure_summary`,
//! `budget_income`, …). Which title maps to which kind lives in [`crate::title::kind`].
use serde::{Deserialize, Serialize};

use crate::code::Classification;

/// What a table is, by its title.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    // ---- 部门决算 (final accounts) ----
    /// 收入支出决算总表 (表1).
    IncomeExpenditureSummary,
    /// 收入决算表 (表2).
    Income,
    /// 支出决算表 (表3).
    Expenditure,
    /// 财政拨款收入支出决算总表 (表4).
    FiscalAppropriationSummary,
    /// 财政拨款支出决算表 (all appropriations, by 功能分类; central departments and universities).
    FiscalAppropriationExpenditure,
    /// 一般公共预算财政拨款支出决算表 (表5).
    GeneralBudgetExpenditure,
    /// 一般公共预算财政拨款基本支出决算表 (表6).
    GeneralBudgetBasicExpenditure,
    /// 一般公共预算财政拨款“三公”经费支出决算表 (表7).
    ThreePublicExpenses,
    /// 政府性基金预算财政拨款收入支出决算表 (表8).
    GovernmentFund,
    /// 国有资本经营预算财政拨款支出决算表 (表9).
    StateCapital,
    /// 非税收入征缴情况表.
    NonTaxRevenue,
    /// 项目支出绩效自评表 (a form, one per project).
    ProjectPerformanceSelfEvaluation,
    /// 部门整体支出主要绩效目标完成情况表 (a form).
    DepartmentPerformanceGoals,

    // ---- 部门预算 (budgets) ----
    /// 收支总表 (部门收支总表, 收支总体情况表, 财务收支预算总表).
    BudgetIncomeExpenditureSummary,
    /// 收入总表 (部门收入总表, 收入预算表).
    BudgetIncome,
    /// 支出总表 (部门支出总表, 支出预算表).
    BudgetExpenditure,
    /// 财政拨款收支总表.
    BudgetFiscalAppropriationSummary,
    /// 财政拨款支出表 (all appropriations, by 功能分类).
    BudgetFiscalExpenditure,
    /// 财政拨款基本支出表 (all appropriations, by 经济分类).
    BudgetFiscalBasicExpenditure,
    /// 财政拨款结转资金支出表 (spending of appropriations carried over).
    BudgetFiscalCarryoverExpenditure,
    /// 一般公共预算支出表 (by 功能分类).
    BudgetGeneralExpenditure,
    /// 一般公共预算支出表 by 经济分类 (basic and project spending together).
    BudgetGeneralEconomicExpenditure,
    /// 一般公共预算基本支出表 (by 经济分类).
    BudgetGeneralBasicExpenditure,
    /// 一般公共预算基本支出表 by 功能分类.
    BudgetGeneralBasicFunctionalExpenditure,
    /// 一般公共预算项目支出表.
    BudgetGeneralProjectExpenditure,
    /// 财政拨款“三公”经费支出表 (also 行政经费及“三公”经费).
    BudgetThreePublicExpenses,
    /// 政府性基金预算支出表.
    BudgetGovernmentFund,
    /// 国有资本经营预算支出表.
    BudgetStateCapital,
    /// 基本支出预算表 (all funds, by 经济分类).
    BudgetBasicExpenditure,
    /// 项目支出预算表 (all funds, by project).
    BudgetProjectExpenditure,
    /// 政府采购预算表.
    BudgetGovernmentProcurement,
    /// 政府购买服务预算表.
    BudgetGovernmentPurchasedServices,
    /// 机关运行经费 (预算表).
    BudgetOperatingExpenses,
    /// 会议费明细表 (one row per planned meeting).
    BudgetMeetingExpenses,
    /// 培训费明细表 (one row per planned training).
    BudgetTrainingExpenses,
    /// 项目支出绩效目标表 (a form per project, or a list).
    BudgetProjectPerformanceGoals,
    /// 部门整体支出绩效目标表 (a form).
    BudgetDepartmentPerformanceGoals,
    /// 转移支付绩效目标表 (a form per transfer).
    BudgetTransferPerformanceGoals,

    /// A table whose title is not recognised (or that has none).
    #[default]
    Unknown,
}

impl TableKind {
    /// The contract id (`"income_expenditure_summary"`).
    pub fn as_str(self) -> &'static str {
        use TableKind::*;
        match self {
            IncomeExpenditureSummary => "income_expenditure_summary",
            Income => "income",
            Expenditure => "expenditure",
            FiscalAppropriationSummary => "fiscal_appropriation_summary",
            FiscalAppropriationExpenditure => "fiscal_appropriation_expenditure",
            GeneralBudgetExpenditure => "general_budget_expenditure",
            GeneralBudgetBasicExpenditure => "general_budget_basic_expenditure",
            ThreePublicExpenses => "three_public_expenses",
            GovernmentFund => "government_fund",
            StateCapital => "state_capital",
            NonTaxRevenue => "non_tax_revenue",
            ProjectPerformanceSelfEvaluation => "project_performance_self_evaluation",
            DepartmentPerformanceGoals => "department_performance_goals",
            BudgetIncomeExpenditureSummary => "budget_income_expenditure_summary",
            BudgetIncome => "budget_income",
            BudgetExpenditure => "budget_expenditure",
            BudgetFiscalAppropriationSummary => "budget_fiscal_appropriation_summary",
            BudgetFiscalExpenditure => "budget_fiscal_expenditure",
            BudgetFiscalBasicExpenditure => "budget_fiscal_basic_expenditure",
            BudgetFiscalCarryoverExpenditure => "budget_fiscal_carryover_expenditure",
            BudgetGeneralExpenditure => "budget_general_expenditure",
            BudgetGeneralEconomicExpenditure => "budget_general_economic_expenditure",
            BudgetGeneralBasicExpenditure => "budget_general_basic_expenditure",
            BudgetGeneralBasicFunctionalExpenditure => {
                "budget_general_basic_functional_expenditure"
            }
            BudgetGeneralProjectExpenditure => "budget_general_project_expenditure",
            BudgetThreePublicExpenses => "budget_three_public_expenses",
            BudgetGovernmentFund => "budget_government_fund",
            BudgetStateCapital => "budget_state_capital",
            BudgetBasicExpenditure => "budget_basic_expenditure",
            BudgetProjectExpenditure => "budget_project_expenditure",
            BudgetGovernmentProcurement => "budget_government_procurement",
            BudgetGovernmentPurchasedServices => "budget_government_purchased_services",
            BudgetOperatingExpenses => "budget_operating_expenses",
            BudgetMeetingExpenses => "budget_meeting_expenses",
            BudgetTrainingExpenses => "budget_training_expenses",
            BudgetProjectPerformanceGoals => "budget_project_performance_goals",
            BudgetDepartmentPerformanceGoals => "budget_department_performance_goals",
            BudgetTransferPerformanceGoals => "budget_transfer_performance_goals",
            Unknown => "unknown",
        }
    }

    /// Every kind, in the order above (the printed order of each set).
    pub const ALL: [TableKind; 39] = {
        use TableKind::*;
        [
            IncomeExpenditureSummary,
            Income,
            Expenditure,
            FiscalAppropriationSummary,
            FiscalAppropriationExpenditure,
            GeneralBudgetExpenditure,
            GeneralBudgetBasicExpenditure,
            ThreePublicExpenses,
            GovernmentFund,
            StateCapital,
            NonTaxRevenue,
            ProjectPerformanceSelfEvaluation,
            DepartmentPerformanceGoals,
            BudgetIncomeExpenditureSummary,
            BudgetIncome,
            BudgetExpenditure,
            BudgetFiscalAppropriationSummary,
            BudgetFiscalExpenditure,
            BudgetFiscalBasicExpenditure,
            BudgetFiscalCarryoverExpenditure,
            BudgetGeneralExpenditure,
            BudgetGeneralEconomicExpenditure,
            BudgetGeneralBasicExpenditure,
            BudgetGeneralBasicFunctionalExpenditure,
            BudgetGeneralProjectExpenditure,
            BudgetThreePublicExpenses,
            BudgetGovernmentFund,
            BudgetStateCapital,
            BudgetBasicExpenditure,
            BudgetProjectExpenditure,
            BudgetGovernmentProcurement,
            BudgetGovernmentPurchasedServices,
            BudgetOperatingExpenses,
            BudgetMeetingExpenses,
            BudgetTrainingExpenses,
            BudgetProjectPerformanceGoals,
            BudgetDepartmentPerformanceGoals,
            BudgetTransferPerformanceGoals,
            Unknown,
        ]
    };

    /// Whether tables of this kind are forms (read field by field, not as a grid of figures).
    pub fn is_form(self) -> bool {
        use TableKind::*;
        matches!(
            self,
            ProjectPerformanceSelfEvaluation
                | DepartmentPerformanceGoals
                | BudgetProjectPerformanceGoals
                | BudgetDepartmentPerformanceGoals
                | BudgetTransferPerformanceGoals
        )
    }

    /// Whether this is a 部门预算 kind.
    pub fn is_budget(self) -> bool {
        self.as_str().starts_with("budget_")
    }

    /// Summary tables: two sides (收入 | 支出) that end in the same 总计.
    pub fn is_summary(self) -> bool {
        use TableKind::*;
        matches!(
            self,
            IncomeExpenditureSummary
                | FiscalAppropriationSummary
                | BudgetIncomeExpenditureSummary
                | BudgetFiscalAppropriationSummary
        )
    }

    /// The 三公 table, of a 决算 or a 预算.
    pub fn is_three_public(self) -> bool {
        matches!(
            self,
            TableKind::ThreePublicExpenses | TableKind::BudgetThreePublicExpenses
        )
    }

    /// The classification of the codes a table of this kind prints when its
    /// header does not say (功能分类 for expenditure by function, 经济分类 for
    /// basic expenditure by economic category).
    pub fn default_classification(self) -> Option<Classification> {
        use TableKind::*;
        match self {
            GeneralBudgetBasicExpenditure | BudgetGeneralBasicExpenditure => {
                Some(Classification::Economic)
            }
            Income
            | Expenditure
            | FiscalAppropriationExpenditure
            | GeneralBudgetExpenditure
            | GovernmentFund
            | StateCapital => Some(Classification::Functional),
            _ => None,
        }
    }

    /// The group labels of a two-sided table of this kind (left side, right side).
    pub fn side_labels(self) -> Option<(&'static str, &'static str)> {
        match self {
            TableKind::GeneralBudgetBasicExpenditure => Some(("人员经费", "公用经费")),
            k if k.is_summary() => Some(("收入", "支出")),
            _ => None,
        }
    }
}

impl std::fmt::Display for TableKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for TableKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TableKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown table kind {s:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_serde_and_from_str() {
        for k in TableKind::ALL {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
            assert_eq!(serde_json::from_str::<TableKind>(&json).unwrap(), k);
            assert_eq!(k.as_str().parse::<TableKind>().unwrap(), k);
        }
        let ids: std::collections::HashSet<_> = TableKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(ids.len(), TableKind::ALL.len());
    }

    /// The schema enumerates every kind a grid table can have (forms have schemas of their own).
    #[test]
    fn schema_lists_every_grid_kind() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../schema/output.schema.json"
        );
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let listed: Vec<&str> = schema["$defs"]["table"]["properties"]["kind"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let grid: Vec<&str> = TableKind::ALL
            .iter()
            .filter(|k| !k.is_form())
            .map(|k| k.as_str())
            .collect();
        assert_eq!(listed, grid);
    }

    #[test]
    fn families() {
        assert!(TableKind::BudgetProjectPerformanceGoals.is_form());
        assert!(!TableKind::Income.is_form());
        assert!(TableKind::BudgetIncome.is_budget());
        assert!(!TableKind::Income.is_budget());
        assert!(TableKind::FiscalAppropriationSummary.is_summary());
        assert_eq!(
            TableKind::GeneralBudgetBasicExpenditure.side_labels(),
            Some(("人员经费", "公用经费"))
        );
    }
}
