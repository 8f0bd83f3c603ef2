//! Wall time of each stage on one file: `cargo run --release -p fiscal-extract --example stage_times FILE`.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let bytes = std::fs::read(&path).expect("read");
    let t = Instant::now();
    let parsed = lopdf::Document::load_mem(&bytes).expect("lopdf");
    let lopdf_load = t.elapsed();
    drop(parsed);
    let t = Instant::now();
    let layout = fiscal_reader::load_document(&bytes, Default::default()).expect("load");
    let load = t.elapsed();
    let t = Instant::now();
    let blocks: Vec<_> = layout
        .pages
        .iter()
        .map(fiscal_layout::blocks::page_blocks)
        .collect();
    let pages = t.elapsed();
    let t = Instant::now();
    let rec = fiscal_recognize::recognize(&layout);
    let recognize = t.elapsed();
    let t = Instant::now();
    let out = fiscal_extract::extract_bytes(&path, &bytes)
        .expect("extract")
        .to_json();
    let all = t.elapsed();
    println!(
        "lopdf load alone {lopdf_load:?}  load+interpret {load:?}  blocks {pages:?}  recognize (incl. blocks) {recognize:?}  pipeline {all:?}  ({} pages, {} tables, {} bytes of JSON)",
        blocks.len(),
        rec.tables.len(),
        out.len()
    );
}
