"""A Figure in the DOCX: an inline native chart and the parts behind it.

Chart N is word/charts/chartN.xml (related from document.xml as rIdChartN), with its own
relationship to word/embeddings/Microsoft_Excel_Worksheet_N.xlsx, the data 编辑数据 opens.
Nothing is drawn here: Word, WPS and LibreOffice draw the chart with their own fonts, so the
building machine needs none.
"""

from __future__ import annotations

from reportgen.charts.data import chart_data
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
_EMU_PER_PT = 12700
_PITCH_PT = 28.95  # the grid's line pitch (styles.LINE_BODY)
#: What the chart's line keeps below the chart (the line's descent), in points.
_DESCENT_PT = 8
#: Charts are 140 mm wide, inside the 156 mm 版心; their height is a whole number of grid lines.
WIDTH_MM = 140


def chart_lines(figure: Figure) -> int:
    """The grid lines a chart's line takes: enough for its content and no more, so a page is
    not left 40% blank. A bar chart of a few categories needs 6 (bars, value labels, the
    category names and the legend); a pie 7 for its legend of up to eight parts beside it, one
    more per four further parts; a bar chart one more per four categories beyond four (their
    names wrap).

    >>> from decimal import Decimal as D
    >>> from reportgen.document.nodes import Series
    >>> chart_lines(Figure("bar", "t", ("甲", "乙"), (Series("2023年", (D(1), D(2))),)))
    6
    """
    if figure.kind == "pie":
        slices = sum(1 for s in figure.series for v in s.values if v != 0)
        return 7 + max(0, slices - 8 + 3) // 4
    return 6 + max(0, len(figure.categories) - 4 + 3) // 4


def chart_size(figure: Figure) -> tuple[int, int]:
    """(cx, cy) in EMU: the chart's width, and its grid lines less the line's descent."""
    height_pt = chart_lines(figure) * _PITCH_PT - _DESCENT_PT
    return round(WIDTH_MM * 36000), round(height_pt * _EMU_PER_PT)


def inline_chart(rid: str, number: int, description: str, size: tuple[int, int]) -> str:
    """A run holding chart `rid` inline at `size` (EMU); `description` is its alt text.

    >>> run = inline_chart("rIdChart1", 1, "图1 收入结构图", (100, 100))
    >>> 'r:id="rIdChart1"' in run and 'descr="图1 收入结构图"' in run
    True
    """
    cx, cy = size
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
    return inline_chart(rid, number, description, chart_size(figure)), parts
