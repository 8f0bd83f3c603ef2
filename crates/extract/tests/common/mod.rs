#![allow(dead_code)] // each test binary uses its own subset of these helpers
//! Shared helpers of the end-to-end tests: run the pipeline on a file in
//! `testdata/` and validate the JSON against the checked-in schema.
use std::path::PathBuf;

use lopdf::{dictionary, Document, Object, Stream};
use serde_json::Value;

pub fn testdata(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata")
        .join(name)
}

/// Extracts `name` from testdata and returns its JSON, checked against the schema.
pub fn extract_json(name: &str) -> Value {
    let out = fiscal_extract::extract_file(&testdata(name)).unwrap_or_else(|e| panic!("{e}"));
    let json: Value = serde_json::from_str(&out.to_json()).unwrap();
    assert_valid(&json);
    json
}

pub fn assert_valid(json: &Value) {
    let schema_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/output.schema.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(json)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "schema violations: {errors:#?}");
}

/// The titles of the document's tables, in order.
pub fn titles(json: &Value) -> Vec<&str> {
    json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap_or(""))
        .collect()
}

pub fn table<'a>(json: &'a Value, title: &str) -> &'a Value {
    json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["title"] == title)
        .unwrap_or_else(|| panic!("no table {title}"))
}

/// The key of the column whose header path is `header`.
pub fn key<'a>(table: &'a Value, header: &str) -> &'a str {
    table["columns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["header"] == header)
        .unwrap_or_else(|| panic!("no column {header} in {}", table["columns"]))["key"]
        .as_str()
        .unwrap()
}

pub fn row_by(table: &Value, pred: impl Fn(&Value) -> bool) -> &Value {
    table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| pred(r))
        .expect("row not found")
}

pub fn row_by_code<'a>(table: &'a Value, code: &str) -> &'a Value {
    row_by(table, |r| r["code"] == code)
}

/// Saves `doc` with one page drawing `content` with `resources`.
pub fn save_one_page(mut doc: Document, content: Stream, resources: lopdf::Dictionary) -> Vec<u8> {
    let pages_id = doc.new_object_id();
    let content_id = doc.add_object(content);
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => resources,
    });
    let pages = dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 };
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

pub fn one_page_pdf(content: Stream, resources: lopdf::Dictionary) -> Vec<u8> {
    save_one_page(Document::with_version("1.7"), content, resources)
}

/// A JSON string with its whitespace removed ("" for anything else).
pub fn compact(v: &Value) -> String {
    v.as_str()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Every section of an outline, depth first in reading order.
pub fn sections<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    for s in v.as_array().unwrap() {
        out.push(s);
        sections(&s["children"], out);
    }
}

/// The section whose heading, whitespace removed, is `heading`.
pub fn find_section<'a>(json: &'a Value, heading: &str) -> &'a Value {
    let mut all = Vec::new();
    sections(&json["sections"], &mut all);
    all.into_iter()
        .find(|s| compact(&s["heading"]) == heading)
        .unwrap_or_else(|| panic!("no section {heading}"))
}
