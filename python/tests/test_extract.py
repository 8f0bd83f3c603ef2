"""fx.extract: typed objects over the output contract, from paths, bytes and
files; the same document as the CLI's JSON."""
from __future__ import annotations

import io
import json
import pickle
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

import fiscal_extract as fx
from conftest import REPO

CUT_ROW = "testdata/lo-ruled-cut-row.pdf"
# A 预算 with a 政府采购 table: text columns (采购品目 …) beside the amounts.
PROCUREMENT = "testdata/budget-jiangsu-pairs-procurement.pdf"
FORMS = "testdata/seed-performance.pdf"
NARRATIVE = "testdata/seed-narrative.pdf"


def test_a_path_gives_typed_tables_rows_and_exact_amounts():
    doc = fx.extract(CUT_ROW)
    assert isinstance(doc, fx.Document)
    assert doc.file == CUT_ROW
    assert doc.source.file == "lo-ruled-cut-row.pdf"
    assert len(doc.source.sha256) == 64
    # Read off the page: 表3 支出决算表 and 表4 财政拨款收入支出决算总表.
    titles = [t.title for t in doc.grids]
    assert "支出决算表" in titles and "财政拨款收入支出决算总表" in titles
    expenditure = next(t for t in doc.grids if t.number == "表3")
    assert isinstance(expenditure, fx.Table)
    assert all(isinstance(c, fx.Column) for c in expenditure.columns)
    row = expenditure.rows[0]
    assert isinstance(row, fx.Row)
    assert all(v is None or isinstance(v, Decimal) for v in row.values.values())
    assert doc.entity == "广州市海珠区南华西街道办事处"
    assert doc.kind == "final_accounts"


def test_bytes_and_binary_files_give_the_same_document():
    by_path = fx.extract(CUT_ROW)
    data = (REPO / CUT_ROW).read_bytes()
    for source in (data, bytearray(data), memoryview(data)):
        doc = fx.extract(source, name="cut.pdf")
        assert doc.file == "cut.pdf"
        assert doc.tables == by_path.tables
    with open(REPO / CUT_ROW, "rb") as f:
        assert fx.extract(f).file == str(REPO / CUT_ROW)
    assert fx.extract(io.BytesIO(data)).file == "<stream>"
    assert fx.extract(data).file == "<bytes>"


def test_to_dict_is_the_clis_json(cli: str):
    for sample in (CUT_ROW, PROCUREMENT, FORMS, NARRATIVE):
        printed = subprocess.run(
            [cli, "-q", sample], cwd=REPO, check=True, capture_output=True
        ).stdout.decode()
        doc = fx.extract(sample)
        assert doc.to_dict() == json.loads(printed), sample
        assert doc.to_json(pretty=True) == printed, sample


def test_fields_missing_when_empty_read_as_empty_never_keyerror():
    doc = fx.extract(CUT_ROW)
    table = doc.grids[0]
    assert "text_columns" not in table.to_dict()
    assert table.text_columns == []
    row = table.rows[0]
    assert "attributes" not in row.to_dict()
    assert row.attributes == {}
    assert row.economic_code is None
    with pytest.raises(AttributeError):
        table.no_such_field  # noqa: B018


def test_text_columns_and_attributes_when_present():
    doc = fx.extract(PROCUREMENT)
    with_text = [t for t in doc.grids if t.text_columns]
    assert with_text, "the 政府采购 table has text columns"
    table = with_text[0]
    keys = {c.key for c in table.text_columns}
    assert any(set(r.attributes) <= keys and r.attributes for r in table.rows)


def test_forms_sections_and_checks_are_typed():
    doc = fx.extract(FORMS)
    assert doc.forms, "the sample holds 绩效 forms"
    for form in doc.forms:
        assert form.is_form and isinstance(form, fx.Form)
        if isinstance(form, fx.PerformanceTable):
            assert all(isinstance(i, fx.Indicator) for i in form.indicators)
            assert isinstance(form.funds, fx.Funds)
    narrative = fx.extract(NARRATIVE)
    assert narrative.sections and all(isinstance(s, fx.Section) for s in narrative.sections)
    walked = [s for top in narrative.sections for s in top.walk()]
    assert len(walked) >= len(narrative.sections)
    assert all(isinstance(c, fx.Check) for c in narrative.checks)
    assert narrative.failed_checks == [c for c in narrative.checks if c.status == "fail"]


