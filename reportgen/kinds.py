"""The kinds of document a data file can describe, chosen by its top-level 文档类型 field."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from reportgen.errors import DataError

#: 文档类型 → "module:function" building it; imported only when used, to keep start-up fast.
KINDS: dict[str, str] = {
    "部门决算": "reportgen.pipeline:build_final_accounts",
}

_KIND_LINE = re.compile(r"^文档类型\s*:\s*[\"']?([^\"'#\s]+)", re.M)


def kind_of(path: Path) -> str:
    """The 文档类型 a data file declares (a cheap look at the text; the loader validates the rest)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return "部门决算"  # the loader reports the real problem with the file
    m = _KIND_LINE.search(text)
    return m[1] if m else "部门决算"


def builder_for(path: Path) -> Callable:
    kind = kind_of(path)
    if kind not in KINDS:
        raise DataError(f"不认识的文档类型“{kind}”（可选：{'、'.join(KINDS)}）", file=str(path), field="文档类型")
    module, _, func = KINDS[kind].partition(":")
    return getattr(__import__(module, fromlist=[func]), func)
