"""fx.write_dataset: the Parquet dataset, read back by DuckDB — the CLI's
figures exactly, exact decimals, SQLite's keys, re-runs that replace, and
the README's queries."""
from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

import fiscal_extract as fx
from conftest import REPO, by_file, comparable, samples

CSV_ORDER = ", ".join(f'"{c}"' for c in fx.FIGURE_COLUMNS)


def sql(query: str) -> list:
    """The rows of a DuckDB query."""
    with duckdb.connect() as con:
        return con.execute(query).fetchall()


def read(ds: Path, table: str) -> str:
    return f"read_parquet('{ds}/{table}/*/*/*.parquet', hive_partitioning = true)"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    ds = tmp_path_factory.mktemp("ds") / "DS"
    errors = fx.write_dataset(fx.extract_many(samples() + ["testdata/encrypted.pdf"], jobs=2), ds)
    assert [e.file for e in errors] == ["testdata/encrypted.pdf"]
    return ds


def test_duckdb_reads_exactly_the_clis_figures(dataset: Path, cli_figures):
    rows = sql(f"SELECT {CSV_ORDER} FROM {read(dataset, 'figures')}")
    assert len(rows) == len(cli_figures)
    ours = by_file(comparable(rows))
    theirs = by_file(cli_figures)
    assert set(ours) == set(theirs)
    for file, records in theirs.items():
        assert sorted(ours[file], key=str) == sorted(records, key=str), file


def test_amounts_are_parquet_decimals(dataset: Path):
    [(kind,)] = sql(
        f"SELECT DISTINCT typeof(value) FROM {read(dataset, 'figures')}"
    )
    assert kind == "DECIMAL(38,6)"


def test_every_table_has_a_file_per_document_named_by_its_sha256(dataset: Path):
    shas = {
        r[0] for r in sql(f"SELECT sha256 FROM {read(dataset, 'documents')}")
    }
    assert len(shas) == len(samples())
    for table in fx.DATASET_TABLES:
        files = list((dataset / table).glob("year=*/document_kind=*/*.parquet"))
        assert {f.stem for f in files} == shas, table
        assert not list((dataset / table).rglob(".*")), "no temporary file left"


def test_keys_join_as_in_sqlite(dataset: Path):
    # Every figure's row, every row's table, every table's document.
    orphans = sql(
        f"""
        SELECT count(*) FROM {read(dataset, 'figures')} f
        LEFT JOIN {read(dataset, 'rows')} r
          ON r.sha256 = f.sha256 AND r.seq = f.row_seq AND r.table_seq = f.table_seq
        LEFT JOIN {read(dataset, 'tables')} t ON t.sha256 = r.sha256 AND t.seq = r.table_seq
        LEFT JOIN {read(dataset, 'documents')} d ON d.sha256 = t.sha256
        WHERE d.sha256 IS NULL OR r.code IS DISTINCT FROM f.code OR r.name IS DISTINCT FROM f.name
        """
    )[0][0]
    assert orphans == 0
    [(duplicates,)] = sql(
        f"""SELECT count(*) FROM (SELECT sha256, table_seq, row_seq, column_key, count(*) n
            FROM {read(dataset, 'figures')} GROUP BY ALL HAVING n > 1)"""
    )
    assert duplicates == 0


def test_partitions_hold_year_and_kind_null_when_unknown(dataset: Path):
    docs = {d.sha256: d for d in (fx.extract(p) for p in samples())}
    got = sql(
        f"SELECT sha256, year, document_kind FROM {read(dataset, 'documents')}"
    )
    for sha, year, kind in got:
        assert (year, kind) == (docs[sha].year, docs[sha].kind)
    assert any(year is None for _, year, _ in got)


def test_forms_and_sections_carry_their_json(dataset: Path):
    import json

    forms = sql(f"SELECT kind, data FROM {read(dataset, 'forms')}")
    assert forms
    for kind, data in forms:
        assert json.loads(data)["kind"] == kind
    [(sections,)] = sql(f"SELECT count(*) FROM {read(dataset, 'sections')}")
    assert sections > 0


