"""Facts of the 公开表: rows of exact Decimals by 功能分类 or 经济分类, added up from the 项 lists.

Each row source is named for what it holds (收入, 支出, 一般公共预算财政拨款支出 …) and each
row carries its figures by column name, so a layout's table description picks and orders the
columns it prints by name (templates/zh_CN/决算/<layout>/版式.yaml), never by position.

A 类 or 款 row is always the sum of the rows under it, computed here from the entered 项 (or
经济分类 款), so the tables, the text and the 名词解释 can never disagree. A 项 whose figures
are all zero is left out of a table.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Literal, Mapping, Sequence

from reportgen.core.catalogue import Catalogue
from reportgen.kinds.final_accounts.economic import EconomicEntry, general_entries, other_fund_entries
from reportgen.kinds.final_accounts.ledger import FundEntry, FundTotals, Ledger
from reportgen.kinds.final_accounts.model import FinalAccounts
from reportgen.kinds.final_accounts.sections import ThreePublicParts

ZERO = Decimal(0)
Level = Literal["合计", "类", "款", "项"]
Values = Mapping[str, Decimal]

#: The columns of each row source, in the order the facts list them.
INCOME = ("本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
SPENDING = ("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
BY_FUND = ("合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
NATURE = ("合计", "基本支出", "项目支出")
FUND_FLOW = ("年初结转和结余", "本年收入", "本年支出", "基本支出", "项目支出", "年末结转和结余")
ECONOMIC = ("合计", "基本支出", "人员经费", "公用经费", "项目支出")
OUTTURN = ("决算数",)
THREE_PUBLIC = ("合计", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费", "公务接待费")


@dataclass(frozen=True)
class Row:
    """One table row: its code ("" for 合计), name, level and its figures by column name."""

    编码: str
    名称: str
    级次: Level
    值: Values


Rows = tuple[Row, ...]
Entry = tuple[str, str | None, Values]  # (code, own name or None, figures by column)


@dataclass(frozen=True)
class BasicTable:
    """基本支出 by 经济分类: 人员经费 and 公用经费, each with its 合计 row first (决算数)."""

    人员经费: Rows
    公用经费: Rows


@dataclass(frozen=True)
class TablesFacts:
    """Every row source a 公开表 may print, named for what it holds (see the column tuples above)."""

    收入: Rows  # by 功能分类: INCOME
    支出: Rows  # by 功能分类: SPENDING
    财政拨款支出: Rows  # by 功能分类: BY_FUND
    财政拨款: tuple[FundTotals, ...]  # the three funds' 年初, 收入, 支出 and 年末
    一般公共预算财政拨款支出: Rows  # NATURE
    政府性基金预算财政拨款收支: Rows  # FUND_FLOW
    国有资本经营预算财政拨款收支: Rows  # FUND_FLOW
    国有资本经营预算财政拨款支出: Rows  # NATURE
    财政拨款支出经济分类: Rows  # by 经济分类: ECONOMIC
    一般公共预算财政拨款支出经济分类: Rows  # ECONOMIC
    一般公共预算财政拨款基本支出: BasicTable
    一般公共预算财政拨款项目支出经济分类: Rows  # OUTTURN
    三公经费预算: Values  # THREE_PUBLIC
    三公经费决算: Values  # THREE_PUBLIC
    使用非财政拨款结余: Decimal
    年初结转和结余: Decimal
    结余分配: Decimal

    def rows(self, source: str) -> Rows:
        """A row source by name (a table description's 行)."""
        value = getattr(self, source, None)
        if not isinstance(value, tuple) or (value and not isinstance(value[0], Row)):
            raise KeyError(source)
        return value


def subject_rows(entries: Iterable[Entry], cat: Catalogue, columns: Sequence[str]) -> Rows:
    """合计, then each 类 with its 款 and their 项, in code order; entries of one 项 are merged.

    >>> from reportgen.core.catalogue import builtin_catalogue
    >>> D = Decimal
    >>> rows = subject_rows([("2101101", None, {"决算数": D("3.77")}), ("2101102", None, {"决算数": D("0.51")}),
    ...                      ("2210201", None, {"决算数": D(0)})], builtin_catalogue(), OUTTURN)
    >>> [(r.编码, r.名称, r.值["决算数"]) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
    [('', '合计', Decimal('4.28')), ('210', '卫生健康支出', Decimal('4.28')),
     ('21011', '行政事业单位医疗', Decimal('4.28')), ('2101101', '行政单位医疗', Decimal('3.77')),
     ('2101102', '事业单位医疗', Decimal('0.51'))]
    """
    figures, names = _merge(entries, columns)
    rows = [Row("", "合计", "合计", _total(figures.values(), columns))]
    for cls in _prefixes(figures, 3):
        rows.append(Row(cls, cat.name(cls), "类", _total(_under(figures, cls), columns)))
        for kuan in _prefixes(figures, 5, cls):
            rows.append(Row(kuan, cat.name(kuan), "款", _total(_under(figures, kuan), columns)))
            rows += [Row(c, names[c] or cat.name(c), "项", figures[c]) for c in sorted(figures) if c.startswith(kuan)]
    return tuple(rows)


def economic_rows(entries: Iterable[Entry], cat: Catalogue, total: Values) -> Rows:
    """合计 (given: the true total, even where the 款 are not all listed), then 类 and 款 rows."""
    columns = tuple(total)
    figures, names = _merge(entries, columns)
    rows = [Row("", "合计", "合计", dict(total))]
    for cls in _prefixes(figures, 3):
        rows.append(Row(cls, cat.names.get(cls, cls), "类", _total(_under(figures, cls), columns)))
        rows += [Row(c, names[c] or cat.name(c), "款", figures[c]) for c in sorted(figures) if c.startswith(cls)]
    return tuple(rows)


def class_rows(rows: Rows) -> Rows:
    """Only the 类 rows of a 功能分类 table (收支总表 list spending by 类)."""
    return tuple(r for r in rows if r.级次 == "类")


def compute_tables(data: FinalAccounts, ledger: Ledger, cat: Catalogue, econ: Catalogue) -> TablesFacts:
    """Every row source from the resolved 科目 entries."""
    gpb, fund, soe = ledger.funds
    return TablesFacts(
        收入=subject_rows(_income_entries(ledger), cat, INCOME),
        支出=subject_rows(_spending_entries(ledger), cat, SPENDING),
        财政拨款支出=subject_rows(_by_fund_entries(ledger.fiscal), cat, BY_FUND),
        财政拨款=ledger.funds,
        一般公共预算财政拨款支出=subject_rows(_nature_entries(ledger.fiscal, gpb.资金), cat, NATURE),
        政府性基金预算财政拨款收支=subject_rows(_fund_flow_entries(ledger.fiscal, fund.资金), cat, FUND_FLOW),
        国有资本经营预算财政拨款收支=subject_rows(_fund_flow_entries(ledger.fiscal, soe.资金), cat, FUND_FLOW),
        国有资本经营预算财政拨款支出=subject_rows(_nature_entries(ledger.fiscal, soe.资金), cat, NATURE),
        财政拨款支出经济分类=_economic_detail(data, ledger.funds, econ, with_other_funds=True),
        一般公共预算财政拨款支出经济分类=_economic_detail(data, (gpb,), econ, with_other_funds=False),
        一般公共预算财政拨款基本支出=_basic_table(data, econ),
        一般公共预算财政拨款项目支出经济分类=economic_rows(
            [(e.编码, e.名称, {"决算数": e.项目支出}) for e in general_entries(data, econ)], econ, {"决算数": gpb.项目}),
        三公经费预算=three_public(data.三公经费.预算),
        三公经费决算=three_public(data.三公经费.决算),
        使用非财政拨款结余=data.结转结余.使用非财政拨款结余,
        年初结转和结余=data.结转结余.年初结转和结余,
        结余分配=data.结转结余.结余分配,
    )


def three_public(p: ThreePublicParts) -> dict[str, Decimal]:
    """The six figures of one side (预算数 or 决算数) of the “三公” table, by column."""
    cars = p.公务用车购置费 + p.公务用车运行维护费
    values = (p.因公出国费 + cars + p.公务接待费, p.因公出国费, cars, p.公务用车购置费, p.公务用车运行维护费, p.公务接待费)
    return dict(zip(THREE_PUBLIC, values))


def _spending_entries(ledger: Ledger) -> Iterable[Entry]:
    for e in ledger.fiscal:
        yield e.编码, e.名称, dict(zip(SPENDING, (e.支出, e.基本, e.项目, ZERO, ZERO, ZERO)))
    for i in ledger.non_fiscal:
        kinds = (i.基本支出, i.项目支出, i.上缴上级支出, i.经营支出, i.对附属单位补助支出)
        yield i.科目编码, i.科目名称, dict(zip(SPENDING, (sum(kinds, ZERO), *kinds)))


def _income_entries(ledger: Ledger) -> Iterable[Entry]:
    for e in ledger.fiscal:
        yield e.编码, e.名称, dict(zip(INCOME, (e.收入, e.收入, ZERO, ZERO, ZERO, ZERO, ZERO)))
    for i in ledger.non_fiscal:
        sources = (i.上级补助收入, i.事业收入, i.经营收入, i.附属单位上缴收入, i.其他收入)
        yield i.科目编码, i.科目名称, dict(zip(INCOME, (sum(sources, ZERO), ZERO, *sources)))


def _by_fund_entries(fiscal: Sequence[FundEntry]) -> Iterable[Entry]:
    funds = ("一般公共预算", "政府性基金预算", "国有资本经营预算")
    for e in fiscal:
        yield e.编码, e.名称, dict(zip(BY_FUND, (e.支出, *(e.支出 if e.资金 == f else ZERO for f in funds))))


def _nature_entries(fiscal: Sequence[FundEntry], fund: str) -> Iterable[Entry]:
    return ((e.编码, e.名称, dict(zip(NATURE, (e.支出, e.基本, e.项目)))) for e in fiscal if e.资金 == fund)


def _fund_flow_entries(fiscal: Sequence[FundEntry], fund: str) -> Iterable[Entry]:
    return ((e.编码, e.名称, dict(zip(FUND_FLOW, (e.年初, e.收入, e.支出, e.基本, e.项目, e.年末))))
            for e in fiscal if e.资金 == fund)


def _economic_detail(data: FinalAccounts, funds: Sequence[FundTotals], econ: Catalogue,
                     with_other_funds: bool) -> Rows:
    """By 经济分类 款 (ECONOMIC columns); 合计 holds the funds' true totals."""
    others = other_fund_entries(data, econ) if with_other_funds else []
    entries = general_entries(data, econ) + others
    basic = data.一般公共预算财政拨款基本支出
    personnel = basic.人员经费.total + sum((e.人员经费 for e in others), ZERO)
    public = basic.公用经费.total + sum((e.公用经费 for e in others), ZERO)
    total = (sum((f.支出 for f in funds), ZERO), sum((f.基本 for f in funds), ZERO), personnel, public,
             sum((f.项目 for f in funds), ZERO))
    return economic_rows((_economic_figures(e) for e in entries), econ, dict(zip(ECONOMIC, total)))


def _economic_figures(e: EconomicEntry) -> Entry:
    basic = e.人员经费 + e.公用经费
    return e.编码, e.名称, dict(zip(ECONOMIC, (basic + e.项目支出, basic, e.人员经费, e.公用经费, e.项目支出)))


def _basic_table(data: FinalAccounts, econ: Catalogue) -> BasicTable:
    basic = data.一般公共预算财政拨款基本支出
    entries = general_entries(data, econ)
    return BasicTable(
        人员经费=economic_rows([(e.编码, e.名称, {"决算数": e.人员经费}) for e in entries], econ,
                           {"决算数": basic.人员经费.total}),
        公用经费=economic_rows([(e.编码, e.名称, {"决算数": e.公用经费}) for e in entries], econ,
                           {"决算数": basic.公用经费.total}),
    )


def _merge(entries: Iterable[Entry], columns: Sequence[str]) -> tuple[dict[str, dict[str, Decimal]], dict[str, str | None]]:
    """Figures by code (entries of one code added up), without codes whose figures are all zero."""
    figures: dict[str, dict[str, Decimal]] = {}
    names: dict[str, str | None] = {}
    for code, name, values in entries:
        old = figures.get(code) or dict.fromkeys(columns, ZERO)
        figures[code] = {c: old[c] + values[c] for c in columns}
        names[code] = names.get(code) or name
    return {c: v for c, v in figures.items() if any(v.values())}, names


def _prefixes(figures: Mapping[str, Values], length: int, under: str = "") -> list[str]:
    return sorted({c[:length] for c in figures if c.startswith(under)})


def _under(figures: Mapping[str, Values], prefix: str) -> list[Values]:
    return [v for c, v in figures.items() if c.startswith(prefix)]


def _total(values: Iterable[Values], columns: Sequence[str]) -> dict[str, Decimal]:
    out = dict.fromkeys(columns, ZERO)
    for v in values:
        out = {c: out[c] + v[c] for c in columns}
    return out
