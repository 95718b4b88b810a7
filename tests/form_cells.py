"""Cell-by-cell comparison of a generated 绩效 form with a real published one.

The real texts (tests/data/real/绩效/) are search excerpts rendered in several styles (FORMS.md
§0): one cell per line, cells between `|`, one cell per paragraph, or cells run together with
spaces. Each is cut into cells by its style; both sides lose white space and fold full-width
ASCII punctuation (the corpus folds `（：` to `(:`, so width is no evidence). A real cell is
reproduced when a generated cell (a table cell, a table's title, number, unit line or note, or
a paragraph) is the same text, each generated cell standing for one real cell. Text run
together with spaces breaks cells that hold a space (`项目资金 (万元)`), and text with one
paragraph per cell breaks a cell of several lines (`年初` / `预算数`); in those styles a
non-numeric piece also counts when it lies inside a generated cell (numbers never do).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from reportgen.document.nodes import Document, Paragraph, Table

_FULL_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FOLD = str.maketrans({**_FULL_WIDTH, "　": "", "\u00a0": ""})
_NUMERIC = re.compile(r"^[\d.,%/-]*$")


def norm(text: str) -> str:
    """
    >>> norm("项目资金\\n（万元）"), norm(" 其中：当年财政 拨款 ")
    ('项目资金(万元)', '其中:当年财政拨款')
    """
    return re.sub(r"\s+", "", text.translate(_FOLD))


def real_cells(text: str, style: str, start: str = "", end: str = "") -> list[str]:
    """The real form's cells between the markers, in the text's rendering style."""
    body = text.split("---", 2)[2]
    i = body.index(start) if start else 0
    j = body.index(end, i) + len(end) if end else len(body)
    region = body[i:j]
    if style == "行":
        parts = [line.strip().strip("|") for line in region.splitlines()]
    elif style == "竖线":
        parts = region.replace("\n", "|").split("|")
    elif style == "段落":
        parts = re.split(r"\n\s*\n", region)
    elif style == "空格":
        parts = region.split()
    else:
        raise ValueError(style)
    return [n for n in (norm(p) for p in parts) if n]


def generated_cells(document: Document) -> list[str]:
    out: list[str] = []
    for block in document.blocks:
        if isinstance(block, Table):
            out += [block.title, block.number, block.unit_left, block.unit_right, *block.notes]
            out += [cell.text for row in block.header + block.body for cell in row]
        elif isinstance(block, Paragraph):
            out.append(block.full_text)
    return [n for n in (norm(t) for t in out) if n]


def unmatched(real: Iterable[str], generated: Iterable[str], pieces: bool) -> list[str]:
    """The real cells no generated cell reproduces (see the module's docstring)."""
    left = Counter(generated)
    whole = set(left)
    missing = []
    for cell in real:
        if left[cell] > 0:
            left[cell] -= 1
        elif cell in whole and not pieces:
            missing.append(cell)  # printed fewer times than the real form prints it
        elif not (pieces and not _NUMERIC.match(cell) and any(cell in g for g in whole)):
            missing.append(cell)
    return missing
