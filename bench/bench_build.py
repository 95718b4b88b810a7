"""Time a whole `reportgen build -f md,docx` of each bundled example as a fresh process.

    .venv/bin/python bench/bench_build.py [--repeat 7]

Target on the 2-core reference machine: under 1.5 s per example, start-up included. Each
example is timed twice: "cold" draws every chart (REPORTGEN_NO_CACHE=1: matplotlib's import
alone is ~0.5 s), "warm" takes unchanged charts from the disk cache, as a rebuild after a
figure correction does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 1.5


def time_build(data: Path, repeat: int, cold: bool) -> list[float]:
    times = []
    env = {**os.environ, **({"REPORTGEN_NO_CACHE": "1"} if cold else {})}
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "reportgen", "build", str(data), "-o", out, "-f", "md,docx"]
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, env=env)  # warm the OS caches
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, env=env)
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    print(f"python -c pass: {(time.perf_counter() - start) * 1000:.0f} ms")
    for data in sorted((ROOT / "data" / "examples").glob("*.yaml")):
        for cold in (True, False):
            times = time_build(data, args.repeat, cold)
            med = statistics.median(times)
            verdict = "ok" if med < TARGET_S else "OVER TARGET"
            print(f"{data.stem} ({'cold' if cold else 'warm'} charts): median {med * 1000:.0f} ms, "
                  f"min {min(times) * 1000:.0f} ms over {args.repeat} runs ({verdict}, target {TARGET_S} s)")


if __name__ == "__main__":
    main()
