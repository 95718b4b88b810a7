"""A DrawingML chart part (word/charts/chartN.xml): a native bar or pie chart the client draws.

The part carries its data twice, as every Office chart does: cached values (c:strCache,
c:numCache), which Word, WPS and LibreOffice draw from, and the cells of the embedded workbook
they refer to (Sheet1!A1…), which 编辑数据 opens. Every number printed on the chart is a custom
label holding the text's own figure (Series.labels): a client's own rounding, or its idea of a
slice's percentage, could differ from the sentence above the chart (占比 by largest remainder).

Children follow the schema's order (CT_ChartSpace, CT_BarSer, CT_DLbl…): Word reports a file
with a misplaced element as damaged, where LibreOffice forgives it.
"""

from __future__ import annotations

from decimal import Decimal

from reportgen.charts.data import INSIDE_MIN, ChartData, ems, ink, label_of, plain
from reportgen.writers.docx._ooxml import XML_DECL, esc
from reportgen.writers.docx.styles import HEITI, LATIN, SONGTI

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

SHEET = "Sheet1"
#: Chart text is 五号 (10.5 pt) 宋体, as the tables print; the legend 黑体 like the caption.
_SIZE = 1050
_GRID = "D9D9D9"
_AXIS = "7F7F7F"
_CAT_AX, _VAL_AX = 50010001, 50010002  # any two distinct ids: fixed, so bytes are stable


def column(index: int) -> str:
    """The spreadsheet column letter(s) of a 0-based column.

    >>> column(0), column(1), column(26)
    ('A', 'B', 'AA')
    """
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _font(east_asia: str = SONGTI, size: int = _SIZE, colour: str = "000000") -> str:
    return (f'<a:defRPr sz="{size}" b="0"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
            f'<a:latin typeface="{LATIN}"/><a:ea typeface="{east_asia}"/><a:cs typeface="{LATIN}"/>'
            "</a:defRPr>")


#: A label set straight and on one line: LibreOffice would break a slice's share in two.
_STRAIGHT = '<a:bodyPr rot="0" vert="horz" wrap="none"/>'


def _tx_pr(east_asia: str = SONGTI, colour: str = "000000", size: int = _SIZE, body: str = "<a:bodyPr/>") -> str:
    """Text properties of a chart element: its fonts, set explicitly so no theme font is used."""
    return (f'<c:txPr>{body}<a:lstStyle/><a:p><a:pPr>{_font(east_asia, size, colour)}'
            '</a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>')


def _rich(text: str, *, colour: str = "000000", size: int = _SIZE) -> str:
    """A custom text. LibreOffice takes its look from the paragraph's defaults (a:defRPr), Word
    from the run: both say the same."""
    return (f"<c:tx><c:rich>{_STRAIGHT}<a:lstStyle/><a:p><a:pPr>{_font(colour=colour, size=size)}</a:pPr>"
            f'<a:r><a:rPr lang="zh-CN" sz="{size}" b="0"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
            f'<a:latin typeface="{LATIN}"/><a:ea typeface="{SONGTI}"/><a:cs typeface="{LATIN}"/></a:rPr>'
            f"<a:t>{esc(text)}</a:t></a:r></a:p></c:rich></c:tx>")


def _fill(colour: str, border: str = "") -> str:
    line = (f'<a:ln w="12700"><a:solidFill><a:srgbClr val="{border}"/></a:solidFill></a:ln>' if border
            else "<a:ln><a:noFill/></a:ln>")
    return f'<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>{line}</c:spPr>'


def _line(colour: str) -> str:
    return f'<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></a:ln></c:spPr>'


_NO_LINE = "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
_SHOW = ("showLegendKey", "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize")


def _flags(value: bool = True) -> str:
    # The label shows "the value": with a custom text (c:tx), the text replaces it.
    return "".join(f'<c:{name} val="{int(value and name == "showVal")}"/>' for name in _SHOW)


def _label(index: int, text: str, position: str, colour: str = "000000", size: int = _SIZE) -> str:
    return (f'<c:dLbl><c:idx val="{index}"/><c:layout/>{_rich(text, colour=colour, size=size)}{_NO_LINE}'
            f'<c:dLblPos val="{position}"/>{_flags()}</c:dLbl>')


