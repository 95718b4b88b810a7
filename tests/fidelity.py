"""Sentence-by-sentence comparison of generated Markdown with a published seed text.

Both sides lose white space, page-number lines and Markdown syntax, and half-width punctuation
is read as its full-width form (":" and "：" are the same sentence); the seed is then split at
。 and ；, and each of its sentences must appear verbatim somewhere in the generated text.
"""

from __future__ import annotations

import re

_WIDTH = str.maketrans({":": "：", ",": "，", ";": "；", "(": "（", ")": "）"})
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$", re.M)
_MARKDOWN = re.compile(r"^(#+|\*\*|-|\|)\s*|\*\*|\\(?=[#>+*|-])", re.M)


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", text).translate(_WIDTH)


def seed_region(seed: str, start: str, end: str) -> str:
    """The seed's text between two markers (compared without white space)."""
    flat = normalise(_PAGE_NUMBER.sub("", seed))
    i = flat.index(normalise(start))
    j = flat.index(normalise(end), i)
    return flat[i:j]


def sentences(flat_text: str) -> list[str]:
    return [s + "" for s in re.split(r"(?<=[。；])", flat_text) if s.strip("。；")]


def generated_text(markdown: str) -> str:
    return normalise(_MARKDOWN.sub("", markdown))


def missing_sentences(seed: str, start: str, end: str, markdown: str) -> tuple[list[str], int]:
    """The seed sentences (between the markers) that the Markdown does not contain, and the total."""
    wanted = sentences(seed_region(seed, start, end))
    have = generated_text(markdown)
    return [s for s in wanted if s not in have], len(wanted)


def real_units(text: str, start: str, end: str) -> list[str]:
    """A real document's sentences between two markers: each line (a heading, a 目录 entry, a
    paragraph) split at 。 and ；, white space removed and punctuation read full-width."""
    lines = [normalise(line) for line in _PAGE_NUMBER.sub("", text).splitlines()]
    flat = "\n".join(line for line in lines if line)
    i = flat.index(normalise(start))
    j = flat.index(normalise(end), i) + len(normalise(end))
    return [s for line in flat[i:j].splitlines() for s in sentences(line)]


def missing_units(text: str, start: str, end: str, markdown: str) -> tuple[list[str], int]:
    """The real document's sentences (see real_units) that the Markdown does not contain, and the total."""
    wanted = real_units(text, start, end)
    have = generated_text(markdown)
    return [s for s in wanted if s not in have], len(wanted)
