#!/usr/bin/env python3
"""Render the 绩效 forms of a corpus truth JSON (its `performance` entries: 项目支出
绩效自评表 and 部门整体支出主要绩效目标完成情况表) as a PDF in layouts of our own,
to test form reading on shapes the corpus does not have. Same producer as
render_truth.py (reportlab, non-embedded STSong-Light, portrait A4); forms
follow one another, and rows are split by page breaks as word processors
split them (each cell's remaining lines continue at the next page's head).

usage: render_forms.py TRUTH.json OUT.pdf [options]
  --unruled             no rulings (text placed by alignment only)
  --size S              font size (default 8)
  --lead L              line pitch in font sizes (default 1.3)
  --pad P               vertical cell padding in points (default 3); 0 with
                        --lead 1.2 gives one-line rows at plain line pitch
  --gutter G            horizontal cell padding in points (default 2); small
                        values leave narrow gutters between unruled columns
  --fund-width F        width of each funds figure column (rate, weight,
                        score too), in units of the default (default 1);
                        below 1 the funds header words wrap over 2–3 lines
  --ind-widths A,B,…    the 8 indicator column widths (类别, 一级, 二级, 年度
                        指标值, 实际完成值, 分值, 得分, 偏差原因), relative
  --dept-widths A,B,…   the 5 department form column widths, relative
  --plain-pitch         rows whose cells are one line each follow at the
                        plain line pitch (no padding between them)
  --cut-header          start each project form's indicator header row at a
                        page foot, so the page break cuts its wrapped words
  --label-top           merged labels (指标类别, 一级指标) at the top of their
                        rows instead of their middle
  --only KIND           project | department
Score: score.py TRUTH.json <(extract OUT.pdf)   (perf; tables and narrative
are not rendered here).
"""
import json
import sys

from render_truth import FONT, M  # registers the font
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

W, H = A4  # portrait

# Default relative column widths.
IND_WIDTHS = [1.0, 1.0, 1.4, 2.0, 2.0, 0.6, 0.6, 1.2]
DEPT_WIDTHS = [0.6, 1.6, 1.0, 2.4, 3.0]


def opt(args, name, default, cast=float):
    return cast(args[args.index(name) + 1]) if name in args else default


def widths_opt(args, name, default):
    if name not in args:
        return default
    return [float(x) for x in args[args.index(name) + 1].split(",")]


def edges(widths, x0=M, x1=W - M):
    """Relative widths → x edges over [x0, x1]."""
    scale = (x1 - x0) / sum(widths)
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w * scale)
    return xs


class Cell:
    def __init__(self, x0, x1, text, span=1, align="c"):
        self.x0, self.x1, self.text, self.span, self.align = x0, x1, text or "", span, align


