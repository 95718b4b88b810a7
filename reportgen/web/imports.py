"""Data files from what officers already have: a workbook (reportgen's own fillable workbook now;
the 公开表/财决 workbooks the 部门决算软件 exports once `reportgen import` exists, issue 12) and
last year's data file (`reportgen next-year`, issue 12).

The store keeps YAML, because the form edits it; a workbook is converted on upload.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any, Callable

from reportgen.errors import DataError, ReportgenError

#: Issue 12's functions, as (module, function): imported when used, so that a server without them
#: still starts and says what is missing.
_SOFTWARE_IMPORT = (("reportgen.workbook.publish_import", "import_workbook"),)
_NEXT_YEAR = (("reportgen.workbook.next_year", "roll_forward"),)


def _find(candidates: tuple[tuple[str, str], ...]) -> Callable | None:
    for module, name in candidates:
        try:
            return getattr(import_module(module), name)
        except (ImportError, AttributeError):
            continue
    return None


def can_roll_forward() -> bool:
    """Whether `next-year` is installed (issue 12)."""
    return _find(_NEXT_YEAR) is not None


def workbook_to_yaml(path: Path, into: Path | None = None) -> dict[str, Any]:
    """A workbook as {"text": YAML, "todo": [what the officer still has to fill]}; with `into`, the
    figures of that data file are updated and its text kept (`reportgen import --into`)."""
    from reportgen.workbook.import_ import load_workbook
    from reportgen.workbook.layout import BASICS

    if path.suffix.lower() == ".xlsx" and BASICS in _sheet_names(path):
        model, _ = load_workbook(path)
        return {"text": model_yaml(model), "todo": []}
    software = _find(_SOFTWARE_IMPORT)
    if software is None:
        raise DataError("这不是 reportgen 生成的填报工作簿；导入部门决算软件导出的公开表/财决工作簿需要 reportgen import 功能",
                        file=path.name)
    return _as_result(software(path, into, path.with_suffix(".yaml").name))


def next_year(path: Path) -> dict[str, Any]:
    """Last year's data file rolled forward: {"text": YAML, "todo": [...]}."""
    roll = _find(_NEXT_YEAR)
    if roll is None:
        raise ReportgenError("从上年数据开始需要 reportgen next-year 功能（尚未安装）")
    return _as_result(roll(path))


def _as_result(value: Any) -> dict[str, Any]:
    # Issue 12's results carry the YAML text, the 补录 checklist and notes about the import.
    todo = [*getattr(value, "notes", ()), *(_no_file(line) for line in value.checklist)]
    return {"text": value.text, "todo": todo}


def _no_file(line: str) -> str:
    """A checklist line without the temporary file name it starts with ("x.yaml:12: …" → "第 12 行：…")."""
    name, sep, rest = line.partition(": ")
    if sep and ":" in name and name.rsplit(":", 1)[1].isdigit():
        return f"第 {name.rsplit(':', 1)[1]} 行：{rest}"
    return line


def _sheet_names(path: Path) -> list[str]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    import zipfile

    try:
        return load_workbook(path, read_only=True).sheetnames
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        raise DataError("无法读取工作簿（文件损坏或不是 .xlsx）", file=path.name) from None


def model_yaml(model: Any) -> str:
    """A validated 部门决算 model as a data file (amounts in 万元, as the model holds them)."""
    from reportgen.web.datafile import dump

    data = model.model_dump(mode="python", by_alias=True, exclude_unset=True)
    data = {"金额单位": "万元", **{k: v for k, v in data.items() if k != "金额单位"}}
    return dump(data)
