//! Validation against the document's own arithmetic, its narrative and its
//! form. Checks report; they never change a figure. Amount tolerance: 0.01
//! per summand (the documents note that unit conversion leaves 尾数误差).
//!
//! Rule names: identities between figures are named for the identity
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
//! Where things are: `arithmetic` (inside one table), `cross_table` runs
//! the per-kind identity tables of [`identities`] (the budget ones, and the
//! balance of budget summary tables, in `budget`), `completeness` (the
//! standard table set), `contents` (the tables the 目录 lists, in its
//! order), `narrative` (text against tables), `year_entity`
//! and `placeholders` (what the document says it is), `typography`;
//! `passages` gives every text rule the headings and paragraphs with their
//! pages. Checks of the narrative against itself (stated totals against their
//! listed parts) belong in a module of their own beside `narrative`, run
//! from [`run_checks`] on the same passages.
mod arithmetic;
mod budget;
mod completeness;
mod contents;
mod cross_table;
mod figures;
pub mod identities;
mod narrative;
mod passages;
mod placeholders;
mod summary;
#[cfg(test)]
mod tests;
mod typography;
mod year_entity;

use serde::{Deserialize, Serialize};

use fiscal_recognize::{AnyTable, DocumentKind, Recognized, Table};

pub use summary::{summary, CheckCounts};

pub(crate) use figures::*;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The figures agree (within the tolerance).
    Pass,
    /// The figures disagree: an error of the document or of extraction.
    Fail,
    /// The text could not be bound to one figure; nothing was compared.
    Undetermined,
    /// The rule could not run for this document (a table it needs is
    /// missing, the document has no narrative, …); `detail` says why.
    Skipped,
}

/// One rule applied to the document: figures compared, or why not.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Check {
    /// `hierarchy_sum`, `total_row`, `row_total`, `sides_balance`, the
    /// identities of [`identities`], `table_set`, `narrative_…`, … (see the
    /// module docs).
    pub rule: String,
    /// The table the check is about, by number ("表3") or else title, where
    /// there is one.
    pub table: Option<String>,
    /// Pass, fail, undetermined or skipped.
    pub status: Status,
    /// What was compared, with the figures on both sides (or why nothing was).
    pub detail: String,
    /// 1-based pages the figures are on.
    pub pages: Vec<u32>,
}

impl Check {
    pub(crate) fn new(rule: &str, status: Status, detail: impl Into<String>) -> Check {
        Check {
            rule: rule.to_string(),
            table: None,
            status,
            detail: detail.into(),
            pages: Vec::new(),
        }
    }

    /// A pass or a fail, as `ok` says.
    pub(crate) fn verdict(rule: &str, ok: bool, detail: impl Into<String>) -> Check {
        Check::new(rule, if ok { Status::Pass } else { Status::Fail }, detail)
    }

    pub(crate) fn skipped(rule: &str, reason: impl Into<String>) -> Check {
        Check::new(rule, Status::Skipped, reason)
    }

    /// The check concerns table `t` (its label and pages).
    pub(crate) fn on_table(mut self, t: &Table) -> Check {
        self.table = Some(label(t));
        self.pages = t.pages.clone();
        self
    }

    pub(crate) fn on_pages(mut self, pages: &[u32]) -> Check {
        self.pages = pages.to_vec();
        self
    }
}

/// What every rule reads: the document, its grids, its kind and its text.
pub(crate) struct Context<'a> {
    pub doc: &'a Recognized,
    pub grids: Vec<&'a Table>,
    /// The document's kind; from the tables' kinds when the cover does not say.
    pub kind: Option<DocumentKind>,
    pub passages: Vec<passages::Passage<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Recognized) -> Self {
        let grids: Vec<&Table> = doc.tables.iter().filter_map(AnyTable::as_grid).collect();
        let kind = doc.document.kind.or_else(|| {
            let known: Vec<_> = grids
                .iter()
                .filter(|t| t.kind.as_str() != "unknown")
                .collect();
            if known.is_empty() {
                None
            } else if known.iter().all(|t| t.kind.is_budget()) {
                Some(DocumentKind::Budget)
            } else {
                Some(DocumentKind::FinalAccounts)
            }
        });
        Context {
            doc,
            grids,
            kind,
            passages: passages::collect(&doc.sections),
        }
    }
}

/// Runs every rule over a recognized document.
pub fn run_checks(doc: &Recognized) -> Vec<Check> {
    let ctx = Context::new(doc);
    let mut out = Vec::new();
    arithmetic::run(&ctx, &mut out);
    cross_table::run(&ctx, &mut out);
    completeness::run(&ctx, &mut out);
    contents::run(&ctx, &mut out);
    narrative::run(&ctx, &mut out);
    year_entity::run(&ctx, &mut out);
    placeholders::run(&ctx, &mut out);
    typography::run(&ctx, &mut out);
    out
}

/// Reports `rule` as skipped for `reason` when it added nothing to `out`
/// since `before` (its length when the rule started).
pub(crate) fn skip_if_silent(out: &mut Vec<Check>, before: usize, rule: &str, reason: &str) {
    if !out[before..].iter().any(|c| c.rule == rule) {
        out.push(Check::skipped(rule, reason));
    }
}
