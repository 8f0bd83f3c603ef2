"""fx.figures: the long form as a pyarrow.Table, the CLI's CSV exactly."""
from __future__ import annotations

from decimal import Decimal

import pyarrow as pa

import fiscal_extract as fx
from conftest import by_file, comparable, samples


def test_columns_are_the_csv_header_with_types():
    table = fx.figures(fx.extract("testdata/lo-unruled.pdf"))
    assert isinstance(table, pa.Table)
    assert table.column_names == fx.FIGURE_COLUMNS
    assert table.schema.field("value").type == pa.decimal128(38, 6)
    assert table.schema.field("year").type == pa.int32()
    assert table.num_rows > 0


def test_every_samples_figures_equal_the_clis_csv(cli_figures):
    docs = [fx.extract(p) for p in samples()]
    ours = comparable(_rows(fx.figures(docs)))
    assert len(ours) == len(cli_figures)
    assert by_file(ours) == by_file(cli_figures)


def _rows(table: pa.Table):
    columns = [table.column(name).to_pylist() for name in table.column_names]
    return list(zip(*columns))


def test_one_document_and_a_list_give_the_same_rows():
    doc = fx.extract("testdata/lo-ruled-cut-row.pdf")
    assert fx.figures(doc).equals(fx.figures([doc]))
    assert doc.figures().equals(fx.figures(doc))
    assert fx.figures([]).num_rows == 0


def test_amounts_are_exact_and_match_the_rows():
    doc = fx.extract("testdata/lo-ruled-cut-row.pdf")
    expected = [
        v
        for t in doc.grids
        for r in t.rows
        for c in t.columns
        if (v := r.values.get(c.key)) is not None
    ]
    got = fx.figures(doc).column("value").to_pylist()
    assert got == expected
    assert all(isinstance(v, Decimal) for v in got)


def test_to_pandas_gives_the_csvs_columns_and_exact_amounts():
    # The README's `fx.figures(doc).to_pandas()`, with pandas installed as it says.
    df = fx.figures(fx.extract("testdata/lo-unruled.pdf")).to_pandas()
    assert list(df.columns) == fx.FIGURE_COLUMNS
    # 收入决算表, its 合计 row as printed: 本年收入合计 11,137.69,
    # 财政拨款收入 11,122.66, 事业收入 15.03.
    printed = {"本年收入合计": "11137.69", "财政拨款收入": "11122.66", "事业收入": "15.03"}
    total = df[(df["name"] == "合计") & df["header"].isin(list(printed))]
    assert {(h, v) for h, v in zip(total["header"], total["value"])} == {
        (h, Decimal(v)) for h, v in printed.items()
    }
    assert all(isinstance(v, Decimal) for v in df["value"])
