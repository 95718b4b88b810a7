"""HTML writer: one self-contained page, for a unit's web article (政府网站 CMS) and for phones.

Everything is in the one file: the stylesheet (style.py), the charts as inline SVG, no script
and nothing fetched from outside. The document sits in one `<article class="gongwen">`, so the
article can be pasted into a CMS on its own; tables keep their merged cells (rowspan, colspan),
their header rows (`<thead>`, th) and a border attribute, so they stay ruled where a CMS drops
the stylesheet. A wide table scrolls inside its box on a phone instead of widening the page.
"""

from __future__ import annotations

import re
from html import escape
from typing import Callable

from reportgen.charts import render_svg
from reportgen.document.grid import walk
from reportgen.document.nodes import (
    Block, Cover, Document, Figure, Heading, PageBreak, Paragraph, Table, TableOfContents,
)
from reportgen.writers.html.style import CSS

__all__ = ["render", "write"]

#: GB/T 9704's 附件 label ("附件", "附件1"): 黑体 at the left, as in the DOCX.
_ANNEX_LABEL = re.compile(r"附件\s*\d*$")
#: Items of a line such as a form's sign-off, parted by ideographic spaces: none is broken.
_ITEMS = re.compile("(\u3000{2,})")
#: What a number cell holds: amounts, rates, counts ("568.27", "-7.03%", "≤300000").
_NUMBER = re.compile(r"^[-+≤≥<>=]?[\d,]+(\.\d+)?%?$")


def write(document: Document, stem: str) -> dict[str, bytes]:
    """The writer-registry entry point: `{"<stem>.html": bytes}` (UTF-8)."""
    return {f"{stem}.html": render(document).encode("utf-8")}


def render(document: Document) -> str:
    """The whole page as text."""
    context = _Context(document)
    body = "\n".join(part for part in (_RENDER[type(b)](b, context) for b in document.blocks) if part)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(document.title)}</title>\n"
        + (f'<meta name="date" content="{document.date.isoformat()}">\n' if document.date else "")
        + f"<style>{CSS}</style>\n</head>\n<body>\n"
        f'<article class="gongwen">\n{body}\n</article>\n</body>\n</html>\n'
    )


