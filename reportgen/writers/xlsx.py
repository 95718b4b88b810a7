"""A document's tables as an Excel workbook, one sheet per table, laid out as 公开表 are posted.

Each sheet: the title, the table's number (公开01表) on the right, the unit line (部门：… ‖
金额单位：…), the header rows with their merged cells, the body (栏次, 合计 …), then the notes as
"注：…" lines. An amount cell holds the exact figure (Cell.value) shown with the document's
decimals, so the workbook agrees with the printed tables and reads back to the same figures
(`reportgen import`). openpyxl writes the workbook; the zip is then rewritten with one fixed
timestamp, so the same document gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reportgen.document.grid import walk
from reportgen.document.nodes import Cell, Document, Table
from reportgen.errors import WriterError
from reportgen.writers.docx.package import build_date

SUFFIX = ".xlsx"
#: Excel refuses these in a sheet name, and names longer than 31 characters.
_BAD_NAME = re.compile(r"[\[\]:*?/\\]")
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*")
_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "left"}


def write(document: Document, stem: str) -> dict[str, bytes]:
    """`<stem>.xlsx`: the document's posted tables (Document.tables), else the tables it prints."""
    tables = document.tables or tuple(b for b in document.blocks if isinstance(b, Table))
    if not tables:
        raise WriterError("文档中没有表格，无法写出 Excel 工作簿")
    book = Workbook()
    book.remove(book.active)
    names: set[str] = set()
    for table in tables:
        _sheet(book.create_sheet(_sheet_name(table, names)), table)
    when = build_date().replace(tzinfo=None)
    book.properties.title = document.title
    book.properties.creator = "reportgen"
    book.properties.created = book.properties.modified = when
    buffer = io.BytesIO()
    book.save(buffer)
    return {stem + SUFFIX: _fixed_zip(buffer.getvalue(), when)}


def _sheet_name(table: Table, taken: set[str]) -> str:
    """"公开01表 收入支出决算总表", cut at Excel's 31 characters and made unique."""
    base = _BAD_NAME.sub("", f"{table.number} {table.title}".strip())[:31] or "表"
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base[:31 - len(str(n)) - 1]}_{n}"
    taken.add(name)
    return name


def _sheet(ws: Worksheet, table: Table) -> None:
    n = max(table.n_cols, 1)
    ws.cell(1, 1, table.title).font = Font(bold=True, size=16)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.row_dimensions[1].height = 30
    if table.number:
        ws.cell(2, n, table.number).alignment = Alignment(horizontal="right")
    if table.unit_left:
        ws.cell(3, 1, table.unit_left)
    if table.unit_right:
        ws.cell(3, n, table.unit_right).alignment = Alignment(horizontal="right")
    row = _rows(ws, table, table.header, 4, bold=True)
    row = _rows(ws, table, table.body, row, bold=False)
    for note in table.notes:
        ws.cell(row, 1, note if note.startswith("注") else f"注：{note}")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=n)
        row += 1
    _widths(ws, table, n)
    ws.page_setup.orientation = "landscape" if table.landscape else "portrait"
    ws.print_title_rows = f"{4}:{3 + len(table.header)}" if table.header else None


def _rows(ws: Worksheet, table: Table, rows: tuple, first: int, bold: bool) -> int:
    """Write `rows` from row `first` with their merged spans; returns the next free row."""
    for r, slots in enumerate(walk(rows, table.n_cols, table.title)):
        for s in slots:
            for c in range(s.col, s.col + s.span):
                ws.cell(first + r, c + 1).border = _BOX
            if s.continued:
                continue
            target = ws.cell(first + r, s.col + 1)
            _fill(target, s.cell, bold)
            if s.span > 1 or s.cell.rowspan > 1:
                ws.merge_cells(start_row=first + r, start_column=s.col + 1,
                               end_row=first + r + s.cell.rowspan - 1, end_column=s.col + s.span)
    return first + len(rows)


def _fill(target, cell: Cell, bold: bool) -> None:
    """An amount as a number shown with the printed decimals; anything else as its text."""
    if cell.value is not None and cell.text:
        target.value = _number(cell.value)
        places = len(cell.text.rpartition(".")[2]) if "." in cell.text else 0
        target.number_format = "#,##0" + ("." + "0" * places if places else "")
    else:
        target.value = cell.text or None
        if target.data_type == "f":  # a name typed "=…" is text, never a formula run in Excel
            target.data_type = "s"
    target.alignment = Alignment(horizontal=_ALIGN[cell.align], vertical="center", wrap_text=True)
    if bold or cell.bold:
        target.font = Font(bold=True)


def _number(value: Decimal) -> int | float:
    # A whole figure stays an integer; otherwise the float nearest the Decimal, which Excel and
    # the importer (15 significant digits) read back as the same Decimal.
    return int(value) if value == value.to_integral_value() else float(value)


def _widths(ws: Worksheet, table: Table, n: int) -> None:
    weights = table.widths if table.widths and len(table.widths) == n else (1,) * n
    total = sum(weights) or 1
    for i, w in enumerate(weights, 1):
        ws.column_dimensions[get_column_letter(i)].width = round(4 + 110 * w / total, 1)


def _fixed_zip(data: bytes, when: datetime) -> bytes:
    """The same entries, in the same order, with one timestamp and no host-specific bits (openpyxl
    stamps the zip entries and docProps' `modified` with the time of saving)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    stamp = max(when.timetuple()[:6], (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + when.strftime("%Y-%m-%dT%H:%M:%SZ").encode(), content)
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(fixed, content)
    return out.getvalue()
