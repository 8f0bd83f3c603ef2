//! What a run will do, decided before any work starts: the inputs (expanded,
//! sharded, up-to-date ones set aside, largest first), the format and where
//! documents go. Contradictions are usage errors here, not surprises later.
use std::io::IsTerminal;
use std::path::PathBuf;

use crate::args::{Args, Format};
use crate::inputs::{self, Input};

/// Where converted documents go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// One stream on stdout.
    Stdout,
    /// One file (`-o`), written whole at the end.
    File(PathBuf),
    /// One file per input under this folder (`--out-dir`).
    PerInput(PathBuf),
    /// Nowhere but the database or the review reports (`--db`, `--review`
    /// without an output or a format).
    Nowhere,
    /// A Parquet dataset folder (`-f parquet --out-dir DIR`).
    Dataset(PathBuf),
}

#[derive(Debug)]
pub struct Plan {
    pub format: Format,
    pub destination: Destination,
    /// To convert, largest first.
    pub inputs: Vec<Input>,
    /// Left alone by `--skip-existing`.
    pub skipped: Vec<Input>,
    /// Folders that could not be read completely.
    pub problems: Vec<String>,
    /// Several inputs: each converted in a child process, a tally at the end.
    pub batch: bool,
}

impl Plan {
    pub fn new(args: &Args) -> Result<Plan, String> {
        let expanded = inputs::expand(&args.inputs)?;
        let mut all = expanded.inputs;
        let format = args.format.unwrap_or(Format::Json);
        let destination = match (&args.out_dir, &args.output) {
            (Some(dir), _) if format == Format::Parquet => Destination::Dataset(dir.clone()),
            (Some(dir), _) => Destination::PerInput(dir.clone()),
            (None, Some(file)) => Destination::File(file.clone()),
            (None, None)
                if (args.db.is_some() || args.review.is_some()) && args.format.is_none() =>
            {
                Destination::Nowhere
            }
            (None, None) => Destination::Stdout,
        };
        if format == Format::Parquet && !matches!(destination, Destination::Dataset(_)) {
            return Err("-f parquet writes a dataset folder: give --out-dir DIR".into());
        }
        let single_stream = matches!(destination, Destination::Stdout | Destination::File(_));
        if single_stream && !format.concatenates() && all.len() > 1 {
            return Err(format!(
                "{} inputs need --out-dir DIR (one output each), or --format jsonl|csv (one stream)",
                all.len()
            ));
        }
        if format == Format::Xlsx
            && destination == Destination::Stdout
            && std::io::stdout().is_terminal()
        {
            return Err("XLSX is binary: give -o FILE.xlsx or --out-dir DIR".into());
        }
        let per_input = match &destination {
            Destination::PerInput(dir) => Some((dir, format.extension())),
            _ => None,
        };
        for (dir, extension) in per_input
            .into_iter()
            .chain(args.review.iter().map(|d| (d, "html")))
        {
            let clashes = inputs::collisions(&all, dir, extension);
            if !clashes.is_empty() {
                return Err(format!(
                    "outputs would collide (give the inputs' folders, not files, to mirror them):\n  {}",
                    clashes.join("\n  ")
                ));
            }
        }
        let batch = all.len() > 1;
        if let Some(shard) = args.shard {
            inputs::keep_shard(&mut all, shard);
        }
        let mut skipped = Vec::new();
        if args.skip_existing {
            let done = |i: &Input| match &destination {
                Destination::PerInput(dir) => {
                    inputs::up_to_date(i, &i.target(dir, format.extension()))
                }
                Destination::Dataset(dir) => inputs::in_dataset(i, dir),
                _ => false,
            };
            let (old, new): (Vec<Input>, Vec<Input>) = all.into_iter().partition(done);
            skipped = old;
            all = new;
        }
        inputs::largest_first(&mut all);
        Ok(Plan {
            format,
            destination,
            inputs: all,
            skipped,
            problems: expanded.problems,
            batch,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn plan(cmd: &str) -> Result<Plan, String> {
        Plan::new(&Args::try_parse_from(cmd.split_whitespace()).unwrap())
    }

    #[test]
    fn destination_follows_the_flags() {
        let d = |cmd| plan(cmd).unwrap().destination;
        assert_eq!(d("extract a.pdf"), Destination::Stdout);
        assert_eq!(
            d("extract a.pdf -o x.json"),
            Destination::File("x.json".into())
        );
        assert_eq!(
            d("extract a.pdf --out-dir o"),
            Destination::PerInput("o".into())
        );
        assert_eq!(d("extract a.pdf --db x.sqlite"), Destination::Nowhere);
        assert_eq!(
            d("extract a.pdf b.pdf -f parquet --out-dir ds"),
            Destination::Dataset("ds".into())
        );
        let err = plan("extract a.pdf -f parquet -o x.parquet").unwrap_err();
        assert!(err.contains("give --out-dir"), "{err}");
        assert_eq!(
            d("extract a.pdf --db x.sqlite -f jsonl"),
            Destination::Stdout
        );
    }

    #[test]
    fn one_document_formats_refuse_several_inputs_in_one_stream() {
        let err = plan("extract a.pdf b.pdf").unwrap_err();
        assert!(err.contains("2 inputs need --out-dir"), "{err}");
        assert!(plan("extract a.pdf b.pdf -f jsonl").is_ok());
        assert!(plan("extract a.pdf b.pdf -f csv -o all.csv").is_ok());
        assert!(plan("extract a.pdf b.pdf -f xlsx -o all.xlsx").is_err());
        assert!(plan("extract - a.pdf").is_err());
    }

    #[test]
    fn equal_names_from_two_files_collide() {
        let err = plan("extract --out-dir o d1/x.pdf d2/x.pdf").unwrap_err();
        assert!(
            err.contains("o/x.json would be written by d1/x.pdf and d2/x.pdf"),
            "{err}"
        );
    }
}
