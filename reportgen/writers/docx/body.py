"""The document body: blocks in reading order, with page breaks and orientation changes."""

from __future__ import annotations

import re

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
import reportgen.writers.docx.tables as tables
import reportgen.writers.docx.toc as toc
from reportgen.writers.docx._ooxml import BOLD, add_page_break, add_to_ppr, bookmark, paragraph, ppr, run
from reportgen.writers.docx.charts import chart_lines, chart_parts
from reportgen.writers.docx.package import Part
from reportgen.writers.docx.page import sect_pr
from reportgen.writers.docx.measure import balanced
from reportgen.writers.docx.paging import Pager, metrics
from reportgen.writers.docx.styles import LINE_BODY

_NO_INDENT = '<w:ind w:firstLine="0"/>'
#: A chart's line: single spacing on the grid, so the line is as many grid lines as the
#: chart needs (charts.chart_lines), in Word and LibreOffice alike.
_AUTO_SPACING = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
#: GB/T 9704's 附件 label: "附件" and its number alone on the annex's first line.
_ANNEX_LABEL = re.compile(r"附件\s*\d*$")


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
        self.heading_pages: list[int] = []  # pager handles, by heading index
        self.part_of: dict[int, int] = {}  # pager handle → index in parts, of paragraphs
        self.heading_styles = heading_styles(document)
        self.tocs: list[tuple[int, TableOfContents]] = []  # (index in parts, node)
        #: The parts charts add to the package (chart, its relationships, its workbook).
        self.extra: list[Part] = []
        self.charts = 0
        #: What a block's writing computes that depends on the block alone (a table's grid,
        #: widths and XML, a chart's parts), by id of the block: shared with snapshots, so
        #: a resumed pass (flow.py) does not compute it again.
        self.memo: dict = {}

    def snapshot(self) -> BodyWriter:
        """A copy that writing on does not change (its own lists, its own pager), to resume from."""
        copy = object.__new__(BodyWriter)
        copy.__dict__.update(self.__dict__)
        copy.parts, copy.heading_pages, copy.tocs = self.parts.copy(), self.heading_pages.copy(), self.tocs.copy()
        copy.part_of, copy.extra, copy.pager = self.part_of.copy(), self.extra.copy(), self.pager.snapshot()
        return copy

    def paragraph(self, style: str, text: str, *, content: str = "", indent: bool = True,
                  bold: bool = False, **props) -> int:
        """Append a paragraph of `text` (or of ready-made runs, `content`); `props` are ppr()
        keywords. Returns the pager's handle of it (see Pager.page_of)."""
        if self.break_pending:
            props["page_break_before"] = True
            self.break_pending = False
        if not indent:
            props["ind"] = _NO_INDENT
        self.parts.append(paragraph(ppr(style, **props), content or run(text, BOLD if bold else "")))
        self.page_empty = False
        keep = True if props.get("keep_next") else None
        handle = self.pager.paragraph(style, text, indent=indent, bold=bold, keep_next=keep,
                                      break_before=props.get("page_break_before", False))
        self.part_of[handle] = len(self.parts) - 1
        return handle

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
        for handle in self.pager.cuts:  # keep-with-next chains too tall to move whole
            if handle in self.part_of:
                index = self.part_of[handle]
                self.parts[index] = add_page_break(self.parts[index])
        pages = {i: self.pager.page_of(handle) for i, handle in enumerate(self.heading_pages)}
        for index, node in self.tocs:
            listed = self.document.toc_listing(node.depth)
            self.parts[index] = "".join(toc.entries(listed, node.depth, pages))
        self.parts.append(sect_pr(self.landscape, first=self.first_section, cover=self.cover))
        return self.parts


def _title(out: BodyWriter, text: str) -> str:
    """A 2号 title's text with its lines balanced (explicit breaks, see measure.balanced)."""
    m = metrics("Title")
    return "\n".join(balanced(text, m.size, out.pager.width))


def _cover(out: BodyWriter, cover: Cover) -> None:
    # Five blank lines' worth above the title puts it in the upper third of the page.
    out.paragraph("Title", _title(out, cover.title), spacing=f'<w:spacing w:before="{5 * LINE_BODY}"/>')
    for i, line in enumerate(cover.lines):
        before = f'<w:spacing w:before="{3 * LINE_BODY}"/>' if i == 0 else ""
        out.paragraph("CoverLine", line, spacing=before)
    out.page_break()


