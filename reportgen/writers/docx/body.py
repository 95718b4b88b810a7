"""The document body: blocks in reading order, with page breaks and orientation changes."""

from __future__ import annotations

from reportgen.document.nodes import (
    Cover,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    TableOfContents,
)
from reportgen.charts.data import size_emu
import reportgen.writers.docx.tables as tables
import reportgen.writers.docx.toc as toc
from reportgen.writers.docx._ooxml import BOLD, add_to_ppr, bookmark, paragraph, ppr, run
from reportgen.writers.docx.charts import chart_parts
from reportgen.writers.docx.package import Part
from reportgen.writers.docx.page import sect_pr
from reportgen.writers.docx.paging import Pager
from reportgen.writers.docx.styles import LINE_BODY

_NO_INDENT = '<w:ind w:firstLine="0"/>'
_AUTO_SPACING = '<w:spacing w:before="120" w:after="0" w:line="240" w:lineRule="auto"/>'
_EMU_PER_PT = 12700
#: What a chart's line takes beyond the chart (spacing, descent): 20–40 pt kept the 目录's
#: pages within one of LibreOffice's on a 40-chart document; 0 drifted by three pages.
_PICTURE_LINE_EXTRA = 30


class BodyWriter:
    """Collects the body XML; the container that block functions write into.

    A PageBreak is held back and becomes `w:pageBreakBefore` on the next paragraph: a break
    at the top of a page, or before a section break (which starts a page anyway), is
    dropped, so no blank page is ever produced. A Pager follows along to estimate the page
    of every heading; the 目录 is filled in with those pages once the body is complete.
    """

    def __init__(self, document: Document):
        self.document = document
        self.parts: list[str] = []
        self.landscape = False
        self.first_section = True
        self.cover = bool(document.blocks) and isinstance(document.blocks[0], Cover)
        self.break_pending = False
        self.page_empty = True
        self.pager = Pager()
        self.heading_pages: list[int] = []
        self.tocs: list[tuple[int, TableOfContents]] = []  # (index in parts, node)
        #: The parts charts add to the package (chart, its relationships, its workbook).
        self.extra: list[Part] = []
        self.charts = 0

    def paragraph(self, style: str, text: str, *, content: str = "", indent: bool = True,
                  **props) -> int:
        """Append a paragraph of `text` (or of ready-made runs, `content`); `props` are ppr()
        keywords. Returns the page it is expected to start on."""
        if self.break_pending:
            props["page_break_before"] = True
            self.break_pending = False
        if not indent:
            props["ind"] = _NO_INDENT
        self.parts.append(paragraph(ppr(style, **props), content or run(text)))
        self.page_empty = False
        return self.pager.paragraph(style, text, indent=indent,
                                    break_before=props.get("page_break_before", False))

    def raw(self, xml: str) -> None:
        """Append a block that cannot carry a page break itself (a table)."""
        if self.break_pending:
            self.paragraph("Normal", "", spacing='<w:spacing w:line="240" w:lineRule="auto"/>')
        self.parts.append(xml)
        self.page_empty = False

    def page_break(self) -> None:
        if not self.page_empty:
            self.break_pending = True

    def orientation(self, landscape: bool) -> None:
        """Start a new section (on a new page) when the page orientation changes."""
        if landscape == self.landscape:
            return
        if self.parts:
            # A section's properties live in the pPr of its last paragraph.
            sect = sect_pr(self.landscape, first=self.first_section, cover=self.cover)
            if self.parts[-1].startswith("<w:p>"):
                self.parts[-1] = add_to_ppr(self.parts[-1], sect)
            else:
                self.parts.append(paragraph(ppr("Normal", sect=sect)))
            self.first_section = False
            self.pager.section(landscape)
        else:
            self.pager.geometry(landscape)
        self.landscape = landscape
        self.break_pending = False
        self.page_empty = True

    def finish(self) -> list[str]:
        """The w:body content in pieces: the blocks, then the last section's properties."""
        pages = dict(enumerate(self.heading_pages))
        for index, node in self.tocs:
            listed = self.document.toc_listing(node.depth)
            self.parts[index] = "".join(toc.entries(listed, node.depth, pages))
        self.parts.append(sect_pr(self.landscape, first=self.first_section, cover=self.cover))
        return self.parts


def _cover(out: BodyWriter, cover: Cover) -> None:
    # Five blank lines' worth above the title puts it in the upper third of the page.
    out.paragraph("Title", cover.title, spacing=f'<w:spacing w:before="{5 * LINE_BODY}"/>')
    for i, line in enumerate(cover.lines):
        before = f'<w:spacing w:before="{3 * LINE_BODY}"/>' if i == 0 else ""
        out.paragraph("CoverLine", line, spacing=before)
    out.page_break()


def _toc(out: BodyWriter, node: TableOfContents) -> None:
    out.paragraph("TOCHeading", node.title)
    for _, heading in out.document.toc_listing(node.depth):  # reserve the entries' room now; their pages are known at the end
        out.pager.paragraph(f"TOC{min(heading.level, 5)}", heading.full_text + "……1")
    out.tocs.append((len(out.parts), node))
    out.parts.append("")
    out.page_empty = False  # what follows the 目录 on its page is the template's choice


def _heading(out: BodyWriter, heading: Heading) -> None:
    index = len(out.heading_pages)
    level = min(max(heading.level, 1), 5)
    text = heading.full_text
    content = bookmark(index, toc.bookmark_name(index), run(text))
    out.heading_pages.append(out.paragraph(f"Heading{level}", text, content=content))


def _paragraph(out: BodyWriter, p: Paragraph) -> None:
    text = p.full_text
    content = run(text, BOLD) if p.bold else ""
    if p.align == "center" and not p.indent:
        # A centred, unindented paragraph is a title (of an annex, a report): 2号 小标宋.
        out.paragraph("Title", text, content=content)
        return
    align = "" if p.align == "justify" else p.align
    out.paragraph("Normal", text, content=content, indent=p.indent, align=align)


def _figure(out: BodyWriter, figure: Figure) -> None:
    """A chart: a native chart, centred, then its caption "图N 标题"; a chart with nothing to
    draw prints only its fallback sentence (if the template gave one)."""
    if figure.is_empty:
        if figure.fallback:
            out.paragraph("Normal", figure.fallback)
        return
    out.charts += 1
    content, parts = chart_parts(figure, out.charts)
    out.extra += parts
    _, cy = size_emu()
    # Single line spacing: the body's exact 28.95 pt pitch would clip the chart to one line.
    out.paragraph("Normal", "", content=content, indent=False, align="center",
                  spacing=_AUTO_SPACING, keep_next=True)
    out.pager.block(cy / _EMU_PER_PT + _PICTURE_LINE_EXTRA)
    out.paragraph("Caption", f"{figure.label} {figure.title}".strip())


def _page_break(out: BodyWriter, _: PageBreak) -> None:
    out.page_break()


_WRITERS = {
    Cover: _cover,
    TableOfContents: _toc,
    Heading: _heading,
    Paragraph: _paragraph,
    Figure: _figure,
    Table: tables.write,
    PageBreak: _page_break,
}


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


def body_parts(document: Document) -> tuple[list[str], list[Part]]:
    """The body of word/document.xml, in pieces to join once, and the parts it refers to."""
    out = BodyWriter(document)
    for block, landscape in zip(document.blocks, _landscape_flags(document.blocks)):
        if landscape is not None:
            out.orientation(landscape)
        _WRITERS[type(block)](out, block)
    return out.finish(), out.extra
