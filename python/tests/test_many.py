"""fx.extract_many: several cores, results in order (or largest first as
they finish), a bad file yields its ExtractError and never stops the batch."""
from __future__ import annotations

import threading

import pytest

import fiscal_extract as fx
from conftest import samples


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_results_come_in_the_order_given_with_errors_in_place(jobs: int):
    paths = samples()[:6]
    paths.insert(2, "testdata/encrypted.pdf")
    paths.insert(5, "testdata/no-such-file.pdf")
    results = list(fx.extract_many(paths, jobs=jobs))
    assert len(results) == len(paths)
    for path, result in zip(paths, results):
        if "encrypted" in path or "no-such" in path:
            assert isinstance(result, fx.ExtractError)
            assert result.file == path
        else:
            assert isinstance(result, fx.Document)
            assert result.file == path
            assert result.to_dict() == fx.extract(path).to_dict()


def test_a_single_path_and_path_objects_are_accepted(tmp_path):
    from pathlib import Path

    [one] = list(fx.extract_many("testdata/lo-unruled.pdf"))
    [two] = list(fx.extract_many([Path("testdata/lo-unruled.pdf")], jobs=1))
    assert one.to_dict() == two.to_dict()
    assert list(fx.extract_many([], jobs=2)) == []


def test_leaving_the_loop_early_stops_cleanly():
    many = fx.extract_many(samples() * 3, jobs=2)
    first = next(many)
    assert isinstance(first, fx.Document)
    many.close()


def test_threads_may_extract_at_once():
    paths = samples()[:4]
    expected = {p: fx.extract(p).to_dict() for p in paths}
    got = {}

    def work(p):
        got[p] = fx.extract(p).to_dict()

    threads = [threading.Thread(target=work, args=(p,)) for p in paths]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == expected


def test_unordered_takes_the_largest_files_first_and_yields_each_once():
    import os

    paths = samples()[:6] + ["testdata/encrypted.pdf", "testdata/no-such-file.pdf"]
    # One worker: results come in the order they are converted.
    one = [r.file for r in fx.extract_many(paths, jobs=1, ordered=False)]
    size = lambda p: os.path.getsize(p) if os.path.exists(p) else -1  # noqa: E731
    assert one == sorted(paths, key=size, reverse=True)
    assert one[-1] == "testdata/no-such-file.pdf"  # no size: last
    # Two workers: any order, every input once, the same documents.
    results = list(fx.extract_many(paths, jobs=2, ordered=False))
    assert sorted(r.file for r in results) == sorted(paths)
    for r in results:
        if isinstance(r, fx.Document):
            assert r.to_dict() == fx.extract(r.file).to_dict()
        else:
            assert r.file in ("testdata/encrypted.pdf", "testdata/no-such-file.pdf")


def test_the_scaling_bench_runs(tmp_path):
    # python/benches/scaling.py (the README's figures) on three samples, one
    # round: it runs and reports; what it measures is not judged here.
    import shutil
    import subprocess
    import sys

    from conftest import REPO

    for path in samples()[:3]:
        shutil.copy(REPO / path, tmp_path)
    done = subprocess.run(
        [sys.executable, str(REPO / "python/benches/scaling.py"), str(tmp_path), "1"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "2 jobs, ordered=False: median wall" in done.stdout
    assert "dataset on one core: 3 files (3 converted)" in done.stdout
