"""The same published text as PDF, web page, Word file and in traditional characters gives the
same findings as the plain text; scans, damaged files and bombs get clear messages."""

from __future__ import annotations

import html
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from reportgen.audit import audit_paths
from reportgen.errors import ReportgenError
from test_audit_corpus import DATA, body_and_meta

# Three errors (a completion and two swapped shares) in a 三公 说明 with a bar-separated table.
SOURCE = DATA / "corpus" / "ah-shouxian-relics-2023-sangong.txt"
BODY, META = body_and_meta(SOURCE)
LINES = [line for line in BODY.splitlines() if line.strip()]


def _expected(tmp_path: Path) -> list[tuple[str, str]]:
    path = tmp_path / "原文.txt"
    path.write_text(BODY, encoding="utf-8")
    return _kinds(path)


def _kinds(path: Path) -> list[tuple[str, str]]:
    return sorted((f.kind, f.stated) for f in audit_paths([path]) if f.severity == "error")


def test_the_plain_text_has_its_three_errors(tmp_path):
    assert _expected(tmp_path) == [("budget_completion", "43%"), ("share", "31%"), ("share", "69%")]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_a_pdf_made_from_the_text_gives_the_same_findings(tmp_path):
    text = tmp_path / "寿县.txt"
    text.write_text(BODY, encoding="utf-8")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(text)],
                   check=True, capture_output=True, timeout=120)
    assert _kinds(tmp_path / "寿县.pdf") == _expected(tmp_path)


def test_a_web_page_gives_the_same_findings_and_drops_the_site_chrome(tmp_path):
    rows, paragraphs = [], []
    for line in LINES:
        if "|" in line:
            rows.append(line)
        else:
            paragraphs.append(f"<p>{html.escape(line)}</p>")
    cells = [c.strip() for row in rows for c in row.split("|") if c.strip()]
    table_rows = "".join(f"<tr><td>{html.escape(a)}</td><td>{b}</td><td>{c}</td></tr>"
                         for a, b, c in zip(cells[0::3], cells[1::3], cells[2::3]))
    page = (
        "<html><head><meta charset='gbk'><title>寿县</title><script>var a = '占99%';</script>"
        "<style>p{}</style></head><body><div class='nav'>首页 > 政务公开 > 财政信息</div>"
        f"<div id='content'>{paragraphs[0]}<table>{table_rows}</table>{''.join(paragraphs[1:])}</div>"
        "<div class='footer'>主办单位：某县人民政府 预算数为1万元，执行数为9万元，完成预算的1%。</div></body></html>"
    )
    path = tmp_path / "寿县.html"
    path.write_bytes(page.encode("gbk", errors="ignore"))
    assert _kinds(path) == _expected(tmp_path)


def test_a_word_file_gives_the_same_findings(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    path = tmp_path / "寿县.docx"
    document.save(path)
    assert _kinds(path) == _expected(tmp_path)


def test_the_text_in_traditional_characters_gives_the_same_findings(tmp_path):
    opencc = pytest.importorskip("opencc")
    path = tmp_path / "繁體.txt"
    path.write_text(opencc.OpenCC("s2t").convert(BODY), encoding="utf-8")
    assert "萬元" in path.read_text(encoding="utf-8")
    assert _kinds(path) == _expected(tmp_path)


def _blank_pdf(path: Path, pages: int) -> Path:
    pdfium = pytest.importorskip("pypdfium2")
    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    document.save(str(path))
    return path


def test_a_pdf_without_a_text_layer_is_called_a_scan(tmp_path):
    path = _blank_pdf(tmp_path / "扫描件.pdf", 1)
    with pytest.raises(ReportgenError, match="扫描件.pdf：PDF 没有可读取的文字层（可能是扫描件）"):
        audit_paths([path])


def test_a_docx_that_would_inflate_past_the_bound_is_refused_unread(tmp_path, monkeypatch):
    from reportgen.audit import office

    monkeypatch.setattr(office, "MAX_INFLATED", 10_000)
    path = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", "0" * 50_000)
    with pytest.raises(ReportgenError, match="炸弹.docx：Word 文件解压后过大"):
        audit_paths([path])


def test_too_many_pdf_pages_are_refused(tmp_path, monkeypatch):
    from reportgen.audit import pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    path = _blank_pdf(tmp_path / "长.pdf", 3)
    with pytest.raises(ReportgenError, match="共 3 页，超过上限 2 页"):
        audit_paths([path])
