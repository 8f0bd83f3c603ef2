//! Prints a page's blocks (lines and grids): `cargo run -p fiscal-recognize --example dump_blocks FILE PAGE`.
use fiscal_layout::blocks::{page_blocks, Block};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("read");
    let page: usize = args.get(2).and_then(|p| p.parse().ok()).unwrap_or(1);
    let doc = fiscal_reader::load_document(&bytes, Default::default()).expect("load");
    let pb = page_blocks(&doc.pages[page - 1]);
    for b in &pb.blocks {
        match b {
            Block::Line(l) => println!(
                "LINE {:.1}-{:.1} x{:.0}-{:.0} | {}",
                l.top,
                l.bottom,
                l.x0(),
                l.x1(),
                l.text()
            ),
            Block::Grid(g) => {
                println!(
                    "GRID ruled={} rows={} cols={} body_start={}",
                    g.ruled,
                    g.rows(),
                    g.cols(),
                    fiscal_recognize::header::body_start(g)
                );
                for r in 0..g.rows() {
                    let cells: Vec<String> = g
                        .row_cells(r)
                        .map(|c| {
                            format!("[{}-{}x{}-{} {}]", c.col0, c.col1, c.row0, c.row1, c.text)
                        })
                        .collect();
                    println!("  r{r} {:.1}: {}", g.y_edges[r], cells.join(" "));
                }
            }
        }
    }
}
