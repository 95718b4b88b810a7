"""Chinese phrasing of changes, budget completion and ordinals; pure functions used as filters."""

from __future__ import annotations

from decimal import Decimal

from reportgen.core.numbers import Change, Completion
from reportgen.phrasing.numbers import format_money, format_percent
from reportgen.core.style import DEFAULT_STYLE, NumberStyle

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """中文序号 for headings, 1–99.

    >>> chinese_numeral(1), chinese_numeral(10), chinese_numeral(13), chinese_numeral(20), chinese_numeral(99)
    ('一', '十', '十三', '二十', '九十九')
    """
    if not 0 < n < 100:
        raise ValueError(f"中文序号只支持 1–99，收到 {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def amount_change(c: Change, style: NumberStyle = DEFAULT_STYLE) -> str:
    """增加/减少 and the printed change; 持平 when it prints as zero.

    >>> from reportgen.core.numbers import change
    >>> amount_change(change(Decimal("8.26"), Decimal("9.18"), 2, 1))
    '减少0.92万元'
    >>> amount_change(change(Decimal("0"), Decimal("0"), 2, 2))
    '持平'
    >>> amount_change(change(Decimal("0"), Decimal("0"), 2, 2), NumberStyle(持平写法="增减0", 零金额写作0=False))
    '增加0.00万元'
    """
    if c.direction == "flat":
        return "持平" if style.says_flat else f"增加{format_money(c.magnitude, style)}"
    word = "增加" if c.direction == "up" else "减少"
    return f"{word}{format_money(c.magnitude, style)}"


def rate_change(c: Change, style: NumberStyle = DEFAULT_STYLE) -> str:
    """增长/下降 and the printed rate; empty when last year was zero (no rate from nothing).

    >>> from reportgen.core.numbers import change
    >>> rate_change(change(Decimal("568.27"), Decimal("102.7349"), 2, 2))
    '增长453.14%'
    >>> rate_change(change(Decimal("5"), Decimal("0"), 2, 2))
    ''
    >>> rate_change(change(Decimal("0"), Decimal("0"), 2, 1), NumberStyle(持平写法="增减0"))
    '增长0%'
    """
    if c.direction == "flat":
        return "持平" if style.says_flat else f"增长{format_percent(Decimal(0), style)}"
    if c.rate is None:
        return ""
    word = "增长" if c.direction == "up" else "下降"
    return f"{word}{format_percent(c.rate_magnitude, style)}"


def full_change(c: Change, style: NumberStyle = DEFAULT_STYLE) -> str:
    """Both halves: "增加465.54万元，增长453.14%"; "持平"; no rate when last year was zero.

    >>> from reportgen.core.numbers import change
    >>> full_change(change(Decimal("518.57"), Decimal("1470.23"), 2, 1), NumberStyle(去除末尾零=True, 百分比小数位=1))
    '减少951.66万元，下降64.7%'
    >>> full_change(change(Decimal("3"), Decimal("0"), 2, 2))
    '增加3.00万元'
    >>> full_change(change(Decimal("0"), Decimal("0"), 2, 2), NumberStyle(持平写法="增减0"))
    '增加0万元，增长0%'
    >>> full_change(change(Decimal("2229.03"), Decimal("2823.83"), 2, 2), NumberStyle(增减连接="、"))
    '减少594.80万元、下降21.06%'
    """
    if c.direction == "flat" and style.says_flat:
        return "持平"
    rate = rate_change(c, style)
    return amount_change(c, style) + (f"{style.change_joiner}{rate}" if rate else "")


def completion_rate(c: Completion, style: NumberStyle = DEFAULT_STYLE, lead: str = "完成预算") -> str:
    """"完成预算97.31%"; with a zero budget the house style decides, never a false rate.

    >>> from reportgen.core.numbers import completion
    >>> completion_rate(completion(Decimal("661.7252"), Decimal("680"), 2, 2))
    '完成预算97.31%'
    >>> completion_rate(completion(Decimal("0"), Decimal("0"), 2, 2))
    '完成预算0%'
    >>> completion_rate(completion(Decimal("0"), Decimal("0"), 2, 2), NumberStyle(零预算完成率="无法计算"))
    '由于预算数为0万元，无法计算百分比'
    """
    if c.rate is not None:
        return f"{lead}{format_percent(c.rate, style)}"
    if style.zero_budget == "0%" and c.actual == 0:
        return f"{lead}{format_percent(Decimal(0), style)}"
    return f"由于预算数为{format_money(Decimal(0), style)}，无法计算百分比"


def is_flat(c: Change, style: NumberStyle = DEFAULT_STYLE) -> bool:
    """Whether the sentence says 持平 / 无增减 (a change printing as zero, in the style that words it so).

    >>> from reportgen.core.numbers import change
    >>> is_flat(change(Decimal(0), Decimal(0), 2, 2)), is_flat(change(Decimal(0), Decimal(0), 2, 2), NumberStyle(持平写法="增减0"))
    (True, False)
    """
    return c.direction == "flat" and style.says_flat


def comparison_word(c: Completion) -> str:
    """决算数 等于/大于/小于 预算数, from the printed figures.

    >>> from reportgen.core.numbers import completion
    >>> comparison_word(completion(Decimal("2.76"), Decimal("4"), 2, 2))
    '小于'
    """
    return {"equal": "等于", "more": "大于", "less": "小于"}[c.comparison]
