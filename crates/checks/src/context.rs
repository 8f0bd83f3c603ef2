//! What every rule reads, gathered once per document.
use fiscal_recognize::{AnyTable, DocumentKind, Recognized, Table};

use crate::passages::{self, Passage};

/// What every rule reads: the document, its grids, its kind and its text.
pub(crate) struct Context<'a> {
    pub doc: &'a Recognized,
    pub grids: Vec<&'a Table>,
    /// The document's kind; from the tables' kinds when the cover does not say.
    pub kind: Option<DocumentKind>,
    pub passages: Vec<Passage<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Recognized) -> Self {
        let grids: Vec<&Table> = doc.tables.iter().filter_map(AnyTable::as_grid).collect();
        let kind = doc.document.kind.or_else(|| {
            let known: Vec<_> = grids
                .iter()
                .filter(|t| t.kind.as_str() != "unknown")
                .collect();
            if known.is_empty() {
                None
            } else if known.iter().all(|t| t.kind.is_budget()) {
                Some(DocumentKind::Budget)
            } else {
                Some(DocumentKind::FinalAccounts)
            }
        });
        Context {
            doc,
            grids,
            kind,
            passages: passages::collect(&doc.sections),
        }
    }
}
