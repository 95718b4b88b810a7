"""Figures found by what they are called, across sentences and paragraphs.

Documents name a figure once ("“三公”经费财政拨款支出决算为 3.46 万元") and refer back to it by
name later: a list "“三公”经费支出决算中，因公出国（境）费…，占 p%", a change "公务接待费同口径
比上年减少 38 万元", a share "占基本支出预算 81.45%". Each amount is indexed under a key made from
the words before it; a later reference with the same key finds the nearest one before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from reportgen.audit.numbers import Figure, find_money
from reportgen.audit.text import Block

_CLAUSE_DELIMS = "，,；;：:、。！？!?"
_BRACKETED = re.compile(r"[（(][^（）()]{0,6}[）)]")
_QUOTES = re.compile(r"[“”\"‘’'「」『』《》\s]")
_LEADING = re.compile(
    r"^(?:其中|另外|此外|包括|主要是|主要为|本单位|本部门|我单位|我部门)?"
    r"(?:\d{1,2}[.、]|[一二三四五六七八九十]+、)?(?:20\d\d年度?|本年度?|全年|年度|当年)*"
)
# Words that qualify an amount without changing what it is an amount of. 预算 is kept: a budget
# and an outturn of the same item are different figures.
_FILLER = re.compile(r"安排的|安排|的|决算数|决算|同口径|实际|共计|合计|总额|累计")
_QUALIFIERS = re.compile(r"一般公共预算财政拨款|一般公共预算|财政拨款")
_VERBS = re.compile(r"(?:为|是|达到|达|共|约|计)+$")
_FEE_SPENDING = re.compile(r"费支出$")
_GENERIC = frozenset({"", "支出", "收入", "预算", "支出预算", "收入预算", "资金", "金额", "其中"})
_YEAR = re.compile(r"20\d\d(?=\s?年)")
WINDOW = 60  # sentences back a name may reach: a section, not the whole document


def subject_before(text: str, pos: int, floor: int = 0) -> str:
    """The words before `pos` back to the previous clause delimiter (brackets do not stop it).

    >>> subject_before("其中：因公出国（境）费支出决算0万元", 15)
    '因公出国（境）费支出决算'
    """
    i = pos
    while i > floor and text[i - 1] not in _CLAUSE_DELIMS:
        i -= 1
    return text[i:pos]


def key(words: str) -> str:
    """What an amount is an amount of, reduced to a comparable key.

    >>> key("2022年“三公”经费财政拨款支出决算为"), key("因公出国（境）费支出决算")
    ('三公经费', '因公出国费')
    >>> key("1. 基本支出预算"), key("一般公共预算支出"), key("公务接待费同口径")
    ('基本支出预算', '一般公共预算支出', '公务接待费')
    """
    words = _QUOTES.sub("", _BRACKETED.sub("", words))
    words = _VERBS.sub("", _LEADING.sub("", words))
    words = _FILLER.sub("", words.replace("预算数", "预算"))
    plain = _QUALIFIERS.sub("", words)
    if plain not in _GENERIC:
        words = plain
    return _FEE_SPENDING.sub("费", words)


def is_generic(k: str) -> bool:
    return k in _GENERIC or len(k) < 2


@dataclass(frozen=True)
class Named:
    """An amount, where it stands (sentence number, block, offset) and its key."""

    order: int
    block: int
    figure: Figure
    key: str
    words: str = ""  # the words before the amount, as printed
    year: str = ""  # the year the sentence names before the amount, if any
    lead: str = ""  # the words before the sentence's first amount: what the sentence is about


class Index:
    """Every amount of a document by key, in reading order."""

    def __init__(self, blocks: list[Block]) -> None:
        self._by_key: dict[str, list[Named]] = {}
        self._sentence_starts: list[list[int]] = []  # per block, start offset of each sentence
        self._first_order: list[int] = []  # per block, the order number of its first sentence
        order = 0
        for b, block in enumerate(blocks):
            spans = block.periods()
            self._sentence_starts.append([s for s, _ in spans])
            self._first_order.append(order)
            for start, end in spans:
                self._add_sentence(b, order, block.text, start, end)
                order += 1

    def _add_sentence(self, b: int, order: int, text: str, start: int, end: int) -> None:
        previous, lead = "", None
        for figure in find_money(text, start, end):
            words = subject_before(text, figure.start, start)
            lead = words if lead is None else lead
            k = key(words)
            if is_generic(k) and previous:
                k = previous.replace("预算", "")  # "支出预算为 18 万元，支出决算为 6.28 万元"
                k = _FEE_SPENDING.sub("费", k.removesuffix("支出") if k.endswith("费支出") else k)
            if not is_generic(k):
                year = _YEAR.search(text, start, figure.start)
                named = Named(order, b, figure, k, words, year.group() if year else "", lead)
                self._by_key.setdefault(k, []).append(named)
                previous = k

    def order_of(self, block: int, offset: int) -> int:
        """The reading-order number of the sentence holding `offset` in `block`."""
        starts = self._sentence_starts[block]
        return self._first_order[block] + max(bisect.bisect_right(starts, offset) - 1, 0)

    def before(self, k: str, block: int, offset: int) -> Figure | None:
        """The amount called `k` in the earlier sentences within the window, if they agree on
        it: two different amounts of one name (this year's budget and last year's outturn,
        "公务接待 11.8 万元" then "公务接待 12.39 万元") leave the reference ambiguous.
        """
        if is_generic(k):
            return None
        here = self.order_of(block, offset)
        found = [n.figure for n in self._by_key.get(k, []) if here - WINDOW <= n.order < here]
        if not found:
            return None
        lo, hi = found[-1].interval()
        if any(f.interval()[1] < lo or hi < f.interval()[0] for f in found):
            return None
        return found[-1]

    def named(self) -> dict[str, list[Named]]:
        """Every key with its amounts, in reading order."""
        return self._by_key
