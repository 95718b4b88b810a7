"""Large ledgers and number printing, as ratios measured in one run.

    .venv/bin/python bench/bench_numbers.py [--repeat 7] [--extra 1200]

- **13 → 1,213 项**: the 渠县 example as it is (13 项) and with 1,200 more 项 (bench/units.py:
  every identity kept), each built and written (md and docx) warm in this process; the ratio
  of the two against the ratio of their 项 counts (linear would be 93x; less is better).
- **number printing**: format_amount's formatting (Python's Decimal formatting) against the
  Babel zh_CN pattern it replaced, a call each, and what Babel would have cost a build of the
  渠县 example given the number of figures it prints.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_docx import median_ms as medians_ms  # noqa: E402  (the pieces take turns)
from units import EXAMPLES, large_ledger  # noqa: E402

from reportgen.run import build  # noqa: E402
from reportgen.writers import get_writer  # noqa: E402

QUXIAN = EXAMPLES / "渠县城乡居民社会养老保险管理局-2023.yaml"


def build_and_write(path: Path) -> None:
    built = build(path)
    for name in ("md", "docx"):
        get_writer(name)(built.document, built.stem)


def median_ms(work, repeat: int) -> float:
    return medians_ms([work], repeat)[0]


def ledgers(repeat: int, extra: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        big = large_ledger(Path(tmp), extra)
        n_small, n_big = 13, 13 + extra
        small_ms, big_ms = medians_ms([lambda: build_and_write(QUXIAN), lambda: build_and_write(big)], repeat)
    print(f"ledger {n_small} 项: {small_ms:.0f} ms; {n_big} 项: {big_ms:.0f} ms (build + md + docx, warm): "
          f"{big_ms / small_ms:.1f}x for {n_big / n_small:.0f}x the 项; "
          f"{(big_ms - small_ms) / extra * 1000:.0f} µs a 项")


def number_printing(repeat: int) -> None:
    import reportgen.phrasing.numbers as numbers

    try:
        from babel import Locale
        from babel.numbers import parse_pattern
    except ImportError:
        print("number printing: babel is not installed (pip install '.[test]'): not compared")
        return
    calls = []
    original = numbers._format

    def counting(*args):
        calls.append(args)
        return original(*args)

    numbers._format = counting
    try:
        build(QUXIAN)
    finally:
        numbers._format = original
    locale = Locale.parse("zh_CN")
    patterns = {}
    for value, places, trim, grouping in calls:
        body = ("#,##0" if grouping else "0") + ("." + ("#" if trim else "0") * places if places else "")
        patterns[body] = parse_pattern(body)
    value = Decimal("1234567.89")
    pattern = parse_pattern("#,##0.00")
    n = 20000
    ours = min(_per_call(lambda: original(value, 2, False, True), n) for _ in range(repeat))
    babel = min(_per_call(lambda: pattern.apply(value, locale), n) for _ in range(repeat))
    build_ms = median_ms(lambda: build(QUXIAN), repeat)
    print(f"number printing: format(Decimal) {ours:.2f} µs a call, Babel pattern {babel:.2f} µs "
          f"({babel / ours:.1f}x); the 渠县 build prints {len(calls)} figures: Babel would add "
          f"{len(calls) * (babel - ours) / 1000:.1f} ms to its {build_ms:.0f} ms "
          f"({len(calls) * (babel - ours) / 1000 / build_ms:.1%})")


def _per_call(work, n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        work()
    return (time.perf_counter() - start) / n * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--extra", type=int, default=1200)
    args = parser.parse_args()
    ledgers(args.repeat, args.extra)
    number_printing(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
