"""Chinese government fiscal disclosure PDFs — 部门决算 (final accounts) and
部门预算 (budgets) — to typed Python objects, Arrow tables and a Parquet
dataset.

>>> import fiscal_extract as fx
>>> doc = fx.extract("report.pdf")                      # doctest: +SKIP
>>> doc.year, doc.kind, [t.title for t in doc.grids]    # doctest: +SKIP
>>> fx.figures(doc).to_pandas()                         # doctest: +SKIP

* :func:`extract` — one PDF (a path, bytes or a binary file) to a
  :class:`Document`.
* :func:`extract_many` — many files on several cores; yields a
  :class:`Document` or an :class:`ExtractError` per file, in order.
* :func:`figures` — the long form (one row per printed amount) as a
  ``pyarrow.Table`` with the columns of ``extract -f csv``.
* :func:`write_dataset` — documents into a Parquet dataset partitioned by
  year and document kind (what ``extract -f parquet --out-dir DS`` writes).
* :mod:`fiscal_extract.dask` — a folder converted on a Dask cluster.

The PDF is read in Rust with the GIL released: threads run in parallel.
"""
from __future__ import annotations

import operator
import os
from typing import IO, Any, Iterable, Iterator, List, Optional, Sequence, Union

from . import _native
from ._errors import ExtractError
from ._files import find_pdfs
from ._model import (
    Check,
    Column,
    ComparedFigure,
    DepartmentGoals,
    Document,
    DocumentMeta,
    Form,
    FundRow,
    Funds,
    Goal,
    GoalRow,
    Indicator,
    PageBox,
    PerformanceList,
    PerformanceTable,
    Record,
    Row,
    Section,
    Source,
    Table,
)

__version__: str = _native.__version__

__all__ = [
    "extract",
    "extract_many",
    "find_pdfs",
    "figures",
    "arrow_table",
    "write_dataset",
    "DATASET_TABLES",
    "FIGURE_COLUMNS",
    "ExtractError",
    "Document",
    "Source",
    "DocumentMeta",
    "PageBox",
    "Table",
    "Column",
    "Row",
    "Form",
    "PerformanceTable",
    "PerformanceList",
    "Funds",
    "FundRow",
    "Goal",
    "Indicator",
    "DepartmentGoals",
    "GoalRow",
    "Section",
    "Check",
    "ComparedFigure",
    "Record",
]

#: The tables of a dataset (:func:`write_dataset`), ``documents`` last.
DATASET_TABLES: List[str] = list(_native.dataset_tables())

#: The long form's columns, in order: ``extract -f csv``'s header.
FIGURE_COLUMNS: List[str] = list(_native.FIGURE_COLUMNS)

PathLike = Union[str, "os.PathLike[str]"]
Source_ = Union[PathLike, bytes, bytearray, memoryview, IO[bytes]]


Pages = Union[int, Iterable[int]]


def _pages(pages: Optional[Pages]) -> Optional[List[int]]:
    """The 1-based page numbers asked for, checked."""
    if pages is None:
        return None
    if isinstance(pages, bool):
        raise TypeError("pages must be a page number or an iterable of page numbers")
    if isinstance(pages, int):
        pages = [pages]
    try:
        numbers = sorted({operator.index(p) for p in pages})
    except TypeError:
        raise TypeError(
            "pages must be a page number or an iterable of page numbers (1-based)"
        ) from None
    if not numbers:
        raise ValueError("pages is empty: give None to read every page")
    if numbers[0] < 1:
        raise ValueError("pages are numbered from 1")
    return [p for p in numbers if p < 2**32]


def extract(
    source: Source_, pages: Optional[Pages] = None, *, name: Optional[str] = None
) -> Document:
    """Extracts one PDF.

    Args:
        source: a path (``str`` or ``os.PathLike``), the PDF's bytes
            (``bytes``, ``bytearray``, ``memoryview``), or a binary file
            object open for reading.
        pages: the 1-based pages to read — a number, or any iterable of
            numbers (``range(3, 13)``, ``[1, 5]``); the others are passed
            over without being interpreted (a table continued onto a page
            left out ends where the pages read end). ``None`` reads all.
        name: what to call the input in the document's ``source.file``, in
            figures' ``file`` and in errors; by default the path as given,
            the file object's ``name``, or ``"<bytes>"``.

    Returns:
        The :class:`Document`.

    Raises:
        ExtractError: the input could not be read or is no PDF to extract
            (encrypted, truncated, damaged, over a resource limit, no text).
            ``kind == "pages"``: none of ``pages`` is in the document.
        TypeError: ``source`` or ``pages`` is none of the above.
        ValueError: a page number below 1.
    """
    selected = _pages(pages)
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if name is not None:
            with open(path, "rb") as f:
                return Document(_native.extract_bytes(f.read(), name, selected))
        return Document(_native.extract_path(path, selected))
    if isinstance(source, (bytes, bytearray, memoryview)):
        return Document(_native.extract_bytes(bytes(source), name or "<bytes>", selected))
    read = getattr(source, "read", None)
    if callable(read):
        data = read()
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("extract() needs a file opened in binary mode ('rb')")
        shown = name or str(getattr(source, "name", "<stream>"))
        return Document(_native.extract_bytes(bytes(data), shown, selected))
    raise TypeError(
        f"extract() takes a path, bytes or a binary file, not {type(source).__name__}"
    )


def _paths(paths: Union[PathLike, Iterable[PathLike]]) -> List[str]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out = []
    for p in paths:
        if not isinstance(p, (str, os.PathLike)):
            raise TypeError(f"extract_many() takes paths, not {type(p).__name__}")
        path = os.fspath(p)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        out.append(path)
    return out


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))  # type: ignore[attr-defined]
    except AttributeError:
        return os.cpu_count() or 1


