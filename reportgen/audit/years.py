"""The report year, and comparisons with 上年 that name the report year itself."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reportgen.audit.claims import Where
from reportgen.audit.text import Block

_TITLE = re.compile(r"(20\d\d)年度?[^。；;]{0,40}?(?:部门决算|决算|绩效|评价|报告|情况说明)")
_YEAR = re.compile(r"(?<!\d)(20\d\d)年")
# Only wordings that compare with the previous year: "与 2023 年相比", "比 2023 年增加",
# "较 2023 年下降", "与 2023 年决算数持平". "较 2023 年初" and "截至 2023 年" are not comparisons.
_COMPARISON = re.compile(
    r"(?:与|同|和)(20\d\d)年度?(?:决算数?)?(?:相比|比较|对比|持平|基本持平)"
    r"|比(20\d\d)年度?(?:决算数?)?(?:增加|减少|增长|下降|持平|上升|降低|多|少)"
    r"|较(20\d\d)年度?(?:决算数?)?(?:相比|增加|减少|增长|下降|持平|上升|降低)"
)
_TITLE_BLOCKS = 4


@dataclass(frozen=True)
class YearRef:
    """A comparison with last year that names a year; `expected` is the report year − 1."""

    where: Where
    year: int
    expected: int
    offset: int
    text: str


def report_year(blocks: list[Block]) -> int | None:
    """The year the document reports on: from its title, else the clearly most frequent year.

    >>> from reportgen.audit.reader import document_from_text
    >>> report_year(document_from_text("2023 年度某局部门决算\\n一、部门职责").blocks)
    2023
    """
    # Years named in comparisons are last year's, not the report's: they must not vote.
    texts = [_COMPARISON.sub("", b.text) for b in blocks]
    counts = Counter(int(m.group(1)) for t in texts for m in _YEAR.finditer(t))
    ranked = counts.most_common(2)
    titles = (_TITLE.search(b.text) for b in blocks[:_TITLE_BLOCKS])
    titled = next((int(m.group(1)) for m in titles if m), None)
    # A title year the body does not bear out ("根据《关于做好2023年度决算公开的通知》…") is not
    # trusted: a wrong report year would turn every correct "与上年相比" into an alarm.
    if titled is not None and ranked and counts[titled] >= ranked[0][1]:
        return titled
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None  # no year stands out: better to say nothing than to guess
    return ranked[0][0]


def year_claims(blocks: list[Block], year: int | None) -> list[YearRef]:
    """Comparisons with the previous year that name the report year instead."""
    if year is None:
        return []
    claims = []
    for block in blocks:
        for start, end in block.periods():
            later = any(int(y) > year for y in _YEAR.findall(block.text, start, end))
            for m in _COMPARISON.finditer(block.text, start, end):
                named = int(next(g for g in m.groups() if g))
                # "预算…与 2023 年决算相比" compares this year's budget with its outturn: no slip.
                budget_first = "决算" in m.group(0) and "预算" in block.text[start : m.start()]
                if named == year and not later and not budget_first:
                    claims.append(YearRef(Where(block), named, year - 1, m.start(), m.group(0)))
    return claims
