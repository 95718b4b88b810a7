"""Facts of the 基础数据表 and the 共性指标 scored from it (seed 003's rules by default).

Blank cells stay None in the table's columns; a sentence that needs a figure reads a blank
as 0 ("因公出国（境）费支出预算为0万元").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, Sequence

from reportgen.core.numbers import ZERO, Change, Completion, change, completion, percent
from reportgen.kinds.performance.scoring import Adjustment, apply_override, deduction
from reportgen.kinds.performance.basics import COLUMNS, BasicData, Group, YearFigures
from reportgen.kinds.performance.scoring_rules import ScoringRules
from reportgen.core.style import NumberStyle


@dataclass(frozen=True)
class Columns:
    """A row's three columns (None = blank on the form)."""

    上年决算: Optional[Decimal]
    本年预算: Optional[Decimal]
    本年决算: Optional[Decimal]


@dataclass(frozen=True)
class ThreePublicLine:
    """One 三公 line of the report: 决算 against 预算 and against 上年, with the unit's reasons."""

    名称: str
    列: Columns
    完成: Completion
    变动: Change
    预决算原因: str
    变动原因: str


@dataclass(frozen=True)
class BuildingFacts:
    规模控制率: Optional[Decimal]
    投资概算控制率: Optional[Decimal]


@dataclass(frozen=True)
class BasicFacts:
    在职人员控制率: Optional[Decimal]
    三公经费: ThreePublicLine
    三公明细: tuple[ThreePublicLine, ...]  # in the report's order: 出国, 接待, 车购置, 车运行
    公务用车: Columns  # the form's 公务用车购置和维护经费 = 购置 + 运行维护
    项目支出: Columns
    公用经费: Columns
    楼堂馆所: tuple[BuildingFacts, ...]


@dataclass(frozen=True)
class CommonIndicator:
    """A 共性指标 (seed 003) computed from the 基础数据表: its printed rate and its points."""

    名称: str
    值: Decimal
    分值: Decimal
    得分: Decimal
    调整: Optional[Adjustment]


def add_columns(rows: Sequence[YearFigures]) -> Columns:
    """Column sums; a column stays blank only when every part is blank."""
    def one(name: str) -> Optional[Decimal]:
        given = [r.column(name) for r in rows if r.column(name) is not None]
        return sum(given, ZERO) if given else None

    return Columns(*(one(c) for c in COLUMNS))


def group_total(group: Group) -> Columns:
    """A typed 合计 wins (the form may list only some items); else the sum of the items."""
    return add_columns([group.合计]) if group.合计 is not None else add_columns(group.明细)


def basic_facts(base: BasicData, style: NumberStyle) -> BasicFacts:
    A, P = style.amount_places, style.percent_places
    t = base.三公经费
    items = [("因公出国（境）费", t.因公出国费), ("公务接待费", t.公务接待费),
             ("公务用车购置费", t.公务用车购置费), ("公务用车运行维护费", t.公务用车运行维护费)]
    total = add_columns([item for _, item in items])
    return BasicFacts(
        在职人员控制率=percent(Decimal(base.在职人数), Decimal(base.编制数), P),
        三公经费=_line("“三公”经费", total, t.预决算原因, t.变动原因, A, P),
        三公明细=tuple(_line(name, add_columns([i]), i.预决算原因, i.变动原因, A, P) for name, i in items),
        公务用车=add_columns([t.公务用车购置费, t.公务用车运行维护费]),
        项目支出=group_total(base.项目支出),
        公用经费=group_total(base.公用经费),
        楼堂馆所=tuple(BuildingFacts(_rate(b.实际规模, b.批复规模, P), _rate(b.实际投资, b.预算投资, P))
                    for b in base.楼堂馆所),
    )


def _line(name: str, c: Columns, why_budget: str, why_change: str, A: int, P: int) -> ThreePublicLine:
    last, budget, actual = (x or ZERO for x in (c.上年决算, c.本年预算, c.本年决算))
    return ThreePublicLine(name, c, completion(actual, budget, A, P), change(actual, last, A, P),
                           why_budget, why_change)


def _rate(part: Optional[Decimal], whole: Optional[Decimal], P: int) -> Optional[Decimal]:
    return None if part is None or whole is None else percent(part, whole, P)


def _ratio(a: Optional[Decimal], b: Optional[Decimal], P: int) -> Optional[Decimal]:
    return None if a is None or not b else percent(a, b, P)


def common_indicators(base: BasicData, f: BasicFacts, budget: Optional[tuple[Decimal, Decimal]],
                      rules: ScoringRules, P: int) -> tuple[CommonIndicator, ...]:
    """The seed-003 共性指标 whose inputs the data file has, scored by the document's rules.

    `budget` is (预算数, 预算执行数) from the 部门整体 自评表, when there is one.
    """
    x = base.共性指标数据
    planned, spent = budget or (x.预算数, x.预算执行数)
    three = f.三公经费.列
    values = {
        "在职人员控制率": f.在职人员控制率,
        "三公经费变动率": _ratio(_minus(three.本年决算, three.上年决算), three.上年决算, P),
        "重点支出安排率": _ratio(x.重点支出, x.预算总支出, P),
        "预算执行率": _ratio(spent, planned, P),
        "支付进度率": _ratio(x.实际支付进度, x.既定支付进度, P),
        "结转结余率": _ratio(x.结转结余总额, planned, P),
        "结转结余变动率": _ratio(_minus(x.结转结余总额, x.上年结转结余总额), x.上年结转结余总额, P),
        "公用经费控制率": _ratio(f.公用经费.本年决算, f.公用经费.本年预算, P),
        "三公经费控制率": _ratio(three.本年决算, three.本年预算, P),
        "政府采购执行率": _ratio(base.政府采购金额.本年决算, base.政府采购金额.本年预算, P),
    }
    places = rules.得分小数位
    out = []
    for name, value in values.items():
        if value is None:
            continue
        rule = rules.common_rule(name)
        score, adj = apply_override(deduction(value, rule, places), base.共性指标调整.get(name), places)
        out.append(CommonIndicator(name, value, rule.分值, score, adj))
    return tuple(out)


def _minus(a: Optional[Decimal], b: Optional[Decimal]) -> Optional[Decimal]:
    return None if a is None or b is None else a - b
