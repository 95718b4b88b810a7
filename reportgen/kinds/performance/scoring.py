"""Scoring: 预算执行 points from 执行率, 扣分 rules, 总分 and the grade bands.

Rates enter as printed percentages (already rounded by the document's style), so that anyone
can redo a score from the figures on the page: 10 × 97.31% = 9.73. Every score lies between
0 and its 分值 and is rounded 四舍五入 once, to the rules' 得分小数位.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Iterable, Optional

from reportgen.core.numbers import HUNDRED, ZERO, quantize
from reportgen.kinds.performance.scoring_rules import BudgetExecutionRule, DeductionRule, Partial, ScoreOverride

#: 财政部预算司 / 财预〔2020〕10号 bands, lower bounds inclusive (conventions §5.4).
GRADE_BANDS: tuple[tuple[Decimal, str], ...] = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"))


def grade(total: Decimal) -> str:
    """优 from 90, 良 from 80, 中 from 60, else 差.

    >>> grade(Decimal(96)), grade(Decimal("89.99")), grade(Decimal(60)), grade(Decimal("59.5"))
    ('优', '良', '中', '差')
    """
    for floor, name in GRADE_BANDS:
        if total >= floor:
            return name
    return "差"


def clamp(score: Decimal, points: Decimal) -> Decimal:
    """A score kept within 0 … 分值."""
    return min(max(score, ZERO), points)


def proportional(points: Decimal, rate: Decimal, places: int) -> Decimal:
    """分值 × 执行率, never above 分值 (spending over budget earns nothing extra).

    >>> proportional(Decimal(10), Decimal("97.31"), 2), proportional(Decimal(10), Decimal("104"), 2)
    (Decimal('9.73'), Decimal('10.00'))
    """
    return quantize(clamp(points * rate / HUNDRED, points), places)


def steps(gap: Decimal, width: Decimal, partial: Partial) -> Decimal:
    """How many 档 a gap of `gap` points makes: whole steps only, any part as a step, or its share.

    >>> steps(Decimal("2.5"), Decimal(1), "不扣"), steps(Decimal("2.5"), Decimal(1), "按一档扣")
    (Decimal('2'), Decimal('3'))
    >>> steps(Decimal("2.5"), Decimal(1), "按比例扣")
    Decimal('2.5')
    """
    if gap <= 0:
        return ZERO
    ratio = gap / width
    if partial == "按比例扣":
        return ratio
    return ratio.to_integral_value(rounding=ROUND_FLOOR if partial == "不扣" else ROUND_CEILING)


def deduction(value: Decimal, rule: DeductionRule, places: int) -> Decimal:
    """Full 分值 on the good side of 基准, less 每档扣分 per 档, 扣完为止.

    >>> r = DeductionRule(分值=Decimal(2), 基准=Decimal(100), 方向="高于扣分", 每档扣分=Decimal("0.5"))
    >>> deduction(Decimal("84.38"), r, 2), deduction(Decimal("102.4"), r, 2), deduction(Decimal(130), r, 2)
    (Decimal('2.00'), Decimal('1.00'), Decimal('0.00'))
    """
    if rule.方向 == "高于扣分":
        gap = value - rule.基准
    elif rule.方向 == "低于扣分":
        gap = rule.基准 - value
    else:
        gap = abs(value - rule.基准)
    lost = steps(gap, rule.档距, rule.不足一档) * rule.每档扣分
    return quantize(clamp(rule.分值 - lost, rule.分值), places)


def budget_execution(points: Decimal, rate: Decimal | None, rule: BudgetExecutionRule, places: int) -> Decimal:
    """The 自评表's 预算执行 score; a zero budget (no rate) scores full only if nothing was due.

    >>> budget_execution(Decimal(10), Decimal("84.47"), BudgetExecutionRule(), 2)
    Decimal('8.45')
    >>> budget_execution(Decimal(10), Decimal("84.47"), BudgetExecutionRule(方式="扣分"), 2)
    Decimal('0.00')
    >>> budget_execution(Decimal(5), Decimal("99.97"), BudgetExecutionRule(方式="扣分"), 2)
    Decimal('5.00')
    """
    if rate is None:
        return quantize(points, places)
    if rule.方式 == "比例":
        return proportional(points, rate, places)
    as_rule = DeductionRule(分值=points, 基准=HUNDRED, 方向="低于扣分", 档距=rule.档距,
                            每档扣分=rule.每档扣分, 不足一档=rule.不足一档)
    return deduction(rate, as_rule, places)


def total(scores: Iterable[Decimal]) -> Decimal:
    """总分 = Σ 得分 (each already rounded, so the printed parts add up to the printed total)."""
    return sum(scores, ZERO)


@dataclass(frozen=True)
class Adjustment:
    """A derived score the unit replaced: both values and the reason (printed as 自评调整)."""

    计算得分: Optional[Decimal]  # None when the parts were not all scored
    得分: Decimal
    理由: str


def apply_override(derived: Decimal, override: Optional[ScoreOverride], places: int) -> tuple[Decimal, Optional[Adjustment]]:
    """The score to print and, when the unit set a different one, the Adjustment to show."""
    if override is None:
        return derived, None
    final = quantize(override.得分, places)
    return final, (Adjustment(derived, final, override.理由) if final != derived else None)
