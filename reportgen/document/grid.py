"""The one walk over a table's grid: where each cell of each row sits, and what its spans cover.

Rows list only the cells that start in them (as in HTML); a cell starts after the positions a
rowspan from above still covers. Every writer and the page estimate read the table through this
walk, so they can never disagree about which column a cell is in.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

from reportgen.document.nodes import Cell, Row
from reportgen.errors import WriterError

EMPTY = Cell("")
_new = tuple.__new__  # a Slot straight from its fields, without NamedTuple's Python-level __new__


class Slot(NamedTuple):
    """A run of grid positions in one row: the cell that starts there (`continued` False), or the
    positions a cell from a row above still covers (`continued` True, `cell` being that cell).

    A named tuple, not a frozen dataclass: a 决算's tables make thousands of slots per build and
    a frozen dataclass's __init__ costs four times as much."""

    col: int
    span: int
    cell: Cell
    continued: bool = False


def walk(rows: Sequence[Row], n_cols: int, title: str = "") -> list[list[Slot]]:
    """Each row as its slots, left to right, covering all `n_cols` columns (a short row is padded).

    >>> rows = ((Cell("产出", rowspan=2), Cell("数量"), Cell("10")), (Cell("质量"), Cell("5")))
    >>> [[(s.col, s.cell.text, s.continued) for s in r] for r in walk(rows, 3)]
    [[(0, '产出', False), (1, '数量', False), (2, '10', False)], [(0, '产出', True), (1, '质量', False), (2, '5', False)]]
    """
    covered: dict[int, tuple[int, Cell]] = {}  # column → (rows still covered, the covering cell)
    out: list[list[Slot]] = []
    for r, row in enumerate(rows):
        if not covered and len(row) <= n_cols and _one_by_one(row):
            # The usual body row, one cell a column: most of a 决算's thousands of cells.
            padded = (*row, *(EMPTY,) * (n_cols - len(row)))
            out.append([_new(Slot, (col, 1, cell, False)) for col, cell in enumerate(padded)])
            continue
        cells = iter(row)
        slots: list[Slot] = []
        col = 0
        while col < n_cols:
            if col in covered:
                left, cell = covered.pop(col)
                if left > 1:
                    covered[col] = (left - 1, cell)
                slots.append(_new(Slot, (col, cell.colspan, cell, True)))
                col += cell.colspan
                continue
            cell = next(cells, None) or EMPTY
            # (a one-column cell's own column was tested above: only a wider cell can overlap)
            if col + cell.colspan > n_cols or (cell.colspan > 1 and covered and
                                               any(c in covered for c in range(col, col + cell.colspan))):
                raise WriterError(f"表“{title}”第 {r + 1} 行的单元格“{cell.text}”超出了表格的列")
            if cell.rowspan > 1:
                covered[col] = (cell.rowspan - 1, cell)
            slots.append(_new(Slot, (col, cell.colspan, cell, False)))
            col += cell.colspan
        if next(cells, None) is not None:
            raise WriterError(f"表“{title}”第 {r + 1} 行的单元格多于 {n_cols} 列")
        out.append(slots)
    return out


def _one_by_one(row: Row) -> bool:
    """No cell of the row spans (a loop, not all() over a generator: a third of the time)."""
    for c in row:
        if c.colspan != 1 or c.rowspan != 1:
            return False
    return True


def texts(rows: Sequence[Row], n_cols: int, fill: bool = False) -> list[list[str]]:
    """The text in each grid position: a spanning cell's text in its first position and, unless
    `fill`, "" in the positions it covers.

    >>> texts(((Cell("项目", rowspan=2), Cell("本年支出", colspan=2)), (Cell("基本"), Cell("项目"))), 3, fill=True)
    [['项目', '本年支出', '本年支出'], ['项目', '基本', '项目']]
    """
    grid = [[""] * n_cols for _ in rows]
    for r, slots in enumerate(walk(rows, n_cols)):
        for s in slots:
            if fill:
                grid[r][s.col:s.col + s.span] = [s.cell.text] * s.span
            elif not s.continued:
                grid[r][s.col] = s.cell.text
    return grid
