//! Prints a page's ruling segments: `cargo run -p fiscal-reader --example dump_segments FILE PAGE`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("read");
    let page: usize = args.get(2).and_then(|p| p.parse().ok()).unwrap_or(1);
    let doc = fiscal_reader::load_document(&bytes, Default::default()).expect("load");
    for s in &doc.pages[page - 1].segments {
        let kind = if s.is_horizontal() {
            "H"
        } else if s.is_vertical() {
            "V"
        } else {
            "?"
        };
        println!("{kind} {:.1},{:.1} - {:.1},{:.1}", s.x0, s.y0, s.x1, s.y1);
    }
}
