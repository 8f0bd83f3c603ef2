//! The `extract` command line end to end: inputs (nested folders, stdin),
//! every format read back, the database, the report, shards, skipping, a
//! closed stdout and a batch that survives a file that kills its process.
mod support;

use std::collections::BTreeSet;
use std::io::Read;
use std::process::{Command, Stdio};

use fiscal_extract::{figures, Output};
use support::common::testdata;
use support::{
    extract, library, mixed_inputs, nested_files, nested_inputs, report_lines, run, stderr,
};

#[test]
fn nested_folders_are_mirrored_and_equal_names_do_not_collide() {
    let (dir, root) = nested_inputs();
    let out = dir.path().join("out");
    let f = run(extract().arg("--out-dir").arg(&out).arg(&root));
    assert!(f.status.success(), "{}", stderr(&f));
    for (input, output) in nested_files(&root)
        .iter()
        .zip(["x.json", "a/x.json", "b/X.json"])
    {
        let written = std::fs::read_to_string(out.join(output)).unwrap();
        // Converted in a child process and read back: the same bytes as the library's.
        assert_eq!(written, library(input).to_json(), "{output}");
    }
    assert!(!out.join("b/notes.json").exists());
    // No progress bar when stderr is not a terminal; the tally says it all.
    assert!(!stderr(&f).contains("ETA"));
    assert!(
        stderr(&f).contains("3 files: 3 converted, 0 failed, 0 skipped"),
        "{}",
        stderr(&f)
    );
}

#[test]
fn inputs_that_map_to_one_output_are_refused_before_any_work() {
    let (dir, root) = nested_inputs();
    let out = dir.path().join("out");
    let f = run(extract()
        .arg("--out-dir")
        .arg(&out)
        .arg(root.join("x.pdf"))
        .arg(root.join("a/x.pdf")));
    assert_eq!(f.status.code(), Some(2));
    assert!(
        stderr(&f).contains("x.json would be written by"),
        "{}",
        stderr(&f)
    );
    assert!(!out.exists());
}

#[test]
fn stdin_is_one_pdf() {
    let path = testdata("lo-ruled-cut-row.pdf");
    let mut child = extract()
        .arg("-")
        .stdin(std::fs::File::open(&path).unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut json = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut json)
        .unwrap();
    assert!(child.wait().unwrap().success());
    let from_stdin: Output = serde_json::from_str(&json).unwrap();
    let mut expected = library(&path);
    assert_eq!(from_stdin.source.file, "stdin");
    expected.source.file = "stdin".into();
    assert_eq!(json, expected.to_json());
}

/// Reads a little of stdout, closes it, and expects a quiet exit 0.
fn ends_quietly_when_stdout_closes(cmd: &mut Command) {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    // The pipe's reader is gone now, like `| head -c 64`.
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("Broken pipe"),
        "{err}"
    );
}

#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    ends_quietly_when_stdout_closes(extract().arg(testdata("seed-chrome-ruled.pdf")));
    let (_dir, root) = nested_inputs();
    ends_quietly_when_stdout_closes(extract().args(["-f", "jsonl"]).arg(&root));
}

#[test]
fn jsonl_has_one_document_per_line() {
    let (_dir, root) = nested_inputs();
    let f = run(extract().args(["-f", "jsonl", "-q"]).arg(&root));
    assert!(f.status.success(), "{}", stderr(&f));
    let text = String::from_utf8(f.stdout).unwrap();
    let mut read: Vec<Output> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut expected: Vec<Output> = nested_files(&root).iter().map(|p| library(p)).collect();
    read.sort_by(|a, b| a.source.sha256.cmp(&b.source.sha256));
    expected.sort_by(|a, b| a.source.sha256.cmp(&b.source.sha256));
    let json = |v: &[Output]| v.iter().map(Output::to_json).collect::<Vec<_>>();
    assert_eq!(json(&read), json(&expected));
}

