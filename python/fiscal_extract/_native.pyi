"""Type stubs of the compiled half of fiscal_extract (Rust, PyO3). Use the
package's public API (``fiscal_extract``) rather than this module."""
from os import PathLike
from typing import Any, Iterator, List, Optional, Sequence, Union

from ._errors import ExtractError

__version__: str
FIGURE_COLUMNS: List[str]
AMOUNT_SCALE: int
AMOUNT_PRECISION: int

class NativeDocument:
    """An extracted document held in Rust."""

    @property
    def shown(self) -> str:
        """The input as the caller named it."""
    @property
    def sha256(self) -> str:
        """SHA-256 of the PDF."""
    def to_json(self) -> str:
        """Compact JSON (the output contract)."""
    def to_pretty_json(self) -> str:
        """Pretty JSON with a final newline, as ``extract`` prints it."""
    @staticmethod
    def from_json(shown: str, json: str) -> "NativeDocument":
        """A document read back from its JSON."""

class ExtractMany(Iterator[Union[NativeDocument, ExtractError]]):
    """Documents or errors, one per input: in the order given, or (not
    ``ordered``) largest file first as each is done."""

    def __iter__(self) -> "ExtractMany": ...
    def __next__(self) -> Union[NativeDocument, ExtractError]: ...
    def __len__(self) -> int: ...

class ArrowStream:
    """A record batch offered once through the Arrow PyCapsule interface."""

    def __arrow_c_stream__(self, requested_schema: Optional[Any] = None) -> Any: ...

def extract_path(path: Union[str, PathLike[str]], pages: Optional[Sequence[int]] = None) -> NativeDocument: ...
def extract_bytes(data: bytes, name: str, pages: Optional[Sequence[int]] = None) -> NativeDocument: ...
def extract_many(
    paths: Sequence[Union[str, PathLike[str]]],
    jobs: int,
    pages: Optional[Sequence[int]] = None,
    ordered: bool = True,
) -> ExtractMany: ...
def figures(docs: Sequence[NativeDocument]) -> ArrowStream: ...
def dataset_table(name: str, docs: Sequence[NativeDocument]) -> ArrowStream: ...
def write_dataset(root: Union[str, PathLike[str]], docs: Sequence[NativeDocument]) -> None: ...
def dataset_tables() -> List[str]: ...
