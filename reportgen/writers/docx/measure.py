"""Text measured as Word and LibreOffice set it: advance widths and where lines break.

The DOCX writer needs this twice: for the 目录's page numbers (how many lines each paragraph
and table cell takes) and for column widths (the longest run a line may not break). Hanzi and
full-width punctuation are one em wide in every CJK font; Latin letters and digits take Times New
Roman's widths (the document's Latin font, metric-compatible with Liberation Serif on Linux).
Between a hanzi and a Latin letter or digit both clients add a small gap (autoSpaceDE/DN).

Line breaking follows what LibreOffice does with Chinese text (checked against its PDFs): a line
may break between any two hanzi and between a hanzi and a Latin run, never inside a run of Latin
letters, digits and their signs ("568.27", "453.14%", "≤300000"); closing punctuation (，。、）…)
never starts a line — a comma or full stop after a hanzi hangs in the margin instead, others
take the character before them down — and opening punctuation (（“《) never ends one. Hand-written because no library measures text without the fonts installed.
"""

from __future__ import annotations

import math
from functools import lru_cache

# Times New Roman advance widths (per 1000 em) of printable ASCII, from its AFM.
_TNR = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    (250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
     *(500,) * 10, 278, 278, 564, 564, 564, 444, 921,
     722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667,
     556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333,
     444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333,
     389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541),
))
_TNR_BOLD_DIFF = {"%": 1000, "&": 833, "\"": 555, "'": 278, ":": 333, ";": 333, "?": 500,
                  "a": 500, "b": 556, "d": 556, "h": 556, "k": 556, "n": 556, "p": 556, "q": 556,
                  "r": 444, "t": 333, "u": 556, "j": 333, "m": 833}
#: Other symbols that come from the Latin font (their widths in Times New Roman).
_SYMBOLS = {"≤": 549, "≥": 549, "±": 549, "×": 564, "÷": 549, "·": 333, "°": 400, "–": 500}

#: May not start a line (GB/T 15834 and the clients' kinsoku lists): they hang in the margin.
CLOSING = set("，。、；：？！）》」』】〕〉’”％…·—～,.;:?!)]}%")
#: May hang in the margin at the end of a full line: commas, stops, colons and the like after a hanzi
#: (LibreOffice's "hanging punctuation"; other closing marks move down with the hanzi before).
HANGING = set("，。、．；：！？")
#: May not end a line: they move down with what follows.
OPENING = set("（《「『【〔〈‘“([{")

# How a character joins a line: "h" hanzi, "p" full-width punctuation, "l" Latin letter or
# digit, "s" a space, "o" other Latin (signs that stay with their number).
_KIND_CACHE: dict[str, str] = {}


def kind(ch: str) -> str:
    """The class of a character for spacing and breaking.

    >>> [kind(c) for c in "年，5%“ "]
    ['h', 'p', 'l', 'o', 'p', 's']
    """
    k = _KIND_CACHE.get(ch)
    if k is None:
        code = ord(ch)
        if ch == " ":
            k = "s"
        elif ch.isascii():
            k = "l" if ch.isalnum() else "o"
        elif ch in _SYMBOLS:
            k = "o"
        elif ch in CLOSING or ch in OPENING or 0x3000 <= code < 0x3040 or 0xFF00 <= code < 0xFFF0 or ch in "…—":
            k = "p"
        else:
            k = "h"
        _KIND_CACHE[ch] = k
    return k


def is_wide(ch: str) -> bool:
    return kind(ch) in "hp"


def advance(ch: str, size: float, bold: bool = False) -> float:
    """The advance width of one character in points, without tracking.

    >>> advance("年", 16), advance("5", 16), advance("%", 10.5)
    (16.0, 8.0, 8.7465)
    """
    if is_wide(ch):
        return float(size)
    if bold and ch in _TNR_BOLD_DIFF:
        return _TNR_BOLD_DIFF[ch] * size / 1000
    return _TNR.get(ch, _SYMBOLS.get(ch, 500)) * size / 1000


#: The gap between a hanzi and a Latin letter or digit, in em: measured 3.5 pt at 16 pt in
#: LibreOffice; Word's "adjust space between Asian and Latin text" is about the same.
AUTOSPACE = 3.5 / 16


def _gap(left: str, right: str) -> bool:
    return (kind(left) == "h" and kind(right) == "l") or (kind(left) == "l" and kind(right) == "h")


