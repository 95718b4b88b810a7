"""DOCX charts: native chart parts that carry the Figure's exact values, its printed labels and a
workbook of the same data, packaged so that Word, WPS and LibreOffice can draw and edit them."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import docx
import openpyxl
import pytest
from docx.enum.shape import WD_INLINE_SHAPE
from lxml import etree

from examples import IDS, built
from examples import SICHUAN as EXAMPLES  # the layout that draws charts
from reportgen.charts import chart_data
from reportgen.charts.data import plain
from reportgen.document.nodes import Document, Figure, Paragraph, Series
from reportgen.writers.docx import build
from reportgen.writers.docx.sample import synthetic_document

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS = {"c": C, "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
      "ct": "http://schemas.openxmlformats.org/package/2006/content-types"}
DOCUMENTS = {**{IDS[name]: name for name in EXAMPLES}, "synthetic": None}


def document_of(key: str) -> Document:
    return synthetic_document() if DOCUMENTS[key] is None else built(DOCUMENTS[key]).document


@pytest.fixture(scope="module", params=sorted(DOCUMENTS))
def case(request) -> tuple[Document, bytes]:
    document = document_of(request.param)
    return document, build(document)


def drawn(document: Document) -> list[Figure]:
    return [b for b in document.blocks if isinstance(b, Figure) and not b.is_empty]


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def xml(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(part(data, name))


def test_every_part_is_well_formed_and_each_drawn_figure_has_its_chart_in_order(case):
    document, data = case
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        for name in names:
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))
    figures = drawn(document)
    assert figures, "every document here has charts"
    assert sorted(n for n in names if n.startswith("word/charts/chart")) == sorted(
        f"word/charts/chart{n}.xml" for n in range(1, len(figures) + 1))
    inline = xml(data, "word/document.xml").findall(".//wp:inline", NS)
    assert [i.find(".//c:chart", NS).get(f"{{{NS['r']}}}id") for i in inline] == [
        f"rIdChart{n}" for n in range(1, len(figures) + 1)]
    # Alt text: the caption; ids unique among the document's drawings.
    assert [i.find("wp:docPr", NS).get("descr") for i in inline] == [f"{f.label} {f.title}" for f in figures]
    assert len({i.find("wp:docPr", NS).get("id") for i in inline}) == len(inline)


def test_relationships_and_content_types_reach_every_chart_and_workbook(case):
    document, data = case
    rels = {r.get("Id"): r for r in xml(data, "word/_rels/document.xml.rels")}
    types = xml(data, "[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.findall("ct:Override", NS)}
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.findall("ct:Default", NS)}
    assert defaults["xlsx"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    for n in range(1, len(drawn(document)) + 1):
        rel = rels[f"rIdChart{n}"]
        assert rel.get("Target") == f"charts/chart{n}.xml" and rel.get("Type").endswith("/chart")
        assert overrides[f"/word/charts/chart{n}.xml"] == (
            "application/vnd.openxmlformats-officedocument.drawingml.chart+xml")
        (workbook,) = xml(data, f"word/charts/_rels/chart{n}.xml.rels")
        assert workbook.get("Type").endswith("/package")
        assert workbook.get("Target") == f"../embeddings/Microsoft_Excel_Worksheet_{n}.xlsx"
        external = xml(data, f"word/charts/chart{n}.xml").find("c:externalData", NS)
        assert external.get(f"{{{NS['r']}}}id") == workbook.get("Id")


def texts(element: etree._Element, path: str) -> list[str]:
    return [v.text for v in element.findall(path, NS)]


def test_each_chart_carries_the_figures_exact_values_and_printed_labels(case):
    document, data = case
    for n, figure in enumerate(drawn(document), 1):
        chart = xml(data, f"word/charts/chart{n}.xml")
        shown = chart_data(figure)  # a pie leaves out its zero slices
        (plot,) = chart.find("c:chart/c:plotArea", NS).findall(f"c:{figure.kind}Chart", NS)
        series = plot.findall("c:ser", NS)
        assert len(series) == len(figure.series)
        for ser, s in zip(series, shown.series):
            assert texts(ser, "c:tx/c:strRef/c:strCache/c:pt/c:v") == [s.name]
            assert texts(ser, "c:cat/c:strRef/c:strCache/c:pt/c:v") == list(shown.categories)
            assert texts(ser, "c:val/c:numRef/c:numCache/c:pt/c:v") == [plain(v) for v in s.values]
            # The labels the text prints; a Figure made without labels shows its exact values.
            printed = list(s.labels) if s.labels else [plain(v) for v in s.values]
            assert texts(ser, "c:dLbls/c:dLbl/c:tx/c:rich/a:p/a:r/a:t") == printed
        if figure.kind == "pie":
            assert shown.categories == tuple(c for c, v in zip(figure.categories, figure.series[0].values) if v)


def test_the_embedded_workbook_opens_and_holds_the_same_data(case):
    document, data = case
    for n, figure in enumerate(drawn(document), 1):
        raw = part(data, f"word/embeddings/Microsoft_Excel_Worksheet_{n}.xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(raw))["Sheet1"]
        shown = chart_data(figure)
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][1:] == tuple(s.name for s in shown.series)
        assert [r[0] for r in rows[1:]] == list(shown.categories)
        for k, s in enumerate(shown.series, 1):
            assert [Decimal(repr(r[k])) for r in rows[1:]] == list(s.values)
        # The cells hold the exact digits, as the chart's cache does.
        with zipfile.ZipFile(io.BytesIO(raw)) as book:
            cells = etree.fromstring(book.read("xl/worksheets/sheet1.xml"))
        main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
        numbers = [c.findtext(f"{main}v") for c in cells.iter(f"{main}c") if c.get("t") != "s"]
        assert numbers == [plain(s.values[i]) for i in range(len(shown.categories)) for s in shown.series]


def test_python_docx_opens_the_file_and_sees_the_charts(case):
    document, data = case
    shapes = docx.Document(io.BytesIO(data)).inline_shapes
    assert [s.type for s in shapes] == [WD_INLINE_SHAPE.CHART] * len(drawn(document))


def test_rebuilding_gives_the_same_bytes(case):
    document, data = case
    assert build(document) == data


def test_chart_text_is_set_in_the_documents_fonts(case):
    _, data = case
    chart = xml(data, "word/charts/chart1.xml")
    faces = {e.get("typeface") for e in chart.iter(f"{{{NS['a']}}}ea")}
    assert faces and faces <= {"宋体", "黑体"}
    # Theme fonts ("+mn-ea") would be whatever the reader's Office theme says.
    assert not [e for e in chart.iter() if (e.get("typeface") or "").startswith("+")]


# Child order from the DrawingML chart schema (ECMA-376 Part 1, §21.2): Word refuses a chart
# whose children are out of order; LibreOffice forgives it, so only this test would notice.
CHART_ORDER = {
    "chartSpace": "date1904 lang roundedCorners AlternateContent style clrMapOvr pivotSource protection "
                  "chart spPr txPr externalData printSettings userShapes extLst",
    "chart": "title autoTitleDeleted pivotFmts view3D floor sideWall backWall plotArea legend plotVisOnly "
             "dispBlanksAs showDLblsOverMax extLst",
    "plotArea": "layout barChart pieChart catAx valAx dTable spPr extLst",
    "barChart": "barDir grouping varyColors ser dLbls gapWidth overlap serLines axId extLst",
    "pieChart": "varyColors ser dLbls firstSliceAng extLst",
    "ser": "idx order tx spPr invertIfNegative pictureOptions explosion dPt dLbls trendline errBars cat val "
           "shape extLst",
    "dPt": "idx invertIfNegative marker bubble3D explosion spPr pictureOptions extLst",
    "dLbls": "dLbl delete numFmt spPr txPr dLblPos showLegendKey showVal showCatName showSerName "
             "showPercent showBubbleSize separator showLeaderLines leaderLines extLst",
    "dLbl": "idx delete layout tx numFmt spPr txPr dLblPos showLegendKey showVal showCatName showSerName "
            "showPercent showBubbleSize separator extLst",
    "catAx": "axId scaling delete axPos majorGridlines minorGridlines title numFmt majorTickMark "
             "minorTickMark tickLblPos spPr txPr crossAx crosses crossesAt auto lblAlgn lblOffset "
             "tickLblSkip tickMarkSkip noMultiLvlLbl extLst",
    "valAx": "axId scaling delete axPos majorGridlines minorGridlines title numFmt majorTickMark "
             "minorTickMark tickLblPos spPr txPr crossAx crosses crossesAt crossBetween majorUnit "
             "minorUnit dispUnits extLst",
    "scaling": "logBase orientation max min extLst",
    "legend": "legendPos legendEntry layout overlay spPr txPr extLst",
    "title": "tx layout overlay spPr txPr extLst",
    "manualLayout": "layoutTarget xMode yMode wMode hMode x y w h extLst",
    "numCache": "formatCode ptCount pt extLst",
    "strCache": "ptCount pt extLst",
    "spPr": "xfrm custGeom prstGeom noFill solidFill gradFill blipFill pattFill grpFill ln effectLst",
    "defRPr": "ln noFill solidFill gradFill effectLst highlight uLnTx uLn uFillTx uFill latin ea cs sym",
    "rPr": "ln noFill solidFill gradFill effectLst highlight uLnTx uLn uFillTx uFill latin ea cs sym",
    "rich": "bodyPr lstStyle p",
    "txPr": "bodyPr lstStyle p",
    "p": "pPr r br fld endParaRPr",
    "inline": "extent effectExtent docPr cNvGraphicFramePr graphic",
}


def test_chart_children_follow_schema_order(case):
    document, data = case
    checked = set()
    parts = [f"word/charts/chart{n}.xml" for n in range(1, len(drawn(document)) + 1)]
    for name in [*parts, "word/document.xml"]:
        for element in xml(data, name).iter():
            local = etree.QName(element).localname
            if local not in CHART_ORDER or element.tag.startswith(f"{{{NS['w']}}}"):
                continue
            order = CHART_ORDER[local].split()
            children = [etree.QName(c).localname for c in element]
            assert all(c in order for c in children), (name, local, children)
            positions = [order.index(c) for c in children]
            assert positions == sorted(positions), (name, local, children)
            checked.add(local)
    assert len(checked) >= 15


def test_a_figure_with_nothing_to_draw_adds_no_chart():
    empty = Figure("pie", "结构图", ("甲",), (Series("决算数", (Decimal(0),)),), fallback="无。")
    data = build(Document("t", (Paragraph("正文"), empty)))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not [n for n in archive.namelist() if "chart" in n or n.endswith(".xlsx")]


def test_a_share_inside_a_slice_is_printed_in_a_colour_that_reads_on_it(case):
    document, data = case
    for n, figure in enumerate(drawn(document), 1):
        if figure.kind != "pie":
            continue
        ser = xml(data, f"word/charts/chart{n}.xml").find(".//c:pieChart/c:ser", NS)
        fills = [p.find("c:spPr/a:solidFill/a:srgbClr", NS).get("val") for p in ser.findall("c:dPt", NS)]
        for label in ser.findall("c:dLbls/c:dLbl", NS):
            if label.find("c:dLblPos", NS).get("val") != "ctr":
                continue
            fill = fills[int(label.find("c:idx", NS).get("val"))]
            ink = {e.get("val") for e in label.findall("c:tx//a:solidFill/a:srgbClr", NS)}
            luma = sum(w * int(fill[k:k + 2], 16) for w, k in ((0.299, 0), (0.587, 2), (0.114, 4)))
            assert ink == ({"000000"} if luma > 150 else {"FFFFFF"}), (figure.label, fill, ink)
