"""The Dask recipe: a folder converted on a LocalCluster of 2 worker
processes into the Parquet dataset, with the CLI's figures exactly."""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

import fiscal_extract as fx
from conftest import REPO, by_file, cli_csv, comparable, figure_records, samples

# distributed logs every scheduler, nanny and worker step at INFO on stderr,
# in this process and in the worker processes it spawns (which read the same
# variable when they import it): errors only, so a passing run prints nothing.
os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
distributed = pytest.importorskip("dask.distributed")
psutil = pytest.importorskip("psutil")  # a dependency of distributed
import fiscal_extract.dask as fxd  # noqa: E402

#: Seconds the cluster's processes get to end once it is closed.
PROCESS_END_SECONDS = 30


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """The samples and one encrypted PDF, some in a sub-folder."""
    root = tmp_path_factory.mktemp("in") / "disclosures"
    (root / "sub").mkdir(parents=True)
    for i, sample in enumerate(samples()):
        target = root / ("sub" if i % 3 == 0 else ".") / Path(sample).name
        shutil.copy(REPO / sample, target)
    shutil.copy(REPO / "testdata/encrypted.pdf", root / "sub" / "Locked.PDF")
    return root


def cluster_processes(before: set) -> list:
    """This process's descendants started since ``before`` (pids)."""
    return [p for p in psutil.Process().children(recursive=True) if p.pid not in before]


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of 2 worker processes, quiet (errors only, no
    dashboard on a fixed port) and gone when the module's tests end: its
    worker processes must have exited, else the fixture kills them and fails."""
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    logging.getLogger("distributed").setLevel(logging.ERROR)
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    ) as cluster, distributed.Client(cluster) as client:
        started = cluster_processes(before)
        assert len(started) >= 2, "the cluster should run its workers as processes"
        yield client
    stop_resource_tracker()
    _, alive = psutil.wait_procs(started, timeout=PROCESS_END_SECONDS)
    for p in alive:
        p.kill()
    assert not alive, f"cluster processes left running: {[p.cmdline() for p in alive]}"


def stop_resource_tracker() -> None:
    """Ends the helper process multiprocessing starts beside spawned workers.
    It would outlive the tests until the interpreter exits and then, orphaned,
    wait for init to reap it (a zombie where nothing does, as in some
    containers); it starts again if anything needs it."""
    from multiprocessing import resource_tracker

    stop = getattr(resource_tracker._resource_tracker, "_stop", None)
    if stop is not None:
        stop()


def strays(since: float) -> list:
    """Live processes of this Python's multiprocessing (workers, trackers)
    started since ``since`` that are no children of this process: what a
    script's cluster left behind."""
    mine = {p.pid for p in psutil.Process().children(recursive=True)}
    found = []
    for p in psutil.process_iter(["cmdline", "create_time", "status"]):
        cmd = p.info["cmdline"] or []
        if (
            p.pid not in mine
            and p.info["create_time"] >= since
            and p.info["status"] != psutil.STATUS_ZOMBIE
            and cmd[:1] == [sys.executable]
            and any("multiprocessing" in part for part in cmd)
        ):
            found.append(p)
    return found


def assert_no_strays(since: float) -> None:
    deadline = time.monotonic() + PROCESS_END_SECONDS
    while strays(since) and time.monotonic() < deadline:
        time.sleep(0.5)
    left = strays(since)
    for p in left:
        p.kill()
    assert not left, f"processes left running: {[p.info['cmdline'] for p in left]}"


