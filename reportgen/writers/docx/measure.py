"""Where lines break, as Word and LibreOffice set text (character widths: glyphs.py).

The DOCX writer needs this twice: for the 目录's page numbers (how many lines each paragraph
and table cell takes) and for column widths (the longest run a line may not break).

Line breaking follows what LibreOffice does with Chinese text (checked against its PDFs): a line
may break between any two hanzi and between a hanzi and a Latin run, never inside a run of Latin
letters, digits and their signs ("568.27", "453.14%", "≤300000"); closing punctuation (，。、）…)
never starts a line — a comma or full stop after a hanzi hangs in the margin instead, others
take the character before them down — and opening punctuation (（“《) never ends one.
Hand-written because no library breaks lines without the fonts installed.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from reportgen.writers.docx.glyphs import (  # noqa: F401  (kind, is_wide: part of this module's interface)
    AUTOSPACE,
    BEYOND,
    CLOSING,
    HANGING,
    KIND_TABLE,
    OPENING,
    PER_TEXT,
    advance,
    gaps,
    is_wide,
    kind,
    kinds,
    width,
    widths,
)


def _join_table() -> str:
    """How each character of the Basic Multilingual Plane joins its neighbours in units():
    "l" Latin (kind "l" or "o"), "c"/"o" closing/opening, "C"/"O" a Latin closing/opening sign,
    "n" none of these."""
    table = bytearray(KIND_TABLE.translate(str.maketrans("hpslo", "nnnll")), "ascii")
    for marks, plain, latin in ((CLOSING, "c", "C"), (OPENING, "o", "O")):
        for ch in marks:
            table[ord(ch)] = ord(latin if table[ord(ch)] == ord("l") else plain)
    return table.decode("ascii")


_JOINS = _join_table()
#: Where a line may break, in a text translated by _JOINS: before a character that is not
#: closing, after one that is not opening, unless both are Latin.
_BREAK = re.compile("(?<=[nc])[nolO]|(?<=[lC])[no]")


def units(text: str) -> list[str]:
    """The pieces a line may break between: each hanzi or full-width mark alone, each run of
    Latin letters, digits and signs whole, each space alone; opening marks join what follows
    and closing marks join what precedes (they may not start or end a line).

    >>> units("增长453.14%。（一）总体")
    ['增', '长', '453.14%。', '（一）', '总', '体']
    """
    if not text:
        return []
    joins = text.translate(_JOINS)  # one pass in C: a build splits some 100,000 characters
    if not joins.isascii():
        joins = BEYOND.sub("n", joins)
    bounds = [0, *[m.start() for m in _BREAK.finditer(joins)], len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def _set(pieces: list[str], size: float, line_width: float, first_indent: float,
         tracking: float, bold: bool) -> list[str]:
    """Pieces added to a line while they fit; a comma or full stop after a hanzi may hang
    beyond the edge; a piece longer than a whole line is cut where it overflows, as the
    clients do with an over-long number.

    Hand-tuned (a build sets some 100,000 pieces): a line is the pieces[start:k] after `head`
    (what is left of a cut piece), joined once it is full; the gaps between hanzi and Latin
    are found for the whole text at once. The sums are those of adding piece by piece.
    """
    lines: list[str] = []
    limit = line_width + 0.01
    spaced = set(gaps(kinds("".join(pieces))))  # positions of the pieces' first characters that have a gap before them
    head, start, used, at = "", 0, first_indent, 0
    sizes, gap = widths(pieces, size, tracking, bold), AUTOSPACE * size
    for k, piece in enumerate(pieces):
        extra = sizes[k]
        current = k > start or head
        if current and at in spaced:
            extra += gap
        at += len(piece)
        hang = 0.0
        if piece[-1] in HANGING and len(piece) > 1 and is_wide(piece[-2]):
            hang = advance(piece[-1], size, bold) + tracking
        if used + extra - hang <= limit or not current and used + extra <= limit:
            used += extra
            continue
        if current:
            lines.append(head + "".join(pieces[start:k]))
        head, start = "", k
        if width(piece, size, tracking, bold) > limit:
            while width(piece, size, tracking, bold) > limit:
                cut = 1
                while cut < len(piece) and width(piece[:cut + 1], size, tracking, bold) <= limit:
                    cut += 1
                lines.append(piece[:cut])
                piece = piece[cut:]
            head, start = piece, k + 1
        used = width(piece, size, tracking, bold)
    lines.append(head + "".join(pieces[start:]))
    return lines


@lru_cache(maxsize=PER_TEXT)
def break_lines(text: str, size: float, line_width: float, first_indent: float = 0.0,
                tracking: float = 0.0, bold: bool = False) -> tuple[str, ...]:
    """The lines a client sets a paragraph in (LibreOffice's breaking, see the module).

    >>> break_lines("一二三四五，六七", 16, 80)
    ('一二三四五，', '六七')
    """
    return tuple(_set(units(text), size, line_width, first_indent, tracking, bold))


def tokens(text: str) -> list[str]:
    """The pieces the writer never lets a line break: units() joined further, a number with
    the one or two hanzi of its unit ("45万人", "568.27万元"), a bracketed mark of up to four
    characters ("（万元）", "（B/A）"), and a whole text that is a label of up to four hanzi.

    >>> tokens("大于等于45万人"), tokens("年度预算申请（万元）"), tokens("权重")
    (['大', '于', '等', '于', '45万人'], ['年', '度', '预', '算', '申', '请', '（万元）'], ['权重'])
    """
    classes = kinds(text)
    if 1 <= len(text) <= 4 and classes == "h" * len(text):
        return [text]
    pieces = units(text)
    if "l" not in classes and "o" not in classes and "（" not in text:
        return pieces  # no number and no bracket: nothing joins further (most of a report's text)
    out: list[str] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        i += 1
        if piece[0] in "（(" and len(piece) >= 2:  # a bracketed mark: up to its closing bracket
            j = i
            while j < len(pieces) and len(piece) < 6 and piece[-1] not in "）)":
                piece += pieces[j]
                j += 1
            if piece[-1] in "）)" and len(piece) <= 6:
                i = j
            else:
                piece = pieces[i - 1]
        elif kind(piece[-1]) in "lo":  # a number keeps its unit (and the mark after it)
            unit = 0
            while i < len(pieces) and unit < 2 and kind(pieces[i][0]) == "h" and \
                    all(c in CLOSING for c in pieces[i][1:]):
                piece += pieces[i]
                unit += 1
                i += 1
                if piece[-1] in CLOSING:
                    break
        out.append(piece)
    return out


@lru_cache(maxsize=PER_TEXT)
def break_cell(text: str, size: float, line_width: float, bold: bool = False) -> tuple[str, ...]:
    """The lines of a table cell as the writer sets them (with explicit line breaks): never
    inside a token, and a short text that must wrap in balanced lines ("全年/预算数", not
    "全年预算/数").

    A bracketed mark that ends the text takes a line of its own before the words before it are
    broken, so that they wrap as words do ("满意/度指标/（10分）", not "满意度指/标/（10分）").

    >>> break_cell("全年预算数", 10.5, 45), break_cell("大于等于45万人", 10.5, 50)
    (('全年', '预算数'), ('大于等于', '45万人'))
    >>> break_cell("满意度指标（10分）", 10.5, 45.8)
    ('满意', '度指标', '（10分）')
    """
    pieces = tokens(text)
    lines = _set(pieces, size, line_width, 0.0, 0.0, bold)
    if len(lines) > 1 and len(pieces) > 1 and pieces[-1][0] in OPENING and \
            width(pieces[-1], size, bold=bold) <= line_width + 0.01:
        head = text[:len(text) - len(pieces[-1])]
        apart = (*break_cell(head, size, line_width, bold), pieces[-1])
        if len(apart) <= len(lines):
            return apart
    if 1 < len(lines) and len(text) <= 12:
        low, high = 0.0, line_width
        while high - low > 0.5:  # the narrowest measure that still takes as many lines
            middle = (low + high) / 2
            if len(_set(pieces, size, middle, 0.0, 0.0, bold)) <= len(lines):
                high = middle
            else:
                low = middle
        lines = _set(pieces, size, high, 0.0, 0.0, bold)
        half = len(text) // 2  # two lines of hanzi: the shorter first, as in "全年/预算数"
        if len(lines) == 2 and all(kind(c) == "h" for c in text) and \
                width(text[half:], size, bold=bold) <= line_width + 0.01:
            lines = [text[:half], text[half:]]
    return tuple(lines)


#: Where a title breaks best: after a unit's name (…局, …中心, …幼儿园), before a year or the kind
#: of document (部门决算, 项目支出绩效自评报告); next best after a place (…市, …区) or a year.
_NAME_ENDS = set("局院所园厅委办校站心处队团司")
_PLACE_ENDS = set("省市县区乡镇度")
_KIND_STARTS = ("部门", "项目", "单位", "决算", "整体", "支出", "绩效")


@lru_cache(maxsize=1024)
def balanced(text: str, size: float, line_width: float) -> tuple[str, ...]:
    """A title in as few lines as fit, of widths as even as they can be (GB/T 9704 sets a title
    of several lines as a trapezoid, not a full line and a stub), never broken inside a token;
    a title of two lines breaks, near the middle, where a word ends: after a unit's name or
    before a year rather than inside a word (no dictionary: those two are what titles hold).

    >>> balanced("重庆市开州区南雅镇中心幼儿园2023年度部门决算情况说明", 22, 442.25)
    ('重庆市开州区南雅镇中心幼儿园', '2023年度部门决算情况说明')
    """
    lines = _set(tokens(text), size, line_width, 0.0, 0.0, False)
    if len(lines) != 2:
        return tuple(lines)
    pieces, best, choice = tokens(text), math.inf, tuple(lines)
    for i in range(1, len(pieces)):
        first, second = "".join(pieces[:i]), "".join(pieces[i:])
        w1, w2 = width(first, size), width(second, size)
        if max(w1, w2) > line_width + 0.01:
            continue
        if first[-1] in _NAME_ENDS or second[0].isdigit() or second.startswith(_KIND_STARTS):
            penalty = 0.0
        else:
            penalty = line_width / 2 if first[-1] in _PLACE_ENDS else line_width
        score = abs(w1 - w2) + penalty
        if score < best:
            best, choice = score, (first, second)
    return choice


@lru_cache(maxsize=PER_TEXT)
def longest_unbreakable(text: str, size: float, bold: bool = False) -> float:
    """The width of the widest token of `text` (see tokens()).

    >>> longest_unbreakable("权重", 10.5), longest_unbreakable("12426.736", 10.5)
    (21.0, 44.625)
    """
    return max(widths(tokens(text), size, 0.0, bold), default=0.0)
