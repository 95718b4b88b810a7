"""What a claim is (and where it was read), and the word helpers all claim readers share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.audit.numbers import Figure
from reportgen.audit.text import Block, sentence_text


@dataclass(frozen=True)
class Where:
    """Where a claim was read: a block of running text, or else a table row (line and text)."""

    block: Block | None = None
    line: int = 0
    row: str = ""

    def place(self, offset: int) -> tuple[int, str]:
        """The line where the sentence holding `offset` starts, and that sentence."""
        if self.block is None:
            return self.line, self.row
        start, end = self.block.sentence_at(offset)
        text = self.block.text
        while start < end and text[start].isspace():
            start += 1
        return self.block.line_at(start), sentence_text(self.block, (start, end))


@dataclass(frozen=True)
class PartsList:
    """A total and the parts listed after 其中/主要用于…, each with its share when printed."""

    where: Where
    total: Figure
    parts: tuple[Figure, ...]
    shares: tuple[Figure | None, ...]
    clean: bool  # every part is a plain item, so adding them up is meaningful
    complete: bool = False  # the parts are the whole breakdown (三公's three items…)
    external: bool = False  # the total was printed in an earlier sentence, found by its name


@dataclass(frozen=True)
class Change:
    """This year's figure, its change on last year, and the printed rate of change."""

    where: Where
    current: Figure | None  # None: only the direction of the rate can be checked
    change: Figure
    increase: bool
    rate: Figure
    rate_increase: bool
    prior: Figure | None = None  # last year's figure when printed ("比上年 433 万元减少 2 万元")
    # Other figures of the clause the change may be of ("甲 338 万元，乙 78 万元，比上年增加…").
    others: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Derived:
    """A figure the document implies rather than prints ("决算数大于预算数 55.93 万元" gives
    the budget as spending − 55.93): an interval and the words that show how it was got."""

    low: object
    high: object
    printed: str

    def interval(self):
        return self.low, self.high


@dataclass(frozen=True)
class Ratio:
    """A printed percentage that must equal numerator / denominator (执行率, 控制率)."""

    where: Where
    kind: str
    numerator: Figure
    denominator: Figure | Derived
    rate: Figure
    slack: int = 0  # steps in the last place the rate may bend before it is wrong (倒挤)


@dataclass(frozen=True)
class Score:
    """A score printed beside the weight it cannot exceed."""

    where: Where
    weight: Figure
    score: Figure
    source: str = "得分"  # or "评分标准计分": a scoring rule that awards more than the item is worth


Claim = PartsList | Change | Ratio | Score


@dataclass(frozen=True)
class Sentence:
    """One sentence (up to 。！？) of a block, as every claim reader sees it."""

    where: Where
    text: str  # the whole block's text; offsets stay block offsets
    start: int
    end: int
    depth: list[int]  # bracket depth of each character of the block
    previous: tuple[int, int] | None  # the sentence before, in the same block
    block_no: int = 0  # the block's place in the document, for look-ups by name
    index: object = None  # the document's lookup.Index, when the sentence is read in one

    def named(self, k: str, offset: int) -> Figure | None:
        """The nearest earlier amount called `k` (see lookup.Index.before)."""
        return None if self.index is None else self.index.before(k, self.block_no, offset)


_DELIMS = "，,；;：:、。（）()"
_SUBJECT_NOISE = re.compile(r"[，,、：:\s“”\"‘’]|各|均|分别|共|同比|合计")


def paren_depth(text: str) -> list[int]:
    """Nesting depth of brackets at each character: an aside in （） is not a list item.

    >>> paren_depth("a（b）c")
    [0, 1, 1, 1, 0]
    """
    depth, level = [], 0
    for ch in text:
        if ch in "（(":
            level += 1
        depth.append(level)
        if ch in "）)":
            level = max(level - 1, 0)
    return depth


def label(text: str, start: int, floor: int) -> str:
    """The words just before a figure, back to the previous delimiter.

    >>> label("收入合计568.27万元，其中：事业收入0万元", 20, 0)
    '事业收入'
    """
    i = start
    while i > floor and text[i - 1] not in _DELIMS:
        i -= 1
    return text[i:start]


def names(text: str, subject: str) -> bool:
    """Whether `text` already names `subject`, punctuation and 各/均 aside.

    >>> names("2023年度收、支总计均为568.27万元。", "收、支总计各")
    True
    """
    return _SUBJECT_NOISE.sub("", subject) in _SUBJECT_NOISE.sub("", text)


def last(matches):
    """The last item of an iterator, or None."""
    item = None
    for item in matches:
        pass
    return item
