//! Prints a document's 目录 as read: `cargo run -p fiscal-recognize --example dump_contents FILE`.
use fiscal_layout::blocks::{page_blocks, remove_running_lines, PageBlocks};
use fiscal_recognize::contents::read_contents;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: dump_contents FILE.pdf");
    let bytes = std::fs::read(&path).expect("read");
    let doc = fiscal_reader::load_document(&bytes, Default::default()).expect("load");
    let mut pages: Vec<PageBlocks> = doc.pages.iter().map(page_blocks).collect();
    remove_running_lines(&mut pages, &Default::default());
    let contents = read_contents(&pages);
    println!("pages {:?}", contents.pages());
    for e in &contents.entries {
        println!(
            "p{} L{:?} {}{} {}{}{}",
            e.listed_on,
            e.numbering,
            if e.names_table { "TABLE " } else { "" },
            e.table_number.as_deref().unwrap_or(""),
            e.text,
            e.page.map(|p| format!(" → {p}")).unwrap_or_default(),
            if e.declared_empty { " (空表)" } else { "" },
        );
    }
}
