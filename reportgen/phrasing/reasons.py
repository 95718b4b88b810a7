"""Reasons as the documents print them: one sentence after its lead ("主要原因是…。"), or several
numbered ("主要原因一是…；二是…。"), joined to the sentence before by "。" or "，".

A reason is free text the unit writes (a string, or a list of strings for several); figures it
quotes in braces are filled in first (phrasing.references).
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from reportgen.phrasing.lists import sentence
from reportgen.phrasing.words import chinese_numeral

#: How several reasons are numbered: after the lead without its 是 ("主要原因一是…", 大英文广旅局
#: 2022), after a colon ("主要原因：一是…", 梧州军休所 2021), or as (1)(2) after the lead
#: ("主要原因是（1）…，（2）…", 沙坪坝南开小学 2022).
NUMBERED = ("一是", "：一是", "（1）")


def reason_text(reason: str | Sequence[str], lead: str, numbered: str = "一是") -> str:
    """The lead and the reason(s), ending in one "。"; empty when there is no reason.

    >>> reason_text("项目收入减少。", "主要变动原因是")
    '主要变动原因是项目收入减少。'
    >>> reason_text(["公用经费支出减少", "压缩了机关运行开支。"], "主要原因是")
    '主要原因一是公用经费支出减少；二是压缩了机关运行开支。'
    >>> reason_text(["自然减员", "下拨了抚恤金"], "主要原因是", "：一是")
    '主要原因：一是自然减员；二是下拨了抚恤金。'
    >>> reason_text(["财政拨款减少", "事业收入增加"], "主要原因是", "（1）")
    '主要原因是（1）财政拨款减少，（2）事业收入增加。'
    >>> reason_text("", "主要原因是"), reason_text([], "主要原因是")
    ('', '')
    """
    if isinstance(reason, str):
        return lead + sentence(reason) if reason.strip() else ""
    items = [sentence(r).removesuffix("。") for r in reason if r.strip()]
    if len(items) <= 1:
        return lead + sentence(items[0]) if items else ""
    if numbered == "（1）":
        return lead + "，".join(f"（{n}）{r}" for n, r in enumerate(items, 1)) + "。"
    stem = lead.removesuffix("是")
    head = "：" if numbered == "：一是" else ""
    return stem + head + "；".join(f"{chinese_numeral(n)}是{r}" for n, r in enumerate(items, 1)) + "。"


def attach(reason: str | Sequence[str], lead: str, joiner: str = "。", numbered: str = "一是") -> str:
    """What follows a sentence that a reason may explain: "。" and the reason, or "，" and the
    reason (洪湖镇 "下降10.6%，主要原因是…"); just "。" when there is none.

    >>> attach("事业收入减少", "主要原因是", "，")
    '，主要原因是事业收入减少。'
    >>> attach("", "主要原因是", "，"), attach("事业收入减少", "主要原因是")
    ('。', '。主要原因是事业收入减少。')
    """
    text = reason_text(reason, lead, numbered)
    return (joiner + text) if text else "。"


def fill_reason(reason: Any, fill: Any) -> Any:
    """Each reason with its quoted figures filled in (`fill` prints one text)."""
    if isinstance(reason, str):
        return fill(reason)
    return [fill(r) for r in reason]


def numbered_style(options: Mapping[str, Any]) -> str:
    value = options.get("多条原因写法", "一是")
    return value if value in NUMBERED else "一是"
