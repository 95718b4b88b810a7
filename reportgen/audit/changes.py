"""Year-on-year changes: "比上年增加 A 万元，增长 B%", read with the figure they change."""

from __future__ import annotations

import re

from reportgen.audit.claims import Change, Sentence, label, last, names
from reportgen.audit.numbers import NUMBER, Figure, find_money, percent_at

_CUE = re.compile(
    r"(?:与|同|和)(?:上年度?|去年|20\d\d年度?)(?:决算数?|同期)?相比|(?:比|较)(?:上年度?|去年|20\d\d年度?)"
    r"(?:决算数?|同期)?|同比(?:上年度?|去年)?"
)
_PRIOR_WIDTH = 16  # "累计支出 433 万元": the longest wording of last year's figure we read
# 增收/减收/增支/减支: the wording of government-wide 决算 reports ("比2017年增收12423万元").
_CHANGE = re.compile(
    r"(增加|减少|增长|下降|降低|上升|增收|减收|增支|减支)了?"
    rf"(?=(?:{NUMBER})(?:亿元|万元|千元|元))"
)
_RATE = re.compile(r"\s*[，,]?\s*(?:同比)?(增长|下降|降低|上升|增加|减少|增幅|降幅)了?(?:幅度)?(?:为|达)?\s*")
_UP = ("增加", "增长", "上升", "增幅", "增收", "增支")
_UNIT_WIDTH = 32  # longest printed amount the change word can be followed by
# "收入总计 X 万元，支出总计 X 万元。收支较上年…" (Chongqing): the two totals are one figure.
_BOTH_TOTALS = re.compile(r"收[、，,]?支(?:总计)?[均各]?")
# Words that make an amount a change or a comparison rather than a figure a change could be of.
_COMPARED = re.compile(r"比|较|增加|减少|增长|下降|增收|减收|增支|减支|同比|上年")


def read_changes(sentence: Sentence) -> list[Change]:
    """Each change with a printed rate whose base this sentence (or the one before) gives."""
    text, start, end = sentence.text, sentence.start, sentence.end
    claims = []
    for m in _CHANGE.finditer(text, start, end):
        change = find_money(text, m.end(), min(end, m.end() + _UNIT_WIDTH))[0]
        rate_word = _RATE.match(text, change.end, end)
        rate = percent_at(text, rate_word.end()) if rate_word else None
        cue = last(_CUE.finditer(text, start, m.start()))
        if rate is None or cue is None:
            continue
        between = text[cue.end() : m.start()]
        prior = _prior(text, cue.end(), m.start())
        current = _current(sentence, cue.start(), "" if prior else between)
        if current is not None and (prior is not None or not find_money(between)):
            up, rate_up = m.group(1) in _UP, rate_word.group(1) in _UP
            others = _others(sentence, current, cue.start())
            claims.append(Change(sentence.where, current, change, up, rate, rate_up, prior, others))
    return claims


def _others(sentence: Sentence, current: Figure, cue: int) -> tuple[Figure, ...]:
    """Plain amounts listed in the clause before this year's figure: in "基本支出 416 万元，其中：
    人员经费 338 万元，公用经费 78 万元，比上年增加 10 万元" the change may be of any of them.
    """
    text, depth = sentence.text, sentence.depth
    if not sentence.start <= current.start < cue:
        return ()  # this year's figure came from the sentence before
    clause = max(text.rfind("；", sentence.start, cue), text.rfind(";", sentence.start, cue))
    floor = max(clause + 1, sentence.start)
    return tuple(
        f for f in find_money(text, floor, current.start)
        if depth[f.start] == depth[cue] and not _COMPARED.search(label(text, f.start, floor))
    )


def _prior(text: str, start: int, end: int) -> Figure | None:
    """Last year's figure named between the comparison and the change word, if just one is."""
    if end - start > _PRIOR_WIDTH:
        return None
    figures = find_money(text, start, end)
    return figures[0] if len(figures) == 1 else None


def _current(sentence: Sentence, cue: int, subject: str) -> Figure | None:
    """This year's figure: the amount before the comparison, else the only one of the sentence
    before ("收、支总计均为 568.27 万元。与 2022 年相比，收、支总计各增加…", "…。收支较上年…").

    A subject named between the comparison and the change ("与上年相比，项目支出增加…") must
    already appear where that figure was read; otherwise the change is about something else.
    """
    text, start, depth = sentence.text, sentence.start, sentence.depth
    before = [f for f in find_money(text, start, cue) if depth[f.start] == depth[cue]]
    if before:
        gap = text[before[-1].end : cue]
        # In "项目支出比上年增加…" the cue follows a new subject, not the figure before it.
        new_subject = "；" in gap or ";" in gap or (gap and gap[-1] not in "，,")
        return None if new_subject or not names(text[start:cue], subject) else before[-1]
    previous = sentence.previous
    lead = text[start:cue].strip("，,：: ")
    if previous is None or (lead and not _BOTH_TOTALS.fullmatch(lead)):
        return None
    figures = find_money(text, *previous)
    if len({(f.value, f.unit) for f in figures}) != 1:
        return None
    return figures[-1] if names(text[previous[0] : previous[1]], subject) else None
