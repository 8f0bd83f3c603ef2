//! Printed header words: which role a column has by its header (code, 行次,
//! label, a text attribute) and the stable key fragment of a header word, the
//! same in 决算 and 预算 tables where the meaning is the same.
use std::sync::OnceLock;

use crate::pattern::Regex;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 科目编码 (the whole code).
    Code,
    /// One piece of a code printed over 类 / 款 / 项 columns.
    CodePart,
    /// 行次
    Line,
    /// 项目 / 科目名称: the row's label.
    Name,
    /// Text that is neither the label nor an amount (序号, 采购组织形式, 数量 …).
    Attribute,
    /// A column of figures.
    Value,
}

impl Role {
    /// Columns that name a row (a new side of a two-sided table starts with one).
    pub fn is_label(self) -> bool {
        matches!(self, Role::Code | Role::CodePart | Role::Line | Role::Name)
    }
}

/// Headers of text columns that are not labels: their key fragment. Checked
/// before the label words ("单位编码" is not a 科目编码, "采购品目大类" not the item).
const ATTRIBUTES: &[(&str, &str)] = &[
    ("序号", "index"),
    ("单位编码", "unit_code"),
    ("单位代码", "unit_code"),
    ("采购组织形式", "procurement_method"),
    ("采购方式", "procurement_method"),
    ("采购品目大类", "procurement_category"),
    ("采购品目", "procurement_category"),
    ("采购目录", "procurement_category"),
    ("专项名称", "project"),
    ("经济科目", "economic_item"),
    ("规格型号", "specification"),
    ("购买服务内容", "service_content"),
    ("实施采购时间", "procurement_date"),
    ("数量", "quantity"),
    ("采购时间", "procurement_date"),
    ("购买服务的内容", "service_content"),
    ("项目简介", "description"),
    ("说明", "remark"),
    ("备注", "remark"),
];

/// Label headers, most specific first: where a group prints several label
/// columns, the first listed here names the row and the others become
/// attributes (a 政府采购 row is named by the item bought).
const NAMES: &[&str] = &[
    "采购物品名称",
    "采购品目名称",
    "品目名称",
    "采购项目",
    "科目名称",
    "项目名称",
    "单位（项目）名称",
    "单位名称",
    "名称",
    "项目",
    "科目",
    "收入项目",
    "支出项目",
    "功能分类",
    "经济分类",
];

/// The role a header word gives its column, if it names one.
pub fn role_from_header(t: &str) -> Option<Role> {
    if t.contains("行次") {
        Some(Role::Line)
    } else if attribute_key(t).is_some() {
        Some(Role::Attribute)
    } else if matches!(t, "类" | "款" | "项") {
        Some(Role::CodePart)
    } else if t.contains("编码") || t.contains("代码") {
        Some(Role::Code)
    } else if NAMES.contains(&t)
        || t.ends_with("科目名称")
        || t.ends_with("项目(按功能分类)")
        || t.ends_with("项目（按功能分类）")
        || t.ends_with("项目（按经济分类）")
        || t.ends_with("分类科目（按大类）")
    {
        Some(Role::Name)
    } else {
        None
    }
}

/// The key fragment of an attribute header.
pub fn attribute_key(t: &str) -> Option<&'static str> {
    ATTRIBUTES.iter().find(|(w, _)| *w == t).map(|(_, k)| *k)
}

/// Whether a header names, by name, the unit a row belongs to (预算单位,
/// 单位名称, 二级预算单位名称).
pub fn names_unit(t: &str) -> bool {
    matches!(t, "预算单位" | "单位") || t.ends_with("单位名称")
}

/// Whether an attribute column can stand for a row's label where the label
/// column is blank (a 政府采购 subtotal named by its 品目大类 or 专项).
pub fn can_label_row(key: &str) -> bool {
    matches!(key, "procurement_category" | "project" | "economic_item")
}

/// How specific a label header is (lower names the row first); unknown headers last.
pub fn name_rank(t: &str) -> usize {
    NAMES.iter().position(|n| *n == t).unwrap_or(NAMES.len())
}

