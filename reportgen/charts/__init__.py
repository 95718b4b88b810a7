"""Charts without a drawing library: `render_svg(figure)` writes a Figure as SVG (Markdown, HTML);
the DOCX writer describes the same points as a native chart (writers/docx/charts.py).

No font is needed to build either: the reader's own software draws the text.
"""

from reportgen.charts.data import ChartData, chart_data, size_emu
from reportgen.charts.svg_file import render_svg

__all__ = ["ChartData", "chart_data", "render_svg", "size_emu"]
