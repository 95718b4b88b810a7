"""The document model: the small closed set of blocks that templates produce and writers consume.

Writers know these classes and nothing about finance; every label and figure in them is already
final text. Amounts in figures stay Decimal so that a chart is drawn from exact values.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, Union

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Cover:
    """A cover page: the document title and the lines beneath it (e.g. 公开时间)."""

    title: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableOfContents:
    """A 目录 listing the headings up to `depth`; writers fill it from the document's headings.

    `lines` print under the title, above the entries (the 公开时间 of a 决算).
    """

    title: str = "目录"
    depth: int = 2
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Heading:
    """A heading; `level` 1 is a 部分, 2 is 一、, 3 is （一）, 4 is 1., 5 is （1）.

    `label` is the generated number ("第一部分", "一、"), empty for an unnumbered heading.
    """

    level: int
    text: str
    label: str = ""

    @property
    def full_text(self) -> str:
        """The heading as printed: 部分 labels are followed by a space, the others are not."""
        if not self.label:
            return self.text
        return f"{self.label} {self.text}" if self.level == 1 else self.label + self.text


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph; `label` is a generated item number ("1.", "（1）") printed before it.

    `indent` is the 2-字 first-line indent of 公文 body text; titles of annexes and tables
    are centred and not indented.
    """

    text: str
    label: str = ""
    align: Align = "justify"
    indent: bool = True
    bold: bool = False

    @property
    def full_text(self) -> str:
        return self.label + self.text


@dataclass(frozen=True)
class Cell:
    """One table cell; a spanning cell covers `colspan` × `rowspan` grid positions.

    Rows list only the cells that start in them (as in HTML): covered positions are omitted.
    `value` is the exact figure an amount cell prints (in the table's unit), for writers that keep
    numbers as numbers (a workbook cell holds the figure, not its rounded text).
    """

    text: str
    colspan: int = 1
    rowspan: int = 1
    align: Align = "left"
    bold: bool = False
    value: Decimal | None = None


Row = tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """A table with a title, an optional 公开NN表 number, a unit line and spanning header rows.

    `widths` are relative column widths (None: equal), which writers widen where a column's
    numbers or short labels would otherwise break; `landscape` asks for a landscape page.
    `notes` print under the table (e.g. "本单位无政府性基金预算财政拨款收支，故本表为空表。").
    `heading_rows` are body rows (by index) that head the rows below them, as the column headings
    of a form's indicator part do: writers repeat them, like `header`, on the pages that part
    continues on.
    """

    title: str
    header: tuple[Row, ...]
    body: tuple[Row, ...]
    number: str = ""
    unit_left: str = ""
    unit_right: str = ""
    notes: tuple[str, ...] = ()
    widths: tuple[int, ...] | None = None
    landscape: bool = False
    heading_rows: tuple[int, ...] = ()

    @property
    def n_cols(self) -> int:
        rows = self.header or self.body
        return sum(c.colspan for c in rows[0]) if rows else 0


@dataclass(frozen=True)
class Series:
    """One data series of a chart, in the figure's unit.

    `labels` are the values as the text prints them ("24.91%" for a pie's shares, "568.27" for
    a bar), one per value, so that a chart never rounds a figure differently from the text.
    """

    name: str
    values: tuple[Decimal, ...]
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A chart drawn from exact figures: `kind` is "bar" (series side by side) or "pie" (one series).

    `label` is the generated number ("图1"); `fallback` is the sentence printed instead of a
    chart with nothing to draw.
    """

    kind: Literal["bar", "pie"]
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = "万元"
    label: str = ""
    fallback: str = ""

    @property
    def is_empty(self) -> bool:
        """Nothing worth drawing: every value zero, or a pie of a single slice (its "100%" says
        nothing the sentence before it does not).

        >>> one = Figure("pie", "收入结构", ("甲", "乙"), (Series("决算数", (Decimal(5), Decimal(0))),))
        >>> one.is_empty
        True
        """
        if self.kind == "pie":
            return sum(1 for s in self.series for v in s.values if v != 0) < 2
        return all(v == 0 for s in self.series for v in s.values)


@dataclass(frozen=True)
class PageBreak:
    """Start a new page (between 部分, before each 附件)."""


Block = Union[Cover, TableOfContents, Heading, Paragraph, Table, Figure, PageBreak]


@dataclass(frozen=True)
class Document:
    """A whole document: its title (file metadata and cover) and its blocks in reading order.

    `tables` are the tables posted beside the document as a workbook (a 决算's 公开表, whether its
    text prints them or, as a 重庆 决算公开说明, does not).

    `date` is the document's own date (its 公开时间, else the end of its report year), which
    file metadata carries.
    """

    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    tables: tuple[Table, ...] = ()
    date: datetime.date | None = None

    def headings(self, depth: int = 9) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading) and b.level <= depth]

    def toc_listing(self, depth: int) -> list[tuple[int, Heading]]:
        """The 目录's entries as (position among all headings, heading).

        An unnumbered heading (an annex's own title) and the headings beneath it stay out of
        the 目录, as in the published documents, which list "第四部分 附件" alone.
        """
        listed, hidden_below = [], None
        for index, h in enumerate(self.headings()):
            if hidden_below is not None and h.level > hidden_below:
                continue
            hidden_below = h.level if not h.label else None
            if h.label and h.level <= depth:
                listed.append((index, h))
        return listed
