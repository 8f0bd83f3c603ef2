//! Where finished documents go, shared by the workers of a run: the one
//! stream (stdout or `-o FILE`), the database, and the report's records.
use std::io::{BufWriter, Stdout, Write};

use fiscal_extract::Output;

use crate::args::{Args, Format};
use crate::formats::{self, WriteFailure};
use crate::plan::{Destination, Plan};
use crate::report::Record;
use crate::write::PendingFile;
use fiscal_formats::sqlite::Db;

/// Why a document could not be delivered.
pub enum DeliveryError {
    /// Stdout was closed (`| head`): the run ends quietly.
    ClosedStdout,
    /// Anything else, as a message naming what could not be written.
    Failed(String),
}

enum StreamTarget {
    Stdout(BufWriter<Stdout>),
    File(PendingFile),
}

/// Several documents in one stream: the format's preamble, then a piece per
/// document.
pub struct Stream {
    target: StreamTarget,
    format: Format,
    documents: usize,
}

impl Stream {
    fn append(&mut self, shown: &str, out: &Output) -> Result<(), DeliveryError> {
        let opens = self.documents == 0;
        let written = match &mut self.target {
            StreamTarget::Stdout(w) => formats::write_document(self.format, shown, out, opens, w)
                .and_then(|()| w.flush().map_err(WriteFailure::Io)),
            StreamTarget::File(f) => formats::write_document(self.format, shown, out, opens, f),
        };
        match written {
            Ok(()) => {
                self.documents += 1;
                Ok(())
            }
            Err(WriteFailure::Format(e)) => Err(DeliveryError::Failed(e)),
            Err(WriteFailure::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                Err(DeliveryError::ClosedStdout)
            }
            Err(WriteFailure::Io(e)) => Err(DeliveryError::Failed(format!(
                "cannot write the output: {e}"
            ))),
        }
    }

    /// A file is kept when it holds at least one document; no document, no file.
    fn finish(self) -> Result<(), String> {
        match self.target {
            StreamTarget::File(f) if self.documents > 0 => f
                .commit()
                .map_err(|e| format!("cannot write the output: {e}")),
            StreamTarget::File(_) => Ok(()),
            StreamTarget::Stdout(mut w) => match w.flush() {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
                _ => Ok(()),
            },
        }
    }
}

pub struct Sinks {
    stream: Option<Stream>,
    db: Option<Db>,
    pub records: Vec<Record>,
}

impl Sinks {
    /// Opens the stream and the database before any work, so that a bad
    /// path fails the run at once.
    pub fn open(plan: &Plan, args: &Args) -> Result<Sinks, String> {
        let target = match &plan.destination {
            Destination::Stdout => Some(StreamTarget::Stdout(BufWriter::new(std::io::stdout()))),
            Destination::File(path) => Some(StreamTarget::File(
                PendingFile::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
            )),
            Destination::PerInput(_) | Destination::Dataset(_) | Destination::Nowhere => None,
        };
        let stream = target.map(|target| Stream {
            target,
            format: plan.format,
            documents: 0,
        });
        let db = args.db.as_deref().map(Db::open).transpose()?;
        Ok(Sinks {
            stream,
            db,
            records: Vec::new(),
        })
    }

    /// Sends one document to the stream and the database.
    pub fn deliver(&mut self, shown: &str, out: &Output) -> Result<(), DeliveryError> {
        if let Some(stream) = &mut self.stream {
            stream.append(shown, out)?;
        }
        if let Some(db) = &mut self.db {
            db.load(shown, out).map_err(DeliveryError::Failed)?;
        }
        Ok(())
    }

    /// Completes the stream's file; returns the records.
    pub fn finish(self) -> (Vec<Record>, Result<(), String>) {
        let done = self.stream.map_or(Ok(()), Stream::finish);
        (self.records, done)
    }
}