def test_writing_again_replaces_never_duplicates(tmp_path: Path):
    ds = tmp_path / "DS"
    doc = fx.extract("testdata/lo-unruled.pdf")
    fx.write_dataset(doc, ds)
    count = lambda: sql(f"SELECT count(*) FROM {read(ds, 'figures')}")[0][0]  # noqa: E731
    once = count()
    assert once == fx.figures(doc).num_rows
    # The same PDF again, under another name: the same document.
    copy = tmp_path / "copy.pdf"
    shutil.copy(REPO / "testdata/lo-unruled.pdf", copy)
    fx.write_dataset(fx.extract(copy), ds)
    assert count() == once
    [(file,)] = sql(f"SELECT file FROM {read(ds, 'documents')}")
    assert file == str(copy)


def test_a_document_read_differently_leaves_nothing_in_its_old_partition(tmp_path: Path):
    ds = tmp_path / "DS"
    doc = fx.extract("testdata/lo-unruled.pdf")
    fx.write_dataset(doc, ds)
    [placed] = list((ds / "figures").glob(f"*/*/{doc.sha256}.parquet"))
    # As an earlier version that read another year would have left it:
    stale = ds / "figures" / "year=1999" / "document_kind=budget" / placed.name
    stale.parent.mkdir(parents=True)
    shutil.move(str(placed), stale)
    fx.write_dataset(doc, ds)
    assert [p.parent.parent.name for p in (ds / "figures").glob(f"*/*/{placed.name}")] == [
        placed.parent.parent.name
    ]


def readme_queries() -> dict:
    """The README's DuckDB queries over the dataset, by their `-- query:` tag."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", text, flags=re.S)
    tagged = {}
    for block in blocks:
        m = re.match(r"-- query: (\w+)\n", block)
        if m:
            tagged[m.group(1)] = block
    return tagged


def run_readme(query: str, dataset: Path):
    return sql(query.replace("'DS/", f"'{dataset}/"))


def test_readme_three_public_expenses_over_the_years(dataset: Path):
    query = readme_queries()["three_public_over_years"]
    rows = run_readme(query, dataset)
    got = {(entity, kind, name, key, value) for entity, _, kind, _, name, key, value in rows}
    # As printed (公开09表 of 江苏省人民检察院): “三公”经费 小计 418.26 万元,
    # beside 合计 1276.7 with 会议费 and 培训费, which is no 三公 figure.
    jiangsu = {(n, k, v) for e, _, n, k, v in got if e == "江苏省人民检察院"}
    assert jiangsu == {(None, "three_public", Decimal("418.26"))}
    # Every 三公 total of the samples, by the rule the README states.
    expected = set()
    for path in samples():
        doc = fx.extract(path)
        for t in doc.grids:
            if t.kind not in ("three_public_expenses", "budget_three_public_expenses"):
                continue
            for r in t.rows:
                for c in t.columns:
                    v = r.values.get(c.key)
                    period = r.period if r.period != "current" else c.period
                    total = (
                        c.key == "three_public"
                        or c.key.startswith("three_public_")
                        or (r.item == "three_public" and c.key == "total")
                    )
                    if v is not None and period == "current" and total:
                        expected.add((doc.entity, doc.kind, r.name, c.key, v))
    assert got == expected


def test_readme_documents_whose_arithmetic_fails(dataset: Path):
    query = readme_queries()["arithmetic_fails"]
    rows = run_readme(query, dataset)
    arithmetic = re.compile(r"^(hierarchy_sum|row_total|total_row|sides_balance)$|equal")
    expected = {}
    for path in samples():
        doc = fx.extract(path)
        failed = sorted({c.rule for c in doc.failed_checks if arithmetic.search(c.rule)})
        if failed:
            expected[path] = failed
    got = {file: sorted(rules) for file, _, _, _, _, rules in rows}
    assert expected and got == expected
