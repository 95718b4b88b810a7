"""Where each field of the 决算 data model lives in the workbook, read off the model's own types.

* 基本信息: one 字段/值 row per single figure or setting, by its path ("收入.事业收入",
  "三公经费.公务用车购置.轿车.辆数");
* 文字说明: one 字段/内容 row per paragraph of free text (职责, 原因, 说明; a list repeats 字段);
* a sheet per list of records (一般公共预算财政拨款支出, 人员经费明细, …), one column per field;
* a two-column sheet per name → text table (科目名称, 名词解释, 附表标题).

Deriving the layout from the model keeps the workbook complete as fields are added: the round
trip YAML → workbook → model loses nothing.
"""

from __future__ import annotations

import datetime
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, Union

from pydantic import BaseModel

from reportgen.errors import ReportgenError

BASICS, TEXTS = "基本信息", "文字说明"
Kind = Literal["money", "int", "bool", "date", "text", "choice"]

#: Headers of the two-column sheets, by field name.
MAP_HEADERS = {"科目名称": ("科目编码", "科目名称"), "名词解释": ("词条或科目编码", "解释"),
               "附表标题": ("标准标题", "印出的标题")}


@dataclass(frozen=True)
class Column:
    """One field of a record sheet, or one 字段 of 基本信息."""

    name: str
    kind: Kind
    choices: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class RecordSheet:
    """A list of records: `path` to the list in the data file, the sheet's name and columns."""

    path: tuple[str, ...]
    title: str
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class MapSheet:
    """A name → text table (dict[str, str])."""

    path: tuple[str, ...]
    title: str
    headers: tuple[str, str]


@dataclass(frozen=True)
class Layout:
    records: tuple[RecordSheet, ...]
    maps: tuple[MapSheet, ...]

    @property
    def sheet_names(self) -> list[str]:
        return [BASICS, TEXTS] + [s.title for s in self.records] + [s.title for s in self.maps]


@dataclass(frozen=True)
class Field:
    label: str  # as the data file writes it (the alias where there is one)
    name: str  # the attribute
    annotation: Any
    required: bool
    default: Any


def fields(model: type[BaseModel]) -> list[Field]:
    """The fields of `model` in declaration order."""
    return [Field(f.alias or name, name, f.annotation, f.is_required(), None if f.is_required() else f.default)
            for name, f in model.model_fields.items()]


def unwrap(annotation: Any) -> Any:
    """The type inside Optional[...] and Annotated[...]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            # A reason is one text or a list of them (决算 Reason): one row per text in the workbook.
            lists = [a for a in args if typing.get_origin(a) is list]
            annotation = args[0] if len(args) == 1 else lists[0] if lists else str
        else:
            return annotation


def is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, BaseModel)


def scalar_kind(t: Any) -> tuple[Kind, tuple[str, ...]] | None:
    """The cell kind of a single value's type; None when the type is not a single value."""
    if typing.get_origin(t) is Literal:
        return "choice", tuple(str(a) for a in typing.get_args(t))
    for py, kind in ((bool, "bool"), (Decimal, "money"), (int, "int"), (datetime.date, "date"), (str, "text")):
        if t is py:
            return kind, ()  # type: ignore[return-value]
    return None


def is_free_text(path: tuple[str, ...]) -> bool:
    """Words rather than settings: reasons, 变动原因 and lists of text go to 文字说明."""
    return path[-1].endswith("原因") or path[0] == "变动原因"


#: Lists of text that are settings, kept in 基本信息 (one row per entry).
SETTING_LISTS = ("模板目录",)
#: Fields holding a path relative to the data file: rewritten so the workbook can live elsewhere.
PATH_FIELDS = ("模板目录", "文件")


def layout_of(model: type[BaseModel]) -> Layout:
    """Every record sheet and name table of `model`, in field order."""
    records: list[RecordSheet] = []
    maps: list[MapSheet] = []
    _collect(model, (), records, maps)
    return Layout(tuple(records), tuple(maps))


def _collect(model: type[BaseModel], prefix: tuple[str, ...], records: list, maps: list) -> None:
    for f in fields(model):
        path = prefix + (f.label,)
        t = unwrap(f.annotation)
        origin, args = typing.get_origin(t), typing.get_args(t)
        if is_model(t):
            _collect(t, path, records, maps)
        elif origin is list and is_model(unwrap(args[0])):
            item = unwrap(args[0])
            title = "".join(path[-2:]) if len(path) > 1 else path[0]
            records.append(RecordSheet(path, title, tuple(_columns(item))))
        elif origin is dict and unwrap(args[1]) is str:
            maps.append(MapSheet(path, path[-1], MAP_HEADERS.get(path[-1], ("名称", "内容"))))


def _columns(item: type[BaseModel]) -> list[Column]:
    out = []
    for f in fields(item):
        kind = scalar_kind(unwrap(f.annotation))
        if kind is None:
            raise ReportgenError(f"工作簿不支持 {item.__name__}.{f.label} 这种字段：请扩展 reportgen.workbook.layout")
        out.append(Column(f.label, kind[0], kind[1], f.required))
    return out


def field_type(model: type[BaseModel], path: tuple[str, ...]) -> Any:
    """The type of the value at `path` (dict keys included), or None if no field is there."""
    t: Any = model
    for part in path:
        t = unwrap(t)
        if is_model(t):
            match = [f.annotation for f in fields(t) if f.label == part]
            if not match:
                return None
            t = match[0]
        elif typing.get_origin(t) is dict:
            t = typing.get_args(t)[1]
        else:
            return None
    return unwrap(t)
