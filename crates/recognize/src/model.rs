//! The document model recognition produces and the emitter serializes; field
//! names follow the output contract (`schema/output.schema.json`).
use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::code::{Classification, Code, EconomicSystem};
use crate::forms::Form;
pub use crate::forms::{DepartmentGoals, PerformanceList, PerformanceTable};
pub use crate::place::PageBox;
pub use crate::table_kind::TableKind;
pub use crate::unit::MoneyUnit;
pub use crate::vocabulary::Period;

/// What a document is: a department's (or unit's) disclosure — 决算 or 预算 —
/// or one of the fiscal documents published beside them that are no disclosure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// 部门决算 / 单位决算: final accounts of a year.
    FinalAccounts,
    /// 部门预算 / 单位预算: the budget of a year (a file of its 绩效目标表 too).
    Budget,
    /// A government's report to its 人大 on its budget or final accounts
    /// ("关于…决算草案的报告", "…预算执行情况…的报告").
    GovernmentReport,
    /// 通报: a notice (of an inspection, a ranking …).
    Notice,
    /// 公报: a bulletin (统计公报 …).
    Bulletin,
    /// 申请表: an application form.
    ApplicationForm,
    /// 规划: a plan.
    Plan,
    /// 绩效评价报告 / 绩效评价结果: an evaluation of spending.
    PerformanceEvaluation,
}

impl DocumentKind {
    /// Whether the document is a department's or unit's 决算/预算 disclosure,
    /// the subject the checks are written for.
    pub fn is_disclosure(self) -> bool {
        matches!(self, DocumentKind::FinalAccounts | DocumentKind::Budget)
    }

    /// The contract id (`"final_accounts"`, `"notice"` …).
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::FinalAccounts => "final_accounts",
            DocumentKind::Budget => "budget",
            DocumentKind::GovernmentReport => "government_report",
            DocumentKind::Notice => "notice",
            DocumentKind::Bulletin => "bulletin",
            DocumentKind::ApplicationForm => "application_form",
            DocumentKind::Plan => "plan",
            DocumentKind::PerformanceEvaluation => "performance_evaluation",
        }
    }
}

/// Whose accounts a document presents, as its title names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// 部门预算 / 部门决算: a department with the units under it.
    Department,
    /// 单位预算 / 单位决算: one budget unit.
    Unit,
    /// 部门综合预算: a department's budget of all funds (西安 and other 陕西 places).
    DepartmentComprehensive,
}

/// Which part of a department a document covers, where its title says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// （汇总）: the department and its units summed.
    Consolidated,
    /// （本级）: the department's own level, without its units.
    OwnLevel,
}

/// What the document says about itself (from its cover, title and tables).
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct DocumentMeta {
    /// The department or unit, as printed (a scope mark such as "（本级）" is in `scope`).
    pub entity: Option<String>,
    /// The year the budget or final accounts are for.
    pub year: Option<u32>,
    /// 决算 (final accounts), 预算 (budget), or what else the document is.
    pub kind: Option<DocumentKind>,
    /// 部门, 单位 or 部门综合 (预算/决算), when the title says.
    pub variant: Option<Variant>,
    /// 汇总 or 本级, when the title says.
    pub scope: Option<Scope>,
    /// The document's title as printed.
    pub title: Option<String>,
    /// The unit most of its tables print amounts in.
    pub money_unit: Option<MoneyUnit>,
}

/// A value column of a grid table.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Column {
    /// Key from the vocabulary (`total`, `basic`, `prior_year_three_public`,
    /// …; see [`crate::columns`]) that rows' `values` use.
    pub key: String,
    /// Printed header path, levels joined with "/".
    pub header: String,
    /// The side of a two-sided table the column belongs to ("收入", "支出").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Whose year the figures are: the document's (`current`, left out of the
    /// JSON), the year before, or the change between them.
    #[serde(default, skip_serializing_if = "Period::is_current")]
    pub period: Period,
    /// The year the header prints ("2025年预算数"), if it prints one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u32>,
    /// A "其中：…" column: part of the column before it, not one of its components.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub part_of: bool,
}

/// What a row of a grid is to the rows around it, decided once in
/// recognition from what the row prints (its label, its code, the unit it
/// opens), so that checks never compare "合计" strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowRole {
    /// An item: a coded row, a named line (一、财政拨款收入), anything else.
    #[default]
    Item,
    /// The total of the table or of its side (合计, 总计, 收入总计, 支出合计,
    /// 人员经费合计 …), printed without a code.
    Total,
    /// A total of part of a side, printed without a code (小计, 本年收入合计,
    /// 本年支出合计), below which the side goes on (结余, 结转, 总计).
    Subtotal,
    /// The row opening a unit's block in a table listing several units (its
    /// name in a 单位 column or after its 单位编码, and no subject code).
    UnitHeader,
}

