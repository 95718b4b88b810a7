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
from bisect import bisect_left
from functools import lru_cache

from reportgen.document.grid import Slot, walk
from reportgen.document.nodes import Table
from reportgen.errors import WriterError
from reportgen.writers.docx.measure import longest_unbreakable, width
from reportgen.writers.docx.glyphs import PER_TEXT

Slots = list[list[Slot]]

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


Bounds = tuple[list[int], list[int]]


def table_style(table: Table, total: int, slots: Slots | None = None) -> tuple[str, float, Bounds]:
    """The style and size of a table's text — 五号 if every column's unbreakable pieces fit in
    `total` twips, else 小五 — and the columns' bounds at that size (see _bounds)."""
    slots = slots if slots is not None else walk(table.header + table.body, table.n_cols, table.title)
    for style, size in TABLE_STYLES:
        bounds = _bounds(table, size, slots)
        if sum(bounds[0]) <= total:
            return style, size, bounds
    return style, size, bounds


def _bounds(table: Table, size: float, slots: Slots | None = None) -> Bounds:
    """Twips each column needs at least (its unbreakable pieces, a cell spanning several columns
    asking each for an equal share) and at most (the texts of its own cells on one line)."""
    n = table.n_cols
    need, want = [0] * n, [0] * n
    for row in slots if slots is not None else walk(table.header + table.body, n, table.title):
        for col, span, cell, continued in row:
            if continued or not cell.text:
                continue
            least, most = _extent(cell.text, size, cell.bold)
            if span == 1:  # the usual cell, without the loop over its columns
                if least > need[col]:
                    need[col] = least
                if most > want[col]:
                    want[col] = most
                continue
            share = math.ceil(least / span)
            for c in range(col, col + span):
                if share > need[c]:
                    need[c] = share
            # A long text across columns asks no column for more.
    return need, [max(w, lo) for w, lo in zip(want, need)]


@lru_cache(maxsize=PER_TEXT)
def _extent(text: str, size: float, bold: bool) -> tuple[int, int]:
    """Twips a cell's text needs at least (its widest unbreakable piece) and at most (its lines unbroken)."""
    lines = text.split("\n")
    least = max(longest_unbreakable(line, size, bold) for line in lines)
    most = max(width(line, size, bold=bold) for line in lines)
    return _twips(least), _twips(most)


def _filled(relative: tuple[int, ...], lower: list[int], upper: list[float], total: int) -> list[float]:
    """Each column's t × weight clamped to [lower, upper], for the t at which they sum to `total`.

    The sum grows piecewise linearly with t, bending where a column leaves its lower bound or
    reaches its upper one: find the piece that holds `total` and solve it (no search).

    >>> _filled((1, 1), [0, 600], [math.inf, math.inf], 1000)
    [400.0, 600]
    >>> _filled((2, 1), [100, 100], [300, math.inf], 900)
    [300, 600.0]
    """
    columns = tuple(zip(relative, lower, upper))  # zipped once: the search probes a few times

    def filled(t: float) -> list[float]:
        # min(max(t * r, lo), hi) without the two calls, the same value (lo <= hi, see
        # column_widths): a document's tables clamp some 700 columns a build.
        return [lo if t * r < lo else hi if t * r > hi else t * r for r, lo, hi in columns]

    bends = sorted({b / r for r, lo, hi in columns for b in (lo, hi) if b != math.inf})
    # The first bend at which the columns reach `total` (the sum only grows with t): found by
    # halving, not by trying each bend in turn.
    k = bisect_left(bends, True, key=lambda t: sum(filled(t)) >= total)
    start = bends[k - 1] if k else 0.0
    end = bends[k] if k < len(bends) else math.inf
    middle = start + 1 if end == math.inf else (start + end) / 2
    slope = sum(r for r, lo, hi in columns if lo < middle * r < hi)
    if slope == 0:
        return filled(start)
    return filled(start + (total - sum(filled(start))) / slope)


def _twips(points: float) -> int:
    return math.ceil(points * 20) + 2 * CELL_MARGIN + _SLACK


def minimum_widths(table: Table, size: float = 10.5) -> list[int]:
    """Twips each column needs so that none of its cells breaks an unbreakable piece."""
    return _bounds(table, size)[0]


def column_widths(table: Table, total: int, size: float = 10.5, bounds: Bounds | None = None) -> list[int]:
    """Twips per grid column, summing exactly to `total` (see the module's docstring).

    >>> from reportgen.document.nodes import Cell
    >>> t = Table("t", header=((Cell("项目"), Cell("金额")),), body=((Cell("收入"), Cell("12,426,736.00")),),
    ...           widths=(6, 1))
    >>> column_widths(t, 3000)
    [1648, 1352]
    """
    relative = relative_widths(table)
    need, want = bounds if bounds is not None else _bounds(table, size)
    if sum(need) >= total:  # cannot fit: every column gets its share of what there is
        exact = [total * w / sum(need) for w in need]
    else:
        # With room to spare for every text on one line, the weights decide above the minima.
        upper = want if sum(want) > total else [math.inf] * len(want)
        exact = _filled(relative, need, upper, total)
    result = [int(w) for w in exact]
    # The rounding remainder goes to the widest column that is not held at its minimum.
    spare = max(range(len(result)), key=lambda c: (result[c] > need[c], result[c]))
    result[spare] += total - sum(result)
    return result
