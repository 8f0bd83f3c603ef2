#!/usr/bin/env python3
"""Measure how honest the figure boxes of extract's output are: for every
figure of every grid table, the words `pdftotext -bbox-layout` finds inside
its box (a word counts when its centre lies in the box) must read as the
printed amount. Where a label runs on into its amount without a gap,
pdftotext makes one word of both; then the amount must end that word, and
the word end at the box's right edge (counted apart in the output).
crates/extract/tests/boxes.rs asserts the same on pages in testdata/.

usage: box_honesty.py PDF_DIR OUT_DIR [--verbose] [--forms]
  OUT_DIR holds extract's JSON per PDF (NAME.json for NAME.pdf), e.g. from
  `extract --out-dir OUT_DIR PDF_DIR`. Needs pdftotext (poppler-utils).
Prints per document: figures, figures with a box, boxes holding their amount,
and the totals; --verbose lists each box that does not, with what it holds.
--forms measures the text fields of the 绩效 forms instead (field_bboxes, by
JSON Pointer): the words in a field's box must read as its text.
"""
import html.parser
import json
import os
import re
import subprocess
import sys
from decimal import Decimal, InvalidOperation


class Words(html.parser.HTMLParser):
    """Words per 1-based page: (x0, top, x1, bottom, text)."""

    def __init__(self):
        super().__init__()
        self.pages = []
        self.cur = None

    def handle_starttag(self, tag, attrs):
        if tag == "page":
            self.pages.append([])
        elif tag == "word":
            a = dict(attrs)
            self.cur = [float(a["xmin"]), float(a["ymin"]), float(a["xmax"]), float(a["ymax"]), ""]

    def handle_data(self, data):
        if self.cur is not None:
            self.cur[4] += data

    def handle_endtag(self, tag):
        if tag == "word" and self.cur is not None:
            self.pages[-1].append(tuple(self.cur))
            self.cur = None


