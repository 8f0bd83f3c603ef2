//! `extract`: one PDF to JSON on stdout (or `-o FILE`), or many PDFs into a
//! directory (`--out-dir DIR`), in parallel; one bad file never stops the others.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use fiscal_emit::write::write_atomic;
use fiscal_emit::Output;
use fiscal_extract::extract_file;
use rayon::prelude::*;

#[derive(Parser)]
#[command(
    version,
    about = "Chinese fiscal disclosure PDFs (部门决算/部门预算) to normalized, validated JSON"
)]
struct Args {
    /// PDF files to extract.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Write the JSON here instead of stdout (one input file only).
    #[arg(short, long, conflicts_with = "out_dir")]
    output: Option<PathBuf>,
    /// Write one NAME.json per input into this directory.
    #[arg(long)]
    out_dir: Option<PathBuf>,
    /// Exit non-zero when any validation check fails.
    #[arg(long)]
    strict: bool,
    /// Print no check summary on stderr.
    #[arg(short, long)]
    quiet: bool,
    /// Worker threads for many files (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// Also draw every page as SVG into this directory (glyph boxes, rulings,
    /// text chunks, table cells): NAME-pN.svg.
    #[arg(long, value_name = "DIR")]
    debug_layout: Option<PathBuf>,
}

/// Writes the layout SVGs of one file.
fn debug_layout(path: &Path, dir: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let layout = fiscal_layout::load_document(&bytes, Default::default())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let stem = path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    for page in &layout.pages {
        let svg = fiscal_layout::svg::page_svg(page, &fiscal_layout::blocks::page_blocks(page));
        let target = dir.join(format!("{stem}-p{}.svg", page.number));
        write_atomic(&target, svg.as_bytes()).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(())
}

fn summary(path: &Path, out: &Output) -> String {
    let failed: Vec<_> = out.failed_checks().collect();
    let mut s = format!(
        "{}: {} tables, {} checks, {} failed",
        path.display(),
        out.tables.len(),
        out.checks.len(),
        failed.len()
    );
    for c in failed.iter().take(5) {
        s.push_str(&format!(
            "\n  {} {}: {}",
            c.rule,
            c.table.as_deref().unwrap_or(""),
            c.detail
        ));
    }
    s
}

fn main() -> ExitCode {
    let args = Args::parse();
    if args.files.len() > 1 && args.out_dir.is_none() {
        eprintln!("extract: several input files need --out-dir DIR");
        return ExitCode::from(2);
    }
    if let Some(j) = args.jobs {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(j.max(1))
            .build_global();
    }
    for dir in [&args.out_dir, &args.debug_layout].into_iter().flatten() {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("extract: {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    }
    let results: Vec<(bool, bool)> = args
        .files
        .par_iter()
        .map(|path| {
            if let Some(dir) = &args.debug_layout {
                if let Err(e) = debug_layout(path, dir) {
                    eprintln!("extract: {e}");
                }
            }
            path
        })
        .map(|path| match extract_file(path) {
            Ok(out) => {
                let json = out.to_json();
                let target = match (&args.out_dir, &args.output) {
                    (Some(dir), _) => Some(dir.join(format!(
                        "{}.json",
                        path.file_stem().unwrap_or_default().to_string_lossy()
                    ))),
                    (None, Some(o)) => Some(o.clone()),
                    (None, None) => None,
                };
                let written = match target {
                    Some(t) => write_atomic(&t, json.as_bytes())
                        .map_err(|e| eprintln!("extract: {}: {e}", t.display()))
                        .is_ok(),
                    None => {
                        print!("{json}");
                        true
                    }
                };
                if !args.quiet {
                    eprintln!("{}", summary(path, &out));
                }
                (written, out.failed_checks().next().is_none())
            }
            Err(e) => {
                eprintln!("extract: {e}");
                (false, true)
            }
        })
        .collect();
    let all_ok = results.iter().all(|r| r.0);
    let checks_ok = results.iter().all(|r| r.1);
    if !all_ok {
        ExitCode::from(1)
    } else if args.strict && !checks_ok {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}
