"""Shared fixtures: the repository's samples and the `extract` CLI, whose
CSV is what the package's figures must equal."""
from __future__ import annotations

import csv
import os
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Iterable, List, Sequence, Tuple

import pytest

REPO = Path(__file__).resolve().parents[2]
TESTDATA = REPO / "testdata"


def samples() -> List[str]:
    """The bundled sample PDFs that convert (the encrypted one does not), as
    paths relative to the repository, the way a user would name them."""
    return sorted(
        str(p.relative_to(REPO))
        for p in TESTDATA.glob("*.pdf")
        if p.name != "encrypted.pdf"
    )


def pytest_configure(config: pytest.Config) -> None:
    # Inputs are named relative to the repository, as in the README, for
    # every fixture whatever its scope.
    os.chdir(REPO)


@pytest.fixture(scope="session")
def cli() -> str:
    """The `extract` binary: $FISCAL_EXTRACT_CLI, else built by cargo."""
    given = os.environ.get("FISCAL_EXTRACT_CLI")
    if given:
        return given
    subprocess.run(
        ["cargo", "build", "-q", "--bin", "extract"], cwd=REPO, check=True
    )
    target = os.environ.get("CARGO_TARGET_DIR", str(REPO / "target"))
    return str(Path(target) / "debug" / "extract")


def cli_csv(cli: str, inputs: Sequence[str], out: Path) -> List[List[str]]:
    """The records of `extract -f csv` on `inputs`, header first."""
    subprocess.run(
        [cli, "-q", "-f", "csv", "-o", str(out), *inputs], cwd=REPO, check=True
    )
    with open(out, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def as_csv_text(value: object) -> str:
    """A long-form value as the CSV writes it (missing is empty)."""
    if value is None:
        return ""
    return str(value)


POINTS = {"x0", "top", "x1", "bottom"}


def comparable(records: Iterable[Sequence[object]]) -> List[Tuple[object, ...]]:
    """Long-form records (in FIGURE_COLUMNS order) made comparable whether
    read from the CSV or from Arrow: the amount as a Decimal (so '12.30' and
    Decimal('12.300000') are equal), coordinates as floats, the rest as the
    CSV's text (Arrow text as the CSV writes it)."""
    import fiscal_extract as fx

    out = []
    for r in records:
        row: List[object] = []
        for name, v in zip(fx.FIGURE_COLUMNS, r):
            if name == "value":
                row.append(Decimal(str(v)))
            elif name in POINTS:
                row.append(None if v in (None, "") else float(v))  # type: ignore[arg-type]
            elif isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
                # The CSV quotes a text a spreadsheet would run as a formula.
                row.append("'" + v)
            else:
                row.append(as_csv_text(v))
        out.append(tuple(row))
    return out


@pytest.fixture(scope="session")
def cli_figures(cli: str, tmp_path_factory: pytest.TempPathFactory) -> List[Tuple[object, ...]]:
    """Every sample's figures as the CLI writes them, in order."""
    rows = cli_csv(cli, samples(), tmp_path_factory.mktemp("cli") / "figures.csv")
    import fiscal_extract as fx

    assert rows[0] == fx.FIGURE_COLUMNS
    return figure_records(rows[1:])


def figure_records(records: Iterable[Sequence[str]]) -> List[Tuple[object, ...]]:
    """The CSV's figure records, comparable: the CSV also holds the forms'
    fields and indicators (column_key form_…), which the dataset keeps in
    its forms and indicators tables."""
    import fiscal_extract as fx

    key = fx.FIGURE_COLUMNS.index("column_key")
    return comparable(r for r in records if not r[key].startswith("form_"))



def by_file(records):
    """Records grouped by their file (the CLI writes documents as they finish,
    each document's figures in printed order)."""
    out = {}
    for r in records:
        out.setdefault(r[0], []).append(r)
    return out
