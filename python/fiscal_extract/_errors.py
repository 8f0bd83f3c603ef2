"""The exception of a file that could not be extracted."""
from __future__ import annotations

__all__ = ["ExtractError"]


class ExtractError(Exception):
    """One input could not be extracted (or written): ``str(e)`` is
    ``"FILE: cause"``, one line fit to show a user.

    Attributes:
        file: the input as named (the path as given, or the name given with
            bytes).
        cause: why, e.g. ``"the PDF is encrypted"``.
        kind: ``"read"`` (the file could not be read), ``"too_large"``,
            ``"pdf"`` (not a PDF, truncated, encrypted, damaged, over a
            resource limit, no text layer), ``"pages"`` (none of the pages
            asked for is in the document), ``"internal"`` (a bug met on this
            file: please report it) or ``"dataset"`` (a dataset file could not
            be written).

    ``extract`` raises it; ``extract_many`` yields it in the place of the
    document, so one bad file never stops a batch.
    """

    def __init__(self, file: str, cause: str, kind: str = "pdf") -> None:
        super().__init__(file, cause, kind)
        self.file = file
        self.cause = cause
        self.kind = kind

    def __str__(self) -> str:
        return f"{self.file}: {self.cause}"

    def __repr__(self) -> str:
        return f"ExtractError({self.file!r}, {self.cause!r}, kind={self.kind!r})"
