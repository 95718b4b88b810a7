"""A 绩效 data file printed inside a 决算 as one of its 附件 (第四部分).

The annex is rendered in its own 绩效 layout (template `附件.md.j2`) and handed to the 决算 as
finished blocks, so the two kinds share no templates and no template names.
"""

from __future__ import annotations

from pathlib import Path

from reportgen.core.paths import inside
from reportgen.document.nodes import Block
from reportgen.errors import DataErrors
from reportgen.run import check
from reportgen.templating import render


def annex_blocks(data_path: Path, name: str, content: str) -> tuple[Block, ...]:
    """The blocks of the reports of the 绩效 file `name` (relative to the 决算 data file): its
    部门整体 (content 部门整体), its 项目, or 全部; check (final_accounts/needs.py) has vetted it."""
    path = inside(data_path, name, what="附件", field="附件")
    checked = check(path)
    if checked.errors or checked.facts is None:
        raise DataErrors(checked.errors)
    ctx = checked.kind.context(checked.data, checked.facts, checked.style, checked.layout, path)
    document = render(checked.layout, {**ctx, "内容": content}, name="附件.md.j2")
    return document.blocks
