"""The body written in reading order, in one pass or, when a part's title would be left alone
on a landscape page, in a pass and a resumed one (body.py writes the blocks)."""

from __future__ import annotations

from bisect import bisect_right
from itertools import islice

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


def _write(out: BodyWriter, flags: list[bool | None], start: int = 0,
           rejoin: dict[int, tuple] | None = None) -> tuple[list[int], dict[int, BodyWriter], dict[int, tuple]]:
    """Write the blocks from `start` on; return the first pager handle of each block (see
    _block_of), the writer as it stood before each landscape heading (where a second pass may
    resume) and, from the first of those on, marks of where each block began (see _mark).

    A resumed pass is given the first pass's marks (`rejoin`, with its writer under None): at
    the first block where it stands as the first pass stood, the first pass's rest is taken
    over (see _splice) rather than written again."""
    blocks = out.document.blocks
    firsts: list[int] = []
    resumes: dict[int, BodyWriter] = {}
    marks: dict[int, tuple] = {}
    for i in range(start, len(blocks)):
        block, landscape = blocks[i], flags[i]
        if landscape and isinstance(block, Heading):
            resumes[i] = out.snapshot()
        if landscape is not None:
            out.orientation(landscape)
        if rejoin is not None and i > start and i in rejoin and _rejoins(out, rejoin[i][0]):
            _splice(out, rejoin[None], rejoin[i][1])
            break
        if resumes and rejoin is None:
            marks[i] = _mark(out)
        firsts.append(len(out.pager.starts))
        WRITERS[type(block)](out, block)
    return firsts, resumes, marks


def _stands(out: BodyWriter) -> tuple | None:
    """Where the writer stands before a block: two passes that stand alike there write the
    rest alike. None when a keep-with-next chain is open (what follows may move its blocks,
    written before). The last part is compared too: an orientation change may still add the
    section's properties to it."""
    pager = out.pager
    if pager.chain or not out.parts:
        return None
    return (out.landscape, out.first_section, out.break_pending, out.page_empty, out.charts,
            pager.page, pager.used, pager.height, len(pager.starts), len(out.heading_pages),
            out.parts[-1])


def _rejoins(out: BodyWriter, stood: tuple | None) -> bool:
    """Whether the writer stands where the first pass stood (both with no chain open)."""
    return stood is not None and _stands(out) == stood


def _mark(out: BodyWriter) -> tuple[tuple | None, tuple[int, ...]]:
    """Where the writer stands before a block (_stands), and how much of each list it has
    written: what _splice takes over from there."""
    return _stands(out), (len(out.parts), len(out.pager.starts), len(out.pager.cuts),
                          len(out.heading_pages), len(out.extra), len(out.tocs), len(out.part_of))


def _splice(out: BodyWriter, done: BodyWriter, counts: tuple[int, ...]) -> None:
    """Take over what the finished pass `done` wrote from `counts` on (see _mark). The pager
    handles are the same in both passes from there (as many placed before); the parts'
    indices shift by the difference in parts written before (a section break more or less)."""
    n_parts, n_starts, n_cuts, n_headings, n_extra, n_tocs, n_part_of = counts
    shift = len(out.parts) - n_parts
    out.parts[-1:] = done.parts[n_parts - 1:]  # the last part as the done pass left it
    pager, finished = out.pager, done.pager
    pager.starts[n_starts:] = finished.starts[n_starts:]
    pager.styles[n_starts:] = finished.styles[n_starts:]
    pager.cuts += finished.cuts[n_cuts:]
    pager.page, pager.used, pager.chain = finished.page, finished.used, finished.chain
    pager.width, pager.height = finished.width, finished.height
    out.heading_pages += done.heading_pages[n_headings:]
    out.extra += done.extra[n_extra:]
    out.tocs += [(index + shift, node) for index, node in done.tocs[n_tocs:]]
    taken = islice(done.part_of.items(), n_part_of, None)  # handles are added in order
    out.part_of.update((handle, index + shift) for handle, index in taken)
    out.landscape, out.first_section, out.cover = done.landscape, done.first_section, done.cover
    out.break_pending, out.page_empty, out.charts = done.break_pending, done.page_empty, done.charts


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
    before is written alike in both passes (the same blocks with the same orientations). It
    stops where it stands as the first pass stood (on the same page, as full, after the
    upright page): what follows is written alike too, and the first pass's is taken over.
    """
    flags = _landscape_flags(document.blocks)
    out = BodyWriter(document)
    firsts, resumes, marks = _write(out, flags)
    upright = _left_behind(document.blocks, flags, out.pager.cuts, firsts)
    if upright:
        flags = [False if i in upright else flag for i, flag in enumerate(flags)]
        first = min(upright)
        marks[None] = out
        out = resumes[first]
        _write(out, flags, first, marks)
    return out.finish(), out.extra
