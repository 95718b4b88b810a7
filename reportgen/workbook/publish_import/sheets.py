"""Open a software-exported workbook (.xls or .xlsx) as plain sheets of cell values, bounded in size.

`.xlsx` is read by openpyxl in read-only mode (rows streamed, never more than MAX_ROWS), `.xls`
(BIFF, as the 决算 software exports as often as not) by xlrd. Both give the same `Sheet`: its
name, its values row by row (text, number or None) and its merged ranges, so the rest of the
importer never knows which format it read. A corrupt, password-protected or absurdly large file
is refused here with one message naming it.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from reportgen.errors import DataError

#: A 公开表 of a large department has a few hundred rows; the 财决05 table some 110 columns.
MAX_ROWS, MAX_COLS = 5000, 250
MAX_BYTES = 50 * 1024 * 1024
#: OLE2 (compound file) signature: an .xls, or an encrypted .xlsx (EncryptedPackage inside).
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_MERGE = re.compile(rb'<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"')
#: A sheet's code: 公开05 (公开05表), Z05_1, F01, C07, CS03, QB12 — what the exports prefix names with.
_CODE = re.compile(r"^\s*(公开\s*\d+\s*表?|[A-Z]{1,2}\d{2}(?:_\d)?)")


@dataclass
class Sheet:
    """One worksheet: values by (row, column), 0-based, and merged ranges (end exclusive)."""

    name: str
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)

    @property
    def code(self) -> str:
        """The code the sheet's name starts with ("公开05表", "Z05_1"), else ""."""
        m = _CODE.match(self.name)
        return re.sub(r"\s", "", m[1]) if m else ""

    @property
    def label(self) -> str:
        """How messages name the sheet: its code, else its whole name."""
        return self.code or self.name

    def value(self, r: int, c: int) -> Any:
        row = self.rows[r] if 0 <= r < len(self.rows) else ()
        return row[c] if 0 <= c < len(row) else None

    def text(self, r: int, c: int) -> str:
        v = self.value(r, c)
        return "" if v is None else (str(v).strip() if not isinstance(v, float) else format(v, ".15g"))

    def ref(self, r: int, c: int) -> str:
        """`公开05表!D12`: the sheet and cell as Excel shows them (1-based row)."""
        return f"{self.label}!{get_column_letter(c + 1)}{r + 1}"

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass
class Book:
    path: Path
    sheets: list[Sheet]
    title: str = ""  # the document property, where the format keeps one


