"""Figures as printed: amounts and percentages by the document's NumberStyle (Babel patterns)."""

from __future__ import annotations

from decimal import Decimal

from functools import lru_cache

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

from reportgen.core.numbers import quantize
from reportgen.core.style import DEFAULT_STYLE, NumberStyle


def _require_decimal(value: object) -> Decimal:
    # A float here would mean an inexact figure slipped past the model: refuse it loudly.
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"数字格式化只接受 Decimal，收到 {type(value).__name__}: {value!r}")
    return Decimal(value)


_LOCALE = Locale.parse("zh_CN")


@lru_cache(maxsize=None)
def _pattern(places: int, trim: bool, grouping: bool) -> NumberPattern:
    # Parsed once: babel's format_decimal re-parses its pattern on every call, which made
    # number formatting a third of a whole build.
    body = "#,##0" if grouping else "0"
    if places:
        body += "." + ("#" if trim else "0") * places
    return parse_pattern(body)


def _format(value: Decimal, places: int, trim: bool, grouping: bool) -> str:
    # The value is already rounded 四舍五入 to `places`, so babel's own rounding changes nothing.
    return _pattern(places, trim, grouping).apply(value, _LOCALE)


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
