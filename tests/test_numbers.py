"""Properties of the number rules: shares print to 100%, words agree with printed figures, 四舍五入."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.core.numbers import change, completion, quantize, shares
from reportgen.phrasing.numbers import format_amount, format_percent
from reportgen.core.style import NumberStyle
from reportgen.phrasing.words import amount_change, completion_rate, full_change, rate_change

amounts = st.decimals(min_value=0, max_value=10**7, places=4, allow_nan=False, allow_infinity=False)
signed = st.decimals(min_value=-10**6, max_value=10**6, places=4, allow_nan=False, allow_infinity=False)
places = st.integers(min_value=0, max_value=3)
policies = st.sampled_from(["独立舍入", "最大余数", "倒挤"])


@given(st.lists(amounts, min_size=1, max_size=12), places, st.sampled_from(["最大余数", "倒挤"]))
@settings(max_examples=400)
def test_printed_shares_add_up_to_exactly_100(values, p, policy):
    printed = shares(values, p, policy)
    if sum(values) == 0:
        assert all(s == 0 for s in printed)
    else:
        assert sum(printed) == 100
        assert all(s >= 0 for s in printed)
        assert all(s == 0 for s, v in zip(printed, values) if v == 0)


@given(st.lists(amounts, min_size=1, max_size=12), places, policies)
def test_each_share_is_within_one_unit_of_its_exact_value(values, p, policy):
    total = sum(values)
    if total == 0:
        return
    step = Decimal(1).scaleb(-p)
    for v, s in zip(values, shares(values, p, policy)):
        exact = v * 100 / total
        # 倒挤 can push the residual of every other rounding onto one item.
        slack = step * (len(values) if policy == "倒挤" else 1)
        assert abs(s - exact) <= slack


def test_shares_policies_on_seed_001():
    values = [Decimal("483.16"), Decimal("18.95"), Decimal("16.46")]
    assert shares(values, 1, "倒挤") == [Decimal("93.2"), Decimal("3.7"), Decimal("3.1")]
    assert shares(values, 1, "独立舍入") == [Decimal("93.2"), Decimal("3.7"), Decimal("3.2")]


@given(amounts, amounts, st.integers(0, 3), st.integers(0, 3))
@settings(max_examples=400)
def test_change_word_agrees_with_the_printed_figures(cur, prev, ap, pp):
    c = change(cur, prev, ap, pp)
    style = NumberStyle(金额小数位=ap, 百分比小数位=pp)
    text = amount_change(c, style)
    printed = quantize(cur - prev, ap)
    if printed > 0:
        assert text.startswith("增加") and format_amount(printed, style) in text
    elif printed < 0:
        assert text.startswith("减少") and format_amount(-printed, style) in text
    else:
        assert text == "持平"
    rate = rate_change(c, style)
    if prev == 0 and printed != 0:
        assert rate == ""  # never "增长100%" or inf from a zero base
    if rate and rate != "持平":
        assert rate.startswith("增长" if printed > 0 else "下降")
    assert "-" not in full_change(c, style)


@pytest.mark.parametrize(
    "value, p, expected",
    [("2.675", 2, "2.68"), ("2.665", 2, "2.67"), ("0.125", 2, "0.13"), ("0.5", 0, "1"), ("1.5", 0, "2"),
     ("2.5", 0, "3"), ("-2.5", 0, "-3"), ("453.145", 2, "453.15"), ("99.995", 2, "100.00")],
)
def test_round_half_up_at_the_half(value, p, expected):
    assert quantize(Decimal(value), p) == Decimal(expected)


@given(st.integers(min_value=-10**8, max_value=10**8), st.integers(0, 3))
def test_exact_halves_always_round_away_from_zero(n, p):
    half = (Decimal(n) + Decimal("0.5")).scaleb(-p)
    assert abs(quantize(half, p)) == abs(half) + Decimal("0.5").scaleb(-p)


@pytest.mark.parametrize("fmt", [format_amount, format_percent])
@pytest.mark.parametrize("bad", [1.5, 0.1 + 0.2, float("nan"), "3.14", None])
def test_no_float_or_text_reaches_a_formatter(fmt, bad):
    with pytest.raises(TypeError):
        fmt(bad)


@given(signed)
def test_formatters_accept_every_decimal(value):
    assert format_amount(value).replace("-", "").replace(".", "").isdigit()
    assert format_percent(value).endswith("%")


def test_zero_budget_never_prints_a_false_rate():
    c = completion(Decimal("3"), Decimal("0"), 2, 2)
    assert completion_rate(c) == "由于预算数为0万元，无法计算百分比"
    assert completion_rate(completion(Decimal("0"), Decimal("0"), 2, 2)) == "完成预算0%"


def test_trim_style_of_seed_001():
    style = NumberStyle(金额小数位=2, 百分比小数位=1, 去除末尾零=True)
    assert format_amount(Decimal("293.80"), style) == "293.8"
    assert format_amount(Decimal("252"), style) == "252"
    assert format_percent(Decimal("10.02"), style) == "10%"


@given(signed, places, st.booleans(), st.booleans())
@settings(max_examples=400)
def test_printed_figures_are_those_of_babels_zh_CN_patterns(value, p, trim, grouping):
    # The writers print with Python's Decimal formatting; Babel's CLDR patterns for zh_CN, which
    # printed them before, are the oracle (babel is a test dependency only).
    from babel import Locale
    from babel.numbers import parse_pattern

    style = NumberStyle(金额小数位=p, 去除末尾零=trim, 千分位=grouping)
    pattern = ("#,##0" if grouping else "0") + ("." + ("#" if trim else "0") * p if p else "")
    rounded = quantize(value, p)
    expected = "0" if rounded == 0 else parse_pattern(pattern).apply(rounded, Locale.parse("zh_CN"))
    assert format_amount(value, style) == expected
