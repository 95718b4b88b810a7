"""Table rows broken down by "其中" rows: a part cannot exceed the row it is part of.

"3.公务用车费 | 0 | 0" followed by "其中:(1)公务用车运行维护费 | 32.65 | 32.65" and "(2)公务用车
购置 | 0 | 0": the parts add up to 32.65 in each column, and the row they belong to says 0.
Text extraction drops blank cells, so when the rows have different numbers of figures the
parts are placed in the row's columns every order-keeping way; only when none fits is it wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from reportgen.audit.claims import Where
from reportgen.audit.numbers import NUMBER, Figure, parse_number
from reportgen.audit.text import Cell

_AMOUNT = re.compile(rf"^-?\s*({NUMBER})\s*(?:万元|元)?$")
_SUB_FIRST = re.compile(r"^其中[:：]?")
_SUB_NEXT = re.compile(r"^(?:[(（]\d{1,2}[)）]|\d{1,2}[.、](?!\d))")
_WORDS = re.compile(r"[\u4e00-\u9fff]")  # a row's label is words, not a stray figure or percentage
_MAX_ROW = 16  # figures in one row: wider runs are not rows of a breakdown


@dataclass(frozen=True)
class _Row:
    label: Cell
    values: list[tuple[Cell, Figure]]


@dataclass(frozen=True)
class SubRows:
    """A row, the 其中 rows under it, and the column sums that must not exceed it."""

    where: Where
    parent: _Row
    sums: list[tuple[Decimal, Decimal]]  # interval of each sub-row column's sum
    stated: str  # the parent figure(s) the parts exceed


def subrow_claims(cells: list[Cell]) -> list[SubRows]:
    rows = _rows(cells)
    claims = []
    for i, row in enumerate(rows[1:], 1):
        parent = rows[i - 1]
        if not _SUB_FIRST.match(row.label.text) or _SUB_FIRST.match(parent.label.text):
            continue
        group = [row] + _following(rows, i + 1)
        claim = _check(parent, group)
        if claim is not None:
            claims.append(claim)
    return claims


def _rows(cells: list[Cell]) -> list[_Row]:
    """A label cell followed by a run of amounts; labels without amounts are not rows."""
    rows, i = [], 0
    while i < len(cells):
        label, values = cells[i], []
        i += 1
        while i < len(cells) and (m := _AMOUNT.match(cells[i].text)):
            values.append((cells[i], parse_number(m.group(1))))
            i += 1
        if values and len(values) <= _MAX_ROW and _WORDS.search(label.text):
            rows.append(_Row(label, values))
    return rows


def _following(rows: list[_Row], start: int) -> list[_Row]:
    """The "(2)…", "(3)…" rows that continue a 其中 group."""
    group = []
    for row in rows[start:]:
        if not _SUB_NEXT.match(row.label.text):
            break
        group.append(row)
    return group


def _check(parent: _Row, group: list[_Row]) -> SubRows | None:
    width = len(group[0].values)
    if any(len(r.values) != width for r in group):
        return None
    sums = [
        (sum(r.values[c][1].interval()[0] for r in group), sum(r.values[c][1].interval()[1] for r in group))
        for c in range(width)
    ]
    whole = [f.interval() for _, f in parent.values]
    if width == len(whole):
        bad = [c for c in range(width) if sums[c][0] > whole[c][1]]
        if not bad:
            return None
        stated = parent.values[bad[0]][0].text
    elif _fits(sums, whole):
        return None
    else:
        stated = " ".join(c.text for c, _ in parent.values)
    row = f"{parent.label.text} {' '.join(c.text for c, _ in parent.values)}；" + "；".join(
        f"{r.label.text} {' '.join(c.text for c, _ in r.values)}" for r in group
    )
    where = Where(line=parent.values[0][0].line, row=row if len(row) <= 200 else row[:197] + "…")
    return SubRows(where, parent, sums, stated)


def _fits(sums: list[tuple[Decimal, Decimal]], whole: list[tuple[Decimal, Decimal]]) -> bool:
    """Whether the part columns can sit in the parent's columns, in order, each within it
    (greedy: each part takes the first column left that can hold it, which is optimal)."""
    j = 0
    for low, _ in sums:
        while j < len(whole) and low > whole[j][1]:
            j += 1
        if j == len(whole):
            return False
        j += 1
    return True
