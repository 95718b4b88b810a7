"""The kinds of document a data file can describe, chosen by its top-level 文档类型 field."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from reportgen.errors import DataError

#: 文档类型 → "module:function" building it; imported only when used, to keep start-up fast.
KINDS: dict[str, str] = {
    "部门决算": "reportgen.kinds.final_accounts.pipeline:build_final_accounts",
    "部门整体绩效评价": "reportgen.kinds.performance.pipeline:build",
    "项目绩效自评": "reportgen.kinds.performance.pipeline:build",
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


#: 文档类型 → "module:function" returning a data file's located findings (see reportgen.core.findings).
#: A kind without a checker is checked by building it: its own errors stop the build.
CHECKERS: dict[str, str] = {
    "部门决算": "reportgen.kinds.final_accounts.pipeline:check_findings",
}


def _resolve(table: dict[str, str], kind: str, path: Path) -> Callable:
    if kind not in KINDS:
        raise DataError(f"不认识的文档类型“{kind}”（可选：{'、'.join(KINDS)}）", file=str(path), field="文档类型")
    module, _, func = table[kind].partition(":")
    return getattr(__import__(module, fromlist=[func]), func)


def builder_for(path: Path) -> Callable:
    """The function building the document a data file declares."""
    return _resolve(KINDS, kind_of(path), path)


def checker_for(path: Path) -> Callable:
    """The function listing a data file's findings (building it, for kinds without a checker)."""
    kind = kind_of(path)
    if kind in CHECKERS:
        return _resolve(CHECKERS, kind, path)
    build = _resolve(KINDS, kind, path)
    return lambda p: _findings_of_build(build, p)


def _findings_of_build(build: Callable, path: Path) -> list:
    # A kind without its own checker is checked by building it; the errors that stop the build
    # are listed like any other finding, so `check --json` stays one array.
    from reportgen.errors import DataError, DataErrors
    from reportgen.core.findings import Located

    try:
        return list(build(path).findings)
    except (DataError, DataErrors) as e:
        errors = e.errors if isinstance(e, DataErrors) else [e]
        return [Located(x.file, x.line, x.field, "error", x.problem, None, None) for x in errors]
