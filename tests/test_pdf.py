"""The PDF writer: LibreOffice updates the 目录 and exports; the pages are read back.

Every case of tests/rendering.py (synthetic documents, the 决算 and 绩效 examples) is checked
for what an officer checks before publishing: the 目录 after LibreOffice updated it is the 目录
the DOCX was written with, entries and page numbers; each number is the page of its heading; no
small table is split and no table leaves fewer than three rows on a page of its own; no number or
short label in a cell is broken across lines; body text sets 28 characters a line; a landscape
page's number sits where an upright reader looks for it.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile

import pytest
from lxml import etree
from typer.testing import CliRunner

import reportgen.writers.pdf as pdf_writer
from reportgen.cli import app
from reportgen.writers.docx.chart_part import column  # LibreOffice's cell names: A, B, …, AA
from reportgen.document.nodes import Cover, Table, TableOfContents
from reportgen.errors import ReportgenError
from reportgen.writers.docx.measure import HANGING, kind, tokens
from reportgen.writers.docx.paging import ROW_MIN, text_area
from reportgen.writers.docx.tables import TAIL_ROWS

from examples import ROOT
from rendering import (CASE_NAMES, PERFORMANCE, Rendered, grid_cells, grid_tables, rendered as rendered_case,
                       squeeze, tool)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module", params=CASE_NAMES)
def rendered(request) -> Rendered:
    return rendered_case(request.param)


def _toc(rendered: Rendered) -> TableOfContents:
    tocs = [b for b in rendered.document.blocks if isinstance(b, TableOfContents)]
    if not tocs:
        pytest.skip("this document has no 目录")
    return tocs[0]


def written_toc(docx: bytes) -> list[tuple[str, int]]:
    """The 目录 as the writer wrote it: each entry's text and its cached page number."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    entries = []
    for link in root.iter(W + "hyperlink"):
        texts = [t.text or "" for t in link.iter(W + "t")]
        if len(texts) >= 2 and texts[-1].isdigit():
            entries.append(("".join(texts[:-1]), int(texts[-1])))
    return entries


_ENTRY = re.compile(r"^(.+?)[.…·]{3,}(\d+)$")


def printed_toc(rendered: Rendered, count: int) -> list[tuple[str, int]]:
    """The 目录 as the PDF prints it (after LibreOffice updated it): the first `count` entries
    from the page titled 目录 on; an entry that wraps is joined to its next line."""
    pages = rendered.layout_pages()
    start = next(i for i, page in enumerate(pages) if squeeze(page).startswith("目录"))
    entries, pending = [], ""
    for page in pages[start:]:
        for line in page.splitlines():
            text = squeeze(line)
            if not text or re.fullmatch(r"—\d+—", text) or text == "目录" or text.startswith("公开时间"):
                continue
            found = _ENTRY.match(pending + text)
            if found:
                entries.append((found[1], int(found[2])))
                pending = ""
            else:
                pending += text
            if len(entries) == count:
                return entries
    return entries


def test_libreoffice_updating_the_toc_changes_nothing(rendered):
    """Word, WPS and LibreOffice rebuild the 目录 from the headings when asked to update it: the
    result must be the 目录 as written, the same entries (no annex headings) and the same pages."""
    _toc(rendered)
    written = [(squeeze(text), page) for text, page in written_toc(rendered.docx)]
    assert written, "the DOCX has no 目录 entries"
    assert printed_toc(rendered, len(written)) == written


def test_each_toc_number_is_the_page_of_its_heading(rendered):
    toc = _toc(rendered)
    pages = [squeeze(p) for p in rendered.pages()]
    headings = [h for _, h in rendered.document.toc_listing(toc.depth)]
    numbers = [page for _, page in printed_toc(rendered, len(headings))]
    cursor = next(i for i, text in enumerate(pages) if text.startswith("目录")) + 1
    actual = []
    for heading in headings:  # searching on from the last find: the 目录 itself does not count
        cursor = next(i for i in range(cursor, len(pages)) if squeeze(heading.full_text) in pages[i])
        actual.append(cursor + 1)
    assert numbers == actual


