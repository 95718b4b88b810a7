"""The body written in reading order, in one pass or, when a part's title would be left alone
on a landscape page, in a pass and a resumed one (body.py writes the blocks)."""

from __future__ import annotations

from bisect import bisect_right

from reportgen.document.nodes import Document, Heading, PageBreak, Table
from reportgen.writers.docx.body import WRITERS, BodyWriter
from reportgen.writers.docx.package import Part


def _landscape_flags(blocks: tuple) -> list[bool | None]:
    """Which blocks go on a landscape page (None: a PageBreak, which changes nothing).

    A landscape table is landscape, and so are the headings directly above it: a heading
    must not be left behind on an upright page of its own.
    """
    flags: list[bool | None] = [None] * len(blocks)
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if isinstance(block, Table):
            flags[i] = block.landscape
        elif isinstance(block, Heading):
            follows = blocks[i + 1] if i + 1 < len(blocks) else None
            flags[i] = bool(flags[i + 1]) if isinstance(follows, (Heading, Table)) else False
        elif not isinstance(block, PageBreak):
            flags[i] = False
    return flags


def _write(out: BodyWriter, flags: list[bool | None], start: int = 0) -> tuple[list[int], dict[int, BodyWriter]]:
    """Write the blocks from `start` on; return the first pager handle of each block (see
    _block_of), and the writer as it stood before each landscape heading (where a second pass
    may resume)."""
    blocks = out.document.blocks
    firsts: list[int] = []
    resumes: dict[int, BodyWriter] = {}
    for i in range(start, len(blocks)):
        block, landscape = blocks[i], flags[i]
        if landscape and isinstance(block, Heading):
            resumes[i] = out.snapshot()
        if landscape is not None:
            out.orientation(landscape)
        firsts.append(len(out.pager.starts))
        WRITERS[type(block)](out, block)
    return firsts, resumes


def _block_of(handle: int, firsts: list[int]) -> int:
    """The block a pager handle belongs to: the last block whose first handle is at most it
    (a block that placed nothing shares its first handle with the next).

    >>> _block_of(3, [0, 2, 2, 5])
    2
    """
    return bisect_right(firsts, handle) - 1


def _left_behind(blocks: tuple, flags: list[bool | None], cuts: list[int], firsts: list[int]) -> set[int]:
    """Headings that open a landscape section but were cut off from its table (they and the
    table could not share a page): they stand alone on their page, which should be upright."""
    upright: set[int] = set()
    for handle in cuts:
        run = []
        i = _block_of(handle, firsts) - 1
        while i >= 0 and isinstance(blocks[i], Heading) and flags[i]:
            run.append(i)
            i -= 1
        while i >= 0 and isinstance(blocks[i], PageBreak):
            i -= 1
        before = next((flags[j] for j in range(i, -1, -1) if flags[j] is not None), False)
        if run and all(flags[j] for j in run) and not before:
            upright.update(run)
    return upright


def body_parts(document: Document) -> tuple[list[str], list[Part]]:
    """The body of word/document.xml, in pieces to join once, and the parts it refers to.

    Written twice when a part's title would stand alone on a landscape page (see _left_behind):
    the second time it goes on an upright page before the landscape section. The second pass
    resumes from the writer as it stood before the first heading that changes: what comes
    before is written alike in both passes (the same blocks with the same orientations).
    """
    flags = _landscape_flags(document.blocks)
    out = BodyWriter(document)
    firsts, resumes = _write(out, flags)
    upright = _left_behind(document.blocks, flags, out.pager.cuts, firsts)
    if upright:
        flags = [False if i in upright else flag for i, flag in enumerate(flags)]
        first = min(upright)
        out = resumes[first]
        _write(out, flags, first)
    return out.finish(), out.extra
