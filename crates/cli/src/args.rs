//! The command line: what `extract --help` shows.
use std::path::PathBuf;
use std::str::FromStr;

use clap::{Parser, ValueEnum};

/// Exit statuses, shown under `--help`; scripts may rely on them.
pub const EXIT_OK: u8 = 0;
/// At least one input could not be converted, or an output could not be written.
pub const EXIT_FAILED: u8 = 1;
/// Bad arguments, conflicting outputs or no PDF among the inputs; nothing was done.
pub const EXIT_USAGE: u8 = 2;
/// `--strict` and a check failed (every input converted).
pub const EXIT_CHECK_FAILED: u8 = 3;

const AFTER_HELP: &str = "\
Exit status:
  0  every input converted (a closed stdout, e.g. `| head`, also ends quietly with 0)
  1  at least one input failed (named on stderr and in --report with its cause),
     or an output, the database or the report could not be written
  2  usage: bad arguments, two inputs mapping to one output, no PDF among the inputs
  3  --strict and a check ended in `fail` (any rule; not undetermined or skipped)

Examples:
  extract report.pdf                          JSON on stdout
  extract --out-dir out/ disclosures/         one JSON per PDF, folders mirrored under out/
  extract -f csv -o figures.csv disclosures/  every figure of every PDF in one CSV
  extract --db fiscal.sqlite disclosures/     load everything into SQLite
  extract -f parquet --out-dir DS/ disclosures/   a Parquet dataset (DuckDB, pandas, Spark)
  cat report.pdf | extract -                  read one PDF from stdin";

/// Chinese fiscal disclosure PDFs (部门决算/部门预算) to normalized, validated
/// JSON, JSON lines, CSV, XLSX, SQLite or a Parquet dataset.
#[derive(Parser, Debug)]
#[command(version, after_help = AFTER_HELP)]
pub struct Args {
    /// PDF files, folders (searched recursively for *.pdf in any case), or `-`
    /// for one PDF on stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write to this file instead of stdout (json/xlsx: one input; jsonl/csv:
    /// all inputs in one file). Written whole or not at all.
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Write one output per input under this folder, mirroring the folders
    /// given (equal names in different folders never collide); with
    /// `-f parquet`, the dataset's folder.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Output format [default: json; none when only --db is given].
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    /// Also load every document into this SQLite database (re-running
    /// replaces a document, keyed by its sha256; schema in the README).
    #[arg(long, value_name = "FILE.sqlite")]
    pub db: Option<PathBuf>,
    /// Write a line per input (status, pages, tables, checks failed, error,
    /// milliseconds) to FILE: CSV, or JSON lines when FILE ends in .jsonl/.json.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Convert only shard I of N (1-based; inputs are split by a hash of their
    /// path, the same on every machine).
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
    /// Leave inputs whose output under --out-dir is newer than the input.
    #[arg(long, requires = "out_dir")]
    pub skip_existing: bool,
    /// Exit with 3 when any check of any converted document ends in `fail`:
    /// the document's arithmetic within a table (hierarchy_sum, total_row,
    /// row_total, sides_balance) and across tables (the identities), its
    /// narrative against its tables (narrative_…), its table set and 目录
    /// (table_set, contents_…), what it says it is (year, entity,
    /// placeholder text) and its typography. Checks ending `undetermined` or
    /// `skipped` do not count. An input that could not be converted exits 1
    /// instead.
    #[arg(long)]
    pub strict: bool,
    /// Print no check summary and no tally on stderr (errors still are).
    #[arg(short, long)]
    pub quiet: bool,
    /// Files converted at once (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Memory one conversion of a batch may use, in MB (0: no limit); a file
    /// over it is reported and the batch goes on.
    #[arg(long, value_name = "MB", default_value_t = 4096)]
    pub max_memory: u64,
    /// Seconds one conversion of a batch may take (0: no limit).
    #[arg(long, value_name = "SECS", default_value_t = 600)]
    pub timeout: u64,
    /// Also draw every page as SVG into this folder (glyph boxes, rulings,
    /// text chunks, table cells): NAME-pN.svg.
    #[arg(long, value_name = "DIR")]
    pub debug_layout: Option<PathBuf>,
    /// Read only these pages, e.g. 3-9,12 (checks of the whole document,
    /// its table set and 目录, are then skipped).
    #[arg(long, value_name = "PAGES")]
    pub pages: Option<fiscal_extract::PageSelection>,
    /// Keep only these tables: a kind (income, three_public_expenses, … as
    /// in the JSON) or a printed number (表3); several separated by commas.
    /// Checks about other tables are dropped with them.
    #[arg(long, value_name = "KIND|表N", value_delimiter = ',')]
    pub tables: Vec<crate::select::TableChoice>,
    /// Also write a review report of every document into this folder
    /// (NAME.html, mirroring the folders given, and index.html for several
    /// inputs): failed checks first, each beside its page as read with the
    /// compared figures outlined, then every table as printed, a click on a
    /// figure showing it on its page. Self-contained: opens offline, loads
    /// nothing, runs no script from the PDF.
    #[arg(long, value_name = "DIR")]
    pub review: Option<PathBuf>,
    /// Internal: where a batch child writes its input's review report.
    #[arg(long, hide = true, value_name = "FILE")]
    pub review_to: Option<PathBuf>,
    /// Internal: convert the one input and answer the batch on stdout.
    #[arg(long, hide = true)]
    pub batch_child: bool,
}

/// What each document is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The output contract's JSON, pretty-printed, one document per file.
    Json,
    /// One document per line.
    Jsonl,
    /// Long form, one row per figure, UTF-8 with BOM (Excel opens it).
    Csv,
    /// One sheet per table as printed, plus a checks sheet.
    Xlsx,
    /// A Parquet dataset under --out-dir: a folder per table (documents,
    /// tables, rows, figures, checks, forms, sections) partitioned by year
    /// and document kind; re-running replaces a document, never duplicates.
    Parquet,
}

impl Format {
    /// The file extension of an output in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Parquet => "parquet",
        }
    }

    /// Whether several documents go into one file or stream.
    pub fn concatenates(self) -> bool {
        matches!(self, Format::Jsonl | Format::Csv)
    }
}

/// `--shard I/N`: the I-th of N parts, 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("`{s}` is not I/N with 1 ≤ I ≤ N (e.g. 2/4)");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u64 = i.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_parses_one_based() {
        assert_eq!("2/4".parse(), Ok(Shard { index: 2, count: 4 }));
        for bad in ["0/4", "5/4", "2", "a/b", "1/0"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn help_lists_exit_codes() {
        use clap::CommandFactory;
        let help = Args::command().render_long_help().to_string();
        for code in [
            "0  every input",
            "1  at least one",
            "2  usage",
            "3  --strict",
        ] {
            assert!(help.contains(code), "{code}");
        }
        assert!(!help.contains("batch-child"));
    }
}
