"""One figure printed twice with different values.

A document names its main aggregates several times: 基本支出 in the overview, again in its own
section. "基本支出 141.54 万元" and later "一般公共预算财政拨款基本支出 141.55 万元" cannot both
be right: the part paid from the general budget cannot exceed all of it. Only aggregates a unit
has one of are compared; only figures of the same year that are not changes; and the whole only
where the document states it for the unit (leading its sentence, or in the breakdown of the
unit's total), not where a function item is split ("住房公积金 112788 元，其中：基本支出 112788
元"). Two unqualified figures that differ are not compared: wordings vary too much to tell a
repeat from a sub-item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.audit.claims import Where
from reportgen.audit.lookup import Index, Named
from reportgen.audit.numbers import Figure
from reportgen.audit.text import Block

# Aggregates a unit reports one of per year (sub-items such as 工资福利支出 recur under
# 基本支出 and 项目支出 with different values, so they are not compared).
_AGGREGATES = frozenset({
    "基本支出", "项目支出", "本年支出", "本年收入", "支出合计", "收入合计", "收入总计", "支出总计",
    "三公经费", "机关运行经费", "人员经费", "公用经费",
})
_QUALIFIED = re.compile(r"财政拨款|一般公共预算|政府性基金")
_COMPARISON = re.compile(r"上年|去年|比|较|同期|增|减|预计|计划|调整|年初")
_BUDGET_WORD = "预算"
_UNIT_TOTAL = re.compile(r"支出合计|本年支出|收入合计|本年收入|支出总计|收入总计|总支出|总收入")


@dataclass(frozen=True)
class Repeat:
    """The same aggregate printed twice; `subset`: the second is a funded part of the first."""

    where: Where
    first: Figure
    second: Figure
    name: str
    subset: bool


def repeat_claims(blocks: list[Block], index: Index) -> list[Repeat]:
    budget_only = not any("决算" in b.text for b in blocks)
    groups: dict[str, list[Named]] = {}
    for k, entries in index.named().items():
        name = k.replace(_BUDGET_WORD, "") if budget_only else k
        if name in _AGGREGATES:
            groups.setdefault(name, []).extend(e for e in entries if not _COMPARISON.search(e.words))
    claims = []
    for name, entries in groups.items():
        entries.sort(key=lambda e: e.order)
        for i, later in enumerate(entries):
            claim = _against_earlier(name, later, entries[:i], blocks)
            if claim is not None:
                claims.append(claim)
    return claims


def _against_earlier(name: str, later: Named, earlier: list[Named], blocks: list[Block]) -> Repeat | None:
    """A funded part (qualified) printed larger than the whole stated before it."""
    if not _QUALIFIED.search(later.words):
        return None
    for first in reversed(earlier):
        if first.year and later.year and first.year != later.year or first.figure.unit != later.figure.unit:
            continue
        if _QUALIFIED.search(first.words) or not _states_the_whole(first):
            continue
        if _larger(later.figure, first.figure):
            return Repeat(Where(blocks[later.block]), first.figure, later.figure, name, True)
        return None
    return None


def _larger(part: Figure, whole: Figure) -> bool:
    """Whether a part must exceed the whole. At equal precision the printed values decide:
    rounding never reverses an order, so 141.55 cannot be a part of 141.54 (even though the
    intervals 141.535–141.545 and 141.545–141.555 touch)."""
    if part.decimals == whole.decimals:
        return part.value > whole.value
    return whole.interval()[1] < part.interval()[0]


def _states_the_whole(entry: Named) -> bool:
    return entry.lead == entry.words or _UNIT_TOTAL.search(entry.lead) is not None
