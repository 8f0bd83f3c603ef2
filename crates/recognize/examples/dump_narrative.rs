//! Prints the narrative lines the outline reads, with page, position, size and
//! font: `cargo run -p fiscal-recognize --example dump_narrative FILE [FIRST [LAST]]`.
use fiscal_layout::blocks::{page_blocks, remove_running_lines};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("read");
    let first: u32 = args.get(2).and_then(|p| p.parse().ok()).unwrap_or(1);
    let last: u32 = args.get(3).and_then(|p| p.parse().ok()).unwrap_or(first);
    let doc = fiscal_reader::load_document(&bytes, Default::default()).expect("load");
    let mut pages: Vec<_> = doc.pages.iter().map(page_blocks).collect();
    remove_running_lines(&mut pages, &Default::default());
    let assembled = fiscal_recognize::assemble::assemble(&pages, &Default::default());
    for l in assembled
        .narrative
        .iter()
        .filter(|l| (first..=last).contains(&l.page))
    {
        let fonts: Vec<String> = l.line.chunks.iter().map(|c| c.font.to_string()).collect();
        println!(
            "p{} {:6.1} x{:4.0}-{:4.0} s{:4.1} f{} | {}",
            l.page,
            l.line.top,
            l.line.x0(),
            l.line.x1(),
            l.line.size(),
            fonts.join(","),
            l.line.reading_text()
        );
    }
}
