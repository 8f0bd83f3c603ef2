//! Prints a page's lines and ruling counts: `cargo run -p fiscal-layout --example dump_page FILE PAGE`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("read");
    let page: usize = args.get(2).and_then(|p| p.parse().ok()).unwrap_or(1);
    let gap: f32 = args.get(3).and_then(|p| p.parse().ok()).unwrap_or(0.6);
    let doc = fiscal_reader::load_document(&bytes, Default::default()).expect("load");
    let p = &doc.pages[page - 1];
    let h = p.segments.iter().filter(|s| s.is_horizontal()).count();
    let v = p.segments.iter().filter(|s| s.is_vertical()).count();
    println!(
        "page {} {}x{} glyphs {} segments h={} v={}",
        p.number,
        p.width,
        p.height,
        p.glyphs.len(),
        h,
        v
    );
    let refs: Vec<_> = p.glyphs.iter().collect();
    for l in fiscal_layout::lines::build_lines(&refs, gap, &Default::default()) {
        let parts: Vec<String> = l
            .chunks
            .iter()
            .map(|c| format!("[{:.0}-{:.0} {}]", c.x0, c.x1, c.text))
            .collect();
        println!("{:6.1} {}", l.top, parts.join(" "));
    }
}
