#!/usr/bin/env python3
"""Render a small 部门决算 whose texts are hostile to the programs that open
extract's outputs: HTML and script in its title, entity, headings, row names
and attributes (the review report must show them as text and run none of
them), and cells that spreadsheet software would take for formulas (=, +, -,
@ at the start: CSV and XLSX must show them as text, amounts stay numbers).

usage: render_hostile_text.py OUT.pdf        (needs reportlab)
The texts the tests expect are HOSTILE and ROWS below.
"""
import sys

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
W, H = A4
M = 56

TITLE = "<script>alert('title')</script>示例局2024年度部门决算"
HEADING = "一、<img src=x onerror=alert('heading')>部门概况"
PARAGRAPH = [
    "javascript:alert('paragraph') 本部门2024年度收入合计3.00万元，",
    "支出合计3.00万元。",
]
ENTITY_LINE = "编制单位：<b onmouseover=alert(1)>示例局</b>        单位：万元"
TABLE_TITLE = "表1 一般公共预算财政拨款支出决算表"
# (code, name, amount): names that are markup or spreadsheet formulas.
ROWS = [
    ("", "合计", "3.00"),
    ("201", "<script>alert('cell')</script>一般公共服务支出", "1.00"),
    ("20101", "=HYPERLINK(\"http://example.invalid\",\"x\")", "1.00"),
    ("205", "<img src=x onerror=alert('img')>教育支出", "1.00"),
    ("20501", "+SUM(1,1)", "1.00"),
    ("208", "-1+2 社会保障和就业支出", "1.00"),
    ("20801", "@SUM(A1:A2)", "2.00"),
]


def main():
    out = sys.argv[1]
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.setTitle("hostile text")
    c.setFont(FONT, 18)
    c.drawCentredString(W / 2, H - 120, TITLE)
    c.setFont(FONT, 14)
    c.drawString(M, H - 200, HEADING)
    c.setFont(FONT, 11)
    y = H - 230
    for line in PARAGRAPH:
        c.drawString(M + 22, y, line)
        y -= 20
    c.showPage()

    c.setFont(FONT, 14)
    c.drawCentredString(W / 2, H - 70, TABLE_TITLE)
    c.setFont(FONT, 9)
    c.drawString(M, H - 92, ENTITY_LINE)
    xs = [M, M + 80, M + 360, W - M]
    row_h = 20
    top = H - 100
    header = ("科目编码", "科目名称", "合计")
    rows = [header] + ROWS
    for i, cells in enumerate(rows):
        y = top - i * row_h
        for k, text in enumerate(cells):
            if k == 2 and i > 0:
                c.drawRightString(xs[k + 1] - 4, y - row_h + 6, text)
            else:
                c.drawString(xs[k] + 4, y - row_h + 6, text)
    bottom = top - len(rows) * row_h
    for i in range(len(rows) + 1):
        c.line(xs[0], top - i * row_h, xs[-1], top - i * row_h)
    for x in xs:
        c.line(x, top, x, bottom)
    c.showPage()
    c.save()


if __name__ == "__main__":
    main()
