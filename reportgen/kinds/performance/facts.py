"""Facts of a 绩效自评: 执行率, the 预算执行 points, 一级 weights, 总分, grades and counts.

Scores are derived; a ScoreOverride in the data replaces one and is kept beside the derived
value as an Adjustment, so the output can show both. Nothing here is a human word.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, Sequence

from reportgen.core.numbers import ZERO, percent, quantize
from reportgen.kinds.performance.basics_facts import BasicFacts, CommonIndicator, basic_facts, common_indicators
from reportgen.kinds.performance.scoring import Adjustment, apply_override, budget_execution, grade, total
from reportgen.core.style import NumberStyle
from reportgen.kinds.performance.model import PerformanceEvaluation, Project, SelfEvaluation


@dataclass(frozen=True)
class ScoredIndicator:
    一级: str
    二级: str
    名称: str
    分值: Decimal
    得分: Optional[Decimal]
    达成: Optional[bool]  # full marks; None when no 得分 was entered


@dataclass(frozen=True)
class LevelTotal:
    """A 一级指标's weight and score: the sums of its 三级 rows (the forms print "（50分）")."""

    名称: str
    分值: Decimal
    得分: Optional[Decimal]
    指标个数: int


@dataclass(frozen=True)
class Scores:
    """One 自评表: 执行率 (printed %), the 预算执行 points, the indicator tree's sums, 总分, grade.

    `总分` is None only when some 得分 is missing and no 总分调整 was given (a check reports it);
    `已评分` is False when no indicator has a 得分 at all (a form published before scoring).
    `其中执行率` is each 其中 row's rate, in the data file's order (None: no budget to divide by).
    """

    执行率: Optional[Decimal]
    其中执行率: tuple[Optional[Decimal], ...]
    已评分: bool
    预算执行分值: Decimal
    预算执行得分: Decimal
    预算执行调整: Optional[Adjustment]
    一级: tuple[LevelTotal, ...]
    指标: tuple[ScoredIndicator, ...]
    分值合计: Decimal
    计算总分: Optional[Decimal]
    总分: Optional[Decimal]
    总分调整: Optional[Adjustment]
    等级: Optional[str]

    @property
    def 指标个数(self) -> int:
        return sum(1 for i in self.指标 if i.名称)


@dataclass(frozen=True)
class ProjectFacts:
    名称: str
    类别: str
    年初预算数: Decimal
    全年预算数: Decimal
    全年执行数: Decimal
    结余率: Optional[Decimal]  # (全年预算数 − 全年执行数) / 全年预算数, printed %
    评分: Scores


@dataclass(frozen=True)
class ProjectTotals:
    """What the 部门整体 report counts over its projects (seed 000: "4 个项目共涉及数量指标 5 个")."""

    项目个数: int
    全年预算数: Decimal
    全年执行数: Decimal
    执行率: Optional[Decimal]
    年初申报项目个数: int
    年中追加项目个数: int
    数量指标个数: int
    数量指标完成个数: int
    数量指标完成率: Optional[Decimal]
    结余过一成项目个数: int  # projects that left more than 10% of their budget unspent


@dataclass(frozen=True)
class PerformanceFacts:
    本年: int
    上年: int
    内设机构数: int
    基础: Optional[BasicFacts]
    共性指标: tuple[CommonIndicator, ...]
    部门整体: Optional[Scores]
    项目: tuple[ProjectFacts, ...]
    项目合计: ProjectTotals
    常年项目: ProjectTotals
    一次性项目: ProjectTotals


def compute(data: PerformanceEvaluation, style: NumberStyle | None = None) -> PerformanceFacts:
    """Derive every figure and score of the document from the data file's entries, rounded by
    `style` (the file's 样式 over its layout's defaults; the file's own when not given)."""
    style = style or data.样式
    P = style.percent_places
    dept = data.部门整体
    dept_scores = scores(dept, data, P) if dept else None
    projects = tuple(project_facts(p, data, P) for p in data.项目)
    basics = basic_facts(data.基础数据表, style) if data.基础数据表 else None
    budget = (dept.资金.全年预算数, dept.资金.全年执行数) if dept else None
    return PerformanceFacts(
        本年=data.单位.报告年度,
        上年=data.单位.报告年度 - 1,
        内设机构数=len(data.单位.内设机构),
        基础=basics,
        共性指标=common_indicators(data.基础数据表, basics, budget, data.评分规则, P) if basics else (),
        部门整体=dept_scores,
        项目=projects,
        项目合计=project_totals(data.项目, projects, P),
        常年项目=_of_kind("常年", data.项目, projects, P),
        一次性项目=_of_kind("一次性", data.项目, projects, P),
    )


