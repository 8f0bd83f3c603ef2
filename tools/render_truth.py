#!/usr/bin/env python3
"""Render a corpus truth JSON (../shared/corpus/dev/*.truth.json) as a PDF in a
layout of our own, to test extraction on shapes the scorer's corpus does not
have: reportlab output, a non-embedded CJK font with the predefined
UniGB-UCS2-H CMap (no ToUnicode), A4, optional rulings, and the page-break
shapes real producers print.

usage: render_truth.py TRUTH.json OUT.pdf [options]
  --unruled            no rulings at all (Word / LibreOffice tables without lines)
  --no-repeat-header   continuation pages start with body rows, no header
  --size N             table font size (default 8)
  --landscape          landscape A4 (default portrait)
  --widths N:L:C:V     relative widths of the name, 行次, code and value
                       columns (default 3:0.6:1.3:1.4); narrow value columns
                       wrap their header words and long amounts
  --commas             amounts with thousands separators (1,899.52)
  --cut-rows           a row that does not fit at the page foot is split at a
                       line: its first lines stay, the rest (a name's tail, an
                       amount's last digits) go to the next page's head, as
                       LibreOffice prints it; cell text sits at the row's top
  --open-bottom        the last row on a page has no bottom rule and the
                       verticals run on below it (Chromium)
  --side-gap N         in two-sided tables, N points of empty gutter between
                       the two sides, so that a centred side label may fall
                       over a gutter rather than over text
  --run-on             tables follow one another on the same page (page breaks
                       then fall anywhere in a table)
  --tables-only        no narrative (faster renders for layout tests)
Score the result with: score.py TRUTH.json <(extract OUT.pdf)
(narrative and tables are rendered; 绩效 forms are not, so `perf` stays 0).
"""
import argparse
import json

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
M = 48  # margin
LABELS = ("项目", "行次", "科目编码", "科目名称")


def with_commas(v):
    """1899.52 → 1,899.52 (sign and decimals kept)."""
    sign, v = ("-", v[1:]) if v.startswith("-") else ("", v)
    whole, dot, frac = v.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return sign + ",".join([whole] + groups) + dot + frac


