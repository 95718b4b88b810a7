"""The hostile corpus's vocabulary: a case prepares its inputs, says what to run and what must hold.

Every run of every case must end by itself within 30 s and 1 GiB, with no traceback and no
"内部错误"; a case adds what its class requires (refused with file and line, nothing written,
nothing read or run from outside). Cases are made from the bundled examples, one change each.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence, Union

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "data" / "examples"
HAIYUAN = EXAMPLES / "海原县高崖乡卫生院-2023.yaml"  # 决算 in 万元, one file
QUXIAN = EXAMPLES / "渠县城乡居民社会养老保险管理局-2023.yaml"  # 决算 in 元, with templates and 附件
KAIZHOU = EXAMPLES / "开州区南雅镇中心幼儿园-2023.yaml"
LIESHAN = EXAMPLES / "烈山区-2023-项目绩效自评.yaml"  # 项目绩效自评
TAOJIANG = EXAMPLES / "桃江县社会保险服务中心-2024-绩效评价.yaml"  # 部门整体绩效评价
#: Files and folders an example names, copied beside its copy (paths must stay inside its folder).
SIBLINGS = {QUXIAN: ("渠县-模板", "渠县城乡居民社会养老保险管理局-2023-绩效自评.yaml")}

MAX_SECONDS = 30
MAX_BYTES = 1 << 30
CLASSES = ("templates", "caches", "paths", "numbers", "bounds", "crashes", "text")


@dataclass
class Run:
    """One command line: `reportgen <argv>` in `cwd`, with extra environment and a file-size limit."""

    argv: list[str]
    cwd: Path
    env: dict[str, str] = field(default_factory=dict)
    fsize: int | None = None


@dataclass
class Outcome:
    code: int | None
    signal: int | None
    timed_out: bool
    seconds: float
    max_rss: int
    stdout: str
    stderr: str

    @property
    def text(self) -> str:
        return self.stdout + self.stderr


Runs = dict[str, Union[Run, list[Run]]]  # a list: started together
Outcomes = dict[str, Union[Outcome, list[Outcome]]]


@dataclass
class Plan:
    runs: Runs
    verify: Callable[[Outcomes], None]


@dataclass
class Case:
    name: str
    kind: str  # one of CLASSES
    prepare: Callable[[Path], Plan]


def bounded(o: Outcome, label: str) -> None:
    """What every run must satisfy, whatever its input."""
    assert not o.timed_out and o.signal is None, f"{label}: killed (timeout {o.timed_out}, signal {o.signal})"
    assert o.seconds <= MAX_SECONDS and o.max_rss <= MAX_BYTES, f"{label}: {o.seconds} s, {o.max_rss:,} bytes"
    assert o.code != 99, f"{label}: the harness failed\n{o.stderr}"
    for bad in ("Traceback", "内部错误"):
        assert bad not in o.text, f"{label}: {bad}\n{o.text[-3000:]}"


# Inputs ---------------------------------------------------------------------------------------

def copy_example(base: Path, folder: Path, edits: Sequence[tuple[str, str]] = (), name: str = "data.yaml") -> Path:
    """The example `base` as `folder/name` with each (old, new) replaced once, siblings beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    text = base.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) >= 1, f"{base.name}: {old!r} not found"
        text = text.replace(old, new, 1)
    for sibling in SIBLINGS.get(base, ()):
        source, target = base.parent / sibling, folder / sibling
        if not target.exists():
            (shutil.copytree if source.is_dir() else shutil.copy)(source, target)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, marker: str) -> int:
    """The 1-based line of the first occurrence of `marker` in a file."""
    text = path.read_text(encoding="utf-8")
    assert marker in text, marker
    return text[:text.index(marker)].count("\n") + 1


def build(path: Path, folder: Path, *more: str) -> Run:
    return Run(["build", str(path), "-o", str(folder / "out"), "-f", "md,docx", *more], folder)


def written(folder: Path) -> list[Path]:
    out = folder / "out"
    return sorted(p for p in out.rglob("*")) if out.exists() else []


def markdown(folder: Path) -> str:
    [md] = [p for p in written(folder) if p.suffix == ".md"]
    return md.read_text(encoding="utf-8")


# Standard plans -------------------------------------------------------------------------------

def refused_everywhere(base: Path, path: Path, folder: Path, says: Sequence[str], line: int | None = None,
                       workbook: int | None = 1, extra: Sequence[str] = ()) -> Plan:
    """A bad data file: build and check exit 1 naming it (and the line), diff exits 2 either way
    round, workbook (for a 决算) exits `workbook`; nothing is written."""
    good = copy_example(base, folder / "good")
    runs: Runs = {"build": build(path, folder, *extra), "check": Run(["check", str(path), *extra], folder),
                  "diff": Run(["diff", str(path), str(good)], folder),
                  "diff-reversed": Run(["diff", str(good), str(path)], folder)}
    if workbook is not None:
        runs["workbook"] = Run(["workbook", str(path), "-o", str(folder / "wb" / "x.xlsx")], folder)
    where = f"{path}:{line}" if line else str(path)

    def verify(o: Outcomes) -> None:
        for label, expected in (("build", 1), ("check", 1), ("diff", 2), ("diff-reversed", 2), ("workbook", workbook)):
            if label not in o:
                continue
            got = o[label]
            assert isinstance(got, Outcome)
            assert got.code == expected, f"{label}: exit {got.code}, expected {expected}\n{got.text[-2000:]}"
            if expected != 0:
                assert where in got.text, f"{label}: {where!r} not named\n{got.text[-2000:]}"
                for s in says:
                    assert s in got.text, f"{label}: {s!r} not said\n{got.text[-2000:]}"
        assert written(folder) == [], "a refused build wrote files"

    return Plan(runs, verify)


def data_case(name: str, kind: str, base: Path, edits: Sequence[tuple[str, str]], says: Sequence[str] = (),
              marker: str | None = None, workbook: int | None = 1,
              extra_files: Callable[[Path], None] | None = None) -> Case:
    """The example `base` with `edits`, refused everywhere on the line holding `marker`."""
    def prepare(folder: Path) -> Plan:
        path = copy_example(base, folder / "in", edits)
        if extra_files is not None:
            extra_files(folder / "in")
        line = line_of(path, marker) if marker else None
        is_final_accounts = base in (HAIYUAN, QUXIAN, KAIZHOU)
        return refused_everywhere(base, path, folder, says, line, workbook if is_final_accounts else None)

    return Case(name, kind, prepare)


def built_fine(path: Path, folder: Path, check: Callable[[str], None], *more: str) -> Plan:
    """Data that must build (exit 0) and whose Markdown passes `check`; `check` agrees (exit 0)."""
    def verify(o: Outcomes) -> None:
        for label in ("build", "check"):
            got = o[label]
            assert isinstance(got, Outcome) and got.code == 0, f"{label}: exit {got.code}\n{got.text[-2000:]}"
        check(markdown(folder))

    return Plan({"build": build(path, folder, *more), "check": Run(["check", str(path), *more], folder)}, verify)


def headings(md: str) -> list[str]:
    return [line for line in md.splitlines() if re.match(r"#{1,6} ", line)]