def test_the_publication_date_stands_under_the_toc_title(rendered):
    toc = _toc(rendered)
    if not toc.lines:
        pytest.skip("no 公开时间 in this document")
    page = next(p for p in rendered.layout_pages() if squeeze(p).startswith("目录"))
    lines = [squeeze(line) for line in page.splitlines() if line.strip()]
    assert lines[:2] == ["目录", squeeze(toc.lines[0])]


def _tables(rendered: Rendered) -> list[tuple[Table, list[int]]]:
    nodes = grid_tables(rendered.document)
    pages = rendered.table_pages()
    assert len(nodes) == len(pages)
    return list(zip(nodes, pages))


def test_no_small_table_is_split_and_no_table_leaves_a_short_tail(rendered):
    """A table that fits on a page is on one page; one that does not leaves at least three rows
    on its last page (never a lone 总计)."""
    _, height = text_area(False)
    for table, rows in _tables(rendered):
        if len(set(rows)) == 1:
            continue
        name = table.title or rows
        tail = sum(1 for page in rows if page == rows[-1])
        assert tail >= min(TAIL_ROWS, len(table.body)), (name, rows)
        # Rows are at least 7 mm high: a table this short fits on any page with its title.
        assert len(rows) * ROW_MIN > height / 2, (name, "a small table was split", rows)


def test_small_tables_are_marked_to_stay_whole_and_stay_whole(rendered):
    """The writer marks a table that fits on a page (every row keeps with the next): LibreOffice
    keeps it on one page."""
    with zipfile.ZipFile(io.BytesIO(rendered.docx)) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    kept = []
    for tbl in root.iter(W + "tbl"):
        rows = tbl.findall(W + "tr")
        kept.append(all(r.find(f".//{W}keepNext") is not None for r in rows[:-1]))
    pages = rendered.table_pages()
    assert len(kept) == len(pages)
    split = [i for i, (whole, rows) in enumerate(zip(kept, pages)) if whole and len(set(rows)) > 1]
    assert not split


def test_header_rows_repeat_on_every_page_of_a_table(rendered):
    pages = [squeeze(p) for p in rendered.pages()]
    for table, rows in _tables(rendered):
        if not table.header or len(set(rows)) == 1:
            continue
        heading = squeeze(next(c.text for c in table.header[0] if c.text))
        for page in sorted(set(rows)):
            assert heading in pages[page - 1], (table.title, page)


def test_no_number_or_short_label_in_a_cell_breaks_across_lines(rendered):
    """A cell that holds one token (an amount, a rate, a number with its unit, a label of up to
    four hanzi) shows it whole on one line of the page the cell is on."""
    lines_of: dict[int, list[str]] = {}
    broken = []
    for table, pages in zip(grid_tables(rendered.document), rendered.cell_pages()):
        for r, cells in enumerate(grid_cells(table), 1):
            for k, (_, text) in enumerate(cells):
                if not text or "\n" in text or tokens(text) != [text] or len(text) < 2:
                    continue
                page = int(pages.get(f"{column(k)}{r}", 0))
                if not page:
                    continue
                if page not in lines_of:
                    lines_of[page] = [squeeze(t) for *_, t in rendered.lines(page)]
                if not any(squeeze(text) in line for line in lines_of[page]):
                    broken.append((table.title, text, page))
    assert not broken


