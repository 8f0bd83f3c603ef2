//! The hostile corpus (testdata/hostile, made by tools/make_test_pdfs.py):
//! every file must give a result or a clear error — never a panic, an abort
//! or an allocation failure — within a time and memory bound this harness
//! enforces: peak heap measured by a counting allocator, wall time per file.
//! The time bound is on CPU time, which other processes on a busy machine do
//! not inflate (wall time is printed beside it). The bounds are generous for
//! a debug build; a release build stays far below them
//! (`cargo test --release … -- --nocapture` prints the figures).
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use fiscal_extract::{extract_bytes, ExtractError};

/// Heap in use, and its peak since the last reset.
struct Counting;
static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// CPU time used by this process (the test binary runs this one test).
#[cfg(unix)]
fn cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime only writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Elsewhere: wall time since the first call.
#[cfg(not(unix))]
fn cpu_time() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

const MAX_HEAP: usize = 256 << 20;
const MAX_TIME: Duration = Duration::from_secs(30);

#[test]
fn hostile_files_end_in_a_result_or_a_clear_error_within_bounds() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    files.sort();
    assert!(files.len() >= 30, "{} hostile files", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(path).unwrap();
        PEAK.store(IN_USE.load(Relaxed), Relaxed);
        let base = IN_USE.load(Relaxed);
        let start = Instant::now();
        let cpu_start = cpu_time();
        let result = extract_bytes(&name, &bytes);
        let took = cpu_time() - cpu_start;
        let wall = start.elapsed();
        let peak = PEAK.load(Relaxed) - base;
        let outcome = match &result {
            Ok(out) => format!("ok, {} tables", out.tables.len()),
            Err(e) => e.to_string(),
        };
        println!(
            "{name}: {took:.2?} CPU ({wall:.2?} wall), peak heap {} KB: {outcome}",
            peak >> 10
        );
        if let Err(ExtractError::Panic { .. }) = result {
            failures.push(format!("{name} panicked: {outcome}"));
        }
        if peak > MAX_HEAP {
            failures.push(format!("{name}: peak heap {} MB", peak >> 20));
        }
        if took > MAX_TIME {
            failures.push(format!("{name}: took {took:?} of CPU"));
        }
        if let Err(e) = &result {
            assert!(!e.to_string().contains('\n'), "{name}: {e}");
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
