"""PDF writer: the DOCX laid out by LibreOffice, headless, with its 目录 updated first.

The PDF is what inspectors and aggregators read (its text layer) and what a unit attaches to
its web page; it must show the same pages as the DOCX. LibreOffice opens the DOCX in a private
profile, updates every index (the 目录's page numbers are then LibreOffice's own, whatever the
estimate cached in the file said) and exports a tagged PDF with bookmarks. The work is a Basic
macro in that profile: Basic ships with every LibreOffice, where Python-UNO is a separate
package. Several documents go through one LibreOffice process (start-up is most of the time).

Fonts: the 公文 fonts (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体, 黑体, 宋体) are named in the file; a
machine without them gets Noto CJK in their place (fontconfig aliases that only apply when the
named font is missing), so that the PDF never falls back on a font without Chinese glyphs.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from reportgen.document.nodes import Document
from reportgen.errors import ReportgenError

#: The Debian package that provides a headless LibreOffice Writer.
PACKAGE = "libreoffice-writer-nogui"
#: (family named in the DOCX, font used where it is missing): serif for 仿宋, 楷体 and 小标宋,
#: sans for 黑体; Times New Roman's metric twin, so digits take their widths in Word.
FALLBACKS = (("仿宋_GB2312", "Noto Serif CJK SC"), ("楷体_GB2312", "Noto Serif CJK SC"),
             ("方正小标宋简体", "Noto Serif CJK SC"), ("宋体", "Noto Serif CJK SC"),
             ("黑体", "Noto Sans CJK SC"), ("Times New Roman", "Liberation Serif"))

_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
{aliases}
</fontconfig>
"""
# "accept" puts the fallback right after the named family: an installed 仿宋_GB2312 still wins.
_ALIAS = "  <alias><family>{0}</family><accept><family>{1}</family></accept></alias>"

_MACRO = r'''
Sub ExportAll(listPath As String)
  ' Each document: three lines of the list, its DOCX, its PDF and its layout report (or "-").
  n = FreeFile
  Open listPath For Input As #n
  Do While Not EOF(n)
    Line Input #n, docxUrl
    Line Input #n, pdfUrl
    Line Input #n, reportPath
    ExportOne(docxUrl, pdfUrl, reportPath)
  Loop
  Close #n
End Sub

Sub ExportOne(docxUrl As String, pdfUrl As String, reportPath As String)
  On Error GoTo Failed
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(docxUrl, "_blank", 0, args())
  ' Twice: a 目录 that grows or shrinks moves the pages after it.
  UpdateIndexes(doc)
  UpdateIndexes(doc)
  Dim options(1) As New com.sun.star.beans.PropertyValue
  options(0).Name = "ExportBookmarks"
  options(0).Value = True
  options(1).Name = "UseTaggedPDF"
  options(1).Value = True
  Dim props(1) As New com.sun.star.beans.PropertyValue
  props(0).Name = "FilterName"
  props(0).Value = "writer_pdf_Export"
  props(1).Name = "FilterData"
  props(1).Value = options()
  doc.storeToURL(pdfUrl, props())
  If reportPath <> "-" Then WriteReport(doc, reportPath)
  doc.close(True)
  Exit Sub
Failed:
  m = FreeFile
  Open ConvertFromURL(pdfUrl) & ".error" For Output As #m
  Print #m, Err & " " & Error$ & " (line " & Erl & ")"
  Close #m
  ' An open document would keep LibreOffice running after the macro.
  If Not IsNull(doc) And Not IsEmpty(doc) Then doc.close(True)
End Sub

Sub UpdateIndexes(doc)
  found = doc.getDocumentIndexes()
  For i = 0 To found.getCount() - 1
    found.getByIndex(i).update()
  Next
End Sub

Sub WriteReport(doc, reportPath As String)
  ' The page of every table cell, one line a table of the body in reading order:
  ' "Table cell:page cell:page ..." (the body's own enumeration leaves out the tables in
  ' footers: a landscape page's number is one).
  n = FreeFile
  Open reportPath For Output As #n
  cursor = doc.getCurrentController().getViewCursor()
  items = doc.getText().createEnumeration()
  Do While items.hasMoreElements()
    item = items.nextElement()
    If item.supportsService("com.sun.star.text.TextTable") Then
      entry = "Table"
      cellNames = item.getCellNames()
      For k = 0 To UBound(cellNames)
        cursor.gotoRange(item.getCellByName(cellNames(k)).getStart(), False)
        entry = entry & " " & cellNames(k) & ":" & cursor.getPage()
      Next
      Print #n, entry
    End If
  Loop
  Close #n
End Sub
'''

_LIBRARY = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE library:library PUBLIC'
            ' "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">\n'
            '<library:library xmlns:library="http://openoffice.org/2000/library"'
            ' library:name="Standard" library:readonly="false" library:passwordprotected="false">'
            '<library:element library:name="Module1"/></library:library>')
_MODULE = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC'
           ' "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
           '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"'
           ' script:language="StarBasic">{}</script:module>')


@dataclass(frozen=True)
class Converted:
    """A document as LibreOffice exported it: the PDF, and (when asked) the layout report: one
    line a table, "Table1 A1:5 B1:5 …", the page each cell starts on."""

    pdf: bytes
    report: str = ""


def write(document: Document, stem: str) -> dict[str, bytes]:
    """The writer-registry entry point: `{"<stem>.pdf": bytes}`."""
    # Deferred: the DOCX writer is only needed here.
    from reportgen.writers.docx import build
    from reportgen.writers.docx.package import build_date

    converted = convert({stem: build(document)})[stem]
    return {f"{stem}.pdf": reproducible(converted.pdf, build_date(document.date))}


