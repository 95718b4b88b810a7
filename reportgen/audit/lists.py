"""Totals and their parts: "合计 T 万元，其中：a 万元，占 s%；b 万元…" and the shares in them."""

from __future__ import annotations

import re

from reportgen.audit.claims import PartsList, Sentence, label, names
from reportgen.audit.lookup import key, subject_before
from reportgen.audit.numbers import Figure, find_money, percent_at

_MARKER = re.compile(r"(?<!不)(?:其中|主要用于以下方面|主要用于|主要包括|包括|分别为|分别是)")
# "，占 24.91%", "，占总支出的 22.39%", "，占基本支出预算 81.45%": the base may be named.
_SHARE = re.compile(r"\s*[，,]?\s*(?:占比|占)(?:([^，,。；;%\d]{0,24}?)(?:的|比重|比例)?)?(?:为|达|是)?\s*(?=\d)")
# Names a base goes by ("占总支出的" in a list of 本年支出合计): the alias, and what the total's
# own words must contain for the alias to mean it.
_ALIASES = {"总支出": ("支出合计", "支出总计", "本年支出", "总支出"), "总收入": ("收入合计", "收入总计", "本年收入", "总收入")}
# A list that opens its sentence with the name of its total: "“三公”经费财政拨款支出决算中，
# 因公出国（境）费…，占 0%；…" — the total is the amount of that name printed earlier.
_NAMED_OPENER = re.compile(r"([^，,。；;：:]{2,60}?)中[，,：:]")
_SANGONG = ("出国", "车", "接待")  # 三公 is exactly these three items
_CARRIED = re.compile(r"结转|结余")
_NAMED_NOISE = re.compile(r"^(?:本年|全年|年度|当年)")
# A total described as a change ("比上年增加 10 万元，其中：…") is broken down into changes.
_COMPARED = re.compile(r"比|较|增加|减少|增长|下降|同比|上年")
# A part whose words say it is not a plain item of the list: its amount must not be added up.
_UNCLEAN = re.compile(
    r"比|较|增加|减少|增长|下降|同比|上年|预算数|决算数|执行数|完成|累计|人均|平均|预计|计划"
    r"|超过|不足|以上|以下|达到|共计|合计|总计|约|近|逾|超|含"
    r"|\d{1,2}\s*月|季度|截至|截止"  # "1-6 月支出…，1-10 月支出…" are running totals, not items
)
_CLAUSE_END = "；;"
# …except the year's own subtotal inside 收入总计/支出总计 ("收入总计 1000 万元，其中：本年收入合计
# 900 万元，年初结转和结余 100 万元"): a plain part of its total, whatever its 合计 says.
_YEARS_SUBTOTAL = re.compile(r"^(?:其中[：:]?)?本年(?:收入|支出)合计$")


def _unclean(words: str) -> bool:
    """Whether a part's words make its amount something other than a plain item (see _UNCLEAN).

    >>> _unclean("本年收入合计"), _unclean("累计支出"), _unclean("年初结转和结余")
    (False, True, False)
    """
    return not _YEARS_SUBTOTAL.match(words) and bool(_UNCLEAN.search(words))


def read_lists(sentence: Sentence) -> list[PartsList]:
    """Each list of amounts in the sentence, with the total it breaks down."""
    money = find_money(sentence.text, sentence.start, sentence.end)
    markers = [
        m.start()
        for m in _MARKER.finditer(sentence.text, sentence.start, sentence.end)
        if _opens_list(sentence, m.end(), money)
    ]
    regions = _regions(sentence, markers, money)
    claims = _named_list(sentence, money, markers)
    for pos, (start, stop) in regions.items():
        inner = [r for q, r in regions.items() if start < q < stop]
        claim = _list_at(sentence, money, pos, stop, inner)
        if claim is not None:
            claims.append(claim)
    return claims


def _regions(sentence: Sentence, markers: list[int], money: list[Figure]) -> dict[int, list[int]]:
    """Where each list runs: to the end of the sentence, or of the bracket it opened in.

    A list opened inside another is a sub-list of the item before it ("其中：人员经费 213.87
    万元，主要包括：基本工资 27.12 万元、…") and ends with that item's clause at "；". But when
    a "；" falls between the outer marker and the new list's total, the outer list ended there
    ("…；支出 480 万元，其中：…") and the new one stands on its own.
    """
    depth = sentence.depth
    regions: dict[int, list[int]] = {}
    for pos in markers:
        level = depth[pos]
        open_lists = [q for q in regions if depth[q] == level and regions[q][1] > pos]
        outer = open_lists[-1] if open_lists else None
        regions[pos] = [pos, _closing(depth, pos, sentence.end)]
        if outer is None:
            continue
        before = [f for f in money if f.end <= pos and depth[f.start] <= level]
        total_at = before[-1].start if before else pos
        cut = _last_clause_end(sentence.text, outer, total_at)
        if cut is not None:
            regions[outer][1] = cut
        else:
            regions[pos][1] = min(regions[pos][1], _clause_end(sentence.text, pos, sentence.end))
    return regions


