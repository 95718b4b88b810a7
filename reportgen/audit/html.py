"""Web pages (a 政府网站 article): the article text, tables kept as rows of cells.

Navigation, scripts, styles, forms and the site's header and footer are dropped; every table
cell becomes a cell, in row order, so the table readers see what a PDF or Word file gives them.
`line` is the source line of the element the text comes from.
"""

from __future__ import annotations

import re

from reportgen.audit.plain import HEADING, add_cell
from reportgen.audit.text import Cell, Fragment, normalise

_DROPPED_TAGS = {
    "script", "style", "noscript", "nav", "header", "footer", "form", "select", "button",
    "iframe", "object", "embed", "svg", "canvas", "template", "head", "title", "meta", "link",
}
# Class or id words of site chrome: 导航, 面包屑, 分享, 页脚… (an article body is never named so).
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumb|crumb|share|footer|header|topbar|sidebar)(?:$|[\s_-])", re.I
)
_BLOCK_TAGS = {
    "p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "dd", "dt", "dl", "center", "main", "body", "hr", "caption",
}
_MAX_DEPTH = 400  # deeper nesting is no real page; the walk stops there instead of recursing on


def read_html(source: str) -> tuple[list[Fragment], list[Cell]]:
    """Fragments and cells of a page's visible text."""
    import lxml.html  # imported here: only web pages need it
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(source)
    except (etree.ParserError, ValueError):
        return [], []
    walker = _Walker()
    walker.visit(root, 0)
    walker.flush()
    return walker.fragments, walker.cells


class _Walker:
    """Collects text runs; a block element ends a run, a table cell is a run of its own."""

    def __init__(self) -> None:
        self.fragments: list[Fragment] = []
        self.cells: list[Cell] = []
        self.run: list[str] = []
        self.line = 1

    def visit(self, element, depth: int) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _DROPPED_TAGS or _is_chrome(element) or depth > _MAX_DEPTH:
            self._tail(element)
            return
        self.line = element.sourceline or self.line
        if tag in ("td", "th"):
            self.flush()
            add_cell(self.fragments, self.cells, element.text_content(), self.line)
            self._tail(element)
            return
        if tag in _BLOCK_TAGS or tag in ("tr", "table", "br"):
            self.flush()
        if element.text:
            self.run.append(element.text)
        for child in element:
            self.visit(child, depth + 1)
        if tag in _BLOCK_TAGS or tag in ("tr", "table"):
            self.flush()
        self._tail(element)

    def _tail(self, element) -> None:
        if element.tail:
            self.run.append(element.tail)

    def flush(self) -> None:
        """End the current run: each of its lines is a fragment, the first one opening a block."""
        text = "".join(self.run)
        self.run = []
        first = True
        for part in text.splitlines():
            part = part.strip()
            if not part:
                continue
            self.cells.append(Cell(normalise(part), self.line))
            kind = "start" if first or HEADING.match(normalise(part)) else "text"
            self.fragments.append(Fragment(part, self.line, kind))
            first = False


def _is_chrome(element) -> bool:
    words = f"{element.get('class', '')} {element.get('id', '')}"
    return bool(words.strip()) and bool(_CHROME.search(words))
