"""What building would need that the identities do not check: the files a 决算 names (template
folders, 绩效 附件) and the figures its layout prints (last year's where it compares with them).

Each is a Finding on the field that names it, so `check` reports, with file and line, everything
`build` would otherwise refuse halfway through rendering.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from reportgen import kinds
from reportgen.core.findings import Finding
from reportgen.core.paths import inside
from reportgen.errors import DataError, DataErrors, ReportgenError
from reportgen.kinds.final_accounts.facts import FinalAccountsFacts
from reportgen.kinds.final_accounts.model import FinalAccounts, Wording
from reportgen.layouts import Layout
from reportgen.run import check_annex


def check_files(data: FinalAccounts, path: Path) -> list[Finding]:
    """Template folders that exist; 附件 that are 绩效 data files without errors."""
    return [*_template_dirs(data, path), *_annexes(data, path)]


def _template_dirs(data: FinalAccounts, path: Path) -> Iterator[Finding]:
    for n, name in enumerate(data.模板目录):
        try:  # inside the data file's folder or a -t folder (reportgen.core.paths)
            folder = inside(path, name, what="模板目录", field=f"模板目录[{n + 1}]")
        except DataError as e:
            yield Finding("error", ("模板目录", n), e.problem)
            continue
        if not folder.is_dir():
            yield Finding("error", ("模板目录", n), f"模板目录不存在：{folder}")


def _annexes(data: FinalAccounts, path: Path) -> Iterator[Finding]:
    for n, annex in enumerate(data.附件):
        if not annex.文件:
            continue
        at = ("附件", n, "文件")
        try:
            target = inside(path, annex.文件, what="附件", field=f"附件[{n + 1}].文件")
        except DataError as e:
            yield Finding("error", at, e.problem)
            continue
        if not target.exists():
            yield Finding("error", at, f"附件文件不存在：{target}")
            continue
        if not target.is_file():  # a folder, a FIFO or a device: never opened
            yield Finding("error", at, f"附件“{annex.文件}”不是普通文件")
            continue
        try:
            kind = kinds.kind_for(target)
            if kind.family != "绩效":
                yield Finding("error", at, f"附件应是绩效数据文件（文档类型：部门整体绩效评价或项目绩效自评），{annex.文件} 是{kind.name}")
                continue
            errors = check_annex(target).errors  # the 决算's render renders it as its 附件
        except (DataError, DataErrors) as e:
            errors = e.errors if isinstance(e, DataErrors) else [e]
        except ReportgenError as e:
            errors = [DataError(str(e), file=str(target))]
        for e in errors:
            yield Finding("error", at, f"附件文件有错误：{e}")


def check_printed(data: FinalAccounts, facts: FinalAccountsFacts, layout: Layout, wording: Wording
                  ) -> list[Finding]:
    """Last year's figures the layout prints a comparison with, where the file leaves them out."""
    options: dict[str, Any] = {**layout.options, **wording.选项}
    wanted = []
    if options.get("财政拨款收支分述"):
        wanted += [("财政拨款收入", facts.财政拨款收入变动), ("财政拨款支出", facts.财政拨款支出变动)]
    if options.get("收入说明含年初结转"):
        wanted += [("年初结转和结余", facts.年初结转和结余变动), ("本年收入合计", facts.本年收入合计变动)]
    if options.get("收支分项比较"):
        wanted += [("本年收入合计", facts.本年收入合计变动), ("本年支出合计", facts.本年支出合计变动)]
    names = dict.fromkeys(name for name, change in wanted if change is None)
    return [Finding("error", ("上年决算", name), f"版式要写明{name}与上年的比较：请在“上年决算”下填写上年的{name}")
            for name in names]