@lru_cache(maxsize=65536)  # tables repeat their figures and labels many times
def width(text: str, size: float, tracking: float = 0.0, bold: bool = False) -> float:
    """The width of `text` set on one line, in points; `tracking` is added after each character.

    >>> width("收入568.27万元", 16, -0.3)
    112.0
    """
    if text.isascii() and not bold:  # figures: no hanzi, so no gaps; one sum
        return round(sum(_TNR.get(ch, 500) for ch in text) * size / 1000 + tracking * len(text), 4)
    total = 0.0
    previous = ""
    for ch in text:
        total += advance(ch, size, bold) + tracking
        if previous and _gap(previous, ch):
            total += AUTOSPACE * size
        previous = ch
    return round(total, 4)


def units(text: str) -> list[str]:
    """The pieces a line may break between: each hanzi or full-width mark alone, each run of
    Latin letters, digits and signs whole, each space alone; opening marks join what follows
    and closing marks join what precedes (they may not start or end a line).

    >>> units("增长453.14%。（一）总体")
    ['增', '长', '453.14%。', '（一）', '总', '体']
    """
    pieces: list[str] = []
    for ch in text:
        k = kind(ch)
        if pieces and (ch in CLOSING or pieces[-1][-1] in OPENING):
            pieces[-1] += ch
        elif pieces and k in "lo" and kind(pieces[-1][-1]) in "lo":
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return pieces


def _set(pieces: list[str], size: float, line_width: float, first_indent: float,
         tracking: float, bold: bool) -> list[str]:
    """Pieces added to a line while they fit; a comma or full stop after a hanzi may hang
    beyond the edge; a piece longer than a whole line is cut where it overflows, as the
    clients do with an over-long number."""
    lines: list[str] = []
    current, used = "", first_indent
    for piece in pieces:
        extra = width(piece, size, tracking, bold)
        if current and _gap(current[-1], piece[0]):
            extra += AUTOSPACE * size
        hangs = piece[-1] in HANGING and len(piece) > 1 and is_wide(piece[-2])
        hang = advance(piece[-1], size, bold) + tracking if hangs else 0.0
        if used + extra - hang <= line_width + 0.01 or not current and used + extra <= line_width + 0.01:
            current, used = current + piece, used + extra
            continue
        if current:
            lines.append(current)
            current, used = "", 0.0
        while width(piece, size, tracking, bold) > line_width + 0.01:
            cut = 1
            while cut < len(piece) and width(piece[:cut + 1], size, tracking, bold) <= line_width + 0.01:
                cut += 1
            lines.append(piece[:cut])
            piece = piece[cut:]
        current, used = piece, width(piece, size, tracking, bold)
    lines.append(current)
    return lines


@lru_cache(maxsize=65536)
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
    if 1 <= len(text) <= 4 and all(kind(c) == "h" for c in text):
        return [text]
    pieces = units(text)
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


@lru_cache(maxsize=65536)
def break_cell(text: str, size: float, line_width: float, bold: bool = False) -> tuple[str, ...]:
    """The lines of a table cell as the writer sets them (with explicit line breaks): never
    inside a token, and a short text that must wrap in balanced lines ("全年/预算数", not
    "全年预算/数").

    >>> break_cell("全年预算数", 10.5, 45), break_cell("大于等于45万人", 10.5, 50)
    (('全年', '预算数'), ('大于等于', '45万人'))
    """
    lines = _set(tokens(text), size, line_width, 0.0, 0.0, bold)
    if 1 < len(lines) and len(text) <= 12:
        low, high = 0.0, line_width
        while high - low > 0.5:  # the narrowest measure that still takes as many lines
            middle = (low + high) / 2
            if len(_set(tokens(text), size, middle, 0.0, 0.0, bold)) <= len(lines):
                high = middle
            else:
                low = middle
        lines = _set(tokens(text), size, high, 0.0, 0.0, bold)
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


@lru_cache(maxsize=65536)
def longest_unbreakable(text: str, size: float, bold: bool = False) -> float:
    """The width of the widest token of `text` (see tokens()).

    >>> longest_unbreakable("权重", 10.5), longest_unbreakable("12426.736", 10.5)
    (21.0, 44.625)
    """
    return max((width(t, size, bold=bold) for t in tokens(text)), default=0.0)
