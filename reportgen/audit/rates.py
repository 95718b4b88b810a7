"""Rates and scores in running text: 完成预算 / 执行率, 在职人员控制率, 分值 and 得分."""

from __future__ import annotations

import re
from dataclasses import replace

from reportgen.audit.claims import Ratio, Score, Sentence, label, last
from reportgen.audit.numbers import NUMBER, Figure, find_money, parse_number, percent_at

_COMPLETION = re.compile(
    r"完成(?:年初|年度|全年)?预算(?:数)?的?|预算执行率(?:为|达)?|预算完成率(?:为|达)?"
    r"|执行率(?:为|达)?|(?:总体)?执行进度(?:为|达)?"
)
_ACTUAL_OR_BUDGET = re.compile(r"执行预算|执行|决算|实际|支出数|预算|批复|安排|下达")
_BUDGET_WORDS = ("预算", "批复", "安排", "下达")
# 一般公共预算 names a kind of fund, not a budget figure.
_FUND_TYPE = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|部门预算")
# Amounts that change a budget or are left of it ("追加预算 20 万元", "未执行 2 万元"): with
# one about, the budget a completion rate divides by may be the sum, so the rate is not read.
_DELTA = re.compile(r"追加|追减|调增|调减|压减|核减|取消|注销|结余|结转|差额|差值|未执行|未支出|未使用|调整(?!后)")
_CONTROL = re.compile(r"控制率(?:为|是|达)?")
_QUOTA = re.compile(r"编制(?:人数|数)(?:为|是|共)?(\d{1,6})(?:人|名)?")
_STAFF = re.compile(r"(?:在职|实有|在岗)(?:人员)?(?:人数|数)?(?:为|是|共计|共)?(\d{1,6})(?:人|名)?")
_SCORE = re.compile(rf"分值({NUMBER})分[，,、]?(?:自评|评价)?得分({NUMBER})分")


def read_completions(sentence: Sentence) -> list[Ratio]:
    """"预算数为 P 万元，执行数为 E 万元，完成预算的 Q%": Q must be E / P."""
    text = sentence.text
    claims = []
    floor = sentence.start
    for m in _COMPLETION.finditer(text, sentence.start, sentence.end):
        rate = percent_at(text, m.end())
        if rate is None:
            continue
        nearest: dict[str, Figure] = {}
        for figure in reversed(find_money(text, floor, m.start())):
            role = _role(label(text, figure.start, floor))
            if role is not None and sentence.depth[figure.start] == sentence.depth[m.start()]:
                nearest.setdefault(role, figure)
        # With "追加预算 20 万元" about, which budget the rate divides by is anyone's guess.
        if "delta" not in nearest and {"actual", "budget"} <= nearest.keys():
            actual, budget = nearest["actual"], nearest["budget"]
            claims.append(Ratio(sentence.where, "budget_completion", actual, budget, rate))
        floor = rate.end  # the next rate in the sentence has figures of its own
    return claims


def _role(words: str) -> str | None:
    """Budget or spending, from the last telling word before the amount ("delta" for a change
    to the budget or what is left of it).

    >>> _role("支出预算为"), _role("全年共执行预算"), _role("一般公共预算财政拨款支出"), _role("追加预算")
    ('budget', 'actual', None, 'delta')
    """
    if _DELTA.search(words):
        return "delta"
    found = _ACTUAL_OR_BUDGET.findall(_FUND_TYPE.sub("", words))
    if not found:
        return None
    return "budget" if found[-1] in _BUDGET_WORDS else "actual"


def read_control_rates(sentence: Sentence) -> list[Ratio]:
    """"编制数 32 人，在职人数 27 人，控制率 84.38%": staff / quota."""
    text, start = sentence.text, sentence.start
    claims = []
    for m in _CONTROL.finditer(text, start, sentence.end):
        rate = percent_at(text, m.end())
        quota = last(_QUOTA.finditer(text, start, m.start()))
        staff = last(_STAFF.finditer(text, start, m.start()))
        if rate is not None and quota is not None and staff is not None:
            claims.append(Ratio(sentence.where, "control_rate", _count(staff), _count(quota), rate))
    return claims


def read_scores(sentence: Sentence) -> list[Score]:
    """"（分值 20 分，自评得分 19.84 分）": the score may not exceed the weight."""
    claims = []
    for m in _SCORE.finditer(sentence.text, sentence.start, sentence.end):
        weight = parse_number(m.group(1), "", m.start(1), m.end(1))
        score = parse_number(m.group(2), "", m.start(2), m.end(2))
        claims.append(Score(sentence.where, weight, score))
    return claims


def _count(m: re.Match) -> Figure:
    """A head count is exact: 27 people are not 26.5 to 27.5."""
    return replace(parse_number(m.group(1), "", m.start(1), m.end(1)), exact=True)
