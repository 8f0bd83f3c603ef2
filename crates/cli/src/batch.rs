//! A run: every input of the [`Plan`] converted — in child processes when
//! there are several ([`isolate`]), on `--jobs` workers,
//! largest first — and each document delivered to its outputs as soon as it
//! is done; then the report, the tally and the exit status.
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fiscal_extract::{extract_reader, Output};

use crate::args::{Args, Format, EXIT_CHECK_FAILED, EXIT_FAILED, EXIT_OK, EXIT_USAGE};
use crate::console::Console;
use crate::debug_layout::draw_pages;
use crate::formats::{self, WriteFailure};
use crate::inputs::Input;
use crate::isolate::{self, ChildLimits, Reply};
use crate::plan::{Destination, Plan};
use crate::report::{self, Record, Status};
use crate::review::{write_index, write_report};
use crate::sinks::{DeliveryError, Sinks};
use crate::write::PendingFile;
use fiscal_formats::parquet::Dataset;

/// Runs the command line; returns the exit status.
pub fn run(args: &Args) -> u8 {
    let plan = match Plan::new(args) {
        Ok(plan) => plan,
        Err(e) => {
            Console::new(0, false, false).error(&format!("extract: {e}"));
            return EXIT_USAGE;
        }
    };
    let console = Console::new(plan.inputs.len(), plan.batch, args.quiet);
    for problem in &plan.problems {
        console.error(&format!("extract: {problem}"));
    }
    let sinks = match Sinks::open(&plan, args) {
        Ok(s) => s,
        Err(e) => {
            console.error(&format!("extract: {e}"));
            return EXIT_FAILED;
        }
    };
    let dataset = match &plan.destination {
        Destination::Dataset(dir) => match Dataset::open(dir) {
            Ok(d) => Some(d),
            Err(e) => {
                console.error(&format!("extract: {e}"));
                return EXIT_FAILED;
            }
        },
        _ => None,
    };
    let exe = match plan.batch.then(isolate::current_exe).transpose() {
        Ok(exe) => exe,
        Err(e) => {
            console.error(&format!("extract: {e}"));
            return EXIT_FAILED;
        }
    };
    let run = Run {
        args,
        plan: &plan,
        console,
        exe: exe.as_deref(),
        sinks: Mutex::new(sinks),
        dataset,
        closed_stdout: AtomicBool::new(false),
        reviewed: Mutex::new(Vec::new()),
    };
    let start = Instant::now();
    run.convert_all();
    run.finish(start.elapsed())
}

struct Run<'a> {
    args: &'a Args,
    plan: &'a Plan,
    console: Console,
    /// This program, for child processes; `None` converts in this process.
    exe: Option<&'a Path>,
    sinks: Mutex<Sinks>,
    /// `-f parquet --out-dir`: written by each worker, no lock needed (a
    /// document's files are its own).
    dataset: Option<Dataset>,
    closed_stdout: AtomicBool,
    /// The review reports written in a batch and their documents, for the index.
    reviewed: Mutex<Vec<(std::path::PathBuf, Output)>>,
}

