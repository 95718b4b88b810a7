"""Every document the LibreOffice tests read, converted once per test session.

LibreOffice's start-up is most of a conversion's time, so all documents go through one run of
the PDF writer's converter (reportgen.writers.pdf.convert: the 目录 updated, then exported),
which also reports the page of every table cell. Without LibreOffice the tests that need it are
skipped, except under CI (CI set), where a missing client is a failure.
"""

from __future__ import annotations

import atexit
import html
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from reportgen.document.grid import walk
from reportgen.document.nodes import Document, Table
from reportgen.run import build as build_data
from reportgen.writers.docx import build
from reportgen.writers.docx.sample import large_document, sentence, synthetic_document

from examples import EXAMPLES, IDS, ROOT, built, markdown

#: The 绩效 examples: documents of forms, no 目录.
PERFORMANCE = {
    "taojiang-2024": ROOT / "data/examples/桃江县社会保险服务中心-2024-绩效评价.yaml",
    "lieshan-2023": ROOT / "data/examples/烈山区-2023-项目绩效自评.yaml",
    "quxian-performance-2023": ROOT / "data/examples/渠县城乡居民社会养老保险管理局-2023-绩效自评.yaml",
}
SICHUAN_HEADINGS = ("一、收入支出决算总体情况说明", "二、收入决算情况说明", "五、一般公共预算财政拨款支出决算情况说明")
#: Per 决算 example: headings the PDF must carry and a marker of sentences it must carry.
_WANTED = {
    "quxian-2023": (SICHUAN_HEADINGS, "收、支总计均为"),
    "panzhihua-2023": (SICHUAN_HEADINGS, "收、支总计均为"),
    "haiyuan-2023": (("第二部分 2023年度部门决算表", "一、收入支出决算总表", "十三、项目绩效评价情况说明"), "收、支总计"),
    "kaizhou-2023": (("一、部门基本情况", "（一）收入支出决算总体情况说明", "三、专业名词解释"), "总体情况。"),
    "guangshui-2023": (("第二部分 广水市白泉卫生院2023年度部门决算表", "九、财政拨款“三公”经费支出决算表",
                        "十三、预算绩效情况说明"), "收、支总计均为"),
}


def _synthetic() -> tuple[Document, tuple[str, ...]]:
    return synthetic_document(), (
        "2023年度××区社会保险事务中心部门决算", "公开时间：2024年10月24日", "第一部分 部门概况",
        "（一）总体情况", sentence(2, 2), "图1 收、支决算总计变动情况图",
        "本单位2023年度无政府性基金预算财政拨款支出。", "东区社会保险事务中心2023年度部门整体支出绩效自评报告",
        "支出决算表1", "公开03表", "金额单位：万元", "注：本表反映部门本年度财政拨款支出情况。",
        "本单位无国有资本经营预算财政拨款收支，故本表为空表。")


def _example(name: str) -> tuple[Document, tuple[str, ...]]:
    wanted, marker = _WANTED[IDS[name]]
    sentences = [line for line in markdown(name).splitlines() if marker in line]
    return built(name).document, (*wanted, *sentences)


def _performance(case: str) -> tuple[Document, tuple[str, ...]]:
    document = build_data(PERFORMANCE[case]).document
    titles = tuple(b.title for b in document.blocks if isinstance(b, Table) and b.title)
    return document, titles


@cache
def cases() -> dict[str, tuple[Document, tuple[str, ...]]]:
    """Each case: its Document and sentences its PDF must contain."""
    found = {"synthetic": _synthetic(),
             "synthetic_large": (large_document(), ("第五部分 附表", "支出决算表13", "公开15表", "行政运行十"))}
    found.update({IDS[name]: _example(name) for name in EXAMPLES})
    found.update({case: _performance(case) for case in PERFORMANCE})
    return found