def _toc(out: BodyWriter, node: TableOfContents) -> None:
    """The 目录's title, the lines under it (公开时间), then the entries: their room is
    reserved now, their pages are known once the body is written."""
    out.paragraph("TOCHeading", node.title)
    for line in node.lines:
        out.paragraph("TOCNote", line)
    for _, heading in out.document.toc_listing(node.depth):
        out.pager.paragraph(f"TOC{min(heading.level, 5)}", heading.full_text + toc.LEADER_ROOM)
    out.tocs.append((len(out.parts), node))
    out.parts.append("")
    out.page_empty = False  # what follows the 目录 on its page is the template's choice


def heading_styles(document: Document) -> list[str]:
    """The style of each heading. The headings a 目录 lists, and those it leaves out only for
    their level, take the heading styles with their outline levels; those it leaves out by
    design (an annex's title and the headings of its report) take look-alike styles without
    one, so that updating the 目录 in Word, WPS or LibreOffice lists exactly what it shows.
    An unnumbered heading of level 1 is the title of an annex or report: a 2号 title.
    """
    headings = document.headings()
    has_toc = any(isinstance(b, TableOfContents) for b in document.blocks)
    shown = {index for index, _ in document.toc_listing(9)}
    styles = []
    for index, h in enumerate(headings):
        level = min(max(h.level, 1), 5)
        if level == 1 and not h.label:
            styles.append("AnnexTitle")
        elif (has_toc and index not in shown or not h.label) and level > 1:
            styles.append(f"Heading{level}Annex")
        else:
            styles.append(f"Heading{level}")
    return styles


def _heading(out: BodyWriter, heading: Heading) -> None:
    index = len(out.heading_pages)
    text = heading.full_text
    if out.heading_styles[index] == "AnnexTitle":
        text = _title(out, text)
    content = bookmark(index, toc.bookmark_name(index), run(text))
    out.heading_pages.append(out.paragraph(out.heading_styles[index], text, content=content))


def _paragraph(out: BodyWriter, p: Paragraph) -> None:
    text = p.full_text
    if p.align == "center" and not p.indent:
        # A centred, unindented paragraph is a title (of an annex, a report): 2号 小标宋.
        out.paragraph("Title", _title(out, text), bold=p.bold)
        return
    if p.align == "left" and not p.indent and _ANNEX_LABEL.match(text):
        out.paragraph("AnnexLabel", text)
        return
    align = "" if p.align == "justify" else p.align
    out.paragraph("Normal", text, indent=p.indent, align=align, bold=p.bold)


def _figure(out: BodyWriter, figure: Figure) -> None:
    """A chart: a native chart, centred, then its caption "图N 标题"; a chart with nothing to
    draw prints only its fallback sentence (if the template gave one)."""
    if figure.is_empty:
        if figure.fallback:
            out.paragraph("Normal", figure.fallback)
        return
    out.charts += 1
    made = out.memo.get(id(figure))
    if made is None or made[0] != out.charts:
        made = out.memo[id(figure)] = (out.charts, *chart_parts(figure, out.charts))
    _, content, parts = made
    out.extra += parts
    # Single line spacing: the body's exact 28.95 pt pitch would clip the chart to one line.
    if out.break_pending:
        out.break_pending = False
        props = {"page_break_before": True}
    else:
        props = {}
    out.parts.append(paragraph(ppr("Normal", spacing=_AUTO_SPACING, ind=_NO_INDENT, align="center",
                                   keep_next=True, **props), content))
    out.page_empty = False
    out.pager.block(chart_lines(figure) * LINE_BODY / 20, keep_next=True,
                    break_before=bool(props))
    out.paragraph("Caption", f"{figure.label} {figure.title}".strip())


def _page_break(out: BodyWriter, _: PageBreak) -> None:
    out.page_break()


WRITERS = {
    Cover: _cover,
    TableOfContents: _toc,
    Heading: _heading,
    Paragraph: _paragraph,
    Figure: _figure,
    Table: tables.write,
    PageBreak: _page_break,
}
