//! `extract`: fiscal disclosure PDFs to JSON, JSON lines, CSV, XLSX or
//! SQLite — one file, a folder tree, or stdin. See `extract --help`.
//!
//! One job per module: [`args`] (flags and exit codes), [`inputs`] (files,
//! folders, stdin → PDFs and their output paths), [`plan`] (what a run will
//! do, checked before work starts), [`batch`] (converting and delivering),
//! [`isolate`] (a child process per file of a batch), [`sinks`] (stream,
//! database, report records), [`formats`] (each `--format`, written by
//! `fiscal-formats`), [`report`], [`console`] (progress and messages),
//! [`mod@write`] (atomic files), [`debug_layout`], [`review`] (`--review` reports).
mod args;
mod batch;
mod console;
mod debug_layout;
mod formats;
mod inputs;
mod isolate;
mod plan;
mod report;
mod review;
mod select;
mod sinks;
mod write;

use clap::Parser;

use args::Args;

fn main() {
    let args = Args::parse();
    if args.batch_child {
        isolate::serve(&args);
    }
    let status = batch::run(&args);
    // Exit without running destructors: nothing left needs them, and freeing
    // a large run's memory only costs time.
    std::process::exit(i32::from(status))
}
