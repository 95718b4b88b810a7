"""Building blocks of the data model: the frozen base class and the exact money type.

Field names are the Chinese labels of the data file, so the data file, the model and the
templates all say 一般公共预算财政拨款收入 for the same figure (aliases only where a label
is not a Python identifier, e.g. 因公出国（境）费).
"""

# Annotations as objects, not strings: pydantic would otherwise compile each one at import (start-up time).

import re
from decimal import ROUND_HALF_UP, Context, Decimal, DivisionByZero, Inexact, InvalidOperation, Overflow
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationInfo

#: Amounts are held in 万元 inside the model; a file in 元 is divided exactly on load.
Unit = Literal["元", "万元"]
_SCALE = {"元": Decimal(10000), "万元": Decimal(1)}


class Model(BaseModel):
    """Frozen, closed: an unknown field in the data file is an error, not a silent ignore."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


#: Amounts beyond 10¹² 万元 (a hundred times China's whole budget) or with more than ten decimals
#: of a 万元 (a millionth of a 元) are typing slips; inside these bounds every sum of a data file's
#: figures stays exact within Decimal's 28 digits.
MAX_WAN = Decimal(10) ** 12
MAX_PLACES = 10

#: The context every amount is converted in: an inexact or overflowing result raises, never rounds.
EXACT = Context(prec=34, rounding=ROUND_HALF_UP, traps=[InvalidOperation, DivisionByZero, Overflow, Inexact])

# Thousand separators only in whole groups of three: "9,18" is a slip, not 918.
_AMOUNT = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?|[+-]?\.\d+", re.ASCII)


def _exact(value: Any) -> Any:
    """What the data file wrote, as something Decimal reads exactly; anything else is refused:
    a float (it may already be inexact), a boolean, empty text, and thousand separators out of
    their groups of three (a mistyped "10,66" is refused with its line, not read as 1066).

    >>> _exact("1,066.54"), _exact(" 1066.54 "), _exact("1，066.54")
    (Decimal('1066.54'), Decimal('1066.54'), Decimal('1066.54'))
    >>> _exact("10,66")
    Traceback (most recent call last):
    ...
    ValueError: 金额的千分位分隔不对：应每三位一组，如 1,066.54（或不写分隔符）
    """
    if isinstance(value, bool):
        raise ValueError("应为金额，不是 true/false")
    if isinstance(value, float):
        raise ValueError("金额必须是精确的十进制数，不接受浮点数")
    if isinstance(value, str):
        text = value.strip().replace("，", ",")
        if not text:
            raise ValueError("金额不能是空文字（没有这项数就删去这一行，或填 0）")
        if not _AMOUNT.fullmatch(text):
            raise ValueError("金额的千分位分隔不对：应每三位一组，如 1,066.54（或不写分隔符）" if "," in text else "应为数字")
        return Decimal(text.replace(",", ""))
    return value


def _to_wan(value: Decimal, info: ValidationInfo) -> Decimal:
    if not value.is_finite():
        raise ValueError("金额必须是有限的数")
    unit = (info.context or {}).get("金额单位", "万元")
    scale = _SCALE[unit]
    if abs(value) >= MAX_WAN * scale:
        raise ValueError(f"金额过大（应小于 {MAX_WAN * scale:,f} {unit}），请检查单位与位数")
    places = MAX_PLACES - (4 if unit == "元" else 0)
    if value != 0 and value.as_tuple().exponent < -places:  # type: ignore[operator]
        raise ValueError(f"小数位过多（以{unit}为单位最多 {places} 位小数）")
    return EXACT.divide(value, scale)


def _not_negative_amount(value: Decimal) -> Decimal:
    if value < 0:
        raise ValueError("金额不能为负数")
    return value


#: An amount as entered (元 or 万元 per the file), held exactly in 万元, never negative: every
#: amount a data file enters (收入, 支出, 预算数, 上年数, 结转结余, 绩效 预算数 and 执行数 …) is
#: a sum of money that cannot be below zero. What is signed by nature — a change on last year,
#: a budget gap, a shortfall — is derived from these by the facts, never entered.
Money = Annotated[Decimal, BeforeValidator(_exact), AfterValidator(_to_wan), AfterValidator(_not_negative_amount)]

#: A count (人, 辆, 个, 批次): a whole number, never negative.
Count = Annotated[int, BeforeValidator(lambda v: _whole(v)), AfterValidator(lambda v: _non_negative(v))]

MAX_COUNT = 10**9


def _whole(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("应为整数，不是 true/false")
    if isinstance(value, str) and not value.strip():
        raise ValueError("数量不能是空文字（没有就删去这一行，或填 0）")
    return value


def _non_negative(v: int) -> int:
    if v < 0:
        raise ValueError("数量不能为负数")
    if v > MAX_COUNT:
        raise ValueError("数量过大")
    return v


def paragraphs(value: Any) -> Any:
    """Free text may be one string (one paragraph per line) or a list of paragraphs."""
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    return value


Paragraphs = Annotated[list[str], BeforeValidator(paragraphs)]
