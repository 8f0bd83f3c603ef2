//! Seeds for the `layout` target: every page of the given PDFs in the
//! target's form (see src/lib.rs), written to fuzz/corpus/layout/.
//! `cargo run --release --example layout_seeds -- PDF...` (from fuzz/).
use std::hash::{DefaultHasher, Hash, Hasher};

fn main() {
    let out = std::path::Path::new("corpus/layout");
    std::fs::create_dir_all(out).expect("corpus/layout");
    let mut written = 0;
    for path in std::env::args().skip(1) {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let Ok(pages) = fiscal_reader::open_document(&bytes, Default::default()) else {
            continue;
        };
        for page in pages.flatten() {
            let seed = fiscal_fuzz::encode(&page);
            let mut h = DefaultHasher::new();
            seed.hash(&mut h);
            std::fs::write(out.join(format!("{:016x}", h.finish())), seed).expect("write seed");
            written += 1;
        }
    }
    println!("{written} pages written to {}", out.display());
}
