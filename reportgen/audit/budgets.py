"""Completion written other ways, and savings rates.

- "累计完成 24627 万元，完成年初预算数 60999 万元的 40.4%" (or "为年初预算 400 万元的 102.5%",
  "是预算数 500 万元的 90%"): the budget sits inside the phrase.
- "支出总计 1741.75 万元…；完成年初预算 100%，决算数大于预算数 55.93 万元": the budget is
  implied (spending less the excess), and the rate must be spending over it.
- "计划金额 30005.94 万元…节约资金 5625.51 万元，节约率为 18%": the saving over the plan.
"""

from __future__ import annotations

import re

from reportgen.audit.claims import Derived, Ratio, Sentence, label
from reportgen.audit.numbers import NUMBER, Figure, find_money, parse_number, percent_at

_INSIDE = re.compile(
    rf"(?:完成|为|是|占)(?:年初|全年|调整后)?预算数?\s*({NUMBER})\s?(亿元|万元|千元|元)\s*的\s*(?=\d)"
)
_COMPLETED = re.compile(r"完成(?:年初|全年|调整后)?预算数?的?\s*(?=\d)")
_EXCESS = re.compile(
    rf"\s*[，,]\s*决算数?(大于|高于|超过|多于|超出|小于|低于|少于)(?:年初|全年)?预算数?\s*"
    rf"({NUMBER})\s?(亿元|万元|千元|元)"
)
_OVER = ("大于", "高于", "超过", "多于", "超出")
_SAVING = re.compile(r"节约率(?:为|达|是)?\s*(?=\d)")
_SAVED = re.compile(r"节约(?:资金|金额)?|节省(?:资金)?")
_PLANNED = re.compile(r"计划|预算")
# An amount that is itself a change, a comparison or part of a budget adjustment is never the
# spending a completion rate divides.
_NOT_SPENDING = re.compile(r"比|较|增加|减少|增长|下降|同比|上年|追加|调增|调减|结转|结余|差额|差值")


def read_completions_other_ways(sentence: Sentence) -> list[Ratio]:
    text, start, end = sentence.text, sentence.start, sentence.end
    claims: list[Ratio] = []
    for m in _INSIDE.finditer(text, start, end):
        rate = percent_at(text, m.end())
        actual = _spending_before(sentence, m.start())
        if rate is not None and actual is not None:
            budget = parse_number(m.group(1), m.group(2), m.start(1), m.end(2))
            claims.append(Ratio(sentence.where, "budget_completion", actual, budget, rate))
    for m in _COMPLETED.finditer(text, start, end):
        rate = percent_at(text, m.end())
        excess = _EXCESS.match(text, rate.end, end) if rate else None
        actual = _spending_before(sentence, m.start()) if excess else None
        if actual is not None:
            claims.append(Ratio(sentence.where, "budget_completion", actual, _budget(actual, excess), rate))
    return claims


def read_savings(sentence: Sentence) -> list[Ratio]:
    """"节约资金 S 万元，节约率为 R%" after "计划金额 P 万元": R must be S / P."""
    text = sentence.text
    claims: list[Ratio] = []
    floor = sentence.start
    for m in _SAVING.finditer(text, sentence.start, sentence.end):
        rate = percent_at(text, m.end())
        if rate is None:
            continue
        saved = planned = None
        for figure in reversed(find_money(text, floor, m.start())):
            words = label(text, figure.start, floor)
            if saved is None and _SAVED.search(words):
                saved = figure
            elif planned is None and _PLANNED.search(words):
                planned = figure
        if saved is not None and planned is not None:
            claims.append(Ratio(sentence.where, "saving_rate", saved, planned, rate))
        floor = rate.end  # the next rate of the sentence has figures of its own
    return claims


def _spending_before(sentence: Sentence, pos: int) -> Figure | None:
    """The nearest amount before `pos`, in the sentence, that is not a change or an adjustment."""
    text = sentence.text
    for figure in reversed(find_money(text, sentence.start, pos)):
        if sentence.depth[figure.start] != sentence.depth[pos]:
            continue
        if not _NOT_SPENDING.search(label(text, figure.start, sentence.start)):
            return figure
    return None


def _budget(actual: Figure, excess: re.Match) -> Derived:
    """The budget implied by "决算数大于预算数 X": spending − X (or + X when below budget)."""
    gap = parse_number(excess.group(2), excess.group(3))
    (a_lo, a_hi), (g_lo, g_hi) = actual.interval(), gap.interval()
    if excess.group(1) in _OVER:
        low, high, sign = a_lo - g_hi, a_hi - g_lo, "−"
    else:
        low, high, sign = a_lo + g_lo, a_hi + g_hi, "+"
    return Derived(low, high, f"（{actual.printed} {sign} {gap.printed}）")

