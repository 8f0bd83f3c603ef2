//! Form-like tables (the 绩效 forms), read field by field rather than as a grid
//! of figures: labels name the cell beside them (项目名称 → project), header
//! rows fix the x ranges of the fields below them, a merged cell (指标类别,
//! 一级指标, 部门整体支出目标) is repeated on every row it spans, and text that a
//! page break cut off — printed at the head of the next page, ruled or not —
//! is joined to the row it belongs to.
//!
//! A form arrives as [`PerfPiece`]s in page order: ruled grids, and loose text
//! (unruled rows, cut cells, whole unruled forms). The pieces become rows of
//! cells (`items`, `row`): a ruled grid's rows as they are; in loose text
//! (`loose`), label and header lines with the lines wrapped around them
//! (`words`), and runs of
//! other lines that are cut into rows only when the reader reaches them
//! (`runs`, `anchors`, `spans`), the way the section being read calls
//! for. Each form kind reads its rows section by section (`project`,
//! `department`) through the fields its header rows fix (`fields`).
//! Every tolerance is named in [`FormSettings`].
mod anchors;
mod department;
mod fields;
mod items;
mod loose;
mod model;
mod project;
mod row;
mod runs;
mod settings;
mod spans;
mod words;

pub use items::PerfPiece;
pub use loose::{LooseLine, LooseText};
pub use model::{DepartmentGoals, FundRow, Funds, Goal, GoalRow, Indicator, PerformanceTable};
pub use settings::FormSettings;

use crate::table_kind::TableKind;
use crate::unit::MoneyUnit;

/// A form read from its pieces, by kind.
#[derive(Debug, Clone)]
pub enum Form {
    /// A 项目支出绩效自评表.
    Project(PerformanceTable),
    /// A 部门整体支出主要绩效目标完成情况表.
    Department(DepartmentGoals),
}

/// The form a table of kind `kind` (a form kind) makes of its pieces.
pub fn read_form(
    kind: TableKind,
    title: String,
    pages: Vec<u32>,
    money_unit: Option<MoneyUnit>,
    pieces: &[(u32, PerfPiece)],
) -> Form {
    read_form_with(
        &FormSettings::default(),
        kind,
        title,
        pages,
        money_unit,
        pieces,
    )
}

/// [`read_form`] with other settings.
pub fn read_form_with(
    settings: &FormSettings,
    kind: TableKind,
    title: String,
    pages: Vec<u32>,
    money_unit: Option<MoneyUnit>,
    pieces: &[(u32, PerfPiece)],
) -> Form {
    match kind {
        TableKind::DepartmentPerformanceGoals => {
            Form::Department(department::department_table(title, pages, pieces, settings))
        }
        _ => Form::Project(project::project_table(
            title, pages, money_unit, pieces, settings,
        )),
    }
}