def words_of(pdf):
    raw = subprocess.run(
        ["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, check=True
    ).stdout.decode("utf-8", "replace")
    p = Words()
    p.feed(raw)
    return p.pages


def amount(text):
    """The amount a printed text reads as, or None."""
    t = re.sub(r"[\s,，]", "", text)
    neg = t.startswith("(") and t.endswith(")") or t.startswith("（") and t.endswith("）")
    t = t.strip("()（）")
    try:
        d = Decimal(t)
    except InvalidOperation:
        return None
    return -d if neg else d


def inside(word, box, slack=1.0):
    cx, cy = (word[0] + word[2]) / 2, (word[1] + word[3]) / 2
    return (box["x0"] - slack <= cx <= box["x1"] + slack
            and box["top"] - slack <= cy <= box["bottom"] + slack)


def held_text(words, box):
    """The words whose centre lies in the box, in reading order, joined."""
    held = [w for w in words if inside(w, box)]
    return "".join(w[4] for w in sorted(held, key=lambda w: (w[1], w[0])))


def shares_word(words, box, value):
    """Whether pdftotext ran the figure into the text before it (no gap
    between a label and its amount): a word that starts left of the box,
    ends at the box's right edge (within 1 pt), on the box's line, whose
    text ends with the amount as printed."""
    for w in words:
        cy = (w[1] + w[3]) / 2
        if not (box["top"] - 1 <= cy <= box["bottom"] + 1):
            continue
        if w[0] < box["x0"] - 1 and abs(w[2] - box["x1"]) <= 1.0:
            digits = re.search(r"[-(（]?[0-9][0-9,，]*(\.[0-9]+)?[)）]?$", w[4])
            if digits and amount(digits.group(0)) == value:
                return True
    return False


def figures(out):
    for t in out.get("tables", []):
        for r in t.get("rows", []) if "rows" in t and "columns" in t else []:
            boxes = r.get("value_bboxes", {})
            for key, v in r.get("values", {}).items():
                if v is None:
                    continue
                yield t, r, key, Decimal(v), boxes.get(key)


NOT_FIELDS = {"kind", "title", "pages", "money_unit", "number", "bboxes", "field_bboxes", "columns"}


def compact(text):
    return re.sub(r"\s", "", text)


def leaves(value, pointer=""):
    """Every non-empty text of a form with its JSON Pointer."""
    if isinstance(value, str):
        if compact(value):
            yield pointer, value
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from leaves(v, f"{pointer}/{i}")
    elif isinstance(value, dict):
        for k, v in value.items():
            if k in NOT_FIELDS:
                continue
            yield from leaves(v, f"{pointer}/{k.replace('~', '~0').replace('/', '~1')}")


def form_fields(out):
    """(form, pointer, text, box) of every text field of every form; a
    list's projects are forms of their own."""
    def of(form):
        boxes = form.get("field_bboxes", {})
        for pointer, text in leaves(form):
            if pointer.startswith("/forms/"):
                continue
            yield form, pointer, text, boxes.get(pointer)
    for t in out.get("tables", []):
        if not any(k in t for k in ("indicators", "forms", "goal", "funds")):
            continue  # a grid of figures
        yield from of(t)
        for f in t.get("forms", []):
            yield from of(f)


def main_forms(pdf_dir, out_dir, verbose):
    tot = [0, 0, 0]
    for name in sorted(os.listdir(pdf_dir)):
        out_path = os.path.join(out_dir, name[:-4] + ".json")
        if not name.lower().endswith(".pdf") or not os.path.exists(out_path):
            continue
        try:
            out = json.load(open(out_path, encoding="utf-8"))
        except ValueError:
            continue
        pages = None
        n = boxed = honest = 0
        bad = []
        for form, pointer, text, box in form_fields(out):
            n += 1
            if box is None:
                bad.append((pointer, text, None, "no box"))
                continue
            boxed += 1
            if pages is None:
                pages = words_of(os.path.join(pdf_dir, name))
            ws = pages[box["page"] - 1] if box["page"] <= len(pages) else []
            held = held_text(ws, box)
            # A box over cells whose texts wrap is read line by line by
            # pdftotext, cell by cell by the form reader: the same characters.
            if sorted(compact(held)) == sorted(compact(text)):
                honest += 1
            else:
                bad.append((pointer, text, box, held))
        if n == 0:
            continue
        tot[0] += n
        tot[1] += boxed
        tot[2] += honest
        pct = lambda a, b: f"{100.0 * a / b:6.2f}%" if b else "     -"
        print(f"{name[:-4]:<48} form fields {n:5} boxed {pct(boxed, n)} honest {pct(honest, boxed)}")
        if verbose:
            for pointer, text, box, held in bad[:30]:
                where = f"p.{box['page']}" if box else ""
                print(f"    {pointer} {text[:30]!r} {where}: {held[:40]!r}")
    n, boxed, honest = tot
    print(f"TOTAL form fields {n} boxed {boxed} ({100.0 * boxed / max(n, 1):.2f}%) "
          f"honest {honest} ({100.0 * honest / max(boxed, 1):.2f}% of boxes)")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in sys.argv
    if len(args) != 2:
        sys.exit(__doc__)
    pdf_dir, out_dir = args
    if "--forms" in sys.argv:
        return main_forms(pdf_dir, out_dir, verbose)
    tot = [0, 0, 0]
    for name in sorted(os.listdir(pdf_dir)):
        if not name.lower().endswith(".pdf"):
            continue
        out_path = os.path.join(out_dir, name[:-4] + ".json")
        if not os.path.exists(out_path):
            print(f"{name}: no output")
            continue
        try:
            out = json.load(open(out_path, encoding="utf-8"))
        except ValueError:
            print(f"{name}: output is no JSON (the extraction failed)")
            continue
        pages = None
        n = boxed = honest = shared = 0
        bad = []
        for t, r, key, value, box in figures(out):
            n += 1
            if box is None:
                bad.append((t, r, key, value, None, "no box"))
                continue
            boxed += 1
            if pages is None:
                pages = words_of(os.path.join(pdf_dir, name))
            ws = pages[box["page"] - 1] if box["page"] <= len(pages) else []
            text = held_text(ws, box)
            if amount(text) == value:
                honest += 1
            elif shares_word(ws, box, value):
                honest += 1
                shared += 1
            else:
                bad.append((t, r, key, value, box, text))
        tot[0] += n
        tot[1] += boxed
        tot[2] += honest
        pct = lambda a, b: f"{100.0 * a / b:6.2f}%" if b else "     -"
        note = f" ({shared} in a word pdftotext ran on from the label)" if shared else ""
        print(f"{name[:-4]:<48} figures {n:5} boxed {pct(boxed, n)} honest {pct(honest, boxed)}{note}")
        if verbose:
            for t, r, key, value, box, text in bad[:40]:
                where = f"p.{box['page']} ({box['x0']},{box['top']},{box['x1']},{box['bottom']})" if box else ""
                print(f"    {t.get('number') or t['title'][:16]} {r.get('code') or r.get('name')} [{key}] {value} {where}: {text!r}")
    n, boxed, honest = tot
    print(f"TOTAL figures {n} boxed {boxed} ({100.0 * boxed / max(n, 1):.2f}%) "
          f"honest {honest} ({100.0 * honest / max(boxed, 1):.2f}% of boxes)")


if __name__ == "__main__":
    main()
