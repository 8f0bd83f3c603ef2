//! What the form readers produce: one type per form kind, serialized in the
//! output contract's shape (`schema/output.schema.json`).
use serde::{Deserialize, Serialize};

use crate::table_kind::TableKind;
use crate::unit::MoneyUnit;

/// One line of a form's funds block: a source of money and its figures.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct FundRow {
    /// The source as printed (总额, 其中：财政拨款, …).
    pub source: String,
    /// Its figures under [`Funds::columns`], as printed.
    pub values: Vec<Option<String>>,
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
    /// 年度目标 / 预期目标.
    pub target: Option<String>,
    /// 实际完成情况.
    pub actual: Option<String>,
}

/// One performance indicator (绩效指标) of a form.
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
pub struct Indicator {
    /// 指标类别 (产出指标, 效益指标, …), repeated on each row it spans.
    pub category: Option<String>,
    /// 一级指标 (数量指标, 质量指标, …).
    pub level1: Option<String>,
    /// 二级指标: the indicator itself.
    pub level2: Option<String>,
    /// 年度指标值.
    pub target: Option<String>,
    /// 实际完成值.
    pub actual: Option<String>,
    /// 分值.
    pub weight: Option<String>,
    /// 得分.
    pub score: Option<String>,
    /// 偏差原因分析及改进措施.
    pub deviation: Option<String>,
}

/// A 项目支出绩效自评表: one project's performance self-evaluation form.
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
    /// 实施单位.
    pub implementer: Option<String>,
    /// The funds block.
    pub funds: Funds,
    /// The overall goal.
    pub goal: Goal,
    /// The indicators, in printed order.
    pub indicators: Vec<Indicator>,
    /// 总分.
    pub total_score: Option<String>,
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
}
