"""The DOCX writer's layout decisions, without a client: the grid and its 28 characters, styles
that keep annexes out of the 目录, widths from content, tables kept whole or with a tail,
landscape page numbers, the theme part and the document's own dates."""

from __future__ import annotations

import datetime
import io
import zipfile
from decimal import Decimal

import pytest
from lxml import etree

from reportgen.document.nodes import (
    Cell, Cover, Document, Figure, Heading, PageBreak, Paragraph, Series, Table, TableOfContents,
)
from reportgen.writers.docx import build
from reportgen.writers.docx.charts import chart_lines, chart_size
from reportgen.writers.docx.measure import break_cell, break_lines, tokens, width
from reportgen.writers.docx.page import text_width
from reportgen.writers.docx.paging import Pager, metrics, text_area
from reportgen.writers.docx.sample import budget_table
from reportgen.writers.docx.tables import item_lines, keep_rows, segments
from reportgen.writers.docx.widths import column_widths, minimum_widths, table_style

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def body(*blocks, **kw) -> etree._Element:
    return part(build(Document("测试", tuple(blocks), **kw)), "word/document.xml").find("w:body", NS)


def styles_of(element) -> list[str]:
    return [p.find("w:pPr/w:pStyle", NS).get(W + "val") for p in element.findall("w:p", NS)
            if p.find("w:pPr/w:pStyle", NS) is not None]


# --- the grid: 28 characters, 22 lines ------------------------------------------------------


