"""Many documents at once (a finance bureau's batch): each file's findings, and a summary table
of file, unit, year, errors and hints. A file that cannot be read is listed with its reason and
the others are still audited."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.audit import audit_document
from reportgen.audit.reader import expand_paths, read_document
from reportgen.audit.report import as_dict
from reportgen.audit.years import report_year
from reportgen.errors import ReportgenError

_UNIT_BEFORE_YEAR = re.compile(r"^(.{2,40}?)\s*(?:20\d\d)\s*年度?.{0,12}?(?:部门|单位)?(?:决算|预算|绩效|自评)")
_UNIT_AFTER_YEAR = re.compile(r"^(?:20\d\d)\s*年度?(.{2,40}?)(?:部门|单位)?(?:决算|预算|绩效|自评)")
_TITLE_CELLS = 8


@dataclass
class FileReport:
    """One document of a batch: who it is about, what was found, or why it was not read."""

    file: str
    unit: str = "—"
    year: str = "—"
    findings: list = field(default_factory=list)
    problem: str = ""  # why the file could not be read

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def hints(self) -> int:
        return len(self.findings) - self.errors


def audit_batch(paths: list[Path]) -> list[FileReport]:
    """A report for every file of `paths` (folders expanded), unreadable ones included."""
    reports = []
    for path in expand_paths(paths):
        try:
            document = read_document(path)
        except ReportgenError as error:
            reports.append(FileReport(str(path), problem=str(error)))
            continue
        year = report_year(document.blocks)
        reports.append(FileReport(str(path), unit_name(document.cells), str(year or "—"), audit_document(document)))
    return reports


def unit_name(cells) -> str:
    """The unit a document is about, from its title ("2023年度泸州市中医医院单位决算")."""
    for cell in cells[:_TITLE_CELLS]:
        text = cell.text.replace(" ", "")
        for pattern in (_UNIT_AFTER_YEAR, _UNIT_BEFORE_YEAR):
            m = pattern.match(text)
            if m and not re.search(r"[，。：:；]", m.group(1)):
                return m.group(1)
    return "—"


def format_summary(reports: list[FileReport]) -> str:
    """A table of the batch, one row per file, then the totals.

    >>> print(format_summary([FileReport("a.txt", "某局", "2023"), FileReport("b.pdf", problem="坏")]))
    文件 | 单位 | 年度 | 错误 | 提示
    a.txt | 某局 | 2023 | 0 | 0
    b.pdf | — | — | 无法读取 | —
    共 2 个文件：错误 0 处，提示 0 处，无法读取 1 个。
    """
    lines = ["文件 | 单位 | 年度 | 错误 | 提示"]
    for r in reports:
        if r.problem:
            lines.append(f"{r.file} | — | — | 无法读取 | —")
        else:
            lines.append(f"{r.file} | {r.unit} | {r.year} | {r.errors} | {r.hints}")
    errors, hints = sum(r.errors for r in reports), sum(r.hints for r in reports)
    unread = sum(1 for r in reports if r.problem)
    lines.append(f"共 {len(reports)} 个文件：错误 {errors} 处，提示 {hints} 处，无法读取 {unread} 个。")
    return "\n".join(lines)


def batch_json(reports: list[FileReport]) -> str:
    """The batch as one JSON object: a record per file with its findings, and the totals."""
    files = [
        {"file": r.file, "unit": r.unit, "year": r.year, "errors": r.errors, "hints": r.hints,
         "unreadable": r.problem or None, "findings": [as_dict(f) for f in r.findings]}
        for r in reports
    ]
    totals = {"files": len(reports), "errors": sum(r.errors for r in reports),
              "hints": sum(r.hints for r in reports), "unreadable": sum(1 for r in reports if r.problem)}
    return json.dumps({"files": files, "totals": totals}, ensure_ascii=False, indent=2)