_STAMPS = re.compile(rb"/CreationDate\(D:\d{14}Z'\)|/ID \[ <[0-9A-F]{32}>\s<[0-9A-F]{32}> \]|/DocChecksum /[0-9A-F]{32}")


def reproducible(pdf: bytes, when: datetime) -> bytes:
    """The same PDF for the same document: LibreOffice stamps the time of export, a random file
    ID and a checksum that includes them; they become the document's own date and a digest of
    the rest. Each replacement has the original's length, so the cross-reference offsets hold.

    >>> pdf = b"<</CreationDate(D:20261130091239Z')>> /ID [ <%s> <%s> ]" % (b"A" * 32, b"B" * 32)
    >>> out = reproducible(pdf, datetime(2024, 10, 24))
    >>> out[:37], len(out) == len(pdf)
    (b"<</CreationDate(D:20241024000000Z')>>", True)
    >>> [len(part) for part in out[38:].split()]  # /ID [ <32 hex> <32 hex> ]: still a valid array
    [3, 1, 34, 34, 1]
    """
    digest = hashlib.md5(_STAMPS.sub(b"", pdf)).hexdigest().upper().encode()  # noqa: S324 (an ID, not security)

    def stamp(m: re.Match) -> bytes:
        text = m.group()
        if text.startswith(b"/CreationDate"):
            return b"/CreationDate(D:" + when.strftime("%Y%m%d%H%M%S").encode() + b"Z')"
        if text.startswith(b"/ID"):
            return b"/ID [ <" + digest + b">" + text[40:41] + b"<" + digest + b"> ]"  # the separator kept
        return b"/DocChecksum /" + digest

    return _STAMPS.sub(stamp, pdf)


def soffice() -> str:
    """The LibreOffice executable, or a message that says which package provides it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise ReportgenError(
            "生成 PDF 需要 LibreOffice（未找到 soffice 命令）。在 Debian/Ubuntu 上安装："
            f"sudo apt-get install {PACKAGE}（中文字体另装 fonts-noto-cjk）；"
            "也可先用 -f docx 生成 Word 文件，再用 Word 或 WPS 另存为 PDF。")
    return found


def font_config(directory: Path) -> Path:
    """A fontconfig file that keeps the system's fonts and adds the fallbacks."""
    aliases = "\n".join(_ALIAS.format(named, fallback) for named, fallback in FALLBACKS)
    path = directory / "fonts.conf"
    path.write_text(_FONTS_CONF.format(aliases=aliases), encoding="utf-8")
    return path


def _profile(directory: Path, executable: str, env: Mapping[str, str]) -> str:
    """A fresh LibreOffice profile holding the macro; its URL. LibreOffice fills a new profile
    with its own Basic library on first start, so the macro is written after that start."""
    url = directory.as_uri()
    args = [executable, f"-env:UserInstallation={url}", "--headless", "--norestore"]
    subprocess.run([*args, "--terminate_after_init"], capture_output=True, env=env, timeout=120)
    library = directory / "user" / "basic" / "Standard"
    library.mkdir(parents=True, exist_ok=True)
    (library / "script.xlb").write_text(_LIBRARY, encoding="utf-8")
    (library / "Module1.xba").write_text(_MODULE.format(escape(_MACRO, {'"': "&quot;"})), encoding="utf-8")
    return url


def convert(docx: Mapping[str, bytes], *, report: bool = False) -> dict[str, Converted]:
    """Each DOCX (by name) as a PDF, through one LibreOffice process; `report` adds the page
    of every table cell (for tests of pagination)."""
    executable = soffice()
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as tmp:
        work = Path(tmp)
        # UTC: the PDF's time stamp then has one form, which reproducible() replaces.
        env = {**os.environ, "FONTCONFIG_FILE": str(font_config(work)), "TZ": "UTC"}
        profile = _profile(work / "profile", executable, env)
        names = list(docx)
        lines = []
        for i, name in enumerate(names):  # ASCII file names: Basic's file I/O is not Unicode-safe
            (work / f"doc{i}.docx").write_bytes(docx[name])
            lines += [(work / f"doc{i}.docx").as_uri(), (work / f"doc{i}.pdf").as_uri(),
                      str(work / f"doc{i}.txt") if report else "-"]
        listing = work / "list.txt"
        listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        macro = f'macro:///Standard.Module1.ExportAll("{listing}")'
        try:
            done = subprocess.run([executable, f"-env:UserInstallation={profile}", "--headless",
                                   "--norestore", "--nologo", macro],
                                  capture_output=True, text=True, env=env, timeout=120 + 60 * len(names))
        except subprocess.TimeoutExpired:
            raise ReportgenError("LibreOffice 生成 PDF 超时。") from None
        return {name: _result(work, i, name, done, report) for i, name in enumerate(names)}


def _result(work: Path, i: int, name: str, done: subprocess.CompletedProcess, report: bool) -> Converted:
    pdf = work / f"doc{i}.pdf"
    error = work / f"doc{i}.pdf.error"
    if not pdf.exists() or error.exists():
        detail = error.read_text(encoding="utf-8", errors="replace").strip() if error.exists() else done.stderr.strip()
        raise ReportgenError(f"LibreOffice 未能把 {name} 转为 PDF：{detail or '无输出'}")
    layout = (work / f"doc{i}.txt").read_text(encoding="utf-8") if report else ""
    return Converted(pdf.read_bytes(), layout)
