"""Converting a folder on a Dask cluster into the Parquet dataset.

Every worker extracts its share of the PDFs and writes each document's files
straight into the dataset (one file per document and table, named by the
PDF's SHA-256), so nothing but a short outcome per file travels back to the
client, and no two workers ever write the same file. The same code runs on a
``LocalCluster`` and on a real cluster::

    from dask.distributed import Client, LocalCluster
    import fiscal_extract.dask as fxd

    if __name__ == "__main__":  # a script: the worker processes import it again
        with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:
            outcomes = fxd.convert_folder("disclosures/", "dataset/", client)

    # a real cluster: the package installed on every worker, the PDFs and the
    # dataset folder on a file system every worker mounts at the same path
    client = Client("tcp://scheduler:8786")
    outcomes = fxd.convert_folder("/shared/disclosures", "/shared/dataset", client)

From a shell: ``python -m fiscal_extract.dask FOLDER DATASET [--scheduler ADDRESS]``.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any, Iterable, List, NamedTuple, Optional, Sequence, Union

from . import ExtractError, extract, write_dataset
from ._files import find_pdfs

__all__ = ["Outcome", "convert_folder", "convert_files", "main"]


class Outcome(NamedTuple):
    """What became of one input."""

    file: str
    """The input as named (the long form's ``file``)."""
    sha256: Optional[str]
    """The document's SHA-256 (its files' name in the dataset); None on failure."""
    error: Optional[str]
    """``"FILE: cause"`` when the input could not be converted or written."""
    seconds: float
    """Time spent on it."""

    @property
    def ok(self) -> bool:
        """Whether the document is in the dataset."""
        return self.error is None


def convert_files(paths: Sequence[str], dataset: str) -> List[Outcome]:
    """Converts ``paths`` one by one into ``dataset``: the task each worker
    runs (also usable without Dask)."""
    outcomes = []
    for path in paths:
        start = time.perf_counter()
        try:
            doc = extract(path)
            write_dataset(doc, dataset)
        except ExtractError as e:
            outcomes.append(Outcome(path, None, str(e), time.perf_counter() - start))
        else:
            outcomes.append(Outcome(path, doc.sha256, None, time.perf_counter() - start))
    return outcomes


def convert_folder(
    inputs: Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]],
    dataset: Union[str, "os.PathLike[str]"],
    client: Any = None,
    *,
    files_per_task: int = 4,
) -> List[Outcome]:
    """Converts every PDF under ``inputs`` (folders searched recursively for
    ``*.pdf`` in any case, as the CLI does; files taken as given) into the
    Parquet dataset at ``dataset``, on the workers of ``client`` (default:
    the current ``dask.distributed`` client).

    Inputs are named as the CLI names them (``FOLDER/sub/file.pdf``), so the
    dataset's figures equal ``extract -f csv FOLDER``'s. A file that fails is
    reported in its :class:`Outcome` and the others go on; re-running
    replaces documents, never duplicates them.

    Tasks are submitted largest files first (as the CLI's batches run), so
    the long conversions do not start last and leave the other workers idle.

    Args:
        files_per_task: PDFs per Dask task: a few, so that scheduling costs
            little against conversion and the cluster still balances.

    Returns:
        One :class:`Outcome` per input, in the order found.
    """
    from dask.distributed import get_client

    if files_per_task < 1:
        raise ValueError("files_per_task must be at least 1")
    client = client if client is not None else get_client()
    root = os.path.abspath(os.fspath(dataset))
    files = find_pdfs(inputs)
    largest_first = sorted(files, key=_size, reverse=True)
    batches = [
        largest_first[i : i + files_per_task]
        for i in range(0, len(largest_first), files_per_task)
    ]
    futures = client.map(convert_files, batches, dataset=root, pure=False)
    by_file = {o.file: o for batch in client.gather(futures) for o in batch}
    return [by_file[f] for f in files]


def _size(path: str) -> int:
    """The file's size in bytes; -1 (last) when it cannot be read."""
    try:
        return os.path.getsize(path)
    except OSError:
        return -1


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``python -m fiscal_extract.dask FOLDER… DATASET [--scheduler ADDRESS]``:
    exits 0 when every input converted, 1 otherwise."""
    parser = argparse.ArgumentParser(
        prog="python -m fiscal_extract.dask",
        description="Convert folders of fiscal disclosure PDFs into a Parquet dataset on Dask.",
    )
    parser.add_argument("inputs", nargs="+", help="PDF files or folders")
    parser.add_argument("dataset", help="the dataset folder (on a file system every worker sees)")
    parser.add_argument("--scheduler", help="scheduler address; default: a local cluster")
    parser.add_argument("--workers", type=int, help="local cluster: workers (default: cores)")
    parser.add_argument("--files-per-task", type=int, default=4)
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1)
        client = Client(cluster)
    try:
        start = time.perf_counter()
        outcomes = convert_folder(
            args.inputs, args.dataset, client, files_per_task=args.files_per_task
        )
        took = time.perf_counter() - start
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    failed = [o for o in outcomes if not o.ok]
    for o in failed:
        print(f"extract: {o.error}", file=sys.stderr)
    print(
        f"{len(outcomes) - len(failed)} converted, {len(failed)} failed in {took:.1f}s",
        file=sys.stderr,
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
