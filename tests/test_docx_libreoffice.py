"""The DOCX in a real client: LibreOffice converts it to PDF, and the PDF is read back.

Each case is (name, Document, sentences the PDF must contain). To check another document, add
it to CASES. Without LibreOffice these tests are skipped, except under CI (CI set), where a
missing client is a failure.
"""

from __future__ import annotations

import html
import io
import math
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from reportgen.charts import chart_data, size_emu
from reportgen.charts.data import label_of
from reportgen.document.nodes import Cover, Document, Figure, Heading, Paragraph, Table, TableOfContents
from reportgen.writers.docx import build
from reportgen.writers.docx.sample import large_document, sentence, synthetic_document

Case = tuple[Document, tuple[str, ...]]


def synthetic_case() -> Case:
    document = synthetic_document()
    return document, (
        "2023年度××区社会保险事务中心部门决算",
        "公开时间：2024年10月24日",
        "第一部分 部门概况",
        "（一）总体情况",
        sentence(2, 2),  # a paragraph long enough to wrap over several lines
        "图1 收、支决算总计变动情况图",
        "本单位2023年度无政府性基金预算财政拨款支出。",
        "东区社会保险事务中心2023年度部门整体支出绩效自评报告",
        "支出决算表1",
        "公开03表",
        "金额单位：万元",
        "注：本表反映部门本年度财政拨款支出情况。",
        "本单位无国有资本经营预算财政拨款收支，故本表为空表。",
    )


def large_case() -> Case:
    """About 100 pages: long runs of text and tables over several pages test the 目录's pages."""
    document = large_document()
    return document, ("第五部分 附表", "支出决算表13", "公开15表", "行政运行十")


SICHUAN_HEADINGS = ("一、收入支出决算总体情况说明", "二、收入决算情况说明", "五、一般公共预算财政拨款支出决算情况说明")


def example_case(name: str, wanted: tuple[str, ...] = SICHUAN_HEADINGS, marker: str = "收、支总计均为"
                 ) -> Callable[[], Case]:
    """A bundled example: the PDF must carry its headings and its 收支总计 sentences (as the Markdown has them)."""

    def case() -> Case:
        from examples import built, markdown

        sentences = [line for line in markdown(name).splitlines() if marker in line]
        return built(name).document, (*wanted, *sentences)

    return case


CASES: dict[str, Callable[[], Case]] = {
    "synthetic": synthetic_case,
    "synthetic_large": large_case,
    "quxian-2023": example_case("渠县城乡居民社会养老保险管理局-2023"),
    "panzhihua-2023": example_case("攀枝花市东区社会保险事务中心-2023"),
    "haiyuan-2023": example_case("海原县高崖乡卫生院-2023", (
        "第二部分 2023年度部门决算表", "一、收入支出决算总表", "十三、项目绩效评价情况说明"), "收、支总计"),
    "kaizhou-2023": example_case("开州区南雅镇中心幼儿园-2023", (
        "一、部门基本情况", "（一）收入支出决算总体情况说明", "三、专业名词解释"), "总体情况。"),
}


