"""The printed words of a 绩效 form: the layout's `标签`, under the data file's own `标签`.

Every label, suffix and title line a form prints is one entry here, so a province that words a
cell differently changes one line of its 版式.yaml, and a unit whose form differs again (a
region prefix in the title) overrides it in its data file. A label may hold placeholders in
braces — `{年度}`, `{分值}` — filled where the form prints it; each label may use only the
placeholders listed for it in PLACEHOLDERS (the rest use the document's: 年度, 上年, 地区, 单位,
金额单位).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from reportgen.errors import TemplateError

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

#: The document's placeholders, available to every label.
DOCUMENT = frozenset({"年度", "上年", "地区", "单位", "金额单位"})

#: Labels that are filled with figures of the place they print in, beyond DOCUMENT's.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "项目名称格式": frozenset({"名称", "编码"}),
    "项目资金": frozenset({"分值"}),
    "部门资金": frozenset({"分值"}),
    "指标": frozenset({"分值"}),
    "一级名称": frozenset({"名称", "分值"}),
    "签字": frozenset({"填表人", "填报日期", "联系电话", "单位负责人", "项目负责人", "财务负责人"}),
    "项目负责人": frozenset({"项目负责人"}),
    "单位负责人": frozenset({"单位负责人"}),
    "财务负责人": frozenset({"财务负责人"}),
    "备注": frozenset({"备注"}),
    "按性质项": frozenset({"名称", "金额"}),
}


def allowed(key: str) -> frozenset[str]:
    return DOCUMENT | PLACEHOLDERS.get(key, frozenset())


def unknown_placeholders(key: str, text: str) -> list[str]:
    """The placeholders of `text` that label `key` may not use.

    >>> unknown_placeholders("一级名称", "{名称}（{分值}分）"), unknown_placeholders("总分", "总分{分值}")
    ([], ['分值'])
    """
    return [name for name in _PLACEHOLDER.findall(text) if name not in allowed(key)]


def check_layout_labels(layout_name: str, labels: Mapping[str, object]) -> None:
    """A layout's 标签 are text with known placeholders: the maintainer's error otherwise."""
    for key, text in labels.items():
        if not isinstance(text, str):
            raise TemplateError(f"版式“{layout_name}”的标签“{key}”应为文字")
        bad = unknown_placeholders(key, text)
        if bad:
            raise TemplateError(f"版式“{layout_name}”的标签“{key}”用了未知的占位符“{{{bad[0]}}}”"
                                f"（可用：{'、'.join(sorted(allowed(key)))}）")


@dataclass(frozen=True)
class Labels:
    """The labels in force for one document, with the document's own placeholders filled in."""

    layout: str
    texts: Mapping[str, str]
    document: Mapping[str, str]

    def __call__(self, key: str, **values: object) -> str:
        """The label `key` with its placeholders filled.

        >>> Labels("x", {"一级名称": "{名称}（{分值}分）"}, {})("一级名称", 名称="产出指标", 分值="50")
        '产出指标（50分）'
        """
        if key not in self.texts:
            raise TemplateError(f"版式“{self.layout}”没有写明标签“{key}”（版式.yaml 标签）")
        fill = {**self.document, **{k: str(v) for k, v in values.items()}}
        return _PLACEHOLDER.sub(lambda m: fill.get(m[1], m[0]), self.texts[key])

    def has(self, key: str) -> bool:
        return bool(self.texts.get(key))
