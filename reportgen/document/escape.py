"""Data text placed in the line markup stays text: it can neither break a line nor start a block.

Templates write the line markup of reportgen.document.reader, in which a line's first
characters decide what it is (`#` a heading, `+` a numbered paragraph, `::` a directive) and a
heading ending in `{-}` goes unnumbered. A reason typed as "x\\n# y", or a paragraph "::toc 1",
must print as typed, not add a heading and renumber every later part. So every value a template
prints (reportgen.templating's finalize) passes through `escape`: line breaks inside it are
joined, and where it could be read as markup it carries MARK, a Unicode noncharacter that the
data loaders refuse and the reader removes after it has read the line's structure.
"""

from __future__ import annotations

import re

#: U+FDD0, a noncharacter: never in interchanged text, so never in a data file.
MARK = "\ufdd0"

# Every break str.splitlines() splits on (the reader's own line splitting), with its spaces.
_BREAKS = re.compile(r"[^\S\r\n\v\f\x1c-\x1e\x85\u2028\u2029]*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+\s*")
#: CJK scripts and full-width forms (a regex of these ranges takes milliseconds to compile).
_WIDE = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x3000, 0x303F))


def escape(text: str) -> str:
    """`text` as one line of plain text in the markup.

    >>> escape("人员增加\\n# 第六部分 伪造")
    '人员增加# 第六部分 伪造'
    >>> escape("::toc 3"), escape("减少5人 {-}"), escape("more\\nstaff")
    ('\\ufdd0::toc 3', '减少5人 {\\ufdd0-}', 'more staff')
    """
    if _BREAKS.search(text):
        text = _BREAKS.sub(_join, text)
    if text.lstrip()[:1] in ("#", "+", ":"):
        text = MARK + text
    return text.replace("{", "{" + MARK) if "{" in text else text


def _join(m: re.Match) -> str:
    # Chinese joins lines without a space; words in Latin script need one.
    before, after = m.string[m.start() - 1:m.start()], m.string[m.end():m.end() + 1]
    if not before or not after or _wide(before) or _wide(after):
        return ""
    return " "


def _wide(ch: str) -> bool:
    return any(low <= ord(ch) <= high for low, high in _WIDE)


def unmark(text: str) -> str:
    """`text` with the marks `escape` added removed."""
    return text.replace(MARK, "") if MARK in text else text