@pytest.fixture(scope="module", params=sorted(CASES))
def docx_cases(request) -> tuple[str, Document, tuple[str, ...]]:
    document, sentences = CASES[request.param]()
    return request.param, document, sentences


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (libreoffice-writer-nogui, poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


# The 公文 fonts are rarely installed on Linux; alias them to Noto CJK (serif for 仿宋, 楷体 and
# 小标宋, sans for 黑体) so that page layout resembles the real thing.
_FONT_ALIASES = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
{aliases}
</fontconfig>
"""
_ALIAS = '  <alias binding="same"><family>{0}</family><prefer><family>{1}</family></prefer></alias>'
_SERIF = ("仿宋_GB2312", "楷体_GB2312", "方正小标宋简体", "宋体")


def _font_config(directory: Path) -> dict[str, str]:
    if not Path("/etc/fonts/fonts.conf").exists():
        return {}
    aliases = [_ALIAS.format(f, "Noto Serif CJK SC") for f in _SERIF]
    aliases.append(_ALIAS.format("黑体", "Noto Sans CJK SC"))
    config = directory / "fonts.conf"
    config.write_text(_FONT_ALIASES.format(aliases="\n".join(aliases)), encoding="utf-8")
    return {"FONTCONFIG_FILE": str(config)}


@dataclass
class Rendered:
    name: str
    document: Document
    sentences: tuple[str, ...]
    docx: bytes
    pdf: Path
    conversion: subprocess.CompletedProcess

    def pages(self) -> list[str]:
        """The text of each page, as pdftotext reads it."""
        out = subprocess.run([_tool("pdftotext"), "-enc", "UTF-8", str(self.pdf), "-"],
                             capture_output=True, text=True, check=True, timeout=120).stdout
        return out.split("\f")[:-1]

    def lines(self, page: int) -> list[tuple[float, float, str]]:
        """The text lines of a page (1-based) as (top, bottom, text without spaces), in points
        from the top, from the words pdftotext places."""
        out = subprocess.run([_tool("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(self.pdf), "-"],
                             capture_output=True, text=True, check=True, timeout=120).stdout
        rows: dict[float, list[tuple[float, float, str]]] = {}
        for x, top, bottom, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', out):
            rows.setdefault(round(float(bottom)), []).append((float(x), float(top), html.unescape(word)))
        return [(min(w[1] for w in words), float(bottom), "".join(w[2] for w in sorted(words)))
                for bottom, words in sorted(rows.items())]

    def pixels(self, page: int, top: float, bottom: float) -> tuple[int, int, bytes]:
        """(width, height, RGB bytes) of a band of a page, at 72 dpi (one pixel a point)."""
        band = self.pdf.parent / "band"
        subprocess.run([_tool("pdftoppm"), "-r", "72", "-f", str(page), "-l", str(page), "-singlefile",
                        "-y", str(int(top)), "-H", str(int(bottom - top)), "-W", "595", str(self.pdf), str(band)],
                       check=True, timeout=120)
        data = band.with_suffix(".ppm").read_bytes()
        magic, width, height, depth, rest = data.split(maxsplit=4)
        assert (magic, depth) == (b"P6", b"255")
        return int(width), int(height), rest

    def sizes(self) -> list[tuple[float, float]]:
        """(width, height) in points of each page."""
        out = subprocess.run([_tool("pdfinfo"), "-f", "1", "-l", "100000", str(self.pdf)],
                             capture_output=True, text=True, check=True, timeout=120).stdout
        return [(float(w), float(h))
                for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", out)]


@pytest.fixture(scope="module")
def rendered(docx_cases, tmp_path_factory) -> Rendered:
    soffice = _tool("soffice")
    name, document, sentences = docx_cases
    work = tmp_path_factory.mktemp(f"libreoffice-{name}")
    source = work / f"{name}.docx"
    data = build(document)
    source.write_bytes(data)
    # A private profile per run: concurrent soffice processes sharing one profile collide.
    profile = (work / "profile").as_uri()
    conversion = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(work), str(source)],
        capture_output=True, text=True, timeout=600, env={**os.environ, **_font_config(work)},
    )
    return Rendered(name, document, sentences, data, work / f"{name}.pdf", conversion)


def _squeeze(text: str) -> str:
    # pdftotext breaks lines and puts spaces between Chinese and digits: compare without them.
    return re.sub(r"\s+", "", text)


_PAGE_NUMBER = re.compile(r"^\s*—\s*(\d+)\s*—\s*$", re.MULTILINE)


def _body_text(pages: list[str]) -> str:
    """All pages' text without the page numbers, so a paragraph reads on across a break."""
    return _squeeze("".join(_PAGE_NUMBER.sub("", page) for page in pages))


def test_libreoffice_converts_the_docx(rendered):
    assert rendered.conversion.returncode == 0, rendered.conversion.stderr
    assert rendered.pdf.exists() and rendered.pdf.stat().st_size > 1000, rendered.conversion.stdout


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
    assert rendered.pdf.exists(), rendered.conversion.stderr
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
    """LibreOffice prints the 目录's cached numbers as they are, so they must be right."""
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
    off = [(h.full_text, a, c) for h, a, c in zip(headings, actual, cached) if abs(a - c) > 1]
    assert not off, off


_CHART_HEIGHT_PT = size_emu()[1] / 12700


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
        top_of_caption = next(top for top, _, text in lines if text == caption)
        band_top = max(top_of_caption - _CHART_HEIGHT_PT - 6, 0)
        chart_text = "".join(text for top, bottom, text in lines
                             if top >= band_top and bottom <= top_of_caption)
        data = chart_data(figure)
        wanted = [label_of(s, i) for s in data.series for i in range(len(s.values))]
        wanted += list(data.categories)
        wanted += [s.name for s in data.series] if figure.kind == "bar" else []
        missing = [w for w in wanted if _squeeze(w) not in chart_text]
        assert not missing, (figure.label, missing, chart_text)
        width, height, rgb = rendered.pixels(page, band_top, top_of_caption)
        assert _coloured(rgb) > 0.02 * width * height, (figure.label, "no bars or slices drawn")