impl RowRole {
    /// Whether the role is [`RowRole::Item`] (the output leaves it out).
    pub fn is_item(&self) -> bool {
        *self == RowRole::Item
    }

    /// A side printing 收入合计 (or 合计) and, further down, its 收入总计 (or
    /// 总计) after the balances carried over: the first is the side's
    /// subtotal, the second its total.
    pub fn mark_subtotals(rows: &mut [Row]) {
        let grand = |r: &Row| {
            r.role == RowRole::Total && r.name.as_deref().is_some_and(|n| n.ends_with("总计"))
        };
        for i in 0..rows.len() {
            let below = &rows[i + 1..];
            if rows[i].role == RowRole::Total
                && !grand(&rows[i])
                && below.iter().any(|r| r.group == rows[i].group && grand(r))
            {
                rows[i].role = RowRole::Subtotal;
            }
        }
    }

    /// The role of a row printing no subject code and `label`: a total or a
    /// subtotal by its label, else an item.
    pub fn of_label(label: &str) -> RowRole {
        let label: String = label.chars().filter(|c| !c.is_whitespace()).collect();
        // An ordinal before it ("一、本年支出合计") numbers the line, it does not name it.
        let label = match label.split_once('、') {
            Some((n, rest))
                if !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c)) =>
            {
                rest
            }
            _ => label.as_str(),
        };
        if label == "小计" || label.starts_with("本年") && label.ends_with("合计") {
            RowRole::Subtotal
        } else if matches!(label, "合计" | "总计" | "共计" | "总合计")
            || (label.ends_with("总计") || label.ends_with("合计"))
                && label.chars().count() <= 8
                && !label.starts_with("其中")
                && !label.contains(['、', '：', ':'])
        {
            RowRole::Total
        } else {
            RowRole::Item
        }
    }
}

/// A body row of a grid table.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Row {
    /// The side of a two-sided table ("收入"/"支出", "人员经费"/"公用经费").
    pub group: Option<String>,
    /// What the row is to the rows around it (left out for an item).
    #[serde(default, skip_serializing_if = "RowRole::is_item")]
    pub role: RowRole,
    /// 科目编码 (subject code), `None` for 合计/总计 and named rows.
    pub code: Option<String>,
    /// Whether `code` is a 功能分类 or 经济分类 code.
    pub classification: Option<Classification>,
    /// The system of `code` when it is an 经济分类 code (3xx 部门, 5xx 政府).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub economic_system: Option<EconomicSystem>,
    /// 1 类, 2 款, 3 项 (from the code's length).
    pub level: Option<u8>,
    /// The code of the enclosing row.
    pub parent: Option<String>,
    /// A 部门预算支出经济分类 code (3xx) printed beside the row's `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub economic_code: Option<String>,
    /// A 政府预算支出经济分类 code (5xx) printed beside the row's `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub government_economic_code: Option<String>,
    /// The row's label as printed, a wrapped cell joined back.
    pub name: Option<String>,
    /// 行次, where the table prints one.
    pub line: Option<u32>,
    /// The vocabulary's key of what the row is, in a 三公 table listing its
    /// items as rows (合计, 因公出国（境）费用 … down one column of figures):
    /// `three_public`, `overseas_travel` …; see [`crate::columns`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Whose year the row's figures are, where the row names it (深圳's 三公
    /// table prints "2025 年", "2026 年", "增减变化金额" as rows): `current`
    /// (left out of the JSON), `prior_year` or `change`.
    #[serde(default, skip_serializing_if = "Period::is_current")]
    pub period: Period,
    /// The measure the row's figures are where the row names one that is not
    /// its table's own (西安's 决算 三公 table prints 预算数 and 决算数 as rows:
    /// the 预算数 row is `budget`, the 决算数 row has none), as in column keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// Exact decimals by column key; `None` for an empty cell.
    #[serde(serialize_with = "ser_values")]
    pub values: BTreeMap<String, Option<Decimal>>,
    /// Texts of the columns that are neither labels nor amounts (序号, 采购组织形式,
    /// 采购品目, 数量 …) by the keys of the table's `text_columns`; blank cells left out.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
    /// Where the row is printed (a row cut by a page break: its first part).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<PageBox>,
    /// Where each printed figure of `values` stands, by the same keys.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub value_bboxes: BTreeMap<String, PageBox>,
}

impl Row {
    /// The row's subject code with its place in the hierarchy.
    pub fn subject_code(&self) -> Option<Code<'_>> {
        self.code.as_deref().and_then(Code::parse)
    }

    /// Whether the row is a total (of the table or of its side).
    pub fn is_total(&self) -> bool {
        self.role == RowRole::Total
    }
}

fn ser_values<S: serde::Serializer>(
    v: &BTreeMap<String, Option<Decimal>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(v.len()))?;
    for (k, d) in v {
        m.serialize_entry(k, &d.map(|d| d.to_string()))?;
    }
    m.end()
}

