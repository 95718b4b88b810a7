"""The figures entered once, resolved: each 科目's split and carry-over, and the totals they add up to.

The 功能分类 项 lists are the single source of the unit's income and spending: every total of
第二部分 and every 合计 row of 第五部分 is added up here, and a total the data file also states
is only checked against it (reportgen.kinds.final_accounts.checks).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping

from reportgen.kinds.final_accounts.classified import NonFiscalItem
from reportgen.kinds.final_accounts.model import FinalAccounts, SubjectSpending

ZERO = Decimal(0)

#: The three 财政拨款 funds: name in the tables, and the data file's list of its 科目.
FUNDS: tuple[tuple[str, str], ...] = (
    ("一般公共预算", "一般公共预算财政拨款支出"),
    ("政府性基金预算", "政府性基金预算财政拨款支出"),
    ("国有资本经营预算", "国有资本经营预算财政拨款支出"),
)
INCOME = ("一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入",
          "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
SPENDING = ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
NON_FISCAL_INCOME = INCOME[3:]


@dataclass(frozen=True)
class FundTotals:
    """One 财政拨款 fund's flows (of one 项, or added up over its 项): 年初 + 收入 = 基本 + 项目 + 年末."""

    资金: str
    年初: Decimal
    收入: Decimal
    基本: Decimal
    项目: Decimal
    年末: Decimal

    @property
    def 支出(self) -> Decimal:
        return self.基本 + self.项目


@dataclass(frozen=True, kw_only=True)
class FundEntry(FundTotals):
    """One 项 of one 财政拨款 fund."""

    编码: str
    名称: str | None  # the data file's own name for the 项, if it gives one


@dataclass(frozen=True)
class Ledger:
    """The resolved 科目 entries and the unit totals added up from them."""

    fiscal: tuple[FundEntry, ...]
    non_fiscal: tuple[NonFiscalItem, ...]
    funds: tuple[FundTotals, ...]  # in FUNDS order
    收入: Mapping[str, Decimal]  # by INCOME label
    支出: Mapping[str, Decimal]  # by SPENDING label

    @property
    def 年初财政拨款结转和结余(self) -> Decimal:
        return sum((f.年初 for f in self.funds), ZERO)

    def fund(self, name: str) -> FundTotals:
        return next(f for f in self.funds if f.资金 == name)


def split(item: SubjectSpending) -> tuple[Decimal, Decimal]:
    """(基本支出, 项目支出) of a 项: the part given and the rest; all 基本支出 when neither is given.

    >>> from decimal import Decimal as D
    >>> i = SubjectSpending(科目编码="2080109", 预算数=D(10), 决算数=D(10), 项目支出=D(4))
    >>> split(i)
    (Decimal('6'), Decimal('4'))
    """
    if item.基本支出 is not None:
        return item.基本支出, item.项目支出 if item.项目支出 is not None else item.决算数 - item.基本支出
    if item.项目支出 is not None:
        return item.决算数 - item.项目支出, item.项目支出
    return item.决算数, ZERO


def fund_entries(data: FinalAccounts) -> tuple[FundEntry, ...]:
    """Every 财政拨款 项 of the three funds, in file order."""
    out = []
    for fund, field in FUNDS:
        for i in getattr(data, field):
            basic, project = split(i)
            income = i.决算数 - i.年初结转和结余 + i.年末结转和结余
            out.append(FundEntry(fund, i.年初结转和结余, income, basic, project, i.年末结转和结余,
                                 编码=i.科目编码, 名称=i.科目名称))
    return tuple(out)


def compute_ledger(data: FinalAccounts) -> Ledger:
    """Resolve the 科目 lists and add up the unit's income and spending from them."""
    fiscal = fund_entries(data)
    funds = tuple(_fund_totals(name, [e for e in fiscal if e.资金 == name]) for name, _ in FUNDS)
    other = tuple(data.非财政拨款收支)
    income = {f"{f.资金}财政拨款收入": f.收入 for f in funds}
    income |= {k: _sum(other, k) for k in NON_FISCAL_INCOME}
    spending = {
        "基本支出": sum((f.基本 for f in funds), ZERO) + _sum(other, "基本支出"),
        "项目支出": sum((f.项目 for f in funds), ZERO) + _sum(other, "项目支出"),
    }
    spending |= {k: _sum(other, k) for k in SPENDING[2:]}
    return Ledger(fiscal, other, funds, income, spending)


def _fund_totals(name: str, entries: list[FundEntry]) -> FundTotals:
    def total(attr: str) -> Decimal:
        return sum((getattr(e, attr) for e in entries), ZERO)

    return FundTotals(name, total("年初"), total("收入"), total("基本"), total("项目"), total("年末"))


def _sum(items: tuple[NonFiscalItem, ...], field: str) -> Decimal:
    return sum((getattr(i, field) for i in items), ZERO)
