"""Every table of a workbook, found by title and read into one bundle in one 金额单位.

A sheet's unit comes from its own 金额单位 line (元, or 万元 with 2 or 4 decimals); figures are
converted exactly (× or ÷ 10000) into the unit of the workbook's first table, so that the data
file states each figure once, in one unit. Tables the importer needs but cannot find are named.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportgen.errors import DataError, DataErrors
import reportgen.workbook.publish_import.forms as forms
from reportgen.workbook.publish_import.grid import YEAR, Lines, find_header, lines_above
from reportgen.workbook.publish_import.sheets import Book, Sheet, open_book
from reportgen.workbook.publish_import.titles import NAMES, kind_of

#: Without these no data file can be written (the others may be left out when their fund is empty).
REQUIRED = ("收支总表", "收入", "支出", "财政拨款收支总表", "一般公共预算", "基本支出", "三公")
TEN_THOUSAND = Decimal(10000)


@dataclass
class Tables:
    """The tables read from one workbook, in the unit `unit`, with where each came from."""

    path: Path
    unit: str
    unit_at: str
    dept: str | None
    dept_at: str
    year: int | None
    tables: dict[str, Any] = field(default_factory=dict)
    sheets: dict[str, Sheet] = field(default_factory=dict)
    #: The rounding a printed figure may carry, by sheet label: half a unit of its last decimal.
    slack: dict[str, Decimal] = field(default_factory=dict)

    def has(self, kind: str) -> bool:
        return kind in self.tables


def read_book(path: Path) -> Tables:
    """Open `path` and read every table it holds; DataErrors lists each sheet that cannot be read."""
    book = open_book(path)
    found: dict[str, tuple[Sheet, str]] = {}
    for sheet in book.sheets:
        kind = kind_of(sheet)
        if kind and (kind[0] not in found or _prefer(sheet, found[kind[0]][0])):
            found[kind[0]] = (sheet, kind[1])
    missing = [k for k in REQUIRED if k not in found]
    if missing:
        raise DataErrors([DataError(f"找不到工作表“{NAMES[k]}”（按表名或表内标题查找）", file=str(path)) for k in missing])
    errors: list[DataError] = []
    read: dict[str, tuple[Any, Lines, Sheet]] = {}
    for kind, (sheet, _) in found.items():
        try:
            lines = lines_above(sheet, find_header(sheet).first)
            read[kind] = (_read(kind, sheet), lines, sheet)
        except DataError as e:
            errors.append(DataError(e.problem, file=str(path), field=NAMES[kind], line=e.line))
    if errors:
        raise DataErrors(errors)
    return _bundle(book, read)


def _prefer(new: Sheet, old: Sheet) -> bool:
    # A 公开表 beside the 财决 table it was made from: the 公开表 is what was published.
    return new.code.startswith("公开") and not old.code.startswith("公开")


def _read(kind: str, sheet: Sheet) -> Any:
    if kind == "收支总表":
        return forms.read_two_sided(sheet, by_fund=False)
    if kind == "财政拨款收支总表":
        return forms.read_two_sided(sheet, by_fund=True)
    if kind == "基本支出":
        return forms.read_basic(sheet)
    if kind == "三公":
        return forms.read_three_public(sheet)
    columns = {"政府性基金": "资金收支", "国有资本经营收支": "资金收支", "财政拨款经济分类": "经济分类",
               "一般公共预算经济分类": "经济分类"}.get(kind, kind)
    return forms.read_subject(sheet, columns)


def _bundle(book: Book, read: dict[str, tuple[Any, Lines, Sheet]]) -> Tables:
    first = read["收支总表"]
    units = [(lines.unit, lines.unit_at) for _, lines, _ in read.values() if lines.unit]
    if not units:
        raise DataError("找不到“金额单位”（应在表头上方，如“金额单位：万元”）", file=str(book.path),
                        line=first[2].ref(0, 0))
    unit, unit_at = next(((u, a) for u, a in units if a == first[1].unit_at), units[0])
    dept = next(((lines.dept, lines.dept_at) for _, lines, _ in read.values() if lines.dept), (None, ""))
    year = next((lines.year for _, lines, _ in read.values() if lines.year), None) or _year(book)
    out = Tables(book.path, unit, unit_at, dept[0], dept[1], year)
    for kind, (table, lines, sheet) in read.items():
        factor = _factor(lines.unit or unit, unit)
        out.tables[kind] = _convert(table, factor) if factor != 1 else table
        out.sheets[kind] = sheet
        out.slack[sheet.label] = _slack(table, lines.unit or unit) * factor
    return out


def _year(book: Book) -> int | None:
    for text in (book.title, book.path.stem):
        if text and (m := YEAR.search(text)):
            return int(m[1])
    return None


def _factor(sheet_unit: str, unit: str) -> Decimal:
    if sheet_unit == unit:
        return Decimal(1)
    return TEN_THOUSAND if sheet_unit == "万元" else 1 / TEN_THOUSAND


def _figures(value: Any):
    """Every Fig inside a table read by `forms`, for conversion and rounding."""
    if isinstance(value, forms.Fig):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _figures(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _figures(v)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            if name != "sheet":
                yield from _figures(getattr(value, name))


def _convert(value: Any, factor: Decimal) -> Any:
    if isinstance(value, forms.Fig):
        return replace(value, value=value.value * factor)
    if isinstance(value, dict):
        return {k: _convert(v, factor) for k, v in value.items()}
    if isinstance(value, list):
        return [_convert(v, factor) for v in value]
    if isinstance(value, tuple):
        return tuple(_convert(v, factor) for v in value)
    if hasattr(value, "__dataclass_fields__"):
        return replace(value, **{n: _convert(getattr(value, n), factor) for n in value.__dataclass_fields__
                                 if n != "sheet"})
    return value


def _slack(table: Any, unit: str) -> Decimal:
    """Half a unit of the last decimal printed in a 万元 table; nothing in a 元 table (figures in
    元 are the ledger's own, to the 分)."""
    if unit == "元":
        return Decimal(0)
    places = max((-f.value.as_tuple().exponent for f in _figures(table) if f.value), default=2)
    return Decimal(5) / Decimal(10) ** (max(places, 2) + 1)
