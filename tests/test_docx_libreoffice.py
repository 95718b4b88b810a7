"""The DOCX in a real client: LibreOffice lays it out, and the PDF is read back.

Each case (tests/rendering.py: synthetic documents, the 决算 examples, the 绩效 examples) is
built once, converted with every other case in one LibreOffice run, and read back here. Without
LibreOffice these tests are skipped, except under CI (CI set), where a missing client is a
failure.
"""

from __future__ import annotations

import io
import math
import re
import zipfile

import pytest

from reportgen.charts import chart_data
from reportgen.charts.data import label_of
from reportgen.document.nodes import Cover, Figure, Heading, Paragraph, Table, TableOfContents
from reportgen.writers.docx.charts import chart_lines

from rendering import CASE_NAMES, Rendered, rendered as rendered_case


@pytest.fixture(scope="module", params=CASE_NAMES)
def rendered(request) -> Rendered:
    return rendered_case(request.param)


def _squeeze(text: str) -> str:
    # pdftotext breaks lines and puts spaces between Chinese and digits: compare without them.
    return re.sub(r"\s+", "", text)


_PAGE_NUMBER = re.compile(r"^\s*—\s*(\d+)\s*—\s*$", re.MULTILINE)


def _body_text(pages: list[str]) -> str:
    """All pages' text without the page numbers, so a paragraph reads on across a break."""
    return _squeeze("".join(_PAGE_NUMBER.sub("", page) for page in pages))


def test_libreoffice_converts_the_docx(rendered):
    assert rendered.pdf.exists() and rendered.pdf.stat().st_size > 1000


