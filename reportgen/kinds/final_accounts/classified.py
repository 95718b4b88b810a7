"""Records by 功能分类 or 经济分类 that only the 公开表 need: non-财政拨款 money and 经济分类 amounts."""

# Annotations as objects, not strings: pydantic would otherwise compile each one at import (start-up time).

from decimal import Decimal
from typing import Annotated, Optional

from pydantic import BeforeValidator, Field

from reportgen.core.model import Model, Money

ZERO = Decimal(0)


def _text(value: object) -> object:
    # A code typed as a number (2080109) is the same code as the text "2080109".
    return str(value).strip() if isinstance(value, int) else value


#: A 功能分类 项 (7 digits: 2080109 社会保险经办机构).
SubjectCode = Annotated[str, BeforeValidator(_text), Field(pattern=r"^\d{7}$")]
#: A 部门预算支出经济分类 款 (5 digits: 30101 基本工资).
EconomicCode = Annotated[str, BeforeValidator(_text), Field(pattern=r"^\d{5}$")]


class NonFiscalItem(Model):
    """Income and spending of one 功能分类 项 from money other than 财政拨款 (公开02表, 公开03表)."""

    科目编码: SubjectCode
    科目名称: Optional[str] = None
    上级补助收入: Money = ZERO
    事业收入: Money = ZERO
    经营收入: Money = ZERO
    附属单位上缴收入: Money = ZERO
    其他收入: Money = ZERO
    基本支出: Money = ZERO
    项目支出: Money = ZERO
    上缴上级支出: Money = ZERO
    经营支出: Money = ZERO
    对附属单位补助支出: Money = ZERO


class EconomicItem(Model):
    """An amount under one 部门预算支出经济分类 款; the name comes from the catalogue when omitted."""

    科目编码: EconomicCode
    科目名称: Optional[str] = None
    金额: Money


class EconomicSplit(Model):
    """政府性基金 and 国有资本经营 spending under one 经济分类 款, as 基本支出 and 项目支出 (公开05表)."""

    科目编码: EconomicCode
    科目名称: Optional[str] = None
    基本支出: Money = ZERO
    项目支出: Money = ZERO