/// A grid of figures (表1 … 表10 and any other), one table even when it
/// continues over pages.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Table {
    /// "表2" as printed, spaces removed.
    pub number: Option<String>,
    /// The title as printed.
    pub title: String,
    /// What the table is, by its title.
    pub kind: TableKind,
    /// The 单位 named above the table.
    pub entity: Option<String>,
    /// The unit its amounts are printed in.
    pub money_unit: Option<MoneyUnit>,
    /// 1-based pages the table spans.
    pub pages: Vec<u32>,
    /// Value columns, in printed order.
    pub columns: Vec<Column>,
    /// The columns of text that are not row labels (采购组织形式 …), keys of `Row::attributes`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text_columns: Vec<Column>,
    /// Body rows, in printed order.
    pub rows: Vec<Row>,
    /// Notes printed under the table (注：…).
    pub notes: Vec<String>,
    /// Where the table's grid is printed, one box per page of `pages`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bboxes: Vec<PageBox>,
}

/// A section of the narrative outline.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Section {
    /// The heading as printed, numbering included.
    pub heading: String,
    /// By numbering: 第X部分 1, 一、 2, （一） 3, 1. 4, （1） 5.
    pub level: u8,
    /// 1-based pages the section spans.
    pub pages: Vec<u32>,
    /// Reflowed paragraphs.
    pub paragraphs: Vec<String>,
    /// Sections nested under this one.
    pub children: Vec<Section>,
    /// Where the heading is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading_bbox: Option<PageBox>,
    /// Where each paragraph is printed, parallel to `paragraphs`: one box per
    /// page the paragraph covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraph_bboxes: Vec<Vec<PageBox>>,
}

/// Any table of the document, serialized in the contract's shape for its kind.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnyTable {
    /// A grid of figures.
    Grid(Table),
    /// A 项目支出绩效自评表 form.
    Performance(PerformanceTable),
    /// A 部门整体支出主要绩效目标完成情况表 form.
    DepartmentGoals(DepartmentGoals),
    /// A list of many projects' performance targets.
    PerformanceList(PerformanceList),
}

impl From<Form> for AnyTable {
    fn from(form: Form) -> Self {
        match form {
            Form::Project(t) => AnyTable::Performance(t),
            Form::Department(t) => AnyTable::DepartmentGoals(t),
            Form::List(t) => AnyTable::PerformanceList(t),
        }
    }
}

impl AnyTable {
    /// The printed table number (表1), where a grid has one.
    pub fn number(&self) -> Option<&str> {
        match self {
            AnyTable::Grid(t) => t.number.as_deref(),
            AnyTable::PerformanceList(t) => t.number.as_deref(),
            _ => None,
        }
    }

    /// The title as printed.
    pub fn title(&self) -> &str {
        match self {
            AnyTable::Grid(t) => &t.title,
            AnyTable::Performance(t) => &t.title,
            AnyTable::DepartmentGoals(t) => &t.title,
            AnyTable::PerformanceList(t) => &t.title,
        }
    }

    /// The kind, by title (forms included).
    pub fn kind(&self) -> TableKind {
        match self {
            AnyTable::Grid(t) => t.kind,
            AnyTable::Performance(t) => t.kind,
            AnyTable::DepartmentGoals(t) => t.kind,
            AnyTable::PerformanceList(t) => t.kind,
        }
    }

    /// The 1-based pages the table spans.
    pub fn pages(&self) -> &[u32] {
        match self {
            AnyTable::Grid(t) => &t.pages,
            AnyTable::Performance(t) => &t.pages,
            AnyTable::DepartmentGoals(t) => &t.pages,
            AnyTable::PerformanceList(t) => &t.pages,
        }
    }

    /// The table if it is a grid of figures.
    pub fn as_grid(&self) -> Option<&Table> {
        match self {
            AnyTable::Grid(t) => Some(t),
            _ => None,
        }
    }
}

/// What recognition makes of a document, before checks.
#[derive(Debug, Clone, Serialize)]
pub struct Recognized {
    /// Entity, year, kind, title, unit.
    pub document: DocumentMeta,
    /// The 目录 as printed (not part of the output; the outline and table
    /// finding use it).
    #[serde(skip)]
    pub contents: crate::contents::Contents,
    /// Every table, in page order.
    pub tables: Vec<AnyTable>,
    /// The narrative outline.
    pub sections: Vec<Section>,
    /// Anything recovered from, with page numbers.
    pub warnings: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_by_label() {
        assert_eq!(RowRole::of_label("合 计"), RowRole::Total);
        assert_eq!(RowRole::of_label("支出总计"), RowRole::Total);
        assert_eq!(RowRole::of_label("人员经费合计"), RowRole::Total);
        assert_eq!(RowRole::of_label("小计"), RowRole::Subtotal);
        assert_eq!(RowRole::of_label("本年收入合计"), RowRole::Subtotal);
        assert_eq!(RowRole::of_label("一、本年支出合计"), RowRole::Subtotal);
        assert_eq!(RowRole::of_label("一、财政拨款收入"), RowRole::Item);
        assert_eq!(RowRole::of_label("其中：基本支出合计"), RowRole::Item);
        assert_eq!(RowRole::of_label("一般公共服务支出"), RowRole::Item);
    }

