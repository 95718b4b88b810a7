"""The kinds of document a data file can describe, chosen by its top-level 文档类型 field.

Each kind is a package (kinds/final_accounts, kinds/performance) that owns its model, checks,
facts, named figures and template context, and exposes one `Kind`. The registry below only names
them, so that a command imports the kind it needs and nothing else.
"""

from __future__ import annotations

import re
from importlib import import_module
from pathlib import Path

from reportgen.core.yamlfile import read_text
from reportgen.errors import DataError
from reportgen.kinds.kind import Kind

#: 文档类型 → the module whose `KINDS` holds it; imported only when used, to keep start-up fast.
REGISTRY: dict[str, str] = {
    "部门决算": "reportgen.kinds.final_accounts",
    "部门整体绩效评价": "reportgen.kinds.performance",
    "项目绩效自评": "reportgen.kinds.performance",
}
DEFAULT = "部门决算"

_KIND_LINE = re.compile(r"^文档类型\s*:\s*[\"']?([^\"'#\s]+)", re.M)
_WORKBOOKS = (".xlsx", ".xlsm")


def kind_of(path: Path) -> str:
    """The 文档类型 a data file declares (a cheap look at the text; the loader validates the rest).

    Workbooks are always 部门决算 (the only kind with a workbook).
    """
    if str(path).lower().endswith(_WORKBOOKS):
        return DEFAULT
    try:
        text = read_text(path)
    except DataError:
        return DEFAULT  # the loader reports the real problem with the file
    m = _KIND_LINE.search(text)
    return m[1] if m else DEFAULT


def get(name: str, path: Path | None = None) -> Kind:
    """The kind named `name` (a 文档类型)."""
    if name not in REGISTRY:
        raise DataError(f"不认识的文档类型“{name}”（可选：{'、'.join(REGISTRY)}）",
                        file=str(path or ""), field="文档类型", line=_line_of_kind(path))
    return import_module(REGISTRY[name]).KINDS[name]


def kind_for(path: Path) -> Kind:
    """The kind of document a data file describes."""
    return get(kind_of(path), path)


def _line_of_kind(path: Path | None) -> int | None:
    if path is None:
        return None
    try:
        text = read_text(path)
    except DataError:
        return None
    m = _KIND_LINE.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None
