"""Read the officer's workbook back into the 决算 data model; every problem names its sheet and cell.

The workbook is turned into the same nested values a YAML data file gives, with a map from
field path to cell ("一般公共预算财政拨款支出!D3") standing where the YAML loader keeps line
numbers, so validation and the identity checks report `file.xlsx:Sheet!C7: field: problem`.

A workbook is a zip of XML sent by anyone, so the work is bounded before it starts: the
package's inflated size and each member's compression ratio are checked before openpyxl opens
it, sheets are read in read-only mode (streamed) and only up to MAX_ROWS rows and MAX_COLUMNS
columns, and any failure of the parser on a damaged package is a data error, not a crash. A
formula Excel never calculated has no value in the file: it is refused on its cell rather than
read as blank.
"""

from __future__ import annotations

import datetime
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

from openpyxl import load_workbook as open_workbook
from openpyxl.utils import get_column_letter

from reportgen.errors import DataError, DataErrors
from reportgen.kinds.final_accounts.model import FinalAccounts
from reportgen.core.loader import validate
from reportgen.workbook.grid import Grid, check_package
from reportgen.workbook.layout import BASICS, TEXTS, Kind, MapSheet, RecordSheet, field_type, layout_of, scalar_kind

Cells = dict[tuple, str]


def load_workbook(path: Path) -> tuple[FinalAccounts, Cells]:
    """The workbook at `path` as a validated model, and the cell of every field path."""
    layout = layout_of(FinalAccounts)
    book = _read_sheets(path, layout.sheet_names)
    data: dict[str, Any] = {}
    cells: Cells = {(): f"{BASICS}!A1"}
    errors: list[DataError] = []
    _read_fields(book[BASICS], data, cells, errors, str(path))
    _read_fields(book[TEXTS], data, cells, errors, str(path))
    for sheet in layout.records:
        _read_records(book[sheet.title], sheet, data, cells, errors, str(path))
    for m in layout.maps:
        _read_map(book[m.title], m, data, cells)
    _drop_blank_optional_parts(FinalAccounts, data)
    try:
        model = validate(data, cells, FinalAccounts, str(path))  # type: ignore[arg-type]
    except DataErrors as e:
        errors += e.errors
    if errors:
        raise DataErrors(errors)
    return model, cells


def _drop_blank_optional_parts(model: Any, data: dict) -> None:
    # A part the data file may leave out (机关运行经费 of a 事业单位) whose rows are all blank was
    # left out, not given empty: its required fields must not be reported missing.
    for name, field in model.model_fields.items():
        key = field.alias or name
        value = data.get(key)
        if not isinstance(value, dict):
            continue
        sub = next((a for a in typing.get_args(field.annotation) or (field.annotation,) if hasattr(a, "model_fields")), None)
        if sub is not None:
            _drop_blank_optional_parts(sub, value)
        if value == {} and field.default is None and not field.is_required():
            del data[key]


def _read_sheets(path: Path, names: Sequence[str]) -> dict[str, Grid]:
    """The values of the sheets named, each cell's cached value; formulas without one refused."""
    check_package(path)
    try:
        values = _grids(path, names, data_only=True)
        formulas = _grids(path, names, data_only=False)
    except (DataError, DataErrors):
        raise
    except Exception:  # openpyxl raises many kinds on a damaged package (KeyError, ParseError …)
        raise DataError("不是有效的 Excel 工作簿（.xlsx），或已损坏", file=str(path)) from None
    missing = [name for name in names if name not in values]
    if missing:
        raise DataErrors([DataError(f"缺少工作表“{name}”（没有数据时保留表头即可）", file=str(path), field=name)
                          for name in missing])
    uncalculated = [f"{name}!{ref}" for name in names for ref in values[name].uncalculated(formulas[name])]
    if uncalculated:
        raise DataErrors([DataError("公式没有计算结果（请在 Excel 中打开、重新计算并保存，或直接填写数值）",
                                    file=str(path), line=cell) for cell in uncalculated[:20]])
    return values


def _grids(path: Path, names: Sequence[str], data_only: bool) -> dict[str, Grid]:
    book = open_workbook(path, read_only=True, data_only=data_only)
    try:
        return {name: Grid.read(book[name], str(path)) for name in names if name in book.sheetnames}
    finally:
        book.close()


