"""How fx.extract_many scales with cores, and how fast one core fills the
Parquet dataset: the figures the README quotes.

    python python/benches/scaling.py FOLDER [ROUNDS] [JOBS]

Runs 1 job and JOBS jobs (default 2; in order and with ordered=False) in
interleaved rounds over the PDFs under FOLDER and prints each run's wall
time, the medians' ratio, and each worker thread's CPU time (read from
/proc, Linux): the busiest worker's CPU is the run's critical path on a
machine with nothing else to do, so the CPU ratio stays meaningful on a
busy one where wall times are not. Then the Dask task's rate on one core
(extract + write_dataset, fiscal_extract.dask.convert_files) in files per
second of CPU and of wall time.

On a shared machine, either read the CPU figures or give the run the cores
for its few seconds (as root: ``chrt -f 10 python …``).
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from typing import Dict, List, Tuple

import fiscal_extract as fx
from fiscal_extract.dask import convert_files

SAMPLE_SECONDS = 0.01


def process_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def worker_cpu() -> Dict[str, float]:
    """CPU seconds of this process's extraction threads, by thread id."""
    out = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/comm") as f:
                if not f.read().startswith("fiscal-extract"):
                    continue
            with open(f"/proc/self/task/{tid}/schedstat") as f:
                on_cpu_ns = int(f.read().split()[0])
        except OSError:  # the thread ended meanwhile
            continue
        out[tid] = on_cpu_ns / 1e9
    return out


def run(paths: List[str], jobs: int, ordered: bool) -> Tuple[float, List[float]]:
    """Wall seconds of one pass, and its workers' CPU seconds (largest first)."""
    before = set(worker_cpu())
    seen: Dict[str, float] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            for tid, cpu in worker_cpu().items():
                if tid not in before:
                    seen[tid] = cpu
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    for _ in fx.extract_many(paths, jobs=jobs, ordered=ordered):
        pass
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    return wall, sorted(seen.values(), reverse=True)


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b > 0 else "n/a"


def scaling(paths: List[str], rounds: int, jobs: int) -> None:
    variants = [(1, True), (jobs, True), (jobs, False)]
    walls: Dict[Tuple[int, bool], List[float]] = {v: [] for v in variants}
    busiest: Dict[Tuple[int, bool], List[float]] = {v: [] for v in variants}
    run(paths[:3], 1, True)  # the files in the page cache, the code loaded
    for r in range(rounds):
        for v in variants if r % 2 == 0 else variants[::-1]:
            wall, workers = run(paths, *v)
            walls[v].append(wall)
            if workers:
                busiest[v].append(workers[0])
    one_wall = statistics.median(walls[(1, True)])
    one_cpu = statistics.median(busiest[(1, True)] or [0.0])
    print(f"{len(paths)} files, {rounds} rounds; 1 job: median wall {one_wall:.3f} s, "
          f"worker CPU {one_cpu:.3f} s")
    for v in variants[1:]:
        wall = statistics.median(walls[v])
        cpu = statistics.median(busiest[v] or [0.0])
        print(f"{v[0]} jobs, ordered={v[1]}: median wall {wall:.3f} s (speed-up {ratio(one_wall, wall)}), "
              f"busiest worker CPU {cpu:.3f} s (speed-up by CPU {ratio(one_cpu, cpu)})")
    print("walls:", json.dumps({f"{j} jobs ordered={o}": [round(w, 3) for w in ws]
                                for (j, o), ws in walls.items()}))


def dataset_rate(paths: List[str], rounds: int) -> None:
    best_cpu = best_wall = float("inf")
    converted = 0
    for _ in range(rounds):
        target = tempfile.mkdtemp(prefix="fx-bench-")
        try:
            cpu, start = process_cpu(), time.perf_counter()
            outcomes = convert_files(paths, target)
            best_wall = min(best_wall, time.perf_counter() - start)
            best_cpu = min(best_cpu, process_cpu() - cpu)
            converted = sum(o.ok for o in outcomes)
        finally:
            shutil.rmtree(target)
    print(f"dataset on one core: {len(paths)} files ({converted} converted) in {best_cpu:.2f} s CPU, "
          f"{best_wall:.2f} s wall: {ratio(len(paths), best_cpu)} files/s by CPU, "
          f"{ratio(len(paths), best_wall)} by wall")


def main() -> None:
    folder = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    jobs = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    paths = fx.find_pdfs(folder)
    scaling(paths, rounds, jobs)
    dataset_rate(paths, max(1, rounds // 2))


if __name__ == "__main__":
    main()