impl Run<'_> {
    fn convert_all(&self) {
        let inputs = &self.plan.inputs;
        let workers = self
            .args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .clamp(1, inputs.len().max(1));
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= inputs.len() || self.closed_stdout.load(Ordering::Relaxed) {
                        break;
                    }
                    self.convert_one(&inputs[i]);
                });
            }
        });
    }

    fn convert_one(&self, input: &Input) {
        let start = Instant::now();
        let reply = self.convert(input);
        for note in &reply.notes {
            self.console.error(&format!("extract: {note}"));
        }
        let ms = start.elapsed().as_millis() as u64;
        let record = match reply.result {
            Ok(out) => {
                let record = self.deliver(input, &out, ms);
                if let (true, Some(target)) = (self.plan.batch, self.review_target(input)) {
                    if target.exists() {
                        lock(&self.reviewed).push((target, out.clone()));
                    }
                }
                if !self.plan.batch {
                    // One document: the process ends next; freeing it is wasted time.
                    std::mem::forget(out);
                }
                record
            }
            Err(e) => {
                self.console.error(&format!("extract: {e}"));
                Record::failed(&input.shown, e, ms)
            }
        };
        self.console.advance();
        lock(&self.sinks).records.push(record);
    }

    /// One input to a document, in a child process in a batch.
    fn convert(&self, input: &Input) -> Reply {
        let debug_dir = self.args.debug_layout.as_deref();
        let review_to = self.review_target(input);
        match (&input.path, self.exe) {
            (Some(path), Some(exe)) => isolate::convert(
                exe,
                path,
                &input.shown,
                self.child_limits(),
                debug_dir,
                review_to.as_deref(),
                &crate::select::child_args(self.args),
            ),
            (Some(path), None) => {
                let mut notes: Vec<String> = debug_dir
                    .and_then(|dir| draw_pages(path, dir).err())
                    .into_iter()
                    .collect();
                let result = crate::select::extract(path, self.args);
                if let (Some(to), Ok(out)) = (&review_to, &result) {
                    notes.extend(write_report(path, out, to).err());
                }
                Reply { result, notes }
            }
            (None, _) => Reply {
                result: extract_reader(
                    &input.shown,
                    std::io::stdin().lock(),
                    &crate::select::options(self.args),
                )
                .map(|mut out| {
                    crate::select::keep_tables(&mut out, &self.args.tables);
                    out
                })
                .map_err(|e| e.to_string()),
                notes: self
                    .args
                    .review
                    .iter()
                    .map(|_| {
                        "--review draws pages from a file, not from stdin: no report".to_string()
                    })
                    .collect(),
            },
        }
    }

    /// Where the review report of `input` goes, with `--review DIR`.
    fn review_target(&self, input: &Input) -> Option<std::path::PathBuf> {
        let dir = self.args.review.as_deref()?;
        input.path.as_ref()?;
        Some(input.target(dir, "html"))
    }

    fn child_limits(&self) -> ChildLimits {
        ChildLimits {
            max_memory_mb: self.args.max_memory,
            timeout: (self.args.timeout > 0).then(|| Duration::from_secs(self.args.timeout)),
        }
    }

    /// Writes the document's own file, then hands it to the shared sinks.
    fn deliver(&self, input: &Input, out: &Output, ms: u64) -> Record {
        if let Destination::PerInput(dir) = &self.plan.destination {
            let format = self.plan.format;
            let target = input.target(dir, format.extension());
            let cannot = |e| format!("{}: cannot write: {e}", target.display());
            let written = PendingFile::create(&target)
                .map_err(WriteFailure::Io)
                .and_then(|mut file| {
                    formats::write_document(format, &input.shown, out, true, &mut file)?;
                    file.commit().map_err(WriteFailure::Io)
                })
                .map_err(|failure| match failure {
                    WriteFailure::Format(e) => e,
                    WriteFailure::Io(e) => cannot(e),
                });
            if let Err(e) = written {
                self.console.error(&format!("extract: {e}"));
                return Record::failed(&input.shown, e, ms);
            }
        }
        if let Some(dataset) = &self.dataset {
            if let Err(e) = dataset.write(&input.shown, out) {
                let e = format!("cannot write into the dataset: {e}");
                self.console
                    .error(&format!("extract: {}: {e}", input.shown));
                return Record::failed(&input.shown, e, ms);
            }
        }
        // Beside a document's long-form CSV, each table as printed.
        let long = match &self.plan.destination {
            Destination::PerInput(dir) => Some(input.target(dir, "csv")),
            Destination::File(file) if !self.plan.batch => Some(file.clone()),
            _ => None,
        };
        if let (Some(long), Format::Csv) = (long, self.plan.format) {
            if let Err(e) = formats::wide_tables(&long, out) {
                self.console.error(&format!("extract: {e}"));
                return Record::failed(&input.shown, e, ms);
            }
        }
        let delivered = lock(&self.sinks).deliver(&input.shown, out);
        match delivered {
            Ok(()) => {
                if !self.plan.batch {
                    self.console.info(&summary(&input.shown, out));
                }
                Record::converted(&input.shown, out, ms)
            }
            Err(DeliveryError::ClosedStdout) => {
                self.closed_stdout.store(true, Ordering::Relaxed);
                Record::failed(&input.shown, "stdout was closed".into(), ms)
            }
            Err(DeliveryError::Failed(e)) => {
                self.console
                    .error(&format!("extract: {}: {e}", input.shown));
                Record::failed(&input.shown, e, ms)
            }
        }
    }

    /// Completes the outputs and the report, prints the tally; the status.
    fn finish(self, elapsed: Duration) -> u8 {
        self.console.finish();
        let sinks = self.sinks.into_inner().unwrap_or_else(|p| p.into_inner());
        let (mut records, stream_done) = sinks.finish();
        records.extend(self.plan.skipped.iter().map(|i| Record::skipped(&i.shown)));
        let mut output_failed = false;
        if let Err(e) = stream_done {
            self.console.error(&format!("extract: {e}"));
            output_failed = true;
        }
        if let Some(path) = &self.args.report {
            if let Err(e) = report::write(path, &mut records) {
                self.console.error(&format!("extract: {e}"));
                output_failed = true;
            }
        }
        let reviewed = self
            .reviewed
            .into_inner()
            .unwrap_or_else(|p| p.into_inner());
        if let (Some(dir), false) = (&self.args.review, reviewed.is_empty()) {
            if let Err(e) = write_index(dir, &reviewed) {
                self.console.error(&format!("extract: {e}"));
                output_failed = true;
            }
        }
        if self.closed_stdout.load(Ordering::Relaxed) {
            return EXIT_OK;
        }
        let tally = Tally::of(&records);
        if self.plan.batch {
            self.console.info(&tally.line(elapsed));
        }
        if tally.failed > 0 || output_failed || !self.plan.problems.is_empty() {
            EXIT_FAILED
        } else if self.args.strict && tally.documents_with_failed_checks > 0 {
            EXIT_CHECK_FAILED
        } else {
            EXIT_OK
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// One file's line on stderr: counts by status and the first failed checks.
fn summary(shown: &str, out: &Output) -> String {
    let counts = fiscal_checks::Counts {
        tables: out.tables.len(),
        grids: out.tables.iter().filter(|t| t.as_grid().is_some()).count(),
        warnings: out.warnings.len(),
    };
    fiscal_checks::summary(shown, counts, &out.checks)
}

/// The counts of the closing line.
struct Tally {
    converted: usize,
    failed: usize,
    skipped: usize,
    checks_failed: usize,
    documents_with_failed_checks: usize,
}

impl Tally {
    fn of(records: &[Record]) -> Tally {
        let count = |s: Status| records.iter().filter(|r| r.status == s).count();
        let checks: Vec<usize> = records.iter().filter_map(|r| r.checks_failed).collect();
        Tally {
            converted: count(Status::Ok),
            failed: count(Status::Failed),
            skipped: count(Status::Skipped),
            checks_failed: checks.iter().sum(),
            documents_with_failed_checks: checks.iter().filter(|&&n| n > 0).count(),
        }
    }

    fn line(&self, elapsed: Duration) -> String {
        let files = self.converted + self.failed + self.skipped;
        let secs = elapsed.as_secs_f64();
        let rate = if secs > 0.0 {
            (self.converted + self.failed) as f64 / secs
        } else {
            0.0
        };
        format!(
            "extract: {files} files: {} converted, {} failed, {} skipped; {} checks failed in {} documents; {secs:.1} s ({rate:.1} files/s)",
            self.converted, self.failed, self.skipped, self.checks_failed, self.documents_with_failed_checks
        )
    }
}