def test_body_text_sets_28_characters_a_line(rendered):
    """Full lines of 3号 body text (hanzi and Chinese punctuation only, running to the right edge)
    hold at most 28 characters, counting the 2-character indent, and most hold exactly 28 (a
    line that must leave a character for the next, such as an opening bracket, is spread out);
    a comma, stop or colon may hang beyond the edge."""
    width, _ = text_area(False)
    left, counts = 28 / 25.4 * 72, []
    for page, (w, h) in enumerate(rendered.sizes(), 1):
        if w > h:
            continue
        for top, bottom, x0, x1, text in rendered.lines(page):
            body = 20 <= bottom - top <= 22  # the glyph box of 16 pt text
            indent = round((x0 - left) / 15.7)
            if not body or indent not in (0, 2) or x1 < left + width - 8 or \
                    not text or not all(kind(c) in "hp" for c in text):
                continue
            hanging = text[-1] in HANGING and x1 > left + width + 4
            counts.append(len(text) - hanging + indent)
    if len(counts) < 3:
        pytest.skip("too little body text")
    assert max(counts) == 28
    assert counts.count(28) >= 0.6 * len(counts), sorted(counts)


def test_landscape_page_numbers_sit_where_an_upright_reader_looks(rendered):
    """Turned upright (a quarter anticlockwise), a landscape page shows its number at the foot:
    along the landscape page's left edge, outside the 版心; at the upright right on odd pages
    (the landscape page's lower half) and at the left on even ones (its upper half)."""
    checked = 0
    for page, (w, h) in enumerate(rendered.sizes(), 1):
        if w <= h:
            continue
        found = [(top, bottom, x0, x1) for top, bottom, x0, x1, text in rendered.lines(page)
                 if squeeze(text) in (str(page), f"—{page}—", "—", f"{page}—", f"—{page}")]
        numbers = [f for f in found if f[3] < 35 / 25.4 * 72]  # left of the 35 mm margin
        assert numbers, f"page {page}: no number at the left edge"
        middle = sum((f[0] + f[1]) / 2 for f in numbers) / len(numbers)
        assert (middle > h / 2) == (page % 2 == 1), (page, middle)
        checked += 1
    if not checked:
        pytest.skip("no landscape page")


def test_the_pdf_is_tagged_and_numbered(rendered):
    info = subprocess.run([tool("pdfinfo"), str(rendered.pdf)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"Tagged:\s+yes", info)
    has_cover = isinstance(rendered.document.blocks[0], Cover)
    numbers = [re.findall(r"—\s*(\d+)\s*—", page) for page in rendered.pages()]
    assert [n[:1] for n in numbers] == [[] if has_cover and i == 1 else [str(i)] for i in range(1, len(numbers) + 1)]


def test_build_writes_the_same_pdf_twice(tmp_path):
    """`-f pdf` from the command line; the same data gives the same bytes."""
    tool("soffice")
    runner = CliRunner()
    data = str(PERFORMANCE["lieshan-2023"])
    for out in ("a", "b"):
        result = runner.invoke(app, ["build", data, "-o", str(tmp_path / out), "-f", "pdf"])
        assert result.exit_code == 0, result.output
    (first,) = (tmp_path / "a").glob("*.pdf")
    second = tmp_path / "b" / first.name
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().startswith(b"%PDF")
    # The file ID and dates are rewritten for those same bytes (writers/pdf.reproducible): a reader
    # must still find a well-formed file (a broken /ID array once slipped through).
    read = subprocess.run([tool("pdftoppm"), "-r", "10", str(first), str(tmp_path / "page")],
                          capture_output=True, timeout=300)
    assert read.returncode == 0 and b"Syntax Error" not in read.stderr, read.stderr[-300:]


def test_without_libreoffice_the_message_names_the_package(monkeypatch):
    monkeypatch.setattr(pdf_writer.shutil, "which", lambda name: None)
    with pytest.raises(ReportgenError, match="libreoffice-writer-nogui"):
        pdf_writer.soffice()


def test_without_libreoffice_the_command_says_so_and_writes_nothing(tmp_path):
    """A PATH without soffice: the message names the package, exit 1, no file at all (not even
    the Markdown asked for with it)."""
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "reportgen", "build", str(PERFORMANCE["lieshan-2023"]),
                             "-o", str(tmp_path / "out"), "-f", "md,pdf"], capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert "libreoffice-writer-nogui" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
