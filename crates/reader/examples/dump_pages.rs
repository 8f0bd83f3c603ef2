//! Everything the reader read from PDFs, exactly (floats in full), one
//! line per glyph and segment: `cargo run -p fiscal-reader --example dump_pages FILE…`.
//! Diff two builds' dumps to show a change to loading or interpretation leaves
//! the pages byte-identical.
fn main() {
    for path in std::env::args().skip(1) {
        println!("== {path}");
        let bytes = std::fs::read(&path).expect("read");
        let doc = match fiscal_reader::load_document(&bytes, Default::default()) {
            Ok(d) => d,
            Err(e) => {
                println!("error: {e}");
                continue;
            }
        };
        println!("producer {:?} title {:?}", doc.producer, doc.title);
        for w in &doc.warnings {
            println!("warning {w}");
        }
        for p in &doc.pages {
            println!("page {} {:?}x{:?}", p.number, p.width, p.height);
            for g in &p.glyphs {
                let (x, y, w, s, f) = (g.x, g.baseline, g.width, g.size, g.font);
                println!("g {:?} {x:?} {y:?} {w:?} {s:?} {f}", g.ch);
            }
            for s in &p.segments {
                println!("s {:?} {:?} {:?} {:?}", s.x0, s.y0, s.x1, s.y1);
            }
        }
    }
}
