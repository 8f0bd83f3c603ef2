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
//! Every tolerance is named in [`FormSettings`], every printed wording the
//! readers know in `wording` (labels, headers, section words: a new place's
//! wording is an entry there). A form of many projects in one grid is a list
//! (`list`), each project read into the same model.
mod anchors;
mod department;
mod fields;
mod funds;
mod indicator_text;
mod indicators;
mod items;
mod list;
mod loose;
mod model;
mod project;
mod row;
mod runs;
mod settings;
mod spans;
mod wording;
mod words;

pub use items::PerfPiece;
pub use loose::{LooseLine, LooseText};
pub use model::{
    DepartmentGoals, FundRow, Funds, Goal, GoalRow, Indicator, PerformanceList, PerformanceTable,
};
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
    /// Many projects' targets printed as one list.
    List(PerformanceList),
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
        _ if list::is_list(pieces) => {
            Form::List(list::list_table(kind, title, pages, money_unit, pieces))
        }
        _ => Form::Project(project::project_table(
            kind, title, pages, money_unit, pieces, settings,
        )),
    }
}

/// Whether the pieces of a form printed under the same title on the next page
/// continue the form before rather than open a new one: a list goes on
/// (its header printed again), and a form whose head is not printed again
/// (no 项目名称 …: indicator rows run onto the next page) is the rest of the
/// one before.
pub fn continues_form(before: &[(u32, PerfPiece)], next: &[(u32, PerfPiece)]) -> bool {
    if list::is_list(before) {
        return list::repeats_list_header(next) || !items::prints_head(next);
    }
    !list::is_list(next) && !items::prints_head(next)
}
