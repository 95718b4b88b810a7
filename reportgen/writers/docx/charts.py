"""A Figure in the DOCX: an inline native chart and the parts behind it.

Chart N is word/charts/chartN.xml (related from document.xml as rIdChartN), with its own
relationship to word/embeddings/Microsoft_Excel_Worksheet_N.xlsx, the data 编辑数据 opens.
Nothing is drawn here: Word, WPS and LibreOffice draw the chart with their own fonts, so the
building machine needs none.
"""

from __future__ import annotations

from reportgen.charts.data import chart_data, size_emu
from reportgen.document.nodes import Figure
from reportgen.writers.docx._ooxml import esc
from reportgen.writers.docx.chart_part import C_NS, chart_xml
from reportgen.writers.docx.chart_workbook import workbook
from reportgen.writers.docx.package import Part, relationships

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
_PACKAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_WORKBOOK_RID = "rId1"


def inline_chart(rid: str, number: int, description: str) -> str:
    """A run holding chart `rid` inline at the chart size; `description` is its alt text.

    >>> run = inline_chart("rIdChart1", 1, "图1 收入结构图")
    >>> 'r:id="rIdChart1"' in run and 'descr="图1 收入结构图"' in run
    True
    """
    cx, cy = size_emu()
    return (
        f'<w:r><w:drawing><wp:inline xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{number}" name="图表 {number}" descr="{esc(description)}"/>'
        f'<wp:cNvGraphicFramePr/><a:graphic xmlns:a="{_A}"><a:graphicData uri="{C_NS}">'
        f'<c:chart xmlns:c="{C_NS}" r:id="{rid}"/></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )


def chart_parts(figure: Figure, number: int) -> tuple[str, list[Part]]:
    """The run that shows `figure` as chart `number`, and the parts to package with it."""
    rid = f"rIdChart{number}"
    xlsx = f"embeddings/Microsoft_Excel_Worksheet_{number}.xlsx"
    data = chart_data(figure)
    description = f"{figure.label} {figure.title}".strip()
    parts = [
        Part(f"charts/chart{number}.xml", chart_xml(data, _WORKBOOK_RID), CHART_TYPE, rid, "chart"),
        Part(f"charts/_rels/chart{number}.xml.rels",
             relationships([(_WORKBOOK_RID, _PACKAGE_REL, f"../{xlsx}")])),
        Part(xlsx, workbook(data)),
    ]
    return inline_chart(rid, number, description), parts
