"""Building blocks of the data model: the frozen base class and the exact money type.

Field names are the Chinese labels of the data file, so the data file, the model and the
templates all say 一般公共预算财政拨款收入 for the same figure (aliases only where a label
is not a Python identifier, e.g. 因公出国（境）费).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationInfo

#: Amounts are held in 万元 inside the model; a file in 元 is divided exactly on load.
Unit = Literal["元", "万元"]
_SCALE = {"元": Decimal(10000), "万元": Decimal(1)}


class Model(BaseModel):
    """Frozen, closed: an unknown field in the data file is an error, not a silent ignore."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


#: An amount typed as text: plain digits, or digits in valid thousand groups ("1,066.54", "1，066.54").
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_GROUPED = re.compile(r"[+-]?\d{1,3}([,，]\d{3})+(\.\d*)?")


def _exact(value: Any) -> Any:
    """A float is refused (it may already be inexact); text is read digit for digit.

    Thousands separators are accepted only in valid groups of three, so a mistyped "1,0,66.54" or
    "10,66" is refused with its line rather than read as 1066.54.

    >>> _exact("1,066.54"), _exact(" 1066.54 "), _exact("")
    ('1066.54', '1066.54', '0')
    >>> _exact("10,66")
    Traceback (most recent call last):
    ...
    ValueError: 金额的千分位分隔不对：应每三位一组，如 1,066.54（或不写分隔符）
    """
    if isinstance(value, float):
        raise ValueError("金额必须是精确的十进制数，不接受浮点数")
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return "0"
        if _GROUPED.fullmatch(text):
            return text.replace(",", "").replace("，", "")
        if any(c in text for c in ",，"):
            raise ValueError("金额的千分位分隔不对：应每三位一组，如 1,066.54（或不写分隔符）")
        if not _PLAIN.fullmatch(text):
            raise ValueError("应为数字")
        return text
    return value


def _to_wan(value: Decimal, info: ValidationInfo) -> Decimal:
    if not value.is_finite():
        raise ValueError("金额必须是有限的数")
    unit = (info.context or {}).get("金额单位", "万元")
    return value / _SCALE[unit] if unit != "万元" else value


#: An amount as entered (元 or 万元 per the file), held exactly in 万元.
Money = Annotated[Decimal, BeforeValidator(_exact), AfterValidator(_to_wan)]

#: A count (人, 辆, 个, 批次): a whole number, never negative.
Count = Annotated[int, AfterValidator(lambda v: _non_negative(v))]


def _non_negative(v: int) -> int:
    if v < 0:
        raise ValueError("数量不能为负数")
    return v


def paragraphs(value: Any) -> Any:
    """Free text may be one string (one paragraph per line) or a list of paragraphs."""
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    return value


Paragraphs = Annotated[list[str], BeforeValidator(paragraphs)]