class Doc:
    def __init__(self, path, opts):
        self.W, self.H = landscape(A4) if opts.landscape else A4
        self.c = canvas.Canvas(path, pagesize=(self.W, self.H))
        self.o = opts
        self.size = opts.size
        self.ruled = not opts.unruled
        self.y = self.H - M
        self.page = 1

    def new_page(self):
        self.c.setFont(FONT, 9)
        self.c.drawCentredString(self.W / 2, M / 2, str(self.page))  # page number, to be removed
        self.c.showPage()
        self.page += 1
        self.y = self.H - M

    def fits(self, h):
        return self.y - h >= M

    def wrap(self, text, width, size):
        lines, cur = [], ""
        for ch in text or "":
            if pdfmetrics.stringWidth(cur + ch, FONT, size) > width and cur:
                lines.append(cur)
                cur = ch
            else:
                cur += ch
        if cur or not lines:
            lines.append(cur)
        return lines

    def text(self, s, size=10.5, indent=0, center=False):
        for line in self.wrap(s, self.W - 2 * M - indent, size):
            if not self.fits(size * 1.6):
                self.new_page()
            self.c.setFont(FONT, size)
            if center:
                self.c.drawCentredString(self.W / 2, self.y - size, line)
            else:
                self.c.drawString(M + indent, self.y - size, line)
            self.y -= size * 1.6

    # -- tables ---------------------------------------------------------------
    @staticmethod
    def header_cells(paths):
        """paths: one list per leaf column → rows of (col0, col1, text, rows spanned down)."""
        depth = max(len(p) for p in paths)
        rows = []
        for level in range(depth):
            row, c = [], 0
            while c < len(paths):
                p = paths[c]
                if level >= len(p):
                    c += 1
                    continue
                end = c + 1
                while end < len(paths) and len(paths[end]) > level and paths[end][: level + 1] == p[: level + 1]:
                    end += 1
                # a leaf above the bottom spans down to the last level
                span_down = depth - level if level == len(p) - 1 else 1
                row.append((c, end, p[level], span_down))
                c = end
            rows.append(row)
        return rows, depth

    def draw_cell(self, x0, x1, lines, align, top, h):
        """Cell text: centred vertically in a row of height `h`, or from its top."""
        lh = self.size * 1.3
        block = len(lines) * lh
        y = self.y - (3 if top else (h - block) / 2) - self.size
        for ln in lines:
            if align == "r":
                self.c.drawRightString(x1 - 3, y, ln)
            else:
                self.c.drawCentredString((x0 + x1) / 2, y, ln)
            y -= lh

    def rule_row(self, xs, h, open_bottom):
        if not self.ruled:
            return
        self.c.line(xs[0], self.y, xs[-1], self.y)
        if open_bottom:
            # The verticals run on to the page foot, with no rule closing the row.
            foot = max(M * 0.75, self.y - h - self.size)
            for x in xs:
                self.c.line(x, self.y, x, foot)
            return
        self.c.line(xs[0], self.y - h, xs[-1], self.y - h)
        for x in xs:
            self.c.line(x, self.y, x, self.y - h)

    def table(self, t, entity, unit):
        o, size = self.o, self.size
        if not self.fits(80):
            self.new_page()
        self.text(t.get("number") or "", 10)
        self.text(t["title"], 13, center=True)
        self.text(f"单位：{entity}    单位：{unit}", 9)
        paths, body, side_of = self.columns_and_body(t)
        label_cols = {i for i, p in enumerate(paths) if p[-1] in LABELS}
        name_w, line_w, code_w, value_w = o.widths
        widths = []
        for p in paths:
            widths.append({"科目名称": name_w, "项目": name_w, "行次": line_w, "科目编码": code_w}.get(p[-1], value_w))
        gap = o.side_gap if len(set(side_of)) > 1 else 0
        scale = (self.W - 2 * M - gap) / sum(widths)
        hrows, depth = self.header_cells(paths)
        edges = self.edges(widths, side_of, gap, scale)

        # Header rows tall enough for their wrapped words (at least two lines each).
        lh = size * 1.3
        lines_of = lambda c0, c1, text: self.wrap(text, edges[c1 - 1][1] - edges[c0][0] - 4, size)
        row_h = [2 * lh + 6] * depth
        for level, row in enumerate(hrows):
            for c0, c1, text, down in sorted(row, key=lambda c: c[3]):
                need = len(lines_of(c0, c1, text)) * lh + 6
                have = sum(row_h[level:level + down])
                row_h[level + down - 1] += max(0, need - have)

        def draw_header():
            self.c.setFont(FONT, size)
            for level, row in enumerate(hrows):
                for c0, c1, text, down in row:
                    h = sum(row_h[level:level + down])
                    x0, x1 = edges[c0][0], edges[c1 - 1][1]
                    self.draw_cell(x0, x1, lines_of(c0, c1, text), "c", False, h)
                    if self.ruled:
                        self.c.rect(x0, self.y - h, x1 - x0, h)
                self.y -= row_h[level]

        if not self.fits(sum(row_h) + 40):
            self.new_page()
        draw_header()
        rows = []
        for row in body:
            cells = []
            for i, v in enumerate(row):
                x0, x1 = edges[i]
                cells.append((self.wrap(v, x1 - x0 - 4, size), "c" if i in label_cols else "r"))
            rows.append(cells)
        for k, cells in enumerate(rows):
            n = max(len(ls) for ls, _ in cells)
            h = n * lh + 6
            if not self.fits(h):
                room = int((self.y - M - 6) // lh)
                if o.cut_rows and 1 <= room < n:
                    # LibreOffice splits the row at a line: the first lines here, the rest overleaf.
                    self.body_row_at(edges, [(ls[:room], a) for ls, a in cells], o.open_bottom)
                    cells = [(ls[room:] or [""], a) for ls, a in cells]
                    h = (n - room) * lh + 6
                self.new_page()
                if not o.no_repeat_header:
                    draw_header()
            nxt = rows[k + 1] if k + 1 < len(rows) else None
            last_on_page = nxt is not None and not self.fits(h + max(len(ls) for ls, _ in nxt) * lh + 6)
            if last_on_page and o.cut_rows:
                # the next row is cut and begins on this page, unless not even one line fits
                last_on_page = self.y - h - M - 6 < lh
            self.body_row_at(edges, cells, o.open_bottom and last_on_page)
        for note in t.get("notes", []):
            self.text(note, 9)
        self.y -= 12

    @staticmethod
    def edges(widths, side_of, gap, scale):
        """(left, right) of each column; a gutter of `gap` points between sides."""
        out, x = [], M
        for i, w in enumerate(widths):
            if i > 0 and side_of[i] != side_of[i - 1]:
                x += gap
            out.append((x, x + w * scale))
            x += w * scale
        return out

    def body_row_at(self, edges, cells, open_bottom):
        """Draws a body row over columns given by their (left, right) edges."""
        lh = self.size * 1.3
        h = max(len(ls) for ls, _ in cells) * lh + 6
        self.c.setFont(FONT, self.size)
        for (x0, x1), (ls, align) in zip(edges, cells):
            self.draw_cell(x0, x1, ls, align, self.o.cut_rows, h)
        if self.ruled:
            # one run of rules per side (sides separated by a gutter are two frames' worth)
            runs, cur = [], [edges[0]]
            for e in edges[1:]:
                if abs(e[0] - cur[-1][1]) < 0.5:
                    cur.append(e)
                else:
                    runs.append(cur)
                    cur = [e]
            runs.append(cur)
            for run in runs:
                xs = [run[0][0]] + [e[1] for e in run]
                self.rule_row(xs, h, open_bottom)
        self.y -= h

    def columns_and_body(self, t):
        """Header paths per leaf column, body rows as texts, and each column's side."""
        amount = (lambda v: with_commas(v)) if self.o.commas else (lambda v: v)
        layout = t["layout"]
        if layout == "two_sided":
            sides = t["sides"]
            paths, side_of = [], []
            for k, s in enumerate(sides):
                for col in s["columns"]:
                    paths.append([s["label"]] + col.split("/"))
                    side_of.append(k)
            body = []
            for i in range(max(len(s["rows"]) for s in sides)):
                row = []
                for s in sides:
                    r = s["rows"][i] if i < len(s["rows"]) else None
                    vcols = [c for c in s["columns"] if c not in LABELS]
                    for col in s["columns"]:
                        if r is None:
                            row.append("")
                        elif col in ("项目", "科目名称"):
                            row.append(r.get("name") or "")
                        elif col == "行次":
                            row.append(str(r.get("line") or ""))
                        elif col == "科目编码":
                            row.append(r.get("code") or "")
                        else:
                            v = r["values"][vcols.index(col)]
                            row.append(amount(v) if v is not None else "")
                body.append(row)
            return paths, body, side_of
        lead = []
        if layout == "code_rows":
            lead = [["科目编码"], ["科目名称"]]
        elif layout == "name_rows":
            lead = [["项目"]]
        paths = lead + [c.split("/") for c in t["columns"]]
        body = []
        for r in t["rows"]:
            row = []
            if layout == "code_rows":
                row += [r.get("code") or "", r.get("name") or ""]
            elif layout == "name_rows":
                row += [r.get("name") or ""]
            row += [amount(v) if v is not None else "" for v in r["values"]]
            body.append(row)
        return paths, body, [0] * len(paths)


def options(argv=None):
    p = argparse.ArgumentParser(description="Render a truth JSON as a PDF in a layout of our own.")
    p.add_argument("truth")
    p.add_argument("out")
    p.add_argument("--unruled", action="store_true")
    p.add_argument("--no-repeat-header", action="store_true")
    p.add_argument("--size", type=float, default=8)
    p.add_argument("--landscape", action="store_true")
    p.add_argument("--widths", default="3:0.6:1.3:1.4",
                   type=lambda s: [float(x) for x in s.split(":")])
    p.add_argument("--commas", action="store_true")
    p.add_argument("--cut-rows", action="store_true")
    p.add_argument("--open-bottom", action="store_true")
    p.add_argument("--side-gap", type=float, default=0)
    p.add_argument("--run-on", action="store_true")
    p.add_argument("--tables-only", action="store_true")
    return p.parse_args(argv)


def main():
    o = options()
    truth = json.load(open(o.truth, encoding="utf-8"))
    d = Doc(o.out, o)
    kind = "部门决算" if truth["doc_kind"] == "final_accounts" else "部门预算"
    d.y = d.H / 2 + 60
    d.text(f"{truth['entity']}", 20, center=True)
    d.text(f"{truth['year']}年度{kind}", 20, center=True)
    d.new_page()

    def sections(ns):
        for n in ns:
            if n.get("table_ref"):
                continue
            if n.get("heading"):
                d.text(n["heading"], 12 if n.get("level", 3) <= 2 else 10.5)
            for para in n.get("paragraphs", []):
                d.text(para.replace("\n", ""), 10.5)
            sections(n.get("children", []))

    # narrative first, then the tables (a layout of our own, not the source's order)
    if not o.tables_only:
        sections(truth["sections"])
        d.new_page()
    for t in truth["tables"]:
        d.table(t, truth["entity"], truth.get("money_unit", "万元"))
        if not o.run_on:
            d.new_page()
    if o.run_on:
        d.new_page()
    d.c.save()


if __name__ == "__main__":
    main()