def _page_bounds(rendered: Rendered) -> tuple[int, int]:
    """Fewest pages: one per forced page start; most: that plus a generous allowance per
    character of text (a full page holds ~590) and per table row."""
    with zipfile.ZipFile(io.BytesIO(rendered.docx)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    starts = 1 + xml.count("<w:pageBreakBefore/>") + xml.count('w:type="page"')
    starts += xml.count("<w:sectPr>") - 1
    chars = sum(len(b.full_text) for b in rendered.document.blocks
                if isinstance(b, (Paragraph, Heading)))
    rows = sum(len(b.header) + len(b.body) for b in rendered.document.blocks
               if isinstance(b, Table))
    return starts, starts + math.ceil(chars / 300) + math.ceil(rows / 8) + 2


def test_page_count_is_plausible(rendered):
    fewest, most = _page_bounds(rendered)
    assert fewest <= len(rendered.pages()) <= most
    width, height = rendered.sizes()[0]
    assert (round(width), round(height)) == (595, 842)  # A4 upright, in points


def test_pdf_contains_the_sentences(rendered):
    text = _body_text(rendered.pages())
    missing = [s for s in rendered.sentences if _squeeze(s) not in text]
    assert not missing


def test_pages_are_numbered_except_the_cover(rendered):
    pages = rendered.pages()
    numbers = [_PAGE_NUMBER.findall(page) for page in pages]
    has_cover = bool(rendered.document.blocks) and isinstance(rendered.document.blocks[0], Cover)
    expected = [[] if has_cover and i == 1 else [str(i)] for i in range(1, len(pages) + 1)]
    assert numbers == expected


def test_landscape_tables_and_only_they_are_on_landscape_pages(rendered):
    pages = [_squeeze(p) for p in rendered.pages()]
    landscape = [w > h for w, h in rendered.sizes()]
    tables = [b for b in rendered.document.blocks if isinstance(b, Table) and b.title]
    wide_pages = set()
    for table in tables:
        # Title and number on one page: the title alone also stands in the 目录 (the two are not
        # always read out next to each other: a narrow table's number sits at the line's end).
        title, number = _squeeze(table.title), _squeeze(table.number)
        page = next((i for i, text in enumerate(pages) if title in text and number in text), None)
        assert page is not None, f"table not found in the PDF: {table.title}{table.number}"
        assert landscape[page] == table.landscape, table.title
        if table.landscape:
            wide_pages.add(page)
    # Any other landscape page continues a landscape table from the page before.
    for i, wide in enumerate(landscape):
        assert not wide or i in wide_pages or (i > 0 and landscape[i - 1]), f"page {i + 1}"


def test_toc_lists_every_heading_up_to_its_depth(rendered):
    tocs = [b for b in rendered.document.blocks if isinstance(b, TableOfContents)]
    if not tocs:
        pytest.skip("this document has no 目录")
    text = _body_text(rendered.pages())
    for _, heading in rendered.document.toc_listing(tocs[0].depth):
        # Once in the 目录, once where the heading stands.
        assert text.count(_squeeze(heading.full_text)) >= 2, heading.full_text


def _cached_toc_pages(docx_bytes: bytes) -> list[int]:
    """The page numbers the writer wrote into the 目录 (PAGEREF results), in order."""
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    pattern = (r'PAGEREF _Toc\d+ \\h </w:instrText></w:r>'
               r'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>(\d+)</w:t>')
    return [int(n) for n in re.findall(pattern, xml)]


def test_toc_page_numbers_are_where_the_headings_are(rendered):
    """A client that does not update the 目录 prints the numbers cached in it: each is the page
    its heading stands on, exactly."""
    tocs = [b for b in rendered.document.blocks if isinstance(b, TableOfContents)]
    if not tocs:
        pytest.skip("this document has no 目录")
    pages = [_squeeze(p) for p in rendered.pages()]
    headings = [h for _, h in rendered.document.toc_listing(tocs[0].depth)]
    cached = _cached_toc_pages(rendered.docx)
    assert len(cached) == len(headings)
    # Search forward from the page after the 目录 title, so entries of the 目录 don't count.
    cursor = next(i for i, text in enumerate(pages) if _squeeze(tocs[0].title) in text) + 1
    actual = []
    for heading in headings:
        text = _squeeze(heading.full_text)
        cursor = next(i for i in range(cursor, len(pages)) if text in pages[i])
        actual.append(cursor + 1)
    off = [(h.full_text, a, c) for h, a, c in zip(headings, actual, cached) if a != c]
    assert not off, off


def _coloured(rgb: bytes) -> int:
    """How many pixels are clearly coloured (bars, slices): text and grid lines are grey."""
    return sum(1 for i in range(0, len(rgb) - 2, 3) if max(rgb[i:i + 3]) - min(rgb[i:i + 3]) > 80)


def test_every_chart_is_drawn_with_its_labels(rendered):
    """Each chart stands on the page of its caption, above it: coloured bars or slices, and
    every label it prints (the text's figures, the categories or series names)."""
    figures = [b for b in rendered.document.blocks if isinstance(b, Figure) and not b.is_empty]
    if not figures:
        pytest.skip("this document has no chart")
    pages = [_squeeze(p) for p in rendered.pages()]
    for figure in figures:
        caption = _squeeze(f"{figure.label} {figure.title}")
        page = next(i for i, text in enumerate(pages, 1) if caption in text)
        lines = rendered.lines(page)
        top_of_caption = next(top for top, _, _, _, text in lines if text == caption)
        # The caption's glyphs sit ~10 pt below its line's top; the chart fills its grid lines.
        band_top = max(top_of_caption - chart_lines(figure) * 28.95 - 14, 0)
        chart_text = "".join(text for top, bottom, _, _, text in lines
                             if top >= band_top and bottom <= top_of_caption)
        data = chart_data(figure)
        wanted = [label_of(s, i) for s in data.series for i in range(len(s.values))]
        wanted += list(data.categories)
        wanted += [s.name for s in data.series] if figure.kind == "bar" else []
        missing = [w for w in wanted if _squeeze(w) not in chart_text]
        assert not missing, (figure.label, missing, chart_text)
        width, height, rgb = rendered.pixels(page, band_top, top_of_caption)
        assert _coloured(rgb) > 0.02 * width * height, (figure.label, "no bars or slices drawn")
