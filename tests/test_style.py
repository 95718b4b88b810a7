"""The number style, choice by choice: amounts and percentages trimmed apart, zeros, the text's
unit, separators — and amounts typed with separators read exactly or refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st
from pydantic import TypeAdapter, ValidationError

from reportgen.core.model import Money
from reportgen.core.numbers import quantize
from reportgen.core.style import NumberStyle
from reportgen.phrasing.numbers import format_amount, format_money, format_percent

amounts = st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=4, allow_nan=False)
places = st.integers(min_value=0, max_value=4)


@given(amounts, places, st.booleans(), st.booleans())
def test_an_amount_prints_its_rounded_value_whatever_the_trimming_or_grouping(value, p, trim, group):
    style = NumberStyle(金额小数位=p, 去除末尾零=trim, 千分位=group, 零金额写作0=False)
    printed = format_amount(value, style)
    assert Decimal(printed.replace(",", "")) == quantize(value, p)
    decimals = printed.partition(".")[2]
    assert len(decimals) == p if not trim else not decimals.endswith("0")


@given(amounts, st.integers(min_value=1, max_value=3), st.integers(min_value=0, max_value=98))
def test_amounts_and_percentages_trim_apart(value, p, k):
    amounts_only = NumberStyle(金额小数位=p, 百分比小数位=p, 去除末尾零=True, 百分比去除末尾零=False, 零金额写作0=False)
    percent_only = NumberStyle(金额小数位=p, 百分比小数位=p, 去除末尾零=False, 百分比去除末尾零=True, 零金额写作0=False)
    share = k + Decimal("0.5")  # never whole, so the decimals print
    assert not format_amount(value, amounts_only).endswith("0") or "." not in format_amount(value, amounts_only)
    assert len(format_percent(share, amounts_only).removesuffix("%").partition(".")[2]) == p
    assert len(format_amount(value, percent_only).partition(".")[2]) == p
    assert not format_percent(share, percent_only).removesuffix("%").endswith("0")


def test_the_styles_seen_in_the_corpus():
    dayingbjy = NumberStyle(百分比去除末尾零=True)  # 大英保健院 2020
    assert (format_amount(Decimal("1302.7"), dayingbjy), format_percent(Decimal("59.70"), dayingbjy)) == ("1302.70", "59.7%")
    tangzi = NumberStyle(去除末尾零=True, 百分比去除末尾零=True, 零百分比保留小数=True)  # 塘子街道 2023
    assert [format_percent(Decimal(v), tangzi) for v in ("39.70", "0", "48.82")] == ["39.7%", "0.00%", "48.82%"]
    chongqing = NumberStyle(百分比小数位=1, 整数百分比保留小数=True, 零百分比保留小数=False)
    assert [format_percent(Decimal(v), chongqing) for v in ("100", "0", "11")] == ["100.0%", "0%", "11.0%"]
    xundian = NumberStyle(文字金额单位="元", 去除末尾零=True, 千分位=True)  # 寻甸文旅局 2022, in 元
    assert [format_money(Decimal(v), xundian) for v in ("2.708", "2.608558", "0")] == ["27,080元", "26,085.58元", "0元"]
    assert format_amount(Decimal("2.708"), xundian) == "2.71"  # the 公开表 keep 万元


@given(st.integers(min_value=1000, max_value=10 ** 12 - 1), st.integers(min_value=0, max_value=99))  # Money < 10¹² 万元
def test_a_grouped_amount_is_read_digit_for_digit(whole, cents):
    typed = f"{whole:,}.{cents:02d}"
    assert TypeAdapter(Money).validate_python(typed) == Decimal(f"{whole}.{cents:02d}")
    assert TypeAdapter(Money).validate_python(typed.replace(",", "，")) == Decimal(f"{whole}.{cents:02d}")


@pytest.mark.parametrize("typed", ["10,66", "1,0,66.54", "1066,54", "1,066.5,4", ",1066", "1 066", "一千", "1.2.3"])
def test_an_amount_with_misplaced_separators_or_letters_is_refused(typed):
    with pytest.raises(ValidationError):
        TypeAdapter(Money).validate_python(typed)


def test_a_float_is_refused_and_text_in_元_is_converted_exactly():
    with pytest.raises(ValidationError):
        TypeAdapter(Money).validate_python(1066.54)
    in_yuan = TypeAdapter(Money).validate_python("10,665,400", context={"金额单位": "元"})
    assert in_yuan == Decimal("1066.54")
