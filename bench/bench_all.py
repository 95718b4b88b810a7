"""Every figure of issue 16 in one run: cold build and DOCX stage (bench_build.py), large ledgers
and number printing (bench_numbers.py), 1,000 units on 2 cores (bench_batch.py).

    .venv/bin/python bench/bench_all.py [--units 1000]

The machine's load average is printed before and after: the ratios hold on a busy machine (each
is measured against its floor side by side), absolute times do not.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1000)
    args = parser.parse_args()
    print(f"load average before: {load()} ({os.cpu_count()} cores)", flush=True)
    failed = 0
    for script, extra in (("bench_build.py", []), ("bench_numbers.py", []),
                          ("bench_batch.py", ["--units", str(args.units)])):
        print(f"\n== {script}", flush=True)
        failed |= subprocess.run([sys.executable, str(BENCH / script), *extra]).returncode
    print(f"\nload average after: {load()}")
    return failed


if __name__ == "__main__":
    sys.exit(main())
