"""Expected page numbers: the layout the clients will make, for the numbers in the 目录.

Clients that do not refresh the TOC field print the numbers cached in it, and a refresh must not
change them, so they have to be the true ones. The page is made predictable first: every line
has an exact height (styles.py), table text does not sit on the grid, rows never split, and what
must stay together is marked keep-with-next. Then the layout is followed here: lines broken as
LibreOffice breaks them (measure.py), page and section breaks, keep-with-next chains (a heading
with the first line after it, a small table whole, a table's header with its first row and its
last three rows together), repeated header rows, pictures that never split.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from reportgen.document.grid import Slot
from reportgen.writers.docx.measure import break_cell, break_lines, width
from reportgen.writers.docx.page import LANDSCAPE, PAGE_H, PAGE_W, PORTRAIT
from reportgen.writers.docx._ooxml import twips_mm
from reportgen.writers.docx.styles import PARAGRAPH_STYLES, Style
from reportgen.writers.docx.glyphs import PER_TEXT

SINGLE = 1.3  # single line spacing in multiples of the font size (CJK fonts' ascent + descent)
ROW_MIN = 397 / 20  # tables.py: rows are at least 7 mm high
#: A table's ruling (w:sz 4, half a point) adds to what its text needs: LibreOffice's rows are
#: lines + 0.5 pt high (at least ROW_MIN), and a table not at the head of a page half a point
#: more (measured on its PDFs).
RULE = 0.5
CELL_MARGIN = 57 / 20  # styles.CELL_MARGINS, each side
#: Rows a table keeps together at its end, so that no page holds a shorter tail.
TAIL_ROWS = 3
_EPSILON = 0.01


@dataclass(frozen=True)
class Metrics:
    """A paragraph style in points."""

    size: float
    line: float
    before: float
    after: float
    first_line: float
    left: float
    keep_next: bool
    tracking: float
    bold: bool


@cache
def metrics(style_id: str) -> Metrics:
    """Resolve a style's inherited size, line height, spacing, indents and tracking.

    >>> metrics("Normal")  # doctest: +NORMALIZE_WHITESPACE
    Metrics(size=16.0, line=28.95, before=0.0, after=0.0, first_line=31.4, left=0.0,
            keep_next=False, tracking=-0.3, bold=False)
    """
    chain: list[Style] = []
    styles = {s.id: s for s in PARAGRAPH_STYLES}
    style: Style | None = styles[style_id]
    while style is not None:
        chain.append(style)
        style = styles.get(style.based_on)
    size = next(s.size for s in chain if s.size) / 2
    line = next(s.line for s in chain if s.line)
    first_line = next(s.first_line for s in chain if s.first_line is not None)
    tracking = next(s.tracking for s in chain if s.tracking is not None) / 20
    # Spacing and indents are written whole on each style that sets any of them.
    spaced = next((s for s in chain if s.before or s.after or s.line), chain[0])
    indented = next((s for s in chain if s.first_line is not None or s.left), chain[0])
    return Metrics(size, size * SINGLE if line == -1 else line / 20, spaced.before / 20,
                   spaced.after / 20, first_line / 20, indented.left / 20,
                   any(s.keep_next for s in chain), tracking, any(s.bold for s in chain))


def line_count(text: str, style: str, width: float, indent: bool = True, bold: bool = False) -> int:
    """Lines of a paragraph of `style` set `width` points wide (its own left indent aside)."""
    m = metrics(style)
    first = m.first_line if indent else 0.0
    return len(break_lines(text, m.size, width - m.left, first, m.tracking, bold or m.bold))


def text_area(landscape: bool) -> tuple[float, float]:
    """(width, height) of the 版心 in points, from the twips the DOCX states."""
    m = LANDSCAPE if landscape else PORTRAIT
    paper_w, paper_h = (PAGE_H, PAGE_W) if landscape else (PAGE_W, PAGE_H)
    return ((paper_w - twips_mm(m["left"]) - twips_mm(m["right"])) / 20,
            (paper_h - twips_mm(m["top"]) - twips_mm(m["bottom"])) / 20)


class Pager:
    """Follows the body as it is written and tells on which page each block starts.

    Blocks are placed in order; `place` returns a handle whose page (`page_of`) is final only
    once the next block is placed, since a keep-with-next chain may still move to a new page.
    """

    def __init__(self) -> None:
        self.page = 1
        self.used = 0.0  # points filled on the current page
        self.starts: list[int] = []  # the page each placed block starts on, by handle
        self.styles: list[str] = []  # the style of each placed paragraph ("" for other blocks)
        self.chain: list[tuple[int, float]] = []  # keep-with-next blocks on this page: (handle, height)
        #: Blocks that must start a page themselves: a keep-with-next chain too tall to move
        #: whole with what follows is cut before them (the writer adds the page break).
        self.cuts: list[int] = []
        self.geometry(False)

    def snapshot(self) -> Pager:
        """A copy that placing on does not change."""
        copy = object.__new__(Pager)
        copy.__dict__.update(self.__dict__)
        copy.starts, copy.styles, copy.chain, copy.cuts = (self.starts.copy(), self.styles.copy(),
                                                           self.chain.copy(), self.cuts.copy())
        return copy

    def geometry(self, landscape: bool) -> None:
        self.width, self.height = text_area(landscape)

    def page_of(self, handle: int) -> int:
        return self.starts[handle]

    def new_page(self) -> None:
        self.page += 1
        self.used = 0.0
        self.chain = []

    def section(self, landscape: bool) -> None:
        """A section break: a new page, perhaps of the other orientation."""
        self.new_page()
        self.geometry(landscape)

    def _fits(self, height: float) -> bool:
        return self.used + height <= self.height + _EPSILON

    def _start(self, first: float, break_before: bool) -> int:
        """Begin a block whose first unbreakable part is `first` points high: on a new page if
        asked or if it does not fit, taking along the keep-with-next chain before it."""
        if break_before and self.used:
            self.new_page()
        elif self.used and not self._fits(first):
            # The chain moves along; if all of it and this block cannot share a page, the
            # longest tail of it that can does, and the writer breaks the page before that.
            moved, chained = [], 0.0
            for handle, height in reversed(self.chain):
                if chained + height + first > self.height + _EPSILON:
                    break
                moved.insert(0, handle)
                chained += height
            whole = len(moved) == len(self.chain)
            self.new_page()
            if moved:
                for handle in moved:
                    self.starts[handle] = self.page
                self.used = chained
                if not whole:
                    self.cuts.append(moved[0])
        self.starts.append(self.page)
        self.styles.append("")
        return len(self.starts) - 1

    def _finish(self, handle: int, height: float, keep_next: bool) -> None:
        """Record what a block left on its last page for the chain that may follow."""
        if keep_next and self.starts[handle] == self.page:
            self.chain.append((handle, height))
        else:
            self.chain = []

    def paragraph(self, style: str, text: str, *, indent: bool = True, break_before: bool = False,
                  keep_next: bool | None = None, bold: bool = False) -> int:
        """Place a paragraph; return its handle."""
        m = metrics(style)
        if "\n" in text:
            lines = sum(line_count(part, style, self.width, indent and i == 0, bold)
                        for i, part in enumerate(text.split("\n")))
        else:  # line_count(), inline: a document places some 500 paragraphs
            lines = len(break_lines(text, m.size, self.width - m.left, m.first_line if indent else 0.0,
                                    m.tracking, bold or m.bold))
        keep = m.keep_next if keep_next is None else keep_next
        handle = self._start(m.before + m.line, break_before)
        self.styles[handle] = style
        start_page = self.page
        used = self.used + m.before  # a local: a document places ~2,000 lines
        line, limit = m.line, self.height + _EPSILON
        for _ in range(lines):  # lines flow on; no widow control (docDefaults)
            if used + line > limit:  # not self._fits(line), inline
                self.new_page()
                used = 0.0
            used += line
        self.used = min(used + m.after, self.height)  # space after never pushes to a new page
        if self.page == start_page:  # _finish(), inline: what the chain that may follow needs
            if keep and self.starts[handle] == start_page:
                self.chain.append((handle, m.before + lines * m.line + m.after))
            else:
                self.chain = []
        else:
            self.chain = []  # (keep_next only holds on the page the paragraph started)
        return handle

    def chained(self, *, parts_may_stand_alone: bool = True) -> float:
        """The height of the keep-with-next chain that would move with the next block; a part's
        title (Heading1) at its head may be left on a page of its own."""
        chain = self.chain
        if parts_may_stand_alone:
            while chain and self.styles[chain[0][0]] == "Heading1":
                chain = chain[1:]
        return sum(h for _, h in chain)

    def block(self, height: float, *, keep_next: bool = False, break_before: bool = False) -> int:
        """Place something that never splits (a picture's line) of `height` points."""
        handle = self._start(height, break_before)
        self.used += height
        self._finish(handle, height, keep_next)
        return handle

    def table(self, heights: Sequence[float], header_rows: int, *, whole: bool,
              break_before: bool = False) -> int:
        """Place rows that never split. `whole`: the table stays on one page (every row keeps
        with the next). Otherwise the header rows repeat on each page, the header keeps with
        the first body row, and the last TAIL_ROWS rows keep together."""
        header = sum(heights[:header_rows])
        if whole:
            handle = self._start(sum(heights) + RULE, break_before)
            self.used += sum(heights) + self._top_rule()
            self.chain = []
            return handle
        first_group = header + (heights[header_rows] if len(heights) > header_rows else 0.0)
        handle = self._start(first_group + RULE, break_before)
        self.used += first_group + self._top_rule()
        tail = len(heights) - TAIL_ROWS
        for i in range(header_rows + 1, len(heights)):
            need = sum(heights[i:]) if i == tail else heights[i]
            if not self._fits(need):
                self.new_page()
                self.used = header  # the header rows repeat
            self.used += heights[i]
        self.chain = []
        return handle

    def _top_rule(self) -> float:
        """A table's top rule takes room, except at the head of a page (measured)."""
        return RULE if self.used > _EPSILON else 0.0

    @staticmethod
    def row_heights(slots: Sequence[Sequence[Slot]], widths: Sequence[float], style: str = "TableText",
                    one_line: Sequence[bool] | None = None) -> list[float]:
        """Each row's height in points: its tallest cell's lines, at least the 7 mm minimum.

        Cells are placed by the shared grid walk, so a cell beside a rowspan is measured in its
        own column; a cell spanning several rows only adds height to its last row if those
        rows together are too short for it. `slots` is the table's grid walk (document/grid.py),
        shared with its XML. `one_line` tells the columns whose every text is known to fit
        on one line (widths.py's upper bounds): where a line is no taller than the minimum,
        their cells of one line are not measured (some 1,400 of a 决算's 1,800).
        """
        line = metrics(style).line
        rooms = [w - 2 * CELL_MARGIN for w in widths]  # a one-column cell's room, as _cell_lines has it
        skip = [bool(one_line and one_line[c]) and line + RULE <= ROW_MIN for c in range(len(widths))]
        heights: list[float] = []
        tall = []  # cells spanning rows, (row, col, span, cell): measured once every row is
        for r, row in enumerate(slots):  # one loop a cell, without a call a cell: tables hold thousands
            height = ROW_MIN
            for col, span, cell, continued in row:
                if continued:
                    continue
                if cell.rowspan != 1:
                    if cell.rowspan > 1:
                        tall.append((r, col, span, cell))
                    continue
                if span == 1 and skip[col] and "\n" not in cell.text:
                    continue
                room = rooms[col] if span == 1 else sum(widths[col:col + span]) - 2 * CELL_MARGIN
                need = _line_count_in(cell.text, room, style, cell.bold) * line + RULE
                if need > height:
                    height = need
            heights.append(height)
        for r, col, span, cell in tall:
            last = min(r + cell.rowspan, len(heights)) - 1
            room = sum(widths[col:col + span]) - 2 * CELL_MARGIN
            need = _line_count_in(cell.text, room, style, cell.bold) * line + RULE - sum(heights[r:last + 1])
            if need > 0:
                heights[last] += need
        return heights


@lru_cache(maxsize=PER_TEXT)
def _line_count_in(text: str, room: float, style: str, bold: bool) -> int:
    m = metrics(style)
    lines = 0
    for part in text.split("\n"):
        fits = width(part, m.size, m.tracking, bold) <= room
        lines += 1 if fits else len(break_cell(part, m.size, room, bold))
    return lines


def lines_needed(total: float, pitch: float) -> int:
    """Whole grid lines a picture of `total` points takes on the line grid.

    >>> lines_needed(190.0, 28.95)
    7
    """
    return max(1, math.ceil(total / pitch - _EPSILON))
