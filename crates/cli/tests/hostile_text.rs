//! Outputs are opened by people in spreadsheets and browsers: a PDF whose
//! texts are markup, script or formulas (testdata/hostile-text.pdf, made by
//! tools/render_hostile_text.py) must come out as inert text everywhere.
#[path = "../../extract/tests/common/mod.rs"]
mod common;

use std::io::Read;
use std::process::{Command, Output as Finished, Stdio};

use common::testdata;

/// The row names the PDF prints that spreadsheet software would run.
const FORMULAS: [&str; 4] = [
    "=HYPERLINK(\"http://example.invalid\",\"x\")",
    "+SUM(1,1)",
    "-1+2社会保障和就业支出",
    "@SUM(A1:A2)",
];

fn extract(args: &[&str]) -> Finished {
    Command::new(env!("CARGO_BIN_EXE_extract"))
        .args(args)
        .arg(testdata("hostile-text.pdf"))
        .stdin(Stdio::null())
        .output()
        .expect("extract runs")
}

#[test]
fn the_pdf_reads_as_printed() {
    let out = fiscal_extract::extract_file(&testdata("hostile-text.pdf")).unwrap();
    let table = out.tables[0].as_grid().unwrap();
    let names: Vec<&str> = table
        .rows
        .iter()
        .filter_map(|r| r.name.as_deref())
        .collect();
    for f in FORMULAS {
        assert!(names.contains(&f), "{f} in {names:?}");
    }
    assert!(names.iter().any(|n| n.starts_with("<script>")));
}

#[test]
fn csv_quotes_texts_that_start_like_formulas_and_keeps_amounts_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("f.csv");
    let f = extract(&["-f", "csv", "-o", target.to_str().unwrap()]);
    assert!(f.status.success(), "{}", String::from_utf8_lossy(&f.stderr));
    let bytes = std::fs::read(&target).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let names: Vec<&str> = records.iter().map(|r| &r[col("name")]).collect();
    for f in FORMULAS {
        assert!(
            names.contains(&format!("'{f}").as_str()),
            "'{f} in {names:?}"
        );
    }
    // No field of any record starts like a formula, but amounts and boxes
    // are plain numbers.
    for r in &records {
        for (i, field) in r.iter().enumerate() {
            let numeric = ["value", "page", "x0", "top", "x1", "bottom"]
                .iter()
                .any(|c| col(c) == i);
            if numeric {
                assert!(field.parse::<f64>().is_ok(), "{field}");
            } else {
                assert!(!field.starts_with(['=', '+', '-', '@']), "{field}");
            }
        }
    }
}

#[test]
fn xlsx_writes_texts_that_start_like_formulas_as_quoted_strings() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("f.xlsx");
    let f = extract(&["-f", "xlsx", "-o", target.to_str().unwrap()]);
    assert!(f.status.success(), "{}", String::from_utf8_lossy(&f.stderr));
    let mut book: Xlsx<_> = calamine::open_workbook(&target).unwrap();
    let mut strings = Vec::new();
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().next().is_none(),
            "{name} holds a formula"
        );
        let range = book.worksheet_range(&name).unwrap();
        for (_, _, cell) in range.used_cells() {
            if let Data::String(s) = cell {
                strings.push(s.clone());
            }
        }
    }
    for f in FORMULAS {
        assert!(strings.contains(&f.to_string()), "{f} as a string cell");
    }
    // Each such cell carries Excel's quote prefix, so that editing it keeps it text.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&target).unwrap()).unwrap();
    let mut styles = String::new();
    zip.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(styles.contains("quotePrefix=\"1\""), "{styles}");
}

#[test]
fn the_wide_csv_of_a_table_quotes_its_texts_too() {
    let dir = tempfile::tempdir().unwrap();
    let f = extract(&["-f", "csv", "--out-dir", dir.path().to_str().unwrap()]);
    assert!(f.status.success(), "{}", String::from_utf8_lossy(&f.stderr));
    // 表1 as printed: header rows, then code, name and the figure of each row.
    let bytes = std::fs::read(dir.path().join("hostile-text.表1.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..]);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let names: Vec<&str> = records.iter().map(|r| &r[1]).collect();
    for f in FORMULAS {
        assert!(
            names.contains(&format!("'{f}").as_str()),
            "'{f} in {names:?}"
        );
    }
    for r in &records {
        let last = r.len() - 1;
        for (i, field) in r.iter().enumerate() {
            assert!(
                i == last || !field.starts_with(['=', '+', '-', '@']),
                "{field}"
            );
        }
    }
    let amounts: Vec<&str> = records.iter().map(|r| &r[r.len() - 1]).collect();
    assert!(amounts.contains(&"2.00"), "{amounts:?}");
}
