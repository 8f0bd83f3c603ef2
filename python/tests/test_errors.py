"""Errors are exceptions, never a crash: bad, encrypted, truncated and
hostile PDFs, bad bytes and wrong argument types."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

import fiscal_extract as fx
from conftest import REPO, TESTDATA

GOOD = "testdata/lo-unruled.pdf"


def test_an_encrypted_pdf_raises_extracterror_naming_file_and_cause():
    with pytest.raises(fx.ExtractError) as caught:
        fx.extract("testdata/encrypted.pdf")
    e = caught.value
    assert e.file == "testdata/encrypted.pdf"
    assert "encrypted" in e.cause
    assert e.kind == "pdf"
    assert str(e) == f"{e.file}: {e.cause}"


@pytest.mark.parametrize(
    "data, cause",
    [
        (b"", "not a PDF"),
        (b"hello, world", "not a PDF"),
        (b"%PDF-1.7\n", None),
    ],
)
def test_bad_bytes_raise(data: bytes, cause):
    with pytest.raises(fx.ExtractError) as caught:
        fx.extract(data, name="bad.pdf")
    assert caught.value.file == "bad.pdf"
    if cause:
        assert cause in caught.value.cause


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.99])
def test_a_truncated_pdf_raises_or_reads_what_is_there(keep: float):
    data = (REPO / GOOD).read_bytes()
    cut = data[: int(len(data) * keep)]
    try:
        doc = fx.extract(cut, name="cut.pdf")
    except fx.ExtractError as e:
        assert e.file == "cut.pdf" and e.kind in ("pdf", "internal")
        assert "\n" not in str(e)
    else:
        assert isinstance(doc, fx.Document)


def test_missing_files_and_folders_raise_read_errors():
    with pytest.raises(fx.ExtractError) as caught:
        fx.extract("testdata/no-such-file.pdf")
    assert caught.value.kind == "read"
    with pytest.raises(fx.ExtractError) as caught:
        fx.extract("testdata")
    assert caught.value.kind == "read"


@pytest.mark.parametrize("bad", [None, 3, 2.5, ["testdata/lo-unruled.pdf"], object()])
def test_wrong_types_raise_typeerror(bad):
    with pytest.raises(TypeError):
        fx.extract(bad)


def test_a_text_file_object_raises_typeerror():
    with open(REPO / "README.md", encoding="utf-8") as f, pytest.raises(TypeError):
        fx.extract(f)


def test_extract_many_checks_its_arguments():
    with pytest.raises(TypeError):
        list(fx.extract_many([GOOD, 3]))
    with pytest.raises(ValueError):
        fx.extract_many([GOOD], jobs=0)
    with pytest.raises(TypeError):
        fx.extract_many([GOOD], jobs="2")


def test_figures_and_dataset_refuse_what_is_not_a_document(tmp_path):
    with pytest.raises(TypeError):
        fx.figures(["not a document"])
    with pytest.raises(TypeError):
        fx.write_dataset([42], tmp_path)
    with pytest.raises(ValueError):
        fx.arrow_table(fx.extract(GOOD), "no_such_table")


def test_hostile_pdfs_never_crash_the_interpreter():
    """Every file of testdata/hostile (bombs, loops, floods) in a child
    interpreter: each ends in a document or an ExtractError, and the child
    exits normally."""
    script = textwrap.dedent(
        """
        import glob, sys
        import fiscal_extract as fx
        outcomes = []
        for path in sorted(glob.glob("testdata/hostile/*.pdf")):
            try:
                fx.extract(path)
                outcomes.append("ok")
            except fx.ExtractError as e:
                assert e.kind != "internal", str(e)
                outcomes.append(e.kind)
        for path in sorted(glob.glob("testdata/hostile/*.pdf"))[:8]:
            with open(path, "rb") as f:
                data = f.read()
            for cut in (len(data) // 3, len(data) - 7):
                try:
                    fx.extract(data[:cut], name="cut")
                except fx.ExtractError:
                    pass
        print(len(outcomes))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.strip()) == len(list((TESTDATA / "hostile").glob("*.pdf")))