#[test]
fn csv_has_a_bom_and_every_figure() {
    let (dir, root) = nested_inputs();
    let target = dir.path().join("figures.csv");
    let f = run(extract().args(["-f", "csv", "-o"]).arg(&target).arg(&root));
    assert!(f.status.success(), "{}", stderr(&f));
    let bytes = std::fs::read(&target).unwrap();
    assert!(bytes.starts_with("\u{feff}file,entity,year,".as_bytes()));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let key = |r: &csv::StringRecord| {
        [
            "file",
            "title",
            "group",
            "code",
            "name",
            "column_key",
            "value",
        ]
        .map(|c| r[col(c)].to_string())
    };
    // Forms' fields and indicators follow the figures (column_key form_…).
    let is_figure = |r: &csv::StringRecord| !r[col("column_key")].starts_with("form_");
    let rows: Vec<[String; 7]> = reader
        .records()
        .map(Result::unwrap)
        .filter(is_figure)
        .map(|r| key(&r))
        .collect();
    let mut expected = Vec::new();
    for path in nested_files(&root) {
        let out = library(&path);
        for fig in figures(&out) {
            let opt = |s: &Option<String>| s.clone().unwrap_or_default();
            expected.push([
                path.display().to_string(),
                fig.table.title.clone(),
                opt(&fig.row.group),
                opt(&fig.row.code),
                opt(&fig.row.name),
                fig.column.key.clone(),
                fig.value.to_string(),
            ]);
        }
    }
    assert!(expected.len() > 50, "{} figures", expected.len());
    let sorted = |mut v: Vec<[String; 7]>| {
        v.sort();
        v
    };
    assert_eq!(sorted(rows), sorted(expected));
    // Each figure's page and box: every figure has one, as the JSON gives it.
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let mut boxes: Vec<[String; 5]> = reader
        .records()
        .map(Result::unwrap)
        .filter(is_figure)
        .map(|r| ["page", "x0", "top", "x1", "bottom"].map(|c| r[col(c)].to_string()))
        .collect();
    let mut expected: Vec<[String; 5]> = nested_files(&root)
        .iter()
        .flat_map(|path| {
            let out = library(path);
            figures(&out)
                .map(|fig| {
                    let b = fig.bbox().expect("every figure has a box");
                    let c = |v: f32| format!("{}", (f64::from(v) * 100.0).round() / 100.0);
                    [b.page.to_string(), c(b.x0), c(b.top), c(b.x1), c(b.bottom)]
                })
                .collect::<Vec<_>>()
        })
        .collect();
    boxes.sort();
    expected.sort();
    assert_eq!(boxes, expected);
}

#[test]
fn xlsx_has_a_sheet_per_table_a_figures_and_a_checks_sheet() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let path = testdata("lo-ruled-cut-row.pdf");
    let target = dir.path().join("doc.xlsx");
    let f = run(extract().args(["-f", "xlsx", "-o"]).arg(&target).arg(&path));
    assert!(f.status.success(), "{}", stderr(&f));
    let out = library(&path);
    let mut book: Xlsx<_> = calamine::open_workbook(&target).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), out.tables.len() + 3, "{names:?}");
    assert_eq!(names.first().map(String::as_str), Some("document"));
    assert_eq!(names[names.len() - 2], "figures");
    assert_eq!(names.last().map(String::as_str), Some("checks"));
    let checks = book.worksheet_range("checks").unwrap();
    assert_eq!(checks.height(), out.checks.len() + 1);
    // The figures sheet: every figure, with its page and box as numbers.
    let long = book.worksheet_range("figures").unwrap();
    assert_eq!(long.height(), figures(&out).count() + 1);
    let heading = |name: &str| {
        (0..long.width()).find(|&c| long.get((0, c)) == Some(&Data::String(name.into())))
    };
    let page = heading("page").unwrap();
    let bottom = heading("bottom").unwrap();
    for (r, fig) in (1..).zip(figures(&out)) {
        let b = fig.bbox().unwrap();
        assert_eq!(long.get((r, page)), Some(&Data::Float(b.page.into())));
        let printed = match long.get((r, bottom)) {
            Some(Data::Float(v)) => *v,
            other => panic!("bottom of figure {r}: {other:?}"),
        };
        assert!((printed - f64::from(b.bottom)).abs() < 0.006);
    }
    // Each grid's sheet holds its title, every printed header level and every amount.
    for (table, name) in out.tables.iter().zip(&names[1..]) {
        let Some(grid) = table.as_grid() else {
            continue;
        };
        let sheet = book.worksheet_range(name).unwrap();
        let cells: Vec<&Data> = sheet.used_cells().map(|(_, _, d)| d).collect();
        let texts: BTreeSet<String> = cells
            .iter()
            .filter_map(|d| match d {
                Data::String(s) => Some(s.clone()),
                _ => None,
            })
            .collect();
        assert!(texts.iter().any(|t| t.contains(&grid.title)), "{name}");
        for column in &grid.columns {
            for level in column.header.split('/') {
                assert!(texts.contains(level), "{name}: header {level}");
            }
        }
        let numbers = cells.iter().filter(|d| matches!(d, Data::Float(_))).count();
        let amounts = figures(&out)
            .filter(|f| std::ptr::eq(f.table, grid))
            .count();
        // Each row's page and box follow its figures.
        let placed = grid.rows.iter().filter(|r| r.bbox.is_some()).count();
        assert_eq!(placed, grid.rows.len(), "{name}");
        assert_eq!(numbers, amounts + 5 * placed, "{name}");
    }
}

/// Table title, code, name, column key, value.
type FigureKey = (String, Option<String>, Option<String>, String, String);

