"""Field types the 决算 data model shares: a reason (one text, or several printed numbered), a
科目 code (typed as a number or as text), and a named amount (a 明细 line)."""

# Annotations as objects, not strings: pydantic would otherwise compile each one at import (start-up time).

from typing import Annotated, Optional, Union

from pydantic import BeforeValidator, Field

from reportgen.core.model import Model, Money


def one_or_more(value: object) -> object:
    # One reason is text; several are a list, printed numbered ("主要原因一是…；二是…").
    if isinstance(value, list) and len(value) == 1:
        return value[0]
    return value


#: Why a figure changed: one sentence, or several (a list) printed "一是…；二是…".
Reason = Annotated[Union[str, list[str]], BeforeValidator(one_or_more)]


def _code(value: object) -> object:
    return str(value).strip() if isinstance(value, int) else value


Code = Annotated[str, BeforeValidator(_code), Field(pattern=r"^\d{3}(\d{2}){0,2}$")]


class DetailItem(Model):
    名称: str
    金额: Optional[Money] = None
    科目编码: Optional[Code] = None


def detail_item(value: object) -> object:
    return {"名称": value} if isinstance(value, str) else value
