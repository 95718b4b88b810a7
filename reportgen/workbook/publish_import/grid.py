"""Reading one 公开表 sheet by its labels: the lines above the table, the header, amounts.

Nothing is found by position: the header starts at the first row holding a header label (项目,
科目编码, 收入 …), ends before the 栏次 row (or the first row of figures), and each column is
known by its path of labels from the top header row down ("本年支出 › 基本支出"), merged cells
giving their label to every column they cover. A column is then matched to what a table needs by
the end of its path, so "小计" under 本年支出 and "合计" standing alone are told apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Sequence

from reportgen.errors import DataError
from reportgen.workbook.publish_import.sheets import Sheet

HEADER_WORDS = {"项目", "科目编码", "科目名称", "收入", "支出", "预算数", "决算数", "人员经费", "公用经费",
                "功能分类科目编码", "经济分类科目编码", "功能分类科目", "经济分类科目", "类", "款"}
TOTAL_WORDS = ("合计", "总计")
_UNIT = re.compile(r"(?:金额)?单位\s*[:：]\s*(万元|元)")
_DEPT = re.compile(r"(?:部门|编制单位|单位名称|填报单位|预算单位)(?:（[^）]*）|\([^)]*\))?\s*[:：]\s*(.+)")
YEAR = re.compile(r"(20\d{2})\s*年")
_NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?$")
_DASHES = {"-", "－", "—", "——", "–"}
_NUMBERING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d))\s*")


def norm(text: str) -> str:
    """A label compared as text: no spaces, one kind of brackets and quotes.

    >>> norm(" 因公出国(境)费 "), norm("财政拨款\\"三公\\"经费"), norm("本年支出\\n合计")
    ('因公出国（境）费', '财政拨款“三公”经费', '本年支出合计')
    """
    t = re.sub(r"[\s\u3000]+", "", text).replace("(", "（").replace(")", "）")
    t = re.sub(r'"([^"]*)"', r"“\1”", t)
    return t.replace("「", "“").replace("」", "”").replace("‘", "“").replace("’", "”")


def item_label(text: str) -> str:
    """A row label without its list number: "一、一般公共预算财政拨款收入" → the name.

    >>> item_label("一、一般公共预算财政拨款收入"), item_label("（二）事业收入"), item_label("总  计")
    ('一般公共预算财政拨款收入', '事业收入', '总计')
    """
    return norm(_NUMBERING.sub("", text))


@dataclass(frozen=True)
class Lines:
    """What the lines above a table say: its unit, the unit's name, a year, where they were."""

    unit: str | None
    unit_at: str
    dept: str | None
    dept_at: str
    year: int | None


def lines_above(sheet: Sheet, header_row: int) -> Lines:
    unit = dept = year = None
    unit_at = dept_at = ""
    for r in range(min(header_row, len(sheet.rows))):
        for c in range(len(sheet.rows[r])):
            text = sheet.text(r, c)
            if not text:
                continue
            if unit is None and (m := _UNIT.search(text)):
                unit, unit_at = m[1], sheet.ref(r, c)
            m = _DEPT.search(_UNIT.sub("", text))
            if dept is None and m and m[1].strip():
                dept, dept_at = re.split(r"\s{2,}|\u3000", m[1].strip())[0].strip(), sheet.ref(r, c)
            if year is None and (m := YEAR.search(text)):
                year = int(m[1])
    return Lines(unit, unit_at, dept, dept_at, year)


@dataclass(frozen=True)
class Header:
    """The header rows [first, last) of a table, its columns' label paths, and where figures start."""

    first: int
    last: int
    data: int
    paths: tuple[tuple[str, ...], ...]


def find_header(sheet: Sheet) -> Header:
    first = next((r for r in range(min(len(sheet.rows), 30))
                  if any(norm(sheet.text(r, c)) in HEADER_WORDS for c in range(len(sheet.rows[r])))), None)
    if first is None:
        raise DataError("找不到表头（应有“项目”“科目编码”或“收入”“支出”等栏目名称）", line=sheet.ref(0, 0))
    last = data = None
    for r in range(first + 1, len(sheet.rows)):
        texts = [norm(sheet.text(r, c)) for c in range(len(sheet.rows[r]))]
        filled = [t for t in texts if t]
        if "栏次" in texts or filled and filled == [str(n) for n in range(1, len(filled) + 1)]:
            last, data = r, r + 1  # the 栏次 row numbers the columns (some tables print the numbers alone)
            break
        lead = filled[0] if filled else ""
        figures_only = all(_NUMBER.match(t.replace(",", "")) or t in _DASHES for t in filled[1:])
        if (lead in TOTAL_WORDS and figures_only) or re.match(r"^\d{3}", lead) or _NUMBERING.match(lead):
            last = data = r
            break
    if last is None:
        raise DataError("表头之后找不到“栏次”行或“合计”行", line=sheet.ref(first, 0))
    return Header(first, last, data, column_paths(sheet, first, last))