def test_a_line_of_body_text_holds_28_hanzi_and_a_page_22_lines():
    m = metrics("Normal")
    width_pt, height_pt = text_area(False)
    lines = break_lines("汉" * 100, m.size, width_pt, 0.0, m.tracking)
    assert [len(line) for line in lines] == [28, 28, 28, 16]
    assert len(break_lines("汉" * 100, m.size, width_pt, m.first_line, m.tracking)[0]) == 26
    assert int(height_pt // m.line) == 22


def test_commas_hang_in_the_margin_and_other_closing_marks_take_a_hanzi_down():
    lines = break_lines("汉" * 28 + "，后", 16, 442.25, 0.0, -0.3)
    assert lines == ("汉" * 28 + "，", "后")
    lines = break_lines("汉" * 27 + "（款）后", 16, 442.25, 0.0, -0.3)
    assert lines[0] == "汉" * 27 and lines[1].startswith("（款）")


def test_numbers_units_brackets_and_short_labels_are_tokens():
    assert tokens("支出12,426.736万元，占99.90%") == ["支", "出", "12,426.736万元，", "占", "99.90%"]
    assert tokens("≤300000") == ["≤300000"]
    assert tokens("部门名称") == ["部门名称"]
    assert "（万元）" in tokens("项目资金（万元）")


def test_a_wrapping_cell_breaks_between_tokens_in_balanced_lines():
    assert break_cell("居保参保人数大于等于45万人", 10.5, 60) == ("居保参保人", "数大于等于", "45万人")
    assert break_cell("单位负责人签字", 10.5, 50)[0] == "单位负"


# --- the 目录 and annexes ---------------------------------------------------------------------


def annexed() -> tuple:
    return (Cover("2023年度××部门决算"), TableOfContents(lines=("公开时间：2024年10月24日",)), PageBreak(),
            Heading(1, "附件", "第四部分"), Paragraph("附件1", align="left", indent=False),
            Heading(1, "部门整体支出绩效自评报告"), Heading(2, "项目概况", "一、"), Heading(3, "实施情况", "（一）"),
            PageBreak(), Heading(1, "附表", "第五部分"), Heading(2, "收入决算表", "一、"))


def test_annex_headings_take_styles_without_outline_levels():
    element = body(*annexed())
    assert styles_of(element)[-7:] == ["Heading1", "AnnexLabel", "AnnexTitle", "Heading2Annex", "Heading3Annex",
                                       "Heading1", "Heading2"]
    styles = part(build(Document("t", annexed())), "word/styles.xml")
    for style_id in ("AnnexTitle", "Heading2Annex", "Heading3Annex"):
        style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        assert style.find("w:pPr/w:outlineLvl", NS).get(W + "val") == "9"  # body text: no 目录 lists it
    label = styles.find("w:style[@w:styleId='AnnexLabel']", NS)
    assert label.find("w:rPr/w:rFonts", NS).get(W + "eastAsia") == "黑体"


def test_without_a_toc_the_headings_of_a_report_keep_their_outline():
    blocks = (Heading(1, "部门整体支出绩效自评报告"), Heading(2, "项目概况", "一、"))
    assert styles_of(body(*blocks)) == ["AnnexTitle", "Heading2"]


def test_the_publication_date_stands_between_the_toc_title_and_its_entries():
    element = body(*annexed())
    kinds = styles_of(element)
    start = kinds.index("TOCHeading")
    assert kinds[start:start + 3] == ["TOCHeading", "TOCNote", "TOC1"]
    notes = element.xpath("w:p[w:pPr/w:pStyle/@w:val='TOCNote']", namespaces=NS)
    assert "".join(notes[0].itertext()) == "公开时间：2024年10月24日"


# --- tables -------------------------------------------------------------------------------------


def test_no_column_is_narrower_than_its_longest_unbreakable_piece():
    table = Table("表", header=((Cell("权重"), Cell("度量单位"), Cell("指标值"), Cell("偏差原因分析及改进措施")),),
                  body=((Cell("5"), Cell("万元"), Cell("≤300000"), Cell("无")),), widths=(1, 1, 1, 12))
    widths = column_widths(table, 6000)
    need = minimum_widths(table)
    assert sum(widths) == 6000 and all(w >= n for w, n in zip(widths, need))
    assert need[2] >= (width("≤300000", 10.5) + 5.7) * 20


def test_a_column_of_short_figures_leaves_room_to_one_of_long_texts():
    table = Table("表", header=((Cell("三级指标"), Cell("指标值")),),
                  body=((Cell("金保工程网络运行日常维护完成率"), Cell("100")),), widths=(1, 3))
    narrow, wide = column_widths(table, 3000)
    assert wide < (width("指标值", 10.5) + 12) * 20  # no more than its longest text needs
    assert narrow > wide


def test_a_table_too_narrow_for_its_labels_at_5hao_is_set_in_xiao5():
    cells = tuple(Cell("一级指标") for _ in range(9))
    table = Table("表", header=(cells,), body=())
    assert table_style(table, text_width())[0] == "TableTextSmall"
    assert table_style(table, text_width(landscape=True))[0] == "TableText"
    element = body(table)
    assert {p.get(W + "val") for p in element.iter(W + "pStyle")} >= {"TableTextSmall"}


def _keeps(tbl) -> list[bool]:
    return [r.find(".//w:pPr/w:keepNext", NS) is not None for r in tbl.findall("w:tr", NS)]


def test_a_table_that_fits_on_a_page_keeps_every_row_with_the_next():
    tbl = body(budget_table("表", "公开01表", rows=3)).find("w:tbl", NS)
    assert _keeps(tbl) == [True] * 5 + [False]


def test_a_long_table_keeps_its_header_with_a_row_and_its_last_three_rows_together():
    tbl = body(budget_table("表", "公开01表", rows=60)).find("w:tbl", NS)
    keeps = _keeps(tbl)
    assert keeps[:3] == [True, True, False] and keeps[-3:] == [True, True, False]
    assert sum(keeps) == 4
    assert sorted(keep_rows(10, 2, False)) == [0, 1, 7, 8]


def test_heading_rows_start_a_part_that_repeats_them():
    rows = tuple((Cell(f"行{i}"), Cell(str(i))) for i in range(8))
    table = Table("表", header=((Cell("项目"), Cell("金额")),), body=rows, heading_rows=(3,))
    assert segments(table) == [(0, 4, 1), (4, 9, 1)]
    tables = body(table).findall("w:tbl", NS)
    assert len(tables) == 2
    heads = [[r.find("w:trPr/w:tblHeader", NS) is not None for r in t.findall("w:tr", NS)] for t in tables]
    assert heads == [[True, False, False, False], [True, False, False, False, False]]
    spanning = Table("表", header=(), body=((Cell("甲", rowspan=3), Cell("1")), (Cell("2"),), (Cell("3"),)),
                     heading_rows=(1,))
    assert segments(spanning) == [(0, 3, 0)]  # a rowspan across the heading row: one part


def test_a_sign_off_line_breaks_only_between_its_items():
    line = "填表人：刘巧玲　　填报日期：2025-04-17　　联系电话：8829998　　单位负责人签字：刘晶晶"
    assert item_lines(line, 600, 12) == line  # it fits: unchanged
    broken = item_lines(line, 400, 12).split("\n")
    assert broken == ["填表人：刘巧玲　　填报日期：2025-04-17　　联系电话：8829998", "单位负责人签字：刘晶晶"]


def test_the_page_estimate_moves_a_heading_chain_with_a_small_table_and_cuts_a_tall_one():
    pager = Pager()
    for _ in range(18):
        pager.paragraph("Normal", "汉" * 20)
    title = pager.paragraph("TableTitle", "表")
    pager.table([19.85] * 10, 1, whole=True)
    assert pager.page_of(title) == 2 and not pager.cuts
    pager = Pager()
    part = pager.paragraph("Heading1", "附表", keep_next=True)
    heading = pager.paragraph("Heading2", "一、收入支出决算总表")
    pager.table([19.85] * 29, 2, whole=True)
    assert pager.cuts == [heading] and pager.page_of(part) == 1 and pager.page_of(heading) == 2


# --- charts, pages, package -------------------------------------------------------------------


def test_charts_are_sized_to_their_content_on_whole_grid_lines():
    bars = Figure("bar", "变动情况图", ("收入总计", "支出总计"), (Series("2023年", (Decimal(1), Decimal(2))),))
    pie = Figure("pie", "结构图", tuple("甲乙丙丁"), (Series("决算数", tuple(map(Decimal, "1234"))),))
    assert (chart_lines(bars), chart_lines(pie)) == (6, 7)
    cx, cy = chart_size(bars)
    assert cx == 140 * 36000 and cy / 12700 < 6 * 28.95  # inside its six lines
    element = body(bars)
    assert element.find(".//{*}docPr").get("descr") == "变动情况图"


def test_landscape_pages_number_along_their_left_edge_turned_for_an_upright_reader():
    data = build(Document("t", (Paragraph("前"), budget_table("宽表", "", rows=1, landscape=True))))
    sections = list(part(data, "word/document.xml").iter(W + "sectPr"))
    refs = [{r.get(W + "type"): r.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
             for r in s.findall("w:footerReference", NS)} for s in sections]
    assert refs[0] == {"even": "rIdFooterEven", "default": "rIdFooter"}
    assert refs[1] == {"even": "rIdFooterWideEven", "default": "rIdFooterWide"}
    odd, even = part(data, "word/footer4.xml"), part(data, "word/footer5.xml")
    for footer in (odd, even):
        assert footer.find(".//w:textDirection", NS).get(W + "val") == "tbRl"
        where = footer.find(".//w:tblpPr", NS)
        assert (where.get(W + "horzAnchor"), where.get(W + "vertAnchor")) == ("page", "page")
        assert int(where.get(W + "tblpX")) < 35 * 1440 / 25.4  # in the left margin (the upright foot)
        assert "PAGE" in "".join(footer.itertext())
    y = [int(f.find(".//w:tblpPr", NS).get(W + "tblpY")) for f in (odd, even)]
    assert y[0] > 210 / 2 * 1440 / 25.4 > y[1]  # odd: the upright right (lower half); even: upper half


def test_the_package_has_a_theme_with_the_gongwen_fonts():
    data = build(Document("t", (Paragraph("正文。"),)))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
    assert "word/theme/theme1.xml" in names and "theme+xml" in types and "theme/theme1.xml" in rels
    theme = part(data, "word/theme/theme1.xml")
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    assert theme.find(f".//{a}minorFont/{a}ea").get("typeface") == "仿宋_GB2312"
    assert theme.find(f".//{a}majorFont/{a}ea").get("typeface") == "黑体"


def test_core_dates_are_the_documents_own(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = build(Document("t", (Paragraph("正文。"),), date=datetime.date(2024, 10, 24)))
    core = part(data, "docProps/core.xml")
    stamps = {el.tag.rsplit("}", 1)[1]: el.text for el in core if el.tag.endswith(("created", "modified"))}
    assert stamps == {"created": "2024-10-24T00:00:00Z", "modified": "2024-10-24T00:00:00Z"}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2024, 10, 24, 0, 0, 0)}


@pytest.mark.parametrize("year, published, expected", [
    (2023, datetime.date(2024, 9, 30), datetime.date(2024, 9, 30)),
    (2023, None, datetime.date(2023, 12, 31)),
])
def test_the_run_dates_a_document_by_its_publication_or_its_year(year, published, expected):
    from types import SimpleNamespace

    from reportgen.run import document_date

    unit = SimpleNamespace(报告年度=year, 公开时间=published)
    assert document_date(SimpleNamespace(单位=unit)) == expected


def test_a_pie_of_one_slice_prints_nothing_in_the_docx():
    pie = Figure("pie", "收入决算结构图", ("甲", "乙"), (Series("决算数", (Decimal(5), Decimal(0))),))
    element = body(Paragraph("本年收入合计5万元，其中：甲5万元，占100%。"), pie)
    assert element.find(".//w:drawing", NS) is None
    assert len(element.findall("w:p", NS)) == 1
