//! Every rule a check can carry, in one registry: its id (what the output's
//! `rule` says) and what it holds a document to. The README's list of rules
//! and the runner's lists of rules skipped together come from here, so a rule
//! reported is a rule that exists.
use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! rules {
    ($($(#[doc = $doc:literal])+ $variant:ident = $id:literal,)+) => {
        /// A rule a check applies (see the module docs).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl Rule {
            /// Every rule, in the order the README lists them.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)+];

            /// The rule's id, as the output names it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Rule::$variant => $id,)+
                }
            }

            /// What the rule holds the document to.
            pub fn describe(self) -> &'static str {
                match self {
                    $(Rule::$variant => concat!($($doc),+).trim_ascii_start(),)+
                }
            }
        }
    };
}

rules! {
    /// The document is a department's disclosure (a 决算草案报告, a 通报, a template are not, and are not checked as one).
    DocumentKind = "document_kind",
    /// 类 = Σ 款 = Σ 项, per column and side; a code whose parent row is not printed counts in its nearest printed ancestor.
    HierarchySum = "hierarchy_sum",
    /// A table's (or side's) total row = Σ its 类 rows; a summary's 本年…合计 = Σ its numbered items, and its 总计 = 本年…合计 + the balances.
    TotalRow = "total_row",
    /// A 合计 / 小计 column = Σ its component columns ("其中：…" columns single out a part and are no component).
    RowTotal = "row_total",
    /// Both sides of a summary table end in the same total (a budget summary's 收入 side against each of its 支出 sides).
    SidesBalance = "sides_balance",
    /// A 绩效 form's funds total = the sources printed with it; a department's tasks = 金额合计.
    FormFundsSum = "form_funds_sum",
    /// A project named once in a 项目支出 table and once in a form states the same amount, in the form's unit.
    FormProjectAmount = "form_project_amount",
    /// A 绩效自评表's 预算完成率 = 完成数 / 预算数.
    CompletionRate = "completion_rate",
    /// 表1 本年收入合计 = 收入决算表 合计.
    SummaryIncomeEqualsIncomeTable = "summary_income_equals_income_table",
    /// 表1 本年支出合计 = 支出决算表 合计.
    SummaryExpenditureEqualsExpenditureTable = "summary_expenditure_equals_expenditure_table",
    /// 表1 收入's 财政拨款 items = 表4 收入's.
    SummaryAppropriationsEqualFiscalSummary = "summary_appropriations_equal_fiscal_summary",
    /// 表4 本年支出合计 [一般公共预算财政拨款] = 一般公共预算财政拨款支出决算表 合计.
    FiscalGeneralEqualsGeneralTable = "fiscal_general_equals_general_table",
    /// 表4 本年支出合计 [政府性基金预算财政拨款] = 政府性基金预算财政拨款收入支出决算表 合计.
    FiscalFundEqualsFundTable = "fiscal_fund_equals_fund_table",
    /// 表4 本年支出合计 [国有资本经营预算财政拨款] = 国有资本经营预算财政拨款支出决算表 合计.
    FiscalCapitalEqualsCapitalTable = "fiscal_capital_equals_capital_table",
    /// 表4 支出 by 类 [一般公共预算财政拨款] = 一般公共预算财政拨款支出决算表's 类 rows.
    FiscalFunctionsEqualGeneralTable = "fiscal_functions_equal_general_table",
    /// 一般公共预算财政拨款支出决算表 合计 [基本支出] = 基本支出决算表 人员经费 + 公用经费.
    GeneralBasicEqualsBasicTable = "general_basic_equals_basic_table",
    /// 收支总表 收入总计 = 收入总表 合计.
    BudgetSummaryIncomeEqualsIncomeTable = "budget_summary_income_equals_income_table",
    /// 收支总表 本年支出合计 (else 支出总计) = 支出总表 合计.
    BudgetSummaryExpenditureEqualsExpenditureTable = "budget_summary_expenditure_equals_expenditure_table",
    /// 财政拨款收支总表 一般公共预算 (its 支出总计 column, or its 收入 item) = 一般公共预算支出表 合计.
    BudgetFiscalGeneralEqualsGeneralTable = "budget_fiscal_general_equals_general_table",
    /// 财政拨款收支总表 政府性基金预算 = 政府性基金预算支出表 合计.
    BudgetFiscalFundEqualsFundTable = "budget_fiscal_fund_equals_fund_table",
    /// 一般公共预算支出表 合计 [基本支出] = 一般公共预算基本支出表 合计.
    BudgetGeneralBasicEqualsBasicTable = "budget_general_basic_equals_basic_table",
    /// Every standard table of the document's kind is printed (the nine of a 决算, the eight every 预算 publishes); undetermined while an untitled table of figures may be the missing one; skipped for a file of tables alone.
    TableSet = "table_set",
    /// No kind of table is printed again elsewhere (a continuation is not a second printing).
    TableDuplicate = "table_duplicate",
    /// An empty 基金 / 国资 / 三公 table says it has no data: a note under it, its 目录 entry marked 空表, or a sentence of the text (quoted).
    EmptyTableNote = "empty_table_note",
    /// Every table the 目录 lists is printed (by title, number or kind), unless it marks the table 空表.
    ContentsTables = "contents_tables",
    /// The tables are printed in the 目录's order.
    TableOrder = "table_order",
    /// The 收入支出总计 / 总收入 the text states = the summary table's 总计 (收入 side).
    NarrativeTotalIncome = "narrative_total_income",
    /// The 总支出 the text states = the summary table's 总计 (支出 side).
    NarrativeTotalExpenditure = "narrative_total_expenditure",
    /// The 本年收入(合计) the text states = the summary table's.
    NarrativeCurrentIncome = "narrative_current_income",
    /// The 本年支出(合计) the text states = the summary table's.
    NarrativeCurrentExpenditure = "narrative_current_expenditure",
    /// The 财政拨款收入支出总计 the text states = 表4's 总计.
    NarrativeFiscalTotal = "narrative_fiscal_total",
    /// The 财政拨款收入合计 the text states = 表4's 本年收入合计.
    NarrativeFiscalIncome = "narrative_fiscal_income",
    /// The 财政拨款支出合计 the text states = 表4's 本年支出合计.
    NarrativeFiscalExpenditure = "narrative_fiscal_expenditure",
    /// The 一般公共预算财政拨款收入 the text states = the summary table's item.
    NarrativeGeneralBudgetIncome = "narrative_general_budget_income",
    /// The 政府性基金预算财政拨款收入 the text states = the summary table's item.
    NarrativeGovernmentFundIncome = "narrative_government_fund_income",
    /// The 国有资本经营预算财政拨款收入 the text states = the summary table's item.
    NarrativeStateCapitalIncome = "narrative_state_capital_income",
    /// The 一般公共预算财政拨款支出 the text states = its table's 合计.
    NarrativeGeneralBudgetExpenditure = "narrative_general_budget_expenditure",
    /// The 基本支出 the text states = the 支出决算表's.
    NarrativeBasicExpenditure = "narrative_basic_expenditure",
    /// The 项目支出 the text states = the 支出决算表's.
    NarrativeProjectExpenditure = "narrative_project_expenditure",
    /// The 一般公共预算 基本支出 the text states = its tables'.
    NarrativeGeneralBudgetBasicExpenditure = "narrative_general_budget_basic_expenditure",
    /// The 一般公共预算 项目支出 the text states = its table's.
    NarrativeGeneralBudgetProjectExpenditure = "narrative_general_budget_project_expenditure",
    /// The 人员经费 the text states = the basic expenditure table's 人员经费合计.
    NarrativePersonnelExpenses = "narrative_personnel_expenses",
    /// The 公用经费 the text states = the basic expenditure table's 公用经费合计.
    NarrativePublicExpenses = "narrative_public_expenses",
    /// The 非税收入合计 the text states = the 非税收入 table's.
    NarrativeNonTaxRevenue = "narrative_non_tax_revenue",
    /// The 非税收入 纳入预算管理 the text states = the table's.
    NarrativeNonTaxInBudget = "narrative_non_tax_in_budget",
    /// The 非税收入 纳入财政专户管理 the text states = the table's.
    NarrativeNonTaxInSpecialAccount = "narrative_non_tax_in_special_account",
    /// A stated figure agrees with its table's only at another scale (元 against 万元).
    NarrativeUnit = "narrative_unit",
    /// The 三公 total 预算 the text states = the 三公 table's.
    NarrativeThreePublicTotalBudget = "narrative_three_public_total_budget",
    /// The 三公 total 决算 the text states = the 三公 table's.
    NarrativeThreePublicTotalFinal = "narrative_three_public_total_final",
    /// The 因公出国（境）费 预算 the text states = the 三公 table's.
    NarrativeThreePublicOverseasTravelBudget = "narrative_three_public_overseas_travel_budget",
    /// The 因公出国（境）费 决算 the text states = the 三公 table's.
    NarrativeThreePublicOverseasTravelFinal = "narrative_three_public_overseas_travel_final",
    /// The 公务用车购置及运行费 预算 the text states = the 三公 table's.
    NarrativeThreePublicVehiclesBudget = "narrative_three_public_vehicles_budget",
    /// The 公务用车购置及运行费 决算 the text states = the 三公 table's.
    NarrativeThreePublicVehiclesFinal = "narrative_three_public_vehicles_final",
    /// The 公务用车购置费 预算 the text states = the 三公 table's.
    NarrativeThreePublicVehiclePurchaseBudget = "narrative_three_public_vehicle_purchase_budget",
    /// The 公务用车购置费 决算 the text states = the 三公 table's.
    NarrativeThreePublicVehiclePurchaseFinal = "narrative_three_public_vehicle_purchase_final",
    /// The 公务用车运行费 预算 the text states = the 三公 table's.
    NarrativeThreePublicVehicleOperationBudget = "narrative_three_public_vehicle_operation_budget",
    /// The 公务用车运行费 决算 the text states = the 三公 table's.
    NarrativeThreePublicVehicleOperationFinal = "narrative_three_public_vehicle_operation_final",
    /// The 公务接待费 预算 the text states = the 三公 table's.
    NarrativeThreePublicReceptionBudget = "narrative_three_public_reception_budget",
    /// The 公务接待费 决算 the text states = the 三公 table's.
    NarrativeThreePublicReceptionFinal = "narrative_three_public_reception_final",
    /// The 会议费 / 培训费 预算 the text states beside the 三公 = the table's.
    NarrativeThreePublicOtherBudget = "narrative_three_public_other_budget",
    /// The 会议费 / 培训费 决算 the text states beside the 三公 = the table's.
    NarrativeThreePublicOtherFinal = "narrative_three_public_other_final",
    /// A 三公 item's stated share of the 三公 total of the same measure.
    NarrativeThreePublicShare = "narrative_three_public_share",
    /// "比上年增加d万元，增长r%": r = d / (a ∓ d) at the stated precision (a rate from nothing stated as 100% is skipped).
    NarrativeChangeRate = "narrative_change_rate",
    /// "b万元，占r%": a share of the total named or opened with, or of the sum of a list whose shares come to 100%.
    NarrativeShare = "narrative_share",
    /// "完成预算的r%" = 决算 / 预算 (of the budget the sentence names; 0% of a zero budget is skipped).
    NarrativeCompletionRate = "narrative_completion_rate",
    /// Words of comparison (大于 / 小于 / 持平, 增加 / 下降) held to the figures they compare.
    NarrativeWording = "narrative_wording",
    /// 机关运行经费 ≤ the basic expenditure table's 公用经费, or = its own column.
    NarrativeOperatingExpenses = "narrative_operating_expenses",
    /// A stated total against the parts the text lists under it (parts below it are undetermined: a 其中 list may name only some).
    NarrativePartsSum = "narrative_parts_sum",
    /// Headings, table titles, 截至 dates naming another year than the document's.
    YearConsistency = "year_consistency",
    /// A 编制单位 or self-reference that is almost, but not, the cover's entity.
    EntityConsistency = "entity_consistency",
    /// Template text left in (XX, ××, 某某, "（如持平作持平表述）", "增加（减少）").
    PlaceholderText = "placeholder_text",
    /// Doubled punctuation ("。。").
    DoubledPunctuation = "doubled_punctuation",
    /// A word printed twice ("用于用于").
    RepeatedWord = "repeated_word",
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Rule {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::str::FromStr for Rule {
    type Err = String;

    fn from_str(s: &str) -> Result<Rule, String> {
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("no rule named {s}"))
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Rule, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The README's list of rules, as the registry gives it.
pub fn readme_list() -> String {
    Rule::ALL
        .iter()
        .map(|r| format!("| `{}` | {} |\n", r.as_str(), r.describe()))
        .collect::<String>()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BEGIN: &str =
        "<!-- rules: generated from crates/checks/src/rule.rs -->\n| rule | holds |\n|---|---|\n";
    const END: &str = "<!-- rules end -->";

    #[test]
    fn ids_are_unique_and_read_back() {
        for (i, r) in Rule::ALL.iter().enumerate() {
            assert_eq!(r.as_str().parse::<Rule>(), Ok(*r));
            assert!(!Rule::ALL[..i].iter().any(|q| q.as_str() == r.as_str()));
        }
        assert_eq!(
            serde_json::to_string(&Rule::TableSet).unwrap(),
            "\"table_set\""
        );
    }

    /// The README lists the rules the registry holds; `UPDATE_README=1 cargo
    /// test -p fiscal-checks readme` writes the list in.
    #[test]
    fn the_readme_lists_every_rule() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let start = readme.find(BEGIN).expect("README marks its list of rules") + BEGIN.len();
        let end = start
            + readme[start..]
                .find(END)
                .expect("README ends its list of rules");
        let list = readme_list();
        if readme[start..end] != list {
            if std::env::var_os("UPDATE_README").is_some() {
                let updated = format!("{}{list}{}", &readme[..start], &readme[end..]);
                std::fs::write(path, updated).unwrap();
            } else {
                panic!("README's list of rules is not the registry's: run UPDATE_README=1 cargo test -p fiscal-checks readme");
            }
        }
    }
}
