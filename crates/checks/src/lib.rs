//! Checks stage: the recognized document validated against its own
//! arithmetic, its narrative and its form. Checks report; they never change a figure. Amount tolerance: 0.01
//! per summand (the documents note that unit conversion leaves 尾数误差).
//!
//! Rule names: every rule is a [`Rule`] of the one registry in `rule` (its id,
//! what it holds; the README's list is written from it). Identities between
//! figures are named for the identity
//! (`hierarchy_sum`, `total_row`, `row_total`, `sides_balance`, the
//! cross-table identities of [`identities`], `completion_rate`); comparisons
//! of the narrative with the tables start with `narrative_`; rules on the
//! document's form are named for what they look at (`table_set`,
//! `year_consistency`, `placeholder_text`, `doubled_punctuation`, …).
//!
//! Every rule either reports what it compared (`pass` / `fail`), says it
//! could not bind a sentence to a figure (`undetermined`), or says why it
//! could not run at all for this document (`skipped`, with the reason):
//! a skipped rule is not a passed one.
//!
//! Row roles (合计, 小计, a unit's header) and subject codes with their
//! hierarchy come typed from recognition (`RowRole`, `code::Code`): no rule
//! compares "合计" strings or code prefixes.
//!
//! Where things are: `check` (what a [`Check`] is: rule, [`Status`], table,
//! pages), `rule` (the registry of rules), `context` (what every rule reads), `run` (the runner calling every
//! check module: [`run_checks`]), `figures` (reading figures out of tables,
//! tolerances, the one comparison), `ratio` (a stated rate against two
//! printed figures), `arithmetic` (inside one table), `cross_table` runs
//! the per-kind identity tables of [`identities`] (the budget ones, and the
//! balance of budget summary tables, in `budget`), `completeness` (the
//! standard table set), `contents` (the tables the 目录 lists, in its
//! order), `narrative` (text against tables), `year_entity`
//! and `placeholders` (what the document says it is), `typography`;
//! `passages` gives every text rule the headings and paragraphs with their
//! pages. Checks of the narrative against itself (stated totals against their
//! listed parts) belong in a module of their own beside `narrative`, run
//! from [`run_checks`] on the same passages. `summary` is the one-paragraph
//! summary of a document's checks that the CLI prints.
mod arithmetic;
mod budget;
mod check;
mod completeness;
mod contents;
mod context;
mod cross_table;
mod figures;
mod forms;
pub mod identities;
mod narrative;
mod passages;
mod placeholders;
mod ratio;
pub mod rule;
mod run;
mod summary;
#[cfg(test)]
mod tests;
mod typography;
mod year_entity;

pub use check::{Check, ComparedFigure, Status};
pub use rule::Rule;
pub use run::run_checks;
pub use summary::{summary, CheckCounts, Counts};