def _read_fields(ws: Grid, data: dict, cells: Cells, errors: list, file: str) -> None:
    """字段/值 rows: a path and its value; a list field collects its rows in order."""
    for row in range(2, ws.max_row + 1):
        name, value = ws.cell(row, 1), ws.cell(row, 2)
        if name is None or str(name).startswith("【"):
            continue
        path = tuple(str(name).strip().split("."))
        where = f"{ws.title}!B{row}"
        t = field_type(FinalAccounts, path)
        if t is None:
            errors.append(DataError("不认识的字段（请勿改动“字段”列）", file=file, field=str(name), line=f"{ws.title}!A{row}"))
            continue
        is_list = typing.get_origin(t) is list
        for p in _parents(path):
            cells.setdefault(p, where)
        if value is None or value == "":
            # Left blank: not given, but its part exists (a part whose fields are all optional
            # is then valid), and a "missing" message points at this row.
            cells.setdefault(path, where)
            _ensure(data, path[:-1], {})
            continue
        kind = scalar_kind(typing.get_args(t)[0] if is_list else t)
        value = _plain(value, kind[0] if kind else "text")
        if is_list:
            items = _ensure(data, path, [])
            cells[path + (len(items),)] = where
            items.append(value)
        else:
            cells[path] = where
            _ensure(data, path[:-1], {})[path[-1]] = value


def _read_records(ws: Grid, sheet: RecordSheet, data: dict, cells: Cells, errors: list, file: str) -> None:
    """One record a row under a header row naming the fields; blank rows are skipped."""
    kinds = {c.name: c.kind for c in sheet.columns}
    header = [ws.cell(1, i) for i in range(1, ws.max_column + 1)]
    for i, name in enumerate(header, 1):
        if name is not None and name not in kinds:
            where = f"{ws.title}!{get_column_letter(i)}1"
            errors.append(DataError(f"不认识的列“{name}”", file=file, field=sheet.title, line=where))
    records = _ensure(data, sheet.path, [])
    cells.setdefault(sheet.path, f"{ws.title}!A1")
    for p in _parents(sheet.path):
        cells.setdefault(p, f"{ws.title}!A1")
    for row in range(2, ws.max_row + 1):
        values = {name: ws.cell(row, i) for i, name in enumerate(header, 1) if name in kinds}
        if all(v is None or v == "" for v in values.values()):
            continue
        at = sheet.path + (len(records),)
        cells[at] = f"{ws.title}!A{row}"
        record = {}
        for i, name in enumerate(header, 1):
            v = values.get(name)
            if name in kinds and v is not None and v != "":
                record[name] = _plain(v, kinds[name])
                cells[at + (name,)] = f"{ws.title}!{get_column_letter(i)}{row}"
        records.append(record)


def _read_map(ws: Grid, sheet: MapSheet, data: dict, cells: Cells) -> None:
    table = _ensure(data, sheet.path, {})
    for row in range(2, ws.max_row + 1):
        key, value = ws.cell(row, 1), ws.cell(row, 2)
        if key is None or key == "":
            continue
        table[_plain(key, "text")] = value if value is None else _plain(value, "text")
        cells[sheet.path + (_plain(key, "text"),)] = f"{ws.title}!B{row}"


def _plain(value: Any, kind: Kind) -> Any:
    """A cell's value as the YAML loader would give it: exact Decimals, 是/否 as booleans, text codes."""
    if kind == "money" and isinstance(value, float):
        # Excel keeps 15 significant digits: those are the figure (141.54, never 141.539999…,
        # and a cell computed as 0.1+0.2 is 0.3, not 0.30000000000000004).
        return Decimal(format(value, ".15g"))
    if kind == "int" and isinstance(value, float) and value.is_integer():
        return int(value)
    if kind == "bool" and isinstance(value, str) and value.strip() in ("是", "否"):
        return value.strip() == "是"
    if kind == "date" and isinstance(value, datetime.datetime):
        return value.date()
    if kind in ("text", "choice") and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else format(value, ".15g")
    if isinstance(value, str):
        return value.strip()
    return value


def _ensure(data: dict, path: tuple, empty: Any) -> Any:
    """The container at `path`, created (with `empty` at the end) where missing."""
    for part in path[:-1]:
        data = data.setdefault(part, {})
    if not path:
        return data
    return data.setdefault(path[-1], empty)


def _parents(path: tuple) -> list[tuple]:
    return [path[:i] for i in range(1, len(path))]
