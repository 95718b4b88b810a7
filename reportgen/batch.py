"""A bureau's batch: `reportgen build A B C …` or a folder, built on every core.

Each data file is built in a worker process exactly as it would be alone; the worker hands the
files' bytes back, and this process writes them in the order the files were given, so the
output is byte for byte that of one-by-one builds, and two data files that would write the same
document (the same unit and year twice) are caught rather than racing. A file that fails is
listed with its message and the others go on. Memory stays flat: a worker holds one unit at a
time, and at most a few finished units wait here to be written.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import zipfile
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Callable, Iterator, Protocol, Sequence

from reportgen import kinds
from reportgen.errors import ReportgenError
from reportgen.run import build
from reportgen.workbook import is_workbook
from reportgen.workbook.layout import BASICS
from reportgen.writers import get_writer

DATA_SUFFIXES = (".yaml", ".yml", ".xlsx", ".xlsm")
#: Finished units waiting to be written, per worker: enough that no worker waits for a slow
#: neighbour, few enough that memory does not grow with the batch.
_WINDOW_PER_JOB = 4

Files = dict[str, bytes]
WriteAll = Callable[[Path, Files], list[Path]]


@dataclass(frozen=True)
class Job:
    """What every file of a batch shares: formats, template folders, output folder."""

    formats: tuple[str, ...]
    templates: tuple[Path, ...] = ()


@dataclass
class Outcome:
    """One data file's line in the summary: what it is, how much was written, or why not. Kept
    small: the summary needs one per file, the only memory that grows with the batch."""

    path: Path
    unit: str = ""
    year: str = ""
    size: int = 0  # bytes of the files written
    hints: int = 0
    error: str = ""
    internal: bool = False  # a defect of reportgen rather than of the data

    @property
    def ok(self) -> bool:
        return not self.error


def data_files(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """The data files named, and the workbooks a folder holds that are not data files.

    A folder stands for every data file under it, in name order: YAML files, and the fill-in
    workbooks `reportgen workbook` makes (other workbooks, such as the 决算 software's 公开表 that
    `reportgen import` reads, are set aside); hidden files and Office's "~$" lock files skipped.
    """
    found: list[Path] = []
    other: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)  # a missing file is reported by its build, like any other
            continue
        inside = sorted(p for p in path.rglob("*") if p.suffix.lower() in DATA_SUFFIXES and p.is_file()
                        and not any(part.startswith((".", "~$")) for part in p.relative_to(path).parts))
        other += [p for p in inside if not _data_file(p)]
        inside = [p for p in inside if _data_file(p)]
        if not inside:
            raise ReportgenError(f"{path} 中没有数据文件（YAML，或 reportgen workbook 生成的填报工作簿）")
        found += inside
    return found, other


def _data_file(path: Path) -> bool:
    """YAML, or a workbook with the sheet every fill-in workbook has (read from its zip directory:
    a millisecond, where opening it as a workbook would take a tenth of a second)."""
    if not is_workbook(path):
        return True
    try:
        with zipfile.ZipFile(path) as archive:
            sheets = archive.read("xl/workbook.xml").decode("utf-8")
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return True  # not a workbook at all: its build says what is wrong with it
    return f'name="{BASICS}"' in sheets


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def build_files(path: Path, job: Job) -> tuple[Outcome, Files]:
    """Build one data file into its files' bytes (nothing written); never raises."""
    outcome = Outcome(path)
    try:
        built = build(path, job.templates)
        files: Files = {}
        for name in job.formats:
            files.update(get_writer(name)(built.document, built.stem))
    except ReportgenError as e:
        outcome.error = str(e)
        return outcome, {}
    except Exception as e:  # a defect of ours: this file fails, the batch goes on
        outcome.error, outcome.internal = f"内部错误（{type(e).__name__}: {e}）", True
        return outcome, {}
    unit = getattr(built.data, "单位", None)
    outcome.unit, outcome.year = getattr(unit, "名称", ""), str(getattr(unit, "报告年度", ""))
    outcome.hints = sum(f.severity != "error" for f in built.findings)
    return outcome, files


class Report(Protocol):
    """Told of each file as it finishes (the progress bar, see batch_report.py)."""

    def done(self, outcome: Outcome) -> None: ...


def run_batch(paths: Sequence[Path], job: Job, outdir: Path, jobs: int, write_all: WriteAll,
              report: Report) -> list[Outcome]:
    """Build every file, write what built, tell `report` as each finishes; the outcomes in order."""
    jobs = max(1, min(jobs, len(paths)))
    owners: dict[str, Path] = {}  # output file name → the data file that wrote it
    outcomes = []
    for outcome, files in _built(paths, job, jobs):
        if outcome.ok:
            _write(outcome, files, outdir, owners, write_all)
        outcomes.append(outcome)
        report.done(outcome)
    return outcomes


def _write(outcome: Outcome, files: Files, outdir: Path, owners: dict[str, Path], write_all: WriteAll) -> None:
    clash = next((name for name in files if name in owners), None)
    if clash is not None:
        outcome.error = (f"{outcome.path}：输出文件 {clash} 与 {owners[clash]} 的相同"
                         "（同一单位、同一年度？），未写出")
        return
    try:
        write_all(outdir, files)
    except ReportgenError as e:
        outcome.error = str(e)
        return
    owners.update(dict.fromkeys(files, outcome.path))
    outcome.size = sum(len(data) for data in files.values())


def _built(paths: Sequence[Path], job: Job, jobs: int) -> Iterator[tuple[Outcome, Files]]:
    """Each file built, in the order given: here one after another, or in `jobs` workers."""
    if jobs == 1:
        for path in paths:
            yield build_files(path, job)
        return
    preload(job)
    with _pool(jobs) as pool:
        yield from _in_order(pool, paths, job, jobs * _WINDOW_PER_JOB)


def preload(job: Job) -> None:
    """Import every kind and the job's writers now: once here rather than in every worker
    (forked workers inherit them)."""
    for module in sorted(set(kinds.REGISTRY.values())):
        import_module(module)
    for name in job.formats:
        get_writer(name)


def _pool(jobs: int) -> Executor:
    # fork on Linux: workers start with everything this process has imported already. Forking
    # is safe here because nothing of ours runs a thread before the workers start (the
    # executor starts all of them at its first task; the progress bar is redrawn by hand).
    method = "fork" if sys.platform == "linux" else None
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method))


def _in_order(pool: Executor, paths: Sequence[Path], job: Job, window: int) -> Iterator[tuple[Outcome, Files]]:
    queue: deque[tuple[Path, Future]] = deque()
    waiting = iter(paths)

    def submit() -> None:
        path = next(waiting, None)
        if path is not None:
            queue.append((path, pool.submit(build_files, path, job)))

    for _ in range(window):
        submit()
    while queue:
        path, future = queue.popleft()
        try:
            result = future.result()
        except BrokenProcessPool:  # a worker died (killed, out of memory): nothing more can run
            yield Outcome(path, error="生成进程意外终止（内存不足或被结束）", internal=True), {}
            for rest in [p for p, _ in queue] + list(waiting):
                yield Outcome(rest, error="未生成：生成进程已终止", internal=True), {}
            return
        submit()
        yield result
