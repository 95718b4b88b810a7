"""Free text that names figures in braces: "{全年执行数}" is replaced by the printed figure.

A correction to a figure then propagates into every sentence that names it. `{名称:引号}` prints
a list with each item in quotation marks.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Mapping

from reportgen.errors import TemplateError
from reportgen.phrasing.numbers import format_percent, text_amount
from reportgen.core.style import DEFAULT_STYLE, NumberStyle

REFERENCE = re.compile(r"\{([^{}:\s]+)(?::([^{}\s]+))?\}")


def score(value: Decimal) -> str:
    """A score as printed: its digits without trailing zeros.

    >>> score(Decimal("96.00")), score(Decimal("9.73")), score(Decimal("8.50")), score(Decimal("100"))
    ('96', '9.73', '8.5', '100')
    """
    if not isinstance(value, Decimal):
        raise TypeError(f"分数只接受 Decimal，收到 {type(value).__name__}: {value!r}")
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


SPECS = ("", "引号")


def names(text: str) -> list[str]:
    """The figure names a text refers to; one written with an unknown spec is named with it, so
    that it is reported as a name that does not exist rather than printed without its spec.

    >>> names("部门整体支出{全年执行数}万元，自评为{总分}分，{总分:乱写}")
    ['全年执行数', '总分', '总分:乱写']
    """
    return [m[1] if (m[2] or "") in SPECS else f"{m[1]}:{m[2]}" for m in REFERENCE.finditer(text)]


def fill(text: str, style: NumberStyle = DEFAULT_STYLE, figures: Mapping[str, Any] | None = None) -> str:
    """Replace each {名称} by its figure, printed by kind and style.

    >>> from reportgen.core.named import Named
    >>> fill("部门整体支出{全年执行数}万元，执行率{执行率}，内设{机构:引号}",
    ...      figures={"全年执行数": Named("金额", Decimal("444.24")), "执行率": Named("百分比", Decimal("99.97")),
    ...               "机构": Named("列表", ("办公室", "稽核股"))})
    '部门整体支出444.24万元，执行率99.97%，内设“办公室”、“稽核股”'
    """
    figures = figures or {}

    def one(m: re.Match) -> str:
        if m[1] not in figures or (m[2] or "") not in SPECS:
            raise TemplateError(f"文中引用了不存在的数字“{m[0]}”（可引用的名称：{'、'.join(figures)}）")
        return _print(figures[m[1]], style, m[2] or "")

    return REFERENCE.sub(one, text)


def _print(named: Any, style: NumberStyle, spec: str) -> str:
    kind, value = named.kind, named.value
    if kind == "金额":
        return text_amount(value, style)
    if kind == "百分比":
        return format_percent(value, style)
    if kind == "分数":
        return score(value)
    if kind == "列表":
        return "、".join(f"“{v}”" if spec == "引号" else str(v) for v in value)
    return str(value)
