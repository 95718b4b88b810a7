"""Raw WordprocessingML helpers: the only module that spells out XML by hand.

The body is built as strings rather than python-docx objects because that is 10-50 times faster
(see docx-speed.md). Child elements are written in the order the schema prescribes
(CT_PPr, CT_RPr, ...): LibreOffice forgives a wrong order, Word reports the file as damaged.
"""

from __future__ import annotations

import re
from functools import lru_cache

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Characters XML 1.0 forbids; a stray one from pasted text would make the whole file unreadable.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Anything esc() must change; most text has none, and one search is the cheapest way to know.
_SPECIAL = re.compile('[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')
# Text that can go into a w:t as it is, unless it starts or ends with a space.
NEEDS_CARE = re.compile('[&<>"\x00-\x1f\ufffe\uffff]')


def twips_mm(mm: float) -> int:
    """Millimetres to twentieths of a point, the unit of page geometry and indents.

    >>> twips_mm(210), twips_mm(297)
    (11906, 16838)
    """
    return round(mm * 1440 / 25.4)


def _clean(text: str) -> bool:
    """Whether esc() leaves `text` as it is. A printable text has no control character and no
    U+FFFE/U+FFFF, which str.isprintable() tells in one C pass at twice the regex's speed (a
    paragraph is some 150 hanzi); a tab, a line break or an ideographic space is not printable
    and sends the text to the regex.

    >>> _clean("收入　合计"), _clean("甲&乙"), _clean("甲\x07"), _clean("合计")
    (True, False, False, True)
    """
    if text.isprintable():
        return not ("&" in text or "<" in text or ">" in text or '"' in text)
    return _SPECIAL.search(text) is None


def esc(text: str) -> str:
    """Escape text for element content and attribute values.

    >>> esc('“三公”<经费> & "x"')
    '“三公”&lt;经费&gt; &amp; &quot;x&quot;'
    """
    if _clean(text):
        return text
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _FORBIDDEN.sub("", text.replace('"', "&quot;"))


def t(text: str) -> str:
    """A w:t element (of text without tabs or line breaks); spaces at either end are kept
    only with xml:space="preserve"."""
    if not _clean(text):
        text = esc(text)
    if text[0] == " " or text[-1] == " ":
        return f'<w:t xml:space="preserve">{text}</w:t>'
    return f"<w:t>{text}</w:t>"


def run(text: str, rpr: str = "") -> str:
    """One run of text; a line break or tab inside the text becomes w:br / w:tab.

    >>> run("甲\\t乙", "<w:b/>")
    '<w:r><w:rPr><w:b/></w:rPr><w:t>甲</w:t><w:tab/><w:t>乙</w:t></w:r>'
    """
    if not text:
        return ""
    head = f"<w:r><w:rPr>{rpr}</w:rPr>" if rpr else "<w:r>"
    if "\n" not in text and "\t" not in text:
        return f"{head}{t(text)}</w:r>"
    pieces = []
    for i, line in enumerate(text.split("\n")):
        if i:
            pieces.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if chunk:
                pieces.append(t(chunk))
    return f"{head}{''.join(pieces)}</w:r>"


BOLD = "<w:b/><w:bCs/>"

_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


@lru_cache(maxsize=1024)  # a document uses a few dozen distinct combinations
def ppr(
    style: str,
    *,
    keep_next: bool = False,
    page_break_before: bool = False,
    tabs: str = "",
    spacing: str = "",
    ind: str = "",
    align: str = "",
    sect: str = "",
) -> str:
    """A w:pPr with its children in schema order; `align` is a model Align value.

    >>> ppr("Normal", page_break_before=True, align="justify")
    '<w:pPr><w:pStyle w:val="Normal"/><w:pageBreakBefore/><w:jc w:val="both"/></w:pPr>'
    """
    parts = [f'<w:pPr><w:pStyle w:val="{style}"/>']
    if keep_next:  # the picture stays on the page of its caption
        parts.append("<w:keepNext/>")
    if page_break_before:
        parts.append("<w:pageBreakBefore/>")
    if tabs:
        parts.append(f"<w:tabs>{tabs}</w:tabs>")
    if spacing:
        parts.append(spacing)
    if ind:
        parts.append(ind)
    if align:
        parts.append(f'<w:jc w:val="{_JC[align]}"/>')
    if sect:
        parts.append(sect)
    parts.append("</w:pPr>")
    return "".join(parts)


