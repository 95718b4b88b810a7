"""Cells of the 绩效 forms: figures printed by the document's number style, spans over the grid.

Amounts are held in 万元; a form printed in 元 (自评表金额单位) shows them ×10000, rounded by
the same style. A blank figure (None) prints as an empty cell, as the forms leave it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, Sequence

from reportgen.core.style import NumberStyle
from reportgen.document.nodes import Cell
from reportgen.kinds.performance.forms.labels import Labels
from reportgen.phrasing.numbers import format_amount, format_percent
from reportgen.phrasing.references import score

_SCALE = {"万元": Decimal(1), "元": Decimal(10000)}


def c(text: str, colspan: int = 1, rowspan: int = 1, align: str = "center") -> Cell:
    return Cell(text, colspan=colspan, rowspan=rowspan, align=align)  # type: ignore[arg-type]


def points(value: Optional[Decimal]) -> str:
    return "" if value is None else score(value)


def spans(total: int, parts: int) -> list[int]:
    """`total` grid columns shared by `parts` cells as evenly as possible, the wider ones last.

    >>> spans(8, 3), spans(6, 2), spans(2, 3)
    ([2, 3, 3], [3, 3], [1, 1, 1])
    """
    base, extra = divmod(max(total, parts), parts)
    return [base + (1 if i >= parts - extra else 0) for i in range(parts)]


@dataclass(frozen=True)
class Printer:
    """What a form needs to print a figure or a word: the labels in force and the number style."""

    labels: Labels
    style: NumberStyle
    unit: str = "万元"

    def money(self, value: Optional[Decimal]) -> str:
        return "" if value is None else format_amount(value * _SCALE[self.unit], self.style)

    def rate(self, value: Optional[Decimal]) -> str:
        return "" if value is None else format_percent(value, self.style)

    def zero_rate(self) -> str:
        return format_percent(Decimal(0), self.style)

    def label(self, key: str, **values: object) -> str:
        return self.labels(key, **values)

    def cells(self, texts: Sequence[str], widths: Sequence[int], align: str = "center") -> tuple[Cell, ...]:
        return tuple(c(t, colspan=w, align=align) for t, w in zip(texts, widths))