def test_a_field_added_to_the_contract_later_flows_through():
    row = fx.Row({"name": "合计", "values": {"total": "1.50"}, "box": [1, 2, 3, 4]})
    assert row.box == [1, 2, 3, 4]
    assert "box" in dir(row)
    assert row.values == {"total": Decimal("1.50")}
    assert row.to_dict()["box"] == [1, 2, 3, 4]


def test_documents_and_objects_pickle():
    doc = fx.extract(CUT_ROW)
    back = pickle.loads(pickle.dumps(doc))
    assert back.file == doc.file and back.to_dict() == doc.to_dict()
    row = doc.grids[0].rows[0]
    assert pickle.loads(pickle.dumps(row)) == row


def _schema_properties(definition: dict) -> set:
    return set(definition.get("properties", {}))


def test_every_field_of_the_contract_is_declared_typed():
    """A field the schema gains must be declared on its class (typed, with a
    docstring) — until it is, it still reads as JSON (test above)."""
    schema = json.loads((REPO / "schema" / "output.schema.json").read_text())
    defs = schema["$defs"]
    table = defs["table"]["properties"]
    performance = defs["performance"]["properties"]
    expected = {
        fx.Document: _schema_properties(schema),
        fx.Source: _schema_properties(schema["properties"]["source"]),
        fx.DocumentMeta: _schema_properties(schema["properties"]["document"]),
        fx.Table: set(table),
        fx.Column: _schema_properties(table["columns"]["items"]),
        fx.Row: _schema_properties(table["rows"]["items"]),
        fx.PerformanceTable: set(performance),
        fx.PerformanceList: _schema_properties(defs["performance_list"]),
        fx.Funds: _schema_properties(performance["funds"]),
        fx.FundRow: _schema_properties(performance["funds"]["properties"]["rows"]["items"]),
        fx.Goal: _schema_properties(performance["goal"]),
        fx.Indicator: _schema_properties(performance["indicators"]["items"]),
        fx.DepartmentGoals: _schema_properties(defs["department_goals"]),
        fx.GoalRow: _schema_properties(defs["department_goals"]["properties"]["rows"]["items"]),
        fx.Section: _schema_properties(defs["section"]),
        fx.Check: _schema_properties(defs["check"]),
        fx.ComparedFigure: _schema_properties(defs["check"]["properties"]["figures"]["items"]),
        fx.PageBox: _schema_properties(defs["bbox"]),
    }
    missing = {
        cls.__name__: sorted(f for f in fields if not hasattr(cls, f))
        for cls, fields in expected.items()
    }
    assert not {k: v for k, v in missing.items() if v}


def test_pages_selects_what_is_read():
    whole = fx.extract(CUT_ROW)
    assert whole.source.pages == 2
    assert fx.extract(CUT_ROW, pages=range(1, 3)).to_dict() == whole.to_dict()
    second = fx.extract(CUT_ROW, pages=[2])
    assert second.source.pages == 1
    assert second.grids and all(t.pages == [2] for t in second.grids)
    assert fx.extract((REPO / CUT_ROW).read_bytes(), 2).source.pages == 1
    with pytest.raises(fx.ExtractError) as caught:
        fx.extract(CUT_ROW, pages=[3, 40])
    assert caught.value.kind == "pages" and "2 pages" in caught.value.cause
    for bad, error in ((0, ValueError), ([], ValueError), ("1", TypeError), (1.5, TypeError)):
        with pytest.raises(error):
            fx.extract(CUT_ROW, pages=bad)


def test_roles_periods_and_parts_read_their_defaults_when_left_out():
    # The JSON leaves out an item's role, the current period and part_of false.
    row = fx.Row({"name": "办公费", "values": {}})
    assert (row.role, row.period, row.item) == ("item", "current", None)
    total = fx.Row({"name": "合计", "role": "total", "item": "three_public", "period": "change"})
    assert (total.role, total.item, total.period) == ("total", "three_public", "change")
    column = fx.Column({"key": "total", "header": "合计"})
    assert (column.period, column.year, column.part_of, column.group) == ("current", None, False, None)
    prior = fx.Column({"key": "prior_year_total", "header": "2025年预算数/合计", "period": "prior_year",
                       "year": 2025, "part_of": True})
    assert (prior.period, prior.year, prior.part_of) == ("prior_year", 2025, True)
