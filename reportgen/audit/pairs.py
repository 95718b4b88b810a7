"""Several comparisons in one sentence: "收、支总计各是 A,B 万元。与上年相比，收、支总计各减少
C,D 万元，各下降 p%、q%" — two changes, each with its own figure, change and rate."""

from __future__ import annotations

import re

from reportgen.audit.claims import Change, Sentence
from reportgen.audit.numbers import NUMBER, Figure, parse_number

_SEP = r"\s*[,，、和及]\s*"
_UNIT = r"\s?(亿元|万元|千元|元)"
_FIGURES = re.compile(rf"(?:各|分别)(?:是|为)?\s*({NUMBER}){_UNIT}?{_SEP}({NUMBER}){_UNIT}")
_CHANGES = re.compile(rf"各(增加|减少|增长|下降)了?\s*({NUMBER}){_UNIT}?{_SEP}({NUMBER}){_UNIT}")
_RATES = re.compile(rf"各?(增长|下降|降低|上升)了?\s*({NUMBER})\s?%?{_SEP}({NUMBER})\s?%")
_UP = ("增加", "增长", "上升")


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
