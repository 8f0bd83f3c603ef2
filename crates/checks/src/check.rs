//! What a check is: the rule applied, its outcome and where in the document.
use serde::{Deserialize, Serialize};

use fiscal_recognize::{PageBox, Row, Table};

pub use crate::rule::Rule;

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
    /// The rule applied (serialized as its id: `hierarchy_sum`, `table_set`,
    /// `narrative_…`, …; see [`Rule`]).
    pub rule: Rule,
    /// The table the check is about, by number ("表3") or else title, where
    /// there is one.
    pub table: Option<String>,
    /// Pass, fail, undetermined or skipped.
    pub status: Status,
    /// What was compared, with the figures on both sides (or why nothing was).
    pub detail: String,
    /// 1-based pages the figures are on.
    pub pages: Vec<u32>,
    /// The figures compared, each with where it is printed (empty where the
    /// rule compares no figure of a table).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<ComparedFigure>,
}

/// One figure a check compared: its table, row and column, the amount as
/// read, and where it is printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparedFigure {
    /// The table, by number ("表3") or else title.
    pub table: String,
    /// The row's code, where it has one.
    pub code: Option<String>,
    /// The row's name as printed.
    pub name: Option<String>,
    /// The column's key.
    pub column: String,
    /// The amount as read (`None`: a blank cell, read as 0).
    pub value: Option<String>,
    /// Its page and box; `None` for a blank cell.
    pub bbox: Option<PageBox>,
}

impl ComparedFigure {
    /// The figure of row `r` of table `t` in column `key`.
    pub fn of(t: &Table, r: &Row, key: &str) -> ComparedFigure {
        ComparedFigure {
            table: label(t),
            code: r.code.clone(),
            name: r.name.clone(),
            column: key.to_string(),
            value: r.values.get(key).copied().flatten().map(|d| d.to_string()),
            bbox: r.value_bboxes.get(key).copied(),
        }
    }
}

impl Check {
    pub(crate) fn new(rule: Rule, status: Status, detail: impl Into<String>) -> Check {
        Check {
            rule,
            table: None,
            status,
            detail: detail.into(),
            pages: Vec::new(),
            figures: Vec::new(),
        }
    }

    /// A pass or a fail, as `ok` says.
    pub(crate) fn verdict(rule: Rule, ok: bool, detail: impl Into<String>) -> Check {
        Check::new(rule, if ok { Status::Pass } else { Status::Fail }, detail)
    }

    pub(crate) fn skipped(rule: Rule, reason: impl Into<String>) -> Check {
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

    /// The check compared `figures`: the figure checked first, then those
    /// it was compared with. Kept only when the check failed or could not
    /// decide: that is what a reviewer looks up on the page, while listing
    /// the summands of every passing check multiplied the output (a 262-page
    /// document: 8 MB of JSON became 50 MB) for nothing anyone reads.
    pub(crate) fn comparing(mut self, figures: Vec<ComparedFigure>) -> Check {
        if matches!(self.status, Status::Fail | Status::Undetermined) {
            self.figures = figures;
        }
        self
    }
}

/// How a check names a table: its printed number, else its title.
pub(crate) fn label(t: &Table) -> String {
    t.number.clone().unwrap_or_else(|| t.title.clone())
}

/// Reports `rule` as skipped for `reason` when it added nothing to `out`
/// since `before` (its length when the rule started).
pub(crate) fn skip_if_silent(out: &mut Vec<Check>, before: usize, rule: Rule, reason: &str) {
    if !out[before..].iter().any(|c| c.rule == rule) {
        out.push(Check::skipped(rule, reason));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(value: &str) -> ComparedFigure {
        ComparedFigure {
            table: "表1".into(),
            code: None,
            name: Some("合计".into()),
            column: "total".into(),
            value: Some(value.into()),
            bbox: None,
        }
    }

    #[test]
    fn only_failed_or_undecided_checks_name_their_figures() {
        let figs = || vec![figure("1.00"), figure("2.00")];
        assert!(Check::verdict(Rule::TotalRow, true, "")
            .comparing(figs())
            .figures
            .is_empty());
        assert_eq!(
            Check::verdict(Rule::TotalRow, false, "")
                .comparing(figs())
                .figures
                .len(),
            2
        );
        let undecided = Check::new(Rule::TotalRow, Status::Undetermined, "");
        assert_eq!(undecided.comparing(figs()).figures.len(), 2);
    }
}
