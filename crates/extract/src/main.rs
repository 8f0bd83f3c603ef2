//! `extract`: fiscal disclosure PDFs to JSON, JSON lines, CSV, XLSX or
//! SQLite — one file, a folder tree, or stdin. See `extract --help`.
mod cli;

use clap::Parser;

use cli::args::Args;

fn main() {
    let args = Args::parse();
    if args.batch_child {
        cli::isolate::serve(&args);
    }
    let status = cli::batch::run(&args);
    // Exit without running destructors: nothing left needs them, and freeing
    // a large run's memory only costs time.
    std::process::exit(i32::from(status))
}