/// Stable key fragments for printed header words.
const KEY_TERMS: &[(&str, &str)] = &[
    ("本年收入合计", "income_total"),
    ("本年支出合计", "expenditure_total"),
    ("财政拨款收入", "fiscal_appropriation_income"),
    ("上级补助收入", "superior_subsidy_income"),
    ("事业收入", "business_income"),
    ("经营收入", "operating_income"),
    ("事业单位经营收入", "operating_income"),
    ("附属单位上缴收入", "affiliate_remittance_income"),
    ("其他收入", "other_income"),
    ("基本支出", "basic"),
    ("项目支出", "project"),
    ("上缴上级支出", "remittance_to_superior"),
    ("经营支出", "operating_expenditure"),
    ("事业单位经营支出", "operating_expenditure"),
    ("对附属单位补助支出", "subsidy_to_affiliates"),
    ("年初结转和结余", "opening_balance"),
    ("年末结转和结余", "closing_balance"),
    ("本年收入", "income"),
    ("本年支出", "expenditure"),
    ("一般公共预算财政拨款", "general_budget"),
    ("政府性基金预算财政拨款", "government_fund"),
    ("国有资本经营预算财政拨款", "state_capital"),
    // 预算 tables name the same funds without 财政拨款.
    ("一般公共预算", "general_budget"),
    ("一般公共预算拨款", "general_budget"),
    ("一般公共预算资金", "general_budget"),
    ("政府性基金预算", "government_fund"),
    ("政府性基金", "government_fund"),
    ("政府性基金预算拨款", "government_fund"),
    ("国有资本经营预算", "state_capital"),
    ("国有资本经营预算拨款", "state_capital"),
    ("财政拨款", "fiscal_appropriation"),
    ("财政专户管理资金", "special_account"),
    ("财政专户拨款", "special_account"),
    ("单位资金", "unit_funds"),
    ("其他资金", "other_funds"),
    ("上年结转结余", "carried_over"),
    ("上年结余、结转", "carried_over"),
    ("上年结转和结余资金", "carried_over"),
    ("因公出国（境）费", "overseas_travel"),
    ("因公出国(境)费", "overseas_travel"),
    ("公务用车购置及运行费", "vehicles"),
    ("公务用车购置及运行维护费", "vehicles"),
    ("公务用车运行维护费", "vehicle_operation"),
    ("财政拨款支出", "fiscal_appropriation_expenditure"),
    ("上年结转", "carried_over"),
    ("本年预算数", "budget"),
    ("公务用车购置费", "vehicle_purchase"),
    ("公务用车运行费", "vehicle_operation"),
    ("公务接待费", "reception"),
    ("会议费", "meetings"),
    ("培训费", "training"),
    ("机关运行经费", "operating_expenses"),
    ("纳入预算管理", "in_budget"),
    ("纳入财政专户管理", "in_special_account"),
    ("人员经费", "personnel"),
    ("公用经费", "public_funds"),
    ("人员支出", "personnel"),
    ("人员经费支出", "personnel"),
    ("公用经费支出", "public_funds"),
    // 西安's name for 项目支出.
    ("专项业务经费支出", "project"),
    ("日常公用支出", "public_funds"),
    ("决算数", "final"),
    ("预算数", "budget"),
    ("预算", "budget"),
    ("预算金额", "budget"),
    ("金额", "amount"),
    ("合计", "total"),
    ("小计", "subtotal"),
    ("收入", "income"),
    ("支出", "expenditure"),
    // The side-by-side classifications of a budget summary table.
    ("功能分类", "functional"),
    ("支出用途", "purpose"),
    ("政府经济科目名称", "government_economic_name"),
];

/// Whether a header word names a column of figures (金额, 预算数, 合计, 基本支出 …):
/// a label header above it ("功能分类" over "功能科目名称 | 金额") is not its role.
pub fn is_value_word(t: &str) -> bool {
    KEY_TERMS.iter().any(|(w, _)| *w == t) && role_from_header(t).is_none()
}

/// A year printed at the head of a header ("2026年预算数"): the same column in every year.
fn year_head() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^(?:19|20)\d{2}年度?").unwrap())
}

/// A header word's key fragment: its English term, or for words without one a
/// short hash of the text, so that the same header gets the same key in every
/// document (and every year).
pub fn slug(part: &str) -> String {
    if let Some(k) = attribute_key(part) {
        return k.to_string();
    }
    if let Some((_, k)) = KEY_TERMS.iter().find(|(t, _)| *t == part) {
        return k.to_string();
    }
    let rest = year_head().replace(part, "");
    if rest != part {
        if rest.is_empty() {
            return format!("y{}", &part[..4]);
        }
        return slug(&rest);
    }
    // A classification named by its system ("部门预算支出经济分类科目（按大类）").
    for (word, key) in [
        ("政府预算支出经济分类", "government_economic"),
        ("经济分类", "economic"),
        ("功能分类", "functional"),
    ] {
        if part.contains(word) {
            return key.to_string();
        }
    }
    // FNV-1a: stable across runs and platforms, unlike std's hasher.
    let mut h: u32 = 0x811c_9dc5;
    for b in part.bytes() {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    format!("h{h:08x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_and_final_account_words_share_keys() {
        assert_eq!(slug("基本支出"), "basic");
        assert_eq!(slug("一般公共预算"), slug("一般公共预算财政拨款"));
        assert_eq!(slug("2026年预算数"), "budget");
        assert_eq!(slug("2019年"), "y2019");
        assert_eq!(slug("部门预算支出经济分类科目（按大类）"), "economic");
        assert_eq!(
            slug("政府预算支出经济分类科目（按大类）"),
            "government_economic"
        );
        assert_eq!(slug("采购组织形式"), "procurement_method");
        assert!(slug("某某").starts_with('h'));
    }

    #[test]
    fn roles_by_header() {
        assert_eq!(role_from_header("单位编码"), Some(Role::Attribute));
        assert_eq!(role_from_header("科目编码"), Some(Role::Code));
        assert_eq!(role_from_header("序号"), Some(Role::Attribute));
        assert_eq!(role_from_header("采购物品名称"), Some(Role::Name));
        assert_eq!(
            role_from_header("支出功能分类科目（按大类）"),
            Some(Role::Name)
        );
        assert_eq!(role_from_header("款"), Some(Role::CodePart));
        assert!(name_rank("采购物品名称") < name_rank("项目名称"));
        assert!(is_value_word("金额"));
        assert!(names_unit("预算单位") && names_unit("二级预算单位名称"));
        assert!(!names_unit("单位编码") && !names_unit("单位（项目）名称"));
        assert!(!is_value_word("功能分类"));
    }
}
