//! Each conversion of a batch runs in a child process (this binary again,
//! with a hidden flag), so that a file that kills its process — an abort on
//! a failed allocation, a stack overflow, a hang — takes only itself down:
//! the batch reports it with its cause and goes on. The child answers with
//! one JSON [`Reply`] on stdout; its stderr is kept to name a death's cause.
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use fiscal_extract::Output;
use serde::{Deserialize, Serialize};

use crate::args::Args;
use crate::debug_layout::draw_pages;
use crate::review::write_report;

/// What a child answers: the document or why there is none, and things to
/// tell the user (e.g. an SVG that could not be written).
#[derive(Serialize, Deserialize)]
pub struct Reply {
    pub result: Result<Output, String>,
    pub notes: Vec<String>,
}

/// Bounds on one child.
#[derive(Clone, Copy, Debug)]
pub struct ChildLimits {
    /// Megabytes of heap; 0 for none.
    pub max_memory_mb: u64,
    /// Wall-clock time; `None` for none.
    pub timeout: Option<Duration>,
}

/// Child side: converts the one input, writes the reply and exits without
/// freeing anything.
pub fn serve(args: &Args) -> ! {
    let limit_note = limit_memory(args.max_memory);
    let path = &args.inputs[0];
    let mut notes: Vec<String> = limit_note.into_iter().collect();
    if let Some(dir) = &args.debug_layout {
        notes.extend(draw_pages(path, dir).err());
    }
    let result = crate::select::extract(path, args);
    if let (Some(to), Ok(out)) = (&args.review_to, &result) {
        notes.extend(write_report(path, out, to).err());
    }
    let reply = Reply { result, notes };
    let mut stdout = std::io::stdout().lock();
    let written = serde_json::to_writer(&mut stdout, &reply).is_ok() && stdout.flush().is_ok();
    std::process::exit(if written { 0 } else { 1 })
}

/// Caps the heap of this process, so that a file that would take the
/// machine's memory fails its own conversion instead.
fn limit_memory(megabytes: u64) -> Option<String> {
    if megabytes == 0 {
        return None;
    }
    #[cfg(unix)]
    {
        let bytes = megabytes.saturating_mul(1 << 20);
        rlimit::setrlimit(rlimit::Resource::DATA, bytes, bytes)
            .err()
            .map(|e| format!("--max-memory not applied: {e}"))
    }
    #[cfg(not(unix))]
    {
        Some("--max-memory is not supported on this system".into())
    }
}

/// Parent side: converts `path` in a child of `exe`. Any failure, a death
/// included, comes back as one message naming `shown` and the cause.
pub fn convert(
    exe: &Path,
    path: &Path,
    shown: &str,
    limits: ChildLimits,
    debug_layout: Option<&Path>,
    review_to: Option<&Path>,
    selection: &[std::ffi::OsString],
) -> Reply {
    let mut command = Command::new(exe);
    command
        .arg("--batch-child")
        .arg("--max-memory")
        .arg(limits.max_memory_mb.to_string());
    if let Some(dir) = debug_layout {
        command.arg("--debug-layout").arg(dir);
    }
    if let Some(file) = review_to {
        command.arg("--review-to").arg(file);
    }
    command.args(selection);
    command
        .arg("--")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let failed = |cause: String| Reply {
        result: Err(format!("{shown}: {cause}")),
        notes: Vec::new(),
    };
    let child = match command.spawn() {
        Ok(c) => c,
        Err(e) => return failed(format!("cannot start a conversion process: {e}")),
    };
    let finished = match wait_with_output(child, limits.timeout) {
        Ok(f) => f,
        Err(e) => return failed(format!("lost the conversion process: {e}")),
    };
    if finished.timed_out {
        let secs = limits.timeout.map_or(0, |t| t.as_secs());
        return failed(format!(
            "the conversion took longer than {secs} s and was stopped"
        ));
    }
    if finished.status.success() {
        if let Ok(reply) = serde_json::from_slice::<Reply>(&finished.stdout) {
            return reply;
        }
    }
    let stderr = String::from_utf8_lossy(&finished.stderr);
    failed(format!(
        "the conversion died: {}",
        death_cause(finished.status, &stderr, limits.max_memory_mb)
    ))
}

struct Finished {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    timed_out: bool,
}

/// Waits for `child`, reading both pipes on their own threads (a child that
/// fills one pipe must not block), killing it past `timeout`.
fn wait_with_output(mut child: Child, timeout: Option<Duration>) -> std::io::Result<Finished> {
    fn drain(pipe: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    }
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let start = Instant::now();
    let mut pause = Duration::from_millis(1);
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if timeout.is_some_and(|t| start.elapsed() > t) {
            timed_out = true;
            let _ = child.kill();
            break child.wait()?;
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    };
    Ok(Finished {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        timed_out,
    })
}

/// Why a child ended without a reply, from its status and what the Rust
/// runtime printed before dying.
pub fn death_cause(status: ExitStatus, stderr: &str, max_memory_mb: u64) -> String {
    let said = |needle: &str| stderr.lines().rev().find(|l| l.contains(needle));
    if let Some(line) = said("memory allocation of") {
        let limit = if max_memory_mb > 0 {
            format!(", --max-memory {max_memory_mb} MB")
        } else {
            String::new()
        };
        return format!("out of memory ({}{limit})", line.trim());
    }
    if said("has overflowed its stack").is_some() {
        return "stack overflow".into();
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return match signal {
                6 => "aborted (SIGABRT)".into(),
                9 => "killed (SIGKILL; out of memory?)".into(),
                11 => "crashed (SIGSEGV)".into(),
                n => format!("killed by signal {n}"),
            };
        }
    }
    let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
    match (status.code(), last) {
        (Some(code), Some(line)) => format!("exited with status {code}: {}", line.trim()),
        (Some(code), None) => format!("exited with status {code} without an answer"),
        (None, _) => "ended without an answer".into(),
    }
}

/// The path of this program, to start children from.
pub fn current_exe() -> Result<PathBuf, String> {
    std::env::current_exe().map_err(|e| format!("cannot find this program to start children: {e}"))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn status_of(script: &str) -> ExitStatus {
        Command::new("sh").arg("-c").arg(script).status().unwrap()
    }

    #[test]
    fn names_the_cause_of_a_death() {
        let abort = status_of("kill -ABRT $$");
        assert_eq!(
            death_cause(abort, "memory allocation of 67108864 bytes failed\n", 32),
            "out of memory (memory allocation of 67108864 bytes failed, --max-memory 32 MB)"
        );
        assert_eq!(
            death_cause(
                abort,
                "\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n",
                0
            ),
            "stack overflow"
        );
        assert_eq!(death_cause(abort, "", 0), "aborted (SIGABRT)");
        assert_eq!(
            death_cause(status_of("kill -KILL $$"), "", 0),
            "killed (SIGKILL; out of memory?)"
        );
        assert_eq!(
            death_cause(status_of("kill -SEGV $$"), "", 0),
            "crashed (SIGSEGV)"
        );
        assert_eq!(
            death_cause(
                status_of("exit 101"),
                "thread 'main' panicked at x\nboom\n",
                0
            ),
            "exited with status 101: boom"
        );
    }

    #[test]
    fn a_hung_child_is_stopped() {
        let child = Command::new("sleep")
            .arg("5")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let finished = wait_with_output(child, Some(Duration::from_millis(100))).unwrap();
        assert!(finished.timed_out);
        assert!(start.elapsed() < Duration::from_secs(2));
    }
}
