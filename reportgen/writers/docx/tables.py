"""Tables: title and unit lines, a fixed grid with widths from content, merged header cells
repeated on every page, and rows kept together so that no table leaves a short tail."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from reportgen.document.grid import Slot, walk
from reportgen.document.nodes import Cell, Table
from reportgen.writers.docx._ooxml import BOLD, NEEDS_CARE, ppr, run
from reportgen.writers.docx.measure import break_cell, width as text_width_pt
from reportgen.writers.docx.page import text_width
from reportgen.writers.docx.paging import RULE, TAIL_ROWS, Pager, metrics
from reportgen.writers.docx.styles import CELL_MARGINS, TABLE_BORDERS, TABLE_STYLE
from reportgen.writers.docx.widths import CELL_MARGIN, TABLE_STYLES, column_widths, table_style
from reportgen.writers.docx.glyphs import PER_TEXT

CELL_MARGIN_PT = CELL_MARGIN / 20
_SIZES = dict(TABLE_STYLES)

if TYPE_CHECKING:
    from reportgen.writers.docx.body import BodyWriter

__all__ = ["column_widths", "write", "item_lines"]

# The cell paragraph properties, built once: a 13-table document has thousands of cells.
_ALIGNS = ("left", "center", "right", "justify")
_CELL_PPR = {(style, a, keep): ppr(style, align=a, keep_next=keep)
             for style, _ in TABLE_STYLES for a in _ALIGNS for keep in (False, True)}
_CELL_OPEN = {
    (*key, bold): f"<w:p>{props}<w:r>" + (f"<w:rPr>{BOLD}</w:rPr>" if bold else "")
    for key, props in _CELL_PPR.items()
    for bold in (False, True)
}

# Rows at least 7 mm high, never split across pages; header rows repeat on every page.
_BODY_TR = '<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="397"/></w:trPr>'
_HEADER_TR = '<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="397"/><w:tblHeader/></w:trPr>'
# Between the parts of a table split at its heading rows: a 1 pt paragraph, so that the clients
# keep two tables (Word would join adjacent ones), the second repeating its own headings.
_JOIN = ('<w:p><w:pPr><w:pStyle w:val="TableText"/>{keep}<w:snapToGrid w:val="0"/>'
         '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
         '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>')
_JOIN_PT = 1.0
#: Items of a line such as the sign-off under a form ("填表人：…　　联系电话：…") are parted
#: by two or more ideographic spaces; a line breaks only between them.
_ITEMS = re.compile("\u3000{2,}")


def write(out: BodyWriter, table: Table) -> None:
    """Title, 公开NN表 number, unit line, the table itself, then its notes."""
    width = text_width(table.landscape)
    if table.title:
        out.paragraph("TableTitle", table.title)
    if table.number:
        out.paragraph("TableUnit", table.number, align="right")
    if table.unit_left or table.unit_right:
        # One line, unit_left at the margin and unit_right against a right tab at the edge.
        text = f"{table.unit_left}\t{table.unit_right}" if table.unit_right else table.unit_left
        tab = f'<w:tab w:val="right" w:pos="{width}"/>'
        out.paragraph("TableUnit", text, tabs=tab if table.unit_left else "",
                      align="" if table.unit_left else "right")
    layout = out.memo.get(id(table))
    if layout is None:
        layout = out.memo[id(table)] = _layout(table, width)
    slots, style, widths, heights, parts = layout
    # Small enough to stay whole: with its title lines and the headings above it (a part's
    # title may stay behind on a page of its own); a taller table splits, headings with its
    # first rows.
    joins = (_JOIN_PT + RULE) * (len(parts) - 1)
    whole = sum(heights) + RULE + joins + out.pager.chained() <= out.pager.height
    if whole:  # placed as one block, whatever its parts
        out.pager.table([*heights[:-1], heights[-1] + joins], len(table.header), whole=True)
    for n, (start, end, header) in enumerate(parts):
        if n:
            out.raw(_JOIN.format(keep="<w:keepNext/>" if whole else ""))
            if not whole:
                out.pager.block(_JOIN_PT)
        xml = out.memo.get((id(table), n, whole))
        if xml is None:
            keep = keep_rows(end - start, header, whole)
            if whole and n < len(parts) - 1:
                keep.add(end - start - 1)  # the part's last row keeps with the next part
            xml = out.memo[id(table), n, whole] = table_xml(table, widths, slots[start:end], header, keep, style)
        out.raw(xml)
        if not whole:
            out.pager.table(heights[start:end], header, whole=False)
    for note in table.notes:
        out.paragraph("TableNote", item_lines(note, width / 20, metrics("TableNote").size))


def _layout(table: Table, width: int) -> tuple[list[list[Slot]], str, list[int], list[float], list[tuple[int, int, int]]]:
    """The table's grid walk, text style, column widths (twips), row heights (points) and parts."""
    slots = walk(table.header + table.body, table.n_cols, table.title)  # one walk for all of them
    style, size, bounds = table_style(table, width, slots)
    widths = column_widths(table, width, size, bounds)
    # A column as wide as its longest text (bounds[1], with margins and slack) sets every
    # text of its own on one line: the row heights need not measure its cells one by one.
    one_line = [most <= w for most, w in zip(bounds[1], widths)]
    heights = Pager.row_heights(slots, [w / 20 for w in widths], style, one_line)
    return slots, style, widths, heights, segments(table, slots)


