//! `extract_many`: files converted on N threads with the GIL released,
//! handed to Python one by one in the order given. Workers run ahead of the
//! consumer by a bounded window, so a slow consumer holds few documents in
//! memory; dropping the iterator stops the workers after their current file.
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

/// Documents converted ahead of the consumer, per worker.
const AHEAD_PER_WORKER: usize = 4;

type Answer = (usize, String, Result<Output, ExtractError>);

/// What the workers share.
struct Shared {
    inputs: Vec<Input>,
    /// The next input a worker takes.
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
            let i = self.next.fetch_add(1, Ordering::SeqCst);
            if i >= self.inputs.len() || !self.wait_for_room(i) {
                return;
            }
            let input = &self.inputs[i];
            let result = input.extract(options);
            if tx.send((i, input.shown().to_string(), result)).is_err() {
                return;
            }
        }
    }

    /// Waits until input `i` is within the window; false when stopped.
    fn wait_for_room(&self, i: usize) -> bool {
        let mut consumed = self.consumed.lock().unwrap_or_else(|p| p.into_inner());
        while i >= *consumed + self.ahead && !self.stop.load(Ordering::SeqCst) {
            consumed = self.moved.wait(consumed).unwrap_or_else(|p| p.into_inner());
        }
        !self.stop.load(Ordering::SeqCst)
    }
}

struct Ordered {
    rx: Mutex<Receiver<Answer>>,
    /// Answers that came before their turn.
    early: BTreeMap<usize, (String, Result<Output, ExtractError>)>,
    /// The next input to hand out.
    turn: usize,
}

/// An iterator of documents (`NativeDocument`) or `ExtractError` instances,
/// one per input in the order given.
#[pyclass(module = "fiscal_extract._native")]
pub struct ExtractMany {
    shared: Arc<Shared>,
    ordered: Mutex<Ordered>,
}

impl ExtractMany {
    /// Starts `jobs` workers on `inputs`.
    pub fn start(inputs: Vec<Input>, jobs: usize, options: Options) -> PyResult<ExtractMany> {
        let jobs = jobs.clamp(1, inputs.len().max(1));
        let shared = Arc::new(Shared {
            inputs,
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

impl Drop for ExtractMany {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        self.shared.moved.notify_all();
    }
}
