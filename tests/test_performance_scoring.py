"""Properties of the scoring rules: every score within 0 … 分值, 总分 = Σ 得分, monotonic grades."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from reportgen.kinds.performance.facts import scores
from reportgen.kinds.performance.scoring import GRADE_BANDS, budget_execution, deduction, grade, proportional
from reportgen.kinds.performance.model import PerformanceEvaluation
from reportgen.kinds.performance.scoring_rules import BudgetExecutionRule, DeductionRule

points = st.decimals(min_value=0, max_value=100, places=1)
rates = st.decimals(min_value=-50, max_value=300, places=2)
totals = st.decimals(min_value=0, max_value=100, places=2)
budget_rules = st.builds(
    BudgetExecutionRule,
    方式=st.sampled_from(["比例", "扣分"]),
    档距=st.decimals(min_value="0.5", max_value=10, places=1),
    每档扣分=st.decimals(min_value=0, max_value=5, places=1),
    不足一档=st.sampled_from(["不扣", "按一档扣", "按比例扣"]),
)
deduction_rules = st.builds(
    DeductionRule,
    分值=points,
    基准=st.decimals(min_value=0, max_value=100, places=0),
    方向=st.sampled_from(["高于扣分", "低于扣分", "偏离扣分"]),
    档距=st.decimals(min_value="0.5", max_value=10, places=1),
    每档扣分=st.decimals(min_value=0, max_value=5, places=1),
    不足一档=st.sampled_from(["不扣", "按一档扣", "按比例扣"]),
)
RANK = {name: i for i, name in enumerate(["差", *reversed([n for _, n in GRADE_BANDS])])}


@given(points, rates)
def test_proportional_score_stays_within_its_points(p, r):
    assert 0 <= proportional(p, r, 2) <= p


@given(deduction_rules, rates)
def test_deduction_score_stays_within_its_points(rule, value):
    assert 0 <= deduction(value, rule, 2) <= rule.分值


@given(points, rates, rates, budget_rules)
def test_budget_score_is_monotonic_in_the_execution_rate(p, a, b, rule):
    low, high = sorted((a, b))
    assert budget_execution(p, low, rule, 2) <= budget_execution(p, high, rule, 2) <= p


@given(totals, totals)
def test_grade_is_monotonic_in_the_total(a, b):
    low, high = sorted((a, b))
    assert RANK[grade(low)] <= RANK[grade(high)]


def test_grade_bands_have_inclusive_lower_bounds():
    assert [grade(Decimal(x)) for x in ("90", "89.99", "80", "79.99", "60", "59.99")] == \
        ["优", "良", "良", "中", "中", "差"]


indicator = st.tuples(st.integers(0, 20), st.integers(0, 20)).map(
    lambda t: {"名称": "指标", "分值": max(t), "得分": min(t)})


@given(st.lists(indicator, min_size=1, max_size=8), st.integers(0, 10),
       st.decimals(min_value=0, max_value=2000, places=2), st.decimals(min_value="0.01", max_value=2000, places=2))
def test_total_is_the_sum_of_the_scores_and_none_exceeds_its_points(items, weight, spent, budget):
    data = PerformanceEvaluation.model_validate({
        "文档类型": "项目绩效自评", "单位": {"名称": "测试单位", "报告年度": 2024},
        "项目": [{"名称": "测试项目", "年度总体目标": {"预期目标": "目标"},
                  "资金": {"年初预算数": budget, "全年预算数": budget, "全年执行数": spent, "分值": weight},
                  "绩效指标": [{"名称": "产出指标", "二级": [{"名称": "数量指标", "指标": items}]}]}],
    })
    s = scores(data.项目[0], data, 2)
    assert s.总分 == s.预算执行得分 + sum(Decimal(i["得分"]) for i in items)
    assert 0 <= s.预算执行得分 <= weight
    assert s.总分 <= s.分值合计 == weight + sum(i["分值"] for i in items)
    assert s.等级 == grade(s.总分)
