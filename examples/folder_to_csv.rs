//! Walk a folder for PDFs and write every figure of every document into one
//! long-form CSV (one row per amount), reporting the files that fail.
//!
//! `cargo run -p fiscal-extract --example folder_to_csv -- FOLDER OUT.csv`
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn pdfs_under(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            pdfs_under(&path, found)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            found.push(path);
        }
    }
    Ok(())
}

fn main() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [folder, target] = args.as_slice() else {
        eprintln!("usage: folder_to_csv FOLDER OUT.csv");
        return Ok(ExitCode::from(2));
    };
    let mut files = Vec::new();
    pdfs_under(Path::new(folder), &mut files)?;
    files.sort();
    let mut csv = csv::Writer::from_path(target)?;
    csv.write_record([
        "file", "entity", "year", "table", "title", "code", "name", "header", "value", "unit",
    ])?;
    let (mut documents, mut rows, mut failed) = (0, 0, 0);
    for path in &files {
        let out = match fiscal_extract::extract_file(path) {
            Ok(out) => out,
            Err(e) => {
                eprintln!("skipped {e}");
                failed += 1;
                continue;
            }
        };
        documents += 1;
        for f in fiscal_extract::figures(&out) {
            csv.write_record([
                path.display().to_string(),
                f.document.entity.clone().unwrap_or_default(),
                f.document.year.map(|y| y.to_string()).unwrap_or_default(),
                f.table.number.clone().unwrap_or_default(),
                f.table.title.clone(),
                f.row.code.clone().unwrap_or_default(),
                f.row.name.clone().unwrap_or_default(),
                f.column.header.clone(),
                f.value.to_string(),
                f.money_unit().map_or("", |u| u.as_str()).to_string(),
            ])?;
            rows += 1;
        }
    }
    csv.flush()?;
    println!("{target}: {rows} figures from {documents} documents; {failed} files failed");
    Ok(if documents > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
