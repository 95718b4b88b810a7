"""The 部门预算支出经济分类: its catalogue, and 财政拨款 spending by 款 as 人员经费, 公用经费, 项目支出."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Union

from reportgen.core.catalogue import Catalogue, economic_catalogue
from reportgen.kinds.final_accounts.classified import EconomicItem
from reportgen.kinds.final_accounts.model import DetailItem, FinalAccounts

ZERO = Decimal(0)

#: The 类 of 人员经费 (工资福利支出, 对个人和家庭的补助); the other 类 of 基本支出 are 公用经费.
PERSONNEL_CLASSES = ("301", "303")


@dataclass(frozen=True)
class EconomicEntry:
    """Spending under one 经济分类 款; 人员经费 + 公用经费 is its 基本支出."""

    编码: str
    名称: str
    人员经费: Decimal = ZERO
    公用经费: Decimal = ZERO
    项目支出: Decimal = ZERO


Listed = Union[EconomicItem, DetailItem]


def code_of(item: Listed, cat: Catalogue) -> str | None:
    """The 款 code of an amount: its own, or the code whose catalogue name is the item's name.

    >>> code_of(DetailItem(名称="基本工资", 金额=Decimal(1)), economic_catalogue())
    '30101'
    >>> code_of(DetailItem(名称="其他交通费", 金额=Decimal(1)), economic_catalogue()) is None
    True
    """
    if item.科目编码:
        return item.科目编码
    name = getattr(item, "名称", None)
    return next((c for c, n in cat.names.items() if len(c) == 5 and n == name), None)


def name_of(item: Listed, code: str, cat: Catalogue) -> str:
    """The item's own 科目名称, else the catalogue's name, else the name the data file lists it by."""
    own = getattr(item, "科目名称", None)
    return own or cat.names.get(code) or getattr(item, "名称", code)


def general_entries(data: FinalAccounts, cat: Catalogue) -> list[EconomicEntry]:
    """一般公共预算财政拨款 spending by 款: 人员经费 and 公用经费 from 基本支出, and 项目支出.

    Amounts whose 款 cannot be told (no code, a name not in the catalogue) are left out here;
    the checks report them.
    """
    basic = data.一般公共预算财政拨款基本支出
    out = [EconomicEntry(c, name_of(x, c, cat), 人员经费=x.金额) for x, c in _coded(basic.人员经费.economic, cat)]
    out += [EconomicEntry(c, name_of(x, c, cat), 公用经费=x.金额) for x, c in _coded(basic.公用经费.economic, cat)]
    out += [EconomicEntry(c, name_of(x, c, cat), 项目支出=x.金额) for x, c in _coded(data.一般公共预算财政拨款项目支出, cat)]
    return out


def other_fund_entries(data: FinalAccounts, cat: Catalogue) -> list[EconomicEntry]:
    """政府性基金 and 国有资本经营预算财政拨款 spending by 款; 基本支出 is 人员经费 or 公用经费 by 类."""
    out = []
    for x in data.其他财政拨款支出经济分类:
        personnel = x.科目编码[:3] in PERSONNEL_CLASSES
        out.append(EconomicEntry(x.科目编码, name_of(x, x.科目编码, cat),
                                 人员经费=x.基本支出 if personnel else ZERO,
                                 公用经费=ZERO if personnel else x.基本支出, 项目支出=x.项目支出))
    return out


def uncoded(data: FinalAccounts, cat: Catalogue) -> Iterator[tuple[str, Listed]]:
    """(group, item) of every amount by 经济分类 whose 款 cannot be told."""
    basic = data.一般公共预算财政拨款基本支出
    for group, items in (("人员经费", basic.人员经费.economic), ("公用经费", basic.公用经费.economic),
                         ("项目支出", data.一般公共预算财政拨款项目支出)):
        for x in items:
            if code_of(x, cat) is None:
                yield group, x


def _coded(items: list, cat: Catalogue) -> Iterator[tuple[Listed, str]]:
    for x in items:
        code = code_of(x, cat)
        if code is not None and x.金额 is not None:
            yield x, code
