//! What a run says on stderr: errors always; a progress bar with files/s
//! and ETA on a terminal; per-file summaries and the closing tally unless
//! `--quiet`. A closed stderr is no reason to fail.
use std::io::{IsTerminal, Write};

use indicatif::{ProgressBar, ProgressState, ProgressStyle};

pub struct Console {
    bar: Option<ProgressBar>,
    quiet: bool,
}

impl Console {
    /// `files` to go; a bar only for a batch on a terminal.
    pub fn new(files: usize, batch: bool, quiet: bool) -> Console {
        let bar = (batch && !quiet && std::io::stderr().is_terminal()).then(|| {
            let style = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files · {rate} · ETA {eta} · {elapsed}",
            )
            .expect("a valid template")
            // indicatif's own {per_sec} prints four decimals of a count of files.
            .with_key(
                "rate",
                |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.1} files/s", state.per_sec());
                },
            );
            ProgressBar::new(files as u64).with_style(style)
        });
        Console { bar, quiet }
    }

    /// A line the user must see (an error).
    pub fn error(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => {
                let _ = writeln!(std::io::stderr().lock(), "{line}");
            }
        }
    }

    /// A line for information, dropped under `--quiet`.
    pub fn info(&self, line: &str) {
        if !self.quiet {
            self.error(line);
        }
    }

    /// One more file done.
    pub fn advance(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
