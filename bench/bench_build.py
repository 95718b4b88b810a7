"""A whole cold `reportgen build -f md,docx`, and its DOCX stage, as ratios measured in one run.

    .venv/bin/python bench/bench_build.py [--repeat 7] [--all]

Two ratios, each against a floor timed side by side with it (the two take turns, so a busy
moment on a shared machine slows both alike and the ratio holds):

- **cold build / import floor**: a fresh `python -m reportgen build DATA -f md,docx` (every
  chart drawn) against a fresh process that only imports python-docx, jinja2 and PyYAML — the
  least a Python program producing this document must load. Target ≤ 3×. Both run as after a
  `pip install`, which byte-compiles every module (PYTHONDONTWRITEBYTECODE is dropped so the
  warm-up run writes the .pyc files an editable install lacks). Printed twice: with what earlier
  runs leave in the temp folder (jinja's compiled templates, the parsed catalogues), and as the
  very first run on a machine (an empty temp folder: every template compiled, every catalogue
  parsed).
- **DOCX stage / raw-XML floor**: `writers.docx.build(document)` in process, against deflating
  the same word/document.xml, given as one string, into a zip (bench_docx.py's floor).
  Target ≤ 3×.

By default the 渠县 决算 example is measured; `--all` adds every bundled example.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_docx import floor_work, median_ms  # noqa: E402

TARGET = 3.0
QUXIAN = ROOT / "data" / "examples" / "渠县城乡居民社会养老保险管理局-2023.yaml"
IMPORT_FLOOR = "import docx, jinja2, yaml"


def _time(cmd: list[str], env: dict[str, str], cpu: list[float] | None = None) -> float:
    """Wall seconds of a fresh process; its CPU seconds (user + system) appended to `cpu`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return wall


def cold_build_ratio(data: Path, repeat: int) -> dict[str, float]:
    """Median seconds of a cold build (temp-folder caches kept, then none) and of the import
    floor, run in turns; wall time, and CPU time, which a busy machine disturbs less."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    floor = [sys.executable, "-c", IMPORT_FLOOR]
    runs: dict[str, list[float]] = {k: [] for k in ("build", "first", "floor", "build cpu", "floor cpu")}
    with tempfile.TemporaryDirectory() as out:
        build = [sys.executable, "-m", "reportgen", "build", str(data), "-o", out, "-f", "md,docx"]
        _time(build, env), _time(floor, env)  # warm the OS file cache and write the .pyc files
        for _ in range(repeat):
            runs["floor"].append(_time(floor, env, runs["floor cpu"]))
            runs["build"].append(_time(build, env, runs["build cpu"]))
            with tempfile.TemporaryDirectory() as empty:  # nothing kept in the temp folder: a first run
                runs["first"].append(_time(build, {**env, "TMPDIR": empty}))
    return {k: statistics.median(v) for k, v in runs.items()}


def docx_stage_ratio(data: Path, repeat: int) -> tuple[float, float, float, float]:
    """Milliseconds of the DOCX stage and of the raw-XML floor, run in turns: the medians of
    wall time, and the least CPU time of each (what it costs when nothing else gets in its way)."""
    from reportgen.run import build as build_example
    from reportgen.writers.docx import build

    document = build_example(data).document
    floor = floor_work(build(document))
    docx_ms, floor_ms = median_ms([lambda: build(document), floor], repeat)
    cpu: dict[str, list[float]] = {"docx": [], "floor": []}
    for _ in range(repeat):
        for name, work in (("docx", lambda: build(document)), ("floor", floor)):
            start = time.process_time()
            work()
            cpu[name].append(time.process_time() - start)
    return docx_ms, floor_ms, min(cpu["docx"]) * 1000, min(cpu["floor"]) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs of each (median)")
    parser.add_argument("--all", action="store_true", help="every bundled example, not only 渠县")
    args = parser.parse_args()
    examples = sorted((ROOT / "data" / "examples").glob("*.yaml")) if args.all else [QUXIAN]
    worst = 0.0
    for data in examples:
        m = cold_build_ratio(data, args.repeat)
        ratio = m["build"] / m["floor"]
        worst = max(worst, ratio)
        print(f"{data.stem}: cold build -f md,docx {m['build'] * 1000:.0f} ms, "
              f"'{IMPORT_FLOOR}' {m['floor'] * 1000:.0f} ms: {ratio:.2f}x "
              f"(CPU {m['build cpu'] * 1000:.0f} ms against {m['floor cpu'] * 1000:.0f} ms: "
              f"{m['build cpu'] / m['floor cpu']:.2f}x); first run (empty temp folder) "
              f"{m['first'] * 1000:.0f} ms: {m['first'] / m['floor']:.2f}x")
    docx_ms, floor_ms, docx_cpu, floor_cpu = docx_stage_ratio(QUXIAN, max(args.repeat * 3, 25))
    print(f"{QUXIAN.stem}: DOCX stage {docx_ms:.1f} ms, raw-XML floor {floor_ms:.1f} ms: "
          f"{docx_ms / floor_ms:.2f}x (least CPU {docx_cpu:.1f} ms against {floor_cpu:.1f} ms: "
          f"{docx_cpu / floor_cpu:.2f}x)")
    ok = worst <= TARGET and docx_ms / floor_ms <= TARGET
    print(f"{'within' if ok else 'OVER'} {TARGET:.0f}x (cold build worst {worst:.2f}x, "
          f"DOCX stage {docx_ms / floor_ms:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
