#!/usr/bin/env bash
# The regression scoreboard: builds the release binary, scores the dev corpus
# against its truth, and measures the real corpus with coverage and consistency.
# usage: tools/scoreboard.sh [OUTDIR]   (needs ../shared; OUTDIR keeps the JSON, default a temp dir)
set -uo pipefail
cd "$(dirname "$0")/.."
shared=../shared
[ -d "$shared/corpus" ] || { echo "needs $shared/corpus"; exit 2; }
cargo build --release -q -p fiscal-extract-cli || exit 1
bin=target/release/extract
out=${1:-$(mktemp -d)}
mkdir -p "$out/dev" "$out/real"
echo "dev corpus (score.py):"
for pdf in "$shared"/corpus/dev/*.pdf; do
  b=$(basename "$pdf" .pdf)
  timeout 60 "$bin" -q "$pdf" > "$out/dev/$b.json" 2>/dev/null
  printf '  %-26s %s\n' "$b" "$(python3 "$shared/tools/score.py" "${pdf%.pdf}.truth.json" "$out/dev/$b.json" 2>&1 | tail -1)"
done
echo "real corpus (coverage.py, consistency.py hier):"
for pdf in "$shared"/corpus/real/*.pdf; do
  b=$(basename "$pdf" .pdf)
  timeout 60 "$bin" -q "$pdf" > "$out/real/$b.json" 2>/dev/null || rm -f "$out/real/$b.json"
done
python3 "$shared/tools/coverage.py" "$out/real" --list
for j in "$out"/real/*.json; do
  printf '  %-50s %s\n' "$(basename "$j" .json)" "$(python3 "$shared/tools/consistency.py" "$j" 2>&1 | tail -1)"
done
echo "outputs in $out"