CASE_NAMES = ("synthetic", "synthetic_large", *(IDS[name] for name in EXAMPLES), *PERFORMANCE)


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (libreoffice-writer-nogui, poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@dataclass
class Rendered:
    name: str
    document: Document
    sentences: tuple[str, ...]
    docx: bytes
    pdf: Path
    report: str

    def pages(self) -> list[str]:
        """The text of each page, as pdftotext reads it."""
        out = subprocess.run([tool("pdftotext"), "-enc", "UTF-8", str(self.pdf), "-"],
                             capture_output=True, text=True, check=True, timeout=120).stdout
        return out.split("\f")[:-1]

    def layout_pages(self) -> list[str]:
        """Each page's text with its layout kept (-layout), for the 目录's dot leaders."""
        out = subprocess.run([tool("pdftotext"), "-layout", "-enc", "UTF-8", str(self.pdf), "-"],
                             capture_output=True, text=True, check=True, timeout=120).stdout
        return out.split("\f")[:-1]

    def lines(self, page: int) -> list[tuple[float, float, float, float, str]]:
        """The text lines of a page (1-based) as (top, bottom, left, right, text without
        spaces), in points, from the words pdftotext places."""
        out = subprocess.run([tool("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(self.pdf), "-"],
                             capture_output=True, text=True, check=True, timeout=120).stdout
        rows: dict[int, list[tuple[float, float, float, str]]] = {}
        for x0, top, x1, bottom, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out):
            rows.setdefault(round(float(bottom)), []).append((float(x0), float(x1), float(top), html.unescape(word)))
        return [(min(w[2] for w in words), float(bottom), min(w[0] for w in words), max(w[1] for w in words),
                 "".join(w[3] for w in sorted(words)))
                for bottom, words in sorted(rows.items())]

    def pixels(self, page: int, top: float, bottom: float) -> tuple[int, int, bytes]:
        """(width, height, RGB bytes) of a band of a page, at 72 dpi (one pixel a point)."""
        band = self.pdf.parent / f"{self.pdf.stem}-band"
        subprocess.run([tool("pdftoppm"), "-r", "72", "-f", str(page), "-l", str(page), "-singlefile",
                        "-y", str(int(top)), "-H", str(int(bottom - top)), "-W", "595", str(self.pdf), str(band)],
                       check=True, timeout=120)
        data = band.with_suffix(".ppm").read_bytes()
        magic, width, height, depth, rest = data.split(maxsplit=4)
        assert (magic, depth) == (b"P6", b"255")
        return int(width), int(height), rest

    def sizes(self) -> list[tuple[float, float]]:
        """(width, height) in points of each page."""
        out = subprocess.run([tool("pdfinfo"), "-f", "1", "-l", "100000", str(self.pdf)],
                             capture_output=True, text=True, check=True, timeout=120).stdout
        return [(float(w), float(h)) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", out)]

    def table_pages(self) -> list[list[int]]:
        """For each table in document order, the page of each of its rows (where the row's
        first cell starts), from LibreOffice's layout report."""
        tables = []
        for cells in self.cell_pages():
            rows: dict[int, int] = {}
            for where, page in cells.items():
                row = int(re.match(r"[A-Z]+(\d+)", where).group(1))
                rows[row] = min(rows.get(row, 10**6), page)
            tables.append([rows[r] for r in sorted(rows)])
        return tables

    def cell_pages(self) -> list[dict[str, int]]:
        """For each table in document order, the page of each cell by LibreOffice's name (A1…)."""
        return [{where: int(page) for where, page in (c.rsplit(":", 1) for c in line.split()[1:])}
                for line in self.report.splitlines()]


def squeeze(text: str) -> str:
    """pdftotext breaks lines and puts spaces between Chinese and digits: compare without them."""
    return re.sub(r"\s+", "", text)


@cache
def _all() -> dict[str, Rendered]:
    from reportgen.writers.pdf import convert

    tool("soffice")
    fonts = subprocess.run(["fc-list"], capture_output=True, text=True).stdout if shutil.which("fc-list") else ""
    for family, package in (("Noto Serif CJK SC", "fonts-noto-cjk"), ("Liberation Serif", "fonts-liberation2")):
        # The page estimate assumes these metrics (hanzi one em, digits Times New Roman's).
        if family not in fonts:
            message = f"{family} is not installed ({package})"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
    work = Path(tempfile.mkdtemp(prefix="reportgen-pdf-tests-"))
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    documents = cases()
    docx = {name: build(document) for name, (document, _) in documents.items()}
    converted = convert(docx, report=True)
    out = {}
    for name, (document, sentences) in documents.items():
        pdf = work / f"{name}.pdf"
        pdf.write_bytes(converted[name].pdf)
        out[name] = Rendered(name, document, sentences, docx[name], pdf, converted[name].report)
    return out


def rendered(name: str) -> Rendered:
    """The case `name` as LibreOffice lays it out (all cases are converted on first use)."""
    return _all()[name]


def grid_tables(document: Document) -> list[Table]:
    """The document's tables as the DOCX holds them: a table split at its heading rows is two
    (or more) tables there (writers/docx/tables.segments), each with its own rows."""
    from dataclasses import replace

    from reportgen.writers.docx.tables import segments

    out = []
    for block in document.blocks:
        if isinstance(block, Table):
            rows = block.header + block.body
            out += [replace(block, header=rows[start:start + header], body=rows[start + header:end], heading_rows=())
                    for start, end, header in segments(block)]
    return out


def grid_cells(table: Table) -> list[list[tuple[int, str]]]:
    """Per row of a table, (index, text) of the cells that start in it; LibreOffice names a
    row's cells A, B, … by that index, which counts a cell spanning columns once and a position
    a cell from above still covers as a cell of its own."""
    return [[(k, s.cell.text) for k, s in enumerate(row) if not s.continued]
            for row in walk(table.header + table.body, table.n_cols, table.title)]
