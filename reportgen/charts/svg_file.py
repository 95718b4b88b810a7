"""A Figure as an SVG file, written directly: the chart Markdown (and HTML) link to.

The SVG names fonts but embeds none: the viewer's CJK font draws the labels, so the building
machine needs no Chinese font. It has a <title> (the caption) and a <desc> (every printed figure
in words) for readers that cannot see it.
"""

from __future__ import annotations

from reportgen.charts.data import ChartData, chart_data, label_of
from reportgen.charts.svg import FONT_FAMILY, FONT_SIZE, HEIGHT, WIDTH, esc, num
from reportgen.charts.svg_bars import bars
from reportgen.charts.svg_pie import pie
from reportgen.document.nodes import Figure


def description(data: ChartData) -> str:
    """What the chart shows, in words, for readers that cannot see it (<desc>).

    >>> from decimal import Decimal
    >>> from reportgen.document.nodes import Series
    >>> fig = Figure("bar", "变动图", ("收入总计", "支出总计"), (
    ...     Series("2022年", (Decimal(1), Decimal(2)), ("1.00", "2.00")),
    ...     Series("2023年", (Decimal(3), Decimal(4)), ("3.00", "4.00"))))
    >>> description(chart_data(fig))
    '单位：万元。2022年：收入总计1.00，支出总计2.00；2023年：收入总计3.00，支出总计4.00。'
    """
    points = "；".join(f"{s.name}：" + "，".join(f"{c}{label_of(s, i)}" for i, c in enumerate(data.categories))
                      for s in data.series)
    unit = f"单位：{data.unit}。" if data.unit and data.kind == "bar" else ""
    return f"{unit}{points}。"


def render_svg(figure: Figure) -> bytes:
    """The chart as an SVG document (no caption: writers print "图N 标题" themselves)."""
    data = chart_data(figure)
    body = bars(data) if data.kind == "bar" else pie(data)
    title = f"{figure.label} {figure.title}".strip()
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{num(WIDTH)}" height="{num(HEIGHT)}" '
        f'viewBox="0 0 {num(WIDTH)} {num(HEIGHT)}" role="img" aria-labelledby="title desc" '
        f'font-family="{esc(FONT_FAMILY)}" font-size="{num(FONT_SIZE)}">\n'
        f'<title id="title">{esc(title)}</title>\n<desc id="desc">{esc(description(data))}</desc>\n'
        f'<rect width="100%" height="100%" fill="#FFFFFF" class="background"/>\n'
        f"{body}</svg>\n"
    ).encode("utf-8")
