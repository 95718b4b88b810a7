"""Markdown writer: one function per block kind; spanning table headers are flattened to one row."""

from __future__ import annotations

import re
from typing import Callable

from reportgen.charts import render_svg
from reportgen.document.grid import texts
from reportgen.document.nodes import (
    Block, Cover, Document, Figure, Heading, PageBreak, Paragraph, Row, Table, TableOfContents,
)


def write(document: Document, stem: str) -> dict[str, bytes]:
    """The document as `<stem>.md` (UTF-8, one blank line between blocks, final newline) and
    each chart as `<stem>_图/图N.svg`."""
    images = image_names(document, stem)
    files = {f"{stem}.md": _text(document, images).encode("utf-8")}
    files.update({name: render_svg(document.blocks[i]) for i, name in images.items()})
    return files


def render_text(document: Document, stem: str = "x") -> str:
    """The Markdown as a string, charts linked but not drawn (for tests and snapshots)."""
    return _text(document, image_names(document, stem))


def image_names(document: Document, stem: str) -> dict[int, str]:
    """The file of each chart to draw, by block index: `<stem>_图/图N.svg`, N counting charts.

    A Figure with nothing to draw prints its fallback sentence instead, and has no file.
    """
    drawn = [i for i, b in enumerate(document.blocks) if isinstance(b, Figure) and not b.is_empty]
    return {i: f"{stem}_图/图{n}.svg" for n, i in enumerate(drawn, 1)}


def _text(document: Document, images: dict[int, str]) -> str:
    parts = [_figure(b, images.get(i, "")) if isinstance(b, Figure) else _RENDER[type(b)](b, document)
             for i, b in enumerate(document.blocks)]
    return "\n\n".join(p for p in parts if p) + "\n"


def _cover(b: Cover, _: Document) -> str:
    return "\n\n".join([f"# {inline(b.title)}", *(_escape_start(inline(line)) for line in b.lines)])


def _toc(b: TableOfContents, doc: Document) -> str:
    lines = [f"**{inline(b.title)}**", ""]
    lines += [x for line in b.lines for x in (inline(line), "")]
    for _, h in doc.toc_listing(b.depth):
        lines.append("  " * (h.level - 1) + f"- {inline(h.full_text)}")
    return "\n".join(lines)


def _heading(b: Heading, _: Document) -> str:
    # Level 1 (部分) becomes '##' because '#' is the document title on the cover.
    return "#" * (b.level + 1) + " " + inline(b.full_text)


def _paragraph(b: Paragraph, _: Document) -> str:
    text = _escape_start(inline(b.full_text))
    return f"**{text}**" if b.bold else text


def _escape_start(text: str) -> str:
    # A paragraph that happens to start like Markdown syntax must stay a paragraph.
    if re.match(r"\d+[.)]\s", text):  # "1. " would start an ordered list
        return re.sub(r"^(\d+)", r"\1\\", text, count=1)
    return "\\" + text if text and text[0] in "#>-+*|=" else text


_INLINE = re.compile(r"[\\`*_\[\]]|<(?=[A-Za-z/!?])|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def inline(text: str) -> str:
    """Text as Markdown shows it literally: no emphasis, code, link, image or raw HTML (a
    `<script>` in a data file prints as text), and no control character.

    >>> print(inline("<script>alert(1)</script> a*b* [x](y) 1<2"))
    \\<script>alert(1)\\</script> a\\*b\\* \\[x\\](y) 1<2
    """
    return _INLINE.sub(_escaped, text) if _INLINE.search(text) else text


def _escaped(m: re.Match) -> str:
    return "" if m[0] < " " or m[0] == "\x7f" else "\\" + m[0]


def _table(b: Table, _: Document) -> str:
    lines = [f"**{inline(b.title)}**"]
    meta = "　".join(inline(x) for x in (b.number, b.unit_left, b.unit_right) if x)
    if meta:
        lines += ["", _escape_start(meta)]
    header = flatten_header(b.header, b.n_cols) if b.header else [""] * b.n_cols
    lines += ["", _row(header), "|" + "|".join(_rule(c) for c in _aligns(b)) + "|"]
    lines += [_row(cells) for cells in texts(b.body, b.n_cols)]
    lines += ["", *(_escape_start(inline(n)) for n in b.notes)] if b.notes else []
    return "\n".join(lines)


def _aligns(b: Table) -> list[str]:
    """Each column's alignment: that of its lowest body cell not spanning other columns.

    A 合计 or 栏次 label often spans the label columns of the last row; the rows above still
    say how the column aligns.
    """
    out: list[str | None] = [None] * b.n_cols
    for row in reversed(b.body):
        col = 0
        for cell in row:
            if cell.colspan == 1 and col < b.n_cols and out[col] is None:
                out[col] = cell.align
            col += cell.colspan
    return [a or "left" for a in out]


def _rule(align: str) -> str:
    return {"right": "---:", "center": ":---:"}.get(align, "---")


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(inline(c).replace("|", "\\|").replace("\n", " ") for c in cells) + " |"


def flatten_header(rows: tuple[Row, ...], n_cols: int) -> list[str]:
    """One label per column: the texts of the header cells above it, joined by "·".

    >>> from reportgen.document.nodes import Cell
    >>> flatten_header(((Cell("项目", rowspan=2), Cell("本年支出", colspan=2)),
    ...                 (Cell("基本支出"), Cell("项目支出"))), 3)
    ['项目', '本年支出·基本支出', '本年支出·项目支出']
    """
    grid = texts(rows, n_cols, fill=True)
    labels = []
    for col in range(n_cols):
        parts: list[str] = []
        for r in range(len(rows)):
            if grid[r][col] and (not parts or parts[-1] != grid[r][col]):
                parts.append(grid[r][col])
        labels.append("·".join(parts))
    return labels


def _figure(b: Figure, image: str) -> str:
    """The chart, then its caption "图N 标题" (a 公文 puts a figure's title beneath it).

    >>> from decimal import Decimal
    >>> from reportgen.document.nodes import Series
    >>> pie = Figure("pie", "支出决算结构图", ("基本支出",), (Series("决算数", (Decimal(0),)),),
    ...              fallback="本年度无支出。")
    >>> _figure(pie, "")
    '本年度无支出。'
    >>> print(_figure(Figure("bar", "收、支决算总计变动情况图", ("收入总计",),
    ...     (Series("2023年", (Decimal(1),)),), label="图1"), "a b_图/图1.svg"))
    ![图1 收、支决算总计变动情况图](<a b_图/图1.svg>)
    <BLANKLINE>
    *图1 收、支决算总计变动情况图*
    """
    if b.is_empty:
        return _escape_start(inline(b.fallback))
    caption = inline(f"{b.label} {b.title}".strip())
    # CommonMark reads a link with spaces or brackets only between angle brackets.
    link = f"<{image}>" if any(c in image for c in " ()<>") else image
    return f"![{caption}]({link})\n\n*{caption}*"


def _pagebreak(b: PageBreak, _: Document) -> str:
    return ""


_RENDER: dict[type, Callable[[Block, Document], str]] = {  # Figure: see _text
    Cover: _cover,
    TableOfContents: _toc,
    Heading: _heading,
    Paragraph: _paragraph,
    Table: _table,
    PageBreak: _pagebreak,
}
