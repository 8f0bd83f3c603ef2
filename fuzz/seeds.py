#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, cut from real PDFs (needs PyMuPDF).

usage: fuzz/seeds.py [PDF...]   (default: testdata/**/*.pdf and ../shared/corpus/*/*.pdf)

Writes fuzz/corpus/<target>/ (git-ignored), one file per distinct seed:
  pipeline, reader   whole PDFs up to 256 KB (libFuzzer's -max_len cuts longer ones)
  xref               small whole PDFs and the last 4 KB of every PDF (xref table or
                     stream, trailer, startxref)
  objects            every object's text as `N 0 obj ... endobj`
  content            decompressed page content streams (first 64 KB)
  cmap               ToUnicode and embedded CMap streams
  widths             /W arrays of CID fonts and /Widths arrays of simple fonts
The layout target (synthetic glyphs and rulings) needs no seeds: its input is
a compact binary form that the fuzzer explores from scratch.
"""
import glob
import hashlib
import os
import re
import sys

import pymupdf

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")
CAP = {"content": 64 << 10, "objects": 16 << 10, "cmap": 64 << 10, "widths": 16 << 10}
MAX_PER_FILE = {"content": 8, "objects": 60, "cmap": 6, "widths": 10}


def save(target, data):
    if isinstance(data, str):
        data = data.encode("latin-1", "replace")
    data = data[: CAP.get(target, len(data))]
    if not data:
        return False
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, hashlib.sha1(data).hexdigest()[:16])
    if os.path.exists(path):
        return False
    with open(path, "wb") as f:
        f.write(data)
    return True


def from_pdf(path):
    raw = open(path, "rb").read()
    if len(raw) <= 256 << 10:
        save("pipeline", raw)
        save("reader", raw)
    if len(raw) <= 64 << 10:
        save("xref", raw)
    save("xref", raw[-4096:])
    try:
        doc = pymupdf.open(path)
    except Exception:
        return
    if doc.needs_pass:
        return
    n = {k: 0 for k in MAX_PER_FILE}

    def room(target):
        n[target] += 1
        return n[target] <= MAX_PER_FILE[target]

    for i in range(min(doc.page_count, MAX_PER_FILE["content"])):
        try:
            save("content", doc[i].read_contents())
        except Exception:
            break
    for xref in range(1, doc.xref_length()):
        try:
            text = doc.xref_object(xref, compressed=False)
        except Exception:
            continue
        if n["objects"] < MAX_PER_FILE["objects"] and not doc.xref_is_stream(xref):
            if save("objects", f"{xref} 0 obj\n{text}\nendobj\n"):
                n["objects"] += 1
        for key in ("/ToUnicode",):
            m = re.search(re.escape(key) + r" (\d+) 0 R", text)
            if m and room("cmap"):
                try:
                    save("cmap", doc.xref_stream(int(m.group(1))))
                except Exception:
                    pass
        for m in re.finditer(r"/(W|Widths) (\d+ 0 R|\[[^\]]*(?:\[[^\]]*\][^\]]*)*\])", text):
            if not room("widths"):
                break
            value = m.group(2)
            if value.endswith(" R"):
                try:
                    value = doc.xref_object(int(value.split()[0]))
                except Exception:
                    continue
            save("widths", f"/{m.group(1)} {value}")


def main():
    pdfs = sys.argv[1:] or (
        glob.glob(os.path.join(ROOT, "testdata", "**", "*.pdf"), recursive=True)
        + glob.glob(os.path.join(ROOT, "..", "shared", "corpus", "*", "*.pdf"))
    )
    for p in sorted(pdfs):
        try:
            from_pdf(p)
        except Exception as e:  # hostile files: keep what was cut before the error
            print(f"{os.path.basename(p)}: {e}", file=sys.stderr)
    for t in sorted(os.listdir(OUT)) if os.path.isdir(OUT) else []:
        print(f"{t:10} {len(os.listdir(os.path.join(OUT, t)))} seeds")


if __name__ == "__main__":
    main()
