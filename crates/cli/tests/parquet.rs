//! `extract -f parquet --out-dir DS`: a dataset folder per table, a file per
//! document named by its sha256, the long form's figures; a re-run replaces,
//! `--skip-existing` leaves what the dataset already holds.
#[path = "../../extract/tests/common/mod.rs"]
mod common;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output as Finished, Stdio};

use common::testdata;
use fiscal_formats::arrow::DatasetTable;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

fn extract(args: &[&std::ffi::OsStr]) -> Finished {
    Command::new(env!("CARGO_BIN_EXE_extract"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("extract runs")
}

/// Every `*.parquet` under `root`, relative to it, sorted.
fn parquet_files(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "parquet") {
                found.push(path.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    found.sort();
    found
}

fn rows_in(path: &Path) -> usize {
    ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
        .unwrap()
        .build()
        .unwrap()
        .map(|b| b.unwrap().num_rows())
        .sum()
}

#[test]
fn a_folder_becomes_a_dataset_and_a_rerun_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir_all(inputs.join("a")).unwrap();
    let names = [
        "planted-errors.pdf",
        "lo-unruled.pdf",
        "seed-performance.pdf",
    ];
    for (i, name) in names.iter().enumerate() {
        let to = if i == 1 {
            inputs.join("a").join(name)
        } else {
            inputs.join(name)
        };
        std::fs::copy(testdata(name), to).unwrap();
    }
    let ds = dir.path().join("DS");
    let args = [
        "-q".as_ref(),
        "-f".as_ref(),
        "parquet".as_ref(),
        "--out-dir".as_ref(),
        ds.as_os_str(),
        inputs.as_os_str(),
    ];
    let f = extract(&args);
    assert!(f.status.success(), "{}", String::from_utf8_lossy(&f.stderr));

    let files = parquet_files(&ds);
    assert_eq!(files.len(), DatasetTable::ALL.len() * names.len());
    for name in names {
        let out = fiscal_extract::extract_file(&testdata(name)).unwrap();
        let file = format!("{}.parquet", out.source.sha256);
        let year = out
            .document
            .year
            .map_or("__HIVE_DEFAULT_PARTITION__".into(), |y| y.to_string());
        let kind = match out.document.kind {
            Some(k) => fiscal_formats::name_of(&k),
            None => "__HIVE_DEFAULT_PARTITION__".into(),
        };
        let partition = PathBuf::from(format!("year={year}")).join(format!("document_kind={kind}"));
        for table in DatasetTable::ALL {
            let placed = Path::new(table.name()).join(&partition).join(&file);
            assert!(files.contains(&placed), "{} {name}", table.name());
        }
        let figures = ds.join("figures").join(&partition).join(&file);
        assert_eq!(
            rows_in(&figures),
            fiscal_extract::figures(&out).count(),
            "{name}"
        );
    }

    // Again: the same files, none added.
    assert!(extract(&args).status.success());
    assert_eq!(parquet_files(&ds), files);

    // --skip-existing: every document is already there.
    let report = dir.path().join("report.jsonl");
    let mut skip = args.to_vec();
    skip.extend([
        "--skip-existing".as_ref(),
        "--report".as_ref(),
        report.as_os_str(),
    ]);
    assert!(extract(&skip).status.success());
    let report = std::fs::read_to_string(&report).unwrap();
    assert_eq!(report.lines().count(), names.len());
    assert!(
        report.lines().all(|l| l.contains("\"skipped\"")),
        "{report}"
    );
}

#[test]
fn parquet_needs_a_dataset_folder() {
    let f = extract(&[
        "-f".as_ref(),
        "parquet".as_ref(),
        "-o".as_ref(),
        "x.parquet".as_ref(),
        testdata("lo-unruled.pdf").as_os_str(),
    ]);
    assert_eq!(f.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&f.stderr).contains("--out-dir"));
}
