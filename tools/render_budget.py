#!/usr/bin/env python3
"""Render small 部门预算 tables of our own as a ruled PDF, for end-to-end tests of
shapes the corpus prints rarely or unruled: a 收支总表 with four label/amount
pairs side by side (收入 | 支出 by 功能分类 | by 部门经济分类 | by 政府经济分类),
and a 政府采购预算表 with a 序号 column, 功能分类 and both 经济分类 codes over
类/款/项 columns, text columns (采购品目, 采购组织形式, 数量) and 小计 rows
with blank figures.

usage: render_budget.py OUT.pdf        (needs reportlab)
The figures the tests expect are the ones in TABLES below.
"""
import sys

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
W, H = landscape(A4)
M = 36

# Each table: title, unit line, column widths, header rows of (text, span)
# cells, body rows of one text per column ("" blank; a (text, span) tuple spans).
TABLES = [
    {
        "title": "2025年部门收支总表",
        "unit": "部门：示例市示例局 单位：万元",
        "widths": [120, 60, 110, 60, 120, 60, 120, 60],
        "header": [
            [("收入", 2), ("支出", 6)],
            [("项目", 1), ("预算数", 1), ("支出功能分类科目", 1), ("预算数", 1),
             ("部门预算支出经济分类科目", 1), ("预算数", 1), ("政府预算支出经济分类科目", 1), ("预算数", 1)],
        ],
        "body": [
            ["一、一般公共预算拨款", "1,000.00", "一、一般公共服务支出", "600.00",
             "一、工资福利支出", "500.00", "一、机关工资福利支出", "500.00"],
            ["二、政府性基金预算拨款", "200.00", "二、社会保障和就业支出", "400.00",
             "二、商品和服务支出", "450.00", "二、机关商品和服务支出", "450.00"],
            ["三、事业收入", "", "三、住房保障支出", "200.00",
             "三、对个人和家庭的补助", "250.00", "三、对个人和家庭的补助", "250.00"],
            ["本年收入合计", "1,200.00", "本年支出合计", "1,200.00",
             "本年支出合计", "1,200.00", "本年支出合计", "1,200.00"],
            ["上年结转", "50.00", "结转下年", "50.00", "结转下年", "50.00", "结转下年", "50.00"],
            ["收入总计", "1,250.00", "支出总计", "1,250.00", "支出总计", "1,250.00", "支出总计", "1,250.00"],
        ],
    },
    {
        "title": "2025年部门政府采购预算表",
        "unit": "部门：示例市示例局 单位：万元",
        "widths": [34, 30, 30, 30, 30, 30, 30, 30, 110, 90, 70, 40, 60],
        "header": [
            [("序号", 1), ("科目编码", 3), ("部门经济科目", 2), ("政府经济科目", 2),
             ("采购项目", 1), ("采购品目", 1), ("采购组织形式", 1), ("数量", 1), ("预算金额", 1)],
            [("", 1), ("类", 1), ("款", 1), ("项", 1), ("类", 1), ("款", 1), ("类", 1), ("款", 1),
             ("", 1), ("", 1), ("", 1), ("", 1), ("", 1)],
        ],
        "body": [
            ["", ("合计", 8), "", "", "", "", "", "", "", "", "", "", "31.50"],
            ["一", ("货物", 8), "", "", "", "", "", "", "", "", "", "", "31.50"],
            ["1", "201", "01", "01", "302", "01", "502", "01", "复印纸", "纸张", "分散采购", "100", "1.50"],
            ["2", "201", "01", "01", "310", "02", "503", "06", "台式计算机", "计算机设备", "集中采购", "5", "30.00"],
            ["", ("小计", 8), "", "", "", "", "", "", "", "", "", "", "31.50"],
            ["二", ("工程", 8), "", "", "", "", "", "", "", "", "", "", ""],
            ["", ("小计", 8), "", "", "", "", "", "", "", "", "", "", ""],
            ["三", ("服务", 8), "", "", "", "", "", "", "", "", "", "", ""],
            ["", ("小计", 8), "", "", "", "", "", "", "", "", "", "", ""],
        ],
    },
]


def draw_table(c, t):
    size = 8
    row_h = 18
    x0 = (W - sum(t["widths"])) / 2
    y = H - M
    c.setFont(FONT, 16)
    c.drawCentredString(W / 2, y - 16, t["title"])
    y -= 36
    c.setFont(FONT, 9)
    c.drawString(x0, y - 9, t["unit"])
    y -= 16
    xs = [x0]
    for w in t["widths"]:
        xs.append(xs[-1] + w)
    c.setLineWidth(0.5)

    def row(cells, y, numeric_from_right=True):
        col = 0
        c.setFont(FONT, size)
        for cell in cells:
            text, span = cell if isinstance(cell, tuple) else (cell, 1)
            if col >= len(t["widths"]):
                break
            left, right = xs[col], xs[min(col + span, len(t["widths"]))]
            c.line(left, y, left, y - row_h)
            figure = text.replace(",", "").replace(".", "").isdigit() and "." in text
            if figure:
                c.drawRightString(right - 3, y - row_h + 6, text)
            elif text:
                c.drawString(left + 3, y - row_h + 6, text)
            col += span
        c.line(xs[-1], y, xs[-1], y - row_h)
        c.line(xs[0], y - row_h, xs[-1], y - row_h)

    c.line(xs[0], y, xs[-1], y)
    for h in t["header"]:
        row(h, y)
        y -= row_h
    for b in t["body"]:
        # a spanned cell swallows the cells it covers
        cells, skip = [], 0
        for cell in b:
            if skip:
                skip -= 1
                continue
            cells.append(cell)
            if isinstance(cell, tuple):
                skip = cell[1] - 1
        row(cells, y)
        y -= row_h
    c.showPage()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    c = canvas.Canvas(sys.argv[1], pagesize=landscape(A4))
    c.setTitle("示例市示例局2025年部门预算")
    for t in TABLES:
        draw_table(c, t)
    c.save()


if __name__ == "__main__":
    main()
