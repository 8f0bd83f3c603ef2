"""Inputs found as the CLI finds them."""
from __future__ import annotations

import os
from typing import Iterable, List, Set, Union

PathLike = Union[str, "os.PathLike[str]"]


def find_pdfs(inputs: Union[PathLike, Iterable[PathLike]]) -> List[str]:
    """The PDFs of ``inputs`` as ``extract`` finds and names them: a file is
    taken as given (any extension); a folder is searched recursively (links
    followed) for ``*.pdf`` in any case, entries in name order, each found
    file named ``FOLDER/below/name.pdf``.

    Raises:
        FileNotFoundError: an input does not exist.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    found: List[str] = []
    for given in inputs:
        path = os.fsdecode(os.fspath(given))
        if os.path.isdir(path):
            _walk(path, found, set())
        elif os.path.exists(path):
            found.append(path)
        else:
            raise FileNotFoundError(path)
    return found


def _walk(folder: str, found: List[str], seen: Set[str]) -> None:
    real = os.path.realpath(folder)
    if real in seen:  # a link back up the tree
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir():
            _walk(os.path.join(folder, entry.name), found, seen)
        elif entry.is_file() and entry.name.lower().endswith(".pdf"):
            found.append(os.path.join(folder, entry.name))
