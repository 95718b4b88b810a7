"""A bureau's batch: 1,000 distinct units on 2 cores — wall time, peak memory, and memory per unit.

    .venv/bin/python bench/bench_batch.py [--units 1000] [--small 100] [--jobs 2]

The units are made from the bundled 决算 examples (bench/units.py: each its own name and
figures) in a temporary folder, never kept. `reportgen build UNITS/ -f md,docx -j JOBS` runs
as a user would run it, while this script samples the memory of the whole process tree (the
command and its workers) from /proc every 20 ms:

- **wall time** against the 2 minutes the issue allows, and per unit against a cold build of
  one unit alone (the batch's ratio to 1,000 one-by-one builds);
- **peak memory** of the tree: the sum of the processes' PSS (each shared page counted once,
  shared among the processes that map it — what the machine really spends) and, more
  pessimistic, the sum of their RSS; the largest single process's RSS beside them;
- **flatness**: the same figures for a batch of `--small` units, run just before; memory that
  grew per unit would show as a difference between the two.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from units import SHARED, generate  # noqa: E402

LIMIT_S, LIMIT_MB = 120.0, 200.0


@dataclass
class Run:
    seconds: float
    pss_mb: float  # peak of the tree's summed PSS
    rss_mb: float  # peak of the tree's summed RSS
    largest_mb: float  # peak RSS of the largest single process
    documents: int
    code: int
    cpu: float  # user + system seconds of the command and its workers


def _env() -> dict[str, str]:
    # As after `pip install`: byte-compiled modules (see bench_build.py).
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _tree(root: int) -> list[int]:
    children, found, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process in kB; zeros if it has gone."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    return pss, rss


def _shared(units: Path) -> list[str]:
    """-t for the folder beside the units that their 模板目录 and 附件 name (bench/units.py): a
    data file may only reach outside its own folder into a folder given on the command line."""
    return ["-t", str(units.parent / SHARED)]


def measured_build(units: Path, out: Path, jobs: int) -> Run:
    cmd = [sys.executable, "-m", "reportgen", "build", str(units), "-o", str(out), "-f", "md,docx", "-j", str(jobs),
           *_shared(units)]
    peaks = {"pss": 0, "rss": 0, "largest": 0}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def sample() -> None:
        while process.poll() is None:
            sizes = [_memory_kb(pid) for pid in _tree(process.pid)]
            peaks["pss"] = max(peaks["pss"], sum(p for p, _ in sizes))
            peaks["rss"] = max(peaks["rss"], sum(r for _, r in sizes))
            peaks["largest"] = max([peaks["largest"], *(r for _, r in sizes)])
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = process.communicate()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    sampler.join()
    if process.returncode:
        print(err.decode("utf-8", "replace")[-2000:], file=sys.stderr)
    documents = len(list(out.glob("*.docx")))
    return Run(seconds, peaks["pss"] / 1024, peaks["rss"] / 1024, peaks["largest"] / 1024, documents,
               process.returncode, cpu)


def cold_single(unit: Path, out: Path, repeat: int = 3) -> float:
    cmd = [sys.executable, "-m", "reportgen", "build", str(unit), "-o", str(out), "-f", "md,docx", *_shared(unit.parent)]
    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, env=_env(), check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])  # the first writes the .pyc files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        start = time.perf_counter()
        generate(args.units, work / "big")
        generate(args.small, work / "small")
        print(f"generated {args.units} + {args.small} distinct units in {time.perf_counter() - start:.1f} s")
        single = cold_single(work / "big" / "units" / "0000.yaml", work / "single")
        small = measured_build(work / "small" / "units", work / "out-small", args.jobs)
        big = measured_build(work / "big" / "units", work / "out-big", args.jobs)
    for n, run in ((args.small, small), (args.units, big)):
        print(f"{n:5} units, -j {args.jobs}: {run.seconds:6.1f} s ({run.seconds / n * 1000:.0f} ms a unit), "
              f"CPU {run.cpu:.1f} s ({run.cpu / n * 1000:.0f} ms a unit), "
              f"exit {run.code}, {run.documents} documents; peak memory: tree PSS {run.pss_mb:.0f} MB, "
              f"tree RSS {run.rss_mb:.0f} MB, largest process {run.largest_mb:.0f} MB")
    print(f"one unit alone, cold: {single * 1000:.0f} ms; {args.units} one-by-one would take "
          f"{single * args.units:.0f} s: the batch takes {big.seconds / (single * args.units):.2f}x of that")
    print(f"memory from {args.small} to {args.units} units: PSS {big.pss_mb / small.pss_mb:.2f}x, "
          f"largest process {big.largest_mb / small.largest_mb:.2f}x "
          f"({(big.pss_mb - small.pss_mb) * 1024 / (args.units - args.small):+.1f} kB a unit)")
    ok = big.code == 0 and big.documents == args.units and big.seconds < LIMIT_S and big.pss_mb <= LIMIT_MB
    print(f"{'within' if ok else 'OVER'}: {big.seconds:.0f} s of {LIMIT_S:.0f} s "
          f"({big.seconds / LIMIT_S:.2f}), tree PSS {big.pss_mb:.0f} MB of {LIMIT_MB:.0f} MB "
          f"({big.pss_mb / LIMIT_MB:.2f}; RSS summed {big.rss_mb / LIMIT_MB:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
