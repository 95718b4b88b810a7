"""The Excel workbook as the officer's input: written from a data file, read back as one."""

from __future__ import annotations

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def is_workbook(path: object) -> bool:
    """Whether a data file path names an Excel workbook (by its suffix)."""
    return str(path).lower().endswith(WORKBOOK_SUFFIXES)
