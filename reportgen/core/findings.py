"""Findings placed in their data file: file, line, field path, severity, and the two values that disagree.

Values are shown in the file's own unit (元 or 万元), as the officer typed them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal, Sequence

from reportgen.errors import DataError
from reportgen.core.loader import line_of


@dataclass(frozen=True)
class Finding:
    """One problem: where (field path as in the data file), what, and the two values that disagree."""

    severity: Literal["error", "warning"]
    field: tuple[str | int, ...]
    message: str
    stated: Decimal | None = None
    expected: Decimal | None = None


_SEVERITY = {"error": "错误", "warning": "提示"}
_SCALE = {"元": Decimal(10000), "万元": Decimal(1)}


@dataclass(frozen=True)
class Located:
    file: str
    line: int | str | None  # a file line, or a workbook cell ("收入决算表!C7")
    field: str
    severity: str
    message: str
    stated: str | None
    expected: str | None

    def text(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        values = f"（填写 {self.stated}，应为 {self.expected}）" if self.stated and self.expected else ""
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {field}{_SEVERITY[self.severity]}：{self.message}{values}"

    def as_error(self) -> DataError:
        values = f"（填写 {self.stated}，应为 {self.expected}）" if self.stated and self.expected else ""
        return DataError(self.message + values, file=self.file, field=self.field, line=self.line)


def locate(findings: Sequence[Finding], lines: dict, path: Path, unit: str = "万元") -> list[Located]:
    """Attach file, line and unit to each finding."""
    return [
        Located(str(path), line_of(f.field, lines), field_path(f.field), f.severity, f.message,
                _value(f.stated, unit), _value(f.expected, unit))
        for f in findings
    ]


def field_path(parts: Sequence[str | int]) -> str:
    """收入.本年收入合计, 一般公共预算财政拨款支出[2].原因 (list positions counted from 1).

    >>> field_path(("一般公共预算财政拨款支出", 1, "原因"))
    '一般公共预算财政拨款支出[2].原因'
    """
    out = ""
    for p in parts:
        out += f"[{p + 1}]" if isinstance(p, int) else ("." if out else "") + str(p)
    return out


def _value(v: Decimal | None, unit: str) -> str | None:
    if v is None:
        return None
    shown = v * _SCALE.get(unit, Decimal(1))
    return f"{format(shown.normalize(), 'f')} {unit}"


def to_json(located: Sequence[Located]) -> str:
    return json.dumps([l.__dict__ for l in located], ensure_ascii=False, indent=2)