def scores(form: SelfEvaluation, data: PerformanceEvaluation, P: int) -> Scores:
    """Score one 自评表 by the document's rules."""
    rules, places = data.评分规则, data.评分规则.得分小数位
    funds = form.资金
    rate = percent(funds.全年执行数, funds.全年预算数, P)
    derived_budget = budget_execution(funds.分值, rate, rules.预算执行, places)
    budget_score, budget_adj = apply_override(derived_budget, funds.得分调整, places)
    rows = tuple(
        ScoredIndicator(first.名称, second.名称, i.名称, i.weight, i.得分,
                        None if i.得分 is None else i.得分 >= i.weight)
        for first in form.绩效指标 for second in first.二级 for i in second.指标
    )
    levels = tuple(_level(first.名称, [r for r in rows if r.一级 == first.名称]) for first in form.绩效指标)
    known = all(_scored(r) for r in rows)
    derived_total = total([budget_score, *(quantize(r.得分 or ZERO, places) for r in rows)]) if known else None
    if derived_total is None and form.总分调整 is None:
        final, total_adj = None, None
    elif form.总分调整 is None:
        final, total_adj = derived_total, None
    else:
        final = quantize(form.总分调整.得分, places)
        total_adj = Adjustment(derived_total, final, form.总分调整.理由) if final != derived_total else None
    return Scores(
        执行率=rate,
        其中执行率=tuple(_rate(r.全年执行数, r.全年预算数, P) for r in funds.其中),
        已评分=any(r.得分 is not None for r in rows) or form.总分调整 is not None,
        预算执行分值=funds.分值,
        预算执行得分=budget_score,
        预算执行调整=budget_adj,
        一级=levels,
        指标=rows,
        分值合计=funds.分值 + sum((r.分值 for r in rows), ZERO),
        计算总分=derived_total,
        总分=final,
        总分调整=total_adj,
        等级=None if final is None else grade(final),
    )


def _rate(spent: Optional[Decimal], budget: Optional[Decimal], P: int) -> Optional[Decimal]:
    return None if spent is None or not budget else percent(spent, budget, P)


def _scored(r: ScoredIndicator) -> bool:
    # A row worth nothing (a form's blank row, or one sharing a merged score) needs no 得分.
    return r.得分 is not None or r.分值 == 0


def _level(name: str, rows: Sequence[ScoredIndicator]) -> LevelTotal:
    known = all(_scored(r) for r in rows)
    return LevelTotal(name, sum((r.分值 for r in rows), ZERO),
                      sum((r.得分 or ZERO for r in rows), ZERO) if known else None, sum(1 for r in rows if r.名称))


def project_facts(p: Project, data: PerformanceEvaluation, P: int) -> ProjectFacts:
    f = p.资金
    return ProjectFacts(p.名称, p.类别, f.年初预算数, f.全年预算数, f.全年执行数,
                        percent(f.全年预算数 - f.全年执行数, f.全年预算数, P), scores(p, data, P))


def project_totals(items: Sequence[Project], facts: Sequence[ProjectFacts], P: int) -> ProjectTotals:
    """Counts and sums over projects; 数量指标 are the rows under a 二级 named 数量指标."""
    budget = sum((f.全年预算数 for f in facts), ZERO)
    spent = sum((f.全年执行数 for f in facts), ZERO)
    quantity = [r for f in facts for r in f.评分.指标 if r.二级.startswith("数量") and r.名称]
    met = sum(1 for r in quantity if r.达成)
    return ProjectTotals(
        项目个数=len(facts),
        全年预算数=budget,
        全年执行数=spent,
        执行率=percent(spent, budget, P),
        年初申报项目个数=sum(1 for p in items if p.资金.年初预算数 > 0),
        年中追加项目个数=sum(1 for p in items if p.资金.年初预算数 == 0),
        数量指标个数=len(quantity),
        数量指标完成个数=met,
        数量指标完成率=percent(Decimal(met), Decimal(len(quantity)), P),
        结余过一成项目个数=sum(1 for f in facts if f.结余率 is not None and f.结余率 > 10),
    )


def _of_kind(kind: str, items: Sequence[Project], facts: Sequence[ProjectFacts], P: int) -> ProjectTotals:
    pairs = [(p, f) for p, f in zip(items, facts) if p.类别 == kind]
    return project_totals([p for p, _ in pairs], [f for _, f in pairs], P)