def paragraph(props: str, content: str = "") -> str:
    """A w:p; `props` is a w:pPr from ppr(): every paragraph has one, so a sectPr can join it."""
    return f"<w:p>{props}{content}</w:p>"


def add_to_ppr(paragraph_xml: str, extra: str) -> str:
    """Append `extra` (a sectPr) as the last child of a paragraph's pPr, as the schema wants."""
    head, sep, tail = paragraph_xml.partition("</w:pPr>")
    return head + extra + sep + tail


def add_page_break(paragraph_xml: str) -> str:
    """Give a paragraph w:pageBreakBefore, in its schema place (after pStyle and keepNext).

    >>> add_page_break('<w:p><w:pPr><w:pStyle w:val="A"/><w:keepNext/></w:pPr></w:p>')
    '<w:p><w:pPr><w:pStyle w:val="A"/><w:keepNext/><w:pageBreakBefore/></w:pPr></w:p>'
    """
    if "<w:pageBreakBefore/>" in paragraph_xml:
        return paragraph_xml
    head, sep, tail = paragraph_xml.partition("/>")  # the end of w:pStyle
    if tail.startswith("<w:keepNext/>"):
        head, sep, tail = head + sep + "<w:keepNext", "/>", tail[len("<w:keepNext/>"):]
    return head + sep + "<w:pageBreakBefore/>" + tail


def field_begin(instr: str, rpr: str = "", *, dirty: bool = False) -> str:
    """The runs that open a complex field up to its cached result (begin, instruction, separate).

    `dirty` asks the client to recompute the field when the document is opened.
    """
    head = f"<w:r><w:rPr>{rpr}</w:rPr>" if rpr else "<w:r>"
    flag = ' w:dirty="true"' if dirty else ""
    return (
        f'{head}<w:fldChar w:fldCharType="begin"{flag}/></w:r>'
        f'{head}<w:instrText xml:space="preserve"> {esc(instr)} </w:instrText></w:r>'
        f'{head}<w:fldChar w:fldCharType="separate"/></w:r>'
    )


def field_end(rpr: str = "") -> str:
    head = f"<w:r><w:rPr>{rpr}</w:rPr>" if rpr else "<w:r>"
    return f'{head}<w:fldChar w:fldCharType="end"/></w:r>'


def field(instr: str, cached: str, rpr: str = "") -> str:
    """A whole complex field in one paragraph, showing `cached` until the client recomputes it."""
    return field_begin(instr, rpr) + run(cached, rpr) + field_end(rpr)


def bookmark(bookmark_id: int, name: str, content: str) -> str:
    """`content` (runs) wrapped in a bookmark, the target of a TOC hyperlink and PAGEREF."""
    return (
        f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{name}"/>{content}'
        f'<w:bookmarkEnd w:id="{bookmark_id}"/>'
    )


def hyperlink(anchor: str, content: str) -> str:
    return f'<w:hyperlink w:anchor="{anchor}" w:history="1">{content}</w:hyperlink>'


def part(root: str, body: str, *, r_ns: bool = False) -> str:
    """A whole XML part: declaration and a w:-namespaced root element."""
    ns = f'xmlns:w="{W_NS}"' + (f' xmlns:r="{R_NS}"' if r_ns else "")
    return f"{XML_DECL}<w:{root} {ns}>{body}</w:{root}>"
