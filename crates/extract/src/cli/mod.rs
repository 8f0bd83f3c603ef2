//! The `extract` command line, one job per module: [`args`] (flags and exit
//! codes), [`inputs`] (files, folders, stdin → PDFs and their output paths),
//! [`plan`] (what a run will do, checked before work starts), [`batch`]
//! (converting and delivering), [`isolate`] (a child process per file of a
//! batch), [`sinks`] (stream, database, report records), [`formats`]
//! (json, jsonl, csv, xlsx), [`db`] (SQLite), [`report`], [`console`]
//! (progress and messages), [`mod@write`] (atomic files), [`debug_layout`].
pub mod args;
pub mod batch;
pub mod console;
pub mod db;
pub mod debug_layout;
pub mod formats;
pub mod inputs;
pub mod isolate;
pub mod plan;
pub mod report;
pub mod sinks;
pub mod write;