class _Context:
    """What rendering a block needs beyond the block: heading anchors and chart numbers."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.headings = 0
        self.charts = 0


def _cover(b: Cover, _: _Context) -> str:
    lines = "".join(f"<p>{escape(line)}</p>" for line in b.lines)
    return f'<header class="cover"><h1>{escape(b.title)}</h1>{lines}</header>'


def _toc(b: TableOfContents, c: _Context) -> str:
    items = []
    for index, h in c.document.toc_listing(b.depth):
        items.append(f'<li class="level-{h.level}"><a href="#h{index}">{escape(h.full_text)}</a></li>')
    lines = "".join(f"<p>{escape(line)}</p>" for line in b.lines)
    return (f'<nav aria-label="{escape(b.title)}"><p class="toc-title">{escape(b.title)}</p>{lines}'
            f'<ul>{"".join(items)}</ul></nav>')


def _heading(b: Heading, c: _Context) -> str:
    index = c.headings
    c.headings += 1
    level = min(b.level + 1, 6)  # h1 is the document's title
    annex = ' class="annex-title"' if b.level == 1 and not b.label else ""
    return f'<h{level} id="h{index}"{annex}>{escape(b.full_text)}</h{level}>'


def _paragraph(b: Paragraph, _: _Context) -> str:
    text = escape(b.full_text).replace("\n", "<br>")
    if b.bold:
        text = f"<strong>{text}</strong>"
    if b.align == "center" and not b.indent:
        return f'<p class="title">{text}</p>'
    if b.align == "left" and not b.indent and _ANNEX_LABEL.match(b.full_text):
        return f'<p class="annex-label">{text}</p>'
    classes = [cls for cls in (b.align if b.align in ("center", "right") else "",
                               "plain" if not b.indent else "") if cls]
    attr = f' class="{" ".join(classes)}"' if classes else ""
    return f"<p{attr}>{text}</p>"


def _items(text: str) -> str:
    """A line of items parted by ideographic spaces: each item kept whole (white-space)."""
    parts = _ITEMS.split(text)
    if len(parts) < 3:
        return escape(text)
    return "".join(escape(p) if i % 2 else f"<span>{escape(p)}</span>" for i, p in enumerate(parts))


def _cell(cell, tag: str) -> str:
    spans = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + \
            (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "")
    classes = []
    if tag == "td":
        if cell.align in ("right", "center"):
            classes.append(cell.align)
        if _NUMBER.match(cell.text):
            classes.append("nowrap")  # an amount or a rate never breaks
        if cell.bold:
            classes.append("strong")
    attr = f' class="{" ".join(classes)}"' if classes else ""
    scope = ' scope="col"' if tag == "th" and cell.rowspan == 1 else ""
    return f"<{tag}{spans}{attr}{scope}>{escape(cell.text).replace(chr(10), '<br>')}</{tag}>"


def _rows(rows, n_cols: int, title: str, headings: set[int]) -> list[str]:
    """Each row as a tr of its cells (covered positions omitted, as in HTML itself); rows in
    `headings` (by index) hold column headings."""
    out = []
    for r, (row, slots) in enumerate(zip(rows, walk(rows, n_cols, title))):
        tag = "th" if r in headings else "td"
        out.append("<tr>" + "".join(_cell(s.cell, tag) for s in slots if not s.continued) + "</tr>")
    return out


def _table(b: Table, _: _Context) -> str:
    parts = ['<section class="table">']
    if b.title:
        parts.append(f'<p class="table-title">{escape(b.title)}</p>')
    if b.number:
        parts.append(f'<p class="table-number">{escape(b.number)}</p>')
    meta = [f"<span>{escape(x)}</span>" for x in (b.unit_left, b.unit_right) if x]
    if meta:
        parts.append(f'<p class="table-meta">{"".join(meta)}</p>')
    caption = f"<caption hidden>{escape(b.title)}</caption>" if b.title else ""
    head = _rows(b.header, b.n_cols, b.title, set(range(len(b.header)))) if b.header else []
    body = _rows(b.body, b.n_cols, b.title, set(b.heading_rows))
    thead = f"<thead>{''.join(head)}</thead>" if head else ""
    parts.append(f'<div class="table-scroll"><table border="1">{caption}{thead}'
                 f"<tbody>{''.join(body)}</tbody></table></div>")
    parts += [f'<p class="table-note items">{_items(note)}</p>' for note in b.notes]
    parts.append("</section>")
    return "".join(parts)


def _figure(b: Figure, c: _Context) -> str:
    """A chart: its SVG inline (ids made unique on the page), then its caption; a chart with
    nothing to draw prints its fallback sentence, if any."""
    if b.is_empty:
        return f"<p>{escape(b.fallback)}</p>" if b.fallback else ""
    c.charts += 1
    svg = render_svg(b).decode("utf-8")
    svg = svg[svg.index("<svg"):]
    prefix = f"chart{c.charts}-"
    svg = re.sub(r'id="(\w+)"', lambda m: f'id="{prefix}{m[1]}"', svg)
    svg = re.sub(r'aria-labelledby="([\w ]+)"',
                 lambda m: 'aria-labelledby="' + " ".join(prefix + i for i in m[1].split()) + '"', svg)
    caption = escape(f"{b.label} {b.title}".strip())
    return f"<figure>{svg.strip()}<figcaption>{caption}</figcaption></figure>"


def _page_break(_: PageBreak, __: _Context) -> str:
    return ""


_RENDER: dict[type, Callable[[Block, _Context], str]] = {
    Cover: _cover,
    TableOfContents: _toc,
    Heading: _heading,
    Paragraph: _paragraph,
    Table: _table,
    Figure: _figure,
    PageBreak: _page_break,
}
