"""Figures as printed: amounts and percentages by the document's NumberStyle."""

from __future__ import annotations

from decimal import Decimal

from reportgen.core.numbers import quantize
from reportgen.core.style import DEFAULT_STYLE, NumberStyle


def _require_decimal(value: object) -> Decimal:
    # A float here would mean an inexact figure slipped past the model: refuse it loudly.
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"数字格式化只接受 Decimal，收到 {type(value).__name__}: {value!r}")
    return Decimal(value)


def _format(value: Decimal, places: int, trim: bool, grouping: bool) -> str:
    """`value`, already rounded 四舍五入 to `places`, in fixed point ("," between thousands).

    Python's own Decimal formatting is exact and prints what Babel's zh_CN patterns printed
    ("#,##0.00", "0.##" — tests/test_numbers.py holds the two side by side), ~9 times faster a call
    and without loading locale data at start-up; the only symbols involved are "." "," and "-".

    >>> _format(Decimal("3107.50"), 2, False, True), _format(Decimal("293.80"), 2, True, False)
    ('3,107.50', '293.8')
    >>> _format(Decimal("12.00"), 2, True, False), _format(Decimal("-0.5"), 1, False, False)
    ('12', '-0.5')
    """
    text = format(value, f"{',' if grouping else ''}.{places}f")
    return text.rstrip("0").rstrip(".") if trim and places else text


def format_amount(value: Decimal, style: NumberStyle = DEFAULT_STYLE) -> str:
    """An amount rounded 四舍五入 to the style's decimals; zero prints as "0".

    >>> format_amount(Decimal("184.9"))
    '184.90'
    >>> format_amount(Decimal("293.80"), NumberStyle(去除末尾零=True))
    '293.8'
    >>> format_amount(Decimal("0")), format_amount(Decimal("3107.5"), NumberStyle(千分位=True))
    ('0', '3,107.50')
    """
    value = quantize(_require_decimal(value), style.amount_places)
    if value == 0 and style.zero_as_0:
        return "0"
    return _format(value, style.amount_places, style.trim_zeros, style.grouping)


def text_amount(value: Decimal, style: NumberStyle = DEFAULT_STYLE) -> str:
    """An amount (held in 万元) as the text prints it: in 万元, or in 元 where the style says so
    (文字金额单位); the 公开表 always print 万元 (format_amount)."""
    value = _require_decimal(value)
    return format_amount(value * 10000 if style.text_unit == "元" else value, style)


def format_money(value: Decimal, style: NumberStyle = DEFAULT_STYLE) -> str:
    """An amount of the text with its unit: "184.90万元", or in 元 where the style says so.

    >>> format_money(Decimal("2.708")), format_money(Decimal("2.708"), NumberStyle(文字金额单位="元", 去除末尾零=True, 千分位=True))
    ('2.71万元', '27,080元')
    """
    return text_amount(value, style) + style.text_unit


def format_percent(value: Decimal, style: NumberStyle = DEFAULT_STYLE) -> str:
    """A percentage (already ×100) with its sign; whole values print without decimals unless the
    style keeps them (整数百分比保留小数, 零百分比保留小数).

    >>> format_percent(Decimal("97.2")), format_percent(Decimal("100.00")), format_percent(Decimal("0"))
    ('97.20%', '100%', '0%')
    >>> format_percent(Decimal("64.70"), NumberStyle(百分比小数位=1, 去除末尾零=True))
    '64.7%'
    >>> s = NumberStyle(整数百分比保留小数=True, 零百分比保留小数=False)
    >>> format_percent(Decimal("100"), s), format_percent(Decimal("0"), s), format_percent(Decimal("64.7"), s)
    ('100.00%', '0%', '64.70%')
    >>> format_percent(Decimal("64.70"), NumberStyle(去除末尾零=True, 百分比去除末尾零=False))
    '64.70%'
    >>> t = NumberStyle(百分比去除末尾零=True, 零百分比保留小数=True)
    >>> format_percent(Decimal("39.70"), t), format_percent(Decimal("0"), t)
    ('39.7%', '0.00%')
    """
    value = quantize(_require_decimal(value), style.percent_places)
    if value == 0 and style.zero_percent_decimals is not None:
        # "0.00%" beside trimmed "39.7%" (塘子街道 2023): a kept zero keeps all its decimals.
        keep, trim = style.zero_percent_decimals, False
    else:
        keep = value != value.to_integral_value() or style.whole_percent_decimals
        trim = style.trims_percent
    return _format(value, style.percent_places if keep else 0, trim, False) + "%"
