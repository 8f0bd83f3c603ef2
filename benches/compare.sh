#!/usr/bin/env bash
# Time and peak memory of extraction against `pdftotext -layout` (poppler) and
# PyMuPDF's plain text (MuPDF) on the same PDFs, measured in one run; per-file
# ratios, their median and worst, and a concatenation of all the files.
# See benches/compare.py for what is timed.
# usage: benches/compare.sh [PDF...]   (default: testdata/*.pdf and ../shared/corpus/*/*.pdf)
#        ROUNDS=5 (best of that many interleaved rounds), CONCAT_PAGES=2000
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in pdftotext qpdf python3; do
  command -v $tool >/dev/null || { echo "needs $tool (poppler-utils, qpdf, python3)"; exit 1; }
done
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)"; exit 1; }
python3 -c 'import pymupdf' 2>/dev/null || { echo "needs PyMuPDF (pip install pymupdf)"; exit 1; }
# Two builds: an example pulls in dev-dependencies, whose features (jsonschema's
# fancy-regex turns on regex-automata's full DFAs) would otherwise leak into the
# measured binary; users' `extract` is built without them.
cargo build --release -q -p fiscal-extract --example extract_times
cargo build --release -q -p fiscal-extract-cli --bin extract
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(testdata/*.pdf)
  for f in ../shared/corpus/*/*.pdf; do [ -f "$f" ] && files+=("$f"); done
fi
exec python3 benches/compare.py target/release/extract target/release/examples/extract_times \
  "${ROUNDS:-5}" "${files[@]}"
