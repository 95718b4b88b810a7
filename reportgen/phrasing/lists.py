"""Chinese enumerations: shares ("X万元，占Y%；…"), itemised lists, 科目 full names, sentences."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from reportgen.phrasing.numbers import format_money, format_percent
from reportgen.core.style import DEFAULT_STYLE, NumberStyle


def share_list(parts: Sequence[Any], style: NumberStyle = DEFAULT_STYLE, suffix: str = "", 占: str = "占",
               零项: bool = True, 括注: Mapping[str, str] | None = None) -> str:
    """Parts with amount and share, joined by "；" (the Sichuan 收入/支出 sentences). `占` words the
    share ("占本年收入63%", 广水 2023; "占收入合计93.57%", 临安 2021); without `零项` a zero part
    is left out (大英保健院 2020); `括注` adds a note after a part's amount.

    >>> from decimal import Decimal as D
    >>> from reportgen.kinds.final_accounts.facts import Part
    >>> parts = [Part("基本支出", D("141.54"), D("24.91")), Part("项目支出", D("426.73"), D("75.09")),
    ...          Part("经营支出", D(0), D(0))]
    >>> share_list(parts)
    '基本支出141.54万元，占24.91%；项目支出426.73万元，占75.09%；经营支出0万元，占0%'
    >>> share_list(parts, 占="占本年支出", 零项=False, 括注={"基本支出": "（人员经费为主）"})
    '基本支出141.54万元（人员经费为主），占本年支出24.91%；项目支出426.73万元，占本年支出75.09%'
    """
    notes = 括注 or {}
    return "；".join(
        f"{p.名称}{suffix}{format_money(p.金额, style)}{notes.get(p.名称, '')}，{占}{format_percent(p.占比, style)}"
        for p in parts if 零项 or p.金额 != 0
    )


def fund_note(parts: Sequence[Any], style: NumberStyle = DEFAULT_STYLE) -> str:
    """The three 财政拨款 sources in a bracket after the merged 财政拨款收入 (临安 2021).

    >>> from decimal import Decimal as D
    >>> from reportgen.kinds.final_accounts.facts import Part
    >>> fund_note([Part("一般公共预算财政拨款收入", D("1077.36"), D(100)), Part("政府性基金预算财政拨款收入", D(0), D(0))])
    '（其中，一般公共预算1077.36万元，政府性基金预算0万元）'
    """
    return "（其中，" + "，".join(f"{p.名称.removesuffix('财政拨款收入')}{format_money(p.金额, style)}"
                              for p in parts) + "）"


def listed(parts: Sequence[Any], *always: str) -> list[Any]:
    """The parts a sentence lists: those named in `always` (even at zero) and any other non-zero
    part, in their own order (重庆 lists 财政拨款收入、事业收入、经营收入、其他收入 always).

    >>> from decimal import Decimal as D
    >>> from reportgen.kinds.final_accounts.facts import Part
    >>> parts = [Part("财政拨款收入", D(5), D(100)), Part("上级补助收入", D(0), D(0)), Part("经营收入", D(0), D(0))]
    >>> [p.名称 for p in listed(parts, "财政拨款收入", "经营收入")]
    ['财政拨款收入', '经营收入']
    """
    return [p for p in parts if p.名称 in always or p.金额 != 0]


def item_list(items: Sequence[Any], style: NumberStyle = DEFAULT_STYLE, 等: bool | None = None) -> str:
    """明细 names, with their amounts when given, joined by "、"; names alone end in "等" (a list
    that gives some of the contents ends in 等 with amounts too: `等=True`).

    >>> from decimal import Decimal as D
    >>> from reportgen.kinds.final_accounts.model import DetailItem
    >>> item_list([DetailItem(名称="基本工资"), DetailItem(名称="津贴补贴")])
    '基本工资、津贴补贴等'
    >>> item_list([DetailItem(名称="办公费", 金额=D("1.18")), DetailItem(名称="邮电费", 金额=D("0.3"))])
    '办公费1.18万元、邮电费0.30万元'
    >>> item_list([DetailItem(名称="省级专家调研", 金额=D("0.14"))], 等=True)
    '省级专家调研0.14万元等'
    """
    if items and all(i.金额 is not None for i in items):
        return "、".join(f"{i.名称}{format_money(i.金额, style)}" for i in items) + ("等" if 等 else "")
    return "、".join(i.名称 for i in items) + ("" if 等 is False else "等")


def subject_name(item: Any, short: str | bool = "否") -> str:
    """A 项 with its 类 and 款, as the 决算 text names it. `short` drops a trailing 支出: "类" from
    the 类 name only (as units shorten it: 款 and 项 names keep theirs, so no name is printed that
    the catalogue does not have), "全部" from every level (seed 001's practice).

    >>> from types import SimpleNamespace as N
    >>> i = N(类名="社会保障和就业支出", 款名="行政事业单位养老支出", 项名="机关事业单位基本养老保险缴费支出")
    >>> subject_name(i)
    '社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）'
    >>> subject_name(i, "类")
    '社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）'
    >>> subject_name(i, "全部")
    '社会保障和就业（类）行政事业单位养老（款）机关事业单位基本养老保险缴费（项）'
    """
    levels = {"否": 0, False: 0, "类": 1, "全部": 3, True: 3}[short]

    def name(n: str, level: int) -> str:
        return n.removesuffix("支出") if level < levels and n != "支出" else n

    return f"{name(item.类名, 0)}（类）{name(item.款名, 1)}（款）{name(item.项名, 2)}（项）"


def bracketed(names: Sequence[str]) -> str:
    """Names in a bracket after their count, nothing when there are none.

    >>> bracketed(["便民服务中心", "农业综合服务中心"]), bracketed([])
    ('（便民服务中心、农业综合服务中心）', '')
    """
    return f"（{'、'.join(names)}）" if names else ""


def sentence(text: str) -> str:
    """Free text as one sentence ending in a single "。" (officers type it with or without).

    >>> sentence("预算人数增加"), sentence("预算人数增加。"), sentence("")
    ('预算人数增加。', '预算人数增加。', '')
    """
    text = text.strip().rstrip("。；;，, ")
    return text + "。" if text else ""