def _str_ref(ref: str, texts: tuple[str, ...]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{esc(t)}</c:v></c:pt>' for i, t in enumerate(texts))
    return f"<c:strRef><c:f>{ref}</c:f><c:strCache><c:ptCount val=\"{len(texts)}\"/>{points}</c:strCache></c:strRef>"


def _num_ref(ref: str, values: tuple) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{plain(v)}</c:v></c:pt>' for i, v in enumerate(values))
    return (f"<c:numRef><c:f>{ref}</c:f><c:numCache><c:formatCode>General</c:formatCode>"
            f'<c:ptCount val="{len(values)}"/>{points}</c:numCache></c:numRef>')


def _series_refs(data: ChartData, k: int) -> tuple[str, str, str]:
    """(name, categories, values) of series `k`: column A holds the categories, row 1 the
    series names, as the embedded workbook lays them out."""
    col, last = column(k + 1), len(data.categories) + 1
    return (_str_ref(f"{SHEET}!${col}$1", (data.series[k].name,)),
            f"<c:cat>{_str_ref(f'{SHEET}!$A$2:$A${last}', data.categories)}</c:cat>",
            f"<c:val>{_num_ref(f'{SHEET}!${col}$2:${col}${last}', data.series[k].values)}</c:val>")


def _label_size(data: ChartData) -> int:
    """The size of the bars' value labels, in hundredths of a point: 五号 unless the widest label
    would run into the next bar's, then smaller, down to 7 pt.

    >>> import dataclasses
    >>> from decimal import Decimal as D
    >>> from reportgen.document.nodes import Figure, Series
    >>> from reportgen.charts.data import chart_data
    >>> two = chart_data(Figure("bar", "图", ("甲", "乙"), (Series("2022年", (D(1), D(2)), ("1,470.23", "2.00")),
    ...                                                  Series("2023年", (D(3), D(4)), ("3.00", "4.00")))))
    >>> _label_size(two), _label_size(dataclasses.replace(two, categories=("甲",) * 12))
    (1050, 700)
    """
    n = len(data.series)
    # The plot takes ~85% of the chart's 397 pt (charts.WIDTH_MM); a category holds n bars, the gaps between
    # them (-overlap, 10%) and the gap to the next category (gapWidth, 120%), in bar widths.
    bar = Decimal(397) * Decimal("0.85") / len(data.categories) / (n + Decimal("0.1") * (n - 1) + Decimal("1.2"))
    widest = max(ems(label_of(s, i)) for s in data.series for i in range(len(s.values)))
    points = min(Decimal("10.5"), bar * Decimal("1.1") / (widest + Decimal("0.3")))
    return max(int(points * 2) * 50, 700)  # whole half-points, as Word offers them


def _bar_series(data: ChartData, k: int, size: int) -> str:
    series = data.series[k]
    name, cat, val = _series_refs(data, k)
    labels = "".join(_label(i, label_of(series, i), "outEnd", size=size) for i in range(len(series.values)))
    return (f'<c:ser><c:idx val="{k}"/><c:order val="{k}"/><c:tx>{name}</c:tx>'
            f'{_fill(data.colours[k])}<c:invertIfNegative val="0"/>'
            f"<c:dLbls>{labels}{_NO_LINE}{_tx_pr()}<c:dLblPos val=\"outEnd\"/>{_flags()}</c:dLbls>"
            f"{cat}{val}</c:ser>")


def _bar_plot(data: ChartData) -> str:
    size = _label_size(data)
    # Category names set straight: Word wraps a long one rather than turning it by 45°.
    axis_text = _tx_pr(body='<a:bodyPr rot="0" vert="horz"/>')
    series = "".join(_bar_series(data, k, size) for k in range(len(data.series)))
    unit = (f"<c:title>{_rich(f'单位：{data.unit}')}<c:layout><c:manualLayout>"
            '<c:xMode val="edge"/><c:yMode val="edge"/><c:x val="0.01"/><c:y val="0.01"/>'
            '</c:manualLayout></c:layout><c:overlay val="0"/></c:title>') if data.unit else ""
    return (
        '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
        f'{series}<c:gapWidth val="120"/><c:overlap val="-10"/>'
        f'<c:axId val="{_CAT_AX}"/><c:axId val="{_VAL_AX}"/></c:barChart>'
        f'<c:catAx><c:axId val="{_CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>'
        f'{_line(_AXIS)}{axis_text}<c:crossAx val="{_VAL_AX}"/><c:crosses val="autoZero"/>'
        '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        f'<c:valAx><c:axId val="{_VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        f'<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines>{_line(_GRID)}</c:majorGridlines>{unit}'
        '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{_NO_LINE}{_tx_pr()}'
        f'<c:crossAx val="{_CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>'
    )


def _pie_plot(data: ChartData) -> str:
    series = data.series[0]
    total = sum(series.values)
    # White borders part the slices; a lone slice would show its border as a radius.
    border = "FFFFFF" if len(data.colours) > 1 else ""
    points = "".join(f'<c:dPt><c:idx val="{i}"/><c:bubble3D val="0"/>{_fill(c, border)}</c:dPt>'
                     for i, c in enumerate(data.colours))
    labels = []
    for i, (value, colour) in enumerate(zip(series.values, data.colours)):
        inside = value >= INSIDE_MIN * total  # outside: the client places it, with a leader line
        labels.append(_label(i, label_of(series, i), "ctr" if inside else "bestFit",
                             ink(colour) if inside else "000000"))
    name, cat, val = _series_refs(data, 0)
    leader = f"<c:leaderLines>{_line(_AXIS)}</c:leaderLines>"
    return (
        f'<c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx>{name}</c:tx>'
        f"{points}<c:dLbls>{''.join(labels)}{_NO_LINE}{_tx_pr()}<c:dLblPos val=\"bestFit\"/>{_flags()}"
        f'<c:showLeaderLines val="1"/>{leader}</c:dLbls>{cat}{val}</c:ser>'
        '<c:firstSliceAng val="0"/></c:pieChart>'
    )


def chart_xml(data: ChartData, workbook_rid: str) -> str:
    """The whole chart part; `workbook_rid` is the chart's relationship to its workbook."""
    plot = _bar_plot(data) if data.kind == "bar" else _pie_plot(data)
    legend_at = "t" if data.kind == "bar" else "r"
    return (
        f'{XML_DECL}<c:chartSpace xmlns:c="{C_NS}" xmlns:a="{A_NS}" xmlns:r="{R_NS}">'
        '<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>'
        # No chart title: the writer prints the caption "图N 标题" beneath, as for a table.
        f'<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>{plot}{_NO_LINE}</c:plotArea>'
        f'<c:legend><c:legendPos val="{legend_at}"/><c:overlay val="0"/>{_tx_pr(HEITI)}</c:legend>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f"{_NO_LINE}{_tx_pr()}"
        f'<c:externalData r:id="{workbook_rid}"><c:autoUpdate val="0"/></c:externalData>'
        "</c:chartSpace>"
    )
