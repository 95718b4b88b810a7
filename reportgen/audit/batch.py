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

_UNIT_BEFORE_YEAR = re.compile(r"^(.{2,40}?)(?:20\d\d)年度?.{0,12}?(?:部门|单位)?(?:决算|预算|绩效|自评)(?!数)")
_UNIT_AFTER_YEAR = re.compile(r"^(?:20\d\d)年度?(.{2,40}?)(?:部门|单位)?(?:决算|预算|绩效|自评)(?!数)")
#: Cells that are not the title: a part or section heading, the 目录 and its entries, an 附件 label.
_NOT_TITLE = re.compile(r"^(?:第.{1,3}部分|[一二三四五六七八九十]+、|目录|附件|公开时间)|\.{4}|…{2}")
#: What a unit's name never holds: figures, sentence punctuation, the budget's own words.
_NOT_A_NAME = re.compile(r"[\d%，。：；、“”,.;:!?]|^[(（本该]|我|决算|预算|绩效|一般公共|政府性基金|国有资本|财政拨款|三公|经费")
_TITLE_CELLS = 8
_LONGEST_TITLE = 60  # a longer cell is a sentence of the text, not a title


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
    """The unit a document is about, from its title — which a page often breaks over two lines.
    The longest name wins: a 绩效 title names the region ("渠县2023年度部门整体支出绩效评价"), the
    report under it the unit.

    >>> from types import SimpleNamespace as C
    >>> unit_name([C(text="2023 年度渠县城乡居民社会养老保险管理局"), C(text="部门决算"), C(text="目录")])
    '渠县城乡居民社会养老保险管理局'
    >>> unit_name([C(text="广水市白泉卫生院部门2023年度部门决算"), C(text="第二部分 2023年度部门决算表")])
    '广水市白泉卫生院'
    >>> unit_name([C(text="我局在2023年度部门决算中反映2个项目"), C(text="第二部分 2023年度部门决算情况说明")])
    '—'
    """
    texts = [re.sub(r"\s+", "", c.text) for c in cells[:_TITLE_CELLS]]
    titles = [t if len(t) <= _LONGEST_TITLE and not _NOT_TITLE.search(t) else "" for t in texts]
    found = []
    for here, after in zip(titles, [*titles[1:], ""]):
        for text in filter(None, (here, here and after and here + after)):
            for pattern in (_UNIT_AFTER_YEAR, _UNIT_BEFORE_YEAR):
                m = pattern.match(text)
                name = re.sub(r"(?:部门|单位)+$", "", m.group(1)) if m else ""
                if len(name) >= 2 and not _NOT_A_NAME.search(name):
                    found.append(name)
    return max(found, key=len, default="—")


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