#[test]
fn sqlite_holds_every_document_once_after_two_runs() {
    let (dir, root) = nested_inputs();
    let db = dir.path().join("fiscal.sqlite");
    for _ in 0..2 {
        let f = run(extract().arg("--db").arg(&db).arg(&root));
        assert!(f.status.success(), "{}", stderr(&f));
        assert!(
            f.stdout.is_empty(),
            "--db alone writes no documents to stdout"
        );
    }
    let outs: Vec<Output> = nested_files(&root).iter().map(|p| library(p)).collect();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM documents"), 3);
    let tables: usize = outs.iter().map(|o| o.tables.len()).sum();
    assert_eq!(count("SELECT count(*) FROM tables") as usize, tables);
    let checks: usize = outs.iter().map(|o| o.checks.len()).sum();
    assert_eq!(count("SELECT count(*) FROM checks") as usize, checks);
    let amounts: usize = outs.iter().map(|o| figures(o).count()).sum();
    assert_eq!(count("SELECT count(*) FROM figures") as usize, amounts);
    // Every figure of the first document, found again through the joins.
    let first = &outs[0];
    let mut stmt = conn
        .prepare(
            "SELECT t.title, r.code, r.name, f.column_key, f.value
             FROM figures f JOIN rows r ON r.id = f.row_id JOIN tables t ON t.id = r.table_id
             JOIN documents d ON d.id = t.document_id WHERE d.sha256 = ?1",
        )
        .unwrap();
    let mut found: Vec<FigureKey> = stmt
        .query_map([&first.source.sha256], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut expected: Vec<FigureKey> = figures(first)
        .map(|f| {
            (
                f.table.title.clone(),
                f.row.code.clone(),
                f.row.name.clone(),
                f.column.key.clone(),
                f.value.to_string(),
            )
        })
        .collect();
    found.sort();
    expected.sort();
    assert_eq!(found, expected);
    // Every figure and row is placed on its page.
    assert_eq!(
        count("SELECT count(*) FROM figures WHERE page IS NULL OR bottom IS NULL"),
        0
    );
    assert_eq!(count("SELECT count(*) FROM rows WHERE page IS NULL"), 0);
    let pages: i64 = outs
        .iter()
        .flat_map(|o| figures(o).map(|f| i64::from(f.bbox().unwrap().page)))
        .sum();
    assert_eq!(count("SELECT sum(page) FROM figures"), pages);
}

/// A folder of good PDFs and bad files of every kind the report must name.
#[test]
fn the_report_names_every_file_with_its_status_and_cause() {
    let (dir, root) = mixed_inputs();
    for name in ["report.csv", "report.jsonl"] {
        let report = dir.path().join(name);
        let f = run(extract()
            .arg("--out-dir")
            .arg(dir.path().join("out"))
            .arg("--report")
            .arg(&report)
            .arg(&root));
        assert_eq!(f.status.code(), Some(1), "{}", stderr(&f));
        let lines: Vec<serde_json::Value> = if name.ends_with(".csv") {
            let mut r = csv::Reader::from_path(&report).unwrap();
            let header = r.headers().unwrap().clone();
            r.records()
                .map(|rec| {
                    let rec = rec.unwrap();
                    header
                        .iter()
                        .zip(rec.iter())
                        .map(|(h, v)| (h.to_string(), serde_json::Value::from(v)))
                        .collect()
                })
                .collect()
        } else {
            report_lines(&report)
        };
        assert_eq!(lines.len(), 6, "{name}");
        let line = |file: &str| {
            let shown = root.join(file).display().to_string();
            lines
                .iter()
                .find(|l| l["file"] == shown.as_str())
                .unwrap_or_else(|| panic!("{file} in {name}"))
        };
        for (file, cause) in [
            ("text.pdf", "not a PDF"),
            ("cut.pdf", "truncated"),
            ("locked.pdf", "encrypted"),
        ] {
            let l = line(file);
            assert_eq!(l["status"], "failed", "{file}");
            assert!(
                l["error"].as_str().unwrap().contains(cause),
                "{file}: {}",
                l["error"]
            );
        }
        let good = line("a/x.pdf");
        assert_eq!(good["status"], "ok");
        let pages = good["pages"].to_string().trim_matches('"').to_string();
        assert_eq!(pages, "5");
        assert!(
            stderr(&f).contains("6 files: 3 converted, 3 failed"),
            "{}",
            stderr(&f)
        );
    }
}

/// The indicators of every form, a list's projects' too, are rows of
/// `indicators` with their form's project: 国家信访局's three forms print 9, 11
/// and 9 indicators.
#[test]
fn sqlite_holds_the_indicators_of_forms() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("forms.sqlite");
    let f = run(extract()
        .arg("--db")
        .arg(&db)
        .arg(testdata("forms-petition.pdf")));
    assert!(f.status.success(), "{}", stderr(&f));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let per_project: Vec<(String, i64)> = conn
        .prepare("SELECT project, count(*) FROM indicators GROUP BY project ORDER BY project")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        per_project,
        [
            ("信息化运行维护".to_string(), 9),
            ("信访业务培训".to_string(), 9),
            ("信访综合保障经费".to_string(), 11)
        ]
    );
    let target: String = conn
        .query_row(
            "SELECT target FROM indicators WHERE level2 = '设备完好率'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(target, "≥96%");
}
