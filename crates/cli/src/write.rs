//! Output files appear whole or not at all: each is written to its own
//! temporary file beside the target and renamed over it. They get the
//! permissions any new file gets (0666 less the umask), not the temporary
//! file's private 0600.
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

fn temp_beside(target: &Path) -> std::io::Result<NamedTempFile> {
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".extract-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Created with this mode, the umask applies as to any new file.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Writes `contents` to `target` atomically, creating its folder.
pub fn write_atomic(target: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut file = PendingFile::create(target)?;
    file.write_all(contents)?;
    file.commit()
}

/// A file being written; it replaces its target on [`PendingFile::commit`]
/// and vanishes if dropped before.
pub struct PendingFile {
    target: PathBuf,
    file: BufWriter<NamedTempFile>,
}

impl PendingFile {
    pub fn create(target: &Path) -> std::io::Result<PendingFile> {
        Ok(PendingFile {
            target: target.to_path_buf(),
            file: BufWriter::new(temp_beside(target)?),
        })
    }

    pub fn commit(self) -> std::io::Result<()> {
        let temp = self.file.into_inner().map_err(|e| e.into_error())?;
        temp.as_file().sync_all()?;
        temp.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for PendingFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/out.json");
        let mut dropped = PendingFile::create(&target).unwrap();
        dropped.write_all(b"half").unwrap();
        drop(dropped);
        assert!(!target.exists());
        write_atomic(&target, b"{}\n").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"{}\n");
        let names: Vec<_> = std::fs::read_dir(target.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["out.json"]);
    }
}
