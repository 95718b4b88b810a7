"""Text as mirror sites print it: traditional characters and pinyin glosses, made readable.

Mirrored 政府网站 pages often arrive in traditional characters ("萬元", "決算數"), sometimes with
the pinyin of a character glossed after it in brackets ("經(jīng)費", "萬(wàn)元"). Every reader
below expects simplified text with amounts written "35万元", so both are undone line by line
(lines stay lines, so findings still point at the right one).
"""

from __future__ import annotations

import re
from functools import lru_cache

# Characters that occur only in traditional writing and are frequent in budget documents. Their
# presence is what makes a document worth converting; simplified text is left untouched.
_TRADITIONAL = frozenset(
    "萬億費經預決撥數計與為於這們說區國開發關務實財會對現後報處資廳單條規變總應項衛設備購運輛議認證"
    "結轉餘額補貼險療額際員檢據維護標準織績效準則類雜勞稅營業產權債擔幣額隊職鎮縣級選農廣電"
)
_MIN_TRADITIONAL = 3  # a stray 於 in a name does not make a traditional document
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# "(jīng)": letters with at least one tone mark, so an ordinary "(a)" or "(x)" is kept.
_PINYIN_GLOSS = re.compile(rf"[(（](?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,8}}[)）]")


def is_traditional(text: str) -> bool:
    """Whether a text is written in traditional characters.

    >>> is_traditional("經費支出決算為6.28萬元"), is_traditional("经费支出决算为6.28万元")
    (True, False)
    """
    count = 0
    for ch in text:
        if ch in _TRADITIONAL:
            count += 1
            if count >= _MIN_TRADITIONAL:
                return True
    return False


def strip_pinyin(text: str) -> str:
    """Drop pinyin glosses a mirror inserted after characters.

    >>> strip_pinyin("經(jīng)費合計(jì)35萬(wàn)元，其中(a)項")
    '經費合計35萬元，其中(a)項'
    """
    return _PINYIN_GLOSS.sub("", text)


def to_simplified(text: str) -> str:
    """The text in simplified characters, converted line by line when it is traditional.

    The converter (OpenCC's t2s) is loaded only for traditional documents: most documents are
    simplified and must not pay for its import.

    >>> to_simplified("公務(wù)接待費4萬(wàn)元")
    '公务接待费4万元'
    """
    text = strip_pinyin(text)
    if not is_traditional(text):
        return text
    convert = _converter()
    return "\n".join(convert(line) for line in text.split("\n"))


def simplifier(traditional: bool):
    """A function making one line of a document readable: glosses dropped, and characters
    converted when the document as a whole was found to be traditional."""
    if not traditional:
        return strip_pinyin
    convert = _converter()
    return lambda line: convert(strip_pinyin(line))


@lru_cache(maxsize=1)
def _converter():
    import opencc  # a maintained converter; imported here so simplified documents never load it

    return opencc.OpenCC("t2s").convert
