"""Chart nodes built from the facts: every value and printed label of a chart is one the text prints."""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, Sequence

from reportgen.document.nodes import Figure, Series
from reportgen.kinds.final_accounts.facts import FinalAccountsFacts, Part
from reportgen.core.numbers import Change
from reportgen.phrasing.numbers import format_amount, format_percent
from reportgen.core.style import NumberStyle

#: The fixed labels of every chart, in one place.
收支总计类别 = ("收入总计", "支出总计")
财政拨款收支总计类别 = ("财政拨款收入总计", "财政拨款支出总计")
一般公共预算支出类别 = ("一般公共预算财政拨款支出",)
饼图系列名 = "决算数"


def year_label(year: int) -> str:
    """A bar series is a year.

    >>> year_label(2023)
    '2023年'
    """
    return f"{year}年"


def change_bars(title: str, categories: Sequence[str], change: Change, current: Sequence[Decimal],
                years: tuple[int, int], style: NumberStyle, fallback: str = "") -> Figure:
    """上年 against 本年, one pair of bars per category: `current` holds this year's fact for each
    category; last year's figure is the one the change compares with (the data's 上年决算)."""
    previous = _amounts(year_label(years[0]), tuple(change.previous for _ in categories), style)
    this_year = _amounts(year_label(years[1]), tuple(current), style)
    return Figure("bar", title, tuple(categories), (previous, this_year), fallback=fallback)


def share_pie(title: str, parts: Sequence[Part], style: NumberStyle, fallback: str = "") -> Figure:
    """A structure pie of `parts`; each slice prints the share the text prints (zero parts stay
    in the node, so its values are the facts' values, and are left out only when drawn).

    A pie of one slice is not drawn (Figure.is_empty): the sentence before it already says the
    whole is that one part ("…568.27万元，占100%"), so it prints nothing in its place either —
    the template's fallback speaks of a total of zero.
    """
    shares = tuple(format_percent(p.占比, style) for p in parts)
    series = Series(饼图系列名, tuple(p.金额 for p in parts), shares)
    if sum(1 for p in parts if p.金额 != 0) == 1:
        fallback = ""
    return Figure("pie", title, tuple(p.名称 for p in parts), (series,), fallback=fallback)


def _amounts(name: str, values: tuple[Decimal, ...], style: NumberStyle) -> Series:
    return Series(name, values, tuple(format_amount(v, style) for v in values))


def for_templates(f: FinalAccountsFacts, style: NumberStyle) -> dict[str, Callable[..., Figure]]:
    """The charts a 决算 template may place, by name: `{{ block(图.收入结构("收入决算结构图")) }}`.

    Templates choose which charts appear, their titles, and `无图时=` the sentence printed
    instead of a chart with nothing to draw (none by default: seed 000 simply leaves it out).
    Category and series names are the fixed labels above; values stay exact Decimals, and the
    printed labels come from the same facts and style as the sentences (slices print Part.占比).
    """
    years = (f.上年, f.本年)

    def bars(categories: Sequence[str], change: Change, current: Sequence[Decimal]) -> Callable[..., Figure]:
        def build(标题: str, 无图时: str = "") -> Figure:
            return change_bars(标题, categories, change, current, years, style, 无图时)
        return build

    def pie(parts: Sequence[Part]) -> Callable[..., Figure]:
        def build(标题: str, 无图时: str = "") -> Figure:
            return share_pie(标题, parts, style, 无图时)
        return build

    return {
        "收支总计变动": bars(收支总计类别, f.收支总计变动, (f.收入总计, f.支出总计)),
        "收入结构": pie(f.收入构成),
        "支出结构": pie(f.支出构成),
        "财政拨款收支总计变动": bars(财政拨款收支总计类别, f.财政拨款收支总计变动,
                                    (f.财政拨款收支总计, f.财政拨款收支总计)),
        "一般公共预算支出变动": bars(一般公共预算支出类别, f.一般公共预算支出变动, (f.一般公共预算支出,)),
        "一般公共预算支出结构": pie(f.一般公共预算类构成),
        "三公结构": pie(f.三公构成),
    }
