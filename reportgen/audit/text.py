"""Logical text: source fragments joined into blocks that know the line of every character."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

# Only full-width digits, Latin letters, ％ ． and odd spaces are folded. Full NFKC would also
# turn ① into 1 and ， into ",", changing what the Chinese punctuation means to the parser.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_FOLD.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})
_FOLD.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})
_FOLD.update({ord("％"): "%", ord("．"): ".", ord("\u3000"): " ", ord("\u00a0"): " ", ord("﹪"): "%"})
_FOLD.update({cp: None for cp in (0x200B, 0x200C, 0x200D, 0xFEFF, 0x00AD)})

_PERIOD_END = "。！？!?"
_SENTENCE_END = _PERIOD_END + "；;"
_WORDY = re.compile(r"[0-9A-Za-z.]")


def normalise(text: str) -> str:
    """Full-width digits and percent signs folded to ASCII; Chinese punctuation kept.

    >>> normalise("５６８．２７％，占")
    '568.27%，占'
    """
    return text.translate(_FOLD)


@dataclass(frozen=True)
class Fragment:
    """A piece of source text and its line.

    `kind`: "text" runs on from the previous fragment, "start" opens a block, "cell" is a block.
    """

    text: str
    line: int
    kind: str = "text"


@dataclass(frozen=True)
class Cell:
    """One non-empty table cell or line, in reading order, for the table and layout checks."""

    text: str
    line: int


@dataclass(frozen=True)
class Block:
    """Text read as one flow (a paragraph, a cell); `starts`/`lines` map offsets to lines."""

    text: str
    starts: tuple[int, ...]
    lines: tuple[int, ...]

    def line_at(self, offset: int) -> int:
        """The 1-based source line of the character at `offset`."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[max(i, 0)]

    def periods(self) -> list[tuple[int, int]]:
        """Spans ending at 。！？ — the unit in which a total and its parts are read."""
        return _spans(self.text, _PERIOD_END)

    @cached_property
    def _sentences(self) -> list[tuple[int, int]]:
        return _spans(self.text, _SENTENCE_END)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The span, split at 。；！？, that holds `offset`."""
        spans = self._sentences
        i = bisect.bisect_right(spans, (offset, len(self.text) + 1)) - 1
        if 0 <= i < len(spans) and spans[i][0] <= offset < spans[i][1]:
            return spans[i]
        return 0, len(self.text)


def build_blocks(fragments: list[Fragment]) -> list[Block]:
    """Join fragments into blocks: "start" opens a new block and a cell is a block of its own.

    White space is dropped except between two digits or letters, so "568.27 万元" reads as
    "568.27万元" while the cells "568.27 568.27" stay two numbers.
    """
    blocks: list[Block] = []
    current: list[Fragment] = []
    for fragment in fragments:
        if fragment.kind != "text" and current:
            blocks.append(_join(current))
            current = []
        current.append(fragment)
        if fragment.kind == "cell":
            blocks.append(_join(current))
            current = []
    if current:
        blocks.append(_join(current))
    return [b for b in blocks if b.text]


def _join(fragments: list[Fragment]) -> Block:
    out: list[str] = []
    starts: list[int] = []
    lines: list[int] = []
    length = 0
    pending_space = False
    for fragment in fragments:
        pending_space = True
        for ch in normalise(fragment.text):
            if ch.isspace():
                pending_space = True
                continue
            if pending_space and out and _WORDY.match(out[-1][-1]) and _WORDY.match(ch):
                out.append(" ")
                length += 1
            pending_space = False
            if not lines or lines[-1] != fragment.line:
                starts.append(length)
                lines.append(fragment.line)
            out.append(ch)
            length += 1
    return Block("".join(out), tuple(starts), tuple(lines))


def _spans(text: str, enders: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for i, ch in enumerate(text):
        if ch in enders:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_text(block: Block, span: tuple[int, int]) -> str:
    """The sentence as reported: stripped, and clipped so a run-on table stays readable."""
    text = block.text[span[0] : span[1]].strip()
    return text if len(text) <= 200 else text[:197] + "…"
