"""Several comparisons in one sentence: "收、支总计各是 A,B 万元。与上年相比，收、支总计各减少
C,D 万元，各下降 p%、q%" — two changes, each with its own figure, change and rate; and shares
listed respectively: "基本支出、项目支出分别为 A、B 万元，分别占 p%、q%"."""

from __future__ import annotations

import re

from reportgen.audit.claims import Change, Ratio, Sentence
from reportgen.audit.numbers import NUMBER, Figure, find_money, parse_number

_SEP = r"\s*[,，、和及]\s*"
_UNIT = r"\s?(亿元|万元|千元|元)"
_FIGURES = re.compile(rf"(?:各|分别)(?:是|为)?\s*({NUMBER}){_UNIT}?{_SEP}({NUMBER}){_UNIT}")
_CHANGES = re.compile(rf"各(增加|减少|增长|下降)了?\s*({NUMBER}){_UNIT}?{_SEP}({NUMBER}){_UNIT}")
_RATES = re.compile(rf"各?(增长|下降|降低|上升)了?\s*({NUMBER})\s?%?{_SEP}({NUMBER})\s?%")
_UP = ("增加", "增长", "上升")
_AMOUNTS = re.compile(rf"分别(?:是|为)\s*((?:{NUMBER}{_UNIT}?{_SEP})+{NUMBER}){_UNIT}")
_SHARES = re.compile(rf"[，,]\s*分别占[^，,。；;%\d]{{0,24}}?(?:的|比重|比例)?(?:为|是)?\s*((?:{NUMBER}\s?%{_SEP})+{NUMBER}\s?%)")


def read_pairs(sentence: Sentence) -> list[Change]:
    text, start, end = sentence.text, sentence.start, sentence.end
    changes = _CHANGES.search(text, start, end)
    rates = _RATES.search(text, changes.end(), end) if changes else None
    if rates is None:
        return []
    figures = _FIGURES.search(text, start, changes.start())
    if figures is None and sentence.previous is not None:
        figures = _FIGURES.search(text, *sentence.previous)
    if figures is None:
        return []
    currents = _two(figures, 1)
    amounts = _two(changes, 2)
    percents = [parse_number(rates.group(i), "%", rates.start(i), rates.end(i)) for i in (2, 3)]
    up, rate_up = changes.group(1) in _UP, rates.group(1) in _UP
    return [Change(sentence.where, c, a, up, r, rate_up) for c, a, r in zip(currents, amounts, percents)]


def _two(m: re.Match, first: int) -> list[Figure]:
    """The two amounts of a pair; a unit printed once, after the second, is the unit of both."""
    unit = m.group(first + 3) or ""
    first_unit = m.group(first + 1) or unit
    return [
        parse_number(m.group(first), first_unit, m.start(first), m.end(first)),
        parse_number(m.group(first + 2), unit, m.start(first + 2), m.end(first + 2)),
    ]


def read_respective_shares(sentence: Sentence) -> list[Ratio]:
    """Shares printed respectively of amounts printed respectively, of the total the sentence
    names before them ("本年支出合计 300 万元，基本支出、项目支出分别为 200、100 万元，分别占
    66.67%、33.33%"), or, with none, of the one amount of the sentence before.

    >>> from reportgen.audit import audit_text
    >>> [(f.kind, f.stated) for f in audit_text("本年支出合计300万元，基本支出、项目支出分别为200、100万元，分别占66.67%、43.33%。")]
    [('share', '43.33%')]
    """
    text, start, end = sentence.text, sentence.start, sentence.end
    amounts = _AMOUNTS.search(text, start, end)
    shares = _SHARES.match(text, amounts.end(), end) if amounts else None
    if shares is None:
        return []
    parts = _listed(text, amounts, 1, amounts.group(amounts.lastindex))  # the unit after the last
    rates = _listed(text, shares, 1, "%")
    before = find_money(text, start, amounts.start())
    if not before and sentence.previous is not None:
        before = find_money(text, *sentence.previous)
        before = before if len(before) == 1 else []
    if not before or len(parts) != len(rates):
        return []
    return [Ratio(sentence.where, "share", part, before[-1], rate) for part, rate in zip(parts, rates)]


def _listed(text: str, m: re.Match, group: int, unit: str) -> list[Figure]:
    """The numbers of a listed group ("200、100", "66.67%、33.33%"), each with `unit`."""
    base = m.start(group)
    return [parse_number(n.group(), unit, base + n.start(), base + n.end())
            for n in re.finditer(NUMBER, m.group(group))]
