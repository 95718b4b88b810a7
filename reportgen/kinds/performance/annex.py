"""A 绩效 data file printed inside a 决算 as one of its 附件 (第四部分).

The annex is rendered in its own 绩效 layout (template `附件.md.j2`) and handed to the 决算 as
finished blocks, so the two kinds share no templates and no template names.
"""

from __future__ import annotations

from pathlib import Path

from reportgen.core.findings import Finding, field_path
from reportgen.core.paths import inside
from reportgen.document.nodes import Block
from reportgen.errors import DataError, DataErrors
from reportgen.kinds import kind_of
from reportgen.run import check
from reportgen.templating import render

KINDS = ("部门整体绩效评价", "项目绩效自评")


def annex_findings(data_path: Path, name: str, field: tuple) -> list[Finding]:
    """Why the 绩效 file a 决算 names as a 附件 (`field`, e.g. 附件[1].文件) cannot be printed: outside
    the data file's folder, missing, not a 绩效 file, or with errors of its own (each named)."""
    try:
        target = inside(data_path, name, what="附件", field=field_path(field))
    except DataError as e:
        return [Finding("error", field, e.problem)]
    if not target.exists():
        return [Finding("error", field, f"附件文件不存在：{name}")]
    if not target.is_file():
        return [Finding("error", field, f"附件“{name}”不是普通文件")]
    if (kind := kind_of(target)) not in KINDS:
        return [Finding("error", field, f"附件应是绩效数据文件（文档类型：{'或'.join(KINDS)}），“{name}”的文档类型是{kind}")]
    try:
        errors = check(target).errors
    except DataError as e:
        errors = [e]
    except DataErrors as e:
        errors = e.errors
    return [Finding("error", field, f"附件文件有错：{e.message}") for e in errors]


def annex_blocks(data_path: Path, name: str, content: str) -> tuple[Block, ...]:
    """The blocks of the reports of the 绩效 file `name` (relative to the 决算 data file): its
    部门整体 (content 部门整体), its 项目, or 全部. `annex_findings` has checked it."""
    path = inside(data_path, name, what="附件", field="附件")
    checked = check(path)
    if checked.errors or checked.facts is None:
        raise DataErrors(checked.errors)
    ctx = checked.kind.context(checked.data, checked.facts, checked.style, checked.layout, path)
    document = render(checked.layout, {**ctx, "内容": content}, name="附件.md.j2")
    return document.blocks
