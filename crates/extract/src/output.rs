//! The top-level JSON object of one extracted disclosure.
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use fiscal_recognize::{AnyTable, DocumentMeta, Recognized, Section};

use fiscal_checks::{run_checks, Check, Status};

/// The PDF a document was extracted from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    /// The file's name (not its path).
    pub file: String,
    /// SHA-256 of the file's bytes, lowercase hex: the document's identity.
    pub sha256: String,
    /// Pages read.
    pub pages: usize,
    /// The PDF's /Producer (the program that wrote it).
    pub producer: Option<String>,
}

impl Source {
    /// The source of `bytes` named `file`.
    pub fn new(file: &str, bytes: &[u8], pages: usize, producer: Option<String>) -> Self {
        let digest = Sha256::digest(bytes);
        let sha256 = digest.iter().map(|b| format!("{b:02x}")).collect();
        Source {
            file: file.to_string(),
            sha256,
            pages,
            producer,
        }
    }
}

/// One extracted disclosure: the top-level object of the output contract
/// (`schema/output.schema.json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Output {
    /// The PDF it came from.
    pub source: Source,
    /// Entity, year, kind, title, unit.
    pub document: DocumentMeta,
    /// Every table and form, in page order.
    pub tables: Vec<AnyTable>,
    /// The narrative outline.
    pub sections: Vec<Section>,
    /// The document's arithmetic and narrative checked against its tables.
    pub checks: Vec<Check>,
    /// Anything recovered from, with page numbers.
    pub warnings: Vec<String>,
}

impl Output {
    /// Pretty-printed JSON with a final newline, as `extract` writes it.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("the output model always serializes");
        s.push('\n');
        s
    }

    /// The checks that failed.
    pub fn failed_checks(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| c.status == Status::Fail)
    }
}

/// Assembles the output of a recognized document and runs its checks.
pub(crate) fn build_output(source: Source, recognized: Recognized) -> Output {
    let checks = run_checks(&recognized);
    Output {
        source,
        document: recognized.document,
        tables: recognized.tables,
        sections: recognized.sections,
        checks,
        warnings: recognized.warnings,
    }
}
