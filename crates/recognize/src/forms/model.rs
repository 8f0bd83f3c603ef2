//! What the form readers produce, serialized in the output contract's shape
//! (`schema/output.schema.json`): one form model for the 决算 self-evaluation
//! forms and the 预算 target forms ([`PerformanceTable`]), the lists that print
//! many projects' targets in one grid ([`PerformanceList`], its entries the
//! same model), and the 决算 department goals form ([`DepartmentGoals`]).
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::place::PageBox;
use crate::table_kind::TableKind;
use crate::unit::MoneyUnit;

/// One line of a form's funds block: a source of money and its figures.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct FundRow {
    /// The source as printed (总额, 其中：财政拨款, …).
    pub source: String,
    /// Its figures under [`Funds::columns`], as printed.
    pub values: Vec<Option<String>>,
    /// What it is spent on, where printed (主要内容 of a department's task).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// The funds block of a 项目支出绩效自评表 (年度预算数, 执行数, …).
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Funds {
    /// Column headings as printed.
    pub columns: Vec<String>,
    /// One row per source of money.
    pub rows: Vec<FundRow>,
    /// 分值 of the funds' execution.
    pub weight: Option<String>,
    /// 执行率 as printed (e.g. "80.02%").
    pub completion_rate: Option<String>,
    /// 得分.
    pub score: Option<String>,
}

/// The year's overall goal and what was achieved.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Goal {
    /// 年度目标 / 预期目标 / 总体目标.
    pub target: Option<String>,
    /// 实际完成情况.
    pub actual: Option<String>,
    /// 实施期（总）目标, where a target form prints it beside the year's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub long_term: Option<String>,
}

/// One performance indicator (绩效指标) of a form. Its levels count from the
/// indicator up, whatever the form calls them: `level2` is the indicator
/// itself (三级指标, or 二级指标 where only two levels are printed, 指标名称,
/// 指标内容), `level1` the level above (数量指标 …), `category` the top
/// (产出指标 …, or 指标类别).
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
pub struct Indicator {
    /// The top level (产出指标, 效益指标, …), repeated on each row it spans.
    pub category: Option<String>,
    /// The middle level (数量指标, 质量指标, …), repeated on each row it spans.
    pub level1: Option<String>,
    /// The indicator itself.
    pub level2: Option<String>,
    /// 年度指标值 / 指标值.
    pub target: Option<String>,
    /// 实际完成值.
    pub actual: Option<String>,
    /// 分值.
    pub weight: Option<String>,
    /// 得分.
    pub score: Option<String>,
    /// 偏差原因分析及改进措施.
    pub deviation: Option<String>,
    /// 指标性质 / 指标值类型 (≥, ＝, 定性 …), where printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nature: Option<String>,
    /// 计量单位 / 度量单位, where printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// 指标方向 (正向, 反向 …), where printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// 备注, where printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Other printed columns (指标值内容, 评（扣）分标准, 是否核心 …), by header.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub other: BTreeMap<String, String>,
}

/// One project's (or a department's) performance form: a 决算
/// 项目支出绩效自评表, or a 预算 项目 / 部门整体 / 转移支付 绩效目标表.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PerformanceTable {
    /// [`TableKind::ProjectPerformanceSelfEvaluation`] or a budget form kind.
    pub kind: TableKind,
    /// The title as printed.
    pub title: String,
    /// 1-based pages the form spans.
    pub pages: Vec<u32>,
    /// The unit of its figures.
    pub money_unit: Option<MoneyUnit>,
    /// 项目名称.
    pub project: Option<String>,
    /// 主管部门.
    pub department: Option<String>,
    /// 实施单位 / 预算单位.
    pub implementer: Option<String>,
    /// Other labelled fields as printed (项目属性, 项目期限, 单位编码 …), by label.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    /// The funds block (a department form: one row per 年度主要任务).
    pub funds: Funds,
    /// The overall goal.
    pub goal: Goal,
    /// The indicators, in printed order.
    pub indicators: Vec<Indicator>,
    /// 总分.
    pub total_score: Option<String>,
    /// Where the form is printed, one box per page it spans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bboxes: Vec<PageBox>,
    /// Where each text field is printed, by JSON Pointer into this form
    /// (`/project`, `/indicators/3/target`); see [`crate::place::forms`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub field_bboxes: BTreeMap<String, PageBox>,
}

/// Many projects' targets printed as one grid over pages (one row per project
/// or per indicator, the project's cells spanning its rows), its title printed
/// once or on every page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PerformanceList {
    /// A budget form kind.
    pub kind: TableKind,
    /// The printed table number (表11), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The title as printed.
    pub title: String,
    /// 1-based pages the list spans.
    pub pages: Vec<u32>,
    /// The unit of its figures.
    pub money_unit: Option<MoneyUnit>,
    /// The column headings as printed (a two-row header joined by "/").
    pub columns: Vec<String>,
    /// 合计 and per-unit subtotal rows: their label and figures.
    pub totals: Vec<FundRow>,
    /// The projects, in printed order, each read as a form.
    pub forms: Vec<PerformanceTable>,
    /// Where the form is printed, one box per page it spans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bboxes: Vec<PageBox>,
    /// Where each text field is printed, by JSON Pointer into this form
    /// (`/project`, `/indicators/3/target`); see [`crate::place::forms`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub field_bboxes: BTreeMap<String, PageBox>,
}

/// One row of a department's goals form.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
pub struct GoalRow {
    /// The goal the row belongs to, repeated on each row it spans.
    pub goal: Option<String>,
    /// The indicator.
    pub indicator: Option<String>,
    /// Expected value.
    pub expected: Option<String>,
    /// Actual value.
    pub actual: Option<String>,
}

/// A 部门整体支出主要绩效目标完成情况表: a department's goals and results.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DepartmentGoals {
    /// [`TableKind::DepartmentPerformanceGoals`] or a budget form kind.
    pub kind: TableKind,
    /// The title as printed.
    pub title: String,
    /// 1-based pages the form spans.
    pub pages: Vec<u32>,
    /// 部门名称.
    pub department: Option<String>,
    /// 部门整体支出目标.
    pub goal: Option<String>,
    /// Expected budget execution rate as printed.
    pub budget_rate_expected: Option<String>,
    /// Actual budget execution rate as printed.
    pub budget_rate_actual: Option<String>,
    /// Column headings of the rows, as printed.
    pub columns: Vec<String>,
    /// The goal rows.
    pub rows: Vec<GoalRow>,
    /// Where the form is printed, one box per page it spans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bboxes: Vec<PageBox>,
    /// Where each text field is printed, by JSON Pointer into this form
    /// (`/project`, `/indicators/3/target`); see [`crate::place::forms`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub field_bboxes: BTreeMap<String, PageBox>,
}
