"""A 绩效 data file printed inside a 决算 as one of its 附件 (第四部分).

The annex is rendered in its own 绩效 layout (template `附件.md.j2`) and handed to the 决算 as
finished blocks, so the two kinds share no templates and no template names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportgen.core.paths import inside
from reportgen.document.nodes import Block
from reportgen.errors import DataErrors
from reportgen.run import Checked, check_annex
from reportgen.templating import render


class AnnexFiles:
    """The 绩效 files one 决算 prints: each is read, checked and given its context once, however
    many 附件 print a part of it (渠县 prints its 部门整体 and its 项目 from one file)."""

    def __init__(self) -> None:
        self._prepared: dict[Path, tuple[Checked, dict[str, Any]]] = {}

    def blocks(self, data_path: Path, name: str, content: str) -> tuple[Block, ...]:
        """The blocks of the reports of the 绩效 file `name` (relative to the 决算 data file): its
        部门整体 (content 部门整体), its 项目, or 全部; check (final_accounts/needs.py) has vetted it."""
        checked, ctx = self._prepare(inside(data_path, name, what="附件", field="附件"))
        document = render(checked.layout, {**ctx, "内容": content}, name="附件.md.j2")
        return document.blocks

    def _prepare(self, path: Path) -> tuple[Checked, dict[str, Any]]:
        if path not in self._prepared:
            checked = check_annex(path)  # rendered here as an 附件, not as a document of its own
            if checked.errors or checked.facts is None:
                raise DataErrors(checked.errors)
            ctx = checked.kind.context(checked.data, checked.facts, checked.style, checked.layout, path)
            self._prepared[path] = checked, ctx
        return self._prepared[path]

