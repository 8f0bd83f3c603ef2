//! The command line as users of table extractors expect it: --pages and
//! --tables, a wide CSV per table, output files that honour the umask, a
//! summary that says when there are no tables.
mod support;

use std::process::{Command, Stdio};

use fiscal_extract::Output;
use support::common::testdata;
use support::{extract, library, run, stderr};

#[cfg(unix)]
#[test]
fn output_files_honour_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    for (umask, mode) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let target = dir.path().join(format!("out-{umask}.json"));
        let review = dir.path().join(format!("review-{umask}"));
        let f = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask} && exec \"$0\" -q -o \"$1\" --review \"$2\" \"$3\""
            ))
            .arg(env!("CARGO_BIN_EXE_extract"))
            .arg(&target)
            .arg(&review)
            .arg(testdata("lo-ruled-cut-row.pdf"))
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(f.status.success(), "{}", stderr(&f));
        for file in [target, review.join("lo-ruled-cut-row.html")] {
            let got = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(got, mode, "{} under umask {umask}", file.display());
        }
    }
}

#[test]
fn the_summary_says_when_there_are_no_tables_and_counts_warnings() {
    let f = run(extract().arg(testdata("budget-shenzhen-cover.pdf")));
    assert!(f.status.success(), "{}", stderr(&f));
    let first = stderr(&f).lines().next().unwrap_or_default().to_string();
    assert!(first.contains(": no tables of figures"), "{first}");
    assert!(first.contains("published separately?"), "{first}");
    assert!(first.trim_end().ends_with(" warnings"), "{first}");
    let f = run(extract().arg(testdata("lo-unruled.pdf")));
    let first = stderr(&f).lines().next().unwrap_or_default().to_string();
    assert!(
        first.contains(": 6 tables, ") && first.contains(", 0 warnings"),
        "{first}"
    );
}

#[test]
fn pages_and_tables_select_what_is_extracted() {
    let path = testdata("lo-unruled.pdf");
    let all = library(&path);
    let f = run(extract().args(["--pages", "1", "-q"]).arg(&path));
    assert!(f.status.success(), "{}", stderr(&f));
    let first: Output = serde_json::from_slice(&f.stdout).unwrap();
    assert_eq!(first.source.pages, 1);
    assert!(
        first.tables.iter().all(|t| t.pages() == [1]),
        "only page 1's tables"
    );
    assert!(first
        .checks
        .iter()
        .filter(|c| c.rule == "table_set")
        .all(|c| c.status == fiscal_extract::CheckStatus::Skipped));
    let kind = all.tables[1].as_grid().unwrap().kind.as_str().to_string();
    let f = run(extract().args(["--tables", &kind, "-q"]).arg(&path));
    let some: Output = serde_json::from_slice(&f.stdout).unwrap();
    assert!(!some.tables.is_empty());
    assert!(some
        .tables
        .iter()
        .all(|t| t.as_grid().unwrap().kind.as_str() == kind));
    let labels: Vec<&str> = some
        .tables
        .iter()
        .map(|t| t.number().unwrap_or(t.title()))
        .collect();
    assert!(some
        .checks
        .iter()
        .all(|c| c.table.as_deref().is_none_or(|t| labels.contains(&t))));
    let bad = run(extract().args(["--pages", "0-2"]).arg(&path));
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn csv_writes_each_table_as_printed_beside_the_long_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = testdata("lo-ruled-cut-row.pdf");
    let out = library(&path);
    let f = run(extract()
        .args(["-f", "csv", "--out-dir"])
        .arg(dir.path())
        .arg(&path));
    assert!(f.status.success(), "{}", stderr(&f));
    let mut wide: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("lo-ruled-cut-row.") && n != "lo-ruled-cut-row.csv")
        .collect();
    wide.sort();
    let grids: Vec<&fiscal_extract::Table> =
        out.tables.iter().filter_map(|t| t.as_grid()).collect();
    assert_eq!(wide.len(), grids.len(), "{wide:?}");
    // The first table: its header levels on top, then a line per row with its figures.
    let t = grids[0];
    let name = format!(
        "lo-ruled-cut-row.{}.csv",
        t.number.clone().unwrap_or("table1".into())
    );
    let bytes = std::fs::read(dir.path().join(&name)).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..]);
    let lines: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let depth = t
        .columns
        .iter()
        .map(|c| c.header.split('/').count())
        .max()
        .unwrap();
    assert_eq!(lines.len(), depth + t.rows.len());
    let first_leaf = t.columns[0].header.split('/').next().unwrap();
    assert!(lines[0].iter().any(|f| f == first_leaf), "{:?}", lines[0]);
    for (line, row) in lines[depth..].iter().zip(&t.rows) {
        let figures: Vec<String> = t
            .columns
            .iter()
            .map(|c| {
                row.values
                    .get(&c.key)
                    .copied()
                    .flatten()
                    .map(|v| v.to_string())
                    .unwrap_or_default()
            })
            .collect();
        let tail: Vec<&str> = line.iter().skip(line.len() - figures.len()).collect();
        assert_eq!(tail, figures);
    }
}
