"""Scoring rules as data: how 预算执行 and the 共性指标 earn points, configurable per region.

The defaults are the rules printed in seed 003 (鹤城区 部门整体支出绩效评价共性指标框架); a data
file overrides any of them under 评分规则.
"""

# Annotations as objects, not strings: pydantic would otherwise compile each one at import (start-up time).

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field

from reportgen.core.model import Model


def _exact_points(value: Any) -> Any:
    if isinstance(value, float):
        raise ValueError("分数必须是精确的十进制数，不接受浮点数")
    if isinstance(value, bool):
        raise ValueError("应为分数，不是 true/false")
    return value


def _not_negative(value: Decimal) -> Decimal:
    if not value.is_finite() or value < 0:
        raise ValueError("分数不能为负数")
    if value > 10_000 or value.as_tuple().exponent < -8:  # type: ignore[operator]
        raise ValueError("分数过大或小数位过多")  # a slip; and beyond it scores would not round exactly
    return value


#: Points (分值, 得分): an exact Decimal, never negative.
Points = Annotated[Decimal, BeforeValidator(_exact_points), AfterValidator(_not_negative)]

#: A percentage as printed ×100 (100 means 100%).
Percent = Annotated[Decimal, BeforeValidator(_exact_points)]

Partial = Literal["不扣", "按一档扣", "按比例扣"]


class DeductionRule(Model):
    """"以 基准 为标准 … 每超过/低于 档距 个百分点扣 每档扣分 分，扣完为止".

    方向 says which side of 基准 loses points (偏离: either side). 不足一档 says what a part of a
    step costs: nothing (the tables' usual reading), a whole step, or its share.
    """

    分值: Points
    基准: Percent
    方向: Literal["高于扣分", "低于扣分", "偏离扣分"]
    档距: Points = Field(Decimal(1), gt=0)
    每档扣分: Points = Decimal(1)
    不足一档: Partial = "不扣"


class BudgetExecutionRule(Model):
    """How the 自评表's 预算执行 row scores: 比例 = 分值 × 执行率 (capped at 分值), or 扣分 =
    full at 100% less 每档扣分 per 档距 points short (seed 003: 每低于1%扣1分)."""

    方式: Literal["比例", "扣分"] = "比例"
    档距: Points = Field(Decimal(1), gt=0)
    每档扣分: Points = Decimal(1)
    不足一档: Partial = "不扣"


def _seed003() -> dict[str, DeductionRule]:
    """The quantitative 共性指标 of seed 003 with the points and steps it prints."""
    D = Decimal
    return {
        "在职人员控制率": DeductionRule(分值=D(2), 基准=D(100), 方向="高于扣分", 每档扣分=D("0.5")),
        # Seed 003 prints "计5分" for this 2-point indicator: the 2 of its heading is used.
        "三公经费变动率": DeductionRule(分值=D(2), 基准=D(0), 方向="高于扣分"),
        "重点支出安排率": DeductionRule(分值=D(2), 基准=D(50), 方向="低于扣分", 每档扣分=D("0.5")),
        "预算执行率": DeductionRule(分值=D(5), 基准=D(100), 方向="低于扣分"),
        "支付进度率": DeductionRule(分值=D(3), 基准=D(100), 方向="低于扣分", 档距=D(5)),
        "结转结余率": DeductionRule(分值=D(3), 基准=D(0), 方向="高于扣分", 档距=D(5)),
        "结转结余变动率": DeductionRule(分值=D(3), 基准=D(0), 方向="高于扣分", 档距=D(5)),
        "公用经费控制率": DeductionRule(分值=D(3), 基准=D(100), 方向="高于扣分"),
        "三公经费控制率": DeductionRule(分值=D(3), 基准=D(100), 方向="高于扣分"),
        "政府采购执行率": DeductionRule(分值=D(3), 基准=D(100), 方向="偏离扣分", 档距=D(5)),
    }


COMMON_RULES: dict[str, DeductionRule] = _seed003()


class ScoreOverride(Model):
    """A score set by the unit in place of the derived one; the output shows it as 自评调整."""

    得分: Points
    理由: str = Field(min_length=2)


class ScoringRules(Model):
    """The rules of one document; 共性指标 entries replace the seed-003 defaults by name."""

    预算执行: BudgetExecutionRule = BudgetExecutionRule()
    得分小数位: int = Field(2, ge=0, le=4)
    共性指标: dict[str, DeductionRule] = {}

    def common_rule(self, name: str) -> DeductionRule:
        return self.共性指标.get(name) or COMMON_RULES[name]
