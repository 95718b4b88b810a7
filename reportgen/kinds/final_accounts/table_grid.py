"""The pieces of a 公开表's grid: columns by name, header and body rows, cells in the document's style.

Amounts use the document's decimals with trailing zeros kept (a table column aligns on them),
rounded 四舍五入 from the exact figures one by one, so a cell prints exactly as the same figure in
the text; a zero is left blank (版式 may ask for "0.00").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Iterable, Mapping, Sequence

from reportgen.core.style import NumberStyle
from reportgen.document.nodes import Cell, Row
from reportgen.errors import TemplateError
from reportgen.kinds.final_accounts.facts import FinalAccountsFacts
from reportgen.kinds.final_accounts.table_facts import Rows
from reportgen.phrasing.numbers import format_amount
from reportgen.phrasing.words import chinese_numeral

PROJECT, CODE, NAME, COLUMN_NUMBERS, TOTAL = "项目", "科目编码", "科目名称", "栏次", "合计"


@dataclass(frozen=True)
class Grid:
    """A table's grid before its title: header rows, body rows, widths, and whether it is empty."""

    header: tuple[Row, ...]
    body: tuple[Row, ...]
    widths: tuple[int, ...]
    landscape: bool
    empty: bool


@dataclass(frozen=True)
class Column:
    """A value column: the row figure it prints (by name) and its heading."""

    value: str
    heading: str


@dataclass(frozen=True)
class Group:
    """Columns under one spanning heading ("本年支出" over 小计 | 基本支出 | 项目支出)."""

    heading: str
    columns: tuple[Column, ...]


def columns_of(spec: Sequence[Any]) -> list[Column | Group]:
    """A description's 列: "名称", {名称: 标题} (a figure under another heading), or {标题: [列…]}.

    >>> columns_of(["合计", {"本年支出": [{"合计": "小计"}, "基本支出"]}])  # doctest: +NORMALIZE_WHITESPACE
    [Column(value='合计', heading='合计'),
     Group(heading='本年支出', columns=(Column(value='合计', heading='小计'), Column(value='基本支出', heading='基本支出')))]
    """
    out: list[Column | Group] = []
    for item in spec:
        if isinstance(item, str):
            out.append(Column(item, item))
        elif isinstance(item, dict) and len(item) == 1:
            (key, value), = item.items()
            if isinstance(value, str):
                out.append(Column(key, value))
            elif isinstance(value, list) and all(isinstance(c, Column) for c in columns_of(value)):
                out.append(Group(key, tuple(columns_of(value))))  # type: ignore[arg-type]
            else:
                raise TemplateError(f"表的列写法不对：{item}")
        else:
            raise TemplateError(f"表的列写法不对：{item}")
    return out


def leaves(columns: Sequence[Column | Group]) -> list[Column]:
    """The value columns in print order."""
    return [c for x in columns for c in (x.columns if isinstance(x, Group) else (x,))]


class Cells:
    """Cell makers for one document: amounts in its style, zeros blank or "0.00"."""

    def __init__(self, style: NumberStyle, blank_zeros: bool):
        self.style = style.model_copy(update={"trim_zeros": False, "zero_as_0": False})
        self.blank_zeros = blank_zeros

    def amount(self, value: Decimal) -> Cell:
        blank = self.blank_zeros and value == 0
        return Cell("" if blank else format_amount(value, self.style), align="right", value=value)

    def amounts(self, values: Iterable[Decimal]) -> tuple[Cell, ...]:
        return tuple(self.amount(v) for v in values)


def head(text: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell(text, colspan=colspan, rowspan=rowspan, align="center", bold=True)


def label(text: str, colspan: int = 1) -> Cell:
    return Cell(text, colspan=colspan, align="left")


def centre(text: str, colspan: int = 1) -> Cell:
    return Cell(text, colspan=colspan, align="center")


def column_numbers(first: int, count: int, lead: int = 2) -> Row:
    """The 栏次 row: 栏次 over the `lead` label columns, then 1, 2, … over the value columns."""
    return (centre(COLUMN_NUMBERS, lead), *(centre(str(n)) for n in range(first, first + count)))


def subject_body(rows: Rows, columns: Sequence[Column], cells: Cells) -> tuple[Row, ...]:
    """栏次, then 合计 and the 类/款/项 (or 经济分类) rows: code | name | figures by column."""
    out: list[Row] = [column_numbers(1, len(columns))]
    for r in rows:
        lead = (centre(TOTAL, 2),) if r.级次 == "合计" else (label(r.编码), label(r.名称))
        out.append((*lead, *cells.amounts(r.值[c.value] for c in columns)))
    return tuple(out)


def subject_header(columns: Sequence[Column | Group], project: bool = True) -> tuple[Row, ...]:
    """项目 (科目编码, 科目名称) over the codes, then the columns; a group spans its parts, a lone
    column spans both header rows. Without `project`, one row: 科目编码 | 科目名称 | columns."""
    if not project:
        return ((head(CODE), head(NAME), *(head(c.heading) for c in leaves(columns))),)
    top = [head(PROJECT, 2)]
    below = [head(CODE), head(NAME)]
    for x in columns:
        if isinstance(x, Group):
            top.append(head(x.heading, len(x.columns)))
            below += [head(c.heading) for c in x.columns]
        else:
            top.append(head(x.heading, rowspan=2))
    return tuple(top), tuple(below)


def is_empty(rows: Iterable[Mapping[str, Decimal] | Sequence[Decimal]]) -> bool:
    return all(v == 0 for values in rows for v in (values.values() if isinstance(values, Mapping) else values))


def side_by_side(left: Sequence[Row], right: Sequence[Row], left_width: int, right_width: int) -> tuple[Row, ...]:
    """Two lists printed beside each other, the shorter padded with empty cells."""
    n = max(len(left), len(right))
    pad_l, pad_r = (Cell(""),) * left_width, (Cell(""),) * right_width
    return tuple((*(left[i] if i < len(left) else pad_l), *(right[i] if i < len(right) else pad_r)) for i in range(n))


def numbered(names: Sequence[str]) -> list[str]:
    """一、二、… before each name, as the forms number their lists."""
    return [f"{chinese_numeral(i)}、{n}" for i, n in enumerate(names, 1)]


Shape = Callable[[Mapping[str, Any], FinalAccountsFacts, Cells], Grid]
