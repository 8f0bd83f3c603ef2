//! The column key vocabulary against the header paths every table of the 35
//! real disclosures prints (testdata/real-headers.json, collected once with
//! tools/collect_headers.py): no standard header falls outside the
//! vocabulary (no key made of printed text, the old hash keys' heirs), no key
//! carries a number suffix, and a header printing the document's year is the
//! current year, never a prior one.
use std::path::PathBuf;

use fiscal_recognize::columns::{meanings, name_table};
use fiscal_recognize::vocabulary::Period;
use fiscal_recognize::{Column, Row, Table, TableKind};
use serde_json::Value;

/// Header segments of known-kind tables that are not standard headers, each
/// read on its page: text garbled by extraction (label text overflowing its
/// cell, a header cut in the middle — the extraction's errors, issue 20),
/// column headers of text read as figures, a 合计 row label read into the
/// header, and headers only one document prints.
const NOT_STANDARD: &[&str] = &[
    // 西安安监 p32: glyphs overflowing their cells ("因公出国（境）费用" cut).
    "因公出国（",
    // Text columns read as figures (西安 结转资金 tables, 政府采购).
    "项目编号",
    "预算项目名称",
    "预算单位名称",
    "项目类别",
    "资金性质",
    // A 合计 row read into the header of the label columns of an empty
    // table (上海 决算 政府性基金/国有资本经营 tables without figures).
    "项目",
    "科目名称",
    // One document's own columns: 国家信访局 p10 (without central capital
    // construction), 广州 收入总表 p8 (other special-account income).
    "扣除中央基建投资后执行数",
    "扣除中央基建投资后预算数",
    "其他专户收入拨款",
];

fn fixture() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/real-headers.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// A table of the fixture.
struct FixtureTable {
    file: String,
    year: Option<u32>,
    kind: TableKind,
    /// (side label, printed header path)
    columns: Vec<(Option<String>, String)>,
    /// Row labels (三公 tables only).
    rows: Vec<Option<String>>,
}

impl FixtureTable {
    fn meanings(&self) -> Vec<fiscal_recognize::columns::Meaning> {
        let given: Vec<(Option<&str>, &str)> = self
            .columns
            .iter()
            .map(|(g, h)| (g.as_deref(), h.as_str()))
            .collect();
        meanings(self.kind, self.year, &given)
    }

    /// The table as recognition names it: columns keyed, rows given their item.
    fn named(&self) -> Table {
        let mut t = Table {
            number: None,
            title: String::new(),
            kind: self.kind,
            entity: None,
            money_unit: None,
            pages: vec![1],
            columns: self
                .columns
                .iter()
                .enumerate()
                .map(|(i, (group, header))| Column {
                    key: i.to_string(),
                    header: header.clone(),
                    group: group.clone(),
                    ..Column::default()
                })
                .collect(),
            text_columns: Vec::new(),
            rows: self
                .rows
                .iter()
                .map(|name| Row {
                    name: name.clone(),
                    ..Row::default()
                })
                .collect(),
            notes: Vec::new(),
            bboxes: Vec::new(),
        };
        name_table(&mut t, self.year, &mut Vec::new());
        t
    }
}

/// Every table of the fixture, with its document's file and year.
fn tables() -> Vec<FixtureTable> {
    let mut out = Vec::new();
    for doc in fixture() {
        let file = doc["file"].as_str().unwrap().to_string();
        let year = doc["year"].as_u64().map(|y| y as u32);
        for t in doc["tables"].as_array().unwrap() {
            let columns = t["columns"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    (
                        c[0].as_str().map(str::to_string),
                        c[1].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            let rows = t["rows"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().map(str::to_string))
                .collect();
            out.push(FixtureTable {
                file: file.clone(),
                year,
                kind: t["kind"].as_str().unwrap().parse().unwrap(),
                columns,
                rows,
            });
        }
    }
    out
}

#[test]
fn the_fixture_covers_the_corpus() {
    let known = tables()
        .iter()
        .filter(|t| t.kind != TableKind::Unknown)
        .count();
    assert!(known > 300, "{known} known-kind tables");
}

/// The old hash keys: h + 8 hex digits.
fn hashed(key: &str) -> bool {
    key.split('_').any(|p| {
        p.len() == 9 && p.starts_with('h') && p[1..].bytes().all(|b| b.is_ascii_hexdigit())
    })
}

#[test]
fn no_standard_header_falls_outside_the_vocabulary() {
    let mut outside = Vec::new();
    let mut excused: std::collections::HashSet<String> = std::collections::HashSet::new();
    for t in tables().iter().filter(|t| t.kind != TableKind::Unknown) {
        for (m, (_, header)) in t.meanings().iter().zip(&t.columns) {
            excused.extend(
                m.unknown
                    .iter()
                    .filter(|u| NOT_STANDARD.contains(&u.as_str()))
                    .cloned(),
            );
            if m.unknown
                .iter()
                .any(|u| !NOT_STANDARD.contains(&u.as_str()))
            {
                outside.push(format!("{} {}: {header} → {}", t.file, t.kind, m.key));
            }
            assert!(!hashed(&m.key), "{}: {header} → {}", t.file, m.key);
        }
    }
    assert!(
        outside.is_empty(),
        "headers outside the vocabulary:\n{}",
        outside.join("\n")
    );
    // An excuse no header needs any more (extraction reads it whole now) goes.
    let stale: Vec<&&str> = NOT_STANDARD
        .iter()
        .filter(|w| !excused.iter().any(|u| u.as_str() == **w))
        .collect();
    assert!(
        stale.is_empty(),
        "not-standard headers no table prints: {stale:?}"
    );
}

#[test]
fn no_key_carries_a_number_and_the_documents_year_is_current() {
    let mut seen = 0;
    for t in tables().iter().filter(|t| t.kind != TableKind::Unknown) {
        for (m, (_, header)) in t.meanings().iter().zip(&t.columns) {
            let last = m.key.rsplit('_').next().unwrap_or_default();
            assert!(
                !last.bytes().all(|b| b.is_ascii_digit()),
                "{}: {header} → {}",
                t.file,
                m.key
            );
            let compares = header.contains('比') || header.contains("增减");
            if t.year.is_some() && m.year == t.year && !compares {
                seen += 1;
                assert_eq!(m.period, Period::Current, "{}: {header}", t.file);
                assert!(
                    !m.key.starts_with("prior_year") && !m.key.starts_with("change"),
                    "{}: {header} → {}",
                    t.file,
                    m.key
                );
            }
        }
    }
    assert!(seen > 50, "{seen} columns print the document's year");
}

#[test]
fn every_three_public_table_names_its_total_by_key() {
    // The README's query finds each document's 三公 total by key: a column
    // `three_public` (per fund `three_public_<fund>` where a table splits
    // them), or where a table lists its items as rows, the row whose `item`
    // is `three_public`.
    let mut missing = Vec::new();
    for t in tables().iter().filter(|t| t.kind.is_three_public()) {
        let named = t.named();
        let by_column = named.columns.iter().any(|c| {
            c.period == Period::Current
                && (c.key == "three_public" || c.key.starts_with("three_public_"))
        });
        let by_row = named
            .rows
            .iter()
            .any(|r| r.item.as_deref() == Some("three_public"));
        if !by_column && !by_row {
            missing.push(format!("{}: {:?} {:?}", t.file, t.columns, t.rows));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