def segments(table: Table, slots: Sequence[Sequence[Slot]] | None = None) -> list[tuple[int, int, int]]:
    """The table's rows as consecutive parts (start, end, header rows at the start): the first
    part begins with the table's header; each run of `heading_rows` starts another part whose
    headings repeat on its pages. A rowspan across a heading row keeps the table in one part.

    >>> from reportgen.document.nodes import Cell
    >>> t = Table("t", header=((Cell("a"),),), body=tuple((Cell(str(i)),) for i in range(6)),
    ...           heading_rows=(2, 3))
    >>> segments(t)
    [(0, 3, 1), (3, 7, 2)]
    """
    n_header, rows = len(table.header), table.header + table.body
    starts = sorted({n_header + i for i in table.heading_rows if 0 < i < len(table.body)})
    # A run of consecutive heading rows is one part's header.
    firsts = [s for s in starts if s - 1 not in starts]
    if slots is None:
        slots = walk(rows, table.n_cols, table.title)
    if not firsts or _spans_across(slots, firsts):
        return [(0, len(rows), n_header)]
    bounds = [0, *firsts, len(rows)]
    parts = []
    for k in range(len(bounds) - 1):
        start, end = bounds[k], bounds[k + 1]
        header = n_header if k == 0 else sum(1 for s in starts if start <= s < end and
                                              all(x in starts for x in range(start, s + 1)))
        parts.append((start, end, header))
    return parts


def _spans_across(grid: Sequence[Sequence[Slot]], cuts: list[int]) -> bool:
    for r, slots in enumerate(grid):
        for s in slots:
            if not s.continued and any(r < cut < r + s.cell.rowspan for cut in cuts):
                return True
    return False


def keep_rows(n_rows: int, header_rows: int, whole: bool) -> set[int]:
    """The rows whose paragraphs keep with the next row: all but the last when the table fits
    on a page (so it never splits); else the header rows (they stay with the first body row) and
    the rows that hold the last TAIL_ROWS together.

    >>> sorted(keep_rows(10, 2, False)), sorted(keep_rows(4, 1, True))
    ([0, 1, 7, 8], [0, 1, 2])
    """
    if whole:
        return set(range(n_rows - 1))
    keep = set(range(header_rows))
    if n_rows - TAIL_ROWS > header_rows:
        keep |= set(range(n_rows - TAIL_ROWS, n_rows - 1))
    return keep


def item_lines(text: str, line_width: float, size: float) -> str:
    """A line of items parted by ideographic spaces, broken only between items, so that no
    name or number in it breaks; other text is returned as it is.

    >>> item_lines("填表人：张三　　联系电话：8829998　　单位负责人签字：李四", 200, 12)
    '填表人：张三　　联系电话：8829998\\n单位负责人签字：李四'
    """
    items = _ITEMS.split(text)
    if len(items) < 2 or text_width_pt(text, size) <= line_width:
        return text
    gaps = _ITEMS.findall(text)
    lines, current = [], items[0]
    for gap, item in zip(gaps, items[1:]):
        joined = current + gap + item
        if text_width_pt(joined, size) <= line_width:
            current = joined
        else:
            lines.append(current)
            current = item
    lines.append(current)
    return "\n".join(lines)


