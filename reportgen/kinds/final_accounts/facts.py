"""Facts of a 部门决算: every total, share, change and completion rate, as exact or rounded Decimals.

Nothing here is a human word; the templates choose those. Rounding follows the document's
NumberStyle, and every share list prints to exactly 100%.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from reportgen.core.catalogue import Catalogue, builtin_catalogue
from reportgen.core.catalogue import economic_catalogue
from reportgen.kinds.final_accounts.ledger import INCOME, SPENDING, Ledger, compute_ledger
from reportgen.core import numbers
from reportgen.core.numbers import Change, Completion, completion, percent, shares
from reportgen.kinds.final_accounts.table_facts import TablesFacts, compute_tables
from reportgen.kinds.final_accounts.classified import NonFiscalItem
from reportgen.kinds.final_accounts.model import FinalAccounts, SubjectSpending
from reportgen.core.style import NumberStyle

ZERO = Decimal(0)


@dataclass(frozen=True)
class Part:
    """One part of a whole: its name, exact amount and printed share (%) of the whole."""

    名称: str
    金额: Decimal
    占比: Decimal


@dataclass(frozen=True)
class Item:
    """One 功能分类 项 with the names of its 类 and 款 and its budget completion."""

    编码: str
    类名: str
    款名: str
    项名: str
    预算数: Decimal
    决算数: Decimal
    完成: Completion
    原因: str


@dataclass(frozen=True)
class FinalAccountsFacts:
    本年: int
    上年: int
    二级预算单位数: int
    本年收入合计: Decimal
    收入构成: tuple[Part, ...]
    本年支出合计: Decimal
    支出构成: tuple[Part, ...]
    收入总计: Decimal
    支出总计: Decimal
    年末结转和结余: Decimal
    收支总计变动: Change
    收入分类: tuple[Part, ...]  # 财政拨款收入 (the three funds together), then the other sources
    本年收入合计变动: Change | None  # None: last year's figure not given
    本年支出合计变动: Change | None
    年末结转和结余变动: Change | None
    年初结转和结余变动: Change | None
    财政拨款收入: Decimal
    财政拨款支出: Decimal
    财政拨款收入变动: Change | None  # older documents state 财政拨款收入 and 支出 apart
    财政拨款支出变动: Change | None
    财政拨款收支总计: Decimal
    年末财政拨款结转和结余: Decimal
    财政拨款收支总计变动: Change
    一般公共预算支出: Decimal
    一般公共预算支出占本年支出: Decimal | None
    一般公共预算支出变动: Change
    一般公共预算类构成: tuple[Part, ...]
    一般公共预算完成: Completion
    一般公共预算科目: tuple[Item, ...]
    基本支出: Decimal
    人员经费: Decimal
    公用经费: Decimal
    三公预算: Decimal
    三公决算: Decimal
    三公完成: Completion
    三公变动: Change
    三公构成: tuple[Part, ...]
    因公出国完成: Completion
    因公出国变动: Change
    公务用车完成: Completion
    公务用车变动: Change
    公务用车购置完成: Completion
    公务用车购置变动: Change
    公务用车运行维护完成: Completion
    公务用车运行维护变动: Change
    公务接待完成: Completion
    公务接待变动: Change
    公务用车购置辆数: int
    公务用车保有量: int
    政府性基金支出: Decimal
    国有资本经营支出: Decimal
    机关运行经费变动: Change | None  # None: the unit has none (a 事业单位)
    政府采购总额: Decimal
    中小企业占比: Decimal
    小微企业占比: Decimal
    车辆总数: int
    事前评估项目数: int
    名词解释科目: tuple[Item, ...]
    附表: TablesFacts


def compute(data: FinalAccounts, style: NumberStyle | None = None, catalogue: Catalogue | None = None
            ) -> FinalAccountsFacts:
    """Derive every figure of the document from the data file's entries, rounded by `style`
    (the data file's 样式 over its layout's defaults; the file's own when not given).

    The unit's income and spending come from the 科目 lists (the ledger), so 第二部分 and the
    公开表 of 第五部分 are added up from the same entries.
    """
    s = style or data.样式
    cat = (catalogue or builtin_catalogue(data.单位.报告年度)).with_names(data.科目名称)
    A, P = s.text_places, s.percent_places  # changes are rounded as the text prints them
    zero_base = s.zero_base_growth == "100%"

    def change(current: Decimal, previous: Decimal) -> Change:
        return numbers.change(current, previous, A, P, zero_base)

    def change_if(current: Decimal, previous: Decimal | None) -> Change | None:
        return None if previous is None else change(current, previous)

    cf = data.结转结余
    ledger = compute_ledger(data)

    # A figure the file states is used as stated (the checks stop any that disagree with its 科目).
    income = _share_parts([(n, _stated_or(getattr(data.收入, n), ledger.收入[n])) for n in INCOME], s)
    spend = _share_parts([(n, _stated_or(getattr(data.支出, n), ledger.支出[n])) for n in SPENDING], s)
    income_total = sum((p.金额 for p in income), ZERO)
    spend_total = sum((p.金额 for p in spend), ZERO)
    grand_in = income_total + cf.使用非财政拨款结余 + cf.年初结转和结余
    year_end = grand_in - spend_total - cf.结余分配

    fiscal_in = sum((p.金额 for p in income[:3]), ZERO)
    gpb_items = [_item(i, cat, A, P) for i in data.一般公共预算财政拨款支出]
    gpb = sum((i.决算数 for i in gpb_items), ZERO)
    fund = _sum(data.政府性基金预算财政拨款支出)
    soe = _sum(data.国有资本经营预算财政拨款支出)
    fiscal_out = gpb + fund + soe
    fiscal_total = fiscal_in + _stated_or(cf.年初财政拨款结转和结余, ledger.年初财政拨款结转和结余)
    basic = data.一般公共预算财政拨款基本支出

    three = data.三公经费
    car = lambda x: x.公务用车购置费 + x.公务用车运行维护费  # noqa: E731
    total3 = lambda x: x.因公出国费 + car(x) + x.公务接待费  # noqa: E731
    proc = data.政府采购
    proc_total = proc.货物 + proc.工程 + proc.服务
    pe = data.预算绩效管理
    org = data.单位.机构设置
    prior = data.上年决算
    running = data.机关运行经费

    return FinalAccountsFacts(
        本年=data.单位.报告年度,
        上年=data.单位.报告年度 - 1,
        二级预算单位数=sum(org.count(k) for k in ("行政单位", "参公事业单位", "其他事业单位")),
        本年收入合计=income_total,
        收入构成=tuple(income),
        本年支出合计=spend_total,
        支出构成=tuple(spend),
        收入总计=grand_in,
        支出总计=spend_total + cf.结余分配 + year_end,
        年末结转和结余=year_end,
        收支总计变动=change(grand_in, data.上年决算.收支总计),
        收入分类=tuple(_share_parts([("财政拨款收入", fiscal_in), *((p.名称, p.金额) for p in income[3:])], s)),
        本年收入合计变动=change_if(income_total, prior.本年收入合计),
        本年支出合计变动=change_if(spend_total, prior.本年支出合计),
        年末结转和结余变动=change_if(year_end, prior.年末结转和结余),
        年初结转和结余变动=change_if(cf.年初结转和结余, prior.年初结转和结余),
        财政拨款收入=fiscal_in,
        财政拨款支出=fiscal_out,
        财政拨款收入变动=change_if(fiscal_in, prior.财政拨款收入),
        财政拨款支出变动=change_if(fiscal_out, prior.财政拨款支出),
        财政拨款收支总计=fiscal_total,
        年末财政拨款结转和结余=fiscal_total - fiscal_out,
        财政拨款收支总计变动=change(fiscal_total, data.上年决算.财政拨款收支总计),
        一般公共预算支出=gpb,
        一般公共预算支出占本年支出=percent(gpb, spend_total, P),
        一般公共预算支出变动=change(gpb, data.上年决算.一般公共预算财政拨款支出),
        一般公共预算类构成=tuple(_by_class(gpb_items, cat, s)),
        一般公共预算完成=completion(gpb, sum((i.预算数 for i in gpb_items), ZERO), A, P),
        一般公共预算科目=tuple(i for i in gpb_items if i.决算数 or i.预算数),
        基本支出=basic.人员经费.total + basic.公用经费.total,
        人员经费=basic.人员经费.total,
        公用经费=basic.公用经费.total,
        三公预算=total3(three.预算),
        三公决算=total3(three.决算),
        三公完成=completion(total3(three.决算), total3(three.预算), A, P),
        三公变动=change(total3(three.决算), total3(three.上年决算)),
        三公构成=tuple(_share_parts(
            [("因公出国（境）费", three.决算.因公出国费), ("公务用车购置及运行维护费", car(three.决算)),
             ("公务接待费", three.决算.公务接待费)], s)),
        因公出国完成=completion(three.决算.因公出国费, three.预算.因公出国费, A, P),
        因公出国变动=change(three.决算.因公出国费, three.上年决算.因公出国费),
        公务用车完成=completion(car(three.决算), car(three.预算), A, P),
        公务用车变动=change(car(three.决算), car(three.上年决算)),
        公务用车购置完成=completion(three.决算.公务用车购置费, three.预算.公务用车购置费, A, P),
        公务用车购置变动=change(three.决算.公务用车购置费, three.上年决算.公务用车购置费),
        公务用车运行维护完成=completion(three.决算.公务用车运行维护费, three.预算.公务用车运行维护费, A, P),
        公务用车运行维护变动=change(three.决算.公务用车运行维护费, three.上年决算.公务用车运行维护费),
        公务接待完成=completion(three.决算.公务接待费, three.预算.公务接待费, A, P),
        公务接待变动=change(three.决算.公务接待费, three.上年决算.公务接待费),
        公务用车购置辆数=sum(v.辆数 for v in three.公务用车购置.values()),
        公务用车保有量=sum(three.公务用车保有量.values()),
        政府性基金支出=fund,
        国有资本经营支出=soe,
        机关运行经费变动=change(running.本年, running.上年) if running else None,
        政府采购总额=proc_total,
        中小企业占比=percent(proc.授予中小企业合同金额, proc_total, P) or ZERO,
        小微企业占比=percent(proc.授予小微企业合同金额, proc_total, P) or ZERO,
        车辆总数=sum(data.国有资产.车辆.values()),
        事前评估项目数=pe.事前评估项目数 if pe.事前评估项目数 is not None else len(pe.事前评估项目),
        名词解释科目=_terms(data, gpb_items, ledger, cat, A, P),
        附表=compute_tables(data, ledger, cat, economic_catalogue(data.单位.报告年度)),
    )


def _terms(data: FinalAccounts, gpb_items: list[Item], ledger: Ledger, cat: Catalogue, A: int, P: int
           ) -> tuple[Item, ...]:
    """One 名词解释 entry per 项 the report lists, in code order (the 公开表 list them too)."""
    listed = data.政府性基金预算财政拨款支出 + data.国有资本经营预算财政拨款支出
    terms: dict[str, Item] = {}
    for i in gpb_items + [_item(x, cat, A, P) for x in listed] + [
            _non_fiscal_item(x, cat, A, P) for x in ledger.non_fiscal]:
        terms.setdefault(i.编码, i)  # a 项 in several lists is one term
    return tuple(sorted(terms.values(), key=lambda i: i.编码))


def _stated_or(stated: Decimal | None, derived: Decimal) -> Decimal:
    return derived if stated is None else stated


def _share_parts(pairs: Sequence[tuple[str, Decimal]], style: NumberStyle) -> list[Part]:
    printed = shares([v for _, v in pairs], style.percent_places, style.share_policy)
    return [Part(n, v, p) for (n, v), p in zip(pairs, printed)]


def _sum(items: Sequence[SubjectSpending]) -> Decimal:
    return sum((i.决算数 for i in items), ZERO)


def _non_fiscal_item(i: NonFiscalItem, cat: Catalogue, A: int, P: int) -> Item:
    spent = i.基本支出 + i.项目支出 + i.上缴上级支出 + i.经营支出 + i.对附属单位补助支出
    return _item(SubjectSpending(科目编码=i.科目编码, 科目名称=i.科目名称, 预算数=spent, 决算数=spent), cat, A, P)


def _item(i: SubjectSpending, cat: Catalogue, A: int, P: int) -> Item:
    code = i.科目编码
    budget = i.预算数
    return Item(
        编码=code,
        类名=cat.name(code[:3]),
        款名=cat.name(code[:5]),
        项名=i.科目名称 or cat.name(code),
        预算数=budget,
        决算数=i.决算数,
        完成=completion(i.决算数, budget, A, P),
        原因=i.原因,
    )


def _by_class(items: Sequence[Item], cat: Catalogue, style: NumberStyle) -> list[Part]:
    totals: dict[str, Decimal] = {}
    for i in sorted(items, key=lambda i: i.编码):
        totals[i.编码[:3]] = totals.get(i.编码[:3], ZERO) + i.决算数
    nonzero = [(cat.name(code), v) for code, v in totals.items() if v]
    return _share_parts(nonzero, style)
