"""The character tables the measuring reads (writers/docx/glyphs.py) agree with the rules they
are built from, character by character: a table is fast, the rules are what is meant."""

from __future__ import annotations

import random

from reportgen.writers.docx.glyphs import CLOSING, OPENING, _SYMBOLS, kind, kinds, width, widths
from reportgen.writers.docx.measure import units


def rule(ch: str) -> str:
    """kind() as the measuring module states it: a space; ASCII letters and digits; other ASCII
    and the Latin symbols; full-width punctuation; every other character a hanzi."""
    code = ord(ch)
    if ch == " ":
        return "s"
    if ch.isascii():
        return "l" if ch.isalnum() else "o"
    if ch in _SYMBOLS:
        return "o"
    if ch in CLOSING or ch in OPENING or 0x3000 <= code < 0x3040 or 0xFF00 <= code < 0xFFF0 or ch in "…—":
        return "p"
    return "h"


def test_every_character_of_the_basic_plane_and_beyond_has_the_class_the_rules_give():
    for code in [*range(0x10000), 0x20000, 0x2A6D6, 0x1F600, 0x10FFFF]:
        ch = chr(code)
        assert kind(ch) == rule(ch), hex(code)
    sample = "".join(map(chr, range(0x10000))) + "𠀀𪛖😀"
    assert kinds(sample) == "".join(map(rule, sample))


def units_by_rule(text: str) -> list[str]:
    """units() written character by character, as the module describes it."""
    pieces: list[str] = []
    for ch in text:
        if pieces and (ch in CLOSING or pieces[-1][-1] in OPENING):
            pieces[-1] += ch
        elif pieces and rule(ch) in "lo" and rule(pieces[-1][-1]) in "lo":
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return pieces


def test_units_split_where_the_character_rules_split():
    alphabet = list("年度收入，。、；：？！）》」』】〕〉’”％…·—～,.;:?!)]}%（《「『【〔〈‘“([{ ab0-+/≤×°\u3000．𠀀")
    rnd = random.Random(7)
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        assert units(text) == units_by_rule(text), text


def test_widths_of_pieces_are_their_widths():
    pieces = ["收", "5", "%", "“", "568.27", "万元", " ", "a", "𠀀", "≤"]
    for size, tracking, bold in ((16, -0.3, False), (10.5, 0.0, True), (9.0, 0.0, False)):
        assert widths(pieces, size, tracking, bold) == [width(p, size, tracking, bold) for p in pieces]
