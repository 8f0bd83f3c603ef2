//! The Parquet dataset on a bundled sample: a file per table named by the
//! document's sha256 under its year and kind, the long form's figures, and a
//! second write that replaces the first wherever it was.
use std::fs::File;
use std::path::{Path, PathBuf};

use fiscal_formats::arrow::{figures_long_form, DatasetTable};
use fiscal_formats::long::{self, Cell};
use fiscal_formats::parquet::Dataset;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

fn sample() -> fiscal_extract::Output {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/planted-errors.pdf");
    fiscal_extract::extract_file(&path).expect("the sample converts")
}

/// Where the document's file of `table` lies for a year and kind.
fn placed(root: &Path, table: DatasetTable, year: &str, kind: &str, name: &str) -> PathBuf {
    root.join(table.name())
        .join(format!("year={year}"))
        .join(format!("document_kind={kind}"))
        .join(name)
}

fn rows_in(path: &Path) -> usize {
    let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
        .unwrap()
        .build()
        .unwrap();
    reader.map(|b| b.unwrap().num_rows()).sum()
}

#[test]
fn a_document_is_one_file_per_table_under_its_year_and_kind() {
    let out = sample();
    assert_eq!(out.document.year, Some(2024));
    let dir = tempfile::tempdir().unwrap();
    Dataset::open(dir.path())
        .unwrap()
        .write("testdata/planted-errors.pdf", &out)
        .unwrap();
    let name = format!("{}.parquet", out.source.sha256);
    for table in DatasetTable::ALL {
        let file = placed(dir.path(), table, "2024", "final_accounts", &name);
        assert!(file.is_file(), "{}", file.display());
    }
    let figures = placed(
        dir.path(),
        DatasetTable::Figures,
        "2024",
        "final_accounts",
        &name,
    );
    assert_eq!(rows_in(&figures), fiscal_extract::figures(&out).count());
}

#[test]
fn writing_again_replaces_the_document_even_under_another_partition() {
    let mut out = sample();
    let dir = tempfile::tempdir().unwrap();
    let dataset = Dataset::open(dir.path()).unwrap();
    dataset.write("a.pdf", &out).unwrap();
    // As a later version of the program might read it: another year.
    out.document.year = None;
    dataset.write("a.pdf", &out).unwrap();
    let name = format!("{}.parquet", out.source.sha256);
    for table in DatasetTable::ALL {
        let old = placed(dir.path(), table, "2024", "final_accounts", &name);
        let new = placed(
            dir.path(),
            table,
            "__HIVE_DEFAULT_PARTITION__",
            "final_accounts",
            &name,
        );
        assert!(!old.exists() && new.is_file(), "{}", table.name());
    }
}

#[test]
fn the_long_form_batch_has_the_csv_columns_and_every_figure() {
    let out = sample();
    let batch = figures_long_form([("x.pdf", &out)]).unwrap();
    let schema = batch.schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    assert_eq!(names, long::COLUMNS);
    assert_eq!(batch.num_rows(), fiscal_extract::figures(&out).count());
    // The amounts are the printed decimals, exactly; every cell of its kind.
    let value = long::COLUMNS.iter().position(|&c| c == "value").unwrap();
    let values = batch
        .column(value)
        .as_any()
        .downcast_ref::<arrow_array::Decimal128Array>()
        .unwrap();
    for (i, record) in long::records("x.pdf", &out).enumerate() {
        let kinds: Vec<long::CellKind> = record.iter().map(Cell::kind).collect();
        assert_eq!(kinds, long::KINDS);
        let Cell::Amount(Some(d)) = record[value] else {
            panic!("the value column holds the amount")
        };
        let got: rust_decimal::Decimal = values.value_as_string(i).parse().unwrap();
        assert_eq!(got, d);
    }
}