def open_book(path: Path) -> Book:
    """The workbook at `path`; DataError when it cannot be read as one."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(1 << 16)
    except FileNotFoundError:
        raise DataError("文件不存在", file=str(path)) from None
    except OSError as e:
        raise DataError(f"无法读取：{e.strerror}", file=str(path)) from None
    if size > MAX_BYTES:
        raise DataError(f"文件过大（{size // 1048576} MB）：公开表或财决工作簿不会超过 {MAX_BYTES // 1048576} MB，"
                        "请确认选对了文件", file=str(path))
    if head.startswith(_OLE):
        if _ENCRYPTED in head:
            raise _protected(path)
        return _open_xls(path)
    if head.startswith(b"PK"):
        return _open_xlsx(path)
    raise DataError("不是 Excel 工作簿（.xls 或 .xlsx），或文件已损坏", file=str(path))


def _protected(path: Path) -> DataError:
    return DataError("工作簿受密码保护：请在 Excel/WPS 中打开，取消密码（文件→信息→保护工作簿）后另存，再导入",
                     file=str(path))


def _too_big(path: Path, sheet: str, what: str) -> DataError:
    return DataError(f"工作表“{sheet}”{what}，超出了公开表的合理大小（至多 {MAX_ROWS} 行、{MAX_COLS} 列）：请确认选对了文件",
                     file=str(path))


def _open_xlsx(path: Path) -> Book:
    from openpyxl import load_workbook  # deferred: only imports need it

    try:
        archive = zipfile.ZipFile(path)
        if sum(i.file_size for i in archive.infolist()) > 20 * MAX_BYTES:
            raise DataError("工作簿解压后过大：请确认选对了文件", file=str(path))
        book = load_workbook(path, read_only=True, data_only=True)
    except DataError:
        raise
    except Exception:  # openpyxl raises many kinds on a damaged package
        raise DataError("工作簿已损坏，无法读取（请在 Excel/WPS 中打开后另存为 .xlsx 再导入）", file=str(path)) from None
    sheets = []
    try:
        for ws in book.worksheets:
            rows: list[list[Any]] = []
            for row in ws.iter_rows(values_only=True):
                if len(rows) >= MAX_ROWS:
                    raise _too_big(path, ws.title, f"超过 {MAX_ROWS} 行")
                if len(row) > MAX_COLS and any(v is not None for v in row[MAX_COLS:]):
                    raise _too_big(path, ws.title, f"超过 {MAX_COLS} 列")
                rows.append(list(row[:MAX_COLS]))
            sheets.append(Sheet(ws.title, _trim(rows), _xlsx_merges(archive, ws)))
        title = book.properties.title or ""
    except DataError:
        raise
    except Exception:
        raise DataError("工作簿已损坏，无法读取（请在 Excel/WPS 中打开后另存为 .xlsx 再导入）", file=str(path)) from None
    finally:
        book.close()
    return Book(path, sheets, title)


def _xlsx_merges(archive: zipfile.ZipFile, ws: Any) -> list[tuple[int, int, int, int]]:
    # openpyxl's read-only sheets do not expose merged ranges; they sit in one <mergeCells>
    # element at the end of the sheet's part, which a pattern finds without a second parse.
    from openpyxl.utils.cell import coordinate_from_string, column_index_from_string

    try:
        data = archive.read(ws._worksheet_path.lstrip("/"))
    except (KeyError, AttributeError):
        return []
    out = []
    for a, b in _MERGE.findall(data):
        (c0, r0), (c1, r1) = (coordinate_from_string(x.decode()) for x in (a, b))
        out.append((r0 - 1, column_index_from_string(c0) - 1, r1, column_index_from_string(c1)))
    return out


def _open_xls(path: Path) -> Book:
    import xlrd  # deferred: only .xls imports need it

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except xlrd.XLRDError as e:
        if "encrypt" in str(e).lower():
            raise _protected(path) from None
        raise DataError("工作簿已损坏，无法读取（请在 Excel/WPS 中打开后另存，再导入）", file=str(path)) from None
    except Exception:
        raise DataError("工作簿已损坏，无法读取（请在 Excel/WPS 中打开后另存，再导入）", file=str(path)) from None
    sheets = []
    try:
        for i in range(book.nsheets):
            sh = book.sheet_by_index(i)
            if sh.nrows > MAX_ROWS or sh.ncols > MAX_COLS:
                raise _too_big(path, sh.name, f"有 {sh.nrows} 行、{sh.ncols} 列")
            rows = [[_xls_value(sh.cell(r, c)) for c in range(sh.ncols)] for r in range(sh.nrows)]
            merged = [(r0, c0, r1, c1) for r0, r1, c0, c1 in sh.merged_cells]
            sheets.append(Sheet(sh.name, _trim(rows), merged))
            book.unload_sheet(i)
    finally:
        book.release_resources()
    return Book(path, sheets)


def _xls_value(cell: Any) -> Any:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return "#错误"
    return cell.value


def _trim(rows: list[list[Any]]) -> list[list[Any]]:
    """Empty strings as None, trailing empty cells and rows dropped."""
    out = []
    for row in rows:
        row = [None if isinstance(v, str) and not v.strip() else v for v in row]
        while row and row[-1] is None:
            row.pop()
        out.append(row)
    while out and not out[-1]:
        out.pop()
    return out
