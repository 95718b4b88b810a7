"""What a chart shows, whatever the format draws it: checked points, colours and printed size.

Both writers (SVG for Markdown/HTML, DrawingML for DOCX) start from `chart_data(figure)`, so a
chart in one format never shows other points or colours than in the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reportgen.document.nodes import Figure, Series
from reportgen.errors import WriterError

#: Office's colours, then their darker and lighter shades: neighbours stay distinct in grey print.
PIE_COLOURS = ("4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47",
               "264478", "9E480E", "636363", "997300", "255E91", "43682B",
               "698ED0", "F1975A", "B7B7B7", "FFCD33")
#: Bars, from the last series back: 本年 blue, 上年 grey, earlier series the pie's other colours.
BAR_COLOURS = ("4472C4", "A5A5A5", *PIE_COLOURS[1:])

#: Printed size, 15.24 × 9.14 cm: the 公文 版心 is 156 mm wide (GB/T 9704), so a chart fits it
#: at 1:1 and its text prints at its nominal size (10.5 pt = 五号).
WIDTH_IN = 6.0
HEIGHT_IN = 3.6
_EMU_PER_INCH = 914400

KINDS = ("bar", "pie")
#: A slice narrower than this share of the whole prints its label outside the pie, on a
#: leader line; a wider one in its middle.
INSIDE_MIN = Decimal("0.08")


def size_emu() -> tuple[int, int]:
    """The printed width and height in EMU (OOXML's `wp:extent cx/cy`).

    >>> size_emu()
    (5486400, 3291840)
    """
    return round(WIDTH_IN * _EMU_PER_INCH), round(HEIGHT_IN * _EMU_PER_INCH)


@dataclass(frozen=True)
class ChartData:
    """The points a chart draws: categories, and per series its name, exact values and the
    labels printed on them (the text's own figures), with one colour per series (bar) or per
    slice (pie)."""

    kind: str
    title: str
    unit: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    colours: tuple[str, ...]


def chart_data(figure: Figure) -> ChartData:
    """The points of `figure` to draw; a WriterError if it cannot be drawn.

    A pie leaves out its zero slices (the text still lists them): a 0% slice has no area, and
    its label would only sit on a neighbour's.

    >>> from reportgen.document.nodes import Series
    >>> pie = Figure("pie", "结构图", ("甲", "乙", "丙"),
    ...              (Series("决算数", (Decimal(3), Decimal(0), Decimal(1)), ("75%", "0%", "25%")),))
    >>> d = chart_data(pie)
    >>> d.categories, d.series[0].values, d.series[0].labels, d.colours
    (('甲', '丙'), (Decimal('3'), Decimal('1')), ('75%', '25%'), ('4472C4', 'ED7D31'))
    """
    if figure.is_empty:
        raise WriterError(f"图“{figure.title}”的数值全为零，没有可画的内容（应打印其替代文字）")
    if figure.kind not in KINDS:
        raise WriterError(f"图“{figure.title}”的类型 {figure.kind!r} 无法绘制（可选：{'、'.join(KINDS)}）")
    for s in figure.series:
        if len(s.values) != len(figure.categories) or (s.labels and len(s.labels) != len(s.values)):
            raise WriterError(f"图“{figure.title}”的系列“{s.name}”与类别个数不符")
    if figure.kind == "bar":
        n = len(figure.series)
        colours = tuple(BAR_COLOURS[(n - 1 - k) % len(BAR_COLOURS)] for k in range(n))
        return ChartData("bar", figure.title, figure.unit, figure.categories, figure.series, colours)
    if len(figure.series) != 1:
        raise WriterError(f"图“{figure.title}”是饼图，只能有一个系列（现有 {len(figure.series)} 个）")
    series = figure.series[0]
    if any(v < 0 for v in series.values):
        raise WriterError(f"图“{figure.title}”有负数，无法画成饼图")
    kept = [i for i, v in enumerate(series.values) if v != 0]
    labels = tuple(series.labels[i] for i in kept) if series.labels else ()
    drawn = Series(series.name, tuple(series.values[i] for i in kept), labels)
    colours = [PIE_COLOURS[k % len(PIE_COLOURS)] for k in range(len(kept))]
    if len(colours) > 1 and colours[-1] == colours[0]:  # the last slice touches the first
        colours[-1] = PIE_COLOURS[len(colours) % len(PIE_COLOURS)]
    return ChartData("pie", figure.title, figure.unit, tuple(figure.categories[i] for i in kept),
                     (drawn,), tuple(colours))


def plain(value: Decimal) -> str:
    """An exact value as digits, never in exponent form (for workbooks, caches and SVG data).

    >>> plain(Decimal("568.2700")), plain(Decimal("1E+2")), plain(Decimal("-0.50"))
    ('568.2700', '100', '-0.50')
    """
    return format(value, "f")


def label_of(series: Series, index: int) -> str:
    """The label printed on a point: the text's figure, or the exact value when the Figure
    carries no labels (a hand-made Figure in a custom template).

    >>> label_of(Series("2023年", (Decimal("5.0"),)), 0)
    '5.0'
    """
    return series.labels[index] if series.labels else plain(series.values[index])


def ink(colour: str) -> str:
    """Black or white text, whichever reads better on `colour` (a slice's label).

    >>> ink("264478"), ink("FFC000")
    ('FFFFFF', '000000')
    """
    r, g, b = (int(colour[k:k + 2], 16) for k in (0, 2, 4))
    return "000000" if 0.299 * r + 0.587 * g + 0.114 * b > 150 else "FFFFFF"


def ems(text: str) -> Decimal:
    """Estimated width of `text` in ems: a CJK character is one em, anything else about half of
    one (no font metrics at hand when building; layouts leave room for the difference).

    >>> ems("基本支出 24.91%")
    Decimal('7.85')
    """
    return sum((Decimal(1) if ord(c) > 0x2E7F else Decimal("0.55") for c in text), Decimal(0))
