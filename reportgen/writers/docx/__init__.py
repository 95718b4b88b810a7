"""DOCX writer: a Document as a 公文-style Word file (GB/T 9704 page, 仿宋 body, 目录, 公开表)."""

from __future__ import annotations

import io
import zipfile

from reportgen.document.nodes import Document
from reportgen.writers.docx._ooxml import R_NS, W_NS, XML_DECL
from reportgen.writers.docx.flow import body_parts
from reportgen.writers.docx.package import package

__all__ = ["build", "normalized_document_xml", "write"]


def build(document: Document) -> bytes:
    """The .docx file's bytes; the same document always gives the same bytes."""
    parts, extra = body_parts(document)
    # Never joined into one string: the package deflates the pieces group by group (the body
    # is most of the file, so every copy counts).
    head = f'{XML_DECL}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
    xml = [head, *parts, "</w:body></w:document>"]
    return package(xml, title=document.title, parts=extra, own_date=document.date)


def write(document: Document, stem: str) -> dict[str, bytes]:
    """The writer-registry entry point: `{"<stem>.docx": bytes}`."""
    return {f"{stem}.docx": build(document)}


def normalized_document_xml(docx_bytes: bytes) -> str:
    """word/document.xml pretty-printed, one element a line: the seam that snapshots compare."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        raw = archive.read("word/document.xml")
    root = etree.fromstring(raw, etree.XMLParser(remove_blank_text=True))
    return etree.tostring(root, pretty_print=True, encoding="unicode")
