//! Prints the ruled grids of a page: `cargo run -p fiscal-layout --example dump_grid FILE PAGE`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("read");
    let page: usize = args.get(2).and_then(|p| p.parse().ok()).unwrap_or(1);
    let doc = fiscal_reader::load_document(&bytes, Default::default()).expect("load");
    let p = &doc.pages[page - 1];
    let (grids, _) = fiscal_layout::grid::ruled_grids(&p.segments, &p.glyphs, &Default::default());
    for g in grids {
        println!("x {:?}\ny {:?}", g.x_edges, g.y_edges);
        for c in &g.cells {
            println!("  r{}-{} c{}-{} {}", c.row0, c.row1, c.col0, c.col1, c.text);
        }
    }
}
