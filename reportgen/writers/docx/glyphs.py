"""Characters as Word and LibreOffice set them: their class for spacing and breaking, and their
advance widths (measure.py breaks lines with them).

Hanzi and full-width punctuation are one em wide in every CJK font; Latin letters and digits take
Times New Roman's widths (the document's Latin font, metric-compatible with Liberation Serif on
Linux). Between a hanzi and a Latin letter or digit both clients add a small gap (autoSpaceDE/DN).

Hand-written because no library measures text without the fonts installed. A build measures
some 100,000 characters the first time it sees its texts, so classes are looked up for a whole
text at once (str.translate through a table of the Basic Multilingual Plane) rather than per
character in Python.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The per-text caches hold what one document repeats (figures and labels in like columns: the
# 71-page 渠县 example has ~2,300 distinct texts). Bounded at a few documents' worth, so that a
# batch worker's memory stays flat from its first units on instead of growing towards 65,536 entries
# a cache (measured: +100 kB a unit up to 1,000 units).
PER_TEXT = 8192

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


def _kind_table() -> str:
    """The class (see kind) of every character of the Basic Multilingual Plane, by code point;
    later rules win, as the earlier tests do in kind's order."""
    table = bytearray(b"h" * 0x10000)
    table[0x3000:0x3040] = b"p" * 0x40
    table[0xFF00:0xFFF0] = b"p" * 0xF0
    for ch in CLOSING | OPENING | set("…—"):
        table[ord(ch)] = ord("p")
    for ch in _SYMBOLS:
        table[ord(ch)] = ord("o")
    for code in range(128):
        table[code] = ord("s" if code == 32 else "l" if chr(code).isalnum() else "o")
    return table.decode("ascii")


# How a character joins a line: "h" hanzi, "p" full-width punctuation, "l" Latin letter or
# digit, "s" a space, "o" other Latin (signs that stay with their number). Characters beyond
# the table (U+10000 on: rare hanzi) are hanzi.
KIND_TABLE = _kind_table()
#: What translate leaves of a text: a character beyond the table.
BEYOND = re.compile("[^\x00-\x7f]")


def kind(ch: str) -> str:
    """The class of a character for spacing and breaking.

    >>> [kind(c) for c in "年，5%“ "]
    ['h', 'p', 'l', 'o', 'p', 's']
    """
    code = ord(ch)
    return KIND_TABLE[code] if code < 0x10000 else "h"


def kinds(text: str) -> str:
    """kind() of every character of `text`, as a string as long as it.

    >>> kinds("收入568.27万元，𠀀")
    'hhlllollhhph'
    """
    found = text.translate(KIND_TABLE)
    return found if found.isascii() else BEYOND.sub("h", found)


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
#: In a kinds() string: the characters that follow a hanzi/Latin boundary (a gap before them).
_GAPS = re.compile("(?<=h)l|(?<=l)h")


def gaps(classes: str) -> list[int]:
    """The positions in a kinds() string whose character has the autospace gap before it.

    >>> gaps(kinds("收入568万元"))
    [2, 5]
    """
    return [m.start() for m in _GAPS.finditer(classes)]


class _Steps(dict):
    """Characters' advance plus tracking at one size, computed the first time each is seen."""

    def __init__(self, size: float, tracking: float, bold: bool):
        super().__init__()
        self.size, self.tracking, self.bold = size, tracking, bold

    def __missing__(self, ch: str) -> float:
        step = self[ch] = advance(ch, self.size, self.bold) + self.tracking
        return step


@lru_cache(maxsize=64)
def _steps(size: float, tracking: float, bold: bool) -> _Steps:
    return _Steps(size, tracking, bold)


@lru_cache(maxsize=PER_TEXT)
def width(text: str, size: float, tracking: float = 0.0, bold: bool = False) -> float:
    """The width of `text` set on one line, in points; `tracking` is added after each character.

    >>> width("收入568.27万元", 16, -0.3)
    112.0
    """
    if text.isascii() and not bold:  # figures: no hanzi, so no gaps; one sum
        return round(sum(_TNR.get(ch, 500) for ch in text) * size / 1000 + tracking * len(text), 4)
    # Added up in reading order, each gap after the character it precedes: the same sum, to
    # the last bit, as adding character by character (line breaks compare these sums).
    step = _steps(size, tracking, bold)
    total, start = 0.0, 0
    for end in gaps(kinds(text)):
        for value in map(step.__getitem__, text[start:end + 1]):
            total += value
        total += AUTOSPACE * size
        start = end + 1
    for value in map(step.__getitem__, text[start:]):
        total += value
    return round(total, 4)


class _Widths(dict):
    """Single characters' width() at one size, computed the first time each is seen."""

    def __init__(self, step: _Steps):
        super().__init__()
        self.step = step

    def __missing__(self, ch: str) -> float:
        value = self[ch] = round(self.step[ch], 4)  # what width(ch) returns: one step, rounded
        return value


@lru_cache(maxsize=64)
def _single(size: float, tracking: float, bold: bool) -> _Widths:
    return _Widths(_steps(size, tracking, bold))


def widths(pieces: list[str], size: float, tracking: float = 0.0, bold: bool = False) -> list[float]:
    """width() of each piece; a single character's from a table, without a cached call (a
    line's pieces are mostly single hanzi).

    >>> widths(["收", "入", "568.27", "万"], 16, -0.3)
    [15.7, 15.7, 42.2, 15.7]
    """
    single = _single(size, tracking, bold)
    return [single[p] if len(p) == 1 else width(p, size, tracking, bold) for p in pieces]