def test_a_folder_on_two_workers_gives_the_clis_figures(folder, client, cli, tmp_path):
    ds = tmp_path / "DS"
    outcomes = fxd.convert_folder(str(folder), str(ds), client, files_per_task=3)
    assert [o.file for o in outcomes] == fx.find_pdfs(str(folder))
    failed = [o for o in outcomes if not o.ok]
    assert [o.file for o in failed] == [str(folder / "sub" / "Locked.PDF")]
    assert "encrypted" in failed[0].error

    good = [o.file for o in outcomes if o.ok]
    expected = figure_records(cli_csv(cli, good, tmp_path / "cli.csv")[1:])
    columns = ", ".join(f'"{c}"' for c in fx.FIGURE_COLUMNS)
    with duckdb.connect() as con:
        got = con.execute(
            f"SELECT {columns} FROM read_parquet('{ds}/figures/*/*/*.parquet', hive_partitioning = true)"
        ).fetchall()
    assert len(got) == len(expected)
    ours, theirs = by_file(comparable(got)), by_file(expected)
    assert set(ours) == set(theirs)
    for file in theirs:
        assert sorted(ours[file], key=str) == sorted(theirs[file], key=str), file

    # The cluster's workers wrote every document; running again changes nothing.
    before = sorted(p.relative_to(ds) for p in ds.rglob("*.parquet"))
    fxd.convert_folder(str(folder), str(ds), client)
    assert sorted(p.relative_to(ds) for p in ds.rglob("*.parquet")) == before


def test_the_folder_is_named_as_the_cli_names_it(folder):
    found = fx.find_pdfs(str(folder))
    assert str(folder / "sub" / "Locked.PDF") in found
    assert all(f.startswith(str(folder) + "/") for f in found)
    with pytest.raises(FileNotFoundError):
        fx.find_pdfs(str(folder / "missing"))


def readme_dask_script() -> str:
    """The README's Dask example (the Python block that calls convert_folder)."""
    import re

    text = (REPO / "README.md").read_text(encoding="utf-8")
    [block] = [
        b for b in re.findall(r"```python\n(.*?)```", text, flags=re.S) if "fxd.convert_folder" in b
    ]
    return block


def run_quietly(args, cwd):
    env = dict(os.environ, DASK_LOGGING__DISTRIBUTED="error")
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def documents_in(ds: Path) -> int:
    with duckdb.connect() as con:
        return con.execute(
            f"SELECT count(*) FROM read_parquet('{ds}/documents/*/*/*.parquet', hive_partitioning = true)"
        ).fetchone()[0]


def test_the_readmes_dask_example_runs_as_a_script(folder, tmp_path):
    # Worker processes are started fresh and import the script again: the
    # README's example must hold up as a file run with `python`.
    script = readme_dask_script() + "    assert [f for f, _ in failed] == [FAILED]\n"
    script = script.replace('"disclosures/"', repr(str(folder))).replace('"DS/"', "DS")
    script = f"DS = {str(tmp_path / 'DS')!r}\nFAILED = {str(folder / 'sub' / 'Locked.PDF')!r}\n" + script
    (tmp_path / "convert.py").write_text(script, encoding="utf-8")
    since = time.time()
    done = run_quietly(["convert.py"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert documents_in(tmp_path / "DS") == len(samples())
    assert_no_strays(since)


def test_the_command_line_converts_and_says_what_failed(folder, tmp_path):
    since = time.time()
    done = run_quietly(
        ["-m", "fiscal_extract.dask", str(folder), str(tmp_path / "DS"), "--workers", "2"], tmp_path
    )
    assert done.returncode == 1  # the encrypted PDF
    assert "Locked.PDF" in done.stderr and "encrypted" in done.stderr
    assert f"{len(samples())} converted, 1 failed" in done.stderr
    assert documents_in(tmp_path / "DS") == len(samples())
    assert_no_strays(since)


class InlineClient:
    """A stand-in for a dask client that runs the tasks here, in order,
    and records what it was given."""

    def map(self, task, batches, pure=True, **kwargs):
        self.batches = batches
        return [task(batch, **kwargs) for batch in batches]

    def gather(self, futures):
        return futures


def test_tasks_go_largest_files_first_and_outcomes_come_in_the_order_found(folder, tmp_path):
    client = InlineClient()
    outcomes = fxd.convert_folder(str(folder), str(tmp_path / "DS"), client, files_per_task=2)
    found = fx.find_pdfs(str(folder))
    assert [o.file for o in outcomes] == found
    submitted = [f for batch in client.batches for f in batch]
    assert submitted == sorted(found, key=os.path.getsize, reverse=True)
    assert all(len(batch) <= 2 for batch in client.batches)
