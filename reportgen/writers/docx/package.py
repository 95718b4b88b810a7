"""The .docx zip package: fixed parts, reproducible dates and a stable entry order."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import cache

from reportgen.writers.docx._ooxml import XML_DECL, esc, part
from reportgen.writers.docx.page import (
    EVEN_FOOTER_ID,
    FIRST_FOOTER_ID,
    FOOTER_ID,
    WIDE_EVEN_FOOTER_ID,
    WIDE_FOOTER_ID,
    empty_footer_xml,
    footer_xml,
    landscape_footer_xml,
)
from reportgen.writers.docx.styles import font_table_xml, styles_xml
from reportgen.writers.docx.theme import theme_xml
from reportgen.writers.docx.zipped import Entry, deflate, deflate_once, deflate_pieces, store, zip_parts

# Used when the document has no date of its own and SOURCE_DATE_EPOCH is unset, so that two
# builds are byte-identical.
FIXED_DATE = datetime(2024, 1, 1, tzinfo=timezone.utc)

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

# (relationship id, type, target, part name, content type) of the parts every document has.
_WORD_PARTS = (
    ("rIdStyles", "styles", "styles.xml", f"{_WML}.styles+xml"),
    ("rIdSettings", "settings", "settings.xml", f"{_WML}.settings+xml"),
    ("rIdFontTable", "fontTable", "fontTable.xml", f"{_WML}.fontTable+xml"),
    (FOOTER_ID, "footer", "footer1.xml", f"{_WML}.footer+xml"),
    (FIRST_FOOTER_ID, "footer", "footer2.xml", f"{_WML}.footer+xml"),
    (EVEN_FOOTER_ID, "footer", "footer3.xml", f"{_WML}.footer+xml"),
    (WIDE_FOOTER_ID, "footer", "footer4.xml", f"{_WML}.footer+xml"),
    (WIDE_EVEN_FOOTER_ID, "footer", "footer5.xml", f"{_WML}.footer+xml"),
    ("rIdTheme", "theme", "theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
)

# No w:updateFields: it makes Word ask on every opening whether to update "fields that may
# refer to other files". The TOC field alone is marked dirty instead (see toc.py).
_SETTINGS = part(
    "settings",
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>'
    "<w:evenAndOddHeaders/>"  # odd and even pages number on opposite sides (GB/T 9704)
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode"'
    ' w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>',
)


def build_date(own: date | None = None) -> datetime:
    """The document's own date if it has one (its 公开时间 or report year: what its metadata
    should say), else SOURCE_DATE_EPOCH (the reproducible-builds convention) if set, else a
    fixed date.

    >>> build_date(date(2024, 10, 24)).isoformat()
    '2024-10-24T00:00:00+00:00'
    """
    if own is not None:
        return datetime(own.year, own.month, own.day, tzinfo=timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return FIXED_DATE


_DEFAULT_TYPES = {"jpg": "image/jpeg", "svg": "image/svg+xml", "emf": "image/x-emf",
                  "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@dataclass(frozen=True)
class Part:
    """A part a block writer adds (a chart, its workbook, its relationships), `name` under word/.

    `content_type` makes an Override (otherwise the extension's Default serves); `rel_id` and
    `rel_type` (a name under the officeDocument relationships, e.g. "chart") make a
    relationship from document.xml, for a part the body refers to.
    """

    name: str
    data: str | bytes
    content_type: str = ""
    rel_id: str = ""
    rel_type: str = ""


def _content_types(media: Sequence[tuple[str, str, bytes]], parts: Sequence[Part]) -> str:
    names = [target for _, target, _ in media] + [p.name for p in parts if not p.content_type]
    extensions = sorted({name.rsplit(".", 1)[-1].lower() for name in names} - {"rels", "xml"})
    defaults = "".join(
        f'<Default Extension="{e}" ContentType="{_DEFAULT_TYPES.get(e, "image/" + e)}"/>'
        for e in extensions
    )
    overrides = "".join(
        f'<Override PartName="/word/{target}" ContentType="{ctype}"/>'
        for _, _, target, ctype in _WORD_PARTS
    ) + "".join(
        f'<Override PartName="/word/{p.name}" ContentType="{p.content_type}"/>'
        for p in parts if p.content_type
    )
    return (
        f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels"'
        ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{defaults}'
        f'<Override PartName="/word/document.xml" ContentType="{_WML}.document.main+xml"/>'
        f"{overrides}"
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        "</Types>"
    )


@cache
def _fixed_parts() -> tuple[tuple[str, str], ...]:
    """The parts that are the same in every document."""
    return (
        ("word/styles.xml", styles_xml()),
        ("word/settings.xml", _SETTINGS),
        ("word/fontTable.xml", font_table_xml()),
        ("word/footer1.xml", footer_xml()),
        ("word/footer2.xml", empty_footer_xml()),
        ("word/footer3.xml", footer_xml(even=True)),
        ("word/footer4.xml", landscape_footer_xml()),
        ("word/footer5.xml", landscape_footer_xml(even=True)),
        ("word/theme/theme1.xml", theme_xml()),
    )


def relationships(rels: Sequence[tuple[str, str, str]]) -> str:
    """A .rels part of (id, type URI, target) triples."""
    items = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{to}"/>' for i, t, to in rels)
    return f'{XML_DECL}<Relationships xmlns="{_PKG_REL}">{items}</Relationships>'


_ROOT_RELS = relationships([
    ("rId1", f"{_REL}/officeDocument", "word/document.xml"),
    ("rId2", f"{_PKG_REL}/metadata/core-properties", "docProps/core.xml"),
    ("rId3", f"{_REL}/extended-properties", "docProps/app.xml"),
])


def _core(title: str, when: datetime) -> str:
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f"{XML_DECL}<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(title)}</dc:title><dc:creator>reportgen</dc:creator>"
        "<dc:language>zh-CN</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


_APP = (
    f"{XML_DECL}<Properties"
    ' xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>reportgen</Application></Properties>"
)


def package(
    document_xml: str | Sequence[str], *, title: str, media: Sequence[tuple[str, str, bytes]] = (),
    parts: Sequence[Part] = (), own_date: date | None = None,
) -> bytes:
    """Zip the parts; `document_xml` is word/document.xml, whole or in pieces to be joined
    (see zipped.deflate_pieces); `media` are (relationship id, target under word/, bytes) of
    images, `parts` what block writers add (charts), `own_date` the document's date (see
    build_date)."""
    when = build_date(own_date)
    doc_rels = [(rid, f"{_REL}/{kind}", target) for rid, kind, target, _ in _WORD_PARTS]
    doc_rels += [(rid, f"{_REL}/image", target) for rid, target, _ in media]
    doc_rels += [(p.rel_id, f"{_REL}/{p.rel_type}", p.name) for p in parts if p.rel_id]
    # What recurs from document to document (the same for every document with as many charts)
    # is deflated once per process: see zipped.py.
    entries: list[tuple[str, Entry]] = [
        ("[Content_Types].xml", deflate_once(_content_types(media, parts))),
        ("_rels/.rels", deflate_once(_ROOT_RELS)),
        ("docProps/core.xml", deflate(_core(title, when))),
        ("docProps/app.xml", deflate_once(_APP)),
        ("word/document.xml", deflate(document_xml) if isinstance(document_xml, str)
         else deflate_pieces(document_xml)),
        ("word/_rels/document.xml.rels", deflate_once(relationships(doc_rels))),
        *((name, deflate_once(xml)) for name, xml in _fixed_parts()),
    ]
    entries += [(f"word/{target}", _entry(target, data)) for _, target, data in media]
    entries += [(f"word/{p.name}", _entry(p.name, p.data)) for p in parts]
    return zip_parts(entries, when)


def _entry(name: str, data: str | bytes) -> Entry:
    if name.endswith((".png", ".jpeg", ".jpg", ".xlsx")):
        return store(data)  # compressed already: deflating again costs time, saves nothing
    if name.endswith(".rels"):
        return deflate_once(data)  # a chart's relationships: the same in every document
    return deflate(data)
