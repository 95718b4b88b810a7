"""Workbooks laid out as the 决算 software exports its 公开表, built from a document's tables.

What differs from reportgen's own `-f xlsx` (ecosystem.md Q1): sheet names "公开NN表 <title>"
cut at Excel's 31 characters, the title with its year, amounts in 元 as text with thousand
separators ("1,849,000.00"), 科目编码 in three columns (类 | 款 | 项), a blank filler row after
the 栏次 row and at the end, a 注 line under every table, merged header cells. `python -m
tests.software_workbook` rewrites the bundled example (data/examples/…-公开表.xlsx).
"""

from __future__ import annotations

import io
import sys
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from reportgen.document.grid import walk
from reportgen.document.nodes import Cell, Document, Table
from reportgen.writers.docx.package import build_date
from reportgen.writers.xlsx import _fixed_zip

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data/examples/渠县城乡居民社会养老保险管理局-2023.yaml"
BUNDLED = ROOT / "data/examples/渠县城乡居民社会养老保险管理局-2023-公开表.xlsx"
NOTE = "注：本表金额单位为元；空白单元格表示该项为零。"


def software_workbook(document: Document, year: int, drop: str = "") -> bytes:
    """The document's posted tables as the software lays them out (leaving out the sheet `drop`)."""
    book = Workbook()
    book.remove(book.active)
    for table in document.tables:
        if drop and drop in table.title:
            continue
        name = f"{table.number} {table.title}（{year}年度）"[:31]
        _sheet(book.create_sheet(name), table, year)
    when = build_date().replace(tzinfo=None)
    book.properties.created = book.properties.modified = when
    out = io.BytesIO()
    book.save(out)
    return _fixed_zip(out.getvalue(), when)


def _split(table: Table) -> bool:
    """Tables whose codes print in three columns: those with a 科目编码 column of their own."""
    return any(c.text == "科目编码" for row in table.header for c in row) and "基本支出" not in table.title


def _sheet(ws, table: Table, year: int) -> None:
    split = _split(table)
    rows = []
    for row in table.header:
        rows.append(tuple(_header_cells(row, split)))
    header_rows = len(rows)
    for r, row in enumerate(table.body):
        rows.append(tuple(_body_cells(row, split)))
        if r == 0:
            rows.append(())  # a filler row under the 栏次 row
    rows.append(())
    n = sum(c.colspan for c in rows[0])
    ws.append([f"{year}年度{table.title}"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.append([None] * (n - 1) + [table.number])
    ws.append([f"部门：{table.unit_left.removeprefix('部门：')}"] + [None] * (n - 2) + ["金额单位：元"])
    first = 4
    for r, slots in enumerate(walk(rows, n)):
        for s in slots:
            if s.continued:
                continue
            ws.cell(first + r, s.col + 1, s.cell.text or None)
            if (s.span > 1 or s.cell.rowspan > 1) and r < header_rows:
                ws.merge_cells(start_row=first + r, start_column=s.col + 1,
                               end_row=first + r + s.cell.rowspan - 1, end_column=s.col + s.span)
    ws.append([NOTE])


def _header_cells(row, split: bool):
    for c in row:
        if split and c.text == "科目编码":
            yield from (Cell("类"), Cell("款"), Cell("项"))
        elif split and c.text == "项目" and c.colspan == 2:
            yield Cell("项目", colspan=4, rowspan=c.rowspan)
        else:
            yield c


def _body_cells(row, split: bool):
    cells = list(row)
    if split and cells and cells[0].colspan == 2:  # 合计 over code and name, 栏次
        yield Cell(cells[0].text, colspan=4)
        cells = cells[1:]
    elif split and cells:
        code = cells[0].text
        yield from (Cell(code[:3]), Cell(code[3:5]), Cell(code[5:7]))
        cells = cells[1:]
    for c in cells:
        yield Cell(_yuan(c.value) if c.value is not None and c.text else c.text, colspan=c.colspan)


def _yuan(wan: Decimal) -> str:
    """An amount in 元, to the 分, with thousand separators, as the exported cells hold it."""
    return f"{wan * 10000:,.2f}"


def bundled_bytes() -> bytes:
    from reportgen.run import build

    built = build(EXAMPLE)
    return software_workbook(built.document, built.data.单位.报告年度)


if __name__ == "__main__":
    BUNDLED.write_bytes(bundled_bytes())
    print(BUNDLED, file=sys.stderr)
