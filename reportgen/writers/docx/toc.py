"""The 目录: a TOC field already filled with the heading entries, so it reads well unrefreshed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportgen.document.nodes import Heading
from reportgen.writers.docx._ooxml import (
    field,
    field_begin,
    field_end,
    hyperlink,
    paragraph,
    ppr,
    run,
)


#: What an entry needs beside its text, for the page estimate: some dots and the page number.
LEADER_ROOM = "……99"


def bookmark_name(index: int) -> str:
    """The bookmark on the `index`-th heading; Word hides bookmarks named "_Toc…".

    >>> bookmark_name(7)
    '_Toc000007'
    """
    return f"_Toc{index:06d}"


def instruction(depth: int) -> str:
    r"""The TOC field code: outline levels 1..depth, hyperlinked entries, no page numbers on
    the web layout, paragraphs' own outline levels.

    >>> instruction(2)
    'TOC \\o "1-2" \\h \\z \\u'
    """
    return f'TOC \\o "1-{depth}" \\h \\z \\u'


def entries(
    listed: Sequence[tuple[int, Heading]], depth: int, pages: Mapping[int, int] | None = None
) -> list[str]:
    """One paragraph per listed heading, wrapped in a TOC field marked dirty.

    `listed` pairs each heading with its position among all headings (which names its
    bookmark), as Document.toc_listing gives them; `pages` maps that position to an expected
    page number. Each entry's number is a PAGEREF field, so clients that lay out references
    themselves (LibreOffice) print the true page.
    """
    pages = pages or {}
    begin = field_begin(instruction(depth), dirty=True)
    if not listed:
        return [paragraph(ppr("TOC1"), begin + field_end())]
    result = []
    for n, (index, heading) in enumerate(listed):
        name = bookmark_name(index)
        text = run(heading.full_text)
        if index in pages:  # without an expected page, no dot leader running to nothing
            text += "<w:r><w:tab/></w:r>" + field(f"PAGEREF {name} \\h", str(pages[index]))
        link = hyperlink(name, text)
        content = (begin if n == 0 else "") + link + (field_end() if n == len(listed) - 1 else "")
        result.append(paragraph(ppr(f"TOC{min(heading.level, 5)}"), content))
    return result
