"""Money and Count: what an amount or a count may be, so that no figure is silently another."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from reportgen.core.model import MAX_WAN, Count, Model, Money


class Amounts(Model):
    金额: Money = Decimal(0)
    数量: Count = 0


def amount(value, unit: str = "万元") -> Decimal:
    return Amounts.model_validate({"金额": value}, context={"金额单位": unit}).金额


def refused(value, unit: str = "万元", field: str = "金额") -> str:
    with pytest.raises(ValidationError) as e:
        Amounts.model_validate({field: value}, context={"金额单位": unit})
    return str(e.value)


@pytest.mark.parametrize("written, wan", [
    ("1,234.56", Decimal("1234.56")), ("1，234.56", Decimal("1234.56")), ("12,345,678", Decimal(12345678)),
    ("  42  ", Decimal(42)), (Decimal("0128.60"), Decimal("128.60")), (7, Decimal(7)), ("-0", Decimal(0)),
])
def test_what_an_amount_may_be_written_as(written, wan):
    assert amount(written) == wan


@pytest.mark.parametrize("written, says", [
    ("9,18", "千分位"), ("1,2345", "千分位"), ("12，34", "千分位"), (",123", "千分位"),
    ("", "空文字"), ("   ", "空文字"), (True, "true/false"), (False, "true/false"), (1.5, "浮点数"),
    ("1e5", "应为数字"), ("1_000", "应为数字"), ("0x1F", "应为数字"), ("9:18", "应为数字"), ("１２", "应为数字"),
    ("Infinity", "应为数字"), (Decimal("Infinity"), "finite"), (Decimal("NaN"), "finite"),
    (-1, "负数"), (Decimal("-0.01"), "负数"), (Decimal("1E+12"), "过大"), (10**30, "过大"),
    (Decimal("1E-11"), "小数位过多"),
])
def test_what_an_amount_may_not_be(written, says):
    assert says in refused(written)


def test_the_bounds_are_in_the_files_unit():
    assert amount(Decimal("999999999999.9999999999")) < MAX_WAN  # 10 decimals of a 万元
    assert amount(Decimal("9999999999999999.999999"), "元") == Decimal("999999999999.9999999999")
    assert "过大" in refused(Decimal("1E+16"), "元") and "小数位过多" in refused(Decimal("0.0000001"), "元")


@given(st.lists(st.decimals(min_value=0, max_value=Decimal("9999999999999999.99"), places=2), max_size=200))
def test_yuan_become_wan_exactly_and_add_up_exactly(values):
    wan = [amount(v, "元") for v in values]
    assert [w * 10000 for w in wan] == values
    assert sum(wan, Decimal(0)) * 10000 == sum(values, Decimal(0))  # within 28 digits: no rounding


@pytest.mark.parametrize("written, says", [(True, "true/false"), ("", "空文字"), (-1, "负数"), (10**10, "过大"),
                                           (1.5, "integer")])
def test_what_a_count_may_not_be(written, says):
    assert says in refused(written, field="数量")
