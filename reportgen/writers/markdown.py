"""Markdown writer: one function per block kind; spanning table headers are flattened to one row."""

from __future__ import annotations

from typing import Callable

from reportgen.document.nodes import (
    Block, Cover, Document, Figure, Heading, PageBreak, Paragraph, Row, Table, TableOfContents,
)


def write(document: Document, stem: str) -> dict[str, bytes]:
    """The document as `<stem>.md` (UTF-8, one blank line between blocks, final newline)."""
    parts = [_RENDER[type(b)](b, document) for b in document.blocks]
    text = "\n\n".join(p for p in parts if p) + "\n"
    return {f"{stem}.md": text.encode("utf-8")}


def render_text(document: Document) -> str:
    """The Markdown as a string (for tests and snapshots)."""
    return next(iter(write(document, "x").values())).decode("utf-8")


def _cover(b: Cover, _: Document) -> str:
    return "\n\n".join([f"# {b.title}", *b.lines])


def _toc(b: TableOfContents, doc: Document) -> str:
    lines = [f"**{b.title}**", ""]
    for h in doc.headings(b.depth):
        lines.append("  " * (h.level - 1) + f"- {h.full_text}")
    return "\n".join(lines)


def _heading(b: Heading, _: Document) -> str:
    # Level 1 (部分) becomes '##' because '#' is the document title on the cover.
    return "#" * (b.level + 1) + " " + b.full_text


def _paragraph(b: Paragraph, _: Document) -> str:
    text = _escape_start(b.full_text)
    return f"**{text}**" if b.bold else text


def _escape_start(text: str) -> str:
    # A paragraph that happens to start like Markdown syntax must stay a paragraph.
    return "\\" + text if text[:1] in "#>-+*|" else text


def _table(b: Table, _: Document) -> str:
    lines = [f"**{b.title}**"]
    meta = "　".join(x for x in (b.number, b.unit_left, b.unit_right) if x)
    if meta:
        lines += ["", meta]
    header = flatten_header(b.header, b.n_cols) if b.header else [""] * b.n_cols
    lines += ["", _row(header), "|" + "|".join(_rule(c) for c in _aligns(b)) + "|"]
    lines += [_row(_expand(r, b.n_cols)) for r in b.body]
    lines += ["", *b.notes] if b.notes else []
    return "\n".join(lines)


def _aligns(b: Table) -> list[str]:
    if not b.body:
        return ["left"] * b.n_cols
    out: list[str] = []
    for cell in b.body[-1]:
        out += [cell.align] * cell.colspan
    return out[: b.n_cols] + ["left"] * (b.n_cols - len(out))


def _rule(align: str) -> str:
    return {"right": "---:", "center": ":---:"}.get(align, "---")


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"


def _expand(row: Row, n_cols: int) -> list[str]:
    out: list[str] = []
    for cell in row:
        out += [cell.text] + [""] * (cell.colspan - 1)
    return out + [""] * (n_cols - len(out))


def flatten_header(rows: tuple[Row, ...], n_cols: int) -> list[str]:
    """One label per column: the texts of the header cells above it, joined by "·".

    >>> from reportgen.document.nodes import Cell
    >>> flatten_header(((Cell("项目", rowspan=2), Cell("本年支出", colspan=2)),
    ...                 (Cell("基本支出"), Cell("项目支出"))), 3)
    ['项目', '本年支出·基本支出', '本年支出·项目支出']
    """
    grid: list[list[str]] = [[""] * n_cols for _ in rows]
    taken = [[False] * n_cols for _ in rows]
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while c < n_cols and taken[r][c]:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if r + dr < len(rows) and c + dc < n_cols:
                        taken[r + dr][c + dc] = True
                        grid[r + dr][c + dc] = cell.text if dr == 0 else ""
            c += cell.colspan
    labels = []
    for col in range(n_cols):
        parts: list[str] = []
        for r in range(len(rows)):
            if grid[r][col] and (not parts or parts[-1] != grid[r][col]):
                parts.append(grid[r][col])
        labels.append("·".join(parts))
    return labels


def _figure(b: Figure, _: Document) -> str:
    caption = f"{b.label} {b.title}".strip()
    if b.is_empty and b.fallback:
        return b.fallback
    return f"*{caption}*"


def _pagebreak(b: PageBreak, _: Document) -> str:
    return ""


_RENDER: dict[type, Callable[[Block, Document], str]] = {
    Cover: _cover,
    TableOfContents: _toc,
    Heading: _heading,
    Paragraph: _paragraph,
    Table: _table,
    Figure: _figure,
    PageBreak: _pagebreak,
}
