"""The HTML writer: one self-contained page, checked as a reader sees it in a real browser.

Every case (the 决算 and 绩效 examples, the synthetic document) is written as its page and
opened in headless Chromium at a phone's width (375 px) and a desktop's (1280 px), each page in
a frame of that width, all frames in one browser run: no page is wider than its frame (a wide
table scrolls inside its own box), every table and every chart is there and drawn, and no
amount in a cell is broken across lines. Without Chromium the browser tests are skipped, except
under CI.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from reportgen.document.nodes import Cell, Document, Figure, Paragraph, Series, Table
from reportgen.writers import get_writer
from reportgen.writers.html import render

from rendering import CASE_NAMES, cases

WIDTHS = (375, 1280)
PAGES = [name for name in CASE_NAMES if name != "synthetic_large"]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed")
        pytest.skip("chromium is not installed")
    return found


# Runs in the harness once every frame has loaded: what each page shows at its frame's width.
_PROBE = """
<script>
window.addEventListener('load', () => {
  const out = [];
  for (const frame of document.querySelectorAll('iframe')) {
    const doc = frame.contentDocument, root = doc.documentElement, width = root.clientWidth;
    const outside = [...doc.querySelectorAll('article *')]
      .filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > width + 1)
      .map(e => e.tagName + '.' + e.className).slice(0, 5);
    const broken = [...doc.querySelectorAll('td.nowrap')].filter(td => {
      const range = doc.createRange(); range.selectNodeContents(td);
      return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
    }).map(td => td.textContent).slice(0, 5);
    out.push({name: frame.dataset.name, frame: Number(frame.dataset.width), width: width, scrollWidth: root.scrollWidth,
      outside: outside, broken: broken,
      tables: doc.querySelectorAll('table').length,
      charts: [...doc.querySelectorAll('figure svg')].filter(s => s.getBoundingClientRect().width > 100).length,
      external: [...doc.querySelectorAll('[src],[href]')].map(e => e.getAttribute('src') || e.getAttribute('href'))
        .filter(u => !u.startsWith('#')).length});
  }
  document.body.setAttribute('data-probe', JSON.stringify(out));
});
</script>
"""


@pytest.fixture(scope="module")
def probed(tmp_path_factory) -> dict[tuple[str, int], dict]:
    """Each page at each width, as the browser laid it out."""
    browser = _chromium()
    work = tmp_path_factory.mktemp("html")
    frames = []
    for name, (document, _) in cases().items():
        if name not in PAGES:
            continue
        (work / f"{name}.html").write_text(render(document), encoding="utf-8")
        frames += [f'<iframe data-name="{name}" data-width="{w}" src="{name}.html"'
                   f' style="width:{w}px;height:800px;border:0"></iframe>' for w in WIDTHS]
    harness = work / "harness.html"
    harness.write_text(f"<!DOCTYPE html><html><body>{''.join(frames)}{_PROBE}</body></html>", encoding="utf-8")
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--hide-scrollbars",
                           "--allow-file-access-from-files", "--virtual-time-budget=20000", "--dump-dom",
                           harness.as_uri()], capture_output=True, text=True, timeout=180)
    found = re.search(r'data-probe="([^"]*)"', done.stdout)
    assert found, done.stderr[-2000:]
    results = json.loads(found[1].replace("&quot;", '"').replace("&amp;", "&"))
    # "width" is the page's own width (the frame's, less a scrollbar where the browser draws one).
    return {(r["name"], r["frame"]): r for r in results}


def _expected(name: str) -> tuple[int, int]:
    document = cases()[name][0]
    tables = sum(1 for b in document.blocks if isinstance(b, Table))
    charts = sum(1 for b in document.blocks if isinstance(b, Figure) and not b.is_empty)
    return tables, charts


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_the_page_fits_its_width_and_shows_every_table_and_chart(probed, name, width):
    page = probed[name, width]
    assert page["scrollWidth"] <= page["width"], page
    assert not page["outside"], page["outside"]
    assert (page["tables"], page["charts"]) == _expected(name)
    assert not page["broken"], page["broken"]
    assert page["external"] == 0


class _Outline(HTMLParser):
    """The page's tags in order, with their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def outline(html: str) -> list[tuple[str, dict]]:
    parser = _Outline()
    parser.feed(html)
    return parser.tags


def test_the_writer_is_registered_and_writes_one_file():
    document = Document("测试", (Paragraph("正文。"),))
    files = get_writer("html")(document, "单位")
    assert list(files) == ["单位.html"]
    text = files["单位.html"].decode("utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in text


def test_nothing_is_fetched_from_outside_and_there_is_no_script():
    for name in PAGES:
        html = render(cases()[name][0])
        tags = outline(html)
        assert not [t for t, a in tags if t in ("script", "link", "img", "iframe", "object")], name
        assert not [a for _, a in tags if any(str(v).startswith(("http:", "https:", "//")) for k, v in a.items()
                                               if k in ("src", "href"))], name
        assert "@import" not in html and "url(" not in html


def test_merged_cells_keep_their_spans_and_header_rows_are_th():
    table = Table("表", header=((Cell("项目", rowspan=2), Cell("本年支出", colspan=2)),
                                (Cell("基本支出"), Cell("项目支出"))),
                  body=((Cell("合计"), Cell("1.00", align="right"), Cell("2.00", align="right")),
                        (Cell("一级指标"), Cell("分值"), Cell("得分")),
                        (Cell("产出"), Cell("10"), Cell("9.5"))),
                  heading_rows=(1,))
    html = render(Document("t", (table,)))
    rows = re.findall(r"<tr>(.*?)</tr>", html)
    assert rows[0] == '<th rowspan="2">项目</th><th colspan="2" scope="col">本年支出</th>'
    assert rows[1] == '<th scope="col">基本支出</th><th scope="col">项目支出</th>'
    assert rows[2] == '<td>合计</td><td class="right nowrap">1.00</td><td class="right nowrap">2.00</td>'
    assert rows[3].startswith('<th scope="col">一级指标</th>')  # a form's column headings
    assert html.count("<thead>") == 1 and '<table border="1">' in html


def test_charts_are_inline_svg_with_their_caption_and_unique_ids():
    def bars(label):
        return Figure("bar", "变动情况图", ("收入总计",), (Series("2023年", (1,), ("1.00",)),), label=label)
    one_slice = Figure("pie", "收入结构图", ("甲", "乙"), (Series("决算数", (5, 0), ("100%", "0%")),))
    html = render(Document("t", (bars("图1"), bars("图2"), one_slice)))
    assert html.count("<svg") == 2 and "<?xml" not in html
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert re.findall(r"<figcaption>(.*?)</figcaption>", html) == ["图1 变动情况图", "图2 变动情况图"]
    assert "收入结构图" not in html  # a pie of one slice is not drawn: its sentence says it all


def test_a_sign_off_line_keeps_each_item_whole():
    table = Table("表", header=(), body=((Cell("a"),),), notes=("填表人：张三　　联系电话：8829998",))
    html = render(Document("t", (table,)))
    assert '<span>填表人：张三</span>　　<span>联系电话：8829998</span>' in html


def test_text_is_escaped():
    html = render(Document("A&B <c>", (Paragraph('“三公”<经费> & "x"'),)))
    assert "<title>A&amp;B &lt;c&gt;</title>" in html
    assert "“三公”&lt;经费&gt; &amp; &quot;x&quot;" in html
