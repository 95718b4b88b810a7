"""A workbook's sheets as bounded grids of values, read only after the package is checked.

An .xlsx is a zip: a hostile one can inflate a few kilobytes into gigabytes, or hold a sheet of
a million rows. The package is measured before openpyxl opens it (declared sizes bound what
zipfile will inflate, so they are what to check), and a sheet is streamed (read-only mode) and
refused past MAX_ROWS rows or MAX_COLUMNS columns — the fillable workbook has a few hundred
rows and a dozen columns.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from reportgen.errors import DataError, DataErrors

MAX_INFLATED = 20 * 1024 * 1024  # the fillable workbook of a busy unit is well under 1 MB
MAX_MEMBERS = 2000
MAX_RATIO = 200  # inflated ÷ compressed, for any member over a megabyte
MAX_ROWS = 10_000
MAX_COLUMNS = 64

# What the YAML loader refuses in text (reportgen.core.yamlfile), for the same reasons.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef]")


def check_package(path: Path) -> None:
    """Refuse a file that is not a zip, or whose members would inflate past the bounds."""
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except FileNotFoundError:
        raise DataError("文件不存在", file=str(path)) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise DataError("不是有效的 Excel 工作簿（.xlsx）", file=str(path)) from None
    if len(members) > MAX_MEMBERS:
        raise DataError(f"工作簿含 {len(members):,} 个部件，超过上限 {MAX_MEMBERS:,}，不予读取", file=str(path))
    total = sum(m.file_size for m in members)
    bomb = any(m.file_size > 2**20 and m.file_size > MAX_RATIO * max(m.compress_size, 1) for m in members)
    if total > MAX_INFLATED or bomb:
        raise DataError(f"工作簿解压后过大（{total:,} 字节）或压缩比异常，疑似压缩炸弹，不予读取", file=str(path))


@dataclass(frozen=True)
class Grid:
    """A sheet's values by 1-based row and column, as openpyxl read them."""

    title: str
    rows: tuple[tuple[Any, ...], ...]

    @classmethod
    def read(cls, ws: Any, file: str) -> "Grid":
        # Cells past MAX_COLUMNS are not even looked at; the sheet's declared size says if there are any.
        declared = ws.max_column if isinstance(getattr(ws, "max_column", None), int) else 0
        if declared > MAX_COLUMNS:
            raise DataError(f"工作表“{ws.title}”有 {declared:,} 列，超过 {MAX_COLUMNS} 列，不是填报工作簿", file=file)
        rows = []
        for values in ws.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS + 1, values_only=True):
            rows.append(tuple(values))
            if len(rows) > MAX_ROWS:
                raise DataError(f"工作表“{ws.title}”超过 {MAX_ROWS:,} 行，不是填报工作簿", file=file)
        if any(len(r) > MAX_COLUMNS and r[MAX_COLUMNS] not in (None, "") for r in rows):
            raise DataError(f"工作表“{ws.title}”超过 {MAX_COLUMNS} 列，不是填报工作簿", file=file)
        grid = cls(ws.title, tuple(r[:MAX_COLUMNS] for r in rows))
        grid._refuse_control_characters(file)
        return grid

    @property
    def max_row(self) -> int:
        return len(self.rows)

    @property
    def max_column(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell(self, row: int, column: int) -> Any:
        if row > len(self.rows) or column > len(self.rows[row - 1]):
            return None
        return self.rows[row - 1][column - 1]

    def uncalculated(self, formulas: "Grid") -> list[str]:
        """Cells holding a formula (in `formulas`, the same sheet read without values) but no value."""
        return [f"{get_column_letter(c)}{r}" for r, row in enumerate(formulas.rows, 1)
                for c, v in enumerate(row, 1)
                if isinstance(v, str) and v.startswith("=") and self.cell(r, c) is None]

    def _refuse_control_characters(self, file: str) -> None:
        bad = [f"{self.title}!{get_column_letter(c)}{r}" for r, row in enumerate(self.rows, 1)
               for c, v in enumerate(row, 1) if isinstance(v, str) and _CONTROL.search(v)]
        if bad:
            raise DataErrors([DataError("文字中有控制字符（不可见，不能印出），请删除", file=file, line=cell)
                              for cell in bad[:20]])
