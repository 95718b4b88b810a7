"""The narrative of a 绩效报告: sections of free text, verbatim from the data file.

Section titles are numbered by their depth (一、, （一）, 1., （1）). Text may name a figure in
braces, "{全年执行数}", so a corrected figure propagates; a paragraph written `{生成: 三公经费}`
is worded by a template from the figures instead.
"""

# Annotations as objects, not strings: pydantic would otherwise compile each one at import (start-up time).

from typing import Annotated, Any, Literal, Optional, Union

from pydantic import BeforeValidator, Field

from reportgen.core.model import Model

#: The deepest section: 一、 (depth 1) … （1） (depth 4).
MAX_DEPTH = 4


class Generated(Model):
    """A paragraph the templates write from the figures (绩效/生成/<name>.md.j2)."""

    生成: Literal["三公经费"]


def _paragraph_list(value: Any) -> Any:
    # One string may hold several paragraphs, one per line, like the 决算's free text.
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    return value


Paragraphs = Annotated[list[Union[str, Generated]], BeforeValidator(_paragraph_list)]


class Section(Model):
    """A numbered section. 形式 says how its title prints: as a heading (标题); as a numbered
    paragraph running into its first paragraph (行内: "（一）基本支出：主要是…", so the title carries
    its own closing punctuation); or as a numbered paragraph on its own (段落)."""

    标题: str = Field(min_length=1)
    形式: Literal["标题", "行内", "段落"] = "标题"
    段落: Paragraphs = []
    小节: list["Section"] = []

    def depth(self) -> int:
        return 1 + max((s.depth() for s in self.小节), default=0)


class Report(Model):
    """A 绩效报告: its title (a default per kind when omitted) and its sections."""

    标题: Optional[str] = None
    章节: list[Section] = Field(min_length=1)


class Summary(Model):
    """项目绩效自评综述 (seed 002): the sentences that are not figures."""

    目标完成情况: str
    主要问题: str
    改进措施: str