    #[test]
    fn a_total_above_the_grand_total_is_a_subtotal() {
        let row = |group: &str, name: &str| Row {
            group: Some(group.into()),
            role: RowRole::of_label(name),
            name: Some(name.into()),
            ..Row::default()
        };
        let mut rows = vec![
            row("收入", "收入合计"),
            row("收入", "上年结转"),
            row("收入", "收入总计"),
            row("支出", "支出合计"),
        ];
        RowRole::mark_subtotals(&mut rows);
        let roles: Vec<RowRole> = rows.iter().map(|r| r.role).collect();
        assert_eq!(
            roles,
            [
                RowRole::Subtotal,
                RowRole::Item,
                RowRole::Total,
                RowRole::Total
            ]
        );
    }
}

/// The columns a grid prints before its figures, as a wide view of the table
/// (the per-table CSV, the review report) shows them: 分组 where rows are
/// grouped, 科目编码 and 项目, 行次 where printed, then the text columns.
#[derive(Debug, Clone, Copy)]
pub struct LabelColumns {
    grouped: bool,
    lined: bool,
}

impl LabelColumns {
    /// The label columns `t` prints.
    pub fn of(t: &Table) -> LabelColumns {
        LabelColumns {
            grouped: t.rows.iter().any(|r| r.group.is_some()),
            lined: t.rows.iter().any(|r| r.line.is_some()),
        }
    }

    /// Their headers.
    pub fn headers<'t>(&self, t: &'t Table) -> Vec<&'t str> {
        let mut labels = Vec::new();
        if self.grouped {
            labels.push("分组");
        }
        labels.extend(["科目编码", "项目"]);
        if self.lined {
            labels.push("行次");
        }
        labels.extend(t.text_columns.iter().map(|c| c.header.as_str()));
        labels
    }

    /// Row `r`'s texts under them (empty where it prints none).
    pub fn cells(&self, t: &Table, r: &Row) -> Vec<String> {
        let mut cells = Vec::new();
        if self.grouped {
            cells.push(r.group.clone().unwrap_or_default());
        }
        cells.push(r.code.clone().unwrap_or_default());
        cells.push(r.name.clone().unwrap_or_default());
        if self.lined {
            cells.push(r.line.map(|l| l.to_string()).unwrap_or_default());
        }
        for c in &t.text_columns {
            cells.push(r.attributes.get(&c.key).cloned().unwrap_or_default());
        }
        cells
    }
}

/// One cell of a grid's printed header: a level's text over the run of
/// adjacent value columns whose header paths agree down to that level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderCell<'t> {
    /// The printed text.
    pub text: &'t str,
    /// Its header row, 0 at the top.
    pub level: usize,
    /// The first and last value column it heads (indexes into `columns`).
    pub first: usize,
    pub last: usize,
    /// A lone column whose path ends above the deepest level: its text
    /// reaches down to the last header row.
    pub down_to_bottom: bool,
}

/// A grid's value-column header as printed: how many rows it takes and
/// its cells, level by level, left to right. The wide views (per-table
/// CSV, XLSX, the review report) all draw it from this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderLayout<'t> {
    /// Header rows (at least 1).
    pub depth: usize,
    pub cells: Vec<HeaderCell<'t>>,
}

impl<'t> HeaderLayout<'t> {
    /// The header of `t`'s value columns (each `Column.header` a path
    /// joined with "/").
    pub fn of(t: &'t Table) -> HeaderLayout<'t> {
        let levels: Vec<Vec<&str>> = t
            .columns
            .iter()
            .map(|c| c.header.split('/').collect())
            .collect();
        let depth = levels.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let mut cells = Vec::new();
        for level in 0..depth {
            let mut c = 0;
            while c < levels.len() {
                let Some(&text) = levels[c].get(level) else {
                    c += 1;
                    continue;
                };
                let prefix = &levels[c][..=level];
                let mut last = c;
                while last + 1 < levels.len() && levels[last + 1].get(..=level) == Some(prefix) {
                    last += 1;
                }
                cells.push(HeaderCell {
                    text,
                    level,
                    first: c,
                    last,
                    down_to_bottom: last == c && levels[c].len() == level + 1 && level + 1 < depth,
                });
                c = last + 1;
            }
        }
        HeaderLayout { depth, cells }
    }
}
