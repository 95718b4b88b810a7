"""Changes: "比上年增加 A 万元，增长 B%" (or against the budget), read with the figure they change."""

from __future__ import annotations

import re

from reportgen.audit.claims import Change, Sentence, label, last, names
from reportgen.audit.lookup import key
from reportgen.audit.numbers import NUMBER, Figure, find_money, parse_number, percent_at

_YEARISH = r"(?:上年度?|上一年度?|去年|20\d\d年度?)"
_BUDGETISH = r"(?:20\d\d年度?)?(?:年初|全年|调整后)?预算数?"
_OF = r"(?:决算数?|预算数?|支出数|执行数|同期)?"
# Year-on-year ("比上年", "较 2022 年度决算数") and against the budget ("与 2021 年度预算相比",
# "较年初预算数"): either way the base is this year's figure less the change.
_CUE = re.compile(
    rf"(?:与|同|和)(?:{_YEARISH}{_OF}|{_BUDGETISH})(?:相比|比较)"
    rf"|(?:比|较)(?:{_YEARISH}{_OF}|{_BUDGETISH})|同比(?:上年度?|去年)?"
    # "年末结转和结余 30 万元，较年初结转和结余 20 万元增加…": against another figure, printed.
    rf"|(?:比|较)[^，,。；;：:\d%]{{2,12}}?(?=\s?{NUMBER}\s?(?:亿元|万元|千元|元))"
    # "收入总计 520.30 万元，上年为 480.10 万元，增加…": last year's figure stated, then the change.
    rf"|[，,]\s?{_YEARISH}{_OF}(?:为|是)(?=\s?{NUMBER})"
)
_PRIOR_WIDTH = 16  # "累计支出 433 万元": the longest wording of last year's figure we read
# 增收/减收/增支/减支: the wording of government-wide 决算 reports ("比2017年增收12423万元");
# a bare 增/减 ("较上年增 17.1 万元") in terse budget notes.
_CHANGE = re.compile(
    r"(增加|减少|增长|下降|降低|上升|增收|减收|增支|减支|增|减)了?"
    rf"(?=\s?(?:{NUMBER})\s?(?:亿元|万元|千元|元))"
)
_RATE = re.compile(
    r"\s*[，,]?\s*(?:同比)?(增长|下降|降低|上升|增加|减少|增幅|降幅|减幅|增|减)了?(?:幅度)?(?:为|达)?\s*"
)
_RATE_FIRST = re.compile(
    rf"(增长|下降|降低|上升|增幅|降幅|减幅)了?(?:幅度)?(?:为|达)?\s*(?=(?:{NUMBER})\s?[%％]\s*[，,]\s*(?:增加|减少)了?\s?(?:{NUMBER})\s?(?:亿元|万元|千元|元))"
)
_UP = ("增加", "增长", "上升", "增幅", "增收", "增支", "增")
_UNIT_WIDTH = 32  # longest printed amount the change word can be followed by
# "收入总计 X 万元，支出总计 X 万元。收支较上年…" (Chongqing): the two totals are one figure.
_BOTH_TOTALS = re.compile(r"收[、，,]?支(?:总计)?[均各]?")
# Words that make an amount a change or a comparison rather than a figure a change could be of.
_COMPARED = re.compile(r"比|较|增加|减少|增长|下降|增收|减收|增支|减支|同比|上年")
_BARE_NUMBER = re.compile(NUMBER)
_SUBJECT_CUT = re.compile(r"比|较|与|同比|和")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BUDGET_LABEL = re.compile(r"预算数?(?:为|是)?$")
_OF_BUDGET = re.compile(rf"的\s*(?:{NUMBER})\s*[%％]")  # "预算5.3万元的38.1%"
_BUDGET_CUE = re.compile(rf"(?:与|同|和|比|较)(?:{_BUDGETISH})")