class Layout:
    """Rows of cells → pages of drawing operations. A row that does not fit at
    the page foot is split: each cell's lines that fit stay, the rest continue
    at the next page's head. A cell with `span` k covers k rows (a merged
    cell); its text is centred on (or, with `label_top`, set at the top of)
    the part of its rows on the page where they start."""

    def __init__(self, o):
        self.o = o
        self.pages = [[]]
        self.y = H - M

    # -- pages and text -------------------------------------------------------
    def op(self, *a):
        self.pages[-1].append(a)

    def new_page(self):
        self.pages.append([])
        self.y = H - M

    def wrap(self, text, width):
        size = self.o["size"]
        out = []
        for para in (text or "").split("\n"):
            cur = ""
            for ch in para:
                if pdfmetrics.stringWidth(cur + ch, FONT, size) > width and cur:
                    out.append(cur)
                    cur = ch
                else:
                    cur += ch
            out.append(cur)
        while len(out) > 1 and out[-1] == "":
            out.pop()
        return out

    def line_text(self, s, size, center=False):
        if self.y - size * 1.6 < M:
            self.new_page()
        x = W / 2 if center else M
        self.op("text", x, self.y - size, s, size, "c" if center else "l")
        self.y -= size * 1.6

    # -- rows -----------------------------------------------------------------
    def pitch(self):
        return self.o["size"] * self.o["lead"]

    def cell_lines(self, c):
        return self.wrap(c.text, c.x1 - c.x0 - 2 * self.o["gutter"])

    def heights(self, rows):
        """Each row's height: its tallest one-row cell, then rows under a taller
        merged cell grow evenly."""
        pad, pitch = self.o["pad"], self.pitch()
        need = lambda c: max(1, len(self.cell_lines(c))) * pitch + 2 * pad
        hs = [max([need(c) for c in r if c.span == 1] or [pitch + 2 * pad]) for r in rows]
        if self.o["plain_pitch"]:
            # Rows of one-line cells follow at the plain line pitch.
            hs = [pitch if h == pitch + 2 * pad else h for h in hs]
        for i, r in enumerate(rows):
            for c in r:
                if c.span > 1:
                    have = sum(hs[i : i + c.span])
                    if need(c) > have:
                        extra = (need(c) - have) / c.span
                        for k in range(i, min(i + c.span, len(hs))):
                            hs[k] += extra
        return hs

    def draw_lines(self, c, lines, top, height, centred):
        size, pitch, g = self.o["size"], self.pitch(), self.o["gutter"]
        block = len(lines) * pitch
        y = top - ((height - block) / 2 if centred else self.o["pad"])
        for ln in lines:
            base = y - pitch + (pitch - size) / 2 + size * 0.12
            if c.align == "l":
                self.op("text", c.x0 + g, base, ln, size, "l")
            elif c.align == "r":
                self.op("text", c.x1 - g, base, ln, size, "r")
            else:
                self.op("text", (c.x0 + c.x1) / 2, base, ln, size, "c")
            y -= pitch

    def box(self, x0, x1, top, bottom):
        if self.o["ruled"]:
            self.op("rect", x0, bottom, x1 - x0, top - bottom)

    def rows(self, rows, before_row=None):
        """Places rows; `before_row(i)` may move the cursor before row i."""
        hs = self.heights(rows)
        pad, pitch = self.o["pad"], self.pitch()
        # Per row: its parts as (page, top, bottom).
        parts = []
        for i, r in enumerate(rows):
            if before_row:
                before_row(i)
            h = hs[i]
            own = [(c, self.cell_lines(c)) for c in r if c.span == 1]
            if self.y - h >= M:
                page = len(self.pages) - 1
                for c, lines in own:
                    self.draw_lines(c, lines, self.y, h, True)
                    self.box(c.x0, c.x1, self.y, self.y - h)
                parts.append([(page, self.y, self.y - h)])
                self.y -= h
                continue
            # Split: lines that fit stay, the rest go on at the next page's head.
            row_parts = []
            left = own
            while left:
                room = int((self.y - M - 2 * pad) // pitch)
                if room < 1 and self.y < H - M:
                    self.new_page()
                    continue
                page = len(self.pages) - 1
                here = [(c, ls[:room]) for c, ls in left]
                rest = [(c, ls[room:]) for c, ls in left]
                n = max(len(ls) for _, ls in here)
                part_h = max(n, 1) * pitch + 2 * pad
                for c, ls in here:
                    self.draw_lines(c, ls, self.y, part_h, False)
                    self.box(c.x0, c.x1, self.y, self.y - part_h)
                row_parts.append((page, self.y, self.y - part_h))
                self.y -= part_h
                if any(ls for _, ls in rest):
                    self.new_page()
                    left = rest
                else:
                    left = []
            parts.append(row_parts)
        # Merged cells, over the parts of their rows.
        for i, r in enumerate(rows):
            for c in r:
                if c.span == 1:
                    continue
                covered = [p for k in range(i, min(i + c.span, len(rows))) for p in parts[k]]
                by_page = {}
                for page, top, bottom in covered:
                    t, b = by_page.get(page, (top, bottom))
                    by_page[page] = (max(t, top), min(b, bottom))
                for page, (top, bottom) in by_page.items():
                    if self.o["ruled"]:
                        self.pages[page].append(("rect", c.x0, bottom, c.x1 - c.x0, top - bottom))
                first = min(by_page)
                lines = self.cell_lines(c)
                top, bottom = by_page[first]
                if len(lines) * pitch > top - bottom and len(by_page) > 1:
                    first = sorted(by_page)[1]
                    top, bottom = by_page[first]
                saved = self.pages
                self.pages = [saved[first]]
                self.draw_lines(c, lines, top, top - bottom, not self.o["label_top"])
                self.pages = saved

    def save(self, path):
        c = canvas.Canvas(path, pagesize=(W, H))
        for n, ops in enumerate(self.pages, 1):
            c.setLineWidth(0.5)
            for op in ops:
                if op[0] == "text":
                    draw_text(c, *op[1:])
                else:
                    _, x, y, w, h = op
                    c.rect(x, y, w, h)
            c.setFont(FONT, 9)
            c.drawCentredString(W / 2, M / 2, str(n))
            c.showPage()
        c.save()


def runs(s):
    """Text → runs of one font: Latin-1 signs (·, °) that the CID font's
    UniGB-UCS2-H encoding cannot carry go in Helvetica."""
    out = []
    for ch in s:
        font = "Helvetica" if 0x80 <= ord(ch) <= 0xFF else FONT
        if out and out[-1][0] == font:
            out[-1][1] += ch
        else:
            out.append([font, ch])
    return out


def draw_text(c, x, y, s, size, align):
    parts = runs(s)
    width = sum(pdfmetrics.stringWidth(t, f, size) for f, t in parts)
    x -= {"l": 0, "c": width / 2, "r": width}[align]
    for f, t in parts:
        c.setFont(f, size)
        c.drawString(x, y, t)
        x += pdfmetrics.stringWidth(t, f, size)


def project_rows(p, o):
    """A 项目支出绩效自评表 as sections of rows (head, funds, goal, indicators, total)."""
    fw = o["fund_width"]
    fx = edges([1.0, 1.6] + [1.3 * fw] * len(p["funds"]["columns"]) + [0.9 * fw, 1.0 * fw, 0.9 * fw])
    head = [
        [Cell(fx[0], fx[2], "项目名称"), Cell(fx[2], fx[-1], p["project"])],
        [
            Cell(fx[0], fx[2], "主管部门"),
            Cell(fx[2], fx[-4], p["department"]),
            Cell(fx[-4], fx[-3], "实施单位"),
            Cell(fx[-3], fx[-1], p["implementer"]),
        ],
    ]
    f = p["funds"]
    nv = len(f["columns"])
    funds_rows = [
        [Cell(fx[0], fx[1], "项目资金（万元）", span=1 + len(f["rows"])), Cell(fx[1], fx[2], "")]
        + [Cell(fx[2 + j], fx[3 + j], col) for j, col in enumerate(f["columns"])]
        + [Cell(fx[2 + nv], fx[3 + nv], "分值"), Cell(fx[3 + nv], fx[4 + nv], "预算完成率"), Cell(fx[4 + nv], fx[5 + nv], "得分")]
    ]
    n = len(f["rows"])
    for i, r in enumerate(f["rows"]):
        row = [Cell(fx[1], fx[2], r["source"])]
        row += [Cell(fx[2 + j], fx[3 + j], v or "") for j, v in enumerate(r["values"])]
        if i == 0:
            row += [
                Cell(fx[2 + nv], fx[3 + nv], f["weight"], span=n),
                Cell(fx[3 + nv], fx[4 + nv], f["completion_rate"], span=n),
                Cell(fx[4 + nv], fx[5 + nv], f["score"], span=n),
            ]
        funds_rows.append(row)
    gx = edges([1.0, 4.2, 4.2])
    goal = [
        [Cell(gx[0], gx[1], "年度绩效目标完成情况", span=2), Cell(gx[1], gx[2], "年度绩效目标内容"), Cell(gx[2], gx[3], "目标实际完成情况")],
        [Cell(gx[1], gx[2], p["goal"]["target"], align="l"), Cell(gx[2], gx[3], p["goal"]["actual"], align="l")],
    ]
    ix = edges(o["ind_widths"])
    heads = ["指标类别", "一级指标", "二级指标", "年度指标值", "实际完成指标值", "分值", "得分", "偏差原因分析及改进措施"]
    inds = [[Cell(ix[k], ix[k + 1], h) for k, h in enumerate(heads)]]
    rows = p["indicators"]
    for i, ind in enumerate(rows):
        row = []
        for k, key in ((0, "category"), (1, "level1")):
            same = lambda a, b: a["category"] == b["category"] and (k == 0 or a["level1"] == b["level1"])
            if i == 0 or not same(rows[i - 1], ind):
                span = 1
                while i + span < len(rows) and same(rows[i + span - 1], rows[i + span]):
                    span += 1
                row.append(Cell(ix[k], ix[k + 1], ind[key], span=span))
        for k, key in enumerate(("level2", "target", "actual", "weight", "score", "deviation"), 2):
            row.append(Cell(ix[k], ix[k + 1], ind[key]))
        inds.append(row)
    total = [[Cell(ix[0], ix[5], "总分"), Cell(ix[5], ix[6], p["total_score"]), Cell(ix[6], ix[8], "")]]
    return head + funds_rows + goal, inds, total


def department_rows(d, o):
    x = edges(o["dept_widths"])
    rows = [
        [Cell(x[0], x[1], "部门名称"), Cell(x[1], x[5], d["department"])],
        [
            Cell(x[0], x[1], "年度绩效目标", span=1 + len(d["rows"])),
            Cell(x[1], x[2], "部门整体支出目标"),
            Cell(x[2], x[3], "关键指标"),
            Cell(x[3], x[4], "预期实现值"),
            Cell(x[4], x[5], "指标完成情况"),
        ],
    ]
    for i, r in enumerate(d["rows"]):
        row = [Cell(x[1], x[2], d["goal"], span=len(d["rows"]))] if i == 0 else []
        row += [Cell(x[2], x[3], r["indicator"]), Cell(x[3], x[4], r["expected"], align="l"), Cell(x[4], x[5], r["actual"], align="l")]
        rows.append(row)
    rows.append([Cell(x[0], x[3], d["budget_rate_expected"]), Cell(x[3], x[5], d["budget_rate_actual"])])
    return rows


def main():
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    args = sys.argv[3:]
    o = {
        "ruled": "--unruled" not in args,
        "size": opt(args, "--size", 8.0),
        "lead": opt(args, "--lead", 1.3),
        "pad": opt(args, "--pad", 3.0),
        "gutter": opt(args, "--gutter", 2.0),
        "fund_width": opt(args, "--fund-width", 1.0),
        "ind_widths": widths_opt(args, "--ind-widths", IND_WIDTHS),
        "dept_widths": widths_opt(args, "--dept-widths", DEPT_WIDTHS),
        "label_top": "--label-top" in args,
        "plain_pitch": "--plain-pitch" in args,
    }
    only = opt(args, "--only", None, str)
    L = Layout(o)
    for p in truth.get("performance", []):
        dept = p["kind"] == "department_performance_goals"
        if only and only != ("department" if dept else "project"):
            continue
        L.y -= 10
        L.line_text(p["title"], 13, center=True)
        if dept:
            L.rows(department_rows(p, o))
        else:
            L.line_text("单位：" + (p.get("money_unit") or "万元"), 9)
            top, inds, total = project_rows(p, o)
            L.rows(top)

            def cut(i):
                # The header row starts where only its first line fits.
                if i == 0 and "--cut-header" in args:
                    foot = M + 2 * o["pad"] + 1.5 * L.pitch()
                    if L.y < foot + L.pitch():
                        L.new_page()
                    L.y = foot

            L.rows(inds, cut)
            L.rows(total)
    L.save(sys.argv[2])


if __name__ == "__main__":
    main()
