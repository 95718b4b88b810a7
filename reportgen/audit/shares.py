"""Shares of a base named in words: "商品和服务支出预算 165247.88 元，占基本支出预算 18.76%".

When the base was printed earlier ("1. 基本支出预算 881300.39 元"), the share is checked against
it. When it never was (it sits on a page the document does not include), shares of the same
base must still agree with one another: "基本支出 2476260.58 元，占一般公共预算支出的 84.06%"
fixes that total near 2945800 元, so "项目支出 469500 元，占一般公共预算支出的 19.62%" cannot be.
"""

from __future__ import annotations

import re

from reportgen.audit.claims import Derived, Ratio, Sentence, Where
from reportgen.audit.lookup import Index, is_generic, key
from reportgen.audit.numbers import HUNDRED, NUMBER, Figure, find_money, percent_at
from reportgen.audit.text import Block

_NAMED_SHARE = re.compile(r"\s*[，,]?\s*占([^，,。；;%\d]{2,24}?)(?:的|比重|比例)?(?:为|达|是)?\s*(?=\d)")
# Bases a consistency check between shares may trust: aggregates of one budget or outturn.
# "占同类产品采购规模的" names a different base for every product, and is left alone.
_INLINE_SHARE = re.compile(
    rf"\s*[，,]?\s*占([^，,。；;%\d]{{2,24}}?)\s*({NUMBER})\s?(亿元|万元|千元|元)\s*的\s*(?=\d)"
)
_AGGREGATE = re.compile(r"(?:支出|收入|预算|总预算|支出预算|收入预算)$")
# "A、B 和 C，占 X 的 a%、b% 和 c%" pairs amounts and shares respectively: not one share of one.
_RESPECTIVE = re.compile(r"\s*(?:[、,，]|和|及)\s*\d+(?:\.\d+)?\s?%")
_NEAR = 20  # sentences within which two shares of one unnamed total must agree
_SLACK = 1  # steps in the last place a share may bend (倒挤) before it is called wrong


def read_inline_shares(sentence: Sentence) -> list[Ratio]:
    """Shares whose base is printed inside the phrase: "基本支出 300 万元，占本年支出合计 400 万元的 75%".

    >>> from reportgen.audit import audit_text
    >>> [(f.kind, f.stated) for f in audit_text("基本支出300.00万元，占本年支出合计400.00万元的85.00%。")]
    [('share', '85.00%')]
    """
    text, claims = sentence.text, []
    for figure in find_money(text, sentence.start, sentence.end):
        m = _INLINE_SHARE.match(text, figure.end, sentence.end)
        share = percent_at(text, m.end()) if m else None
        if share is not None and sentence.depth[figure.start] == sentence.depth[m.start(2)]:
            base = find_money(text, m.start(2), m.end(3))[0]
            claims.append(Ratio(sentence.where, "share", figure, base, share))
    return claims


def read_named_shares(sentence: Sentence) -> list[Ratio]:
    """Shares whose named base was printed in an earlier sentence."""
    claims = []
    for figure, share, base in _named_shares(sentence.text, sentence.start, sentence.end, sentence.depth):
        total = sentence.named(key(base), figure.start)
        if total is not None:
            claims.append(Ratio(sentence.where, "share", figure, total, share))
    return claims


def implied_shares(blocks: list[Block], index: Index) -> list[Ratio]:
    """Shares of one unprinted total that cannot all be right (beyond a 倒挤 step)."""
    seen: dict[str, list[tuple[int, Figure, Figure]]] = {}
    claims: list[Ratio] = []
    for b, block in enumerate(blocks):
        depth = [0] * len(block.text)
        for start, end in block.periods():
            for figure, share, base in _named_shares(block.text, start, end, depth):
                k = key(base)
                order = index.order_of(b, figure.start)
                if is_generic(k) or not _AGGREGATE.search(k) or share.decimals == 0:
                    continue
                if index.before(k, b, figure.start) is not None:
                    continue  # printed: read_named_shares checks it
                earlier = [(p, s) for o, p, s in seen.get(k, []) if order - o <= _NEAR]
                if earlier:
                    low, high = _total(earlier)
                    if low < high:
                        printed = f"（由前文 {earlier[0][0].printed} 占 {earlier[0][1].printed} 推得的{base}）"
                        where = Where(block)
                        claims.append(Ratio(where, "share", figure, Derived(low, high, printed), share, _SLACK))
                seen.setdefault(k, []).append((order, figure, share))
    return claims


def _named_shares(text: str, start: int, end: int, depth: list[int]):
    """(amount, share, base words) for each "amount，占<base>(的) p%" of a sentence."""
    for figure in find_money(text, start, end):
        m = _NAMED_SHARE.match(text, figure.end, end)
        if m is None:
            continue
        share = percent_at(text, m.end())
        if share is not None and _RESPECTIVE.match(text, share.end, end):
            continue
        if share is not None and depth[figure.start] == depth[min(m.start(), len(depth) - 1)]:
            yield figure, share, m.group(1)


def _total(pairs: list[tuple[Figure, Figure]]):
    """The total every (amount, share) pair allows: the intersection of amount ÷ share."""
    low, high = None, None
    for part, share in pairs:
        (p_lo, p_hi), (s_lo, s_hi) = part.interval(), share.interval()
        if s_lo <= 0:
            continue
        lo, hi = p_lo * HUNDRED / s_hi, p_hi * HUNDRED / s_lo
        low = lo if low is None else max(low, lo)
        high = hi if high is None else min(high, hi)
    return (low, high) if low is not None else (1, 0)
