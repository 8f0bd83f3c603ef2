"""fx.extract_many: several cores, results in order, a bad file yields its
ExtractError and never stops the batch."""
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
