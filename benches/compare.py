#!/usr/bin/env python3
"""Extraction time and memory set against poppler and MuPDF on the same PDFs,
measured in one run (rounds interleave the tools, best of the rounds per file,
so that load from other processes hits all of them alike).

Per file:
  cli      `extract -q FILE` (process wall time, peak RSS)  vs  `pdftotext -layout FILE -`
  inproc   in-process bytes → JSON (examples/extract_times.rs)  vs  PyMuPDF
           `page.get_text()` over every page, in-process (open included)
Then the median and worst ratio over the files, and the same for one
concatenation of the inputs made with `qpdf --empty --pages`, taken round
again until it has CONCAT_PAGES pages (default 2000; the flat memory check:
its peak RSS should not grow with the page count).

usage: benches/compare.py EXTRACT_BIN EXTRACT_TIMES_BIN ROUNDS FILE...
(benches/compare.sh builds the binaries and picks the files.)
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run_process(argv):
    """Wall seconds and peak RSS (MB) of one run of argv, output discarded.
    RSS comes from /usr/bin/time: a child forked from this Python process
    would report Python's own peak."""
    with tempfile.NamedTemporaryFile("r") as rss:
        start = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name, *argv],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        took = time.perf_counter() - start
        return took, int(rss.read().split()[-1]) / 1024


def pymupdf_times(files):
    """In-process seconds of PyMuPDF's plain text of every page, per file."""
    import pymupdf

    out = {}
    for f in files:
        data = open(f, "rb").read()
        start = time.perf_counter()
        try:
            with pymupdf.open(stream=data, filetype="pdf") as doc:
                for page in doc:
                    page.get_text()
        except Exception:
            pass
        out[f] = time.perf_counter() - start
    return out


def extract_times(binary, files):
    text = subprocess.run([binary, "1", *files], capture_output=True, text=True).stdout
    return {path: float(s) for s, path in (line.split("\t", 1) for line in text.splitlines())}


def pages(f):
    r = subprocess.run(["qpdf", "--show-npages", f], capture_output=True, text=True)
    return int(r.stdout.strip() or 0)


def measure(extract, times_bin, rounds, files):
    best = {f: {} for f in files}

    def keep(f, key, value):
        best[f][key] = min(best[f].get(key, float("inf")), value)

    for _ in range(rounds):
        for f, s in extract_times(times_bin, files).items():
            keep(f, "inproc", s)
        for f, s in pymupdf_times(files).items():
            keep(f, "pymupdf", s)
        for f in files:
            s, rss = run_process([extract, "-q", f])
            keep(f, "cli", s)
            keep(f, "cli_rss", rss)
            s, rss = run_process(["pdftotext", "-layout", f, "-"])
            keep(f, "pdftotext", s)
            keep(f, "pdftotext_rss", rss)
    return best


def report(best, title):
    print(f"\n{title}")
    print(f"{'file':48} {'pages':>5} {'cli s':>7} {'poppler':>7} {'ratio':>5}"
          f" {'inproc':>7} {'mupdf':>7} {'ratio':>5} {'RSS MB':>6} {'popplr':>6}")
    cli_ratio, inproc_ratio = {}, {}
    for f, b in best.items():
        cli_ratio[f] = b["cli"] / b["pdftotext"]
        inproc_ratio[f] = b["inproc"] / b["pymupdf"]
        print(f"{os.path.basename(f)[:48]:48} {pages(f):5} {b['cli']:7.3f} {b['pdftotext']:7.3f}"
              f" {cli_ratio[f]:5.2f} {b['inproc']:7.3f} {b['pymupdf']:7.3f} {inproc_ratio[f]:5.2f}"
              f" {b['cli_rss']:6.1f} {b['pdftotext_rss']:6.1f}")
    if len(best) > 1:
        for name, r in (("extract / pdftotext -layout", cli_ratio),
                        ("in-process / PyMuPDF get_text", inproc_ratio)):
            worst = max(r, key=r.get)
            print(f"{name:30} median {statistics.median(r.values()):.2f}"
                  f"  worst {r[worst]:.2f} ({os.path.basename(worst)})")
        rss = {f: b["cli_rss"] for f, b in best.items()}
        worst = max(rss, key=rss.get)
        print(f"{'extract peak RSS':30} median {statistics.median(rss.values()):.1f} MB"
              f"  worst {rss[worst]:.1f} MB ({os.path.basename(worst)})")


def main():
    extract, times_bin, rounds, *files = sys.argv[1:]
    rounds = int(rounds)
    files = [f for f in files if "encrypted" not in os.path.basename(f)]
    report(measure(extract, times_bin, rounds, files),
           f"{len(files)} files, best of {rounds} interleaved rounds")
    want = int(os.environ.get("CONCAT_PAGES", "2000"))
    counts = {f: pages(f) for f in files}
    parts, total = [], 0
    while total < want and sum(counts.values()) > 0:
        for f in files:
            if total >= want:
                break
            parts.append(f)
            total += counts[f]
    with tempfile.TemporaryDirectory() as tmp:
        concat = os.path.join(tmp, "concatenation.pdf")
        subprocess.run(["qpdf", "--empty", "--pages", *parts, "--", concat],
                       stderr=subprocess.DEVNULL, check=False)
        if os.path.exists(concat):
            report(measure(extract, times_bin, rounds, [concat]),
                   f"the inputs concatenated to {pages(concat)} pages (qpdf --empty --pages)")


if __name__ == "__main__":
    main()
