//! Extract one PDF and print what came out: the document, its tables, and the
//! JSON of the output contract.
//!
//! `cargo run -p fiscal-extract --example extract_one -- FILE.pdf [--json]`
use std::path::PathBuf;
use std::process::ExitCode;

use fiscal_extract::AnyTable;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: extract_one FILE.pdf [--json]");
        return ExitCode::from(2);
    };
    let out = match fiscal_extract::extract_file(&path) {
        Ok(out) => out,
        Err(e) => {
            // The message names the file and the cause.
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    if args.next().as_deref() == Some("--json") {
        print!("{}", out.to_json());
        return ExitCode::SUCCESS;
    }
    let doc = &out.document;
    println!(
        "{} ({} pages): {} {:?} {:?}",
        out.source.file,
        out.source.pages,
        doc.entity.as_deref().unwrap_or("?"),
        doc.year,
        doc.kind
    );
    for table in &out.tables {
        match table {
            AnyTable::Grid(t) => println!(
                "  {} {} [{:?}]: {} columns, {} rows",
                t.number.as_deref().unwrap_or("-"),
                t.title,
                t.kind,
                t.columns.len(),
                t.rows.len()
            ),
            AnyTable::Performance(p) => println!(
                "  {} ({}): {} indicators",
                p.title,
                p.project.as_deref().unwrap_or("?"),
                p.indicators.len()
            ),
            AnyTable::DepartmentGoals(g) => println!("  {}: {} goals", g.title, g.rows.len()),
            AnyTable::PerformanceList(l) => {
                println!("  {}: {} projects", l.title, l.forms.len())
            }
        }
    }
    println!(
        "  {} sections, {} checks",
        out.sections.len(),
        out.checks.len()
    );
    ExitCode::SUCCESS
}
