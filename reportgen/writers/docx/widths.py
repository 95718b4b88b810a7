"""Column widths from content: no number, unit or short label ever breaks across lines.

A table node gives relative widths, a guess at proportions made before any text was known. The
writer keeps them as the weights of its columns, within two bounds it measures in the cells,
in every table alike (公开表 and 绩效 forms):

- at least the width of the widest piece of text that must stay on one line in the column
  (measure.tokens: "12,426.736", "≤300000", "45万人", "（万元）", "权重", "度量单位");
- at most the width its longest text needs on one line: a column of short figures does not
  take room a column of long indicator names could use.

Each column gets t × its weight, clamped to its bounds, with t chosen so that the columns fill
the width exactly; when every text fits on one line with room to spare, only the lower bound
holds and the weights share the rest.
"""

from __future__ import annotations

import math

from reportgen.document.grid import walk
from reportgen.document.nodes import Table
from reportgen.errors import WriterError
from reportgen.writers.docx.measure import longest_unbreakable, width

#: The sizes of table text, in points, by style: 五号, and 小五 for a table whose columns cannot
#: hold their unbreakable pieces at 五号 (nine columns of four-hanzi labels on an upright page).
TABLE_STYLES = (("TableText", 10.5), ("TableTextSmall", 9.0))
#: A cell's left and right margins (styles.CELL_MARGINS), twips.
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


def table_style(table: Table, total: int) -> tuple[str, float]:
    """The style and size of a table's text: 五号 if every column's unbreakable pieces fit in
    `total` twips, else 小五."""
    for style, size in TABLE_STYLES:
        if sum(_bounds(table, size)[0]) <= total:
            return style, size
    return TABLE_STYLES[-1]


def _bounds(table: Table, size: float) -> tuple[list[int], list[int]]:
    """Twips each column needs at least (its unbreakable pieces, a cell spanning several columns
    asking each for an equal share) and at most (the texts of its own cells on one line)."""
    n = table.n_cols
    need, want = [0] * n, [0] * n
    for row in walk(table.header + table.body, n, table.title):
        for s in row:
            if s.continued or not s.cell.text:
                continue
            lines = s.cell.text.split("\n")
            least = max(longest_unbreakable(line, size, s.cell.bold) for line in lines)
            most = max(width(line, size, bold=s.cell.bold) for line in lines)
            for c in range(s.col, s.col + s.span):
                need[c] = max(need[c], math.ceil(_twips(least) / s.span))
            if s.span == 1:  # a long text across columns wraps as it must: it asks no column for more
                want[s.col] = max(want[s.col], _twips(most))
    return need, [max(w, lo) for w, lo in zip(want, need)]


def _twips(points: float) -> int:
    return math.ceil(points * 20) + 2 * CELL_MARGIN + _SLACK


def minimum_widths(table: Table, size: float = 10.5) -> list[int]:
    """Twips each column needs so that none of its cells breaks an unbreakable piece."""
    return _bounds(table, size)[0]


def column_widths(table: Table, total: int, size: float = 10.5) -> list[int]:
    """Twips per grid column, summing exactly to `total` (see the module's docstring).

    >>> from reportgen.document.nodes import Cell
    >>> t = Table("t", header=((Cell("项目"), Cell("金额")),), body=((Cell("收入"), Cell("12,426,736.00")),),
    ...           widths=(6, 1))
    >>> column_widths(t, 3000)
    [1648, 1352]
    """
    relative = relative_widths(table)
    need, want = _bounds(table, size)
    if sum(need) >= total:  # cannot fit: every column gets its share of what there is
        exact = [total * w / sum(need) for w in need]
    else:
        # With room to spare for every text on one line, the weights decide above the minima.
        upper = want if sum(want) > total else [math.inf] * len(want)

        def filled(t: float) -> list[float]:
            return [min(max(t * r, lo), hi) for r, lo, hi in zip(relative, need, upper)]
        low, high = 0.0, total / min(relative)
        for _ in range(60):  # sum(filled(t)) grows with t: bisect for the t that fills the width
            middle = (low + high) / 2
            low, high = (middle, high) if sum(filled(middle)) < total else (low, middle)
        exact = filled(high)
    result = [int(w) for w in exact]
    # The rounding remainder goes to the widest column that is not held at its minimum.
    spare = max(range(len(result)), key=lambda c: (result[c] > need[c], result[c]))
    result[spare] += total - sum(result)
    return result
