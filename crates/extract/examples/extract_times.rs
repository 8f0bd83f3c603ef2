//! In-process wall time of the whole pipeline (bytes → JSON text) per file,
//! best of several runs, for `benches/compare.sh`:
//! `cargo run --release -p fiscal-extract --example extract_times RUNS FILE...`
//! prints `seconds<TAB>file` per file (reading the file is not timed).
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: usize = args
        .next()
        .and_then(|r| r.parse().ok())
        .expect("RUNS FILE...");
    for path in args {
        let bytes = std::fs::read(&path).expect("read");
        let best = (0..runs)
            .map(|_| {
                let start = Instant::now();
                let json = fiscal_extract::extract_bytes(&path, &bytes).map(|o| o.to_json());
                let took = start.elapsed().as_secs_f64();
                drop(json);
                took
            })
            .fold(f64::INFINITY, f64::min);
        println!("{best:.6}\t{path}");
    }
}
