//! The one-paragraph check summary the CLI prints per file.
use crate::check::{Check, Status};
use crate::rule::Rule;

/// How many checks ended in each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckCounts {
    pub pass: usize,
    pub fail: usize,
    pub undetermined: usize,
    pub skipped: usize,
}

impl CheckCounts {
    pub fn of(checks: &[Check]) -> CheckCounts {
        let mut c = CheckCounts::default();
        for check in checks {
            match check.status {
                Status::Pass => c.pass += 1,
                Status::Fail => c.fail += 1,
                Status::Undetermined => c.undetermined += 1,
                Status::Skipped => c.skipped += 1,
            }
        }
        c
    }
}

/// How many failed checks the summary lists.
const LISTED_FAILURES: usize = 5;

/// What the summary counts of a document besides its checks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Tables and forms.
    pub tables: usize,
    /// Of them, tables of figures (grids).
    pub grids: usize,
    /// Warnings (anything recovered from).
    pub warnings: usize,
}

/// "FILE: 9 tables, 412 checks: 380 passed, 2 failed, 5 undetermined, 25
/// skipped, 3 warnings", then the first failed checks with their pages. A
/// document without tables of figures says so, and what its 目录 says of them
/// ("no tables of figures: the 目录 lists tables but this file holds none
/// (tables published separately?)").
pub fn summary(shown: &str, counts: Counts, checks: &[Check]) -> String {
    let c = CheckCounts::of(checks);
    let tables = if counts.grids > 0 {
        format!("{} tables,", counts.tables)
    } else {
        // What the 目录 says of the tables, and the table set's guess.
        let said = |rule: Rule| {
            checks
                .iter()
                .find(|c| c.rule == rule && c.status != Status::Pass)
                .map(|c| c.detail.as_str())
        };
        let mut why: Vec<&str> = said(Rule::ContentsTables).into_iter().collect();
        if !why.iter().any(|w| w.contains("published separately")) {
            why.extend(said(Rule::TableSet));
        }
        let why = if why.is_empty() {
            String::new()
        } else {
            format!(": {}", why.join("; "))
        };
        let forms = match counts.tables {
            0 => String::new(),
            1 => " (1 form)".to_string(),
            n => format!(" ({n} forms)"),
        };
        format!("no tables of figures{forms}{why};")
    };
    let mut s = format!(
        "{shown}: {tables} {} checks: {} passed, {} failed, {} undetermined, {} skipped, {} warnings",
        checks.len(),
        c.pass,
        c.fail,
        c.undetermined,
        c.skipped,
        counts.warnings
    );
    let failed: Vec<&Check> = checks.iter().filter(|c| c.status == Status::Fail).collect();
    for check in failed.iter().take(LISTED_FAILURES) {
        let place: Vec<String> = check
            .table
            .iter()
            .cloned()
            .chain(pages(&check.pages))
            .collect();
        s.push_str(&format!("\n  {}", check.rule));
        if !place.is_empty() {
            s.push_str(&format!(" {}", place.join(" ")));
        }
        s.push_str(&format!(": {}", check.detail));
    }
    if failed.len() > LISTED_FAILURES {
        s.push_str(&format!(
            "\n  … and {} more failed checks in the JSON",
            failed.len() - LISTED_FAILURES
        ));
    }
    s
}

fn pages(pages: &[u32]) -> Option<String> {
    match pages {
        [] => None,
        [p] => Some(format!("p.{p}")),
        [first, .., last] => Some(format!("pp.{first}–{last}")),
    }
}
