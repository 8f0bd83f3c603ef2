//! The top-level JSON object of one extracted disclosure.
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use fiscal_recognize::{AnyTable, DocumentMeta, Recognized, Section};

use crate::checks::{run_checks, Check};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub file: String,
    pub sha256: String,
    pub pages: usize,
    pub producer: Option<String>,
}

impl Source {
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

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Output {
    pub source: Source,
    pub document: DocumentMeta,
    pub tables: Vec<AnyTable>,
    pub sections: Vec<Section>,
    pub checks: Vec<Check>,
    pub warnings: Vec<String>,
}

impl Output {
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("the output model always serializes");
        s.push('\n');
        s
    }

    pub fn failed_checks(&self) -> impl Iterator<Item = &Check> {
        self.checks
            .iter()
            .filter(|c| c.status == crate::checks::Status::Fail)
    }
}

pub fn build_output(source: Source, recognized: Recognized) -> Output {
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
