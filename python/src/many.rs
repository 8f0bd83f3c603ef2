//! `extract_many`: files converted on N threads with the GIL released,
//! handed to Python one by one — in the order given, or (unordered) largest
//! file first and each as soon as it is done, as the CLI's batches run.
//! Workers run ahead of the consumer by a bounded window, so a slow consumer
//! holds few documents in memory; dropping the iterator stops the workers
//! after their current file.
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Condvar, Mutex};

use fiscal_extract::{ExtractError, Options, Output};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

use crate::document::NativeDocument;
use crate::errors;
use crate::run::{self, Input, STACK_BYTES};

/// Documents converted ahead of the consumer, per worker. In order, a file
/// that takes long holds back the ones after it: with 4 a worker idled
/// behind one 0.2 s file among 35 small ones (speed-up on 2 cores 1.76,
/// 1.93 with 8, by a replay of the real corpus's per-file times).
const AHEAD_PER_WORKER: usize = 8;

type Answer = (usize, String, Result<Output, ExtractError>);

/// What the workers share.
struct Shared {
    inputs: Vec<Input>,
    /// The order inputs are taken in (indices into `inputs`).
    schedule: Vec<usize>,
    /// The next place in `schedule` a worker takes.
    next: AtomicUsize,
    /// Inputs handed to the consumer so far, and the signal that it moved.
    consumed: Mutex<usize>,
    moved: Condvar,
    stop: AtomicBool,
    ahead: usize,
}

impl Shared {
    fn work(&self, options: &Options, tx: &mpsc::Sender<Answer>) {
        loop {
            let place = self.next.fetch_add(1, Ordering::SeqCst);
            if place >= self.schedule.len() || !self.wait_for_room(place) {
                return;
            }
            let i = self.schedule[place];
            let input = &self.inputs[i];
            let result = input.extract(options);
            if tx.send((i, input.shown().to_string(), result)).is_err() {
                return;
            }
        }
    }

    /// Waits until the input at `place` of the schedule is within the
    /// window; false when stopped.
    fn wait_for_room(&self, place: usize) -> bool {
        let mut consumed = self.consumed.lock().unwrap_or_else(|p| p.into_inner());
        while place >= *consumed + self.ahead && !self.stop.load(Ordering::SeqCst) {
            consumed = self.moved.wait(consumed).unwrap_or_else(|p| p.into_inner());
        }
        !self.stop.load(Ordering::SeqCst)
    }
}

struct Ordered {
    rx: Mutex<Receiver<Answer>>,
    /// Whether answers are handed out in the order of the inputs (else as
    /// they come).
    in_order: bool,
    /// Answers that came before their turn.
    early: BTreeMap<usize, (String, Result<Output, ExtractError>)>,
    /// Answers handed out so far (in order: the next input to hand out).
    turn: usize,
}

/// An iterator of documents (`NativeDocument`) or `ExtractError` instances,
/// one per input.
#[pyclass(module = "fiscal_extract._native")]
pub struct ExtractMany {
    shared: Arc<Shared>,
    ordered: Mutex<Ordered>,
}

impl ExtractMany {
    /// Starts `jobs` workers on `inputs`, handed out in their order if
    /// `in_order`, else largest first as each is done.
    pub fn start(
        inputs: Vec<Input>,
        jobs: usize,
        options: Options,
        in_order: bool,
    ) -> PyResult<ExtractMany> {
        let jobs = jobs.clamp(1, inputs.len().max(1));
        let schedule = if in_order {
            (0..inputs.len()).collect()
        } else {
            largest_first(&inputs)
        };
        let shared = Arc::new(Shared {
            inputs,
            schedule,
            next: AtomicUsize::new(0),
            consumed: Mutex::new(0),
            moved: Condvar::new(),
            stop: AtomicBool::new(false),
            ahead: jobs * AHEAD_PER_WORKER,
        });
        let (tx, rx) = mpsc::channel();
        for n in 0..jobs {
            let (shared, tx, options) = (Arc::clone(&shared), tx.clone(), options.clone());
            std::thread::Builder::new()
                .name(format!("fiscal-extract-{n}"))
                .stack_size(STACK_BYTES)
                .spawn(move || shared.work(&options, &tx))
                .map_err(|e| PyRuntimeError::new_err(format!("cannot start a thread: {e}")))?;
        }
        Ok(ExtractMany {
            shared,
            ordered: Mutex::new(Ordered {
                rx: Mutex::new(rx),
                in_order,
                early: BTreeMap::new(),
                turn: 0,
            }),
        })
    }
}

#[pymethods]
impl ExtractMany {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        // Waiting for the lock with the GIL held could deadlock with the
        // thread that has it: iterating from two threads at once is refused.
        let mut ordered = match self.ordered.try_lock() {
            Ok(guard) => guard,
            Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => {
                return Err(PyRuntimeError::new_err(
                    "extract_many is already being iterated in another thread",
                ))
            }
        };
        let turn = ordered.turn;
        if turn >= self.shared.inputs.len() {
            return Ok(None);
        }
        let (shown, result) = loop {
            if let Some(answer) = ordered.early.remove(&turn) {
                break answer;
            }
            match run::wait(py, &ordered.rx)? {
                Some((_, shown, result)) if !ordered.in_order => break (shown, result),
                Some((i, shown, result)) => {
                    ordered.early.insert(i, (shown, result));
                }
                None => {
                    return Err(PyRuntimeError::new_err(
                        "the extraction workers ended early",
                    ))
                }
            }
        };
        ordered.turn += 1;
        *self
            .shared
            .consumed
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = ordered.turn;
        self.shared.moved.notify_all();
        drop(ordered);
        Ok(Some(match result {
            Ok(output) => Py::new(py, NativeDocument { shown, output })?.into_any(),
            Err(e) => errors::instance(py, &shown, &e)?.unbind(),
        }))
    }

    /// Inputs in all.
    fn __len__(&self) -> usize {
        self.shared.inputs.len()
    }
}

/// The schedule that finishes a batch soonest on several workers: the
/// largest files first (the longest conversions start early instead of
/// leaving one worker busy at the end); a file whose size cannot be read
/// last, the others in the order given among equals.
fn largest_first(inputs: &[Input]) -> Vec<usize> {
    let size = |input: &Input| match input {
        Input::Path { path, .. } => std::fs::metadata(path).map_or(0, |m| m.len()),
        Input::Bytes { bytes, .. } => bytes.len() as u64,
    };
    let sizes: Vec<u64> = inputs.iter().map(size).collect();
    let mut schedule: Vec<usize> = (0..inputs.len()).collect();
    schedule.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
    schedule
}

impl Drop for ExtractMany {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        self.shared.moved.notify_all();
    }
}
