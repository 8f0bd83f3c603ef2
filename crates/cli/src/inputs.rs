//! The inputs of a run: files and folders expanded to PDFs, each with the
//! place its output takes under `--out-dir`; shards, collisions and
//! up-to-date outputs decided before any work starts.
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::args::Shard;

/// One PDF to convert.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where to read it; `None` for stdin.
    pub path: Option<PathBuf>,
    /// The input as the user sees it: the path given or found, `-` for stdin.
    pub shown: String,
    /// Its output's path under `--out-dir`, without extension: the path
    /// below the folder given, or the file name of a file given.
    pub stem: PathBuf,
    /// Bytes, for scheduling the largest first.
    pub size: u64,
}

impl Input {
    fn file(path: PathBuf, stem: PathBuf) -> Input {
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        Input {
            shown: path.display().to_string(),
            path: Some(path),
            stem,
            size,
        }
    }

    /// Where this input's output goes under `dir`.
    pub fn target(&self, dir: &Path, extension: &str) -> PathBuf {
        let mut name = OsString::from(dir.join(&self.stem));
        name.push(".");
        name.push(extension);
        PathBuf::from(name)
    }
}

/// The expanded inputs and the folders that could not be read completely.
pub struct Expanded {
    pub inputs: Vec<Input>,
    pub problems: Vec<String>,
}

/// Files as given (any extension), folders walked for `*.pdf` in any case,
/// `-` as stdin (alone).
pub fn expand(given: &[PathBuf]) -> Result<Expanded, String> {
    if given.len() > 1 && given.iter().any(|p| p.as_os_str() == "-") {
        return Err("`-` (stdin) must be the only input".into());
    }
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in given {
        if path.as_os_str() == "-" {
            inputs.push(Input {
                path: None,
                shown: "stdin".into(),
                stem: PathBuf::from("stdin"),
                size: 0,
            });
        } else if path.is_dir() {
            walk(path, &mut inputs, &mut problems);
        } else {
            let stem = path.file_stem().map(PathBuf::from).unwrap_or_default();
            inputs.push(Input::file(path.clone(), stem));
        }
    }
    if inputs.is_empty() && problems.is_empty() {
        let shown: Vec<_> = given.iter().map(|p| p.display().to_string()).collect();
        return Err(format!("no PDF files in {}", shown.join(", ")));
    }
    Ok(Expanded { inputs, problems })
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, problems: &mut Vec<String>) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(format!("{}: cannot read folder: {e}", dir.display()));
                continue;
            }
        };
        let is_pdf = entry
            .path()
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
        if entry.file_type().is_file() && is_pdf {
            let below = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            let stem = below.with_extension("");
            inputs.push(Input::file(entry.into_path(), stem));
        }
    }
}

/// Keeps the inputs of one shard: an input belongs to shard `1 + h % N`
/// where `h` is a hash of its path below the folder given (its output stem),
/// so shards are disjoint, cover every input and do not depend on the
/// machine, on where the tree is mounted or on the other inputs.
pub fn keep_shard(inputs: &mut Vec<Input>, shard: Shard) {
    inputs.retain(|input| {
        let digest = Sha256::digest(input.stem.to_string_lossy().as_bytes());
        let h = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes"));
        h % shard.count == shard.index - 1
    });
}

/// Inputs that would write the same output, as one message per target.
pub fn collisions(inputs: &[Input], dir: &Path, extension: &str) -> Vec<String> {
    let mut by_target: BTreeMap<PathBuf, Vec<&str>> = BTreeMap::new();
    for input in inputs {
        by_target
            .entry(input.target(dir, extension))
            .or_default()
            .push(&input.shown);
    }
    by_target
        .into_iter()
        .filter(|(_, sources)| sources.len() > 1)
        .map(|(target, sources)| {
            format!(
                "{} would be written by {}",
                target.display(),
                sources.join(" and ")
            )
        })
        .collect()
}

/// Whether `target` exists and is newer than the input.
pub fn up_to_date(input: &Input, target: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    match (input.path.as_deref().and_then(modified), modified(target)) {
        (Some(input_time), Some(output_time)) => output_time > input_time,
        _ => false,
    }
}

/// Whether the dataset at `dir` holds this input's document (by the
/// sha256 of its bytes), written after the input last changed.
pub fn in_dataset(input: &Input, dir: &Path) -> bool {
    let Some(bytes) = input.path.as_deref().and_then(|p| std::fs::read(p).ok()) else {
        return false;
    };
    let sha256: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    fiscal_formats::parquet::written(dir, &sha256).is_some_and(|file| up_to_date(input, &file))
}

/// Largest first, so that a big file does not start last and keep one core
/// busy after the others are done; equal sizes in path order.
pub fn largest_first(inputs: &mut [Input]) {
    inputs.sort_by(|a, b| b.size.cmp(&a.size).then_with(|| a.shown.cmp(&b.shown)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(shown: &str) -> Input {
        Input {
            path: Some(PathBuf::from(shown)),
            shown: shown.to_string(),
            stem: Path::new(shown).with_extension(""),
            size: 0,
        }
    }

    #[test]
    fn shards_partition_the_inputs() {
        let all: Vec<Input> = (0..100).map(|i| input(&format!("d/{i}.pdf"))).collect();
        let mut seen = Vec::new();
        for index in 1..=3 {
            let mut part = all.clone();
            keep_shard(&mut part, Shard { index, count: 3 });
            assert!(part.len() > 15, "shard {index} has {}", part.len());
            seen.extend(part.into_iter().map(|i| i.shown));
        }
        seen.sort();
        let mut expected: Vec<String> = all.into_iter().map(|i| i.shown).collect();
        expected.sort();
        assert_eq!(seen, expected);
    }

    #[test]
    fn a_tree_shards_alike_wherever_it_is_mounted() {
        let stems = ["a/x", "a/y", "b/x", "c/z", "d", "e/f/g"];
        let under = |root: &str| -> Vec<Input> {
            stems
                .iter()
                .map(|s| {
                    let mut i = input(&format!("{root}/{s}.pdf"));
                    i.stem = PathBuf::from(s);
                    i
                })
                .collect()
        };
        let shard_of = |root: &str| -> Vec<PathBuf> {
            let mut part = under(root);
            keep_shard(&mut part, Shard { index: 1, count: 2 });
            part.into_iter().map(|i| i.stem).collect()
        };
        assert_eq!(shard_of("/tmp/run1"), shard_of("/mnt/portal/2024"));
    }

    #[test]
    fn equal_targets_collide() {
        let inputs = [input("a/x.pdf"), input("b/y.pdf"), input("a/x.PDF")];
        let found = collisions(&inputs, Path::new("out"), "json");
        assert_eq!(
            found,
            ["out/a/x.json would be written by a/x.pdf and a/x.PDF"]
        );
    }

    #[test]
    fn target_keeps_dots_in_names() {
        let mut i = input("v1.2 report.pdf");
        i.stem = PathBuf::from("sub/v1.2 report");
        assert_eq!(
            i.target(Path::new("out"), "csv"),
            PathBuf::from("out/sub/v1.2 report.csv")
        );
    }
}