def column_paths(sheet: Sheet, first: int, last: int) -> tuple[tuple[str, ...], ...]:
    """Each column's labels from the top header row down, merged cells filling what they cover."""
    width = max((len(sheet.rows[r]) for r in range(first, last)), default=0)
    grid = [[norm(sheet.text(r, c)) for c in range(width)] for r in range(first, last)]
    merges = [m for m in sheet.merged if first <= m[0] < last]
    for r0, c0, r1, c1 in merges:
        label = grid[r0 - first][c0] if c0 < width else ""
        for r in range(r0, min(r1, last)):
            for c in range(c0, min(c1, width)):
                grid[r - first][c] = label
    if not merges:
        _infer_spans(grid)
    paths = []
    for c in range(width):
        path: list[str] = []
        for row in grid:
            if row[c] and (not path or path[-1] != row[c]):
                path.append(row[c])
        paths.append(tuple(path))
    return tuple(paths)


def _infer_spans(grid: list[list[str]]) -> None:
    # Without merge records, a blank cell of an upper header row belongs to the label on its
    # left when the row below names a column there (a group heading over its parts).
    for r in range(len(grid) - 1):
        for c in range(1, len(grid[r])):
            if not grid[r][c] and grid[r][c - 1] and grid[r + 1][c]:
                grid[r][c] = grid[r][c - 1]


def amount(sheet: Sheet, r: int, c: int) -> Decimal:
    """The figure in a cell: a number, a text with thousand separators, or blank/"-" for zero."""
    v = sheet.value(r, c)
    if v is None:
        return Decimal(0)
    if isinstance(v, bool):
        raise DataError(f"应为金额（填写的是“{v}”）", line=sheet.ref(r, c))
    if isinstance(v, (int, float)):
        # Excel keeps 15 significant digits: those are the figure (141.54, never 141.539999…).
        return Decimal(format(v, ".15g")) if isinstance(v, float) else Decimal(v)
    text = re.sub(r"[\s,，\u3000]", "", str(v))
    if text in _DASHES or not text:
        return Decimal(0)
    if not _NUMBER.match(text):
        raise DataError(f"应为金额（填写的是“{str(v).strip():.30}”）", line=sheet.ref(r, c))
    try:
        return Decimal(text)
    except InvalidOperation:
        raise DataError(f"应为金额（填写的是“{v}”）", line=sheet.ref(r, c)) from None


Pattern = tuple[tuple[str, ...], ...]  # label alternatives for the last labels of a column's path


def match_columns(sheet: Sheet, header: Header, wanted: dict[str, Sequence[Pattern]], optional: Sequence[str] = (),
                  columns: Sequence[int] | None = None) -> dict[str, int]:
    """The column of each wanted figure: the first of its patterns that exactly one column ends with."""
    candidates = list(columns if columns is not None else range(len(header.paths)))
    found: dict[str, int] = {}
    for key, patterns in wanted.items():
        for pattern in patterns:
            hits = [c for c in candidates if c not in found.values() and _ends_with(header.paths[c], pattern)]
            if len(hits) == 1:
                found[key] = hits[0]
                break
        else:
            if key not in optional:
                name = "／".join(pattern[-1][0] for pattern in patterns[:1])
                raise DataError(f"表头中找不到“{name}”栏", line=sheet.ref(header.first, 0))
    return found


def _ends_with(path: tuple[str, ...], pattern: Pattern) -> bool:
    if len(path) < len(pattern):
        return False
    return all(label in choices for label, choices in zip(path[len(path) - len(pattern):], pattern))


def is_note(text: str) -> bool:
    return norm(text).startswith(("注：", "注:", "说明：", "备注：", "注1", "注："))


def code_text(value: Any, width: int = 0) -> str:
    """A code cell as digits: 208.0 → "208", 5 → "05" when the column holds 2-digit parts."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = re.sub(r"\s", "", str(value))
    if text.isdigit() and width:
        text = text.zfill(width)
    return text
