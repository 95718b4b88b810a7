"""DOCX writer: styles, page geometry, tables, sections, 目录, determinism and a snapshot."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt
from lxml import etree

from reportgen.document.nodes import (
    Cell,
    Cover,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Series,
    Table,
    TableOfContents,
)
from reportgen.errors import WriterError
from reportgen.writers import get_writer
from reportgen.writers.docx import build, normalized_document_xml
from reportgen.writers.docx.sample import budget_table, synthetic_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def xml_part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def body(document: Document) -> etree._Element:
    return xml_part(build(document), "word/document.xml").find("w:body", NS)


def val(element, path: str, attr: str = "val"):
    found = element.find(path, NS)
    return None if found is None else found.get(W + attr)


def texts(element) -> str:
    return "".join(element.itertext())


def doc(*blocks) -> Document:
    return Document(title="测试", blocks=tuple(blocks))


@pytest.fixture(scope="module")
def sample_bytes() -> bytes:
    return build(synthetic_document())


# --- styles and page ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style_id", "east_asia", "size"),
    [
        ("Normal", "仿宋_GB2312", 32),
        ("Title", "方正小标宋简体", 44),
        ("Heading1", "黑体", 36),
        ("Heading2", "黑体", None),
        ("Heading3", "楷体_GB2312", None),
        ("Heading4", "仿宋_GB2312", None),
        ("Heading5", "仿宋_GB2312", None),
        ("TOC1", "黑体", None),
        ("Caption", "黑体", 28),
        ("TableTitle", "黑体", 32),
        ("TableGrid", "仿宋_GB2312", 21),
        ("Footer", "宋体", 28),
    ],
)
def test_styles_set_chinese_font_through_east_asia(sample_bytes, style_id, east_asia, size):
    styles = xml_part(sample_bytes, "word/styles.xml")
    style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
    fonts = style.find("w:rPr/w:rFonts", NS)
    assert fonts.get(W + "eastAsia") == east_asia
    latin = "宋体" if style_id == "Footer" else "Times New Roman"
    assert (fonts.get(W + "ascii"), fonts.get(W + "hAnsi")) == (latin, latin)
    assert val(style, "w:rPr/w:sz") == (str(size) if size else None)


def test_body_text_is_3hao_fangsong_28_a_line_22_lines_a_page_with_2_char_indent(sample_bytes):
    normal = docx.Document(io.BytesIO(sample_bytes)).styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.paragraph_format.line_spacing == Pt(28.95)  # 225 mm / 22 lines
    # 3号 set 0.3 pt tight: 28 characters (15.7 pt each) in the 156 mm (442 pt) line.
    styles = xml_part(sample_bytes, "word/styles.xml")
    normal_xml = styles.find("w:style[@w:styleId='Normal']", NS)
    assert val(normal_xml, "w:rPr/w:spacing") == "-6"
    assert 28 * (16 - 0.3) <= 442.2 < 29 * (16 - 0.3)
    assert normal.paragraph_format.first_line_indent == Pt(31.4)  # two of those characters
    grids = xml_part(sample_bytes, "word/document.xml").iter(W + "docGrid")
    assert {(g.get(W + "type"), g.get(W + "linePitch")) for g in grids} == {("lines", "579")}
    headings = {f"Heading{n}": n - 1 for n in range(1, 6)}
    styles = xml_part(sample_bytes, "word/styles.xml")
    for style_id, level in headings.items():
        style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        assert val(style, "w:pPr/w:outlineLvl") == str(level)  # what TOC \o collects


def test_page_is_a4_with_gbt9704_margins(sample_bytes):
    first = docx.Document(io.BytesIO(sample_bytes)).sections[0]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)
    margins = (first.top_margin, first.left_margin, first.bottom_margin, first.right_margin)
    assert [round(m.mm) for m in margins] == [37, 28, 35, 26]


def test_footer_prints_page_number_between_dashes(sample_bytes):
    footer = xml_part(sample_bytes, "word/footer1.xml")
    assert texts(footer) == "—  PAGE 1 —"
    assert val(footer, ".//w:pStyle") == "Footer"


def test_odd_pages_number_at_the_right_and_even_pages_at_the_left_one_char_in(sample_bytes):
    # GB/T 9704: 单页码居右空一字，双页码居左空一字.
    assert xml_part(sample_bytes, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None
    odd, even = xml_part(sample_bytes, "word/footer1.xml"), xml_part(sample_bytes, "word/footer3.xml")
    assert val(odd, ".//w:jc") == "right" and odd.find(".//w:ind", NS).get(W + "right") == "280"
    assert val(even, ".//w:jc") == "left" and even.find(".//w:ind", NS).get(W + "left") == "280"
    assert texts(even) == texts(odd) == "—  PAGE 1 —"


def test_cover_page_has_no_number_and_later_pages_do(sample_bytes):
    sections = docx.Document(io.BytesIO(sample_bytes)).sections
    assert sections[0].different_first_page_header_footer
    assert texts(sections[0].first_page_footer._element) == ""
    assert not any(s.different_first_page_header_footer for s in sections[1:])


def test_without_cover_the_first_page_is_numbered():
    sect = body(doc(Paragraph("正文。"))).find("w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is None
    kinds = sorted(ref.get(W + "type") for ref in sect.findall("w:footerReference", NS))
    assert kinds == ["default", "even"]


# --- tables --------------------------------------------------------------------------------


def rows_of(table_element):
    return table_element.findall("w:tr", NS)


def cell_layout(row) -> list[tuple[str, str | None, str | None]]:
    """(text, gridSpan, vMerge) per w:tc; vMerge "continue" for a continuation cell."""
    out = []
    for tc in row.findall("w:tc", NS):
        merge = tc.find("w:tcPr/w:vMerge", NS)
        merged = None if merge is None else (merge.get(W + "val") or "continue")
        out.append((texts(tc), val(tc, "w:tcPr/w:gridSpan"), merged))
    return out


def test_two_row_header_becomes_grid_spans_and_vertical_merges():
    tbl = body(doc(budget_table("表", "公开01表", rows=1))).find("w:tbl", NS)
    first, second, total, data = rows_of(tbl)
    assert cell_layout(first) == [
        ("科目编码", None, "restart"), ("科目名称", None, "restart"), ("本年支出", "3", None),
        ("年末结转和结余", None, "restart"),
    ]
    assert cell_layout(second) == [
        ("", None, "continue"), ("", None, "continue"), ("合计", None, None),
        ("基本支出", None, None), ("项目支出", None, None), ("", None, "continue"),
    ]
    assert cell_layout(total)[0] == ("合计", "2", None)
    assert len(tbl.findall("w:tblGrid/w:gridCol", NS)) == 6


def test_python_docx_reads_the_merged_header_back():
    data = build(doc(budget_table("表", "公开01表", rows=1)))
    table = docx.Document(io.BytesIO(data)).tables[0]
    assert table.cell(1, 0)._tc is table.cell(0, 0)._tc
    assert [c.text for c in table.rows[0].cells][2:5] == ["本年支出"] * 3


def test_rowspan_in_a_middle_column_and_short_rows_are_laid_out_on_the_grid():
    table = Table("表", header=((Cell("a"), Cell("b", rowspan=3), Cell("c")),),
                  body=((Cell("d"), Cell("e")), (Cell("f"),)))
    layout = [cell_layout(r) for r in rows_of(body(doc(table)).find("w:tbl", NS))]
    assert layout == [
        [("a", None, None), ("b", None, "restart"), ("c", None, None)],
        [("d", None, None), ("", None, "continue"), ("e", None, None)],
        [("f", None, None), ("", None, "continue"), ("", None, None)],  # padded
    ]


@pytest.mark.parametrize(
    "rows",
    [
        ((Cell("a"), Cell("b")), (Cell("c"), Cell("d"), Cell("e"))),  # a row too long
        ((Cell("a", colspan=3), Cell("b")),),  # a span past the edge... of a 2-column grid
        ((Cell("a", rowspan=2), Cell("b")), (Cell("c", colspan=2),)),  # overlaps a rowspan
    ],
)
def test_cells_that_do_not_fit_the_grid_are_reported(rows):
    table = Table("坏表", header=((Cell("x"), Cell("y")),), body=rows)
    with pytest.raises(WriterError, match="坏表"):
        build(doc(table))


def test_widths_that_do_not_match_the_columns_are_reported():
    table = Table("坏表", header=((Cell("x"), Cell("y")),), body=(), widths=(1, 2, 3))
    with pytest.raises(WriterError, match="列宽"):
        build(doc(table))


def test_header_rows_repeat_and_numbers_are_right_aligned():
    tbl = body(doc(budget_table("表", "公开01表", rows=2))).find("w:tbl", NS)
    repeated = [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows_of(tbl)]
    assert repeated == [True, True, False, False, False]
    amount = rows_of(tbl)[3].findall("w:tc", NS)[2]
    assert val(amount, ".//w:jc") == "right"


def test_column_widths_follow_relative_widths_and_fill_the_text_width():
    tbl = body(doc(budget_table("表", "", rows=1))).find("w:tbl", NS)
    cols = [int(c.get(W + "w")) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
    assert sum(cols) == 8845  # 156 mm
    assert cols[1] > cols[0] > cols[2] == cols[3] == cols[4]


def test_table_title_number_unit_line_and_notes():
    table = budget_table("支出决算表", "公开03表", rows=1, notes=("注：本表为空表。",))
    paragraphs = [p for p in body(doc(table)) if p.tag == W + "p"]
    summary = [(val(p, "w:pPr/w:pStyle"), val(p, "w:pPr/w:jc"), texts(p)) for p in paragraphs]
    assert summary == [
        ("TableTitle", None, "支出决算表"),
        ("TableUnit", "right", "公开03表"),
        ("TableUnit", None, "部门：××区社会保险事务中心金额单位：万元"),
        ("TableNote", None, "注：本表为空表。"),
    ]
    unit_line = paragraphs[2]
    assert val(unit_line, "w:pPr/w:tabs/w:tab", "pos") == "8845"
    assert unit_line.find(".//w:r/w:tab", NS) is not None


# --- sections and page breaks ----------------------------------------------------------------


def orientations(element) -> list[str]:
    return [s.find("w:pgSz", NS).get(W + "orient", "portrait") for s in element.iter(W + "sectPr")]


def test_a_landscape_table_gets_its_own_section_with_its_heading():
    wide = budget_table("宽表", "", rows=1, landscape=True)
    element = body(doc(Paragraph("前文。"), Heading(2, "附表", "一、"), wide, Paragraph("后文。")))
    assert orientations(element) == ["portrait", "landscape", "portrait"]
    data = build(doc(Paragraph("前"), wide, Paragraph("后")))
    landscape = docx.Document(io.BytesIO(data)).sections[1]
    assert landscape.orientation == WD_ORIENT.LANDSCAPE
    assert landscape.page_width == Mm(297) or abs(landscape.page_width - Mm(297)) < Mm(0.1)
    # The heading travels with its table onto the landscape page.
    heading = element.xpath("w:p[w:pPr/w:pStyle/@w:val='Heading2']", namespaces=NS)[0]
    assert heading.getprevious().find("w:pPr/w:sectPr", NS) is not None


def test_consecutive_landscape_tables_share_one_section_and_a_document_may_end_landscape():
    wide = budget_table("宽表", "", rows=1, landscape=True)
    element = body(doc(Paragraph("前文。"), wide, PageBreak(), wide))
    assert orientations(element) == ["portrait", "landscape"]
    titles = element.xpath("w:p[w:pPr/w:pStyle/@w:val='TableTitle']", namespaces=NS)
    assert [t.find("w:pPr/w:pageBreakBefore", NS) is not None for t in titles] == [False, True]


def test_page_break_marks_the_next_paragraph_and_never_makes_a_blank_page():
    element = body(doc(PageBreak(), Paragraph("一"), PageBreak(), PageBreak(), Paragraph("二"),
                       PageBreak()))
    breaks = [p.find("w:pPr/w:pageBreakBefore", NS) is not None for p in element.findall("w:p", NS)]
    assert breaks == [False, True]


def test_page_break_before_an_untitled_table_is_an_explicit_break():
    table = Table("", header=((Cell("x"),),), body=())
    element = body(doc(Paragraph("一"), PageBreak(), table))
    assert element.find("w:tbl", NS).getprevious().find("w:pPr/w:pageBreakBefore", NS) is not None


# --- blocks ------------------------------------------------------------------------------------


def test_paragraph_indent_alignment_bold_and_label():
    element = body(doc(Paragraph("正文", label="（1）"), Paragraph("不缩进", indent=False, bold=True),
                       Paragraph("附件标题", align="center", indent=False),
                       Paragraph("落款", align="right", indent=False)))
    first, plain, title, signed = element.findall("w:p", NS)
    assert texts(first) == "（1）正文" and first.find("w:pPr/w:ind", NS) is None
    assert val(plain, "w:pPr/w:ind", "firstLine") == "0"
    assert plain.find(".//w:rPr/w:b", NS) is not None
    assert val(title, "w:pPr/w:pStyle") == "Title"
    assert val(signed, "w:pPr/w:jc") == "right"


def test_headings_use_their_level_style_and_carry_a_bookmark():
    element = body(doc(*(Heading(n, f"标题{n}", f"{n}.") for n in range(1, 6))))
    paragraphs = element.findall("w:p", NS)
    assert [val(p, "w:pPr/w:pStyle") for p in paragraphs] == [f"Heading{n}" for n in range(1, 6)]
    assert texts(paragraphs[0]) == "1. 标题1" and texts(paragraphs[1]) == "2.标题2"
    names = [val(p, "w:bookmarkStart", "name") for p in paragraphs]
    assert names[:2] == ["_Toc000000", "_Toc000001"]


def test_figure_prints_picture_and_caption_or_only_its_fallback_when_empty():
    def figure(values, fallback="本年度无此项支出。"):
        return Figure("pie", "支出结构图", ("甲", "乙"), (Series("支出", values),), label="图1",
                      fallback=fallback)
    full = body(doc(figure((Decimal(1), Decimal(2)))))
    empty = body(doc(figure((Decimal(0), Decimal(0)))))
    picture, caption = full.findall("w:p", NS)
    assert picture.find(".//w:drawing", NS) is not None and texts(caption) == "图1 支出结构图"
    assert [texts(p) for p in empty.findall("w:p", NS)] == ["本年度无此项支出。"]


def test_cover_title_lines_then_a_new_page():
    element = body(doc(Cover("2023年度××部门决算", ("公开时间：2024年10月24日",)), PageBreak(),
                       Paragraph("正文")))
    cover, line, text = element.findall("w:p", NS)
    assert (val(cover, "w:pPr/w:pStyle"), texts(cover)) == ("Title", "2023年度××部门决算")
    assert texts(line) == "公开时间：2024年10月24日"
    assert text.find("w:pPr/w:pageBreakBefore", NS) is not None


def test_text_is_escaped_and_forbidden_characters_dropped():
    element = body(doc(Paragraph('A&B <c> "d"\x07 多行\n第二行\t制表')))
    paragraph = element.find("w:p", NS)
    assert texts(paragraph) == 'A&B <c> "d" 多行第二行制表'
    assert paragraph.find(".//w:br", NS) is not None and paragraph.find(".//w:tab", NS) is not None


# --- 目录 --------------------------------------------------------------------------------------


def test_toc_field_is_filled_with_the_headings_up_to_its_depth(sample_bytes):
    document = synthetic_document()
    element = xml_part(sample_bytes, "word/document.xml").find("w:body", NS)
    entries = element.xpath("w:p[starts-with(w:pPr/w:pStyle/@w:val, 'TOC')]", namespaces=NS)[1:]
    shown = [texts(p).replace(' TOC \\o "1-2" \\h \\z \\u ', "") for p in entries]
    expected = [f"{h.full_text} PAGEREF _Toc{i:06d} \\h "
                for i, h in enumerate(document.headings()) if h.level <= 2]
    assert [re.sub(r"\d+$", "", s) for s in shown] == expected
    pages = [int(re.search(r"\d+$", s).group()) for s in shown]
    assert pages == sorted(pages) and pages[0] == 3  # cover 1, 目录 2, 第一部分 3
    levels = [f"TOC{h.level}" for h in document.headings(2)]
    assert [val(p, "w:pPr/w:pStyle") for p in entries] == levels
    begin = element.find(".//w:fldChar[@w:fldCharType='begin']", NS)
    assert begin.get(W + "dirty") == "true"
    instr = element.find(".//w:instrText", NS).text
    assert instr.strip() == 'TOC \\o "1-2" \\h \\z \\u'
    assert entries[-1].find(".//w:fldChar[@w:fldCharType='end']", NS) is not None


def test_toc_links_point_at_the_heading_bookmarks_and_depth_is_honoured():
    headings = [Heading(1, "概况", "第一部分"), Heading(2, "职责", "一、"), Heading(3, "细项", "（一）")]
    element = body(doc(TableOfContents(depth=3), *headings))
    anchors = [h.get(W + "anchor") for h in element.iter(W + "hyperlink")]
    names = [b.get(W + "name") for b in element.iter(W + "bookmarkStart")]
    assert anchors == names == ["_Toc000000", "_Toc000001", "_Toc000002"]
    assert '"1-3"' in element.find(".//w:instrText", NS).text


def test_toc_of_a_document_without_headings_is_an_empty_field():
    element = body(doc(TableOfContents()))
    kinds = [f.get(W + "fldCharType") for f in element.iter(W + "fldChar")]
    assert kinds == ["begin", "separate", "end"]


# --- package -------------------------------------------------------------------------------------


def test_build_is_byte_identical_and_dates_come_from_source_date_epoch(monkeypatch):
    document = synthetic_document()
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = build(document), build(document)
    assert first == second
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    stamped = build(document)
    assert stamped == build(document) and stamped != first
    core = xml_part(stamped, "docProps/core.xml")
    assert texts(core.find("{http://purl.org/dc/terms/}modified")) == "2023-11-14T22:13:20Z"
    assert texts(core.find("{http://purl.org/dc/elements/1.1/}title")) == "2023年度××区社会保险事务中心部门决算"
    with zipfile.ZipFile(io.BytesIO(stamped)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_every_relationship_has_its_part_and_every_part_a_content_type(sample_bytes):
    with zipfile.ZipFile(io.BytesIO(sample_bytes)) as archive:
        names = archive.namelist()
        types = etree.fromstring(archive.read("[Content_Types].xml"))
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
    overrides = {o.get("PartName") for o in types if o.get("PartName")}
    defaults = {d.get("Extension") for d in types if d.get("Extension")}
    for name in names:
        assert f"/{name}" in overrides or name.rsplit(".", 1)[-1] in defaults
    for rel in rels:
        assert "word/" + rel.get("Target") in names
    assert names[0] == "[Content_Types].xml"


def test_registry_writer_returns_the_docx_under_the_stem():
    files = get_writer("docx")(doc(Paragraph("正文")), "决算")
    assert list(files) == ["决算.docx"]
    assert docx.Document(io.BytesIO(files["决算.docx"])).paragraphs[0].text == "正文"


# Child order from the WordprocessingML schema (ECMA-376 Part 1, CT_PPr, CT_RPr, CT_TcPr,
# CT_TblPr, CT_SectPr): Word refuses a file whose children are out of order.
SCHEMA_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore widowControl tabs snapToGrid spacing ind "
           "jc outlineLvl rPr sectPr",
    "rPr": "rStyle rFonts b bCs i color spacing sz szCs u lang",
    "tcPr": "tcW gridSpan vMerge tcBorders shd vAlign",
    "tblPr": "tblStyle tblW jc tblInd tblBorders tblLayout tblCellMar tblLook",
    "sectPr": "footerReference type pgSz pgMar cols titlePg docGrid",
    "tblBorders": "top left bottom right insideH insideV",
}


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_children_follow_schema_order(sample_bytes, part):
    checked = 0
    for element in xml_part(sample_bytes, part).iter():
        local = etree.QName(element).localname
        if local not in SCHEMA_ORDER:
            continue
        order = SCHEMA_ORDER[local].split()
        children = [etree.QName(c).localname for c in element]
        assert all(c in order for c in children), (local, children)
        positions = [order.index(c) for c in children]
        assert positions == sorted(positions), (local, children)
        checked += 1
    assert checked > 20


def test_normalized_document_xml_snapshot(sample_bytes, snapshot_xml):
    assert normalized_document_xml(sample_bytes) == snapshot_xml


def test_toc_numbers_follow_page_and_section_breaks():
    wide = budget_table("宽表", "", rows=1, landscape=True)
    document = doc(Cover("封面"), TableOfContents(), PageBreak(), Heading(1, "一", "第一部分"),
                   Paragraph("正文。"), PageBreak(), Heading(1, "二", "第二部分"),
                   Heading(2, "宽表", "一、"), wide, Heading(1, "三", "第三部分"))
    element = body(document)
    cached = [texts(r) for r in element.xpath(
        "w:p/w:hyperlink/w:r[preceding-sibling::w:r/w:fldChar/@w:fldCharType='separate']"
        "[following-sibling::w:r/w:fldChar/@w:fldCharType='end']", namespaces=NS)]
    # cover 1, 目录 2, 第一部分 3; 第二部分 and 一、 go with the table onto landscape page 4
    # (the section break replaces the page break); 第三部分 starts upright page 5.
    assert cached == ["3", "4", "4", "5"]


def test_a_long_paragraph_moves_later_headings_by_whole_pages():
    long_text = "汉" * 28 * 22 * 2  # two full pages of body text at 28 hanzi a line
    document = doc(TableOfContents(), PageBreak(), Heading(2, "前", "一、"),
                   Paragraph(long_text, indent=False), Heading(2, "后", "二、"))
    numbers = [texts(p)[-1] for p in body(document).xpath(
        "w:p[w:pPr/w:pStyle/@w:val='TOC2']", namespaces=NS)]
    assert numbers == ["2", "4"]


def test_images_added_by_a_block_writer_are_packaged_with_their_type():
    from reportgen.writers.docx.package import package

    data = package("<w:document/>", title="t", media=[("rIdImg1", "media/图1.png", b"\x89PNG")])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.read("word/media/图1.png") == b"\x89PNG"
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
    assert '<Default Extension="png" ContentType="image/png"/>' in types
    assert 'Id="rIdImg1"' in rels and 'Target="media/图1.png"' in rels


def test_an_annex_with_its_own_title_stays_out_of_the_toc_but_what_follows_it_does_not():
    blocks = (TableOfContents(depth=2), Heading(1, "附件", "第四部分"), Heading(1, "绩效自评报告"),
              Heading(2, "基本情况", "一、"), Heading(1, "附表", "第五部分"), Heading(2, "收入决算表", "一、"))
    element = body(doc(*blocks))
    entries = element.xpath("w:p[starts-with(w:pPr/w:pStyle/@w:val, 'TOC')]", namespaces=NS)[1:]
    shown = [re.sub(r"(TOC .*?\\u )|(PAGEREF.*)", "", texts(p)).strip() for p in entries]
    assert shown == ["第四部分 附件", "第五部分 附表", "一、收入决算表"]
