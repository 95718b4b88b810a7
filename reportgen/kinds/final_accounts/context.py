"""What the 决算 templates see: one typed context, filled in one place (MkDocs' idea)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from reportgen.core.catalogue import builtin_catalogue
from reportgen.core.named import Named
from reportgen.core.style import NumberStyle
from reportgen.document.nodes import Block, Cover, Figure, Table
from reportgen.errors import TemplateError
from reportgen.kinds.final_accounts.facts import FinalAccountsFacts
from reportgen.kinds.final_accounts.figures import for_templates as figures_for_templates
from reportgen.kinds.final_accounts.model import FinalAccounts, Wording
from reportgen.kinds.final_accounts.named import final_accounts_figures
from reportgen.kinds.final_accounts.tables import table_maker
from reportgen.kinds.final_accounts.wording import effective_wording, heading_maker, options, table_set
from reportgen.layouts import Layout


@dataclass(frozen=True)
class AnnexEntry:
    """One 附件 of 第四部分: its number, title, and the blocks of the 绩效 reports it prints."""

    编号: str
    标题: str | None
    正文: tuple[Block, ...] | None  # None: a title only


@dataclass(frozen=True)
class Context:
    """The 决算 template context.

    `data` is the data file as entered, `f` the facts, `style` the number style in force (the
    file's 样式 over the layout's defaults); `版式` the wording choices and `年` their 年/年度;
    `图` builds the charts a template places (`{{ block(图.收入结构("收入决算结构图")) }}`),
    `附表` the 公开表 (`{{ block(附表("收入决算表", …)) }}`); `引用` the figures free text may
    quote in braces; `科目解释` a 科目's standard 名词解释; `附件` the 绩效 reports of 第四部分;
    `标题前缀` the unit's name where part headings print it (版式.标题含单位名称), else "";
    `选项` the layout's wording switches with the data file's own (版式.选项) over them; `标题`
    a section's heading (the layout's 节标题 with the file's own over them); `单位名` the unit as
    the text names it (单位.简称, else 单位.名称); `附表清单` the 公开表 in print order (the layout's
    附表, or the data file's 版式.附表顺序).
    """

    data: FinalAccounts
    f: FinalAccountsFacts
    style: NumberStyle
    版式: Wording
    年: str
    标题前缀: str
    cover: Cover
    图: Mapping[str, Callable[..., Figure]]
    附表: Callable[..., Table]
    引用: Mapping[str, Named]
    科目解释: Callable[[str], str]
    附件: tuple[AnnexEntry, ...]
    选项: Mapping[str, Any]
    标题: Callable[[str], str]
    单位名: str
    附表清单: tuple[Any, ...]

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


def title(data: FinalAccounts, layout: Layout) -> str:
    """The document's title: the cover's, else the layout's pattern (选项.标题: {名称}, {年},
    {称谓}), else "{报告年度}年度{名称}部门决算"."""
    unit = data.单位
    pattern = layout.options.get("标题", "{年}年度{名称}{称谓}决算")
    return unit.封面标题 or pattern.format(名称=unit.名称, 年=unit.报告年度, 称谓=effective_wording(layout, data.版式).称谓)


def context(data: FinalAccounts, facts: FinalAccountsFacts, style: NumberStyle, layout: Layout,
            path: Path) -> dict[str, Any]:
    """The template context of a checked 决算 data file."""
    catalogue = builtin_catalogue(data.单位.报告年度)  # the facts parsed this one already
    wording = effective_wording(layout, data.版式)

    def explanation(code: str) -> str:
        # check_subjects has reported every 项 without one (file, line); this is the backstop.
        if code not in catalogue.explanations:
            raise TemplateError(f"科目 {code} 没有标准的名词解释：请在数据文件“名词解释”下写明（键为科目编码）")
        return catalogue.explanations[code]

    return Context(
        data=data,
        f=facts,
        style=style,
        版式=wording,
        年=wording.年度写法,
        标题前缀=data.单位.称呼 if wording.标题含单位名称 else "",
        cover=Cover(title(data, layout)),
        图=figures_for_templates(facts, style),
        附表=table_maker(facts, style, layout, wording.附表零值留空),
        引用=final_accounts_figures(facts),
        科目解释=explanation,
        附件=tuple(_annexes(data, path)),
        选项=options(layout, wording),
        标题=heading_maker(layout, data, wording),
        单位名=data.单位.称呼,
        附表清单=table_set(layout, wording),
    ).as_dict()


def _annexes(data: FinalAccounts, path: Path) -> list[AnnexEntry]:
    files = None
    out = []
    for n, entry in enumerate(data.附件, 1):
        blocks = None
        if entry.文件:
            files = files or _annex_files()
            blocks = files.blocks(path, entry.文件, entry.内容)
        out.append(AnnexEntry(f"附件{n}", entry.标题, blocks))
    return out


def _annex_files():
    # Deferred: only a 决算 that prints a 绩效 file imports the 绩效 kind (start-up time).
    from reportgen.kinds.performance.annex import AnnexFiles

    return AnnexFiles()
