"""Write a 决算 data model (or an empty one) as the officer's fillable Excel workbook."""

from __future__ import annotations

import io
import os
import re
import typing
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from reportgen.core.style import NumberStyle
from reportgen.errors import DataError, ReportgenError
from reportgen.kinds import get, kind_of
from reportgen.kinds.final_accounts import read as read_data
from reportgen.kinds.final_accounts.model import FinalAccounts, Wording
from reportgen.workbook import is_workbook
from reportgen.workbook.layout import (
    BASICS, PATH_FIELDS, SETTING_LISTS, TEXTS, Column, Kind, MapSheet, RecordSheet, fields,
    is_free_text, is_model, layout_of, scalar_kind, unwrap,
)
from reportgen.workbook.guide import guide_lines

#: The workbook's fixed creation and modification time, so the same data gives the same bytes.
FIXED_TIME = "2000-01-01T00:00:00Z"
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
MONEY_FORMAT = "#,##0.00"
FIELD_ROWS = 500  # rows with validation below a record sheet's last record


def workbook_for(data_path: Path | None, output: Path) -> bytes:
    """The workbook for a 决算 data file (YAML or workbook), or an empty one, to be written at `output`."""
    if not is_workbook(output):
        raise DataError("工作簿的文件名应以 .xlsx 结尾", file=str(output))
    if data_path is None:
        return workbook_bytes(None)
    get(kind_of(data_path), data_path)  # an unknown 文档类型 is an error on its line
    if kind_of(data_path) != "部门决算":
        raise DataError(f"工作簿只用于部门决算，这个文件是“{kind_of(data_path)}”", file=str(data_path), field="文档类型")
    data, _ = read_data(data_path)
    return workbook_bytes(data, data_path.parent, output.parent)


def workbook_bytes(data: FinalAccounts | None, source_dir: Path | None = None, target_dir: Path | None = None) -> bytes:
    """The workbook for `data` (None: an empty one); paths in it are made relative to `target_dir`."""
    layout = layout_of(FinalAccounts)
    scale = Decimal(10000) if data is not None and data.金额单位 == "元" else Decimal(1)
    rebase = _rebaser(source_dir, target_dir)
    wb = Workbook()
    guide = wb.active
    guide.title = "说明"
    for line in guide_lines(layout):
        guide.append([line])
    guide.column_dimensions["A"].width = 110
    basics, texts = [], []
    _walk(FinalAccounts, data, (), basics, texts)
    _basics_sheet(wb.create_sheet(BASICS), basics, scale, rebase)
    _texts_sheet(wb.create_sheet(TEXTS), texts)
    for sheet in layout.records:
        _record_sheet(wb.create_sheet(sheet.title), sheet, _at(data, sheet.path) or [], scale, rebase)
    for m in layout.maps:
        _map_sheet(wb.create_sheet(m.title), m, _at(data, m.path) or {})
    _no_formulas(wb)
    return _fixed_times(wb)


