"""The 决算 figures free text may name in braces ("{本年支出合计}", "{2083001}"), so a correction
to a figure also corrects every reason and narrative that quotes it.

Names are the facts' own: each total by its field name, each part of a share list by its name
(and "<名称>占比"), each 项 by its code (and "<编码>预算数"), each change as "<名称>上年",
"<名称>变动额" and "<名称>变动率", each completion as "<名称>完成率".
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from reportgen.kinds.final_accounts.facts import FinalAccountsFacts, Item, Part
from reportgen.core.named import Named
from reportgen.core.numbers import Change, Completion

_PERCENT_FIELDS = {"一般公共预算支出占本年支出", "中小企业占比", "小微企业占比"}


def final_accounts_figures(f: FinalAccountsFacts) -> dict[str, Named]:
    """Every figure of the facts that a sentence could quote, by name."""
    out: dict[str, Named] = {}
    for field in dataclasses.fields(f):
        name, value = field.name, getattr(f, field.name)
        if isinstance(value, Decimal):
            out[name] = Named("百分比" if name in _PERCENT_FIELDS else "金额", value)
        elif isinstance(value, int):
            out[name] = Named("整数", value)
        elif isinstance(value, Change):
            _change(out, name.removesuffix("变动"), value)
        elif isinstance(value, Completion):
            out[name.removesuffix("完成") + "完成率"] = Named("百分比", value.rate) if value.rate is not None else None
        elif isinstance(value, tuple) and value and isinstance(value[0], Part):
            for part in value:
                out[part.名称] = Named("金额", part.金额)
                out[part.名称 + "占比"] = Named("百分比", part.占比)
    for item in f.一般公共预算科目:
        _item(out, item)
    return {k: v for k, v in out.items() if v is not None}


def _change(out: dict[str, Named], name: str, c: Change) -> None:
    out[name + "上年"] = Named("金额", c.previous)
    out[name + "变动额"] = Named("金额", c.magnitude)
    if c.rate_magnitude is not None:
        out[name + "变动率"] = Named("百分比", c.rate_magnitude)


def _item(out: dict[str, Named], item: Item) -> None:
    out[item.编码] = Named("金额", item.决算数)
    out[item.编码 + "预算数"] = Named("金额", item.预算数)
