//! The one-paragraph check summary the CLI prints per file.
use crate::check::{Check, Status};

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

/// "FILE: 9 tables, 412 checks: 380 passed, 2 failed, 5 undetermined, 25
/// skipped", then the first failed checks with their pages; `tables` is how
/// many tables the document has.
pub fn summary(shown: &str, tables: usize, checks: &[Check]) -> String {
    let c = CheckCounts::of(checks);
    let mut s = format!(
        "{shown}: {} tables, {} checks: {} passed, {} failed, {} undetermined, {} skipped",
        tables,
        checks.len(),
        c.pass,
        c.fail,
        c.undetermined,
        c.skipped
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
