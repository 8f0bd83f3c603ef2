//! Extract one PDF and read the checks of its own arithmetic: how many of
//! each rule passed, and every failure with its detail and pages. Exits 1
//! when a check fails, so a script can flag the document.
//!
//! `cargo run -p fiscal-extract --example read_checks -- FILE.pdf`
use std::collections::BTreeMap;
use std::process::ExitCode;

use fiscal_extract::CheckStatus;

fn main() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: read_checks FILE.pdf");
        return Ok(ExitCode::from(2));
    };
    let out = fiscal_extract::extract_file(path.as_ref())?;
    // Per rule: (passed, failed, undetermined, skipped).
    let mut by_rule: BTreeMap<&str, (usize, usize, usize, usize)> = BTreeMap::new();
    for check in &out.checks {
        let counts = by_rule.entry(check.rule.as_str()).or_default();
        match check.status {
            CheckStatus::Pass => counts.0 += 1,
            CheckStatus::Fail => counts.1 += 1,
            CheckStatus::Undetermined => counts.2 += 1,
            CheckStatus::Skipped => counts.3 += 1,
        }
    }
    for (rule, (pass, fail, undetermined, skipped)) in &by_rule {
        println!(
            "{rule:<28} {pass:>5} pass {fail:>4} fail {undetermined:>4} undetermined {skipped:>3} skipped"
        );
    }
    for check in out.failed_checks() {
        println!(
            "FAIL {} {} (pages {:?}): {}",
            check.rule,
            check.table.as_deref().unwrap_or(""),
            check.pages,
            check.detail
        );
    }
    Ok(if out.failed_checks().next().is_some() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
