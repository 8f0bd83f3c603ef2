//! A PDF's bytes as extraction reads them: a file read into memory, or — a
//! large one — mapped and let go of as pages are read, so that the memory a
//! file takes does not grow with its size.
use std::fs::File;
use std::io;
use std::path::Path;

use sha2::{Digest, Sha256};

/// Files at least this large are mapped rather than read (smaller ones cost
/// less to read than to map, and a mapped file cut short by another process
/// while it is read stops this one: they are rare at this size).
const MAP_FROM_BYTES: u64 = 8 << 20;

/// Bytes hashed between two releases of a mapped file.
const HASH_CHUNK: usize = 4 << 20;

/// Pages read between two releases of a mapped file.
pub(crate) const RELEASE_EVERY_PAGES: usize = 16;

/// The input's bytes.
pub(crate) enum Input<'a> {
    /// Bytes the caller holds, or a file read whole.
    Held(&'a [u8]),
    Read(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl<'a> Input<'a> {
    /// A file, mapped when large.
    pub fn open(path: &Path) -> io::Result<Input<'a>> {
        let file = File::open(path)?;
        if file.metadata()?.len() < MAP_FROM_BYTES {
            return std::fs::read(path).map(Input::Read);
        }
        // SAFETY: the map is read-only and private to this process. What
        // mapping cannot rule out is another process changing the file while
        // it is read: the bytes seen may then mix versions (as reading it in
        // pieces would), and a file cut short makes a later read fault.
        let map = unsafe { memmap2::Mmap::map(&file)? };
        Ok(Input::Mapped(map))
    }

    pub fn bytes(&self) -> &[u8] {
        match self {
            Input::Held(b) => b,
            Input::Read(v) => v,
            Input::Mapped(m) => m,
        }
    }

    /// Lets the system take back the pages of a mapped file read so far: they
    /// stay in the file cache and are read again when needed, but no longer
    /// count in this process's memory. Nothing for bytes in memory.
    pub fn release(&self) {
        if let Input::Mapped(map) = self {
            // SAFETY: the map is read-only and private: no page holds a change
            // that dropping it would lose; a later read maps the file again.
            // Failure only leaves the pages resident.
            let _ = unsafe { map.unchecked_advise(memmap2::UncheckedAdvice::DontNeed) };
        }
    }

    /// The SHA-256 of the bytes, lowercase hex; a mapped file is hashed a
    /// piece at a time, each piece let go of once hashed.
    pub fn sha256(&self) -> String {
        let mut hasher = Sha256::new();
        for piece in self.bytes().chunks(HASH_CHUNK) {
            hasher.update(piece);
            self.release();
        }
        hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapped_file_reads_and_hashes_as_read_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.pdf");
        let bytes: Vec<u8> = (0..MAP_FROM_BYTES + 12_345)
            .map(|i| (i % 251) as u8)
            .collect();
        std::fs::write(&path, &bytes).unwrap();
        let input = Input::open(&path).unwrap();
        assert!(matches!(input, Input::Mapped(_)));
        let read = Input::Held(&bytes);
        assert_eq!(input.sha256(), read.sha256());
        input.release();
        assert_eq!(input.bytes(), &bytes[..]);
        let small = dir.path().join("small.pdf");
        std::fs::write(&small, b"%PDF-1.7").unwrap();
        assert!(matches!(Input::open(&small).unwrap(), Input::Read(_)));
    }
}
