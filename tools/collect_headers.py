#!/usr/bin/env python3
"""Collect the printed header paths of every grid table of a folder of PDFs
into one fixture, so tests can hold the column key vocabulary to the headers
real documents print without reading the documents.

usage: tools/collect_headers.py EXTRACT PDFDIR [OUT]
    EXTRACT  the `extract` binary (cargo build --release -p fiscal-extract-cli)
    PDFDIR   a folder of disclosures (here: the 35 real PDFs of the shared corpus)
    OUT      default testdata/real-headers.json

The fixture lists, per document (by file name), its kind and year and, per
grid table, its kind, pages and columns as (side label, printed header path),
and the row labels of 三公 tables (which may list their items as rows).
crates/recognize/tests/vocabulary_real.rs re-reads every column with
`fiscal_recognize::columns::meanings` and asserts that no standard header
falls outside the vocabulary, that no key carries a number suffix, and that
a header printing the document's year is the current year, and that every
三公 table names its total by key (a column's, or a row's `item`).

Collected once with the tree's extract; re-run when extraction reads headers
differently (a fixed header shows up as a test failure naming it).
"""
import json
import subprocess
import sys
from pathlib import Path


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    extract, pdfdir = sys.argv[1], Path(sys.argv[2])
    out = Path(sys.argv[3] if len(sys.argv) > 3 else "testdata/real-headers.json")
    documents = []
    for pdf in sorted(pdfdir.glob("*.pdf")):
        run = subprocess.run([extract, "-q", str(pdf)], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"skipped {pdf.name}: {run.stderr.strip()[:120]}", file=sys.stderr)
            continue
        doc = json.loads(run.stdout)
        tables = [
            {
                "kind": t["kind"],
                "pages": t["pages"],
                "columns": [[c.get("group"), c["header"]] for c in t["columns"]],
                # Row labels where a table may list its items as rows.
                "rows": [r["name"] for r in t["rows"]] if "three_public" in t["kind"] else [],
            }
            for t in doc["tables"]
            if isinstance(t.get("columns"), list)
            and t["columns"]
            and isinstance(t["columns"][0], dict)
        ]
        documents.append(
            {
                "file": pdf.name,
                "kind": doc["document"].get("kind"),
                "year": doc["document"].get("year"),
                "tables": tables,
            }
        )
    out.write_text(json.dumps(documents, ensure_ascii=False, indent=1) + "\n")
    print(f"{out}: {len(documents)} documents, {sum(len(d['tables']) for d in documents)} tables")


if __name__ == "__main__":
    main()
