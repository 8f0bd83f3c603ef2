#!/usr/bin/env python3
"""Render a corpus truth JSON (../shared/corpus/dev/*.truth.json) as a PDF in a
layout of our own, to test extraction on shapes the scorer's corpus does not
have: reportlab output, a non-embedded CJK font with the predefined
UniGB-UCS2-H CMap (no ToUnicode), portrait A4, optional rulings, optional
continuation pages without repeated headers.

usage: render_truth.py TRUTH.json OUT.pdf [--unruled] [--no-repeat-header] [--size 8]
Score the result with: score.py TRUTH.json <(extract OUT.pdf)
(narrative and tables are rendered; 绩效 forms are not, so `perf` stays 0).
"""
import json
import sys

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
W, H = A4
M = 48  # margin


class Doc:
    def __init__(self, path, size, ruled, repeat):
        self.c = canvas.Canvas(path, pagesize=A4)
        self.size, self.ruled, self.repeat = size, ruled, repeat
        self.y = H - M
        self.page = 1

    def new_page(self):
        self.c.setFont(FONT, 9)
        self.c.drawCentredString(W / 2, M / 2, str(self.page))  # page number, to be removed
        self.c.showPage()
        self.page += 1
        self.y = H - M

    def need(self, h):
        if self.y - h < M:
            self.new_page()
            return True
        return False

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
        for line in self.wrap(s, W - 2 * M - indent, size):
            self.need(size * 1.6)
            self.c.setFont(FONT, size)
            if center:
                self.c.drawCentredString(W / 2, self.y - size, line)
            else:
                self.c.drawString(M + indent, self.y - size, line)
            self.y -= size * 1.6

    # -- tables ---------------------------------------------------------------
    def header_cells(self, paths):
        """paths: list of lists (one per leaf column) → rows of (col0, col1, text)."""
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

    def grid_row(self, xs, cells, size, top_h=None):
        """cells: list of (col0, col1, text, align); draws one row, returns its height."""
        lines = [self.wrap(t, xs[c1] - xs[c0] - 4, size) for c0, c1, t, _ in cells]
        h = top_h or max(len(l) for l in lines) * size * 1.3 + 6
        for (c0, c1, t, align), ls in zip(cells, lines):
            block = len(ls) * size * 1.3
            y = self.y - (h - block) / 2 - size
            for ln in ls:
                if align == "r":
                    self.c.drawRightString(xs[c1] - 3, y, ln)
                else:
                    self.c.drawCentredString((xs[c0] + xs[c1]) / 2, y, ln)
                y -= size * 1.3
        return h

    def rule_row(self, xs, cells, h):
        if not self.ruled:
            return
        self.c.line(xs[0], self.y, xs[-1], self.y)
        self.c.line(xs[0], self.y - h, xs[-1], self.y - h)
        edges = {xs[0], xs[-1]}
        for c0, c1, *_ in cells:
            edges.add(xs[c0])
            edges.add(xs[c1])
        for x in edges:
            self.c.line(x, self.y, x, self.y - h)

    def table(self, t, entity, unit):
        size = self.size
        self.need(80)
        self.text(t.get("number") or "", 10)
        self.text(t["title"], 13, center=True)
        self.text(f"单位：{entity}    单位：{unit}", 9)
        layout = t["layout"]
        if layout == "two_sided":
            sides = t["sides"]
            paths, kinds, groups = [], [], []
            for s in sides:
                for col in s["columns"]:
                    paths.append([s["label"]] + [p for p in col.split("/")])
                    kinds.append(col)
                    groups.append(s["label"])
            n = max(len(s["rows"]) for s in sides)
            body = []
            for i in range(n):
                row = []
                for s in sides:
                    r = s["rows"][i] if i < len(s["rows"]) else None
                    vcols = [c for c in s["columns"] if c not in ("项目", "行次", "科目编码", "科目名称")]
                    for col in s["columns"]:
                        if r is None:
                            row.append("")
                        elif col == "项目" or col == "科目名称":
                            row.append(r.get("name") or "")
                        elif col == "行次":
                            row.append(str(r.get("line") or ""))
                        elif col == "科目编码":
                            row.append(r.get("code") or "")
                        else:
                            v = r["values"][vcols.index(col)]
                            row.append(v if v is not None else "")
                body.append(row)
        else:
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
                row += [v if v is not None else "" for v in r["values"]]
                body.append(row)
        ncols = len(paths)
        label_cols = {i for i, p in enumerate(paths) if p[-1] in ("科目编码", "科目名称", "项目", "行次")}
        widths = []
        for i, p in enumerate(paths):
            if p[-1] in ("科目名称", "项目"):
                widths.append(3.0)
            elif p[-1] in ("行次",):
                widths.append(0.6)
            elif p[-1] == "科目编码":
                widths.append(1.3)
            else:
                widths.append(1.4)
        scale = (W - 2 * M) / sum(widths)
        xs = [M]
        for w in widths:
            xs.append(xs[-1] + w * scale)
        hrows, depth = self.header_cells(paths)

        def draw_header():
            self.c.setFont(FONT, size)
            # flatten header rows with vertical spans drawn as one block at their first level
            row_h = size * 2.6 + 6
            for level, row in enumerate(hrows):
                cells = [(c0, c1, text, "c") for c0, c1, text, down in row]
                for c0, c1, text, down in row:
                    h = row_h * down
                    self.grid_row(xs, [(c0, c1, text, "c")], size, top_h=h)
                    if self.ruled:
                        self.c.rect(xs[c0], self.y - h, xs[c1] - xs[c0], h)
                self.y -= row_h

        self.need(size * 2.6 * depth + 40)
        draw_header()
        for row in body:
            cells = [(i, i + 1, v, "c" if i in label_cols else "r") for i, v in enumerate(row)]
            lines = max(len(self.wrap(v, xs[i + 1] - xs[i] - 4, size)) for i, v in enumerate(row))
            h = lines * size * 1.3 + 6
            if self.need(h):
                if self.repeat:
                    draw_header()
            self.c.setFont(FONT, size)
            self.grid_row(xs, cells, size, top_h=h)
            self.rule_row(xs, cells, h)
            self.y -= h
        for note in t.get("notes", []):
            self.text(note, 9)
        self.y -= 12


def main():
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    args = sys.argv[3:]
    size = float(args[args.index("--size") + 1]) if "--size" in args else 8
    d = Doc(sys.argv[2], size, "--unruled" not in args, "--no-repeat-header" not in args)
    kind = "部门决算" if truth["doc_kind"] == "final_accounts" else "部门预算"
    d.y = H / 2 + 60
    d.text(f"{truth['entity']}", 20, center=True)
    d.text(f"{truth['year']}年度{kind}", 20, center=True)
    d.new_page()

    def sections(ns, depth=0):
        for n in ns:
            if n.get("table_ref"):
                continue
            if n.get("heading"):
                d.text(n["heading"], 12 if n.get("level", 3) <= 2 else 10.5)
            for p in n.get("paragraphs", []):
                d.text(p.replace("\n", ""), 10.5, indent=0)
            sections(n.get("children", []), depth + 1)

    # narrative first, then the tables (a layout of our own, not the source's order)
    sections(truth["sections"])
    d.new_page()
    for t in truth["tables"]:
        d.table(t, truth["entity"], truth.get("money_unit", "万元"))
        d.new_page()
    d.c.save()


if __name__ == "__main__":
    main()
