"""Hostile files made by hand: zip packages (xlsx, docx) with bombs or broken XML, a PDF bomb."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
          '+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{sheets}</Types>')
_SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-'
               'officedocument.spreadsheetml.worksheet+xml"/>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
         'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
             '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
             '{sheets}</sheets></workbook>')
_WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships">{rels}</Relationships>')
_WB_REL = ('<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
           'worksheet" Target="worksheets/sheet{n}.xml"/>')
SHEET = ('<?xml version="1.0" encoding="UTF-8"?>{doctype}<worksheet xmlns="http://schemas.openxmlformats.org/'
         'spreadsheetml/2006/main">{dimension}<sheetData>{rows}</sheetData></worksheet>')


_SHARED_TYPE = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                'spreadsheetml.sharedStrings+xml"/>')


def minimal_xlsx(path: Path, sheets: dict[str, str], extra: dict[str, bytes] | None = None,
                 shared: list[str] | None = None) -> Path:
    """An .xlsx holding `sheets` (name → the whole sheet XML), `shared` strings (as written in
    the XML) and `extra` members, stored deflated."""
    names = list(sheets)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        types = "".join(_SHEET_TYPE.format(n=i + 1) for i in range(len(names))) + (_SHARED_TYPE if shared else "")
        z.writestr("[Content_Types].xml", _TYPES.format(sheets=types))
        if shared:
            z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
                       'openxmlformats.org/spreadsheetml/2006/main">' + "".join(f"<si><t>{t}</t></si>" for t in shared)
                       + "</sst>")
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK.format(sheets="".join(
            f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, name in enumerate(names))))
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS.format(rels="".join(_WB_REL.format(n=i + 1) for i in range(len(names)))))
        for i, name in enumerate(names):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", sheets[name])
        for member, data in (extra or {}).items():
            z.writestr(member, data)
    return path


def sheet(rows: str, doctype: str = "", dimension: str = "") -> str:
    return SHEET.format(rows=rows, doctype=doctype, dimension=f'<dimension ref="{dimension}"/>' if dimension else "")


def with_member(source: Path, target: Path, member: str, data: bytes, level: int = 9) -> Path:
    """A copy of the zip `source` with one more member (deflated at `level`)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr(member, data)
    return target


def replaced_member(source: Path, target: Path, member: str, data: bytes) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, data if info.filename == member else src.read(info))
    return target


def zeros_member(target: Path, source: Path, member: str, size: int) -> Path:
    """`source` plus a member of `size` zero bytes, streamed so the test never holds it in memory."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        with dst.open(member, "w", force_zip64=True) as f:
            block = bytes(1 << 20)
            for _ in range(size >> 20):
                f.write(block)
    return target


def many_members(target: Path, source: Path, n: int) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        for i in range(n):
            dst.writestr(f"xl/media/x{i}.bin", b"x")
    return target


def sheet_member(book: Path) -> dict[str, str]:
    """Sheet name → its member in an .xlsx (openpyxl writes them in order, sheet1.xml …)."""
    from openpyxl import load_workbook

    names = load_workbook(book, read_only=True).sheetnames
    return {name: f"xl/worksheets/sheet{i + 1}.xml" for i, name in enumerate(names)}


ENTITY_BOMB = ('<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
               + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
               + "]>")


def pdf_bomb(path: Path, inflated: int) -> Path:
    """A one-page PDF whose content stream inflates to `inflated` bytes of text-showing operators."""
    chunk = b"BT /F1 12 Tf 72 712 Td (x) Tj ET\n"
    comp = zlib.compressobj(9)
    stream = io.BytesIO()
    for _ in range(inflated // (len(chunk) * 4096)):
        stream.write(comp.compress(chunk * 4096))
    stream.write(comp.flush())
    body = stream.getvalue()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())
    return path
