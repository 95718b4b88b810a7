"""How a batch shows on the command line: a progress bar while it runs (on a terminal), each bad
file's message as it comes, then a summary table — unit, year, size, 提示, result — and totals.

The summary is a rich table on a terminal and plain "|"-separated lines otherwise (a log, a
pipe), so that scripts and tests read the same columns.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from typing import Sequence, TextIO

from reportgen.batch import Job, Outcome, WriteAll, data_files, default_jobs, preload, run_batch

HEADERS = ("数据文件", "单位", "年度", "大小", "提示", "结果")


def build_all(paths: Sequence[Path], formats: Sequence[str], templates: Sequence[Path], outdir: Path,
              jobs: int | None, write_all: WriteAll) -> int:
    """`reportgen build` of many files or folders; the exit code: 0, 1 (a file's data is wrong)
    or 2 (a defect of reportgen while building one)."""
    start = time.perf_counter()
    files, other = data_files(paths)
    if other:
        names = "、".join(p.name for p in other[:3]) + ("等" if len(other) > 3 else "")
        print(f"跳过 {len(other)} 个不是填报工作簿的 Excel 文件（{names}；"
              "决算软件导出的公开表请先用 reportgen import 转为数据文件）。", file=sys.stderr)
    job = Job(tuple(formats), tuple(templates))
    preload(job)
    # What the imports made lives as long as the process: collections skip it from now on, and
    # forked workers share its pages untouched (a collection would write to every one of them).
    gc.freeze()
    with Progress(len(files)) as progress:
        outcomes = run_batch(files, job, outdir, jobs or default_jobs(), write_all, progress)
    print_summary(outcomes, time.perf_counter() - start)
    failed = [o for o in outcomes if not o.ok]
    if not failed:
        return 0
    print(f"{len(outcomes)} 个数据文件中 {len(failed)} 个有错误，未生成。", file=sys.stderr)
    return 2 if any(o.internal for o in failed) else 1


class Progress:
    """A progress bar on stderr when it is a terminal; bad files' messages above it."""

    def __init__(self, total: int, stream: TextIO = sys.stderr):
        self.total, self.stream = total, stream
        self.bar = None

    def __enter__(self) -> "Progress":
        if self.stream.isatty():
            # Deferred: rich is only needed on a terminal. No auto-refresh: a refresh thread
            # must not run while the batch forks its workers (batch.py).
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar
            from rich.progress import TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Bar(TextColumn("生成"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                           TextColumn("剩余"), TimeRemainingColumn(), TextColumn("{task.description}"),
                           console=Console(file=self.stream), auto_refresh=False, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("", total=self.total)
            self.bar.refresh()
        return self

    def done(self, outcome: Outcome) -> None:
        if outcome.error:
            self._say(f"错误：{outcome.error}" if "\n" not in outcome.error else f"错误：\n{outcome.error}")
        if self.bar is not None:
            self.bar.update(self.task, advance=1, description=outcome.path.name)
            self.bar.refresh()

    def _say(self, text: str) -> None:
        if self.bar is not None:
            self.bar.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            print(text, file=self.stream, flush=True)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def rows(outcomes: Sequence[Outcome]) -> list[tuple[str, ...]]:
    """One row per data file, in the order given; files are named below their common folder.

    >>> rows([Outcome(Path("局/a.yaml"), "甲单位", "2023", 186_400, 2), Outcome(Path("局/乙/b.yaml"), error="…")])
    [('a.yaml', '甲单位', '2023', '182 KB', '2', '已生成'), ('乙/b.yaml', '—', '—', '—', '—', '错误')]
    """
    common = _common_folder([o.path for o in outcomes])
    return [(o.path.relative_to(common).as_posix(), o.unit or "—", o.year or "—", f"{o.size / 1024:.0f} KB" if o.ok else "—",
             str(o.hints) if o.ok else "—", "已生成" if o.ok else ("内部错误" if o.internal else "错误"))
            for o in outcomes]


def _common_folder(paths: Sequence[Path]) -> Path:
    try:
        return Path(os.path.commonpath([p.parent for p in paths]))
    except ValueError:  # absolute and relative paths mixed
        return Path()


def totals(outcomes: Sequence[Outcome], seconds: float) -> str:
    """The line under the table.

    >>> from pathlib import Path
    >>> totals([Outcome(Path("a.yaml"), hints=2), Outcome(Path("b.yaml"), error="…")], 3.04)
    '2 个数据文件：1 个已生成，1 个有错误（未生成）；提示 2 条；用时 3.0 秒。'
    """
    good = [o for o in outcomes if o.ok]
    bad = len(outcomes) - len(good)
    failed = f"，{bad} 个有错误（未生成）" if bad else ""
    return (f"{len(outcomes)} 个数据文件：{len(good)} 个已生成{failed}；"
            f"提示 {sum(o.hints for o in good)} 条；用时 {seconds:.1f} 秒。")


def plain_table(table: list[tuple[str, ...]]) -> str:
    """Rows as "|"-separated lines under their headers.

    >>> print(plain_table([("a.yaml", "甲", "2023", "1 KB", "0", "已生成")]))
    数据文件 | 单位 | 年度 | 大小 | 提示 | 结果
    a.yaml | 甲 | 2023 | 1 KB | 0 | 已生成
    """
    return "\n".join(" | ".join(row) for row in [HEADERS, *table])


def print_summary(outcomes: Sequence[Outcome], seconds: float, stream: TextIO = sys.stdout) -> None:
    """The summary table and totals: a rich table on a terminal, plain lines otherwise."""
    table = rows(outcomes)
    if not stream.isatty():
        print(plain_table(table), totals(outcomes, seconds), sep="\n", file=stream)
        return
    from rich.console import Console  # deferred: only on a terminal
    from rich.table import Table

    shown = Table(*HEADERS, show_edge=False)
    for column in (3, 4):
        shown.columns[column].justify = "right"
    for row in table:
        shown.add_row(*row, style=None if row[-1] == "已生成" else "red")
    console = Console(file=stream)
    console.print(shown)
    console.print(totals(outcomes, seconds), markup=False, highlight=False)
