#!/usr/bin/env bash
# Wall time of `extract` against `pdftotext -layout` (poppler) on the same PDFs,
# measured in the same run; prints per-file ratios and the total ratio.
# usage: benches/compare.sh [PDF...]   (default: testdata/*.pdf and ../shared/corpus/*/*.pdf)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftotext >/dev/null || { echo "needs pdftotext (apt-get install poppler-utils)"; exit 1; }
cargo build --release -q -p fiscal-extract
bin=target/release/extract
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=(testdata/*.pdf)
  for f in ../shared/corpus/*/*.pdf; do [ -f "$f" ] && files+=("$f"); done
fi
runs=${RUNS:-5}
best() { # best-of-N wall seconds of a command
  local b=999999
  for _ in $(seq "$runs"); do
    local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    b=$(echo "$e - $s" | bc -l | awk -v b="$b" '{print ($1 < b) ? $1 : b}')
  done
  echo "$b"
}
tot_e=0; tot_p=0
printf '%-60s %9s %9s %7s\n' file extract_s pdftotext_s ratio
for f in "${files[@]}"; do
  case "$f" in *encrypted*) continue;; esac
  te=$(best "$bin" -q "$f"); tp=$(best pdftotext -layout "$f" -)
  tot_e=$(echo "$tot_e + $te" | bc -l); tot_p=$(echo "$tot_p + $tp" | bc -l)
  printf '%-60s %9.4f %9.4f %7.2f\n' "$(basename "$f")" "$te" "$tp" "$(echo "$te / $tp" | bc -l)"
done
printf '%-60s %9.4f %9.4f %7.2f\n' TOTAL "$tot_e" "$tot_p" "$(echo "$tot_e / $tot_p" | bc -l)"
echo "peak memory (KB) of extract on the largest input:"
largest=$(ls -S "${files[@]}" | grep -v encrypted | head -1)
/usr/bin/time -f '%M' "$bin" -q "$largest" 2>&1 >/dev/null | tail -1
