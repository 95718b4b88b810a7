"""Word (.docx) files: paragraphs and table cells in reading order, with bounded unpacking."""

from __future__ import annotations

import zipfile
from pathlib import Path

from reportgen.audit.plain import add_cell
from reportgen.audit.text import Cell, Fragment, normalise
from reportgen.errors import ReportgenError

# A .docx is a zip: a hostile one can inflate a few kilobytes into gigabytes. Real 决算 files
# hold a document.xml of a few megabytes; these bounds leave a wide margin and stop a bomb.
MAX_INFLATED = 200 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_RATIO = 200  # inflated ÷ compressed for any member over a megabyte


def read_docx(path: Path) -> tuple[list[Fragment], list[Cell]]:
    """Body paragraphs and table cells in document order; `line` is their 1-based index."""
    _check_package(path)
    try:
        from docx import Document as open_docx  # imported here: only .docx needs it
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = open_docx(str(path))
        items = list(document.iter_inner_content())
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise ReportgenError(f"{path}：无法读取 Word 文件（{exc}）") from exc
    fragments: list[Fragment] = []
    cells: list[Cell] = []
    index = 0
    for item in items:
        if isinstance(item, Paragraph):
            index += 1
            text = item.text.strip()
            if text:
                cells.append(Cell(normalise(text), index))
                fragments.append(Fragment(text, index, "start"))
        elif isinstance(item, Table):
            for text in _table_cells(item):
                index += 1
                add_cell(fragments, cells, text, index)
    return fragments, cells


def _check_package(path: Path) -> None:
    """Refuse a package whose members would inflate past the bounds, before unpacking any."""
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReportgenError(f"{path}：无法读取 Word 文件（不是有效的 .docx 压缩包：{exc}）") from exc
    if len(members) > MAX_MEMBERS:
        raise ReportgenError(f"{path}：Word 文件含 {len(members)} 个部件，超过上限 {MAX_MEMBERS}，不予读取")
    total = sum(m.file_size for m in members)
    bomb = any(m.file_size > 2**20 and m.file_size > MAX_RATIO * max(m.compress_size, 1) for m in members)
    if total > MAX_INFLATED or bomb:
        raise ReportgenError(f"{path}：Word 文件解压后过大（{total:,} 字节），疑似压缩炸弹，不予读取")


def _table_cells(table) -> list[str]:
    """Cell texts row by row, read from the XML: a merged cell is one <w:tc> (a vertical merge
    leaves the cells below it empty), and python-docx's per-row cell grid costs quadratic time.
    """
    from docx.oxml.ns import qn

    def paragraph_text(p) -> str:
        return "".join(t.text or "" for t in p.iter(qn("w:t")))

    texts = []
    for tr in table._tbl.tr_lst:
        for tc in tr.tc_lst:
            texts.append("\n".join(paragraph_text(p) for p in tc.iter(qn("w:p"))).strip())
    return texts
