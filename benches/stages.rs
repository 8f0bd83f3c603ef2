//! One criterion bench per stage, on the PDFs in testdata/:
//! read (load + interpret every page), blocks (lines, ruled and aligned
//! grids), recognition, and the whole pipeline including JSON.
//! `cargo bench -p fiscal-extract`; `benches/compare.sh` sets these against
//! `pdftotext -layout` on the same files.
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use fiscal_layout::blocks::page_blocks;
use fiscal_reader::{load_document, Limits};

fn inputs() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf") && !p.ends_with("encrypted.pdf"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

fn stages(c: &mut Criterion) {
    for (name, bytes) in inputs() {
        let mut g = c.benchmark_group(name.trim_end_matches(".pdf").to_string());
        g.sample_size(20);
        g.bench_function("read", |b| {
            b.iter(|| load_document(&bytes, Limits::default()).unwrap())
        });
        let layout = load_document(&bytes, Limits::default()).unwrap();
        g.bench_function("blocks", |b| {
            b.iter(|| layout.pages.iter().map(page_blocks).count())
        });
        g.bench_function("recognize", |b| {
            b.iter(|| fiscal_recognize::recognize(&layout))
        });
        g.bench_function("pipeline", |b| {
            b.iter(|| {
                fiscal_extract::extract_bytes(&name, &bytes)
                    .unwrap()
                    .to_json()
            })
        });
        g.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