def read_changes(sentence: Sentence) -> list[Change]:
    """Each change with a printed rate whose base this sentence, the one before, or an earlier
    figure of the same name gives; a change whose rate goes the other way even without one."""
    text, start, end = sentence.text, sentence.start, sentence.end
    claims = []
    for m in _CHANGE.finditer(text, start, end):
        change = find_money(text, m.end(), min(end, m.end() + _UNIT_WIDTH))[0]
        rate_word = _RATE.match(text, change.end, end)
        rate = percent_at(text, rate_word.end()) if rate_word else None
        cue = last(_CUE.finditer(text, start, m.start()))
        if rate is None and cue is not None:  # "较上年增长 25%，增加 10 万元": the rate first
            rate_word = _RATE_FIRST.search(text, cue.end(), end)  # (its look-ahead reads the change)
            rate_word = rate_word if rate_word and rate_word.start() < m.start() else None
            rate = percent_at(text, rate_word.end()) if rate_word else None
        if rate is None or cue is None:
            continue
        rate_first = rate_word.end() <= m.start()
        between = text[cue.end() : rate_word.start() if rate_first else m.start()]
        prior = _prior(text, cue.end(), m.start(), change.unit)
        current = _current(sentence, cue.start(), "" if prior else between)
        if current is None and prior is None and not find_money(between):
            current = sentence.named(key(_subject(sentence, cue.start(), between)), cue.start())
        up, rate_up = m.group(1) in _UP, rate_word.group(1) in _UP
        if current is not None and (prior is not None or not find_money(between)):
            others = _others(sentence, current, cue.start())
            claims.append(Change(sentence.where, current, change, up, rate, rate_up, prior, others))
        elif up != rate_up and rate.value and change.value:
            claims.append(Change(sentence.where, None, change, up, rate, rate_up))
    return claims


def _subject(sentence: Sentence, cue: int, between: str) -> str:
    """What a change is of when no amount precedes it: the words between the comparison and the
    change ("与上年相比，项目支出减少"), else those before the comparison, in this clause or the
    ones before it up to a "；" ("公务用车运行维护费支出决算比预算无增减变化，比去年增加…").
    """
    if len(_CJK.findall(between)) >= 2:
        return between
    text = sentence.text
    floor = max(text.rfind("；", sentence.start, cue), text.rfind(";", sentence.start, cue), sentence.start - 1) + 1
    clauses = re.split(r"[，,]", text[floor:cue])
    for i in range(len(clauses) - 1, -1, -1):
        words = clauses[i] if i == len(clauses) - 1 else _SUBJECT_CUT.split(clauses[i], maxsplit=1)[0]
        if len(_CJK.findall(words)) >= 2:
            return words
    return ""


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


def _is_budget(text: str, figure: Figure, floor: int) -> bool:
    """Whether an amount is the budget a completion rate is measured against ("完成全年预算 5.3
    万元的 38.1%", "年初预算为 10 万元"): never this year's figure for a change on last year.

    >>> from reportgen.audit.numbers import find_money
    >>> text = "支出2.02万元，完成全年预算5.3万元的38.1%，比上年减少0.33万元"
    >>> [_is_budget(text, f, 0) for f in find_money(text)[:2]]
    [False, True]
    """
    return bool(_BUDGET_LABEL.search(label(text, figure.start, floor))) or \
        bool(_OF_BUDGET.match(text, figure.end))


def _prior(text: str, start: int, end: int, unit: str) -> Figure | None:
    """Last year's figure named between the comparison and the change word, if just one is;
    printed without a unit ("较上年 2.08 减少 0.03 万元") it has the change's unit.
    """
    if end - start > _PRIOR_WIDTH:
        return None
    figures = find_money(text, start, end)
    if not figures:
        bare = list(_BARE_NUMBER.finditer(text, start, end))
        if len(bare) == 1 and not text[bare[0].end() : end].strip().startswith(("年", "%")):
            figures = [parse_number(bare[0].group(), unit, bare[0].start(), bare[0].end())]
    return figures[0] if len(figures) == 1 else None


def _current(sentence: Sentence, cue: int, subject: str) -> Figure | None:
    """This year's figure: the amount before the comparison, else the only one of the sentence
    before ("收、支总计均为 568.27 万元。与 2022 年相比，收、支总计各增加…", "…。收支较上年…").

    A subject named between the comparison and the change ("与上年相比，项目支出增加…") must
    already appear where that figure was read; otherwise the change is about something else.
    """
    text, start, depth = sentence.text, sentence.start, sentence.depth
    before = [f for f in find_money(text, start, cue) if depth[f.start] == depth[cue]]
    if before and _is_budget(text, before[-1], start) and not _BUDGET_CUE.match(text, cue):
        before.pop()  # "…2.02万元，完成全年预算5.3万元的38.1%，比上年…": the change is of 2.02
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
