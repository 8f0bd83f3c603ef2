//! Extraction off the interpreter: on a thread of its own with a known stack
//! (a Python thread's may be small), the GIL released while it runs, and
//! Ctrl-C heard while the caller waits.
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::Mutex;
use std::time::Duration;

use fiscal_extract::{extract_reader, ExtractError, Options, Output};
use pyo3::prelude::*;

/// Stack of an extraction thread: as deep as a program's main thread gets.
pub const STACK_BYTES: usize = 16 << 20;

/// How often a waiting caller looks for a pending signal (Ctrl-C).
const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// What to extract.
pub enum Input {
    /// A file; `shown` is the path as the caller gave it.
    Path { path: PathBuf, shown: String },
    /// A PDF in memory, named `name` in the output and in errors.
    Bytes { name: String, bytes: Vec<u8> },
}

impl Input {
    /// The input as the caller named it (the long form's `file`).
    pub fn shown(&self) -> &str {
        match self {
            Input::Path { shown, .. } => shown,
            Input::Bytes { name, .. } => name,
        }
    }

    /// Extracts it on the calling thread.
    pub fn extract(&self, options: &Options) -> Result<Output, ExtractError> {
        match self {
            Input::Path { path, shown } => {
                let file = std::fs::File::open(path).map_err(|source| ExtractError::Read {
                    file: shown.clone(),
                    source,
                })?;
                let name = path
                    .file_name()
                    .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
                let mut out = extract_reader(shown, std::io::BufReader::new(file), options)?;
                // The output records the file's name; errors show the path.
                out.source.file = name;
                Ok(out)
            }
            Input::Bytes { name, bytes } => extract_reader(name, bytes.as_slice(), options),
        }
    }
}

/// Extracts `input` on a thread of its own, the GIL released.
pub fn extract_detached(
    py: Python<'_>,
    input: Input,
    options: Options,
) -> PyResult<Result<Output, ExtractError>> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("fiscal-extract".into())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let _ = tx.send(input.extract(&options));
        })
        .map_err(|e| {
            pyo3::exceptions::PyRuntimeError::new_err(format!("cannot start a thread: {e}"))
        })?;
    wait(py, &Mutex::new(rx))?.ok_or_else(|| {
        pyo3::exceptions::PyRuntimeError::new_err("the extraction thread ended without an answer")
    })
}

/// Waits for the next message of `rx` with the GIL released, raising
/// KeyboardInterrupt (or any pending signal's exception) meanwhile; `None`
/// when every sender is gone. (The mutex only makes the receiver shareable
/// with the thread that waits without the GIL.)
pub fn wait<T: Send>(py: Python<'_>, rx: &Mutex<Receiver<T>>) -> PyResult<Option<T>> {
    loop {
        let received = py.detach(|| {
            rx.lock()
                .unwrap_or_else(|p| p.into_inner())
                .recv_timeout(SIGNAL_POLL)
        });
        match received {
            Ok(value) => return Ok(Some(value)),
            Err(RecvTimeoutError::Disconnected) => return Ok(None),
            Err(RecvTimeoutError::Timeout) => py.check_signals()?,
        }
    }
}
