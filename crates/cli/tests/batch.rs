//! Batches: shards, skipping what is done, a file that kills its process.
mod support;

use std::process::Command;

use support::common::one_page_pdf;
use support::{extract, mixed_inputs, nested_inputs, report_lines, run, stderr};

#[test]
fn shards_split_the_inputs_without_overlap() {
    let (dir, root) = mixed_inputs();
    let mut seen = Vec::new();
    for shard in ["1/2", "2/2"] {
        let report = dir.path().join(format!("r{}.jsonl", &shard[..1]));
        run(extract()
            .args(["-f", "jsonl", "-q", "--shard", shard, "--report"])
            .arg(&report)
            .arg(&root));
        let files: Vec<String> = report_lines(&report)
            .iter()
            .map(|l| l["file"].as_str().unwrap().to_string())
            .collect();
        assert!(
            !files.is_empty() && files.len() < 6,
            "shard {shard}: {files:?}"
        );
        seen.extend(files);
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 6);
}

#[test]
fn skip_existing_leaves_outputs_newer_than_their_input() {
    let (dir, root) = nested_inputs();
    let out = dir.path().join("out");
    let report = dir.path().join("report.jsonl");
    let statuses = || -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = report_lines(&report)
            .iter()
            .map(|l| {
                (
                    l["file"].as_str().unwrap().to_string(),
                    l["status"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let cmd = || {
        let mut c = extract();
        c.arg("--skip-existing")
            .arg("--out-dir")
            .arg(&out)
            .arg("--report")
            .arg(&report)
            .arg(&root);
        assert!(run(&mut c).status.success());
    };
    cmd();
    assert!(statuses().iter().all(|(_, s)| s == "ok"));
    cmd();
    assert!(statuses().iter().all(|(_, s)| s == "skipped"));
    // An input changed after its output was written is converted again.
    let changed = root.join("a/x.pdf");
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&changed)
        .unwrap()
        .set_modified(later)
        .unwrap();
    cmd();
    let again: Vec<_> = statuses()
        .into_iter()
        .filter(|(_, s)| s == "ok")
        .map(|(f, _)| f)
        .collect();
    assert_eq!(again, [changed.display().to_string()]);
}

/// A 1 KB PDF whose one page's content inflates to 30 MB: too much for the
/// data-size limits given below, under the reader's own stream limit (32 MB).
fn inflation_bomb() -> Vec<u8> {
    let mut content = lopdf::Stream::new(lopdf::dictionary! {}, vec![b' '; 30 << 20]);
    content.compress().unwrap();
    one_page_pdf(content, lopdf::dictionary! {})
}

/// Runs `extract` under a data-size limit that it and its children inherit.
#[cfg(unix)]
fn extract_within(kilobytes: u32) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(format!("ulimit -d {kilobytes} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_extract"));
    c
}

#[cfg(unix)]
#[test]
fn a_file_that_kills_its_process_does_not_stop_the_batch() {
    let (dir, root) = nested_inputs();
    // Padded to be the largest input, so that it is converted first.
    let mut bomb = inflation_bomb();
    bomb.extend(std::iter::repeat_n(b'\n', 1 << 20));
    bomb.extend(b"%%EOF\n");
    std::fs::write(root.join("bomb.pdf"), &bomb).unwrap();
    let report = dir.path().join("report.jsonl");
    // 45 MB is plenty for each good file and too little for the bomb, which
    // aborts whatever process converts it: only its own child may die.
    let f = run(extract_within(45_000)
        .args([
            "--max-memory",
            "0",
            "--jobs",
            "1",
            "-f",
            "jsonl",
            "--report",
        ])
        .arg(&report)
        .arg(&root));
    assert_eq!(f.status.code(), Some(1), "{}", stderr(&f));
    let lines = report_lines(&report);
    let bomb_line = lines
        .iter()
        .find(|l| l["file"].as_str().unwrap().ends_with("bomb.pdf"))
        .unwrap();
    assert_eq!(bomb_line["status"], "failed");
    let cause = bomb_line["error"].as_str().unwrap();
    assert!(
        cause.contains("bomb.pdf: the conversion died: out of memory"),
        "{cause}"
    );
    let ok = lines.iter().filter(|l| l["status"] == "ok").count();
    assert_eq!(ok, 3, "{lines:?}");
    assert_eq!(String::from_utf8(f.stdout).unwrap().lines().count(), 3);

    // --max-memory caps each child the same way, and says so.
    let f = run(extract()
        .args(["--max-memory", "40", "-q", "--report"])
        .arg(&report)
        .arg(&root)
        .arg("-f")
        .arg("jsonl"));
    assert_eq!(f.status.code(), Some(1));
    let lines = report_lines(&report);
    let bomb_line = lines
        .iter()
        .find(|l| l["file"].as_str().unwrap().ends_with("bomb.pdf"))
        .unwrap();
    assert!(
        bomb_line["error"]
            .as_str()
            .unwrap()
            .contains("--max-memory 40 MB"),
        "{bomb_line}"
    );
    assert_eq!(lines.iter().filter(|l| l["status"] == "ok").count(), 3);
}
