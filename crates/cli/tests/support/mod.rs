//! Helpers of the command line's end-to-end tests.
#![allow(dead_code)]
#[path = "../../../extract/tests/common/mod.rs"]
pub mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output as Finished, Stdio};

use common::testdata;
use fiscal_extract::{extract_file, Output};
use tempfile::TempDir;

/// The `extract` binary under test.
pub fn extract() -> Command {
    Command::new(env!("CARGO_BIN_EXE_extract"))
}

/// Runs `cmd` to its end with no standard input.
pub fn run(cmd: &mut Command) -> Finished {
    cmd.stdin(Stdio::null()).output().expect("extract runs")
}

pub fn stderr(f: &Finished) -> String {
    String::from_utf8_lossy(&f.stderr).to_string()
}

/// What the library extracts from `path`.
pub fn library(path: &Path) -> Output {
    extract_file(path).unwrap_or_else(|e| panic!("{e}"))
}

pub fn copy(from: &str, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(testdata(from), to).unwrap();
}

/// `in/x.pdf`, `in/a/x.pdf`, `in/b/X.PDF`: three PDFs, one name.
pub fn nested_inputs() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    copy("lo-ruled-cut-row.pdf", &root.join("x.pdf"));
    copy("word-real-blank-zeros.pdf", &root.join("a/x.pdf"));
    copy("lo-narrative-form.pdf", &root.join("b/X.PDF"));
    std::fs::write(root.join("b/notes.txt"), "not an input").unwrap();
    (dir, root)
}

pub fn nested_files(root: &Path) -> [PathBuf; 3] {
    [
        root.join("x.pdf"),
        root.join("a/x.pdf"),
        root.join("b/X.PDF"),
    ]
}

/// The lines of a JSON-lines report.
pub fn report_lines(report: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(report)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

pub fn mixed_inputs() -> (TempDir, PathBuf) {
    let (dir, root) = nested_inputs();
    std::fs::write(root.join("text.pdf"), "just text, not a PDF").unwrap();
    let whole = std::fs::read(testdata("lo-ruled-cut-row.pdf")).unwrap();
    std::fs::write(root.join("cut.pdf"), &whole[..whole.len() / 3]).unwrap();
    copy("encrypted.pdf", &root.join("locked.pdf"));
    (dir, root)
}
