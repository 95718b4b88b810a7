"""Layouts: a region's (or a year's) document is a folder — templates plus a small description.

`templates/<locale>/<family>/<layout>/版式.yaml` describes the layout (what it inherits, its
parts in order, heading numbering, style defaults, its table set with each table's columns by
name); the folder's `*.md.j2` templates give its wording. A layout that `继承` another
inherits every template and description entry it does not replace, so a region that changes
wording only is a folder with a few templates and no Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Mapping

from reportgen.errors import TemplateError
from reportgen.layouts.description import DESCRIPTION, Description, merged, read_description
from reportgen.resources import templates_dir

#: GB/T 9704's heading sequence, the default numbering (第一部分, 一、, （一）, 1., （1））.
DEFAULT_NUMBERING = ("第{一}部分", "{一}、", "（{一}）", "{1}.", "（{1}）")


@dataclass(frozen=True)
class Layout:
    """A resolved layout: its folders (own first, then each ancestor's) and merged description."""

    family: str
    name: str
    folders: tuple[Path, ...]
    names: tuple[str, ...]
    description: Description = field(repr=False, compare=False, hash=False)

    @property
    def parts(self) -> tuple[str, ...]:
        """The templates of the document's parts, in the order they print."""
        return tuple(self.description.get("部分", ()))

    @property
    def numbering(self) -> tuple[str, ...]:
        """How headings of levels 1–5 are numbered: "{一}" a Chinese numeral, "{1}" a digit."""
        return tuple(self.description.get("标题编号", DEFAULT_NUMBERING))

    @property
    def style(self) -> Mapping[str, Any]:
        """Number-style defaults (data-file labels, e.g. 百分比小数位); the data file's 样式 wins."""
        return self.description.get("样式", {})

    @property
    def tables(self) -> Mapping[str, Mapping[str, Any]]:
        """Table descriptions by standard name (shape, row source, columns by name)."""
        return self.description.get("表", {})

    @property
    def table_set(self) -> tuple[Mapping[str, Any], ...]:
        """The tables the document prints, in order: {表, 标题?, 编号?, 空表?}."""
        return tuple(self.description.get("附表", ()))

    @property
    def options(self) -> Mapping[str, Any]:
        """The layout's switches (版式.yaml 选项), e.g. 图表: charts in the 情况说明."""
        return self.description.get("选项", {})

    @property
    def option_values(self) -> Mapping[str, tuple[str, ...]]:
        """The values a wording option may take (版式.yaml 选项取值), for those that are a choice."""
        return {k: tuple(v) for k, v in self.description.get("选项取值", {}).items()}

    @property
    def option_placeholders(self) -> Mapping[str, tuple[str, ...]]:
        """What a wording option may fill in (版式.yaml 选项占位), e.g. 上年比较: [上年, 年]."""
        return {k: tuple(v) for k, v in self.description.get("选项占位", {}).items()}

    @property
    def wording(self) -> Mapping[str, Any]:
        """Defaults for the data file's own 版式 fields (版式.yaml 版式); the data file's win."""
        return self.description.get("版式", {})

    @property
    def headings(self) -> Mapping[str, str]:
        """Every heading the layout names (版式.yaml 节标题), by key."""
        return self.description.get("节标题", {})

    def sections(self, part: str) -> tuple[str, ...]:
        """The sections of a part in print order (版式.yaml 章节), each a template of the part's folder."""
        return tuple(self.description.get("章节", {}).get(part, ()))

    def heading(self, section: str) -> str:
        """A section's heading as this layout prints it (版式.yaml 节标题)."""
        headings = self.description.get("节标题", {})
        if section not in headings:
            raise TemplateError(f"版式“{self.name}”没有写明“{section}”一节的标题（版式.yaml 节标题）")
        return headings[section]

    def option(self, key: str, default: Any = None) -> Any:
        """Any other entry of the description (e.g. a 绩效 layout's 自评表 forms and 标签)."""
        return self.description.get(key, default)


def family_dir(family: str, locale: str = "zh_CN") -> Path:
    return templates_dir() / locale / family


def available(family: str, locale: str = "zh_CN") -> list[str]:
    """The layouts built in for a family (决算, 绩效), by folder name."""
    root = family_dir(family, locale)
    return sorted(p.name for p in root.iterdir() if (p / DESCRIPTION).is_file())


@cache
def resolve(family: str, name: str, locale: str = "zh_CN") -> Layout:
    """The layout `name` of `family`, following 继承 to its ancestors."""
    folders: list[Path] = []
    names: list[str] = []
    descriptions: list[Description] = []
    current: str | None = name
    if not name:
        raise TemplateError(f"没有指定{family}版式（可选：{'、'.join(available(family, locale))}）")
    while current:
        if current in names:
            raise TemplateError(f"版式继承成环：{' → '.join([*names, current])}")
        folder = family_dir(family, locale) / current
        # A name from a data file is a layout's folder name, never a path out of templates/.
        if not isinstance(current, str) or current != folder.name or current.startswith(".") \
                or not (folder / DESCRIPTION).is_file():
            choices = "、".join(available(family, locale))
            raise TemplateError(f"没有名为“{current}”的{family}版式（可选：{choices}）")
        description = read_description(folder / DESCRIPTION)
        folders.append(folder)
        names.append(current)
        descriptions.append(description)
        current = description.get("继承")
    return Layout(family, name, tuple(folders), tuple(names), merged(descriptions))
