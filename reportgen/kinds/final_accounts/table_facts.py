"""Facts of the 13 公开表: rows of exact Decimals by 功能分类 or 经济分类, added up from the 项 lists.

A 类 or 款 row is always the sum of the rows under it, computed here from the entered 项 (or
经济分类 款), so the tables, the text of 第二部分 and the 名词解释 can never disagree. A 项 whose
figures are all zero is left out of a table. The columns of each table are listed where its
rows are made; the labels that head them live in reportgen.kinds.final_accounts.table_labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Literal, Sequence

from reportgen.core.catalogue import Catalogue
from reportgen.kinds.final_accounts.economic import EconomicEntry, general_entries, other_fund_entries
from reportgen.kinds.final_accounts.ledger import FundEntry, FundTotals, Ledger
from reportgen.kinds.final_accounts.model import FinalAccounts, ThreePublicParts

ZERO = Decimal(0)
Level = Literal["合计", "类", "款", "项"]


@dataclass(frozen=True)
class Row:
    """One table row: its code ("" for 合计), name, level and one exact figure per value column."""

    编码: str
    名称: str
    级次: Level
    值: tuple[Decimal, ...]


Rows = tuple[Row, ...]
Entry = tuple[str, str | None, Sequence[Decimal]]  # (code, own name or None, figures)


@dataclass(frozen=True)
class BasicTable:
    """公开08表: 人员经费 and 公用经费 by 经济分类, each with its 合计 row first."""

    人员经费: Rows
    公用经费: Rows


@dataclass(frozen=True)
class TablesFacts:
    """The figures of 第五部分, one field per 公开表 (in the order they print)."""

    收入支出决算总表: Rows  # 支出 by 类: (本年支出合计,); income and totals as in 第二部分
    使用非财政拨款结余: Decimal
    年初结转和结余: Decimal
    结余分配: Decimal
    收入决算表: Rows  # (本年收入合计, 财政拨款收入, 上级补助收入, 事业收入, 经营收入, 附属单位上缴收入, 其他收入)
    支出决算表: Rows  # (本年支出合计, 基本支出, 项目支出, 上缴上级支出, 经营支出, 对附属单位补助支出)
    财政拨款收入支出决算总表: Rows  # 支出 by 类: (合计, 一般公共预算, 政府性基金预算, 国有资本经营预算)
    财政拨款: tuple[FundTotals, ...]  # the three funds' 年初, 收入, 支出 and 年末
    财政拨款支出决算明细表: Rows  # by 经济分类: (合计, 基本支出, 人员经费, 公用经费, 项目支出)
    一般公共预算财政拨款支出决算表: Rows  # (合计, 基本支出, 项目支出)
    一般公共预算财政拨款支出决算明细表: Rows  # as 财政拨款支出决算明细表
    一般公共预算财政拨款基本支出决算表: BasicTable  # (决算数,)
    一般公共预算财政拨款项目支出决算表: Rows  # by 经济分类: (决算数,)
    政府性基金预算财政拨款收入支出决算表: Rows  # (年初, 本年收入, 本年支出, 基本支出, 项目支出, 年末)
    国有资本经营预算财政拨款收入支出决算表: Rows  # as the 政府性基金 table
    国有资本经营预算财政拨款支出决算表: Rows  # (合计, 基本支出, 项目支出)
    三公经费支出决算表: tuple[tuple[Decimal, ...], tuple[Decimal, ...]]  # 预算, 决算: see three_public


def subject_rows(entries: Iterable[Entry], cat: Catalogue, width: int) -> Rows:
    """合计, then each 类 with its 款 and their 项, in code order; entries of one 项 are merged.

    >>> from reportgen.core.catalogue import builtin_catalogue
    >>> D = Decimal
    >>> rows = subject_rows([("2101101", None, (D("3.77"),)), ("2101102", None, (D("0.51"),)),
    ...                      ("2210201", None, (D(0),))], builtin_catalogue(), 1)
    >>> [(r.编码, r.名称, r.值[0]) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
    [('', '合计', Decimal('4.28')), ('210', '卫生健康支出', Decimal('4.28')),
     ('21011', '行政事业单位医疗', Decimal('4.28')), ('2101101', '行政单位医疗', Decimal('3.77')),
     ('2101102', '事业单位医疗', Decimal('0.51'))]
    """
    figures, names = _merge(entries, width)
    rows = [Row("", "合计", "合计", _total(figures.values(), width))]
    for cls in _prefixes(figures, 3):
        rows.append(Row(cls, cat.name(cls), "类", _total(_under(figures, cls), width)))
        for kuan in _prefixes(figures, 5, cls):
            rows.append(Row(kuan, cat.name(kuan), "款", _total(_under(figures, kuan), width)))
            rows += [Row(c, names[c] or cat.name(c), "项", figures[c]) for c in sorted(figures) if c.startswith(kuan)]
    return tuple(rows)


def economic_rows(entries: Iterable[Entry], cat: Catalogue, total: Sequence[Decimal]) -> Rows:
    """合计 (given: the true total, even where the 款 are not all listed), then 类 and 款 rows."""
    figures, names = _merge(entries, len(total))
    rows = [Row("", "合计", "合计", tuple(total))]
    for cls in _prefixes(figures, 3):
        rows.append(Row(cls, cat.names.get(cls, cls), "类", _total(_under(figures, cls), len(total))))
        rows += [Row(c, names[c] or cat.name(c), "款", figures[c]) for c in sorted(figures) if c.startswith(cls)]
    return tuple(rows)


def class_rows(rows: Rows) -> Rows:
    """Only the 类 rows of a 功能分类 table (收支总表 list spending by 类)."""
    return tuple(r for r in rows if r.级次 == "类")


def compute_tables(data: FinalAccounts, ledger: Ledger, cat: Catalogue, econ: Catalogue) -> TablesFacts:
    """Every 公开表's rows from the resolved 科目 entries."""
    spending = subject_rows(_spending_entries(ledger), cat, 6)
    gpb, fund, soe = ledger.funds
    return TablesFacts(
        收入支出决算总表=tuple(Row(r.编码, r.名称, r.级次, r.值[:1]) for r in class_rows(spending)),
        使用非财政拨款结余=data.结转结余.使用非财政拨款结余,
        年初结转和结余=data.结转结余.年初结转和结余,
        结余分配=data.结转结余.结余分配,
        收入决算表=subject_rows(_income_entries(ledger), cat, 7),
        支出决算表=spending,
        财政拨款收入支出决算总表=class_rows(subject_rows(_by_fund_entries(ledger.fiscal), cat, 4)),
        财政拨款=ledger.funds,
        财政拨款支出决算明细表=_economic_detail(data, ledger.funds, econ, with_other_funds=True),
        一般公共预算财政拨款支出决算表=subject_rows(_nature_entries(ledger.fiscal, gpb.资金), cat, 3),
        一般公共预算财政拨款支出决算明细表=_economic_detail(data, (gpb,), econ, with_other_funds=False),
        一般公共预算财政拨款基本支出决算表=_basic_table(data, econ),
        一般公共预算财政拨款项目支出决算表=economic_rows(
            [(e.编码, e.名称, (e.项目支出,)) for e in general_entries(data, econ)], econ, (gpb.项目,)),
        政府性基金预算财政拨款收入支出决算表=subject_rows(_fund_flow_entries(ledger.fiscal, fund.资金), cat, 6),
        国有资本经营预算财政拨款收入支出决算表=subject_rows(_fund_flow_entries(ledger.fiscal, soe.资金), cat, 6),
        国有资本经营预算财政拨款支出决算表=subject_rows(_nature_entries(ledger.fiscal, soe.资金), cat, 3),
        三公经费支出决算表=(three_public(data.三公经费.预算), three_public(data.三公经费.决算)),
    )


def three_public(p: ThreePublicParts) -> tuple[Decimal, ...]:
    """(合计, 因公出国（境）费, 公务用车购置及运行费, 其中购置费, 其中运行费, 公务接待费)."""
    cars = p.公务用车购置费 + p.公务用车运行维护费
    return (p.因公出国费 + cars + p.公务接待费, p.因公出国费, cars, p.公务用车购置费, p.公务用车运行维护费, p.公务接待费)


def _spending_entries(ledger: Ledger) -> Iterable[Entry]:
    for e in ledger.fiscal:
        yield e.编码, e.名称, (e.支出, e.基本, e.项目, ZERO, ZERO, ZERO)
    for i in ledger.non_fiscal:
        kinds = (i.基本支出, i.项目支出, i.上缴上级支出, i.经营支出, i.对附属单位补助支出)
        yield i.科目编码, i.科目名称, (sum(kinds, ZERO), *kinds)


def _income_entries(ledger: Ledger) -> Iterable[Entry]:
    for e in ledger.fiscal:
        yield e.编码, e.名称, (e.收入, e.收入, ZERO, ZERO, ZERO, ZERO, ZERO)
    for i in ledger.non_fiscal:
        sources = (i.上级补助收入, i.事业收入, i.经营收入, i.附属单位上缴收入, i.其他收入)
        yield i.科目编码, i.科目名称, (sum(sources, ZERO), ZERO, *sources)


def _by_fund_entries(fiscal: Sequence[FundEntry]) -> Iterable[Entry]:
    funds = ("一般公共预算", "政府性基金预算", "国有资本经营预算")
    for e in fiscal:
        yield e.编码, e.名称, (e.支出, *(e.支出 if e.资金 == f else ZERO for f in funds))


def _nature_entries(fiscal: Sequence[FundEntry], fund: str) -> Iterable[Entry]:
    return ((e.编码, e.名称, (e.支出, e.基本, e.项目)) for e in fiscal if e.资金 == fund)


def _fund_flow_entries(fiscal: Sequence[FundEntry], fund: str) -> Iterable[Entry]:
    return ((e.编码, e.名称, (e.年初, e.收入, e.支出, e.基本, e.项目, e.年末)) for e in fiscal if e.资金 == fund)


def _economic_detail(data: FinalAccounts, funds: Sequence[FundTotals], econ: Catalogue,
                     with_other_funds: bool) -> Rows:
    """By 经济分类 款: (合计, 基本支出, 人员经费, 公用经费, 项目支出); 合计 holds the funds' true totals."""
    others = other_fund_entries(data, econ) if with_other_funds else []
    entries = general_entries(data, econ) + others
    basic = data.一般公共预算财政拨款基本支出
    personnel = basic.人员经费.total + sum((e.人员经费 for e in others), ZERO)
    public = basic.公用经费.total + sum((e.公用经费 for e in others), ZERO)
    total = (sum((f.支出 for f in funds), ZERO), sum((f.基本 for f in funds), ZERO), personnel, public,
             sum((f.项目 for f in funds), ZERO))
    return economic_rows((_economic_figures(e) for e in entries), econ, total)


def _economic_figures(e: EconomicEntry) -> Entry:
    basic = e.人员经费 + e.公用经费
    return e.编码, e.名称, (basic + e.项目支出, basic, e.人员经费, e.公用经费, e.项目支出)


def _basic_table(data: FinalAccounts, econ: Catalogue) -> BasicTable:
    basic = data.一般公共预算财政拨款基本支出
    entries = general_entries(data, econ)
    return BasicTable(
        人员经费=economic_rows([(e.编码, e.名称, (e.人员经费,)) for e in entries], econ, (basic.人员经费.total,)),
        公用经费=economic_rows([(e.编码, e.名称, (e.公用经费,)) for e in entries], econ, (basic.公用经费.total,)),
    )


def _merge(entries: Iterable[Entry], width: int) -> tuple[dict[str, tuple[Decimal, ...]], dict[str, str | None]]:
    """Figures by code (entries of one code added up), without codes whose figures are all zero."""
    figures: dict[str, tuple[Decimal, ...]] = {}
    names: dict[str, str | None] = {}
    for code, name, values in entries:
        old = figures.get(code, (ZERO,) * width)
        figures[code] = tuple(a + b for a, b in zip(old, values))
        names[code] = names.get(code) or name
    return {c: v for c, v in figures.items() if any(v)}, names


def _prefixes(figures: dict[str, tuple[Decimal, ...]], length: int, under: str = "") -> list[str]:
    return sorted({c[:length] for c in figures if c.startswith(under)})


def _under(figures: dict[str, tuple[Decimal, ...]], prefix: str) -> list[tuple[Decimal, ...]]:
    return [v for c, v in figures.items() if c.startswith(prefix)]


def _total(values: Iterable[Sequence[Decimal]], width: int) -> tuple[Decimal, ...]:
    out = [ZERO] * width
    for v in values:
        out = [a + b for a, b in zip(out, v)]
    return tuple(out)