def _no_formulas(wb: Workbook) -> None:
    """Every cell as text or number: openpyxl takes a text starting with "=" for a formula, so a
    reason typed "=HYPERLINK(…)" would run in the officer's Excel; the workbook holds none of its own."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


Row = tuple[tuple[str, ...], Kind, tuple[str, ...], Any]

#: Parts whose defaults a layout may change (样式, 版式): only what the data file states is written.
LAYOUT_DEFAULTED = (NumberStyle, Wording)


def _walk(model: type[BaseModel], value: Any, prefix: tuple[str, ...], basics: list, texts: list) -> None:
    """Every single value and text under `model`, with its path; lists of records are sheets."""
    for f in fields(model):
        path = prefix + (f.label,)
        v = getattr(value, f.name) if value is not None else (f.default if not f.required else None)
        if value is not None and model in LAYOUT_DEFAULTED and f.name not in value.model_fields_set:
            v = None  # left blank: the layout's default applies, as when the data file omits it
        t = unwrap(f.annotation)
        origin, args = typing.get_origin(t), typing.get_args(t)
        if is_model(t):
            if not prefix:  # a heading row per part of the data file
                basics.append((path, "section", (), None))
            _walk(t, v, path, basics, texts)
        elif (origin is list and is_model(unwrap(args[0]))) or (origin is dict and unwrap(args[1]) is str):
            continue  # a sheet of its own (layout.RecordSheet, layout.MapSheet)
        elif origin is dict:
            inner = unwrap(args[1])
            for key, item in (v or {}).items():
                if is_model(inner):
                    _walk(inner, item, path + (key,), basics, texts)
                else:
                    basics.append((path + (key,), *scalar_kind(inner), item))
        elif origin is list and unwrap(args[0]) is str:
            target = basics if path[-1] in SETTING_LISTS else texts
            for item in ([v] if isinstance(v, str) else v) or [None]:
                target.append((path, "text", (), item))
        elif (kind := scalar_kind(t)) is not None:
            (texts if is_free_text(path) else basics).append((path, *kind, v))
        else:
            raise ReportgenError(f"工作簿不支持字段 {'.'.join(path)} 的类型：请扩展 reportgen.workbook.layout")


def _basics_sheet(ws: Worksheet, rows: list[Row], scale: Decimal, rebase: Any) -> None:
    _header(ws, ("字段", "值", "说明"), (46, 40, 50))
    checks = _Validations(ws)
    for i, (path, kind, choices, value) in enumerate(rows):
        if kind == "section":
            if i + 1 < len(rows) and rows[i + 1][1] != "section":  # a part with rows of its own
                ws.append([f"【{path[0]}】"])
                ws.cell(ws.max_row, 1).font = Font(bold=True)
            continue
        if path[-1] in PATH_FIELDS and value:
            value = rebase(value)
        ws.append([".".join(path), _cell_value(kind, value, scale), _hint(path, kind, choices)])
        cell = ws.cell(ws.max_row, 2)
        _format(cell, kind)
        checks.add(cell.coordinate, Column(path[-1], kind, choices))
    checks.install()


def _texts_sheet(ws: Worksheet, rows: list[Row]) -> None:
    _header(ws, ("字段", "内容"), (34, 110))
    for path, _, _, value in rows:
        ws.append([".".join(path), value])
        ws.cell(ws.max_row, 2).alignment = Alignment(wrap_text=True, vertical="top")


def _record_sheet(ws: Worksheet, sheet: RecordSheet, items: list, scale: Decimal, rebase: Any) -> None:
    _header(ws, [c.name for c in sheet.columns], [_width(c) for c in sheet.columns])
    for item in items:
        values = []
        for c in sheet.columns:
            v = getattr(item, _attr(item, c.name))
            values.append(_cell_value(c.kind, rebase(v) if c.name in PATH_FIELDS and v else v, scale))
        ws.append(values)
    checks = _Validations(ws)
    last = ws.max_row + FIELD_ROWS
    for i, c in enumerate(sheet.columns, 1):
        letter = get_column_letter(i)
        # The column's own format serves the rows the officer adds; filled rows get it per cell.
        _format(ws.column_dimensions[letter], c.kind, code=c.name == "科目编码")
        for row in range(2, ws.max_row + 1):
            _format(ws.cell(row, i), c.kind, code=c.name == "科目编码")
        checks.add(f"{letter}2:{letter}{last}", c)
    checks.install()


def _map_sheet(ws: Worksheet, sheet: MapSheet, items: dict) -> None:
    _header(ws, sheet.headers, (24, 90))
    for key, value in items.items():
        ws.append([key, value])
        ws.cell(ws.max_row, 1).number_format = "@"


def _header(ws: Worksheet, names: Any, widths: Any) -> None:
    ws.append(list(names))
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
        ws.cell(1, i).font = Font(bold=True)
        ws.cell(1, i).fill = HEADER_FILL
    ws.freeze_panes = "A2"


class _Validations:
    """Data validation by kind: numbers, whole numbers, 是/否, dates and lists of choices."""

    def __init__(self, ws: Worksheet):
        self.ws = ws
        self.rules: dict[tuple, DataValidation] = {}

    def add(self, cells: str, column: Column) -> None:
        key = (column.kind, column.choices)
        if key not in self.rules:
            rule = _rule(column)
            if rule is None:
                return
            self.rules[key] = rule
        self.rules[key].add(cells)

    def install(self) -> None:
        for rule in self.rules.values():
            self.ws.add_data_validation(rule)


def _rule(c: Column) -> DataValidation | None:
    if c.kind == "money":
        return DataValidation("decimal", operator="between", formula1="-1E+15", formula2="1E+15",
                              allow_blank=True, error="请填写数字（金额）", errorTitle="应为数字", showErrorMessage=True)
    if c.kind == "int":
        return DataValidation("whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                              error="请填写不小于 0 的整数", errorTitle="应为整数", showErrorMessage=True)
    if c.kind in ("bool", "choice"):
        options = ("是", "否") if c.kind == "bool" else c.choices
        return DataValidation("list", formula1='"' + ",".join(options) + '"', allow_blank=True,
                              error="请从下拉列表中选择", errorTitle="取值不在允许范围内", showErrorMessage=True)
    if c.kind == "date":
        return DataValidation("date", operator="greaterThan", formula1="1", allow_blank=True,
                              error="请填写日期，如 2024-10-24", errorTitle="应为日期", showErrorMessage=True)
    return None


def _format(cell: Any, kind: Kind, code: bool = False) -> None:
    if kind == "money":
        cell.number_format = MONEY_FORMAT
    elif kind == "date":
        cell.number_format = "yyyy-mm-dd"
    elif kind == "text" and code:
        cell.number_format = "@"  # codes stay text: 2080109, never 2.08E+06


def _hint(path: tuple[str, ...], kind: Kind, choices: tuple[str, ...]) -> str | None:
    """A short note beside a 基本信息 row: the choices, or that a total may be left to the 科目."""
    if kind == "choice":
        return "可选：" + "、".join(choices)
    if kind == "bool":
        return "是 / 否"
    derived = path[0] in ("收入", "支出") or path[-1] == "年初财政拨款结转和结余" or \
        path[-2:] in (("人员经费", "金额"), ("公用经费", "金额"))
    return "可不填：由各科目（经济分类）相加；填了则与之核对" if kind == "money" and derived else None


def _cell_value(kind: Kind, value: Any, scale: Decimal) -> Any:
    """A model value as the officer types it: money back in the file's unit, 是/否 for yes/no."""
    if value is None:
        return None
    if kind == "money":
        amount = value * scale
        return int(amount) if amount == amount.to_integral_value() else amount.normalize()
    if kind == "bool":
        return "是" if value else "否"
    return value


def _width(c: Column) -> int:
    return 40 if c.name in ("原因", "名称", "标题") else 14 if c.kind == "money" else 18


def _attr(item: BaseModel, label: str) -> str:
    return next(f.name for f in fields(type(item)) if f.label == label)


def _at(data: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if data is None:
            return None
        data = getattr(data, next(f.name for f in fields(type(data)) if f.label == part))
    return data


def _rebaser(source: Path | None, target: Path | None) -> Any:
    """Paths relative to the data file, made relative to the workbook's folder instead."""
    def rebase(value: str) -> str:
        if source is None or target is None or Path(value).is_absolute():
            return value
        absolute = (source / value).resolve()
        try:
            return Path(os.path.relpath(absolute, target.resolve())).as_posix()
        except ValueError:  # another drive (Windows): keep it absolute
            return str(absolute)

    return rebase


def _fixed_times(wb: Workbook) -> bytes:
    """Save `wb` with a fixed modification time in docProps/core.xml and in the zip entries."""
    buffer = io.BytesIO()
    wb.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_TIME.encode(), content)
            entry = zipfile.ZipInfo(info.filename, _ZIP_TIME)
            entry.compress_type, entry.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            dst.writestr(entry, content)
    return out.getvalue()
