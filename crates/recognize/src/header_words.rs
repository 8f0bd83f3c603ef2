//! Printed header words: which role a column has by its header (code, 行次,
//! label, a text attribute, figures) and the keys of text columns. The keys
//! of value columns are the vocabulary's ([`crate::vocabulary`]).

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

/// Keys of label headers whose column became a text column (a 政府采购 row's
/// 专项名称 beside the item bought, the 政府经济科目名称 beside a 部门 code).
const DEMOTED_LABELS: &[(&str, &str)] = &[
    ("政府经济科目名称", "government_economic_name"),
    ("部门经济科目名称", "economic_name"),
    ("科目名称", "subject_name"),
    ("项目名称", "project_name"),
    ("单位名称", "unit_name"),
    ("单位（项目）名称", "unit_name"),
    ("采购物品名称", "item_name"),
    ("采购品目名称", "item_name"),
    ("品目名称", "item_name"),
    ("采购项目", "procurement_item"),
];

/// The key of a text column's header word: its attribute's, or a label's
/// that a more specific label took the row's name from.
pub fn text_column_key(t: &str) -> Option<&'static str> {
    attribute_key(t).or_else(|| {
        DEMOTED_LABELS
            .iter()
            .find(|(w, _)| *w == t)
            .map(|(_, k)| *k)
    })
}

/// Whether an attribute column can stand for a row's label where the label
/// column is blank (a 政府采购 subtotal named by its 品目大类 or 专项).
pub fn can_label_row(key: &str) -> bool {
    matches!(key, "procurement_category" | "project" | "economic_item")
}

/// How specific a label header is (lower names the row first); unknown headers last.
pub fn name_rank(t: &str) -> usize {
    // A header qualifying a listed one (预算项目名称, 功能分类科目名称) ranks as it.
    NAMES
        .iter()
        .position(|n| *n == t)
        .or_else(|| NAMES.iter().position(|n| t.ends_with(n)))
        .unwrap_or(NAMES.len())
}

/// Whether a header word names a column of figures (金额, 预算数, 合计, 基本支出 …):
/// a label header above it ("功能分类" over "功能科目名称 | 金额") is not its role.
pub fn is_value_word(t: &str) -> bool {
    crate::vocabulary::is_term_word(t) && role_from_header(t).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

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