def _list_at(
    sentence: Sentence, money: list[Figure], pos: int, stop: int, inner: list[list[int]]
) -> PartsList | None:
    """The list opened by the marker at `pos`; the total is the nearest amount before it."""
    text, depth, level = sentence.text, sentence.depth, sentence.depth[pos]
    before = [f for f in money if f.end <= pos and depth[f.start] <= level]
    if before:
        total, floor, end = before[-1], sentence.start, sentence.end
    else:
        total, floor, end = _lead(sentence, pos)
    if total is None or share_after(text, total, end):
        return None  # no total, or the "total" is itself a share of something larger
    whole = label(text, total.start, floor)
    if _COMPARED.search(whole):
        return None
    def in_sub_list(f: Figure) -> bool:
        return any(a <= f.start < b for a, b in inner)

    parts = tuple(
        f for f in money if pos < f.start < stop and depth[f.start] == level and not in_sub_list(f)
    )
    if not parts:
        return None
    shares = tuple(share_after(text, f, stop, whole) for f in parts)
    clean = not any(_unclean(label(text, f.start, pos)) for f in parts)
    complete = _complete(text, parts, whole, pos)
    return PartsList(sentence.where, total, parts, shares, clean, complete)


def _named_list(sentence: Sentence, money: list[Figure], markers: list[int]) -> list[PartsList]:
    """The list opened by "X中，" at the start of a sentence, its total found by the name X."""
    text = sentence.text
    m = _NAMED_OPENER.match(text, sentence.start, sentence.end)
    if m is None or markers and markers[0] < m.end() or any(f.start < m.end() for f in money):
        return []
    total = sentence.named(key(m.group(1)), m.start())
    level = sentence.depth[m.end() - 1]
    parts = tuple(f for f in money if sentence.depth[f.start] == level)
    if total is None or not parts:
        return []
    whole = m.group(1)
    shares = tuple(share_after(text, f, sentence.end, whole) for f in parts)
    clean = not any(_unclean(label(text, f.start, m.end())) for f in parts)
    complete = _complete(text, parts, whole, m.end())
    return [PartsList(sentence.where, total, parts, shares, clean, complete, external=True)]


def _complete(text: str, parts: tuple[Figure, ...], whole: str, floor: int) -> bool:
    """Whether the parts are the whole breakdown even without shares adding to 100%: 三公 by
    its three items, 收入总计 as this year's income plus what was carried over, and 支出总计 as
    this year's spending, 结余分配 and what is carried to next year (年末结转和结余, listed last).
    """
    labels = [subject_before(text, f.start, floor) for f in parts]
    if "三公" in whole and all(any(w in lab for lab in labels) for w in _SANGONG):
        return True
    if "支出总计" in whole:
        return "年末" in labels[-1] and _CARRIED.search(labels[-1]) is not None
    return ("收入总计" in whole or "总收入" in whole) and _CARRIED.search(labels[-1]) is not None


def _lead(sentence: Sentence, pos: int) -> tuple[Figure | None, int, int]:
    """The total of a list that opens its sentence ("支出为 1942.57 万元。其中：…"): the one
    amount of the sentence before, if it names just one.
    """
    previous, text = sentence.previous, sentence.text
    if previous is None or text[sentence.start : pos].strip(" ，,：:"):
        return None, 0, 0
    level, floor = sentence.depth[pos], previous[0]
    # "…1516.64 万元，与上年相比减少 58.49 万元。其中：" still names one total.
    figures = [
        f for f in find_money(text, *previous)
        if sentence.depth[f.start] == level and not _COMPARED.search(label(text, f.start, floor))
    ]
    if len({(f.value, f.unit) for f in figures}) != 1:
        return None, 0, 0
    return figures[-1], previous[0], previous[1]


def share_after(text: str, figure: Figure, end: int, whole: str | None = None) -> Figure | None:
    """The share printed right after a figure ("，占 24.91%").

    Given `whole` (the words before the total), a share that names another base ("占总支出的"
    after a total called 基本支出) is not taken as a share of this total.
    """
    m = _SHARE.match(text, figure.end, end)
    if not m:
        return None
    named = _NAMED_NOISE.sub("", m.group(1) or "")
    if whole is not None and named and not _is_base(whole, named):
        return None
    return percent_at(text, m.end())


def _is_base(whole: str, named: str) -> bool:
    """Whether a share's named base ("总支出", "“三公”经费") is the list's total."""
    if names(whole, named) or key(named) and key(named) == key(whole):
        return True
    return any(w in whole for w in _ALIASES.get(named, ()))


def _clause_end(text: str, pos: int, end: int) -> int:
    return next((i for i in range(pos, end) if text[i] in _CLAUSE_END), end)


def _last_clause_end(text: str, start: int, end: int) -> int | None:
    return next((i for i in range(end - 1, start - 1, -1) if text[i] in _CLAUSE_END), None)


def _opens_list(sentence: Sentence, pos: int, money: list[Figure]) -> bool:
    """A marker opens a list of amounts only if one follows before the clause ends.

    "主要包括：基本工资、津贴补贴…" describes, it does not list amounts, so it must not cut
    the 其中 list that it sits in.
    """
    clause_end = _clause_end(sentence.text, pos, sentence.end)
    level = sentence.depth[pos - 1]
    return any(pos <= f.start < clause_end and sentence.depth[f.start] == level for f in money)


def _closing(depth: list[int], pos: int, stop: int) -> int:
    """Where the bracket holding `pos` closes, if before `stop`: "（其中：…）" ends there."""
    level = depth[pos]
    return next((i for i in range(pos, stop) if depth[i] < level), stop)