def extract_many(
    paths: Union[PathLike, Iterable[PathLike]],
    jobs: Optional[int] = None,
    pages: Optional[Pages] = None,
    *,
    ordered: bool = True,
) -> Iterator[Union[Document, ExtractError]]:
    """Extracts many PDF files on ``jobs`` cores (default: every core this
    process may use).

    Yields a :class:`Document` for each file that converted and an
    :class:`ExtractError` (not raised) for each that did not, so one bad
    file never stops the batch::

        for result in fx.extract_many(paths, jobs=4):
            if isinstance(result, fx.ExtractError):
                print("skipped", result.file, result.cause)
            else:
                ...

    Results come in the order of ``paths``; with ``ordered=False`` the
    largest files are converted first and each result is yielded as soon as
    it is done (``Document.file`` / ``ExtractError.file`` say which input it
    is) — the quickest way through a batch whose order does not matter, such
    as :func:`write_dataset`'s: in order, one long file holds back the
    results after it.

    Files are converted ahead of the loop by a bounded window (eight per
    job), so a slow loop holds few documents in memory; leaving the loop
    stops the workers after their current file. ``pages`` selects the same
    pages of every file (see :func:`extract`).

    Raises:
        TypeError: an item of ``paths`` is not a path.
        ValueError: ``jobs`` is below 1.
    """
    paths = _paths(paths)
    if jobs is None:
        jobs = default_jobs()
    if not isinstance(jobs, int) or isinstance(jobs, bool):
        raise TypeError(f"jobs must be an int, not {type(jobs).__name__}")
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    return _yield(_native.extract_many(paths, jobs, _pages(pages), bool(ordered)))


def _yield(results: Any) -> Iterator[Union[Document, ExtractError]]:
    for item in results:
        yield item if isinstance(item, ExtractError) else Document(item)


def _natives(docs: Union[Document, Iterable[Document]], caller: str) -> List[Any]:
    if isinstance(docs, Document):
        docs = [docs]
    natives = []
    for d in docs:
        if not isinstance(d, Document):
            raise TypeError(f"{caller}() takes Documents, not {type(d).__name__}")
        natives.append(d._native)
    return natives


def figures(docs: Union[Document, Iterable[Document]]) -> Any:
    """The long form of one document or many: one row per printed amount of
    every grid table, in printed order, as a ``pyarrow.Table``.

    The columns are those of ``extract -f csv`` (:data:`FIGURE_COLUMNS`):
    ``file`` (the input as named), ``entity``, ``year`` (int32),
    ``document_kind``, ``table`` (表2), ``table_kind``, ``title``,
    ``money_unit``, ``group``, ``code``, ``classification``, ``level``
    (int32), ``name``, ``item`` (a 三公 row's vocabulary key), ``line``
    (int32, 行次), ``column_key`` (the vocabulary's), ``period``
    (``current``/``prior_year``/``change``), ``header``,
    ``value`` — the exact amount as ``decimal128(38, 6)`` (``to_pandas()``
    gives :class:`decimal.Decimal` values) — and where it is printed:
    ``page`` (int32) and its box ``x0``, ``top``, ``x1``, ``bottom``
    (float64, points from the page's top-left, as pdfplumber's). A text the
    CSV leaves empty is null here. Empty cells are not figures.
    """
    import pyarrow as pa

    return pa.table(_native.figures(_natives(docs, "figures")))


def arrow_table(docs: Union[Document, Iterable[Document]], table: str) -> Any:
    """One table of the dataset (:data:`DATASET_TABLES`: ``documents``,
    ``tables``, ``rows``, ``figures``, ``checks``, ``forms``, ``sections``)
    for ``docs``, as a ``pyarrow.Table`` with the partition columns ``year``
    and ``document_kind`` last — what :func:`write_dataset` writes, in
    memory."""
    import pyarrow as pa

    return pa.table(_native.dataset_table(table, _natives(docs, "arrow_table")))


def write_dataset(
    docs: Union[Document, ExtractError, Iterable[Union[Document, ExtractError]]],
    path: PathLike,
) -> List[ExtractError]:
    """Writes documents into the Parquet dataset at ``path`` (made if
    missing), as ``extract -f parquet --out-dir PATH`` does.

    The dataset has a folder per table (:data:`DATASET_TABLES`), each
    partitioned hive-style by ``year`` and ``document_kind``
    (``figures/year=2024/document_kind=final_accounts/<sha256>.parquet``):
    one file per document and table, named by the PDF's SHA-256, so writing a
    document again replaces it and never duplicates it. Amounts are
    ``DECIMAL(38, 6)``; keys are those of the SQLite database (``--db``),
    with the document's ``sha256`` where SQLite has a row id.

    ``docs`` may be what :func:`extract_many` yields: documents are written
    as they come (a batch of any size streams through), and the
    :class:`ExtractError` items among them are returned, none written.

    Raises:
        ExtractError: a file of the dataset could not be written
            (``kind == "dataset"``).
        TypeError: an item is neither a Document nor an ExtractError.
    """
    if isinstance(docs, (Document, ExtractError)):
        docs = [docs]
    root = os.fspath(path)
    errors: List[ExtractError] = []
    for d in docs:
        if isinstance(d, ExtractError):
            errors.append(d)
        elif isinstance(d, Document):
            _native.write_dataset(root, [d._native])
        else:
            raise TypeError(f"write_dataset() takes Documents, not {type(d).__name__}")
    return errors