def table_xml(table: Table, widths: list[int], grid: Sequence[Sequence[Slot]], header_rows: int,
              keep: set[int], style: str = "TableText") -> str:
    """A w:tbl of the rows of `grid` (their walk, document/grid.py): fixed layout so the widths
    hold in every client. A part never starts under a rowspan (see segments)."""
    width = sum(widths)
    columns = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    props = (
        f'<w:tblPr><w:tblStyle w:val="{TABLE_STYLE}"/><w:tblW w:w="{width}" w:type="dxa"/>'
        f'<w:jc w:val="center"/>{TABLE_BORDERS}<w:tblLayout w:type="fixed"/>{CELL_MARGINS}'
        "</w:tblPr>"
    )
    body = _rows(grid, widths, header_rows, keep, style)
    return f"<w:tbl>{props}<w:tblGrid>{columns}</w:tblGrid>{body}</w:tbl>"


def _rows(grid: Sequence[Sequence[Slot]], widths: list[int], header_rows: int,
          keep: set[int], style: str) -> str:
    """Each grid row as w:tr; positions a cell from a row above still covers get a vMerge
    continuation cell, which WordprocessingML needs in every row."""
    plain = [_tc_open(w) for w in widths]  # the common cell: one column, no merge
    out: list[str] = []
    append = out.append  # thousands of cells: one bound method, not a lookup a piece
    for r, slots in enumerate(grid):
        append(_HEADER_TR if r < header_rows else _BODY_TR)
        kept = r in keep
        for col, span, cell, continued in slots:
            if span == 1 and not continued and cell.rowspan == 1:
                append(plain[col])
                append(_cell_content(cell, kept, widths[col], style))
                continue
            width = sum(widths[col:col + span])
            if continued:
                append(_tc_open(width, span, "<w:vMerge/>") + f"<w:p>{_CELL_PPR[style, 'left', kept]}</w:p></w:tc>")
                continue
            append(_tc_open(width, span, '<w:vMerge w:val="restart"/>' if cell.rowspan > 1 else ""))
            append(_cell_content(cell, kept, width, style))
        append("</w:tr>")
    return "".join(out)


def _tc_open(width: int, span: int = 1, merge: str = "") -> str:
    grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid_span}{merge}'
        '<w:vAlign w:val="center"/></w:tcPr>'
    )


def cell_lines(text: str, width: int, bold: bool = False, size: float = 10.5) -> list[str]:
    """The lines of a cell `width` twips wide: as the writer breaks them (measure.break_cell),
    never inside a number with its unit, a bracketed mark or a short label."""
    return list(_cell_lines(text, width, bold, size))


def _cell_lines(text: str, width: int, bold: bool, size: float) -> tuple[str, ...]:
    room = width / 20 - 2 * CELL_MARGIN_PT
    lines = []
    for part in text.split("\n"):
        if text_width_pt(part, size, bold=bold) <= room:
            lines.append(part)
        else:
            lines += break_cell(part, size, room, bold)
    return tuple(lines)


@lru_cache(maxsize=PER_TEXT)
def _cell_text(text: str, width: int, bold: bool, size: float) -> tuple[str, bool]:
    """The cell's text with its line breaks, and whether it goes into one w:t as it is (no
    escaping, no line break, no space at either end: an amount, a name); one cache for both,
    so a batch's workers hold no more than one entry per text."""
    text = "\n".join(_cell_lines(text, width, bold, size))
    return text, NEEDS_CARE.search(text) is None and text[0] != " " and text[-1] != " "


def _cell_content(cell: Cell, keep: bool, width: int, style: str) -> str:
    """The cell's paragraph and the closing tag of the w:tc; a text that wraps is broken by
    the writer (explicit line breaks), so that every client breaks it alike."""
    if not cell.text:
        return f"<w:p>{_CELL_PPR[style, cell.align, keep]}</w:p></w:tc>"
    text, plain = _cell_text(cell.text, width, cell.bold, _SIZES[style])
    if plain:
        return f"{_CELL_OPEN[style, cell.align, keep, cell.bold]}<w:t>{text}</w:t></w:r></w:p></w:tc>"
    return f"<w:p>{_CELL_PPR[style, cell.align, keep]}{run(text, BOLD if cell.bold else '')}</w:p></w:tc>"
