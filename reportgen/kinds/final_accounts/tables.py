"""Table nodes of the 13 公开表, built from the table facts with the document's number style.

Templates call `附表(key, title=…, number=…, unit_left=…, unit_right=…, note=…)`; `key` is the
table's standard title, the words around it come from the template, and the note is printed
only when the table has no figures. Amounts use the document's decimals with trailing zeros
kept (a table column aligns on them), rounded 四舍五入 from the exact figures one by one, so a
table cell prints exactly as the same figure in the text; a zero is left blank (版式 may ask
for "0.00").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable, Sequence

from reportgen.kinds.final_accounts import table_labels as L
from reportgen.document.nodes import Cell, Row, Table
from reportgen.errors import TemplateError
from reportgen.kinds.final_accounts.facts import FinalAccountsFacts
from reportgen.kinds.final_accounts.table_facts import Rows
from reportgen.phrasing.numbers import format_amount
from reportgen.core.style import NumberStyle
from reportgen.phrasing.words import chinese_numeral


@dataclass(frozen=True)
class Layout:
    """A table's grid before its title: header rows, body rows, widths, and whether it is empty."""

    header: tuple[Row, ...]
    body: tuple[Row, ...]
    widths: tuple[int, ...]
    landscape: bool
    empty: bool


class Cells:
    """Cell makers for one document: amounts in its style, zeros blank or "0.00"."""

    def __init__(self, style: NumberStyle, blank_zeros: bool):
        self.style = style.model_copy(update={"trim_zeros": False, "zero_as_0": False})
        self.blank_zeros = blank_zeros

    def amount(self, value: Decimal) -> Cell:
        blank = self.blank_zeros and value == 0
        return Cell("" if blank else format_amount(value, self.style), align="right")

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
    return (centre(L.COLUMN_NUMBERS, lead), *(centre(str(n)) for n in range(first, first + count)))


def subject_body(rows: Rows, cells: Cells, width: int) -> tuple[Row, ...]:
    """栏次, then 合计 and the 类/款/项 (or 经济分类) rows: code | name | figures."""
    out: list[Row] = [column_numbers(1, width)]
    for r in rows:
        lead = (centre(L.TOTAL, 2),) if r.级次 == "合计" else (label(r.编码), label(r.名称))
        out.append((*lead, *cells.amounts(r.值)))
    return tuple(out)


def subject_header(groups: Sequence[tuple[str, Sequence[str]]]) -> tuple[Row, ...]:
    """项目 (科目编码, 科目名称), then columns; a group with parts spans them, a lone column spans two rows."""
    top = [head(L.PROJECT, 2)]
    below = [head(L.CODE), head(L.NAME)]
    for text, parts in groups:
        if parts:
            top.append(head(text, len(parts)))
            below += [head(p) for p in parts]
        else:
            top.append(head(text, rowspan=2))
    return tuple(top), tuple(below)


def is_empty(rows: Iterable[Sequence[Decimal]]) -> bool:
    return all(v == 0 for values in rows for v in values)


def side_by_side(left: Sequence[Row], right: Sequence[Row], left_width: int, right_width: int) -> tuple[Row, ...]:
    """Two lists printed beside each other, the shorter padded with empty cells."""
    n = max(len(left), len(right))
    pad_l, pad_r = (Cell(""),) * left_width, (Cell(""),) * right_width
    return tuple((*(left[i] if i < len(left) else pad_l), *(right[i] if i < len(right) else pad_r)) for i in range(n))


def numbered(names: Sequence[str]) -> list[str]:
    """一、二、… before each name, as the forms number their lists."""
    return [f"{chinese_numeral(i)}、{n}" for i, n in enumerate(names, 1)]


Builder = Callable[[FinalAccountsFacts, Cells], Layout]


def table_maker(facts: FinalAccountsFacts, style: NumberStyle, blank_zeros: bool = True) -> Callable[..., Table]:
    """The `附表(key, …)` function templates call to place a 公开表."""
    from reportgen.kinds.final_accounts.table_shapes import LAYOUTS  # they build on the helpers above

    cells = Cells(style, blank_zeros)

    def 附表(key: str, title: str = "", number: str = "", unit_left: str = "", unit_right: str = "",
           note: str = "") -> Table:
        if key not in LAYOUTS:
            raise TemplateError(f"没有名为“{key}”的公开表（可选：{'、'.join(LAYOUTS)}）")
        layout = LAYOUTS[key](facts, cells)
        notes = (note,) if note and layout.empty else ()
        return Table(title or key, layout.header, layout.body, number=number, unit_left=unit_left,
                     unit_right=unit_right, notes=notes, widths=layout.widths, landscape=layout.landscape)

    return 附表
