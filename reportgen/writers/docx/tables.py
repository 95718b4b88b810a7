"""Tables: title and unit lines, a fixed grid, merged header cells repeated on every page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportgen.document.grid import Slot, walk
from reportgen.document.nodes import Cell, Table
from reportgen.errors import WriterError
from reportgen.writers.docx._ooxml import BOLD, NEEDS_CARE, ppr, run
from reportgen.writers.docx.page import text_width
from reportgen.writers.docx.paging import Pager
from reportgen.writers.docx.styles import CELL_MARGINS, TABLE_BORDERS, TABLE_STYLE

if TYPE_CHECKING:
    from reportgen.writers.docx.body import BodyWriter

# The four cell paragraph properties, built once: a 13-table document has thousands of cells.
_CELL_PPR = {a: ppr("TableText", align=a) for a in ("left", "center", "right", "justify")}
_CELL_OPEN = {
    (align, bold): f"<w:p>{props}<w:r>" + (f"<w:rPr>{BOLD}</w:rPr>" if bold else "")
    for align, props in _CELL_PPR.items()
    for bold in (False, True)
}


# Rows at least 7 mm high, never split across pages; header rows repeat on every page.
_BODY_TR = '<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="397"/></w:trPr>'
_HEADER_TR = '<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="397"/><w:tblHeader/></w:trPr>'


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
    widths = column_widths(table, width)
    slots = walk(table.header + table.body, len(widths), table.title)  # one walk for XML and paging
    out.raw(table_xml(table, widths, slots))
    heights = Pager.row_heights(slots, [w / 20 for w in widths])
    out.pager.table(heights, len(table.header))
    for note in table.notes:
        out.paragraph("TableNote", note)


def column_widths(table: Table, total: int) -> list[int]:
    """Twips per grid column from the relative `widths`, summing exactly to `total`.

    >>> from reportgen.document.nodes import Cell
    >>> column_widths(Table("t", header=((Cell("a"), Cell("b"), Cell("c")),), body=(),
    ...                     widths=(2, 1, 1)), 1000)
    [500, 250, 250]
    """
    n = table.n_cols
    relative = table.widths or (1,) * n
    if len(relative) != n or min(relative, default=1) <= 0:
        raise WriterError(f"表“{table.title}”有 {n} 列，但给出了 {len(relative)} 个列宽：{relative}")
    whole = sum(relative)
    widths = [total * r // whole for r in relative]
    widths[-1] += total - sum(widths)
    return widths


def table_xml(table: Table, widths: list[int], slots: Sequence[Sequence[Slot]]) -> str:
    """The w:tbl: fixed layout so the relative widths hold in every client; `slots` is the
    table's grid walk (reportgen.document.grid)."""
    width = sum(widths)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    props = (
        f'<w:tblPr><w:tblStyle w:val="{TABLE_STYLE}"/><w:tblW w:w="{width}" w:type="dxa"/>'
        f'<w:jc w:val="center"/>{TABLE_BORDERS}<w:tblLayout w:type="fixed"/>{CELL_MARGINS}'
        "</w:tblPr>"
    )
    return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{_rows(table, slots, widths)}</w:tbl>"


def _rows(table: Table, grid: Sequence[Sequence[Slot]], widths: list[int]) -> str:
    """Each grid row as w:tr; positions a cell from a row above still covers get a vMerge
    continuation cell, which WordprocessingML needs in every row."""
    plain = [_tc_open(w) for w in widths]  # the common cell: one column, no merge
    # ...and all that comes before its text, by column, alignment and weight.
    usual = {(col, style): f"{tc}{opening}<w:t>" for col, tc in enumerate(plain) for style, opening in _CELL_OPEN.items()}
    out = []
    append = out.append  # thousands of cells per document: the loop is kept lean
    n_header = len(table.header)
    for r, slots in enumerate(grid):
        append(_HEADER_TR if r < n_header else _BODY_TR)
        for col, span, cell, continued in slots:
            if continued:
                append(_tc_open(sum(widths[col:col + span]), span, "<w:vMerge/>") + "<w:p/></w:tc>")
                continue
            text = cell.text
            simple = text and NEEDS_CARE.search(text) is None and text[0] != " " and text[-1] != " "
            if span == 1 and cell.rowspan == 1:
                if simple:  # the usual cell (an amount, a name): no escaping, no line breaks, one w:t
                    append(f"{usual[col, (cell.align, cell.bold)]}{text}</w:t></w:r></w:p></w:tc>")
                    continue
                append(plain[col])
            else:
                merge = '<w:vMerge w:val="restart"/>' if cell.rowspan > 1 else ""
                append(_tc_open(sum(widths[col:col + span]), span, merge))
            if simple:
                append(f"{_CELL_OPEN[cell.align, cell.bold]}<w:t>{text}</w:t></w:r></w:p></w:tc>")
            else:
                append(_cell_content(cell))
        append("</w:tr>")
    return "".join(out)


def _tc_open(width: int, span: int = 1, merge: str = "") -> str:
    grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid_span}{merge}'
        '<w:vAlign w:val="center"/></w:tcPr>'
    )


def _cell_content(cell: Cell) -> str:
    """The paragraph of a cell that is empty or needs care (escaping, breaks, edge spaces), and
    the closing tag of the w:tc; _rows writes the usual cell itself."""
    text = cell.text
    if not text:
        return f"<w:p>{_CELL_PPR[cell.align]}</w:p></w:tc>"
    return f"<w:p>{_CELL_PPR[cell.align]}{run(text, BOLD if cell.bold else '')}</w:p></w:tc>"
