"""Column widths from content: no number, unit or short label ever breaks across lines.

A table node gives relative widths, a guess at proportions made before any text was known. The
writer keeps those proportions where it can, but first gives each column the width of the widest
piece of text that must stay on one line in it (measure.longest_unbreakable: "12,426.736",
"≤300000", "万元", "权重", "度量单位"), in every table alike: 公开表 and 绩效 forms. The shortfall
is taken from the columns with room to spare (long texts, which wrap at any hanzi).
"""

from __future__ import annotations

import math

from reportgen.document.grid import walk
from reportgen.document.nodes import Table
from reportgen.errors import WriterError
from reportgen.writers.docx.measure import longest_unbreakable

#: 五号 table text, in points, and a cell's left and right margins (styles.CELL_MARGINS), twips.
TABLE_SIZE = 10.5
CELL_MARGIN = 57
#: What LibreOffice and Word keep free beyond the margins (rounding, the cell's border).
_SLACK = 30


def relative_widths(table: Table) -> tuple[int, ...]:
    """The node's relative widths, checked against its columns."""
    n = table.n_cols
    relative = table.widths or (1,) * n
    if len(relative) != n or min(relative, default=1) <= 0:
        raise WriterError(f"表“{table.title}”有 {n} 列，但给出了 {len(relative)} 个列宽：{relative}")
    return relative


def minimum_widths(table: Table) -> list[int]:
    """Twips each column needs so that none of its cells breaks an unbreakable piece; a cell
    spanning several columns asks each of them for an equal share."""
    n = table.n_cols
    need = [0] * n
    for row in walk(table.header + table.body, n, table.title):
        for s in row:
            if s.continued or not s.cell.text:
                continue
            widest = max(longest_unbreakable(line, TABLE_SIZE, s.cell.bold)
                         for line in s.cell.text.split("\n"))
            twips = math.ceil(widest * 20) + 2 * CELL_MARGIN + _SLACK
            share = math.ceil(twips / s.span)
            for c in range(s.col, s.col + s.span):
                need[c] = max(need[c], share)
    return need


def column_widths(table: Table, total: int) -> list[int]:
    """Twips per grid column, summing exactly to `total`: the relative widths, except that no
    column is narrower than its content needs (see the module's docstring).

    >>> from reportgen.document.nodes import Cell
    >>> t = Table("t", header=((Cell("项目"), Cell("金额")),), body=((Cell("收入"), Cell("12,426,736.00")),),
    ...           widths=(6, 1))
    >>> column_widths(t, 3000)
    [1648, 1352]
    """
    relative = relative_widths(table)
    need = minimum_widths(table)
    if sum(need) > total:  # cannot fit: every column gets its share of what there is
        need = [total * w // sum(need) for w in need]
    fixed: dict[int, int] = {}
    while True:
        free = [c for c in range(len(relative)) if c not in fixed]
        if not free:
            widths = {}
            break
        room = total - sum(fixed.values())
        whole = sum(relative[c] for c in free)
        widths = {c: room * relative[c] / whole for c in free}
        short = [c for c in free if widths[c] < need[c]]
        if not short:
            break
        for c in short:
            fixed[c] = need[c]
    exact = {**fixed, **{c: int(w) for c, w in widths.items()}}
    result = [exact[c] for c in range(len(relative))]
    # The rounding remainder goes to the widest column that is not held at its minimum.
    spare = max(range(len(result)), key=lambda c: (c not in fixed, result[c]))
    result[spare] += total - sum(result)
    return result
